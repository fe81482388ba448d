package accounts

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/kittest"
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

// printed is the real printer that also keeps what Print was given.
type printed struct {
	app.Printer
	docs []app.Printable
}

func (p *printed) Print(w io.Writer, doc app.Printable, c app.Company) error {
	p.docs = append(p.docs, doc)
	return p.Printer.Print(w, doc, c)
}

// csvAmount is an amount as the CSV export writes it for Czech Excel:
// plain, with a decimal comma.
func csvAmount(v int64) string {
	if v == 0 {
		return ""
	}
	return fmt.Sprintf("%d,%02d", v/100, v%100)
}

func TestReportsShowAndExportCSVAndPDF(t *testing.T) {
	db := openDB(t)
	seedAging(t, db)
	postTestEntries(t, db)
	if _, err := db.PostEntry(db.Ctx, app.Entry{Date: app.D(2026, time.March, 2), Memo: `Nájem skladu, "březen"`, Lines: []app.Line{
		{Account: "518", Debit: 50_000}, {Account: "221", Credit: 50_000}}}); err != nil {
		t.Fatal(err)
	}
	s, h := openAccounts(t, db, db.User(t, app.RoleAccounts), nil)
	w := h.Window()
	rec := &printed{Printer: s.deps.Printer}
	s.deps.Printer = rec
	selectPane(t, s, "Reports")
	p := linksOf(s).reports
	type call struct {
		kind     app.ReportKind
		from, to app.Date
		account  string
		lang     app.Lang
	}
	var calls []call
	buildReport = func(ctx context.Context, svc app.Services, kind app.ReportKind, from, to app.Date, account string, tr app.Translator) (app.ReportTable, error) {
		l := tr.(interface{ Lang() app.Lang }).Lang()
		calls = append(calls, call{kind, from, to, account, l})
		return app.BuildReport(ctx, svc, kind, from, to, account, tr)
	}
	t.Cleanup(func() { buildReport = app.BuildReport })
	files := opened(t)

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
	if !strings.Contains(kittest.DialogText(w), "Account") || len(calls) != 0 {
		t.Fatalf("no account chosen: %q, %d builds", kittest.DialogText(w), len(calls))
	}
	kittest.CloseDialogs(w)
	for i, a := range p.accounts {
		if a.Code == "221" {
			p.account.SetSelectedIndex(i)
		}
	}
	// A reversed period is refused before anything is built.
	retype(p.to, dateText(2025, 12, 31))
	test.Tap(p.showB)
	if !strings.Contains(kittest.DialogText(w), "before its start") || len(calls) != 0 {
		t.Fatalf("reversed period: %q", kittest.DialogText(w))
	}
	kittest.CloseDialogs(w)
	retype(p.to, dateText(2026, 3, 31))
	test.Tap(p.showB)
	if len(calls) != 1 || calls[0] != (call{app.ReportLedger, app.D(2026, 1, 1), app.D(2026, 3, 31), "221", app.English}) {
		t.Fatalf("built %+v", calls)
	}
	// The table lists the journal's lines of 221 in the quarter.
	lines, err := db.JournalPage(db.Ctx, app.JournalFilter{Account: "221", From: app.D(2026, 1, 1), To: app.D(2026, 3, 31)}, 0, 100)
	if err != nil || len(lines) != 5 {
		t.Fatalf("221 has %d lines in the quarter (%v)", len(lines), err)
	}
	shown := texts(p.table)
	for _, want := range []string{"Description", "Vklad základního kapitálu", "100,000.00", "1,210.00", "Turnover of the period"} {
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

	dir := t.TempDir()
	test.Tap(p.csvB)
	chooseIn(t, w, p.dlg, dir, "hlavni-kniha", "Save")
	data := readFile(t, dir, "hlavni-kniha.csv")
	// As Czech Excel opens it: a byte-order mark, ';', amounts plain with a
	// decimal comma, a line per journal line and the quarter's turnover.
	if !strings.HasPrefix(data, "\uFEFFDate;Entry;Description;Debit;Credit;Balance\r\n") {
		t.Errorf("CSV head %q", data)
	}
	var dr, cr int64
	for _, l := range lines {
		memo := l.Memo
		if strings.ContainsAny(memo, `;"`) || strings.Contains(memo, ",") {
			memo = `"` + strings.ReplaceAll(memo, `"`, `""`) + `"`
		}
		want := l.Date.Format(app.English) + ";" + l.Number + ";" + memo + ";" + csvAmount(l.Line.Debit) + ";" + csvAmount(l.Line.Credit) + ";"
		if !strings.Contains(data, "\r\n"+want) {
			t.Errorf("CSV lacks %q:\n%s", want, data)
		}
		dr += l.Line.Debit
		cr += l.Line.Credit
	}
	if want := ";;Turnover of the period;" + csvAmount(dr) + ";" + csvAmount(cr) + ";\r\n"; !strings.Contains(data, want) {
		t.Errorf("CSV lacks the turnover %q:\n%s", want, data)
	}
	if !strings.Contains(data, `"Nájem skladu, ""březen"""`) {
		t.Errorf("CSV does not quote the memo:\n%s", data)
	}

	test.Tap(p.pdfB)
	chooseIn(t, w, p.dlg, dir, "kniha.pdf", "Save")
	pdf := filepath.Join(dir, "kniha.pdf")
	if !strings.HasPrefix(readFile(t, dir, "kniha.pdf"), "%PDF") {
		t.Error("the PDF is no PDF")
	}
	if len(rec.docs) != 1 {
		t.Fatalf("printed %d documents", len(rec.docs))
	}
	if r, ok := rec.docs[0].(app.ReportTable); !ok || r.Title != p.report.Title || len(r.Rows) != len(p.report.Rows) {
		t.Errorf("printed %T %+v", rec.docs[0], rec.docs[0])
	}
	if len(*files) != 1 || (*files)[0] != pdf || !strings.Contains(p.notes.Text, "Saved "+pdf) {
		t.Errorf("opened %v, notes %q", *files, p.notes.Text)
	}
}

func TestReportsRealTrialBalance(t *testing.T) {
	db := openDB(t)
	postTestEntries(t, db)
	s, h := openAccounts(t, db, db.User(t, app.RoleAccounts), nil)
	selectPane(t, s, "Reports")
	p := linksOf(s).reports
	p.kind.SetSelected("Trial balance")
	retype(p.from, dateText(2026, 1, 1))
	retype(p.to, dateText(2026, 12, 31))
	test.Tap(p.showB)
	if p.report == nil {
		t.Fatalf("no trial balance: %s", kittest.DialogText(h.Window()))
	}
	shown := texts(p.table)
	for _, want := range []string{"221", "411", "518", "100,000.00", "1,210.00"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the trial balance lacks %q:\n%s", want, shown)
		}
	}
	// Every account the store moved in the year has its row.
	bal, err := db.BalancesBetween(db.Ctx, app.D(2026, 1, 1), app.D(2026, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bal {
		if b.Debit == 0 && b.Credit == 0 && b.Opening == 0 {
			continue
		}
		found := false
		for _, r := range p.report.Rows {
			found = found || len(r.Cells) > 0 && r.Cells[0] == b.Account.Code
		}
		if !found {
			t.Errorf("no row for %s %+v", b.Account.Code, b)
		}
	}
	var csv strings.Builder
	if err := p.report.WriteCSV(&csv); err != nil || !strings.Contains(csv.String(), "221") {
		t.Errorf("CSV %q %v", csv.String(), err)
	}
}

func TestRevenueExpenseChart(t *testing.T) {
	db := openDB(t)
	postTestEntries(t, db)
	if _, err := db.PostEntry(db.Ctx, app.Entry{Date: app.D(2026, time.March, 5), Memo: "Tržba", Lines: []app.Line{
		{Account: "311", Debit: 5_000_000}, {Account: "602", Credit: 5_000_000}}}); err != nil {
		t.Fatal(err)
	}
	s, _ := openAccounts(t, db, db.User(t, app.RoleAccounts), nil)
	selectPane(t, s, "Reports")
	m := linksOf(s).reports.monthly
	if m.expense[1] != 121_000 || m.revenue[2] != 5_000_000 || m.revenue[1] != 0 || m.expense[0] != 0 {
		t.Errorf("revenue %v, expenses %v", m.revenue, m.expense)
	}
	// Each month's bars are the month's revenue and expense turnover the
	// store holds.
	for i := range 12 {
		mo := app.Month{Year: 2026, Month: time.Month(i + 1)}
		bal, err := db.BalancesBetween(db.Ctx, mo.First(), mo.Last())
		if err != nil {
			t.Fatal(err)
		}
		var rev, exp int64
		for _, b := range bal {
			switch b.Account.Type {
			case app.Revenue:
				rev += b.Credit - b.Debit
			case app.Expense:
				exp += b.Debit - b.Credit
			}
		}
		if m.revenue[i] != rev || m.expense[i] != exp {
			t.Errorf("%s: chart %d / %d, store %d / %d", mo.Format(), m.revenue[i], m.expense[i], rev, exp)
		}
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
}

// The monthly chart leaves a year-end closing out: December shows its own
// revenue, not the year's taken back.
func TestMonthlyResultsLeaveTheClosingOut(t *testing.T) {
	db := openDB(t)
	ctx := db.As(t, app.RoleAccounts)
	for _, day := range []app.Date{app.D(2025, 6, 10), app.D(2025, 12, 5)} {
		if _, err := db.PostEntry(ctx, app.Entry{Date: day, Memo: "Tržba", Lines: []app.Line{{Account: "211", Debit: 10000}, {Account: "602", Credit: 10000}}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.CloseYear(ctx, 2025); err != nil {
		t.Fatal(err)
	}
	rev, _, err := monthlyResults(ctx, db, db, 2025)
	if err != nil {
		t.Fatal(err)
	}
	if rev[5] != 10000 || rev[11] != 10000 {
		t.Fatalf("revenue June %d, December %d; want 100,00 each", rev[5], rev[11])
	}
	if rev, _, _ := monthlyResults(ctx, db, nil, 2025); rev[11] != 10000-20000 {
		t.Fatalf("without the closings December is %d", rev[11])
	}
}
