package screens

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/kittest"
)

// TestSettingsRegisterEntry: the company's commercial-register entry
// (spisová značka, §435 of the Civil Code) had no place in Kontor. On the
// real store: typed in Settings, saved, refused when too long, and printed
// on the next invoice issued.
func TestSettingsRegisterEntry(t *testing.T) {
	db := openDB(t)
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	var saved app.Company
	s := newSettings(kittest.Deps(db), w, a.Preferences(), storedCompany(t, db), func(c app.Company) { saved = c })
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(900, 700))

	const entry = "zapsaná v obchodním rejstříku vedeném Městským soudem v Praze, oddíl C, vložka 12345"
	test.Type(s.register, strings.Repeat("x", app.MaxRegisterLen+1))
	test.Tap(s.save)
	if msg := s.message("company.register"); !strings.Contains(msg, "longer than") {
		t.Errorf("a register entry too long says %q", msg)
	}
	kittest.CloseDialogs(w)
	s.register.SetText("  " + entry + " ")
	test.Tap(s.save)
	if saved.Register != entry || storedCompany(t, db).Register != entry {
		t.Fatalf("saved %q, stored %q", saved.Register, storedCompany(t, db).Register)
	}

	inv := invoice(t, db, customer(t, db, "Dvořák s.r.o."), "Stůl z dubu", 1200000)
	if inv.Supplier.Register != entry {
		t.Fatalf("the issued invoice's supplier has register %q", inv.Supplier.Register)
	}
	var b bytes.Buffer
	if err := kittest.Deps(db).Printer.Print(&b, inv, storedCompany(t, db)); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	path := filepath.Join(t.TempDir(), "inv.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(strings.Fields(string(out)), " "); !strings.Contains(text, entry) {
		t.Errorf("the invoice lacks the register entry:\n%s", text)
	}
}
