package sales

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// lineWidths are the column widths of the lines editor; the text column
// (index 1) takes what is left.
var lineWidths = []float32{170, 0, 80, 60, 120, 70, 90, 120, 40}

// colsLayout places objects in a row at fixed widths, one column stretching.
type colsLayout struct {
	widths  []float32
	stretch int
}

func (c colsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for i, o := range objs {
		if i < len(c.widths) {
			w += c.widths[i]
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w+200+theme.Padding()*float32(len(objs)-1), h)
}

func (c colsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	fixed := float32(0)
	for _, w := range c.widths {
		fixed += w
	}
	pad := theme.Padding()
	rest := max(size.Width-fixed-pad*float32(len(objs)-1), 200)
	x := float32(0)
	for i, o := range objs {
		w := rest
		if i != c.stretch && i < len(c.widths) {
			w = c.widths[i]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// lineRow is one line being edited.
type lineRow struct {
	item                         *widget.Select
	text, qty, unit, price, disc *widget.Entry
	vat                          *widget.Select
	amount                       *widget.Label
	obj                          fyne.CanvasObject
	// trace takes the lot or serial numbers of a stock item's line (a
	// scanner's Enter adds a separator); traceRow shows it under the text.
	trace    *widget.Entry
	traceRow fyne.CanvasObject

	itemID, code string
	goods        bool
}

// linesEditor edits a document's lines: pick from the price list or type
// free text; every edit recomputes the totals.
type linesEditor struct {
	f     *docForm
	rows  []*lineRow
	box   *fyne.Container
	items []app.Item // the price list, items still sold
}

func newLinesEditor(f *docForm) *linesEditor { return &linesEditor{f: f, box: container.NewVBox()} }

// lineColumnNames are the translated headings of the line columns.
func lineColumnNames() []string {
	return []string{lang.X("line.item", "Price list"), lang.X("line.text", "Text"), lang.X("line.qty", "Quantity"),
		lang.X("line.unit", "Unit"), lang.X("line.price", "Unit price"), lang.X("line.discount", "Disc. %"),
		lang.X("line.vat", "VAT"), lang.X("line.amount", "Amount"), ""}
}

// object is the heading row, the rows and the Add button.
func (e *linesEditor) object() fyne.CanvasObject {
	var heads []fyne.CanvasObject
	for i, n := range lineColumnNames() {
		l := widget.NewLabelWithStyle(n, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		if i == 7 {
			l.Alignment = fyne.TextAlignTrailing
		}
		heads = append(heads, l)
	}
	head := container.New(colsLayout{lineWidths, 1}, heads...)
	add := widget.NewButtonWithIcon(lang.X("line.add", "Add line"), theme.ContentAddIcon(), func() {
		r := e.addRow(app.DocLine{Quantity: app.Q(1), Unit: "ks", VATKind: app.VATStandard})
		e.f.changed()
		e.f.relayout()
		e.f.s.win.Canvas().Focus(r.text)
	})
	return container.NewVBox(head, e.box, container.NewHBox(add))
}

// setItems fills the price-list selectors.
func (e *linesEditor) setItems(items []app.Item) {
	e.items = e.items[:0]
	for _, it := range items {
		if !it.Disabled {
			e.items = append(e.items, it)
		}
	}
	opts := e.itemOptions()
	for _, r := range e.rows {
		r.item.Options = opts
		r.item.Refresh()
	}
}

func (e *linesEditor) itemOptions() []string {
	opts := []string{lang.X("line.free_text", "— free text —")}
	for _, it := range e.items {
		opts = append(opts, it.Code+" · "+it.Name)
	}
	return opts
}

// vatOptions are the VAT selector labels for the DUZP: "21 %", "12 %", "0 %".
func (e *linesEditor) vatOptions() []string {
	var out []string
	for _, k := range kit.VATKinds {
		out = append(out, kit.VATLabel(e.f.s.company, k, e.f.rateDay()))
	}
	return out
}

// enableVAT enables the rate selectors where the regime charges VAT; a line
// keeps its kind, for when the draft goes back to the domestic regime.
func (e *linesEditor) enableVAT(on bool) {
	for _, r := range e.rows {
		if on {
			r.vat.Enable()
		} else {
			r.vat.Disable()
		}
	}
}

// relabelVAT updates the VAT labels after the DUZP changed.
func (e *linesEditor) relabelVAT() {
	opts := e.vatOptions()
	for _, r := range e.rows {
		i := r.vat.SelectedIndex()
		r.vat.Options = opts
		if i >= 0 {
			r.vat.SetSelectedIndex(i)
		}
		r.vat.Refresh()
	}
}

// addRow appends a row showing l.
func (e *linesEditor) addRow(l app.DocLine) *lineRow {
	cur := e.f.currency()
	r := &lineRow{itemID: l.ItemID, code: l.Code, goods: l.Goods}
	r.text, r.qty, r.unit, r.price, r.disc = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	r.text.SetText(l.Text)
	r.qty.SetText(kit.FormatQty(l.Quantity))
	r.unit.SetText(l.Unit)
	if l.UnitPrice != 0 || l.Text != "" {
		r.price.SetText(kit.FormatPriceInput(l.UnitPrice, cur))
	}
	if l.Discount.Micro() != 0 {
		r.disc.SetText(l.Discount.Format(kit.UILang))
	}
	r.price.SetPlaceHolder("0,00")
	r.disc.SetPlaceHolder("0")
	for _, en := range []*widget.Entry{r.text, r.qty, r.unit, r.price, r.disc} {
		en.AlwaysShowValidationError = true
		en.OnChanged = func(string) { e.f.changed() }
	}
	r.vat = widget.NewSelect(e.vatOptions(), func(string) { e.f.changed() })
	for i, k := range kit.VATKinds {
		if k == l.VATKind {
			r.vat.SetSelectedIndex(i)
		}
	}
	if e.f.regime != nil && !e.f.selectedRegime().ChargesVAT() {
		r.vat.Disable()
	}
	r.item = widget.NewSelect(e.itemOptions(), nil)
	r.item.PlaceHolder = lang.X("line.pick", "Pick…")
	r.item.OnChanged = func(string) { e.pick(r) }
	r.amount = widget.NewLabel("")
	r.amount.Alignment = fyne.TextAlignTrailing
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.removeRow(r) })
	r.trace = widget.NewEntry()
	r.trace.SetPlaceHolder(lang.X("line.trace_hint", "Lot or serial numbers, separated by commas (scan one, Enter, scan the next)"))
	r.trace.SetText(strings.Join(l.Trace, ", "))
	r.trace.OnChanged = func(string) { e.f.changed() }
	r.trace.OnSubmitted = func(t string) {
		if t = strings.TrimRight(t, " "); t != "" && !strings.HasSuffix(t, ",") {
			r.trace.SetText(t + ", ")
			r.trace.CursorColumn = len([]rune(r.trace.Text))
			r.trace.Refresh()
		}
	}
	r.traceRow = container.New(colsLayout{lineWidths[:1], 1}, widget.NewLabelWithStyle(lang.X("line.trace", "Lot / serial no."), fyne.TextAlignTrailing, fyne.TextStyle{Italic: true}), r.trace)
	r.showTrace(len(l.Trace) > 0)
	r.obj = container.NewVBox(container.New(colsLayout{lineWidths, 1}, r.item, r.text, r.qty, r.unit, r.price, r.disc, r.vat, r.amount, remove), r.traceRow)
	e.rows = append(e.rows, r)
	e.box.Add(r.obj)
	return r
}

// showTrace shows the lot / serial numbers entry of a stock item's line
// (or of a line that has numbers already), hides it otherwise.
func (r *lineRow) showTrace(keep bool) {
	if keep || r.itemID != "" && r.goods {
		r.traceRow.Show()
	} else {
		r.traceRow.Hide()
	}
}

// pick fills a row from the chosen price-list item.
func (e *linesEditor) pick(r *lineRow) {
	i := r.item.SelectedIndex() - 1
	if i < 0 || i >= len(e.items) {
		r.itemID, r.code, r.goods = "", "", false
		r.showTrace(r.trace.Text != "")
		e.f.changed()
		e.f.relayout()
		return
	}
	it := e.items[i]
	r.itemID, r.code, r.goods = it.ID, it.Code, it.Stock
	r.showTrace(r.trace.Text != "")
	defer e.f.relayout()
	r.text.SetText(it.Name)
	r.unit.SetText(it.Unit)
	if it.Price.Currency == e.f.currency() {
		price := it.Price.Amount
		if e.f.gross.Checked {
			// The price list is without VAT; a gross document shows it with.
			if rate, err := e.f.s.company.VATRateOn(it.VATKind, e.f.rateDay()); err == nil && e.f.s.company.VATPayer {
				price += app.M(price, it.Price.Currency).Percent(rate, app.HalfUp).Amount
			}
		}
		r.price.SetText(kit.FormatPriceInput(price, it.Price.Currency))
	}
	for k, kind := range kit.VATKinds {
		if kind == it.VATKind {
			r.vat.SetSelectedIndex(k)
		}
	}
	e.f.changed()
}

func (e *linesEditor) removeRow(r *lineRow) {
	for i, x := range e.rows {
		if x == r {
			e.rows = append(e.rows[:i], e.rows[i+1:]...)
			break
		}
	}
	e.box.Remove(r.obj)
	e.f.changed()
	e.f.relayout()
}

// lineError names the line and column of a value that does not parse.
func lineError(n int, column string, err error) error {
	return app.Invalid("doc.lines", "err.line.field", "line {{.n}}, {{.column}}: {{.reason}}",
		map[string]any{"n": n, "column": column, "reason": app.ErrorMessage(err, kit.Translator())})
}

// read parses the rows. Strict reading stops at the first value that does
// not parse; lenient reading (live totals) counts it as zero. Either way the
// entry shows what is wrong with it.
func (e *linesEditor) read(strict bool) ([]app.DocLine, error) {
	cur := e.f.currency()
	names := lineColumnNames()
	var out []app.DocLine
	var first error
	for i, r := range e.rows {
		l := app.DocLine{ItemID: r.itemID, Code: r.code, Text: strings.TrimSpace(r.text.Text), Unit: strings.TrimSpace(r.unit.Text), Goods: r.goods,
			Trace: app.ParseTrace(r.trace.Text)}
		if k := r.vat.SelectedIndex(); k >= 0 {
			l.VATKind = kit.VATKinds[k]
		}
		fail := func(en *widget.Entry, col int, err error) {
			if strict || strings.TrimSpace(en.Text) != "" {
				en.SetValidationError(err)
			}
			if first == nil {
				first = lineError(i+1, names[col], err)
			}
		}
		q, err := app.ParseQty(r.qty.Text, kit.UILang)
		if err != nil {
			fail(r.qty, 2, err)
		} else {
			r.qty.SetValidationError(nil)
			l.Quantity = q
		}
		p, err := app.ParseMoney(r.price.Text, cur, kit.UILang)
		if err != nil {
			fail(r.price, 4, err)
		} else {
			r.price.SetValidationError(nil)
			l.UnitPrice = p.Amount
		}
		if t := strings.TrimSpace(r.disc.Text); t != "" {
			d, err := app.ParseRate(t, kit.UILang)
			if err != nil {
				fail(r.disc, 5, err)
			} else {
				r.disc.SetValidationError(nil)
				l.Discount = d
			}
		} else {
			r.disc.SetValidationError(nil)
		}
		out = append(out, l)
	}
	if strict && first != nil {
		return out, first
	}
	return out, nil
}

// showAmounts writes each row's amount after discount.
func (e *linesEditor) showAmounts(t app.DocTotals, cur string) {
	for i, r := range e.rows {
		if i < len(t.Lines) {
			r.amount.SetText(app.FormatMinor(t.Lines[i], app.MinorDigits(cur), kit.UILang))
		}
	}
}
