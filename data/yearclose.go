package data

import (
	"context"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// yearKey is a year's key in the closings bucket ("2025").
func yearKey(year int) []byte { return []byte(fmt.Sprintf("%04d", year)) }

// lastClosed is the latest closed year (0: none).
func lastClosed(closings *bolt.Bucket) int {
	k, _ := closings.Cursor().Last()
	last, _ := strconv.Atoi(string(k))
	return last
}

// CloseYear posts year's closing entry (app.YearCloseEntry: the revenue and
// expense accounts' balances on 31 December into the result account), in one
// transaction with the record that the year is closed.
func (s *Store) CloseYear(ctx context.Context, year int) (app.Entry, error) {
	if err := s.allowed(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	if err := app.ValidYear(year); err != nil {
		return app.Entry{}, err
	}
	var out app.Entry
	err := s.updateAs(ctx, app.PermLedgerPost, "closing the year", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		closings := tx.Bucket(bYearClose)
		closed := closings.Get(yearKey(year)) != nil
		var bals []app.AccountBalance
		if !closed {
			// Method B's stock first: it changes the year's 504 (501).
			if _, err := periodicStockTx(tx, s.clock, year, false, a); err != nil { // warehouse_periodic.go
				return err
			}
			var err error
			if bals, err = balancesIn(tx, app.Month{Year: year, Month: 1}, app.Month{Year: year, Month: 12}); err != nil {
				return err
			}
		}
		p, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		e, err := app.YearCloseEntry(year, bals, p.company.Chart.Posting(), lastClosed(closings), closed)
		if err != nil {
			return err
		}
		if out, err = p.post(e); err != nil {
			return app.WithField(err, "year")
		}
		if err := closings.Put(yearKey(year), []byte(out.ID)); err != nil {
			return err
		}
		if err := recordChange(tx, changeYearClosing, yearKey(year), []byte(out.ID)); err != nil {
			return err
		}
		return a.logKey("close", "year", strconv.Itoa(year), "audit.year_closed", "{{.year}} closed by {{.number}}", app.AuditArgs{"year": app.AText(strconv.Itoa(year)), "number": app.AText(out.Number)})
	})
	if err != nil {
		return app.Entry{}, err
	}
	return out, nil
}

// ReopenYear posts the reversal of the last closed year's closing entry
// (app.YearReopenEntry) and forgets the closing, in one transaction.
func (s *Store) ReopenYear(ctx context.Context, year int) (app.Entry, error) {
	if err := s.allowed(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	if err := app.ValidYear(year); err != nil {
		return app.Entry{}, err
	}
	var out app.Entry
	err := s.updateAs(ctx, app.PermLedgerPost, "reopening the year", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		closings := tx.Bucket(bYearClose)
		var closing app.Entry
		if id := closings.Get(yearKey(year)); id != nil {
			var err error
			if closing, err = readEntry(tx, string(id)); err != nil {
				return err
			}
		}
		rev, err := app.YearReopenEntry(closing, year, lastClosed(closings))
		if err != nil {
			return err
		}
		p, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		if out, err = p.post(rev); err != nil {
			return app.WithField(err, "year")
		}
		if err := closings.Delete(yearKey(year)); err != nil {
			return err
		}
		if err := recordDelete(tx, changeYearClosing, yearKey(year)); err != nil {
			return err
		}
		return a.logKey("reopen", "year", strconv.Itoa(year), "audit.year_reopened", "{{.year}} reopened by {{.number}}", app.AuditArgs{"year": app.AText(strconv.Itoa(year)), "number": app.AText(out.Number)})
	})
	if err != nil {
		return app.Entry{}, err
	}
	return out, nil
}

// YearClosings lists the closing entries in force, oldest year first.
func (s *Store) YearClosings(ctx context.Context) ([]app.Entry, error) {
	var out []app.Entry
	err := s.viewAs(ctx, app.PermLedgerRead, "reading the year closings", func(tx *bolt.Tx, _ app.User) error {
		return tx.Bucket(bYearClose).ForEach(func(_, id []byte) error {
			e, err := readEntry(tx, string(id))
			if err != nil {
				return err
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}
