package screens

import (
	"testing"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// TestCoreModuleTabs: admin sees Audit and Users; a reception-only user sees
// neither.
func TestCoreModuleTabs(t *testing.T) {
	db := datatest.MustOpen(t)
	admin := kittest.NewHost(t, kittest.Deps(db, db.User(t, app.RoleAdmin)), datatest.TestCompany(), CoreModule())
	for _, id := range []string{"audit", "users"} {
		if admin.View(id) == nil {
			t.Errorf("admin does not see tab %q", id)
		}
	}
	rec := kittest.NewHost(t, kittest.Deps(db, db.User(t, app.RoleReception)), datatest.TestCompany(), CoreModule())
	for _, id := range []string{"audit", "users"} {
		if rec.View(id) != nil {
			t.Errorf("reception sees tab %q", id)
		}
	}
}
