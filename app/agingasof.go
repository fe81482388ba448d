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
	if r, ok := sales.(ReceivablesReader); ok {
		return r.ReceivablesAsOf(ctx, asOf, today)
	}
	past := asOf.Before(today)
	later := LaterCredits{}
	if past {
		err := EachIssuedDoc(ctx, sales, DocFilter{Kind: KindCreditNote, From: asOf.AddDays(1)}, func(d SalesDoc) error {
			later.AddSale(d, asOf)
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
				var pays []Payment
				if d.Paid != 0 {
					var err error
					if pays, err = sales.Payments(ctx, d.ID); err != nil {
						return err
					}
				}
				d = RewindSale(d, later, pays, asOf)
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
	if r, ok := pay.(PayablesReader); ok {
		return r.PayablesAsOf(ctx, asOf, today)
	}
	past := asOf.Before(today)
	later := LaterCredits{}
	if past {
		err := eachPurchase(ctx, pay, PurchaseFilter{From: asOf.AddDays(1)}, func(p PurchaseInvoice) error {
			later.AddPurchase(p, asOf)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var out []PurchaseInvoice
	err := eachPurchase(ctx, pay, PurchaseFilter{To: asOf, OpenOnly: !past}, func(p PurchaseInvoice) error {
		var pays []Payment
		if past && p.Paid != 0 {
			var err error
			if pays, err = pay.SupplierPayments(ctx, p.ID); err != nil {
				return err
			}
		}
		p = RewindPurchase(p, later, pays, asOf)
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
