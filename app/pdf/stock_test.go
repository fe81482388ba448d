package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

var stockCompany = app.Company{Name: "Pražírna Žluťoučký kůň s.r.o.", ICO: "27074358"}

func stockReceipt(n int) app.StockDocPrint {
	d := app.StockDoc{Kind: app.StockReceipt, Number: "PR2026-0007", Status: app.StockPosted,
		Date: app.D(2026, 3, 14), Location: "L1", Partner: app.Party{Name: "Zelená káva Ústí a.s.", ICO: "12345679"},
		SourceKind: "purchase", SourceNo: "FP2026-0042", Text: "Dodávka zelené kávy",
		Costs:       []app.AcquisitionCost{{Text: "Doprava – přepravné", Amount: 150000}, {Text: "Clo", Amount: 23050}},
		Responsible: "jnovak", PostedBy: "pvesela",
		Created: time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC), Posted: time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)}
	for i := 0; i < n; i++ {
		l := app.StockLine{ItemID: "I" + strconv.Itoa(i), Code: "GC-" + strconv.Itoa(100+i), Name: "Zelená káva Etiopie Yirgacheffe č. " + strconv.Itoa(i+1),
			Unit: "kg", Qty: app.Q(int64(i + 1)), UnitCost: 25050, Value: 25050 * int64(i+1)}
		d.Lines = append(d.Lines, l)
		d.Total += l.Total()
	}
	return app.StockDocPrint{Doc: d, From: app.Location{ID: "L1", Code: "HLAVNÍ", Name: "Hlavní sklad Říčany"},
		Responsible: "Jan Novák", PostedBy: "Petra Veselá", Lang: app.Czech}
}

func stockSheet(n int, show bool) app.StocktakeSheet {
	st := app.Stocktake{Number: "IN2026-0001", Date: app.D(2026, 12, 31), Location: "L1", CountedBy: "jnovak", Responsible: "pvesela"}
	eans := map[string]string{}
	for i := 0; i < n; i++ {
		id := "I" + strconv.Itoa(i)
		st.Lines = append(st.Lines, app.CountLine{ItemID: id, Code: "KAV-" + strconv.Itoa(1000+i), Name: "Pražená káva Kolumbie – šarže " + strconv.Itoa(i),
			Unit: "ks", Expected: app.Q(int64(10 + i))})
		if i%2 == 0 {
			body := "859" + strconv.FormatInt(int64(100000000+i), 10)
			eans[id] = body + string(app.EANCheckDigit(body))
		}
	}
	return app.StocktakeSheet{Take: st, Location: app.Location{Code: "HLAVNÍ", Name: "Hlavní sklad Říčany"}, EAN: eans,
		ShowExpected: show, CountedBy: "Jan Novák", Responsible: "Petra Veselá", Lang: app.Czech}
}

func printTo(t testing.TB, doc app.Printable) string {
	t.Helper()
	var b bytes.Buffer
	if err := (Printer{Now: func() time.Time { return created }}).Print(&b, doc, stockCompany); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "stock.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("KONTOR_PDF_DUMP"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+".pdf"), b.Bytes(), 0o644)
	}
	return path
}

// TestStockDocPDF prints a receipt and reads back the §11 ZoÚ fields.
func TestStockDocPDF(t *testing.T) {
	p := stockReceipt(3)
	text := strings.Join(pages(t, printTo(t, p)), "\n")
	for _, want := range []string{"Příjemka č. PR2026-0007", "Datum vyhotovení", "14. 3. 2026", "Datum účetního případu",
		"HLAVNÍ – Hlavní sklad Říčany", "Zelená káva Ústí a.s.", "FP2026-0042", "Zelená káva Etiopie Yirgacheffe č. 3",
		"250,50", "751,50", "Vedlejší pořizovací náklady", "Doprava – přepravné", "1 500,00", "230,50",
		"Odpovědná osoba", "Jan Novák", "Zaúčtoval", "Petra Veselá", "15. 3. 2026", "Strana 1 z 1", "Celkem", "1 503,00"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	storno := stockReceipt(1)
	storno.Doc.Kind, storno.Doc.Storno, storno.Doc.OriginalNo, storno.Lang = app.StockIssue, true, "VY2026-0003", app.English
	storno.Doc.Costs = nil
	text = strings.Join(pages(t, printTo(t, storno)), "\n")
	for _, want := range []string{"Reversal – Goods issue No. PR2026-0007", "Reverses", "VY2026-0003", "Responsible person", "Posted by"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	tr := stockReceipt(1)
	tr.Doc.Kind, tr.Doc.ToLocation, tr.To = app.StockTransfer, "L2", app.Location{Code: "PRODEJNA", Name: "Prodejna Brno"}
	text = strings.Join(pages(t, printTo(t, &tr)), "\n")
	for _, want := range []string{"Převodka č.", "Ze skladu", "Do skladu", "PRODEJNA – Prodejna Brno"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
}

// TestStockDocPDFExtremes: a 200-character name, 10^11 amounts and many
// lines break no layout: every line's code is there and pages are numbered.
func TestStockDocPDFExtremes(t *testing.T) {
	p := stockReceipt(120)
	long := strings.Repeat("Žluťoučký kůň úpěl ďábelské ódy ", 7)[:200]
	p.Doc.Lines[0].Name = long + "\x00\u202e\U0001F600"
	p.Doc.Lines[1].Value, p.Doc.Lines[1].UnitCost = 100_000_000_000_00, 100_000_000_000_00
	p.Doc.Lines[1].Qty = app.Q(99_999_999)
	p.Doc.Total = 100_000_000_000_00
	ps := pages(t, printTo(t, p))
	if len(ps) < 3 {
		t.Fatalf("%d pages for 120 lines", len(ps))
	}
	text := strings.Join(ps, "\n")
	for _, want := range []string{"GC-100", "GC-219", "100 000 000 000,00", "Strana 1 z " + strconv.Itoa(len(ps)), "Jan Novák"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
}

// TestStocktakeSheetPDF prints the counting sheet and scans its barcodes.
func TestStocktakeSheetPDF(t *testing.T) {
	s := stockSheet(12, false)
	s.Take.Lines[0].Name = strings.Repeat("Ďábelská káva ", 15)
	path := printTo(t, s)
	text := strings.Join(pages(t, path), "\n")
	for _, want := range []string{"Inventurní soupis č. IN2026-0001", "HLAVNÍ – Hlavní sklad Říčany", "Evidence", "Skutečnost",
		"Inventuru provedl", "Jan Novák", "Odpovědná osoba", "Petra Veselá", "KAV-1011", "Pražená káva Kolumbie – šarže 11"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if strings.Contains(text, "  21\n") {
		t.Error("expected quantities printed although ShowExpected is off")
	}
	shown := strings.Join(pages(t, printTo(t, stockSheet(3, true))), "\n")
	if !strings.Contains(shown, "12") {
		t.Errorf("expected quantity missing:\n%s", shown)
	}
	// The barcodes read back: EAN-13 for items with one, Code128 of the code otherwise.
	need(t, "pdftoppm", "zbarimg")
	dir := t.TempDir()
	if out, err := exec.Command("pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p*.png"))
	out, err := exec.Command("zbarimg", "-q", files[0]).Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	got := strings.Fields(string(out))
	sort.Strings(got)
	var want []string
	for i, l := range s.Take.Lines {
		if e := s.EAN[l.ItemID]; e != "" {
			want = append(want, "EAN-13:"+e)
		} else {
			want = append(want, "CODE-128:"+l.Code)
		}
		_ = i
	}
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("barcodes read\n%v\nwant\n%v", got, want)
	}
}

func BenchmarkStockReceipt50(b *testing.B) {
	p := stockReceipt(50)
	pr := Printer{Now: func() time.Time { return created }}
	var buf bytes.Buffer
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := pr.Print(&buf, p, stockCompany); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStocktakeSheet1000(b *testing.B) {
	s := stockSheet(1000, true)
	pr := Printer{Now: func() time.Time { return created }}
	var buf bytes.Buffer
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := pr.Print(&buf, s, stockCompany); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSheetBarcode picks EAN-13, EAN-8, UPC-A as EAN-13, or Code128.
func TestSheetBarcode(t *testing.T) {
	tests := []struct{ ean, code, want string }{
		{"8594001234561", "X", "8594001234561"},
		{"96385074", "X", "96385074"},
		{"036000291452", "X", "0036000291452"},
		{"8594001234568", "KAV-1", "KAV-1"}, // wrong check digit: the code instead
		{"", "Káva", ""},                    // not ASCII: no barcode
		{"", "", ""},
	}
	for _, tt := range tests {
		b := sheetBarcode(tt.ean, tt.code)
		got := ""
		if b != nil {
			got = b.Content()
		}
		if got != tt.want {
			t.Errorf("%q/%q: %q, want %q", tt.ean, tt.code, got, tt.want)
		}
	}
}
