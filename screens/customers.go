package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

// customerLimit bounds one search: the list shows the best matches and asks
// for a narrower search beyond that.
const customerLimit = 500

// customersView is the customer directory inside Sales: searchable as you
// type, a form dialog to add and edit.
type customersView struct {
	deps     Deps
	win      fyne.Window
	base     string // the company's base currency
	search   *widget.Entry
	list     []app.Customer
	table    *widget.Table
	count    *widget.Label
	debounce debouncer
	gen      int
}

func newCustomersView(d Deps, w fyne.Window, base string) *customersView {
	return &customersView{deps: d, win: w, base: base}
}

var customerColumns = []struct {
	key, fallback string
	width         float32
}{
	{"customers.col.name", "Name", 280},
	{"customers.col.ico", "IČO", 100},
	{"customers.col.dic", "DIČ", 120},
	{"customers.col.city", "City", 160},
	{"customers.col.email", "E-mail", 220},
	{"customers.col.phone", "Phone", 140},
	{"customers.col.terms", "Terms", 80},
}

func (v *customersView) buildUI() fyne.CanvasObject {
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder(lang.X("customers.search", "Search name, IČO, city, e-mail…"))
	v.search.OnChanged = func(string) { v.debounce.call(v.reload) }
	v.count = widget.NewLabel("")
	bar := container.NewBorder(nil, nil, nil, v.count, v.search)
	if v.deps.can(app.PermCustomersWrite) {
		add := widget.NewButtonWithIcon(lang.X("customers.add", "New customer…"), theme.ContentAddIcon(), func() { v.edit(app.Customer{}) })
		add.Importance = widget.HighImportance
		bar = container.NewBorder(nil, nil, add, v.count, v.search)
	}
	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.list), len(customerColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		v.updateCell)
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(lang.X(customerColumns[id.Col].key, customerColumns[id.Col].fallback))
		}
	}
	for i, c := range customerColumns {
		v.table.SetColumnWidth(i, c.width)
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(v.list) && v.deps.can(app.PermCustomersWrite) {
			v.edit(v.list[id.Row])
		}
	}
	v.reload()
	return container.NewBorder(bar, nil, nil, nil, v.table)
}

func (v *customersView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	if id.Row >= len(v.list) {
		l.SetText("")
		return
	}
	c := v.list[id.Row]
	l.SetText([]string{c.Name, c.ICO, c.DIC, c.City, c.Email, c.Phone,
		lang.X("customers.days", "{{.n}} d", map[string]any{"n": c.PaymentDays})}[id.Col])
}

// reload runs the search in the background; a newer search wins.
func (v *customersView) reload() {
	v.gen++
	gen, q, ctx := v.gen, v.search.Text, v.deps.ctx()
	async(func() {
		list, err := v.deps.Services.Customers.Customers(ctx, q, customerLimit)
		fyne.Do(func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				showError(err, v.win)
				return
			}
			v.list = list
			v.count.SetText(lang.X("customers.count", "{{.n}} customers", map[string]any{"n": len(list)}))
			v.table.Refresh()
		})
	})
}

// edit opens the customer form and refreshes the list after a save.
func (v *customersView) edit(c app.Customer) {
	showCustomerForm(v.deps, v.win, c, v.base, func(app.Customer) { v.reload() })
}

// pickCustomer shows a search-as-you-type list of customers and "New
// customer…"; picked gets the chosen record. Enter takes the first match.
func pickCustomer(d Deps, w fyne.Window, base string, picked func(app.Customer)) {
	var found []app.Customer
	var gen int
	var db debouncer
	search := newEscEntry()
	search.SetPlaceHolder(lang.X("customers.search", "Search name, IČO, city, e-mail…"))
	list := widget.NewList(func() int { return len(found) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := found[i]
			text := c.Name
			if c.ICO != "" {
				text += " · " + c.ICO
			}
			if c.City != "" {
				text += " · " + c.City
			}
			o.(*widget.Label).SetText(text)
			o.(*widget.Label).Truncation = fyne.TextTruncateEllipsis
		})
	var dlg *dialog.CustomDialog
	choose := func(c app.Customer) {
		dlg.Hide()
		picked(c)
	}
	list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(found) {
			choose(found[i])
		}
	}
	run := func() {
		gen++
		g, q, ctx := gen, search.Text, d.ctx()
		async(func() {
			cs, err := d.Services.Customers.Customers(ctx, q, 100)
			fyne.Do(func() {
				if g != gen {
					return
				}
				if err != nil {
					showError(err, w)
					return
				}
				found = cs
				list.UnselectAll()
				list.Refresh()
			})
		})
	}
	search.OnChanged = func(string) { db.call(run) }
	search.OnSubmitted = func(string) {
		if len(found) > 0 {
			choose(found[0])
		}
	}
	cancel := widget.NewButtonWithIcon(lang.X("action.cancel", "Cancel"), theme.CancelIcon(), func() { dlg.Hide() })
	buttons := []fyne.CanvasObject{cancel}
	if d.can(app.PermCustomersWrite) {
		add := widget.NewButtonWithIcon(lang.X("customers.add", "New customer…"), theme.ContentAddIcon(), func() {
			dlg.Hide()
			showCustomerForm(d, w, app.Customer{Name: search.Text}, base, picked)
		})
		buttons = append(buttons, add)
	}
	body := container.NewBorder(search, nil, nil, nil, container.NewGridWrap(fyne.NewSize(520, 300), list))
	dlg = dialog.NewCustomWithoutButtons(lang.X("customers.pick_title", "Choose a customer"), body, w)
	dlg.SetButtons(buttons)
	search.onEsc = dlg.Hide
	dlg.Show()
	w.Canvas().Focus(search)
	run()
}
