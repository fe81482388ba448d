package app

import (
	"sort"
	"strconv"
)

// The warehouse's reports. They are pure: the store loads the positions,
// moves and cards, these lay them out as ReportTables (screen, PDF, CSV).
const (
	ReportStockLevels ReportKind = "stock-levels" // levels and value as of a day
	ReportStockCard   ReportKind = "stock-card"   // every move of one item
	ReportReorder     ReportKind = "reorder"      // below the reorder point; a purchase request
	ReportSlowMovers  ReportKind = "slow-movers"  // no issue in N days
	ReportLotExpiry   ReportKind = "lot-expiry"   // lots expiring within N days
)

// StockCatalog is what the warehouse reports look up: the stock cards, the
// price-list items they belong to (code, name, unit) and the locations.
type StockCatalog struct {
	Stock     map[string]StockItem
	Items     map[string]Item
	Locations map[string]Location
	Lang      Lang // of the cells; English when not valid
}

// LotLevel is the quantity of one lot at one location (the lot expiry report).
type LotLevel struct {
	Item, Location, Lot string
	Expiry              Date
	Qty                 Qty
	Value               int64
}

// stockWriter lays out one warehouse report.
type stockWriter struct {
	c StockCatalog
	t Translator
	r ReportTable
}

func newStockWriter(c StockCatalog, t Translator, kind ReportKind, key, title string) *stockWriter {
	if !c.Lang.Valid() {
		c.Lang = English
		if l, ok := t.(interface{ Lang() Lang }); ok && l.Lang().Valid() {
			c.Lang = l.Lang()
		}
	}
	w := &stockWriter{c: c, t: t}
	w.r = ReportTable{Kind: kind, Lang: c.Lang, Title: w.tr(key, title, nil)}
	return w
}

func (w *stockWriter) tr(key, fallback string, args map[string]any) string {
	if w.t == nil {
		return renderTemplate(fallback, args)
	}
	return w.t.Translate(key, fallback, args)
}

func (w *stockWriter) col(key, fallback string, numeric bool, weight float64) {
	w.r.Columns = append(w.r.Columns, ReportColumn{Title: w.tr(key, fallback, nil), Numeric: numeric, Weight: weight})
}

func (w *stockWriter) row(cells ...string) { w.r.Rows = append(w.r.Rows, ReportRow{Cells: cells}) }
func (w *stockWriter) total(cells ...string) {
	w.r.Rows = append(w.r.Rows, ReportRow{Cells: cells, Total: true})
}
func (w *stockWriter) money(v int64) string { return FormatMinor(v, 2, w.c.Lang) }
func (w *stockWriter) qty(q Qty) string     { return q.Format(w.c.Lang) }
func (w *stockWriter) date(d Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(w.c.Lang)
}
func (w *stockWriter) asOf(d Date) {
	w.r.To = d
	w.r.Period = w.tr("report.period.as_of", "as of {{.date}}", map[string]any{"date": w.date(d)})
}
func (w *stockWriter) code(id string) string {
	if it, ok := w.c.Items[id]; ok && it.Code != "" {
		return it.Code
	}
	return id
}
func (w *stockWriter) name(id string) string { return w.c.Items[id].Name }
func (w *stockWriter) unit(id string) string { return w.c.Items[id].Unit }
func (w *stockWriter) loc(id string) string {
	if l, ok := w.c.Locations[id]; ok {
		return l.Code
	}
	return id
}

// sortedKeys are the positions ordered by item code, then location code.
func (w *stockWriter) sortedKeys(pos map[PosKey]Position) []PosKey {
	keys := make([]PosKey, 0, len(pos))
	for k := range pos {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if ca, cb := w.code(a.Item), w.code(b.Item); ca != cb {
			return ca < cb
		}
		if a.Item != b.Item {
			return a.Item < b.Item
		}
		return w.loc(a.Location) < w.loc(b.Location)
	})
	return keys
}

// StockLevelsReport lists every position's quantity, unit cost and value as
// of day (pos holds each position's level on that day, e.g. from
// LevelAsOf), item by item with a subtotal for an item kept in several
// locations, and the total value. A negative level is flagged in the last
// column. Positions with neither quantity nor value are left out.
func StockLevelsReport(c StockCatalog, pos map[PosKey]Position, day Date, t Translator) ReportTable {
	w := newStockWriter(c, t, ReportStockLevels, "report.title.stock_levels", "Stock levels and value")
	w.asOf(day)
	w.col("report.col.code", "Code", false, 1)
	w.col("report.col.item", "Item", false, 3)
	w.col("report.col.location", "Location", false, 1)
	w.col("report.col.qty", "Quantity", true, 1.2)
	w.col("report.col.unit", "Unit", false, 0.6)
	w.col("report.col.unit_cost", "Unit cost", true, 1.2)
	w.col("report.col.value", "Value", true, 1.4)
	w.col("report.col.flag", "Note", false, 1.2)
	neg := w.tr("report.stock.negative", "negative stock", nil)
	var total int64
	var item string
	var iq Qty
	var iv int64
	n := 0
	flush := func() {
		if n > 1 {
			flag := ""
			if iq < 0 {
				flag = neg
			}
			w.total(w.code(item), w.name(item), "", w.qty(iq), w.unit(item), "", w.money(iv), flag)
		}
	}
	negatives := 0
	for _, k := range w.sortedKeys(pos) {
		p := pos[k]
		if p.Qty == 0 && p.Value == 0 {
			continue
		}
		if k.Item != item {
			flush()
			item, iq, iv, n = k.Item, 0, 0, 0
		}
		flag := ""
		if p.Qty < 0 {
			flag = neg
			negatives++
		}
		w.row(w.code(k.Item), w.name(k.Item), w.loc(k.Location), w.qty(p.Qty), w.unit(k.Item), w.money(p.UnitCost()), w.money(p.Value), flag)
		iq += p.Qty
		iv += p.Value
		total += p.Value
		n++
	}
	flush()
	w.total(w.tr("report.row.total", "Total", nil), "", "", "", "", "", w.money(total), "")
	if negatives > 0 {
		w.r.Notes = append(w.r.Notes, w.tr("report.note.negative_stock", "{{.n}} positions are below zero", map[string]any{"n": negatives}))
	}
	return w.r
}

// StockCardReport is the stock card of item: every move in [from, to]
// with the running quantity and value of the item over all its locations,
// each move's unit cost and value; an opening row carries the level before
// from. moves are the item's moves in posting order (any locations).
func StockCardReport(c StockCatalog, item string, moves []StockMove, from, to Date, t Translator) ReportTable {
	w := newStockWriter(c, t, ReportStockCard, "report.title.stock_card", "Stock card")
	w.r.Title += " " + w.code(item) + " " + w.name(item)
	w.r.From, w.r.To = from, to
	w.r.Period = w.date(from) + " – " + w.date(to)
	w.col("report.col.date", "Date", false, 1)
	w.col("report.col.document", "Document", false, 1.2)
	w.col("report.col.location", "Location", false, 1)
	w.col("report.col.in", "In", true, 1)
	w.col("report.col.out", "Out", true, 1)
	w.col("report.col.unit_cost", "Unit cost", true, 1.1)
	w.col("report.col.value", "Value", true, 1.3)
	w.col("report.col.qty_after", "Quantity after", true, 1.1)
	w.col("report.col.value_after", "Value after", true, 1.3)
	type lv struct {
		q Qty
		v int64
	}
	at := map[string]lv{}
	sum := func() (Qty, int64) {
		var q Qty
		var v int64
		for _, x := range at {
			q += x.q
			v += x.v
		}
		return q, v
	}
	var in, out Qty
	opened := false
	open := func() {
		q, v := sum()
		w.total(w.date(from), w.tr("report.stock.opening", "Opening balance", nil), "", "", "", "", "", w.qty(q), w.money(v))
		opened = true
	}
	for _, m := range moves {
		if m.Item != item && m.Item != "" {
			continue
		}
		if !to.IsZero() && m.Date.After(to) {
			break
		}
		if !from.IsZero() && m.Date.Before(from) {
			at[m.Location] = lv{m.QtyAfter, m.ValueAfter}
			continue
		}
		if !opened {
			open()
		}
		at[m.Location] = lv{m.QtyAfter, m.ValueAfter}
		q, v := sum()
		inC, outC := "", ""
		if m.Qty >= 0 {
			inC = w.qty(m.Qty)
			in += m.Qty
		} else {
			outC = w.qty(-m.Qty)
			out -= m.Qty
		}
		w.row(w.date(m.Date), m.DocNumber, w.loc(m.Location), inC, outC, w.money(unitOf(m.Value, m.Qty)), w.money(m.Value), w.qty(q), w.money(v))
	}
	if !opened {
		open()
	}
	q, v := sum()
	w.total(w.date(to), w.tr("report.stock.closing", "Closing balance", nil), "", w.qty(in), w.qty(out), "", "", w.qty(q), w.money(v))
	return w.r
}

// unitOf is value per unit of q, in haléře rounded half away from zero.
func unitOf(value int64, q Qty) int64 {
	u, _ := mulDiv(value, QtyScale, int64(q))
	if u < 0 {
		u = -u
	}
	return u
}

// ReorderReport lists the items whose level (over all locations) is at or
// below their reorder point, with the quantity to order (StockItem.Reorder)
// and its value at the purchase price; it doubles as a purchase request.
func ReorderReport(c StockCatalog, levels map[string]Qty, day Date, t Translator) ReportTable {
	w := newStockWriter(c, t, ReportReorder, "report.title.reorder", "Reorder list")
	w.asOf(day)
	w.col("report.col.code", "Code", false, 1)
	w.col("report.col.item", "Item", false, 3)
	w.col("report.col.qty", "Quantity", true, 1)
	w.col("report.col.reorder_point", "Reorder point", true, 1)
	w.col("report.col.order_qty", "To order", true, 1)
	w.col("report.col.unit", "Unit", false, 0.6)
	w.col("report.col.purchase_price", "Purchase price", true, 1.2)
	w.col("report.col.value", "Value", true, 1.3)
	ids := make([]string, 0, len(c.Stock))
	for id := range c.Stock {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		return w.code(ids[i]) < w.code(ids[j]) || w.code(ids[i]) == w.code(ids[j]) && ids[i] < ids[j]
	})
	var total int64
	for _, id := range ids {
		s := c.Stock[id]
		order := s.Reorder(levels[id])
		if order <= 0 {
			continue
		}
		v, _ := mulDiv(s.PurchasePrice.Amount, int64(order), QtyScale)
		total += v
		w.row(w.code(id), w.name(id), w.qty(levels[id]), w.qty(s.ReorderPoint), w.qty(order), w.unit(id), w.money(s.PurchasePrice.Amount), w.money(v))
	}
	w.total(w.tr("report.row.total", "Total", nil), "", "", "", "", "", "", w.money(total))
	return w.r
}

// SlowMoversReport lists the positions with stock whose item has not been
// issued for at least days days before day (lastIssue: the item's last
// issue; absent = never), the oldest first.
func SlowMoversReport(c StockCatalog, pos map[PosKey]Position, lastIssue map[string]Date, day Date, days int, t Translator) ReportTable {
	w := newStockWriter(c, t, ReportSlowMovers, "report.title.slow_movers", "Slow movers")
	w.asOf(day)
	w.r.Notes = append(w.r.Notes, w.tr("report.note.slow_movers", "No issue in {{.days}} days", map[string]any{"days": days}))
	w.col("report.col.code", "Code", false, 1)
	w.col("report.col.item", "Item", false, 3)
	w.col("report.col.location", "Location", false, 1)
	w.col("report.col.qty", "Quantity", true, 1)
	w.col("report.col.unit", "Unit", false, 0.6)
	w.col("report.col.value", "Value", true, 1.3)
	w.col("report.col.last_issue", "Last issue", false, 1)
	w.col("report.col.days", "Days", true, 0.7)
	limit := day.AddDays(-days)
	never := w.tr("report.stock.never", "never", nil)
	var keys []PosKey
	for _, k := range w.sortedKeys(pos) {
		if pos[k].Qty <= 0 {
			continue
		}
		if last, ok := lastIssue[k.Item]; ok && last.After(limit) {
			continue
		}
		keys = append(keys, k)
	}
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := lastIssue[keys[i].Item], lastIssue[keys[j].Item]
		return a.Before(b)
	})
	var total int64
	for _, k := range keys {
		p := pos[k]
		last, since := never, ""
		if d, ok := lastIssue[k.Item]; ok && !d.IsZero() {
			last = w.date(d)
			since = strconv.Itoa(daysBetween(d, day))
		}
		total += p.Value
		w.row(w.code(k.Item), w.name(k.Item), w.loc(k.Location), w.qty(p.Qty), w.unit(k.Item), w.money(p.Value), last, since)
	}
	w.total(w.tr("report.row.total", "Total", nil), "", "", "", "", w.money(total), "", "")
	return w.r
}

// LotExpiryReport lists the lots in stock that expire within days days of
// day, the expired first, then by expiry date; lots without an expiry are
// left out.
func LotExpiryReport(c StockCatalog, lots []LotLevel, day Date, days int, t Translator) ReportTable {
	w := newStockWriter(c, t, ReportLotExpiry, "report.title.lot_expiry", "Lot expiry")
	w.asOf(day)
	w.r.Notes = append(w.r.Notes, w.tr("report.note.lot_expiry", "Lots expiring within {{.days}} days", map[string]any{"days": days}))
	w.col("report.col.expiry", "Expiry", false, 1)
	w.col("report.col.code", "Code", false, 1)
	w.col("report.col.item", "Item", false, 3)
	w.col("report.col.lot", "Lot", false, 1)
	w.col("report.col.location", "Location", false, 1)
	w.col("report.col.qty", "Quantity", true, 1)
	w.col("report.col.value", "Value", true, 1.3)
	w.col("report.col.flag", "Note", false, 1)
	limit := day.AddDays(days)
	var sel []LotLevel
	for _, l := range lots {
		if l.Qty > 0 && !l.Expiry.IsZero() && !l.Expiry.After(limit) {
			sel = append(sel, l)
		}
	}
	sort.SliceStable(sel, func(i, j int) bool {
		if c := sel[i].Expiry.Compare(sel[j].Expiry); c != 0 {
			return c < 0
		}
		if a, b := w.code(sel[i].Item), w.code(sel[j].Item); a != b {
			return a < b
		}
		return sel[i].Lot < sel[j].Lot
	})
	expired := w.tr("report.stock.expired", "expired", nil)
	var total int64
	for _, l := range sel {
		flag := ""
		if l.Expiry.Before(day) {
			flag = expired
		}
		total += l.Value
		w.row(w.date(l.Expiry), w.code(l.Item), w.name(l.Item), l.Lot, w.loc(l.Location), w.qty(l.Qty), w.money(l.Value), flag)
	}
	w.total(w.tr("report.row.total", "Total", nil), "", "", "", "", "", w.money(total), "")
	return w.r
}
