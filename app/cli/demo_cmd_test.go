package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data"
)

// demoCmdEnv is an Env over real stores (data.Open, NoSync, no daily
// backup, the clock at now) with the user and password of vars.
func demoCmdEnv(now time.Time, vars map[string]string, out, errOut *bytes.Buffer) Env {
	return Env{
		Commands:  allCommands(),
		DemoSteps: demo.All,
		Stdout:    out, Stderr: errOut, Stdin: strings.NewReader(""),
		Getenv:  func(k string) string { return vars[k] },
		Version: "test",
		Open: func(path string) (Store, error) {
			return data.Open(path, data.Options{Clock: app.NewFixedClock(now), NoSync: true, NoAutoBackup: true})
		},
		// The demo leaves its file as it wrote it: compacting a large one
		// took more memory than making it.
		Compact: func(string) (int64, int64, error) {
			return 0, 0, errors.New("the demo compacted the file")
		},
		IsTerminal: func() bool { return false },
		Exists: func(path string) bool {
			fi, err := os.Stat(path)
			return err == nil && fi.Mode().IsRegular()
		},
	}
}

// TestDemoCommand runs "kontor demo" on a new file: what it prints, the
// bank files it saves beside the database, the users it makes signing in
// with their roles, and a second demo on the same file refused untouched.
func TestDemoCommand(t *testing.T) {
	now := time.Date(2026, time.November, 18, 10, 0, 0, 0, time.Local)
	dir := t.TempDir()
	path := filepath.Join(dir, "d.db")
	vars := map[string]string{}
	var out, errOut bytes.Buffer
	run := func(args ...string) int {
		out.Reset()
		errOut.Reset()
		return Run(context.Background(), args, demoCmdEnv(now, vars, &out, &errOut))
	}
	if code := run("demo", "--db", path); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, errOut.String())
	}
	stdout := out.String()
	for _, want := range []string{"Creating the demo company and its users", "Kavárna a pražírna Žlutý Čáp s.r.o.", "journal entries", "100 %",
		"Sales: 12 customers", "Payables: 10 suppliers", "Bank: last month's statement imported", "Year 2025 closed",
		"Reception: 300 more customers imported", "still in the building", "bank statement file: " + filepath.Join(dir, "kontor-demo-vypis-2026-10.gpc"),
		"password “kontor-demo”", "Květoslav Správný", "recepce", "reception", "sklad", "warehouse",
		"kontor check --user admin --db " + path, "kontor list invoices", "kontor import bank"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	for _, f := range []string{"kontor-demo-vypis-2026-10.gpc", "kontor-demo-vypis-2026-10.csv", "kontor-demo-vypis-2026-11.gpc", "kontor-demo-vypis-2026-11.csv"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
			t.Errorf("bank file %s: %v", f, err)
		}
	}

	// The demo's users sign in to the file it made, each with its role.
	vars[EnvUser], vars[EnvPassword] = "ucetni", demo.Password
	if code := run("check", "--db", path); code != ExitOK {
		t.Errorf("accountant check: exit %d: %s", code, errOut.String())
	}
	vars[EnvUser] = "recepce"
	if code := run("check", "--db", path); code != ExitFailure || !strings.Contains(errOut.String(), "user recepce may not do this") {
		t.Errorf("reception check: exit %d: %s", code, errOut.String())
	}
	vars[EnvUser] = demo.Admin
	if code := run("list", "invoices", "--status", "overdue", "--db", path); code != ExitOK || strings.Count(out.String(), "\n") < 3 {
		t.Errorf("overdue invoices: exit %d: %s%s", code, out.String(), errOut.String())
	}

	// A second demo on the same file is refused and writes nothing.
	st, err := data.Open(path, data.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	admin, err := st.Authenticate(context.Background(), demo.Admin, demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := st.JournalCount(app.WithUser(context.Background(), admin), app.JournalFilter{})
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if code := run("demo", "--db", path); code != ExitFailure {
		t.Errorf("second demo: exit %d", code)
	}
	if strings.Contains(out.String(), "Creating") || !strings.Contains(errOut.String(), "--db PATH") || !strings.Contains(errOut.String(), "already has a company") {
		t.Errorf("second demo: stdout %q stderr %q", out.String(), errOut.String())
	}
	st, err = data.Open(path, data.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	after, _ := st.JournalCount(app.WithUser(context.Background(), admin), app.JournalFilter{})
	if after != before || before < 8_000 {
		t.Errorf("journal %d lines before the second demo, %d after", before, after)
	}
}

// TestDemoCommandUsage refuses a scale or year out of range before opening anything.
func TestDemoCommandUsage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	for _, args := range [][]string{{"--scale", "0"}, {"--scale", "1001"}, {"--year", "1999"}} {
		var out, errOut bytes.Buffer
		code := Run(context.Background(), append([]string{"demo", "--db", path}, args...), demoCmdEnv(time.Now(), nil, &out, &errOut))
		if code != ExitUsage {
			t.Errorf("%v: exit %d: %s", args, code, errOut.String())
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a refused demo made the file: %v", err)
	}
}

// TestDemoOpensNewFileWithOpenNew: "kontor demo" makes a new file with
// Env.OpenNew (main's: no fsync per commit, synced once at the end) and
// opens a file that is there with Open, as every command does; the file it
// made opens and checks clean.
func TestDemoOpensNewFileWithOpenNew(t *testing.T) {
	now := time.Date(2026, time.November, 18, 10, 0, 0, 0, time.Local)
	path := filepath.Join(t.TempDir(), "d.db")
	vars := map[string]string{}
	var out, errOut bytes.Buffer
	var opened, openedNew []string
	env := func() Env {
		e := demoCmdEnv(now, vars, &out, &errOut)
		e.DemoSteps = nil // the company, its users and journal are enough here
		open := e.Open
		e.Open = func(p string) (Store, error) { opened = append(opened, p); return open(p) }
		e.OpenNew = func(p string) (Store, error) { openedNew = append(openedNew, p); return open(p) }
		return e
	}
	if code := Run(context.Background(), []string{"demo", "--db", path}, env()); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, errOut.String())
	}
	if len(openedNew) != 1 || openedNew[0] != path || len(opened) != 0 {
		t.Errorf("a new file: OpenNew %v, Open %v", openedNew, opened)
	}
	opened, openedNew = nil, nil
	if code := Run(context.Background(), []string{"demo", "--db", path}, env()); code == ExitOK {
		t.Error("a second demo on the same file succeeded")
	}
	if len(openedNew) != 0 || len(opened) != 1 {
		t.Errorf("a file that is there: OpenNew %v, Open %v", openedNew, opened)
	}
	vars[EnvUser], vars[EnvPassword] = demo.Admin, demo.Password
	if code := Run(context.Background(), []string{"check", "--db", path}, env()); code != ExitOK {
		t.Errorf("check of the demo's file: exit %d: %s", code, errOut.String())
	}
}
