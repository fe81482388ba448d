package data_test

import (
	"testing"

	"kontor/app"
)

// TestPurchasesToReceive: the store-keeper's list holds the invoices of
// goods on 131 not yet received in full — not one posted to an expense,
// not a fully received one, a partly received one with what is left — and
// a user without the warehouse is refused.
func TestPurchasesToReceive(t *testing.T) {
	w := newWh(t, app.CostAverage)
	ctx := w.db.Ctx
	day := app.D(2026, 3, 3)
	full := w.supplierInvoice(t, "ZK260001", "131", day, 100_000)
	part := w.supplierInvoice(t, "ZK260002", "131", day.AddDays(1), 200_000)
	w.supplierInvoice(t, "ZK260003", "518", day.AddDays(2), 300_000)
	open := w.supplierInvoice(t, "ZK260004", "131", day.AddDays(3), 400_000)
	d, err := w.db.ReceivePurchase(ctx, full.ID, w.main.ID, app.Date{}, []app.StockLine{{ItemID: w.plain.ID, Qty: app.Q(10)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.PostStock(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.ReceivePurchase(ctx, part.ID, w.main.ID, app.Date{}, []app.StockLine{{ItemID: w.plain.ID, Qty: app.Q(5), UnitCost: 10_000}}, nil); err != nil {
		t.Fatal(err)
	}
	got, err := w.db.PurchasesToReceive(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []app.PurchaseToReceive{{Purchase: open, Invoiced: 400_000}, {Purchase: part, Invoiced: 200_000, Received: 50_000}}
	if len(got) != len(want) {
		t.Fatalf("%d invoices to receive: %+v", len(got), got)
	}
	for i := range want {
		if got[i].Purchase.ID != want[i].Purchase.ID || got[i].Invoiced != want[i].Invoiced || got[i].Received != want[i].Received {
			t.Errorf("%d: %s %d/%d, want %s %d/%d", i, got[i].Purchase.Number, got[i].Received, got[i].Invoiced, want[i].Purchase.Number, want[i].Received, want[i].Invoiced)
		}
	}
	if got, _ := w.db.PurchasesToReceive(ctx, 1); len(got) != 1 || got[0].Purchase.ID != open.ID {
		t.Errorf("limit 1: %+v", got)
	}
	if _, err := w.db.PurchasesToReceive(w.db.As(t, app.RoleSales), 0); codeOf(err) != app.EUNAUTHORIZED {
		t.Errorf("a salesperson listed the invoices to receive: %v", err)
	}
}

// TestPurchaseDraftSpreadAgain: a draft receipt of a 9,000 Kč invoice saved
// again with another line and no values spreads the invoice again — by
// quantity here (no card has a purchase price): 30 and 60 pieces take
// 3,000 and 6,000 Kč — and posting it clears 131.
func TestPurchaseDraftSpreadAgain(t *testing.T) {
	w := newWh(t, app.CostAverage)
	ctx := w.db.Ctx
	day := app.D(2026, 3, 3)
	pi := w.supplierInvoice(t, "ZK260010", "131", day, 900_000)
	d, err := w.db.ReceivePurchase(ctx, pi.ID, w.main.ID, app.Date{}, []app.StockLine{{ItemID: w.plain.ID, Qty: app.Q(30)}}, nil)
	if err != nil || d.Lines[0].Value != 900_000 {
		t.Fatalf("first draft %+v %v", d.Lines, err)
	}
	d.Lines[0].Value = 0
	d.Lines = append(d.Lines, app.StockLine{ItemID: w.lot.ID, Qty: app.Q(60), Lot: "Š-1", Expiry: app.D(2027, 1, 1)})
	d, err = w.db.SaveStockDraft(ctx, d)
	if err != nil || d.Lines[0].Value != 300_000 || d.Lines[1].Value != 600_000 || d.Lines[1].Code != "MLEKO" || d.SourceNo != pi.Number {
		t.Fatalf("saved again %+v %v", d, err)
	}
	if _, err := w.db.PostStock(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if b := w.balance(t, "131", day); b != 0 {
		t.Errorf("131 ends at %d", b)
	}
	w.clean(t)
}
