package data

import (
	"encoding/binary"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// provenStore has an issued, paid invoice and a posted manual entry: records
// the audit trail proves.
func provenStore(t *testing.T) (*Store, app.SalesDoc, app.Entry) {
	t.Helper()
	s, c := salesStore(t)
	d, err := s.SaveDraft(ctx, draftInvoice(c))
	if err != nil {
		t.Fatal(err)
	}
	if d, err = s.Issue(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: app.D(2026, 11, 10), Amount: app.M(100000, "CZK")}); err != nil {
		t.Fatal(err)
	}
	e, err := s.PostEntry(ctx, sale(app.D(2026, 11, 3)))
	if err != nil {
		t.Fatal(err)
	}
	mustCheckClean(t, s)
	return s, d, e
}

// editJSON rewrites one stored record as someone with bbolt (or a hex
// editor) could: decode, change, encode, put back.
func editJSON(tx *bolt.Tx, bucket, key []byte, change func(m map[string]any)) error {
	b := tx.Bucket(bucket)
	var m map[string]any
	d := json.NewDecoder(strings.NewReader(string(b.Get(key))))
	d.UseNumber()
	if err := d.Decode(&m); err != nil {
		return err
	}
	change(m)
	raw, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

// entryKey is the journal key of the entry with the ID.
func entryKey(tx *bolt.Tx, id string) []byte {
	return append([]byte(nil), tx.Bucket(bEntryIDs).Get([]byte(id))...)
}

// shiftBalance moves an account's monthly and daily running totals as a
// careful forger would, so that they still add up to the edited lines.
func shiftBalance(tx *bolt.Tx, code string, d app.Date, debit, credit int64) error {
	if err := addTotals(tx.Bucket(bBalances), balanceKey(code, d.MonthOf()), debit, credit, 0, func() app.Label { return app.Label{} }); err != nil {
		return err
	}
	return addTotals(tx.Bucket(bDayBal), dayBalanceKey(code, d), debit, credit, 0, func() app.Label { return app.Label{} })
}

func checkTexts(t *testing.T, s *Store) string {
	t.Helper()
	probs, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, p := range probs {
		texts = append(texts, p.Text(nil))
	}
	return strings.Join(texts, "\n")
}

// Each case changes the file with bbolt directly, the way a person with the
// file and a hex editor could, and Check must say what was changed.
func TestCheckFindsChangedRecords(t *testing.T) {
	cases := []struct {
		name   string
		damage func(tx *bolt.Tx, d app.SalesDoc, e app.Entry) error
		want   string
	}{
		{"invoice total", func(tx *bolt.Tx, d app.SalesDoc, _ app.Entry) error {
			return editJSON(tx, bDocs, []byte(d.ID), func(m map[string]any) {
				m["totals"].(map[string]any)["total"] = json.Number("100")
			})
		}, "document FV2026-0001 was changed after audit entry"},
		{"line price", func(tx *bolt.Tx, d app.SalesDoc, _ app.Entry) error {
			return editJSON(tx, bDocs, []byte(d.ID), func(m map[string]any) {
				m["lines"].([]any)[0].(map[string]any)["unit_price"] = json.Number("4500")
			})
		}, "document FV2026-0001 was changed"},
		{"invoice number", func(tx *bolt.Tx, d app.SalesDoc, _ app.Entry) error {
			return editJSON(tx, bDocs, []byte(d.ID), func(m map[string]any) { m["number"] = "FV2026-0099" })
		}, "document FV2026-0099 was changed"},
		{"balanced pair of lines with their running balances", func(tx *bolt.Tx, _ app.SalesDoc, e app.Entry) error {
			// 311 debit and 604 credit both 1 000 Kč lower: still balanced,
			// and the monthly and daily balances follow.
			if err := editJSON(tx, bJournal, entryKey(tx, e.ID), func(m map[string]any) {
				lines := m["lines"].([]any)
				lines[0].(map[string]any)["dr"] = json.Number("21000")
				lines[1].(map[string]any)["cr"] = json.Number("0")
			}); err != nil {
				return err
			}
			if err := shiftBalance(tx, "311", e.Date, -100000, 0); err != nil {
				return err
			}
			return shiftBalance(tx, "604", e.Date, 0, -100000)
		}, "journal entry " + "ID2026-"},
		{"record and its proof together", func(tx *bolt.Tx, d app.SalesDoc, _ app.Entry) error {
			if err := editJSON(tx, bDocs, []byte(d.ID), func(m map[string]any) {
				m["totals"].(map[string]any)["total"] = json.Number("100")
			}); err != nil {
				return err
			}
			// The forger re-hashes the record and stores the new hash in
			// both proof buckets; the audit entry's digest still differs.
			pk := cat([]byte{proofDoc}, []byte(d.ID))
			cur := tx.Bucket(bProofs).Get(pk)
			seq := append([]byte(nil), cur[:8]...)
			h := recordHash(proofDoc, tx.Bucket(bDocs).Get([]byte(d.ID)))
			if err := tx.Bucket(bProofs).Put(pk, cat(seq, h[:])); err != nil {
				return err
			}
			return tx.Bucket(bProofSeq).Put(cat(seq, pk), h[:])
		}, "do not match what the entry recorded"},
		{"entry removed", func(tx *bolt.Tx, _ app.SalesDoc, e app.Entry) error {
			return tx.Bucket(bJournal).Delete(entryKey(tx, e.ID))
		}, "was removed"},
		{"entry added outside Kontor", func(tx *bolt.Tx, _ app.SalesDoc, e app.Entry) error {
			k := entryKey(tx, e.ID)
			raw := append([]byte(nil), tx.Bucket(bJournal).Get(k)...)
			return tx.Bucket(bJournal).Put(u64(binary.BigEndian.Uint64(k)+100), raw)
		}, "was not written by Kontor"},
		{"newest audit entries dropped and the head rewound", func(tx *bolt.Tx, _ app.SalesDoc, _ app.Entry) error {
			return dropAuditTail(tx, 2, true)
		}, "which is not in the audit trail"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, d, e := provenStore(t)
			if err := s.db.Update(func(tx *bolt.Tx) error { return tc.damage(tx, d, e) }); err != nil {
				t.Fatal(err)
			}
			if got := checkTexts(t, s); !strings.Contains(got, tc.want) {
				t.Fatalf("check said %q, want %q", got, tc.want)
			}
		})
	}
}

// dropAuditTail removes the newest n audit entries and rewinds the head to
// the entry before them; with resetSeq also the bucket's counter.
func dropAuditTail(tx *bolt.Tx, n int, resetSeq bool) error {
	b := tx.Bucket(bAudit)
	last := b.Sequence()
	for i := 0; i < n; i++ {
		if err := b.Delete(u64(last - uint64(i))); err != nil {
			return err
		}
	}
	keep := last - uint64(n)
	var e app.AuditEntry
	if err := decode(b.Get(u64(keep)), &e); err != nil {
		return err
	}
	if resetSeq {
		if err := b.SetSequence(keep); err != nil {
			return err
		}
	}
	return tx.Bucket(bMeta).Put(kAuditHead, cat(u64(keep), []byte(e.Hash)))
}

// Entries that wrote no records (sign-ins, settings) dropped with the head and
// the counter rewound leave no trace in the file itself: the head a backup
// recorded catches it, the daily one beside the file automatically, any
// other with CheckAgainst.
func TestCheckComparesWithBackupHeads(t *testing.T) {
	s, clock := MustCompany(t)
	path := s.Path()
	s.Close()
	s, err := Open(path, Options{Clock: clock}) // the daily backup, with its head file
	if err != nil {
		t.Fatal(err)
	}
	s.backups.Wait()
	manual := filepath.Join(t.TempDir(), "usb.db")
	if err := s.Backup(ctx, manual, app.BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	// Work after the backups: the trail grew, which is fine.
	c, err := s.Company(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c.Email = "kancelar@zlutykun.cz"
	if _, err := s.UpdateCompany(ctx, c); err != nil {
		t.Fatal(err)
	}
	mustCheckClean(t, s)
	if probs, err := s.CheckAgainst(ctx, manual); err != nil || len(probs) > 0 {
		t.Fatalf("against a backup of the same trail: %v %v", probs, err)
	}
	// The forger drops everything since the company was created.
	if err := s.db.Update(func(tx *bolt.Tx) error { return dropAuditTail(tx, 3, true) }); err != nil {
		t.Fatal(err)
	}
	if got := checkTexts(t, s); !strings.Contains(got, "which is no longer in the audit trail") || !strings.Contains(got, "kontor-2026-11-28.db") {
		t.Fatalf("check against the daily backup's head said %q", got)
	}
	probs, err := s.CheckAgainst(ctx, manual)
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) == 0 || !strings.Contains(probs[len(probs)-1].Text(nil), "usb.db") {
		t.Fatalf("CheckAgainst found %v", probs)
	}
}

// A database from before proofs gets them for what it holds when it is
// opened by this Kontor (one audit entry covers them), and changes from then
// on are found.
func TestMigrationProvesExistingRecords(t *testing.T) {
	s, c := salesStore(t)
	// Make it a schema 8 file: no proof buckets while its records are written.
	if err := s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bProofs); err != nil {
			return err
		}
		if err := tx.DeleteBucket(bProofSeq); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(kSchema, u64(8))
	}); err != nil {
		t.Fatal(err)
	}
	d, err := s.SaveDraft(ctx, draftInvoice(c))
	if err != nil {
		t.Fatal(err)
	}
	if d, err = s.Issue(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	s, err = Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustCheckClean(t, s)
	page, _ := s.AuditPage(ctx, app.AuditFilter{}, 0, 1)
	if len(page) != 1 || page[0].Action != "migrate" || page[0].Records != 2 { // the invoice and its entry
		t.Fatalf("newest audit entry %+v", page)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error {
		return editJSON(tx, bDocs, []byte(d.ID), func(m map[string]any) { m["number"] = "FV2026-0077" })
	}); err != nil {
		t.Fatal(err)
	}
	if got := checkTexts(t, s); !strings.Contains(got, "document FV2026-0077 was changed") {
		t.Fatalf("check said %q", got)
	}
}

// A proof survives a later Kontor adding a field with its zero value to the
// stored JSON, and the order of keys.
func TestRecordHashIgnoresEmptyFieldsAndKeyOrder(t *testing.T) {
	a := recordHash(proofEntry, []byte(`{"id":"X","lines":[{"acct":"311","dr":100}],"memo":""}`))
	b := recordHash(proofEntry, []byte(`{"lines":[{"dr":100,"acct":"311","vat":null}],"id":"X","new":0,"flag":false}`))
	c := recordHash(proofEntry, []byte(`{"lines":[{"dr":101,"acct":"311"}],"id":"X"}`))
	if a != b || a == c {
		t.Fatalf("hashes: %x %x %x", a, b, c)
	}
}

func TestCheckReportsProgress(t *testing.T) {
	s, _, _ := provenStore(t)
	var calls int
	var last, total int64
	pctx := app.WithProgress(ctx, func(done, tot int64) { calls, last, total = calls+1, done, tot })
	if _, err := s.Check(pctx); err != nil {
		t.Fatal(err)
	}
	if calls < 2 || last != total || total == 0 {
		t.Fatalf("progress: %d calls, last %d of %d", calls, last, total)
	}
}

// Setting the schema back so that the proving migration runs again does not
// make a changed record match: records that have a proof keep it.
func TestRerunMigrationDoesNotLaunderChanges(t *testing.T) {
	s, d, _ := provenStore(t)
	if err := s.db.Update(func(tx *bolt.Tx) error {
		if err := editJSON(tx, bDocs, []byte(d.ID), func(m map[string]any) { m["totals"].(map[string]any)["total"] = json.Number("100") }); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(kSchema, u64(8)) // before the proving migration (and those after it)
	}); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := checkTexts(t, s); !strings.Contains(got, "document FV2026-0001 was changed") {
		t.Fatalf("check after the re-run migration said %q", got)
	}
}
