// Package customers holds the customer widgets the modules share: the
// searchable directory (View), the search-as-you-type picker (Pick, Picker),
// the customer form (ShowForm) and the few lines that describe a customer
// (Details). Reception, Sales and Payables use them; it imports only kit.
package customers

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// Limit bounds one search: the list shows the best matches and asks
// for a narrower search beyond that.
const Limit = 500

// View is the customer directory of Sales and Reception: searchable as you
// type, a form dialog to add and edit. With Open set (the Reception
// directory) a chosen row opens the customer card instead of the form; Up and
// Down in the search field move the highlight and Enter opens it. Set Open,
// Extra and Loaded before the first UI call.
type View struct {
	deps     kit.Deps
	win      fyne.Window
	base     string // the company's base currency
	search   *kit.NavEntry
	list     []app.Customer
	table    *widget.Table
	count    *widget.Label
	debounce kit.Debouncer
	gen      int
	cur      int // the highlighted row (open mode)
	ui       fyne.CanvasObject
	Open     func(app.Customer)   // nil: a chosen row opens the form
	Extra    []fyne.CanvasObject  // more buttons for the bar
	Loaded   func([]app.Customer) // a search finished (tests)
}

// NewView makes the directory over w; base is the company's base currency
// (the form's default).
func NewView(d kit.Deps, w fyne.Window, base string) *View {
	return &View{deps: d, win: w, base: base}
}

var customerColumns = []kit.Column{
	{Key: "customers.col.name", Fallback: "Name", Width: 280},
	{Key: "customers.col.ico", Fallback: "IČO", Width: 100},
	{Key: "customers.col.dic", Fallback: "DIČ", Width: 120},
	{Key: "customers.col.city", Fallback: "City", Width: 160},
	{Key: "customers.col.email", Fallback: "E-mail", Width: 220},
	{Key: "customers.col.phone", Fallback: "Phone", Width: 140},
	{Key: "customers.col.terms", Fallback: "Terms", Width: 80},
}

// UI builds the directory on the first call (and starts the first search)
// and returns the same object afterwards.
func (v *View) UI() fyne.CanvasObject {
	if v.ui != nil {
		return v.ui
	}
	v.search = kit.NewNavEntry()
	v.search.SetPlaceHolder(lang.X("customers.search", "Search name, IČO, city, e-mail…"))
	v.search.OnChanged = func(string) { v.debounce.Do(v.Reload) }
	v.search.OnSubmitted = func(string) { v.openCurrent() }
	v.search.OnMove = v.move
	v.count = widget.NewLabel("")
	right := container.NewHBox(append([]fyne.CanvasObject{v.count}, v.Extra...)...)
	bar := container.NewBorder(nil, nil, nil, right, v.search)
	if v.deps.Can(app.PermCustomersWrite) {
		add := widget.NewButtonWithIcon(lang.X("customers.add", "New customer…"), theme.ContentAddIcon(), func() { v.edit(app.Customer{}) })
		add.Importance = widget.HighImportance
		bar = container.NewBorder(nil, nil, add, right, v.search)
	}
	v.table = kit.NewColumnTable(customerColumns, func() int { return len(v.list) }, v.updateCell, nil)
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		if id.Row < 0 || id.Row >= len(v.list) {
			return
		}
		if v.Open != nil {
			v.cur = id.Row
			v.Open(v.list[id.Row])
			return
		}
		if v.deps.Can(app.PermCustomersWrite) {
			v.edit(v.list[id.Row])
		}
	}
	v.Reload()
	v.ui = container.NewBorder(bar, nil, nil, nil, v.table)
	return v.ui
}

// Search is the search field (the caller focuses it).
func (v *View) Search() *kit.NavEntry { return v.search }

// List is what the last search found.
func (v *View) List() []app.Customer { return v.list }

func (v *View) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	if id.Row >= len(v.list) {
		l.SetText("")
		return
	}
	c := v.list[id.Row]
	l.TextStyle.Bold = v.Open != nil && id.Row == v.cur
	l.SetText([]string{c.Name, c.ICO, c.DIC, c.City, c.Email, c.Phone,
		kit.Plural("customers.days", c.PaymentDays, "{{.n}} d", "{{.n}} d", nil)}[id.Col])
}

// Reload runs the search in the background; a newer search wins.
func (v *View) Reload() {
	v.gen++
	gen, q := v.gen, v.search.Text
	kit.Call(v.deps, kit.To{Win: v.win, Stale: func() bool { return gen != v.gen }}, func(ctx context.Context) ([]app.Customer, error) {
		return v.deps.Services.Customers.Customers(ctx, q, Limit)
	}, func(list []app.Customer) {
		v.list = list
		v.cur = 0
		v.count.SetText(kit.Plural("customers.count", len(list), "{{.n}} customer", "{{.n}} customers", nil))
		v.table.Refresh()
		if v.Loaded != nil {
			v.Loaded(list)
		}
	})
}

// move shifts the highlighted row by delta and scrolls it into view.
func (v *View) move(delta int) {
	if v.Open == nil || len(v.list) == 0 {
		return
	}
	v.cur = max(0, min(len(v.list)-1, v.cur+delta))
	v.table.ScrollTo(widget.TableCellID{Row: v.cur, Col: 0})
	v.table.Refresh()
}

// openCurrent opens the highlighted customer (Enter in the search field).
func (v *View) openCurrent() {
	if v.Open != nil && v.cur < len(v.list) {
		v.Open(v.list[v.cur])
	}
}

// edit opens the customer form and refreshes the list after a save; a new
// customer's card opens in open mode.
func (v *View) edit(c app.Customer) {
	isNew := c.ID == ""
	ShowForm(v.deps, v.win, c, v.base, func(saved app.Customer) {
		v.Reload()
		if isNew && v.Open != nil {
			v.Open(saved)
		}
	})
}

// Pick shows a search-as-you-type list of customers and "New customer…";
// picked gets the chosen record. Enter takes the first match.
func Pick(d kit.Deps, w fyne.Window, base string, picked func(app.Customer)) {
	p := Picker{
		Title:       lang.X("customers.pick_title", "Choose a customer"),
		Placeholder: lang.X("customers.search", "Search name, IČO, city, e-mail…"),
		Width:       520,
		Find:        d.Services.Customers.Customers,
	}
	if d.Can(app.PermCustomersWrite) {
		p.Actions = func(hide func(), typed func() string) []fyne.CanvasObject {
			add := widget.NewButtonWithIcon(lang.X("customers.add", "New customer…"), theme.ContentAddIcon(), func() {
				hide()
				ShowForm(d, w, app.Customer{Name: typed()}, base, picked)
			})
			return []fyne.CanvasObject{add}
		}
	}
	p.Show(d, w, picked)
}

// Picker is the search-as-you-type dialog behind Pick and the supplier
// picker of Payables: Enter takes the first match, Esc and Cancel close it.
type Picker struct {
	Title, Placeholder string
	Width              float32
	Find               func(ctx context.Context, q string, limit int) ([]app.Customer, error)
	WithBank           bool   // rows show the bank account too
	NoMatch            string // said under the search when nothing matches; "" leaves the line out
	// Actions are the buttons after Cancel; hide closes the dialog, typed is
	// the search text.
	Actions func(hide func(), typed func() string) []fyne.CanvasObject
}

// Show opens the picker over w; picked gets the chosen record.
func (p Picker) Show(d kit.Deps, w fyne.Window, picked func(app.Customer)) {
	var found []app.Customer
	var gen int
	var db kit.Debouncer
	search := kit.NewEscEntry()
	search.SetPlaceHolder(p.Placeholder)
	var empty *widget.Label
	var top fyne.CanvasObject = search
	if p.NoMatch != "" {
		empty = widget.NewLabel("")
		empty.Importance = widget.LowImportance
		empty.Wrapping = fyne.TextWrapWord
		top = container.NewVBox(search, empty)
	}
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
			if p.WithBank && c.BankAccount != "" {
				text += " · " + c.BankAccount
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
		g, q := gen, search.Text
		kit.Call(d, kit.To{Win: w, Stale: func() bool { return g != gen }}, func(ctx context.Context) ([]app.Customer, error) {
			return p.Find(ctx, q, 100)
		}, func(cs []app.Customer) {
			found = cs
			if empty != nil {
				empty.SetText("")
				if len(cs) == 0 {
					empty.SetText(p.NoMatch)
				}
			}
			list.UnselectAll()
			list.Refresh()
		})
	}
	search.OnChanged = func(string) { db.Do(run) }
	search.OnSubmitted = func(string) {
		if len(found) > 0 {
			choose(found[0])
		}
	}
	cancel := widget.NewButtonWithIcon(lang.X("action.cancel", "Cancel"), theme.CancelIcon(), func() { dlg.Hide() })
	buttons := []fyne.CanvasObject{cancel}
	if p.Actions != nil {
		buttons = append(buttons, p.Actions(func() { dlg.Hide() }, func() string { return search.Text })...)
	}
	body := container.NewBorder(top, nil, nil, nil, container.NewGridWrap(fyne.NewSize(p.Width, 300), list))
	dlg = dialog.NewCustomWithoutButtons(p.Title, body, w)
	dlg.SetButtons(buttons)
	search.OnEsc = dlg.Hide
	dlg.Show()
	w.Canvas().Focus(search)
	run()
}
