package accounts

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

// openJournal is the Accounts tab on its Journal pane over the test
// entries, for an accountant; edit may change the Deps first.
func openJournal(t *testing.T, edit func(*kit.Deps)) (*accountsScreen, fyne.Window, *datatest.DB) {
	t.Helper()
	db := openDB(t)
	postTestEntries(t, db)
	s, h := openAccounts(t, db, db.User(t, app.RoleAccounts), edit)
	s.tabs.SelectIndex(1)
	return s, h.Window(), db
}

// openEntryForm taps New entry… and returns the form's account selects and
// inputs: date, memo, then debit, credit and memo of each starting line.
func openEntryForm(t *testing.T, s *accountsScreen, w fyne.Window) (selects []*widget.Select, inputs []*entryInput, dlg fyne.CanvasObject) {
	t.Helper()
	test.Tap(button(t, s.tabs, "New entry…"))
	dlg = w.Canvas().Overlays().Top()
	f := s.journal.form
	if dlg == nil || f == nil {
		t.Fatal("New entry… opened no dialog")
	}
	inputs = []*entryInput{f.date, f.memo}
	for _, r := range f.rows {
		selects = append(selects, r.account)
		inputs = append(inputs, r.debit, r.credit, r.memo)
	}
	if len(selects) != 2 {
		t.Fatalf("form starts with %d lines", len(selects))
	}
	return selects, inputs, dlg
}

func selectAccount(t *testing.T, s *widget.Select, code string) {
	t.Helper()
	for _, o := range s.Options {
		if strings.HasPrefix(o, code+" ") {
			s.SetSelected(o)
			return
		}
	}
	t.Fatalf("no account %s among %d options", code, len(s.Options))
}

// desktopCtrlEnter is the Ctrl+Enter the window driver sends.
var desktopCtrlEnter = desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl}

func footerText(dlg fyne.CanvasObject) (string, widget.Importance) {
	for _, o := range kittest.Objects(dlg) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Debit ") {
			return l.Text, l.Importance
		}
	}
	return "", 0
}

// manualEntries are the entries posted from the form.
func manualEntries(t *testing.T, db *datatest.DB) []app.Entry {
	t.Helper()
	var out []app.Entry
	for _, e := range allEntries(t, db) {
		if e.Source == "manual" {
			out = append(out, e)
		}
	}
	return out
}

func TestJournalEntryPostsBalancedEntry(t *testing.T) {
	s, w, db := openJournal(t, nil)
	if !strings.Contains(kittest.ButtonsText(s.tabs), "Reverse…") {
		t.Error("Reverse… not offered to an accountant")
	}
	sel, in, dlg := openEntryForm(t, s, w)
	if in[0].Text != "15 Mar 2026" {
		t.Errorf("date defaults to %q, want today", in[0].Text)
	}
	post := button(t, dlg, "Post")
	if !post.Disabled() {
		t.Error("Post enabled on an empty form")
	}
	test.Type(in[1], "Nákup materiálu za hotové")
	selectAccount(t, sel[0], "501")
	test.Type(in[2], "1,000.00")
	if !post.Disabled() {
		t.Error("Post enabled with one line")
	}
	selectAccount(t, sel[1], "211")
	test.Type(in[6], "1,000.00")
	test.Type(in[7], "pokladna")
	if got, imp := footerText(dlg); got != "Debit 1,000.00 · Credit 1,000.00 · Difference 0.00" || imp == widget.DangerImportance {
		t.Errorf("footer %q (importance %v)", got, imp)
	}
	if post.Disabled() {
		t.Fatal("Post disabled on a balanced entry")
	}
	before := s.journal.rows.Count
	test.Tap(post)
	posted := manualEntries(t, db)
	if len(posted) != 1 || len(allEntries(t, db)) != 4 {
		t.Fatalf("%d manual entries after Post", len(posted))
	}
	e := posted[0]
	if dr, cr := e.Totals(); dr != 100_000 || cr != 100_000 || e.Date != app.D(2026, time.March, 15) ||
		e.Memo != "Nákup materiálu za hotové" || len(e.Lines) != 2 ||
		e.Lines[0].Account != "501" || e.Lines[1].Account != "211" || e.Lines[1].Memo != "pokladna" {
		t.Errorf("posted %+v", e)
	}
	if got := kittest.DialogText(w); e.Number != "ID2026-00003" || !strings.Contains(got, "posted as "+e.Number) {
		t.Errorf("after Post the dialog says %q (stored %s)", got, e.Number)
	}
	if s.journal.rows.Count != before+2 || s.journal.rows.Count != journalCount(t, db, app.JournalFilter{}) {
		t.Errorf("journal shows %d lines, want %d", s.journal.rows.Count, before+2)
	}
}

func TestJournalEntryUnbalancedKeepsPostDisabled(t *testing.T) {
	s, w, db := openJournal(t, nil)
	sel, in, dlg := openEntryForm(t, s, w)
	selectAccount(t, sel[0], "501")
	test.Type(in[2], "1,000.00")
	selectAccount(t, sel[1], "211")
	test.Type(in[6], "900.00")
	got, imp := footerText(dlg)
	if got != "Debit 1,000.00 · Credit 900.00 · Difference 100.00" || imp != widget.DangerImportance {
		t.Errorf("footer %q (importance %v)", got, imp)
	}
	post := button(t, dlg, "Post")
	if !post.Disabled() {
		t.Error("Post enabled on an unbalanced entry")
	}
	test.Tap(post)
	in[2].TypedShortcut(&desktopCtrlEnter)
	if len(manualEntries(t, db)) != 0 {
		t.Error("an unbalanced entry was posted")
	}
	// Balancing it enables Post; Ctrl+Enter posts.
	in[6].SetText("1000")
	if post.Disabled() {
		t.Fatal("Post still disabled once balanced")
	}
	in[6].TypedShortcut(&desktopCtrlEnter)
	if es := manualEntries(t, db); len(es) != 1 || es[0].Lines[1].Credit != 100_000 {
		t.Errorf("Ctrl+Enter did not post: %+v", es)
	}
}

func TestJournalEntryRefusesExtraDecimalsAtTheField(t *testing.T) {
	s, w, db := openJournal(t, nil)
	sel, in, dlg := openEntryForm(t, s, w)
	selectAccount(t, sel[0], "501")
	test.Type(in[2], "10.005")
	selectAccount(t, sel[1], "211")
	test.Type(in[6], "10.005")
	if err := in[2].Validate(); err == nil || !strings.Contains(app.ErrorMessage(err, kit.Translator()), "more than 2 decimal places") {
		t.Errorf("debit field validation = %v", err)
	}
	if !strings.Contains(texts(dlg), "line 1, debit: “10.005” has more than 2 decimal places") {
		t.Errorf("no message at the lines:\n%s", texts(dlg))
	}
	if !button(t, dlg, "Post").Disabled() {
		t.Error("Post enabled with an unreadable amount")
	}
	// A month locked meanwhile is refused by the store, shown at the date.
	in[2].SetText("10.00")
	in[6].SetText("10.00")
	if err := db.SetPeriodLock(db.Ctx, app.Month{Year: 2026, Month: time.March}, true); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, dlg, "Post"))
	if len(manualEntries(t, db)) != 0 {
		t.Fatal("posted into a locked month")
	}
	if !strings.Contains(texts(dlg), "is locked") {
		t.Errorf("the date shows no refusal:\n%s", texts(dlg))
	}
}

// TestJournalEntryHiddenWithoutLedgerPost: only the accounts role (and the
// admin) may post, and it is also the only one that reads the ledger, so a
// user who may not post does not get the Accounts tab at all; a screen built
// for one anyway (the ledger refuses the reads) offers neither button.
func TestJournalEntryHiddenWithoutLedgerPost(t *testing.T) {
	db := openDB(t)
	sales := db.User(t, app.RoleSales)
	c, _ := db.Company(db.Ctx)
	h := kittest.NewHost(t, kittest.Deps(db, sales), c, Module())
	if h.View("accounts") != nil {
		t.Error("a salesperson sees the Accounts tab")
	}
	w := kittest.Window(t)
	s := newAccountsScreen(kittest.Deps(db, sales), w, c)
	w.SetContent(s.buildUI())
	kittest.CloseDialogs(w) // the ledger refuses a salesperson; the buttons are what matter
	shown := kittest.ButtonsText(w.Content())
	if strings.Contains(shown, "New entry…") || strings.Contains(shown, "Reverse…") {
		t.Errorf("a user without ledger.post sees:\n%s", shown)
	}
}

func TestJournalReversePostsTheReversal(t *testing.T) {
	s, w, db := openJournal(t, nil)
	j := s.journal
	btn := button(t, s.tabs, "Reverse…")
	if !btn.Disabled() {
		t.Error("Reverse… enabled with no line selected")
	}
	j.table.Select(widget.TableCellID{Row: 2, Col: 1})
	if btn.Disabled() {
		t.Fatal("Reverse… disabled with a line selected")
	}
	jl, _ := j.rows.Row(2)
	test.Tap(btn)
	if got := kittest.DialogText(w); !strings.Contains(got, "reversal of entry "+jl.Number) {
		t.Fatalf("confirm dialog says %q", got)
	}
	var date *kit.EscEntry
	for _, o := range kittest.Objects(top(t, w)) {
		if e, ok := o.(*kit.EscEntry); ok && date == nil {
			date = e
		}
	}
	if date == nil {
		t.Fatal("the reverse dialog has no date")
	}
	if date.Text != jl.Date.Format(kit.UILang) {
		t.Errorf("reversal date defaults to %q", date.Text)
	}
	date.SetText("31. 3. 2026")
	tapDialog(t, w, "Post reversal")
	orig, err := db.Entry(db.Ctx, jl.EntryID)
	if err != nil {
		t.Fatal(err)
	}
	es := allEntries(t, db)
	if len(es) != 4 {
		t.Fatalf("%d entries; the reversal is a new one", len(es))
	}
	var rev app.Entry
	for _, e := range es {
		if e.Date == app.D(2026, time.March, 31) {
			rev = e
		}
	}
	if len(rev.Lines) != len(orig.Lines) {
		t.Fatalf("no reversal on 31 March: %+v", es)
	}
	for i, l := range rev.Lines {
		if o := orig.Lines[i]; l.Account != o.Account || l.Debit != o.Credit || l.Credit != o.Debit {
			t.Errorf("reversal line %d %+v of %+v", i, l, o)
		}
	}
	if got := kittest.DialogText(w); rev.Number != "ID2026-00003" || !strings.Contains(got, "reversed by "+rev.Number) {
		t.Errorf("after reversing the dialog says %q (stored %s)", got, rev.Number)
	}
	if j.rows.Count != 8 || !btn.Disabled() {
		t.Errorf("after reversing: count %d, Reverse enabled %v", j.rows.Count, !btn.Disabled())
	}
}

func TestJournalEntryTabOrder(t *testing.T) {
	s, w, _ := openJournal(t, nil)
	sel, in, _ := openEntryForm(t, s, w)
	c := w.Canvas()
	want := []fyne.Focusable{in[0], in[1], sel[0], in[2], in[3], in[4]}
	c.Focus(in[0])
	for i, f := range want[1:] {
		c.FocusNext()
		if c.Focused() != f {
			t.Fatalf("Tab %d focuses %T, want %T", i+1, c.Focused(), f)
		}
	}
}
