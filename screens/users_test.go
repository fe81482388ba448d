package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

// checkGroupIn finds the check group under root.
func checkGroupIn(t *testing.T, root fyne.CanvasObject) *widget.CheckGroup {
	t.Helper()
	for _, o := range objects(root) {
		if g, ok := o.(*widget.CheckGroup); ok {
			return g
		}
	}
	t.Fatal("no check group")
	return nil
}

func TestChangeOwnPassword(t *testing.T) {
	a := test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	users, _ := fakesOf(d)
	g := showMain(a, d, testModules()...)
	signInGate(t, g, "jana", testAdminPassword)
	w := g.win
	g.shell.changePassword()
	dlg := w.Canvas().Overlays().Top()
	old := entryAfter(t, dlg, "Current password")
	pw := entryAfter(t, dlg, "New password")
	again := entryAfter(t, dlg, "Password again")

	test.Type(old, "spatne-heslo")
	test.Type(pw, "nové heslo 2026")
	test.Type(again, "nové heslo 2026")
	test.Tap(button(t, dlg, "Change"))
	if msg := fieldMessage(t, dlg, "Current password"); msg != "the current password is not right" {
		t.Errorf("old password message = %q", msg)
	}
	if old.Text != "" || w.Canvas().Overlays().Top() != dlg {
		t.Errorf("after a wrong old password: field %q, dialog still open %v", old.Text, w.Canvas().Overlays().Top() == dlg)
	}

	test.Type(old, testAdminPassword)
	pw.SetText("krátké")
	test.Tap(button(t, dlg, "Change"))
	if msg := fieldMessage(t, dlg, "New password"); msg != "must have at least 8 characters" {
		t.Errorf("new password message = %q", msg)
	}
	pw.SetText("nové heslo 2026")
	again.SetText("nove heslo 2026")
	test.Tap(button(t, dlg, "Change"))
	if msg := fieldMessage(t, dlg, "Password again"); msg != "the two passwords differ" {
		t.Errorf("repeat message = %q", msg)
	}
	again.SetText("nové heslo 2026")
	again.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := dialogText(w); !strings.Contains(got, "Your password is changed") {
		t.Fatalf("after changing: %q", got)
	}
	if !app.VerifyPassword(users.find("jana").hash, "nové heslo 2026") {
		t.Error("the stored password did not change")
	}
}

func TestUsersAddAndLastAdmin(t *testing.T) {
	a := test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	users, _ := fakesOf(d)
	g := showMain(a, d, testModules()...)
	signInGate(t, g, "jana", testAdminPassword)
	w := g.win
	w.Resize(fyne.NewSize(1200, 800))
	if !g.shell.selectTab("users") {
		t.Fatal("admin has no Users tab")
	}
	v := usersOf(g.shell)
	if len(v.users) != 1 || !strings.Contains(texts(w.Content()), "1 user\n") {
		t.Fatalf("users listed: %v", v.users)
	}

	test.Tap(button(t, w.Content(), "Add user…"))
	dlg := w.Canvas().Overlays().Top()
	test.Type(entryAfter(t, dlg, "User name"), "Petr")
	test.Type(entryAfter(t, dlg, "Full name"), "Petr Svoboda")
	test.Type(entryAfter(t, dlg, "Password"), "heslo-petra")
	test.Type(entryAfter(t, dlg, "Password again"), "heslo-petra")
	test.Tap(button(t, dlg, "Add"))
	if msg := fieldMessage(t, dlg, "Roles"); msg != "a user needs at least one role" {
		t.Errorf("roles message = %q", msg)
	}
	checkGroupIn(t, dlg).SetSelected([]string{"Sales", "Warehouse"})
	test.Tap(button(t, dlg, "Add"))
	if w.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open: %q", dialogText(w))
	}
	petr := users.find("petr")
	if petr == nil || app.RolesText(petr.Roles) != "sales, warehouse" || petr.FullName != "Petr Svoboda" {
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
	test.Tap(button(t, w.Content(), "Edit roles…"))
	dlg = w.Canvas().Overlays().Top()
	checkGroupIn(t, dlg).SetSelected([]string{"Accounts"})
	test.Tap(button(t, dlg, "Save"))
	if got := texts(dlg); !strings.Contains(got, "jana is the last administrator") {
		t.Errorf("refusal not shown:\n%s", got)
	}
	if !users.find("jana").Has(app.RoleAdmin) {
		t.Fatal("the last admin lost the role")
	}
	closeDialogs(w)

	test.Tap(button(t, w.Content(), "Disable"))
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Yes"))
	if got := dialogText(w); !strings.Contains(got, "last administrator") {
		t.Errorf("disabling the last admin: %q", got)
	}
	if users.find("jana").Disabled {
		t.Fatal("the last admin was disabled")
	}
	closeDialogs(w)

	// Reset Petr's password, then disable him.
	v.table.Select(widget.TableCellID{Row: 1, Col: 0})
	test.Tap(button(t, w.Content(), "Reset password…"))
	dlg = w.Canvas().Overlays().Top()
	test.Type(entryAfter(t, dlg, "New password"), "nové-heslo-petra")
	test.Type(entryAfter(t, dlg, "Password again"), "nové-heslo-petra")
	test.Tap(button(t, dlg, "Set password"))
	if !app.VerifyPassword(users.find("petr").hash, "nové-heslo-petra") {
		t.Error("the password was not reset")
	}
	closeDialogs(w)
	test.Tap(button(t, w.Content(), "Disable"))
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Yes"))
	if !users.find("petr").Disabled {
		t.Fatal("petr is not disabled")
	}
	if button(t, w.Content(), "Enable") == nil {
		t.Error("no Enable for a disabled user")
	}
}
