package app

import (
	"testing"
	"time"
)

// stInv is an issued invoice of crowns, issued on issue and due 14 days later.
func stInv(id, number string, crowns int64, issue Date) SalesDoc {
	return SalesDoc{ID: id, Kind: KindInvoice, Status: StatusIssued, Number: number, VariableSymbol: number,
		IssueDate: issue, TaxDate: issue, DueDate: issue.AddDays(14), Currency: "CZK", ExchangeRate: RatePercent(1),
		Totals: DocTotals{Total: crowns * 100, TotalCZK: crowns * 100}}
}

// stCredit is an issued credit note of crowns (positive) against original.
func stCredit(id, number, original string, crowns int64, issue Date) SalesDoc {
	return SalesDoc{ID: id, Kind: KindCreditNote, Status: StatusIssued, Number: number, OriginalID: original,
		IssueDate: issue, TaxDate: issue, Currency: "CZK", ExchangeRate: RatePercent(1),
		Totals: DocTotals{Total: -crowns * 100, TotalCZK: -crowns * 100}}
}

func stPay(docID string, crowns int64, date Date) Payment {
	return Payment{ID: "p-" + docID + date.Key(), DocID: docID, Date: date, Amount: M(crowns*100, "CZK")}
}

func TestBuildStatement(t *testing.T) {
	day := func(m time.Month, d int) Date { return D(2026, m, d) }
	from, to := day(time.March, 1), day(time.March, 31)
	eur := stInv("e1", "2026010", 0, day(time.March, 10))
	eur.Currency, eur.ExchangeRate = "EUR", RateMicro(25_000_000) // 25 CZK/EUR
	eur.Totals = DocTotals{Total: 100_00, TotalCZK: 2500_00}
	draft := stInv("d1", "", 999, day(time.March, 5))
	draft.Status = StatusDraft
	quote := stInv("q1", "Q1", 999, day(time.March, 5))
	quote.Kind = KindQuote

	type want struct {
		opening, closing int64
		kinds            []string
		balances         []int64
		aging            [AgingBuckets]int64
		open             []string
	}
	for _, tc := range []struct {
		name     string
		docs     []SalesDoc
		payments []Payment
		want     want
	}{
		{name: "empty"},
		{
			name: "opening from before the period, payment in it",
			docs: []SalesDoc{stInv("a", "2026001", 1000, day(time.February, 1))},
			payments: []Payment{
				stPay("a", 400, day(time.February, 20)),
				stPay("a", 600, day(time.March, 3)),
			},
			want: want{opening: 600_00, closing: 0, kinds: []string{"payment"}, balances: []int64{0}},
		},
		{
			name: "invoice, credit note and partial payment in the period",
			docs: []SalesDoc{
				stInv("a", "2026002", 1210, day(time.March, 2)),
				stCredit("c", "D2026001", "a", 210, day(time.March, 5)),
			},
			payments: []Payment{stPay("a", 500, day(time.March, 5))},
			want: want{closing: 500_00, kinds: []string{"invoice", "credit_note", "payment"},
				balances: []int64{1210_00, 1000_00, 500_00},
				aging:    [AgingBuckets]int64{0, 500_00}, // due 16.3., 15 days overdue on 31.3.
				open:     []string{"2026002"}},
		},
		{
			name: "after the period: left out of lines and aging",
			docs: []SalesDoc{
				stInv("a", "2026003", 100, day(time.March, 30)),
				stInv("b", "2026004", 200, day(time.April, 2)),
			},
			payments: []Payment{stPay("a", 100, day(time.April, 3))},
			want: want{closing: 100_00, kinds: []string{"invoice"}, balances: []int64{100_00},
				aging: [AgingBuckets]int64{100_00}, open: []string{"2026003"}},
		},
		{
			name:     "foreign currency paid at the document's rate",
			docs:     []SalesDoc{eur},
			payments: []Payment{{DocID: "e1", Date: day(time.March, 12), Amount: M(40_00, "EUR")}},
			want: want{closing: 1500_00, kinds: []string{"invoice", "payment"}, balances: []int64{2500_00, 1500_00},
				aging: [AgingBuckets]int64{0, 1500_00}, open: []string{"2026010"}},
		},
		{
			name: "drafts and quotes ignored; old overdue invoice in over 90",
			docs: []SalesDoc{draft, quote, stInv("o", "2025099", 300, day(time.November, 1).AddDays(-365))},
			want: want{opening: 300_00, closing: 300_00, aging: [AgingBuckets]int64{0, 0, 0, 0, 300_00}, open: []string{"2025099"}},
		},
		{
			name: "a credit note naming no invoice is current",
			docs: []SalesDoc{stInv("a", "2026005", 100, day(time.January, 1)), stCredit("c", "D2026002", "", 150, day(time.March, 1))},
			want: want{opening: 100_00, closing: -50_00, kinds: []string{"credit_note"}, balances: []int64{-50_00},
				aging: [AgingBuckets]int64{-150_00, 0, 0, 100_00}, open: []string{"2026005"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := BuildStatement(Party{Name: "Novák s.r.o."}, tc.docs, tc.payments, from, to, "")
			if st.Currency != "CZK" || st.Customer.Name != "Novák s.r.o." {
				t.Errorf("currency %q, customer %q", st.Currency, st.Customer.Name)
			}
			if st.Opening != tc.want.opening || st.Closing != tc.want.closing {
				t.Errorf("opening %d closing %d, want %d %d", st.Opening, st.Closing, tc.want.opening, tc.want.closing)
			}
			if len(st.Lines) != len(tc.want.kinds) {
				t.Fatalf("lines %+v, want kinds %v", st.Lines, tc.want.kinds)
			}
			for i, l := range st.Lines {
				if l.Kind != tc.want.kinds[i] || l.Balance != tc.want.balances[i] {
					t.Errorf("line %d: %s balance %d, want %s %d", i, l.Kind, l.Balance, tc.want.kinds[i], tc.want.balances[i])
				}
			}
			if st.Opening+st.Debits()-st.Credits() != st.Closing {
				t.Errorf("opening %d + debits %d - credits %d != closing %d", st.Opening, st.Debits(), st.Credits(), st.Closing)
			}
			if st.Aging != tc.want.aging {
				t.Errorf("aging %v, want %v", st.Aging, tc.want.aging)
			}
			var sum int64
			for _, v := range st.Aging {
				sum += v
			}
			if sum != st.Closing {
				t.Errorf("aging sums to %d, closing %d", sum, st.Closing)
			}
			if len(st.Open) != len(tc.want.open) {
				t.Fatalf("open %d, want %v", len(st.Open), tc.want.open)
			}
			for i, d := range st.Open {
				if d.Number != tc.want.open[i] || d.Remaining() <= 0 {
					t.Errorf("open %d: %s remaining %d", i, d.Number, d.Remaining())
				}
			}
			if st.HasActivity() != (st.Opening != 0 || st.Closing != 0 || len(st.Lines) > 0) {
				t.Error("HasActivity")
			}
		})
	}
}

func TestBuildStatementOpenRestatedOnTo(t *testing.T) {
	a := stInv("a", "2026001", 1000, D(2026, time.March, 1))
	a.Paid = 1000_00 // paid in full, but after the period
	st := BuildStatement(Party{}, []SalesDoc{a}, []Payment{stPay("a", 300, D(2026, time.March, 20)), stPay("a", 700, D(2026, time.April, 5))},
		D(2026, time.March, 1), D(2026, time.March, 31), "CZK")
	if len(st.Open) != 1 || st.Open[0].Remaining() != 700_00 {
		t.Fatalf("open %+v", st.Open)
	}
	if st.Closing != 700_00 || st.Aging[Days1to30] != 700_00 {
		t.Errorf("closing %d aging %v", st.Closing, st.Aging)
	}
}
