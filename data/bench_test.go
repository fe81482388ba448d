package data

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// bigLines is the size of the journal the speed targets are stated for: a
// `kontor demo --scale 100` file has about a million lines.
const bigLines = 1_000_000

var (
	bigOnce sync.Once
	bigPath string
	bigErr  error
)

// bigDB builds (once per test binary) a database with a year of 4-line
// entries, bigLines lines in all, and returns its path.
func bigDB(b *testing.B) string {
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kontor-bench-")
		if err != nil {
			bigErr = err
			return
		}
		bigPath = filepath.Join(dir, "big.db")
		s, err := Open(bigPath, Options{Clock: app.NewFixedClock(testNow), NoSync: true, NoAutoBackup: true})
		if err != nil {
			bigErr = err
			return
		}
		defer s.Close()
		if _, err := s.CreateFirstAdmin(ctx, app.NewUser{Name: "admin", Password: testPassword}); err != nil {
			bigErr = err
			return
		}
		if _, err := s.CreateCompany(ctx, testCompany()); err != nil {
			bigErr = err
			return
		}
		start := time.Now()
		const batch = 5000
		entries := make([]app.Entry, 0, batch)
		for i := 0; i < bigLines/4; i++ {
			d := app.D(2025, time.Month(1+i%12), 1+(i/12)%28)
			entries = append(entries, fourLines(d))
			if len(entries) == batch {
				if bigErr = s.PostEntries(ctx, entries); bigErr != nil {
					return
				}
				entries = entries[:0]
			}
		}
		s.Close()
		// As `kontor demo` does: a generated file is compacted, so its free
		// list (which bbolt loads on every open) is empty.
		before, after, err := CompactFile(bigPath)
		b.Logf("built %d-line database in %v (%d MB, %d MB compacted)", bigLines, time.Since(start), before>>20, after>>20)
		bigErr = err
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigPath
}

// fourLines is a typical sales entry: receivable against goods, services and VAT.
func fourLines(d app.Date) app.Entry {
	return app.Entry{Date: d, Memo: "Prodej zboží a služeb", Lines: []app.Line{
		{Account: "311", Debit: 121000}, {Account: "604", Credit: 80000},
		{Account: "602", Credit: 20000}, {Account: "343", Credit: 21000, VAT: outVAT(100000)},
	}}
}

func BenchmarkOpen(b *testing.B) {
	empty := filepath.Join(b.TempDir(), "empty.db")
	s, err := Open(empty, Options{Clock: app.NewFixedClock(testNow)})
	if err != nil {
		b.Fatal(err)
	}
	_, _ = s.CreateFirstAdmin(ctx, app.NewUser{Name: "admin", Password: testPassword})
	_, _ = s.CreateCompany(ctx, testCompany())
	s.Close()
	for _, tc := range []struct{ name, path string }{{"empty", empty}, {"1M_lines", bigDB(b)}} {
		b.Run(tc.name, func(b *testing.B) {
			// The first open of the day makes the daily backup; time the ordinary opens.
			s, err := Open(tc.path, Options{})
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s, err := Open(tc.path, Options{})
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

func BenchmarkAccountBalances(b *testing.B) {
	s, err := Open(bigDB(b), Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	from, to := app.Month{Year: 2025, Month: 1}, app.Month{Year: 2025, Month: 12}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bals, err := s.Balances(ctx, from, to)
		if err != nil || len(bals) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkPostEntry posts one 4-line entry per transaction, synced to disk
// as in the office.
func BenchmarkPostEntry(b *testing.B) {
	s, _ := MustCompany(b)
	d := app.D(2026, 11, 2)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.PostEntry(ctx, fourLines(d)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPostEntryNoSync is BenchmarkPostEntry without fsync: the CPU a
// write costs (the change log's share shows here, not behind the disk).
func BenchmarkPostEntryNoSync(b *testing.B) {
	s, _ := MustCompany(b)
	s.db.NoSync = true
	d := app.D(2026, 11, 2)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.PostEntry(ctx, fourLines(d)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPostEntryChangeLog measures what the change log costs a write:
// BenchmarkPostEntryNoSync on a store with the log ("log") and on one whose
// log buckets were dropped, so recordChange and the flush do nothing
// ("nolog"), in one binary. Compare with benchstat; the target is ≤ 10 %.
func BenchmarkPostEntryChangeLog(b *testing.B) {
	for _, withLog := range []bool{true, false} {
		name := map[bool]string{true: "log", false: "nolog"}[withLog]
		b.Run(name, func(b *testing.B) {
			s, _ := MustCompany(b)
			s.db.NoSync = true
			if !withLog {
				if err := s.db.Update(func(tx *bolt.Tx) error {
					for _, n := range [][]byte{bChanges, bChangeHeads, bChangePending} {
						if err := tx.DeleteBucket(n); err != nil {
							return err
						}
					}
					return nil
				}); err != nil {
					b.Fatal(err)
				}
			}
			d := app.D(2026, 11, 2)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.PostEntry(ctx, fourLines(d)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkJournalPageDeep(b *testing.B) {
	s, err := Open(bigDB(b), Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	f := app.JournalFilter{Account: "343"}
	n, _ := s.JournalCount(ctx, f)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if rows, err := s.JournalPage(ctx, f, n-150, 100); err != nil || len(rows) != 100 {
			b.Fatal(len(rows), err)
		}
	}
}

// BenchmarkIssueInvoice issues a 20-line draft: number, posting, commit.
func BenchmarkIssueInvoice(b *testing.B) {
	s, c := salesStore(b)
	d := draftInvoice(c)
	for len(d.Lines) < 20 {
		d.Lines = append(d.Lines, d.Lines[len(d.Lines)%2])
	}
	ids := make([]string, b.N)
	for i := range ids {
		dr, err := s.SaveDraft(ctx, d)
		if err != nil {
			b.Fatal(err)
		}
		ids[i] = dr.ID
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Issue(ctx, ids[i]); err != nil {
			b.Fatal(err)
		}
	}
}
