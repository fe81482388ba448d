package warehouse

import (
	"context"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// docForm is one stock document: its header, the scan field and the lines.
// A draft is edited, saved and posted; a posted document is read-only and
// can be reversed (a storno, a new document) and printed.
type docForm struct {
	p   *docsPane
	doc app.StockDoc

	fs, fs2  *kit.FieldSet // the header's left and right column
	scanRow  fyne.CanvasObject
	date     *widget.Entry
	loc, to  *widget.Select
	locs     []app.Location
	partner  *widget.Entry
	text     *widget.Entry
	counter  *widget.Select // what a receipt or issue is posted against
	counters []string
	scan     *kit.EscEntry
	scanMsg  *widget.Label
	state    *widget.Label
	title    *widget.Label
	linesBox *fyne.Container
	linesMsg *widget.Label
	dirty    bool            // changed since opened or saved
	costsBox *fyne.Container // a receipt's acquisition costs
	costsMsg *widget.Label
	costRows []*costRow
	rows     []*lineRow
	total    *widget.Label

	save, post, del, storno, pdf *widget.Button
	ui                           fyne.CanvasObject

	// left is what a received invoice's new receipt may still take (its
	// values are the invoice's, spread by the store: app.StockDoc.FromPurchase).
	left int64
}

// costRow is the inputs of one acquisition cost of a receipt.
type costRow struct {
	text, amount *widget.Entry
	counter      *widget.Select
}

// costCounters are what an acquisition cost clears: the purchase account
// (its invoice was posted to 131) or the supplier directly.
var costCounters = []string{app.CounterAcquisition, app.CounterPayables}

// buildCosts lays out a receipt's acquisition costs (vedlejší pořizovací
// náklady), allocated onto its lines by value when posted.
func (f *docForm) buildCosts() {
	f.costsBox.Objects = nil
	f.costRows = nil
	if f.doc.Kind != app.StockReceipt {
		f.costsBox.Refresh()
		return
	}
	on := f.editable()
	if len(f.doc.Costs) > 0 || on {
		f.costsBox.Add(widget.NewLabelWithStyle(lang.X("field.stock.costs", "Acquisition costs"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for i := range f.doc.Costs {
		i := i
		c := f.doc.Costs[i]
		r := &costRow{text: widget.NewEntry(), amount: widget.NewEntry()}
		r.text.SetPlaceHolder(lang.X("warehouse.cost.text_hint", "Transport, duty, insurance…"))
		r.text.SetText(c.Text)
		r.text.OnChanged = func(s string) { f.doc.Costs[i].Text, f.dirty = s, true }
		r.amount.SetPlaceHolder("0,00")
		if c.Amount != 0 {
			r.amount.SetText(kit.FormatPriceInput(c.Amount, ""))
		}
		r.amount.OnChanged = func(s string) {
			f.dirty = true
			if m, err := app.ParseMoney(s, f.p.v.h.Company().BaseCurrency, kit.UILang); err == nil {
				f.doc.Costs[i].Amount = m.Amount
				f.updateValues()
			}
		}
		r.counter = newSelect(kit.Names(costCounters, func(c string) string { return counterName(app.StockReceipt, c) }), func(string) { f.dirty = true })
		kit.SelectValue(r.counter, costCounters, c.Counter)
		if r.counter.SelectedIndex() < 0 {
			r.counter.SetSelectedIndex(0)
		}
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			f.readCosts()
			f.doc.Costs = append(f.doc.Costs[:i:i], f.doc.Costs[i+1:]...)
			f.dirty = true
			f.buildCosts()
		})
		for _, e := range []*widget.Entry{r.text, r.amount} {
			setEnabled(e, on)
		}
		setEnabled(r.counter, on)
		show(remove, on)
		f.costRows = append(f.costRows, r)
		var counter fyne.CanvasObject = r.counter
		if !on {
			counter = widget.NewLabel(r.counter.Selected)
		}
		f.costsBox.Add(container.NewHBox(place(r.text, wCode+wName+wQty, false), place(r.amount, wCost+wUnit, true), kit.Sized(counter, 330), remove))
	}
	if on {
		add := widget.NewButtonWithIcon(lang.X("warehouse.cost.add", "Add a cost"), theme.ContentAddIcon(), func() {
			f.readCosts()
			f.doc.Costs = append(f.doc.Costs, app.AcquisitionCost{Counter: app.CounterAcquisition})
			f.dirty = true
			f.buildCosts()
		})
		f.costsBox.Add(container.NewHBox(add))
	}
	f.costsBox.Refresh()
}

// readCosts reads the cost rows into the document, naming the amounts
// that do not parse.
func (f *docForm) readCosts() error {
	var es app.Errors
	for i, r := range f.costRows {
		if i >= len(f.doc.Costs) {
			break
		}
		c := &f.doc.Costs[i]
		c.Text = r.text.Text
		if j := r.counter.SelectedIndex(); j >= 0 {
			c.Counter = costCounters[j]
		}
		m, err := app.ParseMoney(r.amount.Text, f.p.v.h.Company().BaseCurrency, kit.UILang)
		if err != nil {
			es.Add(app.Invalid("stock.costs", "err.warehouse.cost_amount", "cost {{.n}}: the amount is not a number", map[string]any{"n": i + 1}))
			continue
		}
		c.Amount = m.Amount
	}
	return es.Err()
}

// lineRow is the inputs of one line.
type lineRow struct {
	qty, cost, lot, expiry, serials *widget.Entry
	value                           *widget.Label
}

func (f *docForm) editable() bool { return f.doc.Status != app.StockPosted }

func newDocForm(p *docsPane, d app.StockDoc) *docForm {
	f := &docForm{p: p, doc: d}
	f.fs, f.fs2 = kit.NewFieldSet(), kit.NewFieldSet()
	f.date = f.fs.Entry("stock.date", "Date", kit.DatePlaceholder())
	f.date.SetText(kit.FormatDateInput(d.Date))
	f.locs = p.v.cat.activeLocs()
	if l, ok := p.v.cat.locMap[d.Location]; ok && !l.Active() {
		f.locs = append(f.locs, l)
	}
	if l, ok := p.v.cat.locMap[d.ToLocation]; ok && !l.Active() && d.ToLocation != d.Location {
		f.locs = append(f.locs, l)
	}
	names := kit.Names(f.locs, locLabel)
	f.loc = newSelect(names, nil)
	f.fs.Add("stock.location", "Location", f.loc).Label.SetText(locationLabel(d.Kind))
	f.to = newSelect(names, nil)
	for i, l := range f.locs {
		if l.ID == d.Location {
			f.loc.SetSelectedIndex(i)
		}
		if l.ID == d.ToLocation {
			f.to.SetSelectedIndex(i)
		}
	}
	if d.Kind == app.StockTransfer {
		f.fs.Add("stock.to_location", "Target location", f.to)
	}
	if d.Kind == app.StockReceipt || d.Kind == app.StockIssue {
		f.counters = countersOf(d.Kind)
		f.counter = newSelect(kit.Names(f.counters, func(c string) string { return counterName(d.Kind, c) }), nil)
		f.fs.Add("stock.counter", "Posted against", f.counter)
		kit.SelectValue(f.counter, f.counters, d.Counter)
		if f.counter.SelectedIndex() < 0 {
			f.counter.SetSelectedIndex(0)
		}
		f.partner = f.fs2.Entry("stock.partner", "Partner", "")
		f.fs2.ByKey["stock.partner"].Label.SetText(partnerLabel(d.Kind))
		f.partner.SetText(d.Partner.Name)
	}
	f.text = f.fs2.Entry("stock.text", "Description", "")
	f.text.SetText(d.Text)
	// Any change makes the form dirty (Back asks before dropping it); set
	// before the field sets chain their own watchers.
	for _, e := range []*widget.Entry{f.date, f.partner, f.text} {
		if e != nil {
			e.OnChanged = func(string) { f.dirty = true }
		}
	}
	for _, sel := range []*widget.Select{f.loc, f.to, f.counter} {
		if sel != nil {
			sel.OnChanged = func(string) { f.dirty = true }
		}
	}
	header := container.NewGridWithColumns(2, f.fs.Object(), f.fs2.Object())
	// The lines' errors are shown under the lines.
	lines := f.fs.Add("stock.lines", "Lines", widget.NewLabel(""))
	f.linesMsg = lines.Msg
	costs := f.fs.Add("stock.costs", "Acquisition costs", widget.NewLabel(""))
	f.costsMsg = costs.Msg
	f.costsBox = container.NewVBox()

	f.scan = kit.NewEscEntry()
	f.scan.SetPlaceHolder(lang.X("warehouse.scan.placeholder", "Scan a barcode or type EAN / item code and press Enter"))
	f.scan.OnSubmitted = f.scanned
	f.scanMsg = widget.NewLabel("")
	f.scanMsg.Importance = widget.DangerImportance
	f.state = widget.NewLabel("")
	f.total = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})

	back := widget.NewButtonWithIcon(lang.X("warehouse.back", "Back to the list"), theme.NavigateBackIcon(), f.back)
	f.save = widget.NewButtonWithIcon(lang.X("warehouse.save_draft", "Save draft"), theme.DocumentSaveIcon(), func() { f.saveDraft(nil) })
	f.post = widget.NewButtonWithIcon(lang.X("warehouse.post", "Post…"), theme.ConfirmIcon(), f.confirmPost)
	f.post.Importance = widget.HighImportance
	f.del = widget.NewButtonWithIcon(lang.X("warehouse.delete_draft", "Delete draft"), theme.DeleteIcon(), f.confirmDelete)
	f.storno = widget.NewButtonWithIcon(lang.X("warehouse.storno", "Storno…"), theme.ContentUndoIcon(), f.confirmStorno)
	f.pdf = widget.NewButtonWithIcon(lang.X("warehouse.print", "PDF"), theme.DocumentPrintIcon(), f.exportPDF)
	buttons := container.NewHBox(back, layout.NewSpacer(), f.del, f.save, f.post, f.storno, f.pdf)

	title := kit.Heading("")
	f.linesBox = container.NewVBox()
	f.scanRow = container.NewBorder(nil, nil, widget.NewLabelWithStyle(lang.X("warehouse.scan", "Scan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, f.scan)
	top := container.NewVBox(container.NewBorder(nil, nil, title, f.state), header, f.scanRow, f.scanMsg)
	body := container.NewBorder(top, container.NewVBox(f.linesMsg, f.total, buttons), nil, nil,
		container.NewScroll(container.NewVBox(lineHeader(d.Kind), f.linesBox, f.costsBox, f.costsMsg)))
	f.ui = body
	f.title = title
	f.refresh()
	return f
}

func locationLabel(k app.StockDocKind) string {
	switch k {
	case app.StockReceipt:
		return lang.X("warehouse.field.into", "Into location")
	case app.StockIssue, app.StockTransfer:
		return lang.X("warehouse.field.out_of", "Out of location")
	}
	return lang.X("field.stock.location", "Location")
}

// countersOf are what a receipt or an issue may be posted against, the
// usual first.
func countersOf(k app.StockDocKind) []string {
	if k == app.StockIssue {
		return []string{app.CounterExpense, app.CounterAcquisition, app.CounterPayables}
	}
	return []string{app.CounterAcquisition, app.CounterPayables, app.CounterExpense}
}

// counterName says in words what the counter account is for kind.
func counterName(k app.StockDocKind, c string) string {
	switch {
	case c == app.CounterPayables && k == app.StockIssue:
		return lang.X("warehouse.counter.issue_payables", "Returned to the supplier (321)")
	case c == app.CounterPayables:
		return lang.X("warehouse.counter.receipt_payables", "The supplier directly (321)")
	case c == app.CounterExpense && k == app.StockIssue:
		return lang.X("warehouse.counter.issue_expense", "Goods sold / material used (504, 501)")
	case c == app.CounterExpense:
		return lang.X("warehouse.counter.receipt_expense", "Returned by a customer (504, 501)")
	case k == app.StockIssue:
		return lang.X("warehouse.counter.issue_acquisition", "Back to acquisition (131, 111)")
	}
	return lang.X("warehouse.counter.receipt_acquisition", "Acquisition, invoice posted to 131 (111)")
}

func partnerLabel(k app.StockDocKind) string {
	if k == app.StockReceipt {
		return lang.X("warehouse.field.supplier", "Supplier")
	}
	return lang.X("warehouse.field.recipient", "Recipient")
}

// The widths of the line columns.
const (
	wCode, wName, wQty, wUnit, wCost, wLot, wExp, wSer, wVal = 120, 260, 90, 50, 110, 110, 110, 180, 120
)

func cell(o fyne.CanvasObject, w float32) fyne.CanvasObject { return kit.Sized(o, w) }

func headLabel(key, fallback string, w float32, right bool) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(lang.X(key, fallback), kit.ColumnAlign(right), fyne.TextStyle{Bold: true})
	l.Truncation = fyne.TextTruncateEllipsis
	return cell(l, w)
}

func lineHeader(k app.StockDocKind) fyne.CanvasObject {
	return container.NewHBox(
		headLabel("warehouse.col.code", "Code", wCode, false),
		headLabel("warehouse.col.name", "Name", wName, false),
		headLabel("warehouse.col.qty", "Quantity", wQty, true),
		headLabel("warehouse.col.unit", "Unit", wUnit, false),
		headLabel("warehouse.col.unit_cost", "Unit cost", wCost, true),
		headLabel("warehouse.col.lot", "Lot", wLot, false),
		headLabel("warehouse.col.expiry", "Expiry", wExp, false),
		headLabel("warehouse.col.serials", "Serial numbers", wSer, false),
		headLabel("warehouse.col.value", "Value", wVal, true),
	)
}

// refresh shows the document: its title and state, the lines, the buttons
// its status allows.
func (f *docForm) refresh() {
	d := f.doc
	name := docKindName(d.Kind)
	if d.Storno {
		name = lang.X("warehouse.storno_of", "Storno of {{.number}}", map[string]any{"number": d.OriginalNo})
	}
	if d.Number != "" {
		name += " " + d.Number
	}
	f.title.SetText(name)
	state := docStatusName(d.Status)
	if d.ReversedBy != "" {
		state += " · " + lang.X("warehouse.reversed", "reversed")
	}
	if d.SourceNo != "" {
		state += " · " + lang.X("warehouse.from_source", "from {{.number}}", map[string]any{"number": d.SourceNo})
	}
	if d.FromPurchase() && d.Status == app.StockDraft {
		if d.ID == "" && f.left != 0 {
			state += " · " + lang.X("warehouse.purchase.left", "{{.amount}} left to receive", map[string]any{"amount": money(f.left)})
		}
		state += " · " + lang.X("warehouse.purchase.spread", "values from the invoice, spread when saved")
	}
	f.state.SetText(state)
	on := f.editable()
	for _, e := range []*widget.Entry{f.date, f.partner, f.text} {
		if e != nil {
			setEnabled(e, on)
		}
	}
	if d.FromPurchase() {
		// The supplier and the counter-account are the invoice's.
		setEnabled(f.partner, false)
	}
	setEnabled(f.loc, on)
	setEnabled(f.to, on)
	if f.counter != nil {
		setEnabled(f.counter, on)
	}
	setEnabled(&f.scan.Entry, on)
	show(f.scanRow, on)
	if !on {
		f.scanMsg.SetText("")
	}
	show(f.save, on)
	show(f.post, on)
	show(f.del, on && d.ID != "")
	show(f.storno, !on && !d.Storno && d.ReversedBy == "" && d.Kind != app.StockDifference)
	f.buildLines()
	f.buildCosts()
}

type enabler interface {
	Enable()
	Disable()
}

func setEnabled(w enabler, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

func show(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// tracking is the tracking of the item of a line.
func (f *docForm) tracking(item string) app.Tracking { return f.p.v.cat.byID[item].Tracking }

// buildLines lays the lines out again.
func (f *docForm) buildLines() {
	f.linesBox.Objects = nil
	f.rows = nil
	on := f.editable()
	for i := range f.doc.Lines {
		i := i
		l := f.doc.Lines[i]
		r := &lineRow{}
		code := widget.NewLabel(l.Code)
		code.Truncation = fyne.TextTruncateEllipsis
		nm := widget.NewLabel(l.Name)
		nm.Truncation = fyne.TextTruncateEllipsis
		r.qty = widget.NewEntry()
		r.qty.SetText(kit.FormatQty(l.Qty))
		r.qty.OnChanged = func(s string) {
			f.dirty = true
			if q, err := app.ParseQty(s, kit.UILang); err == nil {
				f.doc.Lines[i].Qty = q
				f.updateValues()
			}
		}
		unit := widget.NewLabel(l.Unit)
		r.cost = widget.NewEntry()
		if l.UnitCost != 0 || f.doc.Kind == app.StockReceipt {
			r.cost.SetText(kit.FormatPriceInput(l.UnitCost, ""))
		}
		r.cost.OnChanged = func(s string) {
			f.dirty = true
			if m, err := app.ParseMoney(s, f.p.v.h.Company().BaseCurrency, kit.UILang); err == nil {
				f.doc.Lines[i].UnitCost = m.Amount
				f.updateValues()
			}
		}
		costOn := f.doc.Kind == app.StockReceipt && !f.doc.FromPurchase() || f.doc.Kind == app.StockDifference && l.Qty > 0
		tr := f.tracking(l.ItemID)
		r.lot = widget.NewEntry()
		r.lot.SetText(l.Lot)
		r.lot.OnChanged = func(s string) { f.doc.Lines[i].Lot, f.dirty = s, true }
		r.expiry = widget.NewEntry()
		if !l.Expiry.IsZero() {
			r.expiry.SetText(kit.FormatDateInput(l.Expiry))
		}
		r.expiry.OnChanged = func(s string) {
			f.dirty = true
			if d, err := app.ParseDate(s); err == nil {
				f.doc.Lines[i].Expiry = d
			} else if strings.TrimSpace(s) == "" {
				f.doc.Lines[i].Expiry = app.Date{}
			}
		}
		r.serials = widget.NewEntry()
		r.serials.SetText(strings.Join(l.Serials, ", "))
		r.serials.OnChanged = func(s string) { f.doc.Lines[i].Serials, f.dirty = splitSerials(s), true }
		r.value = widget.NewLabel("")
		r.value.Alignment = fyne.TextAlignTrailing
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			f.doc.Lines = append(f.doc.Lines[:i:i], f.doc.Lines[i+1:]...)
			f.dirty = true
			f.buildLines()
		})
		for _, e := range []*widget.Entry{r.qty, r.cost, r.lot, r.expiry, r.serials} {
			setEnabled(e, on)
		}
		setEnabled(r.cost, on && costOn)
		setEnabled(r.lot, on && tr == app.TrackLot)
		setEnabled(r.expiry, on && tr == app.TrackLot)
		setEnabled(r.serials, on && tr == app.TrackSerial)
		if !r.expiry.Disabled() {
			r.expiry.SetPlaceHolder(kit.DatePlaceholder())
		}
		if !r.serials.Disabled() {
			r.serials.SetPlaceHolder(lang.X("warehouse.serials_hint", "SN1, SN2…"))
		}
		show(remove, on)
		row := container.NewHBox(cell(code, wCode), cell(nm, wName), place(r.qty, wQty, true), cell(unit, wUnit), place(r.cost, wCost, true),
			place(r.lot, wLot, false), place(r.expiry, wExp, false), place(r.serials, wSer, false), cell(r.value, wVal), remove)
		f.rows = append(f.rows, r)
		f.linesBox.Add(row)
	}
	if len(f.doc.Lines) == 0 {
		empty := widget.NewLabel(lang.X("warehouse.no_lines", "No lines yet: scan a barcode or type an item code above."))
		empty.Importance = widget.LowImportance
		f.linesBox.Add(empty)
	}
	f.linesBox.Refresh()
	f.updateValues()
}

// place lays out an input of a line: the entry where it can be typed in,
// otherwise its text as a label (a posted document, a field the item does
// not use).
func place(e *widget.Entry, w float32, right bool) fyne.CanvasObject {
	if !e.Disabled() {
		return cell(e, w)
	}
	l := widget.NewLabel(e.Text)
	l.Alignment = kit.ColumnAlign(right)
	l.Truncation = fyne.TextTruncateEllipsis
	return cell(l, w)
}

// splitSerials reads serial numbers separated by commas, semicolons or
// spaces.
func splitSerials(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\n' })
}

// lineValue is what the line is worth as far as the form knows: the stored
// value of a posted line, quantity × unit cost of a receipt's.
func lineValue(l app.StockLine, posted bool) int64 {
	if posted || l.Value != 0 {
		return l.Total()
	}
	v := int64(l.Qty) * l.UnitCost
	if v >= 0 {
		return (v + app.QtyScale/2) / app.QtyScale
	}
	return (v - app.QtyScale/2) / app.QtyScale
}

func (f *docForm) updateValues() {
	var total int64
	posted := f.doc.Status == app.StockPosted
	for i, r := range f.rows {
		if i >= len(f.doc.Lines) {
			break
		}
		v := lineValue(f.doc.Lines[i], posted)
		if f.doc.Kind == app.StockDifference && f.doc.Lines[i].Qty < 0 {
			v = -v // a shortage takes value off the stock
		}
		total += v
		if v == 0 && !posted && f.doc.Kind != app.StockReceipt {
			r.value.SetText("")
			continue
		}
		r.value.SetText(money(v))
	}
	if posted && f.doc.Kind != app.StockDifference {
		total = f.doc.Total
	}
	if !posted && f.doc.Kind == app.StockReceipt {
		for _, c := range f.doc.Costs {
			total += c.Amount
		}
	}
	if posted || f.doc.Kind == app.StockReceipt {
		f.total.SetText(lang.X("warehouse.total", "Total {{.amount}}", map[string]any{"amount": money(total)}))
	} else {
		f.total.SetText(kit.Plural("warehouse.lines.count", len(f.doc.Lines), "{{.n}} line", "{{.n}} lines", nil))
	}
}

// scanned adds the item whose EAN or code was typed (a scanner types it and
// presses Enter): its line goes up by one, or a new line is added.
func (f *docForm) scanned(text string) {
	if !f.editable() {
		return
	}
	text = strings.TrimSpace(text)
	f.scan.SetText("")
	if text == "" {
		return
	}
	si, it, ok := f.p.v.cat.findScanned(text)
	if !ok {
		f.scanMsg.SetText(lang.X("warehouse.scan.unknown", "No stock item has the barcode or code “{{.code}}”.", map[string]any{"code": text}))
		f.scanMsg.Show()
		return
	}
	f.scanMsg.SetText("")
	var cost int64
	if f.doc.Kind == app.StockReceipt && !f.doc.FromPurchase() {
		cost = si.PurchasePrice.Amount
	}
	f.dirty = true
	before := len(f.doc.Lines)
	lines, i := addScanned(f.doc.Lines, si, it, cost)
	f.doc.Lines = lines
	if len(lines) != before || i >= len(f.rows) {
		f.buildLines()
	} else {
		f.rows[i].qty.SetText(kit.FormatQty(lines[i].Qty))
	}
	f.p.v.win.Canvas().Focus(f.scan)
}

// read is the document as the form holds it, with every input that does
// not parse named.
func (f *docForm) read() (app.StockDoc, error) {
	d := f.doc
	d.Lines = append([]app.StockLine(nil), f.doc.Lines...)
	var es app.Errors
	day, err := app.ParseDate(f.date.Text)
	if err != nil {
		es.Add(app.WithField(err, "stock.date"))
	}
	d.Date = day
	if i := f.loc.SelectedIndex(); i >= 0 {
		d.Location = f.locs[i].ID
	}
	if d.Kind == app.StockTransfer {
		if i := f.to.SelectedIndex(); i >= 0 {
			d.ToLocation = f.locs[i].ID
		}
	}
	if f.partner != nil {
		d.Partner.Name = strings.TrimSpace(f.partner.Text)
	}
	if f.counter != nil {
		if i := f.counter.SelectedIndex(); i >= 0 {
			d.Counter = f.counters[i]
		}
	}
	d.Text = f.text.Text
	for i, r := range f.rows {
		args := map[string]any{"n": i + 1, "item": d.Lines[i].Name}
		q, err := app.ParseQty(r.qty.Text, kit.UILang)
		if err != nil {
			es.Add(app.Invalid("stock.lines", "err.warehouse.line_qty", "line {{.n}} ({{.item}}): the quantity is not a number", args))
		}
		d.Lines[i].Qty = q
		if !r.cost.Disabled() && strings.TrimSpace(r.cost.Text) != "" {
			m, err := app.ParseMoney(r.cost.Text, f.p.v.h.Company().BaseCurrency, kit.UILang)
			if err != nil {
				es.Add(app.Invalid("stock.lines", "err.warehouse.line_cost", "line {{.n}} ({{.item}}): the unit cost is not an amount", args))
			}
			d.Lines[i].UnitCost = m.Amount
		}
		if t := strings.TrimSpace(r.expiry.Text); t != "" && !r.expiry.Disabled() {
			e, err := app.ParseDate(t)
			if err != nil {
				es.Add(app.Invalid("stock.lines", "err.warehouse.line_expiry", "line {{.n}} ({{.item}}): the expiry is not a date", args))
			}
			d.Lines[i].Expiry = e
		}
		if d.Kind == app.StockReceipt {
			d.Lines[i].Value = 0 // the store computes it from quantity × unit cost
		}
		if d.FromPurchase() {
			d.Lines[i].UnitCost = 0 // the store spreads the invoice again
		}
	}
	es.Add(f.readCosts())
	d.Costs = append([]app.AcquisitionCost(nil), f.doc.Costs...)
	return d, es.Err()
}

// to routes a call's errors to the form's fields, the rest to a dialog.
func (f *docForm) route() kit.To {
	return kit.To{Win: f.p.v.win, Err: f.fail, Busy: kit.ButtonsBusy(f.save, f.post, f.del, f.storno, f.pdf)}
}

// fail marks each field error at its field in either column of the header
// or under the lines, and shows the rest in a dialog.
func (f *docForm) fail(err error) {
	if rest := f.fs.MarkAll(err); rest != nil {
		if rest = f.fs2.MarkAll(rest); rest != nil {
			kit.ShowError(rest, f.p.v.win)
		}
	}
}

// saveDraft saves the draft, then runs then (if any) with the saved one.
func (f *docForm) saveDraft(then func(app.StockDoc)) {
	f.fs.Clear()
	f.fs2.Clear()
	d, err := f.read()
	if err != nil {
		f.route().Fail(err)
		return
	}
	kit.Call(f.p.v.deps, f.route(), func(ctx context.Context) (app.StockDoc, error) {
		if d.ID == "" && d.FromPurchase() {
			return f.p.v.deps.Services.Warehouse.ReceivePurchase(ctx, d.SourceID, d.Location, d.Date, d.Lines, d.Costs)
		}
		return f.p.v.deps.Services.Warehouse.SaveStockDraft(ctx, d)
	}, func(saved app.StockDoc) {
		f.doc = saved
		f.dirty = false
		f.refresh()
		if then != nil {
			then(saved)
			return
		}
		f.state.SetText(docStatusName(saved.Status) + " · " + lang.X("warehouse.saved", "saved"))
	})
}

// back shows the list, asking first when a draft has unsaved changes.
func (f *docForm) back() {
	if !f.dirty || !f.editable() {
		f.p.showList()
		return
	}
	dialog.ShowConfirm(lang.X("warehouse.discard_title", "Unsaved changes"),
		lang.X("warehouse.discard_confirm", "The document has changes that are not saved. Leave it and drop them?"), func(ok bool) {
			if ok {
				f.p.showList()
			}
		}, f.p.v.win)
}

// confirmPost asks before posting: a posted document is never changed.
func (f *docForm) confirmPost() {
	msg := lang.X("warehouse.post_confirm", "Post this document? It gets its number, moves the stock and posts to the ledger; afterwards it can only be reversed by a storno.")
	dialog.ShowConfirm(lang.X("warehouse.post_title", "Post"), msg, func(ok bool) {
		if ok {
			f.doPost()
		}
	}, f.p.v.win)
}

// doPost saves the draft and posts it.
func (f *docForm) doPost() {
	f.saveDraft(func(d app.StockDoc) {
		kit.Call(f.p.v.deps, f.route(), func(ctx context.Context) (app.StockDoc, error) {
			return f.p.v.deps.Services.Warehouse.PostStock(ctx, d.ID)
		}, func(posted app.StockDoc) {
			f.doc = posted
			f.refresh()
		})
	})
}

func (f *docForm) confirmDelete() {
	dialog.ShowConfirm(lang.X("warehouse.delete_title", "Delete draft"), lang.X("warehouse.delete_confirm", "Delete this draft? It has no number yet."), func(ok bool) {
		if !ok {
			return
		}
		id := f.doc.ID
		kit.Run(f.p.v.deps, f.route(), func(ctx context.Context) error {
			return f.p.v.deps.Services.Warehouse.DeleteStockDraft(ctx, id)
		}, f.p.showList)
	}, f.p.v.win)
}

// confirmStorno asks for the storno's date and posts the reversal.
func (f *docForm) confirmStorno() {
	fs := kit.NewFieldSet()
	date := fs.Entry("stock.date", "Date", kit.DatePlaceholder())
	date.SetText(kit.FormatDateInput(app.Today(f.p.v.deps.Clock())))
	intro := widget.NewLabel(lang.X("warehouse.storno_intro", "A storno is a new document that moves the stock back at the values of {{.number}} and reverses its entry.", map[string]any{"number": f.doc.Number}))
	intro.Wrapping = fyne.TextWrapWord
	id := f.doc.ID
	kit.ShowFormDialog(lang.X("warehouse.storno_title", "Storno of {{.number}}", map[string]any{"number": f.doc.Number}),
		lang.X("warehouse.storno_post", "Post storno"), fs, intro, f.p.v.win, func(fd *kit.FormDialog) {
			day, err := app.ParseDate(date.Text)
			if err != nil {
				fd.Fail(app.WithField(err, "stock.date"))
				return
			}
			kit.Call(f.p.v.deps, fd.To(), func(ctx context.Context) (app.StockDoc, error) {
				return f.p.v.deps.Services.Warehouse.StornoStock(ctx, id, day)
			}, func(st app.StockDoc) {
				fd.Close()
				f.doc = st
				f.refresh()
			})
		})
}

// printable is the document ready for the printer.
func (f *docForm) printable() app.StockDocPrint {
	c := f.p.v.cat
	pr := app.StockDocPrint{Doc: f.doc, From: c.locMap[f.doc.Location], To: c.locMap[f.doc.ToLocation], Lang: kit.UILang}
	// The signed-in user's full name for the records they signed.
	if u := f.p.v.deps.User(); u.FullName != "" {
		if f.doc.Responsible == u.Name {
			pr.Responsible = u.FullName
		}
		if f.doc.PostedBy == u.Name {
			pr.PostedBy = u.FullName
		}
	}
	return pr
}

// pdfName is the suggested file name of the document's PDF.
func (f *docForm) pdfName() string {
	name := f.printable().PrintName()
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>| `, r) {
			return '-'
		}
		return r
	}, name) + ".pdf"
}

// exportPDF asks where to save the document's PDF, writes it and opens it.
func (f *docForm) exportPDF() {
	kit.SaveFileAs(f.p.v.win, f.pdfName(), ".pdf", f.writePDF)
}

func (f *docForm) writePDF(path string) {
	doc, d := f.printable(), f.p.v.deps
	kit.Run(d, f.route(), func(ctx context.Context) error {
		c, err := d.Services.Company.Company(ctx)
		if err != nil {
			return err
		}
		return kit.WriteFileAtomic(path, func(w *os.File) error { return d.Printer.Print(w, doc, c) })
	}, func() {
		f.state.SetText(lang.X("warehouse.pdf_saved", "Saved {{.path}}", map[string]any{"path": path}))
		kit.OpenFile(path)
	})
}
