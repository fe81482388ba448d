package data

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// receptionStore is a company with records of every reception kind, an
// issued and paid invoice, a journal entry, a locked month and a second
// user: a file with something in most logged buckets.
func receptionStore(t *testing.T) (*Store, *app.FixedClock) {
	t.Helper()
	s, clock := MustCompany(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	c, err := s.SaveCustomer(ctx, app.Customer{Name: "Kavárna U Černého koně s.r.o.", Street: "Dlouhá 5", City: "Praha 1", Postcode: "110 00", ICO: "25596641"})
	must(err)
	_, err = s.CheckIn(ctx, app.Visit{Visitor: "Jan Novák", Host: "admin", CustomerID: c.ID, In: testNow.Add(-2 * time.Hour)})
	must(err)
	_, err = s.CheckIn(ctx, app.Visit{Visitor: "Host bez firmy", Host: "admin"})
	must(err)
	start := testNow.Add(24 * time.Hour)
	_, err = s.SaveAppointment(ctx, app.Appointment{Staff: "admin", CustomerID: c.ID, Start: start, End: start.Add(time.Hour)})
	must(err)
	q, err := s.SaveInquiry(ctx, app.Inquiry{CustomerID: c.ID, Channel: app.ChannelEmail, Topic: "Nabídka kávy"})
	must(err)
	_, err = s.SetInquiryStatus(ctx, q.ID, app.InquiryLost, "")
	must(err)
	_, err = s.SaveInquiry(ctx, app.Inquiry{Contact: "Nový kontakt", Channel: app.ChannelPhone, Topic: "Servis"})
	must(err)
	d, err := s.SaveDraft(ctx, draftInvoice(c))
	must(err)
	d, err = s.Issue(ctx, d.ID)
	must(err)
	_, err = s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: app.D(2026, 11, 10), Amount: app.M(10000, "CZK")})
	must(err)
	_, err = s.PostEntry(ctx, sale(app.D(2026, 1, 5)))
	must(err)
	must(s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 1}, true))
	_, err = s.CreateUser(ctx, app.NewUser{Name: "eva", Password: testPassword, Roles: []app.Role{app.RoleReception}})
	must(err)
	return s, clock
}

// bucketsOf copies the named buckets' contents.
func bucketsOf(t *testing.T, s *Store, names ...[]byte) map[string]map[string]string {
	t.Helper()
	out := map[string]map[string]string{}
	_ = s.db.View(func(tx *bolt.Tx) error {
		for _, n := range names {
			m := map[string]string{}
			if b := tx.Bucket(n); b != nil {
				_ = b.ForEach(func(k, v []byte) error { m[string(k)] = string(v); return nil })
			}
			out[string(n)] = m
		}
		return nil
	})
	return out
}

func reopen(t *testing.T, s *Store, clock app.Clock) *Store {
	t.Helper()
	path := s.Path()
	s.Close()
	s, err := Open(path, Options{NoAutoBackup: true, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestMigrationToChangeLog: a schema-10 file (no change log, no reception
// lists) opened by this Kontor gets one baseline change per record, by
// "kontor" under the upgrade's audit entry, and its lists; Check is clean;
// opening it again changes nothing; a schema-11 file gets its lists, the
// same as those kept while writing.
func TestMigrationToChangeLog(t *testing.T) {
	s, clock := receptionStore(t)
	lists := bucketsOf(t, s, receptionIndexes...)
	if n := len(lists[string(bVisitCust)]) + len(lists[string(bApptCust)]) + len(lists[string(bInqCust)]) + len(lists[string(bApptDays)]) + len(lists[string(bInqDates)]); n != 1+1+1+1+2 {
		t.Fatalf("the lists hold %d keys: %v", n, lists)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error { return setSchema(tx, 10) }); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	s = reopen(t, s, clock)

	var schema int
	_ = s.db.View(func(tx *bolt.Tx) error { schema, _ = readSchema(tx, s.Path()); return nil })
	if schema != SchemaVersion() || SchemaVersion() < 15 {
		t.Fatalf("schema %d, this Kontor's %d", schema, SchemaVersion())
	}
	records := mustEveryRecordLogged(t, s)
	changes, audit, _ := seqs(t, s)
	if records < 10 || changes != uint64(records) {
		t.Fatalf("%d records, %d baseline changes", records, changes)
	}
	for _, ch := range readChanges(t, s, 0) {
		if ch.User != migrationUser || ch.AuditSeq != audit || ch.Branch != "HQ" || !ch.Time.Equal(clock.Now()) || ch.Hash == "" {
			t.Errorf("baseline %+v", ch)
		}
	}
	if last, _ := s.AuditPage(ctx, app.AuditFilter{}, 0, 1); len(last) != 1 || last[0].Seq != audit || last[0].Action != "migrate" || !strings.Contains(last[0].Text, "from schema 10 to "+itoa(SchemaVersion())) {
		t.Errorf("the baselines' audit entry: %+v", last)
	}
	if got := bucketsOf(t, s, receptionIndexes...); !equalBuckets(got, lists) {
		t.Errorf("lists after the migration %v, kept while writing %v", got, lists)
	}
	mustCheckClean(t, s)

	// Opening again migrates nothing and logs nothing.
	s = reopen(t, s, clock)
	if c, a, _ := seqs(t, s); c != changes || a != audit {
		t.Errorf("a second open: changes %d→%d, audit %d→%d", changes, c, audit, a)
	}

	// A schema-11 file: the lists are built, the log untouched.
	if err := s.db.Update(func(tx *bolt.Tx) error { return setSchema(tx, 11) }); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, clock)
	if got := bucketsOf(t, s, receptionIndexes...); !equalBuckets(got, lists) {
		t.Errorf("lists after 11 → 12 %v, kept while writing %v", got, lists)
	}
	if c, _, _ := seqs(t, s); c != changes {
		t.Errorf("11 → 12 logged %d changes", c-changes)
	}
	mustCheckClean(t, s)

	// The reads work on the migrated file, and writes log on top of the baselines.
	cs, _ := s.Customers(ctx, "kavarna", 0)
	card, err := s.CustomerCard(ctx, cs[0].ID)
	if err != nil || len(card.Visits) != 1 || len(card.Appointments) != 1 || len(card.Inquiries) != 1 || len(card.OpenInvoices) != 1 {
		t.Fatalf("card %+v, %v", card, err)
	}
	if _, err := s.CheckOut(ctx, card.Visits[0].ID); err != nil {
		t.Fatal(err)
	}
	if got := readChanges(t, s, changes); len(got) != 1 || got[0].Kind != "v" || got[0].User != "admin" {
		t.Errorf("after the migration a check-out logged %+v", got)
	}
	mustCheckClean(t, s)
}

func equalBuckets(a, b map[string]map[string]string) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// TestMigrationKeepsChangedRecordChanged: setting the schema back so that
// the change-log migration runs again gives no baseline to a record that
// has a head: a record changed behind the store's back stays reported.
func TestMigrationKeepsChangedRecordChanged(t *testing.T) {
	s, clock := receptionStore(t)
	cs, _ := s.Customers(ctx, "kavarna", 0)
	if err := s.db.Update(func(tx *bolt.Tx) error {
		if err := editJSON(tx, bCustomers, []byte(cs[0].ID), func(m map[string]any) { m["city"] = "Plzeň" }); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(kSchema, u64(10))
	}); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s, clock)
	if got := checkTexts(t, s); got != "customer "+cs[0].ID+" is not as the change log says: it was changed without being logged" {
		t.Errorf("check said %q", got)
	}
}

// TestMigratePayroll: a file of schema 14 (before payroll) gets payroll's
// buckets and opens clean; the migration's second run changes nothing.
func TestMigratePayroll(t *testing.T) {
	s, clock := MustCompany(t)
	if err := s.db.Update(func(tx *bolt.Tx) error { return setSchema(tx, 14) }); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	s = reopen(t, s, clock)
	_ = s.db.View(func(tx *bolt.Tx) error {
		if v, _ := readSchema(tx, s.Path()); v != SchemaVersion() || v != 18 {
			t.Errorf("schema %d", v)
		}
		for _, b := range payrollBuckets {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing", b)
			}
		}
		return nil
	})
	mustCheckClean(t, s)
	if err := s.db.Update(createPayroll); err != nil {
		t.Errorf("the migration again: %v", err)
	}
	mustCheckClean(t, s)
}

// TestMigrateTaxReconciliations: a file of schema 16 gets the bucket of the
// tax reconciliations and opens clean.
func TestMigrateTaxReconciliations(t *testing.T) {
	s, clock := MustCompany(t)
	if err := s.db.Update(func(tx *bolt.Tx) error { return setSchema(tx, 16) }); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour)
	s = reopen(t, s, clock)
	_ = s.db.View(func(tx *bolt.Tx) error {
		if v, _ := readSchema(tx, s.Path()); v != SchemaVersion() || v != 18 {
			t.Errorf("schema %d", v)
		}
		if tx.Bucket(bTaxReconciliations) == nil {
			t.Errorf("bucket %s missing", bTaxReconciliations)
		}
		return nil
	})
	mustCheckClean(t, s)
	if err := s.db.Update(createTaxReconciliations); err != nil {
		t.Errorf("the migration again: %v", err)
	}
	mustCheckClean(t, s)
}
