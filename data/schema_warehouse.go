package data

import (
	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// The warehouse (issue 12): settings, stock cards, locations, stock
// documents and stocktakes are records (logged); positions, moves and where
// each serial number is are what posting keeps beside them.
var (
	bStockSettings = []byte("stock_settings")  // "settings" → WarehouseSettings JSON
	bStockItems    = []byte("stock_items")     // item ID → StockItem JSON
	bLocations     = []byte("stock_locations") // ID → Location JSON
	bStockDocs     = []byte("stock_docs")      // ID → StockDoc JSON
	bStocktakes    = []byte("stocktakes")      // ID → Stocktake JSON
	bStockPos      = []byte("stock_positions") // item 0 location → Position JSON (the current level)
	bStockMoves    = []byte("stock_moves")     // item 0 location 0 YYYYMMDD seq(8) → StockMove JSON (running values)
	bStockSerials  = []byte("stock_serials")   // item 0 serial → location ID while on hand
)

var kStockSettings = []byte("settings")

// Logged kinds of the warehouse's records.
const (
	changeStockSettings byte = 'W' // warehouse settings (stock_settings)
	changeStockItem     byte = 'k' // stock card (stock_items)
	changeLocation      byte = 'l' // location (stock_locations)
	changeStockDoc      byte = 's' // stock document (stock_docs)
	changeStocktake     byte = 't' // stocktake (stocktakes)
)

func init() {
	changeKinds = append(changeKinds, changeStockSettings, changeStockItem, changeLocation, changeStockDoc, changeStocktake)
	for _, l := range []loggedRecords{
		{changeStockSettings, bStockSettings, nil, "warehouse_settings"},
		{changeStockItem, bStockItems, nil, "stock_item"},
		{changeLocation, bLocations, nil, "location"},
		{changeStockDoc, bStockDocs, nil, "stock_doc"},
		{changeStocktake, bStocktakes, nil, "stocktake"},
	} {
		i := 0
		for i < len(logged) && logged[i].kind < l.kind {
			i++
		}
		logged = append(logged[:i], append([]loggedRecords{l}, logged[i:]...)...)
	}
}

// createWarehouse: the warehouse's buckets, and the accounts it posts to
// that the company's preset chart lacks.
func createWarehouse(tx *bolt.Tx) error {
	if err := createBuckets(tx, bStockSettings, bStockItems, bLocations, bStockDocs, bStocktakes, bStockPos, bStockMoves, bStockSerials); err != nil {
		return err
	}
	if tx.Bucket(bMeta).Get(kCompany) == nil {
		return nil
	}
	c, err := readCompany(tx)
	if err != nil {
		return err
	}
	return addWarehouseAccounts(tx, c.Chart)
}

// addWarehouseAccounts adds the warehouse's accounts chart c lacks.
func addWarehouseAccounts(tx *bolt.Tx, c app.Chart) error {
	for _, a := range app.WarehouseAccounts(c) {
		if tx.Bucket(bAccounts).Get([]byte(a.Code)) != nil {
			continue
		}
		if err := putAccount(tx, a); err != nil {
			return err
		}
	}
	return nil
}
