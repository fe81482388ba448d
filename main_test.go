package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kontor/app/cli"
	"kontor/app/demo"
	"kontor/data"
)

// runCLI runs the command line as the binary would, with the real store.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := cliEnv()
	env.Stdout, env.Stderr = &out, &errb
	env.Getenv = func(k string) string {
		return map[string]string{cli.EnvUser: demo.Admin, cli.EnvPassword: demo.Password}[k]
	}
	env.IsTerminal = func() bool { return false }
	env.RunGUI = func(string) int { t.Fatal("the GUI must not start in this test"); return 1 }
	code = cli.Run(context.Background(), args, env)
	return code, out.String(), errb.String()
}

// TestCLIEndToEnd walks the maintenance story on a real file: demo, check,
// backup, a second process refused, restore, compact.
func TestCLIEndToEnd(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "firma.db")
	if code, out, errs := runCLI(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d\n%s\n%s", code, out, errs)
	}
	if code, out, errs := runCLI(t, "demo", "--db", db); code != 1 || !strings.Contains(errs, "already has a company") {
		t.Fatalf("second demo: %d %q %q", code, out, errs)
	}
	if code, out, errs := runCLI(t, "check", "--db", db); code != 0 || !strings.Contains(out, "OK") {
		t.Fatalf("check: %d %q %q", code, out, errs)
	}
	bak := filepath.Join(dir, "copy.db")
	if code, _, errs := runCLI(t, "backup", "--db", db, "--out", bak); code != 0 {
		t.Fatalf("backup: %d %s", code, errs)
	}

	// Another Kontor holds the file: every command says so and exits 3.
	held, err := data.Open(db, data.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check", "--db", db}, {"restore", "--db", db, "--from", bak}, {"compact", "--db", db}} {
		if code, _, errs := runCLI(t, args...); code != 3 || !strings.Contains(errs, "already open") {
			t.Errorf("%v while in use: exit %d, %q", args, code, errs)
		}
	}
	held.Close()

	junk := filepath.Join(dir, "notes.txt")
	_ = os.WriteFile(junk, bytes.Repeat([]byte("Dobrý den\n"), 1000), 0o600)
	if code, _, errs := runCLI(t, "restore", "--db", db, "--from", junk); code != 1 || !strings.Contains(errs, "not a Kontor database") {
		t.Fatalf("restore from junk: %d %q", code, errs)
	}
	if code, out, errs := runCLI(t, "restore", "--db", db, "--from", bak); code != 0 {
		t.Fatalf("restore: %d %q %q", code, out, errs)
	}
	if code, _, errs := runCLI(t, "compact", "--db", db); code != 0 {
		t.Fatalf("compact: %d %s", code, errs)
	}
	if code, out, _ := runCLI(t, "check", "--db", db); code != 0 {
		t.Fatalf("check after restore and compact: %d %s", code, out)
	}
	if code, out, _ := runCLI(t, "version"); code != 0 || !strings.Contains(out, version) {
		t.Fatalf("version: %d %q", code, out)
	}
	if code, _, _ := runCLI(t, "frobnicate"); code != 2 {
		t.Fatalf("unknown command: exit %d, want 2", code)
	}
}
