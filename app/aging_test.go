package app

import (
	"testing"
	"time"
)

// inv is an issued CZK invoice of amount crowns, due on due.
func inv(customerID, name string, amount int64, due Date) SalesDoc {
	return SalesDoc{Kind: KindInvoice, Status: StatusIssued, CustomerID: customerID, Customer: Party{Name: name},
		IssueDate: due.AddDays(-14), TaxDate: due.AddDays(-14), DueDate: due, Currency: "CZK", ExchangeRate: RatePercent(1),
		Totals: DocTotals{Total: amount * 100, TotalCZK: amount * 100}}
}

func TestBucketBoundaries(t *testing.T) {
	asOf := D(2026, time.March, 31)
	for _, tc := range []struct {
		overdue int
		want    AgingBucket
	}{
		{-30, Current}, {-1, Current}, {0, Current}, // due today is current
		{1, Days1to30}, {30, Days1to30},
		{31, Days31to60}, {60, Days31to60},
		{61, Days61to90}, {90, Days61to90},
		{91, Over90}, {365, Over90}, {4000, Over90},
	} {
		due := asOf.AddDays(-tc.overdue)
		if got := DaysBetween(due, asOf); got != tc.overdue {
			t.Fatalf("DaysBetween(%s, %s) = %d, want %d", due, asOf, got, tc.overdue)
		}
		d := inv("c1", "Novák s.r.o.", 1210, due)
		d.IssueDate = asOf.AddDays(-120) // issued before the aging date whatever the due date
		rows := AgeReceivables([]SalesDoc{d}, asOf)
		if len(rows) != 1 {
			t.Fatalf("%d days: %d rows", tc.overdue, len(rows))
		}
		var want [AgingBuckets]int64
		want[tc.want] = 1210_00
		if rows[0].Buckets != want || rows[0].Total != 1210_00 {
			t.Errorf("%d days overdue (due %s): buckets %v, want %v in %s", tc.overdue, due, rows[0].Buckets, want, tc.want)
		}
	}
}

func TestDaysBetweenCalendar(t *testing.T) {
	for _, tc := range []struct {
		a, b Date
		want int
	}{
		{D(2026, time.January, 30), D(2026, time.March, 1), 30},
		{D(2028, time.January, 30), D(2028, time.March, 1), 31}, // leap year
		{D(2026, time.March, 28), D(2026, time.March, 30), 2},   // over the switch to summer time
		{D(2025, time.December, 31), D(2026, time.January, 1), 1},
		{D(2026, time.January, 1), D(2025, time.January, 1), -365},
	} {
		if got := DaysBetween(tc.a, tc.b); got != tc.want {
			t.Errorf("DaysBetween(%s, %s) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestAgeReceivables(t *testing.T) {
	asOf := D(2026, time.March, 31)
	ago := func(days int) Date { return asOf.AddDays(-days) }

	partly := inv("c1", "Novák s.r.o.", 12100, ago(10))
	partly.Paid = 5000_00

	credited := inv("c1", "Novák s.r.o.", 121000, ago(45))
	credited.Credited = 21000_00
	credited.Paid = 50000_00
	credited.ID = "inv-credited"
	note := SalesDoc{Kind: KindCreditNote, Status: StatusIssued, CustomerID: "c1", Customer: Party{Name: "Novák s.r.o."},
		IssueDate: ago(20), DueDate: ago(20), Currency: "CZK", ExchangeRate: RatePercent(1), OriginalID: "inv-credited",
		Totals: DocTotals{Total: -21000_00}}

	eur := inv("c2", "Müller GmbH", 0, ago(70))
	eur.Currency, eur.ExchangeRate = "EUR", RateMicro(24_325_000)
	eur.Totals.Total = 1000_00 // 1 000,00 EUR
	eur.Totals.TotalCZK = 24325_00
	eur.Paid = 400_00 // 600 EUR remain: 14 595,00 Kč

	tiny := inv("c2", "Müller GmbH", 0, ago(0))
	tiny.Currency, tiny.ExchangeRate = "EUR", RateMicro(24_325_000)
	tiny.Totals.Total = 2 // 0,02 EUR = 0,4865 Kč → 0,49 Kč half-up
	tiny.Totals.TotalCZK = 49

	paid := inv("c3", "Zaplaceno a.s.", 5000, ago(100))
	paid.Paid = 5000_00
	fullyCredited := inv("c3", "Zaplaceno a.s.", 3000, ago(100))
	fullyCredited.Credited = 3000_00
	draft := inv("c3", "Zaplaceno a.s.", 7000, ago(100))
	draft.Status = StatusDraft
	quote := inv("c3", "Zaplaceno a.s.", 7000, ago(100))
	quote.Kind = KindQuote
	order := inv("c3", "Zaplaceno a.s.", 7000, ago(100))
	order.Kind, order.Status = KindOrder, StatusInvoiced
	future := inv("c3", "Zaplaceno a.s.", 9000, asOf.AddDays(30))
	future.IssueDate = asOf.AddDays(1) // issued after the aging date

	old := inv("c4", "Dvořák a syn", 2000, ago(200))
	standalone := SalesDoc{Kind: KindCreditNote, Status: StatusIssued, CustomerID: "c4", Customer: Party{Name: "Dvořák a syn"},
		IssueDate: ago(5), Currency: "CZK", ExchangeRate: RatePercent(1), Totals: DocTotals{Total: -500_00}}

	noDue := inv("c5", "Bez splatnosti", 800, Date{})
	noDue.IssueDate = ago(300)

	docs := []SalesDoc{partly, credited, note, eur, tiny, paid, fullyCredited, draft, quote, order, future, old, standalone, noDue}
	rows := AgeReceivables(docs, asOf)

	want := []AgingRow{
		{CustomerID: "c1", Customer: "Novák s.r.o.", Buckets: [5]int64{0, 7100_00, 50000_00, 0, 0}, Total: 57100_00},
		{CustomerID: "c2", Customer: "Müller GmbH", Buckets: [5]int64{49, 0, 0, 14595_00, 0}, Total: 14595_49},
		{CustomerID: "c4", Customer: "Dvořák a syn", Buckets: [5]int64{-500_00, 0, 0, 0, 2000_00}, Total: 1500_00},
		{CustomerID: "c5", Customer: "Bez splatnosti", Buckets: [5]int64{800_00, 0, 0, 0, 0}, Total: 800_00},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %+v\nwant %+v", rows, want)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d = %+v\nwant %+v", i, rows[i], want[i])
		}
		var sum int64
		for _, v := range rows[i].Buckets {
			sum += v
		}
		if sum != rows[i].Total {
			t.Errorf("row %d: buckets sum %d, total %d", i, sum, rows[i].Total)
		}
	}
	tot := AgingTotals(rows)
	if tot != [5]int64{300_49, 7100_00, 50000_00, 14595_00, 2000_00} {
		t.Errorf("AgingTotals = %v", tot)
	}
	if AgingTotals(nil) != [5]int64{} {
		t.Error("AgingTotals(nil) not zero")
	}
	if rows := AgeReceivables(nil, asOf); len(rows) != 0 {
		t.Errorf("no documents: %v", rows)
	}
}

func TestAgeReceivablesOrderAndNames(t *testing.T) {
	asOf := D(2026, time.June, 30)
	renamed := inv("c9", "Nová firma s.r.o.", 100, asOf.AddDays(-5))
	renamed.IssueDate = asOf.AddDays(-2)
	docs := []SalesDoc{
		inv("c1", "Dvořák", 100, asOf),
		inv("c2", "Čapek", 100, asOf),
		inv("c3", "adam", 100, asOf),
		inv("c4", "Žák", 5000, asOf.AddDays(-40)),
		inv("c9", "Stará firma s.r.o.", 100, asOf.AddDays(-50)),
		renamed,
		inv("", "Bez ID", 50, asOf),
		inv("", "Bez ID", 50, asOf.AddDays(-1)),
	}
	rows := AgeReceivables(docs, asOf)
	var names []string
	for _, r := range rows {
		names = append(names, r.Customer)
	}
	// By total descending, then by name as Czech readers sort (accents folded).
	want := []string{"Žák", "Nová firma s.r.o.", "adam", "Bez ID", "Čapek", "Dvořák"}
	if len(names) != len(want) {
		t.Fatalf("order %q, want %q", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("order %q, want %q", names, want)
		}
	}
	if r := rows[1]; r.CustomerID != "c9" || r.Total != 200_00 || r.Buckets[Current] != 0 || r.Buckets[Days1to30] != 100_00 || r.Buckets[Days31to60] != 100_00 {
		t.Errorf("renamed customer row %+v", r)
	}
	if r := rows[3]; r.CustomerID != "" || r.Buckets[Current] != 50_00 || r.Buckets[Days1to30] != 50_00 {
		t.Errorf("customer without ID %+v", r)
	}
}

func TestAgingBucketString(t *testing.T) {
	want := []string{"current", "1-30", "31-60", "61-90", "over-90"}
	for b := Current; b <= Over90; b++ {
		if b.String() != want[b] {
			t.Errorf("%d = %q", b, b.String())
		}
	}
	if AgingBucket(9).String() != "unknown" {
		t.Error("unknown bucket")
	}
}
