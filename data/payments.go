package data

import (
	"context"
	"fmt"

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
	if p.Date.IsZero() {
		return app.Payment{}, app.Invalid("payment.date", "err.required", "is required", nil)
	}
	if p.Amount.Amount <= 0 {
		return app.Payment{}, app.Invalid("payment.amount", "err.payment.positive", "a payment must be more than zero", nil)
	}
	if p.Method == "" {
		p.Method = app.PayBank
	}
	if p.Method != app.PayBank && p.Method != app.PayCash {
		return app.Payment{}, app.Invalid("payment.method", "err.doc.payment_method", "choose bank transfer or cash", nil)
	}
	err := s.updateAs(ctx, app.PermPaymentsWrite, "recording the payment", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		d, err := readDoc(tx, p.DocID)
		if err != nil {
			return app.WithField(err, "payment.doc")
		}
		if d.Kind != app.KindInvoice || d.Status != app.StatusIssued {
			return app.Invalid("payment.doc", "err.payment.not_issued", "payments are recorded against issued invoices", nil)
		}
		if p.Amount.Currency != d.Currency {
			return app.Invalid("payment.amount", "err.payment.currency", "invoice {{.number}} is in {{.currency}}; record the payment in {{.currency}}", map[string]any{"number": d.Number, "currency": d.Currency})
		}
		if left := d.Remaining(); p.Amount.Amount > left {
			return app.Invalid("payment.amount", "err.payment.too_much", "only {{.left}} remains to be paid on {{.number}}", map[string]any{"left": app.M(left, d.Currency), "number": d.Number})
		}
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		acc := company.Chart.Posting()
		money := acc.Bank
		if p.Method == app.PayCash {
			money = acc.Cash
		}
		base := p.Amount
		if d.Currency != company.BaseCurrency {
			base = p.Amount.Convert(company.BaseCurrency, d.ExchangeRate, app.HalfUp)
		}
		poster, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		now := s.clock.Now().UTC()
		p.ID, p.Branch, p.Created = app.NewID(now), company.Branch, now
		e, err := poster.post(app.Entry{Date: p.Date, Memo: "Úhrada " + d.Number + " – " + d.Customer.Name, Source: "payment:" + p.ID,
			Lines: []app.Line{{Account: money, Debit: base.Amount}, {Account: acc.Receivables, Credit: base.Amount}}})
		if err != nil {
			return app.WithField(err, "payment.date")
		}
		p.EntryID = e.ID
		d.Paid += p.Amount.Amount
		d.Updated = now
		d.Revision++
		raw, err := encode(p)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bPayments).Put([]byte(p.ID), raw); err != nil {
			return err
		}
		if err := tx.Bucket(bDocPays).Put(cat([]byte(d.ID), sep, []byte(p.ID)), nil); err != nil {
			return err
		}
		if err := putDoc(tx, d); err != nil {
			return err
		}
		return a.log("pay", "payment", p.ID, fmt.Sprintf("%s on %s (%s)", p.Amount.String(), d.Number, p.Method))
	})
	if err != nil {
		return app.Payment{}, err
	}
	return p, nil
}

// Payments lists the payments of a document, oldest first.
func (s *Store) Payments(ctx context.Context, docID string) ([]app.Payment, error) {
	var out []app.Payment
	err := s.viewAs(ctx, app.PermSalesRead, "reading payments", func(tx *bolt.Tx, _ app.User) error {
		prefix := cat([]byte(docID), sep)
		c := tx.Bucket(bDocPays).Cursor()
		for k, _ := c.Seek(prefix); k != nil && len(k) > len(prefix) && string(k[:len(prefix)]) == string(prefix); k, _ = c.Next() {
			var p app.Payment
			if err := decode(tx.Bucket(bPayments).Get(k[len(prefix):]), &p); err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	return out, err
}
