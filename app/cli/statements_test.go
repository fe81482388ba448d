package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kontor/app"
	"kontor/app/mock"
	"kontor/data/datatest"
)

// statementLog records what a test's statement renderer (a mock) was
// given: a line of text after a PDF header per statement; Combined writes
// one header and a line each.
type statementLog struct {
	got      []app.Statement
	combined int // calls of Combined
}

func (f *statementLog) renderer() *mock.Printer {
	return &mock.Printer{
		PrintFn: func(w io.Writer, doc app.Printable, c app.Company) error {
			st, ok := doc.(app.Statement)
			if !ok {
				return fmt.Errorf("a statement printer was given a %T", doc)
			}
			f.got = append(f.got, st)
			_, err := fmt.Fprintf(w, "%%PDF-1.3 test statement\n%s %s %d %d %s\n", st.Customer.Name, st.Lang, movements(st), st.ClosingBase(), c.Name)
			return err
		},
		PrintAllFn: func(ctx context.Context, w io.Writer, next func() (app.Printable, error), c app.Company, progress func(int)) error {
			f.combined++
			if _, err := fmt.Fprintf(w, "%%PDF-1.3 test combined\n"); err != nil {
				return err
			}
			for n := 1; ; n++ {
				doc, err := next()
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return err
				}
				st, ok := doc.(app.Statement)
				if !ok {
					return fmt.Errorf("a combined statement was given a %T", doc)
				}
				f.got = append(f.got, st)
				if _, err := fmt.Fprintf(w, "%s %d\n", st.Customer.Name, st.ClosingBase()); err != nil {
					return err
				}
				if progress != nil {
					progress(n)
				}
			}
		},
	}
}

func statementEnv(t *testing.T) (*testEnv, *statementLog, *datatest.DB) {
	t.Helper()
	te, _, db := salesEnv(t)
	f := &statementLog{}
	te.Printer = f.renderer()
	return te, f, db
}

// ledger311 sums the receivables account over the journal entries that the
// customer's issued documents and their payments posted: debit minus credit.
func ledger311(t *testing.T, db *datatest.DB, customerID string) int64 {
	t.Helper()
	mine := map[string]bool{}
	for _, d := range allDocs(t, db) {
		if d.CustomerID == customerID && d.Status == app.StatusIssued {
			mine[string(d.Kind)+":"+d.ID] = true
			pays, err := db.Payments(db.Ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range pays {
				mine["payment:"+p.ID] = true
			}
		}
	}
	f := app.JournalFilter{Account: "311"}
	n, err := db.JournalCount(db.Ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := db.JournalPage(db.Ctx, f, 0, n)
	if err != nil {
		t.Fatal(err)
	}
	source := map[string]string{}
	var sum int64
	for _, l := range lines {
		src, ok := source[l.EntryID]
		if !ok {
			e, err := db.Entry(db.Ctx, l.EntryID)
			if err != nil {
				t.Fatal(err)
			}
			src, source[l.EntryID] = e.Source, e.Source
		}
		if mine[src] && l.Line.Account == "311" {
			sum += l.Line.Debit - l.Line.Credit
		}
	}
	return sum
}

// busiestCustomer is the customer with the most issued invoices.
func busiestCustomer(t *testing.T, db *datatest.DB) string {
	t.Helper()
	n := map[string]int{}
	best := ""
	for _, d := range allDocs(t, db) {
		if d.Kind == app.KindInvoice && d.Status == app.StatusIssued {
			n[d.CustomerID]++
			if n[d.CustomerID] > n[best] || n[d.CustomerID] == n[best] && d.CustomerID < best {
				best = d.CustomerID
			}
		}
	}
	return best
}

func TestExportStatement(t *testing.T) {
	t.Parallel()
	te, f, db := statementEnv(t)
	id := busiestCustomer(t, db)
	cust, err := db.Customer(db.Ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "vypis")
	if code := te.run("export", "statement", "--customer", id, "--from", "1.1.2000", "--to", "31.12.2099", "--out", out); code != ExitOK {
		t.Fatalf("exit %d %s", code, te.err.String())
	}
	body, err := os.ReadFile(out + ".pdf")
	if err != nil || !strings.HasPrefix(string(body), "%PDF") || !strings.Contains(string(body), cust.Name) {
		t.Fatalf("file %q (%v)", body, err)
	}
	if len(f.got) != 1 {
		t.Fatalf("rendered %d", len(f.got))
	}
	full := f.got[0]
	if full.Customer.Name != cust.Name || full.Lang != cust.Lang || len(full.Sections) != 1 || full.Sections[0].Currency != "CZK" || movements(full) == 0 {
		t.Errorf("statement %+v", full)
	}
	s := full.Sections[0]
	// Done when: the closing balance equals the ledger balance of 311 for the customer.
	if want := ledger311(t, db, id); s.Closing != want || s.Opening != 0 {
		t.Errorf("closing %d, opening %d; ledger 311 for the customer %d", s.Closing, s.Opening, want)
	}
	var aging int64
	for _, v := range s.Aging {
		aging += v
	}
	if aging != s.Closing {
		t.Errorf("aging %v sums to %d, closing %d", s.Aging, aging, s.Closing)
	}
	if !strings.Contains(te.out.String(), "Wrote the statement of "+cust.Name) {
		t.Errorf("stdout %q", te.out.String())
	}
	// A second time without --force is refused, and nothing is rendered.
	if code := te.run("export", "statement", "--customer", id, "--from", "1.1.2000", "--to", "31.12.2099", "--out", out+".pdf"); code != ExitFailure || !strings.Contains(te.err.String(), "--force") || len(f.got) != 1 {
		t.Errorf("overwrite: exit %d %q", code, te.err.String())
	}
	if code := te.run("export", "statement", "--customer", id, "--from", "1.1.2000", "--to", "31.12.2099", "--out", out+".pdf", "--force"); code != ExitOK {
		t.Errorf("--force: exit %d %q", code, te.err.String())
	}
}

func TestExportStatementsAll(t *testing.T) {
	t.Parallel()
	te, f, db := statementEnv(t)
	dir := filepath.Join(t.TempDir(), "vypisy")
	if code := te.run("export", "statement", "--all", "--from", "1.10.2026", "--to", "31.10.2026", "--out", dir); code != ExitOK {
		t.Fatalf("exit %d %s", code, te.err.String())
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 2 || len(entries) != len(f.got) {
		t.Fatalf("%d files, %d rendered", len(entries), len(f.got))
	}
	for _, s := range f.got {
		if !s.HasActivity() {
			t.Errorf("%s: a statement without balance or activity was written", s.Customer.Name)
		}
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".pdf") || strings.ContainsAny(e.Name(), " /\\:") || !strings.Contains(e.Name(), "_") {
			t.Errorf("file name %q", e.Name())
		}
	}
	if !strings.Contains(te.err.String(), "Checking ") || !strings.Contains(te.err.String(), "100 %") || !strings.Contains(te.err.String(), " → ") {
		t.Errorf("progress %q", te.err.String())
	}
	if want := fmt.Sprintf("Wrote %d statements from 2026-10-01 to 2026-10-31 to %s; skipped ", len(entries), dir); !strings.Contains(te.out.String(), want) {
		t.Errorf("summary %q, want %q", te.out.String(), want)
	}
	// Customers of issued documents are all considered; each file is one of them.
	ids := map[string]bool{}
	for _, d := range allDocs(t, db) {
		if d.Status == app.StatusIssued {
			ids[d.CustomerID] = true
		}
	}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".pdf")
		short := name[strings.LastIndexByte(name, '_')+1:]
		found := false
		for id := range ids {
			found = found || strings.HasSuffix(id, short)
		}
		if !found {
			t.Errorf("%s names no customer", e.Name())
		}
	}
	// Again without --force: refused before anything is written.
	n := len(f.got)
	if code := te.run("export", "statement", "--all", "--from", "1.10.2026", "--to", "31.10.2026", "--out", dir); code != ExitFailure || !strings.Contains(te.err.String(), "--force") || len(f.got) != n {
		t.Errorf("again: exit %d %q", code, te.err.String())
	}
}

// TestExportStatementsCombined: --all with --out FILE.pdf writes one PDF of
// the statements with a balance or activity, and says how many it skipped.
func TestExportStatementsCombined(t *testing.T) {
	t.Parallel()
	te, f, db := statementEnv(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "vsechny.pdf")
	if code := te.run("export", "statement", "--all", "--from", "1.10.2026", "--to", "31.10.2026", "--out", file); code != ExitOK {
		t.Fatalf("exit %d %s", code, te.err.String())
	}
	body, err := os.ReadFile(file)
	if err != nil || !strings.HasPrefix(string(body), "%PDF-1.3 test combined") || f.combined != 1 {
		t.Fatalf("combined file %q (%v), %d calls", body, err, f.combined)
	}
	custs, err := app.StatementCustomers(db.Ctx, db.Services(), app.D(2026, 10, 31))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.got) < 2 || len(f.got) >= len(custs)+1 || strings.Count(string(body), "\n") != len(f.got)+1 {
		t.Errorf("%d statements of %d customers; file %q", len(f.got), len(custs), body)
	}
	want := fmt.Sprintf("Wrote %d statements from 2026-10-01 to 2026-10-31 into one PDF, %s; skipped %d customers without a balance or activity", len(f.got), file, len(custs)-len(f.got))
	if !strings.Contains(te.out.String(), want) {
		t.Errorf("summary %q, want %q", te.out.String(), want)
	}
	if !strings.Contains(te.err.String(), "100 %") {
		t.Errorf("progress %q", te.err.String())
	}
	// The file exists now: refused without --force, nothing rendered.
	n := len(f.got)
	if code := te.run("export", "statement", "--all", "--from", "1.10.2026", "--to", "31.10.2026", "--out", file); code != ExitFailure || !strings.Contains(te.err.String(), "--force") || len(f.got) != n {
		t.Errorf("again: exit %d %q", code, te.err.String())
	}
	// A period in which nobody has a balance or activity writes nothing.
	empty := filepath.Join(dir, "nic.pdf")
	if code := te.run("export", "statement", "--all", "--from", "1.1.2001", "--to", "31.1.2001", "--out", empty); code != ExitFailure || exists(empty) {
		t.Errorf("empty period: exit %d %q", code, te.err.String())
	}
}

func TestStatementFileName(t *testing.T) {
	for _, tc := range []struct {
		name, id string
		full     bool
		want     string
	}{
		{"Novák & syn, s.r.o.", "01890a5d-ac96-7ab2-80e2-4f1c2b9d7e10", false, "Novák-syn-s-r-o_2b9d7e10.pdf"},
		{"  ", "abc", false, "customer_abc.pdf"},
		{"A/B", "x/y:z", true, "A-B_x_y_z.pdf"},
	} {
		if got := app.StatementFileName(tc.name, tc.id, tc.full); got != tc.want {
			t.Errorf("statementFileName(%q, %q) = %q, want %q", tc.name, tc.id, got, tc.want)
		}
	}
}

func TestExportStatementRefusals(t *testing.T) {
	t.Parallel()
	te, f, db := statementEnv(t)
	id := busiestCustomer(t, db)
	dir := t.TempDir()
	file := filepath.Join(dir, "x.pdf")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--from", "1.10.2026", "--to", "31.10.2026", "--out", file}, "--customer ID or --all is required"},
		{[]string{"--customer", id, "--all", "--from", "1.10.2026", "--to", "31.10.2026", "--out", file}, "not both"},
		{[]string{"--customer", id, "--out", file}, "--from DATE and --to DATE are required"},
		{[]string{"--customer", id, "--from", "1.10.2026", "--to", "31.10.2026"}, "--out FILE.pdf or --out DIR is required"},
		{[]string{"--customer", id, "--from", "x", "--to", "31.10.2026", "--out", file}, "--from"},
		{[]string{"--customer", id, "--from", "1.10.2026", "--to", "31.10.2026", "--out", file, "--lang", "de"}, "flag provided but not defined"},
		{[]string{"--customer", id, "--from", "31.10.2026", "--to", "1.10.2026", "--out", file}, "before its start"},
		{[]string{"--customer", "no-such-customer", "--from", "1.10.2026", "--to", "31.10.2026", "--out", file}, "does not exist"},
		{[]string{"--customer", id, "--from", "1.10.2026", "--to", "31.10.2026", "--out", file, "--user", "sklad"}, "may not do this"},
	} {
		args := append([]string{"export", "statement"}, tc.args...)
		if code := te.run(args...); code == ExitOK || !strings.Contains(te.err.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, te.err.String(), tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 || len(f.got) != 0 {
		t.Errorf("refusals wrote %v, rendered %d", entries, len(f.got))
	}
}
