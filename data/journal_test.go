package data

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"kontor/app"
)

// TestJournalPagingMatchesBruteForce posts entries across many months and
// checks every count and page against a plain filter over all lines.
func TestJournalPagingMatchesBruteForce(t *testing.T) {
	s, _ := MustCompany(t)
	rng := rand.New(rand.NewPCG(1, 2))
	var all []app.JournalLine
	var batch []app.Entry
	for i := 0; i < 300; i++ {
		d := app.D(2025, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
		e := sale(d)
		if i%3 == 0 {
			e = app.Entry{Date: d, Memo: "Úhrada", Lines: []app.Line{{Account: "221", Debit: 5000}, {Account: "311", Credit: 5000}}}
		}
		batch = append(batch, e)
	}
	if err := s.PostEntries(ctx, batch); err != nil {
		t.Fatal(err)
	}
	// Brute force: every line of every entry, in date then posting order.
	full, err := s.JournalPage(ctx, app.JournalFilter{}, 0, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range batch {
		all = append(all, make([]app.JournalLine, len(e.Lines))...)
	}
	if len(full) != len(all) {
		t.Fatalf("full page %d lines, want %d", len(full), len(all))
	}
	for i := 1; i < len(full); i++ {
		if full[i].Date.Before(full[i-1].Date) {
			t.Fatalf("not in date order at %d", i)
		}
	}
	filters := []app.JournalFilter{
		{},
		{From: app.D(2025, 3, 10), To: app.D(2025, 7, 20)},
		{Account: "311"},
		{Account: "221", From: app.D(2025, 2, 15), To: app.D(2025, 2, 27)},
		{From: app.D(2025, 12, 31)},
		{To: app.D(2025, 1, 5), Account: "604"},
	}
	for _, f := range filters {
		var want []app.JournalLine
		for _, l := range full {
			if (f.From.IsZero() || !l.Date.Before(f.From)) && (f.To.IsZero() || !l.Date.After(f.To)) && (f.Account == "" || l.Line.Account == f.Account) {
				want = append(want, l)
			}
		}
		n, err := s.JournalCount(ctx, f)
		if err != nil || n != len(want) {
			t.Fatalf("%+v: count %d (%v), want %d", f, n, err, len(want))
		}
		for _, off := range []int{0, 1, 7, len(want) / 2, len(want) - 3, len(want)} {
			if off < 0 || off > len(want) {
				continue
			}
			page, err := s.JournalPage(ctx, f, off, 10)
			if err != nil {
				t.Fatal(err)
			}
			end := min(off+10, len(want))
			if len(page) != end-off {
				t.Fatalf("%+v offset %d: %d rows, want %d", f, off, len(page), end-off)
			}
			for i, l := range page {
				w := want[off+i]
				if l.EntryID != w.EntryID || !reflect.DeepEqual(l.Line, w.Line) {
					t.Fatalf("%+v offset %d row %d: %+v, want %+v", f, off, i, l, w)
				}
			}
		}
	}
	_, err = s.JournalCount(ctx, app.JournalFilter{From: app.D(2025, 5, 1), To: app.D(2025, 4, 1)})
	wantCode(t, err, app.EINVALID, "filter.to")
}
