package data

import (
	"bytes"
	"context"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// Method B (periodic stock keeping): stock documents post nothing, and the
// stock reaches the books at the year's end from the count
// (app.PeriodicStockEntry). CloseYear posts it before the closing entry, so
// the year's 504 (501) is what was really used; PeriodicStockClose posts it
// on its own.

// stocktakeWindow is how long before the balance-sheet day a count may be
// made (§ 30 odst. 4 ZoÚ, with the movements in between on documents): the
// count of the last four months stands.
const stocktakeWindow = 4

// PeriodicStockClose posts method B's year-end entry of year and the next
// year's opening reversal (see app.WarehouseService).
func (s *Store) PeriodicStockClose(ctx context.Context, year int) (app.Entry, error) {
	if err := s.allowed(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	if err := app.ValidYear(year); err != nil {
		return app.Entry{}, err
	}
	var out app.Entry
	// The accountant's call, like CloseYear: it posts to the ledger.
	err := s.updateAs(ctx, app.PermLedgerPost, "posting the year's stock", func(tx *bolt.Tx, _ app.User, a *auditor) (err error) {
		out, err = periodicStockTx(tx, s.clock, year, true, a)
		return err
	})
	return out, err
}

// periodicStockTx posts year's closing stock entry under method B, and the
// next year's opening, in tx. explicit says a person asked for it: then a
// company on method A, or a year whose entry is posted already, is refused;
// from CloseYear both are left alone (zero entry, no error).
func periodicStockTx(tx *bolt.Tx, clock app.Clock, year int, explicit bool, a *auditor) (app.Entry, error) {
	set, ok, err := readSettings(tx)
	if err != nil {
		return app.Entry{}, err
	}
	if !ok || set.Method != app.StockPeriodic {
		if explicit {
			return app.Entry{}, app.Invalid("warehouse.method", "err.warehouse.not_periodic", "the company keeps stock continuously (method A); its stock is on the books already", nil)
		}
		return app.Entry{}, nil
	}
	end := app.D(year, time.December, 31)
	next := app.D(year+1, time.January, 1)
	closing := "stock_periodic:" + end.Key()
	if posted, err := entryWithSource(tx, end, closing); err != nil || posted {
		if err == nil && explicit {
			err = app.Errorf(app.ECONFLICT, "err.stock.periodic_posted", "the stock of {{.year}} is on the books already", map[string]any{"year": year})
		}
		return app.Entry{}, err
	}
	if err := countedAsOf(tx, end); err != nil {
		return app.Entry{}, err
	}
	vals, err := valuation(tx, end)
	if err != nil {
		return app.Entry{}, err
	}
	byKind := map[app.StockKind]int64{}
	for _, v := range vals {
		byKind[v.Kind] += v.Value
	}
	c, err := readCompany(tx)
	if err != nil {
		return app.Entry{}, err
	}
	e, err := app.PeriodicStockEntry(byKind, end, true, c.Chart)
	if err != nil || e == nil {
		return app.Entry{}, err
	}
	p, err := newPoster(tx, clock)
	if err != nil {
		return app.Entry{}, err
	}
	out, err := p.post(*e)
	if err != nil {
		return out, app.WithField(err, "year")
	}
	if open, err := app.PeriodicStockEntry(byKind, next, false, c.Chart); err != nil {
		return out, err
	} else if posted, err := entryWithSource(tx, next, open.Source); err != nil {
		return out, err
	} else if !posted {
		if _, err := p.post(*open); err != nil {
			return out, app.WithField(err, "year")
		}
	}
	return out, a.logKey("post", "stock_periodic", strconv.Itoa(year), "audit.stock_periodic", "stock of {{.year}} posted by {{.number}}",
		app.AuditArgs{"year": app.AText(strconv.Itoa(year)), "number": app.AText(out.Number)})
}

// entryWithSource reports whether an entry dated day has source.
func entryWithSource(tx *bolt.Tx, day app.Date, source string) (bool, error) {
	prefix := []byte(day.Key())
	journal := tx.Bucket(bJournal)
	needle := []byte(`"` + source + `"`)
	c := tx.Bucket(bJDate).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		raw := journal.Get(k[len(prefix):])
		if raw == nil || !bytes.Contains(raw, needle) {
			continue
		}
		var e app.Entry
		if err := decode(raw, &e); err != nil {
			return false, err
		}
		if e.Source == source {
			return true, nil
		}
	}
	return false, nil
}

// countedAsOf refuses when a location with stock at the end of day has no
// closed stocktake within the window before it: the books take the
// stock from the count.
func countedAsOf(tx *bolt.Tx, day app.Date) error {
	from := day.AddDays(1).MonthOf()
	from.Month -= stocktakeWindow
	if from.Month < 1 {
		from.Month += 12
		from.Year--
	}
	counted := map[string]bool{}
	if err := tx.Bucket(bStocktakes).ForEach(func(_, v []byte) error {
		var st app.Stocktake
		if err := decode(v, &st); err != nil {
			return err
		}
		if st.Status == app.StockPosted && !st.Date.After(day) && !st.Date.Before(from.First()) {
			counted[st.Location] = true
		}
		return nil
	}); err != nil {
		return err
	}
	locs, err := readLocations(tx)
	if err != nil {
		return err
	}
	mc := tx.Bucket(bStockMoves).Cursor()
	pc := tx.Bucket(bStockPos).Cursor()
	for k, _ := pc.First(); k != nil; k, _ = pc.Next() {
		pk := splitPosKey(k)
		if counted[pk.Location] {
			continue
		}
		if q, _ := levelAt(mc, pk.Item, pk.Location, day); q != 0 {
			return app.Invalid("year", "err.stock.periodic_uncounted", "location {{.code}} has stock on {{.date}} but no stocktake closed in the four months before; count it first",
				map[string]any{"code": locs[pk.Location].Code, "date": day.String()})
		}
	}
	return nil
}
