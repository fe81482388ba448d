package app

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// itemBook is a price list with one stock item, one service and two
// locations (one retired).
func itemBook() ItemBook {
	return ItemBook{
		Items: []Item{
			{ID: "i1", Code: "KAV-250", Name: "Káva Etiopie 250 g", Unit: "ks", Price: M(24900, "CZK"), VATKind: VATReduced, Stock: true},
			{ID: "i2", Code: "SERVIS", Name: "Servis mlýnku", Unit: "h", Price: M(60000, "CZK"), VATKind: VATStandard},
		},
		Stock: []StockItem{{ItemID: "i1", Kind: StockGoods, EAN: "8594001234561", PurchasePrice: M(15000, "CZK"), Location: "L1"}},
		Locations: []Location{
			{ID: "L1", Branch: "HQ", Code: "HLAVNI", Name: "Hlavní sklad"},
			{ID: "L2", Branch: "HQ", Code: "STARY", Name: "Starý sklad", Disabled: true},
		},
		Base: "CZK",
	}
}

func TestReadItemsCSVWindows1250(t *testing.T) {
	text := "Kód;Název;MJ;Sazba DPH;Prodejní cena;Nákupní cena;EAN;Záruka;Minimální zásoba;Objednací množství;Sklad;Evidence;Druh;Barva\r\n" +
		"MLY-01;Mlýnek Žluťoučký;ks;21 %;1 234,50;800;4006381333931;24 měsíců;2;5;hlavni;výrobní číslo;zboží;černá\r\n" +
		";;;;;;;;;;;;;\r\n" +
		"ZRN-1;Zelená zrnka;kg;snížená;450,5;300;;;10,5;;;šarže;materiál;\r\n"
	f, err := ReadItemsCSV(cp1250(t, text), nil, D(2026, time.March, 1))
	if err != nil {
		t.Fatal(err)
	}
	if f.Encoding != EncodingWindows1250 || f.Separator != ';' || len(f.Rejected) != 0 || len(f.Rows) != 2 {
		t.Fatalf("%s %q rows %d rejected %+v", f.Encoding, f.Separator, len(f.Rows), f.Rejected)
	}
	if strings.Join(f.Ignored, ",") != "Barva" {
		t.Errorf("ignored %v", f.Ignored)
	}
	r := f.Rows[0]
	want := ItemRow{Line: 2, Location: "hlavni",
		Item:  Item{Code: "MLY-01", Name: "Mlýnek Žluťoučký", Unit: "ks", VATKind: VATStandard, Price: Money{Amount: 123450}, Stock: true},
		Stock: StockItem{Kind: StockGoods, EAN: "4006381333931", PurchasePrice: Money{Amount: 80000}, WarrantyMonths: 24, ReorderPoint: Q(2), ReorderQty: Q(5), Tracking: TrackSerial}}
	if r != want {
		t.Errorf("row 2:\n got %+v\nwant %+v", r, want)
	}
	if r := f.Rows[1]; r.Line != 4 || r.Item.VATKind != VATReduced || r.Item.Price.Amount != 45050 || r.Stock.ReorderPoint != 10500 ||
		r.Stock.Tracking != TrackLot || r.Stock.Kind != StockMaterial {
		t.Errorf("row 4: %+v", r)
	}
	plans, rej := f.PlanItems(itemBook())
	if len(rej) != 0 || len(plans) != 2 {
		t.Fatalf("plans %+v rejected %+v", plans, rej)
	}
	if p := plans[0]; !p.NewItem || !p.NewCard || !p.Changed || p.Stock.Location != "L1" || p.Item.Price.Currency != "CZK" || p.Stock.PurchasePrice.Currency != "CZK" {
		t.Errorf("plan of line 2: %+v", p)
	}
}

// TestPlanItemsRefusals: every wrong cell is named by its column's header
// in the file, with the row's line; the good rows still plan.
func TestPlanItemsRefusals(t *testing.T) {
	text := "Code,Name,Unit,VAT rate,Price,EAN,Location,Tracking,Warranty\n" +
		"A-1,Good,pcs,21,10,,,,\n" +
		"A-2,Bad barcode,pcs,21,10,8594001234562,,,\n" +
		"A-3,Where,pcs,21,10,,NOWHERE,,\n" +
		"A-4,Retired,pcs,21,10,,stary,,\n" +
		"A-1,Again,pcs,21,10,,,,\n" +
		"A-5,Taken,pcs,21,10,8594001234561,,,\n" +
		"A-6,Rate,pcs,19,ten,,,lots of,200\n" +
		"A-7,Excel,pcs,21,10,8.59E+12,,,\n" +
		"A-8,,,21,10,,,,\n"
	f, err := ReadItemsCSV([]byte(text), nil, D(2026, time.March, 1))
	if err != nil {
		t.Fatal(err)
	}
	plans, rej := f.PlanItems(itemBook())
	if len(plans) != 1 || plans[0].Item.Code != "A-1" {
		t.Fatalf("plans %+v", plans)
	}
	want := map[int][]string{
		3:  {"EAN: the check digit of 8594001234562 is wrong"},
		4:  {"Location: no location has the code NOWHERE"},
		5:  {"Location: location STARY is no longer in use"},
		6:  {"Code: the code A-1 is on line 2 too"},
		7:  {"EAN: the barcode 8594001234561 belongs to the item kav-250"},
		8:  {"VAT rate: “19” is not a VAT rate in force", "21 %, 12 %, 0 %", "Price: “ten” is not a number", "Tracking: “lots of” is not a tracking", "Warranty: “200” is not a warranty"},
		9:  {"EAN: “8.59E+12” is a barcode a spreadsheet turned into a number"},
		10: {"Name: ", "Unit: "},
	}
	if len(rej) != len(want) {
		t.Errorf("%d rejected, want %d: %+v", len(rej), len(want), rej)
	}
	for _, r := range rej {
		for _, w := range want[r.Line] {
			if !strings.Contains(r.Reason, w) {
				t.Errorf("line %d: %q lacks %q", r.Line, r.Reason, w)
			}
		}
		if len(want[r.Line]) == 0 {
			t.Errorf("line %d rejected: %q", r.Line, r.Reason)
		}
	}
}

// TestPlanItemsUpdate: a file with fewer columns updates an item on file
// and keeps the rest; the same values again change nothing.
func TestPlanItemsUpdate(t *testing.T) {
	f, err := ReadItemsCSV([]byte("Kód;Prodejní cena;Minimální zásoba\nkav-250;259;12\nSERVIS;600;\n"), nil, Date{})
	if err != nil {
		t.Fatal(err)
	}
	plans, rej := f.PlanItems(itemBook())
	if len(rej) != 0 || len(plans) != 2 {
		t.Fatalf("%+v %+v", plans, rej)
	}
	p := plans[0]
	b := itemBook()
	wantItem := b.Items[0]
	wantItem.Price.Amount = 25900 // the code keeps its case on file
	wantCard := b.Stock[0]
	wantCard.ReorderPoint = Q(12)
	if p.NewItem || p.NewCard || !p.Changed || p.Item != wantItem || p.Stock != wantCard {
		t.Errorf("update:\n got %+v\nwant %+v %+v", p, wantItem, wantCard)
	}
	// The service becomes a stock item with a new card.
	if p := plans[1]; p.NewItem || !p.NewCard || !p.Item.Stock || p.Item.ID != "i2" || p.Stock.ItemID != "i2" || p.Item.Price.Amount != 60000 {
		t.Errorf("service: %+v", p)
	}
	// Written out and read back, the price list plans no change.
	var buf bytes.Buffer
	if err := WriteItemsCSV(&buf, ItemRowsOf(b.Items, b.Stock, b.Locations), nil, D(2026, time.March, 1)); err != nil {
		t.Fatal(err)
	}
	back, err := ReadItemsCSV(buf.Bytes(), nil, D(2026, time.March, 1))
	if err != nil || len(back.Rejected) != 0 {
		t.Fatalf("%v %+v\n%s", err, back.Rejected, buf.Bytes())
	}
	plans, rej = back.PlanItems(b)
	if len(rej) != 0 || len(plans) != 1 || plans[0].Changed {
		t.Fatalf("round trip: %+v %+v\n%s", plans, rej, buf.Bytes())
	}
	if !strings.HasPrefix(buf.String(), "\uFEFFKód;Název;Jednotka;Sazba DPH (%);Prodejní cena;") ||
		!strings.Contains(buf.String(), "KAV-250;Káva Etiopie 250 g;ks;12;249,00;CZK;150,00;8594001234561;0;0;0;HLAVNI;;zboží\r\n") {
		t.Errorf("export:\n%s", buf.String())
	}
}

func TestReadItemsCSVRefusesFiles(t *testing.T) {
	for name, text := range map[string]string{
		"no code":      "Název;Jednotka\nKáva;ks\n",
		"not items":    "Foo;Bar\n1;2\n",
		"column twice": "Kód;Code\nA;B\n",
		"empty":        "  \n",
		"broken quote": "Kód;Název\nA;\"Káva\n",
	} {
		if _, err := ReadItemsCSV([]byte(text), nil, Date{}); ErrorCode(err) != EINVALID || ErrorMessage(err, nil) == "" {
			t.Errorf("%s: %v", name, err)
		}
	}
}
