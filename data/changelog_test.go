package data

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// TestChangeKindsDistinct: each logged record kind has its own byte (a head's
// key starts with it), is stored in exactly one place, and the list of
// places is in kind order (baselines are then written in head order).
func TestChangeKindsDistinct(t *testing.T) {
	seen := map[byte]bool{}
	for _, k := range changeKinds {
		if seen[k] {
			t.Errorf("change kind %q listed twice", k)
		}
		seen[k] = true
		if _, ok := loggedKind(k); !ok {
			t.Errorf("change kind %q has no bucket", k)
		}
	}
	if len(changeKinds) != 31 || len(logged) != 31 { // 18 + the warehouse's 5 (schema_warehouse.go) + payroll's 4 (schema_payroll.go) + after-sales' 4 (schema_aftersales.go)
		t.Errorf("%d change kinds, %d stored, want 31", len(changeKinds), len(logged))
	}
	buckets := map[string]bool{}
	for i, l := range logged {
		if buckets[string(l.bucket)] {
			t.Errorf("bucket %s logged twice", l.bucket)
		}
		buckets[string(l.bucket)] = true
		if i > 0 && logged[i-1].kind >= l.kind {
			t.Errorf("logged: %q after %q", l.kind, logged[i-1].kind)
		}
	}
	if changeDoc != proofDoc || changeEntry != proofEntry {
		t.Errorf("documents and entries must use the proofs' kind bytes, so one record has one kind everywhere")
	}
	if changeKindOf(bPayments) != changePayment || changeKindOf(bSupPays) != changeSupplierPayment || changeKindOf(bMeta) != 0 || changeKindOf(bDocCust) != 0 {
		t.Error("changeKindOf")
	}
	for _, k := range changeKinds {
		for _, key := range [][]byte{u64(42), []byte("abc-1"), {0xff, 0, 7}} {
			if k != changeEntry && k != changeBankMapping && !bytesPrintable(key) {
				continue
			}
			if k == changeEntry && len(key) != 8 {
				continue
			}
			back, err := changeKey(k, changeID(k, key))
			if err != nil || !bytes.Equal(back, key) {
				t.Errorf("kind %q key %x: ID %q reads back as %x (%v)", k, key, changeID(k, key), back, err)
			}
		}
	}
}

func bytesPrintable(b []byte) bool {
	for _, c := range b {
		if c < ' ' || c > '~' {
			return false
		}
	}
	return true
}

// kindID is one change as a test expects it.
type kindID struct {
	kind byte
	id   string
}

func (k kindID) String() string { return string(k.kind) + ":" + k.id }

// readChanges returns the log after seq.
func readChanges(t testing.TB, s *Store, after uint64) []change {
	t.Helper()
	var out []change
	if err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bChanges).Cursor()
		for k, v := c.Seek(u64(after + 1)); k != nil; k, v = c.Next() {
			var ch change
			if err := json.Unmarshal(v, &ch); err != nil {
				return err
			}
			out = append(out, ch)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// seqs returns the sequences of the change log, the audit trail and the journal.
func seqs(t testing.TB, s *Store) (changes, audit, journal uint64) {
	t.Helper()
	_ = s.db.View(func(tx *bolt.Tx) error {
		changes, audit, journal = tx.Bucket(bChanges).Sequence(), tx.Bucket(bAudit).Sequence(), tx.Bucket(bJournal).Sequence()
		return nil
	})
	return
}

// entryIDs are the change IDs of the journal entries after seq.
func entryIDs(after, upto uint64) []kindID {
	var out []kindID
	for q := after + 1; q <= upto; q++ {
		out = append(out, kindID{changeEntry, fmt.Sprint(q)})
	}
	return out
}

// logStep runs do and proves it appended exactly the changes want returns
// (computed after do, when the new IDs are known), all by user, of branch
// HQ, at the clock's time, naming the newest audit entry of the step; the
// deletions (tombstones) are those in deleted.
func logStep(t *testing.T, s *Store, clock *app.FixedClock, user, name string, do func(), want func() []kindID, deleted ...kindID) {
	t.Helper()
	before, _, _ := seqs(t, s)
	do()
	after, audit, _ := seqs(t, s)
	got := readChanges(t, s, before)
	if uint64(len(got)) != after-before {
		t.Fatalf("%s: %d changes read, sequence moved by %d", name, len(got), after-before)
	}
	var gotIDs, wantIDs []string
	for _, ch := range got {
		gotIDs = append(gotIDs, ch.Kind+":"+ch.ID)
		if ch.User != user || ch.Branch != "HQ" || !ch.Time.Equal(clock.Now()) || ch.AuditSeq != audit {
			t.Errorf("%s: change %+v: want user %s, branch HQ, time %v, audit entry %d", name, ch, user, clock.Now(), audit)
		}
		if isDel := slices.Contains(deleted, kindID{ch.Kind[0], ch.ID}); isDel != (ch.Hash == "") {
			t.Errorf("%s: change %s: hash %q, deletion %v", name, ch.Kind+":"+ch.ID, ch.Hash, isDel)
		}
	}
	for _, k := range want() {
		wantIDs = append(wantIDs, k.String())
	}
	slices.Sort(gotIDs)
	slices.Sort(wantIDs)
	if !slices.Equal(gotIDs, wantIDs) {
		t.Errorf("%s: changes %v, want %v", name, gotIDs, wantIDs)
	}
}

// TestChangeLogEveryWrite: each service write appends exactly one change per
// record it wrote, under the writer's name, and nothing for a record
// written as it was; at the end every record has its head and Check agrees.
func TestChangeLogEveryWrite(t *testing.T) {
	s, clock := MustCompany(t)

	// The first administrator and the company (settings and chart).
	chart := []kindID{{changeUser, "admin"}, {changeCompany, "company"}}
	accounts, _ := s.Accounts(ctx)
	for _, a := range accounts {
		chart = append(chart, kindID{changeAccount, a.Code})
	}
	var first []string
	for _, ch := range readChanges(t, s, 0) {
		first = append(first, ch.Kind+":"+ch.ID)
		if ch.User != "admin" || ch.Seq == 0 || ch.AuditSeq == 0 {
			t.Errorf("first changes: %+v", ch)
		}
	}
	var wantFirst []string
	for _, k := range chart {
		wantFirst = append(wantFirst, k.String())
	}
	slices.Sort(first)
	slices.Sort(wantFirst)
	if !slices.Equal(first, wantFirst) {
		t.Fatalf("first changes %v, want %v", first, wantFirst)
	}

	var (
		cust app.Customer
		err  error
		j0   uint64
		jseq = func() uint64 { _, _, j := seqs(t, s); return j }
		must = func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		one   = func(k byte, id string) func() []kindID { return func() []kindID { return []kindID{{k, id}} } }
		none  = func() []kindID { return nil }
		entry app.Entry
	)
	clock.Advance(time.Minute)
	logStep(t, s, clock, "admin", "new customer", func() {
		cust, err = s.SaveCustomer(ctx, app.Customer{Name: "Kavárna U Černého koně s.r.o.", Street: "Dlouhá 5", City: "Praha 1", Postcode: "110 00", ICO: "25596641", PaymentDays: 14})
		must(err)
	}, func() []kindID { return []kindID{{changeCustomer, cust.ID}} })
	logStep(t, s, clock, "admin", "customer changed", func() {
		cust.City = "Praha"
		cust, err = s.SaveCustomer(ctx, cust)
		must(err)
	}, func() []kindID { return []kindID{{changeCustomer, cust.ID}} })
	var item app.Item
	logStep(t, s, clock, "admin", "item", func() {
		item, err = s.SaveItem(ctx, app.Item{Code: "K1", Name: "Káva", Unit: "kg", Price: app.M(45000, "CZK"), VATKind: app.VATReduced})
		must(err)
	}, func() []kindID { return []kindID{{changeItem, item.ID}} })
	logStep(t, s, clock, "admin", "item saved as it was", func() {
		_, err = s.SaveItem(ctx, item)
		must(err)
	}, none)
	logStep(t, s, clock, "admin", "entry", func() {
		j0 = jseq()
		entry, err = s.PostEntry(ctx, sale(app.D(2026, 1, 5)))
		must(err)
	}, func() []kindID { return entryIDs(j0, jseq()) })
	logStep(t, s, clock, "admin", "lock", func() { must(s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 2}, true)) }, one(changeLock, "202602"))
	logStep(t, s, clock, "admin", "lock again", func() { must(s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 2}, true)) }, none)
	logStep(t, s, clock, "admin", "unlock", func() { must(s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 2}, false)) },
		one(changeLock, "202602"), kindID{changeLock, "202602"})
	logStep(t, s, clock, "admin", "unlock again", func() { must(s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 2}, false)) }, none)

	var v app.Visit
	logStep(t, s, clock, "admin", "check-in", func() {
		v, err = s.CheckIn(ctx, app.Visit{Visitor: "Jan Novák", Host: "admin", CustomerID: cust.ID})
		must(err)
	}, func() []kindID { return []kindID{{changeVisit, v.ID}} })
	clock.Advance(time.Hour)
	logStep(t, s, clock, "admin", "check-out", func() { _, err = s.CheckOut(ctx, v.ID); must(err) }, one(changeVisit, v.ID))

	var ap app.Appointment
	start := testNow.Add(48 * time.Hour)
	logStep(t, s, clock, "admin", "appointment", func() {
		ap, err = s.SaveAppointment(ctx, app.Appointment{Staff: "admin", CustomerID: cust.ID, Start: start, End: start.Add(time.Hour)})
		must(err)
	}, func() []kindID { return []kindID{{changeAppointment, ap.ID}} })
	logStep(t, s, clock, "admin", "appointment cancelled", func() { must(s.CancelAppointment(ctx, ap.ID)) }, one(changeAppointment, ap.ID))

	var q app.Inquiry
	var quote app.SalesDoc
	logStep(t, s, clock, "admin", "inquiry", func() {
		q, err = s.SaveInquiry(ctx, app.Inquiry{CustomerID: cust.ID, Channel: app.ChannelPhone, Topic: "Káva pro kancelář"})
		must(err)
	}, func() []kindID { return []kindID{{changeInquiry, q.ID}} })
	logStep(t, s, clock, "admin", "inquiry in progress", func() {
		_, err = s.SetInquiryStatus(ctx, q.ID, app.InquiryInProgress, "")
		must(err)
	}, one(changeInquiry, q.ID))
	logStep(t, s, clock, "admin", "inquiry quoted", func() {
		q, quote, err = s.QuoteInquiry(ctx, q.ID)
		must(err)
	}, func() []kindID { return []kindID{{changeInquiry, q.ID}, {changeDoc, quote.ID}} })

	var draft, inv app.SalesDoc
	logStep(t, s, clock, "admin", "draft", func() { draft, err = s.SaveDraft(ctx, draftInvoice(cust)); must(err) },
		func() []kindID { return []kindID{{changeDoc, draft.ID}} })
	logStep(t, s, clock, "admin", "draft deleted", func() { must(s.DeleteDraft(ctx, draft.ID)) },
		func() []kindID { return []kindID{{changeDoc, draft.ID}} }, kindID{changeDoc, draft.ID})
	inv, err = s.SaveDraft(ctx, draftInvoice(cust))
	must(err)
	logStep(t, s, clock, "admin", "issue", func() { j0 = jseq(); inv, err = s.Issue(ctx, inv.ID); must(err) },
		func() []kindID { return append(entryIDs(j0, jseq()), kindID{changeDoc, inv.ID}) })
	var pay app.Payment
	logStep(t, s, clock, "admin", "payment", func() {
		j0 = jseq()
		pay, err = s.RecordPayment(ctx, app.Payment{DocID: inv.ID, Date: app.D(2026, 11, 10), Amount: app.M(10000, "CZK")})
		must(err)
	}, func() []kindID {
		return append(entryIDs(j0, jseq()), kindID{changePayment, pay.ID}, kindID{changeDoc, inv.ID})
	})

	var imported []app.Customer
	logStep(t, s, clock, "admin", "import", func() {
		_, err = s.ImportCustomers(ctx, []app.ImportRow{{Line: 2, Customer: app.Customer{Name: "Alfa s.r.o."}}, {Line: 3, Customer: app.Customer{Name: "Beta a.s."}}}, false)
		must(err)
		imported, err = s.Customers(ctx, "alfa", 0)
		must(err)
		b, _ := s.Customers(ctx, "beta", 0)
		imported = append(imported, b...)
	}, func() []kindID { return []kindID{{changeCustomer, imported[0].ID}, {changeCustomer, imported[1].ID}} })
	logStep(t, s, clock, "admin", "import dry run", func() {
		_, err = s.ImportCustomers(ctx, []app.ImportRow{{Line: 2, Customer: app.Customer{Name: "Gama s.r.o."}}}, true)
		must(err)
	}, none)

	logStep(t, s, clock, "admin", "new user", func() {
		_, err = s.CreateUser(ctx, app.NewUser{Name: "eva", Password: testPassword, Roles: []app.Role{app.RoleReception}})
		must(err)
	}, one(changeUser, "eva"))
	logStep(t, s, clock, "admin", "roles", func() { _, err = s.SetRoles(ctx, "eva", []app.Role{app.RoleSales}); must(err) }, one(changeUser, "eva"))
	// Sign-ins are written as the user who signs in.
	logStep(t, s, clock, "eva", "wrong password", func() {
		_, err = s.Authenticate(context0(), "eva", "wrong-password")
		wantCode(t, err, app.EUNAUTHORIZED, "")
	}, one(changeUser, "eva"))
	logStep(t, s, clock, "eva", "sign-in after a failure", func() {
		_, err = s.Authenticate(context0(), "eva", testPassword)
		must(err)
	}, one(changeUser, "eva"))
	logStep(t, s, clock, "eva", "sign-in", func() { _, err = s.Authenticate(context0(), "eva", testPassword); must(err) }, none)
	logStep(t, s, clock, "nobody", "unknown user", func() {
		_, err = s.Authenticate(context0(), "nobody", "x")
		wantCode(t, err, app.EUNAUTHORIZED, "")
	}, none)

	logStep(t, s, clock, "admin", "settings", func() {
		c, _ := s.Company(ctx)
		c.Phone = "+420 777 123 456"
		_, err = s.UpdateCompany(ctx, c)
		must(err)
	}, one(changeCompany, "company"))
	logo := []byte("\x89PNG fake logo")
	logStep(t, s, clock, "admin", "logo", func() {
		c, _ := s.Company(ctx)
		c.Logo = logo
		_, err = s.UpdateCompany(ctx, c)
		must(err)
	}, func() []kindID { return []kindID{{changeCompany, "company"}, {changeCompany, "logo"}} })
	logStep(t, s, clock, "admin", "logo removed", func() {
		c, _ := s.Company(ctx)
		c.Logo = nil
		_, err = s.UpdateCompany(ctx, c)
		must(err)
	}, func() []kindID { return []kindID{{changeCompany, "company"}, {changeCompany, "logo"}} }, kindID{changeCompany, "logo"})
	logStep(t, s, clock, "admin", "account", func() {
		_, err = s.SaveAccount(ctx, app.Account{Code: "518100", Name: "Služby – káva", Type: app.Expense})
		must(err)
	}, one(changeAccount, "518100"))
	logStep(t, s, clock, "admin", "reversal", func() {
		j0 = jseq()
		_, err = s.ReverseEntry(ctx, entry.ID, app.Date{})
		must(err)
	}, func() []kindID { return append(entryIDs(j0, jseq()), kindID{changeReversal, entry.ID}) })
	header := "Datum;Částka;Protistrana"
	logStep(t, s, clock, "admin", "bank mapping", func() {
		must(s.SaveBankMapping(ctx, header, app.CSVMapping{Date: 0, Amount: 1, Currency: -1, VS: -1, KS: -1, SS: -1, CounterAccount: -1, CounterBank: -1, CounterName: 2, Message: -1, BankRef: -1}))
	}, func() []kindID {
		k, _ := bankMappingKey(header)
		return []kindID{{changeBankMapping, hex.EncodeToString(k)}}
	})
	_, err = s.PostEntry(ctx, sale(app.D(2025, 6, 1)))
	must(err)
	logStep(t, s, clock, "admin", "year closed", func() {
		j0 = jseq()
		_, err = s.CloseYear(ctx, 2025)
		must(err)
	}, func() []kindID { return append(entryIDs(j0, jseq()), kindID{changeYearClosing, "2025"}) })
	logStep(t, s, clock, "admin", "year reopened", func() {
		j0 = jseq()
		_, err = s.ReopenYear(ctx, 2025)
		must(err)
	}, func() []kindID { return append(entryIDs(j0, jseq()), kindID{changeYearClosing, "2025"}) }, kindID{changeYearClosing, "2025"})

	// A refused write logs nothing.
	logStep(t, s, clock, "admin", "refused", func() {
		_, err = s.SaveCustomer(ctx, app.Customer{Name: ""})
		wantCode(t, err, app.EINVALID, "customer.name")
	}, none)
	mustCheckClean(t, s)
	mustEveryRecordLogged(t, s)
}

func context0() context.Context { return context.Background() }

// mustEveryRecordLogged: every record on file has a head naming its hash.
func mustEveryRecordLogged(t testing.TB, s *Store) int {
	t.Helper()
	n := 0
	_ = s.db.View(func(tx *bolt.Tx) error {
		heads := tx.Bucket(bChangeHeads)
		for _, l := range logged {
			_ = forEachRecord(tx, l, func(k, v []byte) error {
				n++
				h := heads.Get(cat([]byte{l.kind}, k))
				want := recordHash(l.kind, v)
				if len(h) != 40 || !bytes.Equal(h[8:], want[:]) {
					t.Errorf("%c %s: head %x", l.kind, changeID(l.kind, k), h)
				}
				return nil
			})
		}
		return nil
	})
	return n
}

// TestChangeLogPayables: the bank and payables write paths log their records.
func TestChangeLogPayables(t *testing.T) {
	f := newBankFixture(t)
	s := f.s
	clock := app.NewFixedClock(testNow) // MustCompany's clock stands still at testNow
	var res app.BankImportResult
	var err error
	logStep(t, s, clock, "admin", "bank import", func() {
		res, err = s.ImportBank(ctx, statement(bankLine(12, -121000, "2026118"), bankLine(13, 5000, "")))
		if err != nil {
			t.Fatal(err)
		}
	}, func() []kindID {
		return []kindID{{changeBankEntry, res.Entries[0].ID}, {changeBankEntry, res.Entries[1].ID}}
	})
	var posted []app.BankEntry
	_, _, j0 := seqs(t, s)
	logStep(t, s, clock, "admin", "bank line pays a received invoice", func() {
		posted, err = s.ConfirmBank(ctx, []app.BankPairing{{EntryID: res.Entries[0].ID, Kind: app.PayKindPurchase, DocID: f.purchase.ID}})
		if err != nil {
			t.Fatal(err)
		}
	}, func() []kindID {
		_, _, j := seqs(t, s)
		return append(entryIDs(j0, j), kindID{changeBankEntry, posted[0].ID}, kindID{changeSupplierPayment, posted[0].PaymentID}, kindID{changePurchase, f.purchase.ID})
	})
	var pi app.PurchaseInvoice
	_, _, j0 = seqs(t, s)
	logStep(t, s, clock, "admin", "received invoice", func() {
		pi, err = s.RecordPurchase(ctx, purchase(f.purchase.SupplierID, "FV-2026/119", app.D(2026, 11, 6)))
		if err != nil {
			t.Fatal(err)
		}
	}, func() []kindID {
		_, _, j := seqs(t, s)
		return append(entryIDs(j0, j), kindID{changePurchase, pi.ID})
	})
	mustCheckClean(t, s)
	mustEveryRecordLogged(t, s)
}

// TestChangeLogRollback: a transaction that fails after writing records
// leaves no change, no head and nothing pending; records written without an
// audit entry are refused (a write path that forgot its audit).
func TestChangeLogRollback(t *testing.T) {
	s, _ := MustCompany(t)
	if err := s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 3}, true); err != nil {
		t.Fatal(err)
	}
	c0, a0, j0 := seqs(t, s)
	err := s.PostEntries(ctx, []app.Entry{sale(app.D(2026, 1, 5)), sale(app.D(2026, 3, 5))})
	wantCode(t, err, app.EINVALID, "entry.date")
	err = s.updateAs(ctx, app.PermLedgerPost, "saving an account without its audit", func(tx *bolt.Tx, _ app.User, _ *auditor) error {
		return putAccount(tx, app.Account{Code: "999", Name: "Bez auditu", Type: app.Expense})
	})
	wantCode(t, err, app.EINTERNAL, "")
	if !strings.Contains(app.ErrorMessage(err, nil), "without an audit entry") {
		t.Errorf("error %v", err)
	}
	if c, a, j := seqs(t, s); c != c0 || a != a0 || j != j0 {
		t.Errorf("after the refusals: changes %d→%d, audit %d→%d, journal %d→%d", c0, c, a0, a, j0, j)
	}
	_ = s.db.View(func(tx *bolt.Tx) error {
		if k, _ := tx.Bucket(bChangePending).Cursor().First(); k != nil {
			t.Errorf("pending change %q left", k)
		}
		if tx.Bucket(bChangeHeads).Get(cat([]byte{changeAccount}, []byte("999"))) != nil || tx.Bucket(bAccounts).Get([]byte("999")) != nil {
			t.Error("the unaudited account was written")
		}
		return nil
	})
	mustCheckClean(t, s)
}

// TestCheckFindsChangeLogDamage: a record changed, added or removed behind
// the store's back, a change removed, a head changed or a change left
// pending are each found, and nothing else is reported.
func TestCheckFindsChangeLogDamage(t *testing.T) {
	for _, tc := range []struct {
		name string
		harm func(tx *bolt.Tx, cust app.Customer) error
		want []string
	}{
		{"record changed", func(tx *bolt.Tx, c app.Customer) error {
			return editJSON(tx, bCustomers, []byte(c.ID), func(m map[string]any) { m["city"] = "Plzeň" })
		}, []string{"check.change_changed"}},
		{"record removed", func(tx *bolt.Tx, c app.Customer) error {
			return tx.Bucket(bItems).Put([]byte("x"), []byte(`{"id":"x"}`))
		}, []string{"check.change_missing"}},
		{"record deleted", func(tx *bolt.Tx, c app.Customer) error {
			return tx.Bucket(bUsers).Delete([]byte("eva"))
		}, []string{"check.change_orphan"}},
		{"old change removed", func(tx *bolt.Tx, c app.Customer) error {
			return tx.Bucket(bChanges).Delete(u64(firstChangeOf(tx, changeCustomer, c.ID)))
		}, []string{"check.change_gap"}},
		{"newest change removed", func(tx *bolt.Tx, c app.Customer) error {
			return tx.Bucket(bChanges).Delete(u64(tx.Bucket(bChanges).Sequence()))
		}, []string{"check.change_gap", "check.change_head"}},
		{"change altered", func(tx *bolt.Tx, c app.Customer) error {
			seq := u64(tx.Bucket(bChanges).Sequence())
			raw := bytes.Replace(tx.Bucket(bChanges).Get(seq), []byte(`"hash":"`), []byte(`"hash":"00`), 1)
			return tx.Bucket(bChanges).Put(seq, raw)
		}, []string{"check.change_head"}},
		{"head removed", func(tx *bolt.Tx, c app.Customer) error {
			return tx.Bucket(bChangeHeads).Delete(cat([]byte{changeCustomer}, []byte(c.ID)))
		}, []string{"check.change_head", "check.change_missing"}},
		{"left pending", func(tx *bolt.Tx, c app.Customer) error {
			return recordChange(tx, changeCustomer, []byte(c.ID), tx.Bucket(bCustomers).Get([]byte(c.ID)))
		}, []string{"check.change_pending"}},
		{"change of no audit entry", func(tx *bolt.Tx, c app.Customer) error {
			seq := u64(tx.Bucket(bChanges).Sequence())
			var ch change
			_ = json.Unmarshal(tx.Bucket(bChanges).Get(seq), &ch)
			ch.AuditSeq += 100
			raw, _ := json.Marshal(ch)
			return tx.Bucket(bChanges).Put(seq, raw)
		}, []string{"check.change_audit"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := MustCompany(t)
			c, err := s.SaveCustomer(ctx, app.Customer{Name: "Alfa s.r.o."})
			if err != nil {
				t.Fatal(err)
			}
			c.City = "Brno"
			if c, err = s.SaveCustomer(ctx, c); err != nil {
				t.Fatal(err)
			}
			if _, err := s.CreateUser(ctx, app.NewUser{Name: "eva", Password: testPassword, Roles: []app.Role{app.RoleSales}}); err != nil {
				t.Fatal(err)
			}
			c.Phone = "+420 603 000 000"
			if c, err = s.SaveCustomer(ctx, c); err != nil { // the newest change
				t.Fatal(err)
			}
			mustCheckClean(t, s)
			if err := s.db.Update(func(tx *bolt.Tx) error { return tc.harm(tx, c) }); err != nil {
				t.Fatal(err)
			}
			probs, err := s.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, p := range probs {
				keys = append(keys, p.Key)
				if p.Key == "check.change_changed" && !strings.Contains(p.Text(nil), "customer "+c.ID) {
					t.Errorf("problem %q does not name the customer", p.Text(nil))
				}
			}
			slices.Sort(keys)
			if !slices.Equal(keys, tc.want) {
				t.Fatalf("problems %v, want %v", keys, tc.want)
			}
		})
	}
}

// firstChangeOf is the sequence of the oldest change of a record.
func firstChangeOf(tx *bolt.Tx, kind byte, id string) uint64 {
	c := tx.Bucket(bChanges).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		var ch change
		if json.Unmarshal(v, &ch) == nil && ch.Kind == string(kind) && ch.ID == id {
			return binary.BigEndian.Uint64(k)
		}
	}
	return 0
}
