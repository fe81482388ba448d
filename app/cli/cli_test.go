package cli

import (
	"context"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kontor/app"
	"kontor/app/mock"
	"kontor/data/datatest"
)

const defaultPath = "/home/jana/.config/Kontor/kontor.db"

func inUse() error {
	return &app.Error{Code: app.EINUSE, Key: "err.db.in_use", Msg: "the database {{.path}} is already open", Args: map[string]any{"path": "x.db"}}
}

func TestHelpEverywhere(t *testing.T) {
	te := newTestEnv(t)
	cases := [][]string{{"--help"}, {"-h"}, {"help"}}
	for _, c := range tree(allCommands()) {
		cases = append(cases, []string{c.name, "--help"}, []string{c.name, "-h"}, []string{"help", c.name})
		for _, sub := range c.subs {
			words := strings.Fields(sub.name)
			cases = append(cases, append(words, "--help"), append(words, "-h"), append([]string{"help"}, words...))
		}
	}
	for _, args := range cases {
		if code := te.run(args...); code != ExitOK {
			t.Errorf("%v: exit %d, stderr %q", args, code, te.err.String())
		}
		if !strings.Contains(te.out.String(), "Usage") || te.err.Len() != 0 {
			t.Errorf("%v: stdout %q stderr %q", args, te.out.String(), te.err.String())
		}
	}
	te.run("backup", "--help")
	if !strings.Contains(te.out.String(), "--out FILE") || !strings.Contains(te.out.String(), "--db PATH") {
		t.Errorf("backup help lacks its flags:\n%s", te.out.String())
	}
	if len(te.opened) != 0 || te.guiPath != "" {
		t.Error("help opened a database or the window")
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"--nope"},
		{"check", "--nope"},
		{"check", "extra"},
		{"demo", "--scale", "many"},
		{"demo", "--scale", "0"},
		{"demo", "--scale", "100000"},
		{"demo", "--year", "1999"},
		{"backup"},
		{"restore"},
		{"check", "--db"},
		{"help", "nope"},
		{"help", "check", "demo"},
		{"help", "user", "nope"},
		{"version", "now"},
		{"user"},
		{"user", "nope"},
		{"user", "add"},
		{"user", "add", "jana"},
		{"user", "add", "jana", "petr", "--role", "sales"},
		{"user", "list", "extra"},
		{"user", "roles", "jana"},
		{"user", "passwd"},
		{"user", "disable", "--user"},
		{"check", "--user", "x", "extra"},
	} {
		te := newTestEnv(t)
		if code := te.run(args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
		if !strings.Contains(te.err.String(), "Usage") || te.out.Len() != 0 {
			t.Errorf("%v: stdout %q stderr %q", args, te.out.String(), te.err.String())
		}
		if len(te.opened) != 0 {
			t.Errorf("%v opened %v", args, te.opened)
		}
	}
	te := newTestEnv(t)
	te.run("frobnicate")
	if !strings.Contains(te.err.String(), `unknown command "frobnicate"`) {
		t.Errorf("stderr %q", te.err.String())
	}
}

func TestInUse(t *testing.T) {
	for _, args := range [][]string{{"check"}, {"demo"}, {"backup", "--out", "b.db"}, {"compact"}, {"restore", "--from", "b.db"}, {"user", "list"}, {"user", "add", "jana", "--role", "admin"}} {
		db := datatest.MustOpen(t)
		te := newTestEnv(t, db)
		te.vars[EnvDB] = db.Path
		te.openErr, te.compactErr, te.restoreErr = inUse(), inUse(), inUse()
		if code := te.run(args...); code != ExitInUse {
			t.Errorf("%v: exit %d, want %d", args, code, ExitInUse)
		}
		if msg := te.err.String(); !strings.HasPrefix(msg, "kontor: ") || !strings.Contains(msg, "another Kontor window or process") {
			t.Errorf("%v: stderr %q", args, msg)
		}
	}
}

func TestFailureMessage(t *testing.T) {
	te := newTestEnv(t)
	notes := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notes, []byte("Dobrý den\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	te.openErr = &app.Error{Code: app.EINVALID, Key: "err.db.not_kontor", Msg: "{{.path}} is not a Kontor database", Args: map[string]any{"path": notes}}
	if code := te.run("check", "--db", notes); code != ExitFailure {
		t.Fatalf("exit %d", code)
	}
	if got := te.err.String(); got != "kontor: "+notes+" is not a Kontor database\n" {
		t.Errorf("stderr %q", got)
	}
	// A mistyped --db is refused before anything is opened (or created).
	missing := filepath.Join(t.TempDir(), "preklep.db")
	te.opened = nil
	if code := te.run("check", "--db", missing); code != ExitFailure || te.err.String() != "kontor: the file "+missing+" does not exist\n" || len(te.opened) != 0 || exists(missing) {
		t.Errorf("missing file: exit %d stderr %q opened %v", code, te.err.String(), te.opened)
	}
}

func TestDBPathPrecedence(t *testing.T) {
	flagDB, envDB, defaultDB := datatest.MustOpen(t), datatest.MustOpen(t), datatest.MustOpen(t)
	tests := []struct {
		name string
		args []string
		env  string
		want string
	}{
		{"flag beats env", []string{"--db", flagDB.Path}, envDB.Path, flagDB.Path},
		{"env beats default", nil, envDB.Path, envDB.Path},
		{"default", nil, "", defaultDB.Path},
		{"single dash", []string{"-db=" + flagDB.Path}, envDB.Path, flagDB.Path},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			te := newTestEnv(t, flagDB, envDB, defaultDB)
			te.DefaultDB = func() (string, error) { return defaultDB.Path, nil }
			if tt.env != "" {
				te.vars[EnvDB] = tt.env
			}
			if code := te.run(tt.args...); code != 7 || te.guiPath != tt.want {
				t.Errorf("GUI: exit %d path %q, want %q", code, te.guiPath, tt.want)
			}
			if code := te.run(append([]string{"check"}, tt.args...)...); code != ExitOK || te.opened[0] != tt.want {
				t.Errorf("check: exit %d opened %v, want %q: %s", code, te.opened, tt.want, te.err.String())
			}
			te.opened = nil
			// A --db before the command counts as the command's own.
			if code := te.run(append(tt.args, "check")...); code != ExitOK || te.opened[0] != tt.want {
				t.Errorf("--db check: exit %d opened %v, want %q", code, te.opened, tt.want)
			}
			if code := te.run("compact"); code != ExitOK || (tt.env != "" && te.compacted != tt.env) {
				t.Errorf("compact: exit %d path %q: %s", code, te.compacted, te.err.String())
			}
		})
	}
	te := newTestEnv(t)
	te.DefaultDB = func() (string, error) { return "", context.DeadlineExceeded }
	if code := te.run("check"); code != ExitFailure {
		t.Errorf("no default database: exit %d", code)
	}
}

func TestVersion(t *testing.T) {
	te := newTestEnv(t)
	for _, args := range [][]string{{"version"}, {"--version"}} {
		if code := te.run(args...); code != ExitOK || te.out.String() != "kontor 1.2.3\n" {
			t.Errorf("%v: exit %d stdout %q", args, code, te.out.String())
		}
	}
	te.Version = ""
	if te.run("version"); te.out.String() != "kontor dev\n" {
		t.Errorf("stdout %q", te.out.String())
	}
	te.Version, te.VersionDetails = "2.0.1", []string{"commit:          0123456789ab", "database schema: 7"}
	if te.run("version"); te.out.String() != "kontor 2.0.1\ncommit:          0123456789ab\ndatabase schema: 7\n" {
		t.Errorf("with details: stdout %q", te.out.String())
	}
}

func TestCheck(t *testing.T) {
	db := datatest.MustOpen(t)
	te := newTestEnv(t, db)
	if code := te.run("check", "--db", db.Path); code != ExitOK || !strings.Contains(te.out.String(), "OK: no problems found in "+db.Path) {
		t.Errorf("healthy: exit %d stdout %q stderr %q", code, te.out.String(), te.err.String())
	}
	if te.openNow[db.Path] != 0 {
		t.Error("check left the database open")
	}
	// A damaged file: the real store's own checks are tested in data; here
	// the store reports what a damaged one would.
	var problems []app.Problem
	var checkErr error
	te.services = func(svc *app.Services) {
		svc.Store = &mock.Store{CheckFn: func(ctx context.Context) ([]app.Problem, error) {
			if u, ok := app.UserFrom(ctx); !ok || u.Name != db.Admin.Name {
				t.Errorf("Check ran as %+v", u)
			}
			return problems, checkErr
		}}
	}
	problems = []app.Problem{
		{Key: "check.unbalanced", Msg: "journal entry {{.number}} is not balanced", Args: map[string]any{"number": "ID2026-00042"}},
		{Key: "check.gap", Msg: "invoice numbers skip from {{.a}} to {{.b}}", Args: map[string]any{"a": "FV2026-0007", "b": "FV2026-0009"}},
	}
	if code := te.run("check", "--db", db.Path); code != ExitDamaged {
		t.Errorf("problems: exit %d", code)
	}
	for _, want := range []string{"journal entry ID2026-00042 is not balanced", "invoice numbers skip from FV2026-0007 to FV2026-0009"} {
		if !strings.Contains(te.out.String(), want) {
			t.Errorf("stdout %q lacks %q", te.out.String(), want)
		}
	}
	if !strings.Contains(te.err.String(), "2 problems found") {
		t.Errorf("stderr %q", te.err.String())
	}
	problems, checkErr = nil, app.Internal("reading the file", context.Canceled)
	if code := te.run("check", "--db", db.Path); code != ExitFailure || !strings.Contains(te.err.String(), "kontor: internal error while reading the file") {
		t.Errorf("check error: exit %d stderr %q", code, te.err.String())
	}
}

func TestBackupRestoreCompact(t *testing.T) {
	db := datatest.MustOpen(t)
	te := newTestEnv(t, db)
	out := filepath.Join(t.TempDir(), "záloha.db")
	if code := te.run("backup", "--db", db.Path, "--out", out); code != ExitOK {
		t.Fatalf("backup: exit %d: %s", code, te.err.String())
	}
	if !strings.Contains(te.out.String(), out) || !exists(out) || !exists(out+".head") {
		t.Errorf("backup %s not written, stdout %q", out, te.out.String())
	}
	// The backup is a Kontor file the admin signs in to, with the company.
	if problems, err := db.CheckAgainst(db.Ctx, out); err != nil || len(problems) != 0 {
		t.Errorf("the backup does not prove the trail: %v %v", problems, err)
	}
	te.opened = nil
	if code := te.run("restore", "--db", db.Path, "--from", out); code != ExitOK {
		t.Fatalf("restore: exit %d: %s", code, te.err.String())
	}
	if te.restoreArgs != [2]string{out, db.Path} || !strings.Contains(te.out.String(), db.Path+".replaced-20261128") {
		t.Errorf("restore args %v, stdout %q", te.restoreArgs, te.out.String())
	}
	if len(te.opened) != 1 || te.restoredOpen {
		t.Errorf("restore signed in %d times, database open while replaced: %v", len(te.opened), te.restoredOpen)
	}
	if code := te.run("compact", "--db", db.Path); code != ExitOK {
		t.Fatalf("compact: exit %d: %s", code, te.err.String())
	}
	if te.compacted != db.Path || !strings.Contains(te.out.String(), "12.0 MiB") || !strings.Contains(te.out.String(), "8.0 MiB") || !strings.Contains(te.out.String(), "33% saved") {
		t.Errorf("compact %q, stdout %q", te.compacted, te.out.String())
	}
	te.restoreErr = app.Errorf(app.EINVALID, "err.db.not_kontor", "not a Kontor database", nil)
	if code := te.run("restore", "--db", db.Path, "--from", out); code != ExitFailure || !strings.Contains(te.err.String(), "not a Kontor database") {
		t.Errorf("bad restore: exit %d stderr %q", code, te.err.String())
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1023: "1,023 bytes", 1536: "1.5 KiB (1,536 bytes)", 5 << 30: "5.0 GiB (5,368,709,120 bytes)"} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestImports keeps the CLI off the store, the screens and Fyne: main injects them.
func TestImports(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			// x/term reads passwords without echo; it is the one outside
			// package, small and from the Go project.
			// kontor/assets holds the translations reports are written
			// with; x/text's Windows-1250 encoder writes the demo's ABO files;
			// kontor/app/atomicfile (standard library only) writes outputs
			// through temp files the next run sweeps; kontor/app/demo
			// (app only) makes the demo company.
			if path == "golang.org/x/term" || path == "kontor/assets" || path == "golang.org/x/text/encoding/charmap" || path == "kontor/app/atomicfile" || path == "kontor/app/demo" {
				continue
			}
			if path != "kontor/app" && strings.Contains(strings.Split(path, "/")[0], ".") || strings.HasPrefix(path, "kontor/") && path != "kontor/app" {
				t.Errorf("%s imports %s; the CLI may use only the standard library, kontor/app, kontor/app/atomicfile, kontor/assets, x/term and x/text's charmap", name, path)
			}
		}
	}
}
