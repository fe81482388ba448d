package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kontor/app"
	"kontor/app/cli"
	"kontor/data"
)

// stmtCustomer is a customer of the statements store and its invoices.
type stmtCustomer struct {
	name, currency string
	lang           app.Lang
	prices         []int64 // one invoice each, unit price in minor units
}

// statementsStore makes a real database signed into by the CLI's test user
// (cli.DemoAdmin), with the customers given, each with its issued invoices
// dated in March 2026; an invoice in EUR is converted at 24.325 CZK/EUR.
// It returns the path and the customers by name.
func statementsStore(t *testing.T, custs []stmtCustomer) (string, map[string]app.Customer) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "firma.db")
	s, err := data.Open(path, data.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bg := context.Background()
	admin, err := s.CreateFirstAdmin(bg, app.NewUser{Name: cli.DemoAdmin, FullName: "Správce", Password: cli.DemoPassword})
	if err != nil {
		t.Fatal(err)
	}
	ctx := app.WithUser(bg, admin)
	if _, err := s.CreateCompany(ctx, app.Company{Name: "Pražírna Žlutý kůň s.r.o.", Street: "Náměstí Míru 12", City: "Brno", Postcode: "602 00",
		ICO: "27082440", DIC: "CZ27082440", VATPayer: true, BankAccount: "19-2000145399/0800", IBAN: "CZ6508000000192000145399",
		Chart: app.ChartCzech, Branch: "HQ"}); err != nil {
		t.Fatal(err)
	}
	out := map[string]app.Customer{}
	for _, sc := range custs {
		cur := sc.currency
		if cur == "" {
			cur = "CZK"
		}
		c, err := s.SaveCustomer(ctx, app.Customer{Name: sc.name, Street: "Dlouhá 5", City: "Praha 1", Postcode: "110 00", PaymentDays: 14,
			Currency: cur, Lang: sc.lang})
		if err != nil {
			t.Fatalf("customer %q: %v", sc.name, err)
		}
		out[sc.name] = c
		for k, price := range sc.prices {
			day := app.D(2026, time.March, 2+k)
			d := app.SalesDoc{Kind: app.KindInvoice, CustomerID: c.ID, IssueDate: day, TaxDate: day, DueDate: day.AddDays(14), Currency: cur,
				Lines: []app.DocLine{{Text: "Káva ☕ zrnková 😀 1 kg", Quantity: app.Q(1), Unit: "ks", UnitPrice: price, VATKind: app.VATReduced, Goods: true}}}
			if cur == "EUR" {
				d.ExchangeRate = app.RateMicro(24_325_000)
			}
			d, err := s.SaveDraft(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if _, err = s.Issue(ctx, d.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	return path, out
}

// pdfToText is the text of a PDF file by pdftotext -layout.
func pdfToText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.ReplaceAll(string(out), "\u00a0", " ")
}

// noLitter fails when dir holds an empty file or a temporary one.
func noLitter(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		fi, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() == 0 || strings.Contains(e.Name(), ".part") || strings.HasPrefix(e.Name(), ".") {
			t.Errorf("litter in %s: %s (%d bytes)", dir, e.Name(), fi.Size())
		}
	}
}

// TestExportStatementsEmojiCustomer: a customer named with an emoji (which
// the form accepts) used to panic the PDF library, so `kontor export
// statement --all` died leaving a 0-byte PDF and a .part. Now every
// statement is written, the emoji prints as □ and nothing is left behind;
// the invoice exports too.
func TestExportStatementsEmojiCustomer(t *testing.T) {
	db, custs := statementsStore(t, []stmtCustomer{
		{name: "Alfa s.r.o.", prices: []int64{1000_00}},
		{name: "Kavárna ☕ Úsměv 😀 s.r.o.", prices: []int64{2000_00, 500_00}},
		{name: "Zeta a.s.", prices: []int64{300_00}, lang: app.English},
	})
	dir := filepath.Join(t.TempDir(), "výpisy")
	code, out, errs := runCLI(t, "export", "statement", "--all", "--from", "2026-03-01", "--to", "2026-03-31", "--out", dir, "--db", db)
	if code != 0 {
		t.Fatalf("export statement --all: %d\n%s\n%s", code, out, errs)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) != len(custs) {
		t.Fatalf("%d PDFs for %d customers: %v\n%s", len(files), len(custs), files, errs)
	}
	noLitter(t, dir)
	found := false
	for _, f := range files {
		if text := pdfToText(t, f); strings.Contains(text, "Kavárna ☕ Úsměv □ s.r.o.") {
			found = true
		}
	}
	if !found {
		t.Errorf("no statement names the customer with the emoji printed as □")
	}

	combined := filepath.Join(t.TempDir(), "vsechny.pdf")
	if code, out, errs := runCLI(t, "export", "statement", "--all", "--from", "2026-03-01", "--to", "2026-03-31", "--out", combined, "--db", db); code != 0 {
		t.Fatalf("export statement --all combined: %d\n%s\n%s", code, out, errs)
	}
	noLitter(t, filepath.Dir(combined))
	if text := pdfToText(t, combined); !strings.Contains(text, "Kavárna ☕ Úsměv □ s.r.o.") || !strings.Contains(text, "Alfa s.r.o.") || !strings.Contains(text, "Zeta a.s.") {
		t.Errorf("combined statements lack a customer:\n%s", text)
	}

	invDir := filepath.Join(t.TempDir(), "faktury")
	if code, out, errs := runCLI(t, "export", "invoices", "--from", "2026-03-01", "--to", "2026-03-31", "--out", invDir, "--db", db); code != 0 {
		t.Fatalf("export invoices: %d\n%s\n%s", code, out, errs)
	}
	noLitter(t, invDir)
	invs, _ := filepath.Glob(filepath.Join(invDir, "*.pdf"))
	if len(invs) != 4 {
		t.Errorf("%d invoice PDFs, want 4", len(invs))
	}
	for _, f := range invs {
		if text := pdfToText(t, f); !strings.Contains(text, "Káva ☕ zrnková □ 1 kg") {
			t.Errorf("%s: the line text is not printed with □:\n%s", filepath.Base(f), text)
		}
	}
}
