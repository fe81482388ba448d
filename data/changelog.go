package data

import (
	bolt "go.etcd.io/bbolt"
)

// The change log (issue 11, item 5) records every write of a record so that
// offline branches can later exchange exactly what changed: one change (kind,
// key, hash of the new version, branch, user, time, audit entry) per record
// written or deleted. Every place that puts or deletes a record calls
// recordChange or recordDelete next to it, in the same transaction, with the
// record's kind below, its key in its bucket and the exact bytes stored.
// Indexes, running balances and counters are not records: a branch rebuilds
// them, so they are not logged.
//
// This file is the seam: the kinds and the two calls exist so that every
// write path can be wired now; the bodies do nothing yet. The log itself
// (buckets changes, change_heads, change_pending; flushing the pending rows
// when updateAs's transaction ends; the migration that gives existing
// records their baseline change; the check that every record has its head)
// fills them in without changing a caller.

// Kinds of logged records: one byte, the first byte of a head's key.
const (
	changeDoc             byte = 'd' // sales document (docs)
	changeEntry           byte = 'e' // journal entry (journal; key: its sequence)
	changeCustomer        byte = 'c' // customer or supplier (customers)
	changeItem            byte = 'i' // price-list item (items)
	changePayment         byte = 'p' // a customer's payment (payments)
	changeSupplierPayment byte = 'q' // a payment to or refund from a supplier (supplier_payments)
	changePurchase        byte = 'u' // received invoice (purchases)
	changeBankEntry       byte = 'b' // imported bank line (bank_entries)
	changeVisit           byte = 'v' // visit (visits)
	changeAppointment     byte = 'a' // appointment (appointments)
	changeInquiry         byte = 'n' // inquiry (inquiries)
	changeUser            byte = 'U' // user (users)
	changeCompany         byte = 'C' // the company's settings and logo (meta: company, logo)
	changeAccount         byte = 'A' // account of the chart (accounts)
	changeLock            byte = 'L' // locked month (locks)
	changeYearClosing     byte = 'Y' // year closing (year_closings)
	changeReversal        byte = 'R' // reversal of an entry (reversals)
	changeBankMapping     byte = 'M' // remembered CSV column mapping of a bank (bank_csv_mappings)
)

// changeKinds lists every kind, for the check and the tests.
var changeKinds = []byte{
	changeDoc, changeEntry, changeCustomer, changeItem, changePayment, changeSupplierPayment,
	changePurchase, changeBankEntry, changeVisit, changeAppointment, changeInquiry, changeUser,
	changeCompany, changeAccount, changeLock, changeYearClosing, changeReversal, changeBankMapping,
}

// recordChange notes that the record of kind stored under key now holds raw
// (the exact bytes just Put). Call it in the writing transaction, right after
// the Put; an error aborts the transaction. Calling it twice for one record
// in one transaction is allowed: the last version counts.
//
// Today it does nothing (see the file comment).
func recordChange(tx *bolt.Tx, kind byte, key, raw []byte) error {
	return nil
}

// recordDelete notes that the record of kind under key was deleted (a
// tombstone). Call it in the writing transaction, right after the Delete.
//
// Today it does nothing (see the file comment).
func recordDelete(tx *bolt.Tx, kind byte, key []byte) error {
	return nil
}
