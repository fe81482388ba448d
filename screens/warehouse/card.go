package warehouse

import (
	"context"
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

// cardView is an item's stock card: its moves with the running quantity
// and value between two days, and a chart of the level over them.
type cardView struct {
	v        *View
	si       app.StockItem
	from, to *widget.Entry
	fs       *kit.FieldSet
	report   *reportView
	chart    *levelChart
	dlg      dialog.Dialog
}

// showCard opens the stock card of si, from the start of the year to today.
func (v *View) showCard(si app.StockItem) {
	c := &cardView{v: v, si: si}
	today := app.Today(v.deps.Clock())
	c.fs = kit.NewFieldSet()
	c.from = c.fs.Entry("card.from", "From", kit.DatePlaceholder())
	c.to = c.fs.Entry("card.to", "To", kit.DatePlaceholder())
	c.from.SetText(kit.FormatDateInput(app.D(today.Year(), time.January, 1)))
	c.to.SetText(kit.FormatDateInput(today))
	c.from.OnSubmitted = func(string) { c.reload() }
	c.to.OnSubmitted = func(string) { c.reload() }
	show := widget.NewButtonWithIcon(lang.X("reports.show", "Show"), theme.SearchIcon(), c.reload)
	c.report = newReportView(v)
	c.chart = newLevelChart()
	top := container.NewHBox(c.fs.Fields[0].Label, kit.Sized(c.fs.Fields[0].Input, 140), c.fs.Fields[1].Label, kit.Sized(c.fs.Fields[1].Input, 140),
		show, c.report.pdf, c.report.csv)
	msgs := container.NewVBox(c.fs.Fields[0].Msg, c.fs.Fields[1].Msg)
	split := container.NewVSplit(c.report.ui, c.chart)
	split.Offset = 0.6
	body := container.NewBorder(container.NewVBox(top, msgs), nil, nil, nil, split)
	it := v.cat.items[si.ItemID]
	title := lang.X("warehouse.card.title", "Stock card {{.code}} {{.name}}", map[string]any{"code": it.Code, "name": it.Name})
	d := dialog.NewCustom(title, lang.X("action.close", "Close"), body, v.win)
	c.dlg = d
	v.card = c
	size := v.win.Canvas().Size()
	kit.ShowSized(d, fyne.NewSize(min(size.Width-40, 1280), min(size.Height-40, 780)))
	c.reload()
}

// reload reads the item's moves and lays out the card and the chart.
func (c *cardView) reload() {
	c.fs.Clear()
	var es app.Errors
	from, err := app.ParseDate(c.from.Text)
	es.Add(app.WithField(err, "card.from"))
	to, err := app.ParseDate(c.to.Text)
	es.Add(app.WithField(err, "card.to"))
	if err := es.Err(); err != nil {
		c.fs.MarkAll(err)
		return
	}
	if to.Before(from) {
		c.fs.MarkAll(app.Invalid("card.to", "err.period.reversed", "the end of the period is before its start", nil))
		return
	}
	svc := c.v.deps.Services
	item := c.si.ItemID
	type result struct {
		moves []app.StockMove
		cat   app.StockCatalog
	}
	kit.Call(c.v.deps, kit.To{Win: c.v.win, Fields: c.fs}, func(ctx context.Context) (result, error) {
		ms, err := svc.Warehouse.StockCard(ctx, item, "", app.Date{}, to)
		return result{moves: ms}, err
	}, func(r result) {
		cat := app.StockCatalog{Stock: c.v.cat.byID, Items: c.v.cat.items, Locations: c.v.cat.locMap, Lang: kit.UILang}
		rep := app.StockCardReport(cat, item, r.moves, from, to, kit.Translator())
		width := c.report.table.Size().Width - 20
		if width < 600 {
			width = 1150
		}
		c.report.set(rep, width)
		pts := levelSeries(r.moves)
		// The chart starts at the level on from.
		var shown []levelPoint
		var open *levelPoint
		for _, p := range pts {
			if p.Day.Before(from) {
				q := p
				open = &q
				continue
			}
			shown = append(shown, p)
		}
		switch {
		case open != nil:
			shown = append([]levelPoint{{Day: from, Qty: open.Qty}}, shown...)
		case len(shown) > 0 && shown[0].Day.After(from):
			shown = append([]levelPoint{{Day: from}}, shown...)
		}
		c.chart.SetData(shown, from, to)
	})
}
