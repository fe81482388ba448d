package pdf

import (
	"strings"
	"testing"

	"kontor/app"
)

// TestRegimeWording prints an invoice in each VAT regime in Czech and in
// English: the regime's legal wording (§29(2) of the VAT act) in Czech, in
// English too on an English document, and no rate or VAT where none is
// charged (§29(3)).
func TestRegimeWording(t *testing.T) {
	tests := []struct {
		regime app.VATRegime
		exempt string
		cs, en string
	}{
		{app.RegimeEUGoods, "", "Dodání zboží do jiného členského státu je osvobozeno od daně podle § 64 zákona o DPH", "Exempt intra-Community supply of goods, Art. 138 Directive 2006/112/EC"},
		{app.RegimeEUServices, "", "Daň odvede zákazník (§ 9 odst. 1 zákona o DPH)", "Reverse charge – Art. 196 Directive 2006/112/EC"},
		{app.RegimeReverseCZ, "", "Daň odvede zákazník podle § 92a zákona o DPH", "under § 92a of the Czech VAT Act"},
		{app.RegimeExport, "", "Osvobozeno od daně – vývoz zboží podle § 66 zákona o DPH", "Exempt export of goods, Art. 146 Directive 2006/112/EC"},
		{app.RegimeExempt, "§57", "Osvobozeno od daně podle § 57 zákona o DPH", "under § 57 of the Czech VAT Act"},
	}
	for _, tt := range tests {
		t.Run(string(tt.regime), func(t *testing.T) {
			d := czkInvoice()
			d.Regime, d.Exempt = tt.regime, tt.exempt
			d = finish(d)
			if d.Totals.VAT != 0 || len(d.Totals.Rates) != 1 {
				t.Fatalf("totals: VAT %d, %d recap rows", d.Totals.VAT, len(d.Totals.Rates))
			}
			cs := strings.Join(pages(t, render(t, d, csOpts())), "\f")
			mustContain(t, "Czech", cs, tt.cs, "Rekapitulace DPH", money(d.Totals.Base, "CZK", app.Czech))
			mustNotContain(t, "Czech", cs, "21 %", "12 %", "DPH celkem", tt.en)
			en := strings.Join(pages(t, render(t, d, enOpts())), "\f")
			mustContain(t, "English", en, tt.cs, tt.en)
			mustNotContain(t, "English", en, "21 %", "12 %", "VAT total")
		})
	}
	// A service to a business outside the EU: its place of supply is abroad.
	ch := czkInvoice()
	ch.Regime = app.RegimeEUServices
	ch.Customer = app.Party{Name: "Kaffee AG", Street: "Bahnhofstrasse 1", City: "Zürich", Country: "CH", DIC: "CHE123456789"}
	ch = finish(ch)
	en := strings.Join(pages(t, render(t, ch, enOpts())), "\f")
	mustContain(t, "service outside the EU", en, "Místo plnění mimo tuzemsko (§ 9 odst. 1 zákona o DPH)", "Place of supply outside the EU (Art. 44 Directive 2006/112/EC)")
	mustNotContain(t, "service outside the EU", en, "Daň odvede zákazník", "21 %")

	d := czkInvoice() // domestic: rates and VAT, no wording
	cs := strings.Join(pages(t, render(t, d, csOpts())), "\f")
	mustContain(t, "domestic", cs, "21 %", "12 %", "DPH celkem")
	mustNotContain(t, "domestic", cs, "osvobozeno", "odvede zákazník")
}
