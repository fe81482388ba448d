package payables_test

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"os"
	"strings"
	"testing"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
	"kontor/screens/payables"
)

func TestMain(m *testing.M) {
	kittest.Setup()
	os.Exit(datatest.Main(m))
}

func TestPanesShowToAccountant(t *testing.T) {
	db := datatest.MustOpen(t)
	c, err := db.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := kittest.NewHost(t, kittest.Deps(db, db.User(t, app.RoleAccounts)), c, parent(), payables.Module())
	h.Show("accounts")
	for _, id := range []string{"payables", "bank"} {
		if h.View(id) == nil {
			t.Fatalf("pane %q not built for an accountant", id)
		}
	}
	if !strings.Contains(kittest.ButtonsText(h.View("bank").UI()), "Import statement") {
		t.Errorf("bank pane buttons: %s", kittest.ButtonsText(h.View("bank").UI()))
	}
}

// parent is a stand-in Accounts tab (a module may not import another).
func parent() kit.Module {
	return kit.Module{ID: "accounts", Tabs: []kit.Tab{{ID: "accounts", Title: "Accounts", Group: kit.BackOffice,
		Perm: app.PermLedgerRead, Build: func(kit.Host) kit.View { return &holder{container.NewAppTabs()} }}}}
}

type holder struct{ tabs *container.AppTabs }

func (h *holder) UI() fyne.CanvasObject { return h.tabs }

func (h *holder) AddPane(title string, icon fyne.Resource, v kit.View) {
	h.tabs.Append(container.NewTabItemWithIcon(title, icon, v.UI()))
}
