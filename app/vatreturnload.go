package app

import "context"

// VATFilings are the three VAT filings of a period, made from one reading of
// the period's tagged postings, with the company that files them.
type VATFilings struct {
	Company Company
	Return  VATReturn
	Control VATControl
	EUSales EUSales
}

// LoadVATFilings reads the tagged postings of [from, to] through svc.VAT
// (which checks the user may read the ledger) and builds the return, the
// control statement and the EU sales list.
func LoadVATFilings(ctx context.Context, svc Services, from, to Date) (VATFilings, error) {
	if err := ValidatePeriod(from, to); err != nil {
		return VATFilings{}, err
	}
	c, err := svc.Company.Company(ctx)
	if err != nil {
		return VATFilings{}, err
	}
	ps, err := svc.VAT.VATPostings(ctx, from, to)
	if err != nil {
		return VATFilings{}, err
	}
	acct := c.Chart.Posting().VAT
	return VATFilings{
		Company: c,
		Return:  BuildVATReturn(ps, from, to, acct, c.VATRates),
		Control: BuildVATControl(ps, from, to, acct, c.VATRates),
		EUSales: BuildEUSales(ps, from, to, acct),
	}, nil
}
