package app

import (
	"testing"
	"time"
)

// postChain posts docs one after another on the same positions and serials.
func postChain(t *testing.T, w StockContext, docs ...StockDoc) (StockContext, []StockPosting) {
	t.Helper()
	var out []StockPosting
	for _, d := range docs {
		p := mustPost(t, d, w)
		for k, v := range p.Positions {
			w.Positions[k] = v
		}
		for k, v := range p.Serials {
			w.Serials[k] = v
		}
		out = append(out, p)
	}
	return w, out
}

func storno(t *testing.T, orig StockDoc, day int) StockDoc {
	t.Helper()
	d, err := StornoStockDoc(orig, "s-"+orig.ID, D(2026, time.March, day), "petr", stockNow)
	if err != nil {
		t.Fatal(err)
	}
	d.Number = "S-" + orig.Number
	return d
}

func numbered(d StockDoc, id string, day int) StockDoc {
	d.ID, d.Number, d.Date = id, "N-"+id, D(2026, time.March, day)
	return d
}

// TestStornoReceipt: 10 kg à 100,00 then 5 kg à 130,00 (15 kg, 1 650,00);
// the storno of the second takes exactly 650,00 back out, under either
// method: 10 kg, 1 000,00 again; Dr 131 Cr 132 650,00.
func TestStornoReceipt(t *testing.T) {
	for _, m := range []CostMethod{CostAverage, CostFIFO} {
		w := stockWorld()
		w.Settings.Costing = m
		a := numbered(draft(StockReceipt, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(10), UnitCost: 10000}), "a", 2)
		b := numbered(draft(StockReceipt, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(5), UnitCost: 13000}), "b", 3)
		w, ps := postChain(t, w, a, b)
		s := storno(t, ps[1].Doc, 4)
		p := mustPost(t, s, w)
		wantLines(t, p.Entry, []Line{{Account: "131", Debit: 65000}, {Account: "132", Credit: 65000}})
		if p.Entry.Memo != "Storno příjemky N-b (S-N-b)" || p.Entry.MemoKey != "memo.stock_storno_receipt" {
			t.Errorf("memo %q %q", p.Entry.Memo, p.Entry.MemoKey)
		}
		if pos := p.Positions[PosKey{"coffee", "main"}]; pos.Qty != Q(10) || pos.Value != 100000 || !pos.Check(m) {
			t.Errorf("%s: %+v", m, pos)
		}
		if p.Doc.Responsible != "petr" || p.Doc.OriginalID != "b" || !p.Doc.Storno {
			t.Errorf("%+v", p.Doc)
		}
	}
}

// TestStornoReceiptAfterIssues: 10 kg à 100,00 and 5 kg à 130,00, then 10
// kg issued at the average 110,00 = 1 100,00 leave 5 kg, 550,00. The storno
// of the second receipt takes its 650,00: the 100,00 the issues were
// costed too high comes back Dr 132 Cr 504.
func TestStornoReceiptAfterIssues(t *testing.T) {
	w := stockWorld()
	a := numbered(draft(StockReceipt, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(10), UnitCost: 10000}), "a", 2)
	b := numbered(draft(StockReceipt, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(5), UnitCost: 13000}), "b", 3)
	i := numbered(draft(StockIssue, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(10)}), "i", 4)
	w, ps := postChain(t, w, a, b, i)
	p := mustPost(t, storno(t, ps[1].Doc, 5), w)
	wantLines(t, p.Entry, []Line{{Account: "132", Debit: 10000}, {Account: "131", Debit: 65000}, {Account: "132", Credit: 65000}, {Account: "504", Credit: 10000}})
	if pos := p.Positions[PosKey{"coffee", "main"}]; pos.Qty != 0 || pos.Value != 0 {
		t.Errorf("%+v", pos)
	}
	// Nothing to take back once it has gone out.
	w = stockWorld()
	w, ps = postChain(t, w, a, i)
	if _, err := PostStockDoc(storno(t, ps[0].Doc, 5), w, "jana", stockNow); err == nil || err.(*Error).Key != "err.stock.line" {
		t.Errorf("storno of a receipt already issued: %v", err)
	}
}

// TestStornoIssueAndDifference: an issue's storno brings the stock back at
// the cost it left at (Dr 132 Cr 504); a stocktake difference's storno
// swaps its entry too.
func TestStornoIssueAndDifference(t *testing.T) {
	w := stockWorld()
	a := numbered(draft(StockReceipt, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(15), Value: 165000}), "a", 2)
	i := numbered(draft(StockIssue, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(6)}), "i", 3)
	w, ps := postChain(t, w, a, i)
	p := mustPost(t, storno(t, ps[1].Doc, 4), w)
	wantLines(t, p.Entry, []Line{{Account: "132", Debit: 66000}, {Account: "504", Credit: 66000}})
	if pos := p.Positions[PosKey{"coffee", "main"}]; pos.Qty != Q(15) || pos.Value != 165000 {
		t.Errorf("%+v", pos)
	}
	diff := numbered(draft(StockDifference, StockLine{ItemID: "coffee", Name: "Káva", Qty: -Q(3), Beyond: Q(1)}, StockLine{ItemID: "bags", Name: "Sáčky", Qty: Q(2), UnitCost: 500}), "d", 5)
	for k, v := range p.Positions {
		w.Positions[k] = v
	}
	w, ps = postChain(t, w, diff)
	// shortage 3 kg at 110,00 = 330,00: 1 kg over the norm 110,00; bags surplus 10,00.
	wantLines(t, ps[0].Entry, []Line{{Account: "549", Debit: 22000}, {Account: "549100", Debit: 11000}, {Account: "112", Debit: 1000}, {Account: "132", Credit: 33000}, {Account: "648", Credit: 1000}})
	p = mustPost(t, storno(t, ps[0].Doc, 6), w)
	wantLines(t, p.Entry, []Line{{Account: "132", Debit: 33000}, {Account: "648", Debit: 1000}, {Account: "549", Credit: 22000}, {Account: "549100", Credit: 11000}, {Account: "112", Credit: 1000}})
	if pos := p.Positions[PosKey{"bags", "main"}]; pos.Qty != 0 || pos.Value != 0 {
		t.Errorf("bags %+v", pos)
	}
}

// TestReturns: a customer's return is a receipt against 504 at the cost
// it left at; goods sent back to the supplier an issue against 321.
func TestReturns(t *testing.T) {
	w := stockWorld()
	w.Positions[PosKey{"coffee", "main"}] = Position{Qty: Q(2), Value: 20000}
	r := draft(StockReceipt, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(1), Value: 11000})
	r.Counter = CounterExpense
	wantLines(t, mustPost(t, r, w).Entry, []Line{{Account: "132", Debit: 11000}, {Account: "504", Credit: 11000}})
	s := draft(StockIssue, StockLine{ItemID: "coffee", Name: "Káva", Qty: Q(1)})
	s.Counter = CounterPayables
	wantLines(t, mustPost(t, s, w).Entry, []Line{{Account: "321", Debit: 10000}, {Account: "132", Credit: 10000}})
}

// TestStornoSerialsAndTransfer: a storno of a serial receipt takes the
// serial out; a transfer's storno moves back.
func TestStornoSerialsAndTransfer(t *testing.T) {
	w := stockWorld()
	a := numbered(draft(StockReceipt, StockLine{ItemID: "grinder", Name: "Mlýnek", Qty: Q(1), UnitCost: 500000, Serials: []string{"G-1"}}), "a", 2)
	tr := numbered(draft(StockTransfer, StockLine{ItemID: "grinder", Name: "Mlýnek", Qty: Q(1), Serials: []string{"G-1"}}), "t", 3)
	tr.ToLocation = "shop"
	w, ps := postChain(t, w, a, tr)
	if w.Serials[SerialKey{"grinder", "G-1"}] != "shop" {
		t.Fatalf("serials %v", w.Serials)
	}
	// The receipt's storno cannot take it from main: it is in the shop.
	if _, err := PostStockDoc(storno(t, ps[0].Doc, 4), w, "jana", stockNow); err == nil || err.(*Error).Key != "err.stock.serial_not_here" {
		t.Fatalf("got %v", err)
	}
	w, ps2 := postChain(t, w, storno(t, ps[1].Doc, 4))
	if ps2[0].Entry != nil || w.Serials[SerialKey{"grinder", "G-1"}] != "main" || w.Positions[PosKey{"grinder", "main"}].Value != 500000 {
		t.Fatalf("transfer back: %+v %v", ps2[0], w.Serials)
	}
	w, _ = postChain(t, w, storno(t, ps[0].Doc, 5))
	if _, ok := w.Serials[SerialKey{"grinder", "G-1"}]; !ok || w.Serials[SerialKey{"grinder", "G-1"}] != "" {
		t.Errorf("serial after the storno: %v", w.Serials)
	}
}

func TestStornoRefusals(t *testing.T) {
	posted := StockDoc{ID: "x", Number: "PR1", Status: StockPosted}
	for _, c := range []struct {
		d    StockDoc
		code string
		key  string
	}{
		{StockDoc{Status: StockDraft}, EINVALID, "err.stock.storno_draft"},
		{StockDoc{Status: StockPosted, Storno: true}, EINVALID, "err.stock.storno_of_storno"},
		{StockDoc{Status: StockPosted, ReversedBy: "y"}, ECONFLICT, "err.stock.reversed"},
	} {
		_, err := StornoStockDoc(c.d, "s", D(2026, 3, 1), "u", stockNow)
		if e, ok := err.(*Error); !ok || e.Code != c.code || e.Key != c.key {
			t.Errorf("%+v: %v", c.d, err)
		}
	}
	d, err := StornoStockDoc(posted, "s", D(2026, 3, 1), "u", stockNow)
	if err != nil || !d.Storno || d.OriginalNo != "PR1" || d.Status != StockDraft || d.Number != "" {
		t.Errorf("%+v %v", d, err)
	}
	d.OriginalID = ""
	if err := ValidateStockDoc(d, nil, nil); err == nil {
		t.Error("storno without its original")
	}
}

// TestPostLeavesInputAlone: posting never writes into the draft's slices.
func TestPostLeavesInputAlone(t *testing.T) {
	w := stockWorld()
	d := draft(StockReceipt, StockLine{ItemID: "grinder", Name: "Mlýnek", Qty: Q(1), UnitCost: 100, Serials: []string{" G-9 "}})
	d.Costs = []AcquisitionCost{{Text: " Doprava ", Amount: 5}}
	p := mustPost(t, d, w)
	if d.Lines[0].Serials[0] != " G-9 " || d.Lines[0].Value != 0 || d.Costs[0].Counter != "" || p.Doc.Lines[0].Serials[0] != "G-9" || p.Doc.Lines[0].Costs != 5 {
		t.Errorf("draft %+v, posted %+v", d, p.Doc)
	}
}
