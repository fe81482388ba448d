package screens

// Interim modules: the old Reception, Sales (with the price list as the
// Warehouse tab) and Accounts screens of this package wrapped as
// kit.Modules, until their packages (screens/reception, screens/sales,
// screens/accounts) take over. All glue to the old screens lives here.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// LegacyReceptionModule is the old Reception screen as a module.
func LegacyReceptionModule() kit.Module {
	return kit.Module{ID: "reception", Tabs: []kit.Tab{{
		ID: "reception", TitleKey: "tab.reception", Title: "Reception", Icon: theme.AccountIcon,
		Group: kit.FrontOffice, Perm: app.PermReception, Order: 100,
		Build: func(h kit.Host) kit.View {
			r := newReceptionScreen(h.Deps(), h.Window(), h.Company())
			r.openQuote = func(id string) { h.Open("sales", kit.ArgDoc(id)) }
			return &legacyReception{r: r, ui: r.buildUI()}
		},
		Actions: []kit.Action{{TitleKey: "customers.add", Title: "New customer…", Perm: app.PermCustomersWrite,
			Arg: kit.ArgNew, Shortcut: kit.ShortcutNew}},
	}}}
}

type legacyReception struct {
	r  *receptionScreen
	ui fyne.CanvasObject
}

func (v *legacyReception) UI() fyne.CanvasObject { return v.ui }
func (v *legacyReception) Shown()                { v.r.shown() }
func (v *legacyReception) Focus()                { v.r.focus() }
func (v *legacyReception) Stop()                 { v.r.stop() }
func (v *legacyReception) Open(arg string) {
	if arg == kit.ArgNew {
		v.r.newCustomer()
	}
}

// LegacySalesModule is the old Sales screen and the price list (the
// Warehouse tab) as a module.
func LegacySalesModule() kit.Module {
	return kit.Module{ID: "sales", Tabs: []kit.Tab{{
		ID: "sales", TitleKey: "tab.sales", Title: "Sales", Icon: theme.DocumentIcon,
		Group: kit.FrontOffice, Perm: app.PermSalesRead, Order: 200,
		Build: func(h kit.Host) kit.View {
			s := newSalesScreen(h.Deps(), h.Window(), h.Company())
			return &legacySales{s: s, ui: s.buildUI()}
		},
		Actions: []kit.Action{
			{TitleKey: "sales.new_invoice", Title: "New invoice", Perm: app.PermSalesWrite,
				Arg: kit.ArgNew, Shortcut: kit.ShortcutNew, Anywhere: true},
			{TitleKey: "sales.save", Title: "Save draft", Perm: app.PermSalesWrite,
				Arg: kit.ArgSave, Shortcut: kit.ShortcutSave, Here: true},
		},
	}, {
		ID: "warehouse", TitleKey: "tab.warehouse", Title: "Warehouse", Icon: theme.StorageIcon,
		Group: kit.BackOffice, Perm: app.PermWarehouse, Order: 300,
		Build: func(h kit.Host) kit.View {
			// The price list is the warehouse's items today (the role edits
			// it); stock itself comes with the Warehouse module.
			c := h.Company()
			items := newPriceListView(h.Deps(), h.Window(), &c)
			note := widget.NewLabel(lang.X("placeholder.warehouse_items", "The price list's items. Locations, stock moves, stock levels, reordering and valuation come with the Warehouse module."))
			note.Wrapping = fyne.TextWrapWord
			note.Importance = widget.LowImportance
			return kit.ViewOf(container.NewBorder(note, nil, nil, nil, items.buildUI()))
		},
	}}}
}

type legacySales struct {
	s  *salesScreen
	ui fyne.CanvasObject
}

func (v *legacySales) UI() fyne.CanvasObject { return v.ui }
func (v *legacySales) Shown()                { v.s.refresh() }
func (v *legacySales) Open(arg string) {
	if id, ok := kit.DocOf(arg); ok {
		v.s.confirmLeave(func() { v.s.openDoc(id) })
		return
	}
	switch arg {
	case kit.ArgNew:
		v.s.confirmLeave(func() { v.s.newDoc(app.KindInvoice) })
	case kit.ArgSave:
		v.s.save()
	}
}

// LegacyAccountsModule is the old Accounts screen as a module.
func LegacyAccountsModule() kit.Module {
	return kit.Module{ID: "accounts", Tabs: []kit.Tab{{
		ID: "accounts", TitleKey: "tab.accounts", Title: "Accounts", Icon: theme.ListIcon,
		Group: kit.BackOffice, Perm: app.PermLedgerRead, Order: 100,
		Build: func(h kit.Host) kit.View {
			a := newAccountsScreen(h.Deps(), h.Window(), h.Company())
			return &legacyAccounts{a: a, ui: a.buildUI()}
		},
	}}}
}

type legacyAccounts struct {
	a  *accountsScreen
	ui fyne.CanvasObject
}

func (v *legacyAccounts) UI() fyne.CanvasObject { return v.ui }
func (v *legacyAccounts) Shown()                { v.a.refresh() }
