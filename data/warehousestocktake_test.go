package data_test

import (
	"testing"

	"kontor/app"
)

// TestStocktakeSplitsLotsByLot: a lot-tracked item on hand in two lots (5 of
// L1 received, 2 of it issued; 4 of L2) starts a stocktake with one line a
// lot, 3 and 4 expected (by hand), and the lot used up by an issue is left
// out; counting 3 and 3 closes with a shortage of 1 of L2 alone.
func TestStocktakeSplitsLotsByLot(t *testing.T) {
	w := newWh(t, app.CostAverage)
	ctx := w.db.Ctx
	d1, d2, d3 := app.D(2026, 11, 2), app.D(2026, 11, 3), app.D(2026, 11, 4)
	in := receipt(d1, w.lot, app.Q(5), 2000)
	in.Lines[0].Lot = "L1"
	in.Lines = append(in.Lines, in.Lines[0], in.Lines[0])
	in.Lines[1].Lot, in.Lines[1].Qty = "L2", app.Q(4)
	in.Lines[2].Lot, in.Lines[2].Qty = "L0", app.Q(1)
	w.mustPost(t, in)
	out := issue(d2, w.lot, app.Q(2))
	out.Lines[0].Lot = "L1"
	out.Lines = append(out.Lines, out.Lines[0])
	out.Lines[1].Lot, out.Lines[1].Qty = "L0", app.Q(1)
	w.mustPost(t, out)
	st, err := w.db.StartStocktake(ctx, w.main.ID, d3)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]app.Qty{}
	for _, l := range st.Lines {
		if l.ItemID == w.lot.ID {
			got[l.Lot] = l.Expected
		}
	}
	if len(got) != 2 || got["L1"] != app.Q(3) || got["L2"] != app.Q(4) {
		t.Fatalf("lot lines %v, want L1 3, L2 4", got)
	}
	for i, l := range st.Lines {
		st.Lines[i].Count, st.Lines[i].Counted = l.Expected, true
		if l.Lot == "L2" {
			st.Lines[i].Count = app.Q(3)
		}
	}
	if st, err = w.db.SaveStocktake(ctx, st); err != nil {
		t.Fatal(err)
	}
	_, diff, err := w.db.CloseStocktake(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(diff.Lines) != 1 || diff.Lines[0].Lot != "L2" || diff.Lines[0].Value != 2000 {
		t.Fatalf("difference %+v, want 1 of L2 at 20 Kč", diff.Lines)
	}
	w.clean(t)
}
