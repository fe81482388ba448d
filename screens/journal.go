package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

// journalPageSize is how many journal lines one fetch brings; the table asks
// only for the pages it shows, so a million lines cost what a screenful does.
const journalPageSize = 200

// journalView is the journal: a virtualised table of lines over
// JournalCount/JournalPage with a filter bar.
type journalView struct {
	parent *accountsScreen

	filter app.JournalFilter
	rows   *pagedRows[app.JournalLine]

	from, to  *widget.Entry
	account   *widget.Select
	accounts  []app.Account
	countText *widget.Label
	table     *widget.Table

	selected   int            // the selected row, -1 for none
	reverseBtn *widget.Button // nil unless the user may reverse entries
	form       *entryForm     // the last New entry form opened
}

func newJournalView(p *accountsScreen) *journalView {
	return &journalView{parent: p, rows: newPagedRows[app.JournalLine](journalPageSize, p.deps.ctx, p.win), selected: -1}
}

// journalColumns are the columns of the journal table.
var journalColumns = []column{
	{"journal.col.date", "Date", 110},
	{"journal.col.number", "Number", 120},
	{"journal.col.account", "Account", 80},
	{"journal.col.debit", "Debit", 140},
	{"journal.col.credit", "Credit", 140},
	{"journal.col.memo", "Text", 420},
}

func (j *journalView) buildUI() fyne.CanvasObject {
	j.from = widget.NewEntry()
	j.from.SetPlaceHolder(datePlaceholder())
	j.to = widget.NewEntry()
	j.to.SetPlaceHolder(datePlaceholder())
	j.account = widget.NewSelect(nil, nil)
	j.account.PlaceHolder = lang.X("journal.all_accounts", "All accounts")
	j.from.OnSubmitted = func(string) { j.apply() }
	j.to.OnSubmitted = func(string) { j.apply() }
	apply := widget.NewButtonWithIcon(lang.X("journal.apply", "Apply"), theme.SearchIcon(), j.apply)
	apply.Importance = widget.HighImportance
	clear := widget.NewButtonWithIcon(lang.X("journal.clear", "Clear"), theme.ContentClearIcon(), j.clear)
	j.countText = widget.NewLabel("")

	bar := container.NewHBox(
		widget.NewLabel(lang.X("journal.from", "From")), sized(j.from, 130),
		widget.NewLabel(lang.X("journal.to", "To")), sized(j.to, 130),
		widget.NewLabel(lang.X("journal.account", "Account")), sized(j.account, 260),
		apply, clear, j.countText)
	var top fyne.CanvasObject = bar
	if acts := j.entryActions(); len(acts) > 0 {
		top = container.NewVBox(container.NewHBox(acts...), bar)
	}

	j.table = newColumnTable(journalColumns, func() int { return j.rows.count }, j.updateCell, func(c int) bool { return c == 3 || c == 4 })
	j.rows.table = j.table
	j.table.OnSelected = j.selectRow
	return container.NewBorder(top, nil, nil, nil, j.table)
}

// sized gives an input a fixed width in an HBox.
func sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}

// apply reads the filter bar; a wrong date is shown and nothing changes.
func (j *journalView) apply() {
	var f app.JournalFilter
	var err error
	if f.From, err = parseOptionalDate(j.from.Text, "filter.from"); err != nil {
		showError(err, j.parent.win)
		return
	}
	if f.To, err = parseOptionalDate(j.to.Text, "filter.to"); err != nil {
		showError(err, j.parent.win)
		return
	}
	if i := j.account.SelectedIndex(); i >= 0 && i < len(j.accounts) {
		f.Account = j.accounts[i].Code
	}
	if err := f.Validate(); err != nil {
		showError(err, j.parent.win)
		return
	}
	j.filter = f
	j.reload()
}

// clear empties the filter bar and shows the whole journal.
func (j *journalView) clear() {
	j.from.SetText("")
	j.to.SetText("")
	j.account.ClearSelected()
	j.filter = app.JournalFilter{}
	j.reload()
}

// reload counts the lines of the filter and drops the cached pages.
func (j *journalView) reload() {
	f := j.filter
	ledger, ctx := j.parent.deps.Services.Ledger, j.parent.deps.ctx()
	gen := j.rows.reset(func(ctx context.Context, offset, limit int) ([]app.JournalLine, int, error) {
		lines, err := ledger.JournalPage(ctx, f, offset, limit)
		return lines, -1, err
	})
	j.clearSelection()
	async(func() {
		n, err := ledger.JournalCount(ctx, f)
		accts, aerr := ledger.Accounts(ctx)
		fyne.Do(func() {
			if gen != j.rows.gen {
				return
			}
			if err != nil {
				showError(err, j.parent.win)
				return
			}
			if aerr == nil {
				j.setAccounts(accts)
			}
			j.rows.count = n
			j.countText.SetText(plural("journal.count", n, "{{.n}} line", "{{.n}} lines", nil))
			j.table.Refresh()
		})
	})
}

// setAccounts fills the account selector, keeping the selection.
func (j *journalView) setAccounts(accts []app.Account) {
	j.accounts = accts
	opts := make([]string, len(accts))
	for i, a := range accts {
		opts[i] = a.Code + " " + a.Name
	}
	sel := j.account.SelectedIndex()
	j.account.SetOptions(opts)
	if sel >= 0 && sel < len(opts) {
		j.account.SetSelectedIndex(sel)
	}
}

func (j *journalView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	j.rows.updating = true
	defer func() { j.rows.updating = false }()
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Alignment = columnAlign(id.Col == 3 || id.Col == 4)
	jl, ok := j.rows.row(id.Row)
	if !ok {
		l.SetText("…")
		return
	}
	cur := j.parent.company.BaseCurrency
	text := ""
	switch id.Col {
	case 0:
		text = jl.Date.Format(uiLang)
	case 1:
		text = jl.Number
	case 2:
		text = jl.Line.Account
	case 3:
		text = formatAmount(jl.Line.Debit, cur)
	case 4:
		text = formatAmount(jl.Line.Credit, cur)
	case 5:
		text = jl.Line.Memo
		if text == "" {
			text = jl.Memo
		}
	}
	l.SetText(text)
}
