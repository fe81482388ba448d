package accounts

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// vatSides are the choices of a VAT line's side: output VAT, input VAT, or a
// settlement with the tax office (no supply: paying the VAT, a refund).
var vatSides = []app.VATSide{app.VATOut, app.VATIn, ""}

func vatSideName(s app.VATSide) string {
	switch s {
	case app.VATOut:
		return lang.X("vat.side.out", "Output VAT")
	case app.VATIn:
		return lang.X("vat.side.in", "Input VAT")
	}
	return lang.X("vat.side.settlement", "Settlement with the tax office")
}

// vatLineRow asks what a line on the VAT account is for the VAT return: side,
// regime, rate and base (the base follows the amount and rate until typed),
// the exempt paragraph or the §92a code where the regime has one.
type vatLineRow struct {
	box      *fyne.Container
	side     *widget.Select
	regime   *widget.Select
	rate     *widget.Select // by kind: vatKinds
	base     *entryInput
	exempt   *widget.Select
	rc       *widget.Select
	baseAuto bool
}

func (f *entryForm) newVATRow() *vatLineRow {
	v := &vatLineRow{baseAuto: true}
	v.side = widget.NewSelect(kit.Names(vatSides, vatSideName), func(string) {
		if !f.filling {
			f.update()
		}
	})
	v.side.PlaceHolder = lang.X("vat.side", "VAT side")
	v.regime = widget.NewSelect(kit.Names(app.SalesRegimes, kit.RegimeName), func(string) { f.update() })
	v.regime.SetSelectedIndex(0)
	v.rate = widget.NewSelect(f.rateOptions(), func(string) { f.update() })
	v.rate.SetSelectedIndex(0)
	v.base = f.input(false)
	v.base.SetPlaceHolder(lang.X("vat.base", "Tax base"))
	v.base.OnChanged = func(s string) {
		if !f.filling {
			v.baseAuto = strings.TrimSpace(s) == ""
			f.update()
		}
	}
	v.exempt = widget.NewSelect(kit.Names(app.ExemptParagraphs, kit.ExemptName), func(string) { f.update() })
	v.exempt.PlaceHolder = lang.X("field.doc.exempt", "Exemption")
	v.rc = widget.NewSelect(kit.Names(app.ReverseChargeCodes, kit.RCCodeName), func(string) { f.update() })
	v.rc.PlaceHolder = lang.X("field.doc.rc_code", "Reverse-charge code")
	label := widget.NewLabel(lang.X("vat.line", "VAT:"))
	v.box = container.NewHBox(label, kit.Sized(v.side, 200), kit.Sized(v.regime, 260), kit.Sized(v.rate, 90), kit.Sized(v.base, 130), kit.Sized(v.exempt, 200), kit.Sized(v.rc, 200))
	v.box.Hide()
	return v
}

// rateOptions label the rate kinds with their rates on the entry's date.
func (f *entryForm) rateOptions() []string {
	return kit.Names(kit.VATKinds, func(k string) string { return kit.VATLabel(f.company, k, f.day()) })
}

// day is the entry's date as typed, today while it does not parse.
func (f *entryForm) day() app.Date {
	if f.date != nil {
		if d, err := app.ParseDate(f.date.Text); err == nil {
			return d
		}
	}
	return app.Today(f.deps.Clock())
}

// sideOf is the side chosen, or the one the amount suggests: a credit of
// 343 is output VAT, a debit input VAT.
func (v *vatLineRow) sideOf(l app.Line) app.VATSide {
	if i := v.side.SelectedIndex(); i >= 0 {
		return vatSides[i]
	}
	if l.Debit > 0 {
		return app.VATIn
	}
	return app.VATOut
}

// tag builds the line's tag from the row; a base that does not parse is an
// error naming the line.
func (f *entryForm) vatTag(v *vatLineRow, n int, l app.Line) (*app.VATTag, error) {
	side := v.sideOf(l)
	if side == "" {
		return app.SettlementTag(), nil
	}
	t := &app.VATTag{Side: side, Regime: app.RegimeDomestic}
	if i := v.regime.SelectedIndex(); i >= 0 {
		t.Regime = app.SalesRegimes[i]
	}
	if i := v.rate.SelectedIndex(); i >= 0 {
		t.Kind = kit.VATKinds[i]
		t.Rate, _ = f.company.VATRateOn(t.Kind, f.day())
	}
	if i := v.exempt.SelectedIndex(); i >= 0 && t.Regime == app.RegimeExempt {
		t.Exempt = app.ExemptParagraphs[i]
	}
	if i := v.rc.SelectedIndex(); i >= 0 && t.Regime == app.RegimeReverseCZ {
		t.RCCode = app.ReverseChargeCodes[i]
	}
	vat := l.Credit - l.Debit
	if side == app.VATIn {
		vat = -vat
	}
	t.Base = app.BaseOfVAT(vat, t.Rate)
	if !v.baseAuto {
		m, err := app.ParseMoney(v.base.Text, f.currency, kit.UILang)
		if err != nil {
			return t, app.Errorf(app.EINVALID, "err.entry.line_base", "line {{.n}}, tax base: {{.reason}}", map[string]any{"n": n, "reason": app.ErrorMessage(err, kit.Translator())})
		}
		t.Base = m.Amount
	}
	return t, nil
}

// showVAT shows a row's VAT questions when its account is the VAT account,
// and of them what the side and regime need; an untyped base shows its
// default.
func (f *entryForm) showVAT(r *entryRow, l app.Line, tag *app.VATTag) {
	v := r.vat
	changed := false
	show := func(o fyne.CanvasObject, on bool) {
		if on == o.Visible() {
			return
		}
		changed = true
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
	// A row that grew or shrank is laid out again, and the editor with it.
	defer func() {
		if changed {
			v.box.Refresh()
			r.box.Refresh()
			if f.rowsBox != nil {
				f.rowsBox.Refresh()
			}
		}
	}()
	show(v.box, tag != nil)
	if tag == nil {
		return
	}
	if v.side.SelectedIndex() < 0 && (l.Debit > 0 || l.Credit > 0) {
		f.filling = true
		kit.SelectValue(v.side, vatSides, tag.Side)
		f.filling = false
	}
	supply := tag.Regime != app.RegimeSettlement
	show(v.regime, supply)
	show(v.rate, supply)
	show(v.base, supply)
	show(v.exempt, supply && tag.Regime == app.RegimeExempt)
	show(v.rc, supply && tag.Regime == app.RegimeReverseCZ)
	if v.baseAuto && supply {
		text := ""
		if tag.Base != 0 {
			text = app.FormatMinor(tag.Base, app.MinorDigits(f.currency), kit.UILang)
		}
		if v.base.Text != text {
			f.filling = true
			v.base.SetText(text)
			f.filling = false
		}
	}
}

// relabelRates shows the rates valid on the entry's date.
func (f *entryForm) relabelRates() {
	opts := f.rateOptions()
	for _, r := range f.rows {
		i := r.vat.rate.SelectedIndex()
		r.vat.rate.Options = opts
		if i >= 0 {
			r.vat.rate.SetSelectedIndex(i)
		}
		r.vat.rate.Refresh()
	}
}
