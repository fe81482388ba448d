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

var (
	stockMethods = []app.StockMethod{app.StockContinuous, app.StockPeriodic}
	costMethods  = []app.CostMethod{app.CostAverage, app.CostFIFO}
)

func stockMethodName(m app.StockMethod) string {
	if m == app.StockPeriodic {
		return lang.X("warehouse.method.periodic", "B — periodic (stock posted at the year's end)")
	}
	return lang.X("warehouse.method.continuous", "A — continuous (each move posted to 132)")
}

func costMethodName(m app.CostMethod) string {
	if m == app.CostFIFO {
		return lang.X("warehouse.costing.fifo", "FIFO (first in, first out)")
	}
	return lang.X("warehouse.costing.average", "Weighted average")
}

// showSetup shows the settings form that switches the warehouse on.
func (v *View) showSetup() {
	fs := kit.NewFieldSet()
	method := newSelect(kit.Names(stockMethods, stockMethodName), nil)
	method.SetSelectedIndex(0)
	fs.Add("warehouse.method", "Stock keeping", method)
	costing := newSelect(kit.Names(costMethods, costMethodName), nil)
	costing.SetSelectedIndex(0)
	fs.Add("warehouse.costing", "Costing method", costing)
	neg := widget.NewCheck(lang.X("warehouse.allow_negative", "Allow issuing more than is on hand (negative stock shown in red)"), nil)
	fs.Add("warehouse.allow_negative", "Negative stock", neg)
	save := widget.NewButtonWithIcon(lang.X("warehouse.switch_on", "Keep stock"), theme.ConfirmIcon(), nil)
	save.Importance = widget.HighImportance
	save.OnTapped = func() {
		fs.Clear()
		s := app.WarehouseSettings{Method: stockMethods[max(method.SelectedIndex(), 0)],
			Costing: costMethods[max(costing.SelectedIndex(), 0)], AllowNegative: neg.Checked}
		kit.Call(v.deps, kit.To{Win: v.win, Fields: fs, Busy: kit.ButtonsBusy(save)}, func(ctx context.Context) (app.WarehouseSettings, error) {
			return v.deps.Services.Warehouse.SaveWarehouseSettings(ctx, s)
		}, func(s app.WarehouseSettings) {
			v.settings = &s
			v.showTabs()
		})
	}
	intro := widget.NewLabel(lang.X("warehouse.setup_intro", "The company keeps no stock yet. Choose how the books keep it; saving switches the warehouse on and adds its accounts (131, 132, 504…) to the chart of accounts."))
	intro.Wrapping = fyne.TextWrapWord
	form := container.NewVBox(kit.Heading(lang.X("warehouse.setup_title", "Warehouse settings")), intro, fs.Object(),
		container.NewHBox(save))
	v.setup = container.NewPadded(container.NewGridWrap(fyne.NewSize(760, form.MinSize().Height), form))
	v.root.Objects = []fyne.CanvasObject{container.NewVScroll(v.setup)}
	v.root.Refresh()
}
