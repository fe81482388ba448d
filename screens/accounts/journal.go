package accounts

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// journalPageSize is how many journal lines one fetch brings; the table asks
// only for the pages it shows, so a million lines cost what a screenful does.
const journalPageSize = 200

// journalView is the journal: a virtualised table of lines over
// JournalCount/JournalPage with a filter bar.
type journalView struct {
	parent *accountsScreen

	filter app.JournalFilter
	rows   *kit.PagedRows[app.JournalLine]

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
	return &journalView{parent: p, rows: kit.NewPagedRows[app.JournalLine](journalPageSize, p.deps, p.win), selected: -1}
}

// journalColumns are the columns of the journal table.
var journalColumns = []kit.Column{
	{Key: "journal.col.date", Fallback: "Date", Width: 110},
	{Key: "journal.col.number", Fallback: "Number", Width: 120},
	{Key: "journal.col.account", Fallback: "Account", Width: 80},
	{Key: "journal.col.debit", Fallback: "Debit", Width: 140},
	{Key: "journal.col.credit", Fallback: "Credit", Width: 140},
	{Key: "journal.col.memo", Fallback: "Text", Width: 420},
}

func (j *journalView) buildUI() fyne.CanvasObject {
	j.from = widget.NewEntry()
	j.from.SetPlaceHolder(kit.DatePlaceholder())
	j.to = widget.NewEntry()
	j.to.SetPlaceHolder(kit.DatePlaceholder())
	j.account = widget.NewSelect(nil, nil)
	j.account.PlaceHolder = lang.X("journal.all_accounts", "All accounts")
	j.from.OnSubmitted = func(string) { j.apply() }
	j.to.OnSubmitted = func(string) { j.apply() }
	apply := widget.NewButtonWithIcon(lang.X("journal.apply", "Apply"), theme.SearchIcon(), j.apply)
	apply.Importance = widget.HighImportance
	clear := widget.NewButtonWithIcon(lang.X("journal.clear", "Clear"), theme.ContentClearIcon(), j.clear)
	j.countText = widget.NewLabel("")

	bar := container.NewHBox(
		widget.NewLabel(lang.X("journal.from", "From")), kit.Sized(j.from, 130),
		widget.NewLabel(lang.X("journal.to", "To")), kit.Sized(j.to, 130),
		widget.NewLabel(lang.X("journal.account", "Account")), kit.Sized(j.account, 260),
		apply, clear, j.countText)
	var top fyne.CanvasObject = bar
	if acts := j.entryActions(); len(acts) > 0 {
		top = container.NewVBox(container.NewHBox(acts...), bar)
	}

	j.table = kit.NewColumnTable(journalColumns, func() int { return j.rows.Count }, j.updateCell, func(c int) bool { return c == 3 || c == 4 })
	j.rows.Table = j.table
	j.table.OnSelected = j.selectRow
	return container.NewBorder(top, nil, nil, nil, j.table)
}

// apply reads the filter bar; a wrong date is shown and nothing changes.
func (j *journalView) apply() {
	var f app.JournalFilter
	var err error
	if f.From, err = kit.ParseOptionalDate(j.from.Text, "filter.from"); err != nil {
		kit.ShowError(err, j.parent.win)
		return
	}
	if f.To, err = kit.ParseOptionalDate(j.to.Text, "filter.to"); err != nil {
		kit.ShowError(err, j.parent.win)
		return
	}
	if i := j.account.SelectedIndex(); i >= 0 && i < len(j.accounts) {
		f.Account = j.accounts[i].Code
	}
	if err := f.Validate(); err != nil {
		kit.ShowError(err, j.parent.win)
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
	ledger := j.parent.deps.Services.Ledger
	gen := j.rows.Reset(func(ctx context.Context, offset, limit int) ([]app.JournalLine, int, error) {
		lines, err := ledger.JournalPage(ctx, f, offset, limit)
		return lines, -1, err
	})
	j.clearSelection()
	type counted struct {
		n     int
		accts []app.Account // nil when they could not be read
	}
	kit.Call(j.parent.deps, kit.To{Win: j.parent.win, Stale: func() bool { return gen != j.rows.Gen }}, func(ctx context.Context) (counted, error) {
		n, err := ledger.JournalCount(ctx, f)
		accts, _ := ledger.Accounts(ctx)
		return counted{n, accts}, err
	}, func(r counted) {
		if r.accts != nil {
			j.setAccounts(r.accts)
		}
		j.rows.Count = r.n
		j.countText.SetText(kit.Plural("journal.count", r.n, "{{.n}} line", "{{.n}} lines", nil))
		j.table.Refresh()
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
	j.rows.Updating = true
	defer func() { j.rows.Updating = false }()
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Alignment = kit.ColumnAlign(id.Col == 3 || id.Col == 4)
	jl, ok := j.rows.Row(id.Row)
	if !ok {
		l.SetText("…")
		return
	}
	cur := j.parent.company.BaseCurrency
	text := ""
	switch id.Col {
	case 0:
		text = jl.Date.Format(kit.UILang)
	case 1:
		text = jl.Number
	case 2:
		text = jl.Line.Account
	case 3:
		text = kit.FormatAmount(jl.Line.Debit, cur)
	case 4:
		text = kit.FormatAmount(jl.Line.Credit, cur)
	case 5:
		text = jl.Line.Memo
		if text == "" {
			text = jl.Memo
		}
	}
	l.SetText(text)
}
