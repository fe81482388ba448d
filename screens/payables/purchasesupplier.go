package payables

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/customers"
	"kontor/screens/kit"
)

// pickSupplier shows a search-as-you-type list of suppliers. A party that
// is not a supplier yet is found among all customers ("Customer as
// supplier…", which marks the record) or created ("New supplier…", the
// customer form with Supplier checked); picked gets the stored record.
func pickSupplier(d kit.Deps, w fyne.Window, base string, picked func(app.Customer)) {
	p := customers.Picker{
		Title:       lang.X("payables.pick_supplier", "Choose a supplier"),
		Placeholder: lang.X("payables.supplier_search", "Search supplier's name, IČO, city…"),
		Width:       560,
		Find:        d.Services.Payables.Suppliers,
		WithBank:    true,
		NoMatch:     lang.X("payables.no_suppliers", "No supplier matches. Mark an existing customer as a supplier or add a new one."),
	}
	if d.Can(app.PermCustomersWrite) {
		p.Actions = func(hide func(), typed func() string) []fyne.CanvasObject {
			mark := widget.NewButtonWithIcon(lang.X("payables.customer_as_supplier", "Customer as supplier…"), theme.AccountIcon(), func() {
				hide()
				customers.Pick(d, w, base, func(c app.Customer) { markSupplier(d, w, c, picked) })
			})
			add := widget.NewButtonWithIcon(lang.X("payables.new_supplier", "New supplier…"), theme.ContentAddIcon(), func() {
				hide()
				customers.ShowForm(d, w, app.Customer{Name: typed(), Supplier: true}, base, func(c app.Customer) { markSupplier(d, w, c, picked) })
			})
			return []fyne.CanvasObject{mark, add}
		}
	}
	p.Show(d, w, picked)
}

// markSupplier makes sure the customer record says Supplier (storing the
// change when it did not) and hands it on.
func markSupplier(d kit.Deps, w fyne.Window, c app.Customer, picked func(app.Customer)) {
	if c.Supplier {
		picked(c)
		return
	}
	c.Supplier = true
	kit.Call(d, kit.To{Win: w}, func(ctx context.Context) (app.Customer, error) {
		return d.Services.Customers.SaveCustomer(ctx, c)
	}, picked)
}
