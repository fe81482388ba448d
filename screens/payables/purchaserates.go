package payables

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// purchaseVATRow is one VAT rate's base and VAT on the form.
type purchaseVATRow struct {
	kind      string
	rate      app.Rate
	valid     bool // the company has a rate of this kind on the DUZP
	label     *widget.Label
	base, vat *widget.Entry
	sum       *widget.Label
	vatAuto   bool
}

// buildRates makes a row for each kind of VAT rate the company has, in the
// order standard, reduced, zero.
func (f *purchaseForm) buildRates() {
	kinds := []string{}
	seen := map[string]bool{}
	for _, k := range []string{app.VATStandard, app.VATReduced, app.VATZero} {
		seen[k] = true
		kinds = append(kinds, k)
	}
	for _, r := range f.v.company.VATRates {
		if !seen[r.Kind] {
			seen[r.Kind] = true
			kinds = append(kinds, r.Kind)
		}
	}
	bold := func(key, fallback string, align fyne.TextAlign) *widget.Label {
		return widget.NewLabelWithStyle(lang.X(key, fallback), align, fyne.TextStyle{Bold: true})
	}
	f.rateGrid.Objects = []fyne.CanvasObject{
		bold("payables.col.rate", "VAT rate", fyne.TextAlignLeading), bold("payables.col.base", "Tax base", fyne.TextAlignLeading),
		bold("payables.col.vat", "VAT", fyne.TextAlignLeading), bold("payables.col.row_total", "Total", fyne.TextAlignTrailing)}
	for _, k := range kinds {
		r := &purchaseVATRow{kind: k, label: widget.NewLabel(""), base: widget.NewEntry(), vat: widget.NewEntry(),
			sum: widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{}), vatAuto: true}
		r.base.SetPlaceHolder("0")
		r.base.OnChanged = func(string) {
			if strings.TrimSpace(r.vat.Text) == "" {
				r.vatAuto = true // an emptied VAT follows the base again
			}
			f.recompute()
		}
		r.vat.OnChanged = func(string) {
			if !f.loading {
				r.vatAuto = false
			}
			f.recompute()
		}
		f.rows = append(f.rows, r)
		f.rateGrid.Objects = append(f.rateGrid.Objects, r.label, r.base, r.vat, r.sum)
	}
	f.relabelRates()
}

// rateDay is the DUZP as typed, else the issue date, else today; a credit
// note takes the rates of its original's DUZP, as the supply it corrects.
func (f *purchaseForm) rateDay() app.Date {
	if f.orig != nil {
		return f.orig.TaxDate
	}
	for _, e := range []*widget.Entry{f.tax, f.issue} {
		if d, err := app.ParseDate(e.Text); err == nil {
			return d
		}
	}
	return app.Today(f.v.deps.Clock())
}

// relabelRates takes the rates valid on the DUZP.
func (f *purchaseForm) relabelRates() {
	day := f.rateDay()
	for _, r := range f.rows {
		rate, err := f.v.company.VATRateOn(r.kind, day)
		r.rate, r.valid = rate, err == nil
		if !r.valid {
			r.label.SetText(kit.VATKindName(r.kind) + " —")
			r.base.Disable()
			r.vat.Disable()
			continue
		}
		r.label.SetText(rate.Format(kit.UILang) + " % · " + kit.VATKindName(r.kind))
		r.base.Enable()
		if rate.Micro() == 0 || f.selfAssessed() { // a self-assessed VAT is computed, not typed
			r.vat.Disable()
		} else {
			r.vat.Enable()
		}
	}
	f.recompute()
}

// recompute fills the VAT that follows the base and shows the row sums and
// the total of what the form says now. A credit note's amounts are typed
// positive; its total is shown as the reduction it is.
func (f *purchaseForm) recompute() {
	if f.total == nil || f.loading {
		return
	}
	cur := f.currency()
	var total, selfVAT int64
	ok := true
	for _, r := range f.rows {
		base, bok := parseAmount(r.base.Text, cur)
		if f.orig != nil {
			base = abs(base)
		}
		if (r.vatAuto || f.selfAssessed()) && r.valid {
			f.loading = true
			if bok && base != 0 && r.rate.Micro() != 0 {
				r.vat.SetText(kit.FormatPriceInput(app.M(base, cur).Percent(r.rate, app.HalfUp).Amount, cur))
			} else {
				r.vat.SetText("")
			}
			f.loading = false
			r.vatAuto = true
		}
		vat, vok := r.vatOf(base, cur)
		if f.orig != nil {
			vat = abs(vat)
		}
		if !bok || !vok {
			ok = false
			r.sum.SetText("?")
			continue
		}
		switch {
		case f.selfAssessed():
			r.sum.SetText(kit.FormatAmount(base, cur))
			total += base
			selfVAT += vat
		case f.selectedRegime() == app.RegimeExport:
			r.sum.SetText(kit.FormatAmount(vat, cur))
			total += vat // customs is owed the VAT
		default:
			r.sum.SetText(kit.FormatAmount(base+vat, cur))
			total += base + vat
		}
	}
	if !ok {
		f.total.SetText(lang.X("payables.total_unknown", "Total: check the amounts"))
		return
	}
	if f.orig != nil {
		f.total.SetText(lang.X("payables.credit_total", "Total {{.total}} (reduces {{.number}})",
			map[string]any{"total": app.M(-total, cur).Format(kit.UILang), "number": f.orig.Number}))
		return
	}
	text := lang.X("payables.total", "Total {{.total}}", map[string]any{"total": app.M(total, cur).Format(kit.UILang)})
	if f.selfAssessed() {
		text += " · " + lang.X("payables.self_assessed", "VAT you self-assess and claim: {{.vat}}", map[string]any{"vat": app.M(selfVAT, cur).Format(kit.UILang)})
	}
	f.total.SetText(text)
}

// selectedRegime is the regime chosen, domestic when none is.
func (f *purchaseForm) selectedRegime() app.VATRegime {
	if f.regime != nil {
		if i := f.regime.SelectedIndex(); i >= 0 {
			return app.PurchaseRegimes[i]
		}
	}
	return app.RegimeDomestic
}

// selfAssessed reports whether the chosen regime has the buyer account for
// the VAT: the rows take the base only.
func (f *purchaseForm) selfAssessed() bool { return f.selectedRegime().SelfAssessed() }

// regimeChanged shows the §92a code where it applies and recomputes.
func (f *purchaseForm) regimeChanged() {
	if f.opts == nil || f.opts.ByKey["purchase.rc_code"] == nil {
		return
	}
	f.opts.ByKey["purchase.rc_code"].SetVisible(f.selectedRegime() == app.RegimeReverseCZ)
	f.relabelRates()
	if f.scroll != nil {
		f.scroll.Refresh()
	}
}

// abs is the magnitude of an amount.
func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// vatOf is the row's VAT as typed; empty is the VAT computed from base.
func (r *purchaseVATRow) vatOf(base int64, cur string) (int64, bool) {
	if strings.TrimSpace(r.vat.Text) == "" {
		if !r.valid || r.rate.Micro() == 0 {
			return 0, true
		}
		return app.M(base, cur).Percent(r.rate, app.HalfUp).Amount, true
	}
	return parseAmount(r.vat.Text, cur)
}

// parseAmount reads an amount entry; empty is zero.
func parseAmount(text, cur string) (int64, bool) {
	if strings.TrimSpace(text) == "" {
		return 0, true
	}
	m, err := app.ParseMoney(text, cur, kit.UILang)
	return m.Amount, err == nil
}

// orZero is "0" for an empty entry.
func orZero(s string) string {
	if strings.TrimSpace(s) == "" {
		return "0"
	}
	return s
}
