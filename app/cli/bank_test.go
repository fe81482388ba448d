package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kontor/app"
	"kontor/data/datatest"
)

// bankLines are db's imported bank statement lines.
func bankLines(t *testing.T, db *datatest.DB, ctx context.Context) []app.BankEntry {
	t.Helper()
	es, err := db.BankEntries(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// TestDemoBankFiles: the demo makes the last two months' statements in ABO
// and CSV, both parse to the same movements, and the previous month's was
// imported (pairs posted, the rest pending) before the months up to it were
// locked.
func TestDemoBankFiles(t *testing.T) {
	t.Parallel()
	db := datatest.MustOpen(t, datatest.Demo())
	demoBankFiles.Lock()
	n := len(demoBankFiles.m)
	demoBankFiles.Unlock()
	if n != 4 {
		t.Fatalf("the demo made %d bank files", n)
	}
	abo := demoBankFile(t, "kontor-demo-vypis-2026-11.gpc")
	a, err := app.ParseABO(abo)
	if err != nil {
		t.Fatalf("the demo's ABO does not parse: %v", err)
	}
	c, err := app.ParseBankStatement(demoBankFile(t, "kontor-demo-vypis-2026-11.csv"))
	if err != nil {
		t.Fatalf("the demo's CSV does not parse: %v", err)
	}
	if a.Account != "2801234578" || len(a.Lines) < 4 || len(a.Lines) != len(c.Lines) || a.Closing.Amount == a.Opening.Amount {
		t.Errorf("ABO %+v\nCSV %+v", a, c)
	}
	for i := range a.Lines {
		x, y := a.Lines[i], c.Lines[i]
		if x.Date != y.Date || x.Amount != y.Amount || x.VariableSymbol != y.VariableSymbol || x.BankRef != y.BankRef || x.CounterAccount != y.CounterAccount {
			t.Errorf("line %d: ABO %+v, CSV %+v", i, x, y)
		}
	}
	// What the previous month's import did.
	var posted, pending, ignored int
	for _, e := range bankLines(t, db, db.Ctx) {
		switch e.State {
		case app.MatchPosted:
			posted++
		case app.MatchIgnored:
			ignored++
		default:
			pending++
		}
	}
	if posted < 3 || pending != 1 || ignored != 1 {
		t.Errorf("previous month: %d posted, %d pending, %d ignored", posted, pending, ignored)
	}
	locked, err := db.LockedPeriods(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(locked, app.Month{Year: 2026, Month: 10}) || slices.Contains(locked, app.Month{Year: 2026, Month: 11}) || !slices.Contains(locked, app.Month{Year: 2025, Month: 12}) {
		t.Errorf("locked %v", locked)
	}
}

// TestImportBank walks "kontor import bank": a dry run writes nothing, the
// import posts the pairs and leaves the rest pending, a second import of the
// same file posts nothing.
func TestImportBank(t *testing.T) {
	t.Parallel()
	te, _, db := salesEnv(t)
	abo := demoBankFile(t, "kontor-demo-vypis-2026-11.gpc")
	dir := t.TempDir()
	file := filepath.Join(dir, "vypis.gpc")
	if err := os.WriteFile(file, abo, 0o644); err != nil {
		t.Fatal(err)
	}
	parsed, err := app.ParseABO(abo)
	if err != nil {
		t.Fatal(err)
	}
	// The demo leaves two lines of this month to pair by hand (a stranger's
	// payment and the bank's fee); it pairs the rest with open invoices.
	lines, pending := len(parsed.Lines), 2
	posted := lines - pending
	before, stored := db.EntryIDs(t), len(bankLines(t, db, db.Ctx))

	if code := te.run("import", "bank", file, "--dry-run"); code != ExitOK {
		t.Fatalf("dry run: exit %d %s", code, te.err.String())
	}
	out := te.out.String()
	if !strings.Contains(out, "ABO statement of account 2801234578") || !strings.Contains(out, "pays FV") || !strings.Contains(out, "unmatched") ||
		!strings.Contains(out, fmt.Sprintf("Dry run: %d lines would be posted, %d lines would stay pending", posted, pending)) || len(db.EntryIDs(t)) != len(before) || len(bankLines(t, db, db.Ctx)) != stored {
		t.Errorf("dry run wrote %d entries, %d lines:\n%s", len(db.EntryIDs(t))-len(before), len(bankLines(t, db, db.Ctx))-stored, out)
	}

	if code := te.run("import", "bank", file); code != ExitOK {
		t.Fatalf("import: exit %d %s", code, te.err.String())
	}
	out = te.out.String()
	if !strings.Contains(out, fmt.Sprintf("Imported %d new lines; skipped 0 lines imported before; posted %d payments for ", lines, posted)) || !strings.Contains(out, "left 2 lines pending") ||
		!strings.Contains(out, "posted: pays") || len(db.EntryIDs(t)) != len(before)+posted || len(bankLines(t, db, db.Ctx)) != stored+lines {
		t.Errorf("import: %d entries, %d lines:\n%s", len(db.EntryIDs(t))-len(before), len(bankLines(t, db, db.Ctx))-stored, out)
	}
	// The payment of the received invoice went against 321.
	last := db.NewEntries(t, before)
	found := false
	for _, e := range last {
		found = found || e.Lines[0].Account == "321"
	}
	if !found {
		t.Errorf("no supplier payment among %+v", last)
	}

	// Done when: importing the same statement twice posts nothing twice.
	after := db.EntryIDs(t)
	if code := te.run("import", "bank", file); code != ExitOK {
		t.Fatalf("again: exit %d %s", code, te.err.String())
	}
	if !strings.Contains(te.out.String(), fmt.Sprintf("Imported 0 new lines; skipped %d lines imported before; posted 0 payments", lines)) || len(db.EntryIDs(t)) != len(after) || len(bankLines(t, db, db.Ctx)) != stored+lines {
		t.Errorf("second import: %d entries:\n%s", len(db.EntryIDs(t))-len(after), te.out.String())
	}
	if code := te.run("import", "bank", file, "--dry-run"); code != ExitOK || !strings.Contains(te.out.String(), fmt.Sprintf("%d lines imported before", lines)) {
		t.Errorf("dry run after: exit %d %s", code, te.out.String())
	}
}

// TestImportBankCSVMapping: a CSV export is read with the mapping remembered
// for its header line when there is one.
func TestImportBankCSVMapping(t *testing.T) {
	t.Parallel()
	te, _, db := salesEnv(t)
	dir := t.TempDir()
	// A bank that puts the amount in a column named "Suma", which Kontor
	// does not know; its VS in "Symbol".
	data := "Datum;Suma;Symbol;Poznámka\n20.11.2026;1 500,00;99887766;cizí platba\n"
	file := filepath.Join(dir, "banka.csv")
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if code := te.run("import", "bank", file, "--dry-run"); code != ExitFailure || !strings.Contains(te.err.String(), "no amount column") {
		t.Errorf("unmapped: exit %d %q", code, te.err.String())
	}
	m := app.CSVMapping{Date: 0, Amount: 1, Currency: -1, VS: 2, KS: -1, SS: -1, CounterAccount: -1, CounterBank: -1, CounterName: -1, Message: 3, BankRef: -1,
		DateFormat: app.BankDateDMY, HasHeader: true, Comma: ';'}
	if err := db.SaveBankMapping(db.Ctx, "Datum;Suma;Symbol;Poznámka", m); err != nil {
		t.Fatal(err)
	}
	if code := te.run("import", "bank", file, "--dry-run"); code != ExitOK || !strings.Contains(te.out.String(), "read with the remembered column mapping") ||
		!strings.Contains(te.out.String(), "1,500.00") || !strings.Contains(te.out.String(), "99887766") {
		t.Errorf("mapped: exit %d %q %q", code, te.out.String(), te.err.String())
	}
}

func TestImportBankRefusals(t *testing.T) {
	t.Parallel()
	te, _, db := salesEnv(t)
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	abo := demoBankFile(t, "kontor-demo-vypis-2026-11.gpc")
	broken := strings.Replace(string(abo), "074", "074", 1)
	broken = broken[:len(broken)-40] + strings.Repeat("9", 10) + broken[len(broken)-30:]
	before := len(db.EntryIDs(t))
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"import", "bank"}, ExitUsage, "missing FILE"},
		{[]string{"import", "bank", filepath.Join(dir, "missing.gpc")}, ExitFailure, "cannot read"},
		{[]string{"import", "bank", write("notes.txt", "Dobrý den,\nposílám výpis.\n")}, ExitFailure, "unknown bank statement format"},
		{[]string{"import", "bank", write("bin.gpc", "\x00\x01\x02\xff\xfe")}, ExitFailure, "nothing was imported"},
		{[]string{"import", "bank", write("broken.gpc", broken)}, ExitFailure, "line "},
		{[]string{"import", "bank", write("ok.gpc", string(abo)), "--user", "prodej"}, ExitFailure, "may not do this"},
	} {
		if code := te.run(tc.args...); code != tc.code || !strings.Contains(te.err.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, te.err.String(), tc.want)
		}
	}
	if n := len(db.EntryIDs(t)); n != before {
		t.Errorf("refusals posted %d entries", n-before)
	}
}
