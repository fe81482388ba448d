package app

import (
	"errors"
	"testing"
	"time"
)

// czAccount returns the account of the Czech chart with code.
func czAccount(t *testing.T, code string) Account {
	t.Helper()
	for _, a := range ChartCzech.Preset() {
		if a.Code == code {
			return a
		}
	}
	t.Fatalf("no account %s in the Czech chart", code)
	return Account{}
}

type tbEntry struct {
	date  Date
	lines []Line
}

func dr(code string, czk int64) Line { return Line{Account: code, Debit: czk * 100} }
func cr(code string, czk int64) Line { return Line{Account: code, Credit: czk * 100} }

// balancesOf computes what the store's Balances returns for [from, to]: every
// listed account, its opening before from and its turnovers within the range.
func balancesOf(t *testing.T, entries []tbEntry, from, to Date, codes ...string) []AccountBalance {
	t.Helper()
	idx := map[string]int{}
	var out []AccountBalance
	add := func(code string) int {
		i, ok := idx[code]
		if !ok {
			i = len(out)
			idx[code] = i
			out = append(out, AccountBalance{Account: czAccount(t, code)})
		}
		return i
	}
	for _, c := range codes {
		add(c)
	}
	for _, e := range entries {
		if err := (Entry{Date: e.date, Lines: e.lines}).Validate(); err != nil {
			t.Fatalf("entry of %s: %v", e.date, err)
		}
		if e.date.After(to) {
			continue
		}
		for _, l := range e.lines {
			b := &out[add(l.Account)]
			if e.date.Before(from) {
				b.Opening += l.Debit - l.Credit
				continue
			}
			b.Debit += l.Debit
			b.Credit += l.Credit
			b.Lines++
		}
	}
	// Store order is by code already; shuffle to prove the reports sort.
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// demoLedger is a small s.r.o.: opening balances through 701, then January
// and February 2026.
func demoLedger() []tbEntry {
	open := D(2025, time.December, 31)
	jan := func(d int) Date { return D(2026, time.January, d) }
	feb := func(d int) Date { return D(2026, time.February, d) }
	return []tbEntry{
		{open, []Line{dr("221", 500000), cr("701", 500000)}},
		{open, []Line{dr("211", 20000), cr("701", 20000)}},
		{open, []Line{dr("132", 40000), cr("701", 40000)}},
		{open, []Line{dr("701", 200000), cr("411", 200000)}},
		{open, []Line{dr("701", 360000), cr("428", 360000)}},
		// January
		{jan(5), []Line{dr("311", 121000), cr("602", 100000), cr("343", 21000)}},                  // services invoice 21 %
		{jan(8), []Line{dr("311", 56000), cr("604", 50000), cr("343", 6000)}},                     // goods invoice 12 %
		{jan(8), []Line{dr("504", 30000), cr("132", 30000)}},                                      // goods sold
		{jan(10), []Line{dr("501", 5000), dr("343", 1050), cr("321", 6050)}},                      // material
		{jan(12), []Line{dr("518", 10000), dr("343", 2100), cr("321", 12100)}},                    // services received
		{jan(31), []Line{dr("521", 40000), cr("331", 40000)}},                                     // wages
		{jan(31), []Line{dr("524", 13600), cr("336", 13600)}},                                     // insurance
		{jan(20), []Line{dr("221", 121000), cr("311", 121000)}},                                   // customer pays
		{jan(22), []Line{dr("321", 6050), cr("221", 6050)}},                                       // we pay a supplier
		{jan(23), []Line{dr("211", 2420), cr("602", 2000), cr("343", 420)}},                       // cash sale
		{jan(25), []Line{dr("604", 5000), dr("343", 600), Line{Account: "311", Credit: 5600_00}}}, // credit note
		// February
		{feb(3), []Line{dr("311", 24200), cr("602", 20000), cr("343", 4200)}},
		{feb(10), []Line{dr("518", 3000), dr("343", 630), cr("321", 3630)}},
	}
}

func TestValidatePeriod(t *testing.T) {
	jan1, jan31 := D(2026, time.January, 1), D(2026, time.January, 31)
	for _, tc := range []struct {
		name     string
		from, to Date
		bad      bool
	}{
		{"month", jan1, jan31, false},
		{"one day", jan1, jan1, false},
		{"open start", Date{}, jan31, false},
		{"open end", jan1, Date{}, false},
		{"reversed", jan31, jan1, true},
		{"reversed by a day", jan1, jan1.AddDays(-1), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := ValidatePeriod(tc.from, tc.to)
			if !tc.bad {
				if err != nil {
					t.Fatalf("ValidatePeriod = %v", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != EINVALID || e.Field != "filter.to" || e.Key != "err.period.reversed" {
				t.Fatalf("ValidatePeriod = %#v, want EINVALID filter.to err.period.reversed", err)
			}
		})
	}
}

func TestTrialBalance(t *testing.T) {
	jan1, jan31 := D(2026, time.January, 1), D(2026, time.January, 31)
	// 082 and 648 have no balance and no movement: skipped.
	bals := balancesOf(t, demoLedger(), jan1, jan31, "082", "648")
	rows, tot := TrialBalance(bals)
	if tot.Debit != tot.Credit {
		t.Fatalf("debits %d != credits %d", tot.Debit, tot.Credit)
	}
	if tot.Opening != 0 || tot.Closing != 0 {
		t.Fatalf("opening %d, closing %d; want 0 for a balanced ledger", tot.Opening, tot.Closing)
	}
	var codes []string
	for _, r := range rows {
		codes = append(codes, r.Account.Code)
		if r.Closing != r.Opening+r.Debit-r.Credit {
			t.Errorf("%s: closing %d != opening+debit-credit", r.Account.Code, r.Closing)
		}
	}
	// 701 nets to zero before the period and has no movement in it.
	want := []string{"132", "211", "221", "311", "321", "331", "336", "343", "411", "428", "501", "504", "518", "521", "524", "602", "604"}
	if len(codes) != len(want) {
		t.Fatalf("accounts %v, want %v", codes, want)
	}
	for i := range want {
		if codes[i] != want[i] {
			t.Fatalf("accounts %v, want %v", codes, want)
		}
	}
	var wantDebit int64
	for _, e := range demoLedger() {
		if !e.date.Before(jan1) && !e.date.After(jan31) {
			d, _ := Entry{Lines: e.lines}.Totals()
			wantDebit += d
		}
	}
	if tot.Debit != wantDebit {
		t.Errorf("total debit %d, want the period's %d", tot.Debit, wantDebit)
	}
	byCode := map[string]TrialBalanceRow{}
	for _, r := range rows {
		byCode[r.Account.Code] = r
	}
	if r := byCode["311"]; r.Opening != 0 || r.Debit != 177000_00 || r.Credit != 126600_00 || r.Closing != 50400_00 {
		t.Errorf("311 = %+v", r)
	}
	if r := byCode["221"]; r.Opening != 500000_00 || r.Closing != 614950_00 {
		t.Errorf("221 = %+v", r)
	}

	// An unbalanced set of balances shows in the totals.
	bad := append(bals, AccountBalance{Account: czAccount(t, "648"), Credit: 1})
	if _, tot := TrialBalance(bad); tot.Debit == tot.Credit {
		t.Error("an unbalanced ledger gave equal totals")
	}
	if rows, tot := TrialBalance(nil); len(rows) != 0 || tot != (TrialBalanceRow{}) {
		t.Errorf("empty = %v %+v", rows, tot)
	}
}

func TestProfitLossAndBalanceSheet(t *testing.T) {
	jan1, jan31 := D(2026, time.January, 1), D(2026, time.January, 31)
	feb1, feb28 := D(2026, time.February, 1), D(2026, time.February, 28)
	for _, tc := range []struct {
		name                           string
		from, to                       Date
		revenue, expenses, plResult    int64
		assets, liabilities, equity    int64
		bsResult, prior                int64
		rev602                         int64
		assetCodes, liabCodes, eqCodes int
	}{
		{name: "January", from: jan1, to: jan31,
			revenue: 147000_00, expenses: 98600_00, plResult: 48400_00,
			assets: 697770_00, liabilities: 89370_00, equity: 560000_00, bsResult: 48400_00, rev602: 102000_00,
			assetCodes: 4, liabCodes: 4, eqCodes: 2},
		{name: "first quarter", from: jan1, to: D(2026, time.March, 31),
			revenue: 167000_00, expenses: 101600_00, plResult: 65400_00,
			assets: 721970_00, liabilities: 96570_00, equity: 560000_00, bsResult: 65400_00, rev602: 122000_00,
			assetCodes: 4, liabCodes: 4, eqCodes: 2},
		// February alone: the P&L is February's and so is the balance
		// sheet's result; January's, carried in the revenue and expense
		// accounts' opening balances and never closed, is the prior result.
		{name: "February", from: feb1, to: feb28,
			revenue: 20000_00, expenses: 3000_00, plResult: 17000_00,
			assets: 721970_00, liabilities: 96570_00, equity: 560000_00, bsResult: 17000_00, prior: 48400_00, rev602: 20000_00,
			assetCodes: 4, liabCodes: 4, eqCodes: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bals := balancesOf(t, demoLedger(), tc.from, tc.to, "082", "648")
			pl := ProfitAndLoss(bals)
			if pl.TotalRevenue != tc.revenue || pl.TotalExpenses != tc.expenses || pl.Result != tc.plResult {
				t.Errorf("P&L revenue %d expenses %d result %d; want %d %d %d", pl.TotalRevenue, pl.TotalExpenses, pl.Result, tc.revenue, tc.expenses, tc.plResult)
			}
			if pl.Result != pl.TotalRevenue-pl.TotalExpenses {
				t.Error("result is not revenue minus expenses")
			}
			var sum int64
			for _, r := range pl.Revenue {
				if r.Account.Type != Revenue {
					t.Errorf("%s among revenue", r.Account.Code)
				}
				sum += r.Amount()
				if r.Account.Code == "602" && r.Amount() != tc.rev602 {
					t.Errorf("602 = %d, want %d", r.Amount(), tc.rev602)
				}
			}
			if sum != pl.TotalRevenue {
				t.Errorf("revenue rows sum %d, total %d", sum, pl.TotalRevenue)
			}
			sum = 0
			for _, r := range pl.Expenses {
				if r.Account.Type != Expense || r.Amount() <= 0 {
					t.Errorf("expense row %+v", r)
				}
				sum += r.Amount()
			}
			if sum != pl.TotalExpenses {
				t.Errorf("expense rows sum %d, total %d", sum, pl.TotalExpenses)
			}

			bs := BalanceSheetOf(bals)
			if bs.TotalAssets != tc.assets || bs.TotalLiabilities != tc.liabilities || bs.TotalEquity != tc.equity || bs.Result != tc.bsResult || bs.PriorResult != tc.prior {
				t.Errorf("balance sheet %d = %d + %d + %d + %d; want %d = %d + %d + %d + %d", bs.TotalAssets, bs.TotalLiabilities, bs.TotalEquity, bs.PriorResult, bs.Result,
					tc.assets, tc.liabilities, tc.equity, tc.prior, tc.bsResult)
			}
			if !bs.Balanced() || bs.TotalAssets != bs.TotalLiabilities+bs.TotalEquity+bs.PriorResult+bs.Result {
				t.Error("the balance sheet does not balance")
			}
			if len(bs.Assets) != tc.assetCodes || len(bs.Liabilities) != tc.liabCodes || len(bs.Equity) != tc.eqCodes {
				t.Errorf("rows: %d assets, %d liabilities, %d equity", len(bs.Assets), len(bs.Liabilities), len(bs.Equity))
			}
			for _, sec := range [][]TrialBalanceRow{bs.Assets, bs.Liabilities, bs.Equity} {
				for _, r := range sec {
					if r.Account.Type == Closing || r.Amount() <= 0 {
						t.Errorf("balance sheet row %+v", r)
					}
				}
			}
			// The P&L result equals the balance sheet's current result.
			if pl.Result != bs.Result {
				t.Errorf("P&L result %d != balance sheet result %d", pl.Result, bs.Result)
			}
		})
	}
}

func TestBalanceSheetLossAndContraAccount(t *testing.T) {
	jan1, jan31 := D(2026, time.January, 1), D(2026, time.January, 31)
	entries := []tbEntry{
		{D(2025, time.December, 31), []Line{dr("022", 100000), cr("701", 100000)}},
		{D(2025, time.December, 31), []Line{dr("221", 50000), cr("701", 50000)}},
		{D(2025, time.December, 31), []Line{dr("701", 150000), cr("411", 150000)}},
		{jan1, []Line{dr("551", 20000), cr("082", 20000)}}, // depreciation
		{jan31, []Line{dr("518", 5000), cr("221", 5000)}},
		{jan31, []Line{dr("221", 1000), cr("648", 1000)}},
	}
	bals := balancesOf(t, entries, jan1, jan31)
	pl := ProfitAndLoss(bals)
	if pl.Result != -24000_00 {
		t.Fatalf("loss %d, want -24000.00", pl.Result)
	}
	bs := BalanceSheetOf(bals)
	if bs.TotalAssets != 126000_00 || bs.Result != -24000_00 || bs.TotalEquity != 150000_00 || !bs.Balanced() {
		t.Fatalf("balance sheet %+v", bs)
	}
	for _, r := range bs.Assets {
		if r.Account.Code == "082" && r.Amount() != -20000_00 {
			t.Errorf("082 = %d, want -20000.00 (reduces assets)", r.Amount())
		}
	}
	// A stray 7xx balance is left out of the sheet.
	bals = append(bals, AccountBalance{Account: czAccount(t, "710"), Debit: 7})
	if bs2 := BalanceSheetOf(bals); bs2.TotalAssets != bs.TotalAssets || bs2.Result != bs.Result {
		t.Error("a 7xx account changed the balance sheet")
	}
}

func TestTrialBalanceRowAmount(t *testing.T) {
	for _, tc := range []struct {
		typ  AccountType
		row  TrialBalanceRow
		want int64
	}{
		{Asset, TrialBalanceRow{Opening: 100, Debit: 50, Credit: 30, Closing: 120}, 120},
		{Liability, TrialBalanceRow{Opening: -100, Debit: 30, Credit: 50, Closing: -120}, 120},
		{Equity, TrialBalanceRow{Opening: -500, Closing: -500}, 500},
		{Revenue, TrialBalanceRow{Opening: -900, Debit: 10, Credit: 110, Closing: -1000}, 100},
		{Expense, TrialBalanceRow{Opening: 900, Debit: 110, Credit: 10, Closing: 1000}, 100},
		{Closing, TrialBalanceRow{Closing: -3}, -3},
	} {
		tc.row.Account.Type = tc.typ
		if got := tc.row.Amount(); got != tc.want {
			t.Errorf("%s: Amount = %d, want %d", tc.typ, got, tc.want)
		}
	}
}

// vatDoc is an issued document with a hand-made recap.
func vatDoc(kind DocKind, taxDate Date, rates ...RateTotal) SalesDoc {
	return SalesDoc{Kind: kind, Status: StatusIssued, TaxDate: taxDate, Currency: "CZK", ExchangeRate: RatePercent(1),
		Totals: DocTotals{Rates: rates}}
}

func rt(kind string, rate int64, baseCZK, vatCZK int64) RateTotal {
	return RateTotal{Kind: kind, Rate: RatePercent(rate), Base: baseCZK, VAT: vatCZK, BaseCZK: baseCZK, VATCZK: vatCZK}
}

func TestVATSummary(t *testing.T) {
	jan := func(d int) Date { return D(2026, time.January, d) }
	eur := vatDoc(KindInvoice, jan(31), RateTotal{Kind: VATStandard, Rate: RatePercent(21), Base: 1000_00, VAT: 210_00, BaseCZK: 24325_00, VATCZK: 5108_25})
	eur.Currency, eur.ExchangeRate = "EUR", RateMicro(24_325_000)
	reverse := vatDoc(KindInvoice, jan(10), rt(VATStandard, 21, 80000_00, 0))
	reverse.Regime = RegimeEUServices
	draft := vatDoc(KindInvoice, jan(15), rt(VATStandard, 21, 999_00, 209_79))
	draft.Status = StatusDraft
	docs := []SalesDoc{
		vatDoc(KindInvoice, jan(1), rt(VATStandard, 21, 100000_00, 21000_00), rt(VATReduced, 12, 50000_00, 6000_00)),
		vatDoc(KindInvoice, jan(15), rt(VATStandard, 21, 2000_00, 420_00)),
		eur,
		vatDoc(KindCreditNote, jan(20), rt(VATReduced, 12, -5000_00, -600_00)),
		reverse,
		vatDoc(KindInvoice, jan(16), rt(VATZero, 0, 3000_00, 0)),
		vatDoc(KindInvoice, D(2025, time.December, 31), rt(VATStandard, 21, 7000_00, 1470_00)),
		vatDoc(KindInvoice, D(2026, time.February, 1), rt(VATStandard, 21, 8000_00, 1680_00)),
		vatDoc(KindCreditNote, D(2026, time.March, 31), rt(VATStandard, 21, -1000_00, -210_00)),
		draft,
		vatDoc(KindQuote, jan(15), rt(VATStandard, 21, 555_00, 116_55)),
		vatDoc(KindOrder, jan(15), rt(VATStandard, 21, 555_00, 116_55)),
	}
	for _, tc := range []struct {
		name      string
		from, to  Date
		rows      []VATSummaryRow
		base, vat int64
	}{
		{"January", jan(1), jan(31), []VATSummaryRow{
			{Kind: VATStandard, Rate: RatePercent(21), Base: 126325_00, VAT: 26528_25},
			{Kind: VATReduced, Rate: RatePercent(12), Base: 45000_00, VAT: 5400_00},
			{Kind: VATZero, Rate: RatePercent(0), Base: 3000_00},
			{Kind: VATStandard, Rate: RatePercent(21), ReverseCharge: true, Base: 80000_00},
		}, 254325_00, 31928_25},
		{"one day", jan(20), jan(20), []VATSummaryRow{
			{Kind: VATReduced, Rate: RatePercent(12), Base: -5000_00, VAT: -600_00},
		}, -5000_00, -600_00},
		{"first quarter", jan(1), D(2026, time.March, 31), []VATSummaryRow{
			{Kind: VATStandard, Rate: RatePercent(21), Base: 133325_00, VAT: 27998_25},
			{Kind: VATReduced, Rate: RatePercent(12), Base: 45000_00, VAT: 5400_00},
			{Kind: VATZero, Rate: RatePercent(0), Base: 3000_00},
			{Kind: VATStandard, Rate: RatePercent(21), ReverseCharge: true, Base: 80000_00},
		}, 261325_00, 33398_25},
		{"December", D(2025, time.December, 1), D(2025, time.December, 31), []VATSummaryRow{
			{Kind: VATStandard, Rate: RatePercent(21), Base: 7000_00, VAT: 1470_00},
		}, 7000_00, 1470_00},
		{"nothing", D(2026, time.June, 1), D(2026, time.June, 30), nil, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, tot := VATSummary(docs, tc.from, tc.to)
			if len(rows) != len(tc.rows) {
				t.Fatalf("rows %+v, want %+v", rows, tc.rows)
			}
			for i := range rows {
				if rows[i] != tc.rows[i] {
					t.Errorf("row %d = %+v, want %+v", i, rows[i], tc.rows[i])
				}
			}
			if tot.Base != tc.base || tot.VAT != tc.vat || tot.Kind != "" {
				t.Errorf("total %+v, want base %d VAT %d", tot, tc.base, tc.vat)
			}
		})
	}
}

// TestVATSummaryEqualsDocuments builds real documents with ComputeTotals and
// checks the summary equals the sum of their VAT in the base currency.
func TestVATSummaryEqualsDocuments(t *testing.T) {
	supplier := Party{Name: "Kontor s.r.o.", VATPayer: true}
	mk := func(kind DocKind, day int, cur string, rate Rate, reverse bool, lines ...DocLine) SalesDoc {
		d := SalesDoc{Kind: kind, Status: StatusIssued, Supplier: supplier, TaxDate: D(2026, time.April, day), Currency: cur,
			ExchangeRate: rate, Lines: lines}
		if reverse {
			d.Regime = RegimeEUServices
		}
		d.Totals = ComputeTotals(d, "CZK")
		return d
	}
	line := func(qty int64, price int64, kind string, rate int64) DocLine {
		return DocLine{Text: "x", Quantity: Qty(qty * QtyScale), Unit: "ks", UnitPrice: price, VATKind: kind, VATRate: RatePercent(rate)}
	}
	one := RatePercent(1)
	docs := []SalesDoc{
		mk(KindInvoice, 2, "CZK", one, false, line(3, 1234_50, VATStandard, 21), line(1, 99_90, VATReduced, 12)),
		mk(KindInvoice, 9, "EUR", RateMicro(25_125_000), false, line(7, 333_33, VATStandard, 21)),
		mk(KindCreditNote, 14, "CZK", one, false, line(-1, 1234_50, VATStandard, 21)),
		mk(KindInvoice, 30, "EUR", RateMicro(25_010_000), true, line(2, 5000_00, VATStandard, 21)),
	}
	rows, tot := VATSummary(docs, D(2026, time.April, 1), D(2026, time.April, 30))
	var base, vat int64
	for _, d := range docs {
		for _, r := range d.Totals.Rates {
			base += r.BaseCZK
			vat += r.VATCZK
		}
	}
	if tot.Base != base || tot.VAT != vat {
		t.Fatalf("summary %d/%d, documents %d/%d", tot.Base, tot.VAT, base, vat)
	}
	var rb, rv int64
	for _, r := range rows {
		rb += r.Base
		rv += r.VAT
		if r.ReverseCharge && r.VAT != 0 {
			t.Errorf("reverse-charge row with VAT: %+v", r)
		}
	}
	if rb != tot.Base || rv != tot.VAT {
		t.Errorf("rows sum %d/%d, total %d/%d", rb, rv, tot.Base, tot.VAT)
	}
	if last := rows[len(rows)-1]; !last.ReverseCharge || last.Base != 250100_00 {
		t.Errorf("reverse-charge row %+v, want base 250100.00", last)
	}
}

// TestBalanceSheetPriorYearNotClosed: 2025's result was never closed into
// 431/428, so the 2026 balances carry it in the revenue and expense
// accounts' opening balances. The sheet shows it as the prior result and
// only 2026's as the current result, which equals the 2026 P&L.
func TestBalanceSheetPriorYearNotClosed(t *testing.T) {
	entries := []tbEntry{
		{D(2025, time.January, 2), []Line{dr("221", 100000), cr("411", 100000)}},
		{D(2025, time.June, 1), []Line{dr("221", 30000), cr("602", 30000)}},
		{D(2025, time.July, 1), []Line{dr("518", 8000), cr("221", 8000)}},
		{D(2026, time.March, 3), []Line{dr("311", 12100), cr("602", 10000), cr("343", 2100)}},
		{D(2026, time.March, 9), []Line{dr("518", 4000), cr("321", 4000)}},
	}
	asOf := D(2026, time.March, 31)
	bals := balancesOf(t, entries, FiscalYearStart(asOf), asOf)
	bs := BalanceSheetOf(bals)
	pl := ProfitAndLoss(bals)
	if bs.Result != 6000_00 || pl.Result != bs.Result {
		t.Errorf("current result %d, P&L %d; want 6000.00 both", bs.Result, pl.Result)
	}
	if bs.PriorResult != 22000_00 {
		t.Errorf("prior result %d, want 22000.00 (2025's unclosed profit)", bs.PriorResult)
	}
	if !bs.Balanced() || bs.TotalAssets != 134100_00 {
		t.Errorf("balance sheet %+v does not balance", bs)
	}
	if got := FiscalYearStart(asOf); got != D(2026, time.January, 1) {
		t.Errorf("FiscalYearStart = %v", got)
	}
}

func purchase(taxDate Date, cur string, rate Rate, parts ...PurchaseVAT) PurchaseInvoice {
	p := PurchaseInvoice{SupplierID: "s", SupplierNumber: "F1", IssueDate: taxDate, TaxDate: taxDate, DueDate: taxDate.AddDays(14),
		Currency: cur, ExchangeRate: rate, VAT: parts}
	p.Normalize("CZK", ChartCzech.Posting())
	return p
}

func pv(rate, base, vat int64) PurchaseVAT {
	return PurchaseVAT{Rate: RatePercent(rate), Base: base, VAT: vat}
}

func TestPurchaseVATSummary(t *testing.T) {
	apr := func(d int) Date { return D(2026, time.April, d) }
	eur := RateMicro(25_125_000)
	ps := []PurchaseInvoice{
		purchase(apr(1), "CZK", RatePercent(1), pv(21, 1000_00, 210_00), pv(12, 500_00, 60_00)),
		purchase(apr(15), "EUR", eur, pv(21, 333_33, 70_00)),
		purchase(apr(30), "CZK", RatePercent(1), pv(0, 250_00, 0)),
		purchase(D(2026, time.March, 31), "CZK", RatePercent(1), pv(21, 9999_00, 2099_79)),
		purchase(D(2026, time.May, 1), "CZK", RatePercent(1), pv(21, 7777_00, 1633_17)),
	}
	// A DUZP in April of an invoice issued in May counts in April.
	late := purchase(apr(29), "CZK", RatePercent(1), pv(21, 100_00, 21_00))
	late.IssueDate = D(2026, time.May, 5)
	ps = append(ps, late)

	rows, tot := PurchaseVATSummary(ps, apr(1), apr(30), "CZK")
	eurBase := M(333_33, "EUR").Convert("CZK", eur, HalfUp).Amount
	eurVAT := M(70_00, "EUR").Convert("CZK", eur, HalfUp).Amount
	want := []VATSummaryRow{
		{Rate: RatePercent(21), Base: 1000_00 + eurBase + 100_00, VAT: 210_00 + eurVAT + 21_00},
		{Rate: RatePercent(12), Base: 500_00, VAT: 60_00},
		{Rate: RatePercent(0), Base: 250_00},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %+v, want %+v", rows, want)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, rows[i], want[i])
		}
	}
	// The summary equals the VAT the period's invoices posted.
	var base, vat int64
	acc := ChartCzech.Posting()
	for _, p := range ps {
		if p.TaxDate.Before(apr(1)) || p.TaxDate.After(apr(30)) {
			continue
		}
		for _, l := range PurchasePosting(p, "CZK", acc) {
			switch {
			case l.Account == acc.VAT:
				vat += l.Debit
			case l.Debit > 0:
				base += l.Debit
			}
		}
	}
	if tot.Base != base || tot.VAT != vat {
		t.Errorf("total %d/%d, posted %d/%d", tot.Base, tot.VAT, base, vat)
	}
	if rows, tot := PurchaseVATSummary(ps, D(2026, time.June, 1), D(2026, time.June, 30), "CZK"); len(rows) != 0 || tot != (VATSummaryRow{}) {
		t.Errorf("June = %+v %+v", rows, tot)
	}
}
