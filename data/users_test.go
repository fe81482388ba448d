package data

import (
	"context"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

func TestUsersLifecycle(t *testing.T) {
	s, _ := MustCompany(t)
	_, err := s.CreateFirstAdmin(context.Background(), app.NewUser{Name: "second", Password: testPassword})
	wantCode(t, err, app.ECONFLICT, "")

	bad := []struct {
		name  string
		u     app.NewUser
		field string
	}{
		{"empty name", app.NewUser{Name: " ", Roles: []app.Role{app.RoleSales}, Password: testPassword}, "user.name"},
		{"short password", app.NewUser{Name: "eva", Roles: []app.Role{app.RoleSales}, Password: "krátké"}, "user.password"},
		{"empty password", app.NewUser{Name: "eva", Roles: []app.Role{app.RoleSales}}, "user.password"},
		{"unknown role", app.NewUser{Name: "eva", Roles: []app.Role{"boss"}, Password: testPassword}, "user.roles"},
		{"no role", app.NewUser{Name: "eva", Password: testPassword}, "user.roles"},
		{"duplicate", app.NewUser{Name: "ADMIN", Roles: []app.Role{app.RoleSales}, Password: testPassword}, "user.name"},
	}
	for _, tc := range bad {
		_, err := s.CreateUser(ctx, tc.u)
		wantCode(t, err, app.EINVALID, tc.field)
	}
	if us, _ := s.Users(ctx); len(us) != 1 {
		t.Fatalf("refused users were written: %d users", len(us))
	}

	eva, err := s.CreateUser(ctx, app.NewUser{Name: "Eva", FullName: "Eva Šťastná", Roles: []app.Role{app.RoleSales, app.RoleReception}, Password: "Žluťoučký kůň"})
	if err != nil || eva.Name != "eva" {
		t.Fatalf("create: %+v %v", eva, err)
	}
	// NFC: the same password typed decomposed (as macOS may send it) signs in.
	decomposed := "Z\u030clut\u030couc\u030cky\u0301 ku\u030an\u030c"
	if _, err := s.Authenticate(ctx, "EVA", decomposed); err != nil {
		t.Fatalf("decomposed password refused: %v", err)
	}

	// The last admin can neither lose the role nor be disabled.
	_, err = s.SetRoles(ctx, "admin", []app.Role{app.RoleAccounts})
	wantCode(t, err, app.EINVALID, "user.roles")
	_, err = s.SetDisabled(ctx, "admin", true)
	wantCode(t, err, app.EINVALID, "user.roles")
	if _, err := s.SetRoles(ctx, "eva", []app.Role{app.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetDisabled(ctx, "admin", true); err != nil {
		t.Fatalf("with a second admin, disabling the first: %v", err)
	}
	_, err = s.Authenticate(ctx, "admin", testPassword)
	wantCode(t, err, app.EUNAUTHORIZED, "")

	// Own password change needs the old one; an admin reset does not.
	evaCtx := app.WithUser(context.Background(), app.User{Name: "eva"})
	wantCode(t, s.ChangePassword(evaCtx, "wrong", "nové-heslo-1"), app.EINVALID, "user.old_password")
	wantCode(t, s.ChangePassword(evaCtx, "Žluťoučký kůň", "short"), app.EINVALID, "user.new_password")
	if err := s.ChangePassword(evaCtx, "Žluťoučký kůň", "nové-heslo-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "eva", "nové-heslo-1"); err != nil {
		t.Fatal(err)
	}
	if err := s.ResetPassword(evaCtx, "admin", "reset-heslo-1"); err != nil {
		t.Fatal(err)
	}
}

func TestFailedSignInsSlowDownAndAreAudited(t *testing.T) {
	s, clock := MustCompany(t)
	for i := 0; i < freeFailures; i++ {
		_, err := s.Authenticate(ctx, "admin", "wrong-password")
		wantCode(t, err, app.EUNAUTHORIZED, "")
	}
	_, err := s.Authenticate(ctx, "admin", testPassword)
	wantCode(t, err, app.EUNAUTHORIZED, "")
	if !strings.Contains(app.ErrorMessage(err, nil), "try again in") {
		t.Fatalf("after %d failures: %q, want a wait", freeFailures, app.ErrorMessage(err, nil))
	}
	clock.Advance(2 * time.Second)
	if _, err := s.Authenticate(ctx, "admin", testPassword); err != nil {
		t.Fatalf("after the wait the right password is refused: %v", err)
	}
	_, err = s.Authenticate(ctx, "nobody", "whatever-password")
	wantCode(t, err, app.EUNAUTHORIZED, "")

	entries, err := s.AuditPage(ctx, app.AuditFilter{Entity: "user"}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, e := range entries {
		counts[e.Action]++
		for _, field := range []string{e.Text, e.User, e.EntityID} {
			if strings.Contains(field, "argon2") {
				t.Fatalf("audit entry shows a password hash: %+v", e)
			}
		}
	}
	if counts["login.failed"] != freeFailures+1 || counts["login.refused"] != 1 || counts["login"] != 1 {
		t.Fatalf("audited sign-ins: %v", counts)
	}
	if loginDelay(freeFailures+20) != maxLoginDelay {
		t.Fatal("delay is not capped")
	}
}
