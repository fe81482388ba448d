package app

import (
	"sort"
	"strings"
)

// ItemBook is what an item import is checked against: the price list,
// the stock cards, the locations and the company's base currency.
type ItemBook struct {
	Items     []Item
	Stock     []StockItem
	Locations []Location
	Base      string // the currency of prices a file names none for
}

// ItemPlan is what importing one row does: the item and its stock card as
// they will be saved.
type ItemPlan struct {
	Line int
	// Item is the price-list item to save: an item on file (same code, any
	// case) keeps its ID and every field the file has no column for; a new
	// one has no ID. Every imported item is a stock item (Stock).
	Item Item
	// Stock is its stock card; ItemID is empty for a new item (the store
	// gives the ID when the item is saved).
	Stock   StockItem
	NewItem bool // the code is not in the price list
	NewCard bool // the item had no stock card
	// Changed is whether saving writes anything: the item or its card
	// differs from what is on file (always for a new one).
	Changed bool
}

// PlanItems checks every row against the book and the rules, as the store
// will: the item (Item.Validate) and its card (StockItem.Validate with the
// EAN check digit), the default location by its code (it must exist and be
// in use), a code given twice in the file, a barcode another item has. A
// column the file lacks keeps what is on file (a new item: the defaults,
// the standard VAT rate, goods, no tracking); an empty cell of a column it
// has clears the field, except the name, the unit, the VAT rate and the
// kind, which keep theirs (an item has them always).
// Rows come back in file order, each refused one with every wrong field
// named by its column's header (Reason). The refused rows include those
// ReadItemsCSV rejected (f.Rejected), with the mistakes the book shows in
// their other cells added: one RowError per line, in file order.
func (f ItemCSV) PlanItems(b ItemBook) ([]ItemPlan, []RowError) {
	byCode := map[string]Item{}
	codeOf := map[string]string{}
	for _, it := range b.Items {
		byCode[strings.ToLower(it.Code)] = it
		codeOf[it.ID] = it.Code
	}
	cards := map[string]StockItem{}
	eanOwner := map[string]string{} // EAN → lower-case item code
	for _, s := range b.Stock {
		cards[s.ItemID] = s
		if s.EAN != "" {
			eanOwner[s.EAN] = strings.ToLower(codeOf[s.ItemID])
		}
	}
	locs := map[string]Location{}
	locByCode := map[string]Location{}
	for _, l := range b.Locations {
		locs[l.ID] = l
		locByCode[strings.ToLower(l.Code)] = l
	}
	seen := map[string]int{}
	var plans []ItemPlan
	var rejected []RowError
	readErr := map[int]error{}
	for _, r := range f.Rejected {
		readErr[r.Line] = r.Err
	}
	rows := append(append([]ItemRow(nil), f.Rows...), f.partial...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Line < rows[j].Line })
	for _, row := range rows {
		var es Errors
		es.Add(readErr[row.Line])
		code := strings.TrimSpace(row.Item.Code)
		key := strings.ToLower(code)
		if first, ok := seen[key]; ok && code != "" {
			es.Add(Invalid("item.code", "err.csv.code_twice", "the code {{.code}} is on line {{.line}} too; give each item one row", map[string]any{"code": code, "line": first}))
		} else {
			seen[key] = row.Line
		}
		old, exists := byCode[key]
		it := old
		if !exists {
			it = Item{VATKind: VATStandard}
		}
		it.Stock = true
		if !exists {
			it.Code = code
		}
		if row.Item.Name != "" || !exists {
			it.Name = row.Item.Name
		}
		if row.Item.Unit != "" || !exists {
			it.Unit = row.Item.Unit
		}
		if row.Item.VATKind != "" {
			it.VATKind = row.Item.VATKind
		}
		if f.Has("item.price") {
			it.Price.Amount = row.Item.Price.Amount
		}
		if row.Item.Price.Currency != "" {
			it.Price.Currency = row.Item.Price.Currency
		}
		if it.Price.Currency == "" {
			it.Price.Currency = b.Base
		}
		oldCard, hasCard := cards[old.ID]
		if !exists {
			hasCard = false
			oldCard = StockItem{}
		}
		s := oldCard
		in := row.Stock
		if f.Has("stock_item.purchase_price") {
			s.PurchasePrice.Amount = in.PurchasePrice.Amount
		}
		if s.PurchasePrice.Currency == "" && s.PurchasePrice.Amount != 0 {
			s.PurchasePrice.Currency = b.Base
		}
		if f.Has("stock_item.ean") {
			s.EAN = in.EAN
		}
		if f.Has("stock_item.warranty_months") {
			s.WarrantyMonths = in.WarrantyMonths
		}
		if f.Has("stock_item.reorder_point") {
			s.ReorderPoint = in.ReorderPoint
		}
		if f.Has("stock_item.reorder_qty") {
			s.ReorderQty = in.ReorderQty
		}
		if f.Has("stock_item.tracking") {
			s.Tracking = in.Tracking
		}
		if in.Kind != "" {
			s.Kind = in.Kind
		}
		if f.Has("stock_item.location") {
			s.Location = ""
			if row.Location != "" {
				l, ok := locByCode[strings.ToLower(row.Location)]
				if ok {
					s.Location = l.ID
				} else {
					es.Add(Invalid("stock_item.location", "err.csv.location_unknown", "no location has the code {{.code}}", map[string]any{"code": row.Location}))
				}
			}
		}
		s.ItemID = old.ID
		s.Normalize()
		var rules Errors
		rules.Add(it.Validate())
		rules.Add(s.Validate(locs))
		checked := rules.Err()
		if row.Location != "" && s.Location == "" {
			// The unknown code is named once, above.
			checked = dropField(checked, "stock_item.location")
		}
		// A cell that did not read is named once, by ReadItemsCSV.
		for _, e := range flatten(readErr[row.Line]) {
			checked = dropField(checked, e.Field)
		}
		es.Add(checked)
		if s.EAN != "" {
			if owner, ok := eanOwner[s.EAN]; ok && owner != key {
				es.Add(Invalid("stock_item.ean", "err.csv.ean_taken", "the barcode {{.ean}} belongs to the item {{.code}}", map[string]any{"ean": s.EAN, "code": owner}))
			} else if es.Err() == nil {
				eanOwner[s.EAN] = key
			}
		}
		if err := es.Err(); err != nil {
			err = f.inColumnOrder(es)
			rejected = append(rejected, RowError{Line: row.Line, Reason: f.Reason(err), Err: err})
			continue
		}
		plans = append(plans, ItemPlan{Line: row.Line, Item: it, Stock: s, NewItem: !exists, NewCard: !hasCard,
			Changed: !exists || !hasCard || it != old || s != oldCard})
	}
	return plans, rejected
}

// dropField removes err's errors about field.
func dropField(err error, field string) error {
	var es Errors
	for _, e := range flatten(err) {
		if e.Field != field {
			es.Add(e)
		}
	}
	return es.Err()
}

// flatten lists the *Errors inside err.
func flatten(err error) []*Error {
	switch e := err.(type) {
	case nil:
		return nil
	case *Error:
		return []*Error{e}
	case Errors:
		return e
	}
	return []*Error{Internal("checking the row", err)}
}

// ItemRowsOf lists the items that have a stock card as ItemRows for
// WriteItemsCSV, by code, each with its default location's code.
func ItemRowsOf(items []Item, cards []StockItem, locs []Location) []ItemRow {
	byID := map[string]Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	locCode := map[string]string{}
	for _, l := range locs {
		locCode[l.ID] = l.Code
	}
	var out []ItemRow
	for _, s := range cards {
		it, ok := byID[s.ItemID]
		if !ok {
			continue
		}
		out = append(out, ItemRow{Item: it, Stock: s, Location: locCode[s.Location]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Item.Code < out[j].Item.Code })
	return out
}

// inColumnOrder sorts a row's mistakes by their columns' order in the file
// (fields without a column last), so they read left to right.
func (f ItemCSV) inColumnOrder(es Errors) error {
	col := func(field string) int {
		for k, c := range itemColumns {
			if c.field == field && f.cols[k] >= 0 {
				return f.cols[k]
			}
		}
		return len(f.Header)
	}
	sort.SliceStable(es, func(i, j int) bool { return col(es[i].Field) < col(es[j].Field) })
	return es.Err()
}

// ImportLineError is what the store returns when it refuses plan line of an
// item import: EINVALID (ENOTFOUND for an item gone meanwhile) with the
// line, err's message and err itself (errors.As finds its fields, so a
// front end can name the file's column, ItemCSV.Reason).
func ImportLineError(line int, err error) error {
	code := ErrorCode(err)
	if code != ENOTFOUND {
		code = EINVALID
	}
	return &Error{Code: code, Key: "err.items.line", Msg: "line {{.line}}: {{.reason}}",
		Args: map[string]any{"line": line, "reason": ErrorMessage(err, nil)}, Err: err}
}
