package data

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// checkChanges proves the change log complete: the changes numbered 1…n
// without a gap, n being every change ever written; each naming an audit
// entry that exists; every record of every logged kind with a head whose
// hash is the record's and which points at the record's newest change;
// every head without a record a deletion; nothing left pending.
func checkChanges(tx *bolt.Tx, add addFn, tick func()) {
	changes, heads, pending := tx.Bucket(bChanges), tx.Bucket(bChangeHeads), tx.Bucket(bChangePending)
	if changes == nil || heads == nil || pending == nil {
		add("check.change_log", "the change log is missing", nil)
		return
	}
	var auditHead uint64
	if h := tx.Bucket(bMeta).Get(kAuditHead); len(h) >= 8 {
		auditHead = binary.BigEndian.Uint64(h[:8])
	}
	type newest struct {
		seq  uint64
		hash string
	}
	latest := map[string]newest{} // kind + key → its newest change
	want, gaps, late := uint64(1), 0, 0
	_ = changes.ForEach(func(k, v []byte) error {
		tick()
		seq := binary.BigEndian.Uint64(k)
		if seq != want && gaps == 0 {
			add("check.change_gap", "changes {{.from}} to {{.to}} are missing from the change log", map[string]any{"from": want, "to": seq - 1})
		}
		if seq != want {
			gaps++
		}
		want = seq + 1
		var ch change
		if json.Unmarshal(v, &ch) != nil || ch.Seq != seq || len(ch.Kind) != 1 {
			add("check.change_unreadable", "change {{.seq}} cannot be read: it was changed", map[string]any{"seq": seq})
			return nil
		}
		if ch.AuditSeq > auditHead && late == 0 {
			late++
			add("check.change_audit", "change {{.seq}} names audit entry {{.audit}}, which is not in the audit trail", map[string]any{"seq": seq, "audit": ch.AuditSeq})
		}
		key, err := changeKey(ch.Kind[0], ch.ID)
		if err != nil {
			add("check.change_unreadable", "change {{.seq}} cannot be read: it was changed", map[string]any{"seq": seq})
			return nil
		}
		latest[string(cat([]byte(ch.Kind), key))] = newest{seq, ch.Hash}
		return nil
	})
	if n := changes.Sequence(); n != want-1 {
		add("check.change_gap", "changes {{.from}} to {{.to}} are missing from the change log", map[string]any{"from": want, "to": n})
	}
	if k, _ := pending.Cursor().First(); k != nil {
		add("check.change_pending", "the change log holds changes that were never written out", nil)
	}

	// Heads: each the newest change of its record, and the record as it says.
	_ = heads.ForEach(func(k, v []byte) error {
		tick()
		if len(k) < 1 || len(v) != 8 && len(v) != 40 {
			add("check.change_unreadable_head", "an entry of the change log's index cannot be read", nil)
			return nil
		}
		kind, key := k[0], k[1:]
		args := recordArgs(kind, key)
		n, ok := latest[string(k)]
		hash := ""
		if len(v) == 40 {
			hash = hex.EncodeToString(v[8:])
		}
		if !ok || n.seq != binary.BigEndian.Uint64(v[:8]) || n.hash != hash {
			add("check.change_head", "the change log's newest change of {{.kind}} {{.id}} is not the one its index names", args)
		}
		delete(latest, string(k))
		raw := readRecord(tx, kind, key)
		switch {
		case raw == nil && hash != "":
			add("check.change_orphan", "the change log has {{.kind}} {{.id}}, which is not on file and was not deleted", args)
		case raw != nil && hash == "":
			add("check.change_changed", "{{.kind}} {{.id}} is not as the change log says: it was changed without being logged", args)
		case raw != nil:
			if h := recordHash(kind, raw); hex.EncodeToString(h[:]) != hash {
				add("check.change_changed", "{{.kind}} {{.id}} is not as the change log says: it was changed without being logged", args)
			}
		}
		return nil
	})
	for k := range latest {
		add("check.change_head", "the change log's newest change of {{.kind}} {{.id}} is not the one its index names", recordArgs(k[0], []byte(k[1:])))
	}

	// Records: each with its head.
	for _, l := range logged {
		_ = forEachRecord(tx, l, func(k, _ []byte) error {
			tick()
			if heads.Get(cat([]byte{l.kind}, k)) == nil {
				add("check.change_missing", "{{.kind}} {{.id}} is missing from the change log", recordArgs(l.kind, k))
			}
			return nil
		})
	}
}

// recordArgs names a record in a problem: its kind (translated) and key.
func recordArgs(kind byte, key []byte) map[string]any {
	entity := string(kind)
	if l, ok := loggedKind(kind); ok {
		entity = l.entity
	}
	return map[string]any{"kind": app.Label{Key: "audit.entity." + entity, Fallback: entity}, "id": changeID(kind, key)}
}
