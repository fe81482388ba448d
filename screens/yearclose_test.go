package screens

import (
	"context"
	"image/png"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/screens/kit"
)

// newTestYearClose opens the Accounts tab on its Periods pane with a year
// closer over the fake ledger; 2025 has a profit of 1,450.00.
func newTestYearClose(t *testing.T, closer bool, roles ...app.Role) (*accountsScreen, fyne.Window, *fakeYearCloser) {
	t.Helper()
	test.NewTempApp(t)
	c := testCompany()
	d, _, l := testDeps(&c)
	postTestEntries(t, l)
	if _, err := l.PostEntry(context.Background(), app.Entry{Date: app.D(2025, time.November, 3), Memo: "Tržba", Lines: []app.Line{
		{Account: "211", Debit: 150_000}, {Account: "602", Credit: 150_000}}}); err != nil {
		t.Fatal(err)
	}
	var fc *fakeYearCloser
	if closer {
		fc = &fakeYearCloser{ledger: l}
		d.Services.Closer = fc
	}
	if len(roles) > 0 {
		d.Sess = &kit.Session{User: app.User{Name: "petr", Roles: roles}}
	}
	w := test.NewTempWindow(t, nil)
	s := newAccountsScreen(d, w, c)
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(1100, 800))
	w.Content().(interface{ SelectIndex(int) }).SelectIndex(2)
	return s, w, fc
}

func TestYearCloseCloseTwiceAndReopen(t *testing.T) {
	s, w, fc := newTestYearClose(t, true)
	yc := s.periods.yearClose
	if got := texts(w.Content()); !strings.Contains(got, "Year-end closing") || !strings.Contains(got, "No year has been closed yet.") {
		t.Fatalf("section shows:\n%s", got)
	}
	if yc.yearSel.Selected != "2025" || len(yc.yearSel.Options) != 4 || yc.yearSel.Options[0] != "2023" || yc.yearSel.Options[3] != "2026" {
		t.Errorf("years %v, selected %q", yc.yearSel.Options, yc.yearSel.Selected)
	}
	if yc.reopenBtn.Visible() {
		t.Error("Reopen offered with no year closed")
	}

	test.Tap(button(t, w.Content(), "Close the year…"))
	if got := dialogText(w); !strings.Contains(got, "The revenues and expenses of 2025 will be closed to account 431 as of 31 Dec 2025; December must be unlocked.") {
		t.Fatalf("confirmation = %q", got)
	}
	tapDialog(t, w, "Yes")
	if got := dialogText(w); !strings.Contains(got, "2025 is closed by entry ID2025-00005. Result: profit CZK\u00a01,450.00 (account 431).") {
		t.Fatalf("result = %q", got)
	}
	closeDialogs(w)
	if len(fc.closed) != 1 {
		t.Fatalf("closed %d years", len(fc.closed))
	}
	if got := texts(w.Content()); !strings.Contains(got, "2025 closed: entry ID2025-00005, profit CZK\u00a01,450.00") || strings.Contains(got, "No year has been closed") {
		t.Errorf("after closing the section shows:\n%s", got)
	}
	if !yc.reopenBtn.Visible() || yc.reopenBtn.Text != "Reopen 2025…" {
		t.Errorf("reopen button %q visible %v", yc.reopenBtn.Text, yc.reopenBtn.Visible())
	}
	if capture := os.Getenv("KONTOR_CAPTURE"); capture != "" {
		writePNG(t, w, capture)
	}

	// Closing it again is refused with the store's message; nothing changes.
	test.Tap(button(t, w.Content(), "Close the year…"))
	tapDialog(t, w, "Yes")
	if got := dialogText(w); !strings.Contains(got, "2025 is already closed") {
		t.Errorf("second close = %q", got)
	}
	closeDialogs(w)
	if len(fc.closed) != 1 {
		t.Errorf("closed %d years after a refusal", len(fc.closed))
	}

	test.Tap(button(t, w.Content(), "Reopen 2025…"))
	if got := dialogText(w); !strings.Contains(got, "Reopen 2025? Its closing entry is reversed") {
		t.Fatalf("reopen confirmation = %q", got)
	}
	tapDialog(t, w, "Yes")
	if got := dialogText(w); !strings.Contains(got, "2025 is reopened: entry ID2025-00006 reverses its closing (profit CZK\u00a01,450.00, account 431).") {
		t.Errorf("reopen result = %q", got)
	}
	closeDialogs(w)
	if got := texts(w.Content()); !strings.Contains(got, "No year has been closed yet.") || yc.reopenBtn.Visible() {
		t.Errorf("after reopening the section shows:\n%s", got)
	}
}

func TestYearCloseLoss(t *testing.T) {
	e := app.Entry{Number: "ID2024-00009", Date: app.D(2024, time.December, 31), Lines: []app.Line{
		{Account: "501", Credit: 5_000}, {Account: "431", Debit: 5_000}}}
	s, _, _ := newTestYearClose(t, true)
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

func TestYearCloseHiddenWithoutCloserOrRole(t *testing.T) {
	_, w, _ := newTestYearClose(t, false)
	if got := texts(w.Content()); !strings.Contains(got, "Year-end closing is not available in this version.") {
		t.Errorf("no closer:\n%s", got)
	}
	if strings.Contains(buttonsText(w.Content()), "Close the year") {
		t.Error("Close offered without a closer")
	}

	_, w, _ = newTestYearClose(t, true, app.RoleSales)
	if got := texts(w.Content()); !strings.Contains(got, "Your role does not include year-end closing.") {
		t.Errorf("sales role:\n%s", got)
	}
	if strings.Contains(buttonsText(w.Content()), "Close the year") {
		t.Error("Close offered to a user who may not post")
	}
}

// writePNG saves what w shows, to look at the layout.
func writePNG(t *testing.T, w fyne.Window, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
