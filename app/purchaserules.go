package app

import "time"

// The rules of recording a received invoice. The store reads what they need
// (the company, the supplier, the invoice a credit note corrects, the
// account in the chart) in its transaction, calls them, and numbers, posts
// and stores what they return.

// PreparePurchase decides what received invoice p becomes when it is
// recorded under id at now: what a person typed normalized and checked, the
// regime checked against company c and supplier sup (zero when the store
// has no such customer), the VAT kinds filled, a credit note checked against
// orig, the invoice it corrects (nil when there is none), the record's
// bookkeeping fields reset. The number is the store's to assign
// (PurchaseEntry needs it); a non-payer's VAT is part of the cost.
func PreparePurchase(p PurchaseInvoice, c Company, sup Customer, orig *PurchaseInvoice, id string, now time.Time) (PurchaseInvoice, error) {
	p.Normalize(c.BaseCurrency, c.Chart.Posting())
	if err := p.Validate(); err != nil {
		return p, err
	}
	if sup.ID == "" {
		return p, WithField(Errorf(ENOTFOUND, "err.customer.not_found", "the customer does not exist", nil), "purchase.supplier")
	}
	if err := ValidatePurchaseRegime(&p, c, sup); err != nil {
		return p, err
	}
	p.FillKinds(c)
	if p.CreditNote {
		if orig == nil {
			return p, WithField(Errorf(ENOTFOUND, "err.purchase.not_found", "the received invoice does not exist", nil), "purchase.original")
		}
		if err := CheckPurchaseCredit(p, *orig); err != nil {
			return p, err
		}
		p.OriginalNo = orig.Number
		p.NoDeduction = orig.NoDeduction // the credit note corrects the VAT as its invoice booked it
	} else {
		p.OriginalID, p.OriginalNo = "", ""
	}
	p.ID, p.Branch, p.Created, p.Number = id, c.Branch, now, ""
	p.Paid, p.PaidBase, p.Posted, p.EntryID = 0, 0, 0, ""
	p.Credited, p.CreditedBase = 0, 0
	p.Supplier = PartyOfCustomer(sup)
	if !c.VATPayer {
		p.NoDeduction = true // a non-payer cannot claim input VAT: it is part of the cost
	}
	return p, nil
}

// CheckPurchaseCredit refuses credit note p of orig when orig is itself a
// credit note, has another supplier or currency, has less left than p
// takes off it, or another VAT regime.
func CheckPurchaseCredit(p, orig PurchaseInvoice) error {
	if orig.CreditNote {
		return Invalid("purchase.original", "err.purchase.credit_of_credit", "{{.number}} is itself a credit note; choose the invoice it corrects", map[string]any{"number": orig.Number})
	}
	if orig.SupplierID != p.SupplierID || orig.Currency != p.Currency {
		return Invalid("purchase.original", "err.purchase.credit_mismatch", "a credit note has the supplier and currency of its invoice {{.number}}", map[string]any{"number": orig.Number})
	}
	if left := orig.Total - orig.Credited; -p.Total > left {
		return Invalid("purchase.vat", "err.purchase.credit_too_large", "the credit note ({{.credit}}) is larger than what remains of invoice {{.number}} ({{.left}})",
			map[string]any{"credit": M(-p.Total, p.Currency), "number": orig.Number, "left": M(left, orig.Currency)})
	}
	if orig.Regime.Of() != p.Regime.Of() {
		return Invalid("purchase.regime", "err.purchase.credit_regime", "a credit note has the VAT regime of its invoice {{.number}}", map[string]any{"number": orig.Number})
	}
	return nil
}

// CheckPurchaseAccount refuses the account a received invoice's bases go
// to when the chart lacks it (known false) or it is neither an expense nor
// an asset (stock, material, a fixed asset).
func CheckPurchaseAccount(code string, a Account, known bool) error {
	if !known {
		return Invalid("purchase.account", "err.purchase.account_unknown", "account {{.code}} is not in the chart of accounts", map[string]any{"code": code})
	}
	if a.Type != Expense && a.Type != Asset {
		return Invalid("purchase.account", "err.purchase.account_type", "a received invoice is posted to an expense or asset account; {{.code}} {{.name}} is neither", map[string]any{"code": code, "name": a.Name})
	}
	return nil
}

// PurchaseEntry is the posting of numbered received invoice p: dated its
// DUZP, the bases to its account, the input VAT to the VAT account, the
// total to payables (PurchasePosting), its memo naming it.
func PurchaseEntry(p PurchaseInvoice, c Company) (Entry, error) {
	e := Entry{Date: p.TaxDate, Source: "purchase:" + p.ID, Lines: PurchasePosting(p, c.BaseCurrency, c.Chart.Posting())}
	e.SetMemo(MemoPurchase(p.Number, p.SupplierNumber, p.Supplier.Name))
	e.CutMemos()
	if err := e.Validate(); err != nil {
		return e, Internal("building the posting of "+p.Number, err)
	}
	return e, nil
}

// Booked gives p its posted entry e: the entry's ID, and Posted, what the
// payables line carries (on the debit side for a credit note).
func (p *PurchaseInvoice) Booked(e Entry, acc PostingAccounts) {
	p.EntryID, p.Posted = e.ID, 0
	for _, l := range e.Lines {
		if l.Account == acc.Payables {
			p.Posted += l.Credit - l.Debit
		}
	}
}

// ApplyPurchaseCredit is invoice orig after posted credit note p: what the
// note took off it, and — when the note closed a foreign-currency invoice
// and 321 still carries haléře of conversion rounding for it — the entry
// that clears them (nil when there are none), as a closing sales credit
// note does for 311.
func ApplyPurchaseCredit(orig, p PurchaseInvoice, acc PostingAccounts) (PurchaseInvoice, *Entry) {
	orig.Credited += -p.Total
	orig.CreditedBase += -p.Posted
	r := CreditResidue(orig.ExchangeRate, orig.Remaining(), orig.BaseRemaining()) // a credit 321 still carries
	if r == 0 {
		return orig, nil
	}
	e := RoundingEntry(acc.Payables, -r, p.TaxDate, MemoRateRounding(orig.Number), "rounding:"+p.ID, acc)
	orig.CreditedBase += r
	return orig, &e
}
