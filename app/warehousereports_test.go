package app

import (
	"strings"
	"testing"
)

func whCatalog() StockCatalog {
	return StockCatalog{
		Stock: map[string]StockItem{
			"A": {ItemID: "A", PurchasePrice: Money{Amount: 24000, Currency: "CZK"}, ReorderPoint: Q(15)},
			"B": {ItemID: "B", PurchasePrice: Money{Amount: 250, Currency: "CZK"}, ReorderPoint: Q(10), ReorderQty: Q(50)},
			"C": {ItemID: "C", PurchasePrice: Money{Amount: 150000, Currency: "CZK"}},
		},
		Items: map[string]Item{
			"A": {ID: "A", Code: "A1", Name: "Arabica", Unit: "kg"},
			"B": {ID: "B", Code: "B2", Name: "Cups", Unit: "pcs"},
			"C": {ID: "C", Code: "C3", Name: "Grinder", Unit: "pcs"},
		},
		Locations: map[string]Location{"L1": {ID: "L1", Code: "MAIN"}, "L2": {ID: "L2", Code: "SHOP"}},
	}
}

// rows renders the table's rows as "a|b|c" lines, totals marked with "=".
func rows(r ReportTable) []string {
	var out []string
	for _, row := range r.Rows {
		s := strings.Join(row.Cells, "|")
		if row.Total {
			s = "=" + s
		}
		out = append(out, s)
	}
	return out
}

func wantRows(t *testing.T, r ReportTable, want ...string) {
	t.Helper()
	got := rows(r)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i, row := range r.Rows {
		if len(row.Cells) != len(r.Columns) {
			t.Errorf("row %d has %d cells for %d columns", i, len(row.Cells), len(r.Columns))
		}
	}
}

func TestStockLevelsReport(t *testing.T) {
	pos := map[PosKey]Position{
		{"A", "L1"}: {Qty: Q(10), Value: 250000},
		{"A", "L2"}: {Qty: Q(2), Value: 50000},
		{"B", "L1"}: {Qty: Q(-3), Value: -1500},
		{"C", "L1"}: {},
	}
	r := StockLevelsReport(whCatalog(), pos, D(2026, 3, 31), nil)
	wantRows(t, r,
		"A1|Arabica|MAIN|10|kg|250.00|2,500.00|",
		"A1|Arabica|SHOP|2|kg|250.00|500.00|",
		"=A1|Arabica||12|kg||3,000.00|",
		"B2|Cups|MAIN|-3|pcs|5.00|-15.00|negative stock",
		"=Total||||||2,985.00|")
	if r.Kind != ReportStockLevels || !strings.Contains(r.Period, "2026") || len(r.Notes) != 1 {
		t.Errorf("kind %q period %q notes %v", r.Kind, r.Period, r.Notes)
	}
	cs := StockLevelsReport(whCatalog(), pos, D(2026, 3, 31), czechT{})
	if cs.Lang != Czech || cs.Rows[0].Cells[5] != "250,00" {
		t.Errorf("Czech: %v", cs.Rows[0].Cells)
	}
}

func TestStockCardReport(t *testing.T) {
	moves := []StockMove{
		{DocNumber: "PR1", Date: D(2026, 1, 5), Item: "A", Location: "L1", Qty: Q(10), Value: 250000, QtyAfter: Q(10), ValueAfter: 250000},
		{DocNumber: "VY1", Date: D(2026, 2, 1), Item: "A", Location: "L1", Qty: Q(-4), Value: -100000, QtyAfter: Q(6), ValueAfter: 150000},
		{DocNumber: "PV1", Date: D(2026, 2, 10), Item: "A", Location: "L1", Qty: Q(-2), Value: -50000, QtyAfter: Q(4), ValueAfter: 100000},
		{DocNumber: "PV1", Date: D(2026, 2, 10), Item: "A", Location: "L2", Qty: Q(2), Value: 50000, QtyAfter: Q(2), ValueAfter: 50000},
		{DocNumber: "PR2", Date: D(2026, 3, 1), Item: "A", Location: "L1", Qty: Q(6), Value: 165000, QtyAfter: Q(10), ValueAfter: 265000},
	}
	r := StockCardReport(whCatalog(), "A", moves, D(2026, 2, 1), D(2026, 2, 28), nil)
	if r.Title != "Stock card A1 Arabica" {
		t.Errorf("title %q", r.Title)
	}
	wantRows(t, r,
		"="+D(2026, 2, 1).Format(English)+"|Opening balance||||||10|2,500.00",
		D(2026, 2, 1).Format(English)+"|VY1|MAIN||4|250.00|-1,000.00|6|1,500.00",
		D(2026, 2, 10).Format(English)+"|PV1|MAIN||2|250.00|-500.00|4|1,000.00",
		D(2026, 2, 10).Format(English)+"|PV1|SHOP|2||250.00|500.00|6|1,500.00",
		"="+D(2026, 2, 28).Format(English)+"|Closing balance||2|6|||6|1,500.00")
	// A receipt at a new cost: 6 kg for 1,650.00 is 275.00 a kg.
	all := StockCardReport(whCatalog(), "A", moves, D(2026, 1, 1), D(2026, 12, 31), nil)
	last := all.Rows[len(all.Rows)-2].Cells
	if last[5] != "275.00" || last[7] != "12" || last[8] != "3,150.00" {
		t.Errorf("last move %v", last)
	}
}

func TestReorderReport(t *testing.T) {
	levels := map[string]Qty{"A": Q(12), "B": Q(-3), "C": Q(1)}
	r := ReorderReport(whCatalog(), levels, D(2026, 3, 31), nil)
	// A: no reorder quantity, so up to twice the point: 2·15 − 12 = 18 kg at 240.00.
	// B: its reorder quantity, 50 at 2.50. C has no reorder point.
	wantRows(t, r,
		"A1|Arabica|12|15|18|kg|240.00|4,320.00",
		"B2|Cups|-3|10|50|pcs|2.50|125.00",
		"=Total|||||||4,445.00")
	levels["A"] = Q(16)
	if r := ReorderReport(whCatalog(), levels, D(2026, 3, 31), nil); len(r.Rows) != 2 {
		t.Errorf("above the point still listed: %v", rows(r))
	}
}

func TestSlowMoversReport(t *testing.T) {
	pos := map[PosKey]Position{
		{"A", "L1"}: {Qty: Q(10), Value: 250000},
		{"A", "L2"}: {Qty: Q(2), Value: 50000},
		{"B", "L1"}: {Qty: Q(-3), Value: -1500},
		{"C", "L1"}: {Qty: Q(1), Value: 150000},
	}
	last := map[string]Date{"A": D(2026, 2, 1), "B": D(2026, 6, 1)}
	r := SlowMoversReport(whCatalog(), pos, last, D(2026, 6, 30), 90, nil)
	// Never issued first, then the oldest issue: 1 Feb to 30 Jun is 149 days.
	wantRows(t, r,
		"C3|Grinder|MAIN|1|pcs|1,500.00|never|",
		"A1|Arabica|MAIN|10|kg|2,500.00|"+D(2026, 2, 1).Format(English)+"|149",
		"A1|Arabica|SHOP|2|kg|500.00|"+D(2026, 2, 1).Format(English)+"|149",
		"=Total|||||4,500.00||")
	if r := SlowMoversReport(whCatalog(), pos, last, D(2026, 6, 30), 150, nil); len(r.Rows) != 2 {
		t.Errorf("150 days: %v", rows(r))
	}
}

func TestLotExpiryReport(t *testing.T) {
	lots := []LotLevel{
		{Item: "A", Location: "L1", Lot: "L-NEW", Expiry: D(2026, 7, 15), Qty: Q(2), Value: 50000},
		{Item: "A", Location: "L1", Lot: "L-FAR", Expiry: D(2026, 9, 1), Qty: Q(5), Value: 125000},
		{Item: "A", Location: "L2", Lot: "L-OLD", Expiry: D(2026, 6, 1), Qty: Q(1), Value: 25000},
		{Item: "A", Location: "L1", Lot: "L-ZERO", Expiry: D(2026, 6, 10)},
		{Item: "B", Location: "L1", Lot: "B-1", Qty: Q(4), Value: 1000},
	}
	r := LotExpiryReport(whCatalog(), lots, D(2026, 6, 30), 30, nil)
	wantRows(t, r,
		D(2026, 6, 1).Format(English)+"|A1|Arabica|L-OLD|SHOP|1|250.00|expired",
		D(2026, 7, 15).Format(English)+"|A1|Arabica|L-NEW|MAIN|2|500.00|",
		"=Total||||||750.00|")
}

// A report table of the warehouse prints as CSV like every other.
func TestStockReportCSV(t *testing.T) {
	r := ReorderReport(whCatalog(), map[string]Qty{"A": Q(12)}, D(2026, 3, 31), nil)
	var b strings.Builder
	if err := r.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "A1;Arabica;12;15;18;kg;240.00;4320.00") && !strings.Contains(b.String(), "4320,00") {
		t.Errorf("csv %q", b.String())
	}
}
