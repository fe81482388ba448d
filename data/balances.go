package data

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// balanceKey is code 0 YYYYMM: all months of an account sort together, in order.
func balanceKey(code string, m app.Month) []byte {
	return cat([]byte(code), sep, []byte(m.Key()))
}

// kTurnover in the meta bucket is the journal's turnover: the sum of all its
// debits (= of all its credits). Every running total — an account's month or
// day, an account's balance over any period, a report's column — is a part
// of it, so keeping it within int64 keeps every sum a report makes within
// int64 too. Files without it get it on the first posting.
var kTurnover = []byte("journal_turnover")

// addTotals adds to the running totals (debit, credit, lines) kept under k
// in b: an account's month in balances, its day in day_balances. A total
// that would overflow refuses the posting, naming what (app.AccountMonthLabel).
func addTotals(b *bolt.Bucket, k []byte, debit, credit, lines int64, what func() app.Label) error {
	v := b.Get(k)
	dr, ok1 := app.AddRunning(readI64(v, 0), debit)
	cr, ok2 := app.AddRunning(readI64(v, 1), credit)
	n, ok3 := app.AddRunning(readI64(v, 2), lines)
	if !ok1 || !ok2 || !ok3 {
		return app.ErrRunningOverflow(what())
	}
	return b.Put(k, i64s(dr, cr, n))
}

// addTurnover adds an entry's debits to the journal's turnover (kTurnover),
// refusing the entry when the turnover would overflow.
func (p *poster) addTurnover(debit int64) error {
	if !p.turnoverRead {
		t, err := journalTurnover(p.tx)
		if err != nil {
			return err
		}
		p.turnover, p.turnoverRead = t, true
	}
	t, ok := app.AddRunning(p.turnover, debit)
	if !ok {
		return app.ErrRunningOverflow(app.JournalTurnoverLabel())
	}
	if err := p.tx.Bucket(bMeta).Put(kTurnover, i64s(t)); err != nil {
		return err
	}
	p.turnover = t
	return nil
}

// journalTurnover reads the stored turnover, or adds it up from the monthly
// running balances of a file that has none yet.
func journalTurnover(tx *bolt.Tx) (int64, error) {
	if v := tx.Bucket(bMeta).Get(kTurnover); v != nil {
		return readI64(v, 0), nil
	}
	var sum int64
	err := tx.Bucket(bBalances).ForEach(func(_, v []byte) error {
		var ok bool
		if sum, ok = app.AddRunning(sum, readI64(v, 0)); !ok || readI64(v, 0) < 0 {
			return app.ErrRunningOverflowed(app.JournalTurnoverLabel())
		}
		return nil
	})
	return sum, err
}

// addMonthLines keeps the number of journal lines per month, so the journal
// list can skip whole months without reading them.
func addMonthLines(tx *bolt.Tx, m app.Month, lines int64) error {
	b := tx.Bucket(bMonthStat)
	k := []byte(m.Key())
	return b.Put(k, i64s(readI64(b.Get(k), 0)+lines))
}

// Balances returns every account's opening balance, debits, credits and line
// count for the months from..to, from the running balances alone: the cost
// grows with accounts × months of history, never with journal lines.
func (s *Store) Balances(ctx context.Context, from, to app.Month) ([]app.AccountBalance, error) {
	if to.Key() < from.Key() {
		return nil, app.Invalid("filter.to", "err.period.reversed", "the end of the period is before its start", nil)
	}
	var out []app.AccountBalance
	err := s.viewAs(ctx, app.PermLedgerRead, "reading balances", func(tx *bolt.Tx, _ app.User) (err error) {
		out, err = balancesIn(tx, from, to)
		return err
	})
	return out, err
}

// balancesIn reads every account's balances of the months from..to in tx.
func balancesIn(tx *bolt.Tx, from, to app.Month) ([]app.AccountBalance, error) {
	return balancesBetween(tx, from.First(), to.Last())
}
