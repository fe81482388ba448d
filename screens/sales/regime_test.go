package sales

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

// pickCustomer chooses the customer whose name contains search in the
// form's customer picker, as the user does.
func pickCustomer(t *testing.T, w fyne.Window, search string) {
	t.Helper()
	test.Tap(button(t, w.Content(), "Choose…"))
	test.Type(overlayEntry(t, w, 0), search)
	for _, o := range kittest.Objects(w.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.List); ok {
			if l.Length() != 1 {
				t.Fatalf("customer search %q found %d", search, l.Length())
			}
			l.Select(0)
			return
		}
	}
	t.Fatal("no list in the customer picker")
}

// optionIndex is the index of the option starting with prefix in sel.
func optionIndex(t *testing.T, sel *widget.Select, prefix string) int {
	t.Helper()
	for i, o := range sel.Options {
		if strings.HasPrefix(o, prefix) {
			return i
		}
	}
	t.Fatalf("no option %q in %q", prefix, sel.Options)
	return -1
}

// TestSalesFormRegime (issue 10, item 6): choosing a Slovak business makes
// the invoice an intra-Community supply of goods (§64) — no rates, the legal
// wording under the totals — a service line alone makes it §9(1), an
// exemption asks for its paragraph, and the issued invoice is stored in the
// §64 regime, prints the §64 wording and posts a tagged revenue line and
// nothing to 343, read from the real store.
func TestSalesFormRegime(t *testing.T) {
	v, h, db := salesTest(t)
	s, w := v.s, h.Window()
	// The amounts are typed in English formats, and the wording under the
	// totals is the English one of an English UI.
	kit.UILang = app.English
	ctx, svc := db.Ctx, db.Services()
	sk, err := svc.Customers.SaveCustomer(ctx, app.Customer{Name: "Kaviareň Pod Hradom s.r.o.", Street: "Hlavná 112/45", City: "Košice", Postcode: "040 01",
		Country: "SK", DIC: "SK2023418771", Currency: "EUR", Lang: app.English, PaymentDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.PriceList.SaveItem(ctx, app.Item{Code: "KAV-1KG", Name: "Pražená káva 1 kg", Unit: "kg", Price: app.M(52000, "CZK"), VATKind: app.VATReduced, Stock: true}); err != nil {
		t.Fatal(err)
	}
	s.tabs.SelectIndex(2)
	test.Tap(button(t, w.Content(), "New invoice"))
	f := s.form
	if f == nil || f.doc.Kind != app.KindInvoice {
		t.Fatalf("no invoice form: %+v", f)
	}
	pickCustomer(t, w, "Pod Hradom")
	if f.cust == nil || f.cust.ID != sk.ID {
		t.Fatalf("customer not chosen: %+v", f.cust)
	}
	if f.regime.Selected != "Goods to another EU member state (§64)" {
		t.Fatalf("regime for a Slovak business: %q", f.regime.Selected)
	}
	if f.opts.ByKey["doc.exempt"].Label.Visible() || f.gross.Visible() || !f.lines.rows[0].vat.Disabled() {
		t.Error("§64 shows the exemption, VAT-inclusive prices or the rate of a line")
	}
	r := f.lines.rows[0]
	test.Type(r.text, "Barista course")
	test.Type(r.price, "95.00")
	if f.regime.Selected != "Service to a business abroad (§9(1))" {
		t.Errorf("a service line alone: %q", f.regime.Selected)
	}
	r.item.SetSelectedIndex(optionIndex(t, r.item, "KAV-1KG")) // the coffee: goods
	f.rate.SetText("25")
	if f.regime.Selected != "Goods to another EU member state (§64)" {
		t.Errorf("with goods: %q", f.regime.Selected)
	}
	if got := texts(f.totals.box); !strings.Contains(got, "Exempt intra-Community supply of goods, Art. 138 Directive 2006/112/EC") || strings.Contains(got, "VAT 12") {
		t.Errorf("totals:\n%s", got)
	}
	f.regime.SetSelected("Exempt without credit (§51)")
	if !f.opts.ByKey["doc.exempt"].Label.Visible() {
		t.Error("an exemption does not ask for its paragraph")
	}
	f.regime.SetSelected("Goods to another EU member state (§64)")
	pickCustomer(t, w, "Pod Hradom") // the user chose the regime; picking the customer again defaults it again
	doc, err := f.read(true)
	if err != nil || doc.Regime != app.RegimeEUGoods {
		t.Fatalf("read %q, %v", doc.Regime, err)
	}
	test.Tap(button(t, w.Content(), "Save draft"))
	test.Tap(button(t, w.Content(), "Issue…"))
	tapDialog(t, w, "Yes")
	if got := kittest.DialogText(w); !strings.Contains(got, "FV2026-0001") {
		t.Fatalf("issue says %q", got)
	}
	kittest.CloseDialogs(w)

	// What the store holds, read as the admin, not from the form.
	inv, err := svc.Sales.DocumentByNumber(ctx, "FV2026-0001")
	if err != nil {
		t.Fatal(err)
	}
	if inv.Regime != app.RegimeEUGoods || inv.Exempt != "" || inv.Currency != "EUR" || inv.Customer.DIC != "SK2023418771" ||
		inv.Totals.VAT != 0 || inv.Totals.Total != inv.Totals.Base || len(inv.Lines) != 1 || !inv.Lines[0].Goods {
		t.Errorf("issued invoice: regime %q exempt %q %s DIČ %q totals %+v lines %+v",
			inv.Regime, inv.Exempt, inv.Currency, inv.Customer.DIC, inv.Totals, inv.Lines)
	}
	printed := printedText(t, h.Deps().Printer, inv, db)
	for _, want := range []string{"§ 64 zákona o DPH", "Art. 138 Directive 2006/112/EC"} {
		if printed != "" && !strings.Contains(strings.Join(strings.Fields(printed), " "), want) {
			t.Errorf("the printed invoice lacks %q:\n%s", want, printed)
		}
	}
	e, err := svc.Ledger.Entry(ctx, inv.EntryID)
	if err != nil {
		t.Fatal(err)
	}
	revenue := 0
	for _, l := range e.Lines {
		if l.Account == "343" {
			t.Errorf("a §64 invoice posts VAT: %+v", l)
		}
		if l.Account == "604" {
			revenue++
			if l.Credit != inv.Totals.TotalCZK || l.VAT == nil || l.VAT.Side != app.VATOut || l.VAT.Regime != app.RegimeEUGoods ||
				l.VAT.Base != l.Credit || l.VAT.Partner != "SK2023418771" {
				t.Errorf("revenue line %+v, tag %+v", l, l.VAT)
			}
		}
	}
	if revenue != 1 {
		t.Errorf("%d revenue lines on 604: %+v", revenue, e.Lines)
	}
	ps, err := svc.VAT.VATPostings(ctx, inv.TaxDate, inv.TaxDate)
	if err != nil || len(ps) != 1 || ps[0].Account != "604" || ps[0].Tag.Regime != app.RegimeEUGoods || app.SumVATPostings(ps).Movement != 0 {
		t.Errorf("the VAT return reads %+v (%v)", ps, err)
	}
}

// printedText is the text of doc printed as the user prints it, "" when
// pdftotext (poppler-utils) is not installed.
func printedText(t *testing.T, p app.Printer, doc app.SalesDoc, db *datatest.DB) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext (poppler-utils) is not installed: the printed wording is not checked")
		return ""
	}
	c, err := db.Services().Company.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p.Print(&buf, doc, c); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "invoice.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// issueShown issues the form's document through "Issue…" and "Yes" and
// returns the number the user is told, failing when none is.
func issueShown(t *testing.T, w fyne.Window, number string) {
	t.Helper()
	test.Tap(button(t, w.Content(), "Issue…"))
	tapDialog(t, w, "Yes")
	if got := kittest.DialogText(w); !strings.Contains(got, number) {
		t.Fatalf("issue says %q, want %s", got, number)
	}
	kittest.CloseDialogs(w)
}

// The other regimes the customer decides or the user chooses, in the Czech
// UI: a customer outside the EU gets the export (§66) with its Czech
// wording; a Czech VAT payer starts domestic, and the §92a reverse charge
// the user chooses asks for the control statement's code before issuing.
// Both issued invoices are read back from the store: their regime, their
// wording, revenue tagged and nothing on 343.
func TestSalesFormRegimeExportAndReverseCharge(t *testing.T) {
	v, h, db := salesTest(t)
	s, w := v.s, h.Window()
	ctx, svc := db.Ctx, db.Services()
	for _, c := range []app.Customer{
		{Name: "Kaffeehaus Zürich AG", Street: "Bahnhofstrasse 10", City: "Zürich", Postcode: "8001", Country: "CH", PaymentDays: 30},
		{Name: "Stavby Dřevo Šťastný s.r.o.", Street: "Lesní 4", City: "Jihlava", ICO: "25596641", DIC: "CZ25596641", PaymentDays: 14},
	} {
		if _, err := svc.Customers.SaveCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	wording := func() string { return strings.Join(strings.Fields(texts(s.form.totals.box)), " ") }

	// The export: goods to Switzerland, no VAT, the §66 wording in Czech.
	test.Tap(button(t, w.Content(), "New invoice"))
	f := s.form
	pickCustomer(t, w, "Zürich")
	if f.regime.Selected != "Export outside the EU (§66)" {
		t.Fatalf("regime for a Swiss customer: %q", f.regime.Selected)
	}
	r := f.lines.rows[0]
	r.item.SetSelectedIndex(optionIndex(t, r.item, "DESKA"))
	if got := wording(); !strings.Contains(got, "vývoz zboží podle § 66 zákona o DPH") || strings.Contains(got, "VAT 21") || f.gross.Visible() {
		t.Errorf("export totals (gross shown %v):\n%s", f.gross.Visible(), got)
	}
	issueShown(t, w, "FV2026-0001")

	// §92a: chosen by the user for a Czech VAT payer, with its code.
	test.Tap(button(t, w.Content(), "Back to the list"))
	test.Tap(button(t, w.Content(), "New invoice"))
	f = s.form
	pickCustomer(t, w, "Stavby")
	if f.regime.Selected != "Domestic supply with VAT" || f.opts.ByKey["doc.rc_code"].Label.Visible() {
		t.Fatalf("regime for a Czech VAT payer: %q", f.regime.Selected)
	}
	r = f.lines.rows[0]
	test.Type(r.text, "Montáž dřevostavby")
	test.Type(r.price, "50 000")
	f.regime.SetSelected("Domestic reverse charge (§92a)")
	if !f.opts.ByKey["doc.rc_code"].Label.Visible() || f.opts.ByKey["doc.exempt"].Label.Visible() || f.gross.Visible() || !r.vat.Disabled() {
		t.Error("§92a does not ask for its code, or shows the exemption, VAT-inclusive prices or the rate")
	}
	if got := wording(); !strings.Contains(got, "Daň odvede zákazník podle § 92a zákona o DPH") {
		t.Errorf("§92a totals:\n%s", got)
	}
	test.Tap(button(t, w.Content(), "Issue…"))
	if got := f.message("doc.rc_code"); !strings.Contains(got, "§92a") || countDocs(t, db, app.KindInvoice) != 1 {
		t.Fatalf("issued without the code: message %q, %d invoices", got, countDocs(t, db, app.KindInvoice))
	}
	kittest.CloseDialogs(w)
	f.rcCode.SetSelectedIndex(optionIndex(t, f.rcCode, "4 "))
	issueShown(t, w, "FV2026-0002")

	// The store, read as the admin.
	for _, c := range []struct {
		number, partner, code, wording string
		regime                         app.VATRegime
		base                           int64
	}{
		{"FV2026-0001", "", "", "vývoz zboží podle § 66 zákona o DPH", app.RegimeExport, 200000},
		{"FV2026-0002", "CZ25596641", "4", "Daň odvede zákazník podle § 92a zákona o DPH", app.RegimeReverseCZ, 5000000},
	} {
		inv, err := svc.Sales.DocumentByNumber(ctx, c.number)
		if err != nil {
			t.Fatal(err)
		}
		if inv.Regime != c.regime || inv.RCCode != c.code || inv.Totals.VAT != 0 || inv.Totals.Total != c.base {
			t.Errorf("%s: regime %q code %q totals %+v", c.number, inv.Regime, inv.RCCode, inv.Totals)
		}
		if printed := printedText(t, h.Deps().Printer, inv, db); printed != "" && !strings.Contains(strings.Join(strings.Fields(printed), " "), c.wording) {
			t.Errorf("%s printed lacks %q:\n%s", c.number, c.wording, printed)
		}
		e, err := svc.Ledger.Entry(ctx, inv.EntryID)
		if err != nil {
			t.Fatal(err)
		}
		tagged := 0
		for _, l := range e.Lines {
			if l.Account == "343" {
				t.Errorf("%s posts VAT: %+v", c.number, l)
			}
			if l.VAT != nil {
				tagged++
				if l.Credit != c.base || l.VAT.Side != app.VATOut || l.VAT.Regime != c.regime || l.VAT.Base != c.base ||
					l.VAT.RCCode != c.code || l.VAT.Partner != c.partner {
					t.Errorf("%s revenue line %+v, tag %+v", c.number, l, l.VAT)
				}
			}
		}
		if tagged != 1 {
			t.Errorf("%s: %d tagged lines: %+v", c.number, tagged, e.Lines)
		}
	}
}
