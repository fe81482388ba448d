package data

import (
	"math/rand"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// TestBalancesBetween compares BalancesBetween with a brute-force sum over
// every journal line, for chosen and random day ranges: whole months, part
// months at either end, one day, one month, open ends.
func TestBalancesBetween(t *testing.T) {
	s, _ := MustCompany(t)
	rnd := rand.New(rand.NewSource(5))
	codes := []string{"211", "221", "311", "321", "343", "518", "604", "602", "132"}
	start := app.D(2025, 10, 1)
	var entries []app.Entry
	for i := 0; i < 800; i++ {
		d := start.AddDays(rnd.Intn(180)) // October 2025 to March 2026
		a, b := codes[rnd.Intn(len(codes))], codes[rnd.Intn(len(codes))]
		amt := int64(1 + rnd.Intn(100000))
		e := app.Entry{Date: d, Memo: "náhodný zápis", Lines: []app.Line{
			{Account: a, Debit: amt}, {Account: b, Credit: amt - 1}, {Account: "548", Credit: 1},
		}}
		for i := range e.Lines {
			if e.Lines[i].Account == "343" {
				e.Lines[i].VAT = app.SettlementTag()
			}
		}
		entries = append(entries, e)
	}
	if err := s.PostEntries(ctx, entries); err != nil {
		t.Fatal(err)
	}
	all, err := s.JournalPage(ctx, app.JournalFilter{}, 0, 1<<20)
	if err != nil || len(all) != 3*len(entries) {
		t.Fatalf("journal %d lines, %v", len(all), err)
	}
	brute := func(from, to app.Date) map[string]app.AccountBalance {
		out := map[string]app.AccountBalance{}
		for _, l := range all {
			b := out[l.Line.Account]
			switch {
			case !from.IsZero() && l.Date.Before(from):
				b.Opening += l.Line.Debit - l.Line.Credit
			case !to.IsZero() && l.Date.After(to):
			default:
				b.Debit += l.Line.Debit
				b.Credit += l.Line.Credit
				b.Lines++
			}
			out[l.Line.Account] = b
		}
		return out
	}
	check := func(t *testing.T, from, to app.Date) {
		t.Helper()
		got, err := s.BalancesBetween(ctx, from, to)
		if err != nil {
			t.Fatal(err)
		}
		want := brute(from, to)
		if len(got) < len(codes) {
			t.Fatalf("%d accounts", len(got))
		}
		var dr, cr int64
		for _, g := range got {
			w := want[g.Account.Code]
			if g.Opening != w.Opening || g.Debit != w.Debit || g.Credit != w.Credit || g.Lines != w.Lines {
				t.Errorf("%s – %s, account %s: got opening %d, %d/%d in %d lines; want %d, %d/%d in %d lines",
					from, to, g.Account.Code, g.Opening, g.Debit, g.Credit, g.Lines, w.Opening, w.Debit, w.Credit, w.Lines)
			}
			dr, cr = dr+g.Debit, cr+g.Credit
		}
		if dr != cr {
			t.Errorf("%s – %s: debits %d, credits %d", from, to, dr, cr)
		}
	}
	for _, tc := range []struct {
		name     string
		from, to app.Date
	}{
		{"everything", app.Date{}, app.Date{}},
		{"whole months", app.D(2025, 11, 1), app.D(2026, 1, 31)},
		{"part months at both ends", app.D(2025, 11, 17), app.D(2026, 2, 3)},
		{"part first month, open end", app.D(2025, 12, 30), app.Date{}},
		{"open start, part last month", app.Date{}, app.D(2026, 1, 2)},
		{"inside one month", app.D(2025, 12, 5), app.D(2025, 12, 20)},
		{"one day", app.D(2026, 2, 14), app.D(2026, 2, 14)},
		{"the first day of a month", app.D(2026, 3, 1), app.D(2026, 3, 1)},
		{"the last day of a month", app.D(2025, 10, 31), app.D(2025, 10, 31)},
		{"from the 2nd", app.D(2025, 10, 2), app.D(2025, 10, 31)},
		{"before the books", app.D(2024, 1, 1), app.D(2024, 12, 31)},
		{"after the books", app.D(2027, 1, 15), app.Date{}},
	} {
		t.Run(tc.name, func(t *testing.T) { check(t, tc.from, tc.to) })
	}
	t.Run("random ranges", func(t *testing.T) {
		for i := 0; i < 200; i++ {
			from := start.AddDays(rnd.Intn(200) - 10)
			to := from.AddDays(rnd.Intn(120))
			switch rnd.Intn(10) {
			case 0:
				from = app.Date{}
			case 1:
				to = app.Date{}
			}
			check(t, from, to)
		}
	})
	_, err = s.BalancesBetween(ctx, app.D(2026, 2, 1), app.D(2026, 1, 31))
	wantCode(t, err, app.EINVALID, "filter.to")
}

// BenchmarkBalancesBetween reads a trial balance of 15 March – 10 October on
// the million-line journal: ten whole months from the running balances, two
// part months from the journal.
func BenchmarkBalancesBetween(b *testing.B) {
	s, err := Open(bigDB(b), Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	from, to := app.D(2025, time.March, 15), app.D(2025, time.October, 10)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bals, err := s.BalancesBetween(ctx, from, to)
		if err != nil || len(bals) == 0 {
			b.Fatal(err)
		}
	}
}

// A schema 5 file has no daily balances: opening it builds them from the
// journal, and a day range is then exact.
func TestMigrationBuildsDayBalances(t *testing.T) {
	s, _ := MustCompany(t)
	for _, d := range []app.Date{app.D(2026, 1, 5), app.D(2026, 1, 20), app.D(2026, 2, 3)} {
		if _, err := s.PostEntry(ctx, sale(d)); err != nil {
			t.Fatal(err)
		}
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bDayBal); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(kSchema, u64(5))
	})
	if err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	s, err = Open(path, Options{NoAutoBackup: true, Clock: app.NewFixedClock(testNow)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bals, err := s.BalancesBetween(ctx, app.D(2026, 1, 10), app.D(2026, 2, 2))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if b.Account.Code == "311" && (b.Opening != 121000 || b.Debit != 121000 || b.Lines != 1) {
			t.Fatalf("311 after migration: %+v", b)
		}
	}
	mustCheckClean(t, s)
	// Check notices a daily total that disagrees with the journal.
	_ = s.db.Update(func(tx *bolt.Tx) error {
		return addTotals(tx.Bucket(bDayBal), dayBalanceKey("311", app.D(2026, 1, 5)), 1, 0, 0, func() app.Label { return app.Label{} })
	})
	probs, _ := s.Check(ctx)
	if len(probs) != 1 || probs[0].Key != "check.day_balance" {
		t.Fatalf("problems %+v", probs)
	}
}
