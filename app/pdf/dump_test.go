package pdf

import (
	"os"
	"path/filepath"
	"testing"

	"kontor/app"
)

// TestDumpSamples writes the sample documents to $PDF_DUMP for a person to
// look at (pdftoppm -png -r 80 …); it does nothing otherwise.
func TestDumpSamples(t *testing.T) {
	dir := os.Getenv("PDF_DUMP")
	if dir == "" {
		t.Skip("set PDF_DUMP to a directory to write the sample PDFs")
	}
	logo := testLogo(t)
	withLogo := func(o Options) Options { o.Logo = logo; return o }
	paid := czkInvoice()
	paid.Paid = 50000
	samples := []struct {
		name string
		d    app.SalesDoc
		opt  Options
	}{
		{"czk", czkInvoice(), withLogo(csOpts())},
		{"czk-paid", paid, csOpts()},
		{"eur", eurInvoice(), withLogo(enOpts())},
		{"nonpayer", nonPayerInvoice(), csOpts()},
		{"reverse", reverseChargeInvoice(), csOpts()},
		{"credit", creditNote(), csOpts()},
		{"long", longInvoice(60), withLogo(csOpts())},
		{"gross", grossInvoice(), csOpts()},
		{"gross-en", grossInvoice(), enOpts()},
	}
	for _, s := range samples {
		f, err := os.Create(filepath.Join(dir, s.name+".pdf"))
		if err != nil {
			t.Fatal(err)
		}
		if err := RenderDocument(f, s.d, s.opt); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}
