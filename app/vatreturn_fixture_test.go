package app

import (
	"strconv"
	"time"
)

// A month of a VAT payer's bookkeeping, every kind of supply and purchase
// the return, the control statement and the EU sales list know, tagged as
// the posting code tags it. The figures the tests expect are worked out by
// hand from these entries.

func nov(d int) Date { return D(2026, time.November, d) }

// vt builds a tag. rate 0 with kind "" leaves the rate out (a supply with
// no tax).
func vt(side VATSide, regime VATRegime, kind string, rate, base int64, doc, partner string, total int64) *VATTag {
	return &VATTag{Side: side, Regime: regime, Kind: kind, Rate: RatePercent(rate), Base: base, Doc: doc, Partner: partner, DocTotal: total}
}

// rc sets the code of a §92a supply.
func rc(t *VATTag, code string) *VATTag {
	t.RCCode = code
	return t
}

type fixtureEntry struct {
	date  Date
	lines []Line
}

func fixtureEntries() []Entry {
	const (
		buyer    = "CZ45274649" // a Czech VAT payer
		buyer2   = "CZ25596641"
		supplier = "CZ00006947"
		rcSupp   = "CZ27082440"
	)
	out, in := VATOut, VATIn
	std, red := VATStandard, VATReduced
	es := []fixtureEntry{
		// 1. An invoice over 10 000 Kč to a payer: A.4.
		{nov(2), []Line{{Account: "311", Debit: 121000_00}, {Account: "604", Credit: 100000_00},
			{Account: "343", Credit: 21000_00, VAT: vt(out, RegimeDomestic, std, 21, 100000_00, "FV2026-0001", buyer, 121000_00)}}},
		// 2. A small invoice at two rates: A.5; ř. 2 ends in 50 haléřů.
		{nov(3), []Line{{Account: "311", Debit: 8294_67}, {Account: "604", Credit: 7004_17},
			{Account: "343", Credit: 1050_00, VAT: vt(out, RegimeDomestic, std, 21, 5000_00, "FV2026-0002", buyer2, 8294_67)},
			{Account: "343", Credit: 240_50, VAT: vt(out, RegimeDomestic, red, 12, 2004_17, "FV2026-0002", buyer2, 8294_67)}}},
		// 3. A large invoice to a person without a DIČ: A.5.
		{nov(4), []Line{{Account: "311", Debit: 60500_00}, {Account: "602", Credit: 50000_00},
			{Account: "343", Credit: 10500_00, VAT: vt(out, RegimeDomestic, std, 21, 50000_00, "FV2026-0003", "", 60500_00)}}},
		// 4. A credit note over 10 000 Kč: A.4 with minus signs.
		{nov(5), []Line{{Account: "604", Debit: 20000_00}, {Account: "343", Debit: 4200_00, VAT: vt(out, RegimeDomestic, std, 21, -20000_00, "OD2026-0001", buyer, -24200_00)},
			{Account: "311", Credit: 24200_00}}},
		// 5. The day's cash takings, no document: A.5.
		{nov(6), []Line{{Account: "211", Debit: 12100_33}, {Account: "604", Credit: 10000_28},
			{Account: "343", Credit: 2100_05, VAT: vt(out, RegimeDomestic, std, 21, 10000_28, "", "", 0)}}},
		// 6. A received invoice over 10 000 Kč, its rate without a kind: B.2.
		{nov(7), []Line{{Account: "501", Debit: 30000_00}, {Account: "343", Debit: 6300_00, VAT: vt(in, RegimeDomestic, "", 21, 30000_00, "2026/1187", supplier, 36300_00)},
			{Account: "321", Credit: 36300_00}}},
		// 7. A small received invoice at the reduced rate: B.3.
		{nov(8), []Line{{Account: "501", Debit: 1000_00}, {Account: "343", Debit: 120_00, VAT: vt(in, RegimeDomestic, "", 12, 1000_00, "P-77", buyer2, 1120_00)},
			{Account: "321", Credit: 1120_00}}},
		// 8. Goods acquired from Germany, tax self-assessed: ř. 3 and 43, A.2.
		{nov(9), []Line{{Account: "132", Debit: 40000_00}, {Account: "321", Credit: 40000_00},
			{Account: "343", Credit: 8400_00, VAT: vt(out, RegimeEUGoods, std, 21, 40000_00, "RE-5512", "DE123456789", 40000_00)},
			{Account: "343", Debit: 8400_00, VAT: vt(in, RegimeEUGoods, std, 21, 40000_00, "RE-5512", "DE123456789", 40000_00)}}},
		// 9. A service received from Ireland: ř. 5 and 43, A.2.
		{nov(10), []Line{{Account: "518", Debit: 5000_00}, {Account: "321", Credit: 5000_00},
			{Account: "343", Credit: 1050_00, VAT: vt(out, RegimeEUServices, std, 21, 5000_00, "INV-77", "IE9692928F", 5000_00)},
			{Account: "343", Debit: 1050_00, VAT: vt(in, RegimeEUServices, std, 21, 5000_00, "INV-77", "IE9692928F", 5000_00)}}},
		// 10. Goods to Slovakia, §64: ř. 20, EU sales list code 0.
		{nov(11), []Line{{Account: "311", Debit: 80000_00}, {Account: "604", Credit: 80000_00, VAT: vt(out, RegimeEUGoods, "", 0, 80000_00, "FV2026-0004", "SK2020202020", 80000_00)}}},
		{nov(25), []Line{{Account: "311", Debit: 1000_50}, {Account: "604", Credit: 1000_50, VAT: vt(out, RegimeEUGoods, "", 0, 1000_50, "FV2026-0009", "SK2020202020", 1000_50)}}},
		// 11. A service to Austria, §9(1): ř. 21, code 3.
		{nov(12), []Line{{Account: "311", Debit: 12000_00}, {Account: "602", Credit: 12000_00, VAT: vt(out, RegimeEUServices, "", 0, 12000_00, "FV2026-0005", "ATU12345678", 12000_00)}}},
		// 12. A service to Switzerland: outside the EU, ř. 26, not on the list.
		{nov(13), []Line{{Account: "311", Debit: 7000_00}, {Account: "602", Credit: 7000_00, VAT: vt(out, RegimeEUServices, "", 0, 7000_00, "FV2026-0010", "CHE123456789", 7000_00)}}},
		// 13. An export, §66: ř. 22.
		{nov(14), []Line{{Account: "311", Debit: 30000_00}, {Account: "604", Credit: 30000_00, VAT: vt(out, RegimeExport, "", 0, 30000_00, "FV2026-0006", "", 30000_00)}}},
		// 14. A §92a supply: ř. 25, A.1 (any amount).
		{nov(15), []Line{{Account: "311", Debit: 200000_00}, {Account: "602", Credit: 200000_00, VAT: rc(vt(out, RegimeReverseCZ, std, 21, 200000_00, "FV2026-0007", buyer, 200000_00), "4")}}},
		// 15. A §92a supply received, tax self-assessed: ř. 10 and 43, B.1
		// (recorded without the code of the supply).
		{nov(16), []Line{{Account: "518", Debit: 50000_00}, {Account: "321", Credit: 50000_00},
			{Account: "343", Credit: 10500_00, VAT: vt(out, RegimeReverseCZ, std, 21, 50000_00, "ZF-12", rcSupp, 50000_00)},
			{Account: "343", Debit: 10500_00, VAT: vt(in, RegimeReverseCZ, std, 21, 50000_00, "ZF-12", rcSupp, 50000_00)}}},
		// 16. An exempt supply, §56a: ř. 50.
		{nov(17), []Line{{Account: "311", Debit: 3000_00}, {Account: "602", Credit: 3000_00, VAT: &VATTag{Side: out, Regime: RegimeExempt, Kind: VATZero, Base: 3000_00, Exempt: "§56a", Doc: "FV2026-0008", DocTotal: 3000_00}}}},
		// 17. Import VAT assessed by the customs office: ř. 42, not in the statement.
		{nov(18), []Line{{Account: "343", Debit: 4200_00, VAT: vt(in, RegimeExport, std, 21, 20000_00, "JSD-99", "", 4200_00)}, {Account: "321", Credit: 4200_00}}},
		// 18. October's VAT paid to the tax office: a settlement.
		{nov(20), []Line{{Account: "343", Debit: 50000_00, VAT: &VATTag{Regime: RegimeSettlement}}, {Account: "221", Credit: 50000_00}}},
		// 19. An exempt purchase (a stamp): no tax, not on the return.
		{nov(21), []Line{{Account: "548", Debit: 100_00, VAT: &VATTag{Side: in, Regime: RegimeExempt, Kind: VATZero, Base: 100_00}}, {Account: "211", Credit: 100_00}}},
	}
	var entries []Entry
	for i, e := range es {
		n := strconv.Itoa(i + 1)
		entries = append(entries, Entry{ID: "e" + n, Number: "ID2026-" + n, Date: e.date, Lines: e.lines})
	}
	return entries
}

// fixturePostings are the fixture's tagged lines as VATPostings reads them.
func fixturePostings() []VATPosting {
	var ps []VATPosting
	for _, e := range fixtureEntries() {
		ps = append(ps, VATPostingsOf(e, "343")...)
	}
	return ps
}
