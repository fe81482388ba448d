package data

import bolt "go.etcd.io/bbolt"

// The change log (changelog.go).
var (
	bChanges       = []byte("changes")        // seq (8 B) → change JSON
	bChangeHeads   = []byte("change_heads")   // kind (1 B) + record key → seq (8 B) of its newest change + the record's SHA-256 (32 B); a deleted record: seq only
	bChangePending = []byte("change_pending") // kind + record key → SHA-256 (32 B), empty for a deletion: the open transaction's changes, empty between transactions
)

// createChangeLog (10 → 11): the change log, with one change for every
// record already on file (user "kontor", the upgrade's audit entry), so the
// check holds for older files too.
func createChangeLog(tx *bolt.Tx) error {
	if err := createBuckets(tx, bChanges, bChangeHeads, bChangePending); err != nil {
		return err
	}
	return baselineChanges(tx)
}
