package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// checkGroupIn finds the check group under root.
func checkGroupIn(t *testing.T, root fyne.CanvasObject) *widget.CheckGroup {
	t.Helper()
	for _, o := range kittest.Objects(root) {
		if g, ok := o.(*widget.CheckGroup); ok {
			return g
		}
	}
	t.Fatal("no check group")
	return nil
}

// storedUser is the user name as the store lists it (zero when none).
func storedUser(t *testing.T, db *datatest.DB, name string) app.User {
	t.Helper()
	all, err := db.Users(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range all {
		if u.Name == name {
			return u
		}
	}
	return app.User{}
}

func TestChangeOwnPassword(t *testing.T) {
	a := test.NewTempApp(t)
	db := openDB(t)
	g := showMain(a, kittest.Deps(db), testModules()...)
	signInGate(t, g, "jana", testAdminPassword)
	w := g.win
	g.shell.changePassword()
	dlg := w.Canvas().Overlays().Top()
	old := kittest.EntryAfter(t, dlg, "Current password")
	pw := kittest.EntryAfter(t, dlg, "New password")
	again := kittest.EntryAfter(t, dlg, "Password again")

	test.Type(old, "spatne-heslo")
	test.Type(pw, "nové heslo 2026")
	test.Type(again, "nové heslo 2026")
	test.Tap(kittest.Button(t, dlg, "Change"))
	if msg := fieldMessage(t, dlg, "Current password"); msg != "the current password is not right" {
		t.Errorf("old password message = %q", msg)
	}
	if old.Text != "" || w.Canvas().Overlays().Top() != dlg {
		t.Errorf("after a wrong old password: field %q, dialog still open %v", old.Text, w.Canvas().Overlays().Top() == dlg)
	}

	test.Type(old, testAdminPassword)
	pw.SetText("krátké")
	test.Tap(kittest.Button(t, dlg, "Change"))
	if msg := fieldMessage(t, dlg, "New password"); msg != "must have at least 8 characters" {
		t.Errorf("new password message = %q", msg)
	}
	pw.SetText("nové heslo 2026")
	again.SetText("nove heslo 2026")
	test.Tap(kittest.Button(t, dlg, "Change"))
	if msg := fieldMessage(t, dlg, "Password again"); msg != "the two passwords differ" {
		t.Errorf("repeat message = %q", msg)
	}
	again.SetText("nové heslo 2026")
	again.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := kittest.DialogText(w); !strings.Contains(got, "Your password is changed") {
		t.Fatalf("after changing: %q", got)
	}
	if _, err := db.Authenticate(context.Background(), "jana", "nové heslo 2026"); err != nil {
		t.Errorf("the new password does not sign in: %v", err)
	}
	if _, err := db.Authenticate(context.Background(), "jana", testAdminPassword); err == nil {
		t.Error("the old password still signs in")
	}
}

func TestUsersAddAndLastAdmin(t *testing.T) {
	a := test.NewTempApp(t)
	db := openDB(t)
	g := showMain(a, kittest.Deps(db), testModules()...)
	signInGate(t, g, "jana", testAdminPassword)
	w := g.win
	w.Resize(fyne.NewSize(1200, 800))
	if !g.shell.selectTab("users") {
		t.Fatal("admin has no Users tab")
	}
	v := usersOf(g.shell)
	if len(v.users) != 1 || !strings.Contains(kittest.Texts(w.Content()), "1 user\n") {
		t.Fatalf("users listed: %v", v.users)
	}

	test.Tap(kittest.Button(t, w.Content(), "Add user…"))
	dlg := w.Canvas().Overlays().Top()
	test.Type(kittest.EntryAfter(t, dlg, "User name"), "Petr")
	test.Type(kittest.EntryAfter(t, dlg, "Full name"), "Petr Svoboda")
	test.Type(kittest.EntryAfter(t, dlg, "Password"), "heslo-petra")
	test.Type(kittest.EntryAfter(t, dlg, "Password again"), "heslo-petra")
	test.Tap(kittest.Button(t, dlg, "Add"))
	if msg := fieldMessage(t, dlg, "Roles"); msg != "a user needs at least one role" {
		t.Errorf("roles message = %q", msg)
	}
	checkGroupIn(t, dlg).SetSelected([]string{"Sales", "Warehouse"})
	test.Tap(kittest.Button(t, dlg, "Add"))
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open: %q", kittest.DialogText(w))
	}
	petr := storedUser(t, db, "petr")
	if petr.Name == "" || app.RolesText(petr.Roles) != "sales, warehouse" || petr.FullName != "Petr Svoboda" {
		t.Fatalf("created %+v", petr)
	}
	if len(v.users) != 2 || v.selected != "petr" {
		t.Errorf("list %v, selected %q", v.users, v.selected)
	}
	if got := roleNames(petr.Roles); got != "Sales, Warehouse" {
		t.Errorf("roles column %q", got)
	}

	// Taking admin from the last admin is refused and nothing changes.
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if v.selected != "jana" {
		t.Fatalf("selected %q", v.selected)
	}
	test.Tap(kittest.Button(t, w.Content(), "Edit roles…"))
	dlg = w.Canvas().Overlays().Top()
	checkGroupIn(t, dlg).SetSelected([]string{"Accounts"})
	test.Tap(kittest.Button(t, dlg, "Save"))
	if got := kittest.Texts(dlg); !strings.Contains(got, "jana is the last administrator") {
		t.Errorf("refusal not shown:\n%s", got)
	}
	if !storedUser(t, db, "jana").Has(app.RoleAdmin) {
		t.Fatal("the last admin lost the role")
	}
	kittest.CloseDialogs(w)

	test.Tap(kittest.Button(t, w.Content(), "Disable"))
	test.Tap(kittest.Button(t, w.Canvas().Overlays().Top(), "Yes"))
	if got := kittest.DialogText(w); !strings.Contains(got, "last administrator") {
		t.Errorf("disabling the last admin: %q", got)
	}
	if storedUser(t, db, "jana").Disabled {
		t.Fatal("the last admin was disabled")
	}
	kittest.CloseDialogs(w)

	// Reset Petr's password, then disable him.
	v.table.Select(widget.TableCellID{Row: 1, Col: 0})
	test.Tap(kittest.Button(t, w.Content(), "Reset password…"))
	dlg = w.Canvas().Overlays().Top()
	test.Type(kittest.EntryAfter(t, dlg, "New password"), "nové-heslo-petra")
	test.Type(kittest.EntryAfter(t, dlg, "Password again"), "nové-heslo-petra")
	test.Tap(kittest.Button(t, dlg, "Set password"))
	if _, err := db.Authenticate(context.Background(), "petr", "nové-heslo-petra"); err != nil {
		t.Errorf("the reset password does not sign in: %v", err)
	}
	kittest.CloseDialogs(w)
	test.Tap(kittest.Button(t, w.Content(), "Disable"))
	test.Tap(kittest.Button(t, w.Canvas().Overlays().Top(), "Yes"))
	if !storedUser(t, db, "petr").Disabled {
		t.Fatal("petr is not disabled")
	}
	if kittest.Button(t, w.Content(), "Enable") == nil {
		t.Error("no Enable for a disabled user")
	}
}
