package pdf

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

// FuzzStockText feeds random Unicode in every text field of a stock
// document and a stocktake sheet, with large amounts; both must render to
// a PDF the package's parser reads.
func FuzzStockText(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, amount int64) {
		amount = fuzzAmount(amount)
		p := stockReceipt(2)
		d := &p.Doc
		d.Number, d.Text, d.SourceNo, d.OriginalNo, d.Responsible, d.PostedBy = s, s, s, s, s, s
		d.Partner = fuzzParty(d.Partner, s)
		d.Costs = append(d.Costs, app.AcquisitionCost{Text: s, Amount: amount})
		d.Total = amount
		p.From.Code, p.From.Name, p.Responsible, p.PostedBy = s, s, s, ""
		for i := range d.Lines {
			l := &d.Lines[i]
			l.Code, l.Name, l.Unit, l.Lot, l.Serials = s, s, s, s, []string{s}
			l.Value, l.UnitCost, l.Costs = amount, amount, amount
		}
		var b bytes.Buffer
		if err := RenderStockDoc(&b, p, app.Company{Name: s, ICO: s}, Options{Created: created}); err != nil {
			t.Fatal(err)
		}
		if _, err := parsePDF(b.Bytes()); err != nil {
			t.Fatal(err)
		}
		sh := stockSheet(2, true)
		sh.Take.Number, sh.Location.Code, sh.Location.Name, sh.CountedBy = s, s, s, s
		for i := range sh.Take.Lines {
			l := &sh.Take.Lines[i]
			l.Code, l.Name, l.Unit, l.Lot, l.Serial = s, s, s, s, s
		}
		sh.EAN[sh.Take.Lines[0].ItemID] = s
		b.Reset()
		if err := RenderStocktakeSheet(&b, sh, app.Company{Name: s}, Options{Created: created}); err != nil {
			t.Fatal(err)
		}
		if _, err := parsePDF(b.Bytes()); err != nil {
			t.Fatal(err)
		}
	})
}

// TestPrintAllStock: the stock kinds go through PrintAll among others, as
// values or pointers, each on pages of its own.
func TestPrintAllStock(t *testing.T) {
	r, sh := stockReceipt(3), stockSheet(4, false)
	docs := []app.Printable{&r, sh, czkInvoice(), r}
	var b bytes.Buffer
	next := pullPrintables(docs)
	pr := Printer{Now: func() time.Time { return created }}
	if err := pr.PrintAll(context.Background(), &b, next, stockCompany, nil); err != nil {
		t.Fatal(err)
	}
	mustParse(t, "PrintAll", b.Bytes())
	path := filepath.Join(t.TempDir(), "all.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pages(t, path), "\n")
	if strings.Count(text, "Příjemka č. PR2026-0007") != 2 || !strings.Contains(text, "Inventurní soupis č. IN2026-0001") {
		t.Errorf("PrintAll text:\n%s", text)
	}
}
