package app

import (
	"reflect"
	"testing"
)

func TestValidateEAN(t *testing.T) {
	for _, c := range []struct {
		ean string
		key string
	}{
		{"4006381333931", ""},  // EAN-13
		{"96385074", ""},       // EAN-8
		{"036000291452", ""},   // UPC-A
		{"10614141000415", ""}, // GTIN-14
		{"8594000000013", ""},  // a Czech (859) number
		{"4006381333932", "err.ean.checksum"},
		{"96385075", "err.ean.checksum"},
		{"400638133393", "err.ean.checksum"}, // EAN-13 without its check digit reads as a bad UPC-A
		{"40063813339", "err.ean.length"},
		{"", "err.ean.length"},
		{"40063813339a1", "err.ean.digits"},
		{"４００６３８１３３３９３１", "err.ean.length"}, // full-width digits are bytes, not digits
	} {
		err := ValidateEAN(c.ean)
		if c.key == "" {
			if err != nil {
				t.Errorf("%q: %v", c.ean, err)
			}
			continue
		}
		if e, ok := err.(*Error); !ok || e.Key != c.key || e.Field != "stock_item.ean" {
			t.Errorf("%q: %v, want %s", c.ean, err, c.key)
		}
	}
	if NormalizeEAN(" 400-6381 333931 ") != "4006381333931" {
		t.Error("normalize")
	}
}

func TestStockItemValidate(t *testing.T) {
	locs := stockWorld().Locations
	ok := StockItem{ItemID: "x", Kind: StockGoods, EAN: "4006381333931", PurchasePrice: M(100, "CZK"), WarrantyMonths: 24, ReorderPoint: Q(5), Location: "main", Tracking: TrackLot}
	if err := ok.Validate(locs); err != nil {
		t.Fatal(err)
	}
	bad := StockItem{Kind: "food", EAN: "4006381333932", PurchasePrice: M(-1, "XXX"), WarrantyMonths: 121, ReorderPoint: -1, ReorderQty: -1, Location: "old", Tracking: "rfid"}
	err := bad.Validate(locs)
	es, _ := err.(Errors)
	var fields []string
	for _, e := range es {
		fields = append(fields, e.Field)
	}
	want := []string{"stock_item.kind", "stock_item.ean", "stock_item.purchase_price", "stock_item.purchase_price", "stock_item.warranty_months",
		"stock_item.reorder_point", "stock_item.reorder_qty", "stock_item.location", "stock_item.tracking"}
	if !reflect.DeepEqual(fields, want) {
		t.Errorf("fields %v\nwant %v", fields, want)
	}
	var s StockItem
	s.EAN = " 9638 5074 "
	s.Normalize()
	if s.Kind != StockGoods || s.EAN != "96385074" {
		t.Errorf("normalize %+v", s)
	}
}

func TestReorder(t *testing.T) {
	for _, c := range []struct {
		s     StockItem
		level Qty
		want  Qty
	}{
		{StockItem{ReorderPoint: Q(10), ReorderQty: Q(25)}, Q(10), Q(25)},
		{StockItem{ReorderPoint: Q(10), ReorderQty: Q(25)}, Q(11), 0},
		{StockItem{ReorderPoint: Q(10)}, Q(4), Q(16)},
		{StockItem{ReorderPoint: Q(10)}, -Q(2), Q(22)},
		{StockItem{}, -Q(2), 0},
	} {
		if got := c.s.Reorder(c.level); got != c.want {
			t.Errorf("%+v at %v: %v, want %v", c.s, c.level, got, c.want)
		}
	}
}

func TestLocationValidate(t *testing.T) {
	locs := stockWorld().Locations
	for _, c := range []struct {
		l     Location
		field string
	}{
		{Location{ID: "b1", Branch: "HQ", Code: "A-01", Name: "Regál A", Parent: "main"}, ""},
		{Location{ID: "w", Branch: "HQ", Code: "W", Name: "Sklad"}, ""},
		{Location{ID: "b1", Branch: "HQ", Code: "A 01", Name: "Regál A"}, "location.code"},
		{Location{ID: "b1", Branch: "HQ", Code: "A01"}, "location.name"},
		{Location{ID: "b1", Branch: "H Q", Code: "A01", Name: "x"}, "location.branch"},
		{Location{ID: "b1", Branch: "HQ", Code: "A01", Name: "x", Parent: "nowhere"}, "location.parent"},
		{Location{ID: "b1", Branch: "HQ", Code: "A01", Name: "x", Parent: "shop"}, "location.parent"}, // a bin in a bin
		{Location{ID: "b1", Branch: "HQ", Code: "A01", Name: "x", Parent: "brno"}, "location.parent"}, // another branch
	} {
		err := c.l.Validate(locs)
		if c.field == "" {
			if err != nil {
				t.Errorf("%+v: %v", c.l, err)
			}
			continue
		}
		if e, ok := err.(*Error); !ok || e.Field != c.field {
			t.Errorf("%+v: %v, want %s", c.l, err, c.field)
		}
	}
}

func TestWarehouseSettings(t *testing.T) {
	var s WarehouseSettings
	s.Normalize()
	if s.Method != StockContinuous || s.Costing != CostAverage || s.Validate() != nil {
		t.Errorf("defaults %+v", s)
	}
	for _, c := range []struct {
		s   WarehouseSettings
		key string
	}{
		{WarehouseSettings{Method: StockPeriodic, Costing: CostFIFO}, ""},
		{WarehouseSettings{Method: StockContinuous, Costing: "LIFO"}, "err.warehouse.lifo"},
		{WarehouseSettings{Method: StockContinuous, Costing: "standard"}, "err.warehouse.costing"},
		{WarehouseSettings{Method: "C", Costing: CostAverage}, "err.warehouse.method"},
	} {
		err := c.s.Validate()
		if c.key == "" && err != nil || c.key != "" && (err == nil || err.(*Error).Key != c.key) {
			t.Errorf("%+v: %v, want %q", c.s, err, c.key)
		}
	}
}

// TestAllocate: shares add up to the amount; the haléře left go to the
// largest remainders, the earlier line on a tie.
func TestAllocate(t *testing.T) {
	for _, c := range []struct {
		amount  int64
		weights []int64
		want    []int64
	}{
		{30000, []int64{250000, 123500}, []int64{20080, 9920}},
		{10001, []int64{250000, 123500}, []int64{6694, 3307}},
		{100, []int64{1, 1, 1}, []int64{34, 33, 33}},
		{2, []int64{1, 1, 1}, []int64{1, 1, 0}},
		{5, []int64{0, 3, 0}, []int64{0, 5, 0}},
		{7, []int64{0, 0}, []int64{0, 0}},
		{1 << 60, []int64{1 << 60, 1 << 60, 1}, nil},
	} {
		got := Allocate(c.amount, c.weights)
		var sum int64
		for _, g := range got {
			sum += g
		}
		total := int64(0)
		for _, w := range c.weights {
			total += w
		}
		if total > 0 && sum != c.amount {
			t.Errorf("%d over %v: %v adds up to %d", c.amount, c.weights, got, sum)
		}
		if c.want != nil && !reflect.DeepEqual(got, c.want) {
			t.Errorf("%d over %v: %v, want %v", c.amount, c.weights, got, c.want)
		}
	}
}

// TestReceiptValuesByQuantity: free goods (no value) share the costs by
// quantity.
func TestReceiptValuesByQuantity(t *testing.T) {
	d := StockDoc{Kind: StockReceipt, Lines: []StockLine{{Qty: Q(1)}, {Qty: Q(3)}}, Costs: []AcquisitionCost{{Amount: 100}}}
	d, _, err := ReceiptValues(d)
	if err != nil || d.Lines[0].Costs != 25 || d.Lines[1].Costs != 75 {
		t.Fatalf("%+v %v", d.Lines, err)
	}
}

func TestStockDocKeys(t *testing.T) {
	d := StockDoc{Kind: StockTransfer, Location: "a", ToLocation: "b", Lines: []StockLine{
		{ItemID: "x", Serials: []string{"1", "2"}}, {ItemID: "y"}, {ItemID: "x"},
	}}
	if got, want := d.PositionKeys(), []PosKey{{"x", "a"}, {"x", "b"}, {"y", "a"}, {"y", "b"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("positions %v", got)
	}
	if got := d.SerialKeys(); len(got) != 2 || got[1] != (SerialKey{"x", "2"}) {
		t.Errorf("serials %v", got)
	}
	if StockIssue.Series() != SeriesStockIssue || len(WarehouseSeries()) != 5 || StockDifference.Label().Key != "stock.kind.difference" {
		t.Error("series or label")
	}
	if a := StockAccountsOf(ChartInternational); a.Goods != ChartInternational.Posting().Goods || StockAccountsOf(ChartCzech).Goods != "132" {
		t.Error("accounts")
	}
	for _, ch := range []Chart{ChartCzech, ChartInternational} {
		for _, a := range WarehouseAccounts(ch) {
			if err := a.Validate(); err != nil {
				t.Error(err)
			}
		}
	}
}

// FuzzValidateEAN: any text a CSV brings is refused or accepted without a
// panic, and a body with its computed check digit is always accepted.
func FuzzValidateEAN(f *testing.F) {
	f.Add("4006381333931")
	f.Add("9638507")
	f.Add("０１２３")
	f.Fuzz(func(t *testing.T, s string) {
		_ = ValidateEAN(NormalizeEAN(s))
		body := ""
		for _, r := range s {
			if r >= '0' && r <= '9' {
				body += string(r)
			}
		}
		if n := len(body); n == 7 || n == 11 || n == 12 || n == 13 {
			if err := ValidateEAN(body + string(EANCheckDigit(body))); err != nil {
				t.Fatalf("%q: %v", body, err)
			}
		}
	})
}
