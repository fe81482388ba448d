package cli

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

// runDemo makes the demo on a fresh fake store with the clock at now.
func runDemo(t *testing.T, now time.Time, opt DemoOptions) (*fakeStore, DemoSummary) {
	t.Helper()
	st := newFakeStore("/demo.db", app.NewFixedClock(now))
	sum, err := Demo(context.Background(), st.Services(), opt)
	if err != nil {
		t.Fatalf("Demo: %v", err)
	}
	return st, sum
}

// checkBooks asserts what any demo's books must show.
func checkBooks(t *testing.T, st *fakeStore, sum DemoSummary, acc app.PostingAccounts) {
	t.Helper()
	if sum.Entries != len(st.entries) || sum.Lines != st.lineCount() {
		t.Errorf("summary %d entries %d lines, store %d entries %d lines", sum.Entries, sum.Lines, len(st.entries), st.lineCount())
	}
	var total, turnover int64
	for _, e := range st.entries {
		if err := e.Validate(); err != nil {
			t.Fatalf("entry %s %q: %v", e.Number, e.Memo, err)
		}
		if e.Date.Before(sum.From) || e.Date.After(sum.To) {
			t.Errorf("entry %s dated %v outside %v–%v", e.Number, e.Date, sum.From, sum.To)
		}
		dr, _ := e.Totals()
		turnover += dr
	}
	if turnover != sum.Turnover {
		t.Errorf("turnover %d, summary %d", turnover, sum.Turnover)
	}
	bal := st.closing()
	for _, v := range bal {
		total += v
	}
	if total != 0 {
		t.Errorf("trial balance off by %d", total)
	}
	// A going concern: money in the till and the bank, goods on the shelf,
	// customers owing and suppliers owed, and a profit.
	for _, code := range []string{acc.Cash, acc.Bank, acc.Goods, acc.Receivables} {
		if bal[code] <= 0 {
			t.Errorf("account %s ends at %d, want a debit balance", code, bal[code])
		}
	}
	if bal[acc.Payables] > 0 {
		t.Errorf("payables %s end at %d, want a credit balance", acc.Payables, bal[acc.Payables])
	}
	// Money and goods never run out on any day: each day's closing balance
	// of the till, the bank and the shelf is a debit.
	byDay := map[app.Date]map[string]int64{}
	var days []app.Date
	for _, e := range st.entries {
		if byDay[e.Date] == nil {
			byDay[e.Date] = map[string]int64{}
			days = append(days, e.Date)
		}
		for _, l := range e.Lines {
			byDay[e.Date][l.Account] += l.Debit - l.Credit
		}
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	running := map[string]int64{}
	for _, d := range days {
		for _, code := range []string{acc.Cash, acc.Bank, acc.Goods} {
			if running[code] += byDay[d][code]; running[code] < 0 {
				t.Errorf("account %s is negative at the end of %v: %d", code, d, running[code])
			}
		}
	}
	revenue := -(bal[acc.SalesGoods] + bal[acc.SalesServices])
	costs := bal[acc.GoodsSold] + bal[acc.Materials] + bal[acc.Services] + bal[acc.Wages] + bal[acc.SocialCosts]
	if revenue <= costs {
		t.Errorf("revenue %d does not cover costs %d", revenue, costs)
	}
}

func TestDemoScaleOne(t *testing.T) {
	var calls [][2]int
	st, sum := runDemo(t, time.Date(2026, time.November, 18, 10, 0, 0, 0, time.Local), DemoOptions{
		Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) },
	})
	if sum.Lines < 8_000 || sum.Lines > 13_000 {
		t.Errorf("scale 1 made %d lines, want about 10,000", sum.Lines)
	}
	if sum.From != app.D(2025, time.December, 1) || sum.To != app.D(2026, time.November, 18) {
		t.Errorf("period %v–%v", sum.From, sum.To)
	}
	c := st.company
	if c == nil || !strings.Contains(c.Name, "Žlutý Čáp") || c.Validate() != nil || c.IBAN == "" || !c.VATPayer {
		t.Fatalf("company %+v", c)
	}
	checkBooks(t, st, sum, app.ChartCzech.Posting())
	if st.postCalls < 2 {
		t.Errorf("posted in %d calls; the demo should stream batches", st.postCalls)
	}
	if len(calls) == 0 || calls[len(calls)-1][0] != calls[len(calls)-1][1] {
		t.Errorf("progress calls %v", calls)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] {
			t.Errorf("progress went back: %v", calls)
		}
	}
	memos := map[string]bool{}
	for _, e := range st.entries {
		memos[strings.SplitN(e.Memo, " ", 2)[0]] = true
	}
	for _, want := range []string{"Faktura", "Opravný", "Úhrada", "Tržby", "Denní", "Přijatá", "Mzda", "Výplata", "Odvod", "Poplatky", "Vyskladnění", "Nákup", "Otevření"} {
		if !memos[want] {
			t.Errorf("no entry starting %q; have %v", want, memos)
		}
	}
	t.Logf("scale 1: %d entries, %d lines, %d post calls", sum.Entries, sum.Lines, st.postCalls)
}

func TestDemoDeterministic(t *testing.T) {
	now := time.Date(2026, time.March, 3, 9, 0, 0, 0, time.Local)
	a, sa := runDemo(t, now, DemoOptions{Scale: 2})
	b, sb := runDemo(t, now, DemoOptions{Scale: 2})
	if sa.Entries != sb.Entries || sa.Lines != sb.Lines || sa.Turnover != sb.Turnover {
		t.Fatalf("two runs differ: %+v vs %+v", sa, sb)
	}
	ba, bb := a.closing(), b.closing()
	for code, v := range ba {
		if bb[code] != v {
			t.Errorf("account %s: %d vs %d", code, v, bb[code])
		}
	}
	for i := range a.entries {
		if a.entries[i].Memo != b.entries[i].Memo || a.entries[i].Date != b.entries[i].Date {
			t.Fatalf("entry %d differs: %q vs %q", i, a.entries[i].Memo, b.entries[i].Memo)
		}
	}
	if sa.Lines < 16_000 || sa.Lines > 26_000 {
		t.Errorf("scale 2 made %d lines, want about 20,000", sa.Lines)
	}
}

func TestDemoYearAndInternationalChart(t *testing.T) {
	st, sum := runDemo(t, time.Date(2026, time.November, 18, 10, 0, 0, 0, time.Local), DemoOptions{Year: 2023, Chart: app.ChartInternational})
	if sum.From != app.D(2023, time.January, 1) || sum.To != app.D(2023, time.December, 31) {
		t.Errorf("period %v–%v", sum.From, sum.To)
	}
	if st.company.Chart != app.ChartInternational {
		t.Errorf("chart %s", st.company.Chart)
	}
	checkBooks(t, st, sum, app.ChartInternational.Posting())
	if sum.Lines < 8_000 || sum.Lines > 13_000 {
		t.Errorf("a calendar year made %d lines", sum.Lines)
	}
	// 2023 had a reduced VAT rate of 15 %: a cash sale of drinks alone shows it.
	checked := false
	for _, e := range st.entries {
		if !strings.HasPrefix(e.Memo, "Denní tržba") || e.Lines[2].Account != "2200" {
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

func TestDemoRefusals(t *testing.T) {
	st := newFakeStore("/demo.db", app.NewFixedClock(time.Date(2026, 11, 18, 10, 0, 0, 0, time.Local)))
	ctx := context.Background()
	for _, opt := range []DemoOptions{{Scale: -1}, {Scale: MaxDemoScale + 1}, {Year: 1999}} {
		if _, err := Demo(ctx, st.Services(), opt); app.ErrorCode(err) != app.EINVALID {
			t.Errorf("%+v: %v", opt, err)
		}
	}
	if st.company != nil || len(st.users) != 0 {
		t.Fatal("a refused demo created the company or users")
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Demo(cancelled, st.Services(), DemoOptions{}); err == nil {
		t.Error("a cancelled demo succeeded")
	}
	if _, err := Demo(ctx, app.Services{}, DemoOptions{}); app.ErrorCode(err) != app.EINTERNAL {
		t.Errorf("no services: %v", err)
	}
	// Nil clock means the system clock.
	st2 := newFakeStore("/demo2.db", app.NewFixedClock(time.Now()))
	svc := st2.Services()
	svc.Clock = nil
	if sum, err := Demo(ctx, svc, DemoOptions{}); err != nil || sum.To != app.Today(app.SystemClock{}) {
		t.Errorf("nil clock: %v, %v", sum.To, err)
	}
}

func TestDemoCommand(t *testing.T) {
	te := newTestEnv()
	if code := te.run("demo", "--db", "/d.db"); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, te.err.String())
	}
	st := te.store("/d.db")
	if st.company == nil || !st.closed {
		t.Fatal("demo did not create the company or left the database open")
	}
	out := te.out.String()
	for _, want := range []string{"Kavárna a pražírna Žlutý Čáp s.r.o.", "journal entries", "lines", "100 %", "Sales: 12 customers", "kontor list invoices"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if n := st.lineCount(); n < 8_000 || n > 13_000 {
		t.Errorf("%d lines", n)
	}
	before := len(st.entries)
	if code := te.run("demo", "--db", "/d.db"); code != ExitFailure {
		t.Errorf("second demo: exit %d", code)
	}
	if strings.Contains(te.out.String(), "Creating") || !strings.Contains(te.err.String(), "--db PATH") {
		t.Errorf("second demo: stdout %q stderr %q", te.out.String(), te.err.String())
	}
	if !strings.Contains(te.err.String(), "already has a company") || len(st.entries) != before {
		t.Errorf("second demo: stderr %q, entries %d → %d", te.err.String(), before, len(st.entries))
	}
}

func TestCzechPayroll(t *testing.T) {
	p := czechPayroll(40_000_00, "CZK")
	want := demoPay{gross: 40_000_00, employeeInsurance: 2_840_00 + 1_800_00, employerInsurance: 9_920_00 + 3_600_00, tax: 3_430_00, net: 31_930_00}
	if p != want {
		t.Errorf("40,000 CZK: %+v, want %+v", p, want)
	}
	if p := czechPayroll(15_000_00, "CZK"); p.tax != 0 || p.net != 15_000_00-p.employeeInsurance {
		t.Errorf("a small wage pays no tax after the credit: %+v", p)
	}
}

func TestCalendar(t *testing.T) {
	for _, d := range []app.Date{app.D(2026, 4, 3), app.D(2026, 4, 6), app.D(2025, 4, 18), app.D(2025, 4, 21), app.D(2026, 12, 24), app.D(2026, 10, 28)} {
		if !isHoliday(d) || isWorkday(d) {
			t.Errorf("%v should be a holiday", d)
		}
	}
	if got := nextWorkday(app.D(2026, 12, 24)); got != app.D(2026, 12, 28) {
		t.Errorf("nextWorkday(24. 12. 2026) = %v", got)
	}
	if !isWorkday(app.D(2026, 11, 18)) || isWorkday(app.D(2026, 11, 21)) {
		t.Error("isWorkday")
	}
	if got := demoCompany(app.ChartCzech).ICO; app.ValidateICO(got) != nil {
		t.Errorf("demo IČO %s invalid", got)
	}
}
