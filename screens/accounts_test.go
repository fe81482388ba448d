package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

func postTestEntries(t *testing.T, l *fakeLedger) {
	t.Helper()
	for _, e := range []app.Entry{
		{Date: app.D(2026, time.January, 10), Memo: "Vklad základního kapitálu", Lines: []app.Line{
			{Account: "221", Debit: 10_000_000}, {Account: "411", Credit: 10_000_000}}},
		{Date: app.D(2026, time.February, 5), Memo: "Nájem dílny za únor", Lines: []app.Line{
			{Account: "518", Debit: 121_000}, {Account: "221", Credit: 121_000}}},
		{Date: app.D(2025, time.December, 20), Memo: "Loňský nákup", Lines: []app.Line{
			{Account: "501", Debit: 5_000}, {Account: "211", Credit: 5_000}}},
	} {
		if _, err := l.PostEntry(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
}

func newTestAccounts(t *testing.T) (*accountsScreen, fyne.Window, *fakeLedger) {
	test.NewTempApp(t)
	c := testCompany()
	d, _, l := testDeps(&c)
	postTestEntries(t, l)
	w := test.NewTempWindow(t, nil)
	s := newAccountsScreen(d, w, c)
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(1200, 800))
	return s, w, l
}

func TestAccountsBalancesShowPostedAmounts(t *testing.T) {
	s, w, _ := newTestAccounts(t)
	if s.year != 2026 {
		t.Fatalf("year %d, want the clock's 2026", s.year)
	}
	shown := texts(w.Content())
	for _, want := range []string{"221", "Bankovní účty", "Asset", "100,000.00", "1,210.00", "98,790.00"} {
		if !strings.Contains(shown, want) {
			t.Errorf("balances table lacks %q", want)
		}
	}
	for i, b := range s.balances {
		if b.Account.Code == "411" {
			s.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
		}
	}
	if shown := texts(w.Content()); !strings.Contains(shown, "Základní kapitál") || !strings.Contains(shown, "-100,000.00") {
		t.Errorf("scrolled to 411, the table shows:\n%s", shown)
	}
	if !strings.Contains(s.totals.Text, "debit CZK\u00a0101,210.00") {
		t.Errorf("totals = %q", s.totals.Text)
	}
	// A year earlier the bank account is untouched and 501 shows last year's purchase.
	s.yearSel.SetSelected("2025")
	shown = texts(w.Content())
	if strings.Contains(shown, "100,000.00") || !strings.Contains(shown, "50.00") {
		t.Errorf("2025 balances wrong:\n%s", shown)
	}
}

func TestJournalFilterByAccount(t *testing.T) {
	s, w, _ := newTestAccounts(t)
	j := s.journal
	if j.rows.Count != 6 || j.countText.Text != "6 lines" {
		t.Fatalf("count %d, text %q", j.rows.Count, j.countText.Text)
	}
	tabs := w.Content().(interface{ SelectIndex(int) })
	tabs.SelectIndex(1)
	shown := texts(w.Content())
	for _, want := range []string{"ID2026-00001", "10 Jan 2026", "100,000.00", "Nájem dílny za únor"} {
		if !strings.Contains(shown, want) {
			t.Errorf("journal lacks %q:\n%s", want, shown)
		}
	}

	for i, a := range j.accounts {
		if a.Code == "221" {
			j.account.SetSelectedIndex(i)
		}
	}
	test.Tap(button(t, w.Content(), "Apply"))
	if j.rows.Count != 2 || j.countText.Text != "2 lines" {
		t.Errorf("filtered by 221: count %d, text %q", j.rows.Count, j.countText.Text)
	}

	test.Type(j.from, "1. 2. 2026")
	test.Tap(button(t, w.Content(), "Apply"))
	if j.rows.Count != 1 {
		t.Errorf("221 from 1. 2. 2026: count %d", j.rows.Count)
	}

	test.Type(j.to, "zítra")
	test.Tap(button(t, w.Content(), "Apply"))
	if got := dialogText(w); !strings.Contains(got, "To: “zítra” is not a date") {
		t.Errorf("bad date dialog = %q", got)
	}
	if j.rows.Count != 1 {
		t.Error("a bad filter changed the list")
	}
	closeDialogs(w)

	test.Tap(button(t, w.Content(), "Clear"))
	if j.rows.Count != 6 || j.from.Text != "" || j.account.SelectedIndex() != -1 {
		t.Errorf("after Clear: count %d, from %q, account %d", j.rows.Count, j.from.Text, j.account.SelectedIndex())
	}
}

func TestJournalPagesLazily(t *testing.T) {
	s, _, l := newTestAccounts(t)
	var es []app.Entry
	for i := 0; i < 600; i++ {
		es = append(es, app.Entry{Date: app.D(2026, time.March, 1+i%28), Lines: []app.Line{
			{Account: "211", Debit: int64(100 + i)}, {Account: "602", Credit: int64(100 + i)}}})
	}
	if err := l.PostEntries(context.Background(), es); err != nil {
		t.Fatal(err)
	}
	j := s.journal
	j.reload()
	if j.rows.Count != 1206 {
		t.Fatalf("count %d", j.rows.Count)
	}
	if len(j.rows.Pages) > 1 {
		t.Errorf("fetched %d pages before anything scrolled", len(j.rows.Pages))
	}
	line, ok := j.rows.Row(1000)
	if !ok || line.Number == "" {
		t.Fatalf("row 1000: %+v %v", line, ok)
	}
	if _, cached := j.rows.Pages[1000/journalPageSize]; !cached || len(j.rows.Pages) > 3 {
		t.Errorf("pages cached: %d", len(j.rows.Pages))
	}
}

func TestPeriodLock(t *testing.T) {
	s, w, l := newTestAccounts(t)
	s.periods.confirm(app.Month{Year: 2026, Month: time.March}, true)
	if !strings.Contains(dialogText(w), "Lock 3/2026?") {
		t.Fatalf("confirm = %q", dialogText(w))
	}
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Yes"))
	if months, _ := l.LockedPeriods(s.deps.Ctx()); len(months) != 1 || months[0].Month != time.March {
		t.Fatalf("locked %v", months)
	}
	if !s.periods.locked[app.Month{Year: 2026, Month: time.March}] {
		t.Error("the list does not show the lock")
	}
}
