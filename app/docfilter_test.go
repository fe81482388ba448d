package app

import (
	"testing"
	"time"
)

func TestDocFilterMatch(t *testing.T) {
	today := D(2026, 11, 28)
	inv := SalesDoc{Kind: KindInvoice, Status: StatusIssued, Number: "FV2026-0007", CustomerID: "c1",
		Customer: Party{Name: "Truhlářství Novák", ICO: "12345678"}, IssueDate: D(2026, 11, 2), DueDate: D(2026, 11, 16),
		Totals: DocTotals{Total: 12100}}
	paid := inv
	paid.Paid = 12100
	draft := SalesDoc{Kind: KindQuote, Status: StatusDraft, CustomerID: "c2", Customer: Party{Name: "Šťastná"},
		Created: time.Date(2026, 10, 5, 12, 0, 0, 0, time.UTC)}
	cases := []struct {
		name string
		f    DocFilter
		d    SalesDoc
		want bool
	}{
		{"empty filter", DocFilter{}, inv, true},
		{"kind", DocFilter{Kind: KindInvoice}, inv, true},
		{"other kind", DocFilter{Kind: KindQuote}, inv, false},
		{"customer", DocFilter{Customer: "c1"}, inv, true},
		{"other customer", DocFilter{Customer: "c2"}, inv, false},
		{"overdue today", DocFilter{Status: StatusOverdue}, inv, true},
		{"issued is not the status today", DocFilter{Status: StatusIssued}, inv, false},
		{"paid", DocFilter{Status: StatusPaid}, paid, true},
		{"in the period", DocFilter{From: D(2026, 11, 1), To: D(2026, 11, 30)}, inv, true},
		{"first day", DocFilter{From: D(2026, 11, 2)}, inv, true},
		{"before the period", DocFilter{From: D(2026, 11, 3)}, inv, false},
		{"after the period", DocFilter{To: D(2026, 11, 1)}, inv, false},
		{"draft by creation day", DocFilter{From: D(2026, 10, 1), To: D(2026, 10, 31)}, draft, true},
		{"draft outside", DocFilter{From: D(2026, 11, 1)}, draft, false},
		{"number", DocFilter{Search: "fv2026-0007"}, inv, true},
		{"name without accents", DocFilter{Search: "truhlarstvi"}, inv, true},
		{"two words", DocFilter{Search: "NOVÁK 0007"}, inv, true},
		{"IČO", DocFilter{Search: "12345678"}, inv, true},
		{"one word missing", DocFilter{Search: "novák dvořák"}, inv, false},
		{"accented search of a draft", DocFilter{Search: "stastna"}, draft, true},
		{"all at once", DocFilter{Kind: KindInvoice, Status: StatusOverdue, Customer: "c1", From: D(2026, 11, 1), Search: "novak"}, inv, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.f.Match(tc.d, today); got != tc.want {
				t.Fatalf("Match = %v", got)
			}
			if got := tc.f.Matcher(today)(tc.d); got != tc.want {
				t.Fatalf("Matcher = %v", got)
			}
		})
	}
}

func TestDocFilterValidateAndWords(t *testing.T) {
	wantErr(t, DocFilter{From: D(2026, 11, 2), To: D(2026, 11, 1)}.Validate(), "filter.to", "err.period.reversed")
	wantErr(t, DocFilter{From: D(2026, 11, 2), To: D(2026, 11, 2)}.Validate(), "", "")
	wantErr(t, DocFilter{To: D(2026, 11, 1)}.Validate(), "", "")
	w := DocFilter{Search: "  Žluťoučký   KŮŇ "}.Words()
	if len(w) != 2 || w[0] != FoldText("žluťoučký") || w[1] != FoldText("kůň") {
		t.Fatalf("words %q", w)
	}
	if len(DocFilter{}.Words()) != 0 {
		t.Fatal("words of no search")
	}
}
