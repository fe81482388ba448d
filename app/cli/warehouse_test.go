package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"kontor/app"
	"kontor/app/mock"
	"kontor/data/datatest"
)

// whEnv is a company that keeps stock (method A, weighted average) in two
// locations, with a storekeeper and a receptionist besides the admin.
type whEnv struct {
	te         *testEnv
	db         *datatest.DB
	dir        string
	main, back app.Location
}

func warehouseEnv(t *testing.T) whEnv {
	t.Helper()
	db := datatest.MustOpen(t)
	ctx := db.Ctx
	if _, err := db.SaveWarehouseSettings(ctx, app.WarehouseSettings{Method: app.StockContinuous, Costing: app.CostAverage}); err != nil {
		t.Fatal(err)
	}
	w := whEnv{db: db, dir: t.TempDir()}
	var err error
	if w.main, err = db.SaveLocation(ctx, app.Location{Code: "HLAVNI", Name: "Hlavní sklad"}); err != nil {
		t.Fatal(err)
	}
	if w.back, err = db.SaveLocation(ctx, app.Location{Code: "ZADNI", Name: "Zadní sklad"}); err != nil {
		t.Fatal(err)
	}
	db.AddUser(t, "sklad", "Petr Skladník", datatest.UserPassword, app.RoleWarehouse)
	db.AddUser(t, "recepce", "Jana Růžičková", datatest.UserPassword, app.RoleReception)
	w.te = newTestEnv(t, db)
	w.te.vars[EnvDB] = db.Path
	return w
}

// itemsFile is a price list as Czech Excel saves it: Windows-1250,
// semicolons, CRLF, Czech headers and a column Kontor has no field for.
func itemsFile(t *testing.T, rows ...string) []byte {
	t.Helper()
	text := "Kód;Název;MJ;Sazba DPH;Prodejní cena;Nákupní cena;EAN;Záruka (měsíce);Minimální zásoba;Objednací množství;Sklad;Evidence;Dodavatel\r\n" +
		strings.Join(rows, "\r\n") + "\r\n"
	b, err := charmap.Windows1250.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// threeItems are good rows: a grinder with serial numbers, roasted coffee
// in lots, cups with no tracking in the back room.
var threeItems = []string{
	"MLY-01;Mlýnek „Žluťoučký kůň“;ks;21;4 990;3 100,50;4006381333931;24;1;2;HLAVNI;výrobní číslo;Kávoviny a.s.",
	"KAV-250;Káva Etiopie 250 g;ks;12 %;249;150;8594001234561;0;20;40;hlavni;šarže;Pražírna",
	"HRN-01;Hrnek bílý 300 ml;ks;základní;89,90;35;;;10;;ZADNI;;",
}

// stockItems are db's stock cards with their items, by item code.
func stockItems(t *testing.T, db *datatest.DB) map[string]app.ItemRow {
	t.Helper()
	items, err := db.Items(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	cards, err := db.StockItems(db.Ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	locs, err := db.Locations(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]app.ItemRow{}
	for _, r := range app.ItemRowsOf(items, cards, locs) {
		out[r.Item.Code] = r
	}
	return out
}

func TestImportItemsWindows1250(t *testing.T) {
	w := warehouseEnv(t)
	te, db := w.te, w.db
	file := writeFile(t, filepath.Join(w.dir, "cenik.csv"), itemsFile(t, threeItems...))

	// A dry run says what would happen and writes nothing.
	if code := te.run("import", "items", file, "--dry-run", "--user", "sklad"); code != ExitOK {
		t.Fatalf("dry run: exit %d: %s", code, te.err.String())
	}
	out := te.out.String()
	for _, want := range []string{"(Windows-1250, separated by semicolons): 3 items, 0 rows with mistakes", "Columns left out (Kontor has no field for them): Dodavatel",
		"Dry run: 3 items would be written (3 items added, 0 items updated, 0 items unchanged); nothing was written."} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	if got := stockItems(t, db); len(got) != 0 {
		t.Fatalf("the dry run wrote %d items", len(got))
	}

	// The storekeeper imports them: the items and their stock cards.
	if code := te.run("import", "items", file, "--user", "sklad"); code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, te.err.String())
	}
	if !strings.Contains(te.out.String(), "Imported: 3 items added, 0 items updated, 0 items unchanged.") {
		t.Errorf("import output:\n%s", te.out.String())
	}
	got := stockItems(t, db)
	mly := got["MLY-01"]
	wantItem := app.Item{ID: mly.Item.ID, Branch: mly.Item.Branch, Code: "MLY-01", Name: "Mlýnek „Žluťoučký kůň“", Unit: "ks", Price: app.M(499000, "CZK"), VATKind: app.VATStandard, Stock: true}
	wantCard := app.StockItem{ItemID: mly.Item.ID, Kind: app.StockGoods, EAN: "4006381333931", PurchasePrice: app.M(310050, "CZK"), WarrantyMonths: 24,
		ReorderPoint: app.Q(1), ReorderQty: app.Q(2), Location: w.main.ID, Tracking: app.TrackSerial}
	if mly.Item != wantItem || mly.Stock != wantCard || mly.Location != "HLAVNI" {
		t.Errorf("MLY-01:\n got %+v %+v\nwant %+v %+v", mly.Item, mly.Stock, wantItem, wantCard)
	}
	if k := got["KAV-250"]; k.Item.VATKind != app.VATReduced || k.Stock.Tracking != app.TrackLot || k.Stock.Location != w.main.ID || k.Item.Price.Amount != 24900 {
		t.Errorf("KAV-250: %+v", k)
	}
	if h := got["HRN-01"]; h.Item.Price.Amount != 8990 || h.Stock.Location != w.back.ID || h.Stock.Tracking != app.TrackNone || h.Stock.EAN != "" {
		t.Errorf("HRN-01: %+v", h)
	}

	// The same file again changes nothing; a new price updates one item.
	if code := te.run("import", "items", file, "--user", "sklad"); code != ExitOK || !strings.Contains(te.out.String(), "0 items added, 0 items updated, 3 items unchanged") {
		t.Errorf("again: exit %d: %s%s", code, te.out.String(), te.err.String())
	}
	upd := writeFile(t, filepath.Join(w.dir, "ceny.csv"), []byte("Code,Price\nhrn-01,\"1,099.00\"\n"))
	if code := te.run("import", "items", upd, "--user", "sklad"); code != ExitOK || !strings.Contains(te.out.String(), "0 items added, 1 item updated") {
		t.Errorf("update: exit %d: %s%s", code, te.out.String(), te.err.String())
	}
	if h := stockItems(t, db)["HRN-01"]; h.Item.Price.Amount != 109900 || h.Item.Name != "Hrnek bílý 300 ml" || h.Stock.ReorderPoint != app.Q(10) {
		t.Errorf("after the update: %+v", h)
	}

	// A receptionist may not; nothing is written.
	if code := te.run("import", "items", upd, "--user", "recepce"); code != ExitFailure || te.err.Len() == 0 {
		t.Errorf("receptionist: exit %d: %s", code, te.err.String())
	}
}

// TestImportItemsMistakes: one wrong row refuses the file, every mistake
// listed with its line and the column's header as the file names it, and
// nothing is written, the good rows neither.
func TestImportItemsMistakes(t *testing.T) {
	w := warehouseEnv(t)
	te, db := w.te, w.db
	file := writeFile(t, filepath.Join(w.dir, "cenik.csv"), itemsFile(t,
		threeItems[0],
		"KAV-500;Káva Etiopie 500 g;ks;12;459;280;8594001234562;0;;;HLAVNI;šarže;",
		"KAV-1KG;Káva 1 kg;kg;15;899;;;;;;SKLEP;lot;",
		threeItems[2],
	))
	if code := te.run("import", "items", file, "--user", "sklad"); code != ExitFailure {
		t.Fatalf("exit %d, want %d: %s", code, ExitFailure, te.out.String())
	}
	out := te.out.String()
	for _, want := range []string{
		"  line 3: EAN: the check digit of 8594001234562 is wrong; check the number\n",
		"  line 4: Sazba DPH: “15” is not a VAT rate in force: write its percentage (21 %, 12 %, 0 %) or základní, snížená, nulová\n",
		"  line 4: Sklad: no location has the code SKLEP\n",
		"Nothing was imported: 2 rows have mistakes.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if got := stockItems(t, db); len(got) != 0 {
		t.Errorf("a refused file wrote %d items", len(got))
	}
	if items, err := db.Items(db.Ctx); err != nil || len(items) != 0 {
		t.Errorf("a refused file wrote price-list items: %v %v", items, err)
	}
	// A file that is not an item list is refused as a whole.
	bad := writeFile(t, filepath.Join(w.dir, "zakaznici.csv"), []byte("Název;IČO\nAlfa;27082440\n"))
	if code := te.run("import", "items", bad, "--user", "sklad"); code != ExitFailure || !strings.Contains(te.err.String(), "the column “Kód”") {
		t.Errorf("a customer file: exit %d: %s", code, te.err.String())
	}
}

// TestExportItemsRoundTrip: what export items writes, import items reads
// back into another company as the same items, and into the same one as no
// change.
func TestExportItemsRoundTrip(t *testing.T) {
	w := warehouseEnv(t)
	te, db := w.te, w.db
	file := writeFile(t, filepath.Join(w.dir, "cenik.csv"), itemsFile(t, threeItems...))
	if code := te.run("import", "items", file, "--user", "sklad"); code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, te.err.String())
	}
	out := filepath.Join(w.dir, "export")
	if code := te.run("export", "items", "--out", out, "--user", "sklad"); code != ExitOK || !strings.Contains(te.out.String(), "Wrote 3 items to "+out+".csv") {
		t.Fatalf("export: exit %d: %s%s", code, te.out.String(), te.err.String())
	}
	body, err := os.ReadFile(out + ".csv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(body, []byte("\uFEFFKód;Název;Jednotka;Sazba DPH (%);Prodejní cena;Měna;Nákupní cena;EAN;")) ||
		!strings.Contains(string(body), "\r\nMLY-01;Mlýnek „Žluťoučký kůň“;ks;21;4990,00;CZK;3100,50;4006381333931;24;1;2;HLAVNI;výrobní číslo;zboží\r\n") {
		t.Errorf("export:\n%s", body)
	}
	if code := te.run("export", "items", "--out", out+".csv", "--user", "sklad"); code != ExitFailure || !strings.Contains(te.err.String(), "exists") {
		t.Errorf("over an existing file: exit %d: %s", code, te.err.String())
	}

	// Into the same company: nothing to change.
	if code := te.run("import", "items", out+".csv", "--user", "sklad"); code != ExitOK || !strings.Contains(te.out.String(), "0 items added, 0 items updated, 3 items unchanged") {
		t.Errorf("re-import: exit %d: %s%s", code, te.out.String(), te.err.String())
	}

	// Into another company with the same locations: the same items.
	w2 := warehouseEnv(t)
	if code := w2.te.run("import", "items", out+".csv", "--user", "sklad"); code != ExitOK {
		t.Fatalf("import elsewhere: exit %d: %s%s", code, w2.te.out.String(), w2.te.err.String())
	}
	a, b := stockItems(t, db), stockItems(t, w2.db)
	if len(a) != 3 || len(b) != 3 {
		t.Fatalf("%d and %d items", len(a), len(b))
	}
	for code, x := range a {
		y := b[code]
		x.Item.ID, x.Item.Branch, x.Stock.ItemID, x.Stock.Location = "", "", "", ""
		y.Item.ID, y.Item.Branch, y.Stock.ItemID, y.Stock.Location = "", "", "", ""
		if x != y {
			t.Errorf("%s changed on the way:\n was %+v\n now %+v", code, x, y)
		}
	}
}

// stocked imports the three items and posts a receipt of all three on
// 2 November (the coffee in a lot that expires on 10 December), an issue
// of one grinder on 10 November and a transfer of cups on 12 November.
func stocked(t *testing.T, w whEnv) (receipt, issue app.StockDoc) {
	t.Helper()
	file := writeFile(t, filepath.Join(w.dir, "cenik.csv"), itemsFile(t, threeItems...))
	if code := w.te.run("import", "items", file); code != ExitOK {
		t.Fatalf("import: exit %d: %s", code, w.te.err.String())
	}
	items := stockItems(t, w.db)
	line := func(code string, qty app.Qty, unit int64) app.StockLine {
		it := items[code].Item
		return app.StockLine{ItemID: it.ID, Code: it.Code, Name: it.Name, Unit: it.Unit, Qty: qty, UnitCost: unit}
	}
	post := func(d app.StockDoc) app.StockDoc {
		d, err := w.db.SaveStockDraft(w.db.Ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if d, err = w.db.PostStock(w.db.Ctx, d.ID); err != nil {
			t.Fatal(err)
		}
		return d
	}
	mly, kav, hrn := line("MLY-01", app.Q(3), 310050), line("KAV-250", app.Q(12), 15000), line("HRN-01", app.Q(30), 3500)
	mly.Serials = []string{"SN-1", "SN-2", "SN-3"}
	kav.Lot, kav.Expiry = "L-2611", app.D(2026, time.December, 10)
	receipt = post(app.StockDoc{Kind: app.StockReceipt, Date: app.D(2026, time.November, 2), Location: w.main.ID, Lines: []app.StockLine{mly, kav, hrn}})
	out := line("MLY-01", app.Q(1), 0)
	out.Serials = []string{"SN-2"}
	issue = post(app.StockDoc{Kind: app.StockIssue, Date: app.D(2026, time.November, 10), Location: w.main.ID, Lines: []app.StockLine{out}})
	move := line("HRN-01", app.Q(20), 0)
	post(app.StockDoc{Kind: app.StockTransfer, Date: app.D(2026, time.November, 12), Location: w.main.ID, ToLocation: w.back.ID, Lines: []app.StockLine{move}})
	return receipt, issue
}

// readCSV parses list --format csv output.
func readCSV(t *testing.T, s string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, s)
	}
	return recs
}

// TestListStockEqualsValuation: the stock list's values add up to the
// store's valuation of the same day, and to 132 in the ledger.
func TestListStockEqualsValuation(t *testing.T) {
	w := warehouseEnv(t)
	te, db := w.te, w.db
	stocked(t, w)
	if code := te.run("list", "stock", "--format", "csv", "--user", "sklad"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	recs := readCSV(t, te.out.String())
	if strings.Join(recs[0], ",") != "code,item,location,qty,unit,unit_cost,value,currency" {
		t.Errorf("header %v", recs[0])
	}
	var listed int64
	for _, r := range recs[1:] {
		m, err := app.ParseMoney(r[6], "CZK", "")
		if err != nil {
			t.Fatal(err)
		}
		listed += m.Amount
	}
	vals, err := db.StockValuation(db.Ctx, app.DateOf(db.Clock.Now()))
	if err != nil {
		t.Fatal(err)
	}
	var valued int64
	for _, v := range vals {
		valued += v.Value
	}
	// 2 grinders at 3 100,50, 12 bags at 150, 30 cups at 35.
	if want := int64(2*310050 + 12*15000 + 30*3500); listed != valued || valued != want {
		t.Errorf("list stock %d, valuation %d, want %d", listed, valued, want)
	}
	want := [][]string{
		{"HRN-01", "Hrnek bílý 300 ml", "HLAVNI", "10", "ks", "35.00", "350.00", "CZK"},
		{"HRN-01", "Hrnek bílý 300 ml", "ZADNI", "20", "ks", "35.00", "700.00", "CZK"},
		{"KAV-250", "Káva Etiopie 250 g", "HLAVNI", "12", "ks", "150.00", "1800.00", "CZK"},
		{"MLY-01", "Mlýnek „Žluťoučký kůň“", "HLAVNI", "2", "ks", "3100.50", "6201.00", "CZK"},
	}
	if fmt.Sprint(recs[1:]) != fmt.Sprint(want) {
		t.Errorf("rows\n got %v\nwant %v", recs[1:], want)
	}

	// The table: text left, numbers right.
	if code := te.run("list", "stock"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	if want := "Code     Item                    Location  Quantity  Unit  Unit cost     Value\n" +
		"HRN-01   Hrnek bílý 300 ml       HLAVNI          10  ks        35.00    350.00\n" +
		"HRN-01   Hrnek bílý 300 ml       ZADNI           20  ks        35.00    700.00\n" +
		"KAV-250  Káva Etiopie 250 g      HLAVNI          12  ks       150.00  1,800.00\n" +
		"MLY-01   Mlýnek „Žluťoučký kůň“  HLAVNI           2  ks     3,100.50  6,201.00\n" +
		"4 positions as of 2026-11-28, total value 9,051.00 CZK.\n"; te.out.String() != want {
		t.Errorf("table:\n%s\nwant\n%s", te.out.String(), want)
	}
	// One location, another day.
	if code := te.run("list", "stock", "--location", "zadni"); code != ExitOK || !strings.Contains(te.out.String(), "1 position as of 2026-11-28, total value 700.00 CZK.") {
		t.Errorf("--location: exit %d: %s%s", code, te.out.String(), te.err.String())
	}
	if code := te.run("list", "stock", "--as-of", "5.11.2026"); code != ExitOK || !strings.Contains(te.out.String(), "3 positions as of 2026-11-05, total value 12,151.50 CZK.") {
		t.Errorf("--as-of: exit %d: %s%s", code, te.out.String(), te.err.String())
	}
	if code := te.run("list", "stock", "--as-of", "1.11.2026"); code != ExitOK || te.out.String() != "No stock as of 2026-11-01.\n" {
		t.Errorf("before the receipt: exit %d: %q", code, te.out.String())
	}
	for _, args := range [][]string{{"--as-of", "31.13.2026"}, {"--format", "xml"}} {
		if code := te.run(append([]string{"list", "stock"}, args...)...); code != ExitUsage {
			t.Errorf("%v: exit %d", args, code)
		}
	}
	if code := te.run("list", "stock", "--location", "SKLEP"); code != ExitFailure || !strings.Contains(te.err.String(), "--location SKLEP: no location has this code") {
		t.Errorf("unknown location: exit %d: %s", code, te.err.String())
	}
	if code := te.run("list", "stock", "--user", "recepce"); code != ExitFailure {
		t.Errorf("receptionist: exit %d", code)
	}
}

func TestListStockDocs(t *testing.T) {
	w := warehouseEnv(t)
	te := w.te
	receipt, issue := stocked(t, w)
	if code := te.run("list", "stock-docs", "--format", "csv"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	recs := readCSV(t, te.out.String())
	if len(recs) != 4 || recs[3][0] != receipt.Number || recs[3][1] != "receipt" || recs[3][2] != "2026-11-02" || recs[3][4] != "HLAVNI" ||
		recs[3][8] != "3" || recs[3][9] != "12151.50" || recs[2][0] != issue.Number || recs[1][1] != "transfer" || recs[1][5] != "ZADNI" {
		t.Errorf("list:\n%v", recs)
	}
	if code := te.run("list", "stock-docs", "--kind", "issue"); code != ExitOK || !strings.Contains(te.out.String(), issue.Number) || strings.Contains(te.out.String(), receipt.Number) ||
		!strings.Contains(te.out.String(), "1 document.") {
		t.Errorf("--kind issue: exit %d: %s", code, te.out.String())
	}
	if code := te.run("list", "stock-docs", "--to", "1.11.2026"); code != ExitOK || te.out.String() != "No stock documents match.\n" {
		t.Errorf("--to: %q", te.out.String())
	}
	if code := te.run("list", "stock-docs", "--kind", "sale"); code != ExitUsage {
		t.Errorf("--kind sale: exit %d", code)
	}
}

// TestExportStockDocPDF: a posted document by its number, as a PDF with
// its locations and the name of who posted it.
func TestExportStockDocPDF(t *testing.T) {
	w := warehouseEnv(t)
	te := w.te
	receipt, _ := stocked(t, w)
	out := filepath.Join(w.dir, "prijemka")
	if code := te.run("export", "stock-doc", strings.ToLower(receipt.Number), "--out", out); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	body, err := os.ReadFile(out + ".pdf")
	if err != nil || !bytes.HasPrefix(body, []byte("%PDF-")) || len(body) < 1000 {
		t.Fatalf("PDF: %v, %d bytes", err, len(body))
	}
	if !strings.Contains(te.out.String(), "Wrote receipt "+receipt.Number+" (2026-11-02, 3 lines) to "+out+".pdf") {
		t.Errorf("stdout %q", te.out.String())
	}
	// What the printer is given.
	var got []app.StockDocPrint
	te.Printer = &mock.Printer{PrintFn: func(wr io.Writer, doc app.Printable, c app.Company) error {
		p, ok := doc.(app.StockDocPrint)
		if !ok {
			return fmt.Errorf("given a %T", doc)
		}
		got = append(got, p)
		_, err := io.WriteString(wr, "%PDF-1.3 test\n")
		return err
	}}
	if code := te.run("export", "stock-doc", receipt.Number, "--out", out, "--force", "--lang", "en"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	if len(got) != 1 || got[0].Doc.ID != receipt.ID || got[0].From.Code != "HLAVNI" || got[0].PostedBy != "Správce Testovací" || got[0].Lang != app.English {
		t.Errorf("printed %+v", got)
	}
	if code := te.run("export", "stock-doc", "PR2026-9999", "--out", out, "--force"); code != ExitFailure || !strings.Contains(te.err.String(), "no stock document has the number PR2026-9999") {
		t.Errorf("unknown number: exit %d: %s", code, te.err.String())
	}
	if code := te.run("export", "stock-doc", receipt.Number, "--out", out); code != ExitFailure || !strings.Contains(te.err.String(), "exists") {
		t.Errorf("existing file: exit %d: %s", code, te.err.String())
	}
}

func TestExportStocktakeSheet(t *testing.T) {
	w := warehouseEnv(t)
	te, db := w.te, w.db
	stocked(t, w)
	st, err := db.StartStocktake(db.Ctx, w.main.ID, app.D(2026, time.November, 27))
	if err != nil {
		t.Fatal(err)
	}
	// The list names it.
	if code := te.run("list", "stocktakes"); code != ExitOK || !strings.Contains(te.out.String(), st.Number+"  2026-11-27  HLAVNI") || !strings.Contains(te.out.String(), "1 stocktake.") {
		t.Errorf("list stocktakes: exit %d: %s%s", code, te.out.String(), te.err.String())
	}
	if code := te.run("list", "stocktakes", "--format", "csv"); code != ExitOK || !strings.Contains(te.out.String(), st.Number+",2026-11-27,HLAVNI,4,0,draft,"+st.ID) {
		t.Errorf("list stocktakes --format csv: exit %d: %s%s", code, te.out.String(), te.err.String())
	}
	out := filepath.Join(w.dir, "soupis.pdf")
	if code := te.run("export", "stocktake-sheet", strings.ToLower(st.Number), "--out", out, "--expected"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	if body, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(body, []byte("%PDF-")) {
		t.Fatalf("PDF: %v", err)
	}
	if !strings.Contains(te.out.String(), "Wrote the stocktake sheet "+st.Number+" (2026-11-27, ") {
		t.Errorf("stdout %q", te.out.String())
	}
	var got []app.StocktakeSheet
	te.Printer = &mock.Printer{PrintFn: func(wr io.Writer, doc app.Printable, c app.Company) error {
		got = append(got, doc.(app.StocktakeSheet))
		_, err := io.WriteString(wr, "%PDF-1.3 test\n")
		return err
	}}
	if code := te.run("export", "stocktake-sheet", st.ID, "--out", out, "--force"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	if len(got) != 1 || got[0].Take.ID != st.ID || got[0].Location.Code != "HLAVNI" || got[0].ShowExpected || got[0].EAN[stockItems(t, db)["MLY-01"].Item.ID] != "4006381333931" {
		t.Errorf("printed %+v", got)
	}
	if code := te.run("export", "stocktake-sheet", "NOPE", "--out", out, "--force"); code != ExitFailure || !strings.Contains(te.err.String(), "no stocktake has the number or ID NOPE") {
		t.Errorf("unknown: exit %d: %s", code, te.err.String())
	}
}

// TestStockReports: each warehouse report through export report, as CSV
// in English, with the rows the stock gives.
func TestStockReports(t *testing.T) {
	w := warehouseEnv(t)
	te, db := w.te, w.db
	receipt, issue := stocked(t, w)
	as := func(report string, extra ...string) [][]string {
		return readReport(t, te, w.dir, report, "1.11.2026", "28.11.2026", extra...)
	}

	levels := as("stock-levels")
	vals, err := db.StockValuation(db.Ctx, app.D(2026, time.November, 28))
	if err != nil {
		t.Fatal(err)
	}
	var valued int64
	for _, v := range vals {
		valued += v.Value
	}
	if tot := last(levels); tot[0] != "Total" || tot[6] != strings.Replace(app.FormatMinor(valued, 2, ""), ".", ",", 1) {
		t.Errorf("stock-levels total %v, valuation %d", tot, valued)
	}
	if r := row(levels, 0, "MLY-01"); r == nil || r[2] != "HLAVNI" || r[3] != "2" || r[6] != "6201,00" {
		t.Errorf("stock-levels MLY-01: %v", r)
	}

	card := as("stock-card", "--item", "mly-01")
	if r := row(card, 1, receipt.Number); r == nil || r[3] != "3" || r[7] != "3" {
		t.Errorf("stock-card receipt: %v\n%v", r, card)
	}
	if r := row(card, 1, issue.Number); r == nil || r[4] != "1" || r[5] != "3100,50" || r[7] != "2" || r[8] != "6201,00" {
		t.Errorf("stock-card issue: %v", r)
	}

	// Cups: 30 on hand, point 10 — nothing to order; grinders: 2 ≤ 1? no.
	// Coffee: 12 ≤ 20 → order 40.
	reorder := as("reorder")
	if r := row(reorder, 0, "KAV-250"); r == nil || r[2] != "12" || r[4] != "40" || r[7] != "6000,00" {
		t.Errorf("reorder: %v", reorder)
	}
	if row(reorder, 0, "HRN-01") != nil || row(reorder, 0, "MLY-01") != nil {
		t.Errorf("reorder lists items above their point: %v", reorder)
	}

	// No issue in 10 days before 28 November: coffee and cups (never), not
	// the grinder (10 November is 18 days back: it is listed too with 10).
	slow := as("slow-movers", "--days", "20")
	if row(slow, 0, "KAV-250") == nil || row(slow, 0, "MLY-01") != nil {
		t.Errorf("slow movers (20 days): %v", slow)
	}
	if slow := as("slow-movers", "--days", "10"); row(slow, 0, "MLY-01") == nil {
		t.Errorf("slow movers (10 days): %v", slow)
	}

	lots := as("lot-expiry")
	if r := row(lots, 3, "L-2611"); r == nil || r[0] != "10 Dec 2026" || r[5] != "12" || r[6] != "1800,00" {
		t.Errorf("lot expiry: %v", lots)
	}
	soon := filepath.Join(w.dir, "soon.csv")
	if code := te.run("export", "report", "lot-expiry", "--days", "5", "--out", soon); code != ExitOK || !strings.Contains(te.out.String(), "2026, 1 row) to") {
		t.Errorf("a lot 12 days ahead within 5 days: exit %d: %s%s", code, te.out.String(), te.err.String())
	}

	// A PDF through the printer, the location filter.
	pdf := filepath.Join(w.dir, "stav.pdf")
	if code := te.run("export", "report", "stock-levels", "--to", "28.11.2026", "--location", "ZADNI", "--out", pdf); code != ExitOK {
		t.Fatalf("PDF: exit %d: %s", code, te.err.String())
	}
	if body, _ := os.ReadFile(pdf); !bytes.HasPrefix(body, []byte("%PDF-")) || !strings.Contains(te.out.String(), "Wrote the stock-levels report") {
		t.Errorf("PDF: %s", te.out.String())
	}

	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"stock-card", "--to", "28.11.2026"}, ExitUsage, "--item CODE is required for the stock-card report"},
		{[]string{"stock-levels", "--item", "MLY-01"}, ExitUsage, "--item is for the stock-card report only"},
		{[]string{"trial-balance", "--from", "1.1.2026", "--to", "28.11.2026", "--item", "X"}, ExitUsage, "--item is for the stock-card report only"},
		{[]string{"reorder", "--location", "ZADNI"}, ExitUsage, "the reorder list is over all locations"},
		{[]string{"stock-levels", "--days", "5"}, ExitUsage, "--days is for the slow-movers and lot-expiry reports only"},
		{[]string{"stock-levels", "--account", "311"}, ExitUsage, "--account is for the ledger report only"},
		{[]string{"stock-card", "--item", "NOPE"}, ExitFailure, "--item NOPE: no stock item has this code"},
		{[]string{"stock-levels", "--location", "SKLEP"}, ExitFailure, "--location SKLEP: no location has this code"},
		{[]string{"stock-card", "--item", "MLY-01", "--from", "28.11.2026", "--to", "1.11.2026"}, ExitFailure, "is before --from"},
	} {
		args := append([]string{"export", "report"}, c.args...)
		args = append(args, "--out", filepath.Join(w.dir, "x.csv"), "--force")
		if code := te.run(args...); code != c.code || !strings.Contains(te.err.String(), c.msg) {
			t.Errorf("%v: exit %d, %q; want %d %q", c.args, code, te.err.String(), c.code, c.msg)
		}
	}
	// The accountant has no warehouse permission.
	db.AddUser(t, "ucetni", "Eva Účetní", datatest.UserPassword, app.RoleAccounts)
	if code := te.run("export", "report", "stock-levels", "--out", filepath.Join(w.dir, "y.csv"), "--user", "ucetni"); code != ExitFailure {
		t.Errorf("accountant: exit %d: %s", code, te.err.String())
	}
}
