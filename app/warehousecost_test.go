package app

import (
	"math/rand"
	"testing"
	"time"
)

// costStep is one move of the hand-worked table and what each method must
// make of it: the cost of an issue, the position after.
type costStep struct {
	day        int // of January 2026; > 31 runs into February
	qty        Qty
	value      int64 // a receipt's value, haléře
	wacCost    int64
	wacValue   int64
	fifoCost   int64
	fifoValue  int64
	fifoLayers []Layer // without dates
}

// costTable is worked by hand (see each row's comment); quantities are
// whole pieces (×1000), values haléře.
var costTable = []costStep{
	// 1. 1.: receipt 10 ks à 100,00 = 1 000,00. Both: 10 ks, 1 000,00.
	{day: 1, qty: Q(10), value: 100000, wacValue: 100000, fifoValue: 100000, fifoLayers: []Layer{{Q(10), 100000, Date{}}}},
	// 5. 1.: receipt 5 ks à 130,00 = 650,00. WAC 15 ks, 1 650,00 (110,00/ks).
	// FIFO layers 10/1 000,00 + 5/650,00.
	{day: 5, qty: Q(5), value: 65000, wacValue: 165000, fifoValue: 165000, fifoLayers: []Layer{{Q(10), 100000, Date{}}, {Q(5), 65000, Date{}}}},
	// 10. 1.: issue 6 ks. WAC 1 650,00 × 6/15 = 660,00 → 9 ks, 990,00.
	// FIFO 6 of the first layer: 600,00 → 4/400,00 + 5/650,00 = 1 050,00.
	{day: 10, qty: -Q(6), wacCost: 66000, wacValue: 99000, fifoCost: 60000, fifoValue: 105000, fifoLayers: []Layer{{Q(4), 40000, Date{}}, {Q(5), 65000, Date{}}}},
	// 15. 1.: receipt 3 ks à 120,01 = 360,03. WAC 12 ks, 1 350,03
	// (112,5025/ks). FIFO + 3/360,03 = 1 410,03.
	{day: 15, qty: Q(3), value: 36003, wacValue: 135003, fifoValue: 141003, fifoLayers: []Layer{{Q(4), 40000, Date{}}, {Q(5), 65000, Date{}}, {Q(3), 36003, Date{}}}},
	// 20. 1.: issue 7 ks. WAC 1 350,03 × 7/12 = 787,5175 → 787,52; 5 ks
	// keep 562,51 (the haléř the rounding took stays exact on 132).
	// FIFO 4/400,00 + 3 of 5/650,00 = 390,00 → 790,00; left 2/260,00 +
	// 3/360,03 = 620,03.
	{day: 20, qty: -Q(7), wacCost: 78752, wacValue: 56251, fifoCost: 79000, fifoValue: 62003, fifoLayers: []Layer{{Q(2), 26000, Date{}}, {Q(3), 36003, Date{}}}},
	// 25. 1.: issue the last 5 ks: all that is left. WAC 562,51, FIFO
	// 620,03; both 0 ks, 0,00.
	{day: 25, qty: -Q(5), wacCost: 56251, wacValue: 0, fifoCost: 62003, fifoValue: 0},
	// 1. 2.: receipt after stock went to zero: 4 ks à 99,99 = 399,96; the
	// average starts again at 99,99.
	{day: 32, qty: Q(4), value: 39996, wacValue: 39996, fifoValue: 39996, fifoLayers: []Layer{{Q(4), 39996, Date{}}}},
	// 3. 2.: issue 1 ks: 399,96 / 4 = 99,99 both ways → 3 ks, 299,97.
	{day: 34, qty: -Q(1), wacCost: 9999, wacValue: 29997, fifoCost: 9999, fifoValue: 29997, fifoLayers: []Layer{{Q(3), 29997, Date{}}}},
	// 5. 2.: receipt 2 ks à 33,33 = 66,66. WAC 5 ks, 366,63 (73,326/ks).
	{day: 36, qty: Q(2), value: 6666, wacValue: 36663, fifoValue: 36663, fifoLayers: []Layer{{Q(3), 29997, Date{}}, {Q(2), 6666, Date{}}}},
	// 6. 2.: issue 1 ks. WAC 366,63/5 = 73,326 → 73,33; 4 ks, 293,30.
	// FIFO 299,97/3 = 99,99; left 2/199,98 + 2/66,66.
	{day: 37, qty: -Q(1), wacCost: 7333, wacValue: 29330, fifoCost: 9999, fifoValue: 26664, fifoLayers: []Layer{{Q(2), 19998, Date{}}, {Q(2), 6666, Date{}}}},
	// 7. 2.: issue 1 ks. WAC 293,30/4 = 73,325 → 73,33 (half up); 3 ks,
	// 219,97. FIFO 99,99; left 1/99,99 + 2/66,66.
	{day: 38, qty: -Q(1), wacCost: 7333, wacValue: 21997, fifoCost: 9999, fifoValue: 16665, fifoLayers: []Layer{{Q(1), 9999, Date{}}, {Q(2), 6666, Date{}}}},
	// 8. 2.: issue 1 ks. WAC 219,97/3 = 73,3233 → 73,32; 2 ks, 146,65.
	// FIFO the last 99,99; left 2/66,66.
	{day: 39, qty: -Q(1), wacCost: 7332, wacValue: 14665, fifoCost: 9999, fifoValue: 6666, fifoLayers: []Layer{{Q(2), 6666, Date{}}}},
	// 9. 2.: issue the last 2 ks. WAC 146,65, FIFO 66,66. The four WAC
	// issues since 5. 2. took 73,33 + 73,33 + 73,32 + 146,65 = 366,63, to
	// the haléř what was in stock.
	{day: 40, qty: -Q(2), wacCost: 14665, wacValue: 0, fifoCost: 6666, fifoValue: 0},
}

func tableDate(day int) Date { return D(2026, time.January, 1).AddDays(day - 1) }

func TestApplyMoveTableByHand(t *testing.T) {
	for _, method := range []CostMethod{CostAverage, CostFIFO} {
		var p Position
		for i, s := range costTable {
			np, r, err := ApplyMove(p, Move{Date: tableDate(s.day), Qty: s.qty, Value: s.value}, method, false)
			if err != nil {
				t.Fatalf("%s row %d: %v", method, i+1, err)
			}
			wantCost, wantValue := s.wacCost, s.wacValue
			if method == CostFIFO {
				wantCost, wantValue = s.fifoCost, s.fifoValue
			}
			if r.Cost != wantCost || np.Value != wantValue {
				t.Errorf("%s row %d: cost %d value %d, want %d and %d", method, i+1, r.Cost, np.Value, wantCost, wantValue)
			}
			if r.Adjust != 0 {
				t.Errorf("%s row %d: adjustment %d without negative stock", method, i+1, r.Adjust)
			}
			if method == CostFIFO {
				if len(np.Layers) != len(s.fifoLayers) {
					t.Fatalf("row %d: layers %+v, want %+v", i+1, np.Layers, s.fifoLayers)
				}
				for j, l := range np.Layers {
					if l.Qty != s.fifoLayers[j].Qty || l.Value != s.fifoLayers[j].Value {
						t.Errorf("row %d layer %d: %+v, want %+v", i+1, j, l, s.fifoLayers[j])
					}
				}
			}
			if !np.Check(method) {
				t.Errorf("%s row %d: inconsistent position %+v", method, i+1, np)
			}
			p = np
		}
		if p.Qty != 0 || p.Value != 0 {
			t.Errorf("%s: ends with %v, %d", method, p.Qty, p.Value)
		}
	}
}

// TestAverageAfterReceipt: the average a stock card prints is recomputed at
// each receipt: 1 350,03 / 12 = 112,5025 → 112,50; after zero the new
// receipt's own 99,99.
func TestAverageAfterReceipt(t *testing.T) {
	var p Position
	var err error
	for _, s := range costTable[:4] {
		p, _, err = ApplyMove(p, Move{Date: tableDate(s.day), Qty: s.qty, Value: s.value}, CostAverage, false)
		if err != nil {
			t.Fatal(err)
		}
	}
	if u := p.UnitCost(); u != 11250 {
		t.Errorf("unit cost %d, want 11250", u)
	}
	p, _, _ = ApplyMove(p, Move{Date: tableDate(20), Qty: -Q(12)}, CostAverage, false)
	if p.UnitCost() != 12001 { // the last receipt's, with nothing on hand
		t.Errorf("empty position's unit cost %d, want the last receipt's 12001", p.UnitCost())
	}
	p, _, _ = ApplyMove(p, Move{Date: tableDate(21), Qty: Q(4), Value: 39996}, CostAverage, false)
	if p.UnitCost() != 9999 {
		t.Errorf("after zero: %d, want 9999", p.UnitCost())
	}
}

// TestFractionalQuantities: 2,5 kg of green coffee at 1 001,00 then an
// issue of 0,333 kg: 1 001,00 × 0,333/2,5 = 133,3332 → 133,33; the rest
// 2,167 kg keeps 867,67.
func TestFractionalQuantities(t *testing.T) {
	p, _, _ := ApplyMove(Position{}, Move{Date: tableDate(1), Qty: 2500, Value: 100100}, CostAverage, false)
	p, r, err := ApplyMove(p, Move{Date: tableDate(2), Qty: -333}, CostAverage, false)
	if err != nil || r.Cost != 13333 || p.Qty != 2167 || p.Value != 86767 {
		t.Fatalf("got %+v %+v %v", p, r, err)
	}
}

func TestApplyMoveRefusals(t *testing.T) {
	p, _, _ := ApplyMove(Position{}, Move{Date: tableDate(10), Qty: Q(2), Value: 200}, CostAverage, false)
	cases := []struct {
		name  string
		m     Move
		field string
		key   string
	}{
		{"zero", Move{Date: tableDate(11)}, "stock.lines", "err.stock.qty_zero"},
		{"more than on hand", Move{Date: tableDate(11), Qty: -Q(3)}, "stock.lines", "err.stock.not_enough"},
		{"backdated", Move{Date: tableDate(9), Qty: -Q(1)}, "stock.date", "err.stock.backdated"},
		{"negative value", Move{Date: tableDate(11), Qty: Q(1), Value: -1}, "stock.lines", "err.stock.cost_negative"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, m := range []CostMethod{CostAverage, CostFIFO} {
				got, _, err := ApplyMove(p, c.m, m, false)
				e, ok := err.(*Error)
				if !ok || e.Field != c.field || e.Key != c.key {
					t.Fatalf("%s: err %v, want %s %s", m, err, c.field, c.key)
				}
				_ = got
			}
		})
	}
	if p.Qty != Q(2) || p.Value != 200 {
		t.Errorf("the refused moves changed the position: %+v", p)
	}
}

// TestNegativeStock: with negative stock allowed, 2 ks on hand at 100,00
// and 3 issued: 2 at 200,00 and the third at the same 100,00 → −1 ks,
// −100,00. A receipt of 4 ks à 110,00 = 440,00 covers the missing piece at
// 110,00: adjustment +10,00 (the issue cost that much more); 3 ks stay at
// 330,00.
func TestNegativeStock(t *testing.T) {
	for _, method := range []CostMethod{CostAverage, CostFIFO} {
		p, _, _ := ApplyMove(Position{}, Move{Date: tableDate(1), Qty: Q(2), Value: 20000}, method, true)
		p, r, err := ApplyMove(p, Move{Date: tableDate(2), Qty: -Q(3)}, method, true)
		if err != nil || r.Cost != 30000 || p.Qty != -Q(1) || p.Value != -10000 || !p.Check(method) {
			t.Fatalf("%s issue: %+v %+v %v", method, p, r, err)
		}
		// Further below zero at the same estimate.
		p, r, _ = ApplyMove(p, Move{Date: tableDate(3), Qty: -Q(1)}, method, true)
		if r.Cost != 10000 || p.Value != -20000 {
			t.Fatalf("%s second issue: %+v %+v", method, p, r)
		}
		p, r, err = ApplyMove(p, Move{Date: tableDate(4), Qty: Q(4), Value: 44000}, method, true)
		if err != nil || r.Adjust != 2000 || p.Qty != Q(2) || p.Value != 22000 || !p.Check(method) {
			t.Fatalf("%s receipt: %+v %+v %v", method, p, r, err)
		}
	}
	// From nothing: the last receipt's unit cost.
	p := Position{LastUnit: 5000, Last: tableDate(1)}
	p, r, _ := ApplyMove(p, Move{Date: tableDate(2), Qty: -1500}, CostAverage, true)
	if r.Cost != 7500 || p.Value != -7500 {
		t.Fatalf("from nothing: %+v %+v", p, r)
	}
}

// TestFIFOFromAverage: a position kept at average before the company chose
// FIFO is one layer.
func TestFIFOFromAverage(t *testing.T) {
	p := Position{Qty: Q(3), Value: 1000, Last: tableDate(1)}
	p, r, err := ApplyMove(p, Move{Date: tableDate(2), Qty: -Q(1)}, CostFIFO, false)
	if err != nil || r.Cost != 333 || p.Value != 667 || !p.Check(CostFIFO) {
		t.Fatalf("%+v %+v %v", p, r, err)
	}
}

func TestMulDiv(t *testing.T) {
	cases := []struct{ a, b, c, want int64 }{
		{135003, 7, 12, 78752}, {-135003, 7, 12, -78752}, {5, 1, 2, 3}, {-5, 1, 2, -3}, {4, 1, 3, 1},
		{1 << 62, 1 << 10, 1 << 11, 1 << 61}, {9e15, 9e12, 9e12, 9e15},
	}
	for _, c := range cases {
		if got, ok := mulDiv(c.a, c.b, c.c); !ok || got != c.want {
			t.Errorf("mulDiv(%d,%d,%d) = %d %v, want %d", c.a, c.b, c.c, got, ok, c.want)
		}
	}
	if _, ok := mulDiv(1<<62, 8, 1); ok {
		t.Error("overflow not reported")
	}
}

// runMoves applies random moves (receipts, issues, stornos at a fixed
// value, some beyond stock when negative is allowed) and checks after each that the position holds
// exactly what went in less what went out, its layers add up to it, and it
// is empty of value when empty of stock (not below zero).
func runMoves(t *testing.T, rng *rand.Rand, method CostMethod, negative bool, steps int) {
	var p Position
	var in, out, adj int64
	for i := 0; i < steps; i++ {
		m := Move{Date: tableDate(1 + i/10)}
		switch {
		case rng.Intn(3) == 0 || p.Qty <= 0 && !negative:
			m.Qty = Qty(1 + rng.Int63n(50000))
			m.Value = rng.Int63n(10_000_000)
		case rng.Intn(4) == 0 && p.Qty > 0:
			m.Qty = -p.Qty // empty it
		case rng.Intn(5) == 0 && p.Qty > 0:
			// a storno: a fixed value out, near what the stock holds
			m.Qty = -Qty(1 + rng.Int63n(int64(p.Qty)))
			m.Value = rng.Int63n(2*max(p.Value, 1) + 1)
			m.Fixed = true
		default:
			limit := int64(p.Qty)
			if negative || limit <= 0 {
				limit = 60000
			}
			m.Qty = -Qty(1 + rng.Int63n(limit))
		}
		np, r, err := ApplyMove(p, m, method, negative)
		if err != nil {
			t.Fatalf("step %d: %v (position %+v, move %+v)", i, err, p, m)
		}
		if m.Qty > 0 {
			in += m.Value
		} else {
			out += r.Cost
		}
		adj += r.Adjust
		if np.Value != in-out-adj {
			t.Fatalf("step %d: value %d, but in %d − out %d − adjustments %d = %d", i, np.Value, in, out, adj, in-out-adj)
		}
		if !np.Check(method) {
			t.Fatalf("step %d: inconsistent %+v", i, np)
		}
		if np.Qty > 0 && np.Value < 0 {
			t.Fatalf("step %d: stock with a negative value %+v", i, np)
		}
		p = np
	}
}

// TestCostingProperty: thousands of random moves never drift by a haléř.
func TestCostingProperty(t *testing.T) {
	for seed := int64(1); seed <= 20; seed++ {
		for _, m := range []CostMethod{CostAverage, CostFIFO} {
			for _, neg := range []bool{false, true} {
				runMoves(t, rand.New(rand.NewSource(seed)), m, neg, 500)
			}
		}
	}
}

func FuzzCosting(f *testing.F) {
	f.Add(int64(1), false, false)
	f.Add(int64(7), true, true)
	f.Fuzz(func(t *testing.T, seed int64, fifo, negative bool) {
		m := CostAverage
		if fifo {
			m = CostFIFO
		}
		runMoves(t, rand.New(rand.NewSource(seed)), m, negative, 200)
	})
}
