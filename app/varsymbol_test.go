package app

import "testing"

// TestDocVariableSymbol: a credit note took the digits of its number as
// its variable symbol, the same as the invoice with the same counter
// (OD2026-0001 and FV2026-0001 both 20260001). Now it has its own.
func TestDocVariableSymbol(t *testing.T) {
	cases := []struct {
		kind   DocKind
		number string
		want   string
	}{
		{KindInvoice, "FV2026-0001", "20260001"},
		{KindCreditNote, "OD2026-0001", "920260001"},
		{KindInvoice, "FV2026-000001", "2026000001"},
		{KindCreditNote, "OD2026-000001", "9026000001"},
		{KindCreditNote, "OD2026-1234567", "9261234567"},
		{KindCreditNote, "ODX", ""},
		{KindOrder, "OB2026-0007", "20260007"},
	}
	for _, c := range cases {
		got := DocVariableSymbol(c.kind, c.number)
		if got != c.want || len(got) > 10 {
			t.Errorf("DocVariableSymbol(%s, %q) = %q, want %q", c.kind, c.number, got, c.want)
		}
		if c.kind == KindCreditNote && got != "" && got == VariableSymbolOf("FV"+c.number[2:]) {
			t.Errorf("%s: the credit note's symbol %s is the invoice's", c.number, got)
		}
	}
}
