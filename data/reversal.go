package data

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// ReverseEntry posts the reversal of a manual entry — the same lines with the
// sides swapped, numbered like any entry — on date (zero: the entry's date).
// The original stays in the journal; what may be reversed is
// app.ReversalEntry's to decide (once, not a reversal, not a document's
// entry); this reads the entry and whether it was reversed, posts and
// remembers the reversal.
func (s *Store) ReverseEntry(ctx context.Context, id string, date app.Date) (app.Entry, error) {
	if err := s.allowed(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	var out app.Entry
	err := s.updateAs(ctx, app.PermLedgerPost, "reversing the entry", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		orig, err := readEntry(tx, id)
		if err != nil {
			return err
		}
		reversals := tx.Bucket(bReversals)
		rev, err := app.ReversalEntry(orig, date, reversals.Get([]byte(orig.ID)) != nil)
		if err != nil {
			return err
		}
		p, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		if out, err = p.post(rev); err != nil {
			return err
		}
		if err := reversals.Put([]byte(orig.ID), []byte(out.ID)); err != nil {
			return err
		}
		if err := recordChange(tx, changeReversal, []byte(orig.ID), []byte(out.ID)); err != nil {
			return err
		}
		return a.logKey("reverse", "entry", orig.ID, "audit.reversed", "{{.number}} reversed by {{.by}}", app.AuditArgs{"number": app.AText(orig.Number), "by": app.AText(out.Number)})
	})
	return out, err
}
