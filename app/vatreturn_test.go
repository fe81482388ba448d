package app

import (
	"testing"
	"time"
)

func TestParseVATPeriod(t *testing.T) {
	for _, tc := range []struct {
		in          string
		want        string
		first, last Date
	}{
		{"2026-11", "2026-11", nov(1), nov(30)},
		{" 11/2026 ", "2026-11", nov(1), nov(30)},
		{"2026-2", "2026-02", D(2026, time.February, 1), D(2026, time.February, 28)},
		{"2026-Q4", "2026-Q4", D(2026, time.October, 1), D(2026, time.December, 31)},
		{"q1/2024", "2024-Q1", D(2024, time.January, 1), D(2024, time.March, 31)},
	} {
		p, err := ParseVATPeriod(tc.in)
		if err != nil || p.String() != tc.want || p.First() != tc.first || p.Last() != tc.last {
			t.Errorf("%q: %v %v %v–%v", tc.in, p, err, p.First(), p.Last())
		}
	}
	if p, _ := ParseVATPeriod("2026-Q4"); len(p.Months()) != 3 || p.Months()[2] != (Month{2026, time.December}) {
		t.Errorf("months of Q4: %v", p.Months())
	}
	for _, bad := range []string{"", "2026", "2026-13", "2026-0", "2026-Q5", "2026-Q", "26-11", "2026/11/01", "listopad", "2026-11-01"} {
		if _, err := ParseVATPeriod(bad); err == nil || ErrorCode(err) != EINVALID {
			t.Errorf("%q accepted: %v", bad, err)
		}
	}
}

func TestWholeCZK(t *testing.T) {
	for in, want := range map[int64]int64{0: 0, 49: 0, 50: 1, 149: 1, 150: 2, -49: 0, -50: -1, -150: -2, 3045005: 30450, 24050: 241} {
		if got := WholeCZK(in); got != want {
			t.Errorf("WholeCZK(%d) = %d, want %d", in, got, want)
		}
	}
}

// TestVATReturnRowOf places one posting of each kind.
func TestVATReturnRowOf(t *testing.T) {
	rates := DefaultVATRates()
	for _, tc := range []struct {
		name  string
		acct  string
		tag   *VATTag
		row   int
		other int // an import's deduction when the same entry self-assesses it
	}{
		{"domestic sale 21", "343", vt(VATOut, RegimeDomestic, VATStandard, 21, 100, "", "", 0), 1, 0},
		{"domestic sale 12", "343", vt(VATOut, RegimeDomestic, VATReduced, 12, 100, "", "", 0), 2, 0},
		{"domestic sale, kind from the rate", "343", vt(VATOut, RegimeDomestic, "", 12, 100, "", "", 0), 2, 0},
		{"acquisition 21", "343", vt(VATOut, RegimeEUGoods, "", 21, 100, "", "DE1", 0), 3, 0},
		{"acquisition 12", "343", vt(VATOut, RegimeEUGoods, VATReduced, 12, 100, "", "DE1", 0), 4, 0},
		{"EU service received", "343", vt(VATOut, RegimeEUServices, VATStandard, 21, 100, "", "IE1", 0), 5, 0},
		{"EU service received 12", "343", vt(VATOut, RegimeEUServices, VATReduced, 12, 100, "", "IE1", 0), 6, 0},
		{"service from outside the EU", "343", vt(VATOut, RegimeEUServices, VATStandard, 21, 100, "", "US12", 0), 12, 0},
		{"import self-assessed", "343", vt(VATOut, RegimeExport, VATStandard, 21, 100, "", "", 0), 7, 0},
		{"§92a received", "343", vt(VATOut, RegimeReverseCZ, VATReduced, 12, 100, "", "CZ1", 0), 11, 0},
		{"§64 supply", "604", vt(VATOut, RegimeEUGoods, "", 0, 100, "", "SK1", 0), 20, 0},
		{"§9(1) supply", "602", vt(VATOut, RegimeEUServices, "", 0, 100, "", "ATU1", 0), 21, 0},
		{"service outside the EU", "602", vt(VATOut, RegimeEUServices, "", 0, 100, "", "NO123", 0), 26, 0},
		{"§66 export", "604", vt(VATOut, RegimeExport, "", 0, 100, "", "", 0), 22, 0},
		{"§92a supply", "602", vt(VATOut, RegimeReverseCZ, VATStandard, 21, 100, "", "CZ1", 0), 25, 0},
		{"§51 exempt", "602", vt(VATOut, RegimeExempt, VATZero, 0, 100, "", "", 0), 50, 0},
		{"domestic purchase 21", "343", vt(VATIn, RegimeDomestic, "", 21, 100, "", "", 0), 40, 0},
		{"domestic purchase 12", "343", vt(VATIn, RegimeDomestic, VATReduced, 12, 100, "", "", 0), 41, 0},
		{"import by customs", "343", vt(VATIn, RegimeExport, VATStandard, 21, 100, "", "", 0), 42, 43},
		{"acquisition deducted", "343", vt(VATIn, RegimeEUGoods, VATStandard, 21, 100, "", "", 0), 43, 43},
		{"§92a deducted 12", "343", vt(VATIn, RegimeReverseCZ, "", 12, 100, "", "", 0), 44, 44},
		{"exempt purchase", "548", vt(VATIn, RegimeExempt, VATZero, 0, 100, "", "", 0), 0, 0},
		{"VAT on an exempt supply", "343", vt(VATOut, RegimeExempt, VATZero, 0, 100, "", "", 0), 0, 0},
		{"domestic sale without tax", "604", vt(VATOut, RegimeDomestic, VATStandard, 21, 100, "", "", 0), 0, 0},
	} {
		p := VATPosting{Date: nov(2), EntryID: "e", Account: tc.acct, Tag: *tc.tag}
		kind := vatKindOf(p.Tag, p.Date, rates)
		if got := vatReturnRow(p, tc.acct == "343", kind, false); got != tc.row {
			t.Errorf("%s: row %d, want %d", tc.name, got, tc.row)
		}
		if tc.other != 0 {
			if got := vatReturnRow(p, true, kind, true); got != tc.other {
				t.Errorf("%s with a self-assessed import: row %d, want %d", tc.name, got, tc.other)
			}
		}
	}
}

// TestVATReturn: the fixture month, every row worked out by hand, and the
// reconciliation — output minus deductions of the return equals the movement
// of 343 less the settlements, to the haléř.
func TestVATReturn(t *testing.T) {
	ps := fixturePostings()
	r := BuildVATReturn(ps, nov(1), nov(30), "343", DefaultVATRates())
	want := map[int]VATAmounts{
		1: {145000_28, 30450_05}, 2: {2004_17, 240_50}, 3: {40000_00, 8400_00}, 5: {5000_00, 1050_00},
		10: {50000_00, 10500_00}, 20: {81000_50, 0}, 21: {12000_00, 0}, 22: {30000_00, 0}, 25: {200000_00, 0},
		26: {7000_00, 0}, 40: {30000_00, 6300_00}, 41: {1000_00, 120_00}, 42: {20000_00, 4200_00},
		43: {95000_00, 19950_00}, 50: {3000_00, 0},
	}
	for n := 1; n < vatRowMax; n++ {
		if got := r.Row(n); got != want[n] {
			t.Errorf("ř. %d = %+v, want %+v", n, got, want[n])
		}
	}
	if len(r.Unplaced) != 0 {
		t.Errorf("unplaced %+v", r.Unplaced)
	}
	if r.Output() != 50640_55 || r.Deductions() != 30570_00 || r.Net() != 20070_55 {
		t.Errorf("output %d, deductions %d, net %d", r.Output(), r.Deductions(), r.Net())
	}
	// Whole koruny: each row rounded, the results from the rounded rows
	// (ř. 2's 240,50 is 241, so ř. 62 is 50 641 though the haléře give 50 640,55).
	if w := r.Whole(1); w != (VATAmounts{145000, 30450}) {
		t.Errorf("ř. 1 whole %+v", w)
	}
	if w := r.Whole(20); w != (VATAmounts{81001, 0}) {
		t.Errorf("ř. 20 whole %+v", w)
	}
	if res := r.Result(); res != (VATResult{R46: 30570, R62: 50641, R63: 30570, R64: 20071}) {
		t.Errorf("result %+v", res)
	}
	// The reconciliation, from the entries' own lines on 343.
	var movement, settlements int64
	for _, e := range fixtureEntries() {
		for _, l := range e.Lines {
			if l.Account != "343" {
				continue
			}
			if l.VAT.Regime == RegimeSettlement {
				settlements += l.Debit - l.Credit
			} else {
				movement += l.Debit - l.Credit
			}
		}
	}
	if r.Net() != -movement || r.Movement != movement || r.Settlements != settlements || settlements != 50000_00 {
		t.Errorf("net %d, 343 moved %d (return says %d), settlements %d (%d)", r.Net(), movement, r.Movement, settlements, r.Settlements)
	}
	if !r.HasSupplies() || (VATReturn{}).HasSupplies() {
		t.Error("HasSupplies")
	}
	// More deductions than output: an excess deduction (ř. 65).
	only := BuildVATReturn(ps[len(ps)-4:], nov(1), nov(30), "343", nil)
	if res := only.Result(); res.R64 != 0 || res.R65 != 4200 || res.R63 != 4200 {
		t.Errorf("excess deduction %+v", res)
	}
}

// TestVATReturnUnplaced: a posting no row takes is listed, and the
// reconciliation shows it.
func TestVATReturnUnplaced(t *testing.T) {
	e := Entry{ID: "x", Number: "ID2026-9", Date: nov(3), Lines: []Line{
		{Account: "311", Debit: 1210_00}, {Account: "602", Credit: 1000_00},
		{Account: "343", Credit: 210_00, VAT: &VATTag{Side: VATOut, Regime: RegimeExempt, Base: 1000_00}},
	}}
	r := BuildVATReturn(VATPostingsOf(e, "343"), nov(1), nov(30), "343", nil)
	if len(r.Unplaced) != 1 || r.Net() != 0 || r.Movement != -210_00 {
		t.Errorf("unplaced %+v, net %d, movement %d", r.Unplaced, r.Net(), r.Movement)
	}
}

func TestInEU(t *testing.T) {
	for id, want := range map[string]bool{"SK2020202020": true, "el123": true, "ATU1": true, "CHE123": false, "US12": false, "GB123": false, "12345": true, "": true, "XI123": true} {
		if InEU(id) != want {
			t.Errorf("InEU(%q) = %v", id, !want)
		}
	}
}
