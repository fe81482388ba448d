package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"kontor/app"
)

// TestCustomersCLIEndToEnd imports a Czech Excel file into a real database
// made by the demo — a dry run, then for real, then the same file again —
// exports the customers and reads the export back.
func TestCustomersCLIEndToEnd(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "firma.db")
	start := time.Now()
	code, out, errs := runCLI(t, "demo", "--db", db)
	if code != 0 {
		t.Fatalf("demo: %d\n%s\n%s", code, out, errs)
	}
	t.Logf("demo in %v: %s", time.Since(start).Round(time.Millisecond), strings.SplitN(out[strings.Index(out, "Reception:"):], "\n", 2)[0])

	text := "Název;IČO;DIČ;Ulice;Obec;PSČ;E-mail;Telefon;Splatnost (dny);Poznámka\r\n" +
		"Žluťoučký kůň s.r.o.;27082440;CZ27082440;Náměstí Míru 12;Příbram;261 01;info@kun.cz;+420 318 123 456;30;\"Stálý odběratel; volat ráno\"\r\n" +
		"Úřad městyse Čeřovka;6947;;Hlavní 1;Jičín;506 01;;;;\r\n" +
		"Špatné IČO a.s.;12345678;;;Brno;;;;;\r\n" +
		"Dvojník koně;27082440;;;Příbram;;;;;\r\n"
	data, err := charmap.Windows1250.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "zákazníci.csv")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}

	code, out, errs = runCLI(t, "import", "customers", file, "--db", db, "--dry-run")
	if code != 0 || !strings.Contains(out, "Windows-1250") || !strings.Contains(out, "Dry run: 2 customers would be imported") ||
		!strings.Contains(out, "line 4: IČO: 12345678") || !strings.Contains(out, "line 5: IČO: IČO 27082440 is already on line 2") {
		t.Fatalf("dry run: %d\n%s\n%s", code, out, errs)
	}
	code, out, errs = runCLI(t, "import", "customers", file, "--db", db)
	if code != 0 || !strings.Contains(out, "Imported 2 customers in one transaction") {
		t.Fatalf("import: %d\n%s\n%s", code, out, errs)
	}
	t.Logf("import:\n%s", out)
	// The same file again: both IČOs are on file now, nothing is written.
	code, out, _ = runCLI(t, "import", "customers", file, "--db", db)
	if code != 0 || !strings.Contains(out, "No customers imported; nothing was written.") || !strings.Contains(out, "line 2: ") {
		t.Errorf("second import: %d\n%s", code, out)
	}
	// A file that is not CSV is refused with exit 1.
	png := filepath.Join(dir, "logo.png")
	_ = os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	if code, _, errs := runCLI(t, "import", "customers", png, "--db", db); code != 1 || !strings.Contains(errs, "not a text file") {
		t.Errorf("PNG: %d %s", code, errs)
	}

	export := filepath.Join(dir, "export.csv")
	if code, out, errs := runCLI(t, "export", "customers", "--db", db, "--out", export); code != 0 || !strings.Contains(out, "Wrote ") {
		t.Fatalf("export: %d\n%s\n%s", code, out, errs)
	}
	body, _ := os.ReadFile(export)
	back, err := app.ReadCustomersCSV(body)
	if err != nil || len(back.Rejected) != 0 || len(back.Rows) < 300 {
		t.Fatalf("export read back: %v, %d rows, %+v", err, len(back.Rows), back.Rejected)
	}
	found := false
	for _, r := range back.Rows {
		c := r.Customer
		if c.Name == "Žluťoučký kůň s.r.o." {
			found = c.ICO == "27082440" && c.City == "Příbram" && c.PaymentDays == 30 && c.Note == "Stálý odběratel; volat ráno" && c.Currency == "CZK"
		}
	}
	if !found || !bytes.HasPrefix(body, []byte("\xEF\xBB\xBFNázev;")) {
		t.Errorf("the export lacks the imported customer or is not Czech-Excel CSV")
	}
	if code, _, errs := runCLI(t, "export", "customers", "--db", db, "--out", export); code != 1 || !strings.Contains(errs, "--force") {
		t.Errorf("overwrite without --force: %d %s", code, errs)
	}
	if code, out, errs := runCLI(t, "check", "--db", db); code != 0 || !strings.Contains(out, "OK") {
		t.Errorf("check after import: %d\n%s\n%s", code, out, errs)
	}
}

func TestRenderBadgeAdapter(t *testing.T) {
	var b bytes.Buffer
	v := app.Visit{Visitor: "Přemysl Šťastný", Company: "Žluťoučký kůň s.r.o.", Host: "prodej", Badge: "V-01", In: time.Now()}
	if err := printer.Print(&b, app.Badge{Visit: v}, app.Company{Name: "Kavárna a pražírna Žlutý Čáp s.r.o."}); err != nil || !bytes.HasPrefix(b.Bytes(), []byte("%PDF")) {
		t.Errorf("printing a badge: %v, %d bytes", err, b.Len())
	}
}
