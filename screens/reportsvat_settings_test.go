package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/kittest"
)

// TestSettingsTaxOffice: the tax office codes the VAT filings are addressed
// with are set in Settings → Bank and VAT (real store), and a wrong one
// names its field and saves nothing.
func TestSettingsTaxOffice(t *testing.T) {
	db := openDB(t)
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	var saved app.Company
	s := newSettings(kittest.Deps(db), w, a.Preferences(), storedCompany(t, db), func(c app.Company) { saved = c })
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(900, 700))

	test.Type(s.taxOffice, "46x")
	test.Tap(s.save)
	if !strings.HasPrefix(kittest.DialogText(w), "Tax office code (c_ufo): ") || s.message("company.tax_office") == "" || s.tabs.SelectedIndex() != 1 {
		t.Fatalf("dialog %q, field %q, tab %d", kittest.DialogText(w), s.message("company.tax_office"), s.tabs.SelectedIndex())
	}
	if storedCompany(t, db).TaxOffice != "" {
		t.Fatal("a wrong tax office was saved")
	}
	kittest.CloseDialogs(w)
	retype(s.taxOffice, "461")
	test.Type(s.taxOfficeBranch, "3002")
	test.Tap(s.save)
	if c := storedCompany(t, db); c.TaxOffice != "461" || c.TaxOfficeBranch != "3002" || saved.TaxOffice != "461" {
		t.Errorf("stored %q %q, saved %q; dialog %q", c.TaxOffice, c.TaxOfficeBranch, saved.TaxOffice, kittest.DialogText(w))
	}
}
