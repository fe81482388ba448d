package data

import (
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// TestMigrationBuildsDocLists: a file of schema 12 (no lists of documents)
// gets them on open, the same as those kept while writing, and check is
// clean; DocRows reads them.
func TestMigrationBuildsDocLists(t *testing.T) {
	s := randomSales(t, 3, 40)
	clock := s.clock.(*app.FixedClock)
	lists := bucketsOf(t, s, docIndexes...)
	if n := len(lists[string(bDocRowIdx)]); n < 40 {
		t.Fatalf("%d rows", n)
	}
	want, wantN, err := s.DocRows(ctx, app.DocFilter{}, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error { return setSchema(tx, 12) }); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	s = reopen(t, s, clock)
	if got := bucketsOf(t, s, docIndexes...); !equalBuckets(got, lists) {
		t.Errorf("lists after 12 → 13 differ from those kept while writing")
	}
	mustCheckClean(t, s)
	got, n, err := s.DocRows(ctx, app.DocFilter{}, 0, 0)
	if err != nil || n != wantN || !reflect.DeepEqual(got, want) {
		t.Fatalf("after the migration %d rows (%v), before %d", n, err, wantN)
	}
	if last, _ := s.AuditPage(ctx, app.AuditFilter{}, 0, 1); len(last) != 1 || !strings.Contains(last[0].Text, "from schema 12 to "+itoa(SchemaVersion())) {
		t.Errorf("the upgrade's audit entry: %+v", last)
	}
}

// TestCheckFindsBrokenDocLists: a row missing, a row that says something
// else than its document, and a key left over are each reported, naming
// the document and the list.
func TestCheckFindsBrokenDocLists(t *testing.T) {
	s := randomSales(t, 4, 12)
	rows, _, err := s.DocRows(ctx, app.DocFilter{}, 0, 0)
	if err != nil || len(rows) < 3 {
		t.Fatal(len(rows), err)
	}
	a, b := rows[0], rows[1]
	for _, c := range []struct {
		name   string
		break_ func(tx *bolt.Tx) error
		want   string
	}{
		{"missing", func(tx *bolt.Tx) error { return tx.Bucket(bDocDates).Delete(docDateKey(&a)) },
			"sales document " + a.ID + " is missing from doc_dates"},
		{"wrong", func(tx *bolt.Tx) error {
			r := b
			r.Paid += 100
			dk := docDateKey(&r)
			return tx.Bucket(bDocDates).Put(dk, docHead(&r))
		}, "sales document " + b.ID + " is listed wrongly in doc_dates"},
		{"extra", func(tx *bolt.Tx) error { return tx.Bucket(bDocOpen).Put([]byte("20260101X\x00no-such-id"), nil) },
			"doc_open lists sales documents that do not exist or have changed (1)"},
		{"row", func(tx *bolt.Tx) error {
			r := a
			r.Customer = "Someone else"
			v, err := docRowValue(docDateKey(&r), &r)
			if err != nil {
				return err
			}
			return tx.Bucket(bDocRowIdx).Put([]byte(r.ID), v)
		}, "sales document " + a.ID + " is listed wrongly in doc_rows"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s2, _ := copyStore(t, s)
			if err := s2.db.Update(c.break_); err != nil {
				t.Fatal(err)
			}
			if got := checkTexts(t, s2); got != c.want {
				t.Errorf("check said %q, want %q", got, c.want)
			}
		})
	}
}

// copyStore opens a copy of s's file.
func copyStore(t *testing.T, s *Store) (*Store, string) {
	t.Helper()
	path := t.TempDir() + "/copy.db"
	if err := s.db.View(func(tx *bolt.Tx) error { return tx.CopyFile(path, 0o600) }); err != nil {
		t.Fatal(err)
	}
	c, err := Open(path, Options{NoAutoBackup: true, Clock: s.clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c, path
}

// TestAgingReadsAsTheServicesDid: the store's one-transaction agings give
// what app's paged way gives through the services, as of every month end
// and today.
func TestAgingReadsAsTheServicesDid(t *testing.T) {
	s := randomSales(t, 5, 120)
	today := app.Today(s.clock)
	for m := (app.Month{Year: 2026, Month: 1}); !m.First().After(today); m = m.Next() {
		asOf := m.Last()
		if asOf.After(today) {
			asOf = today
		}
		got, err := app.ReceivablesAsOf(ctx, s, asOf, today)
		if err != nil {
			t.Fatal(err)
		}
		want, err := app.ReceivablesAsOf(ctx, PagedSales{s}, asOf, today)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := app.AgeReceivables(got, asOf), app.AgeReceivables(want, asOf); !reflect.DeepEqual(g, w) {
			t.Errorf("aging as of %s:\n got %+v\nwant %+v", asOf, g, w)
		}
		type fig struct {
			id                                string
			rem, base, paid, credited, pb, cb int64
		}
		figs := func(ds []app.SalesDoc) map[string]fig {
			out := map[string]fig{}
			for _, d := range ds {
				if d.Kind == app.KindInvoice || d.OriginalID == "" {
					out[d.ID] = fig{d.ID, d.Remaining(), d.BaseRemaining(), d.Paid, d.Credited, d.PaidBase, d.CreditedBase}
				}
			}
			return out
		}
		if asOf.Before(today) && !reflect.DeepEqual(figs(got), figs(want)) {
			t.Errorf("documents as of %s differ:\n got %v\nwant %v", asOf, figs(got), figs(want))
		}
	}
}

// TestPayablesAgingReadsAsTheServicesDid: the same for the payables.
func TestPayablesAgingReadsAsTheServicesDid(t *testing.T) {
	s, sup := payablesStore(t)
	for i, day := range []app.Date{app.D(2026, 8, 3), app.D(2026, 9, 10), app.D(2026, 10, 20), app.D(2026, 11, 5)} {
		p := mustPurchase(t, s, purchase(sup.ID, "FP-"+itoa(i), day))
		if i%2 == 0 {
			if _, err := s.PaySupplier(ctx, app.Payment{DocID: p.ID, Date: day.AddDays(20), Amount: app.M(p.Total, p.Currency), Method: app.PayBank}); err != nil {
				t.Fatal(err)
			}
		}
	}
	today := app.Today(s.clock)
	for _, asOf := range []app.Date{app.D(2026, 8, 31), app.D(2026, 9, 30), app.D(2026, 10, 31), today} {
		got, err := app.PayablesAsOf(ctx, s, asOf, today)
		if err != nil {
			t.Fatal(err)
		}
		want, err := app.PayablesAsOf(ctx, PagedPayables{s}, asOf, today)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("as of %s:\n got %+v\nwant %+v", asOf, got, want)
		}
		if len(got) == 0 && asOf != app.D(2026, 8, 31) {
			t.Errorf("as of %s nothing open", asOf)
		}
	}
}
