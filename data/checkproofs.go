package data

import (
	"bytes"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// checkProofs re-hashes every proven record and compares with the audit
// trail (see prove): each stored hash against its record now, each audit
// entry's digest against the hashes stored under it, and every journal entry
// and numbered document against the list of proofs, so that a record added,
// changed or removed outside Kontor is found. claims and last come from
// checkAudit.
func checkProofs(tx *bolt.Tx, add addFn, claims map[uint64]proofClaim, last app.AuditEntry, tick func()) {
	proofs, bySeq := tx.Bucket(bProofs), tx.Bucket(bProofSeq)
	if proofs == nil || bySeq == nil {
		return
	}
	journal, docs := tx.Bucket(bJournal), tx.Bucket(bDocs)
	current := 0 // proofs a record is checked against now (not superseded ones)
	var seq uint64
	var d *digest
	closeGroup := func() {
		if d == nil {
			return
		}
		proof, n := d.sum()
		c, ok := claims[seq]
		delete(claims, seq)
		switch {
		case seq > last.Seq:
			add("check.proof_no_audit", "{{.n}} record(s) were written by audit entry {{.seq}}, which is not in the audit trail: the newest audit entries were removed", map[string]any{"n": n, "seq": seq})
		case !ok || c.proof != proof || c.records != n:
			add("check.proof_changed", "the records written by audit entry {{.seq}} do not match what the entry recorded of them: records or their proofs were changed", map[string]any{"seq": seq})
		}
	}
	c := bySeq.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		tick()
		if len(k) < 10 || len(v) != 32 {
			add("check.proof_unreadable", "a proof record cannot be read: it was changed", nil)
			continue
		}
		if s := binary.BigEndian.Uint64(k); d == nil || s != seq {
			closeGroup()
			seq, d = s, newDigest()
		}
		pk := k[8:]
		d.add(pk, v)
		cur := proofs.Get(pk)
		if len(cur) != 40 || binary.BigEndian.Uint64(cur) != seq {
			continue // superseded by a later write of the record (or missing: counted below)
		}
		if !bytes.Equal(cur[8:], v) {
			add("check.proof_changed", "the records written by audit entry {{.seq}} do not match what the entry recorded of them: records or their proofs were changed", map[string]any{"seq": seq})
			continue
		}
		current++
		kind, key := pk[0], pk[1:]
		var raw []byte
		switch kind {
		case proofEntry:
			raw = journal.Get(key)
		case proofDoc:
			raw = docs.Get(key)
		default:
			add("check.proof_unreadable", "a proof record cannot be read: it was changed", nil)
			continue
		}
		switch {
		case raw == nil:
			add(removedKey(kind), removedMsg(kind), map[string]any{"what": recordName(kind, key, nil), "seq": seq})
		case recordHash(kind, raw) != [32]byte(v):
			add(changedKey(kind), changedMsg(kind), map[string]any{"what": recordName(kind, key, raw), "seq": seq, "user": auditUser(tx, seq)})
		}
	}
	closeGroup()
	for s := range claims {
		add("check.proof_missing", "audit entry {{.seq}} wrote records whose proofs were removed", map[string]any{"seq": s})
	}
	if n := proofs.Stats().KeyN; n != current {
		add("check.proof_index", "{{.n}} records have a proof, but only {{.current}} of those proofs are where the audit trail expects them", map[string]any{"n": n, "current": current})
	}
	// Every entry and numbered document must have a proof: one without was
	// put there outside Kontor. Journal keys and proof keys sort alike, so
	// two cursors walk in step.
	pc := proofs.Cursor()
	pk, _ := pc.Seek([]byte{proofEntry})
	_ = journal.ForEach(func(k, v []byte) error {
		tick()
		for pk != nil && pk[0] == proofEntry && bytes.Compare(pk[1:], k) < 0 {
			pk, _ = pc.Next()
		}
		if pk == nil || pk[0] != proofEntry || !bytes.Equal(pk[1:], k) {
			add("check.entry_unproven", "journal entry {{.what}} was not written by Kontor: no audit entry records it", map[string]any{"what": recordName(proofEntry, k, v)})
		}
		return nil
	})
	_ = docs.ForEach(func(k, v []byte) error {
		if proofs.Get(cat([]byte{proofDoc}, k)) == nil && docNumbered(v) {
			add("check.doc_unproven", "document {{.what}} was not issued by Kontor: no audit entry records it", map[string]any{"what": recordName(proofDoc, k, v)})
		}
		return nil
	})
}

// recordName names a record in a finding: the entry's or document's number
// when it can be read, else its key.
func recordName(kind byte, key, raw []byte) string {
	var r struct {
		Number string `json:"number"`
	}
	if raw != nil && decode(raw, &r) == nil && r.Number != "" {
		return r.Number
	}
	if kind == proofEntry && len(key) == 8 {
		return "#" + itoa(int(binary.BigEndian.Uint64(key)))
	}
	return string(key)
}

func auditUser(tx *bolt.Tx, seq uint64) string {
	var e app.AuditEntry
	if raw := tx.Bucket(bAudit).Get(u64(seq)); raw == nil || decode(raw, &e) != nil {
		return "?"
	}
	return e.User
}

func changedKey(kind byte) string {
	if kind == proofDoc {
		return "check.doc_changed"
	}
	return "check.entry_changed"
}

func changedMsg(kind byte) string {
	if kind == proofDoc {
		return "document {{.what}} was changed after audit entry {{.seq}} ({{.user}}) wrote it"
	}
	return "journal entry {{.what}} was changed after audit entry {{.seq}} ({{.user}}) wrote it"
}

func removedKey(kind byte) string {
	if kind == proofDoc {
		return "check.doc_removed"
	}
	return "check.entry_removed"
}

func removedMsg(kind byte) string {
	if kind == proofDoc {
		return "document {{.what}}, written by audit entry {{.seq}}, was removed"
	}
	return "journal entry {{.what}}, written by audit entry {{.seq}}, was removed"
}
