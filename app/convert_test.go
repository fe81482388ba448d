package app

import "testing"

// The convert matrix: quote → order → invoice, a quote straight into an
// invoice; nothing else, and only from an issued source.
func TestConvertDoc(t *testing.T) {
	today := D(2026, 11, 28)
	cust := &Customer{ID: "c1", PaymentDays: 14}
	src := func(kind DocKind, status DocStatus) SalesDoc {
		return SalesDoc{ID: "src", Branch: "HQ", Kind: kind, Status: status, Number: "NA2026-0001", CustomerID: "c1",
			Customer: Party{Name: "Novák s.r.o."}, Currency: "EUR", ExchangeRate: RateMicro(25_000_000), CashRounding: true,
			PaymentMethod: PayCash, Regime: RegimeEUServices, Note: "poznámka", Revision: 2,
			Lines: []DocLine{{Text: "Stůl", Quantity: Q(1), UnitPrice: 10000}}, Totals: DocTotals{Total: 10000}}
	}
	kinds := []DocKind{KindQuote, KindOrder, KindInvoice, KindCreditNote}
	allowed := map[[2]DocKind]DocStatus{
		{KindQuote, KindOrder}:   StatusAccepted,
		{KindQuote, KindInvoice}: StatusAccepted,
		{KindOrder, KindInvoice}: StatusInvoiced,
	}
	for _, from := range kinds {
		for _, to := range kinds {
			for _, status := range []DocStatus{StatusIssued, StatusDraft, StatusAccepted, StatusInvoiced} {
				name := string(from) + "→" + string(to) + " " + string(status)
				t.Run(name, func(t *testing.T) {
					s := src(from, status)
					next, s2, err := ConvertDoc(s, to, cust, "new", payNow, today)
					want, ok := allowed[[2]DocKind{from, to}]
					switch {
					case !ok:
						wantErr(t, err, "doc.kind", "err.doc.convert")
					case status != StatusIssued:
						wantErr(t, err, "", "err.doc.convert_status")
					default:
						wantErr(t, err, "", "")
					}
					if err != nil {
						if s2.Status != status || s2.Revision != 2 {
							t.Fatalf("refused conversion changed the source: %+v", s2)
						}
						return
					}
					if s2.Status != want || s2.Revision != 3 || !s2.Updated.Equal(payNow) {
						t.Fatalf("source %s rev %d", s2.Status, s2.Revision)
					}
					if next.ID != "new" || next.Kind != to || next.Status != StatusDraft || next.SourceID != "src" || next.Number != "" ||
						next.IssueDate != today || next.TaxDate != today || next.DueDate != today.AddDays(14) || next.Branch != "HQ" ||
						next.Currency != "EUR" || next.Regime != RegimeEUServices || !next.CashRounding || next.PaymentMethod != PayCash ||
						next.Note != "poznámka" || len(next.Lines) != 1 || next.Totals.Total != 10000 || !next.Created.Equal(payNow) || next.Revision != 0 {
						t.Fatalf("next %+v", next)
					}
					next.Lines[0].Text = "changed"
					if s.Lines[0].Text != "Stůl" {
						t.Fatal("the draft shares its lines with the source")
					}
				})
			}
		}
	}
}

// Without the customer record the draft has no due date yet.
func TestConvertDocWithoutCustomer(t *testing.T) {
	s := SalesDoc{ID: "src", Kind: KindOrder, Status: StatusIssued}
	next, _, err := ConvertDoc(s, KindInvoice, nil, "new", payNow, D(2026, 11, 28))
	if err != nil || !next.DueDate.IsZero() {
		t.Fatalf("due %v, err %v", next.DueDate, err)
	}
}
