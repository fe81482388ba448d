package accounts

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

// TestStatementPreviewPerCurrency: the preview of a customer who owes euros
// showed a CZK balance. On the real store, a euro customer with one invoice
// in crowns too: the preview has a section per currency under its heading,
// each line and summary in its own currency, the euros never converted.
func TestStatementPreviewPerCurrency(t *testing.T) {
	db := datatest.MustOpen(t)
	ctx := db.Ctx
	cust, err := db.SaveCustomer(ctx, app.Customer{Name: "Wiener Kaffee GmbH", Street: "Ring 1", City: "Wien", Postcode: "1010",
		Country: "AT", PaymentDays: 14, Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	today := app.Today(db.Clock)
	d, err := db.SaveDraft(ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: cust.ID, IssueDate: today, TaxDate: today, DueDate: today.AddDays(14),
		Currency: "EUR", ExchangeRate: app.RateMicro(25_000_000),
		Lines: []app.DocLine{{Text: "Kaffee", Quantity: app.Q(1), Unit: "kg", UnitPrice: 1000_00, VATKind: app.VATStandard}}})
	if err != nil {
		t.Fatal(err)
	}
	eurInv, err := db.Issue(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	d2, err := db.SaveDraft(ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: cust.ID, IssueDate: today, TaxDate: today, DueDate: today.AddDays(14),
		Currency: "CZK", Lines: []app.DocLine{{Text: "Mlýnek", Quantity: app.Q(1), Unit: "ks", UnitPrice: 2000_00, VATKind: app.VATStandard}}})
	if err != nil {
		t.Fatal(err)
	}
	czkInv, err := db.Issue(ctx, d2.ID)
	if err != nil {
		t.Fatal(err)
	}

	c, err := db.Company(ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := kittest.NewHost(t, kittest.Deps(db), c, Module())
	s := h.Show("accounts").(*accountsScreen)
	for _, it := range s.tabs.Items {
		if it.Text == "Statements" {
			s.tabs.Select(it)
		}
	}
	h.Window().Resize(fyne.NewSize(1366, 850))
	p := linksOf(s).statements
	test.Type(p.search, "wien")
	p.list.Select(0)
	test.Tap(p.showB)
	if p.st == nil || len(p.st.Sections) != 2 || p.st.Sections[0].Currency != "EUR" || p.st.Sections[1].Currency != "CZK" {
		t.Fatalf("preview %+v", p.st)
	}
	eur := kit.FormatMoney(eurInv.Totals.Total, "EUR")
	czk := kit.FormatMoney(czkInv.Totals.Total, "CZK")
	lines := strings.Split(p.summary.Text, "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[0], "closing balance "+eur) || !strings.HasSuffix(lines[1], "closing balance "+czk) {
		t.Errorf("summary %q, want closing balances %s and %s", p.summary.Text, eur, czk)
	}
	if len(p.view) != 4 || p.view[0].line != nil || p.view[2].line != nil {
		t.Fatalf("rows %+v, want a heading and a line per currency", p.view)
	}
	shown := kittest.Texts(p.table)
	for _, want := range []string{"Account in EUR", "Account in CZK", "Invoice " + eurInv.Number,
		app.FormatMinor(eurInv.Totals.Total, 2, kit.UILang), app.FormatMinor(czkInv.Totals.Total, 2, kit.UILang)} {
		if !strings.Contains(shown, want) {
			t.Errorf("the preview lacks %q:\n%s", want, shown)
		}
	}
	if conv := app.FormatMinor(eurInv.Totals.TotalCZK, 2, kit.UILang); strings.Contains(shown+p.summary.Text, conv) {
		t.Errorf("the preview shows the euros in crowns (%s)", conv)
	}
}
