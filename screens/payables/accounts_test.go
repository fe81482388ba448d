package payables

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

// The Accounts tab, composed of accounts.Module and this module as the
// shell does, has the Payables and Bank sub-tabs, Payables before Bank
// (their Order), and Payables opens on its list.
func TestAccountsHasPayablesAndBankTabs(t *testing.T) {
	pt := openPanes(t, datatest.MustOpen(t))
	var tabs *container.AppTabs
	for _, o := range kittest.Objects(pt.h.View("accounts").UI()) {
		if at, ok := o.(*container.AppTabs); ok && tabs == nil {
			tabs = at
		}
	}
	if tabs == nil {
		t.Fatal("the Accounts tab has no sub-tabs")
	}
	var names []string
	for _, it := range tabs.Items {
		names = append(names, it.Text)
	}
	joined := strings.Join(names, ",")
	if !strings.Contains(joined, "Payables") || !strings.Contains(joined, "Bank") ||
		strings.Index(joined, "Payables") > strings.Index(joined, "Bank") {
		t.Errorf("sub-tabs %v", names)
	}
	pt.selectPane(t, "payables", "Payables")
	if got := kittest.ButtonsText(pt.w.Content()); !strings.Contains(got, "New received invoice…") {
		t.Errorf("the Payables sub-tab shows:\n%s", got)
	}
	pt.selectPane(t, "bank", "Bank")
	if got := kittest.ButtonsText(pt.w.Content()); !strings.Contains(got, "Import statement…") || strings.Contains(got, "New received invoice…") {
		t.Errorf("the Bank sub-tab shows:\n%s", got)
	}
}

// A user whose roles do not include received invoices and the bank (a
// salesman) gets neither pane, even where they see the tab the panes go
// into (a stand-in tab a salesman may see: Accounts itself is the
// accountant's). In package screens the panes said "not available" when
// main wired no service; the module's panes are shown by permission
// instead, and main always wires both services.
func TestPanesNotShownWithoutPermission(t *testing.T) {
	db := datatest.MustOpen(t)
	c, err := db.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	open := kit.Module{ID: "accounts", Tabs: []kit.Tab{{ID: "accounts", Title: "Accounts", Group: kit.BackOffice, Perm: app.PermSalesRead,
		Build: func(kit.Host) kit.View { return &tabsHolder{container.NewAppTabs()} }}}}
	for _, tc := range []struct {
		role app.Role
		want bool
	}{{app.RoleSales, false}, {app.RoleAdmin, true}} {
		h := kittest.NewHost(t, kittest.Deps(db, db.User(t, tc.role)), c, open, Module())
		if h.View("accounts") == nil {
			t.Fatalf("%s does not see the stand-in tab", tc.role)
		}
		for _, id := range []string{"payables", "bank"} {
			if got := h.View(id) != nil; got != tc.want {
				t.Errorf("%s: pane %q built %v, want %v", tc.role, id, got, tc.want)
			}
		}
	}
}

// tabsHolder is a stand-in tab that holds panes as sub-tabs.
type tabsHolder struct{ tabs *container.AppTabs }

func (h *tabsHolder) UI() fyne.CanvasObject { return h.tabs }

func (h *tabsHolder) AddPane(title string, icon fyne.Resource, v kit.View) {
	h.tabs.Append(container.NewTabItemWithIcon(title, icon, v.UI()))
}
