package warehouse

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// itemRow is one stock item of the list with its level today.
type itemRow struct {
	si    app.StockItem
	it    app.Item
	qty   app.Qty
	value int64
}

// itemsPane lists the stock items with what is on hand today; a search
// narrows it as the user types.
type itemsPane struct {
	v      *View
	search *widget.Entry
	table  *widget.Table
	count  *widget.Label
	rows   []itemRow
	sel    int
	edit   *widget.Button
	card   *widget.Button
	deb    kit.Debouncer
	gen    int
}

func newItemsPane(v *View) *itemsPane { return &itemsPane{v: v, sel: -1} }

var itemCols = []kit.Column{
	{Key: "warehouse.col.code", Fallback: "Code", Width: 120},
	{Key: "warehouse.col.name", Fallback: "Name", Width: 300},
	{Key: "warehouse.col.ean", Fallback: "EAN", Width: 140},
	{Key: "warehouse.col.on_hand", Fallback: "On hand", Width: 100},
	{Key: "warehouse.col.unit", Fallback: "Unit", Width: 60},
	{Key: "warehouse.col.value", Fallback: "Value", Width: 130},
	{Key: "warehouse.col.location", Fallback: "Location", Width: 110},
	{Key: "warehouse.col.tracking", Fallback: "Tracking", Width: 120},
	{Key: "warehouse.col.reorder", Fallback: "Reorder point", Width: 120},
}

func (p *itemsPane) buildUI() fyne.CanvasObject {
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(lang.X("warehouse.items.search", "Search code, name or EAN…"))
	p.search.OnChanged = func(string) { p.deb.Do(p.reload) }
	p.count = widget.NewLabel("")
	add := widget.NewButtonWithIcon(lang.X("warehouse.items.new", "New item…"), theme.ContentAddIcon(), func() {
		p.v.editItem(app.Item{Unit: "ks", VATKind: app.VATStandard, Stock: true}, app.StockItem{Kind: app.StockGoods}, p.reload)
	})
	add.Importance = widget.HighImportance
	p.edit = widget.NewButtonWithIcon(lang.X("warehouse.items.edit", "Edit…"), theme.DocumentCreateIcon(), func() {
		if r, ok := p.selected(); ok {
			p.v.editItem(r.it, r.si, p.reload)
		}
	})
	p.card = widget.NewButtonWithIcon(lang.X("warehouse.items.card", "Stock card"), theme.ListIcon(), func() {
		if r, ok := p.selected(); ok {
			p.v.showCard(r.si)
		}
	})
	p.edit.Disable()
	p.card.Disable()
	bar := container.NewBorder(nil, nil, container.NewHBox(add, p.edit, p.card), p.count, p.search)
	p.table = kit.NewColumnTable(itemCols, func() int { return len(p.rows) }, p.updateCell, func(c int) bool { return c == 3 || c == 5 || c == 8 })
	p.table.OnSelected = func(id widget.TableCellID) {
		p.sel = id.Row
		p.edit.Enable()
		p.card.Enable()
	}
	return container.NewBorder(bar, nil, nil, nil, p.table)
}

func (p *itemsPane) selected() (itemRow, bool) {
	if p.sel < 0 || p.sel >= len(p.rows) {
		return itemRow{}, false
	}
	return p.rows[p.sel], true
}

func (p *itemsPane) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Alignment = kit.ColumnAlign(id.Col == 3 || id.Col == 5 || id.Col == 8)
	l.Importance = widget.MediumImportance
	if id.Row >= len(p.rows) {
		l.SetText("")
		return
	}
	r := p.rows[id.Row]
	text := ""
	switch id.Col {
	case 0:
		text = r.it.Code
	case 1:
		text = r.it.Name
	case 2:
		text = r.si.EAN
	case 3:
		text = kit.FormatQty(r.qty)
		if r.qty < 0 {
			l.Importance = widget.DangerImportance
		}
	case 4:
		text = r.it.Unit
	case 5:
		text = money(r.value)
		if r.qty < 0 {
			l.Importance = widget.DangerImportance
		}
	case 6:
		text = p.v.cat.locCode(r.si.Location)
	case 7:
		text = trackingName(r.si.Tracking)
	case 8:
		if r.si.ReorderPoint > 0 {
			text = kit.FormatQty(r.si.ReorderPoint)
			if r.qty <= r.si.ReorderPoint {
				l.Importance = widget.WarningImportance
			}
		}
	}
	l.SetText(text)
}

// reload searches the stock cards and reads today's levels.
func (p *itemsPane) reload() {
	p.gen++
	gen, search := p.gen, p.search.Text
	svc := p.v.deps.Services
	today := app.Today(p.v.deps.Clock())
	kit.Call(p.v.deps, kit.To{Win: p.v.win, Stale: func() bool { return gen != p.gen }}, func(ctx context.Context) ([]itemRow, error) {
		stock, err := svc.Warehouse.StockItems(ctx, search, 0)
		if err != nil {
			return nil, err
		}
		vals, err := svc.Warehouse.StockValuation(ctx, today)
		if err != nil {
			return nil, err
		}
		by := map[string]app.StockValue{}
		for _, x := range vals {
			by[x.ItemID] = x
		}
		rows := make([]itemRow, len(stock))
		for i, s := range stock {
			rows[i] = itemRow{si: s, it: p.v.cat.items[s.ItemID], qty: by[s.ItemID].Qty, value: by[s.ItemID].Value}
		}
		return rows, nil
	}, func(rows []itemRow) {
		p.rows = rows
		p.sel = -1
		p.table.UnselectAll()
		p.edit.Disable()
		p.card.Disable()
		p.count.SetText(kit.Plural("warehouse.items.count", len(rows), "{{.n}} item", "{{.n}} items", nil))
		p.table.Refresh()
	})
}

var trackings = []app.Tracking{app.TrackNone, app.TrackLot, app.TrackSerial}

func trackingName(t app.Tracking) string {
	switch t {
	case app.TrackLot:
		return lang.X("warehouse.tracking.lot", "Lots")
	case app.TrackSerial:
		return lang.X("warehouse.tracking.serial", "Serial numbers")
	}
	return lang.X("warehouse.tracking.none", "None")
}

var stockKinds = []app.StockKind{app.StockGoods, app.StockMaterial}

func stockKindName(k app.StockKind) string {
	if k == app.StockMaterial {
		return lang.X("warehouse.kind.material", "Material (112)")
	}
	return lang.X("warehouse.kind.goods", "Goods (132)")
}

// itemForm is the form of a stock item: the price-list item's code, name,
// unit and sale price, and its stock card.
type itemForm struct {
	fs                                   *kit.FieldSet
	code, name, unit, price              *kit.EscEntry
	ean, purchase, warranty, point, rqty *kit.EscEntry
	kind, loc, tracking                  *widget.Select
	locs                                 []app.Location
	// from picks, for a new card, a price-list item that has none yet
	// (nil when editing or when every item has one).
	from     *widget.Select
	fromList []app.Item
	base     app.Item // the price-list item the card is for
}

func newItemForm(c *catalog, it app.Item, si app.StockItem) *itemForm {
	f := &itemForm{fs: kit.NewFieldSet(), base: it}
	fs := f.fs
	if it.ID == "" {
		for _, x := range sortedItems(c.items) {
			if _, has := c.byID[x.ID]; !has && !x.Disabled && x.Stock {
				f.fromList = append(f.fromList, x)
			}
		}
	}
	if len(f.fromList) > 0 {
		names := []string{lang.X("warehouse.items.new_in_list", "(a new price-list item)")}
		for _, x := range f.fromList {
			names = append(names, x.Code+" — "+x.Name)
		}
		f.from = newSelect(names, func(string) { f.pick() })
		fs.Add("stock_item.item", "Item", f.from)
	}
	f.code = fs.EscEntry("item.code", "Code", "KAVA-01")
	f.name = fs.EscEntry("item.name", "Name", "")
	f.unit = fs.EscEntry("item.unit", "Unit", "ks")
	f.price = fs.EscEntry("item.price", "Price", "1 234,50")
	f.kind = newSelect(kit.Names(stockKinds, stockKindName), nil)
	fs.Add("stock_item.kind", "Stock kind", f.kind)
	f.ean = fs.EscEntry("stock_item.ean", "EAN barcode", "8594000000013")
	f.purchase = fs.EscEntry("stock_item.purchase_price", "Purchase price", "0,00")
	f.warranty = fs.EscEntry("stock_item.warranty_months", "Warranty (months)", "24")
	f.point = fs.EscEntry("stock_item.reorder_point", "Reorder point", "0")
	f.rqty = fs.EscEntry("stock_item.reorder_qty", "Reorder quantity", "0")
	f.locs = c.activeLocs()
	names := []string{lang.X("warehouse.no_location", "(none)")}
	for _, l := range f.locs {
		names = append(names, locLabel(l))
	}
	f.loc = newSelect(names, nil)
	fs.Add("stock_item.location", "Default location", f.loc)
	f.tracking = newSelect(kit.Names(trackings, trackingName), nil)
	fs.Add("stock_item.tracking", "Tracking", f.tracking)

	f.code.SetText(it.Code)
	f.name.SetText(it.Name)
	f.unit.SetText(it.Unit)
	if it.ID != "" {
		f.price.SetText(kit.FormatPriceInput(it.Price.Amount, it.Price.Currency))
	}
	kit.SelectValue(f.kind, stockKinds, si.Kind)
	if f.kind.SelectedIndex() < 0 {
		f.kind.SetSelectedIndex(0)
	}
	f.ean.SetText(si.EAN)
	if si.PurchasePrice.Amount != 0 {
		f.purchase.SetText(kit.FormatPriceInput(si.PurchasePrice.Amount, si.PurchasePrice.Currency))
	}
	if si.WarrantyMonths != 0 {
		f.warranty.SetText(strconv.Itoa(si.WarrantyMonths))
	}
	if si.ReorderPoint != 0 {
		f.point.SetText(kit.FormatQty(si.ReorderPoint))
	}
	if si.ReorderQty != 0 {
		f.rqty.SetText(kit.FormatQty(si.ReorderQty))
	}
	f.loc.SetSelectedIndex(0)
	for i, l := range f.locs {
		if l.ID == si.Location {
			f.loc.SetSelectedIndex(i + 1)
		}
	}
	kit.SelectValue(f.tracking, trackings, si.Tracking)
	if f.tracking.SelectedIndex() < 0 {
		f.tracking.SetSelectedIndex(0)
	}
	if f.from != nil {
		f.from.SetSelectedIndex(0)
	}
	return f
}

// pick fills the item's fields from the price-list item chosen in from.
func (f *itemForm) pick() {
	i := f.from.SelectedIndex()
	if i <= 0 {
		f.base = app.Item{Unit: "ks", VATKind: app.VATStandard, Stock: true}
		f.code.SetText("")
		f.name.SetText("")
		f.unit.SetText("ks")
		f.price.SetText("")
		return
	}
	it := f.fromList[i-1]
	f.base = it
	f.code.SetText(it.Code)
	f.name.SetText(it.Name)
	f.unit.SetText(it.Unit)
	f.price.SetText(kit.FormatPriceInput(it.Price.Amount, it.Price.Currency))
}

// sortedItems are the price list's items by code.
func sortedItems(items map[string]app.Item) []app.Item {
	out := make([]app.Item, 0, len(items))
	for _, it := range items {
		out = append(out, it)
	}
	slices.SortFunc(out, func(a, b app.Item) int { return strings.Compare(a.Code, b.Code) })
	return out
}

// read is the item and the stock card the form holds, every wrong field
// named (the parse errors, then the card's own rules).
func (f *itemForm) read(si app.StockItem, currency string, locs map[string]app.Location) (app.Item, app.StockItem, error) {
	var es app.Errors
	it := f.base
	it.Code, it.Name, it.Unit = strings.TrimSpace(f.code.Text), strings.TrimSpace(f.name.Text), strings.TrimSpace(f.unit.Text)
	it.Stock = true
	if it.VATKind == "" {
		it.VATKind = app.VATStandard
	}
	cur := it.Price.Currency
	if cur == "" {
		cur = currency
	}
	if strings.TrimSpace(f.price.Text) == "" {
		it.Price = app.Money{Currency: cur}
	} else if m, err := app.ParseMoney(f.price.Text, cur, kit.UILang); err != nil {
		es.Add(app.WithField(err, "item.price"))
	} else {
		it.Price = m
	}
	es.Add(it.Validate())
	si.Kind = stockKinds[max(f.kind.SelectedIndex(), 0)]
	si.EAN = f.ean.Text
	si.PurchasePrice = app.Money{Currency: currency}
	if strings.TrimSpace(f.purchase.Text) != "" {
		if m, err := app.ParseMoney(f.purchase.Text, currency, kit.UILang); err != nil {
			es.Add(app.WithField(err, "stock_item.purchase_price"))
		} else {
			si.PurchasePrice = m
		}
	}
	si.WarrantyMonths = 0
	if t := strings.TrimSpace(f.warranty.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			es.Add(app.Invalid("stock_item.warranty_months", "err.stock_item.warranty", "a warranty is 0 to {{.max}} months", map[string]any{"max": app.MaxWarrantyMonths}))
		}
		si.WarrantyMonths = n
	}
	qty := func(e *kit.EscEntry, field string) app.Qty {
		if strings.TrimSpace(e.Text) == "" {
			return 0
		}
		q, err := app.ParseQty(e.Text, kit.UILang)
		if err != nil {
			es.Add(app.WithField(err, field))
		}
		return q
	}
	si.ReorderPoint = qty(f.point, "stock_item.reorder_point")
	si.ReorderQty = qty(f.rqty, "stock_item.reorder_qty")
	si.Location = ""
	if i := f.loc.SelectedIndex(); i > 0 {
		si.Location = f.locs[i-1].ID
	}
	si.Tracking = trackings[max(f.tracking.SelectedIndex(), 0)]
	si.Normalize()
	es.Add(si.Validate(locs))
	return it, si, es.Err()
}

// editItem opens the item form; saving writes the price-list item, then its
// stock card (nothing when a field is wrong).
func (v *View) editItem(it app.Item, si app.StockItem, done func()) {
	currency := v.h.Company().BaseCurrency
	f := newItemForm(v.cat, it, si)
	v.itemForm = f
	title := lang.X("warehouse.items.new_title", "New stock item")
	if it.ID != "" {
		title = lang.X("warehouse.items.edit_title", "Stock item {{.code}}", map[string]any{"code": it.Code})
	}
	check := func() error {
		_, _, err := f.read(si, currency, v.cat.locMap)
		return err
	}
	f.fs.Live(check)
	fd := kit.ShowFormDialog(title, lang.X("action.save", "Save"), f.fs, nil, v.win, func(fd *kit.FormDialog) {
		outIt, outSi, err := f.read(si, currency, v.cat.locMap)
		if err != nil {
			fd.Fail(err)
			return
		}
		kit.Call(v.deps, fd.To(), func(ctx context.Context) (app.StockItem, error) {
			saved, err := v.deps.Services.PriceList.SaveItem(ctx, outIt)
			if err != nil {
				return app.StockItem{}, err
			}
			outSi.ItemID = saved.ID
			return v.deps.Services.Warehouse.SaveStockItem(ctx, outSi)
		}, func(app.StockItem) {
			fd.Close()
			v.loadCatalog(done)
		})
	})
	fd.Widen(620)
}
