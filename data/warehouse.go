package data

import (
	"bytes"
	"context"
	"errors"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// The warehouse's store: app's warehouse*.go decide, this file loads what
// they need and keeps what they return, each write in one transaction.

func errStockNotFound(what string) error {
	return app.Errorf(app.ENOTFOUND, "err.stock.not_found", "the {{.what}} does not exist", map[string]any{"what": what})
}

// getJSON decodes the record under key of bucket into v; false when none.
func getJSON(tx *bolt.Tx, bucket, key []byte, v any) (bool, error) {
	raw := tx.Bucket(bucket).Get(key)
	if raw == nil {
		return false, nil
	}
	return true, decode(raw, v)
}

// putLogged stores a logged record and notes its change.
func putLogged(tx *bolt.Tx, bucket []byte, kind byte, key []byte, v any) error {
	raw, err := encode(v)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucket).Put(key, raw); err != nil {
		return err
	}
	return recordChange(tx, kind, key, raw)
}

func posKey(item, loc string) []byte { return cat([]byte(item), sep, []byte(loc)) }

func splitPosKey(k []byte) app.PosKey {
	i := bytes.IndexByte(k, 0)
	if i < 0 {
		return app.PosKey{Item: string(k)}
	}
	return app.PosKey{Item: string(k[:i]), Location: string(k[i+1:])}
}

// movePrefix is the prefix of one position's moves.
func movePrefix(item, loc string) []byte { return cat([]byte(item), sep, []byte(loc), sep) }

// readSettings returns the warehouse settings; false when the company does
// not keep stock.
func readSettings(tx *bolt.Tx) (app.WarehouseSettings, bool, error) {
	var s app.WarehouseSettings
	b := tx.Bucket(bStockSettings)
	if b == nil {
		return s, false, nil
	}
	ok, err := getJSON(tx, bStockSettings, kStockSettings, &s)
	s.Normalize()
	return s, ok, err
}

func readLocations(tx *bolt.Tx) (map[string]app.Location, error) {
	out := map[string]app.Location{}
	err := tx.Bucket(bLocations).ForEach(func(k, v []byte) error {
		var l app.Location
		if err := decode(v, &l); err != nil {
			return err
		}
		out[l.ID] = l
		return nil
	})
	return out, err
}

func readStockDoc(tx *bolt.Tx, id string) (app.StockDoc, error) {
	var d app.StockDoc
	ok, err := getJSON(tx, bStockDocs, []byte(id), &d)
	if err == nil && !ok {
		err = errStockNotFound("stock document")
	}
	return d, err
}

func readPosition(tx *bolt.Tx, k app.PosKey) (app.Position, error) {
	var p app.Position
	_, err := getJSON(tx, bStockPos, posKey(k.Item, k.Location), &p)
	return p, err
}

// stockSeries is the company's series for code, or the warehouse's default
// (app.WarehouseSeries) when the company's series predate the warehouse.
func stockSeries(c app.Company, code string) app.Series {
	if s, ok := c.SeriesFor(code); ok {
		return s
	}
	for _, s := range app.WarehouseSeries() {
		if s.Code == code {
			return s
		}
	}
	return app.Series{Code: code, Prefix: "SK", Width: 4}
}

// WarehouseSettings returns the settings; ENOTFOUND before they are saved.
func (s *Store) WarehouseSettings(ctx context.Context) (app.WarehouseSettings, error) {
	var out app.WarehouseSettings
	err := s.viewAs(ctx, app.PermWarehouse, "reading the warehouse settings", func(tx *bolt.Tx, _ app.User) error {
		set, ok, err := readSettings(tx)
		if err == nil && !ok {
			err = errStockNotFound("warehouse settings")
		}
		out = set
		return err
	})
	return out, err
}

// SaveWarehouseSettings stores the settings and adds the warehouse's
// accounts to the chart.
func (s *Store) SaveWarehouseSettings(ctx context.Context, set app.WarehouseSettings) (app.WarehouseSettings, error) {
	set.Normalize()
	if err := set.Validate(); err != nil {
		return set, err
	}
	err := s.updateAs(ctx, app.PermWarehouse, "saving the warehouse settings", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		c, err := readCompany(tx)
		if err != nil {
			return err
		}
		if err := addWarehouseAccounts(tx, c.Chart); err != nil {
			return err
		}
		if err := putLogged(tx, bStockSettings, changeStockSettings, kStockSettings, set); err != nil {
			return err
		}
		return a.logKey("save", "warehouse_settings", "settings", "audit.warehouse_settings", "{{.method}}, {{.costing}}",
			app.AuditArgs{"method": app.AText(string(set.Method)), "costing": app.AText(string(set.Costing))})
	})
	return set, err
}

// StockItem returns an item's stock card.
func (s *Store) StockItem(ctx context.Context, itemID string) (app.StockItem, error) {
	var out app.StockItem
	err := s.viewAs(ctx, app.PermWarehouse, "reading the stock card", func(tx *bolt.Tx, _ app.User) error {
		ok, err := getJSON(tx, bStockItems, []byte(itemID), &out)
		if err == nil && !ok {
			err = errStockNotFound("stock card")
		}
		return err
	})
	return out, err
}

// SaveStockItem creates or replaces the stock card of an existing item.
func (s *Store) SaveStockItem(ctx context.Context, si app.StockItem) (app.StockItem, error) {
	si.Normalize()
	err := s.updateAs(ctx, app.PermWarehouse, "saving the stock card", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		var it app.Item
		ok, err := getJSON(tx, bItems, []byte(si.ItemID), &it)
		if err != nil {
			return err
		}
		if !ok || si.ItemID == "" {
			return app.Invalid("stock_item.item", "err.item.not_found", "the item does not exist", nil)
		}
		locs, err := readLocations(tx)
		if err != nil {
			return err
		}
		if err := si.Validate(locs); err != nil {
			return err
		}
		if err := putLogged(tx, bStockItems, changeStockItem, []byte(si.ItemID), si); err != nil {
			return err
		}
		return a.logKey("save", "stock_item", si.ItemID, "audit.stock_item", "{{.code}} {{.name}}", app.AuditArgs{"code": app.AText(it.Code), "name": app.AText(it.Name)})
	})
	return si, err
}

// StockItems lists the stock cards whose item's code, name or EAN has a
// word starting with each word of search, by code; limit 0 = all.
func (s *Store) StockItems(ctx context.Context, search string, limit int) ([]app.StockItem, error) {
	words := strings.Fields(app.FoldText(search))
	type row struct {
		code string
		si   app.StockItem
	}
	var rows []row
	err := s.viewAs(ctx, app.PermWarehouse, "searching stock cards", func(tx *bolt.Tx, _ app.User) error {
		items := tx.Bucket(bItems)
		return tx.Bucket(bStockItems).ForEach(func(k, v []byte) error {
			var si app.StockItem
			if err := decode(v, &si); err != nil {
				return err
			}
			var it app.Item
			if raw := items.Get(k); raw != nil {
				if err := decode(raw, &it); err != nil {
					return err
				}
			}
			hay := strings.Fields(app.FoldText(it.Code + " " + it.Name + " " + si.EAN))
			for _, w := range words {
				found := false
				for _, h := range hay {
					if strings.HasPrefix(h, w) {
						found = true
						break
					}
				}
				if !found {
					return nil
				}
			}
			rows = append(rows, row{it.Code, si})
			return nil
		})
	})
	sort.Slice(rows, func(i, j int) bool { return rows[i].code < rows[j].code })
	if limit > 0 && len(rows) > limit {
		rows = rows[:limit]
	}
	out := make([]app.StockItem, len(rows))
	for i, r := range rows {
		out[i] = r.si
	}
	return out, err
}

// Locations lists the locations by code.
func (s *Store) Locations(ctx context.Context) ([]app.Location, error) {
	var out []app.Location
	err := s.viewAs(ctx, app.PermWarehouse, "reading the locations", func(tx *bolt.Tx, _ app.User) error {
		locs, err := readLocations(tx)
		for _, l := range locs {
			out = append(out, l)
		}
		return err
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, err
}

// SaveLocation creates (empty ID) or updates a location; codes are unique.
func (s *Store) SaveLocation(ctx context.Context, l app.Location) (app.Location, error) {
	l.Code, l.Name = strings.TrimSpace(l.Code), strings.TrimSpace(l.Name)
	err := s.updateAs(ctx, app.PermWarehouse, "saving the location", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		c, err := readCompany(tx)
		if err != nil {
			return err
		}
		if l.Branch == "" {
			l.Branch = c.Branch
		}
		locs, err := readLocations(tx)
		if err != nil {
			return err
		}
		if l.ID == "" {
			l.ID = app.NewID(s.clock.Now())
		} else if _, ok := locs[l.ID]; !ok {
			return errStockNotFound("location")
		}
		if err := l.Validate(locs); err != nil {
			return err
		}
		for _, o := range locs {
			if o.ID != l.ID && strings.EqualFold(o.Code, l.Code) {
				return app.Invalid("location.code", "err.location.duplicate", "code {{.code}} is used by another location", map[string]any{"code": l.Code})
			}
		}
		if err := putLogged(tx, bLocations, changeLocation, []byte(l.ID), l); err != nil {
			return err
		}
		return a.logKey("save", "location", l.ID, "audit.location", "{{.code}} {{.name}}", app.AuditArgs{"code": app.AText(l.Code), "name": app.AText(l.Name)})
	})
	return l, err
}

// SaveStockDraft creates or replaces a draft stock document.
func (s *Store) SaveStockDraft(ctx context.Context, d app.StockDoc) (app.StockDoc, error) {
	d.Normalize()
	err := s.updateAs(ctx, app.PermWarehouse, "saving the stock document", func(tx *bolt.Tx, u app.User, a *auditor) error {
		switch d.Kind {
		case app.StockReceipt, app.StockIssue, app.StockTransfer, app.StockDifference:
		default:
			return app.Invalid("stock.kind", "err.stock.kind", "choose a receipt, issue, transfer or difference document", nil)
		}
		if d.Status != app.StockDraft {
			return app.Errorf(app.ECONFLICT, "err.stock.posted", "{{.number}} is posted; correct it with a new document", map[string]any{"number": d.Number})
		}
		now := s.clock.Now().UTC()
		if d.ID == "" {
			c, err := readCompany(tx)
			if err != nil {
				return err
			}
			d.ID, d.Created, d.Revision = app.NewID(now), now, 0
			if d.Branch == "" {
				d.Branch = c.Branch
			}
			if d.Responsible == "" {
				d.Responsible = u.Name
			}
		} else {
			old, err := readStockDoc(tx, d.ID)
			if err != nil {
				return err
			}
			if old.Status != app.StockDraft {
				return app.Errorf(app.ECONFLICT, "err.stock.posted", "{{.number}} is posted; correct it with a new document", map[string]any{"number": old.Number})
			}
			d.Created, d.Revision = old.Created, old.Revision+1
		}
		d.Number = ""
		if d.FromPurchase() {
			var err error
			if d, err = respreadPurchaseDraft(tx, d); err != nil { // warehouse_purchase.go
				return err
			}
		}
		if err := putLogged(tx, bStockDocs, changeStockDoc, []byte(d.ID), d); err != nil {
			return err
		}
		return a.logKey("save", "stock_doc", d.ID, "audit.stock_draft", "draft {{.kind}}", app.AuditArgs{"kind": idLabel("stock.kind.", string(d.Kind))})
	})
	return d, err
}

// DeleteStockDraft deletes a draft.
func (s *Store) DeleteStockDraft(ctx context.Context, id string) error {
	return s.updateAs(ctx, app.PermWarehouse, "deleting the stock document", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		d, err := readStockDoc(tx, id)
		if err != nil {
			return err
		}
		if d.Status != app.StockDraft {
			return app.Errorf(app.ECONFLICT, "err.stock.posted", "{{.number}} is posted; correct it with a new document", map[string]any{"number": d.Number})
		}
		if err := tx.Bucket(bStockDocs).Delete([]byte(id)); err != nil {
			return err
		}
		if err := recordDelete(tx, changeStockDoc, []byte(id)); err != nil {
			return err
		}
		return a.logKey("delete", "stock_doc", id, "audit.stock_deleted", "draft deleted", nil)
	})
}

// PostStock numbers and posts a draft.
func (s *Store) PostStock(ctx context.Context, id string) (app.StockDoc, error) {
	var out app.StockDoc
	err := s.updateAs(ctx, app.PermWarehouse, "posting the stock document", func(tx *bolt.Tx, u app.User, a *auditor) error {
		d, err := readStockDoc(tx, id)
		if err != nil {
			return err
		}
		out, err = postStockTx(tx, s.clock, u.Name, d, a)
		return err
	})
	return out, err
}

// StornoStock posts the reversal of a posted document.
func (s *Store) StornoStock(ctx context.Context, id string, date app.Date) (app.StockDoc, error) {
	var out app.StockDoc
	err := s.updateAs(ctx, app.PermWarehouse, "reversing the stock document", func(tx *bolt.Tx, u app.User, a *auditor) error {
		orig, err := readStockDoc(tx, id)
		if err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		d, err := app.StornoStockDoc(orig, app.NewID(now), date, u.Name, now)
		if err != nil {
			return err
		}
		out, err = postStockTx(tx, s.clock, u.Name, d, a)
		return err
	})
	return out, err
}

// postStockTx posts draft d inside tx: it loads what app.PostStockDoc
// needs, numbers d in its series, and stores the posted document, the
// positions, the moves with their running values, where the serial numbers
// are and the entry (through the ledger's poster).
func postStockTx(tx *bolt.Tx, clock app.Clock, user string, d app.StockDoc, a *auditor) (app.StockDoc, error) {
	set, ok, err := readSettings(tx)
	if err != nil {
		return d, err
	}
	if !ok {
		return d, app.Invalid("warehouse.method", "err.warehouse.off", "the company does not keep stock; set the warehouse up first", nil)
	}
	company, err := readCompany(tx)
	if err != nil {
		return d, err
	}
	if err := checkPurchaseReceipt(tx, d, company); err != nil { // warehouse_purchase.go
		return d, err
	}
	in := app.StockContext{Company: company, Settings: set, Items: map[string]app.StockItem{}, Positions: map[app.PosKey]app.Position{}, Serials: map[app.SerialKey]string{}}
	if in.Locations, err = readLocations(tx); err != nil {
		return d, err
	}
	for _, l := range d.Lines {
		var si app.StockItem
		if ok, err := getJSON(tx, bStockItems, []byte(l.ItemID), &si); err != nil {
			return d, err
		} else if ok {
			in.Items[l.ItemID] = si
		}
	}
	for _, k := range d.PositionKeys() {
		p, err := readPosition(tx, k)
		if err != nil {
			return d, err
		}
		in.Positions[k] = p
	}
	for _, k := range d.SerialKeys() {
		if v := tx.Bucket(bStockSerials).Get(posKey(k.Item, k.Serial)); v != nil {
			in.Serials[k] = string(v)
		}
	}
	if in.Lots, err = lotsOnHand(tx, d.LotKeys()); err != nil {
		return d, err
	}
	if tx.Bucket(bLocks).Get([]byte(d.Date.MonthOf().Key())) != nil {
		in.Locked = []app.Month{d.Date.MonthOf()}
	}
	if d.Status == app.StockDraft && d.Number == "" && !d.Date.IsZero() && len(in.Locked) == 0 {
		if d.Number, err = assignNumber(tx, stockSeries(company, d.Kind.Series()), d.Date.Year(), d.ID); err != nil {
			return d, err
		}
	} else if d.Number == "" {
		d.Number = "-" // PostStockDoc refuses it for what is wrong first
	}
	now := clock.Now().UTC()
	p, err := app.PostStockDoc(d, in, user, now)
	if err != nil {
		return d, err
	}
	d = p.Doc
	if p.Entry != nil {
		pst, err := newPoster(tx, clock)
		if err != nil {
			return d, err
		}
		e := *p.Entry
		e.Branch = d.Branch
		posted, err := pst.post(e)
		if err != nil {
			return d, err
		}
		d.EntryID = posted.ID
	}
	for k, pos := range p.Positions {
		raw, err := encode(pos)
		if err != nil {
			return d, err
		}
		if err := tx.Bucket(bStockPos).Put(posKey(k.Item, k.Location), raw); err != nil {
			return d, err
		}
	}
	moves := tx.Bucket(bStockMoves)
	for _, m := range p.Moves {
		seq, err := moves.NextSequence()
		if err != nil {
			return d, err
		}
		raw, err := encode(m)
		if err != nil {
			return d, err
		}
		if err := moves.Put(cat(movePrefix(m.Item, m.Location), []byte(m.Date.Key()), u64(seq)), cat(i64s(int64(m.QtyAfter), m.ValueAfter), raw)); err != nil {
			return d, err
		}
	}
	for k, loc := range p.Serials {
		key := posKey(k.Item, k.Serial)
		if loc == "" {
			err = tx.Bucket(bStockSerials).Delete(key)
		} else {
			err = tx.Bucket(bStockSerials).Put(key, []byte(loc))
		}
		if err != nil {
			return d, err
		}
	}
	if err := putLogged(tx, bStockDocs, changeStockDoc, []byte(d.ID), d); err != nil {
		return d, err
	}
	if d.Storno {
		orig, err := readStockDoc(tx, d.OriginalID)
		if err != nil {
			return d, err
		}
		orig.ReversedBy = d.ID
		if err := putLogged(tx, bStockDocs, changeStockDoc, []byte(orig.ID), orig); err != nil {
			return d, err
		}
	}
	return d, a.logKey("post", "stock_doc", d.ID, "audit.stock_posted", "{{.number}}, {{.total}}",
		app.AuditArgs{"number": app.AText(d.Number), "total": app.AMoney(app.M(d.Total, company.BaseCurrency))})
}

// StockDoc returns one stock document.
func (s *Store) StockDoc(ctx context.Context, id string) (app.StockDoc, error) {
	var out app.StockDoc
	err := s.viewAs(ctx, app.PermWarehouse, "reading the stock document", func(tx *bolt.Tx, _ app.User) (err error) {
		out, err = readStockDoc(tx, id)
		return err
	})
	return out, err
}

func stockDocMatches(f app.StockDocFilter, d app.StockDoc) bool {
	switch {
	case f.Kind != "" && d.Kind != f.Kind, f.Status != "" && d.Status != f.Status,
		f.Location != "" && d.Location != f.Location && d.ToLocation != f.Location,
		!f.From.IsZero() && d.Date.Before(f.From), !f.To.IsZero() && d.Date.After(f.To):
		return false
	}
	if f.Item == "" {
		return true
	}
	for _, l := range d.Lines {
		if l.ItemID == f.Item {
			return true
		}
	}
	return false
}

// StockDocs is one page of the matching documents, newest first (IDs are
// time-ordered), and how many match.
func (s *Store) StockDocs(ctx context.Context, f app.StockDocFilter, offset, limit int) ([]app.StockDoc, int, error) {
	var out []app.StockDoc
	n := 0
	err := s.viewAs(ctx, app.PermWarehouse, "listing stock documents", func(tx *bolt.Tx, _ app.User) error {
		c := tx.Bucket(bStockDocs).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var d app.StockDoc
			if err := decode(v, &d); err != nil {
				return err
			}
			if !stockDocMatches(f, d) {
				continue
			}
			if n >= offset && (limit <= 0 || len(out) < limit) {
				out = append(out, d)
			}
			n++
		}
		return nil
	})
	return out, n, err
}

// levelAt is one position's quantity and value at the end of day: the
// running values of its last move on or before day, one Seek.
func levelAt(c *bolt.Cursor, item, loc string, day app.Date) (app.Qty, int64) {
	prefix := movePrefix(item, loc)
	k, v := c.Seek(cat(prefix, []byte(day.AddDays(1).Key())))
	if k == nil {
		k, v = c.Last()
	} else {
		k, v = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, prefix) {
		return 0, 0
	}
	return app.Qty(readI64(v, 0)), readI64(v, 1)
}

// itemLocations are the locations item has a position in.
func itemLocations(tx *bolt.Tx, item string) []string {
	var out []string
	prefix := cat([]byte(item), sep)
	c := tx.Bucket(bStockPos).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		out = append(out, string(k[len(prefix):]))
	}
	return out
}

// StockLevel is item's quantity and value at the end of day in location
// ("" = every location).
func (s *Store) StockLevel(ctx context.Context, item, location string, day app.Date) (app.Qty, int64, error) {
	var q app.Qty
	var v int64
	err := s.viewAs(ctx, app.PermWarehouse, "reading the stock level", func(tx *bolt.Tx, _ app.User) error {
		c := tx.Bucket(bStockMoves).Cursor()
		locs := []string{location}
		if location == "" {
			locs = itemLocations(tx, item)
		}
		for _, l := range locs {
			lq, lv := levelAt(c, item, l, day)
			q, v = q+lq, v+lv
		}
		return nil
	})
	return q, v, err
}

// StockValuation is every item's stock at the end of day, by item ID.
func (s *Store) StockValuation(ctx context.Context, day app.Date) ([]app.StockValue, error) {
	perm := app.PermWarehouse
	if s.allowed(ctx, perm) != nil {
		perm = app.PermLedgerRead
	}
	var out []app.StockValue
	err := s.viewAs(ctx, perm, "valuing the stock", func(tx *bolt.Tx, _ app.User) (err error) {
		out, err = valuation(tx, day)
		return err
	})
	return out, err
}

func valuation(tx *bolt.Tx, day app.Date) ([]app.StockValue, error) {
	c, err := readCompany(tx)
	if err != nil {
		return nil, err
	}
	acc := app.StockAccountsOf(c.Chart)
	var out []app.StockValue
	mc := tx.Bucket(bStockMoves).Cursor()
	items := tx.Bucket(bStockItems)
	pc := tx.Bucket(bStockPos).Cursor()
	for k, _ := pc.First(); k != nil; k, _ = pc.Next() {
		pk := splitPosKey(k)
		q, v := levelAt(mc, pk.Item, pk.Location, day)
		if n := len(out); n > 0 && out[n-1].ItemID == pk.Item {
			out[n-1].Qty += q
			out[n-1].Value += v
			continue
		}
		var si app.StockItem
		if raw := items.Get([]byte(pk.Item)); raw != nil {
			if err := decode(raw, &si); err != nil {
				return nil, err
			}
		}
		kind := si.Kind
		if kind == "" {
			kind = app.StockGoods
		}
		account := acc.Goods
		if kind == app.StockMaterial {
			account = acc.Material
		}
		out = append(out, app.StockValue{ItemID: pk.Item, Kind: kind, Account: account, Qty: q, Value: v})
	}
	return out, nil
}

// StockCard is item's moves (in location, "" = all) from..to (zero: open).
func (s *Store) StockCard(ctx context.Context, item, location string, from, to app.Date) ([]app.StockMove, error) {
	type row struct {
		key  []byte
		move app.StockMove
	}
	var rows []row
	err := s.viewAs(ctx, app.PermWarehouse, "reading the stock card", func(tx *bolt.Tx, _ app.User) error {
		locs := []string{location}
		if location == "" {
			locs = itemLocations(tx, item)
		}
		c := tx.Bucket(bStockMoves).Cursor()
		for _, l := range locs {
			prefix := movePrefix(item, l)
			start := prefix
			if !from.IsZero() {
				start = cat(prefix, []byte(from.Key()))
			}
			for k, v := c.Seek(start); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				var m app.StockMove
				if err := decode(v[16:], &m); err != nil {
					return err
				}
				if !to.IsZero() && m.Date.After(to) {
					break
				}
				rows = append(rows, row{append([]byte(m.Date.Key()), k[len(k)-8:]...), m})
			}
		}
		return nil
	})
	sort.Slice(rows, func(i, j int) bool { return bytes.Compare(rows[i].key, rows[j].key) < 0 })
	out := make([]app.StockMove, len(rows))
	for i, r := range rows {
		out[i] = r.move
	}
	return out, err
}

// ReorderList lists the items at or below their reorder point, by item ID.
func (s *Store) ReorderList(ctx context.Context) ([]app.ReorderLine, error) {
	var out []app.ReorderLine
	err := s.viewAs(ctx, app.PermWarehouse, "listing items to reorder", func(tx *bolt.Tx, _ app.User) error {
		return tx.Bucket(bStockItems).ForEach(func(k, v []byte) error {
			var si app.StockItem
			if err := decode(v, &si); err != nil {
				return err
			}
			if si.ReorderPoint <= 0 {
				return nil
			}
			var level app.Qty
			for _, l := range itemLocations(tx, si.ItemID) {
				p, err := readPosition(tx, app.PosKey{Item: si.ItemID, Location: l})
				if err != nil {
					return err
				}
				level += p.Qty
			}
			if q := si.Reorder(level); q > 0 {
				out = append(out, app.ReorderLine{Item: si, Level: level, Suggest: q})
			}
			return nil
		})
	})
	return out, err
}

// SerialLocation is where serial of item is on hand ("" = not in stock).
func (s *Store) SerialLocation(ctx context.Context, item, serial string) (string, error) {
	var out string
	err := s.viewAs(ctx, app.PermWarehouse, "finding the serial number", func(tx *bolt.Tx, _ app.User) error {
		out = string(tx.Bucket(bStockSerials).Get(posKey(item, strings.TrimSpace(serial))))
		return nil
	})
	return out, err
}

// shipInvoice posts the issue of sales invoice inv's stock lines in the
// transaction that issues it, when the company keeps stock; an invoice
// without stock items, or a company without a warehouse, is left alone.
func shipInvoice(tx *bolt.Tx, clock app.Clock, user string, inv app.SalesDoc, a *auditor) error {
	if inv.Kind != app.KindInvoice || tx.Bucket(bStockSettings) == nil {
		return nil
	}
	if _, ok, err := readSettings(tx); err != nil || !ok {
		return err
	}
	items := map[string]app.StockItem{}
	location := ""
	for _, l := range inv.Lines {
		var si app.StockItem
		if l.ItemID == "" {
			continue
		}
		ok, err := getJSON(tx, bStockItems, []byte(l.ItemID), &si)
		if err != nil {
			return err
		}
		if ok {
			items[l.ItemID] = si
			if location == "" {
				location = si.Location
			}
		}
	}
	if len(items) == 0 {
		return nil
	}
	if location == "" {
		locs, err := readLocations(tx)
		if err != nil {
			return err
		}
		for _, l := range locs {
			if l.Active() && (location == "" || l.Code < locs[location].Code) {
				location = l.ID
			}
		}
	}
	if err := app.CheckInvoiceTrace(inv, items); err != nil {
		return err
	}
	now := clock.Now().UTC()
	d, ok := app.IssueFromInvoice(inv, items, location, app.NewID(now), user, now)
	if !ok {
		return nil
	}
	if _, err := postStockTx(tx, clock, user, d, a); err != nil {
		return app.WithField(invoiceLineError(err, inv, items), "doc.lines")
	}
	return nil
}

// invoiceLineError renumbers the line an issue's error names ("line 1")
// as the invoice's line (its stock lines are a subset of the invoice's).
func invoiceLineError(err error, inv app.SalesDoc, items map[string]app.StockItem) error {
	var e *app.Error
	if !errors.As(err, &e) {
		return err
	}
	n, ok := e.Args["n"].(int)
	if !ok {
		return err
	}
	k := 0
	for i, l := range inv.Lines {
		if _, stock := items[l.ItemID]; !stock || l.ItemID == "" || l.Quantity <= 0 {
			continue
		}
		if k++; k == n {
			c := *e
			c.Args = map[string]any{}
			for a, v := range e.Args {
				c.Args[a] = v
			}
			c.Args["n"] = i + 1
			return &c
		}
	}
	return err
}
