package data

import (
	"encoding/json"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// auditedStore has a company, an entry, a lock and a settings change: each a
// write that must have left an audit entry.
func auditedStore(t *testing.T) *Store {
	s, _ := MustCompany(t)
	if _, err := s.PostEntry(ctx, sale(app.D(2026, 3, 2))); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 1}, true); err != nil {
		t.Fatal(err)
	}
	c, _ := s.Company(ctx)
	c.Phone = "+420 777 123 456"
	if _, err := s.UpdateCompany(ctx, c); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestEveryWriteIsAudited(t *testing.T) {
	s := auditedStore(t)
	entries, err := s.AuditPage(ctx, app.AuditFilter{}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Action+" "+e.Entity)
		if e.User != "admin" || e.Time.IsZero() || e.Hash == "" {
			t.Errorf("incomplete entry %+v", e)
		}
	}
	want := "update company|lock period|post entry|create company|create user"
	if strings.Join(got, "|") != want {
		t.Fatalf("audit (newest first) = %q, want %q", strings.Join(got, "|"), want)
	}
	if !strings.Contains(entries[0].Text, "contact") {
		t.Errorf("settings change summary %q does not name what changed", entries[0].Text)
	}
	if n, _ := s.AuditCount(ctx, app.AuditFilter{Entity: "company"}); n != 2 {
		t.Errorf("company entries %d", n)
	}
	if n, _ := s.AuditCount(ctx, app.AuditFilter{User: "nobody"}); n != 0 {
		t.Errorf("filter by user: %d", n)
	}
	// A refused write leaves no audit entry.
	before, _ := s.AuditCount(ctx, app.AuditFilter{})
	_, _ = s.PostEntry(ctx, app.Entry{Date: app.D(2026, 3, 1), Lines: []app.Line{{Account: "311", Debit: 1}, {Account: "604", Credit: 2}}})
	if after, _ := s.AuditCount(ctx, app.AuditFilter{}); after != before {
		t.Fatalf("a refused entry was audited: %d → %d", before, after)
	}
}

// Each case edits the audit bucket with bbolt directly, as someone with the
// file and a hex editor could, and Check must name the first broken entry.
func TestCheckDetectsAuditTampering(t *testing.T) {
	rewrite := func(field, value string) func(tx *bolt.Tx) error {
		return func(tx *bolt.Tx) error {
			b := tx.Bucket(bAudit)
			var e map[string]any
			_ = json.Unmarshal(b.Get(u64(3)), &e)
			e[field] = value
			raw, _ := json.Marshal(e)
			return b.Put(u64(3), raw)
		}
	}
	cases := []struct {
		name   string
		damage func(tx *bolt.Tx) error
		want   string
	}{
		{"summary edited", rewrite("summary", "nothing happened"), "audit entry 3"},
		{"user edited", rewrite("user", "eva"), "audit entry 3"},
		{"entry removed", func(tx *bolt.Tx) error { return tx.Bucket(bAudit).Delete(u64(2)) }, "before 3 were removed"},
		{"newest removed", func(tx *bolt.Tx) error { return tx.Bucket(bAudit).Delete(u64(5)) }, "after 4 were removed"},
		{"reordered", func(tx *bolt.Tx) error {
			b := tx.Bucket(bAudit)
			two, three := append([]byte(nil), b.Get(u64(2))...), append([]byte(nil), b.Get(u64(3))...)
			if err := b.Put(u64(2), three); err != nil {
				return err
			}
			return b.Put(u64(3), two)
		}, "audit entry 2"},
		{"rehashed after edit", func(tx *bolt.Tx) error {
			// Recomputing the edited entry's own hash still breaks the link to the next one.
			b := tx.Bucket(bAudit)
			var e app.AuditEntry
			_ = json.Unmarshal(b.Get(u64(3)), &e)
			e.Text = "nothing happened"
			e.Hash = auditHash(e)
			raw, _ := json.Marshal(e)
			return b.Put(u64(3), raw)
		}, "audit entry 4 does not follow"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := auditedStore(t)
			mustCheckClean(t, s)
			if err := s.db.Update(tc.damage); err != nil {
				t.Fatal(err)
			}
			probs, err := s.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var texts []string
			for _, p := range probs {
				texts = append(texts, p.Text(nil))
			}
			if !strings.Contains(strings.Join(texts, "\n"), tc.want) {
				t.Fatalf("check said %q, want %q", texts, tc.want)
			}
		})
	}
}
