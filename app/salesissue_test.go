package app

import (
	"testing"
	"time"
)

func TestIssued(t *testing.T) {
	updated := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		name   string
		kind   DocKind
		vs     string
		number string
		wantVS string
	}{
		{"invoice", KindInvoice, "", "FV2026-0001", "20260001"},
		{"typed symbol kept", KindInvoice, "777", "FV2026-0001", "777"},
		{"credit note", KindCreditNote, "", "OD2026-0001", "920260001"},
		{"quote", KindQuote, "", "NA2026-0012", "20260012"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := SalesDoc{Kind: tc.kind, Status: StatusDraft, VariableSymbol: tc.vs, Revision: 4, Updated: updated}
			got := Issued(d, tc.number, payNow)
			if got.Number != tc.number || got.VariableSymbol != tc.wantVS || got.Status != StatusIssued || got.Revision != 5 ||
				!got.Issued.Equal(payNow) || !got.Updated.Equal(payNow) {
				t.Fatalf("issued %+v", got)
			}
			if d.Status != StatusDraft {
				t.Fatal("the draft changed")
			}
		})
	}
}

func TestSalesEntry(t *testing.T) {
	c := payCompany()
	inv := czInvoice(c, DocLine{Text: "Stůl", Quantity: Q(1), UnitPrice: 10000, VATKind: VATStandard})
	cn := creditOf(inv, Q(1))
	cn.Number = "OD2026-0001"
	cn.Totals = ComputeTotals(WithRates(cn, c), "CZK")
	quote := inv
	quote.Kind = KindQuote
	zero := inv
	zero.Totals = DocTotals{}
	broken := inv
	broken.Totals.TotalCZK++ // 311 would not match revenue and VAT
	cases := []struct {
		name      string
		d         SalesDoc
		none      bool
		code      string
		memo, key string
		r311      int64 // debit (credit negative) of 311
	}{
		{"invoice", inv, false, "", "Faktura FV2026-0001 – Novák s.r.o.", "memo.invoice", 12100},
		{"credit note", cn, false, "", "Opravný doklad OD2026-0001 – Novák s.r.o.", "memo.credit_note", -12100},
		{"a quote posts nothing", quote, true, "", "", "", 0},
		{"a zero total posts nothing", zero, true, "", "", "", 0},
		{"unbalanced is internal", broken, true, EINTERNAL, "", "", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e, err := SalesEntry(tc.d, c)
			if ErrorCode(err) != tc.code && (err != nil || tc.code != "") {
				t.Fatalf("error %v, want code %q", err, tc.code)
			}
			if tc.none {
				if e != nil {
					t.Fatalf("unexpected entry %+v", e)
				}
				return
			}
			if e == nil || e.Memo != tc.memo || e.MemoKey != tc.key || e.Source != string(tc.d.Kind)+":"+tc.d.ID || e.Date != tc.d.TaxDate {
				t.Fatalf("entry %+v", e)
			}
			if e.Lines[0].Account != "311" || e.Lines[0].Debit-e.Lines[0].Credit != tc.r311 {
				t.Fatalf("311 line %+v", e.Lines[0])
			}
			if err := e.Validate(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
