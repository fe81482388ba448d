// Package demo makes Kontor's demo company: a Czech café and coffee roastery
// with its users and a year of business, made through the same services the
// screens and the command line use, so the demo's books are real books
// (they balance, "kontor check" finds nothing). Run makes the company, its
// users and its journal; each module adds its part as a Step (Sales,
// Payables, Bank, Reception). It imports app only.
package demo

import (
	"context"
	"errors"
	"fmt"
	"time"

	"kontor/app"
)

// Options says how much demo data to make and for when.
type Options struct {
	// Scale multiplies the volume: 1 is about 10,000 journal lines, 240
	// invoices and 330 customers a year; 70 about 800,000 lines, 20,000
	// invoices and 5,000 customers; 100 about 1,000,000 lines. Zero means 1.
	Scale int
	// Year fills January to December of that year; zero fills the 12 months
	// ending this month (by the services' clock), up to today.
	Year int
	// Chart is the chart of accounts of the demo company; zero means Czech.
	Chart app.Chart
	// Progress, if set, is called from Run's goroutine now and then with the
	// work done so far and the work in all, counted in days of the period:
	// it goes through the period twice, for the steps' documents and then
	// for the rest of the journal.
	Progress func(done, total int)
	// BankFiles, if set, saves the demo's bank statement files (ABO/GPC and
	// CSV of the last two months) under the names given, next to the
	// database; nil makes them in memory only (the previous month's is
	// imported either way).
	BankFiles func(name string, data []byte) error
}

// Summary is what Run made.
type Summary struct {
	Company  string        // the demo company's name
	From, To app.Date      // the period the journal covers
	Entries  int           // journal entries posted
	Lines    int           // journal lines posted
	Turnover int64         // sum of all debits (= all credits), minor units
	Elapsed  time.Duration // wall-clock time taken
	// Users are the users made, the admin first; all sign in with Password.
	Users []app.User
	// Sales counts the customers, items and sales documents made; their
	// postings are included in Entries, Lines and Turnover.
	Sales SalesCounts
	// Reception counts the customer directory, visits, appointments and
	// inquiries made for the front desk.
	Reception ReceptionCounts
	// Payables counts the suppliers and received invoices; Bank the demo's
	// bank statements, the one imported and the one left for the user.
	Payables PayablesCounts
	Bank     BankCounts
	// Warehouse counts the stock cards, locations and stock documents.
	Warehouse WarehouseCounts
	// AfterSales counts the tickets and the return of the service desk.
	AfterSales AfterSalesCounts
	// Report has a line or two from each step that ran, in English, saying
	// what it made ("Sales: 12 customers, …"); the CLI prints them.
	Report []string
}

// report adds a line to the summary's report.
func (s *Summary) report(format string, args ...any) {
	s.Report = append(s.Report, fmt.Sprintf(format, args...))
}

// Step is one module's part of the demo: the sales documents, the received
// invoices, the bank statements, the front desk. Run calls Start once the
// company, its users and the opening balances exist (in the order the steps
// are given), Day for every day of the period in order (each step in turn;
// a day's documents are dated that day), and Finish after the journal is
// posted, again in order, so a later step may use what an earlier one made.
// Each step counts what it made in the Summary and writes its Report line.
type Step interface {
	// Name names the step in errors ("sales", "bank").
	Name() string
	// Start makes what the step needs before the first day (customers, a
	// price list, suppliers), working through b's services as b's admin.
	Start(ctx context.Context, b *Book) error
	// Day makes the day's documents.
	Day(d app.Date) error
	// Finish does what comes after the period and counts what was made.
	Finish(s *Summary) error
}

// Book is what Run shares with its steps: the services, the demo company,
// its period and accounts, and the journal generator the steps tell what
// their documents posted (output and input VAT, goods, cash), so its
// month-end VAT settlement, stock consumption and cash deposits include
// them.
type Book struct {
	// Services are the store's services; ctx passed to Start is signed in
	// as the demo admin.
	Services app.Services
	// Company is the demo company as stored.
	Company app.Company
	// From and To are the period; Today and Now the clock's day and time.
	From, To app.Date
	Today    app.Date
	Now      time.Time
	// Options are Run's options, Scale never zero.
	Options Options

	clock app.Clock
	g     *demoGen
	sum   *Summary
	taken map[string]bool // IČOs on file: the company's, the customers' made so far
}

// counted adds a posted entry to the summary.
func (b *Book) counted(ctx context.Context, entryID string) error {
	return demoCounted(ctx, b.Services, b.sum, entryID)
}

// demoCounted adds a posted entry to the summary.
func demoCounted(ctx context.Context, svc app.Services, sum *Summary, entryID string) error {
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
func (s *Summary) count(e app.Entry) {
	dr, _ := e.Totals()
	s.Entries++
	s.Lines += len(e.Lines)
	s.Turnover += dr
}

// docVolume is how many times the documents of scale 1 a scale makes (the
// sales documents a day, their payments): 1 at scale 1, then 1.2 more for
// each further unit, so that --scale 70 issues about 20,000 invoices a
// year. The journal, the directory and the received invoices grow with the
// scale itself.
func docVolume(scale int) float64 { return 1 + 1.2*float64(scale-1) }

// MaxScale bounds --scale so a typo cannot fill the disk.
const MaxScale = 1000

// demoBatch is how many entries go into one PostEntries transaction; it keeps
// memory bounded while amortising commits.
const demoBatch = 2000

// demoSeed makes the demo the same on every run.
const demoSeed1, demoSeed2 = 0x4b6f6e746f72, 2026

// All returns the steps of the whole demo in the order Run takes them:
// Warehouse (first, so each day's goods are received and roasted before
// the day's invoices ship them), Sales, Payables, Bank, Reception,
// AfterSales (last: its cases concern the Sales step's customers and the
// Warehouse step's goods). Payroll is not among them: it replaces the
// journal's own wages and takes a pay run a month, so it is added where
// the payroll is wanted (the command line's and the window's demo).
func All() []Step {
	return []Step{Warehouse(), Sales(), Payables(), Bank(), Reception(), AfterSales()}
}

// Run creates a realistic Czech demo company (a café and coffee roastery) in
// an empty database, with its users, and a year of its business: the
// bookkeeping posted through LedgerService.PostEntries — opening balances,
// the e-shop's daily takings, daily cash sales, purchases paid by card,
// monthly payroll, bank fees, VAT settlements and stock consumption — and
// what the steps make through the modules' services: business customers, a
// price list and sales documents (Sales), received invoices and supplier
// payments (Payables; without it the journal books the rent and the
// suppliers' invoices itself), the bank statements of the last two months
// (Bank), the front desk's customer directory, visitors, appointments and
// inquiries (Reception). It creates the first admin (Admin) and works as
// that user, then one user per role (Users), all with Password. The output
// is deterministic for a given clock, options and steps. A database that has
// users or a company is refused with ECONFLICT (key ErrNotEmpty).
func Run(ctx context.Context, svc app.Services, opt Options, steps ...Step) (Summary, error) {
	started := time.Now()
	if opt.Scale == 0 {
		opt.Scale = 1
	}
	if opt.Scale < 1 || opt.Scale > MaxScale {
		return Summary{}, app.Invalid("demo.scale", "err.demo.scale", "the scale must be between 1 and {{.max}}", map[string]any{"max": MaxScale})
	}
	if opt.Year != 0 && (opt.Year < 2013 || opt.Year > 2100) {
		return Summary{}, app.Invalid("demo.year", "err.demo.year", "the demo year must be between 2013 and 2100", nil)
	}
	if opt.Chart == "" {
		opt.Chart = app.ChartCzech
	}
	if err := ctx.Err(); err != nil {
		return Summary{}, app.Errorf(app.ECONFLICT, "err.cancelled", "cancelled", nil)
	}
	if err := CheckEmpty(ctx, svc); err != nil {
		return Summary{}, err
	}
	clock := svc.Clock
	if clock == nil {
		clock = app.SystemClock{}
	}
	from, to := demoPeriod(app.Today(clock), opt.Year)
	users := Users()
	admin, err := svc.Users.CreateFirstAdmin(ctx, users[0])
	if err != nil {
		return Summary{}, err
	}
	ctx = app.WithUser(ctx, admin)
	sum := Summary{From: from, To: to, Users: []app.User{admin}}
	if err := demoAdminCheck(ctx, svc, admin); err != nil {
		return sum, err
	}
	company, err := svc.Company.CreateCompany(ctx, Company(opt.Chart))
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
	b := &Book{Services: svc, Company: company, From: from, To: to, Today: app.Today(clock), Now: clock.Now(), Options: opt,
		clock: clock, g: g, sum: &sum, taken: map[string]bool{company.ICO: true}}
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
	// The warehouse is set up before the opening balances: its goods open
	// on 131 for the opening receipt.
	for _, s := range steps {
		if w, ok := s.(*demoWarehouse); ok {
			if err := w.setUp(ctx, svc); err != nil {
				return sum, stepError(s, err)
			}
			g.docs.warehouse = true
		}
	}
	// The opening balances come first in the journal, before any document.
	g.opening(from)
	if err := flush(); err != nil {
		return sum, err
	}
	// Two passes over the period: the steps' documents, then the journal.
	total *= 2
	for _, s := range steps {
		if err := s.Start(ctx, b); err != nil {
			return sum, stepError(s, err)
		}
	}
	done := 0
	for d := from; !d.After(to); d = d.AddDays(1) {
		if err := ctx.Err(); err != nil {
			return sum, app.Errorf(app.ECONFLICT, "err.cancelled", "cancelled", nil)
		}
		for _, s := range steps {
			if err := s.Day(d); err != nil {
				return sum, stepError(s, err)
			}
		}
		if done++; d.Day() == 1 && opt.Progress != nil {
			opt.Progress(done, total)
		}
	}
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
	for _, s := range steps {
		if err := ctx.Err(); err != nil {
			return sum, app.Errorf(app.ECONFLICT, "err.cancelled", "cancelled", nil)
		}
		if err := s.Finish(&sum); err != nil {
			return sum, stepError(s, err)
		}
	}
	if opt.Progress != nil {
		opt.Progress(total, total)
	}
	sum.Elapsed = time.Since(started)
	return sum, nil
}

// stepError keeps an app.Error as it is (its key and field say what went
// wrong) and names the step in any other.
func stepError(s Step, err error) error {
	var e *app.Error
	if errors.As(err, &e) {
		return err
	}
	return fmt.Errorf("demo %s: %w", s.Name(), err)
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

// Company is the café and roastery the demo books for. Its IČO, DIČ, bank
// account and IBAN pass Kontor's checks (the IČO's check digit is computed).
func Company(chart app.Chart) app.Company {
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
