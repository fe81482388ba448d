package data

import (
	"bytes"
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// Issue gives a draft its number and, for invoices and credit notes, posts it
// to the ledger — receivable against revenue and VAT per rate — all in one
// transaction: a failure anywhere leaves no number used and nothing posted.
func (s *Store) Issue(ctx context.Context, id string) (app.SalesDoc, error) {
	if err := s.allowed(ctx, app.PermSalesWrite); err != nil {
		return app.SalesDoc{}, err
	}
	var d app.SalesDoc
	err := s.updateAs(ctx, app.PermSalesWrite, "issuing the document", func(tx *bolt.Tx, _ app.User, a *auditor) (err error) {
		d, err = s.issueTx(tx, a, id)
		return err
	})
	if err != nil {
		return app.SalesDoc{}, err
	}
	return d, nil
}

// issueTx is Issue in tx: it returns the document as issued.
func (s *Store) issueTx(tx *bolt.Tx, a *auditor, id string) (app.SalesDoc, error) {
	d, err := readDoc(tx, id)
	if err != nil {
		return d, err
	}
	company, err := readCompany(tx)
	if err != nil {
		return d, err
	}
	cust, err := readCustomer(tx, d.CustomerID)
	if err != nil && d.CustomerID != "" {
		return d, app.WithField(err, "doc.customer")
	}
	if d, err = app.PrepareForIssue(d, company, cust); err != nil {
		return d, err
	}
	var inv app.SalesDoc // the invoice a credit note corrects
	if d.Kind == app.KindCreditNote {
		if inv, err = readDoc(tx, d.OriginalID); err != nil {
			return d, app.WithField(err, "doc.original")
		}
		prior, err := priorCredits(tx, inv)
		if err != nil {
			return d, err
		}
		if d, inv, err = app.ApplyCreditNote(d, inv, prior, company.BaseCurrency); err != nil {
			return d, err
		}
	}
	series, err := seriesFor(company, d.Kind.Series())
	if err != nil {
		return d, err
	}
	number, err := assignNumber(tx, series, d.IssueDate.Year(), d.ID)
	if err != nil {
		return d, err
	}
	d = app.Issued(d, number, s.clock.Now().UTC())
	e, err := app.SalesEntry(d, company)
	if err != nil {
		return d, err
	}
	var p *poster // made when there is something to post
	post := func(e app.Entry) (app.Entry, error) {
		if p == nil {
			var err error
			if p, err = newPoster(tx, s.clock); err != nil {
				return e, err
			}
		}
		return p.post(e)
	}
	if e != nil {
		posted, err := post(*e)
		if err != nil {
			return d, err
		}
		d.EntryID = posted.ID
	}
	if d.Kind == app.KindCreditNote {
		var rounding *app.Entry
		if inv, rounding = app.CloseCredited(inv, d, company.Chart.Posting()); rounding != nil {
			if _, err := post(*rounding); err != nil {
				return d, err
			}
		}
		if err := putDoc(tx, inv); err != nil {
			return d, err
		}
	}
	if err := tx.Bucket(bDocNums).Put([]byte(d.Number), []byte(d.ID)); err != nil {
		return d, err
	}
	if err := putDoc(tx, d); err != nil {
		return d, err
	}
	if err := shipInvoice(tx, s.clock, a.user, d, a); err != nil { // warehouse.go
		return d, err
	}
	return d, a.logKey("issue", string(d.Kind), d.ID, "audit.issued", "{{.number}} for {{.customer}}, {{.total}}",
		app.AuditArgs{"number": app.AText(d.Number), "customer": app.AText(d.Customer.Name), "total": app.AMoney(app.M(d.Totals.Total, d.Currency))})
}

// priorCredits are the issued credit notes of invoice inv, read through its
// customer's documents.
func priorCredits(tx *bolt.Tx, inv app.SalesDoc) ([]app.SalesDoc, error) {
	var out []app.SalesDoc
	prefix := docCustomerKey(inv.CustomerID, "")
	c := tx.Bucket(bDocCust).Cursor()
	rows, dates := tx.Bucket(bDocRowIdx), tx.Bucket(bDocDates)
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if dk, _, ok := splitRowValue(rows.Get(k[len(prefix):])); ok {
			if h, ok := parseHead(dates.Get(dk)); ok && !bytes.Equal(h.kind, kindCreditNote) {
				continue // only credit notes are read
			}
		}
		d, err := readDoc(tx, string(k[len(prefix):]))
		if err != nil {
			return nil, err
		}
		if d.Kind == app.KindCreditNote && d.Status == app.StatusIssued && d.OriginalID == inv.ID {
			out = append(out, d)
		}
	}
	return out, nil
}

// creditOriginal reads the invoice credit note d corrects and the
// invoice's issued credit notes, for app.CreditDraftTotals: nil when d
// names no invoice or it cannot be read.
func creditOriginal(tx *bolt.Tx, d app.SalesDoc) (*app.SalesDoc, []app.SalesDoc) {
	if d.OriginalID == "" {
		return nil, nil
	}
	inv, err := readDoc(tx, d.OriginalID)
	if err != nil {
		return nil, nil
	}
	prior, err := priorCredits(tx, inv)
	if err != nil {
		return nil, nil
	}
	return &inv, prior
}

// Convert makes a draft order from an issued quote, or a draft invoice from an
// issued order, with every line carried over, and marks the source
// (app.ConvertDoc).
func (s *Store) Convert(ctx context.Context, id string, to app.DocKind) (app.SalesDoc, error) {
	var out app.SalesDoc
	err := s.updateAs(ctx, app.PermSalesWrite, "converting the document", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		src, err := readDoc(tx, id)
		if err != nil {
			return err
		}
		var cust *app.Customer
		if c, err := readCustomer(tx, src.CustomerID); err == nil {
			cust = &c
		}
		now := s.clock.Now().UTC()
		out, src, err = app.ConvertDoc(src, to, cust, app.NewID(now), now, app.Today(s.clock))
		if err != nil {
			return err
		}
		if err := putDoc(tx, src); err != nil {
			return err
		}
		if err := putDoc(tx, out); err != nil {
			return err
		}
		return a.logKey("convert", string(to), out.ID, "audit.converted", "from {{.kind}} {{.number}}", app.AuditArgs{"kind": idLabel("audit.entity.", string(src.Kind)), "number": app.AText(src.Number)})
	})
	return out, err
}

// NewCreditNote makes a draft credit note taking back what remains of an
// issued invoice (app.CreditNoteDraft); the user may reduce it before
// issuing.
func (s *Store) NewCreditNote(ctx context.Context, invoiceID, reason string) (app.SalesDoc, error) {
	var out app.SalesDoc
	err := s.updateAs(ctx, app.PermSalesWrite, "creating the credit note", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		inv, err := readDoc(tx, invoiceID)
		if err != nil {
			return err
		}
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		prior, err := priorCredits(tx, inv)
		if err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		if out, err = app.CreditNoteDraft(inv, reason, app.NewID(now), now, app.Today(s.clock), company, prior); err != nil {
			return err
		}
		if err := putDoc(tx, out); err != nil {
			return err
		}
		return a.logKey("create", string(app.KindCreditNote), out.ID, "audit.credit_draft", "draft credit note for {{.number}}", app.AuditArgs{"number": app.AText(inv.Number)})
	})
	return out, err
}

// creditResidue is app.CreditResidue; purchases.go calls it (until it calls
// app.CreditResidue itself).
func creditResidue(rate app.Rate, remaining, baseRemaining int64) int64 {
	return app.CreditResidue(rate, remaining, baseRemaining)
}

// postRounding posts app.RoundingEntry: the rounding account still carries
// for a closed document against 548 or 648; purchases.go calls it (until it
// posts app.RoundingEntry itself).
func postRounding(p *poster, acc app.PostingAccounts, account string, carried int64, date app.Date, memo, source string) error {
	_, err := p.post(app.RoundingEntry(account, carried, date, app.Memo{Czech: memo}, source, acc))
	return err
}
