package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/screens/kit"
)

// signInGate types name and password into the login screen of g and presses Enter.
func signInGate(t *testing.T, g *gate, name, password string) {
	t.Helper()
	root := g.win.Content()
	test.Type(entryAfter(t, root, "User name"), name)
	pw := entryAfter(t, root, "Password")
	test.Type(pw, password)
	pw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// signIn opens the main window and signs in through the login screen.
func signIn(t *testing.T, a fyne.App, d kit.Deps, name, password string) fyne.Window {
	t.Helper()
	g := showMain(a, d, testModules()...)
	signInGate(t, g, name, password)
	return g.win
}

// menuItems lists the labels of a menu of the window's main menu.
func menuItems(w fyne.Window, menu int) string {
	if w.MainMenu() == nil {
		return ""
	}
	var out []string
	for _, it := range w.MainMenu().Items[menu].Items {
		if !it.IsSeparator {
			out = append(out, it.Label)
		}
	}
	return strings.Join(out, ",")
}

func TestLoginEnterSignsIn(t *testing.T) {
	a := test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	_, audit := fakesOf(d)
	g := showMain(a, d, testModules()...)
	w := g.win
	if w.Title() != "Kontor" || w.MainMenu() != nil {
		t.Fatalf("before sign-in: title %q, menu %v", w.Title(), w.MainMenu())
	}
	name := entryAfter(t, w.Content(), "User name")
	if w.Canvas().Focused() != name {
		t.Error("the name field has no focus at start")
	}
	signInGate(t, g, " Jana ", testAdminPassword)
	if w.Title() != "Kontor — Truhlářství Novák s.r.o." {
		t.Fatalf("title after sign-in %q", w.Title())
	}
	if got := texts(w.Content()); !strings.Contains(got, "Signed in: Jana Nováková") {
		t.Errorf("status bar:\n%s", got)
	}
	if got := menuItems(w, 0); got != "Settings…,Back up now…,Check database,Change password…,Lock now,Sign out,Quit" {
		t.Errorf("admin's File menu: %s", got)
	}
	if u := g.sess.User; u.Name != "jana" || !u.Has(app.RoleAdmin) {
		t.Errorf("session user %+v", u)
	}
	if last := audit.entries[len(audit.entries)-1]; last.Action != "login" || last.User != "jana" {
		t.Errorf("last audit entry %+v", last)
	}
}

func TestLoginFailureShowsMessageOnly(t *testing.T) {
	a := test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	users, _ := fakesOf(d)
	g := showMain(a, d, testModules()...)
	w := g.win
	root := w.Content()
	pw := entryAfter(t, root, "Password")

	// An empty password is caught before the store counts a failure.
	test.Type(entryAfter(t, root, "User name"), "jana")
	pw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := texts(root); !strings.Contains(got, "Enter your password.") {
		t.Errorf("no hint for the empty password:\n%s", got)
	}
	if users.auths != 0 {
		t.Errorf("Authenticate called %d times for an empty password", users.auths)
	}

	test.Type(pw, "spatne-heslo")
	pw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := texts(root); !strings.Contains(got, "Wrong user name or password") {
		t.Errorf("no refusal under the form:\n%s", got)
	}
	if pw.Text != "" {
		t.Errorf("the password field still holds %q", pw.Text)
	}
	if w.Canvas().Focused() != pw {
		t.Error("the password field has no focus after a failure")
	}
	if dialogText(w) != "" || w.Title() != "Kontor" || w.MainMenu() != nil || g.sess.User.Name != "" {
		t.Errorf("a failed login did more than say so: dialog %q, title %q", dialogText(w), w.Title())
	}
}

func TestReceptionSeesFrontOfficeOnly(t *testing.T) {
	a := test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	users, _ := fakesOf(d)
	users.mustAdd(app.NewUser{Name: "recepce", FullName: "Jana Růžičková", Roles: []app.Role{app.RoleReception}, Password: "kontor-demo"})
	g := showMain(a, d, testModules()...)
	signInGate(t, g, "recepce", "kontor-demo")
	sh := g.shell
	if sh == nil {
		t.Fatal("no shell after sign-in")
	}
	if got := strings.Join(tabTitles(sh.groups), ","); got != "Front office" {
		t.Errorf("groups %s", got)
	}
	if got := strings.Join(tabTitles(sh.inner[kit.FrontOffice]), ","); got != "Reception" {
		t.Errorf("front office %s", got)
	}
	for _, id := range []string{"accounts", "audit", "users", "payroll"} {
		if sh.selectTab(id) {
			t.Errorf("reception reached the %s tab", id)
		}
	}
	if got := menuItems(g.win, 0); got != "Change password…,Lock now,Sign out,Quit" {
		t.Errorf("reception's File menu: %s", got)
	}
	if strings.Contains(buttonsText(g.win.Content()), "Settings…") {
		t.Error("reception sees the Settings button")
	}
	sh.openSettings()
	if sh.settingsWin != nil {
		t.Error("reception opened the settings")
	}
}

func TestNonAdminWithoutCompanyIsTold(t *testing.T) {
	a := test.NewTempApp(t)
	d, _, _ := testDeps(nil)
	users, _ := fakesOf(d)
	users.mustAdd(app.NewUser{Name: "admin", Roles: []app.Role{app.RoleAdmin}, Password: "kontor-demo"})
	users.mustAdd(app.NewUser{Name: "prodej", Roles: []app.Role{app.RoleSales}, Password: "kontor-demo"})
	g := showMain(a, d, testModules()...)
	signInGate(t, g, "prodej", "kontor-demo")
	if got := texts(g.win.Content()); !strings.Contains(got, "An administrator must sign in first") {
		t.Fatalf("a salesman of an empty database sees:\n%s", got)
	}
	test.Tap(button(t, g.win.Content(), "Sign out"))
	if got := texts(g.win.Content()); !strings.Contains(got, "Sign in to Kontor") {
		t.Errorf("sign-out shows:\n%s", got)
	}
}
