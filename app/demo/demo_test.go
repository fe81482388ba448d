package demo_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data/datatest"
)

// built is what the demo datatest builds once per test binary (scale 1, all
// steps, at datatest.DefaultNow) told about itself: the tests look at a copy
// of its file (datatest.Demo) with the summary and progress of the run.
var built struct {
	mu       sync.Mutex
	sum      demo.Summary
	progress [][2]int
}

func TestMain(m *testing.M) {
	datatest.SetDemoBuilder(func(ctx context.Context, svc app.Services) (string, string, error) {
		sum, err := demo.Run(ctx, svc, demo.Options{Progress: func(done, total int) {
			built.mu.Lock()
			built.progress = append(built.progress, [2]int{done, total})
			built.mu.Unlock()
		}}, demo.All()...)
		built.mu.Lock()
		built.sum = sum
		built.mu.Unlock()
		return demo.Admin, demo.Password, err
	})
	os.Exit(datatest.Main(m))
}

// demoCopy returns a copy of the scale-1 demo and the summary of its run.
func demoCopy(t *testing.T) (*datatest.DB, demo.Summary) {
	t.Helper()
	db := datatest.MustOpen(t, datatest.Demo())
	built.mu.Lock()
	defer built.mu.Unlock()
	return db, built.sum
}

// runDemo makes the demo with the steps on a new empty store whose clock is at now.
func runDemo(t *testing.T, now time.Time, opt demo.Options, steps ...demo.Step) (*datatest.DB, demo.Summary) {
	t.Helper()
	db := datatest.MustOpen(t, datatest.Empty(), datatest.Clock(now))
	sum, err := demo.Run(context.Background(), db.Services(), opt, steps...)
	if err != nil {
		t.Fatalf("demo.Run: %v", err)
	}
	db.Ctx = signIn(t, db, demo.Admin)
	return db, sum
}

// signIn returns a context of the named demo user, signed in with the demo password.
func signIn(t *testing.T, db *datatest.DB, name string) context.Context {
	t.Helper()
	u, err := db.Authenticate(context.Background(), name, demo.Password)
	if err != nil {
		t.Fatalf("%s signs in: %v", name, err)
	}
	return app.WithUser(context.Background(), u)
}

// journal reads every journal line of the store, in date order.
func journal(t *testing.T, db *datatest.DB) []app.JournalLine {
	t.Helper()
	var out []app.JournalLine
	for {
		page, err := db.JournalPage(db.Ctx, app.JournalFilter{}, len(out), 5000)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page...)
		if len(page) < 5000 {
			return out
		}
	}
}

// closing sums the journal lines by account.
func closing(lines []app.JournalLine) map[string]int64 {
	bal := map[string]int64{}
	for _, l := range lines {
		bal[l.Line.Account] += l.Line.Debit - l.Line.Credit
	}
	return bal
}

// checkBooks asserts what any demo's books must show, read back from the
// real ledger: the summary's figures, a balanced trial balance equal to the
// running balances, a going concern, and a clean "kontor check".
func checkBooks(t *testing.T, db *datatest.DB, sum demo.Summary, acc app.PostingAccounts) {
	t.Helper()
	bal := checkLedger(t, db, sum)
	// A going concern: money in the till and the bank, goods on the shelf,
	// customers owing and suppliers owed.
	for _, code := range []string{acc.Cash, acc.Bank, acc.Goods, acc.Receivables} {
		if bal[code] <= 0 {
			t.Errorf("account %s ends at %d, want a debit balance", code, bal[code])
		}
	}
	if bal[acc.Payables] > 0 {
		t.Errorf("payables %s end at %d, want a credit balance", acc.Payables, bal[acc.Payables])
	}
	checkSolvent(t, db, acc)
}

// checkLedger compares the summary with the ledger, checks the trial
// balance against the running balances and runs "kontor check"; it
// returns the closing balances.
func checkLedger(t *testing.T, db *datatest.DB, sum demo.Summary) map[string]int64 {
	t.Helper()
	lines := journal(t, db)
	entries := map[string]bool{}
	var turnover int64
	for _, l := range lines {
		entries[l.EntryID] = true
		turnover += l.Line.Debit
		if l.Date.Before(sum.From) || l.Date.After(sum.To) {
			t.Errorf("entry %s dated %v outside %v–%v", l.Number, l.Date, sum.From, sum.To)
		}
	}
	if len(entries) != sum.Entries || len(lines) != sum.Lines || turnover != sum.Turnover {
		t.Errorf("ledger %d entries, %d lines, turnover %d; summary %d, %d, %d", len(entries), len(lines), turnover, sum.Entries, sum.Lines, sum.Turnover)
	}
	bal := closing(lines)
	var total int64
	for _, v := range bal {
		total += v
	}
	if total != 0 {
		t.Errorf("trial balance off by %d", total)
	}
	running, err := db.Balances(db.Ctx, sum.From.MonthOf(), sum.To.MonthOf())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range running {
		if got := b.Debit - b.Credit; got != bal[b.Account.Code] {
			t.Errorf("account %s: running balances %d, journal %d", b.Account.Code, got, bal[b.Account.Code])
		}
	}
	problems, err := db.Check(db.Ctx)
	if err != nil || len(problems) != 0 {
		t.Errorf("check: %v %v", err, problems)
	}
	return bal
}

// checkSolvent checks that money and goods never run out and the year makes
// a profit.
func checkSolvent(t *testing.T, db *datatest.DB, acc app.PostingAccounts) {
	t.Helper()
	lines := journal(t, db)
	// Money and goods never run out: each day's closing balance of the
	// till, the bank and the shelf is a debit.
	run := map[string]int64{}
	for i, l := range lines {
		run[l.Line.Account] += l.Line.Debit - l.Line.Credit
		if i+1 < len(lines) && lines[i+1].Date == l.Date {
			continue
		}
		for _, code := range []string{acc.Cash, acc.Bank, acc.Goods} {
			if run[code] < 0 {
				t.Errorf("account %s is negative at the end of %v: %d", code, l.Date, run[code])
			}
		}
	}
	// A profit, before any year-end closing moves the result to equity.
	var revenue, costs int64
	for _, l := range lines {
		if strings.Contains(l.Memo, "uzávěrka") {
			continue
		}
		switch d := l.Line.Debit - l.Line.Credit; l.Line.Account {
		case acc.SalesGoods, acc.SalesServices:
			revenue -= d
		case acc.GoodsSold, acc.Materials, acc.Services, acc.Wages, acc.SocialCosts:
			costs += d
		}
	}
	if revenue <= costs {
		t.Errorf("revenue %d does not cover costs %d", revenue, costs)
	}
}

func TestRunScaleOne(t *testing.T) {
	db, sum := demoCopy(t)
	// About 10,000 lines, and some 1,000 more the stock documents post.
	if sum.Lines < 8_000 || sum.Lines > 14_000 {
		t.Errorf("scale 1 made %d lines, want about 11,000", sum.Lines)
	}
	if sum.From != app.D(2025, time.December, 1) || sum.To != app.D(2026, time.November, 28) {
		t.Errorf("period %v–%v", sum.From, sum.To)
	}
	c, err := db.Company(db.Ctx)
	if err != nil || !strings.Contains(c.Name, "Žlutý Čáp") || c.Validate() != nil || c.IBAN == "" || !c.VATPayer || sum.Company != c.Name {
		t.Fatalf("company %+v: %v", c, err)
	}
	checkBooks(t, db, sum, app.ChartCzech.Posting())
	built.mu.Lock()
	calls := built.progress
	built.mu.Unlock()
	if len(calls) < 3 || calls[len(calls)-1][0] != calls[len(calls)-1][1] {
		t.Errorf("progress calls %v", calls)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] {
			t.Errorf("progress went back: %v", calls)
		}
	}
	memos := map[string]bool{}
	for _, l := range journal(t, db) {
		memos[strings.SplitN(l.Memo, " ", 2)[0]] = true
	}
	for _, want := range []string{"Faktura", "Opravný", "Úhrada", "Tržby", "Denní", "Přijatá", "Mzda", "Výplata", "Odvod", "Poplatky", "Příjemka", "Výdejka", "Inventurní", "Nákup", "Otevření"} {
		if !memos[want] {
			t.Errorf("no entry starting %q; have %v", want, memos)
		}
	}
	// Each step reported, in the order they ran.
	var heads []string
	for _, r := range sum.Report {
		heads = append(heads, strings.SplitN(r, " ", 2)[0])
	}
	if want := []string{"Warehouse:", "Sales:", "Payables:", "Bank:", "Year", "Reception:", "After-sales:"}; !slices.Equal(heads, want) {
		t.Errorf("report %q", sum.Report)
	}
	// The bank step: last month imported and locked, the year before closed.
	b := sum.Bank
	if b.Skipped || b.Imported == 0 || b.Posted == 0 || len(b.Closed) != 1 || b.Closed[0] != 2025 || len(b.Locked) != 11 {
		t.Errorf("bank %+v", b)
	}
	locked, err := db.LockedPeriods(db.Ctx)
	if err != nil || len(locked) != len(b.Locked) {
		t.Errorf("locked %v (%v), summary %v", locked, err, b.Locked)
	}
}

// docs lists every sales document of the store.
func docs(t *testing.T, db *datatest.DB) []app.SalesDoc {
	t.Helper()
	var out []app.SalesDoc
	for {
		page, total, err := db.Documents(db.Ctx, app.DocFilter{}, len(out), 500)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page...)
		if len(page) == 0 || len(out) >= total {
			return out
		}
	}
}

// TestRunSalesDocuments checks the Sales step: real documents made through
// the services, each posted once, dated within the period; the journal
// generator never posts to the receivables, only documents and payments do.
func TestRunSalesDocuments(t *testing.T) {
	db, sum := demoCopy(t)
	n := sum.Sales
	if n.Customers != 12 || n.Items != 12 {
		t.Errorf("%d customers, %d items", n.Customers, n.Items)
	}
	for _, c := range []struct {
		what    string
		got, lo int
		hi      int
	}{{"quotes", n.Quotes, 24, 50}, {"orders", n.Orders, 12, n.Quotes}, {"invoices", n.Invoices, 180, 320}, {"foreign invoices", n.Foreign, 10, 40},
		{"credit notes", n.CreditNotes, 6, 30}, {"payments", n.Payments, n.Invoices * 2 / 3, n.Invoices * 3 / 2}, {"overdue", n.Overdue, 3, 60}} {
		if c.got < c.lo || c.got > c.hi {
			t.Errorf("%d %s, want %d to %d", c.got, c.what, c.lo, c.hi)
		}
	}
	acc := app.ChartCzech.Posting()
	posted := map[string]bool{}
	for _, l := range journal(t, db) {
		posted[l.EntryID] = true
		if l.Line.Account == acc.Receivables && strings.HasPrefix(l.Memo, "Tržby") {
			t.Fatalf("journal entry %q posts to %s", l.Memo, acc.Receivables)
		}
	}
	kinds := map[app.DocKind]int{}
	statuses := map[app.DocStatus]int{}
	for _, d := range docs(t, db) {
		kinds[d.Kind]++
		if d.Status == app.StatusDraft {
			t.Errorf("a draft %s was left behind", d.Kind)
		}
		if d.IssueDate.Before(sum.From) || d.IssueDate.After(sum.To) || d.TaxDate.Before(sum.From) || d.TaxDate.After(d.IssueDate) {
			t.Errorf("%s dated %v (DUZP %v) outside %v–%v", d.Number, d.IssueDate, d.TaxDate, sum.From, sum.To)
		}
		if d.Kind.Posts() && (d.EntryID == "" || !posted[d.EntryID]) {
			t.Errorf("%s was not posted (entry %q)", d.Number, d.EntryID)
		}
		if d.Kind == app.KindInvoice {
			statuses[d.StatusOn(sum.To)]++
			if d.Currency == "EUR" && (d.ExchangeRate.Cmp(app.RateMicro(24_200_000)) < 0 || d.ExchangeRate.Cmp(app.RateMicro(25_400_000)) > 0 || d.Lang != app.English || d.Regime != app.RegimeEUGoods && d.Regime != app.RegimeEUServices) {
				t.Errorf("EUR invoice %s: rate %v, lang %s, regime %q", d.Number, d.ExchangeRate, d.Lang, d.Regime)
			}
		}
		if d.Kind == app.KindCreditNote && (d.OriginalNo == "" || d.Reason == "" || d.Totals.Total >= 0) {
			t.Errorf("credit note %s: original %q, reason %q, total %d", d.Number, d.OriginalNo, d.Reason, d.Totals.Total)
		}
	}
	if kinds[app.KindQuote] != n.Quotes || kinds[app.KindOrder] != n.Orders || kinds[app.KindInvoice] != n.Invoices+sum.AfterSales.Invoices ||
		kinds[app.KindCreditNote] != n.CreditNotes+sum.AfterSales.CreditNotes {
		t.Errorf("documents %v, summary %+v", kinds, n)
	}
	for _, s := range []app.DocStatus{app.StatusPaid, app.StatusIssued, app.StatusOverdue} {
		if statuses[s] == 0 {
			t.Errorf("no invoice %s; have %v", s, statuses)
		}
	}
	if statuses[app.StatusPartlyPaid]+statuses[app.StatusOverdue] == 0 {
		t.Errorf("no partly paid invoice; have %v", statuses)
	}
	custs, err := db.Customers(db.Ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	foreign, bistro := 0, false
	for _, c := range custs {
		if c.Validate() != nil || !c.HasAddress() {
			t.Errorf("customer %+v", c)
		}
		if c.Country != "CZ" {
			foreign++
			if c.Currency != "EUR" || c.Lang != app.English || c.DIC == "" {
				t.Errorf("foreign customer %+v", c)
			}
		}
		bistro = bistro || c.Name == "Bistro Na Růžku s.r.o."
	}
	// Two foreign customers and the two suppliers from other member states;
	// the sales customers, the suppliers, the front desk's directory and
	// the after-sales desk's consumers.
	if foreign != 4 || !bistro || len(custs) != 12+sum.Payables.Suppliers+300+sum.AfterSales.Customers {
		t.Errorf("%d foreign customers of %d; Bistro Na Růžku found: %v", foreign, len(custs), bistro)
	}
	p := sum.Payables
	if p.Suppliers != 10 || p.Purchases < 100 || p.Payments == 0 || p.Open == 0 || p.CreditNotes != 1 {
		t.Errorf("payables %+v", p)
	}
}

func TestRunUsers(t *testing.T) {
	db, sum := demoCopy(t)
	want := demo.Users()
	stored, err := db.Users(db.Ctx)
	if err != nil || len(want) != 7 || len(sum.Users) != 7 || len(stored) != 7 {
		t.Fatalf("%d listed, %d made, %d stored (%v)", len(want), len(sum.Users), len(stored), err)
	}
	var roles []app.Role
	for i, n := range want {
		if sum.Users[i].Name != n.Name {
			t.Fatalf("user %d is %s, want %s", i, sum.Users[i].Name, n.Name)
		}
		u, err := db.Authenticate(context.Background(), n.Name, demo.Password)
		if err != nil {
			t.Fatalf("%s: %v", n.Name, err)
		}
		if !slices.Equal(u.Roles, n.Roles) || len(u.Roles) != 1 || u.Disabled {
			t.Errorf("%s: roles %v disabled %v", n.Name, u.Roles, u.Disabled)
		}
		if ascii := utf8.RuneCountInString(u.FullName) == len(u.FullName); ascii || !strings.Contains(u.FullName, " ") {
			t.Errorf("%s: full name %q should be a Czech name with diacritics", n.Name, u.FullName)
		}
		roles = append(roles, u.Roles...)
	}
	if want[0].Name != demo.Admin || want[0].Roles[0] != app.RoleAdmin {
		t.Errorf("the first demo user is %+v, want the admin", want[0])
	}
	slices.Sort(roles)
	all := app.AllRoles()
	slices.Sort(all)
	if !slices.Equal(roles, all) {
		t.Errorf("demo roles %v, want one user per role %v", roles, all)
	}
	// Each works as its role allows: the receptionist sees the desk, not the books.
	desk := signIn(t, db, "recepce")
	if _, err := db.InBuilding(desk); err != nil {
		t.Errorf("reception at the desk: %v", err)
	}
	if _, err := db.JournalCount(desk, app.JournalFilter{}); app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Errorf("reception reads the journal: %v", err)
	}
}

func TestRunReception(t *testing.T) {
	db, sum := demoCopy(t)
	n := sum.Reception
	if n.Customers != 300 {
		t.Fatalf("%+v", n)
	}
	ctx := db.Ctx
	custs, err := db.Customers(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	icos, withICO, withMail, withPhone, accented := map[string]string{}, 0, 0, 0, 0
	for _, c := range custs {
		if c.ICO != "" {
			if other, ok := icos[c.ICO]; ok {
				t.Errorf("IČO %s twice: %q and %q", c.ICO, other, c.Name)
			}
			icos[c.ICO] = c.Name
			withICO++
		}
		if c.Email != "" {
			withMail++
		}
		if c.Phone != "" {
			withPhone++
		}
		if app.FoldText(c.Name) != strings.ToLower(c.Name) {
			accented++
		}
	}
	total := len(custs)
	if withICO*10 < total*8 || withMail*10 < total*4 || withPhone*10 < total*5 || accented*2 < total {
		t.Errorf("of %d customers: %d with IČO, %d e-mail, %d phone, %d with diacritics", total, withICO, withMail, withPhone, accented)
	}

	now := datatest.DefaultNow
	today := app.DateOf(now.Local())
	visits, err := db.Visits(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	inside, err := db.InBuilding(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(visits) != n.Today || len(inside) != n.InBuilding || n.InBuilding == 0 || n.InBuilding == n.Today || n.Today < 6 {
		t.Errorf("%d visits today (%d), %d inside (%d)", len(visits), n.Today, len(inside), n.InBuilding)
	}
	all := 0
	for d := today.AddDays(-30); !d.After(today); d = d.AddDays(1) {
		vs, err := db.Visits(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		all += len(vs)
		for _, v := range vs {
			if v.In.After(now) || (!v.Inside() && (!v.Out.After(v.In) || v.Out.After(now))) || (v.Inside() && d != today) {
				t.Errorf("visit %s: %v – %v", v.Visitor, v.In, v.Out)
			}
		}
	}
	if all != n.Visits || n.Visits < 80 {
		t.Errorf("%d visits listed, %d made", all, n.Visits)
	}

	from, to := today.AddDays(-14).Time(time.Local), today.AddDays(15).Time(time.Local)
	appts, err := db.Appointments(ctx, from, to, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(appts) != n.Appointments-n.Cancelled || n.Ahead == 0 || n.Appointments-n.Cancelled-n.Ahead == 0 {
		t.Errorf("%d appointments listed, counts %+v", len(appts), n)
	}
	byStaff := map[string][]app.Appointment{}
	for _, a := range appts {
		byStaff[a.Staff] = append(byStaff[a.Staff], a)
	}
	for staff, as := range byStaff {
		sort.Slice(as, func(i, j int) bool { return as[i].Start.Before(as[j].Start) })
		for i := 1; i < len(as); i++ {
			if as[i].Overlaps(as[i-1]) {
				t.Errorf("%s: %v overlaps %v", staff, as[i].Start, as[i-1].Start)
			}
		}
	}
	if len(byStaff) != 3 {
		t.Errorf("appointments for %d staff", len(byStaff))
	}

	qs, err := db.Inquiries(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	statuses := map[app.InquiryStatus]int{}
	for _, q := range qs {
		statuses[q.Status]++
		if q.QuoteID != "" {
			d, err := db.Document(ctx, q.QuoteID)
			if err != nil || d.Kind != app.KindQuote || d.CustomerID != q.CustomerID {
				t.Errorf("inquiry %q links %+v (%v)", q.Topic, d.Number, err)
			}
		} else if q.Status == app.InquiryQuoted || q.Status == app.InquiryWon {
			t.Errorf("inquiry %q %s without a quote", q.Topic, q.Status)
		}
	}
	for _, s := range []app.InquiryStatus{app.InquiryNew, app.InquiryInProgress, app.InquiryQuoted, app.InquiryWon, app.InquiryLost} {
		if statuses[s] == 0 {
			t.Errorf("no inquiry %s: %v", s, statuses)
		}
	}
	open, err := db.Inquiries(ctx, true)
	if err != nil || len(open) != n.Open || len(qs) != n.Inquiries || n.Quoted != statuses[app.InquiryQuoted]+statuses[app.InquiryWon] {
		t.Errorf("%d open (%d), %d of %d, %d quoted; %v (%v)", len(open), n.Open, len(qs), n.Inquiries, n.Quoted, statuses, err)
	}
}

// fingerprint is the demo's content without its IDs: every journal line,
// customer, document, visit and appointment as text, sorted.
func fingerprint(t *testing.T, db *datatest.DB) []string {
	t.Helper()
	var out []string
	for _, l := range journal(t, db) {
		out = append(out, fmt.Sprint("j ", l.Number, l.Date, l.Memo, l.Line.Account, l.Line.Debit, l.Line.Credit))
	}
	custs, err := db.Customers(db.Ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range custs {
		out = append(out, "c "+c.Name+c.ICO+c.Email+c.Phone)
	}
	for _, d := range docs(t, db) {
		out = append(out, fmt.Sprint("d ", d.Number, d.Kind, d.Status, d.IssueDate, d.Customer.Name, d.Totals.Total, d.Paid))
	}
	today := app.DateOf(datatest.DefaultNow.Local())
	for d := today.AddDays(-30); !d.After(today); d = d.AddDays(1) {
		vs, err := db.Visits(db.Ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			out = append(out, fmt.Sprint("v ", v.Visitor, v.Company, v.Host, v.Badge, v.In.Unix(), v.Inside()))
		}
	}
	appts, err := db.Appointments(db.Ctx, today.AddDays(-14).Time(time.Local), today.AddDays(15).Time(time.Local), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range appts {
		out = append(out, fmt.Sprint("a ", a.Staff, a.Start.Unix(), a.End.Unix(), a.Customer))
	}
	sort.Strings(out)
	return out
}

// TestRunDeterministic makes the demo again at the same time: the same
// books, documents, customers and front desk, line for line.
func TestRunDeterministic(t *testing.T) {
	a, sa := demoCopy(t)
	b, sb := runDemo(t, datatest.DefaultNow, demo.Options{}, demo.All()...)
	sa.Elapsed, sb.Elapsed = 0, 0
	for i := range sa.Users {
		sa.Users[i].ID, sb.Users[i].ID = "", "" // random
	}
	if fmt.Sprint(sa) != fmt.Sprint(sb) {
		t.Errorf("two runs differ:\n%+v\n%+v", sa, sb)
	}
	fa, fb := fingerprint(t, a), fingerprint(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("%d vs %d records", len(fa), len(fb))
	}
	for i := range fa {
		if fa[i] != fb[i] {
			t.Fatalf("record %d differs:\n%s\n%s", i, fa[i], fb[i])
		}
	}
}

// TestRunScaledYearInternational makes a calendar year of the demo at scale
// 2 with the international chart: twice the journal and the directory, the
// VAT rates of that year, books that balance.
func TestRunScaledYearInternational(t *testing.T) {
	db, sum := runDemo(t, time.Date(2026, time.November, 18, 10, 0, 0, 0, time.Local), demo.Options{Scale: 2, Year: 2023, Chart: app.ChartInternational}, demo.All()...)
	if sum.From != app.D(2023, time.January, 1) || sum.To != app.D(2023, time.December, 31) {
		t.Errorf("period %v–%v", sum.From, sum.To)
	}
	c, err := db.Company(db.Ctx)
	if err != nil || c.Chart != app.ChartInternational {
		t.Errorf("chart %s (%v)", c.Chart, err)
	}
	checkBooks(t, db, sum, app.ChartInternational.Posting())
	if sum.Lines < 16_000 || sum.Lines > 26_000 {
		t.Errorf("scale 2 made %d lines, want about 20,000", sum.Lines)
	}
	if sum.Reception.Customers != 600 {
		t.Errorf("scale 2 imported %d customers, want 600", sum.Reception.Customers)
	}
	// 2023 had a reduced VAT rate of 15 %: a cash sale of drinks alone shows it.
	byEntry := map[string][]app.Line{}
	var order []string
	for _, l := range journal(t, db) {
		if strings.HasPrefix(l.Memo, "Denní tržba") {
			if byEntry[l.EntryID] == nil {
				order = append(order, l.EntryID)
			}
			byEntry[l.EntryID] = append(byEntry[l.EntryID], l.Line)
		}
	}
	checked := false
	for _, id := range order {
		e, err := db.Entry(db.Ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Lines) != 3 || e.Lines[2].Account != "2200" {
			continue
		}
		base, vat := e.Lines[1].Credit, e.Lines[2].Credit
		if want := app.M(base, "CZK").Percent(app.RatePercent(15), app.HalfUp).Amount; vat != want {
			t.Errorf("2023 cash sale VAT %d, want 15 %% of %d = %d", vat, base, want)
		}
		checked = true
		break
	}
	if !checked {
		t.Error("no cash sale at one VAT rate")
	}
}

func TestRunRefusals(t *testing.T) {
	db := datatest.MustOpen(t, datatest.Empty())
	ctx := context.Background()
	for _, opt := range []demo.Options{{Scale: -1}, {Scale: demo.MaxScale + 1}, {Year: 1999}, {Year: 2101}} {
		if _, err := demo.Run(ctx, db.Services(), opt, demo.All()...); app.ErrorCode(err) != app.EINVALID {
			t.Errorf("%+v: %v", opt, err)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := demo.Run(cancelled, db.Services(), demo.Options{}, demo.All()...); err == nil {
		t.Error("a cancelled demo succeeded")
	}
	if has, err := db.HasUsers(ctx); has || err != nil {
		t.Fatalf("a refused demo created users (%v)", err)
	}
	if n, _ := db.AuditCount(app.WithUser(ctx, app.User{Name: "x", Roles: []app.Role{app.RoleAdmin}}), app.AuditFilter{}); n != 0 {
		t.Errorf("a refused demo wrote %d audit entries", n)
	}

	// A database with users and a company: refused before anything is
	// written, whoever asks.
	full := datatest.MustOpen(t)
	before, err := full.JournalCount(full.Ctx, app.JournalFilter{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = demo.Run(ctx, full.Services(), demo.Options{}, demo.All()...)
	if app.ErrorCode(err) != app.ECONFLICT || !strings.Contains(err.Error(), "already has a company or users") {
		t.Errorf("users: %v", err)
	}
	if e, ok := err.(*app.Error); !ok || e.Key != demo.ErrNotEmpty {
		t.Errorf("refusal key: %#v", err)
	}
	if err := demo.CheckEmpty(full.Ctx, full.Services()); app.ErrorCode(err) != app.ECONFLICT {
		t.Errorf("signed in: %v", err)
	}
	after, _ := full.JournalCount(full.Ctx, app.JournalFilter{})
	users, _ := full.Users(full.Ctx)
	if after != before || len(users) != 1 {
		t.Errorf("a refused demo wrote: %d → %d lines, %d users", before, after, len(users))
	}
}

// TestRunWithoutSteps makes the company, users and journal alone: the
// journal then books the rent and the suppliers' invoices itself, and the
// books still balance.
func TestRunWithoutSteps(t *testing.T) {
	db, sum := runDemo(t, datatest.DefaultNow, demo.Options{})
	if sum.Sales.Invoices != 0 || sum.Payables.Purchases != 0 || len(sum.Report) != 0 || len(sum.Users) != 7 {
		t.Errorf("steps ran: %+v", sum)
	}
	acc := app.ChartCzech.Posting()
	checkLedger(t, db, sum)
	checkSolvent(t, db, acc)
	memos := map[string]bool{}
	for _, l := range journal(t, db) {
		memos[strings.SplitN(l.Memo, " ", 2)[0]] = true
	}
	for _, want := range []string{"Nájemné", "Přijatá", "Mzda", "Tržby"} {
		if !memos[want] {
			t.Errorf("no entry starting %q; have %v", want, memos)
		}
	}
	if n, err := db.JournalCount(db.Ctx, app.JournalFilter{}); err != nil || n != sum.Lines {
		t.Errorf("%d lines (%v), summary %d", n, err, sum.Lines)
	}
}

// TestRunScaledDocuments makes the demo at scale 3: the documents grow with
// the scale, not only the journal — about 3.4 times the invoices and their
// payments of scale 1, 40 more customers who buy (and are invoiced), the
// goods and material suppliers' invoices three for one, a directory of 900
// — and the books still balance.
func TestRunScaledDocuments(t *testing.T) {
	_, one := demoCopy(t)
	db, sum := runDemo(t, datatest.DefaultNow, demo.Options{Scale: 3}, demo.All()...)
	checkBooks(t, db, sum, app.ChartCzech.Posting())
	n, n1 := sum.Sales, one.Sales
	if n.Customers != 12+40 {
		t.Errorf("scale 3 has %d customers who buy, want 52", n.Customers)
	}
	for _, c := range []struct {
		what     string
		got, one int
	}{{"invoices", n.Invoices, n1.Invoices}, {"quotes", n.Quotes, n1.Quotes}, {"payments", n.Payments, n1.Payments}} {
		if c.got*10 < c.one*28 || c.got*10 > c.one*40 {
			t.Errorf("scale 3 made %d %s, scale 1 %d: want 2.8 to 4 times as many", c.got, c.what, c.one)
		}
	}
	p, p1 := sum.Payables, one.Payables
	if p.Purchases < 2*p1.Purchases || p.Payments < 2*p1.Payments {
		t.Errorf("scale 3 payables %+v, scale 1 %+v", p, p1)
	}
	if sum.Reception.Customers != 900 {
		t.Errorf("scale 3 imported %d customers, want 900", sum.Reception.Customers)
	}
	custs, err := db.Customers(db.Ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	icos := map[string]bool{}
	for _, c := range custs {
		if c.ICO != "" && icos[c.ICO] {
			t.Errorf("IČO %s twice", c.ICO)
		}
		icos[c.ICO] = true
	}
	if want := 52 + p.Suppliers + 900 + sum.AfterSales.Customers; len(custs) != want {
		t.Errorf("%d customers on file, want %d", len(custs), want)
	}
	// The invoices go to the new buyers too, not only to the twelve.
	buyers := map[string]bool{}
	for _, d := range docs(t, db) {
		if d.Kind == app.KindInvoice {
			buyers[d.CustomerID] = true
		}
	}
	if len(buyers) < 40 {
		t.Errorf("invoices to %d customers, want most of the 52", len(buyers))
	}
}
