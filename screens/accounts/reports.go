package accounts

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// buildReport lays out a report; tests may replace it.
var buildReport = app.BuildReport

// reportsPane shows any financial report for a date range on screen and
// exports it as PDF or CSV, under a chart of revenue and expenses per month.
type reportsPane struct {
	parent *accountsScreen

	kinds    []app.ReportKind
	kind     *widget.Select
	from, to *widget.Entry
	preset   *widget.Select
	account  *widget.Select
	accounts []app.Account
	acctRow  *fyne.Container
	row1     *fyne.Container // the report choice, relaid when the account shows
	showB    *widget.Button
	pdfB     *widget.Button
	csvB     *widget.Button

	report *app.ReportTable // the report shown, nil before Show
	title  *widget.Label
	notes  *widget.Label
	table  *widget.Table
	gen    int

	monthly *monthlyChart
	split   *container.Split   // the chart above the report; a shown report takes the room
	dlg     *dialog.FileDialog // the last save dialog opened
	vat     *vatFiling         // the row saving the VAT filings (reportsvat.go)
}

func newReportsPane(s *accountsScreen) *reportsPane { return &reportsPane{parent: s} }

// reportKindName is the translated name of a report in the report choice.
func reportKindName(k app.ReportKind) string {
	switch k {
	case app.ReportTrialBalance:
		return lang.X("reports.kind.trial_balance", "Trial balance")
	case app.ReportLedger:
		return lang.X("reports.kind.ledger", "General ledger of an account")
	case app.ReportProfitLoss:
		return lang.X("reports.kind.profit_loss", "Profit and loss")
	case app.ReportBalanceSheet:
		return lang.X("reports.kind.balance_sheet", "Balance sheet")
	case app.ReportVAT:
		return lang.X("reports.kind.vat", "VAT return")
	case app.ReportVATControl:
		return lang.X("reports.kind.vat_control", "VAT control statement")
	case app.ReportEUSales:
		return lang.X("reports.kind.eu_sales", "EU sales list")
	case app.ReportAging:
		return lang.X("reports.kind.aging", "Receivables aging")
	case app.ReportPayablesAging:
		return lang.X("reports.kind.payables_aging", "Payables aging")
	case app.ReportCashBook:
		return lang.X("reports.kind.cash_book", "Cash book")
	case app.ReportBankBook:
		return lang.X("reports.kind.bank_book", "Bank book")
	}
	return string(k)
}

// reportPresets are the period shortcuts, in the preset choice's order.
var reportPresets = []struct{ key, fallback string }{
	{"reports.preset.this_month", "This month"},
	{"reports.preset.last_month", "Last month"},
	{"reports.preset.this_quarter", "This quarter"},
	{"reports.preset.last_quarter", "Last quarter"},
	{"reports.preset.this_year", "This year"},
}

// presetPeriod returns the period of preset i around today.
func presetPeriod(i int, today app.Date) (from, to app.Date) {
	m := today.MonthOf()
	quarter := func(m app.Month) app.Month {
		return app.Month{Year: m.Year, Month: time.Month((int(m.Month)-1)/3*3 + 1)}
	}
	prev := func(m app.Month, n int) app.Month {
		return app.DateOf(time.Date(m.Year, m.Month-time.Month(n), 1, 12, 0, 0, 0, time.UTC)).MonthOf()
	}
	switch i {
	case 1:
		p := prev(m, 1)
		return p.First(), p.Last()
	case 2:
		q := quarter(m)
		return q.First(), prev(q, -2).Last()
	case 3:
		q := prev(quarter(m), 3)
		return q.First(), prev(q, -2).Last()
	case 4:
		return app.Month{Year: m.Year, Month: time.January}.First(), app.Month{Year: m.Year, Month: time.December}.Last()
	}
	return m.First(), m.Last()
}

func (p *reportsPane) buildUI() fyne.CanvasObject {
	p.kinds = app.ReportKinds()
	names := make([]string, len(p.kinds))
	for i, k := range p.kinds {
		names[i] = reportKindName(k)
	}
	p.kind = widget.NewSelect(names, func(string) { p.kindChanged() })
	p.from, p.to = widget.NewEntry(), widget.NewEntry()
	p.from.SetPlaceHolder(kit.DatePlaceholder())
	p.to.SetPlaceHolder(kit.DatePlaceholder())
	p.from.OnSubmitted = func(string) { p.show() }
	p.to.OnSubmitted = func(string) { p.show() }
	presets := make([]string, len(reportPresets))
	for i, pr := range reportPresets {
		presets[i] = lang.X(pr.key, pr.fallback)
	}
	p.preset = widget.NewSelect(presets, func(string) {
		if i := p.preset.SelectedIndex(); i >= 0 {
			from, to := presetPeriod(i, app.Today(p.parent.clock()))
			p.from.SetText(kit.FormatDateInput(from))
			p.to.SetText(kit.FormatDateInput(to))
		}
	})
	p.preset.PlaceHolder = lang.X("reports.preset", "Period…")
	p.account = widget.NewSelect(nil, nil)
	p.account.PlaceHolder = lang.X("reports.choose_account", "Choose an account")
	p.acctRow = container.NewHBox(widget.NewLabel(lang.X("reports.account", "Account")), kit.Sized(p.account, 280))
	p.showB = widget.NewButtonWithIcon(lang.X("reports.show", "Show"), theme.SearchIcon(), p.show)
	p.showB.Importance = widget.HighImportance
	p.pdfB = widget.NewButtonWithIcon(lang.X("reports.export_pdf", "Export PDF…"), theme.DocumentSaveIcon(), p.exportPDF)
	p.csvB = widget.NewButtonWithIcon(lang.X("reports.export_csv", "Export CSV…"), theme.DocumentSaveIcon(), p.exportCSV)

	p.row1 = container.NewHBox(widget.NewLabel(lang.X("reports.kind", "Report")), kit.Sized(p.kind, 280), p.acctRow)
	row2 := container.NewHBox(
		widget.NewLabel(lang.X("journal.from", "From")), kit.Sized(p.from, 130),
		widget.NewLabel(lang.X("journal.to", "To")), kit.Sized(p.to, 130),
		kit.Sized(p.preset, 170), p.showB, p.pdfB, p.csvB)

	p.title = widget.NewLabelWithStyle(lang.X("reports.hint", "Choose a report and a period, then press Show."), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.title.Truncation = fyne.TextTruncateEllipsis
	p.notes = widget.NewLabel("")
	p.notes.Wrapping = fyne.TextWrapWord
	p.table = p.newTable()
	report := container.NewBorder(p.title, p.notes, nil, nil, p.table)

	p.monthly = newMonthlyChart(p.parent)
	p.split = container.NewVSplit(p.monthly.buildUI(), report)
	p.split.Offset = 0.3

	p.kind.SetSelectedIndex(0)
	p.preset.SetSelectedIndex(0)
	p.updateButtons()
	p.loadAccounts()
	p.monthly.reload()
	return container.NewBorder(container.NewVBox(p.row1, row2, p.vatFilingUI()), nil, nil, nil, p.split)
}

// selectedKind is the report chosen.
func (p *reportsPane) selectedKind() app.ReportKind {
	if i := p.kind.SelectedIndex(); i >= 0 {
		return p.kinds[i]
	}
	return app.ReportTrialBalance
}

// kindChanged shows the account choice for the general ledger only.
func (p *reportsPane) kindChanged() {
	if p.acctRow == nil {
		return
	}
	if p.selectedKind() == app.ReportLedger {
		p.acctRow.Show()
	} else {
		p.acctRow.Hide()
	}
	if p.row1 != nil {
		p.row1.Refresh()
	}
}

// loadAccounts fills the account choice of the general ledger.
func (p *reportsPane) loadAccounts() {
	kit.Call(p.parent.deps, kit.To{Win: p.parent.win}, p.parent.deps.Services.Ledger.Accounts, func(accts []app.Account) {
		p.accounts = accts
		opts := make([]string, len(accts))
		for i, a := range accts {
			opts[i] = a.Code + " " + a.Name
		}
		p.account.SetOptions(opts)
	})
}

// updateButtons enables the exports once a report is shown.
func (p *reportsPane) updateButtons() {
	for _, b := range []*widget.Button{p.pdfB, p.csvB} {
		if p.report == nil {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// period reads the dates; a wrong one is reported naming its field.
func (p *reportsPane) period() (from, to app.Date, err error) {
	if from, err = kit.ParseOptionalDate(p.from.Text, "filter.from"); err != nil {
		return
	}
	if to, err = kit.ParseOptionalDate(p.to.Text, "filter.to"); err != nil {
		return
	}
	err = app.ValidatePeriod(from, to)
	return
}

// show builds the chosen report off the UI thread and puts it on screen.
func (p *reportsPane) show() {
	from, to, err := p.period()
	if err != nil {
		kit.ShowError(err, p.parent.win)
		return
	}
	kind, account := p.selectedKind(), ""
	if kind == app.ReportLedger {
		i := p.account.SelectedIndex()
		if i < 0 || i >= len(p.accounts) {
			kit.ShowError(app.Invalid("report.account", "err.required", "is required", nil), p.parent.win)
			return
		}
		account = p.accounts[i].Code
	}
	p.gen++
	gen, svc := p.gen, p.parent.deps.Services
	tr := reportTranslator{lang: kit.UILang}
	// a newer Show keeps the button disabled until its own report is in
	busy := kit.BusyFunc(func(on bool) {
		if on {
			p.showB.Disable()
		} else if gen == p.gen {
			p.showB.Enable()
		}
	})
	kit.Call(p.parent.deps, kit.To{Win: p.parent.win, Busy: busy, Stale: func() bool { return gen != p.gen }}, func(ctx context.Context) (app.ReportTable, error) {
		return buildReport(ctx, svc, kind, from, to, account, tr)
	}, func(r app.ReportTable) { p.setReport(&r) })
}

// setReport shows r: its title and period, its table and its notes.
func (p *reportsPane) setReport(r *app.ReportTable) {
	p.report = r
	p.title.SetText(r.Title + " · " + r.Period)
	p.notes.SetText(strings.Join(r.Notes, "\n"))
	total := 0.0
	for _, c := range r.Columns {
		total += columnWeight(c)
	}
	for i, c := range r.Columns {
		p.table.SetColumnWidth(i, float32(max(100, 1000*columnWeight(c)/total)))
	}
	p.table.Refresh()
	p.table.ScrollToTop()
	p.updateButtons()
	// The report needs the rows more than the chart (the user may drag the
	// divider back).
	if p.split != nil {
		p.split.SetOffset(0)
	}
}

func columnWeight(c app.ReportColumn) float64 {
	if c.Weight <= 0 {
		return 1
	}
	return c.Weight
}

// newTable is the report table: its columns come from the report shown.
func (p *reportsPane) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) {
			if p.report == nil {
				return 0, 0
			}
			return len(p.report.Rows), len(p.report.Columns)
		},
		func() fyne.CanvasObject { return widget.NewLabel("") },
		p.updateCell)
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		if p.report == nil || id.Col < 0 || id.Col >= len(p.report.Columns) {
			l.SetText("")
			return
		}
		c := p.report.Columns[id.Col]
		l.Alignment = kit.ColumnAlign(c.Numeric)
		l.SetText(c.Title)
	}
	return t
}

// updateCell writes a cell; numbers align right, headings and totals are bold.
func (p *reportsPane) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.TextStyle = fyne.TextStyle{}
	l.Importance = widget.MediumImportance
	if p.report == nil || id.Row >= len(p.report.Rows) || id.Col >= len(p.report.Columns) {
		l.SetText("")
		return
	}
	row := p.report.Rows[id.Row]
	l.Alignment = kit.ColumnAlign(p.report.Columns[id.Col].Numeric)
	switch {
	case row.Heading:
		l.TextStyle.Bold = true
		l.Importance = widget.HighImportance
		l.Alignment = fyne.TextAlignLeading
		l.Truncation = fyne.TextTruncateOff // a heading runs into the empty cells beside it
	case row.Total:
		l.TextStyle.Bold = true
	}
	text := ""
	if id.Col < len(row.Cells) && !(row.Heading && id.Col > 0) {
		text = row.Cells[id.Col]
	}
	l.SetText(text)
}
