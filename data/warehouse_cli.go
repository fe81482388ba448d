package data

import (
	"context"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// ImportItems saves an item import (app.ItemCSV.PlanItems) in one
// transaction: each changed plan's price-list item (as SaveItem) and its
// stock card (as SaveStockItem), checked again against what is on file. A
// plan the rules refuse, a code another item took meanwhile, an item gone
// or a location retired, writes nothing: the error (EINVALID) names the
// plan's line (app.ImportLineError). The user needs the warehouse and the
// price list's write permission. It returns how many items it saved.
func (s *Store) ImportItems(ctx context.Context, plans []app.ItemPlan) (int, error) {
	if err := s.allowed(ctx, app.PermItemsWrite); err != nil {
		return 0, err
	}
	n := 0
	err := s.updateAs(ctx, app.PermWarehouse, "importing items", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		n = 0
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		locs, err := readLocations(tx)
		if err != nil {
			return err
		}
		b := tx.Bucket(bItems)
		codes := map[string]string{} // lower-case code → item ID
		if err := b.ForEach(func(k, v []byte) error {
			var it app.Item
			if err := decode(v, &it); err != nil {
				return err
			}
			codes[strings.ToLower(it.Code)] = it.ID
			return nil
		}); err != nil {
			return err
		}
		for _, p := range plans {
			if !p.Changed {
				continue
			}
			it := p.Item
			it.Code, it.Name, it.Unit = strings.TrimSpace(it.Code), strings.TrimSpace(it.Name), strings.TrimSpace(it.Unit)
			if it.Price.Currency == "" {
				it.Price.Currency = company.BaseCurrency
			}
			if err := it.Validate(); err != nil {
				return app.ImportLineError(p.Line, err)
			}
			if id, ok := codes[strings.ToLower(it.Code)]; ok && id != it.ID {
				return app.ImportLineError(p.Line, app.Invalid("item.code", "err.item.duplicate", "code {{.code}} is used by another item", map[string]any{"code": it.Code}))
			}
			if it.ID == "" {
				it.ID, it.Branch = app.NewID(s.clock.Now()), company.Branch
			} else if b.Get([]byte(it.ID)) == nil {
				return app.ImportLineError(p.Line, app.Errorf(app.ENOTFOUND, "err.item.not_found", "the item does not exist", nil))
			}
			codes[strings.ToLower(it.Code)] = it.ID
			if err := putLogged(tx, bItems, changeItem, []byte(it.ID), it); err != nil {
				return err
			}
			if err := a.logKey("save", "item", it.ID, "audit.item", "{{.code}} {{.name}} {{.price}}", app.AuditArgs{"code": app.AText(it.Code), "name": app.AText(it.Name), "price": app.AMoney(it.Price)}); err != nil {
				return err
			}
			si := p.Stock
			si.ItemID = it.ID
			si.Normalize()
			if err := si.Validate(locs); err != nil {
				return app.ImportLineError(p.Line, err)
			}
			if err := putLogged(tx, bStockItems, changeStockItem, []byte(si.ItemID), si); err != nil {
				return err
			}
			if err := a.logKey("save", "stock_item", si.ItemID, "audit.stock_item", "{{.code}} {{.name}}", app.AuditArgs{"code": app.AText(it.Code), "name": app.AText(it.Name)}); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil {
		n = 0
	}
	return n, err
}

// Stocktakes lists every stocktake, newest first (by day, then number).
func (s *Store) Stocktakes(ctx context.Context) ([]app.Stocktake, error) {
	var out []app.Stocktake
	err := s.viewAs(ctx, app.PermWarehouse, "listing stocktakes", func(tx *bolt.Tx, _ app.User) error {
		return tx.Bucket(bStocktakes).ForEach(func(_, v []byte) error {
			var st app.Stocktake
			if err := decode(v, &st); err != nil {
				return err
			}
			out = append(out, st)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Date.Compare(out[j].Date); c != 0 {
			return c > 0
		}
		return out[i].Number > out[j].Number
	})
	return out, err
}
