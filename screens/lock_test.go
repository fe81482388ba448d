package screens

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"kontor/data/datatest"
	"kontor/kittest"
)

// activityLayerOf finds the activity layer under a window's content.
func activityLayerOf(t *testing.T, w fyne.Window) *activityLayer {
	t.Helper()
	for _, o := range kittest.Objects(w.Content()) {
		if l, ok := o.(*activityLayer); ok {
			return l
		}
	}
	t.Fatal("no activity layer")
	return nil
}

func locked(w fyne.Window) bool {
	top := w.Canvas().Overlays().Top()
	return top != nil && strings.Contains(kittest.Texts(top), "Kontor is locked")
}

func TestIdleLockKeepsUnsavedSettings(t *testing.T) {
	a := test.NewTempApp(t)
	db := openDB(t)
	clock := db.Clock
	g := showMain(a, kittest.Deps(db), testModules()...)
	signInGate(t, g, "jana", testAdminPassword)
	w := g.win
	sh := g.shell
	sh.openSettings()
	sw := sh.settingsWin
	name := kittest.EntryAfter(t, sw.Content(), "Company name")
	name.SetText("")
	test.Type(name, "Truhlářství Novák a syn") // not saved

	clock.Advance(9 * time.Minute)
	g.lock.check()
	if locked(w) {
		t.Fatal("locked after 9 of 10 minutes")
	}
	clock.Advance(time.Minute)
	g.lock.check()
	if !locked(w) {
		t.Fatal("not locked after 10 idle minutes")
	}
	if w.MainMenu() != nil {
		t.Error("the main menu stays usable under the lock")
	}
	if got := kittest.Texts(w.Canvas().Overlays().Top()); !strings.Contains(got, testAdminFullName+" (jana) is signed in") {
		t.Errorf("lock screen:\n%s", got)
	}
	scr := g.lock.screen
	if w.Canvas().Focused() != scr.password {
		t.Error("the password field of the lock has no focus")
	}

	test.Type(scr.password, "spatne-heslo")
	scr.password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !locked(w) || !strings.Contains(scr.message(), "Wrong user name or password") || scr.password.Text != "" {
		t.Fatalf("wrong password: locked %v, message %q, field %q", locked(w), scr.message(), scr.password.Text)
	}
	test.Type(scr.password, testAdminPassword)
	test.Tap(kittest.Button(t, w.Canvas().Overlays().Top(), "Unlock"))
	if locked(w) || w.Canvas().Overlays().Top() != nil {
		t.Fatal("the right password did not unlock")
	}
	if w.MainMenu() == nil {
		t.Error("the main menu did not come back")
	}
	if name.Text != "Truhlářství Novák a syn" || sh.settingsWin != sw {
		t.Errorf("the unsaved settings are gone: %q", name.Text)
	}
	if got := kittest.EntryAfter(t, sw.Content(), "Company name"); got != name {
		t.Error("the settings form was rebuilt")
	}
}

func TestIdleLockNoticesActivity(t *testing.T) {
	a := test.NewTempApp(t)
	db := openDB(t)
	clock := db.Clock
	g := showMain(a, kittest.Deps(db), testModules()...)
	signInGate(t, g, "jana", testAdminPassword)
	w := g.win
	idleThenCheck := func(what string, act func()) {
		t.Helper()
		clock.Advance(9 * time.Minute)
		act()
		clock.Advance(2 * time.Minute)
		g.lock.check()
		if locked(w) {
			t.Fatalf("locked although %s", what)
		}
	}
	idleThenCheck("the mouse moved", func() { activityLayerOf(t, w).Cursor() })
	idleThenCheck("a key was pressed with nothing focused", func() { test.TypeOnCanvas(w.Canvas(), "x") })

	g.shell.selectTab("audit")
	e := auditOf(g.shell).user
	w.Canvas().Focus(e)
	g.lock.check() // remembers the focused entry
	idleThenCheck("someone typed into an entry", func() { e.TypedRune('p') })

	a.Preferences().SetInt(prefLockMinutes, 0)
	clock.Advance(5 * time.Hour)
	g.lock.check()
	if locked(w) {
		t.Fatal("locked although the lock is off (0 minutes)")
	}

	// File → Lock now (Ctrl+L) locks at once.
	var lockItem *fyne.MenuItem
	for _, it := range w.MainMenu().Items[0].Items {
		if it.Label == "Lock now" {
			lockItem = it
		}
	}
	if lockItem == nil {
		t.Fatal("no File → Lock now")
	}
	if sc, ok := lockItem.Shortcut.(*desktop.CustomShortcut); !ok || sc.KeyName != fyne.KeyL || sc.Modifier != fyne.KeyModifierShortcutDefault {
		t.Errorf("Lock now has shortcut %v", lockItem.Shortcut)
	}
	lockItem.Action()
	if !locked(w) {
		t.Fatal("Lock now did not lock")
	}
	test.Type(g.lock.screen.password, testAdminPassword)
	g.lock.screen.password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if locked(w) {
		t.Fatal("still locked")
	}
	if e.Text != "p" {
		t.Errorf("the filter entry holds %q", e.Text)
	}
}

func TestIdleLockKeepsUnsavedWizard(t *testing.T) {
	a := test.NewTempApp(t)
	db := datatest.MustOpen(t, datatest.NoCompany(), datatest.Admin("admin", "kontor-demo"))
	g := showMain(a, kittest.Deps(db), testModules()...)
	signInGate(t, g, "admin", "kontor-demo")
	name := kittest.EntryAfter(t, g.win.Content(), "Company name")
	test.Type(name, "Pekařství Dvořák")
	g.lock.lockNow()
	if !locked(g.win) {
		t.Fatal("not locked")
	}
	test.Type(g.lock.screen.password, "kontor-demo")
	test.Tap(kittest.Button(t, g.win.Canvas().Overlays().Top(), "Unlock"))
	if locked(g.win) || name.Text != "Pekařství Dvořák" || kittest.EntryAfter(t, g.win.Content(), "Company name") != name {
		t.Errorf("after unlock: locked %v, name %q", locked(g.win), name.Text)
	}
}

func TestLockSignOutDropsSession(t *testing.T) {
	a := test.NewTempApp(t)
	db := openDB(t)
	g := showMain(a, kittest.Deps(db), testModules()...)
	signInGate(t, g, "jana", testAdminPassword)
	g.shell.openSettings()
	g.lock.lockNow()
	test.Tap(kittest.Button(t, g.win.Canvas().Overlays().Top(), "Sign in as someone else…"))
	test.Tap(kittest.Button(t, g.win.Canvas().Overlays().Top(), "Yes"))
	if g.sess.User.Name != "" || g.lock != nil || g.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("after sign-out: user %q, lock %v", g.sess.User.Name, g.lock)
	}
	if got := kittest.Texts(g.win.Content()); !strings.Contains(got, "Sign in to Kontor") {
		t.Errorf("sign-out shows:\n%s", got)
	}
}
