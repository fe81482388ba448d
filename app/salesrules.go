package app

import "strings"

// MaxDocLines bounds a document's lines.
const MaxDocLines = 500

// ValidateDraft checks what a draft must already get right: its kind, the
// lines it has (text, a non-zero quantity — negative only on credit notes —,
// prices, discounts), lengths. A draft may still lack a customer or dates.
func (d SalesDoc) ValidateDraft() error {
	switch d.Kind {
	case KindQuote, KindOrder, KindInvoice, KindCreditNote:
	default:
		return Invalid("doc.kind", "err.doc.kind", "unknown document kind “{{.kind}}”", map[string]any{"kind": string(d.Kind)})
	}
	if len(d.Lines) > MaxDocLines {
		return Invalid("doc.lines", "err.doc.too_many_lines", "a document may have at most {{.max}} lines", map[string]any{"max": MaxDocLines})
	}
	if err := maxText("doc.note", d.Note, 2000); err != nil {
		return err
	}
	if err := maxText("doc.reason", d.Reason, 500); err != nil {
		return err
	}
	if d.Currency != "" && !ValidCurrency(d.Currency) {
		return Invalid("doc.currency", "err.currency.unknown", "{{.value}} is not a currency Kontor knows", map[string]any{"value": d.Currency})
	}
	if d.PaymentMethod != "" && d.PaymentMethod != PayBank && d.PaymentMethod != PayCash {
		return Invalid("doc.payment_method", "err.doc.payment_method", "choose bank transfer or cash", nil)
	}
	if vs := d.VariableSymbol; vs != "" && (len(vs) > 10 || !allDigits(vs)) {
		return Invalid("doc.variable_symbol", "err.doc.vs", "a variable symbol is up to 10 digits", nil)
	}
	for i, l := range d.Lines {
		args := map[string]any{"n": i + 1}
		if strings.TrimSpace(l.Text) == "" {
			return Invalid("doc.lines", "err.line.text", "line {{.n}} has no text", args)
		}
		if err := maxText("doc.lines", l.Text, 500); err != nil {
			return err
		}
		if l.Quantity == 0 {
			return Invalid("doc.lines", "err.line.qty_zero", "line {{.n}}: the quantity cannot be zero", args)
		}
		if l.Quantity < 0 && d.Kind != KindCreditNote {
			return Invalid("doc.lines", "err.line.qty_negative", "line {{.n}}: the quantity cannot be negative (only a credit note takes amounts back)", args)
		}
		if l.UnitPrice < 0 {
			return Invalid("doc.lines", "err.line.price_negative", "line {{.n}}: the unit price cannot be negative", args)
		}
		if l.Discount.micro < 0 || l.Discount.micro > 100*rateScale {
			return Invalid("doc.lines", "err.line.discount", "line {{.n}}: the discount must be 0 to 100 %", args)
		}
		if err := maxText("doc.lines", l.Unit, 10); err != nil {
			return err
		}
		if err := validateTrace(i+1, l); err != nil {
			return err
		}
	}
	return nil
}

// MaxTrace is the length of a lot or a serial number on a line (as on a
// stock document).
const MaxTrace = 64

// validateTrace checks line n's lot or serial numbers: each 1 to MaxTrace
// characters without surrounding spaces, none twice, at most one a unit.
func validateTrace(n int, l DocLine) error {
	if len(l.Trace) == 0 {
		return nil
	}
	args := func(kv ...any) map[string]any {
		m := map[string]any{"n": n}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	if l.ItemID == "" {
		return Invalid("doc.lines", "err.line.trace_free", "line {{.n}}: a lot or serial number belongs to a line of a price-list item", args())
	}
	q := l.Quantity
	if q < 0 {
		q = -q
	}
	if len(l.Trace) > 1 && Q(int64(len(l.Trace))) > q {
		return Invalid("doc.lines", "err.line.trace_count", "line {{.n}}: {{.count}} serial numbers for a quantity of {{.qty}}", args("count", len(l.Trace), "qty", q.Format(English)))
	}
	seen := make(map[string]bool, len(l.Trace))
	for _, t := range l.Trace {
		switch {
		case t == "" || t != strings.TrimSpace(t) || len([]rune(t)) > MaxTrace:
			return Invalid("doc.lines", "err.line.trace_length", "line {{.n}}: a lot or serial number is 1 to 64 characters", args())
		case seen[t]:
			return Invalid("doc.lines", "err.line.trace_twice", "line {{.n}}: serial number {{.serial}} is on the line twice", args("serial", t))
		}
		seen[t] = true
	}
	return nil
}

// ParseTrace reads the lot or serial numbers typed for a line: separated by
// commas, semicolons or line breaks (a scanner's Enter), spaces around them
// dropped, empty ones skipped.
func ParseTrace(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == '\r' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// PrepareForIssue fills what issuing fixes — supplier, VAT rates valid on the
// DUZP, totals — and checks everything a tax document needs. It returns the
// document ready to be numbered.
func PrepareForIssue(d SalesDoc, c Company, cust Customer) (SalesDoc, error) {
	if err := d.ValidateDraft(); err != nil {
		return d, err
	}
	if d.Status != StatusDraft {
		return d, Errorf(ECONFLICT, "err.doc.issued", "document {{.number}} is already issued and cannot change", map[string]any{"number": d.Number})
	}
	if len(d.Lines) == 0 {
		return d, Invalid("doc.lines", "err.doc.no_lines", "the document has no lines", nil)
	}
	if d.CustomerID == "" {
		return d, Invalid("doc.customer", "err.required", "is required", nil)
	}
	if !cust.HasAddress() {
		return d, Invalid("doc.customer", "err.doc.customer_address", "{{.name}} has no address; a tax document needs the customer's street and city", map[string]any{"name": cust.Name})
	}
	d.Customer = PartyOfCustomer(cust)
	d.Supplier = PartyOfCompany(c)
	d.Lang = cust.Lang
	if d.IssueDate.IsZero() {
		return d, Invalid("doc.issue_date", "err.required", "is required", nil)
	}
	if d.TaxDate.IsZero() {
		d.TaxDate = d.IssueDate
	}
	if d.Kind == KindInvoice || d.Kind == KindCreditNote {
		if d.DueDate.IsZero() {
			return d, Invalid("doc.due_date", "err.required", "is required", nil)
		}
		if d.DueDate.Before(d.IssueDate) {
			return d, Invalid("doc.due_date", "err.doc.due_before_issue", "the due date is before the issue date", nil)
		}
	}
	if d.Kind == KindQuote && !d.ValidUntil.IsZero() && d.ValidUntil.Before(d.IssueDate) {
		return d, Invalid("doc.valid_until", "err.doc.valid_before_issue", "the quote expires before it is issued", nil)
	}
	if d.Currency == "" {
		d.Currency = c.BaseCurrency
	}
	if d.Currency == c.BaseCurrency {
		d.ExchangeRate = RateMicro(rateScale)
	} else if d.ExchangeRate.micro <= 0 {
		return d, Invalid("doc.exchange_rate", "err.doc.exchange_rate", "enter the exchange rate of {{.currency}} valid on the DUZP", map[string]any{"currency": d.Currency})
	}
	if d.PaymentMethod == "" {
		d.PaymentMethod = PayBank
	}
	if err := validateSalesRegime(&d, c, cust); err != nil {
		return d, err
	}
	if d.Kind == KindCreditNote {
		if d.OriginalID == "" {
			return d, Invalid("doc.original", "err.required", "is required", nil)
		}
		if strings.TrimSpace(d.Reason) == "" {
			return d, Invalid("doc.reason", "err.required", "is required", nil)
		}
	}
	for i := range d.Lines {
		l := &d.Lines[i]
		if !c.VATPayer || !d.Regime.ChargesVAT() {
			l.VATKind, l.VATRate = "", Rate{} // no rate where no VAT is charged
			continue
		}
		r, err := c.VATRateOn(l.VATKind, d.TaxDate)
		if err != nil {
			return d, Invalid("doc.lines", "err.line.vat_rate", "line {{.n}}: no {{.kind}} VAT rate is valid on the DUZP {{.date}}", map[string]any{"n": i + 1, "kind": VATKindLabel(l.VATKind), "date": d.TaxDate})
		}
		l.VATRate = r
	}
	d.Totals = ComputeTotals(d, c.BaseCurrency)
	if d.Kind == KindCreditNote && d.Totals.Total >= 0 {
		return d, Invalid("doc.lines", "err.credit.positive", "a credit note takes amounts back: its total must be negative", nil)
	}
	return d, nil
}

// VariableSymbolOf makes the variable symbol of a document number: its
// digits, at most the last ten ("FV2026-0001" → "20260001").
func VariableSymbolOf(number string) string {
	var b strings.Builder
	for _, r := range number {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	s := b.String()
	if len(s) > 10 {
		s = s[len(s)-10:]
	}
	return s
}

// DocVariableSymbol is the variable symbol an issued document of kind gets
// when none was typed: the digits of its number (VariableSymbolOf), and for
// a credit note "9" and the last nine of them ("OD2026-0001" → "920260001").
// The digits alone would repeat the invoice with the same counter
// ("FV2026-0001" → "20260001"), so a refund or a bank line quoting the
// credit note's symbol would be matched to that invoice; an invoice's
// symbol starts with the year, never with 9.
func DocVariableSymbol(kind DocKind, number string) string {
	vs := VariableSymbolOf(number)
	if kind != KindCreditNote || vs == "" {
		return vs
	}
	if len(vs) > 9 {
		vs = vs[len(vs)-9:]
	}
	return "9" + vs
}
