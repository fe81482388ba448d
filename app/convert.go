package app

import "time"

// ConvertDoc carries the issued quote or order src over into a new draft of
// kind to (ID id): an order from a quote, an invoice from an order or
// straight from a quote, every line carried over, dated today and due after
// the customer's payment days (cust nil: no due date). It returns the draft
// and src marked as carried over (a quote accepted, an order invoiced). It
// refuses any other pair of kinds and a source that is not issued (a draft,
// or one carried over already).
func ConvertDoc(src SalesDoc, to DocKind, cust *Customer, id string, now time.Time, today Date) (next, src2 SalesDoc, err error) {
	if !canConvert(src.Kind, to) {
		return SalesDoc{}, src, Invalid("doc.kind", "err.doc.convert", "a {{.from}} cannot become a {{.to}}", map[string]any{"from": string(src.Kind), "to": string(to)})
	}
	if src.Status != StatusIssued {
		return SalesDoc{}, src, Errorf(ECONFLICT, "err.doc.convert_status", "only an issued document that has not been carried over yet can become the next one", nil)
	}
	next = SalesDoc{ID: id, Branch: src.Branch, Kind: to, Status: StatusDraft, CustomerID: src.CustomerID,
		Customer: src.Customer, Supplier: src.Supplier, IssueDate: today, TaxDate: today, Currency: src.Currency,
		ExchangeRate: src.ExchangeRate, PricesIncludeVAT: src.PricesIncludeVAT, Regime: src.Regime, Exempt: src.Exempt, RCCode: src.RCCode,
		CashRounding: src.CashRounding, PaymentMethod: src.PaymentMethod, Lines: append([]DocLine(nil), src.Lines...),
		Note: src.Note, SourceID: src.ID, Totals: src.Totals, Created: now, Updated: now}
	if cust != nil {
		next.DueDate = today.AddDays(cust.PaymentDays)
	}
	src.Status = StatusAccepted
	if src.Kind == KindOrder {
		src.Status = StatusInvoiced
	}
	src.Updated = now
	src.Revision++
	return next, src, nil
}

// canConvert reports whether a document of kind from may become one of kind
// to: quote → order → invoice, or a quote straight into an invoice.
func canConvert(from, to DocKind) bool {
	switch from {
	case KindQuote:
		return to == KindOrder || to == KindInvoice
	case KindOrder:
		return to == KindInvoice
	}
	return false
}
