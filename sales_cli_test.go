package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

// TestSalesCLIEndToEnd walks the sales commands on a real file: the demo
// makes real documents, list shows them, export writes their PDFs, and the
// database still checks clean.
func TestSalesCLIEndToEnd(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "firma.db")
	start := time.Now()
	code, out, errs := runCLI(t, "demo", "--db", db)
	if code != 0 {
		t.Fatalf("demo: %d\n%s\n%s", code, out, errs)
	}
	t.Logf("demo in %v: %s", time.Since(start).Round(time.Millisecond), strings.SplitN(out[strings.Index(out, "Sales:"):], "\n", 2)[0])

	// Last month's invoices, as a spreadsheet reads them.
	m := app.DateOf(time.Now()).MonthOf()
	last := app.Month{Year: m.Year, Month: m.Month - 1}
	if last.Month == 0 {
		last = app.Month{Year: m.Year - 1, Month: time.December}
	}
	from, to := last.First().String(), last.Last().String()
	code, out, errs = runCLI(t, "list", "invoices", "--db", db, "--from", from, "--to", to, "--format", "csv")
	if code != 0 {
		t.Fatalf("list: %d %s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 11 || rows[0][0] != "number" {
		t.Fatalf("list csv: %v, %d rows:\n%s", err, len(rows), out)
	}
	statuses := map[string]int{}
	for _, r := range rows[1:] {
		statuses[r[13]]++
	}
	code, out, _ = runCLI(t, "list", "invoices", "--db", db, "--status", "overdue")
	if code != 0 || !strings.Contains(out, "overdue") || !strings.Contains(out, "still to be paid") {
		t.Errorf("overdue list: %d\n%s", code, out)
	}
	t.Logf("%s … %s: %d invoices %v", from, to, len(rows)-1, statuses)

	// One invoice, in the customer's language.
	number := rows[1][0]
	pdfPath := filepath.Join(dir, "faktura")
	if code, out, errs := runCLI(t, "export", "invoice", number, "--db", db, "--out", pdfPath); code != 0 {
		t.Fatalf("export invoice: %d %s %s", code, out, errs)
	}
	body, err := os.ReadFile(pdfPath + ".pdf")
	if err != nil || !bytes.HasPrefix(body, []byte("%PDF")) {
		t.Fatalf("export invoice wrote %d bytes (%v)", len(body), err)
	}

	// The month's invoices: a folder of files, and one combined file.
	folder := filepath.Join(dir, "faktury")
	if code, _, errs := runCLI(t, "export", "invoices", "--db", db, "--from", from, "--to", to, "--out", folder); code != 0 {
		t.Fatalf("export invoices to a folder: %d %s", code, errs)
	}
	files, _ := filepath.Glob(filepath.Join(folder, "*.pdf"))
	if len(files) != len(rows)-1 {
		t.Errorf("folder has %d PDFs, the list %d invoices", len(files), len(rows)-1)
	}
	combined := filepath.Join(dir, "mesic.pdf")
	if code, _, errs := runCLI(t, "export", "invoices", "--db", db, "--from", from, "--to", to, "--out", combined); code != 0 {
		t.Fatalf("export invoices to one file: %d %s", code, errs)
	}
	if body, _ := os.ReadFile(combined); !bytes.HasPrefix(body, []byte("%PDF")) || len(body) < len(files)*1000 {
		t.Errorf("combined PDF of %d bytes", len(body))
	}
	if code, out, errs := runCLI(t, "check", "--db", db); code != 0 || !strings.Contains(out, "OK") {
		t.Fatalf("check after the demo's documents: %d %q %q", code, out, errs)
	}
}
