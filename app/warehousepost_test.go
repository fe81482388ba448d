package app

import (
	"reflect"
	"testing"
	"time"
)

// stockWorld is a company with two active locations (HQ's warehouse and
// its bin), one closed location, and four stock cards: coffee (goods),
// bags (material), a grinder (serial numbers) and cups (lots).
func stockWorld() StockContext {
	return StockContext{
		Company:  Company{Chart: ChartCzech, BaseCurrency: "CZK", Branch: "HQ"},
		Settings: WarehouseSettings{Method: StockContinuous, Costing: CostAverage},
		Items: map[string]StockItem{
			"coffee":  {ItemID: "coffee", Kind: StockGoods},
			"bags":    {ItemID: "bags", Kind: StockMaterial},
			"grinder": {ItemID: "grinder", Kind: StockGoods, Tracking: TrackSerial},
			"cups":    {ItemID: "cups", Kind: StockGoods, Tracking: TrackLot},
		},
		Locations: map[string]Location{
			"main":  {ID: "main", Branch: "HQ", Code: "HLAVNI", Name: "Hlavní sklad"},
			"shop":  {ID: "shop", Branch: "HQ", Code: "PRODEJNA", Name: "Prodejna", Parent: "main"},
			"old":   {ID: "old", Branch: "HQ", Code: "STARY", Name: "Starý sklad", Disabled: true},
			"brno":  {ID: "brno", Branch: "BRNO", Code: "BRNO", Name: "Brno"},
			"brno2": {ID: "brno2", Branch: "BRNO", Code: "BRNO2", Name: "Brno 2", Disabled: true},
		},
		Positions: map[PosKey]Position{},
		Serials:   map[SerialKey]string{},
	}
}

var stockNow = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func draft(kind StockDocKind, lines ...StockLine) StockDoc {
	return StockDoc{ID: "d1", Number: "PR2026-0001", Kind: kind, Date: D(2026, time.March, 2), Location: "main", Lines: lines}
}

func mustPost(t *testing.T, d StockDoc, w StockContext) StockPosting {
	t.Helper()
	p, err := PostStockDoc(d, w, "jana", stockNow)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func wantLines(t *testing.T, e *Entry, want []Line) {
	t.Helper()
	if e == nil {
		t.Fatal("no entry")
	}
	if !reflect.DeepEqual(e.Lines, want) {
		t.Errorf("entry lines\n got %+v\nwant %+v", e.Lines, want)
	}
	if err := e.Validate(); err != nil {
		t.Error(err)
	}
}

// TestReceiptPosting: coffee 10 kg à 250,00 = 2 500,00 and cups 100 ks at
// a given 1 235,00; transport 300,00 (invoice posted to 131) and duty
// 100,01 (owed to the supplier, 321) allocated by value 2 500 : 1 235:
//
//	transport 30 000 × 2 500/3 735 = 20 080,32 → 20 080; × 1 235/3 735 =
//	9 919,68 → 9 919; the haléř left to the larger remainder: cups 9 920.
//	duty 10 001 × 2 500/3 735 = 6 694,28 → 6 694; cups 3 306,72 → 3 307.
//
// Lines: coffee 250 000 + 20 080 + 6 694 = 276 774; cups 123 500 + 9 920 +
// 3 307 = 136 727; total 413 501. Dr 132 413 501, Cr 131 403 500 (goods
// and transport), Cr 321 10 001 (duty).
func TestReceiptPosting(t *testing.T) {
	w := stockWorld()
	d := draft(StockReceipt,
		StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(10), UnitCost: 25000},
		StockLine{ItemID: "cups", Name: "Kelímky", Qty: Q(100), Value: 123500, Lot: "L-7"})
	d.Partner = Party{Name: "Zelená káva s.r.o."}
	d.Costs = []AcquisitionCost{{Text: "Doprava", Amount: 30000}, {Text: "Clo", Amount: 10001, Counter: CounterPayables}}
	p := mustPost(t, d, w)
	if got := []int64{p.Doc.Lines[0].Total(), p.Doc.Lines[1].Total(), p.Doc.Total}; !reflect.DeepEqual(got, []int64{276774, 136727, 413501}) {
		t.Errorf("line totals and total %v", got)
	}
	wantLines(t, p.Entry, []Line{{Account: "132", Debit: 413501}, {Account: "131", Credit: 403500}, {Account: "321", Credit: 10001}})
	if p.Entry.Memo != "Příjemka PR2026-0001 – Zelená káva s.r.o." || p.Entry.MemoKey != "memo.stock_receipt_party" || p.Entry.Source != "stock:d1" {
		t.Errorf("memo %q key %q source %q", p.Entry.Memo, p.Entry.MemoKey, p.Entry.Source)
	}
	if pos := p.Positions[PosKey{"coffee", "main"}]; pos.Qty != Q(10) || pos.Value != 276774 {
		t.Errorf("coffee position %+v", pos)
	}
	if d := p.Doc; d.Status != StockPosted || d.PostedBy != "jana" || d.Responsible != "jana" || !d.Posted.Equal(stockNow) {
		t.Errorf("signature records: %+v", d)
	}
	if len(p.Moves) != 2 || p.Moves[1].QtyAfter != Q(100) || p.Moves[1].ValueAfter != 136727 || p.Moves[1].Lot != "L-7" {
		t.Errorf("moves %+v", p.Moves)
	}
}

// TestIssuePosting: coffee 15 kg holding 1 650,00 and bags (material) 10
// ks holding 50,00: issuing 6 kg costs 660,00 (Dr 504) and 3 bags 15,00
// (Dr 501), Cr 132 and 112.
func TestIssuePosting(t *testing.T) {
	w := stockWorld()
	w.Positions[PosKey{"coffee", "main"}] = Position{Qty: Q(15), Value: 165000, Last: D(2026, time.March, 1)}
	w.Positions[PosKey{"bags", "main"}] = Position{Qty: Q(10), Value: 5000}
	d := draft(StockIssue, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(6)}, StockLine{ItemID: "bags", Name: "Sáčky", Qty: Q(3)})
	p := mustPost(t, d, w)
	wantLines(t, p.Entry, []Line{{Account: "504", Debit: 66000}, {Account: "501", Debit: 1500}, {Account: "132", Credit: 66000}, {Account: "112", Credit: 1500}})
	if l := p.Doc.Lines[0]; l.Value != 66000 || l.UnitCost != 11000 {
		t.Errorf("issue line costed %+v", l)
	}
	if p.Entry.Memo != "Výdejka PR2026-0001" || p.Entry.MemoKey != "memo.stock_issue" {
		t.Errorf("memo %q %q", p.Entry.Memo, p.Entry.MemoKey)
	}
	if w.Positions[PosKey{"coffee", "main"}].Qty != Q(15) {
		t.Error("PostStockDoc changed the positions it was given")
	}
}

// TestMethodBPostsNothing: periodic stock keeping keeps positions but
// posts no stock entries; a transfer never posts.
func TestMethodBPostsNothing(t *testing.T) {
	w := stockWorld()
	w.Settings.Method = StockPeriodic
	p := mustPost(t, draft(StockReceipt, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(2), UnitCost: 100}), w)
	if p.Entry != nil || p.Positions[PosKey{"coffee", "main"}].Value != 200 {
		t.Errorf("method B: entry %+v positions %+v", p.Entry, p.Positions)
	}
	w = stockWorld()
	w.Positions[PosKey{"coffee", "main"}] = Position{Qty: Q(3), Value: 1000}
	tr := draft(StockTransfer, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(1)})
	tr.ToLocation = "brno"
	p = mustPost(t, tr, w)
	if p.Entry != nil {
		t.Errorf("a transfer posted %+v", p.Entry)
	}
	if from, to := p.Positions[PosKey{"coffee", "main"}], p.Positions[PosKey{"coffee", "brno"}]; from.Value != 667 || to.Qty != Q(1) || to.Value != 333 {
		t.Errorf("transfer: from %+v to %+v", from, to)
	}
}

// TestTransferFIFOKeepsLayers: under FIFO the layers a transfer takes
// arrive as they were.
func TestTransferFIFOKeepsLayers(t *testing.T) {
	w := stockWorld()
	w.Settings.Costing = CostFIFO
	d1, d2 := D(2026, time.January, 5), D(2026, time.February, 5)
	w.Positions[PosKey{"coffee", "main"}] = Position{Qty: Q(3), Value: 700, Layers: []Layer{{Q(1), 100, d1}, {Q(2), 600, d2}}}
	tr := draft(StockTransfer, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(2)})
	tr.ToLocation = "shop"
	p := mustPost(t, tr, w)
	to := p.Positions[PosKey{"coffee", "shop"}]
	if want := []Layer{{Q(1), 100, d1}, {Q(1), 300, d2}}; !reflect.DeepEqual(to.Layers, want) || to.Value != 400 {
		t.Errorf("layers %+v, want %+v", to.Layers, want)
	}
}

// TestStocktakeDifferencePosting: coffee expected 10 kg holding 1 000,00
// (100,00/kg), counted 7 with a norm of 1 kg: shortage 3 kg = 300,00, of
// which 2 kg beyond the norm = 200,00 (Dr 549100) and 100,00 within (Dr 549).
// Cups expected 5, counted 6, average 20,00: surplus 20,00 (Dr 132 Cr 648).
func TestStocktakeDifferencePosting(t *testing.T) {
	w := stockWorld()
	w.Positions[PosKey{"coffee", "main"}] = Position{Qty: Q(10), Value: 100000}
	w.Positions[PosKey{"cups", "main"}] = Position{Qty: Q(5), Value: 10000}
	st := Stocktake{ID: "st1", Number: "IN2026-0001", Date: D(2026, time.March, 2), Location: "main", Responsible: "Petr", Lines: []CountLine{
		{ItemID: "coffee", Name: "Káva", Expected: Q(10), Count: Q(7), Counted: true, Norm: Q(1)},
		{ItemID: "cups", Name: "Kelímky", Lot: "L-7", Expected: Q(5), Count: Q(6), Counted: true},
		{ItemID: "bags", Name: "Sáčky", Expected: Q(4), Count: Q(4), Counted: true},
	}}
	d, err := StocktakeDifference(st)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lines) != 2 || d.Lines[0].Qty != -Q(3) || d.Lines[0].Beyond != Q(2) || d.Lines[1].Qty != Q(1) || d.SourceID != "st1" {
		t.Fatalf("difference doc %+v", d)
	}
	d.ID, d.Number = "d2", "IR2026-0001"
	p := mustPost(t, d, w)
	wantLines(t, p.Entry, []Line{{Account: "549", Debit: 10000}, {Account: "549100", Debit: 20000}, {Account: "132", Debit: 2000}, {Account: "132", Credit: 30000}, {Account: "648", Credit: 2000}})
	if p.Entry.Memo != "Inventurní rozdíly IR2026-0001" || p.Doc.Responsible != "Petr" || p.Doc.PostedBy != "jana" {
		t.Errorf("memo %q, responsible %q posted by %q", p.Entry.Memo, p.Doc.Responsible, p.Doc.PostedBy)
	}
	if c, cu := p.Positions[PosKey{"coffee", "main"}], p.Positions[PosKey{"cups", "main"}]; c.Qty != Q(7) || c.Value != 70000 || cu.Qty != Q(6) || cu.Value != 12000 {
		t.Errorf("positions after %+v %+v", c, cu)
	}
}

func TestStocktakeRefusals(t *testing.T) {
	st := Stocktake{Lines: []CountLine{{ItemID: "coffee", Name: "Káva", Expected: Q(1)}, {ItemID: "cups", Name: "Kelímky", Count: -1, Counted: true}}}
	_, err := StocktakeDifference(st)
	es, ok := err.(Errors)
	if !ok || len(es) != 2 || es[0].Key != "err.stocktake.not_counted" || es[1].Key != "err.stocktake.negative" || es[0].Field != "stocktake.lines" {
		t.Fatalf("got %v", err)
	}
	if e := ErrStocktakeDrafts(2).(*Error); e.Field != "stocktake.date" {
		t.Error(e)
	}
}

// TestCountScan: scanning adds to the line of the item and lot, or a new
// line for something the sheet did not expect.
func TestCountScan(t *testing.T) {
	st := Stocktake{Lines: []CountLine{{ItemID: "coffee", Expected: Q(2)}}}
	st = st.CountScan(StockItem{ItemID: "coffee"}, Item{}, "", "", Q(1))
	st = st.CountScan(StockItem{ItemID: "coffee"}, Item{}, "", "", Q(1))
	st = st.CountScan(StockItem{ItemID: "cups"}, Item{Code: "K1", Name: "Kelímky", Unit: "ks"}, "L-9", "", Q(1))
	if len(st.Lines) != 2 || st.Lines[0].Count != Q(2) || !st.Lines[0].Counted || st.Lines[1].Name != "Kelímky" || st.Lines[1].Expected != 0 {
		t.Fatalf("%+v", st.Lines)
	}
}

// TestNegativeStockAdjustmentPosts: issuing 3 of 2 pieces at 100,00 costs
// 300,00; the receipt of 4 à 110,00 covers the missing one at 110,00 and
// posts the 10,00 difference Dr 504 Cr 132.
func TestNegativeStockAdjustmentPosts(t *testing.T) {
	w := stockWorld()
	w.Settings.AllowNegative = true
	w.Positions[PosKey{"coffee", "main"}] = Position{Qty: Q(2), Value: 20000}
	p := mustPost(t, draft(StockIssue, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(3)}), w)
	w.Positions = p.Positions
	p = mustPost(t, draft(StockReceipt, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(4), UnitCost: 11000}), w)
	wantLines(t, p.Entry, []Line{{Account: "132", Debit: 44000}, {Account: "504", Debit: 1000}, {Account: "132", Credit: 1000}, {Account: "131", Credit: 44000}})
	if pos := p.Positions[PosKey{"coffee", "main"}]; pos.Qty != Q(3) || pos.Value != 33000 {
		t.Errorf("%+v", pos)
	}
}

// TestStockRefusals: each bad input is refused naming its field, and
// nothing is decided.
func TestStockRefusals(t *testing.T) {
	type tc struct {
		name  string
		doc   func(*StockDoc, *StockContext)
		field string
		key   string
	}
	coffee := func(q Qty) StockLine { return StockLine{ItemID: "coffee", Name: "Káva", Qty: q, UnitCost: 100} }
	cases := []tc{
		{"zero quantity", func(d *StockDoc, _ *StockContext) { d.Lines = []StockLine{coffee(0)} }, "stock.lines", "err.stock.line_qty"},
		{"negative quantity", func(d *StockDoc, _ *StockContext) { d.Lines = []StockLine{coffee(-Q(1))} }, "stock.lines", "err.stock.line_qty"},
		{"zero difference", func(d *StockDoc, _ *StockContext) { d.Kind = StockDifference; d.Lines = []StockLine{coffee(0)} }, "stock.lines", "err.stock.line_qty_zero"},
		{"no lines", func(d *StockDoc, _ *StockContext) { d.Lines = nil }, "stock.lines", "err.stock.no_lines"},
		{"not a stock item", func(d *StockDoc, _ *StockContext) { d.Lines = []StockLine{{ItemID: "tea", Qty: Q(1)}} }, "stock.lines", "err.stock.item_unknown"},
		{"unknown location", func(d *StockDoc, _ *StockContext) { d.Location = "nowhere" }, "stock.location", "err.location.unknown"},
		{"inactive location", func(d *StockDoc, _ *StockContext) { d.Location = "old" }, "stock.location", "err.location.inactive"},
		{"inactive target", func(d *StockDoc, _ *StockContext) { d.Kind = StockTransfer; d.ToLocation = "brno2" }, "stock.to_location", "err.location.inactive"},
		{"transfer to itself", func(d *StockDoc, _ *StockContext) { d.Kind = StockTransfer; d.ToLocation = "main" }, "stock.to_location", "err.stock.same_location"},
		{"no date", func(d *StockDoc, _ *StockContext) { d.Date = Date{} }, "stock.date", "err.required"},
		{"lot missing", func(d *StockDoc, _ *StockContext) {
			d.Lines = []StockLine{{ItemID: "cups", Name: "Kelímky", Qty: Q(1)}}
		}, "stock.lines", "err.stock.lot_required"},
		{"serial missing", func(d *StockDoc, _ *StockContext) {
			d.Lines = []StockLine{{ItemID: "grinder", Name: "Mlýnek", Qty: Q(1)}}
		}, "stock.lines", "err.stock.serial_required"},
		{"serials do not match the quantity", func(d *StockDoc, _ *StockContext) {
			d.Lines = []StockLine{{ItemID: "grinder", Name: "Mlýnek", Qty: Q(2), Serials: []string{"A1"}}}
		}, "stock.lines", "err.stock.serial_count"},
		{"duplicate serial", func(d *StockDoc, _ *StockContext) {
			d.Lines = []StockLine{{ItemID: "grinder", Name: "Mlýnek", Qty: Q(1), Serials: []string{"A1"}}, {ItemID: "grinder", Name: "Mlýnek", Qty: Q(1), Serials: []string{"A1"}}}
		}, "stock.lines", "err.stock.serial_duplicate"},
		{"serial received twice", func(d *StockDoc, w *StockContext) {
			d.Lines = []StockLine{{ItemID: "grinder", Name: "Mlýnek", Qty: Q(1), Serials: []string{"A1"}}}
			w.Serials[SerialKey{"grinder", "A1"}] = "brno"
		}, "stock.lines", "err.stock.serial_on_hand"},
		{"serial issued twice", func(d *StockDoc, w *StockContext) {
			d.Kind = StockIssue
			d.Lines = []StockLine{{ItemID: "grinder", Name: "Mlýnek", Qty: Q(1), Serials: []string{"A1"}}}
			w.Positions[PosKey{"grinder", "main"}] = Position{Qty: Q(5), Value: 500}
		}, "stock.lines", "err.stock.serial_not_here"},
		{"more than on hand", func(d *StockDoc, w *StockContext) {
			d.Kind = StockIssue
			w.Positions[PosKey{"coffee", "main"}] = Position{Qty: Q(1), Value: 100}
			d.Lines = []StockLine{coffee(Q(2))}
		}, "stock.lines", "err.stock.line"},
		{"backdated", func(d *StockDoc, w *StockContext) {
			w.Positions[PosKey{"coffee", "main"}] = Position{Qty: Q(1), Value: 100, Last: D(2026, time.March, 3)}
		}, "stock.date", "err.stock.line"},
		{"locked month", func(_ *StockDoc, w *StockContext) { w.Locked = []Month{{2026, time.March}} }, "stock.date", "err.period.locked"},
		{"costs on an issue", func(d *StockDoc, _ *StockContext) {
			d.Kind = StockIssue
			d.Costs = []AcquisitionCost{{Text: "Doprava", Amount: 1}}
		}, "stock.costs", "err.stock.costs_receipt"},
		{"zero cost", func(d *StockDoc, _ *StockContext) { d.Costs = []AcquisitionCost{{Text: "Doprava"}} }, "stock.costs", "err.stock.cost_positive"},
		{"LIFO", func(_ *StockDoc, w *StockContext) { w.Settings.Costing = "lifo" }, "warehouse.costing", "err.warehouse.lifo"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := stockWorld()
			d := draft(StockReceipt, coffee(Q(1)))
			c.doc(&d, &w)
			_, err := PostStockDoc(d, w, "jana", stockNow)
			var e *Error
			switch x := err.(type) {
			case *Error:
				e = x
			case Errors:
				e = x[0]
			default:
				t.Fatalf("err %v", err)
			}
			if e.Field != c.field || e.Key != c.key || e.Code != EINVALID {
				t.Fatalf("got %s %s %s (%v), want %s %s", e.Code, e.Field, e.Key, e, c.field, c.key)
			}
		})
	}
	w := stockWorld()
	posted := draft(StockReceipt, coffee(Q(1)))
	posted.Status = StockPosted
	if _, err := PostStockDoc(posted, w, "jana", stockNow); ErrorCode(err) != ECONFLICT {
		t.Errorf("a posted document posted again: %v", err)
	}
}

// TestNotEnoughMessage: the refusal names the line, the item and what is
// on hand, in Czech too.
func TestNotEnoughMessage(t *testing.T) {
	w := stockWorld()
	w.Positions[PosKey{"coffee", "main"}] = Position{Qty: 1500, Value: 100}
	_, err := PostStockDoc(draft(StockIssue, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(2)}), w, "jana", stockNow)
	if got := ErrorMessage(err, loadCatalog(t, Czech)); got != "Řádky: řádek 1 (Káva): skladem je jen 1.5" {
		t.Errorf("Czech: %q", got)
	}
	if got := ErrorMessage(err, loadCatalog(t, English)); got != "Lines: line 1 (Káva): only 1.5 on hand" {
		t.Errorf("English: %q", got)
	}
}

func TestMemoStockDoc(t *testing.T) {
	cs, en := loadCatalog(t, Czech), loadCatalog(t, English)
	for _, c := range []struct {
		m       Memo
		czech   string
		english string
	}{
		{MemoStockDoc(StockReceipt, "PR1", "Dodavatel"), "Příjemka PR1 – Dodavatel", "Goods receipt PR1 – Dodavatel"},
		{MemoStockDoc(StockReceipt, "PR1", ""), "Příjemka PR1", "Goods receipt PR1"},
		{MemoStockDoc(StockIssue, "VY1", "Novák"), "Výdejka VY1 – Novák", "Goods issue VY1 – Novák"},
		{MemoStockDoc(StockIssue, "VY1", ""), "Výdejka VY1", "Goods issue VY1"},
		{MemoStockDoc(StockTransfer, "PV1", ""), "Převodka PV1", "Transfer PV1"},
		{MemoStockDoc(StockDifference, "IR1", ""), "Inventurní rozdíly IR1", "Stocktake differences IR1"},
	} {
		if c.m.Czech != c.czech || c.m.Text(cs) != c.czech || c.m.Text(en) != c.english {
			t.Errorf("%s: %q / %q / %q", c.m.Key, c.m.Czech, c.m.Text(cs), c.m.Text(en))
		}
	}
}

// BenchmarkPostStockDoc50 is the pure part of posting a 50-line receipt
// with two acquisition costs into 50 FIFO positions of 20 layers each
// (the store adds numbering, reads and writes).
func BenchmarkPostStockDoc50(b *testing.B) {
	w := stockWorld()
	w.Settings.Costing = CostFIFO
	d := draft(StockReceipt)
	d.Costs = []AcquisitionCost{{Text: "Doprava", Amount: 123456}, {Text: "Clo", Amount: 7890, Counter: CounterPayables}}
	for i := 0; i < 50; i++ {
		id := "item" + string(rune('A'+i))
		w.Items[id] = StockItem{ItemID: id, Kind: StockGoods}
		var p Position
		for j := 0; j < 20; j++ {
			p, _, _ = ApplyMove(p, Move{Date: D(2026, time.January, 1+j), Qty: Q(3), Value: int64(1000 + j)}, CostFIFO, false)
		}
		w.Positions[PosKey{id, "main"}] = p
		d.Lines = append(d.Lines, StockLine{ItemID: id, Name: id, Qty: Q(int64(1 + i)), UnitCost: int64(100 * (i + 1))})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := PostStockDoc(d, w, "jana", stockNow); err != nil {
			b.Fatal(err)
		}
	}
}
