package app

import (
	"testing"
	"time"
)

func TestPrepareDraft(t *testing.T) {
	c := payCompany()
	created := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	cust := &Customer{ID: "c1", Name: "Novák s.r.o.", Street: "Dlouhá 1", City: "Praha", Lang: English}
	line := DocLine{Text: "Stůl", Quantity: Q(1), UnitPrice: 10000, VATKind: VATStandard}
	stored := SalesDoc{ID: "d1", Branch: "BR", Kind: KindInvoice, Status: StatusDraft, Revision: 3, Created: created,
		SourceID: "order", OriginalID: "orig", OriginalNo: "FV2026-0009"}
	issued := stored
	issued.Status, issued.Number = StatusIssued, "FV2026-0001"
	edit := func(mod func(*SalesDoc)) SalesDoc {
		d := SalesDoc{ID: "d1", Kind: KindInvoice, Revision: 3, CustomerID: "c1", TaxDate: D(2026, 11, 2), Lines: []DocLine{line},
			Number: "X", Paid: 5, Credited: 6, EntryID: "e", SourceID: "forged", Branch: "forged"}
		if mod != nil {
			mod(&d)
		}
		return d
	}
	cases := []struct {
		name       string
		d          SalesDoc
		old        *SalesDoc
		cust       *Customer
		code, key  string
		field      string
		action     string
		id, branch string
		revision   int
	}{
		{"new", edit(func(d *SalesDoc) { d.ID, d.Revision = "", 0 }), nil, cust, "", "", "", "create", "new", "HQ", 0},
		{"update", edit(nil), &stored, cust, "", "", "", "update", "d1", "BR", 4},
		{"stale revision", edit(func(d *SalesDoc) { d.Revision = 2 }), &stored, cust, ECONFLICT, "err.doc.stale", "", "", "", "", 0},
		{"issued meanwhile", edit(nil), &issued, cust, ECONFLICT, "err.doc.issued", "", "", "", "", 0},
		{"kind changed", edit(func(d *SalesDoc) { d.Kind = KindQuote }), &stored, cust, EINVALID, "err.doc.kind_fixed", "doc.kind", "", "", "", 0},
		{"gone", edit(nil), nil, cust, ENOTFOUND, "err.doc.not_found", "", "", "", "", 0},
		{"no customer yet", edit(func(d *SalesDoc) { d.ID, d.CustomerID, d.Revision = "", "", 0 }), nil, nil, "", "", "", "create", "new", "HQ", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, action, err := PrepareDraft(tc.d, tc.old, c, tc.cust, "new", payNow)
			wantErr(t, err, tc.field, tc.key)
			if err != nil {
				if ErrorCode(err) != tc.code {
					t.Fatalf("code %s, want %s", ErrorCode(err), tc.code)
				}
				return
			}
			if action != tc.action || d.ID != tc.id || d.Branch != tc.branch || d.Revision != tc.revision || d.Status != StatusDraft {
				t.Fatalf("action %s id %s branch %s revision %d status %s", action, d.ID, d.Branch, d.Revision, d.Status)
			}
			if d.Number != "" || d.Paid != 0 || d.Credited != 0 || d.EntryID != "" || !d.Updated.Equal(payNow) || d.Currency != "CZK" {
				t.Fatalf("draft keeps %+v", d)
			}
			if tc.old != nil && (!d.Created.Equal(created) || d.SourceID != "order" || d.OriginalID != "orig" || d.OriginalNo != "FV2026-0009") {
				t.Fatalf("update lost what the stored draft had: %+v", d)
			}
			if tc.old == nil && (!d.Created.Equal(payNow) || d.SourceID != "forged") {
				t.Fatalf("new draft %+v", d)
			}
			if tc.cust != nil && (d.Customer.Name != "Novák s.r.o." || d.Lang != English) {
				t.Fatalf("customer %+v lang %s", d.Customer, d.Lang)
			}
			if d.Supplier.Name != c.Name || !d.Supplier.VATPayer {
				t.Fatalf("supplier %+v", d.Supplier)
			}
			if d.Totals.VAT != 2100 || d.Totals.Total != 12100 {
				t.Fatalf("totals %+v: VAT on the DUZP's rate", d.Totals)
			}
			if d.Lines[0].VATRate != (Rate{}) {
				t.Fatal("the stored line got a rate: only issuing fixes rates")
			}
		})
	}
}

func TestCanDeleteDraft(t *testing.T) {
	for _, st := range []DocStatus{StatusDraft, StatusIssued, StatusAccepted, StatusInvoiced} {
		err := CanDeleteDraft(SalesDoc{Status: st, Number: "FV2026-0001"})
		if st == StatusDraft {
			wantErr(t, err, "", "")
		} else {
			wantErr(t, err, "", "err.doc.issued")
		}
	}
}
