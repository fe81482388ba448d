package data_test

import (
	"reflect"
	"sort"
	"testing"

	"kontor/app"
	"kontor/data"
	"kontor/data/datatest"
)

// salesDB is a real store with two customers and the invoices of days
// (alternating customers), issued in the order given, so that their
// numbers do not follow their dates.
func salesDB(t *testing.T, days ...app.Date) (*datatest.DB, []app.Customer, []app.SalesDoc) {
	t.Helper()
	db := datatest.MustOpen(t)
	var custs []app.Customer
	for _, c := range []app.Customer{
		{Name: "Kavárna U Černého koně s.r.o.", Street: "Dlouhá 5", City: "Praha 1", Postcode: "110 00", ICO: "25596641", PaymentDays: 14},
		{Name: "Novák Jan", Street: "Krátká 1", City: "Brno", Postcode: "602 00", PaymentDays: 14},
	} {
		c, err := db.SaveCustomer(db.Ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		custs = append(custs, c)
	}
	var drafts []app.SalesDoc
	for i, day := range days {
		drafts = append(drafts, invoiceOf(custs[i%2], day))
	}
	docs, err := db.IssueDrafts(db.Ctx, drafts)
	if err != nil {
		t.Fatal(err)
	}
	return db, custs, docs
}

func invoiceOf(c app.Customer, day app.Date) app.SalesDoc {
	return app.SalesDoc{Kind: app.KindInvoice, CustomerID: c.ID, IssueDate: day, TaxDate: day, DueDate: day.AddDays(14),
		Lines: []app.DocLine{{Text: "Servis kávovaru", Quantity: app.Q(2), Unit: "h", UnitPrice: 80000, VATKind: app.VATStandard}}}
}

func allRows(t *testing.T, db *datatest.DB, f app.DocFilter) []app.DocRow {
	t.Helper()
	rows, n, err := db.DocRows(db.Ctx, f, 0, 0)
	if err != nil || n != len(rows) {
		t.Fatalf("%+v: %d rows of %d, %v", f, len(rows), n, err)
	}
	return rows
}

// TestSalesListNewestIssueDateFirst: the list is by issue date, the newest
// first, and within a day by number, the highest first (a draft by the
// day it was made, after the day's numbered documents); pages of any size
// put together give the whole list, each with the same count.
func TestSalesListNewestIssueDateFirst(t *testing.T) {
	days := []app.Date{app.D(2026, 3, 10), app.D(2026, 1, 5), app.D(2026, 3, 10), app.D(2026, 2, 1), app.D(2026, 11, 2), app.D(2026, 1, 5), app.D(2025, 12, 31)}
	db, custs, _ := salesDB(t, days...)
	draft, err := db.SaveDraft(db.Ctx, invoiceOf(custs[0], app.D(2026, 11, 28)))
	if err != nil {
		t.Fatal(err)
	}
	rows := allRows(t, db, app.DocFilter{})
	var got []string
	for _, r := range rows {
		got = append(got, r.Day().String()+" "+r.Number)
	}
	want := []string{"2026-11-28 ", "2026-11-02 FV2026-0005", "2026-03-10 FV2026-0003", "2026-03-10 FV2026-0001",
		"2026-02-01 FV2026-0004", "2026-01-05 FV2026-0006", "2026-01-05 FV2026-0002", "2025-12-31 FV2025-0001"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("order\n got %q\nwant %q", got, want)
	}
	if rows[0].ID != draft.ID {
		t.Errorf("the draft is not first: %+v", rows[0])
	}
	for size := 1; size <= len(rows)+1; size++ {
		var paged []app.DocRow
		for off := 0; off < len(rows)+size; off += size {
			page, n, err := db.DocRows(db.Ctx, app.DocFilter{}, off, size)
			if err != nil || n != len(rows) || len(page) > size {
				t.Fatalf("page %d of %d: %d rows, count %d, %v", off, size, len(page), n, err)
			}
			paged = append(paged, page...)
		}
		if !reflect.DeepEqual(paged, rows) {
			t.Fatalf("pages of %d differ from the list", size)
		}
	}
	// Documents gives the same documents in the same order.
	docs, n, err := db.Documents(db.Ctx, app.DocFilter{}, 2, 3)
	if err != nil || n != len(rows) || len(docs) != 3 {
		t.Fatal(len(docs), n, err)
	}
	for i, d := range docs {
		if !reflect.DeepEqual(app.RowOf(d), rows[2+i]) {
			t.Errorf("Documents[%d] is %s, DocRows %s", i, d.Number, rows[2+i].Number)
		}
	}
}

// TestSalesListFilters: every filter — status (stored and as shown),
// search, period, kind, customer, and their mixes — lists exactly the rows
// app's rule (DocFilter.MatchRow) passes, in the list's order, and the same
// documents the store listed before it had lists (every document read).
func TestSalesListFilters(t *testing.T) {
	var days []app.Date
	for i := 0; i < 30; i++ {
		days = append(days, app.D(2026, 1, 3).AddDays(i*11))
	}
	db, custs, docs := salesDB(t, days...)
	var pays []app.Payment
	for i, d := range docs {
		switch i % 4 {
		case 0: // paid
			pays = append(pays, app.Payment{DocID: d.ID, Date: d.IssueDate.AddDays(3), Amount: app.M(d.Remaining(), d.Currency), Method: app.PayBank})
		case 1: // part paid
			pays = append(pays, app.Payment{DocID: d.ID, Date: d.IssueDate.AddDays(3), Amount: app.M(d.Remaining()/2, d.Currency), Method: app.PayCash})
		}
	}
	if _, err := db.RecordPayments(db.Ctx, pays); err != nil {
		t.Fatal(err)
	}
	cn, err := db.NewCreditNote(db.Ctx, docs[2].ID, "Reklamace")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Issue(db.Ctx, cn.ID); err != nil {
		t.Fatal(err)
	}
	q := invoiceOf(custs[1], app.D(2026, 6, 1))
	q.Kind, q.DueDate, q.ValidUntil = app.KindQuote, app.Date{}, app.D(2026, 7, 1)
	if q, err = db.SaveDraft(db.Ctx, q); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Issue(db.Ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveDraft(db.Ctx, invoiceOf(custs[0], app.D(2026, 11, 20))); err != nil {
		t.Fatal(err)
	}
	today := app.DateOf(datatest.DefaultNow)
	all := allRows(t, db, app.DocFilter{})
	fs := []app.DocFilter{{Search: "novak"}, {Search: "KAVÁRNA kone"}, {Search: "FV2026001"}, {Search: "25596641"}, {Search: "zzz"},
		{From: app.D(2026, 3, 1), To: app.D(2026, 6, 30)}, {To: app.D(2026, 2, 1)}, {From: app.D(2026, 11, 1)}, {From: app.D(2026, 5, 5), To: app.D(2026, 5, 5)}}
	for _, k := range []app.DocKind{app.KindQuote, app.KindInvoice, app.KindCreditNote} {
		fs = append(fs, app.DocFilter{Kind: k}, app.DocFilter{Kind: k, Search: "novák", From: app.D(2026, 4, 1)})
	}
	for _, st := range []app.DocStatus{app.StatusDraft, app.StatusIssued, app.StatusAccepted, app.StatusPartlyPaid, app.StatusPaid, app.StatusOverdue, app.StatusCredited} {
		fs = append(fs, app.DocFilter{Status: st}, app.DocFilter{Status: st, To: app.D(2026, 9, 30)}, app.DocFilter{Status: st, Search: "kavarna"})
	}
	for _, c := range custs {
		fs = append(fs, app.DocFilter{Customer: c.ID}, app.DocFilter{Customer: c.ID, Status: app.StatusPaid}, app.DocFilter{Customer: c.ID, Search: "fv", From: app.D(2026, 6, 1)})
	}
	seen := map[app.DocStatus]bool{}
	for _, f := range fs {
		var want []app.DocRow
		for _, r := range all {
			if f.MatchRow(r, today) {
				want = append(want, r)
				seen[r.StatusOn(today)] = true
			}
		}
		got := allRows(t, db, f)
		if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: %d rows, want %d", f, len(got), len(want))
		}
		old, n, err := data.ScanDocuments(db.Store, db.Ctx, f, 0, 0)
		if err != nil || n != len(got) || !sameIDs(old, got) {
			t.Errorf("%+v: the lists find %d, reading every document %d", f, len(got), n)
		}
		page, n, err := db.DocRows(db.Ctx, f, 1, 2)
		if err != nil || n != len(want) || len(want) > 1 && !reflect.DeepEqual(page, want[1:min(3, len(want))]) {
			t.Errorf("%+v: page [1, 3) is %d rows of %d", f, len(page), n)
		}
	}
	for _, st := range []app.DocStatus{app.StatusDraft, app.StatusPartlyPaid, app.StatusPaid, app.StatusOverdue, app.StatusCredited, app.StatusIssued} {
		if !seen[st] {
			t.Errorf("no filter found a %s document", st)
		}
	}
	if _, _, err := db.DocRows(db.Ctx, app.DocFilter{From: app.D(2026, 2, 1), To: app.D(2026, 1, 1)}, 0, 10); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("a reversed period: %v", err)
	}
}

func sameIDs(docs []app.SalesDoc, rows []app.DocRow) bool {
	var a, b []string
	for _, d := range docs {
		a = append(a, d.ID)
	}
	for _, r := range rows {
		b = append(b, r.ID)
	}
	sort.Strings(a)
	sort.Strings(b)
	return reflect.DeepEqual(a, b)
}

// TestSalesListFollowsEveryWrite: after each write that makes, changes or
// removes a document the list shows its row as the document now is, the
// status filters follow it, and check finds the lists whole.
func TestSalesListFollowsEveryWrite(t *testing.T) {
	db, custs, _ := salesDB(t, app.D(2026, 10, 1))
	today := app.DateOf(datatest.DefaultNow)
	rowIs := func(step, id string, want app.DocStatus) {
		t.Helper()
		d, err := db.Document(db.Ctx, id)
		if err != nil {
			t.Fatal(step, err)
		}
		var found *app.DocRow
		for _, r := range allRows(t, db, app.DocFilter{}) {
			if r.ID == id {
				found = &r
			}
		}
		if found == nil || !reflect.DeepEqual(*found, app.RowOf(d)) {
			t.Fatalf("%s: row %+v, document %+v", step, found, app.RowOf(d))
		}
		if got := allRows(t, db, app.DocFilter{Status: want, Customer: d.CustomerID}); len(got) == 0 || got[0].ID != id && !containsRow(got, id) {
			t.Errorf("%s: the %s filter does not list it", step, want)
		}
		if st := found.StatusOn(today); st != want {
			t.Errorf("%s: status %s, want %s", step, st, want)
		}
		probs, err := db.Check(db.Ctx)
		if err != nil || len(probs) > 0 {
			t.Fatalf("%s: check %v %v", step, probs, err)
		}
	}
	d, err := db.SaveDraft(db.Ctx, invoiceOf(custs[0], app.D(2026, 11, 20)))
	if err != nil {
		t.Fatal(err)
	}
	rowIs("draft", d.ID, app.StatusDraft)
	d.CustomerID = custs[1].ID
	if d, err = db.SaveDraft(db.Ctx, d); err != nil {
		t.Fatal(err)
	}
	rowIs("another customer", d.ID, app.StatusDraft)
	if len(allRows(t, db, app.DocFilter{Customer: custs[0].ID, Status: app.StatusDraft})) != 0 {
		t.Error("the first customer still lists the draft")
	}
	if d, err = db.Issue(db.Ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	rowIs("issued", d.ID, app.StatusIssued)
	if _, err := db.RecordPayment(db.Ctx, app.Payment{DocID: d.ID, Date: app.D(2026, 11, 21), Amount: app.M(10000, "CZK"), Method: app.PayBank}); err != nil {
		t.Fatal(err)
	}
	rowIs("part paid", d.ID, app.StatusPartlyPaid)
	if n := len(allRows(t, db, app.DocFilter{Status: app.StatusPartlyPaid})); n != 1 {
		t.Errorf("%d part paid", n)
	}
	cn, err := db.NewCreditNote(db.Ctx, d.ID, "Sleva")
	if err != nil {
		t.Fatal(err)
	}
	rowIs("credit note drafted", cn.ID, app.StatusDraft)
	if cn, err = db.Issue(db.Ctx, cn.ID); err != nil {
		t.Fatal(err)
	}
	rowIs("credit note issued", cn.ID, app.StatusIssued)
	d, _ = db.Document(db.Ctx, d.ID)
	rowIs("credited", d.ID, d.StatusOn(today))
	if d.StatusOn(today) == app.StatusPartlyPaid {
		t.Errorf("the credited invoice is still part paid: %+v", app.RowOf(d))
	}

	// Overdue, then paid in full: it leaves the overdue and open lists.
	old := allRows(t, db, app.DocFilter{Customer: custs[0].ID, Kind: app.KindInvoice})[0]
	rowIs("overdue", old.ID, app.StatusOverdue)
	if _, err := db.RecordPayment(db.Ctx, app.Payment{DocID: old.ID, Date: app.D(2026, 11, 25), Amount: app.M(old.Remaining(), "CZK"), Method: app.PayBank}); err != nil {
		t.Fatal(err)
	}
	rowIs("paid", old.ID, app.StatusPaid)
	if containsRow(allRows(t, db, app.DocFilter{Status: app.StatusOverdue}), old.ID) {
		t.Error("a paid invoice is listed overdue")
	}

	// A quote becomes an order: both rows follow.
	q := invoiceOf(custs[0], app.D(2026, 11, 1))
	q.Kind, q.DueDate, q.ValidUntil = app.KindQuote, app.Date{}, app.D(2026, 12, 31)
	if q, err = db.SaveDraft(db.Ctx, q); err != nil {
		t.Fatal(err)
	}
	if q, err = db.Issue(db.Ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	o, err := db.Convert(db.Ctx, q.ID, app.KindOrder)
	if err != nil {
		t.Fatal(err)
	}
	rowIs("quote accepted", q.ID, app.StatusAccepted)
	rowIs("order drafted", o.ID, app.StatusDraft)

	// A deleted draft leaves every list.
	if err := db.DeleteDraft(db.Ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	if containsRow(allRows(t, db, app.DocFilter{}), o.ID) || containsRow(allRows(t, db, app.DocFilter{Status: app.StatusDraft}), o.ID) {
		t.Error("the deleted draft is still listed")
	}
	if probs, err := db.Check(db.Ctx); err != nil || len(probs) > 0 {
		t.Fatalf("check after the delete: %v %v", probs, err)
	}
}

func containsRow(rows []app.DocRow, id string) bool {
	for _, r := range rows {
		if r.ID == id {
			return true
		}
	}
	return false
}

// TestBatchesAreOneTransaction: IssueDrafts and RecordPayments refuse the
// whole batch when one item is wrong, leaving nothing.
func TestBatchesAreOneTransaction(t *testing.T) {
	db, custs, docs := salesDB(t, app.D(2026, 10, 1))
	bad := invoiceOf(custs[0], app.D(2026, 10, 2))
	bad.CustomerID = "no-such-customer"
	if _, err := db.IssueDrafts(db.Ctx, []app.SalesDoc{invoiceOf(custs[0], app.D(2026, 10, 2)), bad}); err == nil {
		t.Fatal("a batch with an unknown customer was issued")
	}
	if _, err := db.RecordPayments(db.Ctx, []app.Payment{
		{DocID: docs[0].ID, Date: app.D(2026, 10, 5), Amount: app.M(100, "CZK"), Method: app.PayBank},
		{DocID: "no-such-doc", Date: app.D(2026, 10, 5), Amount: app.M(100, "CZK"), Method: app.PayBank},
	}); err == nil {
		t.Fatal("a batch with an unknown document was recorded")
	}
	rows := allRows(t, db, app.DocFilter{})
	if len(rows) != 1 || rows[0].Paid != 0 {
		t.Fatalf("after two refused batches: %+v", rows)
	}
	if probs, err := db.Check(db.Ctx); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", probs, err)
	}
}
