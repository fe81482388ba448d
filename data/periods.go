package data

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// SetPeriodLock locks or unlocks a month. Posting into a locked month is refused.
func (s *Store) SetPeriodLock(ctx context.Context, m app.Month, locked bool) error {
	if m.Month < 1 || m.Month > 12 || m.Year < 1900 {
		return app.Invalid("period", "err.month.invalid", "“{{.value}}” is not a month (write 2026-11)", map[string]any{"value": m.Format()})
	}
	return s.updateAs(ctx, app.PermPeriodLock, "locking the period", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		if _, err := readCompany(tx); err != nil {
			return err
		}
		b, key := tx.Bucket(bLocks), []byte(m.Key())
		if locked {
			if err := b.Put(key, []byte{1}); err != nil {
				return err
			}
			if err := recordChange(tx, changeLock, key, []byte{1}); err != nil {
				return err
			}
			return a.logKey("lock", "period", m.Key(), "audit.period_locked", "locked {{.month}}", app.AuditArgs{"month": app.AText(m.Format())})
		}
		if b.Get(key) != nil {
			if err := b.Delete(key); err != nil {
				return err
			}
			if err := recordDelete(tx, changeLock, key); err != nil {
				return err
			}
		}
		return a.logKey("unlock", "period", m.Key(), "audit.period_unlocked", "unlocked {{.month}}", app.AuditArgs{"month": app.AText(m.Format())})
	})
}

// LockedPeriods lists the locked months, oldest first.
func (s *Store) LockedPeriods(ctx context.Context) ([]app.Month, error) {
	var out []app.Month
	err := s.viewAs(ctx, app.PermLedgerRead, "reading locked periods", func(tx *bolt.Tx, _ app.User) error {
		return tx.Bucket(bLocks).ForEach(func(k, _ []byte) error {
			m, err := app.ParseMonth(string(k[:4]) + "-" + string(k[4:]))
			if err != nil {
				return err
			}
			out = append(out, m)
			return nil
		})
	})
	return out, err
}
