package data

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// Bucket names. Keys are documented where each bucket is written.
var (
	bMeta      = []byte("meta")      // schema, company, logo, last_backup
	bAccounts  = []byte("accounts")  // code → Account JSON
	bJournal   = []byte("journal")   // seq (8 B) → Entry JSON
	bEntryIDs  = []byte("entry_ids") // entry ID → seq
	bJDate     = []byte("jidx_date") // date key + seq → line count (2 B)
	bJAcct     = []byte("jidx_acct") // code 0 date key + seq + line no (2 B) → nil
	bBalances  = []byte("balances")  // code 0 YYYYMM → debit, credit, lines (3×8 B)
	bMonthStat = []byte("month_lines")
	bLocks     = []byte("locks")             // YYYYMM → 1
	bCounters  = []byte("counters")          // series 0 year → last number (8 B)
	bNumbers   = []byte("numbers")           // series 0 year + number (8 B) → document ID
	bUsers     = []byte("users")             // login name → userRecord JSON
	bAudit     = []byte("audit")             // seq (8 B) → AuditEntry JSON, hash-chained
	bCustomers = []byte("customers")         // ID → Customer JSON
	bItems     = []byte("items")             // ID → Item JSON
	bDocs      = []byte("docs")              // ID (time-ordered) → SalesDoc JSON
	bDocNums   = []byte("doc_numbers")       // number → ID
	bPayments  = []byte("payments")          // ID → Payment JSON
	bDocPays   = []byte("doc_payments")      // doc ID 0 payment ID → nil
	bCustIdx   = []byte("customer_tokens")   // token 0 customer ID → nil (search by word prefix)
	bCustName  = []byte("customer_names")    // folded name 0 customer ID → nil (listing by name)
	bVisits    = []byte("visits")            // ID → Visit JSON
	bVisitDay  = []byte("visit_days")        // YYYYMMDD (local) 0 ID → nil
	bInside    = []byte("visitors_inside")   // ID → nil while in the building
	bAppts     = []byte("appointments")      // ID → Appointment JSON
	bApptStaff = []byte("appointment_staff") // staff 0 start (RFC3339 UTC) 0 ID → nil
	bInquiries = []byte("inquiries")         // ID → Inquiry JSON
	bReversals = []byte("reversals")         // reversed entry ID → reversing entry ID

	bPurchases  = []byte("purchases")         // ID → PurchaseInvoice JSON
	bPurchDates = []byte("purchase_dates")    // issue date key + ID → purchaseRow (what a list filters on)
	bPurchDup   = []byte("purchase_numbers")  // supplier ID 0 normalised supplier number → purchase ID
	bSupPays    = []byte("supplier_payments") // ID → Payment JSON (Payment.DocID = purchase ID)
	bPurchPays  = []byte("purchase_payments") // purchase ID 0 payment ID → nil
	bBank       = []byte("bank_entries")      // ID → BankEntry JSON
	bBankKeys   = []byte("bank_keys")         // BankLineKey → entry ID (a second import stores nothing)
	bBankMaps   = []byte("bank_csv_mappings") // SHA-256 of the header line → bankMapping JSON
	bDayBal     = []byte("day_balances")      // code 0 YYYYMMDD → debit, credit, lines (3×8 B)
	bDocCust    = []byte("doc_customers")     // customer ID 0 document ID → nil (a customer's documents)
	bYearClose  = []byte("year_closings")     // YYYY → ID of the year's closing entry
	bProofs     = []byte("proofs")            // kind (1 B) + record key → audit seq (8 B) + SHA-256 of the record (32 B)
	bProofSeq   = []byte("proof_seq")         // audit seq (8 B) + kind + record key → SHA-256 of the record (32 B)
)

var (
	kSchema     = []byte("schema")
	kCompany    = []byte("company")
	kLogo       = []byte("logo")
	kLastBackup = []byte("last_backup")
	kAuditHead  = []byte("audit_head")  // seq (8 B) + hash of the newest audit entry
	kBackupOf   = []byte("backup_of")   // in a backup copy only: backupInfo JSON
	kRestoredAt = []byte("restored_at") // RFC 3339 time of the last restore into this file
)

// migration moves a file from schema version i to i+1 inside the open transaction.
type migration func(tx *bolt.Tx) error

// createBuckets creates the buckets a migration adds.
func createBuckets(tx *bolt.Tx, names ...[]byte) error {
	for _, b := range names {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	return nil
}

// migrations[i] migrates version i to i+1; len(migrations) is the current
// version. Append only: a released migration is never edited.
var migrations = []migration{
	// 0 → 1: the first schema.
	func(tx *bolt.Tx) error {
		return createBuckets(tx, bMeta, bAccounts, bJournal, bEntryIDs, bJDate, bJAcct, bBalances, bMonthStat, bLocks, bCounters, bNumbers)
	},
	// 1 → 2: users and the audit trail (issue 3). Files made before have no
	// users; the first admin is created by the first-run screen or the CLI.
	func(tx *bolt.Tx) error {
		return createBuckets(tx, bUsers, bAudit)
	},
	// 2 → 3: customers, the price list, sales documents and payments (issue 4).
	func(tx *bolt.Tx) error {
		return createBuckets(tx, bCustomers, bItems, bDocs, bDocNums, bPayments, bDocPays)
	},
	// 3 → 4: the reception (issue 6) and the customer search index, built
	// from the customers already on file.
	func(tx *bolt.Tx) error {
		if err := createBuckets(tx, bCustIdx, bCustName, bVisits, bVisitDay, bInside, bAppts, bApptStaff, bInquiries); err != nil {
			return err
		}
		return tx.Bucket(bCustomers).ForEach(func(_, v []byte) error {
			var c app.Customer
			if err := decode(v, &c); err != nil {
				return err
			}
			return indexCustomer(tx, nil, &c)
		})
	},
	// 4 → 5: which entries were reversed (issue 5).
	func(tx *bolt.Tx) error {
		return createBuckets(tx, bReversals)
	},
	// 5 → 6: received invoices, supplier payments and bank statements, and
	// daily running balances (reports for any day range), built from the
	// journal already on file (issue 5).
	func(tx *bolt.Tx) error {
		if err := createBuckets(tx, bPurchases, bPurchDates, bPurchDup, bSupPays, bPurchPays, bBank, bBankKeys, bBankMaps, bDayBal); err != nil {
			return err
		}
		return buildDayBalances(tx)
	},
	// 6 → 7: each customer's sales documents, so a statement reads its own
	// documents, not every document (issue 5: 1,000 statements in a batch).
	func(tx *bolt.Tx) error {
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
	},
	// 7 → 8: year-end closings (which entry closed which year).
	func(tx *bolt.Tx) error {
		return createBuckets(tx, bYearClose)
	},
	// 8 → 9: proofs of the records each audit entry wrote (issue 10), for
	// the records already on file too; prepare logs the audit entry that
	// covers them.
	func(tx *bolt.Tx) error {
		if err := createBuckets(tx, bProofs, bProofSeq); err != nil {
			return err
		}
		return proveExisting(tx)
	},
	// 9 → 10: VAT tags on the journal lines documents posted (issue 10);
	// the entries it tags are proved again under the upgrade's audit entry.
	tagDocumentPostings,
}

// SchemaVersion is the schema this build writes.
func SchemaVersion() int { return len(migrations) }

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
		v := from
		for ; v < len(migrations); v++ {
			if err := migrations[v](tx); err != nil {
				return app.Internal("migrating the database to schema "+itoa(v+1), err)
			}
		}
		if err := tx.Bucket(bMeta).Put(kSchema, u64(uint64(v))); err != nil {
			return err
		}
		if from == 0 {
			return nil // a new file: nothing to record yet
		}
		// The upgrade is in the trail, and its entry covers the proofs a
		// migration wrote for the records already on file.
		a := auditor{tx: tx, clock: s.clock, user: "kontor"}
		return a.logKey("migrate", "database", "", "audit.migrate", "database upgraded from schema {{.from}} to {{.to}}",
			app.AuditArgs{"from": app.AInt(from), "to": app.AInt(v)})
	})
}
