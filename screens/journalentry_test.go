package screens

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// fakeReverser records the reversals asked for and posts the swapped entry
// into the fake ledger.
type fakeReverser struct {
	l     *fakeLedger
	ids   []string
	dates []app.Date
}

func (r *fakeReverser) ReverseEntry(ctx context.Context, id string, date app.Date) (app.Entry, error) {
	r.ids = append(r.ids, id)
	r.dates = append(r.dates, date)
	e, err := r.l.Entry(ctx, id)
	if err != nil {
		return e, err
	}
	if date.IsZero() {
		date = e.Date
	}
	rev := app.Entry{Date: date, Memo: "Storno " + e.Number, Source: "reversal:" + id}
	for _, ln := range e.Lines {
		rev.Lines = append(rev.Lines, app.Line{Account: ln.Account, Debit: ln.Credit, Credit: ln.Debit})
	}
	return r.l.PostEntry(ctx, rev)
}

// newTestJournal is the Accounts tab of testDeps with the test entries; edit
// may change the Deps (user, reverser) before the screen is built.
func newTestJournal(t *testing.T, edit func(*kit.Deps, *fakeLedger)) (*accountsScreen, fyne.Window, *fakeLedger) {
	t.Helper()
	test.NewTempApp(t)
	c := testCompany()
	d, _, l := testDeps(&c)
	postTestEntries(t, l)
	if edit != nil {
		edit(&d, l)
	}
	w := test.NewTempWindow(t, nil)
	s := newAccountsScreen(d, w, c)
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(1400, 800))
	w.Content().(interface{ SelectIndex(int) }).SelectIndex(1) // the Journal tab
	return s, w, l
}

// openEntryForm taps New entry… and returns the form's account selects and
// inputs: date, memo, then debit, credit and memo of each starting line.
func openEntryForm(t *testing.T, s *accountsScreen, w fyne.Window) (selects []*widget.Select, inputs []*entryInput, top fyne.CanvasObject) {
	t.Helper()
	test.Tap(button(t, w.Content(), "New entry…"))
	top = w.Canvas().Overlays().Top()
	f := s.journal.form
	if top == nil || f == nil {
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
	return selects, inputs, top
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

func footerText(top fyne.CanvasObject) (string, widget.Importance) {
	for _, o := range objects(top) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, "Debit ") {
			return l.Text, l.Importance
		}
	}
	return "", 0
}

func TestJournalEntryPostsBalancedEntry(t *testing.T) {
	s, w, l := newTestJournal(t, nil)
	if strings.Contains(buttonsText(w.Content()), "Reverse…") {
		t.Error("Reverse… shown without a reverser")
	}
	sel, in, top := openEntryForm(t, s, w)
	if in[0].Text != "15 Mar 2026" {
		t.Errorf("date defaults to %q, want today", in[0].Text)
	}
	post := button(t, top, "Post")
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
	if got, imp := footerText(top); got != "Debit 1,000.00 · Credit 1,000.00 · Difference 0.00" || imp == widget.DangerImportance {
		t.Errorf("footer %q (importance %v)", got, imp)
	}
	if post.Disabled() {
		t.Fatal("Post disabled on a balanced entry")
	}
	before := s.journal.rows.Count
	test.Tap(post)
	if len(l.entries) != 4 {
		t.Fatalf("%d entries after Post", len(l.entries))
	}
	e := l.entries[3]
	if dr, cr := e.Totals(); dr != 100_000 || cr != 100_000 || e.Date != app.D(2026, time.March, 15) ||
		e.Memo != "Nákup materiálu za hotové" || e.Source != "manual" ||
		e.Lines[0].Account != "501" || e.Lines[1].Account != "211" || e.Lines[1].Memo != "pokladna" {
		t.Errorf("posted %+v", e)
	}
	if got := dialogText(w); !strings.Contains(got, "posted as ID2026-00004") {
		t.Errorf("after Post the dialog says %q", got)
	}
	if s.journal.rows.Count != before+2 {
		t.Errorf("journal shows %d lines, want %d", s.journal.rows.Count, before+2)
	}
}

func TestJournalEntryUnbalancedKeepsPostDisabled(t *testing.T) {
	s, w, l := newTestJournal(t, nil)
	sel, in, top := openEntryForm(t, s, w)
	selectAccount(t, sel[0], "501")
	test.Type(in[2], "1,000.00")
	selectAccount(t, sel[1], "211")
	test.Type(in[6], "900.00")
	got, imp := footerText(top)
	if got != "Debit 1,000.00 · Credit 900.00 · Difference 100.00" || imp != widget.DangerImportance {
		t.Errorf("footer %q (importance %v)", got, imp)
	}
	post := button(t, top, "Post")
	if !post.Disabled() {
		t.Error("Post enabled on an unbalanced entry")
	}
	test.Tap(post)
	in[2].TypedShortcut(&desktopCtrlEnter)
	if len(l.entries) != 3 {
		t.Error("an unbalanced entry was posted")
	}
	// Balancing it enables Post; Ctrl+Enter posts.
	in[6].SetText("1000")
	if post.Disabled() {
		t.Fatal("Post still disabled once balanced")
	}
	in[6].TypedShortcut(&desktopCtrlEnter)
	if len(l.entries) != 4 {
		t.Error("Ctrl+Enter did not post")
	}
}

func TestJournalEntryRefusesExtraDecimalsAtTheField(t *testing.T) {
	s, w, l := newTestJournal(t, nil)
	sel, in, top := openEntryForm(t, s, w)
	selectAccount(t, sel[0], "501")
	test.Type(in[2], "10.005")
	selectAccount(t, sel[1], "211")
	test.Type(in[6], "10.005")
	if err := in[2].Validate(); err == nil || !strings.Contains(app.ErrorMessage(err, kit.Translator()), "more than 2 decimal places") {
		t.Errorf("debit field validation = %v", err)
	}
	if !strings.Contains(texts(top), "line 1, debit: “10.005” has more than 2 decimal places") {
		t.Errorf("no message at the lines:\n%s", texts(top))
	}
	if !button(t, top, "Post").Disabled() {
		t.Error("Post enabled with an unreadable amount")
	}
	// A locked month is refused at the date.
	in[2].SetText("10.00")
	in[6].SetText("10.00")
	l.locked[app.Month{Year: 2026, Month: time.March}] = true
	test.Tap(button(t, top, "Post"))
	if len(l.entries) != 3 {
		t.Fatal("posted into a locked month")
	}
	if !strings.Contains(texts(top), "is locked") {
		t.Errorf("the date shows no refusal:\n%s", texts(top))
	}
}

func TestJournalEntryHiddenWithoutLedgerPost(t *testing.T) {
	_, w, _ := newTestJournal(t, func(d *kit.Deps, l *fakeLedger) {
		d.Services.Reverser = &fakeReverser{l: l}
		d.Sess = &kit.Session{User: app.User{Name: "petr", Roles: []app.Role{app.RoleSales}}}
	})
	closeDialogs(w) // the ledger refuses a salesperson; the buttons are what matter
	shown := buttonsText(w.Content())
	if strings.Contains(shown, "New entry…") || strings.Contains(shown, "Reverse…") {
		t.Errorf("a user without ledger.post sees:\n%s", shown)
	}
}

func TestJournalReverseCallsReverser(t *testing.T) {
	var rev *fakeReverser
	s, w, l := newTestJournal(t, func(d *kit.Deps, l *fakeLedger) {
		rev = &fakeReverser{l: l}
		d.Services.Reverser = rev
	})
	j := s.journal
	btn := button(t, w.Content(), "Reverse…")
	if !btn.Disabled() {
		t.Error("Reverse… enabled with no line selected")
	}
	j.table.Select(widget.TableCellID{Row: 2, Col: 1})
	if btn.Disabled() {
		t.Fatal("Reverse… disabled with a line selected")
	}
	jl, _ := j.rows.Row(2)
	test.Tap(btn)
	if got := dialogText(w); !strings.Contains(got, "reversal of entry "+jl.Number) {
		t.Fatalf("confirm dialog says %q", got)
	}
	var date *kit.EscEntry
	for _, o := range objects(w.Canvas().Overlays().Top()) {
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
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Post reversal"))
	if len(rev.ids) != 1 || rev.ids[0] != jl.EntryID || rev.dates[0] != app.D(2026, time.March, 31) {
		t.Fatalf("reverser called with %v %v, want %s", rev.ids, rev.dates, jl.EntryID)
	}
	if len(l.entries) != 4 {
		t.Errorf("%d entries; the reversal is a new one", len(l.entries))
	}
	if got := dialogText(w); !strings.Contains(got, "reversed by ID2026-00004") {
		t.Errorf("after reversing the dialog says %q", got)
	}
	if j.rows.Count != 8 || !btn.Disabled() {
		t.Errorf("after reversing: count %d, Reverse enabled %v", j.rows.Count, !btn.Disabled())
	}
}

func TestJournalEntryTabOrder(t *testing.T) {
	s, w, _ := newTestJournal(t, nil)
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
