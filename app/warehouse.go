package app

import "strings"

// The warehouse's settings, stock cards and locations. The rules of stock
// documents are in warehousedoc.go, costing in warehousecost.go, posting in
// warehousepost.go and stocktaking in warehousestocktake.go; the store loads
// what they need, calls them and stores what they return.

// StockMethod is how the books keep stock (ČÚS 015): continuously, each
// receipt and issue posted to 132 (method A, průběžná evidence), or
// periodically, purchases expensed and stock posted only at the year's end
// from the count (method B).
type StockMethod string

// Stock methods.
const (
	StockContinuous StockMethod = "continuous" // způsob A
	StockPeriodic   StockMethod = "periodic"   // způsob B
)

// CostMethod is how an issue is costed: at the weighted average of what is
// in stock, or first in, first out. LIFO is not permitted in Czech accounting
// (ČÚS 015 bod 3.2) and so has no constant.
type CostMethod string

// Cost methods.
const (
	CostAverage CostMethod = "average" // vážený aritmetický průměr
	CostFIFO    CostMethod = "fifo"
)

// WarehouseSettings are the company's stock settings.
type WarehouseSettings struct {
	Method  StockMethod `json:"method"`
	Costing CostMethod  `json:"costing"`
	// AllowNegative lets an issue take more than is on hand (the screens
	// show such a level in red); off, it is refused.
	AllowNegative bool `json:"allow_negative,omitempty"`
}

// Normalize gives empty settings the defaults: method A at weighted average.
func (s *WarehouseSettings) Normalize() {
	if s.Method == "" {
		s.Method = StockContinuous
	}
	if s.Costing == "" {
		s.Costing = CostAverage
	}
}

// Validate refuses an unknown method, and LIFO by name.
func (s WarehouseSettings) Validate() error {
	var es Errors
	if s.Method != StockContinuous && s.Method != StockPeriodic {
		es.Add(Invalid("warehouse.method", "err.warehouse.method", "choose continuous (A) or periodic (B) stock keeping", nil))
	}
	switch {
	case strings.EqualFold(string(s.Costing), "lifo"):
		es.Add(Invalid("warehouse.costing", "err.warehouse.lifo", "LIFO is not permitted in Czech accounting; choose weighted average or FIFO", nil))
	case s.Costing != CostAverage && s.Costing != CostFIFO:
		es.Add(Invalid("warehouse.costing", "err.warehouse.costing", "choose weighted average or FIFO", nil))
	}
	return es.Err()
}

// StockKind says which accounts an item's stock posts to: goods (zboží,
// 131/132/504) or material (materiál, 111/112/501).
type StockKind string

// Stock kinds.
const (
	StockGoods    StockKind = "goods"
	StockMaterial StockKind = "material"
)

// Tracking says what a stock document must name for each unit of an item.
type Tracking string

// Trackings.
const (
	TrackNone   Tracking = ""
	TrackLot    Tracking = "lot"    // šarže, optionally with an expiry date
	TrackSerial Tracking = "serial" // výrobní číslo, one per unit
)

// StockItem is the stock card of a price-list item (Item with Stock set):
// what the warehouse keeps beside the price list. The unit is the item's
// (Item.Unit); one card per item, keyed by ItemID.
type StockItem struct {
	ItemID string    `json:"item_id"`
	Kind   StockKind `json:"kind"`
	// EAN is the barcode (EAN-8, UPC-A, EAN-13 or GTIN-14), "" for none.
	EAN string `json:"ean,omitempty"`
	// PurchasePrice is the usual purchase price per unit, the receipt's
	// default.
	PurchasePrice  Money `json:"purchase_price"`
	WarrantyMonths int   `json:"warranty_months,omitempty"`
	// ReorderPoint is the level at or below which the item is reordered,
	// ReorderQty how much is suggested (zero: up to twice the point).
	ReorderPoint Qty      `json:"reorder_point,omitempty"`
	ReorderQty   Qty      `json:"reorder_qty,omitempty"`
	Location     string   `json:"location,omitempty"` // default location's ID
	Tracking     Tracking `json:"tracking,omitempty"`
}

// MaxWarrantyMonths bounds a warranty (ten years).
const MaxWarrantyMonths = 120

// Normalize trims the barcode and fills the default kind.
func (s *StockItem) Normalize() {
	s.EAN = NormalizeEAN(s.EAN)
	if s.Kind == "" {
		s.Kind = StockGoods
	}
}

// Validate checks the card against the locations (by ID), naming every
// wrong field.
func (s StockItem) Validate(locs map[string]Location) error {
	var es Errors
	if s.Kind != StockGoods && s.Kind != StockMaterial {
		es.Add(Invalid("stock_item.kind", "err.stock_item.kind", "choose goods or material", nil))
	}
	if s.EAN != "" {
		es.Add(WithField(ValidateEAN(s.EAN), "stock_item.ean"))
	}
	if s.PurchasePrice.Amount < 0 {
		es.Add(Invalid("stock_item.purchase_price", "err.price.negative", "a price cannot be negative", nil))
	}
	if s.PurchasePrice.Currency != "" && !ValidCurrency(s.PurchasePrice.Currency) {
		es.Add(Invalid("stock_item.purchase_price", "err.currency.unknown", "{{.value}} is not a currency Kontor knows", map[string]any{"value": s.PurchasePrice.Currency}))
	}
	if s.WarrantyMonths < 0 || s.WarrantyMonths > MaxWarrantyMonths {
		es.Add(Invalid("stock_item.warranty_months", "err.stock_item.warranty", "a warranty is 0 to {{.max}} months", map[string]any{"max": MaxWarrantyMonths}))
	}
	if s.ReorderPoint < 0 {
		es.Add(Invalid("stock_item.reorder_point", "err.stock_item.negative", "cannot be negative", nil))
	}
	if s.ReorderQty < 0 {
		es.Add(Invalid("stock_item.reorder_qty", "err.stock_item.negative", "cannot be negative", nil))
	}
	if s.Location != "" {
		es.Add(WithField(CheckLocation(s.Location, locs), "stock_item.location"))
	}
	if s.Tracking != TrackNone && s.Tracking != TrackLot && s.Tracking != TrackSerial {
		es.Add(Invalid("stock_item.tracking", "err.stock_item.tracking", "choose no tracking, lots or serial numbers", nil))
	}
	return es.Err()
}

// Reorder is the quantity to order when level is at or below the reorder
// point: ReorderQty, or without one what brings the level to twice the
// point; zero when the item needs nothing (or has no reorder point).
func (s StockItem) Reorder(level Qty) Qty {
	if s.ReorderPoint <= 0 || level > s.ReorderPoint {
		return 0
	}
	if s.ReorderQty > 0 {
		return s.ReorderQty
	}
	return 2*s.ReorderPoint - level
}

// Location is a warehouse (Parent "") or a bin inside one (Parent the
// warehouse's ID), belonging to a branch.
type Location struct {
	ID       string `json:"id"`
	Branch   string `json:"branch"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	Parent   string `json:"parent,omitempty"`
	Disabled bool   `json:"disabled,omitempty"` // no new moves; its history stays
}

// Active reports whether documents may move stock into or out of l.
func (l Location) Active() bool { return !l.Disabled }

// Validate checks the location's own fields and its parent among locs.
func (l Location) Validate(locs map[string]Location) error {
	var es Errors
	if l.Code == "" || len(l.Code) > 32 || strings.ContainsAny(l.Code, " \x00") {
		es.Add(Invalid("location.code", "err.location.code", "a code is 1 to 32 characters without spaces", nil))
	}
	es.Add(requireText("location.name", l.Name, 120))
	if l.Branch == "" || len(l.Branch) > 10 || !isAlnum(l.Branch) {
		es.Add(Invalid("location.branch", "err.branch.format", "a branch code is 1 to 10 letters or digits", nil))
	}
	if l.Parent != "" {
		p, ok := locs[l.Parent]
		switch {
		case l.Parent == l.ID || !ok:
			es.Add(Invalid("location.parent", "err.location.parent", "choose a warehouse for the bin", nil))
		case p.Parent != "":
			es.Add(Invalid("location.parent", "err.location.nested", "a bin belongs to a warehouse, not to another bin", nil))
		case p.Branch != l.Branch:
			es.Add(Invalid("location.parent", "err.location.branch", "a bin belongs to a warehouse of its own branch", nil))
		}
	}
	return es.Err()
}

// CheckLocation refuses a location ID that is not among locs or is not
// active. The field is "stock.location"; callers rename it (WithField).
func CheckLocation(id string, locs map[string]Location) error {
	l, ok := locs[id]
	if !ok || id == "" {
		return Invalid("stock.location", "err.location.unknown", "the location does not exist", nil)
	}
	if !l.Active() {
		return Invalid("stock.location", "err.location.inactive", "location {{.code}} is no longer in use", map[string]any{"code": l.Code})
	}
	return nil
}

// NormalizeEAN drops the spaces and dashes a person or a label put in a
// barcode.
func NormalizeEAN(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\u00a0' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

// ValidateEAN checks a GS1 barcode number: 8 (EAN-8), 12 (UPC-A), 13
// (EAN-13) or 14 (GTIN-14) digits whose last digit is the mod-10 check
// digit (weights 3 and 1 alternating from the right, the check digit left
// out).
func ValidateEAN(s string) error {
	n := len(s)
	if n != 8 && n != 12 && n != 13 && n != 14 {
		return Invalid("stock_item.ean", "err.ean.length", "a barcode has 8, 12, 13 or 14 digits", nil)
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return Invalid("stock_item.ean", "err.ean.digits", "a barcode has digits only", nil)
		}
	}
	if EANCheckDigit(s[:n-1]) != s[n-1] {
		return Invalid("stock_item.ean", "err.ean.checksum", "the check digit of {{.ean}} is wrong; check the number", map[string]any{"ean": s})
	}
	return nil
}

// EANCheckDigit is the GS1 check digit of body (digits only).
func EANCheckDigit(body string) byte {
	sum := 0
	for i := 0; i < len(body); i++ {
		d := int(body[len(body)-1-i] - '0')
		if i%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}
