package datatest

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"kontor/app"
	"kontor/data"
)

// The benchmark store: BenchInvoices issued invoices of BenchCustomers
// customers over two years up to DefaultNow, most of the older ones paid,
// made by the store's own code (ImportCustomers, IssueDrafts,
// RecordPayments) in large transactions, so every index is as a user's
// writes leave it.
const (
	BenchInvoices  = 20_000
	BenchCustomers = 5_000
	// BenchTerm is a search word the names of about one customer in
	// forty contain.
	BenchTerm = "dvořák"
)

// benchGenerator is the version of what Bench generates: raise it when the
// generator changes, so a cached file of the old generator is not used.
const benchGenerator = 2

var bench struct {
	once sync.Once
	path string
	err  error
}

// Bench returns a copy of the benchmark store, signed in as its admin
// (AdminName), closed when tb ends. The store is built once per machine and
// cached in the user's cache directory (kontor-bench, named after the
// schema and the generator's version); building it takes a few tens of
// seconds.
func Bench(tb testing.TB) *DB {
	tb.Helper()
	bench.once.Do(func() { bench.path, bench.err = benchFile() })
	if bench.err != nil {
		tb.Fatalf("datatest: the benchmark store: %v", bench.err)
	}
	path := filepath.Join(tb.TempDir(), "kontor.db")
	if err := copyFile(bench.path, path); err != nil {
		tb.Fatal(err)
	}
	db := &DB{Path: path, Clock: app.NewFixedClock(DefaultNow)}
	s, err := data.Open(path, data.Options{Clock: db.Clock, NoSync: true, NoAutoBackup: true})
	if err != nil {
		tb.Fatal(err)
	}
	db.Store = s
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Errorf("closing the benchmark store: %v", err)
		}
	})
	if db.Admin, err = lookUp(s, AdminName); err != nil {
		tb.Fatal(err)
	}
	db.Password = AdminPassword
	db.Ctx = app.WithUser(context.Background(), db.Admin)
	return db
}

// BenchPath is where the cached benchmark store of this schema and
// generator lives.
func BenchPath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "kontor-bench", fmt.Sprintf("bench-schema%d-gen%d.db", data.SchemaVersion(), benchGenerator)), nil
}

// benchFile returns the cached store, building it when it is missing: into
// a temporary file beside it, renamed into place when complete, so a
// build cut short leaves nothing a later run would take for the store.
func benchFile() (string, error) {
	path, err := BenchPath()
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	_ = os.Remove(tmp)
	if err := buildBench(tmp); err != nil {
		_ = os.Remove(tmp)
		return "", err
	}
	if _, _, err := data.CompactFile(tmp); err != nil {
		_ = os.Remove(tmp)
		return "", err
	}
	return path, os.Rename(tmp, path)
}

var (
	benchFirst = []string{"Jan", "Petr", "Eva", "Jana", "Tomáš", "Lucie", "Martin", "Kateřina", "Pavel", "Tereza"}
	benchLast  = []string{"Novák", "Svoboda", "Novotný", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec",
		"Marek", "Pospíšil", "Pokorný", "Hájek", "Král", "Jelínek", "Růžička", "Beneš", "Fiala", "Sedláček",
		"Doležal", "Zeman", "Kolář", "Navrátil", "Čermák", "Vaněk", "Urban", "Blažek", "Kříž", "Kovář",
		"Bartoš", "Vlček", "Polák", "Musil", "Kopecký", "Šimek", "Konečný", "Malý", "Holub", "Štěpánek"}
	benchTrades = []string{"Truhlářství", "Pekařství", "Autoservis", "Kavárna", "Zahradnictví", "Elektro", "Stavby", "Účetnictví"}
	benchCities = []string{"Praha", "Brno", "Ostrava", "Plzeň", "Olomouc", "Liberec", "Zlín", "Kolín"}
)

func buildBench(path string) error {
	now := DefaultNow
	s, err := data.Open(path, data.Options{Clock: app.NewFixedClock(now), NoSync: true, NoAutoBackup: true})
	if err != nil {
		return err
	}
	defer s.Close()
	admin, err := s.CreateFirstAdmin(context.Background(), app.NewUser{Name: AdminName, FullName: "Správce Testovací", Roles: []app.Role{app.RoleAdmin}, Password: AdminPassword})
	if err != nil {
		return err
	}
	ctx := app.WithUser(context.Background(), admin)
	if _, err := s.CreateCompany(ctx, TestCompany()); err != nil {
		return err
	}
	rnd := rand.New(rand.NewSource(1))
	rows := make([]app.ImportRow, BenchCustomers)
	for i := range rows {
		last := benchLast[i%len(benchLast)]
		name := fmt.Sprintf("%s %s %s", benchTrades[i%len(benchTrades)], benchFirst[(i/len(benchLast))%len(benchFirst)], last)
		if i%3 == 0 {
			name += " s.r.o."
		}
		rows[i] = app.ImportRow{Line: i + 2, Customer: app.Customer{Name: name, Street: fmt.Sprintf("Dlouhá %d", 1+i%200),
			City: benchCities[i%len(benchCities)], Postcode: "110 00", PaymentDays: 14}}
	}
	if res, err := s.ImportCustomers(ctx, rows, false); err != nil {
		return err
	} else if len(res.Rejected) > 0 {
		return fmt.Errorf("customer line %d: %v", res.Rejected[0].Line, res.Rejected[0].Err)
	}
	custs, err := s.Customers(ctx, "", 0)
	if err != nil {
		return err
	}
	sort.Slice(custs, func(i, j int) bool { return custs[i].ID < custs[j].ID })
	first, today := app.D(2025, 1, 2), app.DateOf(now)
	span := app.DaysBetween(first, today) // up to yesterday
	drafts := make([]app.SalesDoc, BenchInvoices)
	for i := range drafts {
		c := custs[rnd.Intn(len(custs))]
		day := first.AddDays(rnd.Intn(span))
		lines := []app.DocLine{{Text: "Práce dle objednávky", Quantity: app.Q(int64(1 + rnd.Intn(20))), Unit: "h", UnitPrice: int64(50000 + 100*rnd.Intn(500)), VATKind: app.VATStandard}}
		if rnd.Intn(2) == 0 {
			lines = append(lines, app.DocLine{Text: "Materiál", Quantity: app.Q(int64(1 + rnd.Intn(5))), Unit: "ks", UnitPrice: int64(10000 + 100*rnd.Intn(900)), VATKind: app.VATReduced, Goods: true})
		}
		drafts[i] = app.SalesDoc{Kind: app.KindInvoice, CustomerID: c.ID, IssueDate: day, TaxDate: day, DueDate: day.AddDays(14), Lines: lines}
	}
	// Issued in date order, so the numbers follow the dates as they do in
	// an office.
	sort.SliceStable(drafts, func(i, j int) bool { return drafts[i].IssueDate.Before(drafts[j].IssueDate) })
	var pays []app.Payment
	const batch = 1000
	for i := 0; i < len(drafts); i += batch {
		issued, err := s.IssueDrafts(ctx, drafts[i:min(i+batch, len(drafts))])
		if err != nil {
			return err
		}
		for _, d := range issued {
			age := app.DaysBetween(d.IssueDate, today)
			amount := d.Remaining()
			paid, part := 40, 50 // of a hundred recent invoices: paid, paid or part paid
			if age > 60 {
				paid, part = 85, 92
			}
			switch r := rnd.Intn(100); {
			case r < paid:
			case r < part:
				amount /= 3
			default:
				continue // open
			}
			day := d.IssueDate.AddDays(rnd.Intn(30))
			if day.After(today) {
				day = today
			}
			pays = append(pays, app.Payment{DocID: d.ID, Date: day, Amount: app.M(amount, d.Currency), Method: app.PayBank})
		}
	}
	for i := 0; i < len(pays); i += 2 * batch {
		if _, err := s.RecordPayments(ctx, pays[i:min(i+2*batch, len(pays))]); err != nil {
			return err
		}
	}
	return nil
}
