package app

import (
	"slices"
	"strings"
)

// SalesRegimes are the regimes a sales document can have, in the order the
// form offers them.
var SalesRegimes = []VATRegime{RegimeDomestic, RegimeReverseCZ, RegimeEUGoods, RegimeEUServices, RegimeExport, RegimeExempt}

// PurchaseRegimes are the regimes of a received invoice: domestic (the
// supplier charged Czech VAT), received §92a, acquisition of goods from and
// services received from another member state (the three self-assessed), and
// import (RegimeExport on the received side: the VAT customs assessed on the
// import of goods, §23).
var PurchaseRegimes = []VATRegime{RegimeDomestic, RegimeReverseCZ, RegimeEUGoods, RegimeEUServices, RegimeExport}

// Of returns the regime, domestic when unset (documents made before regimes).
func (r VATRegime) Of() VATRegime {
	if r == "" {
		return RegimeDomestic
	}
	return r
}

// ChargesVAT reports whether a supply in the regime carries Czech VAT on the
// seller's document: only a domestic one does.
func (r VATRegime) ChargesVAT() bool { return r.Of() == RegimeDomestic }

// SelfAssessed reports whether the buyer, not the supplier, accounts for the
// VAT of a purchase in the regime (reverse charge, §92a, §24, §25).
func (r VATRegime) SelfAssessed() bool {
	return r == RegimeReverseCZ || r == RegimeEUGoods || r == RegimeEUServices
}

// ValidSales reports whether r is a regime of sales documents.
func (r VATRegime) ValidSales() bool { return slices.Contains(SalesRegimes, r.Of()) }

// ValidPurchase reports whether r is a regime of received invoices.
func (r VATRegime) ValidPurchase() bool { return slices.Contains(PurchaseRegimes, r.Of()) }

// ExemptParagraphs are the paragraphs of the VAT act that exempt a supply
// without the right to deduct (§51(1)): postal services, broadcasting,
// financial and insurance services, land and buildings (transfer §56, lease
// §56a), education, health, social care, lotteries, other exempt supplies and
// goods used for exempt supplies.
var ExemptParagraphs = []string{"§52", "§53", "§54", "§55", "§56", "§56a", "§57", "§58", "§59", "§60", "§61", "§62"}

// ReverseChargeCodes are the control statement's codes of a domestic
// reverse-charge supply (kód předmětu plnění): gold (§92b), immovable
// property (§92d), construction and assembly work (§92e), waste and scrap
// (§92c, annex 5).
var ReverseChargeCodes = []string{"1", "3", "4", "5"}

// euStates are the member states by ISO country code; a VAT ID of Greece
// starts EL.
var euStates = []string{"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
	"LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}

// IsEUCountry reports whether an ISO country code is a member state.
func IsEUCountry(cc string) bool { return slices.Contains(euStates, strings.ToUpper(cc)) }

// EUVATState returns the member state of a VAT ID by its prefix ("EL" is
// Greece), "" when the prefix is not a member state's.
func EUVATState(dic string) string {
	if len(dic) < 4 {
		return ""
	}
	cc := strings.ToUpper(dic[:2])
	if cc == "EL" {
		return "GR"
	}
	if cc == "GR" || !IsEUCountry(cc) {
		return ""
	}
	return cc
}

// OtherEUVATID reports whether dic is the VAT ID of a business registered in
// a member state other than the Czech Republic.
func OtherEUVATID(dic string) bool {
	s := EUVATState(dic)
	return s != "" && s != "CZ" && ValidateDIC(dic) == nil
}

// DefaultSalesRegime is the regime a new document for the customer starts
// with: a business with a VAT ID of another member state gets the
// intra-Community supply of goods, or the service to a business abroad when
// every line filled in is a service; a customer outside the EU the export,
// or the service when it is a business with a tax ID and every line a
// service; everyone else (Czech customers, EU consumers) the domestic
// regime. §92a and the exempt supplies are never guessed: they depend on
// what is sold.
func DefaultSalesRegime(c Customer, lines []DocLine) VATRegime {
	services := 0
	for _, l := range lines {
		if l.Goods {
			services = -1
			break
		}
		if strings.TrimSpace(l.Text) != "" {
			services++
		}
	}
	switch {
	case OtherEUVATID(c.DIC) && services > 0:
		return RegimeEUServices
	case OtherEUVATID(c.DIC):
		return RegimeEUGoods
	case outsideEU(c.Country) && foreignTaxID(c.DIC) && services > 0:
		return RegimeEUServices
	case outsideEU(c.Country):
		return RegimeExport
	}
	return RegimeDomestic
}

// outsideEU reports whether a country code is a country outside the EU.
func outsideEU(country string) bool {
	cc := strings.ToUpper(country)
	return cc != "" && !IsEUCountry(cc)
}

// foreignTaxID reports whether dic is a tax ID with the prefix of a country
// outside the EU (CHE123456789): the VAT return's row of services supplied
// outside the EU goes by it.
func foreignTaxID(dic string) bool {
	dic = NormalizeDIC(dic)
	return len(dic) > 3 && isUpperAlpha(dic[:2]) && EUVATState(dic) == "" && dic[:2] != "EL" && dic[:2] != "GR" && ValidateDIC(dic) == nil
}

// validateSalesRegime checks a document's regime against its supplier and
// customer; it clears what the regime does not use (the exempt paragraph, the
// reverse-charge code).
func validateSalesRegime(d *SalesDoc, c Company, cust Customer) error {
	d.Regime = d.Regime.Of()
	if !d.Regime.ValidSales() {
		return Invalid("doc.regime", "err.doc.regime", "choose the VAT regime of the document", nil)
	}
	if d.Regime != RegimeExempt {
		d.Exempt = ""
	}
	if d.Regime != RegimeReverseCZ {
		d.RCCode = ""
	}
	if d.Regime == RegimeDomestic {
		return nil
	}
	if !c.VATPayer {
		return Invalid("doc.regime", "err.doc.regime_nonpayer", "only a VAT payer issues documents in another VAT regime than the domestic one", nil)
	}
	if d.PricesIncludeVAT {
		return Invalid("doc.regime", "err.doc.regime_gross", "a document without Czech VAT has prices without VAT", nil)
	}
	dic := NormalizeDIC(cust.DIC)
	switch d.Regime {
	case RegimeReverseCZ:
		if !strings.HasPrefix(dic, "CZ") || ValidateDIC(dic) != nil {
			return Invalid("doc.regime", "err.doc.reverse_no_dic", "reverse charge under §92a needs the customer's Czech DIČ (a VAT payer)", nil)
		}
		if !slices.Contains(ReverseChargeCodes, d.RCCode) {
			return Invalid("doc.rc_code", "err.doc.rc_code", "choose what is supplied under §92a (the control statement's code)", nil)
		}
	case RegimeEUGoods:
		if !OtherEUVATID(dic) {
			return Invalid("doc.regime", "err.doc.eu_vat_id", "a supply to a business in another member state needs the customer's VAT ID of that state (e.g. SK2023418765)", nil)
		}
	case RegimeEUServices:
		// A business in another member state by its VAT ID; outside the EU
		// by its tax ID with the country prefix (ř. 26 of the return).
		if !OtherEUVATID(dic) && !(outsideEU(cust.Country) && foreignTaxID(dic)) {
			return Invalid("doc.regime", "err.doc.service_abroad", "a service to a business abroad needs the customer's VAT ID with its country prefix (e.g. ATU63785915, CHE123456789)", nil)
		}
	case RegimeExport:
		if cc := strings.ToUpper(cust.Country); cc == "" || IsEUCountry(cc) {
			return Invalid("doc.regime", "err.doc.export_country", "an export goes to a customer outside the EU; {{.country}} is a member state", map[string]any{"country": cc})
		}
	case RegimeExempt:
		if !slices.Contains(ExemptParagraphs, d.Exempt) {
			return Invalid("doc.exempt", "err.doc.exempt_paragraph", "choose the paragraph of the VAT act that exempts the supply (§52 to §62)", nil)
		}
	}
	return nil
}

// legacyRegime is the regime of a document stored before regimes, when it
// had the reverse-charge flag: printed as "daň odvede zákazník", it was a
// §92a supply for a Czech customer and a service to an EU business (Art. 196)
// for anyone else.
func legacyRegime(customerCountry string) VATRegime {
	if c := strings.ToUpper(customerCountry); c == "" || c == "CZ" {
		return RegimeReverseCZ
	}
	return RegimeEUServices
}

// LegalWording is RegimeWording of the document: a service to a business
// outside the EU is not "daň odvede zákazník" but a supply whose place is
// abroad (§9(1)), not subject to Czech VAT.
func (d SalesDoc) LegalWording(lang Lang) (cs, en string) {
	if d.Regime == RegimeEUServices && outsideEU(d.Customer.Country) && !OtherEUVATID(d.Customer.DIC) {
		cs, en = "Místo plnění mimo tuzemsko (§ 9 odst. 1 zákona o DPH) – plnění nepodléhá české DPH",
			"Place of supply outside the EU (Art. 44 Directive 2006/112/EC) – not subject to Czech VAT"
		if lang == Czech {
			en = ""
		}
		return cs, en
	}
	return RegimeWording(d.Regime, d.Exempt, lang)
}

// RegimeWording is the legal wording a document in the regime prints
// (§29(2) of the VAT act): the exemption with its provision, or "daň odvede
// zákazník"; in Czech, and for an English document also in English (the
// second string, "" for a Czech one). A domestic document prints none.
func RegimeWording(r VATRegime, exempt string, lang Lang) (cs, en string) {
	para := strings.TrimPrefix(exempt, "§")
	switch r.Of() {
	case RegimeEUGoods:
		cs, en = "Dodání zboží do jiného členského státu je osvobozeno od daně podle § 64 zákona o DPH",
			"Exempt intra-Community supply of goods, Art. 138 Directive 2006/112/EC"
	case RegimeEUServices:
		cs, en = "Daň odvede zákazník (§ 9 odst. 1 zákona o DPH)",
			"Reverse charge – Art. 196 Directive 2006/112/EC"
	case RegimeReverseCZ:
		cs, en = "Daň odvede zákazník podle § 92a zákona o DPH",
			"Reverse charge – VAT to be accounted for by the customer under § 92a of the Czech VAT Act"
	case RegimeExport:
		cs, en = "Osvobozeno od daně – vývoz zboží podle § 66 zákona o DPH",
			"Exempt export of goods, Art. 146 Directive 2006/112/EC"
	case RegimeExempt:
		cs, en = "Osvobozeno od daně podle § "+para+" zákona o DPH",
			"Exempt from VAT without the right to deduct under § "+para+" of the Czech VAT Act"
	default:
		return "", ""
	}
	if lang == Czech {
		en = ""
	}
	return cs, en
}
