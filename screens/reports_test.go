package screens

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/screens/kit"
)

func TestPresetPeriods(t *testing.T) {
	for _, c := range []struct {
		today    app.Date
		preset   int
		from, to app.Date
	}{
		{app.D(2026, 3, 15), 0, app.D(2026, 3, 1), app.D(2026, 3, 31)},
		{app.D(2026, 1, 15), 1, app.D(2025, 12, 1), app.D(2025, 12, 31)},
		{app.D(2026, 3, 15), 1, app.D(2026, 2, 1), app.D(2026, 2, 28)},
		{app.D(2026, 5, 31), 2, app.D(2026, 4, 1), app.D(2026, 6, 30)},
		{app.D(2026, 2, 10), 3, app.D(2025, 10, 1), app.D(2025, 12, 31)},
		{app.D(2026, 8, 10), 3, app.D(2026, 4, 1), app.D(2026, 6, 30)},
		{app.D(2026, 8, 10), 4, app.D(2026, 1, 1), app.D(2026, 12, 31)},
	} {
		from, to := presetPeriod(c.preset, c.today)
		if from != c.from || to != c.to {
			t.Errorf("preset %d on %s: %s – %s, want %s – %s", c.preset, c.today, from, to, c.from, c.to)
		}
	}
}

// ledgerReport is what the fake builder returns: a heading, rows and a total.
func ledgerReport(account string) app.ReportTable {
	return app.ReportTable{Kind: app.ReportLedger, Title: "General ledger – account " + account, Period: "1 Jan 2026 – 31 Mar 2026", Lang: app.English,
		Columns: []app.ReportColumn{{Title: "Date"}, {Title: "Entry"}, {Title: "Description", Weight: 3}, {Title: "Debit", Numeric: true}, {Title: "Credit", Numeric: true}},
		Rows: []app.ReportRow{
			{Cells: []string{"Bankovní účty"}, Heading: true},
			{Cells: []string{"10 Jan 2026", "ID2026-00001", "Vklad základního kapitálu", "100,000.00", ""}},
			{Cells: []string{"5 Feb 2026", "ID2026-00002", "Nájem dílny, \"únor\"", "", "1,210.00"}},
			{Cells: []string{"", "", "Total", "100,000.00", "1,210.00"}, Total: true},
		},
		Notes: []string{"Balances are debit minus credit."},
		From:  app.D(2026, 1, 1), To: app.D(2026, 3, 31)}
}

func TestReportsShowAndExportCSVAndPDF(t *testing.T) {
	s, w, d, _ := accountsPanesTest(t)
	selectPane(t, w, "Reports")
	p := linksOf(s).reports
	type call struct {
		kind     app.ReportKind
		from, to app.Date
		account  string
		lang     app.Lang
	}
	var calls []call
	buildReport = func(_ context.Context, _ app.Services, kind app.ReportKind, from, to app.Date, account string, tr app.Translator) (app.ReportTable, error) {
		l := tr.(interface{ Lang() app.Lang }).Lang()
		calls = append(calls, call{kind, from, to, account, l})
		return ledgerReport(account), nil
	}
	t.Cleanup(func() { buildReport = app.BuildReport })
	var opened []string
	kit.OpenFile = func(path string) { opened = append(opened, path) }
	t.Cleanup(func() { kit.OpenFile = func(string) {} })

	if !p.pdfB.Disabled() || !p.csvB.Disabled() || p.acctRow.Visible() {
		t.Error("exports enabled or the account shown before any report")
	}
	// The general ledger needs an account.
	p.kind.SetSelected("General ledger of an account")
	if !p.acctRow.Visible() {
		t.Fatal("no account choice for the general ledger")
	}
	p.preset.SetSelected("This quarter")
	if p.from.Text != dateText(2026, 1, 1) || p.to.Text != dateText(2026, 3, 31) {
		t.Errorf("this quarter is %q – %q", p.from.Text, p.to.Text)
	}
	test.Tap(p.showB)
	if !strings.Contains(dialogText(w), "Account") || len(calls) != 0 {
		t.Fatalf("no account chosen: %q, %d builds", dialogText(w), len(calls))
	}
	closeDialogs(w)
	for i, a := range p.accounts {
		if a.Code == "221" {
			p.account.SetSelectedIndex(i)
		}
	}
	// A reversed period is refused before anything is built.
	retype(p.to, dateText(2025, 12, 31))
	test.Tap(p.showB)
	if !strings.Contains(dialogText(w), "before its start") || len(calls) != 0 {
		t.Fatalf("reversed period: %q", dialogText(w))
	}
	closeDialogs(w)
	retype(p.to, dateText(2026, 3, 31))
	test.Tap(p.showB)
	if len(calls) != 1 || calls[0] != (call{app.ReportLedger, app.D(2026, 1, 1), app.D(2026, 3, 31), "221", app.English}) {
		t.Fatalf("built %+v", calls)
	}
	shown := texts(p.table)
	for _, want := range []string{"Description", "Bankovní účty", "Vklad základního kapitálu", "100,000.00", "1,210.00", "Total"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the table lacks %q:\n%s", want, shown)
		}
	}
	if !strings.Contains(p.title.Text, "General ledger – account 221") || !strings.Contains(p.notes.Text, "debit minus credit") {
		t.Errorf("title %q, notes %q", p.title.Text, p.notes.Text)
	}
	if p.pdfB.Disabled() || p.csvB.Disabled() {
		t.Error("exports stay disabled with a report shown")
	}
	snapshotPNG(t, w, "reports")

	dir := t.TempDir()
	test.Tap(p.csvB)
	chooseIn(t, w, p.dlg, dir, "hlavni-kniha", "Save")
	data, err := os.ReadFile(filepath.Join(dir, "hlavni-kniha.csv"))
	// As Czech Excel opens it: a byte-order mark, ';', amounts plain with a decimal comma.
	want := "\uFEFFDate;Entry;Description;Debit;Credit\r\nBankovní účty\r\n10 Jan 2026;ID2026-00001;Vklad základního kapitálu;100000,00;\r\n" +
		"5 Feb 2026;ID2026-00002;\"Nájem dílny, \"\"únor\"\"\";;1210,00\r\n;;Total;100000,00;1210,00\r\n"
	if err != nil || string(data) != want {
		t.Errorf("CSV %q %v", data, err)
	}

	test.Tap(p.pdfB)
	chooseIn(t, w, p.dlg, dir, "kniha.pdf", "Save")
	pdf := filepath.Join(dir, "kniha.pdf")
	if data, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(data), "%PDF-fake report General ledger") {
		t.Errorf("PDF %q %v", data, err)
	}
	if r := d.Reports.(*fakeReportPDF); len(r.reports) != 1 || len(r.reports[0].Rows) != 4 {
		t.Errorf("rendered %+v", r.reports)
	}
	if len(opened) != 1 || opened[0] != pdf {
		t.Errorf("opened %v", opened)
	}
}

func TestReportsRealTrialBalance(t *testing.T) {
	s, w, _, _ := accountsPanesTest(t)
	selectPane(t, w, "Reports")
	p := linksOf(s).reports
	p.kind.SetSelected("Trial balance")
	retype(p.from, dateText(2026, 1, 1))
	retype(p.to, dateText(2026, 12, 31))
	test.Tap(p.showB)
	if p.report == nil {
		t.Fatalf("no trial balance: %s", dialogText(w))
	}
	shown := texts(p.table)
	for _, want := range []string{"221", "411", "518", "100,000.00", "1,210.00"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the trial balance lacks %q:\n%s", want, shown)
		}
	}
	var csv strings.Builder
	if err := p.report.WriteCSV(&csv); err != nil || !strings.Contains(csv.String(), "221") {
		t.Errorf("CSV %q %v", csv.String(), err)
	}
}

func TestRevenueExpenseChart(t *testing.T) {
	s, w, _, _ := accountsPanesTest(t)
	selectPane(t, w, "Reports")
	l := s.deps.Services.Ledger.(*fakeLedger)
	if _, err := l.PostEntry(context.Background(), app.Entry{Date: app.D(2026, time.March, 5), Memo: "Tržba", Lines: []app.Line{
		{Account: "311", Debit: 6_050_000}, {Account: "602", Credit: 5_000_000}, {Account: "343", Credit: 1_050_000}}}); err != nil {
		t.Fatal(err)
	}
	m := linksOf(s).reports.monthly
	m.reload()
	if m.expense[1] != 121_000 || m.revenue[2] != 5_000_000 || m.revenue[1] != 0 || m.expense[0] != 0 {
		t.Errorf("revenue %v, expenses %v", m.revenue, m.expense)
	}
	c := m.chart
	if len(c.labels) != 12 || c.labels[2] != "Mar" || len(c.series) != 2 || c.series[0].name != "Revenue" || c.series[1].values[1] != 121_000 {
		t.Errorf("chart %v %+v", c.labels, c.series)
	}
	m.yearSel.SetSelected("2025")
	if m.year != 2025 || m.expense[11] != 5_000 || m.revenue[2] != 0 {
		t.Errorf("2025: revenue %v, expenses %v", m.revenue, m.expense)
	}
	if got := compactMoney(5_000_000, "CZK"); got != "50k" {
		t.Errorf("compact 50 000 = %q", got)
	}
	if got := compactMoney(-121_000, "CZK"); got != "-1k" {
		t.Errorf("compact -1 210 = %q", got)
	}
	snapshotPNG(t, w, "reports-chart")
}

// The monthly chart leaves a year-end closing out: December shows its own
// revenue, not the year's taken back.
func TestMonthlyResultsLeaveTheClosingOut(t *testing.T) {
	c := testCompany()
	d, _, l := testDeps(&c)
	users, _ := fakesOf(d)
	d.Sess.User = users.mustAdd(app.NewUser{Name: "ucetni", Roles: []app.Role{app.RoleAccounts}, Password: "kontor-demo"})
	ctx := d.Ctx()
	for _, day := range []app.Date{app.D(2025, 6, 10), app.D(2025, 12, 5)} {
		if _, err := l.PostEntry(ctx, app.Entry{Date: day, Memo: "Tržba", Lines: []app.Line{{Account: "211", Debit: 10000}, {Account: "602", Credit: 10000}}}); err != nil {
			t.Fatal(err)
		}
	}
	closer := &fakeYearCloser{ledger: l}
	if _, err := closer.CloseYear(ctx, 2025); err != nil {
		t.Fatal(err)
	}
	rev, _, err := monthlyResults(ctx, l, closer, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if rev[5] != 10000 || rev[11] != 10000 {
		t.Fatalf("revenue June %d, December %d; want 100,00 each", rev[5], rev[11])
	}
	if rev, _, _ := monthlyResults(ctx, l, nil, 2025); rev[11] != 10000-20000 {
		t.Fatalf("without the closings December is %d", rev[11])
	}
}
