package data

import (
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// huge is an entry Dr 311 / Cr 604 of 4·10^18 haléřů: two fit in int64, a
// third does not.
func huge(d app.Date) app.Entry {
	const v = 4_000_000_000_000_000_000
	return app.Entry{Date: d, Memo: "Překlep v částce", Lines: []app.Line{{Account: "311", Debit: v}, {Account: "604", Credit: v}}}
}

// TestPostingRefusesOverflow: a posting that would carry a running total
// past int64 is refused with an app.Error and writes nothing — before the
// fix the month's debits of 311 wrapped to a negative number, which every
// report showed.
func TestPostingRefusesOverflow(t *testing.T) {
	s, _ := MustCompany(t)
	for _, d := range []app.Date{app.D(2026, 3, 10), app.D(2026, 3, 11)} {
		if _, err := s.PostEntry(ctx, huge(d)); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := s.Balances(ctx, app.Month{Year: 2026, Month: 3}, app.Month{Year: 2026, Month: 3})
	lines, _ := s.JournalCount(ctx, app.JournalFilter{})
	for name, post := range map[string]func() error{
		"same month": func() error { _, err := s.PostEntry(ctx, huge(app.D(2026, 3, 12))); return err },
		"next month": func() error { _, err := s.PostEntry(ctx, huge(app.D(2026, 4, 1))); return err },
		"in a batch": func() error { return s.PostEntries(ctx, []app.Entry{sale(app.D(2026, 4, 2)), huge(app.D(2026, 4, 3))}) },
	} {
		err := post()
		e, ok := err.(*app.Error)
		if !ok || e.Code != app.EINVALID || !(e.Key == "err.balance.overflow" || e.Key == "err.entry.at") {
			t.Fatalf("%s: err = %v, want the overflow refused", name, err)
		}
	}
	after, _ := s.Balances(ctx, app.Month{Year: 2026, Month: 3}, app.Month{Year: 2026, Month: 3})
	if n, _ := s.JournalCount(ctx, app.JournalFilter{}); n != lines || len(after) != len(before) {
		t.Fatalf("journal lines %d → %d", lines, n)
	}
	for i := range after {
		if after[i] != before[i] {
			t.Errorf("balance changed: %+v → %+v", before[i], after[i])
		}
	}
	mustCheckClean(t, s)

	// The month's own total is checked too, whatever the turnover says.
	_ = s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(kTurnover, i64s(0)) })
	_, err := s.PostEntry(ctx, huge(app.D(2026, 3, 12)))
	if e, ok := err.(*app.Error); !ok || e.Key != "err.balance.overflow" || e.Args["what"].(app.Label).Key != "balance.account_period" {
		t.Fatalf("month overflow: %v", err)
	}
}

// TestCheckReportsOverflow: a file whose running totals overflowed (as the
// poster wrote them before it checked) is reported by check, and reports
// over it are refused instead of showing wrapped numbers.
func TestCheckReportsOverflow(t *testing.T) {
	s, _ := MustCompany(t)
	mar := app.D(2026, 3, 10)
	for range 2 {
		if _, err := s.PostEntry(ctx, huge(mar)); err != nil {
			t.Fatal(err)
		}
	}
	mustCheckClean(t, s)
	// What the old poster did with a third: the totals wrapped.
	err := s.db.Update(func(tx *bolt.Tx) error {
		var zero = i64s(0, 0, 0)
		for _, k := range [][]byte{balanceKey("311", mar.MonthOf()), balanceKey("604", mar.MonthOf()), dayBalanceKey("311", mar), dayBalanceKey("604", mar)} {
			if err := tx.Bucket(bBalances).Put(k, zero); err != nil {
				return err
			}
			if err := tx.Bucket(bDayBal).Put(k, zero); err != nil {
				return err
			}
		}
		_ = tx.Bucket(bMeta).Delete(kTurnover)
		p, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		if _, err := p.post(huge(mar)); err != nil {
			return err
		}
		v := int64(4_000_000_000_000_000_000)
		wrapped := v + v
		wrapped += v // wraps, as the old addition did
		for _, b := range []*bolt.Bucket{tx.Bucket(bBalances), tx.Bucket(bDayBal)} {
			key := balanceKey
			if b == tx.Bucket(bDayBal) {
				key = func(code string, _ app.Month) []byte { return dayBalanceKey(code, mar) }
			}
			if err := b.Put(key("311", mar.MonthOf()), i64s(wrapped, 0, 3)); err != nil {
				return err
			}
			if err := b.Put(key("604", mar.MonthOf()), i64s(0, wrapped, 3)); err != nil {
				return err
			}
		}
		return tx.Bucket(bMeta).Put(kTurnover, i64s(wrapped))
	})
	if err != nil {
		t.Fatal(err)
	}
	probs, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, overflows := map[string]int{}, 0
	for _, p := range probs {
		got[p.Key]++
		if strings.HasSuffix(p.Key, "_overflow") {
			overflows++
		}
	}
	want := map[string]int{"check.turnover_overflow": 1, "check.balance_overflow": 2, "check.day_balance_overflow": 2, "check.account_overflow": 2}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %d problems, want %d (all: %+v)", k, got[k], n, probs)
		}
	}
	// The entry this test posts behind the store's back has no audit entry,
	// which the proofs report too, and is missing from the change log (its
	// change still pending); every other finding must be an overflow.
	if overflows != 7 || len(probs)-overflows != got["check.proof_no_audit"]+got["check.change_pending"]+got["check.change_missing"] {
		t.Errorf("%d problems, want only the overflows: %+v", len(probs), probs)
	}
	if _, err := s.Balances(ctx, app.Month{Year: 2026, Month: 1}, app.Month{Year: 2026, Month: 12}); app.ErrorCode(err) != app.EINTERNAL {
		t.Errorf("balances over overflowed totals: %v", err)
	}
	// A stored turnover that is not the journal's debits is reported too.
	s2, _ := MustCompany(t)
	if _, err := s2.PostEntry(ctx, sale(mar)); err != nil {
		t.Fatal(err)
	}
	_ = s2.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(kTurnover, i64s(5)) })
	if probs, _ := s2.Check(ctx); len(probs) != 1 || probs[0].Key != "check.turnover" {
		t.Errorf("a wrong turnover: %+v", probs)
	}
}
