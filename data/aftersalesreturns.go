package data

import (
	"bytes"
	"context"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// The return flow: the draft return (CreateReturn), the goods received
// (the stock receipt posted through postStockTx, the warehouse's own
// posting) and the credit note (issued through issueTx, the sales credit
// note's path) — each one transaction a person confirms.

// returnsOf are the returns the index lists under prefix.
func returnsOf(tx *bolt.Tx, prefix []byte) ([]app.ReturnDoc, error) {
	var out []app.ReturnDoc
	c := tx.Bucket(bReturnIdx).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		r, err := readReturn(tx, string(k[len(prefix):]))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// usageOf is what of each line of invoice inv already came back, from its
// issued credit notes and its returns on file.
func usageOf(tx *bolt.Tx, inv app.SalesDoc) (map[int]app.LineUsage, []app.SalesDoc, error) {
	prior, err := priorCredits(tx, inv)
	if err != nil {
		return nil, nil, err
	}
	rs, err := returnsOf(tx, ticketListPrefix(listInvoice, inv.ID))
	if err != nil {
		return nil, nil, err
	}
	return app.LineUsages(inv, prior, rs), prior, nil
}

// ReturnUsage is what of each line of the invoice already came back.
func (s *Store) ReturnUsage(ctx context.Context, invoiceID string) (map[int]app.LineUsage, error) {
	var out map[int]app.LineUsage
	err := s.viewAs(ctx, app.PermAftersales, "reading what came back", func(tx *bolt.Tx, _ app.User) error {
		inv, err := readDoc(tx, invoiceID)
		if err != nil {
			return app.WithField(err, "return.invoice")
		}
		out, _, err = usageOf(tx, inv)
		return err
	})
	return out, err
}

// CreateReturn saves the draft return of the picks from the ticket's
// invoice and links it to the ticket.
func (s *Store) CreateReturn(ctx context.Context, ticketID string, picks []app.ReturnPick, reason string, defective bool, day app.Date) (app.ReturnDoc, error) {
	var out app.ReturnDoc
	err := s.updateAs(ctx, app.PermAftersales, "creating the return", func(tx *bolt.Tx, u app.User, a *auditor) error {
		t, err := readTicket(tx, ticketID)
		if err != nil {
			return err
		}
		if t.Status == app.TicketClosed {
			return app.Invalid("ticket.status", "err.ticket.closed", "the ticket is closed", nil)
		}
		if t.InvoiceID == "" {
			return app.Invalid("return.invoice", "err.return.invoice", "a return is made against an issued invoice", nil)
		}
		inv, err := readDoc(tx, t.InvoiceID)
		if err != nil {
			return app.WithField(err, "return.invoice")
		}
		used, _, err := usageOf(tx, inv)
		if err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		r, err := app.NewReturn(inv, t, picks, used, reason, app.NewID(now), day, u.Name, now)
		if err != nil {
			return err
		}
		r.Defective = defective
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		if r.Number, err = assignNumber(tx, afterSalesSeries(company, app.SeriesReturn), day.Year(), r.ID); err != nil {
			return err
		}
		if err := r.Validate(); err != nil {
			return err
		}
		if err := putReturn(tx, nil, r); err != nil {
			return err
		}
		old := t
		t.ReturnID, t.Updated = r.ID, now
		t.Revision++
		if err := putTicket(tx, &old, t); err != nil {
			return err
		}
		out = r
		return a.logKey("create", "return", r.ID, "audit.return_created", "{{.number}} against {{.invoice}}, {{.n}} lines",
			app.AuditArgs{"number": app.AText(r.Number), "invoice": app.AText(r.InvoiceNo), "n": app.AInt(len(r.Lines))})
	})
	return out, err
}

// AdvanceReturn performs the return's next step in one transaction.
func (s *Store) AdvanceReturn(ctx context.Context, id string, step app.ReturnStep, day app.Date) (app.ReturnDoc, error) {
	var out app.ReturnDoc
	err := s.updateAs(ctx, app.PermAftersales, "advancing the return", func(tx *bolt.Tx, u app.User, a *auditor) error {
		old, err := readReturn(tx, id)
		if err != nil {
			return err
		}
		next, err := old.Next(step)
		if err != nil {
			return err
		}
		if day.IsZero() {
			day = app.Today(s.clock)
		}
		r := old
		inv, err := readDoc(tx, r.InvoiceID)
		if err != nil {
			return app.WithField(err, "return.invoice")
		}
		now := s.clock.Now().UTC()
		switch step {
		case app.StepReceive:
			if err := s.receiveReturn(tx, u, a, &r, day, now); err != nil {
				return err
			}
		case app.StepCredit:
			if err := s.creditReturn(tx, a, &r, inv, day, now); err != nil {
				return err
			}
		}
		r.Status, r.Updated = next, now
		r.Revision++
		if err := r.Validate(); err != nil {
			return err
		}
		if err := putReturn(tx, &old, r); err != nil {
			return err
		}
		out = r
		return a.logKey(string(step), "return", r.ID, "audit.return_step", "{{.number}}: {{.status}}",
			app.AuditArgs{"number": app.AText(r.Number), "status": idLabel("return.status.", string(r.Status))})
	})
	return out, err
}

// receiveReturn posts the receipt of return r's stock lines (app.ReturnReceipt
// at the cost the invoice's issue gave them) through the warehouse's
// posting; a return of no stock items posts nothing.
func (s *Store) receiveReturn(tx *bolt.Tx, u app.User, a *auditor, r *app.ReturnDoc, day app.Date, now time.Time) error {
	items := map[string]app.StockItem{}
	if tx.Bucket(bStockItems) != nil {
		for _, l := range r.Lines {
			var si app.StockItem
			if l.ItemID == "" {
				continue
			}
			ok, err := getJSON(tx, bStockItems, []byte(l.ItemID), &si)
			if err != nil {
				return err
			}
			if ok {
				items[l.ItemID] = si
			}
		}
	}
	if len(items) == 0 {
		return nil
	}
	issues, err := invoiceIssues(tx, r.InvoiceID)
	if err != nil {
		return err
	}
	issue, _ := postedIssue(issues)
	set, err := readAfterSalesSettings(tx)
	if err != nil {
		return err
	}
	loc := ""
	if r.Defective {
		loc = set.DefectiveLocation
	}
	rr := *r
	rr.Date = day
	d, ok, err := app.ReturnReceipt(rr, issue, items, loc, app.NewID(now), u.Name, now)
	if err != nil || !ok {
		return err
	}
	posted, err := postStockTx(tx, s.clock, u.Name, d, a)
	if err != nil {
		return app.WithField(err, "return.receipt")
	}
	r.ReceiptID, r.ReceiptNo = posted.ID, posted.Number
	return nil
}

// creditReturn issues the credit note of return r (app.ReturnCreditNote)
// the way the sales credit note is issued (putDoc, then issueTx: numbered,
// ApplyCreditNote, posted) and records the refund due when the invoice was
// paid (app.RefundDue, from the invoice as it stood before).
func (s *Store) creditReturn(tx *bolt.Tx, a *auditor, r *app.ReturnDoc, inv app.SalesDoc, day app.Date, now time.Time) error {
	company, err := readCompany(tx)
	if err != nil {
		return err
	}
	prior, err := priorCredits(tx, inv)
	if err != nil {
		return err
	}
	cn, err := app.ReturnCreditNote(*r, inv, prior, company, app.NewID(now), day, now)
	if err != nil {
		return err
	}
	if err := putDoc(tx, cn); err != nil {
		return err
	}
	if cn, err = s.issueTx(tx, a, cn.ID); err != nil {
		return err
	}
	credit := -cn.Totals.Total
	r.CreditNoteID, r.CreditNoteNo, r.Credited = cn.ID, cn.Number, credit
	r.RefundDue = app.RefundDue(inv.Totals.Total, inv.Paid, inv.Credited, credit)
	return nil
}

// Return returns one return.
func (s *Store) Return(ctx context.Context, id string) (app.ReturnDoc, error) {
	var out app.ReturnDoc
	err := s.viewAs(ctx, app.PermAftersales, "reading the return", func(tx *bolt.Tx, _ app.User) (err error) {
		out, err = readReturn(tx, id)
		return err
	})
	return out, err
}

// Returns are the returns of a ticket (ticketID) or of an invoice
// (invoiceID), oldest first; both given: those of the ticket against that
// invoice.
func (s *Store) Returns(ctx context.Context, ticketID, invoiceID string) ([]app.ReturnDoc, error) {
	var out []app.ReturnDoc
	err := s.viewAs(ctx, app.PermAftersales, "listing the returns", func(tx *bolt.Tx, _ app.User) error {
		var err error
		switch {
		case ticketID != "":
			rs, err := returnsOf(tx, ticketListPrefix("t", ticketID))
			if err != nil {
				return err
			}
			for _, r := range rs {
				if invoiceID == "" || r.InvoiceID == invoiceID {
					out = append(out, r)
				}
			}
		case invoiceID != "":
			out, err = returnsOf(tx, ticketListPrefix(listInvoice, invoiceID))
		}
		return err
	})
	return out, err
}
