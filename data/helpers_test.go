package data

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kontor/app"
)

// ctx is signed in as the admin every test database gets from MustOpenDB.
var ctx = app.WithUser(context.Background(), app.User{Name: "admin"})

// testPassword is every test user's password.
const testPassword = "heslo-123"

func TestMain(m *testing.M) {
	app.PasswordCost.Time, app.PasswordCost.Memory = 1, 64 // tests need no brute-force resistance
	os.Exit(m.Run())
}

// testNow is the fixed "now" of store tests.
var testNow = time.Date(2026, time.November, 28, 9, 30, 0, 0, time.UTC)

// MustOpenDB opens a fresh database in a temp dir with a fixed clock and its
// first administrator, "admin".
func MustOpenDB(tb testing.TB) (*Store, *app.FixedClock) {
	tb.Helper()
	clock := app.NewFixedClock(testNow)
	s, err := Open(filepath.Join(tb.TempDir(), "kontor.db"), Options{Clock: clock})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if _, err := s.CreateFirstAdmin(context.Background(), app.NewUser{Name: "admin", FullName: "Správce", Password: testPassword}); err != nil {
		tb.Fatal(err)
	}
	return s, clock
}

// testCompany is a valid Czech VAT payer.
func testCompany() app.Company {
	return app.Company{
		Name: "Pražírna Žlutý kůň s.r.o.", Street: "Náměstí Míru 12", City: "Brno", Postcode: "602 00",
		ICO: "27082440", DIC: "CZ27082440", VATPayer: true,
		BankAccount: "19-2000145399/0800", Chart: app.ChartCzech, Branch: "HQ",
	}
}

// MustCompany opens a database with the test company created.
func MustCompany(tb testing.TB) (*Store, *app.FixedClock) {
	tb.Helper()
	s, clock := MustOpenDB(tb)
	if _, err := s.CreateCompany(ctx, testCompany()); err != nil {
		tb.Fatal(err)
	}
	return s, clock
}

// sale is a balanced 3-line entry: 1 210 Kč invoice with 21 % VAT.
func sale(d app.Date) app.Entry {
	return app.Entry{Date: d, Memo: "Faktura za kávu", Lines: []app.Line{
		{Account: "311", Debit: 121000},
		{Account: "604", Credit: 100000},
		{Account: "343", Credit: 21000, VAT: outVAT(100000)},
	}}
}

// outVAT tags a line of 343 as domestic output VAT at 21 % of base.
func outVAT(base int64) *app.VATTag {
	return &app.VATTag{Side: app.VATOut, Regime: app.RegimeDomestic, Kind: app.VATStandard, Rate: app.RatePercent(21), Base: base}
}

func wantCode(tb testing.TB, err error, code, field string) {
	tb.Helper()
	if app.ErrorCode(err) != code {
		tb.Fatalf("error %v: code %q, want %q", err, app.ErrorCode(err), code)
	}
	if field != "" {
		e, _ := err.(*app.Error)
		if e == nil || e.Field != field {
			tb.Fatalf("error %v: want field %q", err, field)
		}
	}
}

func mustCheckClean(tb testing.TB, s *Store) {
	tb.Helper()
	probs, err := s.Check(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range probs {
		tb.Errorf("check: %s", p.Text(nil))
	}
}
