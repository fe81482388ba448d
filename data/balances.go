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

// addTotals adds to the running totals (debit, credit, lines) kept under k
// in b: an account's month in balances, its day in day_balances.
func addTotals(b *bolt.Bucket, k []byte, debit, credit, lines int64) error {
	v := b.Get(k)
	return b.Put(k, i64s(readI64(v, 0)+debit, readI64(v, 1)+credit, readI64(v, 2)+lines))
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
