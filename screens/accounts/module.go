// Package accounts is the Accounts module of the screens: the Accounts tab
// (chart of accounts, journal, periods and year-end closing) and its panes
// receivables, statements and reports. Other modules (payables) add their
// panes into the tab through kit.Pane{Parent: "accounts"}.
package accounts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"kontor/app"
	"kontor/screens/kit"
)

// Module returns the Accounts module.
func Module() kit.Module {
	return kit.Module{ID: "accounts",
		Tabs: []kit.Tab{{ID: "accounts", TitleKey: "tab.accounts", Title: "Accounts", Icon: theme.ListIcon,
			Group: kit.BackOffice, Perm: app.PermLedgerRead, Order: 10,
			Build: func(h kit.Host) kit.View {
				s := newAccountsScreen(h.Deps(), h.Window(), h.Company())
				s.host = h
				s.ui = s.buildUI()
				return s
			}}},
		Panes: []kit.Pane{
			{Parent: "accounts", ID: "receivables", TitleKey: "accounts.tab.receivables", Title: "Receivables",
				Icon: theme.HistoryIcon, Perm: app.PermSalesRead, Order: 10,
				Build: func(h kit.Host) kit.View {
					s := h.View("accounts").(*accountsScreen)
					p := newReceivablesPane(s)
					linksOf(s).receivables = p
					ui := p.buildUI()
					s.onRefresh(p.reload)
					return &paneView{ui: ui}
				}},
			{Parent: "accounts", ID: "statements", TitleKey: "accounts.tab.statements", Title: "Statements",
				Icon: theme.MailSendIcon, Perm: app.PermSalesRead, Order: 20,
				Build: func(h kit.Host) kit.View {
					s := h.View("accounts").(*accountsScreen)
					p := newStatementsPane(s)
					linksOf(s).statements = p
					return &paneView{ui: p.buildUI()}
				}},
			{Parent: "accounts", ID: "reports", TitleKey: "accounts.tab.reports", Title: "Reports",
				Icon: theme.GridIcon, Perm: app.PermLedgerRead, Order: 30,
				Build: func(h kit.Host) kit.View {
					s := h.View("accounts").(*accountsScreen)
					p := newReportsPane(s)
					linksOf(s).reports = p
					return &paneView{ui: p.buildUI()}
				}},
		}}
}

// UI implements kit.View.
func (s *accountsScreen) UI() fyne.CanvasObject { return s.ui }

// Shown implements kit.Shower: the tab reloads what it shows.
func (s *accountsScreen) Shown() {
	if s.table != nil {
		s.refresh()
	}
}

// AddPane implements kit.PaneHolder: another module's pane becomes a
// sub-tab, reloaded with the tab when it is a kit.Shower.
func (s *accountsScreen) AddPane(title string, icon fyne.Resource, v kit.View) {
	s.tabs.Append(container.NewTabItemWithIcon(title, icon, v.UI()))
	if sh, ok := v.(kit.Shower); ok {
		s.onRefresh(sh.Shown)
	}
}

// paneView is a built pane of this module.
type paneView struct{ ui fyne.CanvasObject }

// UI implements kit.View.
func (p *paneView) UI() fyne.CanvasObject { return p.ui }
