package data

import (
	"bytes"
	"context"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// After-sales' store (issue 13): app's ticket*.go and aftersales*.go decide,
// this file loads what they need and keeps what they return, each write in
// one transaction with its audit entry; the lists and the deadline index
// (aftersalesLists) are kept in the same transaction as the ticket.

func errTicketNotFound() error {
	return app.Errorf(app.ENOTFOUND, "err.ticket.not_found", "the ticket does not exist", nil)
}

func readTicket(tx *bolt.Tx, id string) (app.Ticket, error) {
	var t app.Ticket
	ok, err := getJSON(tx, bTickets, []byte(id), &t)
	if err == nil && !ok {
		err = errTicketNotFound()
	}
	return t, err
}

// putTicket stores t (old: its stored version, nil when new) and moves its
// entries in the lists and the deadline index.
func putTicket(tx *bolt.Tx, old *app.Ticket, t app.Ticket) error {
	t.Comments = append([]app.TicketComment(nil), t.Comments...)
	for i := range t.Attachments {
		t.Attachments[i].Data = nil
	}
	if err := putLogged(tx, bTickets, changeTicket, []byte(t.ID), t); err != nil {
		return err
	}
	var was []indexKV
	if old != nil {
		was = ticketIndexKeys(*old)
	}
	return reindex(tx, was, ticketIndexKeys(t))
}

func readReturn(tx *bolt.Tx, id string) (app.ReturnDoc, error) {
	var r app.ReturnDoc
	ok, err := getJSON(tx, bReturns, []byte(id), &r)
	if err == nil && !ok {
		err = app.Errorf(app.ENOTFOUND, "err.return.not_found", "the return does not exist", nil)
	}
	return r, err
}

func putReturn(tx *bolt.Tx, old *app.ReturnDoc, r app.ReturnDoc) error {
	if err := putLogged(tx, bReturns, changeReturn, []byte(r.ID), r); err != nil {
		return err
	}
	var was []indexKV
	if old != nil {
		was = returnIndexKeys(*old)
	}
	return reindex(tx, was, returnIndexKeys(r))
}

func readAfterSalesSettings(tx *bolt.Tx) (app.AfterSalesSettings, error) {
	var s app.AfterSalesSettings
	_, err := getJSON(tx, bAfterSalesSettings, kAfterSalesSettings, &s)
	return s, err
}

// afterSalesSeries is the company's series for code, or after-sales'
// default (app.AfterSalesSeries) when the company's series predate it.
func afterSalesSeries(c app.Company, code string) app.Series {
	if s, ok := c.SeriesFor(code); ok {
		return s
	}
	for _, s := range app.AfterSalesSeries() {
		if s.Code == code {
			return s
		}
	}
	return app.Series{Code: code, Prefix: "RK", Width: 4}
}

// invoiceIssues are the stock issues posted for invoice invoiceID (the
// ones shipInvoice posted; storno documents left for app.SerialsSold to
// drop). Only records naming the invoice are decoded.
func invoiceIssues(tx *bolt.Tx, invoiceID string) ([]app.StockDoc, error) {
	b := tx.Bucket(bStockDocs)
	if b == nil || invoiceID == "" {
		return nil, nil
	}
	var out []app.StockDoc
	needle := []byte(`"` + invoiceID + `"`)
	err := b.ForEach(func(_, raw []byte) error {
		if !bytes.Contains(raw, needle) {
			return nil
		}
		var d app.StockDoc
		if err := decode(raw, &d); err != nil {
			return err
		}
		if d.SourceID == invoiceID && d.Kind == app.StockIssue {
			out = append(out, d)
		}
		return nil
	})
	return out, err
}

// postedIssue is the invoice's posted, not reversed stock issue.
func postedIssue(issues []app.StockDoc) (app.StockDoc, bool) {
	for _, d := range issues {
		if d.Status == app.StockPosted && !d.Storno && d.ReversedBy == "" {
			return d, true
		}
	}
	return app.StockDoc{}, false
}

// ticketSource checks t against its invoice (app.CheckTicketSource with the
// serials the invoice's issue shipped) and copies the invoice's facts; a
// ticket naming no invoice has them cleared.
func ticketSource(tx *bolt.Tx, t app.Ticket) (app.Ticket, error) {
	if t.InvoiceID == "" {
		t.InvoiceNo, t.SaleDate, t.ItemID, t.ItemCode, t.ItemName = "", app.Date{}, "", "", ""
		return t, nil
	}
	inv, err := readDoc(tx, t.InvoiceID)
	if err != nil {
		return t, app.Invalid("ticket.invoice_line", "err.ticket.unknown_invoice", "the customer has no issued invoice {{.number}}", map[string]any{"number": t.InvoiceNo})
	}
	var sold []string
	if t.Serial != "" && t.InvoiceLine >= 1 && t.InvoiceLine <= len(inv.Lines) {
		issues, err := invoiceIssues(tx, inv.ID)
		if err != nil {
			return t, err
		}
		sold = app.SerialsSold(issues, inv.ID, inv.Lines[t.InvoiceLine-1].ItemID)
	}
	return app.CheckTicketSource(t, inv, sold)
}

// AfterSalesSettings returns the settings (zero values until saved).
func (s *Store) AfterSalesSettings(ctx context.Context) (app.AfterSalesSettings, error) {
	var out app.AfterSalesSettings
	err := s.viewAs(ctx, app.PermAftersales, "reading the after-sales settings", func(tx *bolt.Tx, _ app.User) (err error) {
		out, err = readAfterSalesSettings(tx)
		return err
	})
	return out, err
}

// SaveAfterSalesSettings validates and stores the settings.
func (s *Store) SaveAfterSalesSettings(ctx context.Context, set app.AfterSalesSettings) (app.AfterSalesSettings, error) {
	err := s.updateAs(ctx, app.PermAftersales, "saving the after-sales settings", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		locs, err := readLocations(tx)
		if err != nil {
			return err
		}
		if err := set.Validate(locs); err != nil {
			return err
		}
		if err := putLogged(tx, bAfterSalesSettings, changeAfterSalesSettings, kAfterSalesSettings, set); err != nil {
			return err
		}
		return a.logKey("save", "aftersales_settings", "settings", "audit.aftersales_settings", "business customers' deadline {{.days}} days",
			app.AuditArgs{"days": app.AInt(set.BusinessComplaintDays)})
	})
	return set, err
}

// SaveTicket creates or updates a ticket (app.AfterSalesService).
func (s *Store) SaveTicket(ctx context.Context, t app.Ticket) (app.Ticket, error) {
	t.Normalize()
	err := s.updateAs(ctx, app.PermAftersales, "saving the ticket", func(tx *bolt.Tx, u app.User, a *auditor) error {
		now := s.clock.Now().UTC()
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		var old *app.Ticket
		action := "create"
		if t.ID == "" {
			t.ID, t.Number, t.Status, t.Created, t.CreatedBy, t.Revision = app.NewID(now), "", app.TicketNew, now, u.Name, 0
			t.Comments, t.Attachments, t.ReturnID = nil, nil, ""
			if t.Filed.IsZero() {
				t.Filed = now
			}
			if t.Branch == "" {
				t.Branch = company.Branch
			}
		} else {
			o, err := readTicket(tx, t.ID)
			if err != nil {
				return err
			}
			if o.Revision != t.Revision {
				return app.Errorf(app.ECONFLICT, "err.ticket.revision", "ticket {{.number}} was changed meanwhile; open it again", map[string]any{"number": o.Number})
			}
			if o.Status == app.TicketClosed {
				return app.Invalid("ticket.status", "err.ticket.closed", "the ticket is closed", nil)
			}
			old, action = &o, "update"
			t.Number, t.Status, t.Comments, t.Attachments, t.ReturnID = o.Number, o.Status, o.Comments, o.Attachments, o.ReturnID
			t.Filed, t.Created, t.CreatedBy, t.Branch, t.Revision = o.Filed, o.Created, o.CreatedBy, o.Branch, o.Revision+1
		}
		if t.CustomerID != "" {
			cust, err := readCustomer(tx, t.CustomerID)
			if err != nil {
				return app.WithField(err, "ticket.customer")
			}
			t.Customer = app.PartyOfCustomer(cust)
		}
		if t, err = ticketSource(tx, t); err != nil {
			return err
		}
		if err := t.Validate(); err != nil {
			return err
		}
		set, err := readAfterSalesSettings(tx)
		if err != nil {
			return err
		}
		t = t.WithDeadline(set)
		t.Updated = now
		if old == nil {
			if t.Number, err = assignNumber(tx, afterSalesSeries(company, app.SeriesTicket), app.DateOf(t.Filed.Local()).Year(), t.ID); err != nil {
				return err
			}
		}
		if err := putTicket(tx, old, t); err != nil {
			return err
		}
		return a.logKey(action, "ticket", t.ID, "audit.ticket_saved", "{{.number}} {{.subject}} for {{.customer}}",
			app.AuditArgs{"number": app.AText(t.Number), "subject": app.AText(t.Subject), "customer": app.AText(t.Customer.Name)})
	})
	if err != nil {
		return app.Ticket{}, err
	}
	return t, nil
}

// Ticket returns one ticket.
func (s *Store) Ticket(ctx context.Context, id string) (app.Ticket, error) {
	var out app.Ticket
	err := s.viewAs(ctx, app.PermAftersales, "reading the ticket", func(tx *bolt.Tx, _ app.User) (err error) {
		out, err = readTicket(tx, id)
		return err
	})
	return out, err
}

// DeleteTicket deletes a new ticket with no return, its files and its
// entries in the lists.
func (s *Store) DeleteTicket(ctx context.Context, id string) error {
	return s.updateAs(ctx, app.PermAftersales, "deleting the ticket", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		t, err := readTicket(tx, id)
		if err != nil {
			return err
		}
		if t.Status != app.TicketNew || t.ReturnID != "" {
			return app.Invalid("ticket.status", "err.ticket.delete", "only a new ticket with no return can be deleted; close it instead", nil)
		}
		if err := tx.Bucket(bTickets).Delete([]byte(id)); err != nil {
			return err
		}
		if err := recordDelete(tx, changeTicket, []byte(id)); err != nil {
			return err
		}
		for _, at := range t.Attachments {
			k := cat([]byte(id), sep, []byte(at.ID))
			if err := tx.Bucket(bTicketFiles).Delete(k); err != nil {
				return err
			}
			if err := recordDelete(tx, changeTicketFile, k); err != nil {
				return err
			}
		}
		if err := reindex(tx, ticketIndexKeys(t), nil); err != nil {
			return err
		}
		return a.logKey("delete", "ticket", id, "audit.ticket_deleted", "{{.number}} {{.subject}}", app.AuditArgs{"number": app.AText(t.Number), "subject": app.AText(t.Subject)})
	})
}

// MoveTicket moves the ticket through the status machine (Ticket.Move).
func (s *Store) MoveTicket(ctx context.Context, id string, to app.TicketStatus, outcome app.Outcome, resolution string, on app.Date) (app.Ticket, error) {
	var out app.Ticket
	err := s.updateAs(ctx, app.PermAftersales, "moving the ticket", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		old, err := readTicket(tx, id)
		if err != nil {
			return err
		}
		t := old
		if outcome != "" {
			t.Outcome = outcome
		}
		if r := strings.TrimSpace(resolution); r != "" {
			t.Resolution = r
		}
		if on.IsZero() {
			on = app.Today(s.clock)
		}
		now := s.clock.Now().UTC()
		if t, err = t.Move(to, on, now); err != nil {
			return err
		}
		if err := t.Validate(); err != nil {
			return err
		}
		t.Revision++
		if err := putTicket(tx, &old, t); err != nil {
			return err
		}
		out = t
		return a.logKey("move", "ticket", id, "audit.ticket_moved", "{{.number}}: {{.from}} – {{.to}}",
			app.AuditArgs{"number": app.AText(t.Number), "from": idLabel("ticket.status.", string(old.Status)), "to": idLabel("ticket.status.", string(to))})
	})
	return out, err
}

// warrantyOf is the warranty check of ticket t from its invoice's DUZP and
// its item's stock card.
func warrantyOf(tx *bolt.Tx, t app.Ticket) (app.Warranty, error) {
	in := app.WarrantyInput{Sale: t.SaleDate, Consumer: t.Consumer, Complained: t.Complained, Shown: t.DefectShown}
	if t.InvoiceID != "" {
		if inv, err := readDoc(tx, t.InvoiceID); err == nil {
			in.Sale = app.SaleDay(inv)
		}
	}
	if t.ItemID != "" && tx.Bucket(bStockItems) != nil {
		var si app.StockItem
		if _, err := getJSON(tx, bStockItems, []byte(t.ItemID), &si); err != nil {
			return app.Warranty{}, err
		}
		in.ItemMonths = si.WarrantyMonths
	}
	return app.CheckWarranty(in)
}

// TicketWarranty is the warranty check of a ticket.
func (s *Store) TicketWarranty(ctx context.Context, id string) (app.Warranty, error) {
	var out app.Warranty
	err := s.viewAs(ctx, app.PermAftersales, "checking the warranty", func(tx *bolt.Tx, _ app.User) error {
		t, err := readTicket(tx, id)
		if err != nil {
			return err
		}
		out, err = warrantyOf(tx, t)
		return err
	})
	return out, err
}

// changeTicketTx reads ticket id, lets fn change it and stores it with its
// audit entry.
func (s *Store) changeTicketTx(ctx context.Context, what, id string, fn func(t app.Ticket, u app.User, tx *bolt.Tx, a *auditor) (app.Ticket, error)) (app.Ticket, error) {
	var out app.Ticket
	err := s.updateAs(ctx, app.PermAftersales, what, func(tx *bolt.Tx, u app.User, a *auditor) error {
		old, err := readTicket(tx, id)
		if err != nil {
			return err
		}
		t, err := fn(old, u, tx, a)
		if err != nil {
			return err
		}
		t.Revision++
		if err := putTicket(tx, &old, t); err != nil {
			return err
		}
		out = t
		return nil
	})
	return out, err
}

// AddTicketComment appends the signed-in user's comment.
func (s *Store) AddTicketComment(ctx context.Context, id, text string) (app.Ticket, error) {
	return s.changeTicketTx(ctx, "adding the comment", id, func(t app.Ticket, u app.User, _ *bolt.Tx, a *auditor) (app.Ticket, error) {
		t, err := t.AddComment(u.Name, text, s.clock.Now().UTC())
		if err != nil {
			return t, err
		}
		return t, a.logKey("comment", "ticket", t.ID, "audit.ticket_comment", "{{.number}}: comment added", app.AuditArgs{"number": app.AText(t.Number)})
	})
}

// AddTicketAttachment stores a file apart from the ticket and its metadata
// on the ticket.
func (s *Store) AddTicketAttachment(ctx context.Context, id, name string, data []byte) (app.Ticket, error) {
	return s.changeTicketTx(ctx, "adding the attachment", id, func(t app.Ticket, u app.User, tx *bolt.Tx, a *auditor) (app.Ticket, error) {
		now := s.clock.Now().UTC()
		at, err := app.NewAttachment(app.NewID(now), name, data, u.Name, now)
		if err != nil {
			return t, err
		}
		if t, err = t.AttachTo(at, now); err != nil {
			return t, err
		}
		k := cat([]byte(t.ID), sep, []byte(at.ID))
		if err := tx.Bucket(bTicketFiles).Put(k, data); err != nil {
			return t, err
		}
		if err := recordChange(tx, changeTicketFile, k, data); err != nil {
			return t, err
		}
		return t, a.logKey("attach", "ticket", t.ID, "audit.ticket_attachment", "{{.number}}: {{.name}} ({{.size}} B)",
			app.AuditArgs{"number": app.AText(t.Number), "name": app.AText(at.Name), "size": app.AInt(at.Size)})
	})
}

// TicketAttachment reads an attachment back with its content.
func (s *Store) TicketAttachment(ctx context.Context, ticketID, attachmentID string) (app.Attachment, error) {
	var out app.Attachment
	err := s.viewAs(ctx, app.PermAftersales, "reading the attachment", func(tx *bolt.Tx, _ app.User) error {
		t, err := readTicket(tx, ticketID)
		if err != nil {
			return err
		}
		for _, at := range t.Attachments {
			if at.ID == attachmentID {
				out = at
				out.Data = bytes.Clone(tx.Bucket(bTicketFiles).Get(cat([]byte(ticketID), sep, []byte(attachmentID))))
				return nil
			}
		}
		return app.Errorf(app.ENOTFOUND, "err.attachment.not_found", "the attachment does not exist", nil)
	})
	return out, err
}

// TicketConfirmation is the complaint's confirmation to print.
func (s *Store) TicketConfirmation(ctx context.Context, id string, lang app.Lang) (app.ComplaintConfirmation, error) {
	var out app.ComplaintConfirmation
	err := s.viewAs(ctx, app.PermAftersales, "preparing the confirmation", func(tx *bolt.Tx, _ app.User) error {
		t, err := readTicket(tx, id)
		if err != nil {
			return err
		}
		c, err := readCompany(tx)
		if err != nil {
			return err
		}
		var w app.Warranty
		if t.Kind == app.TicketComplaint { // anything else ConfirmationOf refuses for its kind
			if w, err = warrantyOf(tx, t); err != nil {
				return err
			}
		}
		out, err = app.ConfirmationOf(t, app.PartyOfCompany(c), w, lang)
		return err
	})
	return out, err
}

// TicketOutcome is the complaint's outcome document to print.
func (s *Store) TicketOutcome(ctx context.Context, id string, lang app.Lang) (app.ComplaintOutcome, error) {
	var out app.ComplaintOutcome
	err := s.viewAs(ctx, app.PermAftersales, "preparing the outcome", func(tx *bolt.Tx, _ app.User) error {
		t, err := readTicket(tx, id)
		if err != nil {
			return err
		}
		c, err := readCompany(tx)
		if err != nil {
			return err
		}
		currency := c.BaseCurrency
		var r *app.ReturnDoc
		if t.ReturnID != "" {
			rd, err := readReturn(tx, t.ReturnID)
			if err != nil {
				return err
			}
			if rd.Status == app.ReturnCredited {
				r = &rd
			}
			if inv, err := readDoc(tx, rd.InvoiceID); err == nil && inv.Currency != "" {
				currency = inv.Currency
			}
		}
		out, err = app.OutcomeOf(t, r, currency, app.PartyOfCompany(c), lang)
		return err
	})
	return out, err
}
