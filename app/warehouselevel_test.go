package app

import (
	"testing"
	"time"
)

// TestLevelAsOf: the level at the end of a day is the position after the
// day's last move; before the first move nothing.
func TestLevelAsOf(t *testing.T) {
	d := func(day int) Date { return D(2026, time.January, day) }
	moves := []StockMove{
		{Date: d(2), QtyAfter: Q(10), ValueAfter: 100000},
		{Date: d(5), QtyAfter: Q(15), ValueAfter: 165000},
		{Date: d(5), QtyAfter: Q(9), ValueAfter: 99000},
		{Date: d(9), QtyAfter: 0, ValueAfter: 0},
	}
	for _, c := range []struct {
		day   int
		qty   Qty
		value int64
	}{{1, 0, 0}, {2, Q(10), 100000}, {4, Q(10), 100000}, {5, Q(9), 99000}, {8, Q(9), 99000}, {9, 0, 0}, {31, 0, 0}} {
		q, v := LevelAsOf(moves, d(c.day))
		if q != c.qty || v != c.value {
			t.Errorf("day %d: %v %d, want %v %d", c.day, q, v, c.qty, c.value)
		}
	}
}

// TestStockValuesAgainstLedger: the positions' values per account equal
// what the postings put on 132 and 112; a haléř off is a problem.
func TestStockValuesAgainstLedger(t *testing.T) {
	w := stockWorld()
	a := numbered(draft(StockReceipt, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(3), Value: 100000}, StockLine{ItemID: "bags", Name: "Sáčky", Qty: Q(7), Value: 999}), "a", 2)
	a.Costs = []AcquisitionCost{{Text: "Doprava", Amount: 1001}}
	i := numbered(draft(StockIssue, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(1)}, StockLine{ItemID: "bags", Name: "Sáčky", Qty: Q(2)}), "i", 3)
	w, ps := postChain(t, w, a, i)
	ledger := map[string]int64{}
	for _, p := range ps {
		for _, l := range p.Entry.Lines {
			if l.Account == "132" || l.Account == "112" {
				ledger[l.Account] += l.Debit - l.Credit
			}
		}
	}
	values := StockValues(w.Positions, w.Items, ChartCzech)
	if probs := CheckStockValues(values, ledger); len(probs) != 0 {
		t.Fatalf("%v (values %v, ledger %v)", probs, values, ledger)
	}
	ledger["112"]++
	ledger["311"] = 5
	probs := CheckStockValues(values, ledger)
	if len(probs) != 2 || probs[0].Args["account"] != "112" || probs[0].Text(nil) != "account 112 carries "+FormatMinor(values["112"]+1, 2, "")+" but the stock on it is worth "+FormatMinor(values["112"], 2, "") {
		t.Errorf("%+v", probs)
	}
}

// TestPeriodicStockEntry: method B's year end puts the count on 132/112
// against 504/501; the next year's start takes it back.
func TestPeriodicStockEntry(t *testing.T) {
	end := D(2026, time.December, 31)
	e, err := PeriodicStockEntry(map[StockKind]int64{StockGoods: 123456, StockMaterial: 789}, end, true, ChartCzech)
	if err != nil {
		t.Fatal(err)
	}
	wantLines(t, e, []Line{{Account: "132", Debit: 123456}, {Account: "112", Debit: 789}, {Account: "504", Credit: 123456}, {Account: "501", Credit: 789}})
	if e.Memo != "Zásoby podle inventury k 31.\u00a012.\u00a02026" || e.EntryMemo().Text(loadCatalog(t, English)) != "Stock per the count as of 31 Dec 2026" {
		t.Errorf("memo %q / %q", e.Memo, e.EntryMemo().Text(loadCatalog(t, English)))
	}
	e, _ = PeriodicStockEntry(map[StockKind]int64{StockGoods: 123456}, end.AddDays(1), false, ChartCzech)
	wantLines(t, e, []Line{{Account: "504", Debit: 123456}, {Account: "132", Credit: 123456}})
	if e, err := PeriodicStockEntry(nil, end, true, ChartCzech); e != nil || err != nil {
		t.Errorf("nothing to post: %+v %v", e, err)
	}
	if _, err := PeriodicStockEntry(map[StockKind]int64{StockGoods: -1}, end, true, ChartCzech); err == nil {
		t.Error("a negative stock value posted")
	}
}
