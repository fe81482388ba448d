package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// fieldMessage returns the validation message shown under the field labelled label.
func fieldMessage(t *testing.T, root fyne.CanvasObject, label string) string {
	t.Helper()
	seen, input := false, false
	for _, o := range objects(root) {
		switch v := o.(type) {
		case *widget.Label:
			if v.Text == label {
				seen = true
			} else if seen && input && v.Importance == widget.DangerImportance {
				if !v.Visible() {
					return ""
				}
				return v.Text
			}
		case *widget.Entry, *widget.CheckGroup:
			input = input || seen
		}
	}
	t.Fatalf("no field %q", label)
	return ""
}

func TestFirstRunCreatesAdminThenCompany(t *testing.T) {
	a := test.NewTempApp(t)
	d, fc, _ := testDeps(nil)
	users, _ := fakesOf(d)
	w := ShowMain(a, d, testModules()...)
	defer w.Close()
	root := w.Content()
	if got := texts(root); !strings.Contains(got, "Create the first administrator") {
		t.Fatalf("first run shows:\n%s", got)
	}
	name := entryAfter(t, root, "User name")
	if w.Canvas().Focused() != name {
		t.Error("the name field has no focus")
	}
	test.Type(name, "Jana")
	test.Type(entryAfter(t, root, "Full name"), "Jana Nováková")
	pw, again := entryAfter(t, root, "Password"), entryAfter(t, root, "Password again")
	test.Type(pw, "kratke")
	test.Type(again, "kratke")
	test.Tap(button(t, root, "Create the administrator"))
	if msg := fieldMessage(t, root, "Password"); msg != "must have at least 8 characters" {
		t.Errorf("password message = %q", msg)
	}
	if dialogText(w) != "" {
		t.Errorf("a field error also opened a dialog: %q", dialogText(w))
	}
	if has, _ := users.HasUsers(context.Background()); has {
		t.Fatal("a user was created with a short password")
	}

	pw.SetText("dlouhé heslo")
	again.SetText("dlouhe heslo")
	test.Tap(button(t, root, "Create the administrator"))
	if msg := fieldMessage(t, root, "Password again"); msg != "the two passwords differ" {
		t.Errorf("repeat message = %q", msg)
	}
	if msg := fieldMessage(t, root, "Password"); msg != "" {
		t.Errorf("the password field still shows %q", msg)
	}

	again.SetText("dlouhé heslo")
	again.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter submits
	admin := users.find("jana")
	if admin == nil || !admin.Has(app.RoleAdmin) || admin.FullName != "Jana Nováková" {
		t.Fatalf("first admin %+v", admin)
	}
	if !app.VerifyPassword(admin.hash, "dlouhé heslo") {
		t.Error("the stored hash does not match the password")
	}

	// Signed in as the new admin of a database without a company: the wizard.
	form := w.Content()
	test.Type(entryAfter(t, form, "Company name"), "Pekařství Dvořák s.r.o.")
	test.Type(entryAfter(t, form, "Street"), "Husova 5")
	test.Type(entryAfter(t, form, "City"), "Olomouc")
	test.Type(entryAfter(t, form, "Postcode"), "779 00")
	ico := entryAfter(t, form, "IČO")
	test.Type(ico, "12345678")
	test.Type(entryAfter(t, form, "Bank account"), "19-2000145399/0800")
	test.Tap(button(t, form, "Create the company"))

	if msg := fieldMessage(t, form, "IČO"); !strings.Contains(msg, "12345678 is not a valid IČO") {
		t.Errorf("IČO field message = %q", msg)
	}
	if msg := fieldMessage(t, form, "Company name"); msg != "" {
		t.Errorf("the name field shows %q though it is fine", msg)
	}
	if got := dialogText(w); !strings.Contains(got, "IČO: 12345678 is not a valid IČO") {
		t.Errorf("error dialog says %q", got)
	}
	if fc.creates != 0 {
		t.Fatal("a company was created from invalid input")
	}
	closeDialogs(w)

	ico.SetText("")
	test.Type(ico, "27082440")
	ico.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter submits
	if fc.creates != 1 {
		t.Fatalf("CreateCompany called %d times", fc.creates)
	}
	got := fc.c
	if got.ICO != "27082440" || got.City != "Olomouc" || got.IBAN != "CZ6508000000192000145399" || got.Branch != "HQ" || got.Chart != app.ChartCzech {
		t.Errorf("created %+v", *got)
	}
	if len(got.VATRates) != 3 || len(got.Series) != len(app.DefaultSeries()) {
		t.Errorf("defaults not applied: %d rates, %d series", len(got.VATRates), len(got.Series))
	}
	if w.Title() != "Kontor — Pekařství Dvořák s.r.o." {
		t.Errorf("title after creating = %q", w.Title())
	}
	if w.MainMenu() == nil {
		t.Error("the shell has no main menu")
	}
}

// demoLoader is a LoadDemo that creates the demo users and company in the fakes.
func demoLoader(d kit.Deps, steps *[]int) func(context.Context, func(int, int)) error {
	users, _ := fakesOf(d)
	fc := d.Services.Company.(*fakeCompany)
	return func(ctx context.Context, progress func(done, total int)) error {
		for i := 1; i <= 4; i++ {
			progress(i, 4)
			*steps = append(*steps, i)
		}
		for _, n := range []struct {
			name string
			role app.Role
		}{{"admin", app.RoleAdmin}, {"recepce", app.RoleReception}, {"ucetni", app.RoleAccounts}} {
			users.mustAdd(app.NewUser{Name: n.name, Roles: []app.Role{n.role}, Password: demoPassword})
		}
		c := testCompany()
		c.Name = "Ukázka s.r.o."
		fc.c = &c
		return nil
	}
}

func TestFirstRunLoadsDemoThenLogin(t *testing.T) {
	a := test.NewTempApp(t)
	d, _, _ := testDeps(nil)
	var steps []int
	d.LoadDemo = demoLoader(d, &steps)
	w := ShowMain(a, d, testModules()...)
	defer w.Close()
	test.Tap(button(t, w.Content(), "Load the demo company"))
	if len(steps) != 4 {
		t.Fatalf("progress steps %v", steps)
	}
	root := w.Content()
	shown := texts(root)
	for _, want := range []string{"Sign in to Kontor", "admin, recepce, prodej, servis, ucetni, mzdy, sklad", "kontor-demo"} {
		if !strings.Contains(shown, want) {
			t.Errorf("login after the demo lacks %q:\n%s", want, shown)
		}
	}
	// Enter in the name field submits too.
	name := entryAfter(t, root, "User name")
	test.Type(entryAfter(t, root, "Password"), "kontor-demo")
	test.Type(name, "ucetni")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.Title() != "Kontor — Ukázka s.r.o." {
		t.Fatalf("title after signing in = %q", w.Title())
	}
}

func TestFirstRunDemoFailureStays(t *testing.T) {
	a := test.NewTempApp(t)
	d, _, _ := testDeps(nil)
	d.LoadDemo = func(context.Context, func(int, int)) error {
		return app.Errorf(app.ECONFLICT, "err.company.exists", "this database already has a company", nil)
	}
	w := ShowMain(a, d, testModules()...)
	defer w.Close()
	test.Tap(button(t, w.Content(), "Load the demo company"))
	if !strings.Contains(dialogText(w), "already has a company") {
		t.Errorf("dialog = %q", dialogText(w))
	}
	if w.Title() != "Kontor" || !strings.Contains(texts(w.Content()), "Create the first administrator") {
		t.Errorf("title = %q, content:\n%s", w.Title(), texts(w.Content()))
	}
}
