package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
)

// TestSettingsTaxOffice: the tax office codes the VAT filings are addressed
// with are set in Settings → Bank and VAT (real store), and a wrong one
// names its field and saves nothing.
func TestSettingsTaxOffice(t *testing.T) {
	rs := mustOpen(t)
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	var saved app.Company
	s := newSettings(rs.deps(rs.admin), w, a.Preferences(), rs.company(), func(c app.Company) { saved = c })
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(900, 700))

	test.Type(s.taxOffice, "46x")
	test.Tap(s.save)
	if !strings.HasPrefix(dialogText(w), "Tax office code (c_ufo): ") || s.message("company.tax_office") == "" || s.tabs.SelectedIndex() != 1 {
		t.Fatalf("dialog %q, field %q, tab %d", dialogText(w), s.message("company.tax_office"), s.tabs.SelectedIndex())
	}
	if rs.company().TaxOffice != "" {
		t.Fatal("a wrong tax office was saved")
	}
	closeDialogs(w)
	retype(s.taxOffice, "461")
	test.Type(s.taxOfficeBranch, "3002")
	test.Tap(s.save)
	if c := rs.company(); c.TaxOffice != "461" || c.TaxOfficeBranch != "3002" || saved.TaxOffice != "461" {
		t.Errorf("stored %q %q, saved %q; dialog %q", c.TaxOffice, c.TaxOfficeBranch, saved.TaxOffice, dialogText(w))
	}
}
