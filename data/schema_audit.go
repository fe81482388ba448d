package data

import bolt "go.etcd.io/bbolt"

// The audit trail and the proofs of the records its entries wrote.
var (
	bAudit    = []byte("audit")     // seq (8 B) → AuditEntry JSON, hash-chained
	bProofs   = []byte("proofs")    // kind (1 B) + record key → audit seq (8 B) + SHA-256 of the record (32 B)
	bProofSeq = []byte("proof_seq") // audit seq (8 B) + kind + record key → SHA-256 of the record (32 B)
)

// createProofs (8 → 9): proofs of the records each audit entry wrote (issue
// 10), for the records already on file too; prepare logs the audit entry
// that covers them.
func createProofs(tx *bolt.Tx) error {
	if err := createBuckets(tx, bProofs, bProofSeq); err != nil {
		return err
	}
	return proveExisting(tx)
}
