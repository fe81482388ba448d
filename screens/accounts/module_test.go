package accounts_test

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/container"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/accounts"
	"kontor/screens/kit"
	"kontor/screens/payables"
)

func TestMain(m *testing.M) {
	kittest.Setup()
	os.Exit(datatest.Main(m))
}

// subTabs are the titles of the Accounts tab's sub-tabs.
func subTabs(t *testing.T, v kit.View) []string {
	t.Helper()
	tabs, ok := v.UI().(*container.AppTabs)
	if !ok {
		t.Fatalf("accounts UI is %T, want *container.AppTabs", v.UI())
	}
	var out []string
	for _, it := range tabs.Items {
		out = append(out, it.Text)
	}
	return out
}

func TestAccountsTabPanesByPermission(t *testing.T) {
	db := datatest.MustOpen(t)
	c, err := db.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := kittest.NewHost(t, kittest.Deps(db), c, accounts.Module(), payables.Module())
	got := subTabs(t, h.Show("accounts"))
	want := []string{"Chart of accounts", "Journal", "Periods", "Receivables", "Statements", "Reports", "Payables", "Bank"}
	if len(got) != len(want) {
		t.Fatalf("admin's sub-tabs = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("admin's sub-tabs = %q, want %q", got, want)
		}
	}

	// A salesperson does not see the Accounts tab at all.
	sales := kittest.NewHost(t, kittest.Deps(db, db.User(t, app.RoleSales)), c, accounts.Module(), payables.Module())
	if sales.View("accounts") != nil || sales.View("bank") != nil {
		t.Error("a salesperson sees the Accounts tab or its Bank pane")
	}
}
