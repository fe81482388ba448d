package data_test

import (
	"testing"

	"kontor/app"
)

// TestPeriodicStockAtYearClose: a company on method B buys goods straight
// to 504 and its stock documents post nothing; closing the year without a
// count is refused; after the year-end stocktake (one unit short) CloseYear
// posts the counted stock Dr 132 / Cr 504 on 31 December, and its reversal
// on 1 January, before the closing entry, whose 504 is the goods really
// used; the explicit call then finds the year's entry posted.
func TestPeriodicStockAtYearClose(t *testing.T) {
	w := newWh(t, app.CostAverage)
	ctx := w.db.Ctx
	if _, err := w.db.PeriodicStockClose(ctx, 2026); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("method A: %v", err)
	}
	if _, err := w.db.SaveWarehouseSettings(ctx, app.WarehouseSettings{Method: app.StockPeriodic, Costing: app.CostAverage}); err != nil {
		t.Fatal(err)
	}
	pi := w.supplierInvoice(t, "ZK260010", "504", app.D(2026, 3, 2), 100_000) // 10 units at 100 Kč, expensed
	draft, err := w.db.ReceivePurchase(ctx, pi.ID, w.main.ID, app.Date{}, []app.StockLine{{ItemID: w.plain.ID, Qty: app.Q(10)}}, nil)
	if err != nil || draft.Lines[0].Value != 100_000 {
		t.Fatalf("method B receipt of an expensed invoice: %+v %v", draft.Lines, err)
	}
	r, err := w.db.PostStock(ctx, draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	is := w.mustPost(t, issue(app.D(2026, 6, 1), w.plain, app.Q(4)))
	if r.EntryID != "" || is.EntryID != "" {
		t.Fatalf("method B posted a stock document: %q %q", r.EntryID, is.EntryID)
	}
	if _, err := w.db.CloseYear(ctx, 2026); codeOf(err) != app.EINVALID || fieldsOf(err)[0] != "year" {
		t.Fatalf("closed without a count: %v", err)
	}
	end := app.D(2026, 12, 31)
	if _, err := w.db.PeriodicStockClose(w.db.As(t, app.RoleWarehouse), 2026); codeOf(err) != app.EUNAUTHORIZED {
		t.Errorf("the warehouse role posted the year's stock: %v", err)
	}
	st, err := w.db.StartStocktake(ctx, w.main.ID, end)
	if err != nil {
		t.Fatal(err)
	}
	st.Lines[0].Count, st.Lines[0].Counted = app.Q(5), true // one short of 6
	if st, err = w.db.SaveStocktake(ctx, st); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.db.CloseStocktake(ctx, st.ID); err != nil {
		t.Fatal(err)
	}
	closing, err := w.db.CloseYear(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	// 100 000 bought, 50 000 left on the shelf: 50 000 used.
	var used int64
	for _, l := range closing.Lines {
		if l.Account == "504" {
			used += l.Credit - l.Debit
		}
	}
	if used != 50_000 {
		t.Errorf("the closing entry closes 504 at %d, want 50 000", used)
	}
	if b := w.ledger132(t, end); b != 50_000 || w.valued(t, end) != 50_000 {
		t.Errorf("132 at the year's end %d, valuation %d", b, w.valued(t, end))
	}
	bals, err := w.db.BalancesBetween(ctx, app.D(2027, 1, 1), app.D(2027, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		switch b.Account.Code {
		case "132":
			if b.Closing() != 0 {
				t.Errorf("132 after the opening reversal %d", b.Closing())
			}
		case "504":
			if b.Debit-b.Credit != 50_000 {
				t.Errorf("504 in 2027 starts with %d", b.Debit-b.Credit)
			}
		}
	}
	if _, err := w.db.PeriodicStockClose(ctx, 2026); codeOf(err) != app.ECONFLICT {
		t.Errorf("a second year-end entry: %v", err)
	}
	w.clean(t)
}
