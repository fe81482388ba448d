package app

import "time"

// The rules of a credit note: which invoice it may correct, how much, its
// totals (CreditNoteTotals), and the haléř of conversion rounding a
// foreign-currency invoice it closes still carries. The store reads the
// invoice and its earlier credit notes, calls these, and stores.

// ApplyCreditNote checks credit note cn (prepared for issue) against the
// invoice inv it corrects, which the issued credit notes prior corrected
// already, and returns cn with its totals (CreditNoteTotals) and the
// invoice's number, and inv with the credit recorded. It refuses an invoice
// that is not issued, another customer or currency, another VAT regime,
// and a credit note larger than what remains of the invoice.
func ApplyCreditNote(cn, inv SalesDoc, prior []SalesDoc, base string) (SalesDoc, SalesDoc, error) {
	if inv.Kind != KindInvoice || inv.Status != StatusIssued {
		return cn, inv, Invalid("doc.original", "err.credit.not_invoice", "a credit note corrects an issued invoice", nil)
	}
	if inv.Currency != cn.Currency || inv.CustomerID != cn.CustomerID {
		return cn, inv, Invalid("doc.original", "err.credit.mismatch", "a credit note has the customer and currency of its invoice", nil)
	}
	if inv.Regime.Of() != cn.Regime.Of() || inv.Exempt != cn.Exempt {
		return cn, inv, Invalid("doc.regime", "err.credit.regime", "a credit note has the VAT regime of its invoice {{.number}}", map[string]any{"number": inv.Number})
	}
	cn.Totals = CreditNoteTotals(cn, inv, prior, base)
	left := inv.Totals.Total - inv.Credited
	if -cn.Totals.Total > left {
		return cn, inv, Invalid("doc.lines", "err.credit.too_large", "the credit note ({{.credit}}) is larger than what remains of invoice {{.number}} ({{.left}})",
			map[string]any{"credit": M(-cn.Totals.Total, cn.Currency), "number": inv.Number, "left": M(left, inv.Currency)})
	}
	inv.FillBase()
	inv.Credited += -cn.Totals.Total
	inv.CreditedBase += -cn.Totals.TotalCZK
	inv.Updated = cn.Updated
	cn.OriginalNo = inv.Number
	return cn, inv, nil
}

// CreditResidue is the rounding a foreign-currency document closed by a
// credit note (nothing left to pay) still carries in the base currency —
// baseRemaining when that is rounding (IsRounding), else 0 (nothing to
// clear).
func CreditResidue(rate Rate, remaining, baseRemaining int64) int64 {
	if !rate.IsForeign() || remaining != 0 || !IsRounding(baseRemaining) {
		return 0
	}
	return baseRemaining
}

// RoundingEntry clears the rounding account still carries for a closed
// document (carried: its debit minus credit) against the rounding loss
// (548) or gain (648) account, on day on.
func RoundingEntry(account string, carried int64, on Date, memo Memo, source string, acc PostingAccounts) Entry {
	text := CutMemo(memo.Czech)
	lines := []Line{{Account: account, Credit: carried, Memo: text}, {Account: acc.RoundingLoss, Debit: carried, Memo: text}}
	if carried < 0 {
		lines = []Line{{Account: account, Debit: -carried, Memo: text}, {Account: acc.RoundingGain, Credit: -carried, Memo: text}}
	}
	e := Entry{Date: on, Source: source, Lines: lines}
	e.SetMemo(memo)
	e.CutMemos()
	return e
}

// CloseCredited clears the haléř a foreign-currency invoice inv's 311 still
// carries when credit note cn (applied to it by ApplyCreditNote) has closed
// it: each part was converted half-up on its own, so their sum can miss by
// a rounding, which goes to 548/648 as a settling payment's would. It
// returns the invoice with the rounding recorded and the entry to post, or
// the invoice unchanged and nil when there is nothing to clear.
func CloseCredited(inv, cn SalesDoc, acc PostingAccounts) (SalesDoc, *Entry) {
	residual := CreditResidue(inv.ExchangeRate, inv.Remaining(), inv.BaseRemaining()) // a debit 311 still carries
	if residual == 0 {
		return inv, nil
	}
	e := RoundingEntry(acc.Receivables, residual, cn.TaxDate, MemoRateRounding(inv.Number), "rounding:"+cn.ID, acc)
	inv.FillBase()
	inv.CreditedBase += residual
	return inv, &e
}

// CreditDraftTotals are a credit note draft's totals as issuing will compute
// them (CreditNoteTotals against its invoice inv and the invoice's issued
// credit notes prior), with the VAT rates valid on its DUZP (WithRates); a
// draft of another kind, or one whose invoice could not be read (inv nil),
// has its own totals.
func CreditDraftTotals(d SalesDoc, inv *SalesDoc, prior []SalesDoc, c Company) DocTotals {
	d = WithRates(d, c)
	if d.Kind == KindCreditNote && inv != nil {
		return CreditNoteTotals(d, *inv, prior, c.BaseCurrency)
	}
	return ComputeTotals(d, c.BaseCurrency)
}

// CreditNoteDraft is a new draft credit note (ID id) taking back what
// remains of the issued invoice inv — each line negated — for reason;
// prior are inv's issued credit notes, c the company (its rates and base
// currency give the totals). The user may reduce it before issuing. It
// refuses a document that is not an issued invoice and an invoice credited
// in full.
func CreditNoteDraft(inv SalesDoc, reason, id string, now time.Time, today Date, c Company, prior []SalesDoc) (SalesDoc, error) {
	if inv.Kind != KindInvoice || inv.Status != StatusIssued {
		return SalesDoc{}, Invalid("doc.original", "err.credit.not_invoice", "a credit note corrects an issued invoice", nil)
	}
	if inv.Totals.Total-inv.Credited <= 0 {
		return SalesDoc{}, Errorf(ECONFLICT, "err.credit.nothing_left", "invoice {{.number}} is fully credited already", map[string]any{"number": inv.Number})
	}
	lines := make([]DocLine, len(inv.Lines))
	for i, l := range inv.Lines {
		l.Quantity = -l.Quantity
		lines[i] = l
	}
	out := SalesDoc{ID: id, Branch: inv.Branch, Kind: KindCreditNote, Status: StatusDraft,
		CustomerID: inv.CustomerID, Customer: inv.Customer, Supplier: inv.Supplier, IssueDate: today, TaxDate: today, DueDate: today,
		Currency: inv.Currency, ExchangeRate: inv.ExchangeRate, PricesIncludeVAT: inv.PricesIncludeVAT, Regime: inv.Regime, Exempt: inv.Exempt, RCCode: inv.RCCode,
		PaymentMethod: inv.PaymentMethod, Lines: lines, OriginalID: inv.ID, OriginalNo: inv.Number, Reason: reason, Created: now, Updated: now}
	out.Totals = CreditDraftTotals(out, &inv, prior, c)
	return out, nil
}
