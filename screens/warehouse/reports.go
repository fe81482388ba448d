package warehouse

import (
	"context"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// reportView shows one app.ReportTable: its title and period, the table
// (total rows bold), its notes, and PDF and CSV export.
type reportView struct {
	v      *View
	report *app.ReportTable
	title  *widget.Label
	notes  *widget.Label
	table  *widget.Table
	pdf    *widget.Button
	csv    *widget.Button
	ui     fyne.CanvasObject
}

func newReportView(v *View) *reportView {
	r := &reportView{v: v}
	r.title = kit.Heading("")
	r.notes = widget.NewLabel("")
	r.notes.Wrapping = fyne.TextWrapWord
	r.table = widget.NewTableWithHeaders(func() (int, int) {
		if r.report == nil {
			return 0, 0
		}
		return len(r.report.Rows), len(r.report.Columns)
	}, func() fyne.CanvasObject { return widget.NewLabel("") }, r.updateCell)
	r.table.ShowHeaderColumn = false
	r.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	r.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if r.report == nil || id.Col < 0 || id.Col >= len(r.report.Columns) {
			l.SetText("")
			return
		}
		c := r.report.Columns[id.Col]
		l.Alignment = kit.ColumnAlign(c.Numeric)
		l.Truncation = fyne.TextTruncateEllipsis
		l.SetText(c.Title)
	}
	r.pdf = widget.NewButtonWithIcon(lang.X("reports.export_pdf", "PDF"), theme.DocumentPrintIcon(), r.exportPDF)
	r.csv = widget.NewButtonWithIcon(lang.X("reports.export_csv", "CSV"), theme.DocumentSaveIcon(), r.exportCSV)
	r.pdf.Disable()
	r.csv.Disable()
	r.ui = container.NewBorder(r.title, r.notes, nil, nil, r.table)
	return r
}

func (r *reportView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	if r.report == nil || id.Row >= len(r.report.Rows) || id.Col >= len(r.report.Columns) {
		l.SetText("")
		return
	}
	row := r.report.Rows[id.Row]
	l.Alignment = kit.ColumnAlign(r.report.Columns[id.Col].Numeric)
	l.TextStyle = fyne.TextStyle{Bold: row.Total}
	text := ""
	if id.Col < len(row.Cells) {
		text = row.Cells[id.Col]
	}
	l.Importance = widget.MediumImportance
	if redColumn(r.report.Kind, id.Col) && (strings.HasPrefix(text, "-") || strings.HasPrefix(text, "−")) {
		l.Importance = widget.DangerImportance
	}
	l.SetText(text)
}

// redColumn says which columns of a report show a level, red when it is
// below zero (a move's own negative value is not alarming).
func redColumn(k app.ReportKind, col int) bool {
	switch k {
	case app.ReportStockLevels:
		return col == 3 || col == 6
	case app.ReportStockCard:
		return col == 7 || col == 8
	}
	return false
}

// set shows rep, its columns as wide as their weights share of width.
func (r *reportView) set(rep app.ReportTable, width float32) {
	r.report = &rep
	r.title.SetText(rep.Title + " — " + rep.Period)
	r.notes.SetText(strings.Join(rep.Notes, "\n"))
	// Each column also takes the cell's padding and its divider.
	width -= float32(len(rep.Columns)) * 2 * theme.Padding()
	var sum float64
	for _, c := range rep.Columns {
		sum += max(c.Weight, 0.5)
	}
	for i, c := range rep.Columns {
		least := float32(60)
		if c.Weight >= 1 {
			least = 120 // a code or a date is never cut
		}
		r.table.SetColumnWidth(i, max(float32(float64(width)*max(c.Weight, 0.5)/sum), least))
	}
	r.pdf.Enable()
	r.csv.Enable()
	r.table.Refresh()
}

// fileName is the suggested name of an exported report.
func (r *reportView) fileName(ext string) string {
	rep := r.report
	name := string(rep.Kind)
	if !rep.From.IsZero() {
		name += "-" + rep.From.String()
	}
	return name + "-" + rep.To.String() + ext
}

// exportPDF saves the report as a PDF through the printer and opens it.
func (r *reportView) exportPDF() {
	if r.report == nil {
		return
	}
	kit.SaveFileAs(r.v.win, r.fileName(".pdf"), ".pdf", func(path string) { r.writePDF(path) })
}

func (r *reportView) writePDF(path string) {
	rep, d := *r.report, r.v.deps
	kit.Run(d, kit.To{Win: r.v.win}, func(ctx context.Context) error {
		c, err := d.Services.Company.Company(ctx)
		if err != nil {
			return err
		}
		return kit.WriteFileAtomic(path, func(f *os.File) error { return d.Printer.Print(f, rep, c) })
	}, func() {
		r.notes.SetText(strings.TrimSpace(strings.Join(rep.Notes, "\n") + "\n" + lang.X("reports.saved", "Saved {{.path}}", map[string]any{"path": path})))
		kit.OpenFile(path)
	})
}

// exportCSV saves the report as CSV.
func (r *reportView) exportCSV() {
	if r.report == nil {
		return
	}
	kit.SaveFileAs(r.v.win, r.fileName(".csv"), ".csv", func(path string) { r.writeCSV(path) })
}

func (r *reportView) writeCSV(path string) {
	rep := *r.report
	kit.Run(r.v.deps, kit.To{Win: r.v.win}, func(context.Context) error {
		return kit.WriteFileAtomic(path, func(f *os.File) error { return rep.WriteCSV(f) })
	}, func() {
		r.notes.SetText(strings.TrimSpace(strings.Join(rep.Notes, "\n") + "\n" + lang.X("reports.saved", "Saved {{.path}}", map[string]any{"path": path})))
	})
}

// stockData is what the warehouse reports are laid out from: every stock
// item's moves up to a day, read through the stock card.
type stockData struct {
	cat   app.StockCatalog
	moves map[string][]app.StockMove // by item, in posting order
}

// loadStockData reads the catalog and each stock item's moves up to day.
func loadStockData(ctx context.Context, svc app.Services, day app.Date) (stockData, error) {
	sd := stockData{cat: app.StockCatalog{Stock: map[string]app.StockItem{}, Items: map[string]app.Item{}, Locations: map[string]app.Location{}, Lang: kit.UILang},
		moves: map[string][]app.StockMove{}}
	items, err := svc.PriceList.Items(ctx)
	if err != nil {
		return sd, err
	}
	for _, it := range items {
		sd.cat.Items[it.ID] = it
	}
	locs, err := svc.Warehouse.Locations(ctx)
	if err != nil {
		return sd, err
	}
	for _, l := range locs {
		sd.cat.Locations[l.ID] = l
	}
	stock, err := svc.Warehouse.StockItems(ctx, "", 0)
	if err != nil {
		return sd, err
	}
	for _, s := range stock {
		sd.cat.Stock[s.ItemID] = s
		ms, err := svc.Warehouse.StockCard(ctx, s.ItemID, "", app.Date{}, day)
		if err != nil {
			return sd, err
		}
		sd.moves[s.ItemID] = ms
	}
	return sd, nil
}

// positions are the positions' levels at the end of day: the last move of
// each item in each location on or before it.
func (sd stockData) positions(day app.Date) map[app.PosKey]app.Position {
	out := map[app.PosKey]app.Position{}
	for item, ms := range sd.moves {
		for _, m := range ms {
			if m.Date.After(day) {
				break
			}
			out[app.PosKey{Item: item, Location: m.Location}] = app.Position{Qty: m.QtyAfter, Value: m.ValueAfter, Last: m.Date}
		}
	}
	return out
}

// levels are the items' quantities over all locations at the end of day.
func (sd stockData) levels(day app.Date) map[string]app.Qty {
	out := map[string]app.Qty{}
	for k, p := range sd.positions(day) {
		out[k.Item] += p.Qty
	}
	return out
}

// lastIssues are the days each item was last issued on or before day.
func (sd stockData) lastIssues(day app.Date) map[string]app.Date {
	out := map[string]app.Date{}
	for item, ms := range sd.moves {
		for _, m := range ms {
			if m.Date.After(day) {
				break
			}
			if m.Kind == app.StockIssue && m.Qty < 0 {
				out[item] = m.Date
			}
		}
	}
	return out
}

// lots are the lots on hand at the end of day, each the sum of its moves.
func (sd stockData) lots(day app.Date) []app.LotLevel {
	type key struct{ item, loc, lot string }
	at := map[key]*app.LotLevel{}
	var order []key
	for item, ms := range sd.moves {
		for _, m := range ms {
			if m.Date.After(day) {
				break
			}
			if m.Lot == "" {
				continue
			}
			k := key{item, m.Location, m.Lot}
			l, ok := at[k]
			if !ok {
				l = &app.LotLevel{Item: item, Location: m.Location, Lot: m.Lot}
				at[k] = l
				order = append(order, k)
			}
			if !m.Expiry.IsZero() {
				l.Expiry = m.Expiry
			}
			l.Qty += m.Qty
			l.Value += m.Value
		}
	}
	out := make([]app.LotLevel, 0, len(order))
	for _, k := range order {
		out = append(out, *at[k])
	}
	return out
}

// reportKinds are the warehouse's reports in the order the pane offers them.
var reportKinds = []app.ReportKind{app.ReportStockLevels, app.ReportReorder, app.ReportSlowMovers, app.ReportLotExpiry}

func reportName(k app.ReportKind) string {
	switch k {
	case app.ReportReorder:
		return lang.X("warehouse.report.reorder", "Reorder list")
	case app.ReportSlowMovers:
		return lang.X("warehouse.report.slow_movers", "Slow movers")
	case app.ReportLotExpiry:
		return lang.X("warehouse.report.lot_expiry", "Lot expiry")
	}
	return lang.X("warehouse.report.stock_levels", "Stock levels and value")
}

// reportsPane shows a warehouse report as of a day.
type reportsPane struct {
	v    *View
	kind *widget.Select
	day  *widget.Entry
	days *widget.Entry
	fs   *kit.FieldSet
	show *widget.Button
	view *reportView
}

func newReportsPane(v *View) *reportsPane { return &reportsPane{v: v} }

func (p *reportsPane) buildUI() fyne.CanvasObject {
	p.view = newReportView(p.v)
	p.fs = kit.NewFieldSet()
	p.kind = newSelect(kit.Names(reportKinds, reportName), func(string) { p.kindChanged() })
	p.day = widget.NewEntry()
	p.day.SetPlaceHolder(kit.DatePlaceholder())
	p.day.SetText(kit.FormatDateInput(app.Today(p.v.deps.Clock())))
	p.days = widget.NewEntry()
	p.days.SetText("90")
	p.fs.Add("report.kind", "Report", p.kind)
	p.fs.Add("report.day", "As of", p.day)
	p.fs.Add("report.days", "Days", p.days)
	p.show = widget.NewButtonWithIcon(lang.X("reports.show", "Show"), theme.SearchIcon(), p.run)
	p.show.Importance = widget.HighImportance
	p.day.OnSubmitted = func(string) { p.run() }
	p.days.OnSubmitted = func(string) { p.run() }
	form := p.fs.Object()
	p.kind.SetSelectedIndex(0)
	left := container.NewVBox(form, container.NewHBox(p.show), container.NewHBox(p.view.pdf, p.view.csv))
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(330, left.MinSize().Height), left), nil, p.view.ui)
}

func (p *reportsPane) kindChanged() {
	k := reportKinds[max(p.kind.SelectedIndex(), 0)]
	p.fs.ByKey["report.days"].SetVisible(k == app.ReportSlowMovers || k == app.ReportLotExpiry)
}

// reload shows the chosen report again (the stock may have moved).
func (p *reportsPane) reload() { p.run() }

// run reads the moves and lays the chosen report out.
func (p *reportsPane) run() {
	p.fs.Clear()
	k := reportKinds[max(p.kind.SelectedIndex(), 0)]
	day, err := app.ParseDate(p.day.Text)
	if err != nil {
		p.fs.MarkAll(app.WithField(err, "report.day"))
		return
	}
	days := 0
	if k == app.ReportSlowMovers || k == app.ReportLotExpiry {
		days, err = strconv.Atoi(strings.TrimSpace(p.days.Text))
		if err != nil || days < 0 || days > 3660 {
			p.fs.MarkAll(app.Invalid("report.days", "err.warehouse.days", "enter a number of days from 0 to 3660", nil))
			return
		}
	}
	svc := p.v.deps.Services
	width := p.view.table.Size().Width - 20
	if width < 600 {
		width = 900
	}
	kit.Call(p.v.deps, kit.To{Win: p.v.win, Fields: p.fs, Busy: kit.ButtonsBusy(p.show)}, func(ctx context.Context) (app.ReportTable, error) {
		sd, err := loadStockData(ctx, svc, day)
		if err != nil {
			return app.ReportTable{}, err
		}
		t := kit.Translator()
		switch k {
		case app.ReportReorder:
			return app.ReorderReport(sd.cat, sd.levels(day), day, t), nil
		case app.ReportSlowMovers:
			return app.SlowMoversReport(sd.cat, sd.positions(day), sd.lastIssues(day), day, days, t), nil
		case app.ReportLotExpiry:
			return app.LotExpiryReport(sd.cat, sd.lots(day), day, days, t), nil
		}
		return app.StockLevelsReport(sd.cat, sd.positions(day), day, t), nil
	}, func(r app.ReportTable) { p.view.set(r, width) })
}
