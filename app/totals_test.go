package app

import "testing"

func line(qty Qty, price int64, kind string, rate int64) DocLine {
	return DocLine{Text: "x", Quantity: qty, UnitPrice: price, VATKind: kind, VATRate: RatePercent(rate)}
}

// Awkward roundings: VAT is computed from each rate's sum of bases (not per
// line), half-up, and gross prices give VAT by r/(100+r).
func TestComputeTotals(t *testing.T) {
	payer := Party{VATPayer: true}
	cases := []struct {
		name                       string
		d                          SalesDoc
		base, vat, rounding, total int64
		rates                      int
		totalCZK                   int64
	}{
		{"per-rate sum, not per line", SalesDoc{Supplier: payer, Currency: "CZK", Lines: []DocLine{
			line(Q(1), 2, VATStandard, 21), line(Q(1), 2, VATStandard, 21), line(Q(1), 2, VATStandard, 21)}},
			// each line's VAT would round 0,42 h → 0, the sum 6 h × 21 % = 1,26 h → 1
			6, 1, 0, 7, 1, 7},
		{"half-up at .5", SalesDoc{Supplier: payer, Currency: "CZK", Lines: []DocLine{line(Q(1), 50, VATStandard, 21)}},
			50, 11, 0, 61, 1, 61}, // 10,5 h → 11 h
		{"two rates", SalesDoc{Supplier: payer, Currency: "CZK", Lines: []DocLine{
			line(Q(3), 45000, VATReduced, 12), line(1500, 80000, VATStandard, 21)}},
			255000, 41400, 0, 296400, 2, 296400},
		{"discount", SalesDoc{Supplier: payer, Currency: "CZK", Lines: []DocLine{
			{Text: "x", Quantity: Q(1), UnitPrice: 99999, Discount: RateMicro(12_500_000), VATKind: VATStandard, VATRate: RatePercent(21)}}},
			87499, 18375, 0, 105874, 1, 105874}, // 999,99 less 12,5 % = 874,99125 → 874,99
		{"gross prices", SalesDoc{Supplier: payer, Currency: "CZK", PricesIncludeVAT: true, Lines: []DocLine{line(Q(1), 12100, VATStandard, 21)}},
			10000, 2100, 0, 12100, 1, 12100},
		{"gross awkward", SalesDoc{Supplier: payer, Currency: "CZK", PricesIncludeVAT: true, Lines: []DocLine{line(Q(1), 9999, VATReduced, 12)}},
			8928, 1071, 0, 9999, 1, 9999}, // 99,99 × 12/112 = 10,71
		{"cash rounding up", SalesDoc{Supplier: payer, Currency: "CZK", CashRounding: true, Lines: []DocLine{line(Q(1), 12345, VATStandard, 21)}},
			12345, 2592, -37, 14900, 1, 14900}, // 149,37 → 149
		{"cash rounding half up", SalesDoc{Supplier: payer, Currency: "CZK", CashRounding: true, Lines: []DocLine{line(Q(1), 12355, VATStandard, 21)}},
			12355, 2595, 50, 15000, 1, 15000}, // 149,50 → 150
		{"cash rounding down", SalesDoc{Supplier: payer, Currency: "CZK", CashRounding: true, Lines: []DocLine{line(Q(1), 12300, VATZero, 0)}},
			12300, 0, -0, 12300, 1, 12300},
		{"non-payer", SalesDoc{Supplier: Party{}, Currency: "CZK", Lines: []DocLine{line(Q(2), 10000, VATStandard, 21)}},
			20000, 0, 0, 20000, 1, 20000},
		{"reverse charge", SalesDoc{Supplier: payer, Regime: RegimeEUServices, Currency: "CZK", Lines: []DocLine{line(Q(2), 10000, VATStandard, 21)}},
			20000, 0, 0, 20000, 1, 20000},
		{"EUR in CZK", SalesDoc{Supplier: payer, Currency: "EUR", ExchangeRate: RateMicro(24_325_000), Lines: []DocLine{line(Q(1), 3333, VATStandard, 21)}},
			3333, 700, 0, 4033, 1, 81075 + 17026}, // 33,33 € × 24,325 = 810,75 Kč; VAT 170,2575 → 170,26
		{"credit note negative", SalesDoc{Supplier: payer, Currency: "CZK", Lines: []DocLine{line(-Q(1), 50, VATStandard, 21)}},
			-50, -11, 0, -61, 1, -61},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ComputeTotals(c.d, "CZK")
			if got.Base != c.base || got.VAT != c.vat || got.Rounding != c.rounding || got.Total != c.total || len(got.Rates) != c.rates || got.TotalCZK != c.totalCZK {
				t.Errorf("got base %d vat %d rounding %d total %d rates %d czk %d; want %d %d %d %d %d %d",
					got.Base, got.VAT, got.Rounding, got.Total, len(got.Rates), got.TotalCZK, c.base, c.vat, c.rounding, c.total, c.rates, c.totalCZK)
			}
			// The posting always balances and carries the CZK total on 311.
			d := c.d
			d.Totals = got
			var dr, cr, receivable int64
			for _, l := range SalesPosting(d, ChartCzech.Posting()) {
				dr += l.Debit
				cr += l.Credit
				if l.Account == "311" {
					receivable += l.Debit - l.Credit
				}
			}
			if dr != cr || receivable != got.TotalCZK {
				t.Errorf("posting debits %d credits %d, 311 %d, total %d", dr, cr, receivable, got.TotalCZK)
			}
		})
	}
}

func TestPaymentQRStrings(t *testing.T) {
	s, ok := SPAYD("CZ6508000000192000145399", "", M(123450, "CZK"), "20260001", D(2026, 12, 12), "Faktura FV2026-0001 – Žluťoučký")
	want := "SPD*1.0*ACC:CZ6508000000192000145399*AM:1234.50*CC:CZK*DT:20261212*X-VS:20260001*MSG:FAKTURA FV2026-0001 ZLUTOUCKY"
	if !ok || s != want {
		t.Errorf("SPAYD = %q\nwant    %q", s, want)
	}
	if _, ok := SPAYD("CZ6508000000192000145399", "", M(0, "CZK"), "", Date{}, ""); ok {
		t.Error("SPAYD for zero amount")
	}
	e, ok := EPC("GIBAATWW", "Kavárna Žlutý Čáp", "AT611904300234573201", M(12345, "EUR"), "Faktura FV2026-0002")
	if !ok || e != "BCD\n002\n1\nSCT\nGIBAATWW\nKavárna Žlutý Čáp\nAT611904300234573201\nEUR123.45\n\n\nFaktura FV2026-0002" {
		t.Errorf("EPC = %q", e)
	}
	d := SalesDoc{Currency: "CZK", Supplier: Party{IBAN: "CZ6508000000192000145399"}, Number: "FV2026-0001", VariableSymbol: "20260001"}
	if _, ok := PaymentQR(d, 100); !ok {
		t.Error("no QR for a CZK invoice")
	}
	d.PaymentMethod = PayCash
	if _, ok := PaymentQR(d, 100); ok {
		t.Error("QR for a cash invoice")
	}
	d.PaymentMethod, d.Supplier.IBAN = PayBank, ""
	if _, ok := PaymentQR(d, 100); ok {
		t.Error("QR without IBAN")
	}
}

// WithRates takes the rate valid on the DUZP, else on the issue date; the
// document's own lines stay as they were.
func TestWithRates(t *testing.T) {
	c := payCompany()
	c.VATRates = append(c.VATRates, VATRate{Kind: VATStandard, Rate: RatePercent(20), From: D(2020, 1, 1), To: D(2023, 12, 31)})
	lines := func() []DocLine {
		return []DocLine{{Text: "a", VATKind: VATStandard, VATRate: RatePercent(5)}, {Text: "b", VATKind: "unknown", VATRate: RatePercent(7)}}
	}
	cases := []struct {
		name          string
		tax, issue    Date
		first, second Rate
	}{
		{"DUZP", D(2026, 11, 2), D(2023, 12, 1), RatePercent(21), RatePercent(7)},
		{"an older DUZP", D(2023, 12, 31), D(2026, 1, 5), RatePercent(20), RatePercent(7)},
		{"issue date without a DUZP", Date{}, D(2023, 6, 1), RatePercent(20), RatePercent(7)},
		{"no date: rates kept", Date{}, Date{}, RatePercent(5), RatePercent(7)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := SalesDoc{TaxDate: tc.tax, IssueDate: tc.issue, Lines: lines()}
			got := WithRates(d, c)
			if got.Lines[0].VATRate != tc.first || got.Lines[1].VATRate != tc.second {
				t.Fatalf("rates %v %v", got.Lines[0].VATRate, got.Lines[1].VATRate)
			}
			if d.Lines[0].VATRate != RatePercent(5) {
				t.Fatal("the document's own line changed")
			}
		})
	}
}
