package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"hash"

	bolt "go.etcd.io/bbolt"
)

// Proofs tie the records that matter (issued documents, journal entries) to
// the audit entry that wrote them. Writing such a record stores its hash
// under the audit entry the transaction appends next; that audit entry then
// carries a digest of all the hashes stored under it, and the chain covers
// the digest. So a record changed afterwards no longer matches its hash, a
// hash changed with it no longer matches the digest, and a digest changed
// breaks the chain. A record written again (a payment updates its invoice)
// gets a new proof under the newer audit entry; the old one stays, still
// covered by its digest.
const (
	proofDoc   = 'd' // a sales document with a number; key: document ID
	proofEntry = 'e' // a journal entry; key: its journal sequence (8 B)
)

// recordHash is the SHA-256 of the record's canonical JSON: object keys
// sorted, numbers exactly as stored, and empty values (zero, "", false,
// null, empty lists and objects) left out, so that a later Kontor that adds a
// field with its zero value still computes the same hash.
func recordHash(kind byte, raw []byte) [32]byte {
	var v any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return sha256.Sum256(append([]byte{kind}, raw...)) // unreadable: hash the bytes
	}
	canon, _ := json.Marshal(stripEmpty(v))
	return sha256.Sum256(append([]byte{kind}, canon...))
}

// stripEmpty drops empty values from JSON objects, recursively.
func stripEmpty(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			x = stripEmpty(x)
			if isEmptyJSON(x) {
				delete(v, k)
			} else {
				v[k] = x
			}
		}
		return v
	case []any:
		for i, x := range v {
			v[i] = stripEmpty(x)
		}
		return v
	}
	return v
}

func isEmptyJSON(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case bool:
		return !v
	case json.Number:
		f, err := v.Float64()
		return err == nil && f == 0
	case map[string]any:
		return len(v) == 0
	case []any:
		return len(v) == 0
	}
	return false
}

// prove stores the hash of a record just written under the audit entry this
// transaction appends next. Unchanged records keep their proof.
func prove(tx *bolt.Tx, kind byte, key, raw []byte) error {
	return proveHash(tx, kind, key, recordHash(kind, raw))
}

// proveHash is prove of a record whose recordHash is h.
func proveHash(tx *bolt.Tx, kind byte, key []byte, h [32]byte) error {
	proofs := tx.Bucket(bProofs)
	if proofs == nil { // a migration before the proofs existed
		return nil
	}
	pk := cat([]byte{kind}, key)
	if old := proofs.Get(pk); len(old) == 40 && bytes.Equal(old[8:], h[:]) {
		return nil
	}
	seq := u64(tx.Bucket(bAudit).Sequence() + 1)
	if err := proofs.Put(pk, cat(seq, h[:])); err != nil {
		return err
	}
	return tx.Bucket(bProofSeq).Put(cat(seq, pk), cat(h[:]))
}

// proofDigest is what an audit entry records of the proofs stored under it:
// their hex digest and count.
func proofDigest(tx *bolt.Tx, seq uint64) (string, int) {
	b := tx.Bucket(bProofSeq)
	if b == nil {
		return "", 0
	}
	d := newDigest()
	prefix := u64(seq)
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		d.add(k[8:], v)
	}
	return d.sum()
}

// digest hashes (record key, record hash) pairs in key order.
type digest struct {
	h hash.Hash
	n int
}

func newDigest() *digest { return &digest{h: sha256.New()} }

func (d *digest) add(pk, h []byte) {
	var l [2]byte
	binary.BigEndian.PutUint16(l[:], uint16(len(pk)))
	d.h.Write(l[:])
	d.h.Write(pk)
	d.h.Write(h)
	d.n++
}

func (d *digest) sum() (string, int) {
	if d.n == 0 {
		return "", 0
	}
	return hex.EncodeToString(d.h.Sum(nil)), d.n
}

// proveExisting proves every journal entry and numbered sales document on
// file that has no proof yet: the migration that brings proofs to an older
// database. What was changed before that day cannot be told; from then on it
// can. A record that has a proof keeps it, even when it no longer matches:
// setting the schema back to re-run the migration must not launder a
// changed record. A later migration that rewrites records on purpose proves
// them again itself (prove).
func proveExisting(tx *bolt.Tx) error {
	proofs := tx.Bucket(bProofs)
	missing := func(kind byte, k []byte) bool { return proofs.Get(cat([]byte{kind}, k)) == nil }
	if err := tx.Bucket(bJournal).ForEach(func(k, v []byte) error {
		if !missing(proofEntry, k) {
			return nil
		}
		return prove(tx, proofEntry, k, v)
	}); err != nil {
		return err
	}
	return tx.Bucket(bDocs).ForEach(func(k, v []byte) error {
		if !missing(proofDoc, k) || !docNumbered(v) {
			return nil
		}
		return prove(tx, proofDoc, k, v)
	})
}

// docNumbered reports whether a stored sales document has its number: from
// then on it is a record to prove, not a draft.
func docNumbered(raw []byte) bool {
	var d struct {
		Number string `json:"number"`
	}
	return decode(raw, &d) == nil && d.Number != ""
}
