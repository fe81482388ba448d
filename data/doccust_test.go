package data

import (
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// A customer's documents come from the customer index: a draft moved to
// another customer moves with it, a deleted draft leaves it, and a file from
// before the index gets it on opening.
func TestDocumentsOfACustomer(t *testing.T) {
	s, c := salesStore(t)
	other, err := s.SaveCustomer(ctx, app.Customer{Name: "Bistro Na Růžku s.r.o."})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for range 3 {
		d, err := s.SaveDraft(ctx, draftInvoice(c))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	if _, err := s.Issue(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	moved, _ := s.Document(ctx, ids[1])
	moved.CustomerID = other.ID
	if _, err := s.SaveDraft(ctx, moved); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDraft(ctx, ids[2]); err != nil {
		t.Fatal(err)
	}
	docs, n, err := s.Documents(ctx, app.DocFilter{Customer: c.ID}, 0, 10)
	if err != nil || n != 1 || docs[0].ID != ids[0] {
		t.Fatalf("documents of the first customer: %d %v", n, err)
	}
	if docs, n, _ := s.Documents(ctx, app.DocFilter{Customer: other.ID}, 0, 10); n != 1 || docs[0].ID != ids[1] {
		t.Fatalf("documents of the other customer: %d", n)
	}
	mustCheckClean(t, s)

	// A schema-6 file has no index: opening it builds one.
	if err := s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bDocCust); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(kSchema, u64(6))
	}); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	s, err = Open(path, Options{NoAutoBackup: true, Clock: app.NewFixedClock(testNow)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, n, _ := s.Documents(ctx, app.DocFilter{Customer: c.ID}, 0, 10); n != 1 {
		t.Fatalf("after the migration: %d documents", n)
	}
	mustCheckClean(t, s)
}
