package data

import (
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// agingStore has, besides salesStore's customer and a second one:
//   - a crown invoice of 2 Nov paid a third on 10 Nov and the rest on 20 Nov,
//   - a euro invoice of 2 Nov (242,00 EUR at 24,325) paid 100,00 EUR on 12 Nov,
//   - a crown invoice of the second customer, 2 Nov, credited one line on 15 Nov
//     and paid 1 000 Kč on 16 Nov,
//   - a second euro invoice paid 0,01 EUR five times on 3 Nov and the rest on
//     21 Nov: the settling payment's Base is what 311 still carried, not
//     its amount converted.
//
// It returns the documents as issued (before their payments).
func agingStore(t *testing.T) (*Store, []app.SalesDoc) {
	t.Helper()
	s, c := salesStore(t)
	c2, err := s.SaveCustomer(ctx, app.Customer{Name: "Pekařství Dvořák 🥐", Street: "Krátká 1", City: "Brno", Postcode: "602 00", PaymentDays: 14})
	if err != nil {
		t.Fatal(err)
	}
	issue := func(d app.SalesDoc) app.SalesDoc {
		t.Helper()
		d, err := s.SaveDraft(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if d, err = s.Issue(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
		return d
	}
	pay := func(d app.SalesDoc, day app.Date, amount int64) {
		t.Helper()
		if _, err := s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: day, Amount: app.M(amount, d.Currency), Method: app.PayBank}); err != nil {
			t.Fatal(err)
		}
	}
	a := issue(draftInvoice(c))
	third := a.Totals.Total / 3
	pay(a, app.D(2026, 11, 10), third)
	pay(a, app.D(2026, 11, 20), a.Totals.Total-third)

	eur := issueEUR(t, s, c)
	pay(eur, app.D(2026, 11, 12), 10000)

	b := draftInvoice(c2)
	b = issue(b)
	cn, err := s.NewCreditNote(ctx, b.ID, "káva vrácena")
	if err != nil {
		t.Fatal(err)
	}
	day := app.D(2026, 11, 15)
	cn.IssueDate, cn.TaxDate, cn.DueDate = day, day, day
	cn.Lines = cn.Lines[:1]
	cn.Lines[0].Quantity = app.Q(-1)
	if cn = issue(cn); cn.IssueDate != day || cn.Totals.Total >= 0 {
		t.Fatalf("credit note of %s for %d", cn.IssueDate, cn.Totals.Total)
	}
	pay(b, app.D(2026, 11, 16), 100000)

	eur2 := issueEUR(t, s, c)
	for range 5 {
		pay(eur2, app.D(2026, 11, 3), 1)
	}
	pay(eur2, app.D(2026, 11, 21), eur2.Totals.Total-5)
	return s, []app.SalesDoc{a, eur, b, cn, eur2}
}

// agingDays are the days the tests age the receivables as of: before
// anything was issued, the issue day, the day before the first partial
// payment and its day, the euro payment's day, the days around the credit
// note and the payment after it, the day the crown invoice was paid off,
// yesterday and today.
var agingDays = []app.Date{app.D(2026, 11, 1), app.D(2026, 11, 2), app.D(2026, 11, 9), app.D(2026, 11, 10),
	app.D(2026, 11, 12), app.D(2026, 11, 14), app.D(2026, 11, 15), app.D(2026, 11, 16), app.D(2026, 11, 19),
	app.D(2026, 11, 20), app.D(2026, 11, 27), app.D(2026, 11, 28)}

// agingFigures are what the aging reads of each document: its remaining
// amount in its currency and in crowns, and the figures they come from.
// Credit notes that name their invoice are left out: the aging counts
// them in the invoice (and as of today the store does not read them).
func agingFigures(ds []app.SalesDoc) map[string][6]int64 {
	out := map[string][6]int64{}
	for _, d := range ds {
		if d.Kind == app.KindCreditNote && d.OriginalID != "" {
			continue
		}
		out[d.Number] = [6]int64{d.Remaining(), d.BaseRemaining(), d.Paid, d.Credited, d.PaidBase, d.CreditedBase}
	}
	return out
}

// sameAgingAsScan fails unless the store's aging as of each of agingDays
// is the old full computation's (ScanSales: every document decoded, the
// payments of each paid invoice read in full), row for row and document
// for document; it returns the store's documents by day.
func sameAgingAsScan(t *testing.T, s *Store) map[app.Date][]app.SalesDoc {
	t.Helper()
	today := app.Today(s.clock)
	out := map[app.Date][]app.SalesDoc{}
	for _, asOf := range agingDays {
		got, err := app.ReceivablesAsOf(ctx, s, asOf, today)
		if err != nil {
			t.Fatal(err)
		}
		want, err := app.ReceivablesAsOf(ctx, ScanSales{SalesService: s, S: s}, asOf, today)
		if err != nil {
			t.Fatal(err)
		}
		if g, w := app.AgeReceivables(got, asOf), app.AgeReceivables(want, asOf); !reflect.DeepEqual(g, w) {
			t.Errorf("aging as of %s:\n got %+v\nwant %+v", asOf, g, w)
		}
		if g, w := agingFigures(got), agingFigures(want); !reflect.DeepEqual(g, w) {
			t.Errorf("documents as of %s:\n got %v\nwant %v", asOf, g, w)
		}
		out[asOf] = got
	}
	return out
}

// TestAgingAsOfPastDaysReadsPaymentIndex: the aging as of past days, read
// from the payments' days and amounts in doc_payments, is the old full
// computation's, and says what was open on each day: the whole crown
// invoice the day before its partial payment, two thirds of it on that
// day, nothing after it was paid off; the euro invoice less its payment
// at the invoice's rate from that day; the credited invoice less the
// credit note from the note's day. It still is with every payment record
// unreadable: the past aging reads no payment.
func TestAgingAsOfPastDaysReadsPaymentIndex(t *testing.T) {
	s, docs := agingStore(t)
	a, eur, b, cn, eur2 := docs[0], docs[1], docs[2], docs[3], docs[4]
	pays, err := s.Payments(ctx, eur2.ID)
	if err != nil || len(pays) != 6 {
		t.Fatal(len(pays), err)
	}
	settling := pays[5].Base
	if conv := app.M(pays[5].Amount.Amount, "EUR").Convert("CZK", eur2.ExchangeRate, app.HalfUp).Amount; settling == conv {
		t.Fatalf("the settling payment's base %d is its amount converted", settling)
	}
	byDay := sameAgingAsScan(t, s)
	remaining := func(day app.Date, d app.SalesDoc) (int64, int64, bool) {
		for _, x := range byDay[day] {
			if x.ID == d.ID {
				return x.Remaining(), x.BaseRemaining(), true
			}
		}
		return 0, 0, false
	}
	third := a.Totals.Total / 3
	const eurBase = 243250 // 100,00 EUR at 24,325
	for _, c := range []struct {
		day       app.Date
		doc       app.SalesDoc
		rem, base int64
		open      bool
	}{
		{app.D(2026, 11, 1), a, 0, 0, false},
		{app.D(2026, 11, 9), a, a.Totals.Total, a.Totals.Total, true},
		{app.D(2026, 11, 10), a, a.Totals.Total - third, a.Totals.Total - third, true},
		{app.D(2026, 11, 19), a, a.Totals.Total - third, a.Totals.Total - third, true},
		{app.D(2026, 11, 20), a, 0, 0, false},
		{app.D(2026, 11, 10), eur, 24200, eur.Totals.TotalCZK, true},
		{app.D(2026, 11, 12), eur, 24200 - 10000, eur.Totals.TotalCZK - eurBase, true},
		{app.D(2026, 11, 27), eur, 24200 - 10000, eur.Totals.TotalCZK - eurBase, true},
		{app.D(2026, 11, 14), b, b.Totals.Total, b.Totals.Total, true},
		{app.D(2026, 11, 15), b, b.Totals.Total + cn.Totals.Total, b.Totals.Total + cn.Totals.Total, true},
		{app.D(2026, 11, 16), b, b.Totals.Total + cn.Totals.Total - 100000, b.Totals.Total + cn.Totals.Total - 100000, true},
		{app.D(2026, 11, 2), eur2, 24200, 588665, true},
		{app.D(2026, 11, 20), eur2, 24200 - 5, settling, true},
		{app.D(2026, 11, 27), eur2, 0, 0, false},
	} {
		rem, base, open := remaining(c.day, c.doc)
		if rem != c.rem || base != c.base || open != c.open {
			t.Errorf("%s as of %s: remaining %d (%d Kč), listed %v; want %d (%d Kč), %v", c.doc.Number, c.day, rem, base, open, c.rem, c.base, c.open)
		}
	}
	if eur.Totals.TotalCZK != 588665 {
		t.Fatalf("euro invoice %d Kč", eur.Totals.TotalCZK)
	}

	// The payments unreadable: the past agings are what they were.
	before := map[app.Date][]app.SalesDoc{}
	for _, day := range agingDays {
		before[day], _ = app.ReceivablesAsOf(ctx, s, day, app.Today(s.clock))
	}
	if err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bPayments)
		var keys [][]byte
		_ = b.ForEach(func(k, _ []byte) error { keys = append(keys, append([]byte(nil), k...)); return nil })
		for _, k := range keys {
			if err := b.Put(k, []byte("{not json")); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, day := range agingDays {
		got, err := app.ReceivablesAsOf(ctx, s, day, app.Today(s.clock))
		if err != nil || !reflect.DeepEqual(agingFigures(got), agingFigures(before[day])) {
			t.Errorf("as of %s with the payments unreadable: %v (%v), before %v", day, agingFigures(got), err, agingFigures(before[day]))
		}
	}
}

// TestMigrationIndexesPaymentDays: a file of schema 16 (doc_payments keys
// without values) gets the values on open, the same as those written with
// the payments; check is clean and the agings are the old computation's.
// Before the migration, the aging reads the payments the values lack.
func TestMigrationIndexesPaymentDays(t *testing.T) {
	s, _ := agingStore(t)
	clock := s.clock.(*app.FixedClock)
	kept := bucketsOf(t, s, bDocPays)
	if n := len(kept[string(bDocPays)]); n != 10 {
		t.Fatalf("doc_payments holds %d keys", n)
	}
	for k, v := range kept[string(bDocPays)] {
		if len(v) != docPayValueLen {
			t.Fatalf("doc_payments %q = %q", k, v)
		}
	}
	if err := s.db.Update(func(tx *bolt.Tx) error { return setSchema(tx, 16) }); err != nil {
		t.Fatal(err)
	}
	for k, v := range bucketsOf(t, s, bDocPays)[string(bDocPays)] {
		if v != "" {
			t.Fatalf("schema 16's doc_payments %q = %q", k, v)
		}
	}
	sameAgingAsScan(t, s) // the values missing: read from the payments
	clock.Advance(time.Hour)
	s = reopen(t, s, clock)
	if got := bucketsOf(t, s, bDocPays); !equalBuckets(got, kept) {
		t.Errorf("doc_payments after 16 → 17:\n got %q\nwant %q", got, kept)
	}
	mustCheckClean(t, s)
	sameAgingAsScan(t, s)
	if last, _ := s.AuditPage(ctx, app.AuditFilter{}, 0, 1); len(last) != 1 || last[0].Action != "migrate" || last[0].Text != "database upgraded from schema 16 to 18" {
		t.Errorf("the upgrade's audit entry: %+v", last)
	}
	if err := s.db.Update(indexDocPayments); err != nil {
		t.Fatal(err)
	}
	if got := bucketsOf(t, s, bDocPays); !equalBuckets(got, kept) {
		t.Errorf("doc_payments after the migration's second run differ")
	}
}

// TestCheckFindsBrokenPaymentDays: a payment missing from doc_payments,
// one listed with another amount, and a key no payment gives are each
// reported, naming the payment and the list.
func TestCheckFindsBrokenPaymentDays(t *testing.T) {
	s, docs := agingStore(t)
	pays, err := s.Payments(ctx, docs[0].ID)
	if err != nil || len(pays) != 2 {
		t.Fatal(len(pays), err)
	}
	p, q := pays[0], pays[1]
	for _, c := range []struct {
		name   string
		break_ func(tx *bolt.Tx) error
		want   string
	}{
		{"missing", func(tx *bolt.Tx) error { return tx.Bucket(bDocPays).Delete(docPayKV(p).key) },
			"payment " + p.ID + " is missing from doc_payments"},
		{"wrong", func(tx *bolt.Tx) error {
			r := q
			r.Amount.Amount--
			kv := docPayKV(r)
			return tx.Bucket(bDocPays).Put(kv.key, kv.value)
		}, "payment " + q.ID + " is listed wrongly in doc_payments"},
		{"wrong day", func(tx *bolt.Tx) error {
			r := q
			r.Date = r.Date.AddDays(-30)
			kv := docPayKV(r)
			return tx.Bucket(bDocPays).Put(kv.key, kv.value)
		}, "payment " + q.ID + " is listed wrongly in doc_payments"},
		{"extra", func(tx *bolt.Tx) error {
			r := q
			r.ID = "no-such-payment"
			kv := docPayKV(r)
			return tx.Bucket(bDocPays).Put(kv.key, kv.value)
		}, "doc_payments lists payments that do not exist or have changed (1)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s2, _ := copyStore(t, s)
			if err := s2.db.Update(c.break_); err != nil {
				t.Fatal(err)
			}
			if got := checkTexts(t, s2); got != c.want {
				t.Errorf("check said %q, want %q", got, c.want)
			}
		})
	}
}
