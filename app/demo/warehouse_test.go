package demo_test

import (
	"strings"
	"testing"
	"time"

	"kontor/app"
)

// TestRunWarehouse checks the Warehouse step on the scale-1 demo: 132
// equals the valuation on every day of the demo year (the ledger's
// running balances against the stock's running values); 131 ends at zero,
// every received invoice of goods received in full; the invoices shipped
// their issues; the lots, serial numbers and transfers are where the step
// put them; the year-end stocktake posted its shortage within the norm to
// 549 and its surplus to 648; the books balance and check is clean.
func TestRunWarehouse(t *testing.T) {
	db, sum := demoCopy(t)
	ctx := db.Ctx
	w := sum.Warehouse
	if w.Items != 12 || w.Locations != 4 || w.Receipts < 50 || w.Roastings < 40 || w.Transfers < 2 || w.Issues < 12 ||
		w.Shipped < 100 || w.Stocktakes < 3 || w.Differences != 2 || w.Value <= 0 {
		t.Errorf("warehouse %+v", w)
	}
	set, err := db.WarehouseSettings(ctx)
	if err != nil || set.Method != app.StockContinuous || set.Costing != app.CostAverage {
		t.Fatalf("settings %+v %v", set, err)
	}
	acc := app.StockAccountsOf(app.ChartCzech)

	// 132 = valuation on every day; the trial balance is zero on every day.
	days := 0
	started := time.Now()
	for d := sum.From; !d.After(sum.To); d = d.AddDays(1) {
		bals, err := db.BalancesBetween(ctx, sum.From, d)
		if err != nil {
			t.Fatal(err)
		}
		var ledger, trial int64
		for _, b := range bals {
			trial += b.Closing()
			if b.Account.Code == acc.Goods {
				ledger = b.Closing()
			}
		}
		vals, err := db.StockValuation(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		var valued int64
		for _, v := range vals {
			valued += v.Value
			if v.Qty < 0 || v.Value < 0 {
				t.Errorf("%v: %s below zero: %d, %d", d, v.ItemID, v.Qty, v.Value)
			}
		}
		if ledger != valued || trial != 0 || valued <= 0 {
			t.Fatalf("%v: 132 %d, valuation %d, trial balance %d", d, ledger, valued, trial)
		}
		days++
	}
	t.Logf("%d days in %v", days, time.Since(started))
	if days < 360 {
		t.Errorf("checked %d days", days)
	}
	bals, err := db.BalancesBetween(ctx, sum.From, sum.To)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if b.Account.Code == acc.GoodsAcquisition && b.Closing() != 0 {
			t.Errorf("131 ends at %d: goods invoiced and not received", b.Closing())
		}
	}

	// Every received invoice on 131 received in full by its receipts.
	purchases, _, err := db.Purchases(ctx, app.PurchaseFilter{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	onAcq := 0
	for _, p := range purchases {
		if p.Account != acc.GoodsAcquisition {
			continue
		}
		onAcq++
		inv, rec, err := db.PurchaseReceipt(ctx, p.ID)
		if err != nil || inv == 0 || inv != rec {
			t.Errorf("%s: invoiced %d, received %d, %v", p.Number, inv, rec, err)
		}
	}
	if onAcq < 40 {
		t.Errorf("%d received invoices of goods", onAcq)
	}

	docs, _, err := db.StockDocs(ctx, app.StockDocFilter{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[app.StockDocKind]int{}
	shipped, lots, serials := 0, 0, 0
	var diffs []app.StockDoc
	for _, d := range docs {
		if d.Status != app.StockPosted || d.Number == "" || d.Date.Before(sum.From) || d.Date.After(sum.To) {
			t.Errorf("%s %s: %s on %v", d.Kind, d.Number, d.Status, d.Date)
		}
		kinds[d.Kind]++
		for _, l := range d.Lines {
			if l.Lot != "" && d.Kind == app.StockReceipt {
				lots++
				if l.Expiry.IsZero() || !l.Expiry.After(d.Date) {
					t.Errorf("%s: lot %s expires %v", d.Number, l.Lot, l.Expiry)
				}
			}
			serials += len(l.Serials)
		}
		switch {
		case d.SourceKind == string(app.KindInvoice):
			shipped++
			inv, err := db.Document(ctx, d.SourceID)
			if err != nil || inv.Number != d.SourceNo || inv.TaxDate != d.Date || d.EntryID == "" {
				t.Errorf("issue %s of invoice %s (%v): %v", d.Number, d.SourceNo, inv.TaxDate, err)
			}
		case d.Kind == app.StockDifference:
			diffs = append(diffs, d)
		}
	}
	if kinds[app.StockTransfer] < 2 || kinds[app.StockReceipt] < 100 || shipped != w.Shipped || lots < 40 || serials < 20 {
		t.Errorf("documents %v, %d shipped, %d lots, %d serial numbers", kinds, shipped, lots, serials)
	}

	// The year-end stocktake: dated the last day, its shortage within the
	// norm on 549, its surplus on 648, nothing beyond the norm.
	if len(diffs) != 2 {
		t.Fatalf("%d difference documents", len(diffs))
	}
	posted := map[string]int64{}
	for _, d := range diffs {
		if d.Date != sum.To || d.SourceKind != "stocktake" {
			t.Errorf("difference %s on %v from %q", d.Number, d.Date, d.SourceKind)
		}
		e, err := db.Entry(ctx, d.EntryID)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(e.Memo, "Inventurní rozdíly") {
			t.Errorf("memo %q", e.Memo)
		}
		for _, l := range e.Lines {
			posted[l.Account] += l.Debit - l.Credit
		}
	}
	if posted[acc.Shortage] <= 0 || posted[acc.Surplus] >= 0 || posted[acc.ShortageBeyond] != 0 {
		t.Errorf("stocktake postings %v", posted)
	}
	if posted[acc.Goods] != -posted[acc.Shortage]-posted[acc.Surplus] {
		t.Errorf("stocktake on 132 %d, shortages and surpluses %v", posted[acc.Goods], posted)
	}

	// An electric grinder sold in Brno is gone, one left in the case is
	// there; the card keeps its warranty.
	var caseID string
	locs, err := db.Locations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range locs {
		if l.Code == "BRNO-VITRINA" {
			caseID = l.ID
		}
	}
	var first app.StockDoc
	for _, d := range docs {
		if d.Kind == app.StockTransfer && d.ToLocation == caseID && (first.ID == "" || d.Date.Before(first.Date)) {
			first = d
		}
	}
	found := false
	if first.ID != "" {
		l := first.Lines[0]
		si, err := db.StockItem(ctx, l.ItemID)
		if err != nil || si.Tracking != app.TrackSerial || si.WarrantyMonths != 24 {
			t.Errorf("grinder card %+v %v", si, err)
		}
		where, err := db.SerialLocation(ctx, l.ItemID, l.Serials[0])
		if err != nil || where != "" {
			t.Errorf("the first grinder sent to Brno is still in %q (%v)", where, err)
		}
		found = true
	}
	if !found || caseID == "" {
		t.Error("no grinders sent to the Brno case")
	}
	if problems, err := db.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("check: %v %v", err, problems)
	}
}
