package cli

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"kontor/app"
)

func TestDemoUsers(t *testing.T) {
	st, sum := runDemo(t, time.Date(2026, time.November, 18, 10, 0, 0, 0, time.Local), DemoOptions{})
	want := DemoUsers()
	if len(want) != 7 || len(sum.Users) != 7 || len(st.users) != 7 {
		t.Fatalf("%d listed, %d made, %d stored", len(want), len(sum.Users), len(st.users))
	}
	var roles []app.Role
	for i, n := range want {
		u, ok := st.user(n.Name)
		if !ok || sum.Users[i].Name != n.Name {
			t.Fatalf("user %s missing (summary %v)", n.Name, sum.Users[i].Name)
		}
		if !st.verify(n.Name, DemoPassword) {
			t.Errorf("%s does not sign in with the demo password", n.Name)
		}
		if !slices.Equal(u.Roles, n.Roles) || len(u.Roles) != 1 || u.Disabled {
			t.Errorf("%s: roles %v disabled %v", n.Name, u.Roles, u.Disabled)
		}
		if ascii := utf8.RuneCountInString(u.FullName) == len(u.FullName); ascii || !strings.Contains(u.FullName, " ") {
			t.Errorf("%s: full name %q should be a Czech name with diacritics", n.Name, u.FullName)
		}
		if _, err := st.Authenticate(context.Background(), n.Name, DemoPassword); err != nil {
			t.Errorf("%s: %v", n.Name, err)
		}
		roles = append(roles, u.Roles...)
	}
	if want[0].Name != DemoAdmin || want[0].Roles[0] != app.RoleAdmin {
		t.Errorf("the first demo user is %+v, want the admin", want[0])
	}
	slices.Sort(roles)
	all := app.AllRoles()
	slices.Sort(all)
	if !slices.Equal(roles, all) {
		t.Errorf("demo roles %v, want one user per role %v", roles, all)
	}
	for _, n := range []string{"recepce", "prodej", "servis", "ucetni", "mzdy", "sklad"} {
		if _, ok := st.user(n); !ok {
			t.Errorf("no demo user %s", n)
		}
	}
}

func TestDemoRefusesUsersOrCompany(t *testing.T) {
	ctx := context.Background()
	now := app.NewFixedClock(time.Date(2026, 11, 18, 10, 0, 0, 0, time.Local))

	// A database with users: refused before anything is written.
	st := newFakeStore("/u.db", now)
	st.addUser("jana", "", "jana-heslo-1", app.RoleAdmin)
	if _, err := Demo(ctx, st.Services(), DemoOptions{}); app.ErrorCode(err) != app.ECONFLICT || !strings.Contains(err.Error(), "already has a company or users") {
		t.Errorf("users: %v", err)
	}
	if len(st.users) != 1 || st.company != nil {
		t.Error("a refused demo wrote")
	}

	// A file from before users: a company but nobody to sign in as. The
	// store will not show the company without a user, so the demo finds it
	// only as its new admin and says how to secure that admin.
	old := newFakeStore("/old.db", now)
	old.addUser("tmp", "", "tmp-heslo-1", app.RoleAdmin)
	if _, err := old.CreateCompany(app.WithUser(ctx, app.User{Name: "tmp"}), demoCompany(app.ChartCzech)); err != nil {
		t.Fatal(err)
	}
	delete(old.users, "tmp")
	_, err := Demo(ctx, old.Services(), DemoOptions{})
	if app.ErrorCode(err) != app.ECONFLICT || !strings.Contains(err.Error(), "already has a company (Kavárna") || !strings.Contains(err.Error(), "kontor user passwd admin --user admin") {
		t.Errorf("legacy company: %v", err)
	}
	if len(old.entries) != 0 || len(old.users) != 1 {
		t.Errorf("legacy company: %d entries, %d users", len(old.entries), len(old.users))
	}

	// A caller already signed in (the window) is asked with its own user.
	signed := newFakeStore("/s.db", now)
	signed.addUser("jana", "", "jana-heslo-1", app.RoleAdmin)
	if err := demoCheckEmpty(app.WithUser(ctx, app.User{Name: "jana"}), signed.Services()); app.ErrorCode(err) != app.ECONFLICT {
		t.Errorf("signed in: %v", err)
	}
}

func TestDemoCommandUsers(t *testing.T) {
	te := newTestEnv()
	if code := te.run("demo", "--db", "/d.db"); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, te.err.String())
	}
	out := te.out.String()
	for _, want := range []string{"Creating the demo company and its users", "password “kontor-demo”", "admin", "Květoslav Správný", "recepce", "reception", "sklad", "warehouse", "kontor check --user admin --db /d.db"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	// The demo's users sign in to the file it made.
	te.as("ucetni", DemoPassword)
	if code := te.run("check", "--db", "/d.db"); code != ExitOK {
		t.Errorf("accountant check: exit %d: %s", code, te.err.String())
	}
	te.as("recepce", DemoPassword)
	expectFail(t, te, te.run("check", "--db", "/d.db"), "user recepce may not do this")
	te.as(DemoAdmin, DemoPassword)
	te.vars[EnvNewPassword] = "nové heslo demo"
	if code := te.run("user", "add", "nova", "--role", "sales", "--db", "/d.db"); code != ExitOK {
		t.Errorf("demo admin adds a user: exit %d: %s", code, te.err.String())
	}
	if code := te.run("user", "list", "--db", "/d.db"); code != ExitOK || strings.Count(te.out.String(), "\n") != 9 {
		t.Errorf("list: exit %d:\n%s", code, te.out.String())
	}
}
