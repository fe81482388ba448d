package data

import (
	"bytes"
	"context"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// dayBalanceKey is code 0 YYYYMMDD: an account's days sort together, in
// order. The daily totals serve the days of a month a period covers only
// partly, so a report for any day range reads at most two months of daily
// totals per account and never the journal.
func dayBalanceKey(code string, d app.Date) []byte {
	return cat([]byte(code), sep, []byte(d.Key()))
}

// journalAmounts is the part of a stored entry the balances need, decoded
// without memos and IDs.
type journalAmounts struct {
	Date  app.Date `json:"date"`
	Lines []struct {
		Account string `json:"acct"`
		Debit   int64  `json:"dr"`
		Credit  int64  `json:"cr"`
	} `json:"lines"`
}

// buildDayBalances fills the daily totals from the journal (the migration
// to schema 6; files made since keep them as they post).
func buildDayBalances(tx *bolt.Tx) error {
	type tot struct{ dr, cr, n int64 }
	sums := map[string]*tot{}
	err := tx.Bucket(bJournal).ForEach(func(_, v []byte) error {
		var e journalAmounts
		if err := json.Unmarshal(v, &e); err != nil {
			return err
		}
		for _, l := range e.Lines {
			k := string(dayBalanceKey(l.Account, e.Date))
			t := sums[k]
			if t == nil {
				t = &tot{}
				sums[k] = t
			}
			t.dr, t.cr, t.n = t.dr+l.Debit, t.cr+l.Credit, t.n+1
		}
		return nil
	})
	if err != nil {
		return err
	}
	b := tx.Bucket(bDayBal)
	for k, t := range sums {
		if err := b.Put([]byte(k), i64s(t.dr, t.cr, t.n)); err != nil {
			return err
		}
	}
	return nil
}

// BalancesBetween returns every account's balance before from and its
// movement from from to to, both days inclusive. Whole months come from the
// monthly running balances, the days of a partly covered first or last
// month from the daily ones, so the cost grows with accounts × months of
// history, never with journal lines. A zero from starts at the beginning of
// the books, a zero to ends after the last posted day.
func (s *Store) BalancesBetween(ctx context.Context, from, to app.Date) ([]app.AccountBalance, error) {
	if err := app.ValidatePeriod(from, to); err != nil {
		return nil, err
	}
	var out []app.AccountBalance
	err := s.viewAs(ctx, app.PermLedgerRead, "reading balances", func(tx *bolt.Tx, _ app.User) (err error) {
		out, err = balancesBetween(tx, from, to)
		return err
	})
	return out, err
}

// balancesBetween reads every account's balances of the days from..to in
// tx, as BalancesBetween describes.
func balancesBetween(tx *bolt.Tx, from, to app.Date) ([]app.AccountBalance, error) {
	fromMonth, toMonth := []byte("000000"), []byte("999999")
	fromDay, toDay := []byte("00000000"), []byte("99999999")
	// Months read day by day: the first when it starts after its 1st, the
	// last when it ends before its last day.
	var edges [2][]byte
	if !from.IsZero() {
		fromMonth, fromDay = []byte(from.MonthOf().Key()), []byte(from.Key())
		if from.Day() != 1 {
			edges[0] = fromMonth
		}
	}
	if !to.IsZero() {
		toMonth, toDay = []byte(to.MonthOf().Key()), []byte(to.Key())
		if to != to.MonthOf().Last() {
			edges[1] = toMonth
		}
	}
	isEdge := func(month []byte) bool { return bytes.Equal(month, edges[0]) || bytes.Equal(month, edges[1]) }
	var out []app.AccountBalance
	months, days := tx.Bucket(bBalances).Cursor(), tx.Bucket(bDayBal).Cursor()
	err := tx.Bucket(bAccounts).ForEach(func(code, raw []byte) error {
		var ab app.AccountBalance
		if err := decode(raw, &ab.Account); err != nil {
			return err
		}
		prefix := cat(code, sep)
		var sum balanceSum
		for k, v := months.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = months.Next() {
			month := k[len(prefix):]
			switch {
			case bytes.Compare(month, fromMonth) < 0:
				sum.opening(&ab, v)
			case bytes.Compare(month, toMonth) > 0:
			case isEdge(month):
				addDays(&ab, &sum, days, cat(prefix, month), fromDay, toDay)
			default:
				sum.movement(&ab, v)
			}
		}
		if sum.bad {
			return app.ErrRunningOverflowed(app.AccountBalancesLabel(string(code)))
		}
		out = append(out, ab)
		return nil
	})
	return out, err
}

// balanceSum adds stored running totals into an AccountBalance, checking
// every addition: the poster keeps the journal's turnover within int64, so
// a sum that overflows here, or a stored total below zero (they add amounts
// that are never negative: one that wrapped), means a damaged file (bad
// turns true), never a report with wrapped numbers.
type balanceSum struct{ bad bool }

func (s *balanceSum) add(total *int64, v int64) {
	if !s.bad {
		var ok bool
		if *total, ok = app.AddRunning(*total, v); !ok {
			s.bad = true
		}
	}
}

// read returns a stored (debit, credit, lines), marking s bad when one is
// below zero.
func (s *balanceSum) read(v []byte) (dr, cr, n int64) {
	dr, cr, n = readI64(v, 0), readI64(v, 1), readI64(v, 2)
	if dr < 0 || cr < 0 || n < 0 {
		s.bad = true
		return 0, 0, 0
	}
	return dr, cr, n
}

// opening adds a stored (debit, credit, lines) to the opening balance.
func (s *balanceSum) opening(ab *app.AccountBalance, v []byte) {
	dr, cr, _ := s.read(v)
	s.add(&ab.Opening, dr)
	s.add(&ab.Opening, -cr)
}

// movement adds a stored (debit, credit, lines) to the period's movement.
func (s *balanceSum) movement(ab *app.AccountBalance, v []byte) {
	dr, cr, n := s.read(v)
	s.add(&ab.Debit, dr)
	s.add(&ab.Credit, cr)
	s.add(&ab.Lines, n)
}

// addDays adds one account's days of one month (monthPrefix: code 0 YYYYMM)
// to ab: those before fromDay to the opening balance, those up to toDay to
// the movement.
func addDays(ab *app.AccountBalance, sum *balanceSum, days *bolt.Cursor, monthPrefix, fromDay, toDay []byte) {
	p := len(monthPrefix) - 6
	for k, v := days.Seek(monthPrefix); k != nil && bytes.HasPrefix(k, monthPrefix); k, v = days.Next() {
		day := k[p:]
		switch {
		case bytes.Compare(day, fromDay) < 0:
			sum.opening(ab, v)
		case bytes.Compare(day, toDay) > 0:
			return
		default:
			sum.movement(ab, v)
		}
	}
}
