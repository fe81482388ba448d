package app

import "testing"

func TestInquiryMove(t *testing.T) {
	quote := &SalesDoc{ID: "D1", Kind: KindQuote, CustomerID: "C1"}
	other := &SalesDoc{ID: "D2", Kind: KindQuote, CustomerID: "C2"}
	invoice := &SalesDoc{ID: "D3", Kind: KindInvoice, CustomerID: "C1"}
	tests := []struct {
		name  string
		from  InquiryStatus
		cust  string
		to    InquiryStatus
		quote *SalesDoc
		key   string // "" when allowed
	}{
		{"start work", InquiryNew, "C1", InquiryInProgress, nil, ""},
		{"quoted with its quote", InquiryInProgress, "C1", InquiryQuoted, quote, ""},
		{"quoted straight from new", InquiryNew, "C1", InquiryQuoted, quote, ""},
		{"quoted by hand, no quote", InquiryInProgress, "C1", InquiryQuoted, nil, "err.inquiry.no_quote"},
		{"quoted with an invoice", InquiryInProgress, "C1", InquiryQuoted, invoice, "err.inquiry.not_a_quote"},
		{"another customer's quote", InquiryInProgress, "C1", InquiryQuoted, other, "err.inquiry.quote_customer"},
		{"a new contact's quote", InquiryInProgress, "", InquiryQuoted, other, ""},
		{"won without a quote", InquiryInProgress, "C1", InquiryWon, nil, ""},
		{"lost after the quote", InquiryQuoted, "C1", InquiryLost, nil, ""},
		{"backwards", InquiryQuoted, "C1", InquiryInProgress, nil, "err.inquiry.move"},
		{"after it is won", InquiryWon, "C1", InquiryLost, nil, "err.inquiry.move"},
	}
	for _, tt := range tests {
		err := InquiryMove(Inquiry{Status: tt.from, CustomerID: tt.cust}, tt.to, tt.quote)
		var key string
		if e, ok := err.(*Error); ok {
			key = e.Key
		} else if err != nil {
			key = err.Error()
		}
		if key != tt.key {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.key)
		}
	}
}

func TestQuoteForInquiry(t *testing.T) {
	c := Company{Name: "Truhlářství Novák s.r.o.", BaseCurrency: "CZK"}
	cust := Customer{ID: "C1", Name: "Kavárna U Lípy", Lang: Czech}
	q := Inquiry{CustomerID: "C1", Topic: "Stoly do kavárny", Text: "Šest stolů z dubu"}
	d := QuoteForInquiry(q, c, cust, D(2026, 3, 15))
	if d.Kind != KindQuote || d.Status != StatusDraft || d.CustomerID != "C1" || d.Currency != "CZK" || d.Note != q.Text ||
		len(d.Lines) != 1 || d.Lines[0].Text != q.Topic || d.Lines[0].Quantity != Q(1) || d.Lines[0].Unit != "ks" || d.Lines[0].UnitPrice != 0 ||
		d.ValidUntil != D(2026, 4, 14) {
		t.Errorf("draft %+v", d)
	}
	if err := d.ValidateDraft(); err != nil {
		t.Errorf("the draft is refused: %v", err)
	}
	cust.Lang, cust.Currency = English, "EUR"
	if d := QuoteForInquiry(q, c, cust, D(2026, 3, 15)); d.Lines[0].Unit != "pcs" || d.Currency != "EUR" {
		t.Errorf("English customer's draft %+v", d)
	}
}

// TestInquiryQuotePermission: the people who work inquiries — reception and
// sales — turn them into quotes; the other roles do not.
func TestInquiryQuotePermission(t *testing.T) {
	for _, r := range AllRoles() {
		want := r == RoleReception || r == RoleSales || r == RoleAdmin
		if got := Can([]Role{r}, PermInquiryQuote); got != want {
			t.Errorf("%s: Can(inquiries.quote) = %v", r, got)
		}
	}
}
