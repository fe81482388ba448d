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
	err := s.updateAs(ctx, app.PermSalesWrite, "issuing the document", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		var err error
		if d, err = readDoc(tx, id); err != nil {
			return err
		}
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		cust, err := readCustomer(tx, d.CustomerID)
		if err != nil && d.CustomerID != "" {
			return app.WithField(err, "doc.customer")
		}
		if d, err = app.PrepareForIssue(d, company, cust); err != nil {
			return err
		}
		var inv app.SalesDoc // the invoice a credit note corrects
		if d.Kind == app.KindCreditNote {
			if inv, err = creditOriginal(tx, &d); err != nil {
				return err
			}
		}
		series, err := seriesFor(company, d.Kind.Series())
		if err != nil {
			return err
		}
		if d.Number, err = assignNumber(tx, series, d.IssueDate.Year(), d.ID); err != nil {
			return err
		}
		if d.VariableSymbol == "" {
			d.VariableSymbol = app.DocVariableSymbol(d.Kind, d.Number)
		}
		if d.Kind.Posts() && d.Totals.TotalCZK != 0 {
			if err := s.postDoc(tx, &d, company); err != nil {
				return err
			}
		}
		if d.Kind == app.KindCreditNote {
			if err := s.closeCreditedInvoice(tx, &inv, d); err != nil {
				return err
			}
			if err := putDoc(tx, inv); err != nil {
				return err
			}
		}
		d.Status = app.StatusIssued
		d.Issued = s.clock.Now().UTC()
		d.Updated = d.Issued
		d.Revision++
		if err := tx.Bucket(bDocNums).Put([]byte(d.Number), []byte(d.ID)); err != nil {
			return err
		}
		if err := putDoc(tx, d); err != nil {
			return err
		}
		return a.logKey("issue", string(d.Kind), d.ID, "audit.doc_issued", "{{.number}} for {{.customer}}, {{.total}}",
			app.AuditArgs{"number": app.AText(d.Number), "customer": app.AText(d.Customer.Name), "total": app.AMoney(app.M(d.Totals.Total, d.Currency))})
	})
	if err != nil {
		return app.SalesDoc{}, err
	}
	return d, nil
}

// postDoc posts an issued invoice or credit note through the ledger's poster:
// the same checks (locked month, known accounts, balance) as any entry.
func (s *Store) postDoc(tx *bolt.Tx, d *app.SalesDoc, company app.Company) error {
	p, err := newPoster(tx, s.clock)
	if err != nil {
		return err
	}
	title := "Faktura"
	if d.Kind == app.KindCreditNote {
		title = "Opravný doklad"
	}
	e := app.Entry{Date: d.TaxDate, Memo: title + " " + d.Number + " – " + d.Customer.Name, Source: string(d.Kind) + ":" + d.ID,
		Lines: app.SalesPosting(*d, company.Chart.Posting())}
	e.CutMemos()
	if err := e.Validate(); err != nil {
		return app.Internal("building the posting of "+d.Number, err)
	}
	posted, err := p.post(e)
	if err != nil {
		return err
	}
	d.EntryID = posted.ID
	return nil
}

// creditOriginal checks a credit note against its invoice and returns the
// invoice with the credit note recorded (Issue stores it).
func creditOriginal(tx *bolt.Tx, d *app.SalesDoc) (app.SalesDoc, error) {
	inv, err := readDoc(tx, d.OriginalID)
	if err != nil {
		return inv, app.WithField(err, "doc.original")
	}
	if inv.Kind != app.KindInvoice || inv.Status != app.StatusIssued {
		return inv, app.Invalid("doc.original", "err.credit.not_invoice", "a credit note corrects an issued invoice", nil)
	}
	if inv.Currency != d.Currency || inv.CustomerID != d.CustomerID {
		return inv, app.Invalid("doc.original", "err.credit.mismatch", "a credit note has the customer and currency of its invoice", nil)
	}
	if inv.Regime.Of() != d.Regime.Of() || inv.Exempt != d.Exempt {
		return inv, app.Invalid("doc.regime", "err.credit.regime", "a credit note has the VAT regime of its invoice {{.number}}", map[string]any{"number": inv.Number})
	}
	company, err := readCompany(tx)
	if err != nil {
		return inv, err
	}
	prior, err := priorCredits(tx, inv)
	if err != nil {
		return inv, err
	}
	d.Totals = app.CreditNoteTotals(*d, inv, prior, company.BaseCurrency)
	left := inv.Totals.Total - inv.Credited
	if -d.Totals.Total > left {
		return inv, app.Invalid("doc.lines", "err.credit.too_large", "the credit note ({{.credit}}) is larger than what remains of invoice {{.number}} ({{.left}})",
			map[string]any{"credit": app.M(-d.Totals.Total, d.Currency), "number": inv.Number, "left": app.M(left, inv.Currency)})
	}
	inv.FillBase()
	inv.Credited += -d.Totals.Total
	inv.CreditedBase += -d.Totals.TotalCZK
	inv.Updated = d.Updated
	d.OriginalNo = inv.Number
	return inv, nil
}

// priorCredits are the issued credit notes of invoice inv, read through its
// customer's documents.
func priorCredits(tx *bolt.Tx, inv app.SalesDoc) ([]app.SalesDoc, error) {
	var out []app.SalesDoc
	prefix := docCustomerKey(inv.CustomerID, "")
	c := tx.Bucket(bDocCust).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
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

// creditDraftTotals are a credit note draft's totals as issuing will compute
// them (CreditNoteTotals), its own totals when its invoice cannot be read.
func creditDraftTotals(tx *bolt.Tx, d app.SalesDoc, company app.Company) app.DocTotals {
	d = withRates(d, company)
	if inv, err := readDoc(tx, d.OriginalID); err == nil {
		if prior, err := priorCredits(tx, inv); err == nil {
			return app.CreditNoteTotals(d, inv, prior, company.BaseCurrency)
		}
	}
	return app.ComputeTotals(d, company.BaseCurrency)
}

// Convert makes a draft order from an issued quote, or a draft invoice from an
// issued order, with every line carried over, and marks the source.
func (s *Store) Convert(ctx context.Context, id string, to app.DocKind) (app.SalesDoc, error) {
	var out app.SalesDoc
	err := s.updateAs(ctx, app.PermSalesWrite, "converting the document", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		src, err := readDoc(tx, id)
		if err != nil {
			return err
		}
		next := map[app.DocKind]app.DocKind{app.KindQuote: app.KindOrder, app.KindOrder: app.KindInvoice}
		if next[src.Kind] != to && !(src.Kind == app.KindQuote && to == app.KindInvoice) {
			return app.Invalid("doc.kind", "err.doc.convert", "a {{.from}} cannot become a {{.to}}", map[string]any{"from": string(src.Kind), "to": string(to)})
		}
		if src.Status != app.StatusIssued {
			return app.Errorf(app.ECONFLICT, "err.doc.convert_status", "only an issued document that has not been carried over yet can become the next one", nil)
		}
		now := s.clock.Now().UTC()
		today := app.Today(s.clock)
		out = app.SalesDoc{ID: app.NewID(now), Branch: src.Branch, Kind: to, Status: app.StatusDraft, CustomerID: src.CustomerID,
			Customer: src.Customer, Supplier: src.Supplier, IssueDate: today, TaxDate: today, Currency: src.Currency,
			ExchangeRate: src.ExchangeRate, PricesIncludeVAT: src.PricesIncludeVAT, Regime: src.Regime, Exempt: src.Exempt, RCCode: src.RCCode,
			CashRounding: src.CashRounding, PaymentMethod: src.PaymentMethod, Lines: append([]app.DocLine(nil), src.Lines...),
			Note: src.Note, SourceID: src.ID, Totals: src.Totals, Created: now, Updated: now}
		if cust, err := readCustomer(tx, src.CustomerID); err == nil {
			out.DueDate = today.AddDays(cust.PaymentDays)
		}
		src.Status = app.StatusAccepted
		if src.Kind == app.KindOrder {
			src.Status = app.StatusInvoiced
		}
		src.Updated = now
		src.Revision++
		if err := putDoc(tx, src); err != nil {
			return err
		}
		if err := putDoc(tx, out); err != nil {
			return err
		}
		return a.logKey("convert", string(to), out.ID, "audit.doc_converted", "from {{.kind}} {{.number}}",
			app.AuditArgs{"kind": idLabel("doc.kind.", string(src.Kind)), "number": app.AText(src.Number)})
	})
	return out, err
}

// NewCreditNote makes a draft credit note taking back what remains of an
// issued invoice (each line negated); the user may reduce it before issuing.
func (s *Store) NewCreditNote(ctx context.Context, invoiceID, reason string) (app.SalesDoc, error) {
	var out app.SalesDoc
	err := s.updateAs(ctx, app.PermSalesWrite, "creating the credit note", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		inv, err := readDoc(tx, invoiceID)
		if err != nil {
			return err
		}
		if inv.Kind != app.KindInvoice || inv.Status != app.StatusIssued {
			return app.Invalid("doc.original", "err.credit.not_invoice", "a credit note corrects an issued invoice", nil)
		}
		if inv.Totals.Total-inv.Credited <= 0 {
			return app.Errorf(app.ECONFLICT, "err.credit.nothing_left", "invoice {{.number}} is fully credited already", map[string]any{"number": inv.Number})
		}
		now := s.clock.Now().UTC()
		today := app.Today(s.clock)
		lines := make([]app.DocLine, len(inv.Lines))
		for i, l := range inv.Lines {
			l.Quantity = -l.Quantity
			lines[i] = l
		}
		out = app.SalesDoc{ID: app.NewID(now), Branch: inv.Branch, Kind: app.KindCreditNote, Status: app.StatusDraft,
			CustomerID: inv.CustomerID, Customer: inv.Customer, Supplier: inv.Supplier, IssueDate: today, TaxDate: today, DueDate: today,
			Currency: inv.Currency, ExchangeRate: inv.ExchangeRate, PricesIncludeVAT: inv.PricesIncludeVAT, Regime: inv.Regime, Exempt: inv.Exempt, RCCode: inv.RCCode,
			PaymentMethod: inv.PaymentMethod, Lines: lines, OriginalID: inv.ID, OriginalNo: inv.Number, Reason: reason, Created: now, Updated: now}
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		out.Totals = creditDraftTotals(tx, out, company)
		if err := putDoc(tx, out); err != nil {
			return err
		}
		return a.logKey("create", string(app.KindCreditNote), out.ID, "audit.credit_note_draft", "draft credit note for {{.number}}", app.AuditArgs{"number": app.AText(inv.Number)})
	})
	return out, err
}

// closeCreditedInvoice clears the haléř a foreign-currency invoice's 311
// still carries when credit note d has closed it (nothing left to pay):
// each part was converted half-up on its own, so their sum can miss by a
// rounding, which goes to 548/648 as a settling payment's would.
func (s *Store) closeCreditedInvoice(tx *bolt.Tx, inv *app.SalesDoc, d app.SalesDoc) error {
	residual := creditResidue(inv.ExchangeRate, inv.Remaining(), inv.BaseRemaining()) // a debit 311 still carries
	if residual == 0 {
		return nil
	}
	p, err := newPoster(tx, s.clock)
	if err != nil {
		return err
	}
	acc := p.company.Chart.Posting()
	if err := postRounding(p, acc, acc.Receivables, residual, d.TaxDate, "Zaokrouhlení kurzu "+inv.Number, "rounding:"+d.ID); err != nil {
		return err
	}
	inv.FillBase()
	inv.CreditedBase += residual
	return nil
}

// creditResidue is the rounding a foreign-currency document closed by a
// credit note (nothing left to pay) still carries in the base currency —
// baseRemaining when that is rounding, else 0 (nothing to clear).
func creditResidue(rate app.Rate, remaining, baseRemaining int64) int64 {
	if !rate.IsForeign() || remaining != 0 || !isRounding(baseRemaining) {
		return 0
	}
	return baseRemaining
}

// postRounding posts the rounding that account still carries for a closed
// document (carried: debit minus credit) against 548 or 648.
func postRounding(p *poster, acc app.PostingAccounts, account string, carried int64, date app.Date, memo, source string) error {
	lines := []app.Line{{Account: account, Credit: carried, Memo: memo}, {Account: acc.RoundingLoss, Debit: carried, Memo: memo}}
	if carried < 0 {
		lines = []app.Line{{Account: account, Debit: -carried, Memo: memo}, {Account: acc.RoundingGain, Credit: -carried, Memo: memo}}
	}
	_, err := p.post(app.Entry{Date: date, Memo: memo, Source: source, Lines: lines})
	return err
}
