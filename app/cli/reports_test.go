package cli

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kontor/app"
	"kontor/app/mock"
)

// reportLog keeps the report tables a test's report renderer (a mock) was
// given, written as text after a PDF header.
type reportLog struct {
	got []app.ReportTable
}

func (f *reportLog) renderer() *mock.Printer {
	return &mock.Printer{PrintFn: func(w io.Writer, doc app.Printable, c app.Company) error {
		r, ok := doc.(app.ReportTable)
		if !ok {
			return fmt.Errorf("a report printer was given a %T", doc)
		}
		f.got = append(f.got, r)
		_, err := fmt.Fprintf(w, "%%PDF-1.3 test report\n%s\n%s\n%d rows\n", r.Title, c.Name, len(r.Rows))
		return err
	}}
}

// readReport runs export report in English over from–to and returns the
// CSV records it wrote.
func readReport(t *testing.T, te *testEnv, dir, report, from, to string, extra ...string) [][]string {
	t.Helper()
	out := filepath.Join(dir, report+".csv")
	args := append([]string{"export", "report", report, "--from", from, "--to", to, "--out", out, "--force", "--lang", "en"}, extra...)
	if code := te.run(args...); code != ExitOK {
		t.Fatalf("%s: exit %d: %s", report, code, te.err.String())
	}
	if !strings.Contains(te.out.String(), "Wrote the "+report+" report") {
		t.Errorf("%s: stdout %q", report, te.out.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	if bom, _ := br.Peek(3); string(bom) != "\uFEFF" {
		t.Errorf("%s: no byte-order mark", report)
	} else {
		_, _ = br.Discard(3)
	}
	r := csv.NewReader(br)
	r.Comma = ';'
	r.FieldsPerRecord = -1 // heading rows are one cell
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", report, err)
	}
	if len(recs) < 3 {
		t.Fatalf("%s: only %d records", report, len(recs))
	}
	return recs
}

func last(recs [][]string) []string { return recs[len(recs)-1] }

// row returns the first record whose column col is v.
func row(recs [][]string, col int, v string) []string {
	for _, r := range recs {
		if col < len(r) && r[col] == v {
			return r
		}
	}
	return nil
}

// en formats minor units as the report CSVs write them, in either
// language: plain, with a decimal comma.
func en(v int64) string { return strings.Replace(app.FormatMinor(v, 2, ""), ".", ",", 1) }

func TestExportReports(t *testing.T) {
	t.Parallel()
	te, _, db := salesEnv(t)
	dir := t.TempDir()
	ctx := db.Ctx
	from, to := app.D(2026, 1, 1), app.D(2026, 10, 31)

	tb := readReport(t, te, dir, "trial-balance", "1.1.2026", "31.10.2026")
	if got := strings.Join(tb[0], ","); got != "Account,Account name,Opening balance,Debit turnover,Credit turnover,Closing balance" {
		t.Errorf("trial balance header %q", got)
	}
	// Done when: debits equal credits.
	if tot := last(tb); tot[1] != "Total" || tot[3] != tot[4] || tot[3] == "0,00" {
		t.Errorf("trial balance totals %v", tot)
	}
	bals, err := db.BalancesBetween(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if b.Account.Code == "311" {
			if r := row(tb, 0, "311"); r == nil || r[3] != en(b.Debit) || r[5] != en(b.Closing()) || b.Debit == 0 {
				t.Errorf("311 row %v, want %+v", r, b)
			}
		}
	}
	// Any day range, not only whole months.
	mid := readReport(t, te, dir, "trial-balance", "15.3.2026", "20.4.2026")
	if tot := last(mid); tot[3] != tot[4] || tot[3] == "0,00" || tot[3] == last(tb)[3] {
		t.Errorf("mid-month trial balance totals %v", tot)
	}

	pl := readReport(t, te, dir, "profit-loss", "1.1.2026", "31.10.2026")
	want := app.ProfitAndLoss(bals)
	if r := row(pl, 1, "Result (profit +, loss −)"); r == nil || r[2] != en(want.Result) || want.TotalRevenue == 0 {
		t.Errorf("profit and loss result %v, want %d", r, want.Result)
	}

	bs := readReport(t, te, dir, "balance-sheet", "1.1.2026", "31.10.2026")
	assets, sources := row(bs, 1, "Total assets"), row(bs, 1, "Total equity and liabilities")
	if assets == nil || sources == nil || assets[2] != sources[2] || assets[2] == "0,00" {
		t.Errorf("balance sheet does not balance: %v, %v", assets, sources)
	}
	// Done when: the P&L result equals the balance sheet's current-year result.
	if r := row(bs, 1, "Result of the current year"); r == nil || r[2] != en(want.Result) {
		t.Errorf("balance sheet result %v, P&L %d", r, want.Result)
	}

	ps, _, err := db.Purchases(ctx, app.PurchaseFilter{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}

	ag := readReport(t, te, dir, "aging", "1.1.2026", "31.10.2026", "--user", "ucetni")
	// As of 31 October: payments and credit notes after it are taken back out.
	asOf, err := app.ReceivablesAsOf(ctx, db, to, app.Today(db.Clock))
	if err != nil {
		t.Fatal(err)
	}
	var total int64
	for _, r := range app.AgeReceivables(asOf, to) {
		total += r.Total
	}
	if tot := last(ag); tot[len(tot)-1] != en(total) || total == 0 {
		t.Errorf("aging totals %v, want %d", tot, total)
	}
	// As of today: the purchases as they stand now.
	today := app.DateOf(db.Clock.Now())
	pag := readReport(t, te, dir, "payables-aging", "1.1.2026", today.String())
	total = 0
	rows := app.AgePayables(ps, today)
	for _, r := range rows {
		total += r.Total
	}
	buckets := app.AgingTotals(rows)
	if tot := last(pag); tot[len(tot)-1] != en(total) || total == 0 || buckets[app.Current] == 0 || buckets[app.Current+1] == 0 {
		t.Errorf("payables aging totals %v, want %d in buckets %v", tot, total, buckets)
	}

	led := readReport(t, te, dir, "ledger", "1.10.2026", "31.10.2026", "--account", "311")
	if len(led) < 4 {
		t.Errorf("ledger of 311: %v", led)
	}
	for _, book := range []string{"cash-book", "bank-book"} {
		if recs := readReport(t, te, dir, book, "1.10.2026", "31.10.2026"); len(recs) < 4 {
			t.Errorf("%s: %v", book, recs)
		}
	}

	// Czech by default for a Czech company.
	cs := filepath.Join(dir, "predvaha.csv")
	if code := te.run("export", "report", "trial-balance", "--from", "1.1.2026", "--to", "31.10.2026", "--out", cs); code != ExitOK {
		t.Fatalf("czech: exit %d %s", code, te.err.String())
	}
	body, _ := os.ReadFile(cs)
	if !strings.HasPrefix(string(body), "\uFEFFÚčet;") || !strings.Contains(string(body), "Celkem") || !strings.Contains(te.out.String(), "Obratová předvaha") {
		t.Errorf("czech report %q, stdout %q", string(body)[:min(len(body), 200)], te.out.String())
	}

	// PDF through the renderer main wires.
	fr := &reportLog{}
	te.Printer = fr.renderer()
	pdf := filepath.Join(dir, "rozvaha.pdf")
	if code := te.run("export", "report", "balance-sheet", "--from", "1.1.2026", "--to", "31.10.2026", "--out", pdf); code != ExitOK {
		t.Fatalf("pdf: exit %d %s", code, te.err.String())
	}
	if body, _ := os.ReadFile(pdf); !strings.HasPrefix(string(body), "%PDF") || len(fr.got) != 1 || fr.got[0].Kind != app.ReportBalanceSheet || fr.got[0].Lang != app.Czech {
		t.Errorf("pdf %q, rendered %+v", body, fr.got)
	}
}

func TestExportReportRefusals(t *testing.T) {
	t.Parallel()
	te, _, _ := salesEnv(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "r.csv")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "report"}, "missing"},
		{[]string{"export", "report", "cash-flow", "--from", "1.1.2026", "--to", "31.1.2026", "--out", out}, "unknown report \"cash-flow\""},
		{[]string{"export", "report", "vat", "--to", "31.1.2026", "--out", out}, "--from DATE and --to DATE are required"},
		{[]string{"export", "report", "vat", "--from", "31.2.2026", "--to", "31.3.2026", "--out", out}, "--from:"},
		{[]string{"export", "report", "vat", "--from", "1.1.2026", "--to", "31.1.2026"}, "--out FILE.pdf or --out FILE.csv is required"},
		{[]string{"export", "report", "vat", "aging", "--from", "1.1.2026", "--to", "31.1.2026", "--out", out}, "unexpected argument"},
		{[]string{"export", "report", "ledger", "--from", "1.1.2026", "--to", "31.1.2026", "--out", out}, "--account ACCOUNT is required"},
		{[]string{"export", "report", "vat", "--account", "311", "--from", "1.1.2026", "--to", "31.1.2026", "--out", out}, "--account is for the ledger report only"},
		{[]string{"export", "report", "vat", "--lang", "de", "--from", "1.1.2026", "--to", "31.1.2026", "--out", out}, "--lang \"de\""},
		{[]string{"export", "report", "vat", "--from", "1.1.2026", "--to", "31.1.2026", "--out", filepath.Join(dir, "r.xlsx")}, "must end in .pdf or .csv"},
	} {
		if code := te.run(tc.args...); code != ExitUsage || !strings.Contains(te.err.String(), "Usage") || !strings.Contains(te.err.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, te.err.String(), tc.want)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "old.csv"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"trial-balance", "--from", "1.2.2026", "--to", "31.1.2026", "--out", out}, "--to 2026-01-31 is before --from 2026-02-01"},
		{[]string{"ledger", "--account", "999", "--from", "1.1.2026", "--to", "31.1.2026", "--out", out}, "--account 999: the chart of accounts has no such account"},
		{[]string{"vat", "--from", "1.1.2026", "--to", "31.1.2026", "--out", filepath.Join(dir, "old.csv")}, "exists already; add --force"},
		{[]string{"trial-balance", "--from", "1.1.2026", "--to", "31.1.2026", "--out", out, "--user", "sklad"}, "may not do this"},
	} {
		args := append([]string{"export", "report"}, tc.args...)
		if code := te.run(args...); code != ExitFailure || !strings.Contains(te.err.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, te.err.String(), tc.want)
		}
	}
	entries, _ := os.ReadDir(dir)
	if body, _ := os.ReadFile(filepath.Join(dir, "old.csv")); len(entries) != 1 || string(body) != "keep" {
		t.Errorf("refusals left %v, old.csv %q", entries, body)
	}
	// With --force the existing file is replaced; without an extension .csv is added.
	if code := te.run("export", "report", "profit-loss", "--from", "2026-01-01", "--to", "2026-03-31", "--out", filepath.Join(dir, "old.csv"), "--force", "--lang", "en"); code != ExitOK {
		t.Errorf("--force: exit %d %s", code, te.err.String())
	}
	if code := te.run("export", "report", "trial-balance", "--from", "1.1.2026", "--to", "31.12.2026", "--out", filepath.Join(dir, "tb")); code != ExitOK || !exists(filepath.Join(dir, "tb.csv")) {
		t.Errorf("no extension: exit %d %s", code, te.err.String())
	}
	if body, _ := os.ReadFile(filepath.Join(dir, "old.csv")); !strings.HasPrefix(string(body), "\uFEFFAccount;Account name;Amount\r\n") {
		t.Errorf("--force wrote %q", body)
	}
}
