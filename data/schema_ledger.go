package data

import bolt "go.etcd.io/bbolt"

// The ledger: the chart of accounts, the journal with its indexes and
// running balances, locked months, reversals and year closings.
var (
	bAccounts  = []byte("accounts")  // code → Account JSON
	bJournal   = []byte("journal")   // seq (8 B) → Entry JSON
	bEntryIDs  = []byte("entry_ids") // entry ID → seq
	bJDate     = []byte("jidx_date") // date key + seq → line count (2 B)
	bJAcct     = []byte("jidx_acct") // code 0 date key + seq + line no (2 B) → nil
	bBalances  = []byte("balances")  // code 0 YYYYMM → debit, credit, lines (3×8 B)
	bMonthStat = []byte("month_lines")
	bLocks     = []byte("locks")         // YYYYMM → 1
	bDayBal    = []byte("day_balances")  // code 0 YYYYMMDD → debit, credit, lines (3×8 B)
	bReversals = []byte("reversals")     // reversed entry ID → reversing entry ID
	bYearClose = []byte("year_closings") // YYYY → ID of the year's closing entry
)

// createReversals (4 → 5): which entries were reversed (issue 5).
func createReversals(tx *bolt.Tx) error {
	return createBuckets(tx, bReversals)
}

// createYearClosings (7 → 8): year-end closings (which entry closed which year).
func createYearClosings(tx *bolt.Tx) error {
	return createBuckets(tx, bYearClose)
}
