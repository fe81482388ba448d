package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data"
)

// readCSV reads a report CSV (heading rows are one cell).
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	if bom, _ := br.Peek(3); string(bom) != "\uFEFF" {
		t.Errorf("%s: no byte-order mark", path)
	} else {
		_, _ = br.Discard(3)
	}
	r := csv.NewReader(br)
	r.Comma = ';' // as Czech Excel reads it
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// cell returns the column col of the first record whose column key is name.
func cell(t *testing.T, recs [][]string, key int, name string, col int) string {
	t.Helper()
	for _, r := range recs {
		if key < len(r) && r[key] == name && col < len(r) {
			return r[col]
		}
	}
	t.Fatalf("no row %q in %v", name, recs)
	return ""
}

func en(v int64) string { return strings.Replace(app.FormatMinor(v, 2, ""), ".", ",", 1) }

// pdfText extracts a PDF's text with pdftotext.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// TestAccountsEndToEnd proves issue 5's "done when" on the demo company in a
// real database: the trial balance balances, so does the balance sheet, the
// P&L result is the balance sheet's current-year result, the statements'
// closing balances add up to the ledger's 311, the VAT report reads the
// movement of 343 from the ledger, and importing a bank statement twice posts
// nothing the second time.
func TestAccountsEndToEnd(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "firma.db")
	if code, out, errs := runCLI(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d\n%s\n%s", code, out, errs)
	}
	today := app.DateOf(time.Now())
	cur := today.MonthOf()
	gpc := filepath.Join(dir, "kontor-demo-vypis-"+cur.First().String()[:7]+".gpc")
	if _, err := os.Stat(gpc); err != nil {
		t.Fatalf("the demo wrote no statement beside the database: %v", err)
	}

	// Bank import: the first time posts the pairs, the second nothing.
	code, out, errs := runCLI(t, "import", "bank", gpc, "--db", db)
	if code != 0 || !strings.Contains(out, "Imported 7 new lines") || !strings.Contains(out, "posted 5 payments") || !strings.Contains(out, "refund of") {
		t.Fatalf("import bank: %d\n%s\n%s", code, out, errs)
	}
	code, out, errs = runCLI(t, "import", "bank", gpc, "--db", db)
	if code != 0 || !strings.Contains(out, "Imported 0 new lines; skipped 7 lines imported before; posted 0 payments") {
		t.Fatalf("second import: %d\n%s\n%s", code, out, errs)
	}
	csvFile := strings.TrimSuffix(gpc, ".gpc") + ".csv"
	if code, out, errs := runCLI(t, "import", "bank", csvFile, "--db", db, "--dry-run"); code != 0 || !strings.Contains(out, "CSV statement") {
		t.Fatalf("dry run of the CSV: %d\n%s\n%s", code, out, errs)
	}

	from, to := app.FiscalYearStart(today), today
	report := func(kind string, extra ...string) [][]string {
		t.Helper()
		dst := filepath.Join(dir, kind+".csv")
		args := append([]string{"export", "report", kind, "--db", db, "--from", from.String(), "--to", to.String(), "--lang", "en", "--out", dst, "--force"}, extra...)
		if code, out, errs := runCLI(t, args...); code != 0 {
			t.Fatalf("%s: %d\n%s\n%s", kind, code, out, errs)
		}
		return readCSV(t, dst)
	}
	tb := report("trial-balance")
	if tot := tb[len(tb)-1]; tot[1] != "Total" || tot[3] != tot[4] || tot[3] == "0,00" {
		t.Errorf("trial balance: debits and credits %v", tot)
	}
	bs := report("balance-sheet")
	if a, s := cell(t, bs, 1, "Total assets", 2), cell(t, bs, 1, "Total equity and liabilities", 2); a != s || a == "0,00" {
		t.Errorf("balance sheet: assets %s, equity and liabilities %s", a, s)
	}
	pl := report("profit-loss")
	if r, b := cell(t, pl, 1, "Result (profit +, loss −)", 2), cell(t, bs, 1, "Result of the current year", 2); r != b {
		t.Errorf("P&L result %s, balance sheet's current-year result %s", r, b)
	}
	vat := report("vat")
	ledger311 := report("ledger", "--account", "311")

	// The same figures straight from the documents, on the closed file.
	st, err := data.Open(db, data.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := st.Services()
	admin, err := svc.Users.Authenticate(context.Background(), demo.Admin, demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	ctx := app.WithUser(context.Background(), admin)
	// The VAT report is built from the tagged postings and reconciles with
	// the movement of 343 in the ledger (vat_cli_test.go proves the rows).
	bals, err := svc.Reports.BalancesBetween(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if b.Account.Code == "343" {
			if got := cell(t, vat, 1, "Account 343: credit minus debit in the period", 3); got != en(b.Credit-b.Debit) || b.Lines == 0 {
				t.Errorf("the VAT report says 343 moved %s, the ledger %s", got, en(b.Credit-b.Debit))
			}
		}
	}

	// Every customer's statement to today: the closing balances add up to
	// the ledger balance of 311 (only documents and payments post to it).
	custs, err := app.StatementCustomers(ctx, svc, to)
	if err != nil {
		t.Fatal(err)
	}
	var closing int64
	for _, c := range custs {
		s, err := app.CustomerStatement(ctx, svc.Sales, c, app.Date{}, to, "CZK")
		if err != nil {
			t.Fatal(err)
		}
		closing += s.ClosingBase()
	}
	last := ledger311[len(ledger311)-1]
	if got := last[len(last)-1]; got != en(closing) || closing == 0 {
		t.Errorf("ledger 311 closes at %v, the statements at %s", last, en(closing))
	}
	st.Close()

	// PDFs, read back as text.
	tbPDF := filepath.Join(dir, "predvaha.pdf")
	if code, out, errs := runCLI(t, "export", "report", "trial-balance", "--db", db, "--from", from.String(), "--to", to.String(), "--out", tbPDF); code != 0 {
		t.Fatalf("trial balance PDF: %d\n%s\n%s", code, out, errs)
	}
	if text := pdfText(t, tbPDF); !strings.Contains(text, "Obratová předvaha") || !strings.Contains(text, "Celkem") || !strings.Contains(text, "Žlutý Čáp") {
		t.Errorf("trial balance PDF text:\n%s", text)
	}
	all := filepath.Join(dir, "vypisy.pdf")
	code, out, errs = runCLI(t, "export", "statement", "--all", "--db", db, "--from", cur.First().String(), "--to", to.String(), "--out", all)
	if code != 0 || !strings.Contains(out, "into one PDF") {
		t.Fatalf("statements: %d\n%s\n%s", code, out, errs)
	}
	if text := pdfText(t, all); !strings.Contains(text, "Bistro Na Růžku") {
		t.Errorf("combined statements lack Bistro Na Růžku:\n%.2000s", text)
	}
	if code, out, errs := runCLI(t, "check", "--db", db); code != 0 || !strings.Contains(out, "OK") {
		t.Fatalf("check: %d %q %q", code, out, errs)
	}
}
