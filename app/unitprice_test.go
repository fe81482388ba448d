package app

import "testing"

func TestNetUnitPrice(t *testing.T) {
	payer := Party{VATPayer: true}
	gross := SalesDoc{Supplier: payer, Currency: "CZK", PricesIncludeVAT: true}
	net := SalesDoc{Supplier: payer, Currency: "CZK"}
	cases := []struct {
		name string
		d    SalesDoc
		l    DocLine
		want int64
	}{
		{"121 at 21 %", gross, DocLine{UnitPrice: 12100, VATRate: RatePercent(21)}, 10000},
		{"100 at 21 % rounds the VAT 17,355 up", gross, DocLine{UnitPrice: 10000, VATRate: RatePercent(21)}, 8264},
		{"99,99 at 12 %: VAT 10,713 rounds down", gross, DocLine{UnitPrice: 9999, VATRate: RatePercent(12)}, 8928},
		{"0,05 at 21 %: VAT 0,0087 rounds to 0,01", gross, DocLine{UnitPrice: 5, VATRate: RatePercent(21)}, 4},
		{"negative price, half-up away from zero", gross, DocLine{UnitPrice: -10000, VATRate: RatePercent(21)}, -8264},
		{"zero rate", gross, DocLine{UnitPrice: 10000, VATRate: RatePercent(0)}, 10000},
		{"net prices stay", net, DocLine{UnitPrice: 10000, VATRate: RatePercent(21)}, 10000},
		{"non-payer", SalesDoc{Currency: "CZK", PricesIncludeVAT: true}, DocLine{UnitPrice: 10000, VATRate: RatePercent(21)}, 10000},
		{"EUR cents", SalesDoc{Supplier: payer, Currency: "EUR", PricesIncludeVAT: true}, DocLine{UnitPrice: 2550, VATRate: RatePercent(21)}, 2107},
	}
	for _, c := range cases {
		if got := NetUnitPrice(c.d, c.l); got != c.want {
			t.Errorf("%s: NetUnitPrice = %d, want %d", c.name, got, c.want)
		}
	}
}
