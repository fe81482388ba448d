package accounts

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
	"kontor/screens/payables"
)

// accountsNow is the day the tests work on (15 March 2026).
var accountsNow = time.Date(2026, time.March, 15, 10, 0, 0, 0, time.UTC)

// openDB is a real store on accountsNow with the test company.
func openDB(t *testing.T) *datatest.DB {
	t.Helper()
	return datatest.MustOpen(t, datatest.Clock(accountsNow))
}

// postTestEntries posts the three entries the Accounts tests look at: the
// share capital in January, February's rent, and last December's purchase.
func postTestEntries(t *testing.T, db *datatest.DB) {
	t.Helper()
	for _, e := range []app.Entry{
		{Date: app.D(2026, time.January, 10), Memo: "Vklad základního kapitálu", Lines: []app.Line{
			{Account: "221", Debit: 10_000_000}, {Account: "411", Credit: 10_000_000}}},
		{Date: app.D(2026, time.February, 5), Memo: "Nájem dílny za únor", Lines: []app.Line{
			{Account: "518", Debit: 121_000}, {Account: "221", Credit: 121_000}}},
		{Date: app.D(2025, time.December, 20), Memo: "Loňský nákup", Lines: []app.Line{
			{Account: "501", Debit: 5_000}, {Account: "211", Credit: 5_000}}},
	} {
		if _, err := db.PostEntry(db.Ctx, e); err != nil {
			t.Fatal(err)
		}
	}
}

// openAccounts shows the Accounts tab (with the Payables module's pane, as
// the shell composes it) to u — the admin when u is zero — over db; edit
// may change the Deps before anything is built.
func openAccounts(t *testing.T, db *datatest.DB, u app.User, edit func(*kit.Deps)) (*accountsScreen, *kittest.Host) {
	t.Helper()
	d := kittest.Deps(db)
	if u.Name != "" {
		d = kittest.Deps(db, u)
	}
	if edit != nil {
		edit(&d)
	}
	c, err := db.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := kittest.NewHost(t, d, c, Module(), payables.Module())
	return h.Show("accounts").(*accountsScreen), h
}

// selectPane brings the Accounts sub-tab titled title to the front.
func selectPane(t *testing.T, s *accountsScreen, title string) {
	t.Helper()
	for _, it := range s.tabs.Items {
		if it.Text == title {
			s.tabs.Select(it)
			return
		}
	}
	t.Fatalf("no tab %q", title)
}

func button(t *testing.T, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	return kittest.Button(t, root, text)
}

func texts(o fyne.CanvasObject) string { return kittest.Texts(o) }

// top is the window's top dialog; the test fails without one.
func top(t *testing.T, w fyne.Window) fyne.CanvasObject {
	t.Helper()
	o := w.Canvas().Overlays().Top()
	if o == nil {
		t.Fatal("no dialog")
	}
	return o
}

// tapDialog taps the button with text in the top dialog.
var tapDialog = kittest.TapDialog

// retype replaces an entry's text as a user would.
var retype = kittest.Retype

// dateText is a date as a date entry shows it in the UI language.
func dateText(y, m, d int) string { return kit.FormatDateInput(app.D(y, time.Month(m), d)) }

// chooseIn answers the pane's open file or folder dialog: the folder dir,
// the file name (if any), then the confirm button.
func chooseIn(t *testing.T, w fyne.Window, d *dialog.FileDialog, dir, name, confirm string) {
	t.Helper()
	if d == nil || w.Canvas().Overlays().Top() == nil {
		t.Fatal("no file dialog opened")
	}
	loc, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	d.SetLocation(loc)
	if name != "" {
		d.SetFileName(name)
	}
	tapDialog(t, w, confirm)
}

// opened records the files kit.OpenFile is asked to show, until the test
// ends.
func opened(t *testing.T) *[]string {
	var out []string
	kit.OpenFile = func(path string) { out = append(out, path) }
	t.Cleanup(func() { kit.OpenFile = func(string) {} })
	return &out
}

// readFile is a file's text, "" when it is missing.
func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Errorf("%s: %v", name, err)
	}
	return string(data)
}

// journalCount is how many journal lines the store holds.
func journalCount(t *testing.T, db *datatest.DB, f app.JournalFilter) int {
	t.Helper()
	n, err := db.JournalCount(db.Ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// allEntries are the store's entries in journal order (each once).
func allEntries(t *testing.T, db *datatest.DB) []app.Entry {
	t.Helper()
	lines, err := db.JournalPage(db.Ctx, app.JournalFilter{}, 0, 100000)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var out []app.Entry
	for _, l := range lines {
		if seen[l.EntryID] {
			continue
		}
		seen[l.EntryID] = true
		e, err := db.Entry(db.Ctx, l.EntryID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}
