package app

// NetUnitPrice is line l's unit price without VAT, as §29(1)(i) of the VAT
// act asks every tax document to state: the price itself when d's prices
// exclude VAT or d charges none; otherwise the VAT-inclusive price less the
// VAT it contains, computed as the recap computes the VAT of a gross amount
// (gross × rate / (100 + rate), half-up to the minor unit, §37). So a unit
// price of 121,00 at 21 % is 100,00 without VAT, and 100,00 is 82,64.
func NetUnitPrice(d SalesDoc, l DocLine) int64 {
	if !d.PricesIncludeVAT || !d.ChargesVAT() {
		return l.UnitPrice
	}
	return l.UnitPrice - M(l.UnitPrice, d.Currency).vatOfGross(l.VATRate)
}
