package data

import (
	"bytes"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// TestMemoKeyKeepsProofs: an entry posted without a memo key is stored
// exactly as before Entry.MemoKey/MemoArgs existed, and its proof hash is the
// one an empty key and arguments would give, so the proofs of every entry on
// file stay valid; an entry with a memo key stores and proves it.
func TestMemoKeyKeepsProofs(t *testing.T) {
	s, _ := MustCompany(t)
	plain, err := s.PostEntry(ctx, sale(app.D(2026, 3, 3)))
	if err != nil {
		t.Fatal(err)
	}
	keyed := sale(app.D(2026, 3, 4))
	keyed.SetMemo(app.MemoYearClose(2025))
	if keyed, err = s.PostEntry(ctx, keyed); err != nil {
		t.Fatal(err)
	}
	raw := map[string][]byte{}
	if err := s.db.View(func(tx *bolt.Tx) error {
		for _, e := range []app.Entry{plain, keyed} {
			seq := tx.Bucket(bEntryIDs).Get([]byte(e.ID))
			if seq == nil {
				t.Fatalf("entry %s has no sequence", e.ID)
			}
			raw[e.ID] = append([]byte(nil), tx.Bucket(bJournal).Get(seq)...)
			proof := tx.Bucket(bProofs).Get(cat([]byte{proofEntry}, seq))
			h := recordHash(proofEntry, raw[e.ID])
			if len(proof) != 40 || !bytes.Equal(proof[8:], h[:]) {
				t.Errorf("entry %s: proof does not match its record", e.ID)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	p := raw[plain.ID]
	if bytes.Contains(p, []byte("memo_key")) || bytes.Contains(p, []byte("memo_args")) {
		t.Errorf("an entry without a memo key stores the empty fields: %s", p)
	}
	withEmpty := bytes.Replace(p, []byte(`"memo":`), []byte(`"memo_key":"","memo_args":{},"memo":`), 1)
	if recordHash(proofEntry, withEmpty) != recordHash(proofEntry, p) {
		t.Errorf("empty memo key and arguments change the proof hash")
	}
	k := raw[keyed.ID]
	if !bytes.Contains(k, []byte(`"memo_key":"memo.year_close"`)) {
		t.Errorf("the memo key is not stored: %s", k)
	}
	back, err := s.Entry(ctx, keyed.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.Memo != "Roční uzávěrka 2025" || back.MemoKey != "memo.year_close" || back.MemoText(nil) != back.Memo {
		t.Errorf("entry read back: %q %q", back.Memo, back.MemoKey)
	}
	mustCheckClean(t, s)
}
