package pdf

import (
	"regexp"
	"testing"

	"kontor/app"
)

// TestGrossPricesShowNetUnitPrice: an invoice entered with VAT-inclusive
// prices printed only the price with VAT; §29(1)(i) wants the unit price
// without VAT on every tax document. Both are printed now, the one without
// VAT computed as the recap computes it.
func TestGrossPricesShowNetUnitPrice(t *testing.T) {
	d := grossInvoice()
	for _, c := range []struct {
		opt              Options
		unitNet, unitGro string
		rows             []string
	}{
		{csOpts(), "Cena/MJ bez", "Cena/MJ s", []string{`Káva zrnková\s+2 ks\s+100,00\s+121,00\s+21 %\s+242,00`,
			`Dort čokoládový\s+3 ks\s+82,64\s+100,00\s+21 %\s+300,00`, `Kniha receptů\s+1 ks\s+89,29\s+100,00\s+12 %\s+100,00`}},
		{enOpts(), "Unit price excl.", "Unit price incl.", []string{`Káva zrnková\s+2 ks\s+100\.00\s+121\.00\s+21 %\s+242\.00`,
			`Dort čokoládový\s+3 ks\s+82\.64\s+100\.00\s+21 %\s+300\.00`}},
	} {
		p := pages(t, render(t, d, c.opt))[0]
		mustContain(t, "gross prices", p, c.unitNet, c.unitGro)
		for _, row := range c.rows {
			if !regexp.MustCompile(row).MatchString(p) {
				t.Errorf("%s: no row %q in\n%s", c.opt.Lang, row, p)
			}
		}
	}

	// Net prices keep one unit price column.
	p := pages(t, render(t, czkInvoice(), csOpts()))[0]
	mustNotContain(t, "net prices", p, "s DPH (CZK)")
}

// grossInvoice is a CZK invoice whose prices include VAT.
func grossInvoice() app.SalesDoc {
	d := czkInvoice()
	d.PricesIncludeVAT = true
	d.Lines = []app.DocLine{
		line("Káva zrnková", app.Q(2), "ks", 12100, app.VATStandard, 21),
		line("Dort čokoládový", app.Q(3), "ks", 10000, app.VATStandard, 21),
		line("Kniha receptů", app.Q(1), "ks", 10000, app.VATReduced, 12),
	}
	return finish(d)
}
