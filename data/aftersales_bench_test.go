package data

import (
	"fmt"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// seedTickets writes n tickets in one transaction the way SaveTicket
// stores them (putTicket: record, lists, deadline index), with deadlines
// spread over 100 days and every fifth one resolved.
func seedTickets(tb testing.TB, s *Store, n int) {
	tb.Helper()
	kinds := app.TicketKinds
	base := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)
	err := s.db.Update(func(tx *bolt.Tx) error {
		for i := range n {
			now := base.Add(time.Duration(i) * time.Minute)
			day := app.DateOf(now).AddDays(i % 100)
			t := app.Ticket{ID: app.NewID(now), Number: fmt.Sprintf("RK2026-%05d", i+1), Kind: kinds[i%len(kinds)], Channel: app.TicketByCounter,
				Priority: app.PriorityNormal, Status: app.TicketNew, CustomerID: fmt.Sprintf("c%03d", i%300), Customer: app.Party{Name: fmt.Sprintf("Zákazník %d", i%300)},
				Subject: fmt.Sprintf("Případ č. %d — nefunguje mlýnek", i), Complained: day, Deadline: day.AddDays(30), Filed: now, Created: now, Updated: now}
			if i%5 == 0 {
				t.Status = app.TicketResolved
			}
			if err := putTicket(tx, nil, t); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkTicketsFirstPage: the first page (50) of 10,000 tickets, every
// ticket and one status; target ≤ 20 ms.
func BenchmarkTicketsFirstPage(b *testing.B) {
	s, _ := MustCompany(b)
	seedTickets(b, s, 10000)
	for _, f := range []app.TicketFilter{{}, {Status: app.TicketNew}, {Status: app.TicketNew, Kind: app.TicketComplaint}} {
		b.Run(fmt.Sprintf("status=%s,kind=%s", f.Status, f.Kind), func(b *testing.B) {
			for b.Loop() {
				ts, n, err := s.Tickets(ctx, f, 0, 50)
				if err != nil || len(ts) != 50 || n < 1000 {
					b.Fatalf("%d of %d: %v", len(ts), n, err)
				}
			}
		})
	}
}

// BenchmarkTicketsDue: the overview (overdue, due this week) of 10,000
// tickets, read from the deadline index.
func BenchmarkTicketsDue(b *testing.B) {
	s, _ := MustCompany(b)
	seedTickets(b, s, 10000)
	today := app.D(2026, 10, 15)
	for b.Loop() {
		over, n, err := s.Tickets(ctx, app.TicketFilter{Overdue: true, Today: today}, 0, 50)
		if err != nil || n == 0 || len(over) == 0 {
			b.Fatalf("%d %v", n, err)
		}
		week, m, err := s.Tickets(ctx, app.TicketFilter{DueThisWeek: true, Today: today}, 0, 50)
		if err != nil || m == 0 || len(week) == 0 {
			b.Fatalf("%d %v", m, err)
		}
	}
}

// TestTicketsIndexChecked: the seeded lists pass Check; a deadline entry
// dropped behind the store's back is reported; the migration run again
// rebuilds it.
func TestTicketsIndexChecked(t *testing.T) {
	s, _ := MustCompany(t)
	seedTickets(t, s, 200)
	probs, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		if p.Key == "check.aftersales_index" || p.Key == "check.aftersales_index_extra" || p.Key == "check.aftersales_index_value" {
			t.Errorf("seeded: %s", p.Text(nil))
		}
	}
	_ = s.db.Update(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bTicketDue).Cursor().First()
		return tx.Bucket(bTicketDue).Delete(k)
	})
	probs, _ = s.Check(ctx)
	found := false
	for _, p := range probs {
		found = found || p.Key == "check.aftersales_index"
	}
	if !found {
		t.Fatalf("a missing deadline entry was not reported: %v", probs)
	}
	if err := s.db.Update(createAfterSales); err != nil {
		t.Fatal(err)
	}
	probs, _ = s.Check(ctx)
	for _, p := range probs {
		if p.Key == "check.aftersales_index" {
			t.Errorf("after the rebuild: %s", p.Text(nil))
		}
	}
}

// TestMigrateAfterSales: a file of schema 15 (before after-sales) gets its
// buckets and opens clean; the migration's second run changes nothing.
func TestMigrateAfterSales(t *testing.T) {
	s, clock := MustCompany(t)
	if err := s.db.Update(func(tx *bolt.Tx) error { return setSchema(tx, 15) }); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	s = reopen(t, s, clock)
	_ = s.db.View(func(tx *bolt.Tx) error {
		if v, _ := readSchema(tx, s.Path()); v != SchemaVersion() || v != 18 {
			t.Errorf("schema %d", v)
		}
		for _, b := range aftersalesBuckets {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing", b)
			}
		}
		return nil
	})
	mustCheckClean(t, s)
	if err := s.db.Update(createAfterSales); err != nil {
		t.Errorf("the migration again: %v", err)
	}
	mustCheckClean(t, s)
}
