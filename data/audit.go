package data

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// auditor appends entries to the hash-chained audit trail inside a write
// transaction: what is written and the record of writing it commit together.
type auditor struct {
	tx    *bolt.Tx
	clock app.Clock
	user  string
}

// log appends one entry whose summary is English text only (it cannot be
// translated: prefer logKey).
func (a *auditor) log(action, entity, id, summary string) error {
	return appendAudit(a.tx, app.AuditEntry{Time: a.clock.Now().UTC(), User: a.user, Action: action, Entity: entity, EntityID: id, Text: summary})
}

// logKey appends one entry whose summary is the translation key with typed
// arguments; english is the key's English template, stored rendered beside
// it for readers that cannot translate (CSV, older Kontors).
func (a *auditor) logKey(action, entity, id, key, english string, args app.AuditArgs) error {
	return appendAudit(a.tx, app.AuditEntry{Time: a.clock.Now().UTC(), User: a.user, Action: action, Entity: entity, EntityID: id,
		Text: app.AuditText(english, args), Key: key, Args: args})
}

// auditHash is the SHA-256 of the previous hash and the entry's content
// (everything but Hash itself), so no field can change unnoticed.
func auditHash(e app.AuditEntry) string {
	e.Hash = ""
	b, _ := json.Marshal(e)
	sum := sha256.Sum256(append([]byte(e.Prev), b...))
	return hex.EncodeToString(sum[:])
}

func appendAudit(tx *bolt.Tx, e app.AuditEntry) error {
	b := tx.Bucket(bAudit)
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	meta := tx.Bucket(bMeta)
	if head := meta.Get(kAuditHead); len(head) > 8 {
		e.Prev = string(head[8:])
	}
	e.Seq = seq
	e.Proof, e.Records = proofDigest(tx, seq)
	e.Hash = auditHash(e)
	raw, err := encode(e)
	if err != nil {
		return err
	}
	if err := b.Put(u64(seq), raw); err != nil {
		return err
	}
	return meta.Put(kAuditHead, cat(u64(seq), []byte(e.Hash)))
}

// proofClaim is what an audit entry says of the records it wrote.
type proofClaim struct {
	proof   string
	records int
}

// checkAudit walks the chain and reports the first entry that was changed,
// removed or reordered. It returns what each entry claims of the records it
// wrote, for checkProofs, and the newest entry.
func checkAudit(tx *bolt.Tx, add addFn, tick func()) (claims map[uint64]proofClaim, last app.AuditEntry) {
	claims = map[uint64]proofClaim{}
	b := tx.Bucket(bAudit)
	if b == nil {
		return claims, last
	}
	var prev app.AuditEntry
	first := true
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		seq := binary.BigEndian.Uint64(k)
		tick()
		var e app.AuditEntry
		if err := json.Unmarshal(v, &e); err != nil {
			add("check.audit_unreadable", "audit entry {{.seq}} cannot be read: it was changed", map[string]any{"seq": seq})
			return claims, prev
		}
		switch {
		case e.Seq != seq || auditHash(e) != e.Hash:
			add("check.audit_changed", "audit entry {{.seq}} ({{.time}}, {{.user}}, {{.action}}) was changed after it was written", auditArgs(seq, e))
			return claims, prev
		case first && seq != 1, !first && seq != prev.Seq+1:
			add("check.audit_removed", "audit entries before {{.seq}} were removed", map[string]any{"seq": seq})
			return claims, prev
		case !first && e.Prev != prev.Hash, first && e.Prev != "":
			add("check.audit_order", "audit entry {{.seq}} does not follow the entry before it: entries were removed or reordered", map[string]any{"seq": seq})
			return claims, prev
		}
		if e.Records > 0 {
			claims[seq] = proofClaim{e.Proof, e.Records}
		}
		prev, first = e, false
	}
	head := tx.Bucket(bMeta).Get(kAuditHead)
	switch {
	case first && head != nil:
		add("check.audit_removed_all", "the audit trail was emptied", nil)
	case !first && (len(head) < 8 || binary.BigEndian.Uint64(head[:8]) != prev.Seq || string(head[8:]) != prev.Hash):
		add("check.audit_tail", "the newest audit entries after {{.seq}} were removed", map[string]any{"seq": prev.Seq})
	case b.Sequence() != prev.Seq:
		// The bucket's counter only grows: entries were cut off the end
		// and the head rewound to match.
		add("check.audit_sequence", "the audit trail has written {{.n}} entries, but the newest one on file is {{.seq}}: the newest entries were removed", map[string]any{"n": b.Sequence(), "seq": prev.Seq})
	}
	return claims, prev
}

func auditArgs(seq uint64, e app.AuditEntry) map[string]any {
	return map[string]any{"seq": seq, "time": e.Time.Format("2006-01-02 15:04:05"), "user": e.User, "action": e.Action}
}

func (f auditFilter) match(e app.AuditEntry) bool {
	if f.User != "" && !strings.EqualFold(e.User, f.User) {
		return false
	}
	if f.Entity != "" && e.Entity != f.Entity {
		return false
	}
	d := app.DateOf(e.Time.Local())
	return (f.From.IsZero() || !d.Before(f.From)) && (f.To.IsZero() || !d.After(f.To))
}

type auditFilter app.AuditFilter

// AuditCount returns how many audit entries match the filter.
func (s *Store) AuditCount(ctx context.Context, f app.AuditFilter) (int, error) {
	n := 0
	err := s.viewAs(ctx, app.PermAuditRead, "reading the audit trail", func(tx *bolt.Tx, _ app.User) error {
		return scanAudit(tx, f, func(app.AuditEntry) bool { n++; return true })
	})
	return n, err
}

// AuditPage returns matching entries newest first.
func (s *Store) AuditPage(ctx context.Context, f app.AuditFilter, offset, limit int) ([]app.AuditEntry, error) {
	var out []app.AuditEntry
	err := s.viewAs(ctx, app.PermAuditRead, "reading the audit trail", func(tx *bolt.Tx, _ app.User) error {
		return scanAudit(tx, f, func(e app.AuditEntry) bool {
			if offset > 0 {
				offset--
				return true
			}
			out = append(out, e)
			return len(out) < limit
		})
	})
	return out, err
}

// scanAudit walks matching entries newest first until fn returns false.
func scanAudit(tx *bolt.Tx, f app.AuditFilter, fn func(app.AuditEntry) bool) error {
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return app.Invalid("filter.to", "err.period.reversed", "the end of the period is before its start", nil)
	}
	c := tx.Bucket(bAudit).Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		var e app.AuditEntry
		if err := decode(v, &e); err != nil {
			return err
		}
		if auditFilter(f).match(e) && !fn(e) {
			return nil
		}
	}
	return nil
}

// auditNote is a summary in the making: key, English template, arguments.
type auditNote struct {
	key, english string
	args         app.AuditArgs
}

// idLabel is a stored id (a status, a type) shown through its translation
// key prefix+id; in English, its words.
func idLabel(prefix, id string) app.AuditArg {
	return app.ALabel(prefix+id, strings.ReplaceAll(id, "_", " "))
}

// roleLabels names roles in the reader's language.
func roleLabels(roles []app.Role) app.AuditArg {
	ls := make([]app.Label, len(roles))
	for i, r := range roles {
		ls[i] = app.Label{Key: "role." + string(r), Fallback: string(r)}
	}
	return app.ALabels(ls...)
}

func apptArgs(a app.Appointment) app.AuditArgs {
	start := a.Start.Local()
	return app.AuditArgs{"staff": app.AText(a.Staff), "customer": app.AText(a.Customer), "date": app.ADate(app.DateOf(start)), "time": app.AText(start.Format("15:04"))}
}

func payArgs(amount app.Money, number, method string) app.AuditArgs {
	return app.AuditArgs{"amount": app.AMoney(amount), "number": app.AText(number), "method": idLabel("pay.", method)}
}

// bankLineArgs names a bank line: its date, amount and counterparty.
func bankLineArgs(e app.BankEntry) app.AuditArgs {
	return app.AuditArgs{"date": app.ADate(e.Line.Date), "amount": app.AMoney(e.Line.Amount), "counter": app.AText(e.Line.CounterName)}
}

// withArgs is a with b's arguments added.
func withArgs(a, b app.AuditArgs) app.AuditArgs {
	for k, v := range b {
		a[k] = v
	}
	return a
}
