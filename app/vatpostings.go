package app

import "context"

// The VAT return is built from the ledger, not from the documents: every line
// that touches the VAT account (343) carries a VATTag saying what it is, and a
// supply or purchase that moves no VAT (an intra-Community supply, an export,
// an exempt supply, a reverse-charge sale) carries the tag on its revenue or
// cost line instead, with its base. So the return's output minus input always
// equals the movement of 343 less the settlements with the tax office, and no
// VAT can reach 343 without a row of the return to land in.

// VATRegime is how a supply is taxed: it decides the legal wording on the
// document and the rows of the VAT return and of the control statement.
type VATRegime string

// VAT regimes of sales (and, with VATIn, of purchases).
const (
	// RegimeDomestic is a domestic supply with Czech VAT (ř. 1/2; received: ř. 40/41).
	RegimeDomestic VATRegime = "domestic"
	// RegimeReverseCZ is domestic reverse charge, §92a: the customer pays the
	// VAT (sold: ř. 25, KH A.1; received: ř. 10/11 and 43/44, KH B.1).
	RegimeReverseCZ VATRegime = "reverse_cz"
	// RegimeEUGoods is an intra-Community supply of goods, §64: exempt with
	// credit (sold: ř. 20, souhrnné hlášení code 0; received — acquisition,
	// §25: ř. 3/4 and 43/44, KH A.2).
	RegimeEUGoods VATRegime = "eu_goods"
	// RegimeEUServices is a service to a business in another member state,
	// §9(1) (sold: ř. 21, souhrnné hlášení code 3; received: ř. 5/6 and
	// 43/44, KH A.2).
	RegimeEUServices VATRegime = "eu_services"
	// RegimeExport is an export of goods outside the EU, §66 (ř. 22; received
	// — import, §23: ř. 7/8 and 42).
	RegimeExport VATRegime = "export"
	// RegimeExempt is a supply exempt without credit, §51 with the paragraph
	// in VATTag.Exempt (ř. 50).
	RegimeExempt VATRegime = "exempt"
	// RegimeSettlement marks a posting to 343 that is not a supply: paying the
	// VAT due to the tax office or receiving an excess deduction back. The
	// return leaves it out; reconciliation with 343 counts it.
	RegimeSettlement VATRegime = "settlement"
)

// VATSide says on which side of the return a tagged line counts.
type VATSide string

// Sides of the return.
const (
	VATOut VATSide = "out" // daň na výstupu (supplies, self-assessed acquisitions)
	VATIn  VATSide = "in"  // odpočet daně (purchases with the right to deduct)
)

// VATTag rides on a journal Line: what the line is for the VAT return. On a
// line of the VAT account the line's amount is the VAT; on any other line
// (a supply with no VAT) the amount is not VAT and only Base counts.
type VATTag struct {
	Side   VATSide   `json:"side,omitempty"` // empty for RegimeSettlement
	Regime VATRegime `json:"regime"`
	Kind   string    `json:"kind,omitempty"` // VATStandard, VATReduced, VATZero
	Rate   Rate      `json:"rate"`
	// Base is the tax base in the base currency's minor units: positive for a
	// supply or purchase, negative for a credit note (the sign of the
	// document, not of the debit or credit side).
	Base int64 `json:"base"`
	// Exempt is the paragraph of an exempt supply ("§56a"), RegimeExempt only.
	Exempt string `json:"exempt,omitempty"`
	// RCCode is the control statement's code of what a §92a supply is
	// (kód předmětu plnění, ReverseChargeCodes), RegimeReverseCZ only.
	RCCode string `json:"rc_code,omitempty"`
	// Doc is the tax document's number as the control statement names it (our
	// number for sales, the supplier's for purchases); Partner is the other
	// party's DIČ (VAT ID with its country prefix), empty for a person without one.
	Doc     string `json:"doc,omitempty"`
	Partner string `json:"partner,omitempty"`
	// DocTotal is the document's total with VAT in the base currency (the
	// control statement's 10 000 Kč threshold is per document).
	DocTotal int64 `json:"doc_total,omitempty"`
}

// VATPosting is one tagged journal line as the VAT return reads it.
type VATPosting struct {
	Date    Date   `json:"date"`    // the entry's date (DUZP)
	EntryID string `json:"entry"`   // journal entry ID
	Number  string `json:"number"`  // journal entry number
	Account string `json:"account"` // the line's account
	Tag     VATTag `json:"tag"`
	// VAT is the line's VAT as the return counts it, positive on the line's
	// side: on an output line credit minus debit, on an input line debit
	// minus credit; zero on a line that is not on the VAT account.
	VAT int64 `json:"vat"`
	// Movement is the line's debit minus credit when it is on the VAT account,
	// zero otherwise — what it adds to 343's balance.
	Movement int64 `json:"movement"`
}

// VATPostingService reads the tagged postings of a period.
type VATPostingService interface {
	// VATPostings returns every tagged journal line dated within [from, to]
	// (inclusive), in date and entry order.
	VATPostings(ctx context.Context, from, to Date) ([]VATPosting, error)
}

// VATPostingsOf lists the tagged lines of one entry; vatAccount is the
// chart's VAT account (343), whose lines carry VAT.
func VATPostingsOf(e Entry, vatAccount string) []VATPosting {
	var out []VATPosting
	for _, l := range e.Lines {
		if l.VAT == nil {
			continue
		}
		p := VATPosting{Date: e.Date, EntryID: e.ID, Number: e.Number, Account: l.Account, Tag: *l.VAT}
		if l.Account == vatAccount {
			p.Movement = l.Debit - l.Credit
			switch l.VAT.Side {
			case VATOut:
				p.VAT = l.Credit - l.Debit
			case VATIn:
				p.VAT = l.Debit - l.Credit
			}
		}
		out = append(out, p)
	}
	return out
}
