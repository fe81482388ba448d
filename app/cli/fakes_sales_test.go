package cli

import (
	"context"
	"strings"

	"kontor/app"
)

// fakeSales is the fake store's customers, price list and sales documents.
// It follows data/: app's own rules (ValidateDraft, PrepareForIssue,
// ComputeTotals, SalesPosting), gapless numbers per series and year, postings
// through the fake ledger with the store's memos, payments against 311, and
// the refusals the demo and the CLI can meet.
type fakeSales struct {
	customers map[string]app.Customer
	items     map[string]app.Item
	docs      map[string]app.SalesDoc
	order     []string          // document IDs, oldest first (a fixed clock makes IDs unordered)
	numbers   map[string]string // number → document ID
	counters  map[string]int    // series code and year → last number
	payments  map[string][]app.Payment
}

func newFakeSales() fakeSales {
	return fakeSales{customers: map[string]app.Customer{}, items: map[string]app.Item{}, docs: map[string]app.SalesDoc{},
		numbers: map[string]string{}, counters: map[string]int{}, payments: map[string][]app.Payment{}}
}

// inLock authorizes p and runs fn under the store's lock with the company.
func (f *fakeStore) inLock(ctx context.Context, p app.Permission, fn func(c app.Company) error) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := f.authorizeLocked(ctx, p); err != nil {
		return err
	}
	if f.company == nil {
		return app.Errorf(app.ENOTFOUND, "err.company.missing", "the company has not been set up yet", nil)
	}
	return fn(*f.company)
}

func (f *fakeStore) doc(id string) (app.SalesDoc, error) {
	d, ok := f.sales.docs[id]
	if !ok {
		return d, app.Errorf(app.ENOTFOUND, "err.doc.not_found", "the document does not exist", nil)
	}
	return d, nil
}

func (f *fakeStore) putDoc(d app.SalesDoc) {
	if _, ok := f.sales.docs[d.ID]; !ok {
		f.sales.order = append(f.sales.order, d.ID)
	}
	f.sales.docs[d.ID] = d
}

func errIssued(number string) error {
	return app.Errorf(app.ECONFLICT, "err.doc.issued", "document {{.number}} is already issued and cannot change", map[string]any{"number": number})
}

// withRates fills each line's VAT rate on the DUZP (or issue date), as the
// store does for a draft's live totals.
func withRates(d app.SalesDoc, c app.Company) app.SalesDoc {
	day := d.TaxDate
	if day.IsZero() {
		day = d.IssueDate
	}
	d.Lines = append([]app.DocLine(nil), d.Lines...)
	for i := range d.Lines {
		if r, err := c.VATRateOn(d.Lines[i].VATKind, day); err == nil && !day.IsZero() {
			d.Lines[i].VATRate = r
		}
	}
	return d
}

func (f *fakeStore) SaveDraft(ctx context.Context, d app.SalesDoc) (app.SalesDoc, error) {
	if err := d.ValidateDraft(); err != nil {
		if aerr := f.authorize(ctx, app.PermSalesWrite); aerr != nil {
			return app.SalesDoc{}, aerr
		}
		return app.SalesDoc{}, err
	}
	err := f.inLock(ctx, app.PermSalesWrite, func(company app.Company) error {
		now := f.clock.Now().UTC()
		if d.ID == "" {
			d.ID, d.Branch, d.Created, d.Status = app.NewID(now), company.Branch, now, app.StatusDraft
		} else {
			old, err := f.doc(d.ID)
			if err != nil {
				return err
			}
			if old.Status != app.StatusDraft {
				return errIssued(old.Number)
			}
			if old.Revision != d.Revision {
				return app.Errorf(app.ECONFLICT, "err.doc.stale", "the draft was changed meanwhile in another window; open it again", nil)
			}
			if old.Kind != d.Kind {
				return app.Invalid("doc.kind", "err.doc.kind_fixed", "a draft keeps its kind", nil)
			}
			d.Branch, d.Created, d.Status = old.Branch, old.Created, app.StatusDraft
			d.SourceID, d.OriginalID, d.OriginalNo = old.SourceID, old.OriginalID, old.OriginalNo
			d.Revision = old.Revision + 1
		}
		d.Number, d.Paid, d.Credited, d.EntryID = "", 0, 0, ""
		if d.Currency == "" {
			d.Currency = company.BaseCurrency
		}
		if d.CustomerID != "" {
			cust, err := f.customer(d.CustomerID)
			if err != nil {
				return app.WithField(err, "doc.customer")
			}
			d.Customer, d.Lang = app.PartyOfCustomer(cust), cust.Lang
		}
		d.Supplier = app.PartyOfCompany(company)
		d.Totals = app.ComputeTotals(withRates(d, company), company.BaseCurrency)
		d.Updated = now
		f.putDoc(d)
		return nil
	})
	return d, err
}

func (f *fakeStore) DeleteDraft(ctx context.Context, id string) error {
	return f.inLock(ctx, app.PermSalesWrite, func(app.Company) error {
		d, err := f.doc(id)
		if err != nil {
			return err
		}
		if d.Status != app.StatusDraft {
			return errIssued(d.Number)
		}
		delete(f.sales.docs, id)
		for i, x := range f.sales.order {
			if x == id {
				f.sales.order = append(f.sales.order[:i], f.sales.order[i+1:]...)
				break
			}
		}
		return nil
	})
}

func (f *fakeStore) Document(ctx context.Context, id string) (d app.SalesDoc, err error) {
	err = f.inLock(ctx, app.PermSalesRead, func(app.Company) (err error) {
		d, err = f.doc(id)
		return err
	})
	return d, err
}

func (f *fakeStore) DocumentByNumber(ctx context.Context, number string) (d app.SalesDoc, err error) {
	err = f.inLock(ctx, app.PermSalesRead, func(app.Company) error {
		id, ok := f.sales.numbers[strings.ToUpper(strings.TrimSpace(number))]
		if !ok {
			return app.Errorf(app.ENOTFOUND, "err.doc.number_not_found", "there is no document {{.number}}", map[string]any{"number": number})
		}
		d = f.sales.docs[id]
		return nil
	})
	return d, err
}

func (f *fakeStore) Documents(ctx context.Context, flt app.DocFilter, offset, limit int) ([]app.SalesDoc, int, error) {
	if !flt.From.IsZero() && !flt.To.IsZero() && flt.To.Before(flt.From) {
		return nil, 0, app.Invalid("filter.to", "err.period.reversed", "the end of the period is before its start", nil)
	}
	words := strings.Fields(app.FoldText(flt.Search))
	today := app.Today(f.clock)
	var out []app.SalesDoc
	n := 0
	err := f.inLock(ctx, app.PermSalesRead, func(app.Company) error {
		for i := len(f.sales.order) - 1; i >= 0; i-- {
			d := f.sales.docs[f.sales.order[i]]
			if !fakeMatch(d, flt, words, today) {
				continue
			}
			if n >= offset && (limit <= 0 || len(out) < limit) {
				out = append(out, d)
			}
			n++
		}
		return nil
	})
	return out, n, err
}

func fakeMatch(d app.SalesDoc, f app.DocFilter, words []string, today app.Date) bool {
	if f.Kind != "" && d.Kind != f.Kind || f.Customer != "" && d.CustomerID != f.Customer {
		return false
	}
	if f.Status != "" && d.StatusOn(today) != f.Status {
		return false
	}
	day := d.IssueDate
	if day.IsZero() {
		day = app.DateOf(d.Created.Local())
	}
	if !f.From.IsZero() && day.Before(f.From) || !f.To.IsZero() && day.After(f.To) {
		return false
	}
	hay := app.FoldText(d.Number + " " + d.Customer.Name + " " + d.Customer.ICO)
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

func (f *fakeStore) Convert(ctx context.Context, id string, to app.DocKind) (out app.SalesDoc, err error) {
	err = f.inLock(ctx, app.PermSalesWrite, func(app.Company) error {
		src, err := f.doc(id)
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
		now := f.clock.Now().UTC()
		today := app.Today(f.clock)
		out = app.SalesDoc{ID: app.NewID(now), Branch: src.Branch, Kind: to, Status: app.StatusDraft, CustomerID: src.CustomerID,
			Customer: src.Customer, Supplier: src.Supplier, IssueDate: today, TaxDate: today, Currency: src.Currency,
			ExchangeRate: src.ExchangeRate, PricesIncludeVAT: src.PricesIncludeVAT, Regime: src.Regime,
			CashRounding: src.CashRounding, PaymentMethod: src.PaymentMethod, Lines: append([]app.DocLine(nil), src.Lines...),
			Note: src.Note, SourceID: src.ID, Totals: src.Totals, Created: now, Updated: now}
		if cust, err := f.customer(src.CustomerID); err == nil {
			out.DueDate = today.AddDays(cust.PaymentDays)
		}
		src.Status = app.StatusAccepted
		if src.Kind == app.KindOrder {
			src.Status = app.StatusInvoiced
		}
		src.Updated, src.Revision = now, src.Revision+1
		f.putDoc(src)
		f.putDoc(out)
		return nil
	})
	return out, err
}

func (f *fakeStore) Issue(ctx context.Context, id string) (d app.SalesDoc, err error) {
	err = f.inLock(ctx, app.PermSalesWrite, func(company app.Company) error {
		if d, err = f.doc(id); err != nil {
			return err
		}
		cust, err := f.customer(d.CustomerID)
		if err != nil && d.CustomerID != "" {
			return app.WithField(err, "doc.customer")
		}
		if d, err = app.PrepareForIssue(d, company, cust); err != nil {
			return err
		}
		var inv app.SalesDoc
		if d.Kind == app.KindCreditNote {
			if inv, err = f.doc(d.OriginalID); err != nil {
				return app.WithField(err, "doc.original")
			}
			if inv.Kind != app.KindInvoice || inv.Status != app.StatusIssued || inv.Currency != d.Currency || inv.CustomerID != d.CustomerID {
				return app.Invalid("doc.original", "err.credit.mismatch", "a credit note has the customer and currency of its issued invoice", nil)
			}
			if -d.Totals.Total > inv.Totals.Total-inv.Credited {
				return app.Invalid("doc.lines", "err.credit.too_large", "the credit note is larger than what remains of invoice {{.number}}", map[string]any{"number": inv.Number})
			}
		}
		series, ok := company.SeriesFor(d.Kind.Series())
		if !ok {
			return app.Invalid("company.series", "err.series.missing", "series “{{.code}}” is missing", map[string]any{"code": d.Kind.Series()})
		}
		key := series.Code + "/" + uitoa(d.IssueDate.Year())
		d.Number = series.Number(d.IssueDate.Year(), f.sales.counters[key]+1)
		if d.VariableSymbol == "" {
			d.VariableSymbol = app.VariableSymbolOf(d.Number)
		}
		if d.Kind.Posts() && d.Totals.TotalCZK != 0 {
			title := "Faktura"
			if d.Kind == app.KindCreditNote {
				title = "Opravný doklad"
			}
			e := app.Entry{Date: d.TaxDate, Memo: title + " " + d.Number + " – " + d.Customer.Name, Source: string(d.Kind) + ":" + d.ID,
				Lines: app.SalesPosting(d, company.Chart.Posting())}
			if err := f.checkEntry(e); err != nil {
				return err
			}
			d.EntryID = f.post(e).ID
		}
		f.sales.counters[key]++
		if d.Kind == app.KindCreditNote {
			inv.Credited += -d.Totals.Total
			d.OriginalNo = inv.Number
			f.putDoc(inv)
		}
		d.Status = app.StatusIssued
		d.Issued = f.clock.Now().UTC()
		d.Updated = d.Issued
		d.Revision++
		f.sales.numbers[d.Number] = d.ID
		f.putDoc(d)
		return nil
	})
	if err != nil {
		return app.SalesDoc{}, err
	}
	return d, nil
}

func uitoa(n int) string { return app.FormatMinor(int64(n), 0, "") }

func (f *fakeStore) NewCreditNote(ctx context.Context, invoiceID, reason string) (out app.SalesDoc, err error) {
	err = f.inLock(ctx, app.PermSalesWrite, func(company app.Company) error {
		inv, err := f.doc(invoiceID)
		if err != nil {
			return err
		}
		if inv.Kind != app.KindInvoice || inv.Status != app.StatusIssued {
			return app.Invalid("doc.original", "err.credit.not_invoice", "a credit note corrects an issued invoice", nil)
		}
		if inv.Totals.Total-inv.Credited <= 0 {
			return app.Errorf(app.ECONFLICT, "err.credit.nothing_left", "invoice {{.number}} is fully credited already", map[string]any{"number": inv.Number})
		}
		now := f.clock.Now().UTC()
		today := app.Today(f.clock)
		lines := make([]app.DocLine, len(inv.Lines))
		for i, l := range inv.Lines {
			l.Quantity = -l.Quantity
			lines[i] = l
		}
		out = app.SalesDoc{ID: app.NewID(now), Branch: inv.Branch, Kind: app.KindCreditNote, Status: app.StatusDraft,
			CustomerID: inv.CustomerID, Customer: inv.Customer, Supplier: inv.Supplier, IssueDate: today, TaxDate: today, DueDate: today,
			Currency: inv.Currency, ExchangeRate: inv.ExchangeRate, PricesIncludeVAT: inv.PricesIncludeVAT, Regime: inv.Regime,
			PaymentMethod: inv.PaymentMethod, Lines: lines, OriginalID: inv.ID, OriginalNo: inv.Number, Reason: reason, Created: now, Updated: now}
		out.Totals = app.ComputeTotals(withRates(out, company), company.BaseCurrency)
		f.putDoc(out)
		return nil
	})
	return out, err
}

func (f *fakeStore) RecordPayment(ctx context.Context, p app.Payment) (app.Payment, error) {
	if err := f.authorize(ctx, app.PermPaymentsWrite); err != nil {
		return app.Payment{}, err
	}
	if p.Date.IsZero() {
		return app.Payment{}, app.Invalid("payment.date", "err.required", "is required", nil)
	}
	if p.Amount.Amount <= 0 {
		return app.Payment{}, app.Invalid("payment.amount", "err.payment.positive", "a payment must be more than zero", nil)
	}
	if p.Method == "" {
		p.Method = app.PayBank
	}
	if p.Method != app.PayBank && p.Method != app.PayCash {
		return app.Payment{}, app.Invalid("payment.method", "err.doc.payment_method", "choose bank transfer or cash", nil)
	}
	err := f.inLock(ctx, app.PermPaymentsWrite, func(company app.Company) error {
		d, err := f.doc(p.DocID)
		if err != nil {
			return app.WithField(err, "payment.doc")
		}
		if d.Kind != app.KindInvoice || d.Status != app.StatusIssued {
			return app.Invalid("payment.doc", "err.payment.not_issued", "payments are recorded against issued invoices", nil)
		}
		if p.Amount.Currency != d.Currency {
			return app.Invalid("payment.amount", "err.payment.currency", "invoice {{.number}} is in {{.currency}}", map[string]any{"number": d.Number, "currency": d.Currency})
		}
		if p.Amount.Amount > d.Remaining() {
			return app.Invalid("payment.amount", "err.payment.too_much", "only {{.left}} remains to be paid on {{.number}}", map[string]any{"left": app.M(d.Remaining(), d.Currency), "number": d.Number})
		}
		acc := company.Chart.Posting()
		money := acc.Bank
		if p.Method == app.PayCash {
			money = acc.Cash
		}
		base := p.Amount
		if d.Currency != company.BaseCurrency {
			base = p.Amount.Convert(company.BaseCurrency, d.ExchangeRate, app.HalfUp)
		}
		now := f.clock.Now().UTC()
		p.ID, p.Branch, p.Created = app.NewID(now), company.Branch, now
		e := app.Entry{Date: p.Date, Memo: "Úhrada " + d.Number + " – " + d.Customer.Name, Source: "payment:" + p.ID,
			Lines: []app.Line{{Account: money, Debit: base.Amount}, {Account: acc.Receivables, Credit: base.Amount}}}
		if err := f.checkEntry(e); err != nil {
			return app.WithField(err, "payment.date")
		}
		p.EntryID = f.post(e).ID
		d.Paid += p.Amount.Amount
		d.Updated, d.Revision = now, d.Revision+1
		f.putDoc(d)
		f.sales.payments[d.ID] = append(f.sales.payments[d.ID], p)
		return nil
	})
	if err != nil {
		return app.Payment{}, err
	}
	return p, nil
}

func (f *fakeStore) Payments(ctx context.Context, docID string) (out []app.Payment, err error) {
	err = f.inLock(ctx, app.PermSalesRead, func(app.Company) error {
		out = append(out, f.sales.payments[docID]...)
		return nil
	})
	return out, err
}

var (
	_ app.CustomerService  = (*fakeStore)(nil)
	_ app.PriceListService = (*fakeStore)(nil)
	_ app.SalesService     = (*fakeStore)(nil)
)
