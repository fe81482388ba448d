package data

import (
	"bytes"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// checkWarehouse proves the warehouse: each position equal to the sum of
// its moves and to the running values of its last move; under method A the
// stock on 132 and 112 worth what the ledger carries, to the haléř; every
// serial number on hand in a known location.
func checkWarehouse(tx *bolt.Tx, add addFn) {
	if tx.Bucket(bStockPos) == nil {
		return
	}
	set, ok, err := readSettings(tx)
	if err != nil {
		add("check.stock_settings", "the warehouse settings cannot be read", nil)
		return
	}
	items := map[string]app.StockItem{}
	_ = tx.Bucket(bStockItems).ForEach(func(k, v []byte) error {
		var si app.StockItem
		if decode(v, &si) == nil {
			items[string(k)] = si
		}
		return nil
	})
	positions := map[app.PosKey]app.Position{}
	mc := tx.Bucket(bStockMoves).Cursor()
	_ = tx.Bucket(bStockPos).ForEach(func(k, v []byte) error {
		pk := splitPosKey(k)
		var p app.Position
		if decode(v, &p) != nil {
			add("check.stock_position", "the stock of {{.item}} in {{.location}} cannot be read", map[string]any{"item": pk.Item, "location": pk.Location})
			return nil
		}
		positions[pk] = p
		var q app.Qty
		var lastQ, lastV int64
		prefix := movePrefix(pk.Item, pk.Location)
		for mk, mv := mc.Seek(prefix); mk != nil && bytes.HasPrefix(mk, prefix); mk, mv = mc.Next() {
			var m app.StockMove
			if len(mv) < 16 || decode(mv[16:], &m) != nil {
				add("check.stock_move", "a move of {{.item}} cannot be read", map[string]any{"item": pk.Item})
				return nil
			}
			q += m.Qty
			lastQ, lastV = readI64(mv, 0), readI64(mv, 1)
		}
		if q != p.Qty || int64(p.Qty) != lastQ || p.Value != lastV {
			add("check.stock_moves", "the stock of {{.item}} in {{.location}} differs from its moves", map[string]any{"item": pk.Item, "location": pk.Location})
		}
		return nil
	})
	locs, _ := readLocations(tx)
	_ = tx.Bucket(bStockSerials).ForEach(func(k, v []byte) error {
		if _, ok := locs[string(v)]; !ok {
			sk := splitPosKey(k)
			add("check.stock_serial", "serial number {{.serial}} of {{.item}} is in an unknown location", map[string]any{"item": sk.Item, "serial": sk.Location})
		}
		return nil
	})
	if !ok || set.Method != app.StockContinuous || tx.Bucket(bMeta).Get(kCompany) == nil {
		return
	}
	c, err := readCompany(tx)
	if err != nil {
		return
	}
	values := app.StockValues(positions, items, c.Chart)
	acc := app.StockAccountsOf(c.Chart)
	ledger := map[string]int64{}
	for _, code := range []string{acc.Goods, acc.Material} {
		prefix := cat([]byte(code), sep)
		bc := tx.Bucket(bBalances).Cursor()
		for k, v := bc.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = bc.Next() {
			ledger[code] += readI64(v, 0) - readI64(v, 1)
		}
		if ledger[code] == 0 && values[code] == 0 {
			delete(ledger, code)
			delete(values, code)
		}
	}
	for _, p := range app.CheckStockValues(values, ledger) {
		add(p.Key, p.Msg, p.Args)
	}
}
