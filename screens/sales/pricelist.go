package sales

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// priceListView is the price list inside Sales: items and services with
// their price without VAT and VAT rate kind; a form dialog adds and edits.
type priceListView struct {
	deps    kit.Deps
	win     fyne.Window
	company *app.Company

	all, shown []app.Item
	search     *widget.Entry
	table      *widget.Table
	count      *widget.Label
}

func newPriceListView(d kit.Deps, w fyne.Window, c *app.Company) *priceListView {
	return &priceListView{deps: d, win: w, company: c}
}

var itemColumns = []kit.Column{
	{Key: "items.col.code", Fallback: "Code", Width: 110},
	{Key: "items.col.name", Fallback: "Name", Width: 320},
	{Key: "items.col.unit", Fallback: "Unit", Width: 70},
	{Key: "items.col.price", Fallback: "Price without VAT", Width: 160},
	{Key: "items.col.vat", Fallback: "VAT", Width: 130},
	{Key: "items.col.stock", Fallback: "Stock item", Width: 100},
	{Key: "items.col.state", Fallback: "State", Width: 100},
}

func (v *priceListView) buildUI() fyne.CanvasObject {
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder(lang.X("items.search", "Search code or name…"))
	v.search.OnChanged = func(string) { v.filter() }
	v.count = widget.NewLabel("")
	var left fyne.CanvasObject
	if v.deps.Can(app.PermItemsWrite) {
		add := widget.NewButtonWithIcon(lang.X("items.add", "New item…"), theme.ContentAddIcon(), func() {
			v.edit(app.Item{Unit: "ks", VATKind: app.VATStandard, Price: app.Money{Currency: v.company.BaseCurrency}})
		})
		add.Importance = widget.HighImportance
		left = add
	}
	bar := container.NewBorder(nil, nil, left, v.count, v.search)
	v.table = kit.NewColumnTable(itemColumns, func() int { return len(v.shown) }, v.updateCell, nil)
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(v.shown) && v.deps.Can(app.PermItemsWrite) {
			v.edit(v.shown[id.Row])
		}
	}
	v.reload()
	return container.NewBorder(bar, nil, nil, nil, v.table)
}

func (v *priceListView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Alignment = kit.ColumnAlign(id.Col == 3)
	if id.Row >= len(v.shown) {
		l.SetText("")
		return
	}
	it := v.shown[id.Row]
	text := ""
	switch id.Col {
	case 0:
		text = it.Code
	case 1:
		text = it.Name
	case 2:
		text = it.Unit
	case 3:
		text = it.Price.Format(kit.UILang)
	case 4:
		text = kit.VATLabel(*v.company, it.VATKind, app.Today(v.deps.Clock()))
	case 5:
		if it.Stock {
			text = lang.X("items.stock_yes", "yes")
		}
	case 6:
		if it.Disabled {
			text = lang.X("items.disabled", "not sold")
		}
	}
	l.SetText(text)
}

// reload reads the price list in the background.
func (v *priceListView) reload() {
	kit.Call(v.deps, kit.To{Win: v.win}, v.deps.Services.PriceList.Items, func(items []app.Item) {
		v.all = items
		v.filter()
	})
}

// filter narrows the list to items whose code or name contain every word.
func (v *priceListView) filter() {
	words := strings.Fields(app.FoldText(v.search.Text))
	v.shown = v.shown[:0]
	for _, it := range v.all {
		hay := app.FoldText(it.Code + " " + it.Name)
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(hay, w)
		}
		if ok {
			v.shown = append(v.shown, it)
		}
	}
	v.count.SetText(kit.Plural("items.count", len(v.shown), "{{.n}} item", "{{.n}} items", nil))
	v.table.Refresh()
}

// edit opens the item form; the store checks the code is unique.
func (v *priceListView) edit(it app.Item) {
	fs := kit.NewFieldSet()
	code := fs.EscEntry("item.code", "Code", "SRV-01")
	name := fs.EscEntry("item.name", "Name", "")
	unit := fs.EscEntry("item.unit", "Unit", "ks")
	price := fs.EscEntry("item.price", "Price", "1 234,50")
	var kinds []string
	for _, k := range kit.VATKinds {
		kinds = append(kinds, kit.VATLabel(*v.company, k, app.Today(v.deps.Clock())))
	}
	kind := widget.NewSelect(kinds, nil)
	kind.PlaceHolder = lang.X("line.pick", "Pick…")
	fs.Add("item.vat_kind", "VAT rate", kind)
	stock := widget.NewCheck(lang.X("items.stock_hint", "kept in the warehouse (goods)"), nil)
	fs.Add("item.stock", "Stock item", stock)
	disabled := widget.NewCheck(lang.X("items.disabled_hint", "no longer sold"), nil)
	fs.Add("item.disabled", "Not sold", disabled)

	code.SetText(it.Code)
	name.SetText(it.Name)
	unit.SetText(it.Unit)
	if it.ID != "" || it.Price.Amount != 0 {
		price.SetText(kit.FormatPriceInput(it.Price.Amount, it.Price.Currency))
	}
	for i, k := range kit.VATKinds {
		if k == it.VATKind {
			kind.SetSelectedIndex(i)
		}
	}
	stock.SetChecked(it.Stock)
	disabled.SetChecked(it.Disabled)
	title := lang.X("items.new_title", "New item")
	if it.ID != "" {
		title = lang.X("items.edit_title", "Item {{.code}}", map[string]any{"code": it.Code})
	}
	kit.ShowFormDialog(title, lang.X("action.save", "Save"), fs, nil, v.win, func(fd *kit.FormDialog) {
		out := it
		out.Code, out.Name, out.Unit = strings.TrimSpace(code.Text), strings.TrimSpace(name.Text), strings.TrimSpace(unit.Text)
		cur := it.Price.Currency
		if cur == "" {
			cur = v.company.BaseCurrency
		}
		m, err := app.ParseMoney(price.Text, cur, kit.UILang)
		if err != nil {
			fd.Fail(app.WithField(err, "item.price"))
			return
		}
		out.Price = m
		out.VATKind = ""
		if i := kind.SelectedIndex(); i >= 0 {
			out.VATKind = kit.VATKinds[i]
		}
		out.Stock, out.Disabled = stock.Checked, disabled.Checked
		if err := out.Validate(); err != nil {
			fd.Fail(err)
			return
		}
		kit.Run(v.deps, fd.To(), func(ctx context.Context) error {
			_, err := v.deps.Services.PriceList.SaveItem(ctx, out)
			return err
		}, func() {
			fd.Close()
			v.reload()
		})
	})
}
