package data

import bolt "go.etcd.io/bbolt"

// Received invoices, supplier payments and bank statements.
var (
	bPurchases  = []byte("purchases")         // ID → PurchaseInvoice JSON
	bPurchDates = []byte("purchase_dates")    // issue date key + ID → purchaseRow (what a list filters on)
	bPurchDup   = []byte("purchase_numbers")  // supplier ID 0 normalised supplier number → purchase ID
	bSupPays    = []byte("supplier_payments") // ID → Payment JSON (Payment.DocID = purchase ID)
	bPurchPays  = []byte("purchase_payments") // purchase ID 0 payment ID → nil
	bBank       = []byte("bank_entries")      // ID → BankEntry JSON
	bBankKeys   = []byte("bank_keys")         // BankLineKey → entry ID (a second import stores nothing)
	bBankMaps   = []byte("bank_csv_mappings") // SHA-256 of the header line → bankMapping JSON
)

// createPayables (5 → 6): received invoices, supplier payments and bank
// statements, and daily running balances (reports for any day range), built
// from the journal already on file (issue 5).
func createPayables(tx *bolt.Tx) error {
	if err := createBuckets(tx, bPurchases, bPurchDates, bPurchDup, bSupPays, bPurchPays, bBank, bBankKeys, bBankMaps, bDayBal); err != nil {
		return err
	}
	return buildDayBalances(tx)
}
