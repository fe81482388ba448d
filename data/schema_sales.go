package data

import bolt "go.etcd.io/bbolt"

// Customers, the price list, sales documents and their payments.
var (
	bCustomers = []byte("customers")     // ID → Customer JSON
	bItems     = []byte("items")         // ID → Item JSON
	bDocs      = []byte("docs")          // ID (time-ordered) → SalesDoc JSON
	bDocNums   = []byte("doc_numbers")   // number → ID
	bPayments  = []byte("payments")      // ID → Payment JSON
	bDocPays   = []byte("doc_payments")  // doc ID 0 payment ID → day, amount, base (docpayindex.go; nil before schema 17)
	bDocCust   = []byte("doc_customers") // customer ID 0 document ID → nil (a customer's documents)

	// The lists of documents (docindex.go).
	bDocDates  = []byte("doc_dates")    // day (YYYYMMDD) number 0 ID → docHead (filtered without reading a row)
	bDocRowIdx = []byte("doc_rows")     // ID → date key length, date key, app.DocRow (docrowcodec.go)
	bDocStatus = []byte("doc_statuses") // stored status 0 date key → docHead
	bDocOpen   = []byte("doc_open")     // date key → docHead while the document is open (app.DocRow.Open)
)

// createSales (2 → 3): customers, the price list, sales documents and
// payments (issue 4).
func createSales(tx *bolt.Tx) error {
	return createBuckets(tx, bCustomers, bItems, bDocs, bDocNums, bPayments, bDocPays)
}

// indexDocCustomers (6 → 7): each customer's sales documents, so a
// statement reads its own documents, not every document (issue 5: 1,000
// statements in a batch).
func indexDocCustomers(tx *bolt.Tx) error {
	b, err := tx.CreateBucketIfNotExists(bDocCust)
	if err != nil {
		return err
	}
	return tx.Bucket(bDocs).ForEach(func(k, v []byte) error {
		var d struct {
			CustomerID string `json:"customer_id"`
		}
		if err := decode(v, &d); err != nil {
			return err
		}
		return b.Put(docCustomerKey(d.CustomerID, string(k)), nil)
	})
}
