package sales

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"kontor/app"
	"kontor/screens/kit"
)

// Module is the Sales module: the Sales tab (quotes, orders, invoices,
// credit notes, customers, the price list).
func Module() kit.Module {
	return kit.Module{ID: "sales", Tabs: []kit.Tab{
		{ID: "sales", TitleKey: "tab.sales", Title: "Sales", Icon: theme.DocumentIcon, Group: kit.FrontOffice,
			Perm: app.PermSalesRead, Order: 200, Build: func(h kit.Host) kit.View { return NewView(h) },
			Actions: []kit.Action{
				{TitleKey: "sales.new_invoice", Title: "New invoice", Perm: app.PermSalesWrite, Arg: kit.ArgNew, Shortcut: kit.ShortcutNew, Anywhere: true},
				{TitleKey: "action.save", Title: "Save", Perm: app.PermSalesWrite, Arg: kit.ArgSave, Shortcut: kit.ShortcutSave, Here: true},
			}},
	}}
}

// View is the Sales tab.
type View struct {
	s  *salesScreen
	ui fyne.CanvasObject
}

// NewView builds the Sales tab for h.
func NewView(h kit.Host) *View {
	s := newSalesScreen(h.Deps(), h.Window(), h.Company())
	s.open = h.Open
	v := &View{s: s}
	v.ui = s.buildUI()
	return v
}

// UI is the tab's content.
func (v *View) UI() fyne.CanvasObject { return v.ui }

// Shown reloads the lists.
func (v *View) Shown() { v.s.refresh() }

// Focus puts the cursor in the invoice list's search field.
func (v *View) Focus() { v.s.focusSearch() }

// Open handles kit.ArgNew (a new invoice), kit.ArgSave (save the open
// draft) and kit.ArgDoc(id) (show that document).
func (v *View) Open(arg string) {
	switch arg {
	case kit.ArgNew:
		v.s.confirmLeave(func() { v.s.newDoc(app.KindInvoice) })
		return
	case kit.ArgSave:
		v.s.save()
		return
	}
	if id, ok := kit.DocOf(arg); ok && id != "" {
		v.s.confirmLeave(func() { v.s.openDoc(id) })
	}
}

// Doc is the document open in the form, nil while the lists show.
func (v *View) Doc() *app.SalesDoc {
	if v.s.form == nil {
		return nil
	}
	d := v.s.form.doc
	return &d
}

// Back closes the open document and shows the lists.
func (v *View) Back() { v.s.confirmLeave(v.s.backToLists) }
