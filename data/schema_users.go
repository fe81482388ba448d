package data

import bolt "go.etcd.io/bbolt"

// Users (login name → userRecord JSON).
var bUsers = []byte("users")

// createUsers (1 → 2): users and the audit trail (issue 3). Files made
// before have no users; the first admin is created by the first-run screen
// or the CLI.
func createUsers(tx *bolt.Tx) error {
	return createBuckets(tx, bUsers, bAudit)
}
