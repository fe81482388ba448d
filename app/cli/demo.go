package cli

import (
	"context"
	"fmt"
	"time"

	"kontor/app"
)

// DemoOptions says how much demo data to make and for when.
type DemoOptions struct {
	// Scale multiplies the volume: 1 is about 10,000 journal lines a year,
	// 100 about 1,000,000. Zero means 1.
	Scale int
	// Year fills January to December of that year; zero fills the 12 months
	// ending this month (by the services' clock), up to today.
	Year int
	// Chart is the chart of accounts of the demo company; zero means Czech.
	Chart app.Chart
	// Progress, if set, is called from Demo's goroutine now and then with the
	// work done so far and the work in all, counted in days of the period:
	// it goes through the period twice, for the sales documents and then
	// for the rest of the journal.
	Progress func(done, total int)
	// BankFiles, if set, saves the demo's bank statement files (ABO/GPC and
	// CSV of the last two months) under the names given, next to the
	// database; nil makes them in memory only (the previous month's is
	// imported either way).
	BankFiles func(name string, data []byte) error
}

// DemoSummary is what Demo made.
type DemoSummary struct {
	Company  string        // the demo company's name
	From, To app.Date      // the period the journal covers
	Entries  int           // journal entries posted
	Lines    int           // journal lines posted
	Turnover int64         // sum of all debits (= all credits), minor units
	Elapsed  time.Duration // wall-clock time taken
	// Users are the users made, the admin first; all sign in with DemoPassword.
	Users []app.User
	// Sales counts the customers, items and sales documents made; their
	// postings are included in Entries, Lines and Turnover.
	Sales DemoSales
	// Reception counts the customer directory, visits, appointments and
	// inquiries made for the front desk.
	Reception DemoReception
	// Payables counts the suppliers and received invoices; Bank the demo's
	// bank statements, the one imported and the one left for the user.
	Payables DemoPayables
	Bank     DemoBank
}

// demoCounted adds a posted entry to the summary.
func demoCounted(ctx context.Context, svc app.Services, sum *DemoSummary, entryID string) error {
	if entryID == "" || sum == nil {
		return nil
	}
	e, err := svc.Ledger.Entry(ctx, entryID)
	if err != nil {
		return err
	}
	sum.count(e)
	return nil
}

// count adds a posted entry to the summary's figures.
func (s *DemoSummary) count(e app.Entry) {
	dr, _ := e.Totals()
	s.Entries++
	s.Lines += len(e.Lines)
	s.Turnover += dr
}

// MaxDemoScale bounds --scale so a typo cannot fill the disk.
const MaxDemoScale = 1000

// demoBatch is how many entries go into one PostEntries transaction; it keeps
// memory bounded while amortising commits.
const demoBatch = 2000

// demoSeed makes the demo the same on every run.
const demoSeed1, demoSeed2 = 0x4b6f6e746f72, 2026

// Demo creates a realistic Czech demo company (a café and coffee roastery) in
// an empty database, with its users, and a year of its business: business
// customers, a price list and real sales documents made through the sales
// services (quotes, orders, invoices in CZK and EUR, payments, credit notes,
// some invoices left overdue; see demoSales), the front desk's customer
// directory, today's visitors, the appointments of the weeks around today
// and inquiries (see demoReception; skipped when svc has no Importer or
// Reception), and the rest of its
// bookkeeping posted through LedgerService.PostEntries: opening balances,
// the e-shop's daily takings, daily cash sales, purchases and supplier
// payments, monthly payroll, bank fees, VAT settlements and stock consumption. It creates the
// first admin (DemoAdmin) and works as that user, then one user per role
// (DemoUsers), all with DemoPassword. The output is deterministic for a given
// clock and options. A database that has users or a company is refused with
// ECONFLICT.
func Demo(ctx context.Context, svc app.Services, opt DemoOptions) (DemoSummary, error) {
	started := time.Now()
	if opt.Scale == 0 {
		opt.Scale = 1
	}
	if opt.Scale < 1 || opt.Scale > MaxDemoScale {
		return DemoSummary{}, app.Invalid("demo.scale", "err.demo.scale", "the scale must be between 1 and {{.max}}", map[string]any{"max": MaxDemoScale})
	}
	if opt.Year != 0 && (opt.Year < 2013 || opt.Year > 2100) {
		return DemoSummary{}, app.Invalid("demo.year", "err.demo.year", "the demo year must be between 2013 and 2100", nil)
	}
	if opt.Chart == "" {
		opt.Chart = app.ChartCzech
	}
	if svc.Company == nil || svc.Ledger == nil || svc.Users == nil || svc.Customers == nil || svc.PriceList == nil || svc.Sales == nil {
		return DemoSummary{}, app.Errorf(app.EINTERNAL, "err.demo.no_services", "the demo needs the company, ledger, user, customer, price-list and sales services", nil)
	}
	if err := ctx.Err(); err != nil {
		return DemoSummary{}, app.Errorf(app.ECONFLICT, "err.cancelled", "cancelled", nil)
	}
	if err := demoCheckEmpty(ctx, svc); err != nil {
		return DemoSummary{}, err
	}
	clock := svc.Clock
	if clock == nil {
		clock = app.SystemClock{}
	}
	from, to := demoPeriod(app.Today(clock), opt.Year)
	users := DemoUsers()
	admin, err := svc.Users.CreateFirstAdmin(ctx, users[0])
	if err != nil {
		return DemoSummary{}, err
	}
	ctx = app.WithUser(ctx, admin)
	sum := DemoSummary{From: from, To: to, Users: []app.User{admin}}
	if err := demoAdminCheck(ctx, svc, admin); err != nil {
		return sum, err
	}
	company, err := svc.Company.CreateCompany(ctx, demoCompany(opt.Chart))
	if err != nil {
		return sum, err
	}
	sum.Company = company.Name
	for _, n := range users[1:] {
		u, err := svc.Users.CreateUser(ctx, n)
		if err != nil {
			return sum, err
		}
		sum.Users = append(sum.Users, u)
	}
	accounts, err := svc.Ledger.Accounts(ctx)
	if err != nil {
		return sum, err
	}
	acc, err := demoAccountsFor(company.Chart, accounts)
	if err != nil {
		return sum, err
	}
	g := newDemoGen(company, acc, from, to, opt.Scale)
	total := daysBetween(from, to) + 1
	flush := func() error {
		if len(g.batch) == 0 {
			return nil
		}
		if err := svc.Ledger.PostEntries(ctx, g.batch); err != nil {
			return err
		}
		for _, e := range g.batch {
			sum.count(e)
		}
		g.batch = g.batch[:0]
		return nil
	}
	// The opening balances come first in the journal, before any document.
	g.opening(from)
	if err := flush(); err != nil {
		return sum, err
	}
	// Two passes over the period: the sales documents, then the journal.
	total *= 2
	sales, err := newDemoSales(ctx, svc, g, &sum)
	if err != nil {
		return sum, err
	}
	payables, err := newDemoPayables(ctx, svc, g, &sum)
	if err != nil {
		return sum, err
	}
	done := 0
	for d := from; !d.After(to); d = d.AddDays(1) {
		if err := ctx.Err(); err != nil {
			return sum, app.Errorf(app.ECONFLICT, "err.cancelled", "cancelled", nil)
		}
		if err := sales.day(d); err != nil {
			return sum, err
		}
		if err := payables.day(d); err != nil {
			return sum, err
		}
		if done++; d.Day() == 1 && opt.Progress != nil {
			opt.Progress(done, total)
		}
	}
	g.docs = sales.figures
	g.docs.vatIn, g.docs.goodsIn, g.docs.payables = payables.vatIn, payables.goodsIn, !payables.counts.Skipped
	for d := from; !d.After(to); d = d.AddDays(1) {
		if err := ctx.Err(); err != nil {
			return sum, app.Errorf(app.ECONFLICT, "err.cancelled", "cancelled", nil)
		}
		g.day(d)
		done++
		if len(g.batch) >= demoBatch {
			if err := flush(); err != nil {
				return sum, err
			}
			if opt.Progress != nil {
				opt.Progress(done, total)
			}
		}
	}
	if err := flush(); err != nil {
		return sum, err
	}
	if err := sales.finish(); err != nil {
		return sum, err
	}
	if err := payables.finish(); err != nil {
		return sum, err
	}
	sum.Sales, sum.Payables = sales.counts, payables.counts
	if sum.Bank, err = demoBank(ctx, svc, company, from, to, opt, &sum); err != nil {
		return sum, err
	}
	taken := map[string]bool{company.ICO: true}
	for _, c := range sales.customers {
		taken[c.ICO] = true
	}
	if sum.Reception, err = demoReception(ctx, svc, app.Today(clock), clock.Now(), opt.Scale, taken); err != nil {
		return sum, err
	}
	if opt.Progress != nil {
		opt.Progress(total, total)
	}
	sum.Elapsed = time.Since(started)
	return sum, nil
}

// demoPeriod is the calendar year, or the 12 months ending this month up to today.
func demoPeriod(today app.Date, year int) (from, to app.Date) {
	if year != 0 {
		return app.D(year, time.January, 1), app.D(year, time.December, 31)
	}
	m := today.MonthOf()
	first := app.Month{Year: m.Year - 1, Month: m.Month}.Next()
	return first.First(), today
}

func daysBetween(a, b app.Date) int {
	return int(b.Time(time.UTC).Sub(a.Time(time.UTC)).Hours()/24 + 0.5)
}

// demoCompany is the café and roastery the demo books for. Its IČO, DIČ, bank
// account and IBAN pass Kontor's checks (the IČO's check digit is computed).
func demoCompany(chart app.Chart) app.Company {
	ico := "2874615"
	ico += fmt.Sprint(icoCheckDigit(ico))
	account := "2801234578/2010"
	iban := ""
	if ba, err := app.ParseBankAccount(account); err == nil {
		iban = ba.IBAN()
	}
	// The VAT rates cover the years a demo may be made for: 21 % and 15 % from
	// 2013, the single reduced rate of 12 % from 2024.
	rates := []app.VATRate{
		{Kind: app.VATStandard, Rate: app.RatePercent(21), From: app.D(2013, time.January, 1)},
		{Kind: app.VATReduced, Rate: app.RatePercent(15), From: app.D(2013, time.January, 1), To: app.D(2023, time.December, 31)},
		{Kind: app.VATReduced, Rate: app.RatePercent(12), From: app.D(2024, time.January, 1)},
		{Kind: app.VATZero, Rate: app.RatePercent(0), From: app.D(2013, time.January, 1)},
	}
	return app.Company{
		Branch:   "HQ",
		Name:     "Kavárna a pražírna Žlutý Čáp s.r.o.",
		Street:   "Vinohradská 1247/15",
		City:     "Praha 2 – Vinohrady",
		Postcode: "120 00",
		Country:  "CZ",
		ICO:      ico,
		DIC:      "CZ" + ico,
		VATPayer: true,
		// Finanční úřad pro hlavní město Prahu (451), územní pracoviště
		// pro Prahu 2 (2002): what the EPO files need in VetaD.
		TaxOffice:       "451",
		TaxOfficeBranch: "2002",
		Register:        "zapsaná v obchodním rejstříku vedeném Městským soudem v Praze, oddíl C, vložka 284713",
		BankAccount:     account,
		IBAN:            iban,
		BIC:             "FIOBCZPP",
		Email:           "kancelar@zlutycap.cz",
		Phone:           "+420 222 512 347",
		BaseCurrency:    "CZK",
		Chart:           chart,
		VATRates:        rates,
		Series:          app.DefaultSeries(),
	}
}

// icoCheckDigit computes the eighth digit of an IČO from its first seven.
func icoCheckDigit(first7 string) int {
	s := 0
	for i := 0; i < 7; i++ {
		s += int(first7[i]-'0') * (8 - i)
	}
	return (11 - s%11) % 10
}
