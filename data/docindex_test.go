package data

import (
	"fmt"
	"math/rand"
	"reflect"
	"testing"

	"kontor/app"
)

// randomSales fills a store with documents of every kind and state: drafts,
// quotes, orders, invoices in CZK and EUR, paid, part-paid, credited and
// open, for a few customers over a year, from seed.
func randomSales(t testing.TB, seed int64, n int) *Store {
	t.Helper()
	s, _ := MustCompany(t)
	rnd := rand.New(rand.NewSource(seed))
	var custs []app.Customer
	for i, name := range []string{"Kavárna U Černého koně s.r.o.", "Novák Jan", "Nováková Eva", "Pekařství Dvořák"} {
		ico := ""
		if i == 0 {
			ico = "25596641"
		}
		c, err := s.SaveCustomer(ctx, app.Customer{Name: name, Street: fmt.Sprintf("Dlouhá %d", i+1), City: "Praha 1", Postcode: "110 00",
			ICO: ico, PaymentDays: 14})
		if err != nil {
			t.Fatal(err)
		}
		custs = append(custs, c)
	}
	kinds := []app.DocKind{app.KindQuote, app.KindOrder, app.KindInvoice, app.KindInvoice, app.KindInvoice}
	for i := 0; i < n; i++ {
		c := custs[rnd.Intn(len(custs))]
		day := app.D(2026, 1, 1).AddDays(rnd.Intn(320))
		d := draftInvoice(c)
		d.Kind = kinds[rnd.Intn(len(kinds))]
		d.IssueDate, d.TaxDate, d.DueDate = day, day, day.AddDays(14)
		if d.Kind == app.KindQuote {
			d.DueDate, d.ValidUntil = app.Date{}, day.AddDays(30)
		}
		if d.Kind == app.KindInvoice && rnd.Intn(5) == 0 {
			d.Currency, d.ExchangeRate = "EUR", app.RateMicro(24_325_000)
			d.Lines = []app.DocLine{{Text: "Consulting", Quantity: app.Q(int64(1 + rnd.Intn(5))), Unit: "h", UnitPrice: 10000, VATKind: app.VATStandard}}
		}
		d, err := s.SaveDraft(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if rnd.Intn(6) == 0 {
			continue // stays a draft
		}
		if d, err = s.Issue(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
		if d.Kind != app.KindInvoice {
			continue
		}
		switch rnd.Intn(6) {
		case 0, 1: // paid
			mustPay(t, s, d, d.Remaining(), day.AddDays(rnd.Intn(40)))
		case 2: // part-paid
			mustPay(t, s, d, d.Remaining()/3, day.AddDays(rnd.Intn(40)))
		case 3: // credited in part or whole
			cn, err := s.NewCreditNote(ctx, d.ID, "Vrácené zboží")
			if err != nil {
				t.Fatal(err)
			}
			if rnd.Intn(2) == 0 && len(cn.Lines) > 1 {
				cn.Lines = cn.Lines[:1]
			}
			cn.IssueDate, cn.TaxDate = day.AddDays(rnd.Intn(30)), day.AddDays(rnd.Intn(30))
			cn.TaxDate = cn.IssueDate
			if cn, err = s.SaveDraft(ctx, cn); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Issue(ctx, cn.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s
}

func mustPay(t testing.TB, s *Store, d app.SalesDoc, amount int64, day app.Date) {
	t.Helper()
	if amount <= 0 {
		return
	}
	if _, err := s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: day, Amount: app.M(amount, d.Currency), Method: app.PayBank}); err != nil {
		t.Fatal(err)
	}
}

// docFilters are many filters over randomSales' documents.
func docFilters(s *Store, t testing.TB) []app.DocFilter {
	custs, err := s.Customers(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	fs := []app.DocFilter{{}, {Search: "novak"}, {Search: "NOVÁK eva"}, {Search: "FV2026"}, {Search: "zzz"},
		{From: app.D(2026, 3, 1), To: app.D(2026, 6, 30)}, {To: app.D(2026, 2, 1)}, {From: app.D(2026, 11, 1)}}
	for _, k := range []app.DocKind{app.KindQuote, app.KindOrder, app.KindInvoice, app.KindCreditNote} {
		fs = append(fs, app.DocFilter{Kind: k}, app.DocFilter{Kind: k, Search: "kone", From: app.D(2026, 4, 1)})
	}
	for _, st := range []app.DocStatus{app.StatusDraft, app.StatusIssued, app.StatusAccepted, app.StatusInvoiced,
		app.StatusPartlyPaid, app.StatusPaid, app.StatusOverdue, app.StatusCredited} {
		fs = append(fs, app.DocFilter{Status: st}, app.DocFilter{Status: st, Kind: app.KindInvoice, To: app.D(2026, 9, 30)})
	}
	for _, c := range custs {
		fs = append(fs, app.DocFilter{Customer: c.ID}, app.DocFilter{Customer: c.ID, Status: app.StatusPaid}, app.DocFilter{Customer: c.ID, Search: "fv"})
	}
	return fs
}

// TestDocRowsEqualDocuments: DocRows gives the rows of the documents
// Documents gives, page by page, with the same count.
func TestDocRowsEqualDocuments(t *testing.T) {
	s := randomSales(t, 1, 60)
	for _, f := range docFilters(s, t) {
		for _, pg := range [][2]int{{0, 0}, {0, 7}, {5, 10}, {50, 50}} {
			docs, n, err := s.Documents(ctx, f, pg[0], pg[1])
			if err != nil {
				t.Fatal(err)
			}
			rows, m, err := s.DocRows(ctx, f, pg[0], pg[1])
			if err != nil {
				t.Fatal(err)
			}
			if n != m || len(docs) != len(rows) {
				t.Fatalf("%+v %v: Documents %d/%d, DocRows %d/%d", f, pg, len(docs), n, len(rows), m)
			}
			for i, d := range docs {
				if want := app.RowOf(d); !reflect.DeepEqual(rows[i], want) {
					t.Fatalf("%+v row %d:\n got %+v\nwant %+v", f, i, rows[i], want)
				}
			}
		}
	}
}
