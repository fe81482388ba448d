package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// tabGroup is a top-level tab of the shell.
type tabGroup string

// The two top-level tab sets of the shell.
const (
	frontOffice tabGroup = "front"
	backOffice  tabGroup = "back"
)

// Role names of the tabs of modules not built yet; admin sees every tab.
const (
	roleAftersales = string(app.RoleAftersales)
	rolePayroll    = string(app.RolePayroll)
	roleWarehouse  = string(app.RoleWarehouse)
	roleAdmin      = string(app.RoleAdmin)
)

// tabSpec declares one tab of the shell. A later issue that brings a screen
// replaces its entry's build function; nothing else in the shell changes.
type tabSpec struct {
	ID       string
	TitleKey string
	Title    string               // English fallback of TitleKey
	Icon     func() fyne.Resource // a theme icon; called late, once the app exists
	Group    tabGroup
	// Perm is the permission the tab's work needs (app/roles.go decides who
	// holds it, so the tab shows exactly to whom the store answers); a tab
	// of a module not built yet names its Roles instead. Admin sees all.
	Perm  app.Permission
	Roles []string
	Build func(s *shell) fyne.CanvasObject
}

// title returns the translated tab title.
func (t tabSpec) title() string { return lang.X(t.TitleKey, t.Title) }

// registry lists every tab in display order.
var registry = []tabSpec{
	{ID: "reception", TitleKey: "tab.reception", Title: "Reception", Icon: theme.AccountIcon, Group: frontOffice,
		Perm: app.PermReception, Build: func(s *shell) fyne.CanvasObject {
			s.reception = newReceptionScreen(s.deps, s.win, s.company)
			s.reception.openQuote = s.openSalesDoc
			return s.reception.buildUI()
		}},
	{ID: "sales", TitleKey: "tab.sales", Title: "Sales", Icon: theme.DocumentIcon, Group: frontOffice,
		Perm: app.PermSalesRead, Build: func(s *shell) fyne.CanvasObject {
			s.sales = newSalesScreen(s.deps, s.win, s.company)
			return s.sales.buildUI()
		}},
	{ID: "aftersales", TitleKey: "tab.aftersales", Title: "After-sales", Icon: theme.SettingsIcon, Group: frontOffice,
		Roles: []string{roleAftersales}, Build: func(*shell) fyne.CanvasObject {
			return kit.Placeholder(theme.SettingsIcon(), lang.X("tab.aftersales", "After-sales"),
				lang.X("placeholder.aftersales", "Service tickets, warranty checks and returns (RMA) will live here."))
		}},
	{ID: "accounts", TitleKey: "tab.accounts", Title: "Accounts", Icon: theme.ListIcon, Group: backOffice,
		Perm: app.PermLedgerRead, Build: func(s *shell) fyne.CanvasObject {
			s.accounts = newAccountsScreen(s.deps, s.win, s.company)
			return s.accounts.buildUI()
		}},
	{ID: "payroll", TitleKey: "tab.payroll", Title: "Payroll", Icon: theme.AccountIcon, Group: backOffice,
		Roles: []string{rolePayroll}, Build: func(*shell) fyne.CanvasObject {
			return kit.Placeholder(theme.AccountIcon(), lang.X("tab.payroll", "Payroll"),
				lang.X("placeholder.payroll", "Employees, monthly pay runs, payslips and their posting to the ledger will live here."))
		}},
	{ID: "warehouse", TitleKey: "tab.warehouse", Title: "Warehouse", Icon: theme.StorageIcon, Group: backOffice,
		Roles: []string{roleWarehouse}, Build: func(s *shell) fyne.CanvasObject {
			// The price list is the warehouse's items today (the role edits
			// it); stock itself comes with the Warehouse module.
			s.warehouseItems = newPriceListView(s.deps, s.win, &s.company)
			note := widget.NewLabel(lang.X("placeholder.warehouse_items", "The price list's items. Locations, stock moves, stock levels, reordering and valuation come with the Warehouse module."))
			note.Wrapping = fyne.TextWrapWord
			note.Importance = widget.LowImportance
			return container.NewBorder(note, nil, nil, nil, s.warehouseItems.buildUI())
		}},
	{ID: "audit", TitleKey: "tab.audit", Title: "Audit", Icon: theme.HistoryIcon, Group: backOffice,
		Perm: app.PermAuditRead, Build: func(s *shell) fyne.CanvasObject {
			s.audit = newAuditView(s.deps, s.win)
			return s.audit.buildUI()
		}},
	// Users live in the main window rather than in Settings: the registry
	// hides the tab from everyone but admin, the idle lock covers it with the
	// rest, and its actions take effect at once (no Save button to confuse
	// with the company form's).
	{ID: "users", TitleKey: "tab.users", Title: "Users", Icon: theme.AccountIcon, Group: backOffice,
		Perm: app.PermUsersManage, Build: func(s *shell) fyne.CanvasObject {
			s.users = newUsersView(s.deps, s.win)
			return s.users.buildUI()
		}},
}

// visibleTabs returns the tabs of group that a user with roles (the signed-in
// user's) sees; nil roles means every tab.
func visibleTabs(group tabGroup, roles []string) []tabSpec {
	var out []tabSpec
	for _, t := range registry {
		if t.Group == group && canSee(t, roles) {
			out = append(out, t)
		}
	}
	return out
}

// canSee reports whether a user with roles may open the tab.
func canSee(t tabSpec, roles []string) bool {
	if roles == nil {
		return true
	}
	if t.Perm != "" {
		rs := make([]app.Role, len(roles))
		for i, r := range roles {
			rs[i] = app.Role(r)
		}
		return app.Can(rs, t.Perm)
	}
	for _, r := range roles {
		if r == roleAdmin {
			return true
		}
		for _, need := range t.Roles {
			if r == need {
				return true
			}
		}
	}
	return false
}

// groupTitle returns the translated name of a top-level tab.
func groupTitle(g tabGroup) string {
	if g == frontOffice {
		return lang.X("group.front", "Front office")
	}
	return lang.X("group.back", "Back office")
}
