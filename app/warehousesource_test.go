package app

import (
	"testing"
	"time"
)

// TestIssueFromInvoice: the invoice's stock lines become the issue's; a
// service line and an item without a stock card do not.
func TestIssueFromInvoice(t *testing.T) {
	w := stockWorld()
	inv := SalesDoc{ID: "inv1", Kind: KindInvoice, Number: "FV2026-0007", CustomerID: "c1", Customer: Party{Name: "Kavárna u Nováků"},
		IssueDate: D(2026, time.March, 2), TaxDate: D(2026, time.March, 1), Lines: []DocLine{
			{ItemID: "coffee", Code: "KAV", Text: "Káva", Quantity: 2500, Unit: "kg"},
			{Text: "Doprava", Quantity: Q(1)},
			{ItemID: "tea", Text: "Čaj", Quantity: Q(1)},
		}}
	d, ok := IssueFromInvoice(inv, w.Items, "main", "i1", "jana", stockNow)
	if !ok || len(d.Lines) != 1 || d.Lines[0].Qty != 2500 || d.Date != inv.TaxDate || d.SourceNo != "FV2026-0007" || d.Partner.Name != "Kavárna u Nováků" {
		t.Fatalf("%+v", d)
	}
	w.Positions[PosKey{"coffee", "main"}] = Position{Qty: Q(2), Value: 500}
	d.Number = "VY2026-0001"
	if _, err := PostStockDoc(d, w, "jana", stockNow); err == nil || err.(*Error).Key != "err.stock.line" {
		t.Errorf("an invoice shipped more than is on hand: %v", err)
	}
	inv.Lines = inv.Lines[1:]
	if _, ok := IssueFromInvoice(inv, w.Items, "main", "i1", "jana", stockNow); ok {
		t.Error("an invoice without stock lines made an issue")
	}
}

func TestReceiptFromPurchase(t *testing.T) {
	pi := PurchaseInvoice{ID: "p1", Number: "PF2026-0003", Account: "131", TaxDate: D(2026, time.March, 1), Supplier: Party{Name: "Zelená káva"}}
	d, err := ReceiptFromPurchase(pi, ChartCzech, "main", "r1", "jana", stockNow)
	if err != nil || d.Counter != CounterAcquisition || d.SourceID != "p1" || d.Date != pi.TaxDate || d.Kind != StockReceipt {
		t.Fatalf("%+v %v", d, err)
	}
	pi.Account = "504"
	if _, err := ReceiptFromPurchase(pi, ChartCzech, "main", "r1", "jana", stockNow); err == nil || err.(*Error).Field != "stock.source" {
		t.Errorf("invoice on 504: %v", err)
	}
}
