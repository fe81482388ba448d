package demo

import (
	"context"
	"fmt"
	"sort"

	"kontor/app"
)

// BankCounts is what the Bank step did with the demo's bank statements.
type BankCounts struct {
	// Files are the statement files saved next to the database.
	Files []string
	// Imported is the previous month's statement: its lines, the payments
	// posted from it and the lines left pending for the Accounts tab.
	Imported, Posted, Pending int
	// Locked are the months locked after everything was posted.
	Locked []app.Month
	// Closed are the years closed into 431 (roční uzávěrka) before locking.
	Closed  []int
	Skipped bool // the period is too short to have a previous month
}

// Bank is the demo's step of bank statements (see demoBank). It has nothing
// to do day by day: it runs after the others, on what they left open.
func Bank() Step { return &bankStep{} }

type bankStep struct {
	ctx context.Context
	b   *Book
}

func (s *bankStep) Name() string { return "bank" }

func (s *bankStep) Start(ctx context.Context, b *Book) error {
	s.ctx, s.b = ctx, b
	return nil
}

func (s *bankStep) Day(app.Date) error { return nil }

// Finish makes, imports and saves the statements, closes the years before
// this one and locks the months up to the one imported.
func (s *bankStep) Finish(sum *Summary) error {
	b := s.b
	res, err := demoBank(s.ctx, b.Services, b.Company, b.From, b.To, b.Options, sum)
	sum.Bank = res
	if err != nil || res.Skipped {
		return err
	}
	sum.report("Bank: last month's statement imported (%d lines: %d payments posted, %d left to pair in the Accounts tab); months locked: %s.",
		res.Imported, res.Posted, res.Pending, monthsText(res.Locked))
	for _, y := range res.Closed {
		sum.report("Year %d closed into 431 (roční uzávěrka).", y)
	}
	return nil
}

// monthsText writes "1/2026 – 10/2026" or "none".
func monthsText(ms []app.Month) string {
	switch len(ms) {
	case 0:
		return "none"
	case 1:
		return ms[0].Format()
	}
	return ms[0].Format() + " – " + ms[len(ms)-1].Format()
}

// demoBank makes the bank statements of the period's last two months, as
// the company's bank would export them: incoming payments of open invoices
// (variable symbol and exact amount), the payment of an open received
// invoice, the month's fee and a payment nobody can pair. The previous
// month's is imported (its pairs posted, the fee set aside, the stranger left
// pending) and the months up to it locked; the current month's is left for
// the user to import. With opt.BankFiles both are saved, as ABO/GPC and CSV.
func demoBank(ctx context.Context, svc app.Services, company app.Company, from, to app.Date, opt Options, sum *Summary) (BankCounts, error) {
	var res BankCounts
	cur := to.MonthOf()
	prev := app.Month{Year: cur.Year, Month: cur.Month - 1}
	if prev.Month == 0 {
		prev = app.Month{Year: cur.Year - 1, Month: 12}
	}
	if prev.First().Before(from) {
		res.Skipped = true // a period too short for a previous month
		return res, nil
	}
	sales, err := demoOpenSales(ctx, svc, company.BaseCurrency)
	if err != nil {
		return res, err
	}
	purchases, err := demoOpenPurchases(ctx, svc)
	if err != nil {
		return res, err
	}
	taken := map[string]bool{}
	scale := int64(max(opt.Scale, 1))
	symbol := func(id string) (string, error) {
		d, err := svc.Sales.Document(ctx, id)
		return d.VariableSymbol, err
	}
	prevFile, err := demoStatement(company, prev, prev.Last(), 1_284_562_40*scale, sales, symbol, purchases, nil, taken)
	if err != nil {
		return res, err
	}
	closing, _, _ := prevFile.closing()
	var refunds []app.PurchaseInvoice // after this month's credit note
	for _, p := range purchases {
		if p.Remaining() < 0 {
			refunds = append(refunds, p)
		}
	}
	curFile, err := demoStatement(company, cur, to, closing, sales, symbol, purchases, refunds, taken)
	if err != nil {
		return res, err
	}

	for _, f := range []bankFile{prevFile, curFile} {
		abo, err := f.ABO()
		if err != nil {
			return res, err
		}
		if opt.BankFiles != nil {
			base := fmt.Sprintf("kontor-demo-vypis-%04d-%02d", f.to.Year(), int(f.to.Month()))
			for _, file := range []struct {
				name string
				data []byte
			}{{base + ".gpc", abo}, {base + ".csv", f.CSV()}} {
				if err := opt.BankFiles(file.name, file.data); err != nil {
					return res, err
				}
				res.Files = append(res.Files, file.name)
			}
		}
		if f.to != prevFile.to {
			continue
		}
		st, err := app.ParseABO(abo)
		if err != nil {
			return res, err
		}
		if err := demoImport(ctx, svc, st, &res, sum); err != nil {
			return res, err
		}
	}
	// The years before this one are closed (roční uzávěrka) before their
	// months are locked: 2026 starts with revenue and expenses at zero.
	for y := from.Year(); y < to.Year(); y++ {
		e, err := svc.Closer.CloseYear(ctx, y)
		if err != nil {
			return res, err
		}
		res.Closed = append(res.Closed, y)
		if err := demoCounted(ctx, svc, sum, e.ID); err != nil {
			return res, err
		}
	}
	for m := from.MonthOf(); m.Key() <= prev.Key(); m = m.Next() {
		if err := svc.Ledger.SetPeriodLock(ctx, m, true); err != nil {
			return res, err
		}
		res.Locked = append(res.Locked, m)
	}
	return res, nil
}

// demoImport imports the statement, posts its pairs and sets the fee aside.
func demoImport(ctx context.Context, svc app.Services, st app.BankStatement, res *BankCounts, sum *Summary) error {
	bank := svc.Bank
	imp, err := bank.ImportBank(ctx, st)
	if err != nil {
		return err
	}
	res.Imported = len(imp.Entries)
	var pairs []app.BankPairing
	for _, e := range imp.Entries {
		switch {
		case e.State == app.MatchFound:
			pairs = append(pairs, app.BankPairing{EntryID: e.ID, Kind: e.Kind, DocID: e.DocID})
		case e.Line.VariableSymbol == "" && e.Line.Amount.Amount < 0:
			// The bank's fee: the month-end entry has booked it.
			if err := bank.IgnoreBankEntry(ctx, e.ID); err != nil {
				return err
			}
		default:
			res.Pending++
		}
	}
	if len(pairs) > 0 {
		done, err := bank.ConfirmBank(ctx, pairs)
		if err != nil {
			return err
		}
		for _, e := range done {
			if err := demoCountPayment(ctx, svc, sum, e); err != nil {
				return err
			}
		}
	}
	res.Posted = len(pairs)
	return nil
}

// demoCountPayment adds the entry of the payment a bank line posted to the summary.
func demoCountPayment(ctx context.Context, svc app.Services, sum *Summary, e app.BankEntry) error {
	var pays []app.Payment
	var err error
	if e.Kind == app.PayKindPurchase {
		pays, err = svc.Payables.SupplierPayments(ctx, e.DocID)
	} else {
		pays, err = svc.Sales.Payments(ctx, e.DocID)
	}
	if err != nil {
		return err
	}
	for _, p := range pays {
		if p.ID == e.PaymentID {
			return demoCounted(ctx, svc, sum, p.EntryID)
		}
	}
	return nil
}

// openSale is what a bank statement needs of an open invoice.
type openSale struct {
	id, number, customer string
	issue                app.Date
	remaining            int64
}

// demoOpenSales lists the open invoices in the base currency, newest
// first, from the list rows of the three open statuses: a large scale has
// thousands, and only a few are paid on the statements.
func demoOpenSales(ctx context.Context, svc app.Services, base string) ([]openSale, error) {
	const page = 500
	var out []openSale
	for _, st := range []app.DocStatus{app.StatusIssued, app.StatusPartlyPaid, app.StatusOverdue} {
		f := app.DocFilter{Kind: app.KindInvoice, Status: st}
		for offset := 0; ; offset += page {
			rows, total, err := svc.Sales.DocRows(ctx, f, offset, page)
			if err != nil {
				return nil, err
			}
			for _, r := range rows {
				if r.Status == app.StatusIssued && r.Currency == base && r.Remaining() > 0 {
					out = append(out, openSale{id: r.ID, number: r.Number, customer: r.Customer, issue: r.IssueDate, remaining: r.Remaining()})
				}
			}
			if len(rows) < page || offset+page >= total {
				break
			}
		}
	}
	sortNewestFirst(out, func(d openSale) (app.Date, string) { return d.issue, d.number })
	return out, nil
}

// sortNewestFirst sorts by issue date and then number, newest first. The
// stores list records of one day in the order of their IDs, which are
// random within a millisecond (and a test's fixed clock has one
// millisecond): the demo sorts what it picks from so it makes the same
// books every time.
func sortNewestFirst[T any](xs []T, key func(T) (app.Date, string)) {
	sort.SliceStable(xs, func(i, j int) bool {
		di, ni := key(xs[i])
		dj, nj := key(xs[j])
		if di != dj {
			return di.After(dj)
		}
		return ni > nj
	})
}

// demoStatement is the company account's statement of month m up to last:
// up to three incoming payments and one outgoing payment of documents open
// (and not taken by an earlier statement), issued by the day they are paid,
// the refunds suppliers owe after credit notes, the month's fee and an
// incoming payment with an unknown symbol.
func demoStatement(company app.Company, m app.Month, last app.Date, opening int64, sales []openSale, symbol func(id string) (string, error),
	purchases, refunds []app.PurchaseInvoice, taken map[string]bool) (bankFile, error) {
	f := bankFile{account: company.BankAccount, name: "Zluty Cap s.r.o.", number: int(m.Month), from: m.First(), to: last,
		opening: opening, currency: "CZK", currencyNumeric: "0203"}
	ref := int64(m.Year)*1_000_000_000 + int64(m.Month)*10_000_000 // 13 digits, as ABO writes them
	next := func() string { ref++; return fmt.Sprint(ref) }
	// Payments come in on the last days up to last, after their invoice.
	payDay := func(issued app.Date, k int) (app.Date, bool) {
		d := last.AddDays(-2 * k)
		if d.Before(m.First()) {
			d = m.First()
		}
		return d, !d.Before(issued)
	}
	n := 0
	for _, d := range sales {
		if n == 3 {
			break
		}
		day, ok := payDay(d.issue, n+1)
		if taken[d.id] || !ok {
			continue
		}
		vs, err := symbol(d.id)
		if err != nil {
			return f, err
		}
		if vs == "" {
			continue
		}
		taken[d.id] = true
		f.lines = append(f.lines, bankFileLine{date: day, amount: d.remaining, vs: vs, ks: "0308",
			counterAccount: demoBankAccount(int64(200_000_000+len(d.customer)*1_000_003+n*17), "0800"),
			counterName:    d.customer, message: "Úhrada faktury " + d.number, ref: next()})
		n++
	}
	for _, p := range purchases {
		day, ok := payDay(p.IssueDate, 1)
		if taken[p.ID] || !ok || p.Currency != company.BaseCurrency || p.VariableSymbol == "" || p.Remaining() <= 0 {
			continue
		}
		taken[p.ID] = true
		f.lines = append(f.lines, bankFileLine{date: day, amount: -p.Remaining(), vs: p.VariableSymbol,
			counterAccount: demoSupplierAccount(p.Supplier.Name), counterName: p.Supplier.Name, message: "Faktura " + p.SupplierNumber, ref: next()})
		break
	}
	for _, p := range refunds { // a supplier sends back what a credit note left overpaid
		if taken[p.ID] || p.Currency != company.BaseCurrency || p.VariableSymbol == "" {
			continue
		}
		taken[p.ID] = true
		f.lines = append(f.lines, bankFileLine{date: last, amount: -p.Remaining(), vs: p.VariableSymbol,
			counterAccount: demoSupplierAccount(p.Supplier.Name), counterName: p.Supplier.Name, message: "Vratka dobropisu k " + p.SupplierNumber, ref: next()})
	}
	f.lines = append(f.lines,
		bankFileLine{date: last, amount: -189_00, counterName: "Poplatek za vedení", message: "Poplatek za vedení účtu " + m.Format(), ref: next()},
		bankFileLine{date: m.First(), amount: 1_500_00, vs: "99887766", counterAccount: demoBankAccount(190_000_017, "0300"),
			counterName: "Jan Neznámý", message: "Záloha na kurz baristy", ref: next()})
	sort.SliceStable(f.lines, func(i, j int) bool { return f.lines[i].date.Before(f.lines[j].date) })
	return f, nil
}

// demoSupplierAccount is the account the demo's supplier of that name is paid to.
func demoSupplierAccount(name string) string {
	for i, s := range demoSuppliers {
		if s.name == name {
			return s.customer(i).BankAccount
		}
	}
	return ""
}
