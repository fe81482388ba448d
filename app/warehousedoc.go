package app

import (
	"strings"
	"time"
)

// StockDocKind is the kind of a stock document.
type StockDocKind string

// Stock document kinds.
const (
	StockReceipt    StockDocKind = "receipt"    // příjemka
	StockIssue      StockDocKind = "issue"      // výdejka
	StockTransfer   StockDocKind = "transfer"   // převodka
	StockDifference StockDocKind = "difference" // inventurní rozdíly of a stocktake
)

// Series codes of the stock documents (their defaults: WarehouseSeries).
const (
	SeriesStockReceipt    = "stock_receipt"
	SeriesStockIssue      = "stock_issue"
	SeriesStockTransfer   = "stock_transfer"
	SeriesStockDifference = "stock_difference"
	SeriesStocktake       = "stocktake"
)

// Series returns the number series code the kind is numbered in.
func (k StockDocKind) Series() string {
	switch k {
	case StockIssue:
		return SeriesStockIssue
	case StockTransfer:
		return SeriesStockTransfer
	case StockDifference:
		return SeriesStockDifference
	}
	return SeriesStockReceipt
}

// Label is the kind's translatable name ("Příjemka").
func (k StockDocKind) Label() Label {
	switch k {
	case StockIssue:
		return Label{Key: "stock.kind.issue", Fallback: "Goods issue"}
	case StockTransfer:
		return Label{Key: "stock.kind.transfer", Fallback: "Transfer"}
	case StockDifference:
		return Label{Key: "stock.kind.difference", Fallback: "Stocktake differences"}
	}
	return Label{Key: "stock.kind.receipt", Fallback: "Goods receipt"}
}

// WarehouseSeries are the number series of the stock documents, for a
// company whose series lack them.
func WarehouseSeries() []Series {
	return []Series{
		{SeriesStockReceipt, "PR", 4}, {SeriesStockIssue, "VY", 4}, {SeriesStockTransfer, "PV", 4},
		{SeriesStockDifference, "IR", 4}, {SeriesStocktake, "IN", 4},
	}
}

// Counters: what a receipt's value is credited to (default acquisition),
// what an issue's is debited to (default expense; acquisition or payables
// for goods sent back to the supplier).
const (
	// CounterAcquisition credits 131 (111 for material): the received
	// invoice was posted there (method A's usual route).
	CounterAcquisition = "acquisition"
	// CounterPayables credits 321: the receipt is the purchase's posting.
	CounterPayables = "payables"
	// CounterExpense credits 504 (501): goods a customer returned, at the
	// cost they left at.
	CounterExpense = "expense"
)

// StockStatus is where a stock document stands: a draft is edited, a posted
// document is never changed (a correction is a new document).
type StockStatus string

// Stock document statuses.
const (
	StockDraft  StockStatus = "draft"
	StockPosted StockStatus = "posted"
)

// StockLine is one item of a stock document. Qty is positive, except on a
// difference document: negative a shortage (manko), positive a surplus.
type StockLine struct {
	ItemID string `json:"item_id"`
	Code   string `json:"code"`
	Name   string `json:"name"`
	Unit   string `json:"unit"`
	Qty    Qty    `json:"qty"`
	// UnitCost is haléře per unit: typed on a receipt (and a surplus),
	// filled from the costing on an issue (rounded, for the print).
	UnitCost int64 `json:"unit_cost"`
	// Value is the line's value in haléře without acquisition costs: on a
	// receipt Qty × UnitCost unless given (a received invoice's base); on
	// an issue, transfer or shortage the cost the costing gave it.
	Value int64 `json:"value"`
	// Costs is the receipt's acquisition costs allocated to the line.
	Costs int64 `json:"costs,omitempty"`
	// Beyond is the part of a shortage over the norm of natural losses
	// (posted to the loss account, not the shortage account).
	Beyond  Qty       `json:"beyond,omitempty"`
	Lot     string    `json:"lot,omitempty"`
	Expiry  Date      `json:"expiry,omitempty"`
	Serials []string  `json:"serials,omitempty"`
	Kind    StockKind `json:"kind,omitempty"` // copied from the card when posted
}

// Total is the line's value with its acquisition costs.
func (l StockLine) Total() int64 { return l.Value + l.Costs }

// AcquisitionCost is a cost of a receipt that is part of what the stock cost
// (vedlejší pořizovací náklady, § 25 ZoÚ: transport, duty, insurance,
// commission), allocated onto the lines by value.
type AcquisitionCost struct {
	Text    string `json:"text"`
	Amount  int64  `json:"amount"`            // haléře
	Counter string `json:"counter,omitempty"` // CounterAcquisition (default) or CounterPayables
}

// StockDoc is a receipt, issue, transfer or stocktake difference document.
// It carries what § 11 zákona o účetnictví asks of an accounting document:
// its designation (Kind, Number), content (Text, Lines) and parties
// (Partner, Location, ToLocation), the amount (Total), when it was made
// (Created) and when the event happened (Date), and the signature records
// of who is responsible (Responsible) and who posted it (PostedBy, Posted).
type StockDoc struct {
	ID         string       `json:"id"`
	Branch     string       `json:"branch"`
	Kind       StockDocKind `json:"kind"`
	Number     string       `json:"number"` // assigned when posted
	Status     StockStatus  `json:"status"`
	Date       Date         `json:"date"`                  // of the event
	Location   string       `json:"location"`              // into (receipt) or out of
	ToLocation string       `json:"to_location,omitempty"` // transfer: into
	PartnerID  string       `json:"partner_id,omitempty"`
	Partner    Party        `json:"partner,omitempty"` // supplier or customer, copied
	Text       string       `json:"text,omitempty"`
	// SourceKind and SourceID link the document it came from (a received
	// or issued invoice, an order, a stocktake), SourceNo its number.
	SourceKind string            `json:"source_kind,omitempty"`
	SourceID   string            `json:"source_id,omitempty"`
	SourceNo   string            `json:"source_no,omitempty"`
	Counter    string            `json:"counter,omitempty"` // see CounterAcquisition
	Costs      []AcquisitionCost `json:"costs,omitempty"`
	Lines      []StockLine       `json:"lines"`
	// Storno marks a document that reverses OriginalID (number
	// OriginalNo) at its values (StornoStockDoc); ReversedBy is set on
	// the original when its storno is posted. A return names the
	// document it returns goods of in OriginalID too, without Storno.
	Storno      bool      `json:"storno,omitempty"`
	OriginalID  string    `json:"original_id,omitempty"`
	OriginalNo  string    `json:"original_no,omitempty"`
	ReversedBy  string    `json:"reversed_by,omitempty"`
	Total       int64     `json:"total"` // Σ line totals, haléře
	Responsible string    `json:"responsible"`
	PostedBy    string    `json:"posted_by,omitempty"`
	EntryID     string    `json:"entry_id,omitempty"`
	Created     time.Time `json:"created"`
	Posted      time.Time `json:"posted,omitempty"`
	Revision    int       `json:"revision"`
}

// MaxStockLines bounds a stock document.
const MaxStockLines = 500

// Normalize trims what a person typed and fills the defaults.
func (d *StockDoc) Normalize() {
	d.Text = strings.TrimSpace(d.Text)
	switch {
	case d.Kind == StockReceipt && d.Counter == "":
		d.Counter = CounterAcquisition
	case d.Kind == StockIssue && d.Counter == "":
		d.Counter = CounterExpense
	case d.Kind == StockTransfer || d.Kind == StockDifference:
		d.Counter = ""
	}
	if d.Status == "" {
		d.Status = StockDraft
	}
	for i := range d.Lines {
		l := &d.Lines[i]
		l.Lot = strings.TrimSpace(l.Lot)
		for j, s := range l.Serials {
			l.Serials[j] = strings.TrimSpace(s)
		}
	}
	for i := range d.Costs {
		d.Costs[i].Text = strings.TrimSpace(d.Costs[i].Text)
		if d.Costs[i].Counter == "" {
			d.Costs[i].Counter = CounterAcquisition
		}
	}
}

// SerialKey names one serial number of one item.
type SerialKey struct{ Item, Serial string }

// LotKey names one lot of one item in one location.
type LotKey struct{ Item, Location, Lot string }

// LotKeys are the lots d takes out of its location (an issue, a transfer,
// a shortage, the storno of a receipt), for the store to say how much of
// each is on hand (StockContext.Lots).
func (d StockDoc) LotKeys() []LotKey {
	var out []LotKey
	seen := map[LotKey]bool{}
	for _, l := range d.Lines {
		k := LotKey{l.ItemID, d.Location, l.Lot}
		if l.Lot == "" || incoming(d, l) || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, k)
	}
	return out
}

// ValidateStockDoc checks d against the stock cards (by item ID) and the
// locations (by ID), naming every wrong field: the kind and date; unknown or
// inactive locations; a transfer into the location it leaves; lines of
// items that are not stock items, with a zero or negative quantity (a
// difference: zero), a negative cost, a tracked item without its lot or
// serial numbers, a serial number twice; acquisition costs on anything but
// a receipt.
func ValidateStockDoc(d StockDoc, items map[string]StockItem, locs map[string]Location) error {
	var es Errors
	switch d.Kind {
	case StockReceipt, StockIssue, StockTransfer, StockDifference:
	default:
		es.Add(Invalid("stock.kind", "err.stock.kind", "choose a receipt, issue, transfer or stocktake difference", nil))
	}
	if d.Date.IsZero() {
		es.Add(Invalid("stock.date", "err.required", "is required", nil))
	}
	es.Add(CheckLocation(d.Location, locs))
	if d.Kind == StockTransfer {
		switch {
		case d.ToLocation == d.Location && d.Location != "":
			es.Add(Invalid("stock.to_location", "err.stock.same_location", "a transfer goes to another location", nil))
		default:
			es.Add(WithField(CheckLocation(d.ToLocation, locs), "stock.to_location"))
		}
	}
	es.Add(maxText("stock.text", d.Text, 200))
	if (d.Kind == StockReceipt || d.Kind == StockIssue) && d.Counter != CounterAcquisition && d.Counter != CounterPayables && d.Counter != CounterExpense {
		es.Add(Invalid("stock.counter", "err.stock.counter", "choose what the document is posted against", nil))
	}
	if d.Storno && d.OriginalID == "" {
		es.Add(Invalid("stock.original", "err.stock.storno_original", "a storno names the document it reverses", nil))
	}
	es.Add(validateCosts(d))
	switch {
	case len(d.Lines) == 0:
		es.Add(Invalid("stock.lines", "err.stock.no_lines", "add at least one item", nil))
	case len(d.Lines) > MaxStockLines:
		es.Add(Invalid("stock.lines", "err.stock.too_many", "a stock document has at most {{.max}} lines", map[string]any{"max": MaxStockLines}))
	}
	seen := map[SerialKey]bool{}
	for i, l := range d.Lines {
		es.Add(validateStockLine(d.Kind, i+1, l, items, seen))
	}
	return es.Err()
}

func validateCosts(d StockDoc) error {
	if len(d.Costs) == 0 {
		return nil
	}
	if d.Kind != StockReceipt {
		return Invalid("stock.costs", "err.stock.costs_receipt", "acquisition costs belong to a receipt", nil)
	}
	var es Errors
	for i, c := range d.Costs {
		args := map[string]any{"n": i + 1}
		if c.Amount <= 0 {
			es.Add(Invalid("stock.costs", "err.stock.cost_positive", "cost {{.n}}: the amount must be more than zero", args))
		}
		if strings.TrimSpace(c.Text) == "" || len([]rune(c.Text)) > 120 {
			es.Add(Invalid("stock.costs", "err.stock.cost_text", "cost {{.n}}: say what it is (up to 120 characters)", args))
		}
		if c.Counter != CounterAcquisition && c.Counter != CounterPayables {
			es.Add(Invalid("stock.costs", "err.stock.cost_counter", "cost {{.n}}: choose whether it clears the purchase account or the supplier", args))
		}
	}
	return es.Err()
}

func validateStockLine(kind StockDocKind, n int, l StockLine, items map[string]StockItem, seen map[SerialKey]bool) error {
	args := func(more ...any) map[string]any {
		a := map[string]any{"n": n, "item": l.Name}
		for i := 0; i+1 < len(more); i += 2 {
			a[more[i].(string)] = more[i+1]
		}
		return a
	}
	it, ok := items[l.ItemID]
	if !ok || l.ItemID == "" {
		return Invalid("stock.lines", "err.stock.item_unknown", "line {{.n}}: {{.item}} is not a stock item", args())
	}
	var es Errors
	switch {
	case kind == StockDifference && l.Qty == 0:
		es.Add(Invalid("stock.lines", "err.stock.line_qty_zero", "line {{.n}} ({{.item}}): the quantity cannot be zero", args()))
	case kind != StockDifference && l.Qty <= 0:
		es.Add(Invalid("stock.lines", "err.stock.line_qty", "line {{.n}} ({{.item}}): the quantity must be more than zero", args()))
	}
	if l.UnitCost < 0 || l.Value < 0 {
		es.Add(Invalid("stock.lines", "err.stock.line_cost", "line {{.n}} ({{.item}}): a cost cannot be negative", args()))
	}
	if l.Beyond < 0 || l.Beyond > 0 && (kind != StockDifference || l.Beyond > -l.Qty) {
		es.Add(Invalid("stock.lines", "err.stock.beyond", "line {{.n}} ({{.item}}): the shortage over the norm is at most the shortage", args()))
	}
	switch it.Tracking {
	case TrackLot:
		if l.Lot == "" {
			es.Add(Invalid("stock.lines", "err.stock.lot_required", "line {{.n}} ({{.item}}): the item is tracked by lot; enter the lot", args()))
		}
	case TrackSerial:
		es.Add(validateSerials(n, l, args, seen))
	}
	return es.Err()
}

func validateSerials(n int, l StockLine, args func(...any) map[string]any, seen map[SerialKey]bool) error {
	if len(l.Serials) == 0 {
		return Invalid("stock.lines", "err.stock.serial_required", "line {{.n}} ({{.item}}): the item is tracked by serial number; enter one for each unit", args())
	}
	q := l.Qty
	if q < 0 {
		q = -q
	}
	if q != Q(int64(len(l.Serials))) {
		return Invalid("stock.lines", "err.stock.serial_count", "line {{.n}} ({{.item}}): {{.count}} serial numbers for a quantity of {{.qty}}", args("count", len(l.Serials), "qty", q.Format(English)))
	}
	for _, s := range l.Serials {
		k := SerialKey{l.ItemID, s}
		switch {
		case s == "" || len(s) > 64:
			return Invalid("stock.lines", "err.stock.serial_empty", "line {{.n}} ({{.item}}): a serial number is 1 to 64 characters", args())
		case seen[k]:
			return Invalid("stock.lines", "err.stock.serial_duplicate", "line {{.n}} ({{.item}}): serial number {{.serial}} is on the document twice", args("serial", s))
		}
		seen[k] = true
	}
	return nil
}

// SerialKeys are the serial numbers d names, for the store to look up
// where each is on hand (StockContext.Serials).
func (d StockDoc) SerialKeys() []SerialKey {
	var out []SerialKey
	for _, l := range d.Lines {
		for _, s := range l.Serials {
			out = append(out, SerialKey{l.ItemID, s})
		}
	}
	return out
}

// PositionKeys are the positions posting d moves, for the store to load
// (StockContext.Positions).
func (d StockDoc) PositionKeys() []PosKey {
	seen := map[PosKey]bool{}
	var out []PosKey
	add := func(k PosKey) {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, l := range d.Lines {
		add(PosKey{l.ItemID, d.Location})
		if d.Kind == StockTransfer {
			add(PosKey{l.ItemID, d.ToLocation})
		}
	}
	return out
}
