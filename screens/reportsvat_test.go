package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"kontor/app"
)

// TestReportsSaveVATFilings drives the Reports pane's VAT filing row on the
// real store: a wrong period and an unfinished one are refused, a company
// without its tax office is told where to set it, and the three files are
// saved through the save dialog with the figures of February's postings.
func TestReportsSaveVATFilings(t *testing.T) {
	rs := mustOpen(t)
	feb := func(day int) app.Date { return app.D(2026, time.February, day) }
	for _, e := range []app.Entry{
		{Date: feb(3), Memo: "FV2026-0042", Lines: []app.Line{{Account: "311", Debit: 121000_00}, {Account: "602", Credit: 100000_00},
			{Account: "343", Credit: 21000_00, VAT: &app.VATTag{Side: app.VATOut, Regime: app.RegimeDomestic, Kind: app.VATStandard, Rate: app.RatePercent(21),
				Base: 100000_00, Doc: "FV2026-0042", Partner: "CZ45274649", DocTotal: 121000_00}}}},
		{Date: feb(9), Memo: "FV2026-0043", Lines: []app.Line{{Account: "311", Debit: 5000_00},
			{Account: "604", Credit: 5000_00, VAT: &app.VATTag{Side: app.VATOut, Regime: app.RegimeEUGoods, Base: 5000_00, Doc: "FV2026-0043", Partner: "SK2020202020", DocTotal: 5000_00}}}},
	} {
		if _, err := rs.store.PostEntry(rs.ctx(), e); err != nil {
			t.Fatal(err)
		}
	}
	sh, w := rs.shell(rs.admin)
	sh.selectTab("accounts")
	subTab(t, w.Content(), "Reports")
	p := linksOf(accountsOf(sh)).reports
	v := p.vat
	// Last month is offered (the clock says 15 March 2026).
	if v.period.Text != "2026-02" {
		t.Errorf("period %q", v.period.Text)
	}
	for _, tc := range []struct{ period, want string }{
		{"2026-13", "is not a VAT period"},
		{"2026-03", "ends on"},
		{"2026-02", "tax office"},
	} {
		retype(v.period, tc.period)
		test.Tap(v.buttons[0])
		if got := dialogText(w); !strings.Contains(got, tc.want) {
			t.Errorf("%s: dialog %q, want %q", tc.period, got, tc.want)
		}
		closeDialogs(w)
	}
	c := rs.company()
	c.TaxOffice, c.TaxOfficeBranch = "461", "3002"
	if _, err := rs.store.UpdateCompany(rs.ctx(), c); err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	for i, f := range []struct {
		name, form, attr, want string
	}{
		{"priznani", "DPHDP3", `obrat23="100000"`, `dod_zb="5000"`},
		{"kontrolni", "DPHKH1", `c_evid_dd="FV2026-0042"`, `dic_odb="45274649"`},
		{"souhrnne", "DPHSHV", `k_pln_eu="0"`, `c_vat="2020202020"`},
	} {
		test.Tap(v.buttons[i])
		if v.dlg == nil || w.Canvas().Overlays().Top() == nil {
			t.Fatalf("%s: no save dialog: %q", f.form, dialogText(w))
		}
		chooseIn(t, w, v.dlg, dir, f.name, "Save")
		body, err := os.ReadFile(filepath.Join(dir, f.name+".xml"))
		if err != nil {
			t.Fatalf("%s: %v", f.form, err)
		}
		for _, want := range []string{`<Pisemnost nazevSW="Kontor">`, "<" + f.form + " verzePis=", `c_ufo="461"`, `rok="2026" mesic="2"`, f.attr, f.want} {
			if !strings.Contains(string(body), want) {
				t.Errorf("%s lacks %s:\n%s", f.form, want, body)
			}
		}
		if !strings.Contains(p.notes.Text, filepath.Join(dir, f.name+".xml")) {
			t.Errorf("%s: notes %q", f.form, p.notes.Text)
		}
		v.dlg = nil
	}
	for _, k := range []app.ReportKind{app.ReportVATControl, app.ReportEUSales} {
		if reportKindName(k) == string(k) {
			t.Errorf("%s has no name", k)
		}
	}
}
