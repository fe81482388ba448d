package cli

import (
	"context"
	"slices"
	"strings"
	"testing"

	"kontor/app"
	"kontor/data/datatest"
)

// userEnv is a database with the admin, the accountant jana and the
// receptionist eva; commands sign in as the admin unless told.
func userEnv(t *testing.T) (*testEnv, *datatest.DB) {
	t.Helper()
	db := datatest.MustOpen(t)
	db.AddUser(t, "jana", "Jana Nováková", "jana-heslo-1", app.RoleAccounts)
	db.AddUser(t, "eva", "Eva Žáková", "eva-heslo-12", app.RoleReception)
	te := newTestEnv(t, db)
	te.vars[EnvDB] = db.Path
	return te, db
}

// storedUser is the user name as stored in db, read by db's admin (or by
// name itself in a file whose first admin the test made through the CLI).
func storedUser(t *testing.T, db *datatest.DB, name string) (app.User, bool) {
	t.Helper()
	reader := db.Admin.Name
	if reader == "" {
		reader = name
	}
	users, err := db.Users(asName(reader))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Name == name {
			return u, true
		}
	}
	return app.User{}, false
}

// verify reports whether name signs in to db with pw.
func verify(db *datatest.DB, name, pw string) bool {
	_, err := db.Authenticate(context.Background(), name, pw)
	return err == nil
}

// asName is a context signed in as the stored user name.
func asName(name string) context.Context {
	return app.WithUser(context.Background(), app.User{Name: name})
}

func expectFail(t *testing.T, te *testEnv, code int, want ...string) {
	t.Helper()
	if code != ExitFailure {
		t.Errorf("exit %d, want %d; stderr %q", code, ExitFailure, te.err.String())
	}
	for _, w := range want {
		if !strings.Contains(te.err.String(), w) {
			t.Errorf("stderr %q lacks %q", te.err.String(), w)
		}
	}
}

func TestUserAdd(t *testing.T) {
	te, db := userEnv(t)
	te.vars[EnvNewPassword] = "nové heslo 2"
	if code := te.run("user", "add", "Petr", "--role", "sales,accounts", "--full-name", "Petr Šťastný"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	u, ok := storedUser(t, db, "petr")
	if !ok || !slices.Equal(u.Roles, []app.Role{app.RoleAccounts, app.RoleSales}) || u.FullName != "Petr Šťastný" || !verify(db, "petr", "nové heslo 2") {
		t.Fatalf("stored %+v", u)
	}
	if out := te.out.String(); !strings.Contains(out, "petr (Petr Šťastný)") || !strings.Contains(out, "accounts, sales") {
		t.Errorf("stdout %q", out)
	}

	t.Run("unknown role", func(t *testing.T) {
		opened := len(te.opened)
		expectFail(t, te, te.run("user", "add", "karel", "--role", "sales,boss"), "“boss” is not a role", "reception")
		if len(te.opened) != opened {
			t.Error("an unknown role opened the database")
		}
	})
	t.Run("bad name", func(t *testing.T) {
		expectFail(t, te, te.run("user", "add", "k", "--role", "sales"), "2 to 32 characters")
	})
	t.Run("too short password", func(t *testing.T) {
		te.vars[EnvNewPassword] = "krátké"
		defer func() { te.vars[EnvNewPassword] = "nové heslo 2" }()
		expectFail(t, te, te.run("user", "add", "karel", "--role", "sales"), "at least 8 characters")
		if _, ok := storedUser(t, db, "karel"); ok {
			t.Error("a refused user was stored")
		}
	})
	t.Run("exists", func(t *testing.T) {
		expectFail(t, te, te.run("user", "add", "JANA", "--role", "sales"), "user jana exists already")
	})
	t.Run("not an admin", func(t *testing.T) {
		te.as("jana", "jana-heslo-1")
		defer te.as(db.Admin.Name, db.Password)
		expectFail(t, te, te.run("user", "add", "karel", "--role", "sales"), "user jana may not do this (users.manage)")
		if _, ok := storedUser(t, db, "karel"); ok {
			t.Error("an accountant added a user")
		}
	})
	t.Run("typed twice on the terminal", func(t *testing.T) {
		delete(te.vars, EnvNewPassword)
		delete(te.vars, EnvPassword)
		te.terminal = true
		te.typed = []string{db.Password, "heslo pro Karla", "heslo pro Karla"}
		if code := te.run("user", "add", "karel", "--role", "warehouse"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		want := []string{"Password for " + db.Admin.Name + ": ", "New password for karel (at least 8 characters): ", "Type it again: "}
		if !slices.Equal(te.prompts, want) || !verify(db, "karel", "heslo pro Karla") {
			t.Errorf("prompts %q", te.prompts)
		}
		te.typed = []string{db.Password, "heslo pro Olgu", "heslo pro Olgy"}
		expectFail(t, te, te.run("user", "add", "olga", "--role", "payroll"), "the two passwords differ")
		te.typed = []string{db.Password, "kratke"}
		expectFail(t, te, te.run("user", "add", "olga", "--role", "payroll"), "Password: must have at least 8 characters")
		if len(te.prompts) != 2 {
			t.Errorf("a too-short password was asked again: %q", te.prompts)
		}
		if _, ok := storedUser(t, db, "olga"); ok {
			t.Error("a refused user was stored")
		}
	})
}

func TestUserAddFirstAdmin(t *testing.T) {
	db := datatest.MustOpen(t, datatest.Empty())
	te := newTestEnv(t, db)
	te.vars[EnvNewPassword] = "první heslo"
	// Not an admin: the first user of a file must be one.
	expectFail(t, te, te.run("user", "add", "jana", "--role", "sales", "--db", db.Path), "has no users yet", "--role admin")
	if code := te.run("user", "add", "jana", "--role", "admin", "--full-name", "Jana Nováková", "--db", db.Path); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	u, ok := storedUser(t, db, "jana")
	if !ok || !slices.Equal(u.Roles, []app.Role{app.RoleAdmin}) || u.FullName != "Jana Nováková" {
		t.Fatalf("first admin %+v", u)
	}
	if out := te.out.String(); !strings.Contains(out, "first admin of "+db.Path) || !strings.Contains(out, "--user jana") {
		t.Errorf("stdout %q", out)
	}
	if n := datatest.Actions(db.AuditTrail(t, asName("jana"), app.AuditFilter{})); n["login"]+n["login.failed"] != 0 {
		t.Errorf("the first admin needed a sign-in: %v", n)
	}
	if !verify(db, "jana", "první heslo") {
		t.Error("the first admin cannot sign in with the password given")
	}
	// From now on adding users needs an admin.
	expectFail(t, te, te.run("user", "add", "petr", "--role", "sales", "--db", db.Path), "add --user NAME or set KONTOR_USER")

	// On a terminal, the password is typed twice.
	db2 := datatest.MustOpen(t, datatest.Empty())
	te2 := newTestEnv(t, db2)
	te2.terminal = true
	te2.typed = []string{"heslo správce", "heslo správce"}
	if code := te2.run("user", "add", "admin", "--role", "admin", "--db", db2.Path); code != ExitOK || !verify(db2, "admin", "heslo správce") {
		t.Fatalf("exit %d: %s", code, te2.err.String())
	}
	// Without a terminal or the variable there is no password to take.
	db3 := datatest.MustOpen(t, datatest.Empty())
	te3 := newTestEnv(t, db3)
	expectFail(t, te3, te3.run("user", "add", "admin", "--role", "admin", "--db", db3.Path), "no new password for admin", EnvNewPassword)
}

func TestUserList(t *testing.T) {
	te, db := userEnv(t)
	if _, err := db.SetDisabled(db.Ctx, "eva", true); err != nil {
		t.Fatal(err)
	}
	if code := te.run("user", "list"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	lines := strings.Split(strings.TrimSpace(te.out.String()), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "NAME") {
		t.Fatalf("stdout:\n%s", te.out.String())
	}
	for i, want := range [][]string{{"admin", "Správce Testovací", "admin", "active"}, {"eva", "Eva Žáková", "reception", "disabled"}, {"jana", "Jana Nováková", "accounts", "active"}} {
		for _, w := range want {
			if !strings.Contains(lines[i+1], w) {
				t.Errorf("line %q lacks %q", lines[i+1], w)
			}
		}
	}
	// Columns line up although the names have diacritics.
	if a, b := strings.Index(lines[2], "reception"), strings.Index(lines[3], "accounts"); len([]rune(lines[2][:a])) != len([]rune(lines[3][:b])) {
		t.Errorf("columns do not line up:\n%s", te.out.String())
	}
	if strings.Contains(te.out.String(), "$argon2") {
		t.Error("the list shows a password hash")
	}
	te.as("jana", "jana-heslo-1")
	expectFail(t, te, te.run("user", "list"), "user jana may not do this")
}

func TestUserPasswd(t *testing.T) {
	te, db := userEnv(t)
	t.Run("admin sets another user's", func(t *testing.T) {
		te.vars[EnvNewPassword] = "nové heslo Jany"
		if code := te.run("user", "passwd", "jana"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		if !verify(db, "jana", "nové heslo Jany") || verify(db, "jana", "jana-heslo-1") {
			t.Error("password not reset")
		}
		expectFail(t, te, te.run("user", "passwd", "nikdo"), "user nikdo does not exist")
		te.vars[EnvNewPassword] = "short"
		expectFail(t, te, te.run("user", "passwd", "jana"), "at least 8 characters")
		delete(te.vars, EnvNewPassword)
	})
	t.Run("a user changes their own on the terminal", func(t *testing.T) {
		delete(te.vars, EnvPassword)
		te.vars[EnvUser] = "jana"
		te.terminal = true
		te.typed = []string{"nové heslo Jany", "moje vlastní heslo", "moje vlastní heslo"}
		if code := te.run("user", "passwd", "jana"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		want := []string{"Current password for jana: ", "New password for jana (at least 8 characters): ", "Type it again: "}
		if !slices.Equal(te.prompts, want) {
			t.Errorf("prompts %q", te.prompts)
		}
		if !verify(db, "jana", "moje vlastní heslo") {
			t.Error("own password not changed")
		}
		// A wrong current password changes nothing.
		te.typed = []string{"hádám heslo", "jiné heslo 123", "jiné heslo 123"}
		expectFail(t, te, te.run("user", "passwd", "jana"), "wrong user name or password")
		if !verify(db, "jana", "moje vlastní heslo") || len(te.prompts) != 1 {
			t.Errorf("prompts %q", te.prompts)
		}
		te.terminal = false
	})
	t.Run("a user cannot set another's", func(t *testing.T) {
		te.as("jana", "moje vlastní heslo")
		te.vars[EnvNewPassword] = "převzatý účet"
		expectFail(t, te, te.run("user", "passwd", db.Admin.Name), "user jana may not do this")
		if verify(db, db.Admin.Name, "převzatý účet") {
			t.Error("an accountant reset the admin's password")
		}
	})
}

func TestUserDisableEnableRoles(t *testing.T) {
	te, db := userEnv(t)
	if code := te.run("user", "disable", "jana"); code != ExitOK || !strings.Contains(te.out.String(), "jana (Jana Nováková) is disabled") {
		t.Fatalf("disable: exit %d: %s %s", code, te.out.String(), te.err.String())
	}
	te.as("jana", "jana-heslo-1")
	expectFail(t, te, te.run("check"), "user jana is disabled")
	te.as(db.Admin.Name, db.Password)
	if code := te.run("user", "enable", "jana"); code != ExitOK || !strings.Contains(te.out.String(), "enabled") {
		t.Fatalf("enable: exit %d: %s", code, te.err.String())
	}
	te.as("jana", "jana-heslo-1")
	if code := te.run("check"); code != ExitOK {
		t.Errorf("enabled jana cannot check: %s", te.err.String())
	}
	expectFail(t, te, te.run("user", "disable", "eva"), "user jana may not do this")

	te.as(db.Admin.Name, db.Password)
	if code := te.run("user", "roles", "eva", "Sales, reception"); code != ExitOK || !strings.Contains(te.out.String(), "reception, sales") {
		t.Fatalf("roles: exit %d: %s %s", code, te.out.String(), te.err.String())
	}
	if u, _ := storedUser(t, db, "eva"); !slices.Equal(u.Roles, []app.Role{app.RoleReception, app.RoleSales}) {
		t.Errorf("roles %v", u.Roles)
	}
	expectFail(t, te, te.run("user", "roles", "eva", "sales,cashier"), "“cashier” is not a role")
	expectFail(t, te, te.run("user", "roles", "eva", ","), "at least one role")

	// The last admin can neither lose the role nor be disabled.
	expectFail(t, te, te.run("user", "roles", db.Admin.Name, "accounts"), "last administrator")
	expectFail(t, te, te.run("user", "disable", db.Admin.Name), "last administrator")
	if u, _ := storedUser(t, db, db.Admin.Name); u.Disabled || !slices.Equal(u.Roles, []app.Role{app.RoleAdmin}) {
		t.Errorf("last admin changed: %+v", u)
	}
	// With a second admin, the first may step down.
	if code := te.run("user", "roles", "jana", "accounts,admin"); code != ExitOK {
		t.Fatal(te.err.String())
	}
	if code := te.run("user", "roles", db.Admin.Name, "accounts"); code != ExitOK {
		t.Errorf("second admin: %s", te.err.String())
	}
	te.as("jana", "jana-heslo-1")
	expectFail(t, te, te.run("user", "enable", "nikdo"), "user nikdo does not exist")
}
