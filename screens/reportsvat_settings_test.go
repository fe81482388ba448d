package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSettingsTaxOffice: the tax office codes the VAT filings are addressed
// with are set in Settings → Bank and VAT, and a wrong one names its field.
func TestSettingsTaxOffice(t *testing.T) {
	s, w, fc, saved := newTestSettings(t)
	test.Type(s.taxOffice, "46x")
	test.Tap(s.save)
	if !strings.HasPrefix(dialogText(w), "Tax office code (c_ufo): ") || s.message("company.tax_office") == "" || s.tabs.SelectedIndex() != 1 || fc.updates != 0 {
		t.Fatalf("dialog %q, field %q, tab %d, saved %d", dialogText(w), s.message("company.tax_office"), s.tabs.SelectedIndex(), fc.updates)
	}
	closeDialogs(w)
	retype(s.taxOffice, "461")
	test.Type(s.taxOfficeBranch, "3002")
	test.Tap(s.save)
	if fc.updates != 1 || fc.c.TaxOffice != "461" || fc.c.TaxOfficeBranch != "3002" || saved.TaxOffice != "461" {
		t.Errorf("saved %d: %q %q; dialog %q", fc.updates, fc.c.TaxOffice, fc.c.TaxOfficeBranch, dialogText(w))
	}
}
