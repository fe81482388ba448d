package app

import "context"

// Open reports whether the document is open for the receivables: an issued
// invoice with something left to pay, or an issued credit note that names
// no invoice with something left to refund — the documents AgeReceivables
// counts as of today. The store keeps the open documents in a list, so an
// aging reads only those.
func (r DocRow) Open() bool {
	if r.Status != StatusIssued {
		return false
	}
	switch r.Kind {
	case KindInvoice:
		return r.Remaining() > 0
	case KindCreditNote:
		return r.OriginalID == "" && r.Remaining() < 0
	}
	return false
}

// Header is the document a row was made of without its lines, parties'
// addresses and the rest RowOf leaves out: enough for AgeReceivables, a
// statement's totals and the customer card's open invoices.
func (r DocRow) Header() SalesDoc {
	return SalesDoc{ID: r.ID, Kind: r.Kind, Status: r.Status, Number: r.Number, CustomerID: r.CustomerID,
		Customer: Party{Name: r.Customer, ICO: r.ICO}, IssueDate: r.IssueDate, TaxDate: r.TaxDate, DueDate: r.DueDate,
		ValidUntil: r.ValidUntil, Created: r.Created, Currency: r.Currency, ExchangeRate: r.Rate,
		Totals: DocTotals{Base: r.Base, VAT: r.VAT, Total: r.Total, TotalCZK: r.TotalBase},
		Paid:   r.Paid, Credited: r.Credited, PaidBase: r.PaidBase, CreditedBase: r.CreditedBase, OriginalID: r.OriginalID}
}

// ReceivablesReader is a SalesService that gathers ReceivablesAsOf's
// documents itself, in one read (the store: one transaction, from its lists
// of documents). ReceivablesAsOf uses it when the service has it.
type ReceivablesReader interface {
	ReceivablesAsOf(ctx context.Context, asOf, today Date) ([]SalesDoc, error)
}

// PayablesReader is the same for PayablesAsOf.
type PayablesReader interface {
	PayablesAsOf(ctx context.Context, asOf, today Date) ([]PurchaseInvoice, error)
}

// LaterCredits are what credit notes issued after an aging's day took off
// their invoices: invoice ID → amount and base amount (negative: to be
// added back). AddSale and AddPurchase gather them.
type LaterCredits map[string][2]int64

// AddSale notes sales credit note d if it was issued after asOf.
func (l LaterCredits) AddSale(d SalesDoc, asOf Date) {
	if d.Kind == KindCreditNote && d.Status == StatusIssued && d.OriginalID != "" && d.IssueDate.After(asOf) {
		c := l[d.OriginalID]
		l[d.OriginalID] = [2]int64{c[0] - d.Totals.Total, c[1] - d.Totals.TotalCZK}
	}
}

// AddPurchase notes received credit note p if it was recorded for after asOf.
func (l LaterCredits) AddPurchase(p PurchaseInvoice, asOf Date) {
	if p.CreditNote && p.OriginalID != "" && p.IssueDate.After(asOf) {
		c := l[p.OriginalID]
		l[p.OriginalID] = [2]int64{c[0] - p.Total, c[1] - p.Posted}
	}
}

// RewindSale is invoice d as it stood at the end of asOf: its credit notes
// issued later (l) and its payments (pays, all of them or only those after
// asOf) dated after asOf taken back out.
func RewindSale(d SalesDoc, l LaterCredits, pays []Payment, asOf Date) SalesDoc {
	d.FillBase()
	if c, ok := l[d.ID]; ok {
		d.Credited -= c[0]
		d.CreditedBase -= c[1]
	}
	for _, p := range pays {
		if p.Date.After(asOf) {
			d.Paid -= p.Amount.Amount
			d.PaidBase -= paymentBase(p, d.Currency, d.ExchangeRate)
		}
	}
	return d
}

// RewindPurchase is RewindSale for a received invoice.
func RewindPurchase(p PurchaseInvoice, l LaterCredits, pays []Payment, asOf Date) PurchaseInvoice {
	if c, ok := l[p.ID]; ok {
		p.Credited -= c[0]
		p.CreditedBase -= c[1]
	}
	for _, x := range pays {
		if x.Date.After(asOf) {
			p.Paid -= x.Amount.Amount
			p.PaidBase -= paymentBase(x, p.Currency, p.ExchangeRate)
		}
	}
	return p
}
