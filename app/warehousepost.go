package app

import (
	"slices"
	"time"
)

// The posting of a stock document. The store loads the stock cards,
// locations, the positions (StockDoc.PositionKeys) and where the serial
// numbers are (StockDoc.SerialKeys), the locked months and the settings;
// numbers the document; calls PostStockDoc; and stores in the same
// transaction the posted document, the new positions, the moves (a stock
// card's rows, with the position after each) and the entry, if any.

// PosKey names a running position: one item in one location.
type PosKey struct{ Item, Location string }

// StockAccounts are the accounts the warehouse posts to.
type StockAccounts struct {
	Goods, GoodsAcquisition, GoodsSold          string // 132, 131, 504
	Material, MaterialAcquisition, MaterialUsed string // 112, 111, 501
	Payables                                    string // 321
	Shortage, ShortageBeyond, Surplus           string // 549, 549100, 648
}

// StockAccountsOf maps the chart to the warehouse's accounts. Shortages
// beyond the norm go to an analytic account of 549 that is not tax
// deductible (549100): the chart in force since 2016 (vyhláška 500/2002 as
// amended by 250/2015) has no 582 "Škody" any more — its group 58 is the
// change of own stock and capitalisation. The Czech chart's 111, 131, 549
// and 549100 and the international chart's 1310, 1320,
// 1330, 6910 and 6920 are not in the preset charts: WarehouseAccounts lists
// them for the store to add.
func StockAccountsOf(c Chart) StockAccounts {
	if c == ChartInternational {
		return StockAccounts{"1300", "1310", "5000", "1320", "1330", "5100", "2000", "6910", "6920", "4900"}
	}
	return StockAccounts{"132", "131", "504", "112", "111", "501", "321", "549", "549100", "648"}
}

// WarehouseAccounts are the accounts the warehouse posts to that chart c's
// preset lacks.
func WarehouseAccounts(c Chart) []Account {
	if c == ChartInternational {
		return []Account{
			{Code: "1310", Name: "Goods in transit", Type: Asset},
			{Code: "1320", Name: "Materials in stock", Type: Asset},
			{Code: "1330", Name: "Materials in transit", Type: Asset},
			{Code: "6910", Name: "Stock shortages within norms", Type: Expense},
			{Code: "6920", Name: "Stock losses beyond norms", Type: Expense},
		}
	}
	return []Account{
		{Code: "111", Name: "Pořízení materiálu", Type: Asset},
		{Code: "131", Name: "Pořízení zboží", Type: Asset},
		{Code: "549", Name: "Manka a škody z provozní činnosti", Type: Expense},
		{Code: "549100", Name: "Manka a škody nad normu (daňově neuznatelné)", Type: Expense},
	}
}

func (a StockAccounts) stock(k StockKind) string {
	if k == StockMaterial {
		return a.Material
	}
	return a.Goods
}

func (a StockAccounts) acquisition(k StockKind) string {
	if k == StockMaterial {
		return a.MaterialAcquisition
	}
	return a.GoodsAcquisition
}

func (a StockAccounts) expense(k StockKind) string {
	if k == StockMaterial {
		return a.MaterialUsed
	}
	return a.GoodsSold
}

// StockContext is what the store loads for PostStockDoc.
type StockContext struct {
	Company   Company
	Settings  WarehouseSettings
	Items     map[string]StockItem // by item ID
	Locations map[string]Location  // by ID
	Positions map[PosKey]Position  // d.PositionKeys(); a missing one is empty
	// Serials says in which location each of d.SerialKeys() is on hand; a
	// missing one is not on hand anywhere.
	Serials map[SerialKey]string
	// Lots is how much of each lot d takes out (d.LotKeys()) is on hand in
	// its location now; nil when the store does not say (no lot is checked).
	Lots   map[LotKey]Qty
	Locked []Month
}

// StockMove is one row of a stock card: what one line of a posted document
// did to one position, and the position after it.
type StockMove struct {
	DocID      string       `json:"doc_id"`
	DocNumber  string       `json:"doc_number"`
	Kind       StockDocKind `json:"kind"`
	Date       Date         `json:"date"`
	Line       int          `json:"line"` // 1-based
	Item       string       `json:"item"`
	Location   string       `json:"location"`
	Qty        Qty          `json:"qty"`    // signed: + in, − out
	Value      int64        `json:"value"`  // signed, haléře
	Adjust     int64        `json:"adjust"` // see MoveResult.Adjust
	QtyAfter   Qty          `json:"qty_after"`
	ValueAfter int64        `json:"value_after"`
	Lot        string       `json:"lot,omitempty"`
	Expiry     Date         `json:"expiry,omitempty"`
	Serials    []string     `json:"serials,omitempty"`
}

// StockPosting is what posting a stock document decides.
type StockPosting struct {
	Doc       StockDoc             // posted: costs, totals, signature records filled
	Positions map[PosKey]Position  // every position the document moved, after it
	Moves     []StockMove          // in line order (a transfer: out, then in)
	Serials   map[SerialKey]string // where each serial is now; "" = gone out
	Entry     *Entry               // nil when nothing posts (method B, a transfer, zero value)
}

// PostStockDoc posts numbered draft d for user at now: it refuses a
// posted document, a locked month and everything ValidateStockDoc refuses;
// costs each line on its position (ApplyMove), refusing more than is on
// hand unless the settings allow it, a serial number received that is
// already on hand and one issued that is not on hand there; and returns the
// posted document, positions, moves and entry (method A; none for method B).
func PostStockDoc(d StockDoc, in StockContext, user string, now time.Time) (StockPosting, error) {
	var out StockPosting
	in.Settings.Normalize()
	d = d.clone()
	d.Normalize()
	if d.Status == StockPosted {
		return out, Errorf(ECONFLICT, "err.stock.posted", "{{.number}} is posted; correct it with a new document", map[string]any{"number": d.Number})
	}
	if d.Number == "" || d.ID == "" || user == "" {
		return out, Internal("posting a stock document", Errorf(EINTERNAL, "", "the document has no ID, number or user posting it", nil))
	}
	if err := in.Settings.Validate(); err != nil {
		return out, err
	}
	if slices.Contains(in.Locked, d.Date.MonthOf()) {
		return out, Invalid("stock.date", "err.period.locked", "{{.month}} is locked; unlock the month or post into an open one", map[string]any{"month": d.Date.MonthOf().Format()})
	}
	if err := ValidateStockDoc(d, in.Items, in.Locations); err != nil {
		return out, err
	}
	var alloc [][]int64
	if d.Kind == StockReceipt {
		var err error
		if d, alloc, err = ReceiptValues(d); err != nil {
			return out, err
		}
	}
	out.Positions = map[PosKey]Position{}
	out.Serials = map[SerialKey]string{}
	lots := map[LotKey]Qty{}
	pos := func(k PosKey) Position {
		if p, ok := out.Positions[k]; ok {
			return p
		}
		return in.Positions[k]
	}
	d.Total = 0
	adjust := make([]int64, len(d.Lines))
	for i := range d.Lines {
		l := &d.Lines[i]
		if !d.Storno || l.Kind == "" { // a storno posts to its original's accounts
			l.Kind = in.Items[l.ItemID].Kind
		}
		if l.Kind == "" {
			l.Kind = StockGoods
		}
		if err := moveSerials(d, *l, i+1, in, out.Serials); err != nil {
			return out, err
		}
		if err := takeLot(d, *l, i+1, in, lots); err != nil {
			return out, err
		}
		moves, adj, err := postLine(d, l, i+1, pos, in.Settings)
		if err != nil {
			return out, err
		}
		for _, m := range moves {
			out.Positions[PosKey{m.Item, m.Location}] = m.position
			out.Moves = append(out.Moves, m.StockMove)
		}
		adjust[i] = adj
		d.Total += l.Total()
	}
	d.Status, d.PostedBy, d.Posted = StockPosted, user, now
	if d.Responsible == "" {
		d.Responsible = user
	}
	if in.Settings.Method == StockContinuous {
		e, err := stockEntry(d, alloc, adjust, StockAccountsOf(in.Company.Chart))
		if err != nil {
			return out, err
		}
		out.Entry = e
	}
	out.Doc = d
	return out, nil
}

// clone is d with its own lines, serial numbers and costs, so normalizing
// and costing it never write into the caller's slices.
func (d StockDoc) clone() StockDoc {
	d.Lines = append([]StockLine(nil), d.Lines...)
	for i := range d.Lines {
		d.Lines[i].Serials = append([]string(nil), d.Lines[i].Serials...)
	}
	d.Costs = append([]AcquisitionCost(nil), d.Costs...)
	return d
}

type postedMove struct {
	StockMove
	position Position
}

// incoming reports whether line l of d brings stock in: a receipt's, a
// surplus's, and a storno's of an issue or shortage (a storno of a
// transfer is a transfer back).
func incoming(d StockDoc, l StockLine) bool {
	in := d.Kind == StockReceipt || d.Kind == StockDifference && l.Qty > 0
	if d.Storno && d.Kind != StockTransfer {
		return !in
	}
	return in
}

// postLine applies line l (n, 1-based) of d to its positions: a receipt or
// surplus in, an issue or shortage out at cost (filled into the line), a
// transfer out of one location into the other; a storno the other way at
// the values its original's line carried.
func postLine(d StockDoc, l *StockLine, n int, pos func(PosKey) Position, s WarehouseSettings) ([]postedMove, int64, error) {
	from := PosKey{l.ItemID, d.Location}
	mk := func(k PosKey, qty Qty, value, adj int64, p Position) postedMove {
		return postedMove{StockMove{DocID: d.ID, DocNumber: d.Number, Kind: d.Kind, Date: d.Date, Line: n, Item: k.Item, Location: k.Location,
			Qty: qty, Value: value, Adjust: adj, QtyAfter: p.Qty, ValueAfter: p.Value, Lot: l.Lot, Expiry: l.Expiry, Serials: l.Serials}, p}
	}
	apply := func(k PosKey, m Move) (Position, MoveResult, error) {
		p, r, err := ApplyMove(pos(k), m, s.Costing, s.AllowNegative)
		if err != nil {
			return p, r, lineError(n, *l, err)
		}
		return p, r, nil
	}
	q := l.Qty
	if q < 0 {
		q = -q
	}
	if incoming(d, *l) {
		if d.Kind == StockDifference && !d.Storno && l.Value == 0 {
			unit := l.UnitCost
			if unit == 0 {
				unit = pos(from).UnitCost() // a surplus at the current cost unless typed
			}
			l.UnitCost = unit
			v, ok := mulDiv(int64(l.Qty), unit, QtyScale)
			if !ok {
				return nil, 0, lineError(n, *l, Errorf(EINVALID, "err.money.overflow", "amount is too large", nil))
			}
			l.Value = v
		}
		p, r, err := apply(from, Move{Date: d.Date, Qty: q, Value: l.Total()})
		if err != nil {
			return nil, 0, err
		}
		return []postedMove{mk(from, q, l.Total(), r.Adjust, p)}, r.Adjust, nil
	}
	if d.Storno && d.Kind != StockTransfer {
		p, r, err := apply(from, Move{Date: d.Date, Qty: -q, Value: l.Total(), Fixed: true})
		if err != nil {
			return nil, 0, err
		}
		return []postedMove{mk(from, -q, -l.Total(), r.Adjust, p)}, r.Adjust, nil
	}
	p, r, err := apply(from, Move{Date: d.Date, Qty: -q})
	if err != nil {
		return nil, 0, err
	}
	l.Value = r.Cost
	l.UnitCost, _ = mulDiv(r.Cost, QtyScale, int64(q))
	out := []postedMove{mk(from, -q, -r.Cost, 0, p)}
	if d.Kind != StockTransfer {
		return out, 0, nil
	}
	to := PosKey{l.ItemID, d.ToLocation}
	taken := r.Taken
	if s.Costing != CostFIFO {
		taken = nil
	}
	p, r2, err := apply(to, Move{Date: d.Date, Qty: q, Value: r.Cost, Layers: taken})
	if err != nil {
		return nil, 0, err
	}
	return append(out, mk(to, q, r.Cost, r2.Adjust, p)), r2.Adjust, nil
}

// takeLot checks that line l (n, 1-based) of d, when it takes a lot out of
// d's location, finds that much of the lot there (in.Lots, less what the
// lines before took: now) unless the company allows negative stock.
func takeLot(d StockDoc, l StockLine, n int, in StockContext, now map[LotKey]Qty) error {
	if in.Lots == nil || l.Lot == "" || incoming(d, l) || in.Items[l.ItemID].Tracking != TrackLot {
		return nil
	}
	k := LotKey{l.ItemID, d.Location, l.Lot}
	have, ok := now[k]
	if !ok {
		have = in.Lots[k]
	}
	q := l.Qty
	if q < 0 {
		q = -q
	}
	if q > have && !in.Settings.AllowNegative {
		return Invalid("stock.lines", "err.stock.lot_short", "line {{.n}} ({{.item}}): lot {{.lot}} has {{.have}} on hand in this location; the line takes {{.qty}}",
			map[string]any{"n": n, "item": l.Name, "lot": l.Lot, "have": have.Format(English), "qty": q.Format(English)})
	}
	now[k] = have - q
	return nil
}

// moveSerials checks the serial numbers of line l against where they are
// on hand (in.Serials, updated by the lines before in now) and records
// where they go: a receipt or surplus brings in serials that are not on
// hand; an issue, shortage or transfer takes serials on hand in its
// location.
func moveSerials(d StockDoc, l StockLine, n int, in StockContext, now map[SerialKey]string) error {
	where := func(k SerialKey) string {
		if w, ok := now[k]; ok {
			return w
		}
		return in.Serials[k]
	}
	incoming := incoming(d, l)
	for _, s := range l.Serials {
		k := SerialKey{l.ItemID, s}
		at := where(k)
		args := map[string]any{"n": n, "item": l.Name, "serial": s}
		switch {
		case incoming && at != "":
			return Invalid("stock.lines", "err.stock.serial_on_hand", "line {{.n}} ({{.item}}): serial number {{.serial}} is already in stock", args)
		case !incoming && at != d.Location:
			return Invalid("stock.lines", "err.stock.serial_not_here", "line {{.n}} ({{.item}}): serial number {{.serial}} is not in stock in this location", args)
		}
		switch {
		case incoming:
			now[k] = d.Location
		case d.Kind == StockTransfer:
			now[k] = d.ToLocation
		default:
			now[k] = ""
		}
	}
	return nil
}

// lineError names line n in a costing error.
func lineError(n int, l StockLine, err error) error {
	e, ok := err.(*Error)
	if !ok || e.Code != EINVALID {
		return err
	}
	field := e.Field
	if field == "" {
		field = "stock.lines"
	}
	return Invalid(field, "err.stock.line", "line {{.n}} ({{.item}}): {{.reason}}", map[string]any{"n": n, "item": l.Name, "reason": Label{Key: e.Key, Fallback: e.Msg, Args: e.Args}})
}
