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
	if err := checkPayment(&p); err != nil {
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

// checkPayment refuses what a person typed wrong before anything is read:
// no date, no amount, an unknown method (bank is the default).
func checkPayment(p *app.Payment) error {
	if p.Date.IsZero() {
		return app.Invalid("payment.date", "err.required", "is required", nil)
	}
	if p.Amount.Amount <= 0 {
		return app.Invalid("payment.amount", "err.payment.positive", "a payment must be more than zero", nil)
	}
	if p.Method == "" {
		p.Method = app.PayBank
	}
	if p.Method != app.PayBank && p.Method != app.PayCash {
		return app.Invalid("payment.method", "err.doc.payment_method", "choose bank transfer or cash", nil)
	}
	return nil
}

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

// paySale records p (checked by checkPayment) against the issued invoice
// p.DocID and returns the payment and the invoice as updated.
func (y *payer) paySale(p app.Payment) (app.Payment, app.SalesDoc, error) {
	d, err := readDoc(y.tx, p.DocID)
	if err != nil {
		return p, d, app.WithField(err, "payment.doc")
	}
	if d.Kind != app.KindInvoice || d.Status != app.StatusIssued {
		return p, d, app.Invalid("payment.doc", "err.payment.not_issued", "payments are recorded against issued invoices", nil)
	}
	if err := fitPayment(p, d.Number, d.Currency, d.Remaining()); err != nil {
		return p, d, err
	}
	fillPaidBase(y.tx, &d, y.acc.Receivables)
	settle := settlement{settles: p.Amount.Amount == d.Remaining(), residual: d.BaseRemaining()}
	if err := y.post(&p, d.Currency, d.ExchangeRate, "Úhrada "+d.Number+" – "+d.Customer.Name, "payment:", false, y.acc.Receivables, settle); err != nil {
		return p, d, err
	}
	d.Paid += p.Amount.Amount
	d.PaidBase += p.Base
	d.Updated = y.now
	d.Revision++
	if err := y.store(p, bPayments, bDocPays); err != nil {
		return p, d, err
	}
	if err := putDoc(y.tx, d); err != nil {
		return p, d, err
	}
	return p, d, y.a.logKey("pay", "payment", p.ID, "audit.payment", "{{.amount}} on {{.number}} ({{.method}})", payArgs(p.Amount, d.Number, p.Method))
}

// payPurchase records p (checked by checkPayment) against the received
// invoice p.DocID and returns the payment and the invoice as updated.
func (y *payer) payPurchase(p app.Payment) (app.Payment, app.PurchaseInvoice, error) {
	pi, err := readPurchase(y.tx, p.DocID)
	if err != nil {
		return p, pi, app.WithField(err, "payment.doc")
	}
	if pi.CreditNote {
		return p, pi, app.Invalid("payment.doc", "err.payment.credit_note", "{{.number}} is a credit note: it is settled against its invoice {{.original}}", map[string]any{"number": pi.Number, "original": pi.OriginalNo})
	}
	if err := fitPayment(p, pi.Number, pi.Currency, pi.Remaining()); err != nil {
		return p, pi, err
	}
	settle := settlement{settles: p.Amount.Amount == pi.Remaining() && pi.Posted != 0, residual: pi.BaseRemaining()}
	if err := y.post(&p, pi.Currency, pi.ExchangeRate, "Úhrada "+pi.Number+" ("+pi.SupplierNumber+") – "+pi.Supplier.Name, "supplier_payment:", true, y.acc.Payables, settle); err != nil {
		return p, pi, err
	}
	pi.Paid += p.Amount.Amount
	pi.PaidBase += p.Base
	if err := y.store(p, bSupPays, bPurchPays); err != nil {
		return p, pi, err
	}
	if err := putPurchase(y.tx, pi); err != nil {
		return p, pi, err
	}
	return p, pi, y.a.logKey("pay", "supplier_payment", p.ID, "audit.payment", "{{.amount}} on {{.number}} ({{.method}})", payArgs(p.Amount, pi.Number, p.Method))
}

// refundPurchase records money a supplier sent back (p.Amount positive) for
// a received invoice whose credit note left it overpaid (Remaining
// negative): Dr bank or cash, Cr payables; the invoice's Paid goes down.
func (y *payer) refundPurchase(p app.Payment) (app.Payment, app.PurchaseInvoice, error) {
	pi, err := readPurchase(y.tx, p.DocID)
	if err != nil {
		return p, pi, app.WithField(err, "payment.doc")
	}
	if pi.CreditNote || pi.Remaining() >= 0 {
		return p, pi, app.Invalid("payment.doc", "err.payment.no_refund", "the supplier owes no refund on {{.number}}; money received pays an issued invoice", map[string]any{"number": pi.Number})
	}
	if err := fitPayment(p, pi.Number, pi.Currency, -pi.Remaining()); err != nil {
		return p, pi, err
	}
	settle := settlement{settles: p.Amount.Amount == -pi.Remaining() && pi.Posted != 0, residual: -pi.BaseRemaining()}
	if err := y.post(&p, pi.Currency, pi.ExchangeRate, "Vratka "+pi.Number+" ("+pi.SupplierNumber+") – "+pi.Supplier.Name, "supplier_payment:", false, y.acc.Payables, settle); err != nil {
		return p, pi, err
	}
	pi.Paid -= p.Amount.Amount
	pi.PaidBase -= p.Base
	p.Amount = p.Amount.Neg() // recorded as a negative payment of the invoice
	p.Base = -p.Base
	if err := y.store(p, bSupPays, bPurchPays); err != nil {
		return p, pi, err
	}
	if err := putPurchase(y.tx, pi); err != nil {
		return p, pi, err
	}
	return p, pi, y.a.logKey("refund", "supplier_payment", p.ID, "audit.refund", "{{.amount}} back on {{.number}} ({{.method}})", payArgs(p.Amount.Neg(), pi.Number, p.Method))
}

// fitPayment refuses a payment in another currency than its document's, or
// more than is left to pay.
func fitPayment(p app.Payment, number, currency string, left int64) error {
	if p.Amount.Currency != currency {
		return app.Invalid("payment.amount", "err.payment.currency", "invoice {{.number}} is in {{.currency}}; record the payment in {{.currency}}", map[string]any{"number": number, "currency": currency})
	}
	if p.Amount.Amount > left {
		return app.Invalid("payment.amount", "err.payment.too_much", "only {{.left}} remains to be paid on {{.number}}", map[string]any{"left": app.M(left, currency), "number": number})
	}
	return nil
}

// post gives p its ID and posts it in the base currency at the document's
// rate: money in is Dr bank or cash, Cr counter (receivables, or payables for
// a supplier's refund); money out is Dr counter (payables), Cr bank or cash. A locked month is refused naming the payment's date.
func (y *payer) post(p *app.Payment, currency string, rate app.Rate, memo, source string, outgoing bool, counter string, s settlement) error {
	money := y.acc.Bank
	if p.Method == app.PayCash {
		money = y.acc.Cash
	}
	base := p.Amount
	foreign := currency != y.company.BaseCurrency
	if foreign {
		base = p.Amount.Convert(y.company.BaseCurrency, rate, app.HalfUp)
	}
	p.ID, p.Branch, p.Created = app.NewID(y.now), y.company.Branch, y.now
	// The payment that settles a foreign-currency document clears what the
	// ledger still carries for it: converting each part half-up leaves a
	// haléř or two, which go to the rounding accounts.
	open, diff := base.Amount, int64(0)
	if foreign && s.settles {
		if d := s.residual - base.Amount; isRounding(d) {
			open, diff = s.residual, d
		}
	}
	p.Base = open
	lines := []app.Line{{Account: money, Debit: base.Amount}, {Account: counter, Credit: open}}
	if outgoing {
		lines = []app.Line{{Account: counter, Debit: open}, {Account: money, Credit: base.Amount}}
		diff = -diff
	}
	memo = app.CutMemo(memo)
	rounding := app.CutMemo(memo + " – zaokrouhlení kurzu") // names the document, as every line of it does
	switch {
	case diff > 0: // more cleared than paid in, or less paid out than cleared
		lines = append(lines, app.Line{Account: y.acc.RoundingLoss, Debit: diff, Memo: rounding})
	case diff < 0:
		lines = append(lines, app.Line{Account: y.acc.RoundingGain, Credit: -diff, Memo: rounding})
	}
	e, err := y.poster.post(app.Entry{Date: p.Date, Memo: memo, Source: source + p.ID, Lines: lines})
	if err != nil {
		return app.WithField(err, "payment.date")
	}
	p.EntryID = e.ID
	return nil
}

// fillPaidBase gives an invoice recorded before PaidBase was kept the base
// amount its payments really posted (converting the total at once could miss
// by the haléře the parts rounded). What cannot be read falls back to FillBase.
func fillPaidBase(tx *bolt.Tx, d *app.SalesDoc, receivables string) {
	if d.PaidBase == 0 && d.Paid != 0 {
		if sum, ok := postedPaid(tx, d.ID, receivables); ok {
			d.PaidBase = sum
		}
	}
	d.FillBase()
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

// settlement says whether a payment pays what is left of its document, and
// what the ledger still carries for the document in the base currency.
type settlement struct {
	settles  bool
	residual int64
}

// maxSettleRounding bounds the rounding a settling payment writes off (one
// koruna): a bigger gap is no rounding but an exchange difference (a credit
// note at another rate), left on the account for the accountant.
const maxSettleRounding = 100

// isRounding reports whether a gap in the base currency is conversion
// rounding to write off: not zero, and at most maxSettleRounding either way.
func isRounding(d int64) bool { return d != 0 && d >= -maxSettleRounding && d <= maxSettleRounding }

// store writes the payment record and its document index key.
func (y *payer) store(p app.Payment, records, idx []byte) error {
	raw, err := encode(p)
	if err != nil {
		return err
	}
	if err := y.tx.Bucket(records).Put([]byte(p.ID), raw); err != nil {
		return err
	}
	if err := recordChange(y.tx, changeKindOf(records), []byte(p.ID), raw); err != nil {
		return err
	}
	return y.tx.Bucket(idx).Put(cat([]byte(p.DocID), sep, []byte(p.ID)), nil)
}
