package app

import (
	"slices"
	"testing"
)

// TestTakeLot: 8 cups of lot A and 5 of lot B in the main store; a line
// takes what its lot holds, not what the item holds — two lines of lot A
// together too — whether an issue, a transfer or a shortage; a receipt and
// a surplus bring a lot in unchecked; allowing negative stock lets a lot go
// below zero; a store that does not say (Lots nil) checks nothing.
func TestTakeLot(t *testing.T) {
	w := stockWorld()
	w.Positions[PosKey{"cups", "main"}] = Position{Qty: Q(13), Value: 1300}
	w.Lots = map[LotKey]Qty{{"cups", "main", "A"}: Q(8), {"cups", "main", "B"}: Q(5)}
	cups := func(qty Qty, lot string) StockLine {
		return StockLine{ItemID: "cups", Code: "HRN", Name: "Hrnek", Unit: "ks", Qty: qty, Lot: lot, UnitCost: 100}
	}
	for _, c := range []struct {
		name string
		doc  StockDoc
		ok   bool
	}{
		{"issue within the lot", draft(StockIssue, cups(Q(8), "A")), true},
		{"issue beyond the lot", draft(StockIssue, cups(Q(9), "A")), false},
		{"two lines of a lot", draft(StockIssue, cups(Q(5), "A"), cups(Q(4), "A")), false},
		{"two lots", draft(StockIssue, cups(Q(8), "A"), cups(Q(5), "B")), true},
		{"unknown lot", draft(StockIssue, cups(Q(1), "C")), false},
		{"transfer beyond the lot", func() StockDoc { d := draft(StockTransfer, cups(Q(6), "B")); d.ToLocation = "shop"; return d }(), false},
		{"shortage beyond the lot", draft(StockDifference, cups(-Q(6), "B")), false},
		{"receipt of a new lot", draft(StockReceipt, cups(Q(6), "C")), true},
		{"surplus of a new lot", draft(StockDifference, cups(Q(1), "D")), true},
	} {
		_, err := PostStockDoc(c.doc, w, "jana", stockNow)
		if c.ok != (err == nil) {
			t.Errorf("%s: %v", c.name, err)
		}
		if err != nil && err.(*Error).Key != "err.stock.lot_short" {
			t.Errorf("%s: refused for %v", c.name, err)
		}
	}
	neg := w
	neg.Settings.AllowNegative = true
	if _, err := PostStockDoc(draft(StockIssue, cups(Q(9), "A")), neg, "jana", stockNow); err != nil {
		t.Errorf("negative stock allowed: %v", err)
	}
	unsaid := w
	unsaid.Lots = nil
	if _, err := PostStockDoc(draft(StockIssue, cups(Q(1), "C")), unsaid, "jana", stockNow); err != nil {
		t.Errorf("no lots said: %v", err)
	}
	d := draft(StockIssue, cups(Q(1), "A"), cups(Q(1), "B"), cups(Q(2), "A"), StockLine{ItemID: "coffee", Qty: Q(1)})
	if got := d.LotKeys(); !slices.Equal(got, []LotKey{{"cups", "main", "A"}, {"cups", "main", "B"}}) {
		t.Errorf("LotKeys %v", got)
	}
	if got := draft(StockReceipt, cups(Q(1), "A")).LotKeys(); got != nil {
		t.Errorf("a receipt takes lots %v", got)
	}
}
