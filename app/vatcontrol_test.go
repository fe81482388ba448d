package app

import (
	"reflect"
	"testing"
)

func kh(std, red VATAmounts) KHAmounts { return KHAmounts{std, red} }

// TestVATControl sorts the fixture month into the sections by hand.
func TestVATControl(t *testing.T) {
	c := BuildVATControl(fixturePostings(), nov(1), nov(30), "343", DefaultVATRates())
	want := VATControl{From: nov(1), To: nov(30),
		A1: []KHDoc{{Partner: "CZ45274649", Doc: "FV2026-0007", Date: nov(15), Amounts: kh(VATAmounts{200000_00, 0}, VATAmounts{}), Total: 200000_00, Code: "4"}},
		A2: []KHDoc{
			{Partner: "DE123456789", Doc: "RE-5512", Date: nov(9), Amounts: kh(VATAmounts{40000_00, 8400_00}, VATAmounts{}), Total: 40000_00},
			{Partner: "IE9692928F", Doc: "INV-77", Date: nov(10), Amounts: kh(VATAmounts{5000_00, 1050_00}, VATAmounts{}), Total: 5000_00},
		},
		// The credit note is over 10 000 Kč by its own correction.
		A4: []KHDoc{
			{Partner: "CZ45274649", Doc: "FV2026-0001", Date: nov(2), Amounts: kh(VATAmounts{100000_00, 21000_00}, VATAmounts{}), Total: 121000_00},
			{Partner: "CZ45274649", Doc: "OD2026-0001", Date: nov(5), Amounts: kh(VATAmounts{-20000_00, -4200_00}, VATAmounts{}), Total: -24200_00},
		},
		// Under the limit (FV2026-0002), no DIČ (FV2026-0003), no document (takings).
		A5: kh(VATAmounts{5000_00 + 50000_00 + 10000_28, 1050_00 + 10500_00 + 2100_05}, VATAmounts{2004_17, 240_50}),
		B1: []KHDoc{{Partner: "CZ27082440", Doc: "ZF-12", Date: nov(16), Amounts: kh(VATAmounts{50000_00, 10500_00}, VATAmounts{}), Total: 50000_00}},
		B2: []KHDoc{{Partner: "CZ00006947", Doc: "2026/1187", Date: nov(7), Amounts: kh(VATAmounts{30000_00, 6300_00}, VATAmounts{}), Total: 36300_00}},
		B3: kh(VATAmounts{}, VATAmounts{1000_00, 120_00}),
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("control statement\n got %+v\nwant %+v", c, want)
	}
	// The control sums agree with the return's rows (the office's checks
	// between the two filings).
	r := BuildVATReturn(fixturePostings(), nov(1), nov(30), "343", DefaultVATRates())
	k := c.Checks()
	for _, x := range []struct {
		name string
		kh   int64
		ret  int64
	}{
		{"ř. 1 = A.4 + A.5", k.Obrat23, r.Row(1).Base},
		{"ř. 2", k.Obrat5, r.Row(2).Base},
		{"ř. 40 = B.2 + B.3", k.Pln23, r.Row(40).Base},
		{"ř. 41", k.Pln5, r.Row(41).Base},
		{"ř. 25 = A.1", k.PlnRezPren, r.Row(25).Base},
		{"ř. 10 = B.1", k.RezPren23, r.Row(10).Base},
		{"ř. 11", k.RezPren5, r.Row(11).Base},
		{"ř. 3–6, 12, 13 = A.2", k.CelkZdA2, r.Row(3).Base + r.Row(4).Base + r.Row(5).Base + r.Row(6).Base + r.Row(12).Base + r.Row(13).Base},
	} {
		if x.kh != x.ret {
			t.Errorf("%s: statement %d, return %d", x.name, x.kh, x.ret)
		}
	}
	if c.MissingCodes() != 1 {
		t.Errorf("%d documents without their §92a code, want B.1's one", c.MissingCodes())
	}
	if k.Obrat23 == 0 || k.CelkZdA2 != 45000_00 || c.Empty() || !(VATControl{}).Empty() {
		t.Errorf("checks %+v", k)
	}
}

// TestVATControlThreshold: the limit is over 10 000 Kč with VAT; a foreign
// partner on a domestic supply is summed; one document over two entries
// stays one row.
func TestVATControlThreshold(t *testing.T) {
	sale := func(id, doc, partner string, total, base, vat int64) Entry {
		return Entry{ID: id, Number: id, Date: nov(2), Lines: []Line{
			{Account: "343", Credit: vat, VAT: vt(VATOut, RegimeDomestic, VATStandard, 21, base, doc, partner, total)}}}
	}
	var ps []VATPosting
	for _, e := range []Entry{
		sale("a", "FV-1", "CZ45274649", 10000_00, 8264_46, 1735_54), // exactly 10 000: summed
		sale("b", "FV-2", "CZ45274649", 10000_01, 8264_47, 1735_54), // 1 haléř over: listed
		sale("c", "FV-3", "SK2020202020", 50000_00, 41322_31, 8677_69),
		sale("d", "FV-4", "cz 25596641", 30000_00, 10000_00, 2100_00),
		sale("e", "FV-4", "CZ25596641", 30000_00, 14793_39, 3106_61),
	} {
		ps = append(ps, VATPostingsOf(e, "343")...)
	}
	c := BuildVATControl(ps, nov(1), nov(30), "343", nil)
	if len(c.A4) != 2 || c.A4[0].Doc != "FV-2" || c.A4[1].Doc != "FV-4" || c.A4[1].Amounts[0] != (VATAmounts{24793_39, 5206_61}) {
		t.Errorf("A.4 %+v", c.A4)
	}
	if c.A5[0] != (VATAmounts{8264_46 + 41322_31, 1735_54 + 8677_69}) {
		t.Errorf("A.5 %+v", c.A5)
	}
}
