package cli

import (
	"slices"
	"strings"
	"testing"

	"kontor/app"
)

// userEnv is a database /u.db with the admin spravce, the accountant jana
// and the receptionist eva; commands sign in as spravce unless told.
func userEnv(t *testing.T) (*testEnv, *fakeStore) {
	t.Helper()
	te := newTestEnv()
	te.seed("/u.db")
	te.vars[EnvDB] = "/u.db"
	st := te.store("/u.db")
	st.addUser("jana", "Jana Nováková", "jana-heslo-1", app.RoleAccounts)
	st.addUser("eva", "Eva Žáková", "eva-heslo-12", app.RoleReception)
	return te, st
}

// as makes the next commands sign in as name with pw through the environment.
func (te *testEnv) as(name, pw string) {
	te.vars[EnvUser], te.vars[EnvPassword] = name, pw
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
	te, st := userEnv(t)
	te.vars[EnvNewPassword] = "nové heslo 2"
	if code := te.run("user", "add", "Petr", "--role", "sales,accounts", "--full-name", "Petr Šťastný"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	u, ok := st.user("petr")
	if !ok || !slices.Equal(u.Roles, []app.Role{app.RoleAccounts, app.RoleSales}) || u.FullName != "Petr Šťastný" || !st.verify("petr", "nové heslo 2") {
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
		if _, ok := st.user("karel"); ok {
			t.Error("a refused user was stored")
		}
	})
	t.Run("exists", func(t *testing.T) {
		expectFail(t, te, te.run("user", "add", "JANA", "--role", "sales"), "user jana exists already")
	})
	t.Run("not an admin", func(t *testing.T) {
		te.as("jana", "jana-heslo-1")
		defer te.as(testAdmin, testPassword)
		expectFail(t, te, te.run("user", "add", "karel", "--role", "sales"), "user jana may not do this (users.manage)")
		if _, ok := st.user("karel"); ok {
			t.Error("an accountant added a user")
		}
	})
	t.Run("typed twice on the terminal", func(t *testing.T) {
		delete(te.vars, EnvNewPassword)
		delete(te.vars, EnvPassword)
		te.terminal = true
		te.typed = []string{testPassword, "heslo pro Karla", "heslo pro Karla"}
		if code := te.run("user", "add", "karel", "--role", "warehouse"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		want := []string{"Password for spravce: ", "New password for karel (at least 8 characters): ", "Type it again: "}
		if !slices.Equal(te.prompts, want) || !st.verify("karel", "heslo pro Karla") {
			t.Errorf("prompts %q", te.prompts)
		}
		te.typed = []string{testPassword, "heslo pro Olgu", "heslo pro Olgy"}
		expectFail(t, te, te.run("user", "add", "olga", "--role", "payroll"), "the two passwords differ")
		te.typed = []string{testPassword, "kratke"}
		expectFail(t, te, te.run("user", "add", "olga", "--role", "payroll"), "Password: must have at least 8 characters")
		if len(te.prompts) != 2 {
			t.Errorf("a too-short password was asked again: %q", te.prompts)
		}
		if _, ok := st.user("olga"); ok {
			t.Error("a refused user was stored")
		}
	})
}

func TestUserAddFirstAdmin(t *testing.T) {
	te := newTestEnv()
	te.vars[EnvNewPassword] = "první heslo"
	// Not an admin: the first user of a file must be one.
	expectFail(t, te, te.run("user", "add", "jana", "--role", "sales", "--db", "/new.db"), "has no users yet", "--role admin")
	if code := te.run("user", "add", "jana", "--role", "admin", "--full-name", "Jana Nováková", "--db", "/new.db"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	st := te.store("/new.db")
	u, ok := st.user("jana")
	if !ok || !slices.Equal(u.Roles, []app.Role{app.RoleAdmin}) || !st.verify("jana", "první heslo") {
		t.Fatalf("first admin %+v", u)
	}
	if out := te.out.String(); !strings.Contains(out, "first admin of /new.db") || !strings.Contains(out, "--user jana") {
		t.Errorf("stdout %q", out)
	}
	if len(st.logins) != 0 {
		t.Errorf("the first admin needed a sign-in: %v", st.logins)
	}
	// From now on adding users needs an admin.
	expectFail(t, te, te.run("user", "add", "petr", "--role", "sales", "--db", "/new.db"), "add --user NAME or set KONTOR_USER")

	// On a terminal, the password is typed twice.
	te2 := newTestEnv()
	te2.terminal = true
	te2.typed = []string{"heslo správce", "heslo správce"}
	if code := te2.run("user", "add", "admin", "--role", "admin", "--db", "/t.db"); code != ExitOK || !te2.store("/t.db").verify("admin", "heslo správce") {
		t.Fatalf("exit %d: %s", code, te2.err.String())
	}
	// Without a terminal or the variable there is no password to take.
	te3 := newTestEnv()
	expectFail(t, te3, te3.run("user", "add", "admin", "--role", "admin"), "no new password for admin", EnvNewPassword)
}

func TestUserList(t *testing.T) {
	te, st := userEnv(t)
	if _, err := st.SetDisabled(app.WithUser(te.ctx(), app.User{Name: testAdmin}), "eva", true); err != nil {
		t.Fatal(err)
	}
	if code := te.run("user", "list"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	lines := strings.Split(strings.TrimSpace(te.out.String()), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "NAME") {
		t.Fatalf("stdout:\n%s", te.out.String())
	}
	for i, want := range [][]string{{"eva", "Eva Žáková", "reception", "disabled"}, {"jana", "Jana Nováková", "accounts", "active"}, {"spravce", "Marie Správcová", "admin", "active"}} {
		for _, w := range want {
			if !strings.Contains(lines[i+1], w) {
				t.Errorf("line %q lacks %q", lines[i+1], w)
			}
		}
	}
	// Columns line up although the names have diacritics.
	if a, b := strings.Index(lines[1], "reception"), strings.Index(lines[2], "accounts"); len([]rune(lines[1][:a])) != len([]rune(lines[2][:b])) {
		t.Errorf("columns do not line up:\n%s", te.out.String())
	}
	if strings.Contains(te.out.String(), "$argon2") {
		t.Error("the list shows a password hash")
	}
	te.as("jana", "jana-heslo-1")
	expectFail(t, te, te.run("user", "list"), "user jana may not do this")
}

func TestUserPasswd(t *testing.T) {
	te, st := userEnv(t)
	t.Run("admin sets another user's", func(t *testing.T) {
		te.vars[EnvNewPassword] = "nové heslo Jany"
		if code := te.run("user", "passwd", "jana"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		if !st.verify("jana", "nové heslo Jany") || st.verify("jana", "jana-heslo-1") {
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
		if !st.verify("jana", "moje vlastní heslo") {
			t.Error("own password not changed")
		}
		// A wrong current password changes nothing.
		te.typed = []string{"hádám heslo", "jiné heslo 123", "jiné heslo 123"}
		expectFail(t, te, te.run("user", "passwd", "jana"), "wrong user name or password")
		if !st.verify("jana", "moje vlastní heslo") || len(te.prompts) != 1 {
			t.Errorf("prompts %q", te.prompts)
		}
		te.terminal = false
	})
	t.Run("a user cannot set another's", func(t *testing.T) {
		te.as("jana", "moje vlastní heslo")
		te.vars[EnvNewPassword] = "převzatý účet"
		expectFail(t, te, te.run("user", "passwd", "spravce"), "user jana may not do this")
		if st.verify(testAdmin, "převzatý účet") {
			t.Error("an accountant reset the admin's password")
		}
	})
}

func TestUserDisableEnableRoles(t *testing.T) {
	te, st := userEnv(t)
	if code := te.run("user", "disable", "jana"); code != ExitOK || !strings.Contains(te.out.String(), "jana (Jana Nováková) is disabled") {
		t.Fatalf("disable: exit %d: %s %s", code, te.out.String(), te.err.String())
	}
	te.as("jana", "jana-heslo-1")
	expectFail(t, te, te.run("check"), "user jana is disabled")
	te.as(testAdmin, testPassword)
	if code := te.run("user", "enable", "jana"); code != ExitOK || !strings.Contains(te.out.String(), "enabled") {
		t.Fatalf("enable: exit %d: %s", code, te.err.String())
	}
	te.as("jana", "jana-heslo-1")
	if code := te.run("check"); code != ExitOK {
		t.Errorf("enabled jana cannot check: %s", te.err.String())
	}
	expectFail(t, te, te.run("user", "disable", "eva"), "user jana may not do this")

	te.as(testAdmin, testPassword)
	if code := te.run("user", "roles", "eva", "Sales, reception"); code != ExitOK || !strings.Contains(te.out.String(), "reception, sales") {
		t.Fatalf("roles: exit %d: %s %s", code, te.out.String(), te.err.String())
	}
	if u, _ := st.user("eva"); !slices.Equal(u.Roles, []app.Role{app.RoleReception, app.RoleSales}) {
		t.Errorf("roles %v", u.Roles)
	}
	expectFail(t, te, te.run("user", "roles", "eva", "sales,cashier"), "“cashier” is not a role")
	expectFail(t, te, te.run("user", "roles", "eva", ","), "at least one role")

	// The last admin can neither lose the role nor be disabled.
	expectFail(t, te, te.run("user", "roles", testAdmin, "accounts"), "last administrator")
	expectFail(t, te, te.run("user", "disable", testAdmin), "last administrator")
	if u, _ := st.user(testAdmin); u.Disabled || !slices.Equal(u.Roles, []app.Role{app.RoleAdmin}) {
		t.Errorf("last admin changed: %+v", u)
	}
	// With a second admin, the first may step down.
	if code := te.run("user", "roles", "jana", "accounts,admin"); code != ExitOK {
		t.Fatal(te.err.String())
	}
	if code := te.run("user", "roles", testAdmin, "accounts"); code != ExitOK {
		t.Errorf("second admin: %s", te.err.String())
	}
	te.as("jana", "jana-heslo-1")
	expectFail(t, te, te.run("user", "enable", "nikdo"), "user nikdo does not exist")
}
