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
	"kontor/screens/kit"
	"kontor/screens/kit/kittest"
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
