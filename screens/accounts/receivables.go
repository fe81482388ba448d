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

// agingPage is how many documents one read of an aging fetches.
const agingPage = 500

// receivablesPane is the aging of open receivables (or, switched, payables)
// as of a day: a row per customer split into the overdue buckets, a totals
// row, and a bar chart of the bucket totals. A customer's row opens their
// statement.
type receivablesPane struct {
	parent *accountsScreen

	asOf     *widget.Entry
	which    *widget.RadioGroup // receivables or payables; nil without payables
	payables bool               // the aging shown is of payables
	rows     []app.AgingRow
	totals   [app.AgingBuckets]int64
	day      app.Date // the day of the aging shown
	selected int      // the selected row, -1 for none
	table    *widget.Table
	chart    *barChart
	info     *widget.Label
	stmtB    *widget.Button
	showB    *widget.Button
	gen      int
}

func newReceivablesPane(s *accountsScreen) *receivablesPane {
	return &receivablesPane{parent: s, selected: -1}
}

// agingColumns are the columns of the aging table: the party, the buckets in
// app.AgingBucket order, the total.
var agingColumns = []kit.Column{
	{Key: "aging.col.customer", Fallback: "Customer / supplier", Width: 280},
	{Key: "aging.current", Fallback: "Not yet due", Width: 130},
	{Key: "aging.1-30", Fallback: "1–30 days", Width: 130},
	{Key: "aging.31-60", Fallback: "31–60 days", Width: 130},
	{Key: "aging.61-90", Fallback: "61–90 days", Width: 130},
	{Key: "aging.over-90", Fallback: "Over 90 days", Width: 130},
	{Key: "aging.col.total", Fallback: "Total", Width: 140},
}

// bucketName is the translated name of an aging bucket.
func bucketName(b app.AgingBucket) string {
	c := agingColumns[int(b)+1]
	return lang.X(c.Key, c.Fallback)
}

func (p *receivablesPane) buildUI() fyne.CanvasObject {
	p.asOf = widget.NewEntry()
	p.asOf.SetPlaceHolder(kit.DatePlaceholder())
	p.asOf.SetText(kit.FormatDateInput(app.Today(p.parent.clock())))
	p.asOf.OnSubmitted = func(string) { p.reload() }
	p.showB = widget.NewButtonWithIcon(lang.X("aging.show", "Show"), theme.ViewRefreshIcon(), p.reload)
	p.showB.Importance = widget.HighImportance
	p.stmtB = widget.NewButtonWithIcon(lang.X("aging.statement", "Statement…"), theme.MailSendIcon(), p.openStatement)
	p.stmtB.Disable()
	p.info = widget.NewLabel("")
	bar := container.NewHBox(widget.NewLabel(lang.X("aging.as_of", "As of")), kit.Sized(p.asOf, 140), p.showB)
	if p.parent.deps.Can(app.PermPayables) {
		recv, pay := lang.X("aging.receivables", "Receivables"), lang.X("aging.payables", "Payables")
		p.which = widget.NewRadioGroup([]string{recv, pay}, func(v string) {
			if on := v == pay; on != p.payables {
				p.payables = on
				p.reload()
			}
		})
		p.which.Horizontal = true
		p.which.Required = true
		p.which.SetSelected(recv)
		bar.Add(p.which)
	}
	bar.Add(p.stmtB)
	bar.Add(p.info)

	p.table = kit.NewColumnTable(agingColumns, func() int {
		if len(p.rows) == 0 {
			return 0
		}
		return len(p.rows) + 1
	}, p.updateCell, func(c int) bool { return c >= 1 })
	p.table.OnSelected = func(id widget.TableCellID) {
		p.selected = -1
		if id.Row >= 0 && id.Row < len(p.rows) {
			p.selected = id.Row
		}
		p.updateButtons()
	}
	p.table.OnUnselected = func(widget.TableCellID) {
		p.selected = -1
		p.updateButtons()
	}
	p.chart = newBarChart(lang.X("aging.chart", "Open amounts by days overdue"), func(v int64) string {
		return kit.FormatMoney(v, p.parent.company.BaseCurrency)
	})
	split := container.NewVSplit(p.table, container.NewPadded(p.chart))
	split.Offset = 0.55
	body := container.NewBorder(bar, nil, nil, nil, split)
	p.reload()
	return body
}

// reload reads the open documents and ages them as of the chosen day.
func (p *receivablesPane) reload() {
	day, err := app.ParseDate(p.asOf.Text)
	if err != nil {
		kit.ShowError(app.WithField(err, "aging.as_of"), p.parent.win)
		return
	}
	p.gen++
	gen, payables, svc := p.gen, p.payables, p.parent.deps.Services
	today := app.Today(p.parent.clock())
	kit.Call(p.parent.deps, kit.To{Win: p.parent.win, Stale: func() bool { return gen != p.gen }}, func(ctx context.Context) ([]app.AgingRow, error) {
		if payables {
			return agePayables(ctx, svc, day, today)
		}
		return ageReceivables(ctx, svc, day, today)
	}, func(rows []app.AgingRow) { p.show(rows, day) })
}

// show puts an aging on screen.
func (p *receivablesPane) show(rows []app.AgingRow, day app.Date) {
	p.rows, p.day, p.totals = rows, day, app.AgingTotals(rows)
	p.selected = -1
	p.table.UnselectAll()
	p.table.Refresh()
	labels := make([]string, app.AgingBuckets)
	for b := range labels {
		labels[b] = bucketName(app.AgingBucket(b))
	}
	name := lang.X("aging.receivables", "Receivables")
	if p.payables {
		name = lang.X("aging.payables", "Payables")
	}
	p.chart.SetData(labels, []barSeries{{name: name, color: chartColors()[0], values: p.totals[:]}})
	var sum int64
	for _, v := range p.totals {
		sum += v
	}
	p.info.SetText(kit.Plural("aging.info", len(rows), "{{.n}} partner with open documents, {{.total}} in all", "{{.n}} partners with open documents, {{.total}} in all", map[string]any{"total": kit.FormatMoney(sum, p.parent.company.BaseCurrency)}))
	p.updateButtons()
}

// updateButtons enables Statement… for a receivables row of a known customer.
func (p *receivablesPane) updateButtons() {
	if !p.payables && p.selected >= 0 && p.selected < len(p.rows) && p.rows[p.selected].CustomerID != "" {
		p.stmtB.Enable()
	} else {
		p.stmtB.Disable()
	}
	if p.payables {
		p.stmtB.Hide()
	} else {
		p.stmtB.Show()
	}
}

func (p *receivablesPane) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Alignment = kit.ColumnAlign(id.Col >= 1)
	l.TextStyle = fyne.TextStyle{}
	cur := p.parent.company.BaseCurrency
	var name string
	var buckets [app.AgingBuckets]int64
	var total int64
	switch {
	case id.Row < len(p.rows):
		r := p.rows[id.Row]
		name, buckets, total = r.Customer, r.Buckets, r.Total
	case id.Row == len(p.rows) && len(p.rows) > 0:
		l.TextStyle.Bold = true
		name, buckets = lang.X("aging.total", "Total"), p.totals
		for _, v := range buckets {
			total += v
		}
	}
	switch {
	case id.Col == 0:
		l.SetText(name)
	case id.Col <= app.AgingBuckets:
		l.SetText(kit.FormatAmount(buckets[id.Col-1], cur))
	default:
		l.SetText(kit.FormatAmount(total, cur))
	}
}

// openStatement opens the selected customer's statement up to the aging day.
func (p *receivablesPane) openStatement() {
	if p.selected < 0 || p.selected >= len(p.rows) {
		return
	}
	r, day := p.rows[p.selected], p.day
	customers := p.parent.deps.Services.Customers
	kit.Call(p.parent.deps, kit.To{Win: p.parent.win}, func(ctx context.Context) (app.Customer, error) {
		cust, err := customers.Customer(ctx, r.CustomerID)
		if app.ErrorCode(err) == app.ENOTFOUND {
			return app.Customer{ID: r.CustomerID, Name: r.Customer}, nil
		}
		return cust, err
	}, func(cust app.Customer) { openStatement(p.parent, cust, day) })
}

// ageReceivables ages the issued invoices and credit notes as they stood at
// the end of day (payments and credit notes after it taken back out). Only
// documents with something open are kept while reading, so memory follows
// the open items, not the history.
func ageReceivables(ctx context.Context, svc app.Services, day, today app.Date) ([]app.AgingRow, error) {
	docs, err := app.ReceivablesAsOf(ctx, svc.Sales, day, today)
	if err != nil {
		return nil, err
	}
	return app.AgeReceivables(docs, day), nil
}

// agePayables ages the received invoices with something left to pay at the
// end of day.
func agePayables(ctx context.Context, svc app.Services, day, today app.Date) ([]app.AgingRow, error) {
	ps, err := app.PayablesAsOf(ctx, svc.Payables, day, today)
	if err != nil {
		return nil, err
	}
	return app.AgePayables(ps, day), nil
}
