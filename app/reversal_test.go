package app

import (
	"strings"
	"testing"
)

func TestReversalEntry(t *testing.T) {
	vat := &VATTag{Side: VATIn, Regime: RegimeDomestic, Kind: VATStandard, Rate: RatePercent(21), Base: 10000}
	manual := Entry{ID: "e1", Number: "2026-000123", Date: D(2026, 3, 10), Memo: "Nájem březen", Lines: []Line{
		{Account: "518", Debit: 10000, Memo: "nájem"},
		{Account: "343", Debit: 2100, Memo: "DPH", VAT: vat},
		{Account: "321", Credit: 12100},
	}}
	withSource := func(src string) Entry { e := manual; e.Source = src; return e }
	long := manual
	long.Memo = strings.Repeat("m", MaxMemo)
	cases := []struct {
		name     string
		orig     Entry
		on       Date
		reversed bool
		key      string
		date     Date
		memo     string
	}{
		{name: "on the entry's day", orig: manual, date: D(2026, 3, 10), memo: "Storno 2026-000123 – Nájem březen"},
		{name: "on another day", orig: manual, on: D(2026, 4, 1), date: D(2026, 4, 1), memo: "Storno 2026-000123 – Nájem březen"},
		{name: "a long memo is cut", orig: long, date: D(2026, 3, 10), memo: string([]rune("Storno 2026-000123 – " + long.Memo)[:MaxMemo])},
		{name: "reversed already", orig: manual, reversed: true, key: "err.entry.reversed"},
		{name: "a reversal", orig: withSource("reversal:e0"), key: "err.entry.reversal_of_reversal"},
		{name: "an invoice's entry", orig: withSource("invoice:d1"), key: "err.entry.from_document"},
		{name: "a payment's entry", orig: withSource("payment:p1"), key: "err.entry.from_document"},
		{name: "a year's closing", orig: withSource(YearCloseSource(2025)), key: "err.entry.from_document"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rev, err := ReversalEntry(tc.orig, tc.on, tc.reversed)
			code, key, _ := refusal(err)
			if key != tc.key || (key != "" && code != ECONFLICT) {
				t.Fatalf("got %s %q (%v), want %q", code, key, err, tc.key)
			}
			if err != nil {
				return
			}
			if rev.Date != tc.date || rev.Source != "reversal:e1" || rev.Memo != tc.memo || rev.MemoKey != "memo.reversal" {
				t.Errorf("entry %v %q %q %q", rev.Date, rev.Source, rev.Memo, rev.MemoKey)
			}
			for i, l := range rev.Lines {
				o := tc.orig.Lines[i]
				if l.Account != o.Account || l.Debit != o.Credit || l.Credit != o.Debit || l.Memo != o.Memo {
					t.Errorf("line %d: %+v reverses %+v", i, l, o)
				}
			}
			if tag := rev.Lines[1].VAT; tag == nil || tag.Base != -10000 || tag.Side != VATIn {
				t.Errorf("VAT tag not reversed: %+v", tag)
			}
		})
	}
}
