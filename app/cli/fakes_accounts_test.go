package cli

import (
	"context"
	"sort"
	"strings"

	"kontor/app"
)

// fakeAccounts is the fake store's payables and bank import, following
// data/: received invoices numbered in the FP series and posted with
// app.PurchasePosting, supplier payments against 321, bank lines stored once
// by app.BankLineKeys and matched with app.MatchBankLine, pairings posted as
// payments through the same paths as hand-made ones.
type fakeAccounts struct {
	purchases   map[string]app.PurchaseInvoice
	porder      []string
	ppayments   map[string][]app.Payment
	pcounter    map[int]int
	bank        []app.BankEntry // oldest first
	bankKeys    map[string]bool
	mappings    map[string]app.CSVMapping
	mappingGets int
}

func newFakeAccounts() fakeAccounts {
	return fakeAccounts{purchases: map[string]app.PurchaseInvoice{}, ppayments: map[string][]app.Payment{}, pcounter: map[int]int{},
		bankKeys: map[string]bool{}, mappings: map[string]app.CSVMapping{}}
}

func (f *fakeStore) Suppliers(ctx context.Context, search string, limit int) ([]app.Customer, error) {
	if err := f.authorize(ctx, app.PermPayables); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []app.Customer
	for _, c := range f.sales.customers {
		if c.Supplier && strings.Contains(app.FoldText(c.Name), app.FoldText(search)) {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return app.FoldText(out[i].Name) < app.FoldText(out[j].Name) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (f *fakeStore) RecordPurchase(ctx context.Context, p app.PurchaseInvoice) (app.PurchaseInvoice, error) {
	err := f.inLock(ctx, app.PermPayables, func(company app.Company) error {
		acc := company.Chart.Posting()
		p.Normalize(company.BaseCurrency, acc)
		if err := p.Validate(); err != nil {
			return err
		}
		sup, ok := f.sales.customers[p.SupplierID]
		if !ok {
			return app.Invalid("purchase.supplier", "err.customer.not_found", "the customer does not exist", nil)
		}
		for _, id := range f.accts.porder {
			if o := f.accts.purchases[id]; o.SupplierID == p.SupplierID && o.SupplierNumber == p.SupplierNumber {
				return app.Errorf(app.ECONFLICT, "err.purchase.duplicate", "{{.number}} is already recorded", map[string]any{"number": o.Number})
			}
		}
		p.Supplier = app.PartyOfCustomer(sup)
		now := f.clock.Now().UTC()
		p.ID, p.Branch, p.Created, p.Paid = app.NewID(now), company.Branch, now, 0
		y := p.IssueDate.Year()
		s, _ := company.SeriesFor(app.SeriesReceived)
		p.Number = s.Number(y, f.accts.pcounter[y]+1)
		e := app.Entry{Date: p.TaxDate, Memo: "Přijatá faktura " + p.Number + " – " + p.Supplier.Name, Source: "purchase:" + p.ID,
			Lines: app.PurchasePosting(p, company.BaseCurrency, acc)}
		if err := f.checkEntry(e); err != nil {
			return app.WithField(err, "purchase.tax_date")
		}
		f.accts.pcounter[y]++
		p.EntryID = f.post(e).ID
		f.accts.purchases[p.ID] = p
		f.accts.porder = append(f.accts.porder, p.ID)
		return nil
	})
	return p, err
}

func (f *fakeStore) Purchase(ctx context.Context, id string) (p app.PurchaseInvoice, err error) {
	err = f.inLock(ctx, app.PermPayables, func(app.Company) error {
		var ok bool
		if p, ok = f.accts.purchases[id]; !ok {
			return app.Errorf(app.ENOTFOUND, "err.purchase.not_found", "the received invoice does not exist", nil)
		}
		return nil
	})
	return p, err
}

func (f *fakeStore) Purchases(ctx context.Context, flt app.PurchaseFilter, offset, limit int) (out []app.PurchaseInvoice, total int, err error) {
	err = f.inLock(ctx, app.PermPayables, func(app.Company) error {
		for _, id := range f.accts.porder {
			p := f.accts.purchases[id]
			d := p.IssueDate
			if flt.ByTaxDate {
				d = p.TaxDate
			}
			switch {
			case !flt.From.IsZero() && d.Before(flt.From), !flt.To.IsZero() && d.After(flt.To):
			case flt.SupplierID != "" && p.SupplierID != flt.SupplierID:
			case flt.OpenOnly && p.Remaining() <= 0:
			case flt.Search != "" && !strings.Contains(app.FoldText(p.Number+" "+p.SupplierNumber+" "+p.Supplier.Name), app.FoldText(flt.Search)):
			default:
				out = append(out, p)
			}
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].IssueDate.After(out[j].IssueDate) })
	total = len(out)
	out = out[min(offset, total):]
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, total, err
}

func (f *fakeStore) PaySupplier(ctx context.Context, pay app.Payment) (app.Payment, error) {
	err := f.inLock(ctx, app.PermPayables, func(company app.Company) error {
		return f.paySupplierLocked(company, &pay)
	})
	return pay, err
}

func (f *fakeStore) paySupplierLocked(company app.Company, pay *app.Payment) error {
	p, ok := f.accts.purchases[pay.DocID]
	switch {
	case !ok:
		return app.Invalid("payment.doc", "err.purchase.not_found", "the received invoice does not exist", nil)
	case pay.Date.IsZero():
		return app.Invalid("payment.date", "err.required", "is required", nil)
	case pay.Amount.Amount <= 0:
		return app.Invalid("payment.amount", "err.payment.positive", "a payment must be more than zero", nil)
	case pay.Amount.Currency != p.Currency:
		return app.Invalid("payment.amount", "err.payment.currency", "invoice {{.number}} is in {{.currency}}", map[string]any{"number": p.Number, "currency": p.Currency})
	case pay.Amount.Amount > p.Remaining():
		return app.Invalid("payment.amount", "err.payment.too_much", "only {{.left}} remains to be paid on {{.number}}", map[string]any{"left": app.M(p.Remaining(), p.Currency), "number": p.Number})
	}
	if pay.Method == "" {
		pay.Method = app.PayBank
	}
	acc := company.Chart.Posting()
	money := acc.Bank
	if pay.Method == app.PayCash {
		money = acc.Cash
	}
	base := pay.Amount
	if p.Currency != company.BaseCurrency {
		base = pay.Amount.Convert(company.BaseCurrency, p.ExchangeRate, app.HalfUp)
	}
	now := f.clock.Now().UTC()
	pay.ID, pay.Branch, pay.Created = app.NewID(now), company.Branch, now
	e := app.Entry{Date: pay.Date, Memo: "Úhrada " + p.Number + " – " + p.Supplier.Name, Source: "supplier-payment:" + pay.ID,
		Lines: []app.Line{{Account: acc.Payables, Debit: base.Amount}, {Account: money, Credit: base.Amount}}}
	if err := f.checkEntry(e); err != nil {
		return app.WithField(err, "payment.date")
	}
	pay.EntryID = f.post(e).ID
	p.Paid += pay.Amount.Amount
	f.accts.purchases[p.ID] = p
	f.accts.ppayments[p.ID] = append(f.accts.ppayments[p.ID], *pay)
	return nil
}

func (f *fakeStore) SupplierPayments(ctx context.Context, purchaseID string) (out []app.Payment, err error) {
	err = f.inLock(ctx, app.PermPayables, func(app.Company) error {
		out = append(out, f.accts.ppayments[purchaseID]...)
		return nil
	})
	return out, err
}

// openItems lists what bank lines may pay: issued invoices and received
// invoices with something left.
func (f *fakeStore) openItems() []app.OpenItem {
	var out []app.OpenItem
	for _, id := range f.sales.order {
		d := f.sales.docs[id]
		if d.Kind == app.KindInvoice && d.Status == app.StatusIssued && d.Remaining() > 0 {
			out = append(out, app.OpenItem{Kind: app.PayKindSale, DocID: d.ID, Number: d.Number, VS: strings.TrimLeft(d.VariableSymbol, "0"),
				Party: d.Customer.Name, Remaining: app.M(d.Remaining(), d.Currency)})
		}
	}
	for _, id := range f.accts.porder {
		p := f.accts.purchases[id]
		if p.Remaining() > 0 {
			out = append(out, app.OpenItem{Kind: app.PayKindPurchase, DocID: p.ID, Number: p.Number, VS: strings.TrimLeft(p.VariableSymbol, "0"),
				Party: p.Supplier.Name, Remaining: app.M(p.Remaining(), p.Currency)})
		}
	}
	return out
}

// matchLocked matches the statement's lines; those imported before come
// back as MatchImported with an empty ID.
func (f *fakeStore) matchLocked(st app.BankStatement) []app.BankEntry {
	open, taken := f.openItems(), map[string]bool{}
	keys := app.BankLineKeys(st)
	out := make([]app.BankEntry, len(st.Lines))
	for i, l := range st.Lines {
		if f.accts.bankKeys[keys[i]] {
			out[i] = app.BankEntry{Key: keys[i], Account: st.Account, Line: l, State: app.MatchImported}
			continue
		}
		e := app.MatchBankLine(l, open, taken)
		e.Key, e.Account = keys[i], st.Account
		out[i] = e
	}
	return out
}

func (f *fakeStore) PreviewBank(ctx context.Context, st app.BankStatement) (out []app.BankEntry, err error) {
	err = f.inLock(ctx, app.PermBank, func(app.Company) error {
		out = f.matchLocked(st)
		return nil
	})
	return out, err
}

func (f *fakeStore) ImportBank(ctx context.Context, st app.BankStatement) (res app.BankImportResult, err error) {
	err = f.inLock(ctx, app.PermBank, func(app.Company) error {
		now := f.clock.Now().UTC()
		for _, e := range f.matchLocked(st) {
			if e.State == app.MatchImported {
				res.Skipped++
				continue
			}
			e.ID, e.Imported = app.NewID(now), now
			f.accts.bankKeys[e.Key] = true
			f.accts.bank = append(f.accts.bank, e)
			res.Entries = append(res.Entries, e)
		}
		return nil
	})
	return res, err
}

func (f *fakeStore) BankEntries(ctx context.Context, pending bool) (out []app.BankEntry, err error) {
	err = f.inLock(ctx, app.PermBank, func(app.Company) error {
		for i := len(f.accts.bank) - 1; i >= 0; i-- {
			e := f.accts.bank[i]
			if !pending || (e.State != app.MatchPosted && e.State != app.MatchIgnored) {
				out = append(out, e)
			}
		}
		return nil
	})
	return out, err
}

func (f *fakeStore) bankIndex(id string) int {
	for i, e := range f.accts.bank {
		if e.ID == id {
			return i
		}
	}
	return -1
}

func (f *fakeStore) ConfirmBank(ctx context.Context, pairs []app.BankPairing) (out []app.BankEntry, err error) {
	err = f.inLock(ctx, app.PermBank, func(company app.Company) error {
		// All or none: check every pairing before posting any.
		for _, p := range pairs {
			i := f.bankIndex(p.EntryID)
			if i < 0 {
				return app.Errorf(app.ENOTFOUND, "err.bank.entry_not_found", "the bank line does not exist", nil)
			}
			if s := f.accts.bank[i].State; s == app.MatchPosted || s == app.MatchIgnored {
				return app.Errorf(app.ECONFLICT, "err.bank.entry_done", "the bank line is already posted or set aside", nil)
			}
		}
		for _, p := range pairs {
			i := f.bankIndex(p.EntryID)
			e := f.accts.bank[i]
			amount := absMoney(e.Line.Amount)
			pay := app.Payment{DocID: p.DocID, Date: e.Line.Date, Amount: amount, Method: app.PayBank, BankEntry: e.ID}
			if p.Kind == app.PayKindPurchase {
				if err := f.paySupplierLocked(company, &pay); err != nil {
					return err
				}
				e.DocNumber = f.accts.purchases[p.DocID].Number
			} else {
				d, ok := f.sales.docs[p.DocID]
				if !ok || d.Remaining() < amount.Amount {
					return app.Invalid("payment.doc", "err.payment.too_much", "the invoice does not take this payment", nil)
				}
				now := f.clock.Now().UTC()
				pay.ID, pay.Branch, pay.Created = app.NewID(now), company.Branch, now
				acc := company.Chart.Posting()
				ent := app.Entry{Date: pay.Date, Memo: "Úhrada " + d.Number, Source: "payment:" + pay.ID,
					Lines: []app.Line{{Account: acc.Bank, Debit: amount.Amount}, {Account: acc.Receivables, Credit: amount.Amount}}}
				if err := f.checkEntry(ent); err != nil {
					return err
				}
				pay.EntryID = f.post(ent).ID
				d.Paid += amount.Amount
				f.putDoc(d)
				f.sales.payments[d.ID] = append(f.sales.payments[d.ID], pay)
				e.DocNumber = d.Number
			}
			e.State, e.Kind, e.DocID, e.PaymentID = app.MatchPosted, p.Kind, p.DocID, pay.ID
			f.accts.bank[i] = e
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

func (f *fakeStore) IgnoreBankEntry(ctx context.Context, id string) error {
	return f.inLock(ctx, app.PermBank, func(app.Company) error {
		i := f.bankIndex(id)
		if i < 0 {
			return app.Errorf(app.ENOTFOUND, "err.bank.entry_not_found", "the bank line does not exist", nil)
		}
		f.accts.bank[i].State = app.MatchIgnored
		return nil
	})
}

func (f *fakeStore) BankMapping(ctx context.Context, header string) (m app.CSVMapping, ok bool, err error) {
	err = f.inLock(ctx, app.PermBank, func(app.Company) error {
		f.accts.mappingGets++
		m, ok = f.accts.mappings[header]
		return nil
	})
	return m, ok, err
}

func (f *fakeStore) SaveBankMapping(ctx context.Context, header string, m app.CSVMapping) error {
	return f.inLock(ctx, app.PermBank, func(app.Company) error {
		f.accts.mappings[header] = m
		return nil
	})
}

// BalancesBetween sums the journal's lines of the day range; what is older
// is the opening balance.
func (f *fakeStore) BalancesBetween(ctx context.Context, from, to app.Date) ([]app.AccountBalance, error) {
	if err := f.authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	by := map[string]*app.AccountBalance{}
	for code, a := range f.accounts {
		by[code] = &app.AccountBalance{Account: a}
	}
	for _, e := range f.entries {
		if !to.IsZero() && e.Date.After(to) {
			continue
		}
		for _, l := range e.Lines {
			b := by[l.Account]
			if b == nil {
				continue
			}
			if !from.IsZero() && e.Date.Before(from) {
				b.Opening += l.Debit - l.Credit
				continue
			}
			b.Debit += l.Debit
			b.Credit += l.Credit
			b.Lines++
		}
	}
	out := make([]app.AccountBalance, 0, len(by))
	for _, b := range by {
		out = append(out, *b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Account.Code < out[j].Account.Code })
	return out, nil
}

func (f *fakeStore) PostBankEntry(ctx context.Context, id, account, memo string) (e app.BankEntry, err error) {
	err = f.inLock(ctx, app.PermBank, func(app.Company) error {
		i := f.bankIndex(id)
		if i < 0 {
			return app.Errorf(app.ENOTFOUND, "err.bank.entry_not_found", "the bank line does not exist", nil)
		}
		f.accts.bank[i].State, f.accts.bank[i].Kind = app.MatchPosted, app.PayKindAccount
		e = f.accts.bank[i]
		return nil
	})
	return e, err
}
