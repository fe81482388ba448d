package reception

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/customers"
	"kontor/screens/kit"
)

// directoryView is the Customers part of Reception: the shared customer list
// (search as you type) and, in its place once a customer is opened, their card.
type directoryView struct {
	r       *receptionScreen
	list    *customers.View
	root    *fyne.Container
	listObj fyne.CanvasObject
	card    *customerCard // the open card, nil while the list shows
}

func newDirectoryView(r *receptionScreen) *directoryView { return &directoryView{r: r} }

func (v *directoryView) buildUI() fyne.CanvasObject {
	v.list = customers.NewView(v.r.deps, v.r.win, v.r.company.BaseCurrency)
	v.list.Open = func(c app.Customer) { v.openCard(c.ID) }
	if v.r.deps.Can(app.PermCustomersWrite) {
		imp := widget.NewButtonWithIcon(lang.X("reception.import", "Import customers…"), theme.UploadIcon(), v.r.importCustomers)
		v.list.Extra = append(v.list.Extra, imp)
	}
	v.listObj = v.list.UI()
	v.root = container.NewStack(v.listObj)
	return v.root
}

// focus puts the cursor in the search field (the list is shown again).
func (v *directoryView) focus() {
	if v.card != nil {
		return
	}
	v.r.win.Canvas().Focus(v.list.Search())
}

// openCard loads the customer's card and shows it in place of the list.
func (v *directoryView) openCard(id string) {
	kit.Call(v.r.deps, kit.To{Win: v.r.win}, func(ctx context.Context) (app.CustomerCard, error) {
		return v.r.deps.Services.Reception.CustomerCard(ctx, id)
	}, func(card app.CustomerCard) {
		v.card = newCustomerCard(v.r, card)
		v.root.Objects = []fyne.CanvasObject{v.card.buildUI()}
		v.root.Refresh()
	})
}

// reloadCard shows the open card again with fresh data.
func (v *directoryView) reloadCard() {
	if v.card != nil {
		v.openCard(v.card.card.Customer.ID)
	}
}

// back closes the card and returns to the list, search text kept.
func (v *directoryView) back() {
	v.card = nil
	v.root.Objects = []fyne.CanvasObject{v.listObj}
	v.root.Refresh()
	v.list.Reload()
	v.focus()
}
