package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"kontor/app"
	"kontor/app/demo"
	"kontor/app/pdf"
	"kontor/data/datatest"
)

// testEnv is an Env over real test stores (datatest), recording what the
// CLI asked of main. Env.Open hands out the open store of the DB whose
// file is at the path (closing the handle leaves the store open for the
// test to read); Compact, Restore, RunGUI and the terminal are recorders.
type testEnv struct {
	Env
	t        testing.TB
	out, err bytes.Buffer

	dbs         map[string]*datatest.DB // by path
	openNow     map[string]int          // handles not closed yet, by path
	vars        map[string]string
	opened      []string
	openErr     error
	compactErr  error
	restoreErr  error
	guiPath     string
	restoreArgs [2]string
	compacted   string
	// The test's terminal: whether stdin is one, the lines typed at the
	// password prompts in order, and the prompts shown.
	terminal bool
	typed    []string
	prompts  []string
	// restoredOpen records whether the replaced database was still open
	// when Restore ran.
	restoredOpen bool
	// files are what the demo saved next to the database, by path.
	files map[string][]byte
	// services, if set, changes the services a command gets (a mock in
	// place of a real one, for failures the real store cannot give).
	services func(*app.Services)
}

// newTestEnv is an Env over dbs (none for commands that open nothing),
// each found at its own path; commands sign in as the first one's admin
// through the environment, as a script would.
func newTestEnv(t testing.TB, dbs ...*datatest.DB) *testEnv {
	te := &testEnv{t: t, dbs: map[string]*datatest.DB{}, openNow: map[string]int{}, vars: map[string]string{}, files: map[string][]byte{}}
	for _, db := range dbs {
		te.dbs[db.Path] = db
	}
	if len(dbs) > 0 && dbs[0].Admin.Name != "" {
		te.as(dbs[0].Admin.Name, dbs[0].Password)
	}
	te.Env = Env{
		Commands:  allCommands(),
		DemoSteps: demo.All,
		Printer:   pdf.Printer{},
		Stdout:    &te.out,
		Stderr:    &te.err,
		Stdin:     strings.NewReader(""),
		Getenv:    func(k string) string { return te.vars[k] },
		Version:   "1.2.3",
		DefaultDB: func() (string, error) { return defaultPath, nil },
		Open: func(path string) (Store, error) {
			te.opened = append(te.opened, path)
			if te.openErr != nil {
				return nil, te.openErr
			}
			db := te.dbs[path]
			if db == nil {
				te.t.Errorf("the CLI opened %s, which the test did not give it", path)
				return nil, &app.Error{Code: app.ENOTFOUND, Key: "err.db.missing", Msg: "the file {{.path}} does not exist", Args: map[string]any{"path": path}}
			}
			te.openNow[path]++
			return &testStore{te: te, db: db}, nil
		},
		Compact: func(path string) (int64, int64, error) {
			te.compacted = path
			return 12 << 20, 8 << 20, te.compactErr
		},
		Restore: func(from, to, _ string) (string, error) {
			te.restoreArgs = [2]string{from, to}
			te.restoredOpen = te.openNow[to] > 0
			return to + ".replaced-20261128", te.restoreErr
		},
		RunGUI: func(path string) int { te.guiPath = path; return 7 },
		WriteFile: func(path string, data []byte) error {
			te.files[path] = append([]byte(nil), data...)
			return nil
		},
		Exists: func(path string) bool {
			fi, err := os.Stat(path)
			return err == nil && fi.Mode().IsRegular()
		},
		IsTerminal: func() bool { return te.terminal },
		ReadPassword: func(prompt string) (string, error) {
			te.prompts = append(te.prompts, prompt)
			if len(te.typed) == 0 {
				return "", app.Errorf(app.ECONFLICT, "err.cancelled", "cancelled", nil)
			}
			pw := te.typed[0]
			te.typed = te.typed[1:]
			return pw, nil
		},
	}
	return te
}

// allCommands are the commands as main composes them.
func allCommands() []Command {
	return slices.Concat(Core(), Reception(), Sales(), Accounts(), Payables(), Warehouse(), Payroll(), AfterSales())
}

// testStore is one Env.Open of a test DB: its store's services; Close ends
// the handle, not the store (datatest closes it when the test ends).
type testStore struct {
	te     *testEnv
	db     *datatest.DB
	once   sync.Once
	closed bool
}

func (s *testStore) Services() app.Services {
	if s.closed {
		s.te.t.Errorf("services of %s used after Close", s.db.Path)
	}
	svc := s.db.Services()
	if s.te.services != nil {
		s.te.services(&svc)
	}
	return svc
}

func (s *testStore) Close() error {
	err := errors.New("closed twice")
	s.once.Do(func() {
		s.closed = true
		s.te.openNow[s.db.Path]--
		err = nil
	})
	return err
}

// as makes the next commands sign in as name with pw through the environment.
func (te *testEnv) as(name, pw string) {
	te.vars[EnvUser], te.vars[EnvPassword] = name, pw
}

// run runs the command line with a background context and fails the whole
// package if its output shows a password hash.
func (te *testEnv) run(args ...string) int {
	te.out.Reset()
	te.err.Reset()
	te.prompts = nil
	code := Run(context.Background(), args, te.Env)
	if strings.Contains(te.out.String()+te.err.String(), "$argon2") {
		hashLeaks.Add(1)
	}
	return code
}

// demoEnv is an Env over a copy of the demo company, signed in as its
// admin through the environment, with $KONTOR_DB naming it.
func demoEnv(t *testing.T) (*testEnv, *datatest.DB) {
	t.Helper()
	db := datatest.MustOpen(t, datatest.Demo())
	te := newTestEnv(t, db)
	te.vars[EnvDB] = db.Path
	return te, db
}

// demoBankFile returns the demo's bank statement file name, whose name ends in suffix.
func demoBankFile(t *testing.T, suffix string) []byte {
	t.Helper()
	demoBankFiles.Lock()
	defer demoBankFiles.Unlock()
	for name, data := range demoBankFiles.m {
		if strings.HasSuffix(name, suffix) {
			return data
		}
	}
	t.Fatalf("the demo made no …%s; it made %d files", suffix, len(demoBankFiles.m))
	return nil
}
