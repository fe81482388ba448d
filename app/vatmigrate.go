package app

// CopyVATTags puts the tags of the lines a document posts now (computed) on
// the untagged lines of entry e it posted before tags existed: each tagged
// computed line tags the first untagged line of e with the same account and
// amounts. It returns how many lines it tagged; a line it cannot match (the
// posting rules changed since) stays untagged for the check to report.
func CopyVATTags(e *Entry, computed []Line) int {
	n := 0
	used := make([]bool, len(e.Lines))
	for _, c := range computed {
		if c.VAT == nil {
			continue
		}
		for i, l := range e.Lines {
			if !used[i] && l.VAT == nil && l.Account == c.Account && l.Debit == c.Debit && l.Credit == c.Credit {
				tag := *c.VAT
				e.Lines[i].VAT = &tag
				used[i] = true
				n++
				break
			}
		}
	}
	return n
}

// TagSupplyLines tags the still untagged lines of e on the revenue accounts
// with the regime's tag of document d and each line's own amount as its base
// (credit minus debit, the sign of the document): the fallback for a document
// without VAT whose revenue split CopyVATTags cannot reproduce (a
// reverse-charge invoice of several rates, from before regimes).
func TagSupplyLines(e *Entry, d SalesDoc, acc PostingAccounts) int {
	if d.ChargesVAT() || !d.Supplier.VATPayer {
		return 0
	}
	n := 0
	for i, l := range e.Lines {
		if l.VAT != nil || l.Account != acc.SalesGoods && l.Account != acc.SalesServices {
			continue
		}
		e.Lines[i].VAT = &VATTag{Side: VATOut, Regime: d.Regime.Of(), Base: l.Credit - l.Debit, Exempt: d.Exempt, RCCode: d.RCCode,
			Doc: d.Number, Partner: d.Customer.DIC, DocTotal: d.Totals.TotalCZK}
		n++
	}
	return n
}
