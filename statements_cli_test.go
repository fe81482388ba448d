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
	"kontor/app/demo"
	"kontor/data"
)

// registerEntry is the company's commercial-register entry.
const registerEntry = "zapsaná v obchodním rejstříku vedeném Krajským soudem v Brně, oddíl C, vložka 4321"

// stmtCustomer is a customer of the statements store and its invoices.
type stmtCustomer struct {
	name, currency string
	lang           app.Lang
	prices         []int64 // one invoice each, unit price in minor units
	czk            []int64 // more invoices, in CZK whatever the customer's currency
	credit         bool    // the first invoice is credited in full on 20 March
}

// statementsStore makes a real database signed into by the CLI's test user
// (demo.Admin), with the customers given, each with its issued invoices
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
	admin, err := s.CreateFirstAdmin(bg, app.NewUser{Name: demo.Admin, FullName: "Správce", Password: demo.Password})
	if err != nil {
		t.Fatal(err)
	}
	ctx := app.WithUser(bg, admin)
	if _, err := s.CreateCompany(ctx, app.Company{Name: "Pražírna Žlutý kůň s.r.o.", Street: "Náměstí Míru 12", City: "Brno", Postcode: "602 00",
		ICO: "27082440", DIC: "CZ27082440", VATPayer: true, BankAccount: "19-2000145399/0800", IBAN: "CZ6508000000192000145399",
		Chart: app.ChartCzech, Branch: "HQ", Register: registerEntry}); err != nil {
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
		for k, price := range append(sc.prices, sc.czk...) {
			day := app.D(2026, time.March, 2+k)
			cur := cur
			if k >= len(sc.prices) {
				cur = "CZK"
			}
			d := app.SalesDoc{Kind: app.KindInvoice, CustomerID: c.ID, IssueDate: day, TaxDate: day, DueDate: day.AddDays(14), Currency: cur,
				Lines: []app.DocLine{{Text: "Káva ☕ zrnková 😀 1 kg", Quantity: app.Q(1), Unit: "ks", UnitPrice: price, VATKind: app.VATReduced, Goods: true}}}
			if cur == "EUR" {
				d.ExchangeRate = app.RateMicro(24_325_000)
			}
			d, err := s.SaveDraft(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			if d, err = s.Issue(ctx, d.ID); err != nil {
				t.Fatal(err)
			}
			if sc.credit && k == 0 {
				cn, err := s.NewCreditNote(ctx, d.ID, "vrácené zboží")
				if err != nil {
					t.Fatal(err)
				}
				cn.IssueDate, cn.TaxDate, cn.DueDate = app.D(2026, time.March, 20), app.D(2026, time.March, 20), app.D(2026, time.March, 20)
				if cn, err = s.SaveDraft(ctx, cn); err != nil {
					t.Fatal(err)
				}
				if _, err := s.Issue(ctx, cn.ID); err != nil {
					t.Fatal(err)
				}
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

// TestExportStatementEURCustomer: the statement of a customer who owes
// euros showed a CZK balance and CZK aging. On a real store, through the
// CLI: the statement is in euros, with a CZK section for the one invoice in
// crowns, each with its own balance and aging.
func TestExportStatementEURCustomer(t *testing.T) {
	db, custs := statementsStore(t, []stmtCustomer{
		{name: "Wiener Kaffee GmbH", currency: "EUR", lang: app.English, prices: []int64{1000_00, 250_50}, czk: []int64{2000_00}},
	})
	c := custs["Wiener Kaffee GmbH"]
	out := filepath.Join(t.TempDir(), "wiener.pdf")
	code, stdout, errs := runCLI(t, "export", "statement", "--customer", c.ID, "--from", "2026-03-01", "--to", "2026-04-30", "--out", out, "--db", db)
	if code != 0 {
		t.Fatalf("export statement: %d\n%s\n%s", code, stdout, errs)
	}
	// 1 000 € + 250,50 € at 12 % VAT; 2 000 CZK at 12 %.
	eur, czk := app.M(1400_56, "EUR").Format(app.English), app.M(2240_00, "CZK").Format(app.English)
	if !strings.Contains(stdout, "closing balance "+eur+", "+czk) {
		t.Errorf("summary %q, want the closing balance %s, %s", stdout, eur, czk)
	}
	text := pdfToText(t, out)
	plain := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
	for _, want := range []string{"Amounts in EUR, CZK", "Account in EUR", "Account in CZK", plain(eur), plain(czk),
		"Aging of receivables on 30 Apr 2026 (EUR)", "Aging of receivables on 30 Apr 2026 (CZK)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the statement lacks %q:\n%s", want, text)
		}
	}
	// The euros restated in crowns (1 400,56 × 24,325 = 34 068,62) appear nowhere.
	if strings.Contains(text, "34,068") || strings.Contains(text, "36,308") {
		t.Errorf("the statement converts the euros to crowns:\n%s", text)
	}
}

// rawPDFText is a PDF's text in content order with single spaces, so a
// wrapped paragraph reads whole.
func rawPDFText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestCreditNoteOnPaper, on a real store through the CLI: a credit note
// took its invoice's variable symbol (OD2026-0001 and FV2026-0001 both
// 20260001), said "Datum vystavení" and printed the company's account as
// if the customer were to pay; statements did not say which invoice it
// corrects; no document carried the register entry. All fixed.
func TestCreditNoteOnPaper(t *testing.T) {
	db, custs := statementsStore(t, []stmtCustomer{{name: "Novák s.r.o.", prices: []int64{1000_00, 500_00}, credit: true}})
	dir := t.TempDir()

	cn := filepath.Join(dir, "dobropis.pdf")
	if code, out, errs := runCLI(t, "export", "invoice", "OD2026-0001", "--out", cn, "--db", db); code != 0 {
		t.Fatalf("export credit note: %d\n%s\n%s", code, out, errs)
	}
	text := rawPDFText(t, cn)
	for _, want := range []string{"Opravný daňový doklad č. OD2026-0001", "k faktuře FV2026-0001", "Datum vystavení opravného dokladu",
		"Variabilní symbol: 920260001", registerEntry} {
		if !strings.Contains(text, want) {
			t.Errorf("the credit note lacks %q:\n%s", want, text)
		}
	}
	for _, bad := range []string{"Bankovní účet", "19-2000145399/0800", "QR Platba", ": 20260001"} {
		if strings.Contains(text, bad) {
			t.Errorf("the credit note shows %q:\n%s", bad, text)
		}
	}

	inv := filepath.Join(dir, "faktura.pdf")
	if code, out, errs := runCLI(t, "export", "invoice", "FV2026-0002", "--out", inv, "--db", db); code != 0 {
		t.Fatalf("export invoice: %d\n%s\n%s", code, out, errs)
	}
	if text := rawPDFText(t, inv); !strings.Contains(text, registerEntry) || !strings.Contains(text, "Variabilní symbol: 20260002") {
		t.Errorf("the invoice lacks the register entry or its symbol:\n%s", text)
	}

	st := filepath.Join(dir, "vypis.pdf")
	if code, out, errs := runCLI(t, "export", "statement", "--customer", custs["Novák s.r.o."].ID, "--from", "2026-03-01", "--to", "2026-03-31",
		"--out", st, "--db", db); code != 0 {
		t.Fatalf("export statement: %d\n%s\n%s", code, out, errs)
	}
	text = rawPDFText(t, st)
	for _, want := range []string{"Dobropis OD2026-0001", "k faktuře FV2026-0001", "920260001", registerEntry} {
		if !strings.Contains(text, want) {
			t.Errorf("the statement lacks %q:\n%s", want, text)
		}
	}
}
