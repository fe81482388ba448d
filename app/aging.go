package app

import (
	"sort"
	"time"
)

// AgingBucket is a column of a receivables aging: how many days past its due
// date an open amount is on the day the aging is made.
type AgingBucket int

// The aging buckets, in column order. An amount due on the aging day itself
// (or later, or with no due date) is current; one day after the due date it
// falls into 1–30.
const (
	Current    AgingBucket = iota // not yet overdue
	Days1to30                     // 1–30 days overdue
	Days31to60                    // 31–60 days overdue
	Days61to90                    // 61–90 days overdue
	Over90                        // more than 90 days overdue
)

// AgingBuckets is the number of aging buckets, the length of AgingRow.Buckets.
const AgingBuckets = 5

// String is a stable machine name of the bucket ("1-30"), used in CSV
// headers and as the suffix of its translation key "aging.<name>".
func (b AgingBucket) String() string {
	switch b {
	case Current:
		return "current"
	case Days1to30:
		return "1-30"
	case Days31to60:
		return "31-60"
	case Days61to90:
		return "61-90"
	case Over90:
		return "over-90"
	}
	return "unknown"
}

// BucketOf returns the bucket of an amount overdue by daysOverdue days
// (zero or negative: not overdue).
func BucketOf(daysOverdue int) AgingBucket {
	switch {
	case daysOverdue <= 0:
		return Current
	case daysOverdue <= 30:
		return Days1to30
	case daysOverdue <= 60:
		return Days31to60
	case daysOverdue <= 90:
		return Days61to90
	}
	return Over90
}

// dueBucket is the bucket of an amount due on due, aged as of asOf: Current
// when either date is missing.
func dueBucket(due, asOf Date) AgingBucket {
	if due.IsZero() || asOf.IsZero() {
		return Current
	}
	return BucketOf(DaysBetween(due, asOf))
}

// DaysBetween returns the number of calendar days from a to b (negative when b
// is before a). Zero dates count as day zero of year zero; callers check them.
func DaysBetween(a, b Date) int {
	ta := time.Date(a.y, a.m, a.d, 12, 0, 0, 0, time.UTC)
	tb := time.Date(b.y, b.m, b.d, 12, 0, 0, 0, time.UTC)
	return int(tb.Sub(ta).Hours() / 24)
}

// AgingRow is one customer's open receivables in base-currency minor units,
// split into the buckets; Total is the sum of the buckets.
type AgingRow struct {
	CustomerID string
	Customer   string // the name on the customer's newest open document
	Buckets    [AgingBuckets]int64
	Total      int64
}

// AgeReceivables builds the receivables aging as of asOf from the sales
// documents the store returns (any kinds and statuses; the rest are ignored):
//
//   - Every issued invoice (stored status issued, issue date not after asOf)
//     with Remaining() > 0 contributes what remains to be paid. Remaining
//     already subtracts the payments recorded and the issued credit notes
//     against the invoice (SalesDoc.Credited), so that is how credit notes
//     reduce the receivable; a credit note that names its invoice
//     (OriginalID) is therefore not counted a second time.
//   - An issued credit note that names no invoice (none does today, but
//     older or imported data might) reduces its customer's Current bucket by
//     what remains of it.
//   - Amounts in a foreign currency are converted to the base currency at the
//     document's own exchange rate (the rate of its DUZP, the one it was
//     posted at) with Money.Convert, half-up; base-currency documents (rate 1,
//     or no rate) are taken as they are.
//   - An amount is bucketed by the days from the document's due date to asOf:
//     due on asOf or later, or with no due date, is Current; 1–30 days past
//     is Days1to30, and so on; 91 days and more is Over90.
//
// The documents' Paid and Credited are taken as they are: for an aging as of
// a past day, read the documents with ReceivablesAsOf, which takes the later
// payments and credit notes back out.
//
// Documents are grouped by CustomerID (by the customer's name when the ID is
// empty). Rows are sorted by Total descending, then by name (case- and
// accent-insensitive), then by ID; customers with nothing open are left out.
func AgeReceivables(docs []SalesDoc, asOf Date) []AgingRow {
	type acc struct {
		row    AgingRow
		newest Date
	}
	byCustomer := map[string]*acc{}
	var order []string
	for _, d := range docs {
		if d.Status != StatusIssued || (!asOf.IsZero() && d.IssueDate.After(asOf)) {
			continue
		}
		var amount int64
		bucket := Current
		switch d.Kind {
		case KindInvoice:
			amount = d.Remaining()
			if amount <= 0 {
				continue
			}
			bucket = dueBucket(d.DueDate, asOf)
		case KindCreditNote:
			if d.OriginalID != "" {
				continue // already in the invoice's Credited
			}
			amount = d.Remaining() // negative: owed to the customer
			if amount >= 0 {
				continue
			}
		default:
			continue
		}
		if d.Kind == KindInvoice && d.Currency != "" && d.ExchangeRate.IsForeign() {
			amount = d.BaseRemaining() // exactly what 311 carries
		} else {
			amount = toBase(amount, d.Currency, d.ExchangeRate, "CZK")
		}
		key := "id:" + d.CustomerID
		if d.CustomerID == "" {
			key = "name:" + d.Customer.Name
		}
		a := byCustomer[key]
		if a == nil {
			a = &acc{row: AgingRow{CustomerID: d.CustomerID, Customer: d.Customer.Name}, newest: d.IssueDate}
			byCustomer[key] = a
			order = append(order, key)
		}
		if d.IssueDate.After(a.newest) {
			a.newest, a.row.Customer = d.IssueDate, d.Customer.Name
		}
		a.row.Buckets[bucket] += amount
		a.row.Total += amount
	}
	rows := make([]AgingRow, 0, len(order))
	for _, k := range order {
		if r := byCustomer[k].row; r.Total != 0 || r.Buckets != [AgingBuckets]int64{} {
			rows = append(rows, r)
		}
	}
	sortAgingRows(rows)
	return rows
}

// sortAgingRows orders an aging by Total descending, then by name (case- and
// accent-insensitive), then by ID.
func sortAgingRows(rows []AgingRow) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Total != b.Total {
			return a.Total > b.Total
		}
		if fa, fb := FoldText(a.Customer), FoldText(b.Customer); fa != fb {
			return fa < fb
		}
		if a.Customer != b.Customer {
			return a.Customer < b.Customer
		}
		return a.CustomerID < b.CustomerID
	})
}

// AgingTotals sums the rows' buckets column by column: the aging's total
// line and the data of the receivables aging bar chart.
func AgingTotals(rows []AgingRow) [AgingBuckets]int64 {
	var t [AgingBuckets]int64
	for _, r := range rows {
		for i, v := range r.Buckets {
			t[i] += v
		}
	}
	return t
}
