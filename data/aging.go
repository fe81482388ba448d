package data

import (
	"bytes"
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// ReceivablesAsOf is app.ReceivablesAsOf read in one transaction from the
// lists of documents (app.ReceivablesReader): as of today (or later) only
// the open documents' rows; as of a past day the issued invoices and credit
// notes of that day or before, from their heads, with the payments of the
// paid ones dated after it (read from doc_payments' values, no payment
// decoded) and the later credit notes taken back out (app.RewindSale), a
// row decoded only for what was open then.
func (s *Store) ReceivablesAsOf(ctx context.Context, asOf, today app.Date) ([]app.SalesDoc, error) {
	var out []app.SalesDoc
	err := s.viewAs(ctx, app.PermSalesRead, "reading the receivables", func(tx *bolt.Tx, _ app.User) (err error) {
		if asOf.Before(today) {
			out, err = receivablesBefore(tx, asOf)
		} else {
			out, err = openReceivables(tx, asOf)
		}
		return err
	})
	return out, err
}

var (
	kindInvoice    = []byte(app.KindInvoice)
	kindCreditNote = []byte(app.KindCreditNote)
	statusIssued   = []byte(app.StatusIssued)
)

// openReceivables are the open documents issued on asOf or before:
// invoices, then credit notes, each newest first.
func openReceivables(tx *bolt.Tx, asOf app.Date) ([]app.SalesDoc, error) {
	var invoices, credits []app.SalesDoc
	last := []byte(asOf.Key())
	c := tx.Bucket(bDocOpen).Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		if len(k) < 8 || bytes.Compare(k[:8], last) > 0 {
			continue
		}
		h, ok := parseHead(v)
		if !ok {
			continue
		}
		r, err := docRow(tx, lastPart(k))
		if err != nil {
			return nil, err
		}
		if bytes.Equal(h.kind, kindInvoice) {
			invoices = append(invoices, r.Header())
		} else {
			credits = append(credits, r.Header())
		}
	}
	return append(invoices, credits...), nil
}

// receivablesBefore are the issued invoices and credit notes of asOf or
// before that were open at the end of asOf, as they stood then.
func receivablesBefore(tx *bolt.Tx, asOf app.Date) ([]app.SalesDoc, error) {
	last := []byte(asOf.Key())
	later := app.LaterCredits{}
	c := tx.Bucket(bDocDates).Cursor()
	k, v := c.Last()
	for ; k != nil && len(k) >= 8 && bytes.Compare(k[:8], last) > 0; k, v = c.Prev() {
		if h, ok := parseHead(v); ok && bytes.Equal(h.kind, kindCreditNote) && bytes.Equal(h.status, statusIssued) {
			r, err := docRow(tx, lastPart(k))
			if err != nil {
				return nil, err
			}
			later.AddSale(r.Header(), asOf)
		}
	}
	var invoices, credits []app.SalesDoc
	pays, payments := tx.Bucket(bDocPays).Cursor(), tx.Bucket(bPayments)
	for ; k != nil; k, v = c.Prev() {
		h, ok := parseHead(v)
		if !ok || !bytes.Equal(h.status, statusIssued) {
			continue
		}
		id := lastPart(k)
		switch {
		case bytes.Equal(h.kind, kindInvoice):
			var paidLater []app.Payment // its payments dated after asOf, from doc_payments
			remaining := h.total - h.credited - h.paid
			if l, ok := later[string(id)]; ok {
				remaining += l[0]
			}
			if h.paid != 0 {
				var err error
				if paidLater, err = paymentsAfter(pays, payments, id, last); err != nil {
					return nil, err
				}
				for _, p := range paidLater {
					remaining += p.Amount.Amount
				}
			}
			if remaining == 0 {
				continue
			}
			r, err := docRow(tx, id)
			if err != nil {
				return nil, err
			}
			invoices = append(invoices, app.RewindSale(r.Header(), later, paidLater, asOf))
		case bytes.Equal(h.kind, kindCreditNote):
			if h.total-h.credited-h.paid == 0 {
				continue
			}
			r, err := docRow(tx, id)
			if err != nil {
				return nil, err
			}
			credits = append(credits, r.Header())
		}
	}
	return append(invoices, credits...), nil
}

// PayablesAsOf is app.PayablesAsOf read in one transaction from the list of
// received invoices (app.PayablesReader).
func (s *Store) PayablesAsOf(ctx context.Context, asOf, today app.Date) ([]app.PurchaseInvoice, error) {
	var out []app.PurchaseInvoice
	err := s.viewAs(ctx, app.PermPayables, "reading the payables", func(tx *bolt.Tx, _ app.User) error {
		past := asOf.Before(today)
		later := app.LaterCredits{}
		if past {
			ps, _, err := purchasesTx(tx, app.PurchaseFilter{From: asOf.AddDays(1)}, 0, 0)
			if err != nil {
				return err
			}
			for _, p := range ps {
				later.AddPurchase(p, asOf)
			}
		}
		ps, _, err := purchasesTx(tx, app.PurchaseFilter{To: asOf, OpenOnly: !past}, 0, 0)
		if err != nil {
			return err
		}
		for _, p := range ps {
			var pays []app.Payment
			if past && p.Paid != 0 {
				if pays, err = paymentsOf(tx, bPurchPays, bSupPays, p.ID); err != nil {
					return err
				}
			}
			if p = app.RewindPurchase(p, later, pays, asOf); p.Remaining() != 0 {
				out = append(out, p)
			}
		}
		return nil
	})
	return out, err
}
