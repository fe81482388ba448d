package pdf

import (
	"strconv"
	"strings"

	"kontor/app"
)

// column is one column of the lines table.
type column struct {
	title string
	w     float64
	align string
}

// bothUnitPrices reports whether the lines table shows the unit price
// without VAT beside the VAT-inclusive one the prices were entered as:
// §29(1)(i) asks every tax document for the price without VAT.
func (r *renderer) bothUnitPrices() bool {
	return r.d.Supplier.VATPayer && r.d.PricesIncludeVAT && r.d.ChargesVAT()
}

// columns are the lines table's columns; the text column takes what the
// others leave. A non-payer's document has no VAT column; a document with
// VAT-inclusive prices has two unit price columns, without and with VAT.
func (r *renderer) columns() []column {
	l := r.l
	unit, amount := l.colUnitNet, l.colAmountNet
	switch {
	case !r.d.Supplier.VATPayer:
		unit, amount = l.colUnit, l.colAmount
	case r.d.PricesIncludeVAT:
		unit, amount = l.colUnitGross, l.colAmountGross
	}
	cur := " (" + r.d.Currency + ")"
	if r.bothUnitPrices() {
		return r.fill([]column{
			{l.colNo, 7, "R"},
			{l.colText, 0, "L"},
			{l.colQty, 20, "R"},
			{l.colUnitNet + cur, 24, "R"},
			{l.colUnitGross + cur, 24, "R"},
			{l.colDisc, 12, "R"},
			{l.colVAT, 11, "R"},
			{amount + cur, 27, "R"},
		})
	}
	cols := []column{
		{l.colNo, 7, "R"},
		{l.colText, 0, "L"},
		{l.colQty, 22, "R"},
		{unit + cur, 27, "R"},
		{l.colDisc, 13, "R"},
	}
	if r.d.ChargesVAT() { // no rate where none applies (§29(3))
		cols = append(cols, column{l.colVAT, 12, "R"})
	}
	return r.fill(append(cols, column{amount + cur, 28, "R"}))
}

// fill gives the text column (the second) what the others leave of the
// content width.
func (r *renderer) fill(cols []column) []column {
	rest := contentW
	for _, c := range cols {
		rest -= c.w
	}
	cols[1].w = rest
	return cols
}

// Lines table metrics.
const (
	cellGap   = 1.5 // space between columns
	rowLineH  = 4.1
	rowPad    = 1.3
	headLineH = 3.4
)

// tableHead draws the lines table's column header at y and returns the y below.
func (r *renderer) tableHead(y float64, cols []column) float64 {
	r.font("B", 7.5)
	lines := 1
	split := make([][]string, len(cols))
	for i, c := range cols {
		split[i] = r.split(c.title, c.w-cellGap)
		lines = max(lines, len(split[i]))
	}
	h := float64(lines)*headLineH + 2*rowPad
	width := 0.0
	for _, c := range cols {
		width += c.w
	}
	r.f.SetFillColor(fillHead, fillHead, fillHead)
	r.f.Rect(margin, y, width, h, "F")
	r.ink(inkText)
	x := margin
	for i, c := range cols {
		ly := y + rowPad + float64(lines-len(split[i]))*headLineH // bottom-aligned
		for _, s := range split[i] {
			r.text(x+cellGap/2, ly, c.w-cellGap, headLineH, s, c.align)
			ly += headLineH
		}
		x += c.w
	}
	return y + h
}

// lines draws the lines table; a row that does not fit goes whole to the
// next page, where the column header is repeated.
func (r *renderer) lines(y float64) float64 {
	cols := r.columns()
	d := r.d
	y = r.ensure(y, 25)
	y = r.tableHead(y, cols)
	for i, ln := range d.Lines {
		amount := app.LineAmount(ln)
		if i < len(d.Totals.Lines) {
			amount = d.Totals.Lines[i]
		}
		qty := ln.Quantity.Format(r.opt.Lang)
		if ln.Unit != "" {
			qty += "\u00a0" + ln.Unit
		}
		disc := ""
		if ln.Discount.Micro() != 0 {
			disc = r.percent(ln.Discount)
		}
		cells := []string{strconv.Itoa(i+1) + ".", ln.Text, qty}
		if r.bothUnitPrices() {
			cells = append(cells, r.number(app.NetUnitPrice(d, ln)))
		}
		cells = append(cells, r.number(ln.UnitPrice), disc)
		if d.ChargesVAT() {
			cells = append(cells, r.percent(ln.VATRate))
		}
		cells = append(cells, r.number(amount))
		r.font("", 8.5)
		text := r.split(ln.Text, cols[1].w-cellGap)
		if len(ln.Trace) > 0 {
			text = append(text, r.split(r.l.trace+": "+strings.Join(ln.Trace, ", "), cols[1].w-cellGap)...)
		}
		h := float64(len(text))*rowLineH + 2*rowPad
		if y+h > bodyBottom {
			y = r.tableHead(r.newPage(), cols)
			r.font("", 8.5)
		}
		r.ink(inkText)
		x := margin
		for c, col := range cols {
			if c == 1 {
				ly := y + rowPad
				for _, s := range text {
					r.text(x+cellGap/2, ly, col.w-cellGap, rowLineH, s, "L")
					ly += rowLineH
				}
			} else {
				r.text(x+cellGap/2, y+rowPad, col.w-cellGap, rowLineH, cells[c], col.align)
			}
			x += col.w
		}
		y += h
		r.rule(margin, right, y, 215, 0.15)
	}
	r.rule(margin, right, y, inkRule, 0.3)
	return y
}

// recap draws the VAT recap per rate, in the base currency too for a
// foreign-currency document, with the exchange rate; a document in another
// regime than domestic has no rate and no VAT (§29(3)), only its base, and
// prints its regime's legal wording (§29(2)).
func (r *renderer) recap(y float64) float64 {
	d, l := r.d, r.l
	base := r.opt.BaseCurrency
	foreign := d.Currency != base
	type col struct {
		title string
		w     float64
	}
	cols := []col{{l.rate, 18}, {l.base, 30}, {l.vat, 28}, {l.gross, 30}}
	if !d.ChargesVAT() {
		cols = []col{{l.base, 30}}
	}
	if foreign {
		cols = append(cols, col{l.base + " " + l.inBase + " " + base, 32})
		if d.ChargesVAT() {
			cols = append(cols, col{l.vat + " " + l.inBase + " " + base, 30})
		}
	}
	width := 0.0
	for _, c := range cols {
		width += c.w
	}
	extra := 0.0
	if foreign {
		extra += 5
	}
	cs, en := d.LegalWording(r.opt.Lang)
	if cs != "" {
		extra += 6
	}
	if en != "" {
		extra += 5
	}
	y = r.ensure(y, 6+5+float64(len(d.Totals.Rates))*5+extra)
	x0 := right - width
	r.font("B", 9)
	r.ink(inkText)
	r.text(x0, y, width, 5, l.recap, "L")
	y += 5.5
	r.f.SetFillColor(fillHead, fillHead, fillHead)
	r.f.Rect(x0, y, width, 5, "F")
	r.font("B", 7.5)
	x := x0
	for _, c := range cols {
		r.text(x, y+0.5, c.w-cellGap, 4, c.title, "R")
		x += c.w
	}
	y += 5
	r.font("", 8.5)
	for _, rt := range d.Totals.Rates {
		vals := []string{r.percent(rt.Rate), r.money(rt.Base), r.money(rt.VAT), r.money(rt.Base + rt.VAT)}
		if !d.ChargesVAT() {
			vals = []string{r.money(rt.Base)}
		}
		if foreign {
			vals = append(vals, app.M(rt.BaseCZK, base).Format(r.opt.Lang))
			if d.ChargesVAT() {
				vals = append(vals, app.M(rt.VATCZK, base).Format(r.opt.Lang))
			}
		}
		x = x0
		for i, c := range cols {
			r.text(x, y+0.5, c.w-cellGap, 4, vals[i], "R")
			x += c.w
		}
		y += 5
		r.rule(x0, right, y, 215, 0.15)
	}
	if foreign {
		r.font("", 8)
		r.ink(inkLabel)
		rate := l.exchangeRate + " " + d.ExchangeRate.Format(r.opt.Lang) + " " + base + "/" + d.Currency
		r.text(x0, y+1, width-cellGap, 4, rate, "R")
		y += 5
	}
	if cs != "" {
		r.font("B", 9)
		r.ink(inkText)
		r.text(margin, y+1.5, contentW-cellGap, 4.5, cs, "R")
		y += 6
	}
	if en != "" {
		r.font("", 8.5)
		r.text(margin, y+0.5, contentW-cellGap, 4.5, en, "R")
		y += 5
	}
	return y
}

// totals draws the sums: without VAT, VAT, rounding, the total, and what is
// paid and remains.
func (r *renderer) totals(y float64) float64 {
	d, l := r.d, r.l
	t := d.Totals
	type row struct {
		label, value string
		strong       bool
	}
	var rows []row
	if d.Supplier.VATPayer {
		rows = append(rows, row{l.totalNet, r.money(t.Base), false})
	}
	if d.ChargesVAT() {
		rows = append(rows, row{l.totalVAT, r.money(t.VAT), false})
	}
	if d.CashRounding || t.Rounding != 0 {
		rows = append(rows, row{l.rounding, r.money(t.Rounding), false})
	}
	totalLabel := l.total
	if d.Kind == app.KindInvoice && d.Paid == 0 && d.Credited == 0 {
		totalLabel = l.totalDue
	}
	rows = append(rows, row{totalLabel, r.money(t.Total), true})
	if d.Currency != r.opt.BaseCurrency {
		rows = append(rows, row{l.totalIn + " " + r.opt.BaseCurrency, app.M(t.TotalCZK, r.opt.BaseCurrency).Format(r.opt.Lang), false})
	}
	if d.Credited != 0 {
		rows = append(rows, row{l.credited, r.money(-d.Credited), false})
	}
	if d.Paid != 0 {
		rows = append(rows, row{l.paid, r.money(-d.Paid), false})
	}
	if d.Credited != 0 || d.Paid != 0 {
		rows = append(rows, row{l.remaining, r.money(d.Remaining()), true})
	}
	const w, lineH = 106.0, 5.5
	y = r.ensure(y, float64(len(rows))*lineH+4)
	x := right - w
	for _, rw := range rows {
		h := lineH
		if rw.strong {
			h = 8
			r.f.SetFillColor(fillHead, fillHead, fillHead)
			r.f.Rect(x, y+0.5, w, h-1, "F")
			r.font("B", 11)
		} else {
			r.font("", 9)
		}
		r.ink(inkText)
		r.text(x+2, y, w/2, h, rw.label, "L")
		r.text(x+w/2, y, w/2-2, h, rw.value, "R")
		y += h
	}
	return y
}
