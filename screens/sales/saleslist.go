package sales

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// docPageSize is how many documents one fetch brings; the table asks only
// for the pages it shows.
const docPageSize = 100

// docList is one list of the Sales tab: a virtualised table of one kind of
// document over Sales.DocRows, searched as you type and filtered by status
// and issue dates. Invoices and credit notes have a check column for batch
// export.
type docList struct {
	s    *salesScreen
	kind app.DocKind

	filter   app.DocFilter
	rows     *kit.PagedRows[app.DocRow]
	selected map[string]bool // checked document IDs
	off      int             // 1 when the check column is left out
	debounce kit.Debouncer

	search, from, to *widget.Entry
	status           *widget.Select
	statuses         []app.DocStatus
	filterMsg        *widget.Label
	countText        *widget.Label
	exportSel        *widget.Button
	table            *widget.Table
}

func newDocList(s *salesScreen, k app.DocKind) *docList {
	return &docList{s: s, kind: k, filter: app.DocFilter{Kind: k},
		rows: kit.NewPagedRows[app.DocRow](docPageSize, s.deps, s.win), selected: map[string]bool{}}
}

// checkable reports whether the list offers batch export.
func (l *docList) checkable() bool { return l.kind == app.KindInvoice || l.kind == app.KindCreditNote }

var docColumns = []kit.Column{
	{Key: "sales.col.check", Fallback: "", Width: 44},
	{Key: "sales.col.number", Fallback: "Number", Width: 130},
	{Key: "sales.col.customer", Fallback: "Customer", Width: 300},
	{Key: "sales.col.issue", Fallback: "Issued", Width: 110},
	{Key: "sales.col.due", Fallback: "Due", Width: 110},
	{Key: "sales.col.total", Fallback: "Total", Width: 140},
	{Key: "sales.col.currency", Fallback: "Currency", Width: 80},
	{Key: "sales.col.status", Fallback: "Status", Width: 180},
}

// kindStatuses are the statuses the filter offers for a kind.
func kindStatuses(k app.DocKind) []app.DocStatus {
	switch k {
	case app.KindQuote:
		return []app.DocStatus{app.StatusDraft, app.StatusIssued, app.StatusAccepted}
	case app.KindOrder:
		return []app.DocStatus{app.StatusDraft, app.StatusIssued, app.StatusInvoiced}
	case app.KindInvoice:
		return []app.DocStatus{app.StatusDraft, app.StatusIssued, app.StatusPartlyPaid, app.StatusPaid, app.StatusOverdue, app.StatusCredited}
	}
	return []app.DocStatus{app.StatusDraft, app.StatusIssued}
}

func (l *docList) buildUI() fyne.CanvasObject {
	if !l.checkable() {
		l.off = 1
	}
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder(lang.X("sales.search", "Search number or customer…"))
	l.from, l.to = widget.NewEntry(), widget.NewEntry()
	l.from.SetPlaceHolder(kit.DatePlaceholder())
	l.to.SetPlaceHolder(kit.DatePlaceholder())
	for _, e := range []*widget.Entry{l.search, l.from, l.to} {
		e.OnChanged = func(string) { l.debounce.Do(l.apply) }
		e.OnSubmitted = func(string) { l.apply() }
	}
	l.statuses = kindStatuses(l.kind)
	opts := []string{lang.X("sales.status_any", "Any status")}
	for _, st := range l.statuses {
		opts = append(opts, kit.DocStatusName(st))
	}
	l.status = widget.NewSelect(opts, nil)
	l.status.SetSelectedIndex(0)
	l.status.OnChanged = func(string) { l.apply() }
	l.filterMsg = widget.NewLabel("")
	l.filterMsg.Importance = widget.DangerImportance
	l.filterMsg.Truncation = fyne.TextTruncateEllipsis
	l.filterMsg.Hide()
	l.countText = widget.NewLabel("")

	filters := container.NewHBox(
		widget.NewLabel(lang.X("journal.from", "From")), kit.Sized(l.from, 120),
		widget.NewLabel(lang.X("journal.to", "To")), kit.Sized(l.to, 120),
		kit.Sized(l.status, 170))
	var actions []fyne.CanvasObject
	if l.kind != app.KindCreditNote && l.s.deps.Can(app.PermSalesWrite) {
		add := widget.NewButtonWithIcon(newDocLabel(l.kind), theme.ContentAddIcon(), func() { l.s.newDoc(l.kind) })
		add.Importance = widget.HighImportance
		actions = append(actions, add)
	}
	if l.checkable() {
		l.exportSel = widget.NewButtonWithIcon(lang.X("sales.export_selected", "Export selected…"), theme.DocumentSaveIcon(), func() { l.exportBatch(true) })
		all := widget.NewButtonWithIcon(lang.X("sales.export_all", "Export all listed…"), theme.DocumentSaveIcon(), func() { l.exportBatch(false) })
		actions = append(actions, l.exportSel, all)
	}
	refresh := widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), l.reload)
	actions = append(actions, refresh)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(actions...), l.search)
	bottom := container.NewBorder(nil, nil, filters, nil, l.filterMsg)
	bar := container.NewVBox(top, bottom)

	l.table = widget.NewTableWithHeaders(
		func() (int, int) { return l.rows.Count, len(docColumns) - l.off },
		func() fyne.CanvasObject {
			return container.NewStack(widget.NewCheck("", nil), widget.NewLabel(""))
		},
		l.updateCell)
	l.table.ShowHeaderColumn = false
	l.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	l.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			lb := o.(*widget.Label)
			c := docColumns[id.Col+l.off]
			lb.SetText("")
			switch {
			case c.Key == "sales.col.due" && l.kind == app.KindQuote:
				lb.SetText(lang.X("field.doc.valid_until", "Valid until"))
			case c.Key == "sales.col.due":
				lb.SetText(lang.X("field.doc.due_date", "Due date"))
			case c.Key != "sales.col.check":
				lb.SetText(lang.X(c.Key, c.Fallback))
			}
			lb.Alignment = kit.ColumnAlign(id.Col+l.off == 5)
		}
	}
	for i, c := range docColumns[l.off:] {
		l.table.SetColumnWidth(i, c.Width)
	}
	l.table.OnSelected = func(id widget.TableCellID) {
		l.table.UnselectAll()
		id.Col += l.off
		d, ok := l.rows.Row(id.Row)
		if !ok {
			return
		}
		if id.Col == 0 && l.checkable() {
			l.toggle(d, !l.selected[d.ID])
			return
		}
		l.s.openDoc(d.ID)
	}
	l.rows.Table, l.rows.OnPage = l.table, l.updateCount
	l.reload()
	return container.NewBorder(bar, l.countText, nil, nil, l.table)
}

// newDocLabel is the "New …" button of a list.
func newDocLabel(k app.DocKind) string {
	switch k {
	case app.KindQuote:
		return lang.X("sales.new_quote", "New quote")
	case app.KindOrder:
		return lang.X("sales.new_order", "New order")
	}
	return lang.X("sales.new_invoice", "New invoice")
}

// readFilter reads the filter bar; a wrong date names its field.
func (l *docList) readFilter() (app.DocFilter, error) {
	f := app.DocFilter{Kind: l.kind, Search: strings.TrimSpace(l.search.Text)}
	var err error
	if f.From, err = kit.ParseOptionalDate(l.from.Text, "filter.from"); err != nil {
		return f, err
	}
	if f.To, err = kit.ParseOptionalDate(l.to.Text, "filter.to"); err != nil {
		return f, err
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, app.Invalid("filter.to", "err.period.reversed", "the end of the period is before its start", nil)
	}
	if i := l.status.SelectedIndex(); i > 0 {
		f.Status = l.statuses[i-1]
	}
	return f, nil
}

// apply reads the filter bar and reloads; while a date is half typed the
// message says so under the bar and the list stays as it was.
func (l *docList) apply() {
	f, err := l.readFilter()
	if err != nil {
		l.filterMsg.SetText(app.ErrorMessage(err, kit.Translator()))
		l.filterMsg.Show()
		return
	}
	l.filterMsg.Hide()
	l.filter = f
	l.reload()
}

// reload drops the cached pages and fetches the first one with the count.
func (l *docList) reload() {
	f, svc := l.filter, l.s.deps.Services.Sales
	l.rows.Reset(func(ctx context.Context, offset, limit int) ([]app.DocRow, int, error) {
		return svc.DocRows(ctx, f, offset, limit)
	})
	l.rows.Fetch(0)
}

// updateCount shows how many documents match and how many are checked.
func (l *docList) updateCount() {
	text := kit.Plural("sales.count", l.rows.Count, "{{.n}} document", "{{.n}} documents", nil)
	if len(l.selected) > 0 {
		text += " · " + kit.Plural("sales.selected", len(l.selected), "{{.n}} selected", "{{.n}} selected", nil)
	}
	l.countText.SetText(text)
	if l.exportSel != nil {
		if len(l.selected) == 0 {
			l.exportSel.Disable()
		} else {
			l.exportSel.Enable()
		}
	}
}

// toggle checks or unchecks a document for batch export; drafts have no PDF.
func (l *docList) toggle(d app.DocRow, on bool) {
	if on && d.Status != app.StatusDraft {
		l.selected[d.ID] = true
	} else {
		delete(l.selected, d.ID)
	}
	l.updateCount()
	if !l.rows.Updating {
		l.table.Refresh()
	}
}

func (l *docList) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	id.Col += l.off
	l.rows.Updating = true
	defer func() { l.rows.Updating = false }()
	stack := o.(*fyne.Container)
	check, lb := stack.Objects[0].(*widget.Check), stack.Objects[1].(*widget.Label)
	lb.Truncation = fyne.TextTruncateEllipsis
	lb.Alignment = kit.ColumnAlign(id.Col == 5)
	lb.Importance = widget.MediumImportance
	d, ok := l.rows.Row(id.Row)
	if id.Col == 0 {
		lb.Hide()
		check.OnChanged = nil
		if !ok || !l.checkable() || d.Status == app.StatusDraft {
			check.Hide()
			return
		}
		check.Show()
		check.SetChecked(l.selected[d.ID])
		check.OnChanged = func(on bool) { l.toggle(d, on) }
		return
	}
	check.Hide()
	lb.Show()
	if !ok {
		lb.SetText("…")
		return
	}
	text := ""
	switch id.Col {
	case 1:
		text = d.Number
		if text == "" {
			text = lang.X("sales.draft_number", "(draft)")
		}
	case 2:
		text = d.Customer
	case 3:
		text = d.IssueDate.Format(kit.UILang)
	case 4:
		text = d.DueDate.Format(kit.UILang)
		if d.Kind == app.KindQuote {
			text = d.ValidUntil.Format(kit.UILang)
		}
	case 5:
		text = app.FormatMinor(d.Total, app.MinorDigits(d.Currency), kit.UILang)
	case 6:
		text = d.Currency
	case 7:
		st := d.StatusOn(app.Today(l.s.deps.Clock()))
		text = kit.DocStatusName(st)
		lb.Importance = kit.StatusImportance(st)
	}
	lb.SetText(text)
}
