package data

import (
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestChangeKindsDistinct: each logged record kind has its own byte (a head's
// key starts with it).
func TestChangeKindsDistinct(t *testing.T) {
	seen := map[byte]bool{}
	for _, k := range changeKinds {
		if seen[k] {
			t.Errorf("change kind %q listed twice", k)
		}
		seen[k] = true
	}
	if len(changeKinds) != 18 {
		t.Errorf("%d change kinds, want 18", len(changeKinds))
	}
}

// TestChangeSeamWritesNothing: until the log exists, recordChange and
// recordDelete succeed inside a write transaction and leave the file as it
// was, so wiring them into a write path changes nothing.
func TestChangeSeamWritesNothing(t *testing.T) {
	s, _ := MustCompany(t)
	snapshot := func() map[string]int {
		out := map[string]int{}
		if err := s.db.View(func(tx *bolt.Tx) error {
			return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
				out[string(name)] = b.Stats().KeyN
				return nil
			})
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := snapshot()
	if err := s.db.Update(func(tx *bolt.Tx) error {
		for _, k := range changeKinds {
			if err := recordChange(tx, k, []byte("key"), []byte(`{"id":"key"}`)); err != nil {
				return err
			}
			if err := recordDelete(tx, k, []byte("key")); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	after := snapshot()
	if len(before) != len(after) {
		t.Fatalf("buckets %v became %v", before, after)
	}
	for name, n := range before {
		if after[name] != n {
			t.Errorf("bucket %s: %d keys became %d", name, n, after[name])
		}
	}
	if changeDoc != proofDoc || changeEntry != proofEntry {
		t.Errorf("documents and entries must use the proofs' kind bytes, so one record has one kind everywhere")
	}
}
