package data

import (
	"context"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// RecordPayment records money received for an issued invoice and posts it —
// bank (221) or cash (211) against the receivable (311) — in one transaction.
// A foreign-currency payment is posted at the invoice's rate.
func (s *Store) RecordPayment(ctx context.Context, p app.Payment) (app.Payment, error) {
	if err := s.allowed(ctx, app.PermPaymentsWrite); err != nil {
		return app.Payment{}, err
	}
	if err := app.CheckPayment(&p); err != nil {
		return app.Payment{}, err
	}
	err := s.updateAs(ctx, app.PermPaymentsWrite, "recording the payment", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		y, err := newPayer(tx, s.clock, a)
		if err != nil {
			return err
		}
		p, _, err = y.paySale(p)
		return err
	})
	if err != nil {
		return app.Payment{}, err
	}
	return p, nil
}

// Payments lists the payments of a document, oldest first.
func (s *Store) Payments(ctx context.Context, docID string) ([]app.Payment, error) {
	var out []app.Payment
	err := s.viewAs(ctx, app.PermSalesRead, "reading payments", func(tx *bolt.Tx, _ app.User) (err error) {
		out, err = paymentsOf(tx, bDocPays, bPayments, docID)
		return err
	})
	return out, err
}

// paymentsOf reads the payments idx lists under docID from the records bucket.
func paymentsOf(tx *bolt.Tx, idx, records []byte, docID string) ([]app.Payment, error) {
	var out []app.Payment
	prefix := cat([]byte(docID), sep)
	c := tx.Bucket(idx).Cursor()
	for k, _ := c.Seek(prefix); k != nil && len(k) > len(prefix) && string(k[:len(prefix)]) == string(prefix); k, _ = c.Next() {
		var p app.Payment
		if err := decode(tx.Bucket(records).Get(k[len(prefix):]), &p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	// IDs recorded in the same millisecond are not ordered; people read
	// payments by date, then in the order they were recorded.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].Created.Before(out[j].Created)
	})
	return out, nil
}

// checkPayment is app.CheckPayment; purchases.go calls it (until it calls
// app.CheckPayment itself).
func checkPayment(p *app.Payment) error { return app.CheckPayment(p) }

// payer records payments inside one write transaction. The sales path
// (RecordPayment), the supplier path (PaySupplier) and bank confirmations
// (ConfirmBank) all go through it, so a payment posts alike whichever way it
// came in, and many payments of one statement share one poster.
type payer struct {
	tx      *bolt.Tx
	poster  *poster
	company app.Company
	acc     app.PostingAccounts
	now     time.Time
	a       *auditor
}

func newPayer(tx *bolt.Tx, clock app.Clock, a *auditor) (*payer, error) {
	p, err := newPoster(tx, clock)
	if err != nil {
		return nil, err
	}
	return &payer{tx: tx, poster: p, company: p.company, acc: p.company.Chart.Posting(), now: clock.Now().UTC(), a: a}, nil
}

// paySale records p (checked by app.CheckPayment) against the issued
// invoice p.DocID and returns the payment and the invoice as updated.
func (y *payer) paySale(p app.Payment) (app.Payment, app.SalesDoc, error) {
	d, err := readDoc(y.tx, p.DocID)
	if err != nil {
		return p, d, app.WithField(err, "payment.doc")
	}
	var posted int64
	ok := false
	if d.NeedsPaidBase() {
		posted, ok = postedPaid(y.tx, d.ID, y.acc.Receivables)
	}
	d.FillPaidBase(posted, ok)
	p, d, e, err := app.PaySale(d, p, y.company, y.now)
	if err != nil {
		return p, d, err
	}
	if p, err = y.post(p, e); err != nil {
		return p, d, err
	}
	if err := y.store(p, bPayments, changePayment, docPayKV(p)); err != nil {
		return p, d, err
	}
	if err := putDoc(y.tx, d); err != nil {
		return p, d, err
	}
	return p, d, y.a.logKey("pay", "payment", p.ID, "audit.payment", "{{.amount}} on {{.number}} ({{.method}})", payArgs(p.Amount, d.Number, p.Method))
}

// payPurchase records p (checked by app.CheckPayment) against the received
// invoice p.DocID and returns the payment and the invoice as updated.
func (y *payer) payPurchase(p app.Payment) (app.Payment, app.PurchaseInvoice, error) {
	p, pi, err := y.settlePurchase(p, app.PayPurchase)
	if err != nil {
		return p, pi, err
	}
	return p, pi, y.a.logKey("pay", "supplier_payment", p.ID, "audit.payment", "{{.amount}} on {{.number}} ({{.method}})", payArgs(p.Amount, pi.Number, p.Method))
}

// refundPurchase records money a supplier sent back (p.Amount positive) for
// a received invoice whose credit note left it overpaid (app.RefundPurchase);
// the payment is stored and returned negative.
func (y *payer) refundPurchase(p app.Payment) (app.Payment, app.PurchaseInvoice, error) {
	p, pi, err := y.settlePurchase(p, app.RefundPurchase)
	if err != nil {
		return p, pi, err
	}
	return p, pi, y.a.logKey("refund", "supplier_payment", p.ID, "audit.refund", "{{.amount}} back on {{.number}} ({{.method}})", payArgs(p.Amount.Neg(), pi.Number, p.Method))
}

// settlePurchase reads the received invoice p.DocID, lets decide (a rule of
// app) settle p against it, posts the entry and stores the payment and the
// invoice as decided.
func (y *payer) settlePurchase(p app.Payment, decide func(app.PurchaseInvoice, app.Payment, app.Company, time.Time) (app.Payment, app.PurchaseInvoice, app.Entry, error)) (app.Payment, app.PurchaseInvoice, error) {
	pi, err := readPurchase(y.tx, p.DocID)
	if err != nil {
		return p, pi, app.WithField(err, "payment.doc")
	}
	p, pi, e, err := decide(pi, p, y.company, y.now)
	if err != nil {
		return p, pi, err
	}
	if p, err = y.post(p, e); err != nil {
		return p, pi, err
	}
	if err := y.store(p, bSupPays, changeSupplierPayment, indexKV{bPurchPays, cat([]byte(p.DocID), sep, []byte(p.ID)), nil}); err != nil {
		return p, pi, err
	}
	return p, pi, putPurchase(y.tx, pi)
}

// post posts payment p's entry e (app.PaymentEntry) and gives p its
// EntryID. A locked month is refused naming the payment's date.
func (y *payer) post(p app.Payment, e app.Entry) (app.Payment, error) {
	posted, err := y.poster.post(e)
	if err != nil {
		return p, app.WithField(err, "payment.date")
	}
	p.EntryID = posted.ID
	return p, nil
}

// postedPaid adds up the base amounts a document's payments posted: each
// payment's Base, or for one recorded before Base was kept, its credit to
// receivables in its journal entry. ok is false when something cannot be read.
func postedPaid(tx *bolt.Tx, docID, receivables string) (sum int64, ok bool) {
	pays, err := paymentsOf(tx, bDocPays, bPayments, docID)
	if err != nil {
		return 0, false
	}
	for _, p := range pays {
		if p.Base != 0 {
			sum += p.Base
			continue
		}
		e, err := readEntry(tx, p.EntryID)
		if err != nil {
			return 0, false
		}
		for _, l := range e.Lines {
			if l.Account == receivables {
				sum += l.Credit - l.Debit
			}
		}
	}
	return sum, true
}

// store writes the payment record (a change of kind) and its entry in its
// document's list of payments (doc_payments: docPayKV; purchase_payments:
// the key alone).
func (y *payer) store(p app.Payment, records []byte, kind byte, idx indexKV) error {
	raw, err := encode(p)
	if err != nil {
		return err
	}
	if err := y.tx.Bucket(records).Put([]byte(p.ID), raw); err != nil {
		return err
	}
	if err := recordChange(y.tx, kind, []byte(p.ID), raw); err != nil {
		return err
	}
	return y.tx.Bucket(idx.bucket).Put(idx.key, idx.value)
}
