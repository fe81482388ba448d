package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"kontor/app"
	"kontor/screens/kit"
)

// CoreModule is the shell's own tabs: Audit and Users (both back office).
// Users live in the main window rather than in Settings: only admin holds
// the permission, the idle lock covers the tab with the rest, and its
// actions take effect at once.
func CoreModule() kit.Module {
	return kit.Module{ID: "core", Tabs: []kit.Tab{
		{ID: "audit", TitleKey: "tab.audit", Title: "Audit", Icon: theme.HistoryIcon, Group: kit.BackOffice,
			Perm: app.PermAuditRead, Order: 900, Build: func(h kit.Host) kit.View {
				v := newAuditView(h.Deps(), h.Window())
				return &reloadView{ui: v.buildUI(), reload: v.reload, inner: v}
			}},
		{ID: "users", TitleKey: "tab.users", Title: "Users", Icon: theme.AccountIcon, Group: kit.BackOffice,
			Perm: app.PermUsersManage, Order: 910, Build: func(h kit.Host) kit.View {
				v := newUsersView(h.Deps(), h.Window())
				return &reloadView{ui: v.buildUI(), reload: v.reload, inner: v}
			}},
	}}
}

// reloadView is a view that reloads its list whenever its tab is shown.
type reloadView struct {
	ui     fyne.CanvasObject
	reload func()
	inner  any // the view's own type (tests reach it)
}

func (v *reloadView) UI() fyne.CanvasObject { return v.ui }
func (v *reloadView) Shown()                { v.reload() }
