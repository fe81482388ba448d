package cli

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kontor/app"
	"kontor/data/datatest"
)

// logins counts the audit trail's sign-ins of name: done ("login") and
// failed ("login.failed").
func logins(t *testing.T, db *datatest.DB, name string) (ok, failed int) {
	t.Helper()
	n := datatest.Actions(db.AuditTrail(t, db.Ctx, app.AuditFilter{User: name}))
	return n["login"], n["login.failed"]
}

func TestNoUsersYet(t *testing.T) {
	for _, args := range [][]string{
		{"check"},
		{"backup", "--out", filepath.Join(t.TempDir(), "b.db")},
		{"user", "list"},
		{"user", "passwd", "jana"},
		{"user", "disable", "jana"},
		{"user", "enable", "jana"},
		{"user", "roles", "jana", "sales"},
	} {
		db := datatest.MustOpen(t, datatest.Empty())
		te := newTestEnv(t, db)
		te.vars[EnvUser], te.vars[EnvPassword], te.vars[EnvNewPassword] = "spravce", "whatever1", "whatever2"
		code := te.run(append(args, "--db", db.Path)...)
		expectFail(t, te, code, db.Path+" has no users yet", "kontor user add NAME --role admin --db "+shellArg(db.Path))
		if has, err := db.HasUsers(context.Background()); err != nil || has {
			t.Errorf("%v wrote a user to a database without users", args)
		}
		if args[0] == "backup" && exists(args[2]) {
			t.Errorf("%v backed up a database without users", args)
		}
	}
}

func TestSignIn(t *testing.T) {
	db := datatest.MustOpen(t)
	db.AddUser(t, "eva", "Eva Žáková", "eva-heslo-12", app.RoleReception)
	db.AddUser(t, "jana", "Jana Nováková", "jana-heslo-1", app.RoleAccounts)
	te := newTestEnv(t, db)
	te.vars = map[string]string{EnvDB: db.Path}

	t.Run("no user", func(t *testing.T) {
		expectFail(t, te, te.run("check"), "add --user NAME or set KONTOR_USER")
		if trail := db.AuditTrail(t, db.Ctx, app.AuditFilter{}); datatest.Actions(trail)["login"]+datatest.Actions(trail)["login.failed"] != 0 {
			t.Error("signed in without a name")
		}
	})
	t.Run("no password anywhere", func(t *testing.T) {
		expectFail(t, te, te.run("check", "--user", "jana"), "no password for jana", EnvPassword)
	})
	t.Run("KONTOR_PASSWORD", func(t *testing.T) {
		te.vars[EnvPassword] = "jana-heslo-1"
		defer delete(te.vars, EnvPassword)
		if code := te.run("check", "--user", "jana"); code != ExitOK || len(te.prompts) != 0 {
			t.Errorf("exit %d prompts %q: %s", code, te.prompts, te.err.String())
		}
		te.vars[EnvUser] = "jana"
		defer delete(te.vars, EnvUser)
		if code := te.run("check"); code != ExitOK {
			t.Errorf("KONTOR_USER: exit %d: %s", code, te.err.String())
		}
		if ok, _ := logins(t, db, "jana"); ok != 2 {
			t.Errorf("jana signed in %d times, want 2", ok)
		}
		// --user beats KONTOR_USER.
		expectFail(t, te, te.run("check", "--user", "eva"), "wrong user name or password")
	})
	t.Run("typed on the terminal", func(t *testing.T) {
		te.terminal = true
		defer func() { te.terminal = false }()
		te.typed = []string{"jana-heslo-1"}
		if code := te.run("check", "--user", "Jana"); code != ExitOK {
			t.Fatalf("exit %d: %s", code, te.err.String())
		}
		if !slices.Equal(te.prompts, []string{"Password for Jana: "}) {
			t.Errorf("prompts %q", te.prompts)
		}
		te.typed = nil // Ctrl-C at the prompt
		if code := te.run("check", "--user", "jana"); code != ExitFailure || !strings.Contains(te.err.String(), "cancelled") {
			t.Errorf("cancelled prompt: exit %d stderr %q", code, te.err.String())
		}
	})
	t.Run("wrong password and unknown user read the same", func(t *testing.T) {
		te.vars[EnvPassword] = "špatné heslo"
		defer delete(te.vars, EnvPassword)
		_, before := logins(t, db, "jana")
		expectFail(t, te, te.run("check", "--user", "jana"), "kontor: wrong user name or password")
		wrong := te.err.String()
		expectFail(t, te, te.run("check", "--user", "nikdo"), "kontor: wrong user name or password")
		if te.err.String() != wrong {
			t.Errorf("unknown user %q vs wrong password %q", te.err.String(), wrong)
		}
		if _, failed := logins(t, db, "jana"); failed != before+1 {
			t.Errorf("the failure was not recorded: %d failed sign-ins, before %d", failed, before)
		}
	})
	t.Run("check and backup need accounts or admin", func(t *testing.T) {
		te.vars[EnvPassword] = "eva-heslo-12"
		defer delete(te.vars, EnvPassword)
		bak := filepath.Join(t.TempDir(), "b.db")
		expectFail(t, te, te.run("check", "--user", "eva"), "user eva may not do this (store.admin)")
		expectFail(t, te, te.run("backup", "--user", "eva", "--out", bak), "user eva may not do this")
		if exists(bak) {
			t.Error("a receptionist made a backup")
		}
		te.vars[EnvPassword] = "jana-heslo-1"
		if code := te.run("backup", "--user", "jana", "--out", bak); code != ExitOK || !exists(bak) {
			t.Errorf("accountant's backup: exit %d: %s", code, te.err.String())
		}
	})
}

func TestRestoreCompactNeedAdmin(t *testing.T) {
	db := datatest.MustOpen(t)
	db.AddUser(t, "jana", "", "jana-heslo-1", app.RoleAccounts)
	te := newTestEnv(t, db)
	bak := filepath.Join(t.TempDir(), "b.db")

	te.as("jana", "jana-heslo-1")
	expectFail(t, te, te.run("restore", "--db", db.Path, "--from", bak), "user jana may not do this", "needs an admin")
	expectFail(t, te, te.run("compact", "--db", db.Path), "user jana may not do this")
	if te.restoreArgs[0] != "" || te.compacted != "" {
		t.Fatal("a non-admin restored or compacted")
	}
	te.as(db.Admin.Name, "špatně")
	expectFail(t, te, te.run("compact", "--db", db.Path), "wrong user name or password")

	te.as(db.Admin.Name, db.Password)
	if code := te.run("restore", "--db", db.Path, "--from", bak); code != ExitOK || te.restoreArgs[1] != db.Path {
		t.Fatalf("admin restore: exit %d: %s", code, te.err.String())
	}
	if te.restoredOpen {
		t.Error("the database was still open when it was replaced")
	}
	if code := te.run("compact", "--db", db.Path); code != ExitOK || te.compacted != db.Path {
		t.Fatalf("admin compact: exit %d: %s", code, te.err.String())
	}

	// A file without users (new, or from before users) has nobody to ask.
	empty := datatest.MustOpen(t, datatest.Empty())
	te2 := newTestEnv(t, empty)
	if code := te2.run("restore", "--db", empty.Path, "--from", bak); code != ExitOK || len(te2.opened) != 1 {
		t.Errorf("restore over a file without users: exit %d opened %v: %s", code, te2.opened, te2.err.String())
	}
	if code := te2.run("compact", "--db", empty.Path); code != ExitOK {
		t.Errorf("compact a file without users: exit %d: %s", code, te2.err.String())
	}

	// A damaged file is what restoring is for; compacting it fails.
	te3 := newTestEnv(t)
	te3.openErr = &app.Error{Code: app.EINVALID, Key: "err.db.not_kontor", Msg: "{{.path}} is not a Kontor database", Args: map[string]any{"path": empty.Path}}
	if code := te3.run("restore", "--db", empty.Path, "--from", bak); code != ExitOK || !strings.Contains(te3.err.String(), "is not a Kontor database\nkontor: going on without signing in") {
		t.Errorf("restore over a damaged file: exit %d stderr %q", code, te3.err.String())
	}
	expectFail(t, te3, te3.run("compact", "--db", empty.Path), "is not a Kontor database")
	if te3.compacted != "" {
		t.Error("compacted a file it could not open")
	}
}

func TestParseInterleaved(t *testing.T) {
	for _, tt := range []struct {
		args []string
		pos  []string
		role string
	}{
		{[]string{"jana", "--role", "sales"}, []string{"jana"}, "sales"},
		{[]string{"--role", "sales", "jana"}, []string{"jana"}, "sales"},
		{[]string{"jana", "--role=admin", "extra"}, []string{"jana", "extra"}, "admin"},
		{[]string{"--role", "sales", "--", "--jana", "-x"}, []string{"--jana", "-x"}, "sales"},
		{nil, nil, ""},
	} {
		te := newTestEnv(t)
		r := &runner{env: te.Env}
		fs := r.flagSet("t")
		role := fs.String("role", "", "")
		pos, err := parseInterleaved(fs, tt.args)
		if err != nil || !slices.Equal(pos, tt.pos) || *role != tt.role {
			t.Errorf("%q: %q %q %v", tt.args, pos, *role, err)
		}
	}
}

func TestDefaultTerminal(t *testing.T) {
	// Without injected functions, a reader that is not a terminal is not one.
	r := &runner{ctx: context.Background(), env: Env{Stdin: strings.NewReader("x\n"), Stderr: os.Stderr}}
	if r.isTerminal() {
		t.Error("a strings.Reader is a terminal")
	}
	if _, err := r.readPassword("Password: "); app.ErrorCode(err) != app.EINTERNAL {
		t.Errorf("readPassword without a terminal: %v", err)
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pr.Close()
	defer pw.Close()
	r.env.Stdin = pr
	if r.isTerminal() {
		t.Error("a pipe is a terminal")
	}
}

func TestShellArg(t *testing.T) {
	for in, want := range map[string]string{"/a/b.db": "/a/b.db", `C:\Data\kontor.db`: `C:\Data\kontor.db`, "/my files/k.db": `"/my files/k.db"`, "": `""`} {
		if got := shellArg(in); got != want {
			t.Errorf("shellArg(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHelpListsUserCommands(t *testing.T) {
	te := newTestEnv(t)
	te.run("user", "--help")
	for _, sub := range []string{"user add NAME --role", "user list", "user passwd NAME", "user disable NAME", "user enable NAME", "user roles NAME"} {
		if !strings.Contains(te.out.String(), sub) {
			t.Errorf("user help lacks %q:\n%s", sub, te.out.String())
		}
	}
	te.run("help", "user", "add")
	for _, want := range []string{"--role ROLES", "--full-name NAME", "--user NAME", "KONTOR_PASSWORD", "reception, sales"} {
		if !strings.Contains(te.out.String(), want) {
			t.Errorf("user add help lacks %q:\n%s", want, te.out.String())
		}
	}
	te.run("help")
	for _, want := range []string{"user", "KONTOR_USER", "KONTOR_PASSWORD", "kontor user add NAME --role admin"} {
		if !strings.Contains(te.out.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, te.out.String())
		}
	}
}
