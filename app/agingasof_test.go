package app

import (
	"context"
	"testing"
)

type asOfSales struct {
	rbSales
	pays map[string][]Payment
}

func (s asOfSales) Payments(_ context.Context, id string) ([]Payment, error) { return s.pays[id], nil }

type asOfPayables struct {
	rbPayables
	pays map[string][]Payment
}

func (p asOfPayables) SupplierPayments(_ context.Context, id string) ([]Payment, error) {
	return p.pays[id], nil
}

// An aging as of the end of October shows an invoice paid in November, and
// one credited in November, as open on that day.
func TestReceivablesAsOfRewindsLaterPaymentsAndCredits(t *testing.T) {
	inv := func(id string, issued Date, total, paid, credited int64) SalesDoc {
		return SalesDoc{ID: id, Kind: KindInvoice, Status: StatusIssued, CustomerID: "c1", Customer: Party{Name: "Kavárna"},
			IssueDate: issued, DueDate: issued.AddDays(14), Currency: "CZK", ExchangeRate: RatePercent(1),
			Totals: DocTotals{Total: total, TotalCZK: total}, Paid: paid, Credited: credited}
	}
	paidLater := inv("a", D(2026, 10, 1), 100000, 100000, 0)
	paidBefore := inv("b", D(2026, 10, 2), 50000, 50000, 0)
	creditedLater := inv("c", D(2026, 10, 3), 30000, 0, 30000)
	cn := SalesDoc{ID: "cn", Kind: KindCreditNote, Status: StatusIssued, CustomerID: "c1", OriginalID: "c", IssueDate: D(2026, 11, 5),
		Currency: "CZK", ExchangeRate: RatePercent(1), Totals: DocTotals{Total: -30000, TotalCZK: -30000}, Credited: 0}
	issuedLater := inv("d", D(2026, 11, 2), 70000, 0, 0)
	sales := asOfSales{rbSales{docs: []SalesDoc{paidLater, paidBefore, creditedLater, cn, issuedLater}}, map[string][]Payment{
		"a": {{DocID: "a", Date: D(2026, 11, 3), Amount: M(100000, "CZK"), Base: 100000}},
		"b": {{DocID: "b", Date: D(2026, 10, 20), Amount: M(50000, "CZK")}},
	}}
	asOf, today := D(2026, 10, 31), D(2026, 11, 28)
	docs, err := ReceivablesAsOf(context.Background(), sales, asOf, today)
	if err != nil {
		t.Fatal(err)
	}
	rows := AgeReceivables(docs, asOf)
	if len(rows) != 1 || rows[0].Total != 130000 {
		t.Fatalf("aging as of 31 Oct %+v, want a + c open (1 300,00)", rows)
	}
	if rows[0].Buckets[Days1to30] != 130000 {
		t.Fatalf("buckets %v", rows[0].Buckets)
	}
	// As of today nothing is rewound: only d is open.
	docs, _ = ReceivablesAsOf(context.Background(), sales, today, today)
	if rows := AgeReceivables(docs, today); len(rows) != 1 || rows[0].Total != 70000 {
		t.Fatalf("aging today %+v", rows)
	}

	p := PurchaseInvoice{ID: "p", SupplierID: "s", Supplier: Party{Name: "Pražírna"}, IssueDate: D(2026, 10, 10), DueDate: D(2026, 10, 20),
		Currency: "CZK", ExchangeRate: RatePercent(1), Total: 121000, Paid: 121000}
	pay := asOfPayables{rbPayables{ps: []PurchaseInvoice{p}}, map[string][]Payment{"p": {{DocID: "p", Date: D(2026, 11, 1), Amount: M(121000, "CZK")}}}}
	ps, err := PayablesAsOf(context.Background(), pay, asOf, today)
	if err != nil {
		t.Fatal(err)
	}
	if rows := AgePayables(ps, asOf); len(rows) != 1 || rows[0].Buckets[Days1to30] != 121000 {
		t.Fatalf("payables as of 31 Oct %+v", rows)
	}
	if ps, _ := PayablesAsOf(context.Background(), pay, today, today); len(ps) != 0 {
		t.Fatalf("paid invoice open today: %+v", ps)
	}
}

// A foreign-currency received invoice paid and credited after the aging day
// is aged at what 321 carried on that day.
func TestPayablesAsOfForeignCurrency(t *testing.T) {
	eur := RateMicro(24_325_000)
	p := PurchaseInvoice{ID: "p", SupplierID: "s", Supplier: Party{Name: "Kaffee Import GmbH"}, IssueDate: D(2026, 11, 2), DueDate: D(2026, 11, 30),
		Currency: "EUR", ExchangeRate: eur, Total: 24200, Posted: 588665, Credited: 12100, CreditedBase: 294333, Paid: 12100, PaidBase: 294332}
	cn := PurchaseInvoice{ID: "cn", SupplierID: "s", IssueDate: D(2026, 11, 20), CreditNote: true, OriginalID: "p", Currency: "EUR", ExchangeRate: eur,
		Total: -12100, Posted: -294333}
	pay := asOfPayables{rbPayables{ps: []PurchaseInvoice{p, cn}}, map[string][]Payment{
		"p": {{DocID: "p", Date: D(2026, 11, 21), Amount: M(12100, "EUR"), Base: 294332}}}}
	ps, err := PayablesAsOf(context.Background(), pay, D(2026, 11, 10), D(2026, 11, 28))
	if err != nil {
		t.Fatal(err)
	}
	rows := AgePayables(ps, D(2026, 11, 10))
	if len(rows) != 1 || rows[0].Total != 588665 {
		t.Fatalf("aging as of 10 Nov %+v, want 5 886,65 Kč", rows)
	}
	ps, _ = PayablesAsOf(context.Background(), pay, D(2026, 11, 28), D(2026, 11, 28))
	if rows := AgePayables(ps, D(2026, 11, 28)); len(rows) != 0 {
		t.Fatalf("settled invoice aged today: %+v", rows)
	}
}
