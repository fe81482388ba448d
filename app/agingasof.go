package app

import "context"

// An aging as of a past day (the end of last month, say) must show what was
// open on that day: an invoice paid a week later was still open then. The
// documents' Paid and Credited are today's figures, so these readers take
// the payments dated after the day, and the credit notes issued after it,
// back out before the documents are aged.

// purchasePage is how many received invoices one Purchases call returns
// while eachPurchase gathers them.
const purchasePage = 500

// eachPurchase calls fn with every received invoice f matches, reading them
// a page at a time, and stops at the first error.
func eachPurchase(ctx context.Context, pay PayablesService, f PurchaseFilter, fn func(PurchaseInvoice) error) error {
	for offset := 0; ; offset += purchasePage {
		ps, total, err := pay.Purchases(ctx, f, offset, purchasePage)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if err := fn(p); err != nil {
				return err
			}
		}
		if len(ps) < purchasePage || offset+purchasePage >= total {
			return nil
		}
	}
}

// ReceivablesAsOf returns the issued invoices and credit notes of asOf or
// before that had something open at the end of asOf, each as it stood then
// (Paid, PaidBase, Credited and CreditedBase rewound), ready for
// AgeReceivables. today is the day the figures are from; when asOf is not
// before it nothing needs rewinding and no payment is read.
func ReceivablesAsOf(ctx context.Context, sales SalesService, asOf, today Date) ([]SalesDoc, error) {
	past := asOf.Before(today)
	later := map[string][2]int64{} // invoice ID → credit notes issued after asOf: amount, base
	if past {
		err := EachIssuedDoc(ctx, sales, DocFilter{Kind: KindCreditNote, From: asOf.AddDays(1)}, func(d SalesDoc) error {
			if d.Status == StatusIssued && d.OriginalID != "" && d.IssueDate.After(asOf) {
				l := later[d.OriginalID]
				later[d.OriginalID] = [2]int64{l[0] - d.Totals.Total, l[1] - d.Totals.TotalCZK}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var docs []SalesDoc
	for _, kind := range []DocKind{KindInvoice, KindCreditNote} {
		err := EachIssuedDoc(ctx, sales, DocFilter{Kind: kind, To: asOf}, func(d SalesDoc) error {
			if past && d.Kind == KindInvoice {
				d.FillBase()
				if l, ok := later[d.ID]; ok {
					d.Credited -= l[0]
					d.CreditedBase -= l[1]
				}
				if d.Paid != 0 {
					pays, err := sales.Payments(ctx, d.ID)
					if err != nil {
						return err
					}
					for _, p := range pays {
						if p.Date.After(asOf) {
							d.Paid -= p.Amount.Amount
							d.PaidBase -= paymentBase(p, d.Currency, d.ExchangeRate)
						}
					}
				}
			}
			if d.Remaining() != 0 {
				d.Lines = nil // the aging needs the totals only
				docs = append(docs, d)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// paymentBase is a payment (of a sales or a received invoice) in the base
// currency as it was posted: its Base, or for an older payment without one,
// its amount converted at the invoice's currency and rate. A refund to a
// supplier is negative.
func paymentBase(p Payment, currency string, rate Rate) int64 {
	if p.Base != 0 {
		return p.Base
	}
	return toBase(p.Amount.Amount, currency, rate, "CZK")
}

// PayablesAsOf is ReceivablesAsOf for received invoices: those issued on or
// before asOf with something left to pay at the end of asOf.
func PayablesAsOf(ctx context.Context, pay PayablesService, asOf, today Date) ([]PurchaseInvoice, error) {
	past := asOf.Before(today)
	later := map[string][2]int64{} // invoice ID → its credit notes recorded after asOf: amount, base (positive)
	if past {
		err := eachPurchase(ctx, pay, PurchaseFilter{From: asOf.AddDays(1)}, func(p PurchaseInvoice) error {
			if p.CreditNote && p.OriginalID != "" && p.IssueDate.After(asOf) {
				l := later[p.OriginalID]
				later[p.OriginalID] = [2]int64{l[0] - p.Total, l[1] - p.Posted}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var out []PurchaseInvoice
	err := eachPurchase(ctx, pay, PurchaseFilter{To: asOf, OpenOnly: !past}, func(p PurchaseInvoice) error {
		if c, ok := later[p.ID]; ok {
			p.Credited -= c[0]
			p.CreditedBase -= c[1]
		}
		if past && p.Paid != 0 {
			pays, err := pay.SupplierPayments(ctx, p.ID)
			if err != nil {
				return err
			}
			for _, x := range pays {
				if x.Date.After(asOf) {
					p.Paid -= x.Amount.Amount
					p.PaidBase -= paymentBase(x, p.Currency, p.ExchangeRate)
				}
			}
		}
		if p.Remaining() != 0 { // a refund due counts too
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
