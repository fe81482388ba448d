package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

// The fixtures are the documents the tests print: built as the sales code
// builds them, totals by app.ComputeTotals.

var created = time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)

func supplier() app.Party {
	return app.Party{
		Name: "Kontor Žluťoučký s.r.o.", Street: "Ďáblická 12", City: "Praha 8", Postcode: "182 00", Country: "CZ",
		ICO: "27082440", DIC: "CZ27082440", Email: "fakturace@kontor.cz", Phone: "+420 777 123 456", VATPayer: true,
		BankAccount: "19-2000145399/0800", IBAN: "CZ6508000000192000145399", BIC: "GIBACZPX",
	}
}

func customer() app.Party {
	return app.Party{
		Name: "Úpěnlivá ódy a.s.", Street: "Křižíkova 148/34", City: "Brno", Postcode: "602 00", Country: "CZ",
		ICO: "45274649", DIC: "CZ45274649",
	}
}

func line(text string, qty app.Qty, unit string, price int64, kind string, rate int64) app.DocLine {
	return app.DocLine{Text: text, Quantity: qty, Unit: unit, UnitPrice: price, VATKind: kind, VATRate: app.RatePercent(rate)}
}

func finish(d app.SalesDoc) app.SalesDoc {
	d.Totals = app.ComputeTotals(d, "CZK")
	return d
}

// czkInvoice is a Czech VAT payer's invoice in CZK with 21 % and 12 % lines.
func czkInvoice() app.SalesDoc {
	disc := line("Žluťoučký kůň úpěl ďábelské ódy – konzultace", 1500, "h", 125000, app.VATStandard, 21)
	disc.Discount = app.RatePercent(10)
	return finish(app.SalesDoc{
		Kind: app.KindInvoice, Number: "FV2026-0042", Status: app.StatusIssued,
		Supplier: supplier(), Customer: customer(),
		IssueDate: app.D(2026, 11, 2), TaxDate: app.D(2026, 10, 31), DueDate: app.D(2026, 11, 16),
		Currency: "CZK", ExchangeRate: app.RatePercent(1), PaymentMethod: app.PayBank, VariableSymbol: "20260042",
		Lines: []app.DocLine{
			disc,
			line("Kancelářský papír A4, 500 listů", app.Q(10), "bal", 14990, app.VATStandard, 21),
			line("Knihy – Účetnictví pro každého", app.Q(2), "ks", 45000, app.VATReduced, 12),
		},
		Note: "Děkujeme za spolupráci.",
	})
}

// eurInvoice is an invoice in euros to a Slovak customer, in English.
func eurInvoice() app.SalesDoc {
	d := czkInvoice()
	d.Number, d.VariableSymbol = "FV2026-0043", "20260043"
	d.Currency, d.ExchangeRate = "EUR", app.RateMicro(24_325_000)
	d.Customer = app.Party{Name: "Zákazník Slovensko s.r.o.", Street: "Hlavná 1", City: "Bratislava", Postcode: "811 01", Country: "SK", ICO: "35757442", DIC: "SK2020259802"}
	d.Lines = []app.DocLine{
		line("Software licence", app.Q(3), "pcs", 19900, app.VATStandard, 21),
		line("Printed manual", app.Q(3), "pcs", 2550, app.VATReduced, 12),
	}
	d.Note = ""
	return finish(d)
}

// nonPayerInvoice is from a supplier who is not a VAT payer.
func nonPayerInvoice() app.SalesDoc {
	d := czkInvoice()
	d.Number, d.VariableSymbol = "2026007", "2026007"
	d.Supplier.Name, d.Supplier.VATPayer, d.Supplier.DIC = "Jana Nováková – Účetní služby", false, ""
	d.Supplier.ICO = "00006947"
	d.Lines = []app.DocLine{line("Vedení účetnictví za říjen", app.Q(1), "měs", 350000, "", 0)}
	return finish(d)
}

// reverseChargeInvoice is a service to a German business, who accounts for
// the VAT (§9(1)).
func reverseChargeInvoice() app.SalesDoc {
	d := czkInvoice()
	d.Number, d.VariableSymbol = "FV2026-0044", "20260044"
	d.Regime = app.RegimeEUServices
	d.Customer = app.Party{Name: "Müller Bau GmbH", Street: "Hauptstraße 5", City: "Dresden", Postcode: "01067", Country: "DE", DIC: "DE123456789"}
	d.Lines = []app.DocLine{line("Montáž ocelové konstrukce", app.Q(40), "h", 95000, app.VATStandard, 21)}
	return finish(d)
}

// creditNote corrects part of czkInvoice.
func creditNote() app.SalesDoc {
	d := czkInvoice()
	d.Kind, d.Number, d.VariableSymbol = app.KindCreditNote, "OD2026-0003", "920260003"
	d.OriginalNo, d.Reason = "FV2026-0042", "vrácení poškozeného zboží"
	d.Lines = []app.DocLine{line("Kancelářský papír A4, 500 listů", app.Q(-2), "bal", 14990, app.VATStandard, 21)}
	return finish(d)
}

// longInvoice has n lines, some with long wrapped texts, to run over pages.
func longInvoice(n int) app.SalesDoc {
	d := czkInvoice()
	d.Number, d.VariableSymbol = "FV2026-0100", "20260100"
	d.Lines = nil
	for i := 1; i <= n; i++ {
		text := fmt.Sprintf("Položka %d – šroubovák křížový", i)
		if i%7 == 0 {
			text += ", sada s magnetickým držákem bitů, kufříkem z odolného plastu a prodlouženou zárukou na 36 měsíců"
		}
		rate := int64(21)
		kind := app.VATStandard
		if i%3 == 0 {
			rate, kind = 12, app.VATReduced
		}
		d.Lines = append(d.Lines, line(text, app.Q(int64(i%5+1)), "ks", int64(1000+i*137), kind, rate))
	}
	return finish(d)
}

// testLogo is a small PNG logo: a dark square with a lighter bar.
func testLogo(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 240, 96))
	for y := 0; y < 96; y++ {
		for x := 0; x < 240; x++ {
			c := color.RGBA{20, 60, 120, 255}
			if y > 60 && y < 76 {
				c = color.RGBA{230, 160, 30, 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func csOpts() Options { return Options{Lang: app.Czech, BaseCurrency: "CZK", Created: created} }
func enOpts() Options { return Options{Lang: app.English, BaseCurrency: "CZK", Created: created} }

// render writes d to a PDF in a temp dir and returns its path.
func render(t *testing.T, d app.SalesDoc, opt Options) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := RenderDocument(f, d, opt); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
}

// pages extracts the text of each page with pdftotext -layout; non-breaking
// spaces become plain ones so expectations can be written plainly.
func pages(t *testing.T, path string) []string {
	t.Helper()
	need(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	s := strings.ReplaceAll(string(out), "\u00a0", " ")
	ps := strings.Split(s, "\f")
	if len(ps) > 0 && strings.TrimSpace(ps[len(ps)-1]) == "" {
		ps = ps[:len(ps)-1]
	}
	return ps
}

// decodeQR rasterises page 1 and returns the texts of the QR codes zbarimg finds.
func decodeQR(t *testing.T, path string) []string {
	t.Helper()
	return decodeQRPage(t, path, 1)
}

// decodeQRPage is decodeQR on page n.
func decodeQRPage(t *testing.T, path string, n int) []string {
	t.Helper()
	need(t, "pdftoppm", "zbarimg")
	dir := t.TempDir()
	page := strconv.Itoa(n)
	if out, err := exec.Command("pdftoppm", "-r", "150", "-png", "-f", page, "-l", page, path, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "p*.png"))
	if len(files) != 1 {
		t.Fatalf("pdftoppm made %v", files)
	}
	// -Sbinary gives the code's bytes as they are: without it zbar guesses a
	// character set for byte-mode codes and reads EPC's UTF-8 as Shift JIS.
	cmd := exec.Command("zbarimg", "-q", "--raw", "-Sbinary", "-Sdisable", "-Sqrcode.enable", files[0])
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 4 {
			return nil // no symbol found
		}
		t.Fatalf("zbarimg: %v", err)
	}
	// In binary mode zbar writes the bytes with nothing appended; one code
	// per page is all the documents have.
	s := string(out)
	if s == "" {
		return nil
	}
	return []string{s}
}
