// Package datatest opens real stores for tests: a data.Open in the test's
// temporary directory with a fixed clock, its first admin signed in, a valid
// Czech company, users of any role, or a copy of the demo company built once
// per test binary. Tests of every layer run on it instead of fakes.
//
// It is imported only from _test.go files (the layout test enforces it).
// Call Main from the package's TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(datatest.Main(m)) }
package datatest

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"kontor/app"
	"kontor/data"
)

// Defaults of MustOpen.
const (
	AdminName     = "admin"
	AdminPassword = "heslo-1234"
	// UserPassword is the password of the users As creates.
	UserPassword = "heslo-1234"
)

// DefaultNow is the fixed "now" of a test store unless Clock says otherwise
// (and always the day the demo company is built up to).
var DefaultNow = time.Date(2026, time.November, 28, 9, 30, 0, 0, time.UTC)

// DB is a real store of one test, closed when the test ends.
type DB struct {
	*data.Store
	Path  string
	Clock *app.FixedClock
	// Admin is the first admin (the demo's admin in a copy of the demo), and
	// Password its password; both zero in an Empty store.
	Admin    app.User
	Password string
	// Ctx is signed in as Admin, as a front end's context is after sign-in
	// (context.Background() in an Empty store).
	Ctx context.Context

	mu    sync.Mutex
	users map[string]app.User // As's users by name
}

// Option changes what MustOpen makes.
type Option func(*config)

type config struct {
	empty, noCompany, demo, autoBackup bool
	admin, password                    string
	now                                time.Time
	company                            *app.Company
}

// Empty makes a store without users or company (first run, the demo,
// "user add" on a new file).
func Empty() Option { return func(c *config) { c.empty = true } }

// NoCompany makes a store with its first admin but no company yet.
func NoCompany() Option { return func(c *config) { c.noCompany = true } }

// Admin names the first admin and its password (default AdminName,
// AdminPassword).
func Admin(name, password string) Option {
	return func(c *config) { c.admin, c.password = name, password }
}

// Clock sets the store's fixed clock (default DefaultNow).
func Clock(t time.Time) Option { return func(c *config) { c.now = t } }

// Company creates c instead of TestCompany.
func Company(co app.Company) Option { return func(c *config) { c.company = &co } }

// Demo makes the store a copy of the demo company (built once per test
// binary up to DefaultNow; see SetDemoBuilder); Admin, Empty, NoCompany
// and Company do not apply to it. Clock still sets the copy's clock.
func Demo() Option { return func(c *config) { c.demo = true } }

// AutoBackup lets data.Open make its daily backup (off by default).
func AutoBackup() Option { return func(c *config) { c.autoBackup = true } }

// TestCompany is a valid Czech VAT payer with the Czech chart, the default
// VAT rates and document series.
func TestCompany() app.Company {
	c := app.Company{
		Name: "Truhlářství Novák s.r.o.", Street: "Nádražní 12", City: "Brno", Postcode: "602 00",
		ICO: "27082440", DIC: "CZ27082440", VATPayer: true, BankAccount: "19-2000145399/0800",
		Email: "info@truhlarstvi-novak.cz", Phone: "+420 541 000 111",
		Chart: app.ChartCzech, VATRates: app.DefaultVATRates(), Series: app.DefaultSeries(),
		BaseCurrency: "CZK", Country: "CZ", Branch: "HQ",
	}
	c.Normalize()
	return c
}

// MustOpen opens a real store in tb.TempDir() (NoSync, no daily backup,
// fixed clock) and closes it when the test ends. By default it has its
// first admin (signed in as db.Ctx) and TestCompany.
func MustOpen(tb testing.TB, opts ...Option) *DB {
	tb.Helper()
	cfg := config{admin: AdminName, password: AdminPassword, now: DefaultNow}
	for _, o := range opts {
		o(&cfg)
	}
	path := filepath.Join(tb.TempDir(), "kontor.db")
	var demoAdmin, demoPassword string
	if cfg.demo {
		src, admin, password, err := demoFile()
		if err != nil {
			tb.Fatalf("datatest: the demo company: %v", err)
		}
		if err := copyFile(src, path); err != nil {
			tb.Fatal(err)
		}
		demoAdmin, demoPassword = admin, password
	}
	db := &DB{Path: path, Clock: app.NewFixedClock(cfg.now), Ctx: context.Background()}
	s, err := data.Open(path, data.Options{Clock: db.Clock, NoSync: true, NoAutoBackup: !cfg.autoBackup})
	if err != nil {
		tb.Fatal(err)
	}
	db.Store = s
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("closing the test store: %v", err)
		}
	})
	switch {
	case cfg.demo:
		db.Admin, err = lookUp(s, demoAdmin)
		if err != nil {
			tb.Fatalf("datatest: the demo's admin %q: %v", demoAdmin, err)
		}
		db.Password = demoPassword
		db.Ctx = app.WithUser(context.Background(), db.Admin)
		return db
	case cfg.empty:
		return db
	}
	db.Admin, err = s.CreateFirstAdmin(context.Background(), app.NewUser{Name: cfg.admin, FullName: "Správce Testovací", Roles: []app.Role{app.RoleAdmin}, Password: cfg.password})
	if err != nil {
		tb.Fatalf("datatest: first admin: %v", err)
	}
	db.Password = cfg.password
	db.Ctx = app.WithUser(context.Background(), db.Admin)
	if cfg.noCompany {
		return db
	}
	co := TestCompany()
	if cfg.company != nil {
		co = *cfg.company
	}
	if _, err := s.CreateCompany(db.Ctx, co); err != nil {
		tb.Fatalf("datatest: company: %v", err)
	}
	return db
}

// lookUp returns the stored user name (with its roles) without signing in,
// so the audit trail gets no login entry.
func lookUp(s *data.Store, name string) (app.User, error) {
	users, err := s.Users(app.WithUser(context.Background(), app.User{Name: name}))
	if err != nil {
		return app.User{}, err
	}
	for _, u := range users {
		if u.Name == name {
			return u, nil
		}
	}
	return app.User{}, fmt.Errorf("no user %q", name)
}

// As returns a context signed in as a user with exactly roles (created by
// the admin the first time a test asks for these roles, named after them,
// password UserPassword), as a front end's context is after sign-in.
func (db *DB) As(tb testing.TB, roles ...app.Role) context.Context {
	tb.Helper()
	return app.WithUser(context.Background(), db.User(tb, roles...))
}

// User is the user As signs in: created once per set of roles.
func (db *DB) User(tb testing.TB, roles ...app.Role) app.User {
	tb.Helper()
	norm, err := app.NormalizeRoles(roles)
	if err != nil {
		tb.Fatalf("datatest: roles %v: %v", roles, err)
	}
	names := make([]string, len(norm))
	for i, r := range norm {
		names[i] = string(r)
	}
	sort.Strings(names)
	name := "test-" + strings.Join(names, "-")
	db.mu.Lock()
	defer db.mu.Unlock()
	if u, ok := db.users[name]; ok {
		return u
	}
	if db.Admin.Name == "" {
		tb.Fatal("datatest: As needs a store with an admin (not Empty)")
	}
	u, err := db.CreateUser(db.Ctx, app.NewUser{Name: name, FullName: "Test " + strings.Join(names, " "), Roles: norm, Password: UserPassword})
	if err != nil {
		tb.Fatalf("datatest: user %s: %v", name, err)
	}
	if db.users == nil {
		db.users = map[string]app.User{}
	}
	db.users[name] = u
	return u
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
