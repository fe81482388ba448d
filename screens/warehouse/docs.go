package warehouse

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

const docPageSize = 100

var docKinds = []app.StockDocKind{app.StockReceipt, app.StockIssue, app.StockTransfer, app.StockDifference}

// docKindName is the translated name of a stock document kind.
func docKindName(k app.StockDocKind) string {
	l := k.Label()
	return lang.X(l.Key, l.Fallback)
}

var docStatuses = []app.StockStatus{app.StockDraft, app.StockPosted}

func docStatusName(s app.StockStatus) string {
	if s == app.StockPosted {
		return lang.X("warehouse.status.posted", "Posted")
	}
	return lang.X("warehouse.status.draft", "Draft")
}

// docsPane is the list of stock documents, filtered by kind and status,
// and the form of the one open.
type docsPane struct {
	v      *View
	stack  *fyne.Container
	list   fyne.CanvasObject
	kind   *widget.Select
	status *widget.Select
	table  *widget.Table
	count  *widget.Label
	rows   *kit.PagedRows[app.StockDoc]
	form   *docForm
}

func newDocsPane(v *View) *docsPane { return &docsPane{v: v} }

var docCols = []kit.Column{
	{Key: "warehouse.col.number", Fallback: "Number", Width: 120},
	{Key: "warehouse.col.kind", Fallback: "Kind", Width: 170},
	{Key: "warehouse.col.date", Fallback: "Date", Width: 110},
	{Key: "warehouse.col.status", Fallback: "Status", Width: 100},
	{Key: "warehouse.col.from", Fallback: "Location", Width: 110},
	{Key: "warehouse.col.to", Fallback: "To", Width: 100},
	{Key: "warehouse.col.partner", Fallback: "Partner / note", Width: 330},
	{Key: "warehouse.col.total", Fallback: "Total", Width: 140},
}

func (p *docsPane) buildUI() fyne.CanvasObject {
	p.rows = kit.NewPagedRows[app.StockDoc](docPageSize, p.v.deps, p.v.win)
	all := lang.X("warehouse.filter.all", "All")
	p.kind = newSelect(append([]string{all}, kit.Names(docKinds, docKindName)...), func(string) { p.reload() })
	p.status = newSelect(append([]string{all}, kit.Names(docStatuses, docStatusName)...), func(string) { p.reload() })
	p.count = widget.NewLabel("")
	newBtn := func(k app.StockDocKind, key, fallback string) *widget.Button {
		b := widget.NewButtonWithIcon(lang.X(key, fallback), theme.ContentAddIcon(), func() { p.newDoc(k) })
		return b
	}
	rec := newBtn(app.StockReceipt, "warehouse.new_receipt", "New goods receipt")
	rec.Importance = widget.HighImportance
	fromInv := widget.NewButtonWithIcon(lang.X("warehouse.new_from_purchase", "Receive an invoice…"), theme.DownloadIcon(), p.pickPurchase)
	bar := container.NewHBox(rec, fromInv, newBtn(app.StockIssue, "warehouse.new_issue", "New goods issue"),
		newBtn(app.StockTransfer, "warehouse.new_transfer", "New transfer"),
		widget.NewLabel(lang.X("warehouse.filter.kind", "Kind")), kit.Sized(p.kind, 190),
		widget.NewLabel(lang.X("warehouse.filter.status", "Status")), kit.Sized(p.status, 130))
	p.table = kit.NewColumnTable(docCols, func() int { return p.rows.Count }, p.updateCell, func(c int) bool { return c == 7 })
	p.table.OnSelected = func(id widget.TableCellID) {
		p.table.UnselectAll()
		if d, ok := p.rows.Row(id.Row); ok {
			p.openDoc(d.ID)
		}
	}
	p.rows.Table, p.rows.OnPage = p.table, func() {
		p.count.SetText(kit.Plural("warehouse.docs.count", p.rows.Count, "{{.n}} document", "{{.n}} documents", nil))
	}
	p.list = container.NewBorder(container.NewBorder(nil, nil, bar, p.count), nil, nil, nil, p.table)
	p.stack = container.NewStack(p.list)
	p.kind.SetSelectedIndex(0)
	p.status.SetSelectedIndex(0)
	return p.stack
}

func (p *docsPane) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Alignment = kit.ColumnAlign(id.Col == 7)
	l.Importance = widget.MediumImportance
	p.rows.Updating = true
	d, ok := p.rows.Row(id.Row)
	p.rows.Updating = false
	if !ok {
		l.SetText("")
		return
	}
	text := ""
	switch id.Col {
	case 0:
		text = d.Number
		if text == "" {
			text = "—"
		}
	case 1:
		text = docKindName(d.Kind)
		if d.Storno {
			text = lang.X("warehouse.storno_of", "Storno of {{.number}}", map[string]any{"number": d.OriginalNo})
		}
	case 2:
		text = d.Date.Format(kit.UILang)
	case 3:
		text = docStatusName(d.Status)
		if d.Status == app.StockDraft {
			l.Importance = widget.WarningImportance
		}
	case 4:
		text = p.v.cat.locCode(d.Location)
	case 5:
		if d.ToLocation != "" {
			text = p.v.cat.locCode(d.ToLocation)
		}
	case 6:
		text = d.Partner.Name
		if text == "" && d.SourceNo != "" {
			text = lang.X("warehouse.from_source", "from {{.number}}", map[string]any{"number": d.SourceNo})
		}
		if d.Text != "" {
			if text != "" {
				text += " · "
			}
			text += d.Text
		}
	case 7:
		if d.Status == app.StockPosted {
			text = money(d.Total)
		}
	}
	l.SetText(text)
}

// filter is the list's filter as the selects set it.
func (p *docsPane) filter() app.StockDocFilter {
	var f app.StockDocFilter
	if i := p.kind.SelectedIndex(); i > 0 {
		f.Kind = docKinds[i-1]
	}
	if i := p.status.SelectedIndex(); i > 0 {
		f.Status = docStatuses[i-1]
	}
	return f
}

func (p *docsPane) reload() {
	if p.rows == nil || p.kind == nil || p.status == nil {
		return
	}
	f, svc := p.filter(), p.v.deps.Services.Warehouse
	p.rows.Reset(func(ctx context.Context, offset, limit int) ([]app.StockDoc, int, error) {
		return svc.StockDocs(ctx, f, offset, limit)
	})
	p.rows.Fetch(0)
}

// showList closes the form and shows the list again.
func (p *docsPane) showList() {
	p.form = nil
	p.stack.Objects = []fyne.CanvasObject{p.list}
	p.stack.Refresh()
	p.reload()
}

// newDoc opens the form of a new draft of kind.
func (p *docsPane) newDoc(k app.StockDocKind) {
	d := app.StockDoc{Kind: k, Status: app.StockDraft, Date: app.Today(p.v.deps.Clock())}
	// The first warehouse is the default.
	locs := p.v.cat.activeLocs()
	if len(locs) > 0 {
		d.Location = locs[0].ID
		if k == app.StockTransfer && len(locs) > 1 {
			d.ToLocation = locs[1].ID
		}
	}
	p.show(d)
}

// openDoc reads document id and opens it.
func (p *docsPane) openDoc(id string) {
	kit.Call(p.v.deps, kit.To{Win: p.v.win}, func(ctx context.Context) (app.StockDoc, error) {
		return p.v.deps.Services.Warehouse.StockDoc(ctx, id)
	}, p.show)
}

func (p *docsPane) show(d app.StockDoc) {
	p.form = newDocForm(p, d)
	p.stack.Objects = []fyne.CanvasObject{p.form.ui}
	p.stack.Refresh()
	if p.form.editable() {
		p.v.win.Canvas().Focus(p.form.scan)
	}
}
