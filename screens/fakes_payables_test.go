package screens

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"kontor/app"
	"kontor/screens/kit"
)

// fakePayables follows the store's rules for received invoices: validated
// and normalised by app, numbered in the FP series, posted with
// app.PurchasePosting, a supplier's number only once per supplier, payments
// limited by what remains and posted against payables; a credit note reduces
// its original (Credited) within what remains of it, and a supplier's refund
// of an overpaid invoice is a negative payment.
type fakePayables struct {
	mu        sync.Mutex
	fc        *fakeCompany
	customers *fakeCustomers
	ledger    *fakeLedger
	clock     app.Clock
	purchases []*app.PurchaseInvoice // recording order
	payments  []app.Payment
}

func (f *fakePayables) company() app.Company {
	f.fc.mu.Lock()
	defer f.fc.mu.Unlock()
	return *f.fc.c
}

func (f *fakePayables) Suppliers(ctx context.Context, search string, limit int) ([]app.Customer, error) {
	if err := app.Authorize(ctx, app.PermPayables); err != nil {
		return nil, err
	}
	all, err := f.customers.Customers(ctx, search, 0)
	if err != nil {
		return nil, err
	}
	var out []app.Customer
	for _, c := range all {
		if c.Supplier && (limit <= 0 || len(out) < limit) {
			out = append(out, c)
		}
	}
	return out, nil
}

func (f *fakePayables) RecordPurchase(ctx context.Context, p app.PurchaseInvoice) (app.PurchaseInvoice, error) {
	if err := app.Authorize(ctx, app.PermPayables); err != nil {
		return app.PurchaseInvoice{}, err
	}
	c := f.company()
	acc := c.Chart.Posting()
	if p.SupplierID != "" {
		cust, err := f.customers.get(p.SupplierID)
		if err != nil {
			return app.PurchaseInvoice{}, app.WithField(err, "purchase.supplier")
		}
		p.Supplier = app.PartyOfCustomer(cust)
		p.Supplier.BankAccount = cust.BankAccount
	}
	p.Normalize(c.BaseCurrency, acc)
	if err := p.Validate(); err != nil {
		return app.PurchaseInvoice{}, err
	}
	p.Paid, p.PaidBase, p.Credited, p.CreditedBase = 0, 0, 0, 0
	f.mu.Lock()
	defer f.mu.Unlock()
	var orig *app.PurchaseInvoice
	if p.CreditNote {
		var err error
		if orig, err = f.credited(p); err != nil {
			return app.PurchaseInvoice{}, err
		}
		p.OriginalNo = orig.Number
	} else {
		p.OriginalID, p.OriginalNo = "", ""
	}
	for _, o := range f.purchases {
		if o.SupplierID == p.SupplierID && strings.EqualFold(o.SupplierNumber, p.SupplierNumber) {
			// as the store: ECONFLICT at the number, naming the first
			return app.PurchaseInvoice{}, &app.Error{Code: app.ECONFLICT, Field: "purchase.supplier_number", Key: "err.purchase.duplicate",
				Msg:  "invoice {{.supplier_number}} of {{.supplier}} is already recorded as {{.number}}",
				Args: map[string]any{"supplier_number": o.SupplierNumber, "supplier": o.Supplier.Name, "number": o.Number, "id": o.ID}}
		}
	}
	series, _ := c.SeriesFor(app.SeriesReceived)
	n := 1
	for _, o := range f.purchases {
		if o.IssueDate.Year() == p.IssueDate.Year() {
			n++
		}
	}
	p.Number = series.Number(p.IssueDate.Year(), n)
	e, err := f.ledger.PostEntry(ctx, app.Entry{Date: p.TaxDate, Memo: p.Number + " " + p.Supplier.Name, Source: "purchase",
		Lines: app.PurchasePosting(p, c.BaseCurrency, acc)})
	if err != nil {
		return app.PurchaseInvoice{}, err
	}
	p.ID, p.EntryID, p.Created = fmt.Sprintf("P%04d", len(f.purchases)+1), e.ID, f.clock.Now()
	_, p.Posted = e.Totals()
	if p.CreditNote { // as the store: the original's Credited grows, on the debit side of 321
		p.Posted = -p.Posted
		orig.Credited += -p.Total
		orig.CreditedBase += -p.Posted
	}
	cp := p
	f.purchases = append(f.purchases, &cp)
	return p, nil
}

// credited finds and checks the invoice a credit note corrects, with the
// store's refusals: a credit note of a credit note, another supplier or
// currency, more than remains of it. The caller holds f.mu.
func (f *fakePayables) credited(p app.PurchaseInvoice) (*app.PurchaseInvoice, error) {
	orig, err := f.find(p.OriginalID)
	if err != nil {
		return nil, app.WithField(err, "purchase.original")
	}
	if orig.CreditNote {
		return nil, app.Invalid("purchase.original", "err.purchase.credit_of_credit", "{{.number}} is itself a credit note; choose the invoice it corrects", map[string]any{"number": orig.Number})
	}
	if orig.SupplierID != p.SupplierID || orig.Currency != p.Currency {
		return nil, app.Invalid("purchase.original", "err.purchase.credit_mismatch", "a credit note has the supplier and currency of its invoice {{.number}}", map[string]any{"number": orig.Number})
	}
	if left := orig.Total - orig.Credited; -p.Total > left {
		return nil, app.Invalid("purchase.vat", "err.purchase.credit_too_large", "the credit note ({{.credit}}) is larger than what remains of invoice {{.number}} ({{.left}})",
			map[string]any{"credit": app.M(-p.Total, p.Currency), "number": orig.Number, "left": app.M(left, orig.Currency)})
	}
	return orig, nil
}

func (f *fakePayables) find(id string) (*app.PurchaseInvoice, error) {
	for _, p := range f.purchases {
		if p.ID == id {
			return p, nil
		}
	}
	return nil, app.Errorf(app.ENOTFOUND, "err.purchase.not_found", "the received invoice does not exist", nil)
}

func (f *fakePayables) Purchase(ctx context.Context, id string) (app.PurchaseInvoice, error) {
	if err := app.Authorize(ctx, app.PermPayables); err != nil {
		return app.PurchaseInvoice{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.find(id)
	if err != nil {
		return app.PurchaseInvoice{}, err
	}
	return *p, nil
}

func (f *fakePayables) Purchases(ctx context.Context, flt app.PurchaseFilter, offset, limit int) ([]app.PurchaseInvoice, int, error) {
	if err := app.Authorize(ctx, app.PermPayables); err != nil {
		return nil, 0, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	words := strings.Fields(app.FoldText(flt.Search))
	var out []app.PurchaseInvoice
	n := 0
	for i := len(f.purchases) - 1; i >= 0; i-- {
		p := *f.purchases[i]
		day := p.IssueDate
		if flt.ByTaxDate {
			day = p.TaxDate
		}
		if !flt.From.IsZero() && day.Before(flt.From) || !flt.To.IsZero() && day.After(flt.To) ||
			flt.SupplierID != "" && p.SupplierID != flt.SupplierID || flt.OpenOnly && p.Remaining() == 0 {
			continue
		}
		hay := app.FoldText(p.Number + " " + p.SupplierNumber + " " + p.Supplier.Name)
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if !ok {
			continue
		}
		if n >= offset && (limit <= 0 || len(out) < limit) {
			out = append(out, p)
		}
		n++
	}
	return out, n, nil
}

func (f *fakePayables) PaySupplier(ctx context.Context, pm app.Payment) (app.Payment, error) {
	if err := app.Authorize(ctx, app.PermPayables); err != nil {
		return app.Payment{}, err
	}
	if pm.Amount.Amount <= 0 {
		return app.Payment{}, app.Invalid("payment.amount", "err.payment.positive", "a payment must be more than zero", nil)
	}
	acc := f.company().Chart.Posting()
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.find(pm.DocID)
	if err != nil {
		return app.Payment{}, err
	}
	if p.CreditNote {
		return app.Payment{}, app.Invalid("payment.doc", "err.payment.credit_note", "{{.number}} is a credit note: it is settled against its invoice {{.original}}", map[string]any{"number": p.Number, "original": p.OriginalNo})
	}
	if left := p.Remaining(); pm.Amount.Amount > left {
		return app.Payment{}, app.Invalid("payment.amount", "err.payment.too_much", "only {{.left}} remains to be paid on {{.number}}",
			map[string]any{"left": app.M(left, p.Currency), "number": p.Number})
	}
	from := acc.Bank
	if pm.Method == app.PayCash {
		from = acc.Cash
	}
	e, err := f.ledger.PostEntry(ctx, app.Entry{Date: pm.Date, Memo: p.Number, Source: "supplier_payment",
		Lines: []app.Line{{Account: acc.Payables, Debit: pm.Amount.Amount}, {Account: from, Credit: pm.Amount.Amount}}})
	if err != nil {
		return app.Payment{}, err
	}
	pm.ID, pm.EntryID = fmt.Sprintf("SP%03d", len(f.payments)+1), e.ID
	p.Paid += pm.Amount.Amount
	f.payments = append(f.payments, pm)
	return pm, nil
}

// refund records money a supplier sent back (pm.Amount positive) for an
// invoice a credit note left overpaid, as the store's refundPurchase: Dr bank,
// Cr payables, the invoice's Paid goes down and the payment is stored with a
// negative amount.
func (f *fakePayables) refund(ctx context.Context, pm app.Payment) (app.Payment, error) {
	acc := f.company().Chart.Posting()
	f.mu.Lock()
	defer f.mu.Unlock()
	p, err := f.find(pm.DocID)
	if err != nil {
		return app.Payment{}, app.WithField(err, "payment.doc")
	}
	if p.CreditNote || p.Remaining() >= 0 {
		return app.Payment{}, app.Invalid("payment.doc", "err.payment.no_refund", "the supplier owes no refund on {{.number}}; money received pays an issued invoice", map[string]any{"number": p.Number})
	}
	if pm.Amount.Currency != p.Currency {
		return app.Payment{}, app.Invalid("payment.amount", "err.payment.currency", "invoice {{.number}} is in {{.currency}}; record the payment in {{.currency}}", map[string]any{"number": p.Number, "currency": p.Currency})
	}
	if left := -p.Remaining(); pm.Amount.Amount <= 0 || pm.Amount.Amount > left {
		return app.Payment{}, app.Invalid("payment.amount", "err.payment.too_much", "only {{.left}} remains to be paid on {{.number}}", map[string]any{"left": app.M(left, p.Currency), "number": p.Number})
	}
	e, err := f.ledger.PostEntry(ctx, app.Entry{Date: pm.Date, Memo: "Vratka " + p.Number, Source: "supplier_payment",
		Lines: []app.Line{{Account: acc.Bank, Debit: pm.Amount.Amount}, {Account: acc.Payables, Credit: pm.Amount.Amount}}})
	if err != nil {
		return app.Payment{}, err
	}
	pm.ID, pm.EntryID = fmt.Sprintf("SP%03d", len(f.payments)+1), e.ID
	p.Paid -= pm.Amount.Amount
	pm.Amount = pm.Amount.Neg()
	f.payments = append(f.payments, pm)
	return pm, nil
}

func (f *fakePayables) SupplierPayments(ctx context.Context, purchaseID string) ([]app.Payment, error) {
	if err := app.Authorize(ctx, app.PermPayables); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []app.Payment
	for _, p := range f.payments {
		if p.DocID == purchaseID {
			out = append(out, p)
		}
	}
	return out, nil
}

// count is how many received invoices are recorded.
func (f *fakePayables) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.purchases)
}

// fakeBank stores bank lines by app.BankLineKeys, proposes pairings with
// app.MatchBankLine over the open sales and received invoices, and posts
// confirmed lines as payments through the sales and payables fakes.
type fakeBank struct {
	mu       sync.Mutex
	sales    *fakeSales
	pay      *fakePayables
	clock    app.Clock
	entries  []app.BankEntry // import order
	mappings map[string]app.CSVMapping
	posted   []string // accounts lines were posted to
}

// open lists the documents bank lines may pay.
func (b *fakeBank) open() []app.OpenItem {
	var out []app.OpenItem
	b.sales.mu.Lock()
	for _, d := range b.sales.docs {
		if d.Kind == app.KindInvoice && d.Status == app.StatusIssued && d.Remaining() > 0 {
			out = append(out, app.OpenItem{Kind: app.PayKindSale, DocID: d.ID, Number: d.Number, VS: trimZeros(d.VariableSymbol),
				Party: d.Customer.Name, Remaining: app.M(d.Remaining(), d.Currency)})
		}
	}
	b.sales.mu.Unlock()
	b.pay.mu.Lock()
	for _, p := range b.pay.purchases {
		if p.Remaining() != 0 { // to pay, or a refund due
			out = append(out, app.OpenItem{Kind: app.PayKindPurchase, DocID: p.ID, Number: p.Number, VS: trimZeros(p.VariableSymbol),
				Party: p.Supplier.Name, Remaining: app.M(p.Remaining(), p.Currency)})
		}
	}
	b.pay.mu.Unlock()
	return out
}

// match proposes a pairing for every line; lines stored before come back
// as MatchImported. The caller holds b.mu.
func (b *fakeBank) match(st app.BankStatement) []app.BankEntry {
	stored := map[string]bool{}
	for _, e := range b.entries {
		stored[e.Key] = true
	}
	open, taken := b.open(), map[string]bool{}
	keys := app.BankLineKeys(st)
	out := make([]app.BankEntry, len(st.Lines))
	for i, l := range st.Lines {
		e := app.BankEntry{Line: l, State: app.MatchImported}
		if !stored[keys[i]] {
			e = app.MatchBankLine(l, open, taken)
		}
		e.Key, e.Account = keys[i], st.Account
		out[i] = e
	}
	return out
}

func (b *fakeBank) PreviewBank(ctx context.Context, st app.BankStatement) ([]app.BankEntry, error) {
	if err := app.Authorize(ctx, app.PermBank); err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.match(st), nil
}

func (b *fakeBank) ImportBank(ctx context.Context, st app.BankStatement) (app.BankImportResult, error) {
	if err := app.Authorize(ctx, app.PermBank); err != nil {
		return app.BankImportResult{}, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var res app.BankImportResult
	for _, e := range b.match(st) {
		if e.State == app.MatchImported {
			res.Skipped++
			continue
		}
		e.ID, e.Imported = fmt.Sprintf("B%03d", len(b.entries)+1), b.clock.Now()
		b.entries = append(b.entries, e)
		res.Entries = append(res.Entries, e)
	}
	return res, nil
}

func (b *fakeBank) BankEntries(ctx context.Context, pending bool) ([]app.BankEntry, error) {
	if err := app.Authorize(ctx, app.PermBank); err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []app.BankEntry
	for i := len(b.entries) - 1; i >= 0; i-- {
		if e := b.entries[i]; !pending || pendingState(e.State) {
			out = append(out, e)
		}
	}
	return out, nil
}

func (b *fakeBank) entry(id string) (*app.BankEntry, error) {
	for i := range b.entries {
		if b.entries[i].ID == id {
			return &b.entries[i], nil
		}
	}
	return nil, app.Errorf(app.ENOTFOUND, "err.bank.entry_not_found", "the bank line does not exist", nil)
}

func (b *fakeBank) ConfirmBank(ctx context.Context, pairs []app.BankPairing) ([]app.BankEntry, error) {
	if err := app.Authorize(ctx, app.PermBank); err != nil {
		return nil, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range pairs { // all or none: every line must still wait
		e, err := b.entry(p.EntryID)
		if err != nil {
			return nil, err
		}
		if !pendingState(e.State) {
			return nil, app.Errorf(app.ECONFLICT, "err.bank.done", "the bank line is already posted or ignored", nil)
		}
	}
	var out []app.BankEntry
	for _, p := range pairs {
		e, _ := b.entry(p.EntryID)
		amount := e.Line.Amount
		if amount.Amount < 0 {
			amount.Amount = -amount.Amount
		}
		pm := app.Payment{DocID: p.DocID, Date: e.Line.Date, Amount: amount, Method: app.PayBank, BankEntry: e.ID}
		var err error
		if p.Kind == app.PayKindSale {
			pm, err = b.sales.RecordPayment(ctx, pm)
			if err == nil {
				d, _ := b.sales.Document(ctx, p.DocID)
				e.DocNumber, e.Party = d.Number, d.Customer.Name
			}
		} else {
			if e.Line.Amount.Amount > 0 { // the supplier's refund after a credit note
				pm, err = b.pay.refund(ctx, pm)
			} else {
				pm, err = b.pay.PaySupplier(ctx, pm)
			}
			if err == nil {
				pi, _ := b.pay.Purchase(ctx, p.DocID)
				e.DocNumber, e.Party = pi.Number, pi.Supplier.Name
			}
		}
		if err != nil {
			return nil, err
		}
		e.State, e.Kind, e.DocID, e.PaymentID = app.MatchPosted, p.Kind, p.DocID, pm.ID
		out = append(out, *e)
	}
	return out, nil
}

func (b *fakeBank) IgnoreBankEntry(ctx context.Context, id string) error {
	if err := app.Authorize(ctx, app.PermBank); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	e, err := b.entry(id)
	if err != nil {
		return err
	}
	if !pendingState(e.State) {
		return app.Errorf(app.ECONFLICT, "err.bank.done", "the bank line is already posted or ignored", nil)
	}
	e.State = app.MatchIgnored
	return nil
}

func (b *fakeBank) BankMapping(ctx context.Context, header string) (app.CSVMapping, bool, error) {
	if err := app.Authorize(ctx, app.PermBank); err != nil {
		return app.CSVMapping{}, false, err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	m, ok := b.mappings[header]
	return m, ok, nil
}

func (b *fakeBank) SaveBankMapping(ctx context.Context, header string, m app.CSVMapping) error {
	if err := app.Authorize(ctx, app.PermBank); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.mappings == nil {
		b.mappings = map[string]app.CSVMapping{}
	}
	b.mappings[header] = m
	return nil
}

// states lists the stored lines' states in import order.
func (b *fakeBank) states() []app.BankMatchState {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []app.BankMatchState
	for _, e := range b.entries {
		out = append(out, e.State)
	}
	return out
}

// withPayablesFakes adds payables and bank fakes to d (made by testDeps).
func withPayablesFakes(d *kit.Deps) (*fakePayables, *fakeBank) {
	cust, _, sales := salesFakes(*d)
	p := &fakePayables{fc: sales.fc, customers: cust, ledger: d.Services.Ledger.(*fakeLedger), clock: d.Services.Clock}
	b := &fakeBank{sales: sales, pay: p, clock: d.Services.Clock}
	d.Services.Payables, d.Services.Bank = p, b
	return p, b
}

func (b *fakeBank) PostBankEntry(ctx context.Context, id, account, memo string) (app.BankEntry, error) {
	if err := app.Authorize(ctx, app.PermBank); err != nil {
		return app.BankEntry{}, err
	}
	if strings.TrimSpace(account) == "" {
		return app.BankEntry{}, app.Invalid("bank.account", "err.required", "is required", nil)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	e, err := b.entry(id)
	if err != nil {
		return app.BankEntry{}, err
	}
	if !pendingState(e.State) {
		return app.BankEntry{}, app.Errorf(app.ECONFLICT, "err.bank.done", "the bank line is already posted or ignored", nil)
	}
	if memo == "" {
		memo = e.Line.Message
	}
	e.State, e.Kind, e.EntryID, e.DocNumber, e.Party = app.MatchPosted, app.PayKindAccount, "entry-"+id, "ID-"+account, memo
	b.posted = append(b.posted, account)
	return *e, nil
}
