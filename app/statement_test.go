package app

import (
	"cmp"
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
		currency         string // "" is CZK
		closingBase      int64  // 0 is closing
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
			name:     "foreign currency: stated in it, restated to the base at the document's rate",
			docs:     []SalesDoc{eur},
			payments: []Payment{{DocID: "e1", Date: day(time.March, 12), Amount: M(40_00, "EUR")}},
			want: want{currency: "EUR", closing: 60_00, closingBase: 1500_00, kinds: []string{"invoice", "payment"}, balances: []int64{100_00, 60_00},
				aging: [AgingBuckets]int64{0, 60_00}, open: []string{"2026010"}},
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
			full := BuildStatement(Party{Name: "Novák s.r.o."}, tc.docs, tc.payments, from, to, "")
			if len(full.Sections) != 1 || full.Customer.Name != "Novák s.r.o." {
				t.Fatalf("%d sections, customer %q", len(full.Sections), full.Customer.Name)
			}
			st := full.Sections[0]
			if want := cmp.Or(tc.want.currency, "CZK"); st.Currency != want {
				t.Errorf("currency %q, want %q", st.Currency, want)
			}
			if want := cmp.Or(tc.want.closingBase, tc.want.closing); st.ClosingBase != want || full.ClosingBase() != want {
				t.Errorf("closing in the base currency %d, want %d", st.ClosingBase, want)
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
			if full.HasActivity() != (st.Opening != 0 || st.Closing != 0 || len(st.Lines) > 0) {
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
	sec := st.Sections[0]
	if len(sec.Open) != 1 || sec.Open[0].Remaining() != 700_00 {
		t.Fatalf("open %+v", sec.Open)
	}
	if sec.Closing != 700_00 || sec.Aging[Days1to30] != 700_00 {
		t.Errorf("closing %d aging %v", sec.Closing, sec.Aging)
	}
}

// TestBuildStatementTwoCurrencies: a customer who owes euros was shown a
// CZK balance and CZK aging. Each currency is its own section now, with its
// own balance, lines, aging and open items; a credit note names the invoice
// it corrects; CustomerStatement's order puts the customer's currency first.
func TestBuildStatementTwoCurrencies(t *testing.T) {
	day := func(m time.Month, d int) Date { return D(2026, m, d) }
	eur := func(id, number string, cents, czk int64, issue Date) SalesDoc {
		d := stInv(id, number, 0, issue)
		d.Currency, d.ExchangeRate = "EUR", RateMicro(25_000_000)
		d.Totals = DocTotals{Total: cents, TotalCZK: czk}
		return d
	}
	e1 := eur("e1", "2026010", 1000_00, 25000_00, day(time.February, 10))
	e2 := eur("e2", "2026011", 500_00, 12500_00, day(time.March, 10))
	ec := eur("ec", "D2026005", -100_00, -2500_00, day(time.March, 12))
	ec.Kind, ec.OriginalID, ec.OriginalNo = KindCreditNote, "e2", "2026011"
	c1 := stInv("c1", "2026012", 2000, day(time.March, 3))
	docs := []SalesDoc{e1, e2, ec, c1}
	pays := []Payment{
		{DocID: "e1", Date: day(time.March, 1), Amount: M(1000_00, "EUR"), Base: 24800_00}, // settled: 200 CZK exchange difference
		{DocID: "c1", Date: day(time.March, 20), Amount: M(500_00, "CZK")},
	}
	st := BuildStatement(Party{Name: "Wiener GmbH"}, docs, pays, day(time.March, 1), day(time.March, 31), "CZK")
	if len(st.Sections) != 2 || st.Sections[0].Currency != "CZK" || st.Sections[1].Currency != "EUR" {
		t.Fatalf("sections %+v", st.Sections)
	}
	czk, eurSec := st.Sections[0], st.Sections[1]
	if czk.Opening != 0 || czk.Closing != 1500_00 || czk.ClosingBase != 1500_00 || czk.Aging != [AgingBuckets]int64{0, 1500_00} || len(czk.Open) != 1 {
		t.Errorf("CZK section %+v", czk)
	}
	if eurSec.Opening != 1000_00 || eurSec.Closing != 400_00 || eurSec.Debits() != 500_00 || eurSec.Credits() != 1100_00 {
		t.Errorf("EUR section: opening %d debits %d credits %d closing %d", eurSec.Opening, eurSec.Debits(), eurSec.Credits(), eurSec.Closing)
	}
	// Due 24.3.: 7 days overdue on 31.3.
	if eurSec.Aging != [AgingBuckets]int64{0, 400_00} || len(eurSec.Open) != 1 || eurSec.Open[0].Remaining() != 400_00 || eurSec.Open[0].Credited != 100_00 {
		t.Errorf("EUR aging %v open %+v", eurSec.Aging, eurSec.Open)
	}
	// 25 000 − 24 800 + 12 500 − 2 500 = 10 200 CZK on 311.
	if eurSec.ClosingBase != 10200_00 || st.ClosingBase() != 11700_00 {
		t.Errorf("closing in CZK: EUR section %d, statement %d", eurSec.ClosingBase, st.ClosingBase())
	}
	var credit StatementLine
	for _, l := range eurSec.Lines {
		if l.Kind == StatementCreditNote {
			credit = l
		}
	}
	if credit.Number != "D2026005" || credit.Corrects != "2026011" || credit.Credit != 100_00 {
		t.Errorf("credit note line %+v", credit)
	}
	st.putFirst("EUR")
	if st.Sections[0].Currency != "EUR" || st.Sections[1].Currency != "CZK" {
		t.Errorf("putFirst: %s, %s", st.Sections[0].Currency, st.Sections[1].Currency)
	}

	// A currency with nothing in the period and no balance is left out.
	pays = append(pays, Payment{DocID: "c1", Date: day(time.March, 25), Amount: M(1500_00, "CZK")})
	st = BuildStatement(Party{}, []SalesDoc{c1, e1}, pays, day(time.March, 2), day(time.March, 31), "CZK")
	if len(st.Sections) != 1 || st.Sections[0].Currency != "CZK" {
		t.Errorf("sections %+v, want CZK only (the euros were settled before the period)", st.Sections)
	}
}
