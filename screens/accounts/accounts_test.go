package accounts

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/kittest"
)

// TestAccountsBalancesShowPostedAmounts: the chart pane shows the year's
// balances of what was posted, the totals line adds them up, and another
// year shows that year's.
func TestAccountsBalancesShowPostedAmounts(t *testing.T) {
	db := openDB(t)
	postTestEntries(t, db)
	s, _ := openAccounts(t, db, app.User{}, nil)
	if s.year != 2026 {
		t.Fatalf("year %d, want the clock's 2026", s.year)
	}
	shown := texts(s.tabs)
	for _, want := range []string{"221", "Bankovní účty", "Asset", "100,000.00", "1,210.00", "98,790.00"} {
		if !strings.Contains(shown, want) {
			t.Errorf("balances table lacks %q:\n%s", want, shown)
		}
	}
	for i, b := range s.balances {
		if b.Account.Code == "411" {
			s.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
		}
	}
	if shown := texts(s.tabs); !strings.Contains(shown, "Základní kapitál") || !strings.Contains(shown, "-100,000.00") {
		t.Errorf("scrolled to 411, the table shows:\n%s", shown)
	}
	// The totals line is the year's turnover the store holds.
	bal, err := db.Balances(db.Ctx, app.Month{Year: 2026, Month: time.January}, app.Month{Year: 2026, Month: time.December})
	if err != nil {
		t.Fatal(err)
	}
	var dr int64
	for _, b := range bal {
		dr += b.Debit
	}
	if dr != 10_121_000 || !strings.Contains(s.totals.Text, "debit CZK\u00a0101,210.00") {
		t.Errorf("totals = %q (store: debit %d)", s.totals.Text, dr)
	}
	// A year earlier the bank account is untouched and 501 shows last year's purchase.
	s.yearSel.SetSelected("2025")
	shown = texts(s.tabs)
	if strings.Contains(shown, "100,000.00") || !strings.Contains(shown, "50.00") {
		t.Errorf("2025 balances wrong:\n%s", shown)
	}
}

func TestJournalFilterByAccount(t *testing.T) {
	db := openDB(t)
	postTestEntries(t, db)
	s, h := openAccounts(t, db, app.User{}, nil)
	w := h.Window()
	j := s.journal
	if n := journalCount(t, db, app.JournalFilter{}); j.rows.Count != n || n != 6 || j.countText.Text != "6 lines" {
		t.Fatalf("count %d (store %d), text %q", j.rows.Count, n, j.countText.Text)
	}
	s.tabs.SelectIndex(1)
	shown := texts(s.tabs)
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
	test.Tap(button(t, s.tabs, "Apply"))
	if n := journalCount(t, db, app.JournalFilter{Account: "221"}); j.rows.Count != n || n != 2 || j.countText.Text != "2 lines" {
		t.Errorf("filtered by 221: count %d (store %d), text %q", j.rows.Count, n, j.countText.Text)
	}

	test.Type(j.from, "1. 2. 2026")
	test.Tap(button(t, s.tabs, "Apply"))
	if j.rows.Count != 1 {
		t.Errorf("221 from 1. 2. 2026: count %d", j.rows.Count)
	}

	test.Type(j.to, "zítra")
	test.Tap(button(t, s.tabs, "Apply"))
	if got := kittest.DialogText(w); !strings.Contains(got, "To: “zítra” is not a date") {
		t.Errorf("bad date dialog = %q", got)
	}
	if j.rows.Count != 1 {
		t.Error("a bad filter changed the list")
	}
	kittest.CloseDialogs(w)

	test.Tap(button(t, s.tabs, "Clear"))
	if j.rows.Count != 6 || j.from.Text != "" || j.account.SelectedIndex() != -1 {
		t.Errorf("after Clear: count %d, from %q, account %d", j.rows.Count, j.from.Text, j.account.SelectedIndex())
	}
}

// TestJournalPagesLazily: 1 206 lines are counted, not fetched; a row far
// down fetches its own page only.
func TestJournalPagesLazily(t *testing.T) {
	db := openDB(t)
	postTestEntries(t, db)
	s, _ := openAccounts(t, db, app.User{}, nil)
	var es []app.Entry
	for i := 0; i < 600; i++ {
		es = append(es, app.Entry{Date: app.D(2026, time.March, 1+i%14), Lines: []app.Line{
			{Account: "211", Debit: int64(100 + i)}, {Account: "602", Credit: int64(100 + i)}}})
	}
	if err := db.PostEntries(db.Ctx, es); err != nil {
		t.Fatal(err)
	}
	j := s.journal
	j.reload()
	if j.rows.Count != 1206 || journalCount(t, db, app.JournalFilter{}) != 1206 {
		t.Fatalf("count %d", j.rows.Count)
	}
	if len(j.rows.Pages) > 1 {
		t.Errorf("fetched %d pages before anything scrolled", len(j.rows.Pages))
	}
	line, ok := j.rows.Row(1000)
	if !ok || line.Number == "" {
		t.Fatalf("row 1000: %+v %v", line, ok)
	}
	want, err := db.JournalPage(db.Ctx, app.JournalFilter{}, 1000, 1)
	if err != nil || len(want) != 1 || want[0].EntryID != line.EntryID || want[0].Line != line.Line {
		t.Errorf("row 1000 is %+v, the store's is %+v (%v)", line, want, err)
	}
	if _, cached := j.rows.Pages[1000/journalPageSize]; !cached || len(j.rows.Pages) > 3 {
		t.Errorf("pages cached: %d", len(j.rows.Pages))
	}
}

func TestPeriodLock(t *testing.T) {
	db := openDB(t)
	s, h := openAccounts(t, db, db.User(t, app.RoleAccounts), nil)
	w := h.Window()
	s.periods.confirm(app.Month{Year: 2026, Month: time.March}, true)
	if !strings.Contains(kittest.DialogText(w), "Lock 3/2026?") {
		t.Fatalf("confirm = %q", kittest.DialogText(w))
	}
	tapDialog(t, w, "Yes")
	if months, err := db.LockedPeriods(db.Ctx); err != nil || len(months) != 1 || months[0] != (app.Month{Year: 2026, Month: time.March}) {
		t.Fatalf("locked %v %v", months, err)
	}
	if !s.periods.locked[app.Month{Year: 2026, Month: time.March}] {
		t.Error("the list does not show the lock")
	}
	// Unlocking asks too and the store forgets the lock.
	s.periods.confirm(app.Month{Year: 2026, Month: time.March}, false)
	tapDialog(t, w, "Yes")
	if months, _ := db.LockedPeriods(db.Ctx); len(months) != 0 || s.periods.locked[app.Month{Year: 2026, Month: time.March}] {
		t.Errorf("after unlocking: store %v, list %v", months, s.periods.locked)
	}
}

// TestAccountsPanesInOrder: an accountant sees the chart, journal and
// periods, then receivables, statements and reports, then Payables' panes.
func TestAccountsPanesInOrder(t *testing.T) {
	db := openDB(t)
	s, _ := openAccounts(t, db, db.User(t, app.RoleAccounts), nil)
	var got []string
	for _, it := range s.tabs.Items {
		got = append(got, it.Text)
	}
	if want := "Chart of accounts,Journal,Periods,Receivables,Statements,Reports,"; !strings.HasPrefix(strings.Join(got, ",")+",", want) {
		t.Fatalf("tabs %v", got)
	}
}
