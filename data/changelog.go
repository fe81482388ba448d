package data

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
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
// The calls note the record in change_pending; when the transaction's work
// is done, updateAs (writeAs for a sign-in and the first administrator,
// prepare for an upgrade) moves the pending rows into changes with the user,
// the branch, the time and the transaction's audit entry, and points each
// record's head (change_heads) at its newest change. Records written as they
// already were add no change. Check (checkchanges.go) proves every record
// has its head and the heads match the records and the log.

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

// loggedRecords says where the records of one kind are stored.
type loggedRecords struct {
	kind   byte
	bucket []byte
	keys   [][]byte // only these keys of the bucket (the company in meta); nil: every key
	entity string   // what the kind is called: audit.entity.<entity>
}

// logged lists every kind's records, in kind order (as heads sort).
var logged = []loggedRecords{
	{changeAccount, bAccounts, nil, "account"},
	{changeCompany, bMeta, [][]byte{kCompany, kLogo}, "company"},
	{changeLock, bLocks, nil, "period"},
	{changeBankMapping, bBankMaps, nil, "bank_mapping"},
	{changeReversal, bReversals, nil, "reversal"},
	{changeUser, bUsers, nil, "user"},
	{changeYearClosing, bYearClose, nil, "year"},
	{changeAppointment, bAppts, nil, "appointment"},
	{changeBankEntry, bBank, nil, "bank"},
	{changeCustomer, bCustomers, nil, "customer"},
	{changeDoc, bDocs, nil, "document"},
	{changeEntry, bJournal, nil, "entry"},
	{changeItem, bItems, nil, "item"},
	{changeInquiry, bInquiries, nil, "inquiry"},
	{changePayment, bPayments, nil, "payment"},
	{changeSupplierPayment, bSupPays, nil, "supplier_payment"},
	{changePurchase, bPurchases, nil, "purchase"},
	{changeVisit, bVisits, nil, "visit"},
}

// loggedKind returns where the records of kind are stored.
func loggedKind(kind byte) (loggedRecords, bool) {
	for _, l := range logged {
		if l.kind == kind {
			return l, true
		}
	}
	return loggedRecords{}, false
}

// changeKindOf is the kind of the records stored in bucket (0 for a bucket
// that holds no logged records): for code that writes one of several buckets.
func changeKindOf(bucket []byte) byte {
	for _, l := range logged {
		if bytes.Equal(l.bucket, bucket) && l.keys == nil {
			return l.kind
		}
	}
	return 0
}

// forEachRecord calls fn with every record of l on file.
func forEachRecord(tx *bolt.Tx, l loggedRecords, fn func(k, v []byte) error) error {
	b := tx.Bucket(l.bucket)
	if b == nil {
		return nil
	}
	if l.keys != nil {
		for _, k := range l.keys {
			if v := b.Get(k); v != nil {
				if err := fn(k, v); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return b.ForEach(func(k, v []byte) error {
		if v == nil {
			return nil // a nested bucket, not a record
		}
		return fn(k, v)
	})
}

// readRecord returns the stored record of kind under key, nil if there is none.
func readRecord(tx *bolt.Tx, kind byte, key []byte) []byte {
	l, ok := loggedKind(kind)
	if !ok {
		return nil
	}
	if l.keys != nil && !bytes.Equal(key, kCompany) && !bytes.Equal(key, kLogo) {
		return nil
	}
	b := tx.Bucket(l.bucket)
	if b == nil {
		return nil
	}
	return b.Get(key)
}

// change is one entry of the log.
type change struct {
	Seq      uint64    `json:"seq"`
	Kind     string    `json:"kind"`           // one of the kind bytes
	ID       string    `json:"id"`             // the record's key (changeID)
	Hash     string    `json:"hash,omitempty"` // hex recordHash of the new version; empty: deleted
	Branch   string    `json:"branch"`
	User     string    `json:"user"`
	Time     time.Time `json:"time"`
	AuditSeq uint64    `json:"audit_seq"` // the audit entry of the transaction that wrote it
}

// changeID is a record's key as text: a journal entry's sequence in
// decimal, a bank mapping's header hash in hex, any other key as it is.
func changeID(kind byte, key []byte) string {
	switch {
	case kind == changeEntry && len(key) == 8:
		return strconv.FormatUint(binary.BigEndian.Uint64(key), 10)
	case kind == changeBankMapping:
		return hex.EncodeToString(key)
	}
	return string(key)
}

// changeKey is the inverse of changeID.
func changeKey(kind byte, id string) ([]byte, error) {
	switch kind {
	case changeEntry:
		n, err := strconv.ParseUint(id, 10, 64)
		return u64(n), err
	case changeBankMapping:
		return hex.DecodeString(id)
	}
	return []byte(id), nil
}

// recordChange notes that the record of kind stored under key now holds raw
// (the exact bytes just Put). Call it in the writing transaction, right after
// the Put; an error aborts the transaction. Calling it twice for one record
// in one transaction is allowed: the last version counts. Before the log
// exists (a migration to an older schema) it does nothing.
func recordChange(tx *bolt.Tx, kind byte, key, raw []byte) error {
	pending := tx.Bucket(bChangePending)
	if pending == nil {
		return nil
	}
	h := recordHash(kind, raw)
	return pending.Put(cat([]byte{kind}, key), h[:])
}

// recordDelete notes that the record of kind under key was deleted (a
// tombstone). Call it in the writing transaction, right after the Delete.
func recordDelete(tx *bolt.Tx, kind byte, key []byte) error {
	pending := tx.Bucket(bChangePending)
	if pending == nil {
		return nil
	}
	return pending.Put(cat([]byte{kind}, key), []byte{})
}

// errUnaudited: records were written by a transaction that logged no audit
// entry, so their changes would name none (a write path forgot its audit).
var errUnaudited = errors.New("records were written without an audit entry")

// flushChanges moves the transaction's pending changes into the log, each
// with the next sequence, user, the company's branch, now and the newest
// audit entry of the transaction, and points the records' heads at them. A
// record written as its head already says (the same bytes, or deleted
// again) adds nothing. auditBefore is the audit trail's sequence when the
// transaction began: pending changes and no audit entry since is an error.
func flushChanges(tx *bolt.Tx, user string, now time.Time, auditBefore uint64) error {
	pending := tx.Bucket(bChangePending)
	if pending == nil {
		return nil
	}
	c := pending.Cursor()
	k, _ := c.First()
	if k == nil {
		return nil
	}
	auditSeq := tx.Bucket(bAudit).Sequence()
	if auditSeq == auditBefore {
		return app.Internal("logging the changes", errUnaudited)
	}
	changes, heads := tx.Bucket(bChanges), tx.Bucket(bChangeHeads)
	branch := companyBranch(tx)
	var done [][]byte
	for k, v := c.First(); k != nil; k, v = c.Next() {
		k = cat(k) // bolt's slices are not ours to keep across writes
		done = append(done, k)
		if len(v) != 0 && len(v) != 32 || len(k) < 1 {
			return app.Internal("logging the changes", errors.New("a pending change cannot be read"))
		}
		old := heads.Get(k)
		if len(v) == 0 && len(old) == 8 || len(v) == 32 && len(old) == 40 && bytes.Equal(old[8:], v) {
			continue // as the log already says
		}
		seq, err := changes.NextSequence()
		if err != nil {
			return err
		}
		ch := change{Seq: seq, Kind: string(k[:1]), ID: changeID(k[0], k[1:]), Branch: branch, User: user, Time: now, AuditSeq: auditSeq}
		if len(v) == 32 {
			ch.Hash = hex.EncodeToString(v)
		}
		raw, err := json.Marshal(ch)
		if err != nil {
			return err
		}
		if err := changes.Put(u64(seq), raw); err != nil {
			return err
		}
		if err := heads.Put(k, cat(u64(seq), v)); err != nil {
			return err
		}
	}
	for _, k := range done {
		if err := pending.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// companyBranch is the company's branch code without decoding the whole
// company; "HQ" before the company exists (as branchOf).
func companyBranch(tx *bolt.Tx) string {
	var c struct {
		Branch string `json:"branch"`
	}
	if raw := tx.Bucket(bMeta).Get(kCompany); raw != nil && json.Unmarshal(raw, &c) == nil && c.Branch != "" {
		return c.Branch
	}
	return "HQ"
}

// baselineChanges gives every record on file that has no head yet a change
// (the migration that brings the log to an older file; prepare flushes them
// under the upgrade's audit entry). A record that has a head keeps it, even
// when it no longer matches: setting the schema back to re-run the
// migration must not launder a changed record.
func baselineChanges(tx *bolt.Tx) error {
	heads := tx.Bucket(bChangeHeads)
	for _, l := range logged {
		err := forEachRecord(tx, l, func(k, v []byte) error {
			if heads.Get(cat([]byte{l.kind}, k)) != nil {
				return nil
			}
			return recordChange(tx, l.kind, k, v)
		})
		if err != nil {
			return err
		}
	}
	return nil
}
