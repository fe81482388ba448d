package accounts

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// openYearClose is the Accounts tab of an accountant on its Periods pane;
// 2025 has a profit of 1,450.00 (1,500.00 revenue, 50.00 material).
func openYearClose(t *testing.T) (*accountsScreen, fyne.Window, *datatest.DB) {
	t.Helper()
	db := openDB(t)
	postTestEntries(t, db)
	if _, err := db.PostEntry(db.Ctx, app.Entry{Date: app.D(2025, time.November, 3), Memo: "Tržba", Lines: []app.Line{
		{Account: "211", Debit: 150_000}, {Account: "602", Credit: 150_000}}}); err != nil {
		t.Fatal(err)
	}
	s, h := openAccounts(t, db, db.User(t, app.RoleAccounts), nil)
	s.tabs.SelectIndex(2)
	return s, h.Window(), db
}

func closings(t *testing.T, db *datatest.DB) []app.Entry {
	t.Helper()
	es, err := db.YearClosings(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// balance2025 is an account's balance at the end of 2025, debit minus credit.
func balance2025(t *testing.T, db *datatest.DB, code string) int64 {
	t.Helper()
	bal, err := db.BalancesBetween(db.Ctx, app.D(2025, 1, 1), app.D(2025, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bal {
		if b.Account.Code == code {
			return b.Closing()
		}
	}
	return 0
}

func TestYearCloseCloseTwiceAndReopen(t *testing.T) {
	s, w, db := openYearClose(t)
	yc := s.periods.yearClose
	if got := texts(s.tabs); !strings.Contains(got, "Year-end closing") || !strings.Contains(got, "No year has been closed yet.") {
		t.Fatalf("section shows:\n%s", got)
	}
	if yc.yearSel.Selected != "2025" || len(yc.yearSel.Options) != 4 || yc.yearSel.Options[0] != "2023" || yc.yearSel.Options[3] != "2026" {
		t.Errorf("years %v, selected %q", yc.yearSel.Options, yc.yearSel.Selected)
	}
	if yc.reopenBtn.Visible() {
		t.Error("Reopen offered with no year closed")
	}

	test.Tap(button(t, s.tabs, "Close the year…"))
	if got := kittest.DialogText(w); !strings.Contains(got, "The revenues and expenses of 2025 will be closed to account 431 as of 31 Dec 2025; December must be unlocked.") {
		t.Fatalf("confirmation = %q", got)
	}
	tapDialog(t, w, "Yes")
	cs := closings(t, db)
	if len(cs) != 1 || cs[0].Date != app.D(2025, time.December, 31) {
		t.Fatalf("closings in the store %+v", cs)
	}
	// The store moved the year's result to 431 and emptied 602 and 501.
	if r, rev, exp := balance2025(t, db, "431"), balance2025(t, db, "602"), balance2025(t, db, "501"); r != -145_000 || rev != 0 || exp != 0 {
		t.Errorf("after closing: 431 %d, 602 %d, 501 %d", r, rev, exp)
	}
	if got := kittest.DialogText(w); !strings.Contains(got, "2025 is closed by entry "+cs[0].Number+". Result: profit CZK\u00a01,450.00 (account 431).") {
		t.Fatalf("result = %q", got)
	}
	kittest.CloseDialogs(w)
	if got := texts(s.tabs); !strings.Contains(got, "2025 closed: entry "+cs[0].Number+", profit CZK\u00a01,450.00") || strings.Contains(got, "No year has been closed") {
		t.Errorf("after closing the section shows:\n%s", got)
	}
	if !yc.reopenBtn.Visible() || yc.reopenBtn.Text != "Reopen 2025…" {
		t.Errorf("reopen button %q visible %v", yc.reopenBtn.Text, yc.reopenBtn.Visible())
	}

	// Closing it again is refused with the store's message; nothing changes.
	test.Tap(button(t, s.tabs, "Close the year…"))
	tapDialog(t, w, "Yes")
	if got := kittest.DialogText(w); !strings.Contains(got, "2025 is closed already") {
		t.Errorf("second close = %q", got)
	}
	kittest.CloseDialogs(w)
	if len(closings(t, db)) != 1 {
		t.Errorf("closed %d years after a refusal", len(closings(t, db)))
	}

	test.Tap(button(t, s.tabs, "Reopen 2025…"))
	if got := kittest.DialogText(w); !strings.Contains(got, "Reopen 2025? Its closing entry is reversed") {
		t.Fatalf("reopen confirmation = %q", got)
	}
	tapDialog(t, w, "Yes")
	if cs := closings(t, db); len(cs) != 0 {
		t.Errorf("closings after reopening %+v", cs)
	}
	if r, rev := balance2025(t, db, "431"), balance2025(t, db, "602"); r != 0 || rev != -150_000 {
		t.Errorf("after reopening: 431 %d, 602 %d", r, rev)
	}
	var reversal app.Entry
	for _, e := range allEntries(t, db) {
		if e.Date == app.D(2025, time.December, 31) && e.Number != cs[0].Number {
			reversal = e
		}
	}
	if got := kittest.DialogText(w); reversal.Number == "" || !strings.Contains(got, "2025 is reopened: entry "+reversal.Number+" reverses its closing (profit CZK\u00a01,450.00, account 431).") {
		t.Errorf("reopen result = %q (reversal %s)", got, reversal.Number)
	}
	kittest.CloseDialogs(w)
	if got := texts(s.tabs); !strings.Contains(got, "No year has been closed yet.") || yc.reopenBtn.Visible() {
		t.Errorf("after reopening the section shows:\n%s", got)
	}
}

func TestYearCloseLoss(t *testing.T) {
	e := app.Entry{Number: "ID2024-00009", Date: app.D(2024, time.December, 31), Lines: []app.Line{
		{Account: "501", Credit: 5_000}, {Account: "431", Debit: 5_000}}}
	s, _, _ := openYearClose(t)
	yc := s.periods.yearClose
	if got := yc.resultText(e, false); got != "loss CZK\u00a050.00" {
		t.Errorf("closing = %q", got)
	}
	if got := yc.resultText(e, true); got != "profit CZK\u00a050.00" {
		t.Errorf("reversal = %q", got)
	}
	if got := yc.resultText(app.Entry{}, false); got != "no profit or loss" {
		t.Errorf("empty = %q", got)
	}
}

// TestYearCloseHiddenWithoutRole: only the accountant (and the admin) may
// close years and only they see the Accounts tab; a Periods pane built for
// anyone else says the role does not include it and offers no Close.
// (The old "no closer in this version" case is gone: the store always
// closes years and the screen no longer asks.)
func TestYearCloseHiddenWithoutRole(t *testing.T) {
	db := openDB(t)
	sales := db.User(t, app.RoleSales)
	w := kittest.Window(t)
	c, _ := db.Company(db.Ctx)
	s := newAccountsScreen(kittest.Deps(db, sales), w, c)
	w.SetContent(s.buildUI())
	kittest.CloseDialogs(w) // the ledger refuses a salesperson its reads
	s.tabs.SelectIndex(2)
	if got := texts(w.Content()); !strings.Contains(got, "Your role does not include year-end closing.") {
		t.Errorf("sales role:\n%s", got)
	}
	if strings.Contains(kittest.ButtonsText(w.Content()), "Close the year") {
		t.Error("Close offered to a user who may not post")
	}
}
