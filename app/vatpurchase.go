package app

import (
	"slices"
	"strings"
)

// KindOfRate is the kind (VATStandard, VATReduced, VATZero) whose rate on
// day is r, "" when none of the company's rates is r then (a rate that is
// no longer, or not yet, in force).
func KindOfRate(c Company, r Rate, day Date) string {
	for _, kind := range []string{VATStandard, VATReduced, VATZero} {
		if have, err := c.VATRateOn(kind, day); err == nil && have == r {
			return kind
		}
	}
	if r.micro == 0 {
		return VATZero
	}
	return ""
}

// FillKinds sets each rate part's kind from the company's rates on the DUZP.
func (p *PurchaseInvoice) FillKinds(c Company) {
	for i := range p.VAT {
		p.VAT[i].Kind = KindOfRate(c, p.VAT[i].Rate, p.TaxDate)
	}
}

// ValidatePurchaseRegime checks a received invoice's regime against the
// company and the supplier: a self-assessed purchase is the VAT payer's,
// §92a comes from a Czech VAT payer (with the control statement's code), an
// acquisition from another member state from a business with that state's
// VAT ID. It clears the reverse-charge code of any other regime.
func ValidatePurchaseRegime(p *PurchaseInvoice, c Company, supplier Customer) error {
	p.Regime = p.Regime.Of()
	if !p.Regime.ValidPurchase() {
		return Invalid("purchase.regime", "err.purchase.regime", "choose the VAT regime of the received invoice", nil)
	}
	if p.Regime != RegimeReverseCZ {
		p.RCCode = ""
	}
	if !p.Regime.SelfAssessed() {
		return nil
	}
	if !c.VATPayer {
		return Invalid("purchase.regime", "err.purchase.regime_nonpayer", "only a VAT payer self-assesses the VAT of a purchase", nil)
	}
	dic := NormalizeDIC(supplier.DIC)
	if p.Regime == RegimeReverseCZ {
		if !strings.HasPrefix(dic, "CZ") || ValidateDIC(dic) != nil {
			return Invalid("purchase.regime", "err.purchase.reverse_no_dic", "a purchase under §92a comes from a Czech VAT payer: the supplier needs a Czech DIČ", nil)
		}
		if !slices.Contains(ReverseChargeCodes, p.RCCode) {
			return Invalid("purchase.rc_code", "err.doc.rc_code", "choose what is supplied under §92a (the control statement's code)", nil)
		}
		return nil
	}
	if !OtherEUVATID(dic) {
		return Invalid("purchase.regime", "err.purchase.eu_vat_id", "a purchase from another member state needs the supplier's VAT ID of that state (e.g. DE811907980)", nil)
	}
	return nil
}
