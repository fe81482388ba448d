// Package payables is the Payables module of the screens: the received
// invoices and the bank statements, two panes of the Accounts tab.
package payables

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"kontor/app"
	"kontor/screens/kit"
)

// Module returns the Payables module: its panes go into the Accounts tab.
func Module() kit.Module {
	return kit.Module{ID: "payables", Panes: []kit.Pane{
		{Parent: "accounts", ID: "payables", TitleKey: "accounts.tab.payables", Title: "Payables",
			Icon: theme.DocumentIcon, Perm: app.PermPayables, Order: 40,
			Build: func(h kit.Host) kit.View {
				v := newPayablesView(h.Deps(), h.Window(), h.Company())
				return &pane{ui: v.buildUI(), shown: v.reload, pay: v}
			}},
		{Parent: "accounts", ID: "bank", TitleKey: "accounts.tab.bank", Title: "Bank",
			Icon: theme.StorageIcon, Perm: app.PermBank, Order: 50,
			Build: func(h kit.Host) kit.View {
				v := newBankView(h.Deps(), h.Window(), h.Company())
				return &pane{ui: v.buildUI(), shown: v.reload, bank: v}
			}},
	}}
}

// pane is a built pane: its UI, reloaded when the Accounts tab shows.
type pane struct {
	ui    fyne.CanvasObject
	shown func()
	pay   *payablesView // the Payables pane's view, for tests
	bank  *bankView     // the Bank pane's view, for tests
}

// UI implements kit.View.
func (p *pane) UI() fyne.CanvasObject { return p.ui }

// Shown implements kit.Shower.
func (p *pane) Shown() { p.shown() }
