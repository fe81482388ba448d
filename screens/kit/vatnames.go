package kit

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

// RegimeName is a VAT regime as the selectors show it.
func RegimeName(r app.VATRegime) string {
	switch r.Of() {
	case app.RegimeReverseCZ:
		return lang.X("regime.reverse_cz", "Domestic reverse charge (§92a)")
	case app.RegimeEUGoods:
		return lang.X("regime.eu_goods", "Goods to another EU member state (§64)")
	case app.RegimeEUServices:
		return lang.X("regime.eu_services", "Service to a business abroad (§9(1))")
	case app.RegimeExport:
		return lang.X("regime.export", "Export outside the EU (§66)")
	case app.RegimeExempt:
		return lang.X("regime.exempt", "Exempt without credit (§51)")
	case app.RegimeSettlement:
		return lang.X("regime.settlement", "Settlement with the tax office")
	}
	return lang.X("regime.domestic", "Domestic supply with VAT")
}

// PurchaseRegimeName is a regime of a received invoice: the same words,
// except that the supply is received (and RegimeExport is an import).
func PurchaseRegimeName(r app.VATRegime) string {
	switch r.Of() {
	case app.RegimeReverseCZ:
		return lang.X("regime.in.reverse_cz", "Domestic reverse charge received (§92a)")
	case app.RegimeEUGoods:
		return lang.X("regime.in.eu_goods", "Goods acquired from another EU member state (§25)")
	case app.RegimeEUServices:
		return lang.X("regime.in.eu_services", "Service received from an EU business (§9(1))")
	case app.RegimeExport:
		return lang.X("regime.in.import", "Import – customs declaration (§23)")
	}
	return lang.X("regime.in.domestic", "Domestic purchase with VAT")
}

// ExemptName is an exempting paragraph with what it covers.
func ExemptName(p string) string {
	key := "exempt." + strings.TrimPrefix(p, "§")
	names := map[string]string{
		"§52": "postal services", "§53": "broadcasting", "§54": "financial services", "§55": "insurance",
		"§56": "transfer of land and buildings", "§56a": "lease of land, buildings and premises", "§57": "education",
		"§58": "health care", "§59": "social care", "§60": "lotteries", "§61": "other exempt supplies",
		"§62": "goods without the right to deduct",
	}
	return p + " " + lang.X(key, names[p])
}

// RCCodeName is a reverse-charge code of the control statement with what it
// stands for.
func RCCodeName(code string) string {
	names := map[string]string{"1": "gold (§92b)", "3": "immovable property (§92d)", "4": "construction and assembly work (§92e)", "5": "waste and scrap (§92c)"}
	return code + " – " + lang.X("rc_code."+code, names[code])
}

// Names maps values to their labels for a Select.
func Names[T any](values []T, name func(T) string) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = name(v)
	}
	return out
}

// RegimeWording is the legal wording of a document's regime in the user's
// language.
func RegimeWording(d app.SalesDoc) string {
	cs, en := d.LegalWording(UILang)
	if en != "" {
		return en
	}
	return cs
}

// SelectValue selects v of values in sel, or nothing when v is not there.
func SelectValue[T comparable](sel *widget.Select, values []T, v T) {
	for i, x := range values {
		if x == v {
			sel.SetSelectedIndex(i)
			return
		}
	}
	sel.ClearSelected()
}
