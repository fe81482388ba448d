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

// pickSupplier shows a search-as-you-type list of suppliers. A party that
// is not a supplier yet is found among all customers ("Customer as
// supplier…", which marks the record) or created ("New supplier…", the
// customer form with Supplier checked); picked gets the stored record.
func pickSupplier(d Deps, w fyne.Window, base string, picked func(app.Customer)) {
	var found []app.Customer
	var gen int
	var db debouncer
	search := newEscEntry()
	search.SetPlaceHolder(lang.X("payables.supplier_search", "Search supplier's name, IČO, city…"))
	empty := widget.NewLabel("")
	empty.Importance = widget.LowImportance
	empty.Wrapping = fyne.TextWrapWord
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
			if c.BankAccount != "" {
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
		g, q, ctx := gen, search.Text, d.ctx()
		async(func() {
			cs, err := d.Services.Payables.Suppliers(ctx, q, 100)
			fyne.Do(func() {
				if g != gen {
					return
				}
				if err != nil {
					showError(err, w)
					return
				}
				found = cs
				empty.SetText("")
				if len(cs) == 0 {
					empty.SetText(lang.X("payables.no_suppliers", "No supplier matches. Mark an existing customer as a supplier or add a new one."))
				}
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
	if d.Services.Customers != nil && d.can(app.PermCustomersWrite) {
		mark := widget.NewButtonWithIcon(lang.X("payables.customer_as_supplier", "Customer as supplier…"), theme.AccountIcon(), func() {
			dlg.Hide()
			pickCustomer(d, w, base, func(c app.Customer) { markSupplier(d, w, c, picked) })
		})
		add := widget.NewButtonWithIcon(lang.X("payables.new_supplier", "New supplier…"), theme.ContentAddIcon(), func() {
			dlg.Hide()
			showCustomerForm(d, w, app.Customer{Name: search.Text, Supplier: true}, base, func(c app.Customer) { markSupplier(d, w, c, picked) })
		})
		buttons = append(buttons, mark, add)
	}
	body := container.NewBorder(container.NewVBox(search, empty), nil, nil, nil, container.NewGridWrap(fyne.NewSize(560, 300), list))
	dlg = dialog.NewCustomWithoutButtons(lang.X("payables.pick_supplier", "Choose a supplier"), body, w)
	dlg.SetButtons(buttons)
	search.onEsc = dlg.Hide
	dlg.Show()
	w.Canvas().Focus(search)
	run()
}

// markSupplier makes sure the customer record says Supplier (storing the
// change when it did not) and hands it on.
func markSupplier(d Deps, w fyne.Window, c app.Customer, picked func(app.Customer)) {
	if c.Supplier {
		picked(c)
		return
	}
	c.Supplier = true
	ctx := d.ctx()
	async(func() {
		saved, err := d.Services.Customers.SaveCustomer(ctx, c)
		fyne.Do(func() {
			if err != nil {
				showError(err, w)
				return
			}
			picked(saved)
		})
	})
}
