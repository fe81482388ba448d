package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kontor/app"
)

// readReport runs export report and returns the CSV records it wrote.
func readReport(t *testing.T, te *testEnv, dir, report string, extra ...string) [][]string {
	t.Helper()
	out := filepath.Join(dir, report+".csv")
	args := append([]string{"export", "report", report, "--from", "1.1.2026", "--to", "31.10.2026", "--out", out, "--force"}, extra...)
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
	recs, err := csv.NewReader(f).ReadAll()
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
		if r[col] == v {
			return r
		}
	}
	return nil
}

func TestExportReports(t *testing.T) {
	te, _, st := salesEnv(t)
	dir := t.TempDir()

	tb := readReport(t, te, dir, "trial-balance")
	if strings.Join(tb[0], ",") != strings.Join(trialBalanceHeader, ",") {
		t.Errorf("trial balance header %v", tb[0])
	}
	if tot := last(tb); tot[0] != "" || tot[1] != "Total" || tot[4] != tot[5] || tot[4] == "0.00" || tot[3] != "0.00" || tot[6] != "0.00" {
		t.Errorf("trial balance totals %v", tot)
	}
	bals, err := st.Balances(adminCtx(st), app.Month{Year: 2026, Month: 1}, app.Month{Year: 2026, Month: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if b.Account.Code == "311" && (b.Debit != 0 || b.Opening != 0) {
			r := row(tb, 0, "311")
			if r == nil || r[4] != amount(b.Debit) || r[6] != amount(b.Closing()) || !strings.Contains(r[4], ".") {
				t.Errorf("311 row %v, want %+v", r, b)
			}
		}
	}

	pl := readReport(t, te, dir, "profit-loss")
	if strings.Join(pl[0], ",") != strings.Join(profitLossHeader, ",") || row(pl, 2, "Total revenue") == nil || row(pl, 2, "Total expenses") == nil {
		t.Errorf("profit and loss %v", pl)
	}
	want := app.ProfitAndLoss(bals)
	if res := last(pl); res[0] != "result" || res[3] != amount(want.Result) || want.TotalRevenue == 0 {
		t.Errorf("profit and loss result %v, want %d", res, want.Result)
	}

	bs := readReport(t, te, dir, "balance-sheet")
	if strings.Join(bs[0], ",") != strings.Join(balanceSheetHeader, ",") {
		t.Errorf("balance sheet header %v", bs[0])
	}
	assets := row(bs, 2, "Total assets")
	if tot := last(bs); assets == nil || tot[0] != "total" || tot[3] != assets[3] || assets[3] == "0.00" {
		t.Errorf("balance sheet does not balance: assets %v, total %v", assets, tot)
	}

	vat := readReport(t, te, dir, "vat")
	if strings.Join(vat[0], ",") != strings.Join(vatHeader, ",") {
		t.Errorf("vat header %v", vat[0])
	}
	var docs []app.SalesDoc
	for _, d := range st.sales.docs {
		docs = append(docs, d)
	}
	_, vt := app.VATSummary(docs, app.D(2026, 1, 1), app.D(2026, 10, 31))
	if tot := last(vat); tot[0] != "" || tot[1] != "total" || tot[3] != amount(vt.Base) || tot[4] != amount(vt.VAT) || vt.VAT == 0 {
		t.Errorf("vat totals %v, want %+v", tot, vt)
	}

	ag := readReport(t, te, dir, "aging", "--user", "ucetni")
	if strings.Join(ag[0], ",") != strings.Join(agingHeader, ",") {
		t.Errorf("aging header %v", ag[0])
	}
	rows := app.AgeReceivables(docs, app.D(2026, 10, 31))
	var total int64
	for _, r := range rows {
		total += r.Total
	}
	if tot := last(ag); tot[0] != "" || tot[1] != "Total" || tot[7] != amount(total) || len(ag) != len(rows)+2 || total == 0 {
		t.Errorf("aging totals %v (%d records), want %d over %d customers", tot, len(ag), total, len(rows))
	}
}

func TestExportReportRefusals(t *testing.T) {
	te, _, _ := salesEnv(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "r.csv")
	for _, args := range [][]string{
		{"export", "report"},
		{"export", "report", "cash-book", "--from", "1.1.2026", "--to", "31.1.2026", "--out", out},
		{"export", "report", "vat", "--to", "31.1.2026", "--out", out},
		{"export", "report", "vat", "--from", "31.2.2026", "--to", "31.3.2026", "--out", out},
		{"export", "report", "vat", "--from", "1.1.2026", "--to", "31.1.2026"},
		{"export", "report", "vat", "aging", "--from", "1.1.2026", "--to", "31.1.2026", "--out", out},
	} {
		if code := te.run(args...); code != ExitUsage || !strings.Contains(te.err.String(), "Usage") {
			t.Errorf("%v: exit %d, stderr %q", args, code, te.err.String())
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "old.csv"), []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"trial-balance", "--from", "1.2.2026", "--to", "31.1.2026", "--out", out}, "the end of the period is before its start"},
		{[]string{"trial-balance", "--from", "2.1.2026", "--to", "31.1.2026", "--out", out}, "reports run over whole months: --from 2026-01-02 is not the first day of a month (use 2026-01-01)"},
		{[]string{"profit-loss", "--from", "1.1.2026", "--to", "30.1.2026", "--out", out}, "reports run over whole months: --to 2026-01-30 is not the last day of a month (use 2026-01-31)"},
		{[]string{"balance-sheet", "--from", "1.1.2026", "--to", "31.1.2026", "--out", filepath.Join(dir, "r.pdf")}, "PDF reports are not available yet; use .csv"},
		{[]string{"vat", "--from", "1.1.2026", "--to", "31.1.2026", "--out", filepath.Join(dir, "old.csv")}, "exists already; add --force"},
		{[]string{"trial-balance", "--from", "1.1.2026", "--to", "31.1.2026", "--out", out, "--user", "sklad"}, "may not do this (ledger.read)"},
		{[]string{"aging", "--from", "1.1.2026", "--to", "31.1.2026", "--out", out, "--user", "sklad"}, "may not do this (sales.read)"},
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
	if code := te.run("export", "report", "vat", "--from", "2026-01-01", "--to", "2026-03-31", "--out", filepath.Join(dir, "old.csv"), "--force"); code != ExitOK {
		t.Errorf("--force: exit %d %s", code, te.err.String())
	}
	if code := te.run("export", "report", "trial-balance", "--from", "1.1.2026", "--to", "31.12.2026", "--out", filepath.Join(dir, "tb")); code != ExitOK || !exists(filepath.Join(dir, "tb.csv")) {
		t.Errorf("no extension: exit %d %s", code, te.err.String())
	}
	if body, _ := os.ReadFile(filepath.Join(dir, "old.csv")); !strings.HasPrefix(string(body), strings.Join(vatHeader, ",")) {
		t.Errorf("--force wrote %q", body)
	}
}
