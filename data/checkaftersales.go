package data

import bolt "go.etcd.io/bbolt"

// checkAfterSales proves the lists and the deadline index hold exactly
// what the tickets and returns give.
func checkAfterSales(tx *bolt.Tx, add addFn) {
	if tx.Bucket(bTickets) == nil {
		return
	}
	aftersalesLists.check(tx, add)
}
