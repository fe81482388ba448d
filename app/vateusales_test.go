package app

import (
	"reflect"
	"testing"
)

func TestEUSales(t *testing.T) {
	s := BuildEUSales(fixturePostings(), nov(1), nov(30), "343")
	want := []EUSalesLine{
		{Country: "AT", VATNumber: "U12345678", Code: EUCodeServices, Base: 12000_00, Count: 1},
		// Two invoices to one customer: one line, two supplies.
		{Country: "SK", VATNumber: "2020202020", Code: EUCodeGoods, Base: 81000_50, Count: 2},
	}
	if !reflect.DeepEqual(s.Lines, want) {
		t.Errorf("lines %+v", s.Lines)
	}
	if s.Lines[1].Value() != 81001 || !s.HasGoods() {
		t.Errorf("value %d, goods %v", s.Lines[1].Value(), s.HasGoods())
	}
	// The list agrees with the return: ř. 20 goods, ř. 21 services (the
	// Swiss service is ř. 26 and not on the list).
	r := BuildVATReturn(fixturePostings(), nov(1), nov(30), "343", nil)
	if s.Total(EUCodeGoods) != r.Row(20).Base || s.Total(EUCodeServices) != r.Row(21).Base || s.Total("") != 93000_50 {
		t.Errorf("goods %d (ř. 20 %d), services %d (ř. 21 %d)", s.Total(EUCodeGoods), r.Row(20).Base, s.Total(EUCodeServices), r.Row(21).Base)
	}
	// A credit note reduces its customer's line; a Czech partner (a
	// mistagged domestic sale) and the self-assessed lines are left out.
	cn := Entry{ID: "cn", Number: "cn", Date: nov(28), Lines: []Line{
		{Account: "604", Debit: 500_00, VAT: vt(VATOut, RegimeEUGoods, "", 0, -500_00, "OD2026-0009", "SK2020202020", -500_00)},
		{Account: "604", Debit: 10_00, VAT: vt(VATOut, RegimeEUGoods, "", 0, 10_00, "FV-X", "CZ45274649", 10_00)},
	}}
	s = BuildEUSales(append(fixturePostings(), VATPostingsOf(cn, "343")...), nov(1), nov(30), "343")
	if len(s.Lines) != 2 || s.Lines[1].Base != 80500_50 || s.Lines[1].Count != 3 {
		t.Errorf("with the credit note %+v", s.Lines)
	}
}
