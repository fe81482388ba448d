package warehouse

import (
	"context"
	"os"
	"slices"
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

// prefStocktakes keeps the IDs of the stocktakes started and not closed on
// this computer, so counting can go on after a restart (the service has no
// list of stocktakes).
const prefStocktakes = "warehouse.open_stocktakes"

// stocktakePane starts a stocktake of a location as of a day, counts it by
// scanning or typing, saves the counts and closes it into the difference
// document.
type stocktakePane struct {
	v *View

	startFS *kit.FieldSet
	loc     *widget.Select
	locs    []app.Location
	day     *widget.Entry
	start   *widget.Button
	resume  *widget.Select
	open    []app.Stocktake

	take     *app.Stocktake
	title    *widget.Label
	scan     *kit.EscEntry
	scanMsg  *widget.Label
	linesBox *fyne.Container
	counts   []*widget.Entry
	diffs    []*widget.Label
	msg      *widget.Label
	summary  *widget.Label
	save     *widget.Button
	rest     *widget.Button
	closeBtn *widget.Button
	sheet    *widget.Button
	body     *fyne.Container
	lastDiff app.StockDoc // the difference document the last close posted
	lotTyped map[int]bool // lines whose lot was typed here
}

func newStocktakePane(v *View) *stocktakePane { return &stocktakePane{v: v} }

func (p *stocktakePane) buildUI() fyne.CanvasObject {
	p.startFS = kit.NewFieldSet()
	p.loc = newSelect(nil, nil)
	p.startFS.Add("stocktake.location", "Location", p.loc)
	p.day = p.startFS.Entry("stocktake.date", "Stocktake date", kit.DatePlaceholder())
	p.day.SetText(kit.FormatDateInput(app.Today(p.v.deps.Clock())))
	p.start = widget.NewButtonWithIcon(lang.X("warehouse.stocktake.start", "Start stocktake"), theme.MediaPlayIcon(), p.startTake)
	p.start.Importance = widget.HighImportance
	p.resume = newSelect(nil, func(string) {
		if i := p.resume.SelectedIndex(); i >= 0 && i < len(p.open) {
			st := p.open[i]
			p.showTake(&st)
		}
	})
	p.resume.PlaceHolder = lang.X("warehouse.stocktake.resume", "Continue a stocktake…")
	startBox := container.NewVBox(kit.Heading(lang.X("warehouse.stocktake.new", "New stocktake")), p.startFS.Object(),
		container.NewHBox(p.start), widget.NewSeparator(), p.resume)

	p.title = kit.Heading(lang.X("warehouse.stocktake.none", "No stocktake open"))
	p.scan = kit.NewEscEntry()
	p.scan.SetPlaceHolder(lang.X("warehouse.scan.count_placeholder", "Scan a barcode (or type EAN / code + Enter): one more counted"))
	p.scan.OnSubmitted = p.scanned
	p.scanMsg = widget.NewLabel("")
	p.scanMsg.Importance = widget.DangerImportance
	p.msg = widget.NewLabel("")
	p.msg.Importance = widget.DangerImportance
	p.msg.Wrapping = fyne.TextWrapWord
	p.summary = widget.NewLabel("")
	p.linesBox = container.NewVBox()
	p.save = widget.NewButtonWithIcon(lang.X("warehouse.stocktake.save", "Save counts"), theme.DocumentSaveIcon(), func() { p.saveTake(nil) })
	p.rest = widget.NewButtonWithIcon(lang.X("warehouse.stocktake.rest_zero", "Uncounted = 0"), theme.ContentClearIcon(), p.restZero)
	p.closeBtn = widget.NewButtonWithIcon(lang.X("warehouse.stocktake.close", "Close stocktake…"), theme.ConfirmIcon(), p.confirmClose)
	p.closeBtn.Importance = widget.HighImportance
	p.sheet = widget.NewButtonWithIcon(lang.X("warehouse.stocktake.sheet", "Count sheet PDF"), theme.DocumentPrintIcon(), p.exportSheet)
	buttons := container.NewHBox(p.sheet, layout.NewSpacer(), p.rest, p.save, p.closeBtn)
	scanRow := container.NewBorder(nil, nil, widget.NewLabelWithStyle(lang.X("warehouse.scan", "Scan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, p.scan)
	head := container.NewHBox(
		headLabel("warehouse.col.code", "Code", wCode, false),
		headLabel("warehouse.col.name", "Name", 280, false),
		headLabel("warehouse.col.lot_serial", "Lot / serial", 140, false),
		headLabel("warehouse.col.unit", "Unit", wUnit, false),
		headLabel("warehouse.col.expected", "Expected", 130, true),
		headLabel("warehouse.col.counted", "Counted", 110, true),
		headLabel("warehouse.col.difference", "Difference", 110, true))
	p.body = container.NewBorder(container.NewVBox(p.title, scanRow, p.scanMsg), container.NewVBox(p.msg, p.summary, buttons), nil, nil,
		container.NewScroll(container.NewVBox(head, p.linesBox)))
	p.showTake(nil)
	return container.NewBorder(nil, nil, container.NewPadded(kit.Sized(startBox, 330)), nil, p.body)
}

// reload fills the locations and the stocktakes still open.
func (p *stocktakePane) reload() {
	p.locs = p.v.cat.activeLocs()
	sel := p.loc.SelectedIndex()
	p.loc.Options = kit.Names(p.locs, locLabel)
	if sel < 0 && len(p.locs) > 0 {
		sel = 0
	}
	if sel >= len(p.locs) {
		sel = len(p.locs) - 1
	}
	if sel >= 0 {
		p.loc.SetSelectedIndex(sel)
	}
	p.loc.Refresh()
	ids := openTakeIDs()
	kit.Call(p.v.deps, kit.To{Win: p.v.win}, func(ctx context.Context) ([]app.Stocktake, error) {
		var out []app.Stocktake
		for _, id := range ids {
			st, err := p.v.deps.Services.Warehouse.Stocktake(ctx, id)
			if err == nil && st.Status != app.StockPosted {
				out = append(out, st)
			}
		}
		return out, nil
	}, func(open []app.Stocktake) {
		p.open = open
		var keep []string
		var names []string
		for _, st := range open {
			keep = append(keep, st.ID)
			names = append(names, st.Number+" — "+p.v.cat.locCode(st.Location)+" — "+st.Date.Format(kit.UILang))
		}
		setOpenTakeIDs(keep)
		p.resume.Options = names
		p.resume.ClearSelected()
		if len(names) == 0 {
			p.resume.Hide()
		} else {
			p.resume.Show()
		}
	})
}

func openTakeIDs() []string {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	return strings.Fields(a.Preferences().String(prefStocktakes))
}

func setOpenTakeIDs(ids []string) {
	if a := fyne.CurrentApp(); a != nil {
		a.Preferences().SetString(prefStocktakes, strings.Join(ids, " "))
	}
}

// startTake numbers a stocktake of the chosen location as of the day.
func (p *stocktakePane) startTake() {
	p.startFS.Clear()
	var es app.Errors
	day, err := app.ParseDate(p.day.Text)
	es.Add(app.WithField(err, "stocktake.date"))
	i := p.loc.SelectedIndex()
	if i < 0 || i >= len(p.locs) {
		es.Add(app.Invalid("stocktake.location", "err.location.unknown", "the location does not exist", nil))
	}
	if err := es.Err(); err != nil {
		kit.To{Win: p.v.win, Fields: p.startFS}.Fail(err)
		return
	}
	loc := p.locs[i].ID
	kit.Call(p.v.deps, kit.To{Win: p.v.win, Fields: p.startFS, Busy: kit.ButtonsBusy(p.start)}, func(ctx context.Context) (app.Stocktake, error) {
		return p.v.deps.Services.Warehouse.StartStocktake(ctx, loc, day)
	}, func(st app.Stocktake) {
		ids := openTakeIDs()
		if !slices.Contains(ids, st.ID) {
			setOpenTakeIDs(append(ids, st.ID))
		}
		p.showTake(&st)
		p.reload()
	})
}

// showTake shows st (nil: none open).
func (p *stocktakePane) showTake(st *app.Stocktake) {
	if p.take == nil || st == nil || p.take.ID != st.ID {
		p.lotTyped = map[int]bool{}
	}
	p.take = st
	p.msg.SetText("")
	p.scanMsg.SetText("")
	on := st != nil && st.Status != app.StockPosted
	for _, b := range []*widget.Button{p.save, p.rest, p.closeBtn} {
		setEnabled(b, on)
	}
	setEnabled(p.sheet, st != nil)
	setEnabled(&p.scan.Entry, on)
	if st == nil {
		p.title.SetText(lang.X("warehouse.stocktake.none", "No stocktake open"))
		p.linesBox.Objects = nil
		p.linesBox.Refresh()
		p.summary.SetText(lang.X("warehouse.stocktake.hint", "Start a stocktake of a location on the left: its lines are the items the books expect there on the day."))
		return
	}
	title := lang.X("warehouse.stocktake.title", "Stocktake {{.number}} — {{.location}} as of {{.date}}",
		map[string]any{"number": st.Number, "location": p.v.cat.locCode(st.Location), "date": st.Date.Format(kit.UILang)})
	if st.Status == app.StockPosted {
		title += " · " + lang.X("warehouse.stocktake.closed", "closed")
	}
	p.title.SetText(title)
	p.buildLines()
	if on {
		p.v.win.Canvas().Focus(p.scan)
	}
}

func (p *stocktakePane) buildLines() {
	st := p.take
	p.linesBox.Objects = nil
	p.counts, p.diffs = nil, nil
	on := st.Status != app.StockPosted
	if p.lotTyped == nil {
		p.lotTyped = map[int]bool{}
	}
	for i := range st.Lines {
		i := i
		l := st.Lines[i]
		lab := func(s string, w float32, right bool) fyne.CanvasObject {
			x := widget.NewLabel(s)
			x.Alignment = kit.ColumnAlign(right)
			x.Truncation = fyne.TextTruncateEllipsis
			return cell(x, w)
		}
		ls := l.Lot
		if l.Serial != "" {
			ls = l.Serial
		}
		// A lot-tracked item the books hold without a lot is counted
		// into the lot typed here (its difference posts to that lot).
		var lotCell fyne.CanvasObject
		if p.v.cat.byID[l.ItemID].Tracking == app.TrackLot && l.Serial == "" && (on && (l.Lot == "" || p.lotTyped[i])) {
			lot := widget.NewEntry()
			lot.SetPlaceHolder(lang.X("warehouse.col.lot", "Lot"))
			lot.SetText(l.Lot)
			lot.OnChanged = func(s string) {
				p.take.Lines[i].Lot = strings.TrimSpace(s)
				p.lotTyped[i] = true
			}
			lotCell = cell(lot, 140)
		} else {
			lotCell = lab(ls, 140, false)
		}
		count := widget.NewEntry()
		if l.Counted {
			count.SetText(kit.FormatQty(l.Count))
		}
		count.SetPlaceHolder("—")
		diff := widget.NewLabel("")
		diff.Alignment = fyne.TextAlignTrailing
		count.OnChanged = func(s string) {
			s = strings.TrimSpace(s)
			if s == "" {
				p.take.Lines[i].Counted, p.take.Lines[i].Count = false, 0
			} else if q, err := app.ParseQty(s, kit.UILang); err == nil {
				p.take.Lines[i].Counted, p.take.Lines[i].Count = true, q
			}
			p.updateDiff(i)
		}
		setEnabled(count, on)
		p.counts = append(p.counts, count)
		p.diffs = append(p.diffs, diff)
		p.linesBox.Add(container.NewHBox(lab(l.Code, wCode, false), lab(l.Name, 280, false), lotCell, lab(l.Unit, wUnit, false),
			lab(kit.FormatQty(l.Expected), 130, true), cell(count, 110), cell(diff, 110)))
		p.updateDiff(i)
	}
	if len(st.Lines) == 0 {
		p.linesBox.Add(widget.NewLabel(lang.X("warehouse.stocktake.empty", "The books expect nothing here: scan what you find.")))
	}
	p.linesBox.Refresh()
	p.updateSummary()
}

func (p *stocktakePane) updateDiff(i int) {
	l := p.take.Lines[i]
	d := p.diffs[i]
	if !l.Counted {
		d.SetText("")
		d.Importance = widget.MediumImportance
	} else {
		diff := l.Difference()
		d.Importance = widget.MediumImportance
		if diff < 0 {
			d.Importance = widget.DangerImportance
		} else if diff > 0 {
			d.Importance = widget.WarningImportance
		}
		s := kit.FormatQty(diff)
		if diff > 0 {
			s = "+" + s
		}
		d.SetText(s)
	}
	p.updateSummary()
}

func (p *stocktakePane) updateSummary() {
	if p.take == nil {
		return
	}
	counted, differ := 0, 0
	for _, l := range p.take.Lines {
		if l.Counted {
			counted++
			if l.Difference() != 0 {
				differ++
			}
		}
	}
	p.summary.SetText(lang.X("warehouse.stocktake.summary", "{{.counted}} of {{.lines}} lines counted, {{.differ}} with a difference",
		map[string]any{"counted": counted, "lines": len(p.take.Lines), "differ": differ}))
}

// scanned counts one more unit of the item typed or scanned.
func (p *stocktakePane) scanned(text string) {
	if p.take == nil || p.take.Status == app.StockPosted {
		return
	}
	text = strings.TrimSpace(text)
	p.scan.SetText("")
	if text == "" {
		return
	}
	// A serial number on the sheet counts its one unit.
	for i, l := range p.take.Lines {
		if l.Serial != "" && l.Serial == text {
			p.scanMsg.SetText("")
			p.counts[i].SetText("1")
			p.v.win.Canvas().Focus(p.scan)
			return
		}
	}
	si, it, ok := p.v.cat.findScanned(text)
	if !ok {
		p.scanMsg.SetText(lang.X("warehouse.scan.unknown", "No stock item has the barcode or code “{{.code}}”.", map[string]any{"code": text}))
		return
	}
	p.scanMsg.SetText("")
	before := len(p.take.Lines)
	st, i := countScanned(*p.take, si, it)
	p.take = &st
	if len(st.Lines) != before {
		p.buildLines()
	} else {
		p.counts[i].SetText(kit.FormatQty(st.Lines[i].Count))
	}
	p.v.win.Canvas().Focus(p.scan)
}

// restZero counts every line not counted yet as zero.
func (p *stocktakePane) restZero() {
	if p.take == nil {
		return
	}
	for i, l := range p.take.Lines {
		if !l.Counted {
			p.counts[i].SetText("0")
		}
	}
}

// readCounts checks the typed counts, naming the lines that are not numbers.
func (p *stocktakePane) readCounts() error {
	var es app.Errors
	for i, e := range p.counts {
		s := strings.TrimSpace(e.Text)
		if s == "" {
			continue
		}
		if _, err := app.ParseQty(s, kit.UILang); err != nil {
			es.Add(app.Invalid("stocktake.lines", "err.warehouse.count", "line {{.n}} ({{.item}}): the count is not a number", map[string]any{"n": i + 1, "item": p.take.Lines[i].Name}))
		}
	}
	return es.Err()
}

func (p *stocktakePane) to() kit.To {
	return kit.To{Win: p.v.win, Err: p.fail, Busy: kit.ButtonsBusy(p.save, p.rest, p.closeBtn, p.sheet)}
}

// fail shows a refusal under the lines, in words that name the line or
// field.
func (p *stocktakePane) fail(err error) {
	if app.ErrorCode(err) == app.EINVALID {
		p.msg.SetText(app.ErrorMessage(err, kit.Translator()))
		return
	}
	kit.ShowError(err, p.v.win)
}

// saveTake stores the counts, then runs then.
func (p *stocktakePane) saveTake(then func()) {
	p.msg.SetText("")
	if err := p.readCounts(); err != nil {
		p.fail(err)
		return
	}
	st := *p.take
	kit.Call(p.v.deps, p.to(), func(ctx context.Context) (app.Stocktake, error) {
		return p.v.deps.Services.Warehouse.SaveStocktake(ctx, st)
	}, func(saved app.Stocktake) {
		p.take = &saved
		if then != nil {
			then()
			return
		}
		p.summary.SetText(p.summary.Text + " · " + lang.X("warehouse.saved", "saved"))
	})
}

func (p *stocktakePane) confirmClose() {
	dialog.ShowConfirm(lang.X("warehouse.stocktake.close_title", "Close stocktake"),
		lang.X("warehouse.stocktake.close_confirm", "Close the stocktake? Its differences are posted as a stocktake difference document; the counts cannot be changed afterwards."),
		func(ok bool) {
			if ok {
				p.closeTake()
			}
		}, p.v.win)
}

// closeTake saves the counts, closes the stocktake and shows the
// difference document.
func (p *stocktakePane) closeTake() {
	p.saveTake(func() {
		id := p.take.ID
		type closed struct {
			st  app.Stocktake
			doc app.StockDoc
		}
		kit.Call(p.v.deps, p.to(), func(ctx context.Context) (closed, error) {
			st, doc, err := p.v.deps.Services.Warehouse.CloseStocktake(ctx, id)
			return closed{st, doc}, err
		}, func(c closed) {
			p.showTake(&c.st)
			p.reload()
			p.showDifference(c.doc)
		})
	})
}

// showDifference shows the difference document a closed stocktake posted.
func (p *stocktakePane) showDifference(d app.StockDoc) {
	p.lastDiff = d
	if len(d.Lines) == 0 {
		dialog.ShowInformation(lang.X("warehouse.stocktake.closed_title", "Stocktake closed"),
			lang.X("warehouse.stocktake.no_difference", "Every count matched the books: there is no difference to post."), p.v.win)
		return
	}
	var b strings.Builder
	for _, l := range d.Lines {
		q := kit.FormatQty(l.Qty)
		if l.Qty > 0 {
			q = "+" + q
		}
		b.WriteString(l.Code + " " + l.Name + ": " + q + " " + l.Unit + " (" + money(l.Total()) + ")\n")
	}
	text := widget.NewLabel(lang.X("warehouse.stocktake.difference", "Posted {{.number}}:", map[string]any{"number": d.Number}) + "\n" + b.String())
	text.Wrapping = fyne.TextWrapWord
	var dlg dialog.Dialog
	open := widget.NewButtonWithIcon(lang.X("warehouse.stocktake.open_difference", "Open the document"), theme.DocumentIcon(), func() {
		dlg.Hide()
		p.v.selectTab(1)
		p.v.docs.show(d)
	})
	dlg = dialog.NewCustom(lang.X("warehouse.stocktake.closed_title", "Stocktake closed"), lang.X("action.close", "Close"),
		container.NewVBox(text, container.NewHBox(open)), p.v.win)
	kit.ShowSized(dlg, fyne.NewSize(560, 0))
}

// sheetOf is the stocktake's count sheet for the printer.
func (p *stocktakePane) sheetOf() app.StocktakeSheet {
	ean := map[string]string{}
	for _, si := range p.v.cat.stock {
		if si.EAN != "" {
			ean[si.ItemID] = si.EAN
		}
	}
	sh := app.StocktakeSheet{Take: *p.take, Location: p.v.cat.locMap[p.take.Location], EAN: ean, Lang: kit.UILang}
	if u := p.v.deps.User(); u.FullName != "" {
		if p.take.CountedBy == u.Name {
			sh.CountedBy = u.FullName
		}
		if p.take.Responsible == u.Name {
			sh.Responsible = u.FullName
		}
	}
	return sh
}

// exportSheet saves the count sheet (with barcodes) as a PDF and opens it.
func (p *stocktakePane) exportSheet() {
	if p.take == nil {
		return
	}
	kit.SaveFileAs(p.v.win, p.take.Number+".pdf", ".pdf", p.writeSheet)
}

func (p *stocktakePane) writeSheet(path string) {
	sheet, d := p.sheetOf(), p.v.deps
	kit.Run(d, p.to(), func(ctx context.Context) error {
		c, err := d.Services.Company.Company(ctx)
		if err != nil {
			return err
		}
		return kit.WriteFileAtomic(path, func(w *os.File) error { return d.Printer.Print(w, sheet, c) })
	}, func() {
		p.summary.SetText(lang.X("warehouse.pdf_saved", "Saved {{.path}}", map[string]any{"path": path}))
		kit.OpenFile(path)
	})
}
