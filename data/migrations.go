package data

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// migration moves a file from one schema version to the next inside the
// open transaction. A migration that writes a record calls recordChange (or
// recordDelete) like any other write: prepare logs the changes under the
// upgrade's audit entry.
type migration struct {
	name string // what the step brings, for the error if it fails
	run  func(tx *bolt.Tx) error
}

// migrations[i] migrates version i to i+1; len(migrations) is the current
// version. Each module keeps its buckets and its steps in its own
// schema_<module>.go file; this list is the one place that orders them.
// Append only: a released migration is never edited, and running one again
// on a file whose schema was set back must leave it as it was (re-running
// is how the tests rebuild what a step adds).
var migrations = []migration{
	{"the first schema", createCore},                            // 0 → 1, schema_core.go
	{"users and the audit trail", createUsers},                  // 1 → 2, schema_users.go
	{"sales", createSales},                                      // 2 → 3, schema_sales.go
	{"the reception", createReception},                          // 3 → 4, schema_reception.go
	{"reversals", createReversals},                              // 4 → 5, schema_ledger.go
	{"payables and the bank", createPayables},                   // 5 → 6, schema_payables.go
	{"the customers' documents", indexDocCustomers},             // 6 → 7, schema_sales.go
	{"year closings", createYearClosings},                       // 7 → 8, schema_ledger.go
	{"proofs of the records", createProofs},                     // 8 → 9, schema_audit.go
	{"VAT tags of the postings", tagDocumentPostings},           // 9 → 10, migratevat.go
	{"the change log", createChangeLog},                         // 10 → 11, schema_changes.go
	{"the reception's customer and date lists", indexReception}, // 11 → 12, schema_reception.go
	{"the lists of sales documents", indexDocs},                 // 12 → 13, docindex.go
	{"the warehouse", createWarehouse},                          // 13 → 14, schema_warehouse.go
	{"payroll", createPayroll},                                  // 14 → 15, schema_payroll.go
	{"after-sales", createAfterSales},                           // 15 → 16, schema_aftersales.go
	{"the payments' days and amounts", indexDocPayments},        // 16 → 17, docpayindex.go
	{"tax reconciliations", createTaxReconciliations},           // 17 → 18, schema_payroll.go
}

// SchemaVersion is the schema this build writes.
func SchemaVersion() int { return len(migrations) }

// createBuckets creates the buckets a migration adds.
func createBuckets(tx *bolt.Tx, names ...[]byte) error {
	for _, b := range names {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return nil
}

// readSchema returns the file's schema version; 0 for a new, empty file, and an
// error for a bolt file that holds something other than Kontor's data.
func readSchema(tx *bolt.Tx, path string) (int, error) {
	meta := tx.Bucket(bMeta)
	if meta == nil {
		empty := true
		_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
		if !empty {
			return 0, notKontor(path)
		}
		return 0, nil
	}
	v := meta.Get(kSchema)
	if len(v) != 8 {
		return 0, notKontor(path)
	}
	return int(binary.BigEndian.Uint64(v)), nil
}

func newerSchema(path string, v int) error {
	return &app.Error{Code: app.ECONFLICT, Key: "err.db.newer", Msg: "{{.path}} was written by a newer Kontor (schema {{.file}}; this Kontor reads up to {{.ours}}); install the newer Kontor to open it", Args: map[string]any{"path": path, "file": v, "ours": SchemaVersion()}}
}

// prepare checks the schema without writing and migrates only when needed, so a
// normal open costs one read transaction and touches no records.
func (s *Store) prepare() error {
	var v int
	if err := s.view("reading the schema", func(tx *bolt.Tx) (err error) { v, err = readSchema(tx, s.path); return err }); err != nil {
		return err
	}
	if v > SchemaVersion() {
		return newerSchema(s.path, v)
	}
	if v == SchemaVersion() {
		return nil
	}
	return s.update("migrating the database", func(tx *bolt.Tx) error {
		from, err := readSchema(tx, s.path)
		if err != nil {
			return err
		}
		auditBefore := uint64(bucketSeq(tx, bAudit))
		v := from
		for ; v < len(migrations); v++ {
			if err := migrations[v].run(tx); err != nil {
				return app.Internal("migrating the database to schema "+itoa(v+1)+" ("+migrations[v].name+")", err)
			}
		}
		if err := tx.Bucket(bMeta).Put(kSchema, u64(uint64(v))); err != nil {
			return err
		}
		if from == 0 {
			return nil // a new file: nothing to record yet
		}
		// The upgrade is in the trail, and its entry covers the proofs and
		// the changes a migration wrote for the records already on file.
		a := auditor{tx: tx, clock: s.clock, user: migrationUser}
		if err := a.logKey("migrate", "database", "", "audit.migrate", "database upgraded from schema {{.from}} to {{.to}}",
			app.AuditArgs{"from": app.AInt(from), "to": app.AInt(v)}); err != nil {
			return err
		}
		return flushChanges(tx, migrationUser, companyBranch, s.clock.Now().UTC(), auditBefore)
	})
}

// migrationUser is who the trail and the change log name for an upgrade.
const migrationUser = "kontor"
