package app

// InquiryMove decides whether inquiry q may move to status to with quote
// linked (nil: no document). Inquiries move only forward, and "quoted"
// needs a quote behind it: a quote (draft or issued) of the inquiry's
// customer. Marking an inquiry quoted by hand, with nothing to show the
// customer, is refused — the desk creates the quote instead.
func InquiryMove(q Inquiry, to InquiryStatus, quote *SalesDoc) error {
	if !q.Status.CanMoveTo(to) {
		return Invalid("inquiry.status", "err.inquiry.move", "an inquiry cannot go from {{.from}} to {{.to}}",
			map[string]any{"from": inquiryStatusLabel(q.Status), "to": inquiryStatusLabel(to)})
	}
	if quote != nil && quote.Kind != KindQuote {
		return Invalid("inquiry.quote", "err.inquiry.not_a_quote", "an inquiry is answered by a quote, not by a document of another kind", nil)
	}
	if quote != nil && q.CustomerID != "" && quote.CustomerID != q.CustomerID {
		return Invalid("inquiry.quote", "err.inquiry.quote_customer", "the quote is for another customer than the inquiry", nil)
	}
	if to == InquiryQuoted && quote == nil {
		return Invalid("inquiry.quote", "err.inquiry.no_quote", "an inquiry becomes quoted by creating its quote", nil)
	}
	return nil
}

// inquiryStatusLabel is the translatable name of an inquiry status.
func inquiryStatusLabel(s InquiryStatus) Label {
	return Label{Key: "inquiry.status." + string(s), Fallback: string(s)}
}

// QuoteForInquiry is the draft quote an inquiry starts: for its customer,
// the topic as the only line (quantity 1, the price for sales to fill in),
// the inquiry's text as the note, valid 30 days from today. The unit is
// "ks" on a Czech customer's documents and "pcs" on an English one's.
func QuoteForInquiry(q Inquiry, c Company, cust Customer, today Date) SalesDoc {
	cur := cust.Currency
	if cur == "" {
		cur = c.BaseCurrency
	}
	unit := "ks"
	if cust.Lang == English {
		unit = "pcs"
	}
	return SalesDoc{Kind: KindQuote, Status: StatusDraft, CustomerID: cust.ID, Customer: PartyOfCustomer(cust),
		IssueDate: today, TaxDate: today, ValidUntil: today.AddDays(30), Currency: cur, PaymentMethod: PayBank,
		Supplier: PartyOfCompany(c), Note: clipRunes(q.Text, 2000),
		Lines: []DocLine{{Text: clipRunes(q.Topic, 500), Quantity: Q(1), Unit: unit, VATKind: VATStandard}}}
}

// clipRunes cuts s to at most n characters.
func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
