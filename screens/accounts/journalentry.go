package accounts

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// entryInput is a single-line entry of the journal entry form: Esc cancels
// the form and Ctrl+Enter posts it.
type entryInput struct {
	widget.Entry
	onEsc  func()
	onPost func()
}

func newEntryInput() *entryInput {
	e := &entryInput{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey runs onEsc for Esc and edits as an entry otherwise.
func (e *entryInput) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEsc != nil {
		e.onEsc()
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut posts on Ctrl+Enter (Cmd+Enter on macOS).
func (e *entryInput) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && e.onPost != nil &&
		(cs.KeyName == fyne.KeyReturn || cs.KeyName == fyne.KeyEnter) &&
		(cs.Modifier == fyne.KeyModifierControl || cs.Modifier == fyne.KeyModifierShortcutDefault) {
		e.onPost()
		return
	}
	e.Entry.TypedShortcut(s)
}

// entryRow is one line of the lines editor.
type entryRow struct {
	account       *widget.Select
	debit, credit *entryInput
	memo          *entryInput
	vat           *vatLineRow // shown on a line of the VAT account
	line          app.Line    // as last read
	box           *fyne.Container
}

// entryForm is the dialog of a manual journal entry: date, memo, lines and a
// live debit/credit footer; Post stays disabled until the lines balance.
type entryForm struct {
	deps       kit.Deps
	win        fyne.Window
	company    app.Company
	currency   string
	vatAccount string // its lines ask what VAT they are
	accounts   []app.Account
	options    []string
	onPosted   func(app.Entry)

	fs      *kit.FieldSet
	date    *entryInput
	memo    *entryInput
	rows    []*entryRow
	rowsBox *fyne.Container
	footer  *widget.Label
	post    *widget.Button
	d       *dialog.CustomDialog
	busy    bool

	amountMessage bool // the lines' message is about an unreadable amount
	filling       bool // the form is setting a default, not the user typing
}

// showEntryForm loads the chart of accounts and opens the entry form;
// onPosted runs on the UI thread after a successful post.
func showEntryForm(d kit.Deps, w fyne.Window, company app.Company, onPosted func(app.Entry), opened func(*entryForm)) {
	kit.Call(d, kit.To{Win: w}, d.Services.Ledger.Accounts, func(accts []app.Account) {
		f := newEntryForm(d, w, company, accts, onPosted)
		f.show()
		if opened != nil {
			opened(f)
		}
	})
}

func newEntryForm(d kit.Deps, w fyne.Window, company app.Company, accts []app.Account, onPosted func(app.Entry)) *entryForm {
	f := &entryForm{deps: d, win: w, company: company, currency: company.BaseCurrency, vatAccount: company.Chart.Posting().VAT, accounts: accts, onPosted: onPosted}
	f.options = make([]string, len(accts))
	for i, a := range accts {
		f.options[i] = a.Code + " " + a.Name
	}
	return f
}

// input returns an entry wired to Esc, Ctrl+Enter and the live footer.
func (f *entryForm) input(update bool) *entryInput {
	e := newEntryInput()
	e.onEsc = f.cancel
	e.onPost = f.submit
	if update {
		e.OnChanged = func(string) { f.update() }
	}
	return e
}

func (f *entryForm) buildUI() fyne.CanvasObject {
	f.fs = kit.NewFieldSet()
	f.date = f.input(false)
	f.date.SetPlaceHolder(kit.DatePlaceholder())
	f.date.SetText(app.Today(f.deps.Clock()).Format(kit.UILang))
	f.date.OnChanged = func(string) {
		f.relabelRates()
		f.update()
	}
	f.fs.Add("entry.date", "Date", f.date)
	f.memo = f.input(false)
	f.memo.SetPlaceHolder(lang.X("entry.memo_hint", "What the entry is about"))
	f.fs.Add("entry.memo", "Text", f.memo)
	top := f.fs.Object()

	header := container.NewHBox(
		kit.Sized(widget.NewLabel(lang.X("journal.col.account", "Account")), 300),
		kit.Sized(widget.NewLabel(lang.X("journal.col.debit", "Debit")), 130),
		kit.Sized(widget.NewLabel(lang.X("journal.col.credit", "Credit")), 130),
		widget.NewLabel(lang.X("journal.col.memo", "Text")))
	f.rowsBox = container.NewVBox()
	f.addRow()
	f.addRow()
	add := widget.NewButtonWithIcon(lang.X("entry.add_line", "Add line"), theme.ContentAddIcon(), func() {
		r := f.addRow()
		f.win.Canvas().Focus(r.account)
	})
	// The lines' messages (unbalanced, unknown account, bad amount) show
	// under the editor; the field is added after the form is laid out.
	lines := f.fs.Add("entry.lines", "Lines", f.rowsBox)

	f.footer = widget.NewLabel("")
	f.footer.TextStyle = fyne.TextStyle{Bold: true}
	f.footer.Alignment = fyne.TextAlignTrailing

	f.post = widget.NewButtonWithIcon(lang.X("entry.post", "Post"), theme.ConfirmIcon(), f.submit)
	f.post.Importance = widget.HighImportance
	f.update()

	scroll := container.NewVScroll(f.rowsBox)
	scroll.SetMinSize(fyne.NewSize(0, 220))
	hint := widget.NewLabel(lang.X("entry.keys_hint", "Ctrl+Enter posts, Esc cancels."))
	hint.Importance = widget.LowImportance
	bottom := container.NewVBox(container.NewHBox(add), lines.Msg, f.footer, hint)
	head := container.NewVBox(top, header)
	// Objects in reading order, so Tab goes from the memo to the first line.
	return container.New(layout.NewBorderLayout(head, bottom, nil, nil), head, scroll, bottom)
}

// show opens the form in a dialog over the window.
func (f *entryForm) show() {
	body := f.buildUI()
	cancel := widget.NewButtonWithIcon(lang.X("action.cancel", "Cancel"), theme.CancelIcon(), f.cancel)
	f.d = dialog.NewCustomWithoutButtons(lang.X("entry.title", "New journal entry"), body, f.win)
	f.d.SetButtons([]fyne.CanvasObject{cancel, f.post})
	kit.ShowSized(f.d, fyne.NewSize(920, 560))
	f.win.Canvas().Focus(f.date)
}

func (f *entryForm) cancel() {
	if f.d != nil {
		f.d.Hide()
	}
}

// addRow appends an empty line to the editor.
func (f *entryForm) addRow() *entryRow {
	r := &entryRow{}
	r.account = widget.NewSelect(f.options, func(string) { f.update() })
	r.account.PlaceHolder = lang.X("entry.choose_account", "Choose an account")
	r.debit, r.credit = f.input(true), f.input(true)
	for _, e := range []*entryInput{r.debit, r.credit} {
		e.Validator = f.validateAmount
	}
	r.memo = f.input(false)
	r.vat = f.newVATRow()
	r.memo.OnSubmitted = func(string) {
		// Enter in the last line's text adds a line.
		if len(f.rows) > 0 && f.rows[len(f.rows)-1] == r {
			n := f.addRow()
			f.win.Canvas().Focus(n.account)
		}
	}
	remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { f.removeRow(r) })
	// Objects in reading order, so Tab walks account, debit, credit, text.
	left := container.NewHBox(kit.Sized(r.account, 300), kit.Sized(r.debit, 130), kit.Sized(r.credit, 130))
	line := container.New(layout.NewBorderLayout(nil, nil, left, remove), left, r.memo, remove)
	r.box = container.NewVBox(line, r.vat.box)
	f.rows = append(f.rows, r)
	if f.rowsBox != nil {
		f.rowsBox.Add(r.box)
	}
	f.update()
	return r
}

// removeRow drops a line; the editor keeps at least one.
func (f *entryForm) removeRow(r *entryRow) {
	for i, x := range f.rows {
		if x == r {
			f.rows = append(f.rows[:i], f.rows[i+1:]...)
			f.rowsBox.Remove(r.box)
			break
		}
	}
	if len(f.rows) == 0 {
		f.addRow()
	}
	f.update()
}

// errNegativeAmount refuses a negative amount: it belongs on the other side.
var errNegativeAmount = app.Errorf(app.EINVALID, "err.entry.amount_negative", "enter the amount on the other side instead of a negative one", nil)

// amount parses a debit or credit field; empty is zero.
func (f *entryForm) amount(s string) (int64, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	m, err := app.ParseMoney(s, f.currency, kit.UILang)
	if err != nil {
		return 0, err
	}
	if m.Amount < 0 {
		return 0, errNegativeAmount
	}
	return m.Amount, nil
}

func (f *entryForm) validateAmount(s string) error {
	_, err := f.amount(s)
	return err
}

// collect reads the editor: the non-empty lines, the totals and the first
// amount that cannot be read (with its line number, shown at the field).
func (f *entryForm) collect() (lines []app.Line, dr, cr int64, bad error) {
	for i, r := range f.rows {
		var l app.Line
		if k := r.account.SelectedIndex(); k >= 0 && k < len(f.accounts) {
			l.Account = f.accounts[k].Code
		}
		var err error
		if l.Debit, err = f.amount(r.debit.Text); err != nil && bad == nil {
			bad = app.Errorf(app.EINVALID, "err.entry.line_debit", "line {{.n}}, debit: {{.reason}}", map[string]any{"n": i + 1, "reason": app.ErrorMessage(err, kit.Translator())})
		}
		if l.Credit, err = f.amount(r.credit.Text); err != nil && bad == nil {
			bad = app.Errorf(app.EINVALID, "err.entry.line_credit", "line {{.n}}, credit: {{.reason}}", map[string]any{"n": i + 1, "reason": app.ErrorMessage(err, kit.Translator())})
		}
		l.Memo = strings.TrimSpace(r.memo.Text)
		if l.Account == f.vatAccount && l.Account != "" {
			if l.VAT, err = f.vatTag(r.vat, i+1, l); err != nil && bad == nil {
				bad = err
			}
		}
		r.line = l
		if l.Account == "" && l.Debit == 0 && l.Credit == 0 && l.Memo == "" && strings.TrimSpace(r.debit.Text+r.credit.Text) == "" {
			continue // an empty line is ignored
		}
		dr += l.Debit
		cr += l.Credit
		lines = append(lines, l)
	}
	return lines, dr, cr, bad
}

// update recomputes the footer and whether Post is possible.
func (f *entryForm) update() {
	if f.footer == nil || f.post == nil {
		return
	}
	lines, dr, cr, bad := f.collect()
	for _, r := range f.rows {
		f.showVAT(r, r.line, r.line.VAT)
	}
	if bad == nil && len(lines) >= 2 {
		bad = app.ValidateVATLines(app.Entry{Lines: lines}, f.vatAccount)
	}
	digits := app.MinorDigits(f.currency)
	diff := dr - cr
	if diff < 0 {
		diff = -diff
	}
	f.footer.SetText(lang.X("entry.footer", "Debit {{.dr}} · Credit {{.cr}} · Difference {{.diff}}", map[string]any{
		"dr": app.FormatMinor(dr, digits, kit.UILang), "cr": app.FormatMinor(cr, digits, kit.UILang), "diff": app.FormatMinor(diff, digits, kit.UILang)}))
	if dr != cr {
		f.footer.Importance = widget.DangerImportance
	} else {
		f.footer.Importance = widget.MediumImportance
	}
	f.footer.Refresh()

	if lf := f.fs.ByKey["entry.lines"]; lf != nil {
		if bad != nil {
			lf.Msg.SetText(app.ErrorMessage(bad, kit.Translator()))
			lf.Msg.Show()
		} else if lf.Msg.Visible() && f.amountMessage {
			lf.Msg.SetText("")
			lf.Msg.Hide()
		}
		f.amountMessage = bad != nil
	}
	if bad == nil && !f.busy && len(lines) >= 2 && dr == cr && dr > 0 {
		f.post.Enable()
	} else {
		f.post.Disable()
	}
}

// entry builds the entry to post from the form.
func (f *entryForm) entry() (app.Entry, error) {
	date, err := app.ParseDate(f.date.Text)
	if err != nil {
		return app.Entry{}, app.WithField(err, "entry.date")
	}
	lines, _, _, bad := f.collect()
	if bad != nil {
		return app.Entry{}, app.WithField(bad, "entry.lines")
	}
	return app.Entry{Date: date, Memo: strings.TrimSpace(f.memo.Text), Source: "manual", Lines: lines}, nil
}

// submit posts the entry in the background; a refusal is shown at its field
// (date, lines) or in the error dialog.
func (f *entryForm) submit() {
	if f.post.Disabled() || f.busy {
		return
	}
	f.fs.Clear()
	f.amountMessage = false
	e, err := f.entry()
	if err != nil {
		f.fail(err)
		return
	}
	f.busy = true
	f.post.Disable()
	ledger := f.deps.Services.Ledger
	kit.Call(f.deps, kit.To{Busy: kit.BusyFunc(func(on bool) { f.busy = on }), Err: func(err error) {
		f.update()
		f.fail(err)
	}}, func(ctx context.Context) (app.Entry, error) {
		return ledger.PostEntry(ctx, e)
	}, func(posted app.Entry) {
		f.cancel()
		dialog.ShowInformation(lang.X("entry.posted_title", "Entry posted"),
			lang.X("entry.posted", "The entry was posted as {{.number}}.", map[string]any{"number": posted.Number}), f.win)
		if f.onPosted != nil {
			f.onPosted(posted)
		}
	})
}

// fail shows err at its field and, always, in the error dialog.
func (f *entryForm) fail(err error) {
	f.fs.Mark(err)
	kit.ShowError(err, f.win)
}

// --- the journal's hook-up ---

// entryActions are the journal bar's New entry and Reverse buttons, each
// present only for a user who may post (Reverse only with a reverser).
func (j *journalView) entryActions() []fyne.CanvasObject {
	d := j.parent.deps
	if !d.Can(app.PermLedgerPost) {
		return nil
	}
	out := []fyne.CanvasObject{widget.NewButtonWithIcon(lang.X("journal.new_entry", "New entry…"), theme.ContentAddIcon(), func() {
		showEntryForm(d, j.parent.win, j.parent.company, func(app.Entry) { j.parent.refresh() }, func(f *entryForm) { j.form = f })
	})}
	j.reverseBtn = widget.NewButtonWithIcon(lang.X("journal.reverse", "Reverse…"), theme.ContentUndoIcon(), j.reverseSelected)
	j.reverseBtn.Disable()
	return append(out, j.reverseBtn)
}

// selectRow remembers the selected journal line for Reverse.
func (j *journalView) selectRow(id widget.TableCellID) {
	j.selected = -1
	if _, ok := j.rows.Row(id.Row); ok {
		j.selected = id.Row
	}
	if j.reverseBtn != nil {
		if j.selected >= 0 {
			j.reverseBtn.Enable()
		} else {
			j.reverseBtn.Disable()
		}
	}
}

// reverseSelected asks to reverse the entry of the selected line.
func (j *journalView) reverseSelected() {
	if j.selected < 0 {
		return
	}
	if jl, ok := j.rows.Row(j.selected); ok {
		j.confirmReverse(jl)
	}
}

// confirmReverse asks for the reversal's date (empty = the entry's own) and
// posts the reversal; the original entry stays in the journal.
func (j *journalView) confirmReverse(jl app.JournalLine) {
	rev, win := j.parent.deps.Services.Reverser, j.parent.win
	if rev == nil {
		return
	}
	fs := kit.NewFieldSet()
	date := fs.EscEntry("entry.date", "Date", kit.DatePlaceholder())
	date.SetText(jl.Date.Format(kit.UILang))
	msg := widget.NewLabel(lang.X("journal.reverse_confirm",
		"Post a reversal of entry {{.number}}? A new entry with the sides swapped is posted on the date above; the original entry stays in the journal.",
		map[string]any{"number": jl.Number}))
	msg.Wrapping = fyne.TextWrapWord
	kit.ShowFormDialog(lang.X("journal.reverse_title", "Reverse the entry"), lang.X("journal.reverse_post", "Post reversal"), fs, msg, win, func(fd *kit.FormDialog) {
		var d app.Date
		if t := strings.TrimSpace(date.Text); t != "" {
			var err error
			if d, err = app.ParseDate(t); err != nil {
				fd.Fail(app.WithField(err, "entry.date"))
				return
			}
		}
		kit.Call(j.parent.deps, fd.To(), func(ctx context.Context) (app.Entry, error) {
			return rev.ReverseEntry(ctx, jl.EntryID, d)
		}, func(e app.Entry) {
			fd.Close()
			dialog.ShowInformation(lang.X("journal.reversed_title", "Entry reversed"),
				lang.X("journal.reversed", "Entry {{.number}} was reversed by {{.reversal}}.", map[string]any{"number": jl.Number, "reversal": e.Number}), win)
			j.parent.refresh()
		})
	})
}

// clearSelection forgets the selected line when the journal reloads.
func (j *journalView) clearSelection() {
	j.selected = -1
	if j.table != nil {
		j.table.UnselectAll()
	}
	if j.reverseBtn != nil {
		j.reverseBtn.Disable()
	}
}
