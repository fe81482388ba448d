package main

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data"
)

// The speed targets of the foundation are stated for the file `kontor demo
// --scale 100` makes (about a million journal lines); these benchmarks build
// exactly that file once, the way the command does, and measure on it.

// benchFile is a database built once for all the benchmarks that use it.
type benchFile struct {
	once sync.Once
	path string
	err  error
}

// get returns the file, building it with build on first use in a folder of
// its own (not b.TempDir, which goes when the first benchmark ends).
func (f *benchFile) get(b *testing.B, name string, build func(path string) error) string {
	f.once.Do(func() {
		dir, err := os.MkdirTemp("", "kontor-bench-")
		if err != nil {
			f.err = err
			return
		}
		f.path = filepath.Join(dir, name)
		f.err = build(f.path)
	})
	if f.err != nil {
		b.Fatal(f.err)
	}
	return f.path
}

var demoFile benchFile

func demoDB(b *testing.B, scale int) string {
	return demoFile.get(b, "demo.db", func(path string) error {
		s, err := data.Open(path, data.Options{NoAutoBackup: true})
		if err != nil {
			return err
		}
		start := time.Now()
		sum, err := demo.Run(context.Background(), s.Services(), demo.Options{Scale: scale}, demoSteps()...)
		s.Close()
		if err != nil {
			return err
		}
		_, size, err := data.CompactFile(path)
		b.Logf("demo --scale %d: %d entries, %d lines in %v, %d MB", scale, sum.Entries, sum.Lines, time.Since(start).Round(time.Millisecond), size>>20)
		return err
	})
}

// BenchmarkOpen compares opening an empty company file with the scale-100
// demo: opening must not scan records, so the two should be close.
func BenchmarkOpen(b *testing.B) {
	empty := filepath.Join(b.TempDir(), "empty.db")
	s, err := data.Open(empty, data.Options{})
	if err != nil {
		b.Fatal(err)
	}
	admin, err := s.CreateFirstAdmin(context.Background(), app.NewUser{Name: "admin", Password: "heslo-123"})
	if err != nil {
		b.Fatal(err)
	}
	c := app.Company{Name: "Prázdná s.r.o.", ICO: "27082440", Chart: app.ChartCzech}
	if _, err := s.CreateCompany(app.WithUser(context.Background(), admin), c); err != nil {
		b.Fatal(err)
	}
	s.Close()
	for _, tc := range []struct{ name, path string }{{"empty", empty}, {"scale100", demoDB(b, 100)}} {
		b.Run(tc.name, func(b *testing.B) {
			if s, err := data.Open(tc.path, data.Options{}); err == nil { // the day's first open backs up
				s.Close()
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				s, err := data.Open(tc.path, data.Options{})
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}

// BenchmarkAccountBalances reads every account's balances for the demo's year.
func BenchmarkAccountBalances(b *testing.B) {
	s, err := data.Open(demoDB(b, 100), data.Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := app.WithUser(context.Background(), app.User{Name: demo.Admin}) // the demo's administrator
	today := app.Today(app.SystemClock{})
	to := today.MonthOf()
	from := today.AddDays(-360).MonthOf()
	if n, err := s.JournalCount(ctx, app.JournalFilter{}); n < 900_000 {
		b.Fatalf("demo has %d lines (%v), want about a million", n, err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if bals, err := s.Balances(ctx, from, to); err != nil || len(bals) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkTrialBalance builds the trial balance of the demo's year at about a
// million journal lines: running balances plus app.TrialBalance, no scan.
func BenchmarkTrialBalance(b *testing.B) {
	s, err := data.Open(demoDB(b, 100), data.Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := app.WithUser(context.Background(), app.User{Name: demo.Admin})
	today := app.Today(app.SystemClock{})
	from, to := today.AddDays(-360).MonthOf(), today.MonthOf()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bals, err := s.Balances(ctx, from, to)
		if err != nil {
			b.Fatal(err)
		}
		if _, totals := app.TrialBalance(bals); totals.Debit != totals.Credit {
			b.Fatal("trial balance does not balance")
		}
	}
}
