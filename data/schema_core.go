package data

import bolt "go.etcd.io/bbolt"

// The core of every file: its metadata and the numbering of entries and
// documents. Keys are documented where each bucket is written.
var (
	bMeta     = []byte("meta")     // schema, company, logo, last_backup, audit_head, …
	bCounters = []byte("counters") // series 0 year → last number (8 B)
	bNumbers  = []byte("numbers")  // series 0 year + number (8 B) → document ID
)

// Keys of the meta bucket.
var (
	kSchema     = []byte("schema")
	kCompany    = []byte("company")
	kLogo       = []byte("logo")
	kLastBackup = []byte("last_backup")
	kAuditHead  = []byte("audit_head")  // seq (8 B) + hash of the newest audit entry
	kBackupOf   = []byte("backup_of")   // in a backup copy only: backupInfo JSON
	kRestoredAt = []byte("restored_at") // RFC 3339 time of the last restore into this file
)

// createCore is the first schema (0 → 1): the metadata, numbering and the
// ledger.
func createCore(tx *bolt.Tx) error {
	return createBuckets(tx, bMeta, bAccounts, bJournal, bEntryIDs, bJDate, bJAcct, bBalances, bMonthStat, bLocks, bCounters, bNumbers)
}
