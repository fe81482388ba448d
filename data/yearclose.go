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

func validYear(year int) error {
	if year < 1900 || year > 9999 {
		return app.Invalid("year", "err.year.invalid", "{{.year}} is not a year Kontor can close", map[string]any{"year": year})
	}
	return nil
}

// CloseYear posts year's closing entry: the revenue and expense accounts'
// balances on 31 December (app.YearClosingLines) into the result account,
// in one transaction with the record that the year is closed.
func (s *Store) CloseYear(ctx context.Context, year int) (app.Entry, error) {
	if err := s.allowed(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	if err := validYear(year); err != nil {
		return app.Entry{}, err
	}
	var out app.Entry
	err := s.updateAs(ctx, app.PermLedgerPost, "closing the year", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		closings := tx.Bucket(bYearClose)
		if closings.Get(yearKey(year)) != nil {
			return app.Errorf(app.ECONFLICT, "err.year.closed", "{{.year}} is closed already", map[string]any{"year": year})
		}
		if k, _ := closings.Cursor().Last(); k != nil {
			if last, _ := strconv.Atoi(string(k)); last > year {
				return app.Errorf(app.ECONFLICT, "err.year.later_closed", "{{.later}} is closed already; reopen it before closing {{.year}}", map[string]any{"year": year, "later": last})
			}
		}
		bals, err := balancesIn(tx, app.Month{Year: year, Month: 1}, app.Month{Year: year, Month: 12})
		if err != nil {
			return err
		}
		p, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		lines := app.YearClosingLines(bals, p.company.Chart.Posting())
		if len(lines) == 0 {
			return app.Invalid("year", "err.year.nothing", "{{.year}} has no revenue or expense to close", map[string]any{"year": year})
		}
		e := app.Entry{Date: app.D(year, 12, 31), Memo: fmt.Sprintf("Roční uzávěrka %d", year), Source: app.YearCloseSource(year), Lines: lines}
		if err := e.Validate(); err != nil {
			return app.Internal("building the closing entry", err)
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

// ReopenYear posts the reversal of the last closed year's closing entry and
// forgets the closing, in one transaction.
func (s *Store) ReopenYear(ctx context.Context, year int) (app.Entry, error) {
	if err := s.allowed(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	if err := validYear(year); err != nil {
		return app.Entry{}, err
	}
	var out app.Entry
	err := s.updateAs(ctx, app.PermLedgerPost, "reopening the year", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		closings := tx.Bucket(bYearClose)
		id := closings.Get(yearKey(year))
		if id == nil {
			return app.Errorf(app.ENOTFOUND, "err.year.not_closed", "{{.year}} is not closed", map[string]any{"year": year})
		}
		if k, _ := closings.Cursor().Last(); string(k) != string(yearKey(year)) {
			return app.Errorf(app.ECONFLICT, "err.year.later_closed", "{{.later}} is closed already; reopen it before {{.year}}", map[string]any{"year": year, "later": string(k)})
		}
		closing, err := readEntry(tx, string(id))
		if err != nil {
			return err
		}
		rev := app.Entry{Date: closing.Date, Memo: fmt.Sprintf("Zrušení roční uzávěrky %d", year), Source: fmt.Sprintf("yearopen:%d", year)}
		for _, l := range closing.Lines {
			rev.Lines = append(rev.Lines, app.Line{Account: l.Account, Debit: l.Credit, Credit: l.Debit, Memo: l.Memo})
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
