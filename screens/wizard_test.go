package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data/datatest"
	"kontor/kittest"
)

// fieldMessage returns the validation message shown under the field labelled label.
func fieldMessage(t *testing.T, root fyne.CanvasObject, label string) string {
	t.Helper()
	seen, input := false, false
	for _, o := range kittest.Objects(root) {
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
	db := datatest.MustOpen(t, datatest.Empty())
	w := ShowMain(a, kittest.Deps(db), testModules()...)
	defer w.Close()
	root := w.Content()
	if got := kittest.Texts(root); !strings.Contains(got, "Create the first administrator") {
		t.Fatalf("first run shows:\n%s", got)
	}
	name := kittest.EntryAfter(t, root, "User name")
	if w.Canvas().Focused() != name {
		t.Error("the name field has no focus")
	}
	test.Type(name, "Jana")
	test.Type(kittest.EntryAfter(t, root, "Full name"), "Jana Nováková")
	pw, again := kittest.EntryAfter(t, root, "Password"), kittest.EntryAfter(t, root, "Password again")
	test.Type(pw, "kratke")
	test.Type(again, "kratke")
	test.Tap(kittest.Button(t, root, "Create the administrator"))
	if msg := fieldMessage(t, root, "Password"); msg != "must have at least 8 characters" {
		t.Errorf("password message = %q", msg)
	}
	if kittest.DialogText(w) != "" {
		t.Errorf("a field error also opened a dialog: %q", kittest.DialogText(w))
	}
	if has, _ := db.HasUsers(context.Background()); has {
		t.Fatal("a user was created with a short password")
	}

	pw.SetText("dlouhé heslo")
	again.SetText("dlouhe heslo")
	test.Tap(kittest.Button(t, root, "Create the administrator"))
	if msg := fieldMessage(t, root, "Password again"); msg != "the two passwords differ" {
		t.Errorf("repeat message = %q", msg)
	}
	if msg := fieldMessage(t, root, "Password"); msg != "" {
		t.Errorf("the password field still shows %q", msg)
	}

	again.SetText("dlouhé heslo")
	again.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter submits
	// The store signs the new admin in with the password typed.
	admin, err := db.Authenticate(context.Background(), "jana", "dlouhé heslo")
	if err != nil || !admin.Has(app.RoleAdmin) || admin.FullName != "Jana Nováková" {
		t.Fatalf("first admin %+v (%v)", admin, err)
	}
	actx := app.WithUser(context.Background(), admin)

	// Signed in as the new admin of a database without a company: the wizard.
	form := w.Content()
	test.Type(kittest.EntryAfter(t, form, "Company name"), "Pekařství Dvořák s.r.o.")
	test.Type(kittest.EntryAfter(t, form, "Street"), "Husova 5")
	test.Type(kittest.EntryAfter(t, form, "City"), "Olomouc")
	test.Type(kittest.EntryAfter(t, form, "Postcode"), "779 00")
	ico := kittest.EntryAfter(t, form, "IČO")
	test.Type(ico, "12345678")
	test.Type(kittest.EntryAfter(t, form, "Bank account"), "19-2000145399/0800")
	test.Tap(kittest.Button(t, form, "Create the company"))

	if msg := fieldMessage(t, form, "IČO"); !strings.Contains(msg, "12345678 is not a valid IČO") {
		t.Errorf("IČO field message = %q", msg)
	}
	if msg := fieldMessage(t, form, "Company name"); msg != "" {
		t.Errorf("the name field shows %q though it is fine", msg)
	}
	if got := kittest.DialogText(w); !strings.Contains(got, "IČO: 12345678 is not a valid IČO") {
		t.Errorf("error dialog says %q", got)
	}
	if _, err := db.Company(actx); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("a company was created from invalid input (%v)", err)
	}
	kittest.CloseDialogs(w)

	ico.SetText("")
	test.Type(ico, "27082440")
	ico.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter submits
	if n := datatest.Actions(db.AuditTrail(t, actx, app.AuditFilter{Entity: "company"}))["create"]; n != 1 {
		t.Fatalf("the company was created %d times", n)
	}
	got, err := db.Company(actx)
	if err != nil {
		t.Fatal(err)
	}
	if got.ICO != "27082440" || got.City != "Olomouc" || got.IBAN != "CZ6508000000192000145399" || got.Branch != "HQ" || got.Chart != app.ChartCzech {
		t.Errorf("created %+v", got)
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

// demoLoader is a LoadDemo that makes what the demo makes first — its
// users and its company, with the real demo's names and passwords — on the
// real store and reports four steps of progress; the demo's year of
// bookkeeping is left out (the shell only needs the users to sign in).
func demoLoader(db *datatest.DB, steps *[]int) func(context.Context, func(int, int)) error {
	return func(ctx context.Context, progress func(done, total int)) error {
		for i := 1; i <= 4; i++ {
			progress(i, 4)
			*steps = append(*steps, i)
		}
		users := demo.Users()
		admin, err := db.CreateFirstAdmin(ctx, users[0])
		if err != nil {
			return err
		}
		ctx = app.WithUser(ctx, admin)
		for _, u := range users[1:] {
			if _, err := db.CreateUser(ctx, u); err != nil {
				return err
			}
		}
		_, err = db.CreateCompany(ctx, demo.Company(app.ChartCzech))
		return err
	}
}

func TestFirstRunLoadsDemoThenLogin(t *testing.T) {
	a := test.NewTempApp(t)
	db := datatest.MustOpen(t, datatest.Empty())
	d := kittest.Deps(db)
	var steps []int
	d.LoadDemo = demoLoader(db, &steps)
	w := ShowMain(a, d, testModules()...)
	defer w.Close()
	test.Tap(kittest.Button(t, w.Content(), "Load the demo company"))
	if len(steps) != 4 {
		t.Fatalf("progress steps %v", steps)
	}
	root := w.Content()
	shown := kittest.Texts(root)
	for _, want := range []string{"Sign in to Kontor", "admin, recepce, prodej, servis, ucetni, mzdy, sklad", "kontor-demo"} {
		if !strings.Contains(shown, want) {
			t.Errorf("login after the demo lacks %q:\n%s", want, shown)
		}
	}
	// Enter in the name field submits too.
	name := kittest.EntryAfter(t, root, "User name")
	test.Type(kittest.EntryAfter(t, root, "Password"), "kontor-demo")
	test.Type(name, "ucetni")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.Title() != "Kontor — "+demo.Company(app.ChartCzech).Name {
		t.Fatalf("title after signing in = %q", w.Title())
	}
}

// TestFirstRunDemoFailureStays: a demo that fails (a hook: the real store
// and demo do not fail on an empty file) leaves the first-run screen.
func TestFirstRunDemoFailureStays(t *testing.T) {
	a := test.NewTempApp(t)
	d := kittest.Deps(datatest.MustOpen(t, datatest.Empty()))
	d.LoadDemo = func(context.Context, func(int, int)) error {
		return app.Errorf(app.ECONFLICT, "err.company.exists", "this database already has a company", nil)
	}
	w := ShowMain(a, d, testModules()...)
	defer w.Close()
	test.Tap(kittest.Button(t, w.Content(), "Load the demo company"))
	if !strings.Contains(kittest.DialogText(w), "already has a company") {
		t.Errorf("dialog = %q", kittest.DialogText(w))
	}
	if w.Title() != "Kontor" || !strings.Contains(kittest.Texts(w.Content()), "Create the first administrator") {
		t.Errorf("title = %q, content:\n%s", w.Title(), kittest.Texts(w.Content()))
	}
}
