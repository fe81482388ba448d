package app

import "context"

// StockDocFilter narrows the list of stock documents: every set field must
// match (Item: a line of the item; From/To: the document's date).
type StockDocFilter struct {
	Kind     StockDocKind
	Status   StockStatus
	Location string // out of or into
	Item     string
	From, To Date
}

// StockValue is one item's stock on a day: quantity and value over all its
// locations, and the account its kind posts to.
type StockValue struct {
	ItemID  string    `json:"item_id"`
	Kind    StockKind `json:"kind"`
	Account string    `json:"account"`
	Qty     Qty       `json:"qty"`
	Value   int64     `json:"value"`
}

// ReorderLine is an item at or below its reorder point and what to order.
type ReorderLine struct {
	Item    StockItem `json:"item"`
	Level   Qty       `json:"level"`
	Suggest Qty       `json:"suggest"`
}

// WarehouseService is the warehouse (issue 12): stock cards, locations,
// stock documents, levels, valuation, stocktakes and the settings. Reads
// and writes need PermWarehouse; the valuation is also open to
// PermLedgerRead (the accountant reconciles 132 with it).
type WarehouseService interface {
	// WarehouseSettings returns the settings; ENOTFOUND while the company
	// does not keep stock. SaveWarehouseSettings switches the warehouse on
	// and adds the accounts it posts to (WarehouseAccounts) to the chart.
	WarehouseSettings(ctx context.Context) (WarehouseSettings, error)
	SaveWarehouseSettings(ctx context.Context, s WarehouseSettings) (WarehouseSettings, error)

	// StockItem returns an item's stock card; SaveStockItem creates or
	// replaces it (the item must exist in the price list). StockItems lists
	// the cards whose item's code, name or EAN has each word of search.
	StockItem(ctx context.Context, itemID string) (StockItem, error)
	SaveStockItem(ctx context.Context, s StockItem) (StockItem, error)
	StockItems(ctx context.Context, search string, limit int) ([]StockItem, error)
	// ImportItems saves the changed plans of an item import
	// (ItemCSV.PlanItems) — each price-list item and its stock card — in
	// one transaction, checked again against what is on file; any refusal
	// writes nothing and names the plan's line (ImportLineError). It needs
	// PermItemsWrite too, and returns how many items it saved.
	ImportItems(ctx context.Context, plans []ItemPlan) (int, error)

	// Locations lists warehouses and bins by code; SaveLocation creates
	// (empty ID) or updates one (Disabled retires it).
	Locations(ctx context.Context) ([]Location, error)
	SaveLocation(ctx context.Context, l Location) (Location, error)

	// SaveStockDraft creates (empty ID) or replaces a draft; PostStock
	// numbers and posts it (stock, moves, serials and entry in one
	// transaction); StornoStock posts the reversal of a posted document,
	// dated date, and returns it.
	SaveStockDraft(ctx context.Context, d StockDoc) (StockDoc, error)
	DeleteStockDraft(ctx context.Context, id string) error
	PostStock(ctx context.Context, id string) (StockDoc, error)
	StornoStock(ctx context.Context, id string, date Date) (StockDoc, error)
	StockDoc(ctx context.Context, id string) (StockDoc, error)
	// StockDocs is one page of the documents matching f, newest first, and
	// how many match.
	StockDocs(ctx context.Context, f StockDocFilter, offset, limit int) ([]StockDoc, int, error)

	// StockLevel is the quantity and value of item at the end of day in
	// location ("" = all locations), read from the moves' running values.
	StockLevel(ctx context.Context, item, location string, day Date) (Qty, int64, error)
	// StockValuation is every item's stock at the end of day.
	StockValuation(ctx context.Context, day Date) ([]StockValue, error)
	// StockCard is the moves of item (in location, "" = all) from..to.
	StockCard(ctx context.Context, item, location string, from, to Date) ([]StockMove, error)
	// ReorderList lists the items at or below their reorder point.
	ReorderList(ctx context.Context) ([]ReorderLine, error)
	// SerialLocation is where serial number serial of item is on hand; ""
	// when it is not in stock.
	SerialLocation(ctx context.Context, item, serial string) (string, error)

	// StartStocktake numbers a stocktake of location as of day, its lines
	// the items on hand with the expected quantities filled from the
	// levels; SaveStocktake stores the counts; CloseStocktake posts the
	// difference document (refused while stock documents of the location
	// up to the day are drafts) and returns it.
	StartStocktake(ctx context.Context, location string, day Date) (Stocktake, error)
	SaveStocktake(ctx context.Context, st Stocktake) (Stocktake, error)
	Stocktake(ctx context.Context, id string) (Stocktake, error)
	// Stocktakes lists every stocktake, newest first.
	Stocktakes(ctx context.Context) ([]Stocktake, error)
	CloseStocktake(ctx context.Context, id string) (Stocktake, StockDoc, error)

	// ReceivePurchase saves the draft receipt (příjemka) of posted received
	// invoice purchaseID into location, dated date (zero: the invoice's
	// DUZP), by ReceiptFromPurchase (the invoice must be posted to 131 or
	// 111; under method B to 504 or 501, and the receipt posts nothing).
	// lines are the stock items delivered —
	// quantity, lot and expiry, serial numbers; a line's Value its part of
	// the invoice's base, zero to have the store spread what the invoice
	// leaves to receive (less costs) over such lines by quantity × the
	// card's purchase price — and costs the acquisition costs the invoice
	// includes (transport, duty), spread over the lines by value when the
	// receipt is posted. It refuses a receipt worth more than what remains
	// of the invoice to receive: what it put on 131 (111) less the receipts
	// from it, posted or drafted; PostStock refuses it again against the
	// posted ones.
	ReceivePurchase(ctx context.Context, purchaseID, location string, date Date, lines []StockLine, costs []AcquisitionCost) (StockDoc, error)
	// PurchaseReceipt is how far received invoice purchaseID is received:
	// what it put on the acquisition account and what its posted receipts
	// (less their stornos) took off it, haléře.
	PurchaseReceipt(ctx context.Context, purchaseID string) (invoiced, received int64, err error)
	// PurchasesToReceive are the posted received invoices of goods (on 131
	// or 111; under method B on 504 or 501) whose receipts, drafts
	// included, have not yet taken all they invoiced, newest first, at most
	// limit of them, from the last MaxReceiveLookback invoices: what the
	// store-keeper may receive (PermWarehouse, not PermPayables).
	PurchasesToReceive(ctx context.Context, limit int) ([]PurchaseToReceive, error)
	// PeriodicStockClose posts method B's year-end entry of year from the
	// stocktakes closed as of 31 December (PeriodicStockEntry: the counted
	// stock at its value Dr 132 (112) Cr 504 (501)), and the next year's
	// opening reversal dated 1 January; refused under method A, when a
	// location with stock has no closed stocktake in the year's last four
	// months, or when the year's entry is posted already. It needs
	// PermLedgerPost (not PermWarehouse): it posts to the ledger. CloseYear
	// posts it too, first, for a company on method B.
	PeriodicStockClose(ctx context.Context, year int) (Entry, error)
}

// PurchaseToReceive is a received invoice still to be received into stock:
// what it put on the acquisition account and what its receipts took off it
// so far (drafts included), haléře.
type PurchaseToReceive struct {
	Purchase PurchaseInvoice
	Invoiced int64
	Received int64
}

// MaxReceiveLookback is how many of the newest received invoices
// PurchasesToReceive looks through.
const MaxReceiveLookback = 500
