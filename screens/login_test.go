package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

// signInGate types name and password into the login screen of g and presses Enter.
func signInGate(t *testing.T, g *gate, name, password string) {
	t.Helper()
	root := g.win.Content()
	test.Type(kittest.EntryAfter(t, root, "User name"), name)
	pw := kittest.EntryAfter(t, root, "Password")
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
	db := openDB(t)
	g := showMain(a, kittest.Deps(db), testModules()...)
	w := g.win
	if w.Title() != "Kontor" || w.MainMenu() != nil {
		t.Fatalf("before sign-in: title %q, menu %v", w.Title(), w.MainMenu())
	}
	name := kittest.EntryAfter(t, w.Content(), "User name")
	if w.Canvas().Focused() != name {
		t.Error("the name field has no focus at start")
	}
	signInGate(t, g, " Jana ", testAdminPassword)
	if w.Title() != "Kontor — Truhlářství Novák s.r.o." {
		t.Fatalf("title after sign-in %q", w.Title())
	}
	if got := kittest.Texts(w.Content()); !strings.Contains(got, "Signed in: "+testAdminFullName) {
		t.Errorf("status bar:\n%s", got)
	}
	if got := menuItems(w, 0); got != "Settings…,Back up now…,Check database,Change password…,Lock now,Sign out,Quit" {
		t.Errorf("admin's File menu: %s", got)
	}
	if u := g.sess.User; u.Name != "jana" || !u.Has(app.RoleAdmin) {
		t.Errorf("session user %+v", u)
	}
	trail := db.AuditTrail(t, db.Ctx, app.AuditFilter{})
	if last := trail[len(trail)-1]; last.Action != "login" || last.User != "jana" {
		t.Errorf("last audit entry %+v", last)
	}
}

func TestLoginFailureShowsMessageOnly(t *testing.T) {
	a := test.NewTempApp(t)
	db := openDB(t)
	g := showMain(a, kittest.Deps(db), testModules()...)
	w := g.win
	root := w.Content()
	// A failure the store counted is a "login.failed" in its trail.
	failures := func() int {
		return datatest.Actions(db.AuditTrail(t, db.Ctx, app.AuditFilter{}))["login.failed"]
	}
	pw := kittest.EntryAfter(t, root, "Password")

	// An empty password is caught before the store counts a failure.
	test.Type(kittest.EntryAfter(t, root, "User name"), "jana")
	pw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := kittest.Texts(root); !strings.Contains(got, "Enter your password.") {
		t.Errorf("no hint for the empty password:\n%s", got)
	}
	if n := failures(); n != 0 {
		t.Errorf("the store counted %d failures for an empty password", n)
	}

	test.Type(pw, "spatne-heslo")
	pw.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := kittest.Texts(root); !strings.Contains(got, "Wrong user name or password") {
		t.Errorf("no refusal under the form:\n%s", got)
	}
	if pw.Text != "" {
		t.Errorf("the password field still holds %q", pw.Text)
	}
	if n := failures(); n != 1 {
		t.Errorf("the store counted %d failures for one wrong password", n)
	}
	if w.Canvas().Focused() != pw {
		t.Error("the password field has no focus after a failure")
	}
	if kittest.DialogText(w) != "" || w.Title() != "Kontor" || w.MainMenu() != nil || g.sess.User.Name != "" {
		t.Errorf("a failed login did more than say so: dialog %q, title %q", kittest.DialogText(w), w.Title())
	}
}

func TestReceptionSeesFrontOfficeOnly(t *testing.T) {
	a := test.NewTempApp(t)
	db := openDB(t)
	db.AddUser(t, "recepce", "Jana Růžičková", "kontor-demo", app.RoleReception)
	g := showMain(a, kittest.Deps(db), testModules()...)
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
	if strings.Contains(kittest.ButtonsText(g.win.Content()), "Settings…") {
		t.Error("reception sees the Settings button")
	}
	sh.openSettings()
	if sh.settingsWin != nil {
		t.Error("reception opened the settings")
	}
}

func TestNonAdminWithoutCompanyIsTold(t *testing.T) {
	a := test.NewTempApp(t)
	db := datatest.MustOpen(t, datatest.NoCompany(), datatest.Admin("admin", "kontor-demo"))
	db.AddUser(t, "prodej", "", "kontor-demo", app.RoleSales)
	g := showMain(a, kittest.Deps(db), testModules()...)
	signInGate(t, g, "prodej", "kontor-demo")
	if got := kittest.Texts(g.win.Content()); !strings.Contains(got, "An administrator must sign in first") {
		t.Fatalf("a salesman of an empty database sees:\n%s", got)
	}
	test.Tap(kittest.Button(t, g.win.Content(), "Sign out"))
	if got := kittest.Texts(g.win.Content()); !strings.Contains(got, "Sign in to Kontor") {
		t.Errorf("sign-out shows:\n%s", got)
	}
}
