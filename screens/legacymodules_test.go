package screens

import (
	"testing"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/screens/kit"
	"kontor/screens/kit/kittest"
)

// TestLegacyModules: admin gets the old screens as tabs; Ctrl+N's action
// opens a new invoice in Sales; a warehouse user sees only the price list.
func TestLegacyModules(t *testing.T) {
	db := datatest.MustOpen(t)
	h := kittest.NewHost(t, kittest.Deps(db, db.User(t, app.RoleAdmin)), datatest.TestCompany(),
		LegacyReceptionModule(), LegacySalesModule(), LegacyAccountsModule())
	for _, id := range []string{"reception", "sales", "warehouse", "accounts"} {
		if h.View(id) == nil {
			t.Errorf("admin does not see tab %q", id)
		}
	}
	if !h.Open("sales", kit.ArgNew) {
		t.Error("Open(sales, new) = false")
	}
	if _, ok := h.View("sales").(kit.Opener); !ok {
		t.Error("the sales view is not an Opener")
	}
	w := kittest.NewHost(t, kittest.Deps(db, db.User(t, app.RoleWarehouse)), datatest.TestCompany(),
		LegacyReceptionModule(), LegacySalesModule(), LegacyAccountsModule())
	for id, want := range map[string]bool{"reception": false, "sales": false, "warehouse": true, "accounts": false} {
		if got := w.View(id) != nil; got != want {
			t.Errorf("warehouse user sees %q = %v, want %v", id, got, want)
		}
	}
}
