package app

import "time"

// The rules of a payment: what a person may type, which document it may pay,
// how much, and how it posts — bank (221) or cash (211) against the
// receivable (311) or the payable (321), in the base currency at the
// document's rate, the haléř a settling payment of a foreign-currency
// document leaves going to the rounding accounts. The store reads the
// document, calls PaySale, PayPurchase or RefundPurchase, posts the entry
// they return and stores the payment and the document.

// CheckPayment refuses what a person typed wrong before anything is read:
// no date, no amount, an unknown method. An empty method becomes bank.
func CheckPayment(p *Payment) error {
	if p.Date.IsZero() {
		return Invalid("payment.date", "err.required", "is required", nil)
	}
	if p.Amount.Amount <= 0 {
		return Invalid("payment.amount", "err.payment.positive", "a payment must be more than zero", nil)
	}
	if p.Method == "" {
		p.Method = PayBank
	}
	if p.Method != PayBank && p.Method != PayCash {
		return Invalid("payment.method", "err.doc.payment_method", "choose bank transfer or cash", nil)
	}
	return nil
}

// MaxSettleRounding bounds the rounding a settling payment writes off (one
// koruna): a bigger gap is no rounding but an exchange difference (a credit
// note at another rate), left on the account for the accountant.
const MaxSettleRounding = 100

// IsRounding reports whether a gap in the base currency is conversion
// rounding to write off: not zero, and at most MaxSettleRounding either way.
func IsRounding(d int64) bool { return d != 0 && d >= -MaxSettleRounding && d <= MaxSettleRounding }

// Settlement says whether a payment pays what is left of its document
// (Settles), and what the ledger still carries for the document in the base
// currency (Residual, positive).
type Settlement struct {
	Settles  bool
	Residual int64
}

// PaySale is payment p (checked by CheckPayment) of the issued invoice inv
// (its PaidBase filled, see FillPaidBase): the payment with its ID, branch,
// creation time and base amount, the invoice with the payment added, and the
// entry to post (its ID goes to the payment's EntryID). It refuses a
// document that is not an issued invoice, another currency, and more than
// remains to be paid.
func PaySale(inv SalesDoc, p Payment, c Company, now time.Time) (Payment, SalesDoc, Entry, error) {
	if inv.Kind != KindInvoice || inv.Status != StatusIssued {
		return p, inv, Entry{}, Invalid("payment.doc", "err.payment.not_issued", "payments are recorded against issued invoices", nil)
	}
	if err := fitPayment(p, inv.Number, inv.Currency, inv.Remaining()); err != nil {
		return p, inv, Entry{}, err
	}
	inv.FillBase()
	s := Settlement{Settles: p.Amount.Amount == inv.Remaining(), Residual: inv.BaseRemaining()}
	p, e := PaymentEntry(p, inv.Currency, inv.ExchangeRate, MemoPayment(inv.Number, inv.Customer.Name), "payment:", false, c.Chart.Posting().Receivables, s, c, now)
	inv.Paid += p.Amount.Amount
	inv.PaidBase += p.Base
	inv.Updated = now
	inv.Revision++
	return p, inv, e, nil
}

// PayPurchase is payment p (checked by CheckPayment) of the received invoice
// pi: Dr payables, Cr bank or cash. It refuses a credit note (settled
// against its invoice), another currency, and more than remains to be paid.
func PayPurchase(pi PurchaseInvoice, p Payment, c Company, now time.Time) (Payment, PurchaseInvoice, Entry, error) {
	if pi.CreditNote {
		return p, pi, Entry{}, Invalid("payment.doc", "err.payment.credit_note", "{{.number}} is a credit note: it is settled against its invoice {{.original}}", map[string]any{"number": pi.Number, "original": pi.OriginalNo})
	}
	if err := fitPayment(p, pi.Number, pi.Currency, pi.Remaining()); err != nil {
		return p, pi, Entry{}, err
	}
	s := Settlement{Settles: p.Amount.Amount == pi.Remaining() && pi.Posted != 0, Residual: pi.BaseRemaining()}
	p, e := PaymentEntry(p, pi.Currency, pi.ExchangeRate, MemoSupplierPayment(pi.Number, pi.SupplierNumber, pi.Supplier.Name), "supplier_payment:", true, c.Chart.Posting().Payables, s, c, now)
	pi.Paid += p.Amount.Amount
	pi.PaidBase += p.Base
	return p, pi, e, nil
}

// RefundPurchase is money a supplier sent back (p.Amount positive, checked by
// CheckPayment) for the received invoice pi whose credit note left it
// overpaid (Remaining negative): Dr bank or cash, Cr payables. The invoice's
// Paid goes down; the payment is returned as a negative payment of the
// invoice (Amount and Base negated), as it is stored. It refuses a credit
// note, an invoice that is not overpaid, another currency and more than the
// overpayment.
func RefundPurchase(pi PurchaseInvoice, p Payment, c Company, now time.Time) (Payment, PurchaseInvoice, Entry, error) {
	if pi.CreditNote || pi.Remaining() >= 0 {
		return p, pi, Entry{}, Invalid("payment.doc", "err.payment.no_refund", "the supplier owes no refund on {{.number}}; money received pays an issued invoice", map[string]any{"number": pi.Number})
	}
	if err := fitPayment(p, pi.Number, pi.Currency, -pi.Remaining()); err != nil {
		return p, pi, Entry{}, err
	}
	s := Settlement{Settles: p.Amount.Amount == -pi.Remaining() && pi.Posted != 0, Residual: -pi.BaseRemaining()}
	p, e := PaymentEntry(p, pi.Currency, pi.ExchangeRate, MemoSupplierRefund(pi.Number, pi.SupplierNumber, pi.Supplier.Name), "supplier_payment:", false, c.Chart.Posting().Payables, s, c, now)
	pi.Paid -= p.Amount.Amount
	pi.PaidBase -= p.Base
	p.Amount = p.Amount.Neg()
	p.Base = -p.Base
	return p, pi, e, nil
}

// fitPayment refuses a payment in another currency than its document's, or
// more than is left to pay.
func fitPayment(p Payment, number, currency string, left int64) error {
	if p.Amount.Currency != currency {
		return Invalid("payment.amount", "err.payment.currency", "invoice {{.number}} is in {{.currency}}; record the payment in {{.currency}}", map[string]any{"number": number, "currency": currency})
	}
	if p.Amount.Amount > left {
		return Invalid("payment.amount", "err.payment.too_much", "only {{.left}} remains to be paid on {{.number}}", map[string]any{"left": M(left, currency), "number": number})
	}
	return nil
}

// PaymentEntry gives p its ID, branch, creation time and Base, and returns
// the entry that posts it in c's base currency at the document's rate (the
// document is in docCur at rate): money in (out false) is Dr bank or cash,
// Cr counter (receivables, or payables for a supplier's refund); money out
// is Dr counter (payables), Cr bank or cash. The entry's source is source
// followed by the payment's ID, its memo memo.
//
// The payment that settles a foreign-currency document (s.Settles) clears
// what the ledger still carries for it (s.Residual): converting each part
// half-up leaves a haléř or two, which go to the rounding accounts (548 a
// loss, 648 a gain) on a line whose memo is memo's MemoFXRounding; a gap
// larger than MaxSettleRounding is left alone.
func PaymentEntry(p Payment, docCur string, rate Rate, memo Memo, source string, out bool, counter string, s Settlement, c Company, now time.Time) (Payment, Entry) {
	acc := c.Chart.Posting()
	money := acc.Bank
	if p.Method == PayCash {
		money = acc.Cash
	}
	base := p.Amount
	foreign := docCur != c.BaseCurrency
	if foreign {
		base = p.Amount.Convert(c.BaseCurrency, rate, HalfUp)
	}
	p.ID, p.Branch, p.Created = NewID(now), c.Branch, now
	open, diff := base.Amount, int64(0)
	if foreign && s.Settles {
		if d := s.Residual - base.Amount; IsRounding(d) {
			open, diff = s.Residual, d
		}
	}
	p.Base = open
	lines := []Line{{Account: money, Debit: base.Amount}, {Account: counter, Credit: open}}
	if out {
		lines = []Line{{Account: counter, Debit: open}, {Account: money, Credit: base.Amount}}
		diff = -diff
	}
	// The rounding line names the document, as every line of it does; it
	// is made from the memo as the entry keeps it (cut).
	cut := memo
	cut.Czech = CutMemo(memo.Czech)
	rounding := CutMemo(MemoFXRounding(cut).Czech)
	switch {
	case diff > 0: // more cleared than paid in, or less paid out than cleared
		lines = append(lines, Line{Account: acc.RoundingLoss, Debit: diff, Memo: rounding})
	case diff < 0:
		lines = append(lines, Line{Account: acc.RoundingGain, Credit: -diff, Memo: rounding})
	}
	e := Entry{Date: p.Date, Source: source + p.ID, Lines: lines}
	e.SetMemo(memo)
	e.CutMemos()
	return p, e
}

// FillPaidBase gives an invoice recorded before PaidBase was kept the base
// amount its payments really posted (posted, read from the journal; ok false
// when it could not be read), since converting the total at once could miss
// by the haléře the parts rounded; then FillBase fills what is still
// missing at the document's rate.
func (d *SalesDoc) FillPaidBase(posted int64, ok bool) {
	if d.PaidBase == 0 && d.Paid != 0 && ok {
		d.PaidBase = posted
	}
	d.FillBase()
}

// NeedsPaidBase reports whether FillPaidBase would use the amount the
// payments posted (the store reads the journal only then).
func (d SalesDoc) NeedsPaidBase() bool { return d.PaidBase == 0 && d.Paid != 0 }
