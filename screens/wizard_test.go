package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
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
		case *widget.Entry:
			input = input || seen
		}
	}
	t.Fatalf("no field %q", label)
	return ""
}

func TestWizardCreatesCompany(t *testing.T) {
	a := test.NewTempApp(t)
	d, fc, _ := testDeps(nil)
	w := ShowMain(a, d)
	defer w.Close()
	if w.Title() != "Kontor" {
		t.Fatalf("title before a company exists = %q", w.Title())
	}
	test.Tap(button(t, w.Content(), "Create my company"))
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

func TestWizardLoadsDemo(t *testing.T) {
	a := test.NewTempApp(t)
	d, fc, _ := testDeps(nil)
	var steps []int
	d.LoadDemo = func(ctx context.Context, progress func(done, total int)) error {
		for i := 1; i <= 4; i++ {
			progress(i, 4)
			steps = append(steps, i)
		}
		c := testCompany()
		c.Name = "Ukázka s.r.o."
		_, err := fc.CreateCompany(ctx, c)
		return err
	}
	w := ShowMain(a, d)
	defer w.Close()
	test.Tap(button(t, w.Content(), "Load the demo company"))
	if len(steps) != 4 {
		t.Fatalf("progress steps %v", steps)
	}
	if w.Title() != "Kontor — Ukázka s.r.o." {
		t.Errorf("title after the demo = %q", w.Title())
	}
}

func TestWizardDemoFailureStays(t *testing.T) {
	a := test.NewTempApp(t)
	d, _, _ := testDeps(nil)
	d.LoadDemo = func(context.Context, func(int, int)) error {
		return app.Errorf(app.ECONFLICT, "err.company.exists", "this database already has a company", nil)
	}
	w := ShowMain(a, d)
	defer w.Close()
	test.Tap(button(t, w.Content(), "Load the demo company"))
	if !strings.Contains(dialogText(w), "already has a company") {
		t.Errorf("dialog = %q", dialogText(w))
	}
	if w.Title() != "Kontor" {
		t.Errorf("title = %q", w.Title())
	}
}
