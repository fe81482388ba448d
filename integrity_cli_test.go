package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kontor/app"
	"kontor/app/cli"
	"kontor/app/demo"
	"kontor/data"
)

// smallCompany makes a real database with the demo admin, a company and a
// few months of entries, and closes it.
func smallCompany(t *testing.T, path string) {
	t.Helper()
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
		ICO: "27082440", DIC: "CZ27082440", VATPayer: true, BankAccount: "19-2000145399/0800", Chart: app.ChartCzech}); err != nil {
		t.Fatal(err)
	}
	var es []app.Entry
	for i := 0; i < 300; i++ {
		es = append(es, app.Entry{Date: app.D(2026, time.Month(1+i%11), 1+i%28), Memo: "Tržba kavárna", Lines: []app.Line{
			{Account: "211", Debit: 121000}, {Account: "604", Credit: 121000},
		}})
	}
	if err := s.PostEntries(ctx, es); err != nil {
		t.Fatal(err)
	}
}

// The file story of issue 10 on a real file through the command line: a
// damaged file is refused with exit 4 by every command and restored over,
// bytes changed with a hex editor are found by check, a backup of such a file
// is refused, and --out never replaces what is not a backup unless forced.
func TestCLIDamagedAndTamperedFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "firma.db")
	smallCompany(t, db)

	bak := filepath.Join(dir, "usb", "firma-copy.db")
	if code, out, errs := runCLI(t, "backup", "--db", db, "--out", bak); code != 0 || !strings.Contains(out, "checked") {
		t.Fatalf("backup: %d %q %q", code, out, errs)
	}
	if head, err := os.ReadFile(bak + ".head"); err != nil || !strings.Contains(string(head), `"audit_hash"`) {
		t.Fatalf("head file: %q %v", head, err)
	}
	notes := filepath.Join(dir, "notes.txt")
	_ = os.WriteFile(notes, []byte("poznámky"), 0o600)
	if code, _, errs := runCLI(t, "backup", "--db", db, "--out", notes); code != 1 || !strings.Contains(errs, "not a Kontor backup") {
		t.Fatalf("backup over a text file: %d %q", code, errs)
	}
	if code, _, errs := runCLI(t, "backup", "--db", db, "--out", notes, "--force"); code != 0 {
		t.Fatalf("forced backup: %d %q", code, errs)
	}

	// A person at the terminal sees the check's progress.
	var out, errb bytes.Buffer
	env := cliEnv()
	env.Stdout, env.Stderr = &out, &errb
	env.Getenv = func(k string) string {
		return map[string]string{cli.EnvUser: demo.Admin, cli.EnvPassword: demo.Password}[k]
	}
	env.IsTerminal = func() bool { return true }
	if code := cli.Run(context.Background(), []string{"check", "--db", db, "--against", bak}, env); code != 0 ||
		!strings.Contains(out.String(), "continues the one of") || !strings.Contains(errb.String(), "Checking… 100 %") {
		t.Fatalf("check --against: %d %q %q", code, out.String(), errb.String())
	}

	// Half of the file, as a copy interrupted or a full disk leaves it.
	good, _ := os.ReadFile(db)
	if err := os.WriteFile(db, good[:len(good)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check", "--db", db}, {"list", "invoices", "--db", db}, {"backup", "--db", db, "--out", filepath.Join(dir, "b2.db")}} {
		if code, _, errs := runCLI(t, args...); code != cli.ExitDamaged || !strings.Contains(errs, "is damaged") || !strings.Contains(errs, "shorter than its contents") {
			t.Errorf("%v on a truncated file: exit %d, %q", args, code, errs)
		}
	}
	code, rout, errs := runCLI(t, "restore", "--db", db, "--from", bak)
	if code != 0 || !strings.Contains(rout, "backups/firma-damaged-") || !strings.Contains(errs, "going on without signing in") {
		t.Fatalf("restore over the damaged file: %d %q %q", code, rout, errs)
	}
	if code, out, errs := runCLI(t, "check", "--db", db); code != 0 {
		t.Fatalf("check after the restore: %d %q %q", code, out, errs)
	}

	// A hex editor changes an entry's memo in place: bbolt cannot tell,
	// Kontor's check can, and the file can no longer be backed up.
	raw, _ := os.ReadFile(db)
	tampered := bytes.ReplaceAll(raw, []byte("Tržba kavárna"), []byte("Tržba kavárny"))
	if bytes.Equal(tampered, raw) {
		t.Fatal("memo not found in the file")
	}
	if err := os.WriteFile(db, tampered, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errs := runCLI(t, "check", "--db", db); code != cli.ExitDamaged || !strings.Contains(out, "was changed after audit entry") {
		t.Fatalf("check of the tampered file: %d %q %q", code, out, errs)
	}
	b3 := filepath.Join(dir, "b3.db")
	if code, _, errs := runCLI(t, "backup", "--db", db, "--out", b3); code != cli.ExitDamaged || !strings.Contains(errs, "failed its check") {
		t.Fatalf("backup of the tampered file: %d %q", code, errs)
	}
	if _, err := os.Stat(b3); err == nil {
		t.Fatal("a copy that failed its check was written")
	}
}
