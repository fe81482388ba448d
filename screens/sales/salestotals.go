package sales

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// totalsView shows a document's recap: base and VAT per rate, rounding, the
// total and, for a foreign currency, the recap in the base currency.
type totalsView struct {
	box *fyne.Container
}

func newTotalsView() *totalsView {
	return &totalsView{box: container.New(layout.NewFormLayout())}
}

// object is the recap at least 420 wide, for the right of a Border.
func (v *totalsView) object() fyne.CanvasObject {
	space := canvas.NewRectangle(nil)
	space.SetMinSize(fyne.NewSize(420, 0))
	return container.NewStack(space, v.box)
}

// withRates fills each line's VAT rate valid on the DUZP (or the issue date),
// as the store does for drafts, so the totals match what will be saved.
func withRates(d app.SalesDoc, c app.Company) app.SalesDoc { return app.WithRates(d, c) }

// liveTotals computes what d's totals will be with c's rates.
func liveTotals(d app.SalesDoc, c app.Company) app.DocTotals {
	d.Supplier.VATPayer = c.VATPayer
	return app.ComputeTotals(withRates(d, c), c.BaseCurrency)
}

// set shows t for d; base is the company's currency.
func (v *totalsView) set(d app.SalesDoc, t app.DocTotals, base string) {
	var objs []fyne.CanvasObject
	row := func(label, value string, strong bool) {
		l := widget.NewLabel(label)
		l.Alignment = fyne.TextAlignTrailing
		val := widget.NewLabel(value)
		val.Alignment = fyne.TextAlignTrailing
		if strong {
			l.TextStyle.Bold, val.TextStyle.Bold = true, true
		}
		objs = append(objs, l, val)
	}
	money := func(v int64, cur string) string { return app.M(v, cur).Format(kit.UILang) }
	cur := d.Currency
	vat := d.ChargesVAT()
	if d.Supplier.VATPayer {
		for _, r := range t.Rates {
			if vat { // no rate where none applies
				args := map[string]any{"rate": r.Rate.Format(kit.UILang)}
				row(lang.X("totals.base_rate", "Base {{.rate}} %", args), money(r.Base, cur), false)
				row(lang.X("totals.vat_rate", "VAT {{.rate}} %", args), money(r.VAT, cur), false)
			}
		}
		row(lang.X("totals.base", "Total without VAT"), money(t.Base, cur), false)
		if vat {
			row(lang.X("totals.vat", "VAT"), money(t.VAT, cur), false)
		}
	}
	if t.Rounding != 0 {
		row(lang.X("totals.rounding", "Rounding"), money(t.Rounding, cur), false)
	}
	row(lang.X("totals.total", "Total"), money(t.Total, cur), true)
	if w := kit.RegimeWording(d); w != "" && d.Supplier.VATPayer {
		row("", w, false)
	}
	if cur != base && cur != "" {
		row(lang.X("totals.rate", "Exchange rate"), d.ExchangeRate.Format(kit.UILang)+" "+base+"/"+cur, false)
		for _, r := range t.Rates {
			if vat {
				args := map[string]any{"rate": r.Rate.Format(kit.UILang)}
				row(lang.X("totals.base_rate_base", "Base {{.rate}} % in the base currency", args), money(r.BaseCZK, base), false)
				row(lang.X("totals.vat_rate_base", "VAT {{.rate}} % in the base currency", args), money(r.VATCZK, base), false)
			}
		}
		row(lang.X("totals.total_base", "Total in the base currency"), money(t.TotalCZK, base), true)
	}
	v.box.Objects = objs
	v.box.Refresh()
}
