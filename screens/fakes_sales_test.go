package screens

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"kontor/app"
	"kontor/screens/kit"
)

// fakeCustomers keeps customers in memory with the store's rules.
type fakeCustomers struct {
	mu    sync.Mutex
	fc    *fakeCompany
	list  []app.Customer
	saves int
}

func (f *fakeCustomers) Customers(ctx context.Context, search string, limit int) ([]app.Customer, error) {
	if err := app.Authorize(ctx, app.PermCustomersRead); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	// Every searched word must begin a word of the record, as the store's index does.
	words := strings.Fields(app.FoldText(search))
	var out []app.Customer
	for _, c := range f.list {
		hay := strings.FieldsFunc(app.FoldText(strings.Join([]string{c.Name, c.ICO, c.DIC, c.Email, c.Phone, c.City}, " ")),
			func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
		ok := true
		for _, w := range words {
			found := false
			for _, h := range hay {
				found = found || strings.HasPrefix(h, w)
			}
			ok = ok && found
		}
		if ok {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return app.FoldText(out[i].Name) < app.FoldText(out[j].Name) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (f *fakeCustomers) Customer(ctx context.Context, id string) (app.Customer, error) {
	if err := app.Authorize(ctx, app.PermCustomersRead); err != nil {
		return app.Customer{}, err
	}
	return f.get(id)
}

func (f *fakeCustomers) get(id string) (app.Customer, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.list {
		if c.ID == id {
			return c, nil
		}
	}
	return app.Customer{}, app.Errorf(app.ENOTFOUND, "err.customer.not_found", "the customer does not exist", nil)
}

func (f *fakeCustomers) SaveCustomer(ctx context.Context, c app.Customer) (app.Customer, error) {
	if err := app.Authorize(ctx, app.PermCustomersWrite); err != nil {
		return app.Customer{}, err
	}
	c.Normalize("CZK")
	if err := c.Validate(); err != nil {
		return app.Customer{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if c.ICO != "" && !c.DuplicateICO {
		for _, o := range f.list {
			if o.ICO == c.ICO && o.ID != c.ID {
				return app.Customer{}, &app.Error{Code: app.ECONFLICT, Field: "customer.ico", Key: "err.customer.duplicate_ico",
					Msg: "{{.name}} already has IČO {{.ico}}; confirm to save a second customer with it", Args: map[string]any{"name": o.Name, "id": o.ID, "ico": c.ICO}}
			}
		}
	}
	f.saves++
	c.DuplicateICO = false // never stored
	if c.ID == "" {
		c.ID = fmt.Sprintf("C%03d", len(f.list)+1)
		f.list = append(f.list, c)
		return c, nil
	}
	for i, o := range f.list {
		if o.ID == c.ID {
			c.Revision = o.Revision + 1
			f.list[i] = c
			return c, nil
		}
	}
	return app.Customer{}, app.Errorf(app.ENOTFOUND, "err.customer.not_found", "the customer does not exist", nil)
}

// byICO finds a customer by IČO.
func (f *fakeCustomers) byICO(ico string) (app.Customer, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.list {
		if c.ICO == ico {
			return c, true
		}
	}
	return app.Customer{}, false
}

// fakePriceList is the price list in memory.
type fakePriceList struct {
	mu    sync.Mutex
	items []app.Item
}

func (f *fakePriceList) Items(ctx context.Context) ([]app.Item, error) {
	if err := app.Authorize(ctx, app.PermCompanyRead); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]app.Item(nil), f.items...), nil
}

func (f *fakePriceList) SaveItem(ctx context.Context, it app.Item) (app.Item, error) {
	if err := app.Authorize(ctx, app.PermItemsWrite); err != nil {
		return app.Item{}, err
	}
	if it.Price.Currency == "" {
		it.Price.Currency = "CZK"
	}
	if err := it.Validate(); err != nil {
		return app.Item{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, o := range f.items {
		if strings.EqualFold(o.Code, it.Code) && o.ID != it.ID {
			return app.Item{}, app.Invalid("item.code", "err.item.duplicate", "code {{.code}} is used by another item", map[string]any{"code": it.Code})
		}
		if o.ID == it.ID && it.ID != "" {
			f.items[i] = it
			return it, nil
		}
	}
	it.ID = fmt.Sprintf("I%03d", len(f.items)+1)
	f.items = append(f.items, it)
	return it, nil
}

// fakeSales follows the store's rules: drafts validated, totals computed
// with the rates on the DUZP, numbers per series and year, credit notes and
// payments limited by what remains.
type fakeSales struct {
	mu        sync.Mutex
	fc        *fakeCompany
	customers *fakeCustomers
	clock     app.Clock
	docs      []*app.SalesDoc // creation order
	payments  []app.Payment
	counters  map[string]int
	saves     int
}

func (f *fakeSales) company() app.Company {
	f.fc.mu.Lock()
	defer f.fc.mu.Unlock()
	return *f.fc.c
}

func (f *fakeSales) find(id string) (*app.SalesDoc, error) {
	for _, d := range f.docs {
		if d.ID == id {
			return d, nil
		}
	}
	return nil, app.Errorf(app.ENOTFOUND, "err.doc.not_found", "the document does not exist", nil)
}

func (f *fakeSales) SaveDraft(ctx context.Context, d app.SalesDoc) (app.SalesDoc, error) {
	if err := app.Authorize(ctx, app.PermSalesWrite); err != nil {
		return app.SalesDoc{}, err
	}
	if err := d.ValidateDraft(); err != nil {
		return app.SalesDoc{}, err
	}
	c := f.company()
	f.mu.Lock()
	defer f.mu.Unlock()
	if d.ID != "" {
		old, err := f.find(d.ID)
		if err != nil {
			return app.SalesDoc{}, err
		}
		if old.Status != app.StatusDraft {
			return app.SalesDoc{}, app.Errorf(app.ECONFLICT, "err.doc.issued", "document {{.number}} is already issued and cannot change", map[string]any{"number": old.Number})
		}
		if old.Revision != d.Revision {
			return app.SalesDoc{}, app.Errorf(app.ECONFLICT, "err.doc.stale", "the draft was changed meanwhile in another window; open it again", nil)
		}
		d.Revision++
		d.SourceID, d.OriginalID, d.OriginalNo = old.SourceID, old.OriginalID, old.OriginalNo
	} else {
		d.ID = fmt.Sprintf("D%04d", len(f.docs)+1)
		d.Created = f.clock.Now()
	}
	d.Status, d.Number = app.StatusDraft, ""
	if d.CustomerID != "" {
		cust, err := f.customers.get(d.CustomerID)
		if err != nil {
			return app.SalesDoc{}, app.WithField(err, "doc.customer")
		}
		d.Customer, d.Lang = app.PartyOfCustomer(cust), cust.Lang
	}
	d.Supplier = app.PartyOfCompany(c)
	d.Totals = app.ComputeTotals(withRates(d, c), c.BaseCurrency)
	f.saves++
	cp := d
	if old, err := f.find(d.ID); err == nil {
		*old = cp
	} else {
		f.docs = append(f.docs, &cp)
	}
	return d, nil
}

func (f *fakeSales) DeleteDraft(ctx context.Context, id string) error {
	if err := app.Authorize(ctx, app.PermSalesWrite); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, d := range f.docs {
		if d.ID == id {
			if d.Status != app.StatusDraft {
				return app.Errorf(app.ECONFLICT, "err.doc.issued", "document {{.number}} is already issued and cannot change", map[string]any{"number": d.Number})
			}
			f.docs = append(f.docs[:i], f.docs[i+1:]...)
			return nil
		}
	}
	return app.Errorf(app.ENOTFOUND, "err.doc.not_found", "the document does not exist", nil)
}

func (f *fakeSales) Document(ctx context.Context, id string) (app.SalesDoc, error) {
	if err := app.Authorize(ctx, app.PermSalesRead); err != nil {
		return app.SalesDoc{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	d, err := f.find(id)
	if err != nil {
		return app.SalesDoc{}, err
	}
	return *d, nil
}

func (f *fakeSales) DocumentByNumber(ctx context.Context, number string) (app.SalesDoc, error) {
	if err := app.Authorize(ctx, app.PermSalesRead); err != nil {
		return app.SalesDoc{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, d := range f.docs {
		if d.Number == number {
			return *d, nil
		}
	}
	return app.SalesDoc{}, app.Errorf(app.ENOTFOUND, "err.doc.number_not_found", "there is no document {{.number}}", map[string]any{"number": number})
}

func (f *fakeSales) DocRows(ctx context.Context, flt app.DocFilter, offset, limit int) ([]app.DocRow, int, error) {
	docs, n, err := f.Documents(ctx, flt, offset, limit)
	rows := make([]app.DocRow, len(docs))
	for i, d := range docs {
		rows[i] = app.RowOf(d)
	}
	return rows, n, err
}

func (f *fakeSales) Documents(ctx context.Context, flt app.DocFilter, offset, limit int) ([]app.SalesDoc, int, error) {
	if err := app.Authorize(ctx, app.PermSalesRead); err != nil {
		return nil, 0, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	words := strings.Fields(app.FoldText(flt.Search))
	today := app.Today(f.clock)
	var out []app.SalesDoc
	n := 0
	for i := len(f.docs) - 1; i >= 0; i-- {
		d := *f.docs[i]
		if flt.Kind != "" && d.Kind != flt.Kind || flt.Status != "" && d.StatusOn(today) != flt.Status {
			continue
		}
		if !flt.From.IsZero() && d.IssueDate.Before(flt.From) || !flt.To.IsZero() && d.IssueDate.After(flt.To) {
			continue
		}
		if flt.Customer != "" && d.CustomerID != flt.Customer {
			continue
		}
		hay := app.FoldText(d.Number + " " + d.Customer.Name)
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if !ok {
			continue
		}
		if n >= offset && (limit <= 0 || len(out) < limit) {
			out = append(out, d)
		}
		n++
	}
	return out, n, nil
}

func (f *fakeSales) Convert(ctx context.Context, id string, to app.DocKind) (app.SalesDoc, error) {
	if err := app.Authorize(ctx, app.PermSalesWrite); err != nil {
		return app.SalesDoc{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	src, err := f.find(id)
	if err != nil {
		return app.SalesDoc{}, err
	}
	if src.Status != app.StatusIssued {
		return app.SalesDoc{}, app.Errorf(app.ECONFLICT, "err.doc.convert_status", "only an issued document that has not been carried over yet can become the next one", nil)
	}
	today := app.Today(f.clock)
	out := *src
	out.ID, out.Kind, out.Status, out.Number, out.SourceID = fmt.Sprintf("D%04d", len(f.docs)+1), to, app.StatusDraft, "", src.ID
	out.IssueDate, out.TaxDate, out.Lines, out.Revision, out.VariableSymbol = today, today, append([]app.DocLine(nil), src.Lines...), 0, ""
	if cust, err := f.customers.get(src.CustomerID); err == nil {
		out.DueDate = today.AddDays(cust.PaymentDays)
	}
	src.Status = app.StatusAccepted
	if src.Kind == app.KindOrder {
		src.Status = app.StatusInvoiced
	}
	f.docs = append(f.docs, &out)
	return out, nil
}

func (f *fakeSales) Issue(ctx context.Context, id string) (app.SalesDoc, error) {
	if err := app.Authorize(ctx, app.PermSalesWrite); err != nil {
		return app.SalesDoc{}, err
	}
	c := f.company()
	f.mu.Lock()
	defer f.mu.Unlock()
	stored, err := f.find(id)
	if err != nil {
		return app.SalesDoc{}, err
	}
	cust, _ := f.customers.get(stored.CustomerID)
	d, err := app.PrepareForIssue(*stored, c, cust)
	if err != nil {
		return app.SalesDoc{}, err
	}
	if d.Kind == app.KindCreditNote {
		inv, err := f.find(d.OriginalID)
		if err != nil {
			return app.SalesDoc{}, app.WithField(err, "doc.original")
		}
		left := inv.Totals.Total - inv.Credited
		if -d.Totals.Total > left {
			return app.SalesDoc{}, app.Invalid("doc.lines", "err.credit.too_large", "the credit note ({{.credit}}) is larger than what remains of invoice {{.number}} ({{.left}})",
				map[string]any{"credit": app.M(-d.Totals.Total, d.Currency), "number": inv.Number, "left": app.M(left, inv.Currency)})
		}
		inv.Credited += -d.Totals.Total
		d.OriginalNo = inv.Number
	}
	series, _ := c.SeriesFor(d.Kind.Series())
	key := fmt.Sprintf("%s/%d", series.Code, d.IssueDate.Year())
	if f.counters == nil {
		f.counters = map[string]int{}
	}
	f.counters[key]++
	d.Number = series.Number(d.IssueDate.Year(), f.counters[key])
	d.VariableSymbol = app.VariableSymbolOf(d.Number)
	d.Status, d.Issued = app.StatusIssued, f.clock.Now()
	d.Revision++
	*stored = d
	return d, nil
}

func (f *fakeSales) NewCreditNote(ctx context.Context, invoiceID, reason string) (app.SalesDoc, error) {
	if err := app.Authorize(ctx, app.PermSalesWrite); err != nil {
		return app.SalesDoc{}, err
	}
	c := f.company()
	f.mu.Lock()
	defer f.mu.Unlock()
	inv, err := f.find(invoiceID)
	if err != nil {
		return app.SalesDoc{}, err
	}
	if inv.Kind != app.KindInvoice || inv.Status != app.StatusIssued {
		return app.SalesDoc{}, app.Invalid("doc.original", "err.credit.not_invoice", "a credit note corrects an issued invoice", nil)
	}
	today := app.Today(f.clock)
	lines := make([]app.DocLine, len(inv.Lines))
	for i, l := range inv.Lines {
		l.Quantity = -l.Quantity
		lines[i] = l
	}
	out := app.SalesDoc{ID: fmt.Sprintf("D%04d", len(f.docs)+1), Kind: app.KindCreditNote, Status: app.StatusDraft,
		CustomerID: inv.CustomerID, Customer: inv.Customer, Supplier: inv.Supplier, IssueDate: today, TaxDate: today, DueDate: today,
		Currency: inv.Currency, ExchangeRate: inv.ExchangeRate, PaymentMethod: inv.PaymentMethod, Lines: lines,
		OriginalID: inv.ID, OriginalNo: inv.Number, Reason: reason}
	out.Totals = app.ComputeTotals(withRates(out, c), c.BaseCurrency)
	f.docs = append(f.docs, &out)
	return out, nil
}

func (f *fakeSales) RecordPayment(ctx context.Context, p app.Payment) (app.Payment, error) {
	if err := app.Authorize(ctx, app.PermPaymentsWrite); err != nil {
		return app.Payment{}, err
	}
	if p.Amount.Amount <= 0 {
		return app.Payment{}, app.Invalid("payment.amount", "err.payment.positive", "a payment must be more than zero", nil)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	d, err := f.find(p.DocID)
	if err != nil {
		return app.Payment{}, err
	}
	if left := d.Remaining(); p.Amount.Amount > left {
		return app.Payment{}, app.Invalid("payment.amount", "err.payment.too_much", "only {{.left}} remains to be paid on {{.number}}", map[string]any{"left": app.M(left, d.Currency), "number": d.Number})
	}
	p.ID = fmt.Sprintf("P%03d", len(f.payments)+1)
	d.Paid += p.Amount.Amount
	f.payments = append(f.payments, p)
	return p, nil
}

func (f *fakeSales) Payments(ctx context.Context, docID string) ([]app.Payment, error) {
	if err := app.Authorize(ctx, app.PermSalesRead); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []app.Payment
	for _, p := range f.payments {
		if p.DocID == docID {
			out = append(out, p)
		}
	}
	return out, nil
}

// fakeRenderer writes a line per document instead of a PDF and records the
// calls; onDoc runs after each document of a batch.
type fakeRenderer struct {
	mu      sync.Mutex
	single  []string
	batches [][]string
	onDoc   func(n int)
}

func (r *fakeRenderer) Document(w io.Writer, d app.SalesDoc, _ app.Company) error {
	r.mu.Lock()
	r.single = append(r.single, d.Number)
	r.mu.Unlock()
	_, err := fmt.Fprintf(w, "%%PDF-fake %s\n", d.Number)
	return err
}

func (r *fakeRenderer) Batch(ctx context.Context, w io.Writer, next func() (app.SalesDoc, error), _ app.Company, progress func(int)) error {
	var got []string
	defer func() {
		r.mu.Lock()
		r.batches = append(r.batches, got)
		r.mu.Unlock()
	}()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		got = append(got, d.Number)
		if _, err := fmt.Fprintf(w, "%%PDF-fake %s\n", d.Number); err != nil {
			return err
		}
		progress(len(got))
		if r.onDoc != nil {
			r.onDoc(len(got))
		}
	}
}

// salesFakes returns the sales fakes of testDeps.
func salesFakes(d kit.Deps) (*fakeCustomers, *fakePriceList, *fakeSales) {
	return d.Services.Customers.(*fakeCustomers), d.Services.PriceList.(*fakePriceList), d.Services.Sales.(*fakeSales)
}

// withSalesFakes adds customer, price-list and sales fakes to d.
func withSalesFakes(d *kit.Deps, fc *fakeCompany, clock app.Clock) {
	cust := &fakeCustomers{fc: fc}
	d.Services.Customers = cust
	d.Services.PriceList = &fakePriceList{}
	d.Services.Sales = &fakeSales{fc: fc, customers: cust, clock: clock}
	withReceptionFakes(d, clock)
}
