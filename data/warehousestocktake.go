package data

import (
	"bytes"
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

func readStocktake(tx *bolt.Tx, id string) (app.Stocktake, error) {
	var st app.Stocktake
	ok, err := getJSON(tx, bStocktakes, []byte(id), &st)
	if err == nil && !ok {
		err = errStockNotFound("stocktake")
	}
	return st, err
}

// StartStocktake numbers a stocktake of location as of day with a line per
// item (per serial number of a serial-tracked item) on hand there, its
// expected quantity the level at the end of day.
func (s *Store) StartStocktake(ctx context.Context, location string, day app.Date) (app.Stocktake, error) {
	var st app.Stocktake
	err := s.updateAs(ctx, app.PermWarehouse, "starting the stocktake", func(tx *bolt.Tx, u app.User, a *auditor) error {
		locs, err := readLocations(tx)
		if err != nil {
			return err
		}
		if err := app.CheckLocation(location, locs); err != nil {
			return app.WithField(err, "stocktake.location")
		}
		if day.IsZero() {
			return app.Invalid("stocktake.date", "err.required", "is required", nil)
		}
		c, err := readCompany(tx)
		if err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		st = app.Stocktake{ID: app.NewID(now), Branch: locs[location].Branch, Date: day, Location: location, Responsible: u.Name, Status: app.StockDraft, Created: now}
		if st.Number, err = assignNumber(tx, stockSeries(c, app.SeriesStocktake), day.Year(), st.ID); err != nil {
			return err
		}
		mc := tx.Bucket(bStockMoves).Cursor()
		serials := tx.Bucket(bStockSerials)
		pc := tx.Bucket(bStockPos).Cursor()
		for k, _ := pc.First(); k != nil; k, _ = pc.Next() {
			pk := splitPosKey(k)
			if pk.Location != location {
				continue
			}
			q, _ := levelAt(mc, pk.Item, location, day)
			var it app.Item
			if _, err := getJSON(tx, bItems, []byte(pk.Item), &it); err != nil {
				return err
			}
			var si app.StockItem
			if _, err := getJSON(tx, bStockItems, []byte(pk.Item), &si); err != nil {
				return err
			}
			line := app.CountLine{ItemID: pk.Item, Code: it.Code, Name: it.Name, Unit: it.Unit}
			if si.Tracking == app.TrackSerial {
				prefix := cat([]byte(pk.Item), sep)
				sc := serials.Cursor()
				for sk, sv := sc.Seek(prefix); sk != nil && len(sk) > len(prefix) && string(sk[:len(prefix)]) == string(prefix); sk, sv = sc.Next() {
					if string(sv) == location {
						l := line
						l.Serial, l.Expected = string(sk[len(prefix):]), app.QtyScale
						st.Lines = append(st.Lines, l)
					}
				}
				continue
			}
			if q == 0 {
				continue
			}
			if si.Tracking == app.TrackLot {
				lines, err := lotLines(mc, line, location, day, q)
				if err != nil {
					return err
				}
				st.Lines = append(st.Lines, lines...)
				continue
			}
			line.Expected = q
			st.Lines = append(st.Lines, line)
		}
		if err := putLogged(tx, bStocktakes, changeStocktake, []byte(st.ID), st); err != nil {
			return err
		}
		return a.logKey("create", "stocktake", st.ID, "audit.stocktake", "{{.number}}", app.AuditArgs{"number": app.AText(st.Number)})
	})
	return st, err
}

// SaveStocktake stores the counts of an open stocktake (its number, day
// and location stay).
func (s *Store) SaveStocktake(ctx context.Context, st app.Stocktake) (app.Stocktake, error) {
	err := s.updateAs(ctx, app.PermWarehouse, "saving the stocktake", func(tx *bolt.Tx, u app.User, a *auditor) error {
		old, err := readStocktake(tx, st.ID)
		if err != nil {
			return err
		}
		if old.Status != app.StockDraft {
			return app.Errorf(app.ECONFLICT, "err.stock.posted", "{{.number}} is posted; correct it with a new document", map[string]any{"number": old.Number})
		}
		old.Lines = st.Lines
		old.CountedBy = st.CountedBy
		if old.CountedBy == "" {
			old.CountedBy = u.Name
		}
		st = old
		if err := putLogged(tx, bStocktakes, changeStocktake, []byte(st.ID), st); err != nil {
			return err
		}
		return a.logKey("save", "stocktake", st.ID, "audit.stocktake", "{{.number}}", app.AuditArgs{"number": app.AText(st.Number)})
	})
	return st, err
}

// Stocktake returns one stocktake.
func (s *Store) Stocktake(ctx context.Context, id string) (app.Stocktake, error) {
	var st app.Stocktake
	err := s.viewAs(ctx, app.PermWarehouse, "reading the stocktake", func(tx *bolt.Tx, _ app.User) (err error) {
		st, err = readStocktake(tx, id)
		return err
	})
	return st, err
}

// CloseStocktake posts the stocktake's difference document (none when
// nothing differs); refused while stock documents of its location up to its
// day are drafts.
func (s *Store) CloseStocktake(ctx context.Context, id string) (app.Stocktake, app.StockDoc, error) {
	var st app.Stocktake
	var d app.StockDoc
	err := s.updateAs(ctx, app.PermWarehouse, "closing the stocktake", func(tx *bolt.Tx, u app.User, a *auditor) error {
		var err error
		if st, err = readStocktake(tx, id); err != nil {
			return err
		}
		drafts := 0
		if err := tx.Bucket(bStockDocs).ForEach(func(_, v []byte) error {
			var o app.StockDoc
			if err := decode(v, &o); err != nil {
				return err
			}
			if o.Status == app.StockDraft && (o.Location == st.Location || o.ToLocation == st.Location) && !o.Date.After(st.Date) {
				drafts++
			}
			return nil
		}); err != nil {
			return err
		}
		if drafts > 0 {
			return app.ErrStocktakeDrafts(drafts)
		}
		if d, err = app.StocktakeDifference(st); err != nil {
			return err
		}
		if len(d.Lines) > 0 {
			now := s.clock.Now().UTC()
			d.ID, d.Created = app.NewID(now), now
			if d.Responsible == "" {
				d.Responsible = u.Name
			}
			if d, err = postStockTx(tx, s.clock, u.Name, d, a); err != nil {
				return err
			}
			st.DifferenceID = d.ID
		}
		st.Status = app.StockPosted
		if err := putLogged(tx, bStocktakes, changeStocktake, []byte(st.ID), st); err != nil {
			return err
		}
		return a.logKey("post", "stocktake", st.ID, "audit.stocktake_closed", "{{.number}} closed", app.AuditArgs{"number": app.AText(st.Number)})
	})
	return st, d, err
}

// lotLines splits a lot-tracked item's expected quantity q at location on
// day by lot, summing its moves there up to day (one item's moves: a
// stocktake is not a hot path). Lots used up are left out; what no lot
// accounts for (stock from before the item was tracked by lot) is a line
// with no lot, for the counter to name.
func lotLines(mc *bolt.Cursor, line app.CountLine, location string, day app.Date, q app.Qty) ([]app.CountLine, error) {
	byLot, order, err := lotSums(mc, line.ItemID, location, []byte(day.AddDays(1).Key()))
	if err != nil {
		return nil, err
	}
	var out []app.CountLine
	rest := q
	for _, lot := range order {
		if n := byLot[lot]; n > 0 {
			l := line
			l.Lot, l.Expected = lot, n
			out = append(out, l)
			rest -= n
		}
	}
	if rest != 0 {
		line.Expected = rest
		out = append(out, line)
	}
	return out, nil
}

// lotSums sums item's moves at location dated before end (nil: all of
// them) by lot, the lots in the order they first came; moves without a
// lot are left out.
func lotSums(mc *bolt.Cursor, item, location string, end []byte) (map[string]app.Qty, []string, error) {
	prefix := movePrefix(item, location)
	byLot := map[string]app.Qty{}
	var order []string
	for k, v := mc.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && (end == nil || bytes.Compare(k[len(prefix):], end) < 0); k, v = mc.Next() {
		var m app.StockMove
		if err := decode(v[16:], &m); err != nil {
			return nil, nil, err
		}
		if m.Lot == "" {
			continue
		}
		if _, ok := byLot[m.Lot]; !ok {
			order = append(order, m.Lot)
		}
		byLot[m.Lot] += m.Qty
	}
	return byLot, order, nil
}

// lotsOnHand is how much of each lot of keys is on hand in its location:
// the sum of the item's moves there in that lot (one item and location's
// moves for each; a lot is checked only when an issue takes it).
func lotsOnHand(tx *bolt.Tx, keys []app.LotKey) (map[app.LotKey]app.Qty, error) {
	out := make(map[app.LotKey]app.Qty, len(keys))
	sums := map[[2]string]map[string]app.Qty{}
	mc := tx.Bucket(bStockMoves).Cursor()
	for _, k := range keys {
		il := [2]string{k.Item, k.Location}
		byLot, ok := sums[il]
		if !ok {
			var err error
			if byLot, _, err = lotSums(mc, k.Item, k.Location, nil); err != nil {
				return nil, err
			}
			sums[il] = byLot
		}
		out[k] = byLot[k.Lot]
	}
	return out, nil
}
