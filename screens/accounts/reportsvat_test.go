package accounts

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// postVATFebruary posts February's two tagged sales: a domestic one at 21 %
// and an intra-Community supply of goods to a Slovak business.
func postVATFebruary(t *testing.T, db *datatest.DB) {
	t.Helper()
	feb := func(day int) app.Date { return app.D(2026, time.February, day) }
	for _, e := range []app.Entry{
		{Date: feb(3), Memo: "FV2026-0042", Lines: []app.Line{{Account: "311", Debit: 121000_00}, {Account: "602", Credit: 100000_00},
			{Account: "343", Credit: 21000_00, VAT: &app.VATTag{Side: app.VATOut, Regime: app.RegimeDomestic, Kind: app.VATStandard, Rate: app.RatePercent(21),
				Base: 100000_00, Doc: "FV2026-0042", Partner: "CZ45274649", DocTotal: 121000_00}}}},
		{Date: feb(9), Memo: "FV2026-0043", Lines: []app.Line{{Account: "311", Debit: 5000_00},
			{Account: "604", Credit: 5000_00, VAT: &app.VATTag{Side: app.VATOut, Regime: app.RegimeEUGoods, Base: 5000_00, Doc: "FV2026-0043", Partner: "SK2020202020", DocTotal: 5000_00}}}},
	} {
		if _, err := db.PostEntry(db.Ctx, e); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReportsSaveVATFilings drives the Reports pane's VAT filing row on the
// real store: a wrong period and an unfinished one are refused, a company
// without its tax office is told where to set it, and the three files are
// saved through the save dialog with the figures of February's postings.
func TestReportsSaveVATFilings(t *testing.T) {
	db := openDB(t)
	postVATFebruary(t, db)
	s, h := openAccounts(t, db, app.User{}, nil)
	w := h.Window()
	selectPane(t, s, "Reports")
	p := linksOf(s).reports
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
		if got := kittest.DialogText(w); !strings.Contains(got, tc.want) {
			t.Errorf("%s: dialog %q, want %q", tc.period, got, tc.want)
		}
		kittest.CloseDialogs(w)
	}
	c, err := db.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.TaxOffice, c.TaxOfficeBranch = "461", "3002"
	if _, err := db.UpdateCompany(db.Ctx, c); err != nil {
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
			t.Fatalf("%s: no save dialog: %q", f.form, kittest.DialogText(w))
		}
		chooseIn(t, w, v.dlg, dir, f.name, "Save")
		body := readFile(t, dir, f.name+".xml")
		for _, want := range []string{`<Pisemnost nazevSW="Kontor">`, "<" + f.form + " verzePis=", `c_ufo="461"`, `rok="2026" mesic="2"`, f.attr, f.want} {
			if !strings.Contains(body, want) {
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

// TestReportsVATReturnMatchesTheLedger: the VAT return of February shown in
// the Reports pane (February's two sales and a received invoice) owes
// exactly what account 343 moved in February, and its output and deductions
// are the tagged postings'.
func TestReportsVATReturnMatchesTheLedger(t *testing.T) {
	db := openDB(t)
	postVATFebruary(t, db)
	sup, err := db.SaveCustomer(db.Ctx, app.Customer{Name: "Žlutá pražírna a.s.", Street: "Hlavní 1", City: "Olomouc", ICO: "45274649", DIC: "CZ45274649", Supplier: true})
	if err != nil {
		t.Fatal(err)
	}
	feb10 := app.D(2026, time.February, 10)
	if _, err := db.RecordPurchase(db.Ctx, app.PurchaseInvoice{SupplierID: sup.ID, SupplierNumber: "PR-118", IssueDate: feb10, TaxDate: feb10, DueDate: feb10.AddDays(14),
		VAT: []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: 10000_00, VAT: 2100_00}}, Memo: "Káva zrnková"}); err != nil {
		t.Fatal(err)
	}
	s, _ := openAccounts(t, db, app.User{}, nil)
	selectPane(t, s, "Reports")
	p := linksOf(s).reports
	p.kind.SetSelected("VAT return")
	p.preset.SetSelected("Last month")
	test.Tap(p.showB)
	if p.report == nil {
		t.Fatal("no VAT return")
	}
	// The store's own figures: 343's movement and the tagged postings.
	from, to := app.D(2026, time.February, 1), app.D(2026, time.February, 28)
	bal, err := db.BalancesBetween(db.Ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	var moved int64
	for _, b := range bal {
		if b.Account.Code == "343" {
			moved = b.Credit - b.Debit
		}
	}
	ps, err := db.VATPostings(db.Ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	sums := app.SumVATPostings(ps)
	if moved != 18900_00 || sums.Output != 21000_00 || sums.Input != 2100_00 {
		t.Fatalf("343 moved %d, postings %+v", moved, sums)
	}
	amount := func(v int64) string { return app.FormatMinor(v, 2, app.English) }
	// row is the return's row numbered no (empty for the reconciliation)
	// whose label starts with label: number, label, base, tax, rounded.
	row := func(no, label string) []string {
		for _, r := range p.report.Rows {
			if len(r.Cells) >= 4 && r.Cells[0] == no && strings.HasPrefix(r.Cells[1], label) {
				return r.Cells
			}
		}
		t.Fatalf("the return has no row %s %q", no, label)
		return nil
	}
	for _, c := range []struct {
		no, label string
		want      int64
	}{
		{"62", "Output tax", sums.Output},
		{"63", "Deductions", sums.Input},
		{"64", "Tax due", moved},
		{"", "Account 343: credit minus debit", moved},
		{"", "Difference", 0},
	} {
		if cells := row(c.no, c.label); cells[3] != amount(c.want) {
			t.Errorf("row %s %q = %q, want %s", c.no, c.label, cells, amount(c.want))
		}
	}
	if cells := row("1", "Domestic"); cells[2] != amount(100000_00) || cells[3] != amount(21000_00) {
		t.Errorf("row 1 = %q", cells)
	}
	if cells := row("40", "Taxable supplies received"); cells[2] != amount(10000_00) || cells[3] != amount(2100_00) {
		t.Errorf("row 40 = %q", cells)
	}
	if cells := row("20", "Goods supplied"); cells[2] != amount(5000_00) {
		t.Errorf("row 20 = %q", cells)
	}
	p.table.ScrollToBottom()
	if shown := texts(p.table); !strings.Contains(shown, "Tax due") || !strings.Contains(shown, amount(moved)) {
		t.Errorf("the table does not show the tax due:\n%s", shown)
	}
}
