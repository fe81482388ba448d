package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"kontor/app"
)

// register is a commercial-register entry as the courts word it.
const register = "zapsaná v obchodním rejstříku vedeném Městským soudem v Praze, oddíl C, vložka 12345"

// rawText is the text of a PDF in content order (pdftotext -raw), its
// whitespace runs made single spaces, so a wrapped paragraph reads whole.
func rawText(t *testing.T, pdf []byte) string {
	t.Helper()
	need(t, "pdftotext")
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestRegisterOnEveryDocument: §435 of the Civil Code wants the register
// entry on every business document; Kontor had no place for it. The
// company's entry prints in the supplier block of invoices, credit notes,
// quotes, orders and statements.
func TestRegisterOnEveryDocument(t *testing.T) {
	withReg := func(d app.SalesDoc) app.SalesDoc { d.Supplier.Register = register; return d }
	quote, order := czkInvoice(), czkInvoice()
	quote.Kind, quote.Number = app.KindQuote, "NA2026-0001"
	order.Kind, order.Number = app.KindOrder, "OB2026-0001"
	for _, d := range []app.SalesDoc{czkInvoice(), creditNote(), quote, order, eurInvoice()} {
		d = withReg(d)
		var b bytes.Buffer
		if err := RenderDocument(&b, d, csOpts()); err != nil {
			t.Fatal(err)
		}
		if text := rawText(t, b.Bytes()); !strings.Contains(text, register) {
			t.Errorf("%s %s lacks the register entry:\n%s", d.Kind, d.Number, text)
		}
	}
	c := stCompany()
	c.Register = register
	var b bytes.Buffer
	if err := RenderStatement(&b, stFixture(2), c, csOpts()); err != nil {
		t.Fatal(err)
	}
	if text := rawText(t, b.Bytes()); !strings.Contains(text, register) {
		t.Errorf("the statement lacks the register entry:\n%s", text)
	}
	// A company without an entry prints nothing in its place.
	b.Reset()
	if err := RenderDocument(&b, czkInvoice(), csOpts()); err != nil {
		t.Fatal(err)
	}
	if text := rawText(t, b.Bytes()); strings.Contains(text, "rejstříku") {
		t.Errorf("an invoice without a register entry mentions one:\n%s", text)
	}
}

// TestCreditNoteWording: a credit note said "Datum vystavení" like an
// invoice and printed the supplier's account as if the customer were to
// pay. It says "Datum vystavení opravného dokladu" now, gives its own
// variable symbol and no "pay to" block or QR code.
func TestCreditNoteWording(t *testing.T) {
	d := creditNote()
	cs := pages(t, render(t, d, csOpts()))[0]
	mustContain(t, "credit note", cs, "Datum vystavení opravného dokladu", "Variabilní symbol", "920260003")
	mustNotContain(t, "credit note", cs, "Bankovní účet", "IBAN", "BIC", "QR Platba", "19-2000145399/0800", "20260042")
	en := pages(t, render(t, d, enOpts()))[0]
	mustContain(t, "credit note", en, "Date of issue of the corrective document", "Variable symbol", "920260003")
	mustNotContain(t, "credit note", en, "Bank account", "IBAN", "QR Platba")
	if qr := decodeQR(t, render(t, d, csOpts())); len(qr) != 0 {
		t.Errorf("a credit note carries a payment QR code: %q", qr)
	}

	// The invoice keeps its wording and its account.
	inv := pages(t, render(t, czkInvoice(), csOpts()))[0]
	mustContain(t, "invoice", inv, "Bankovní účet", "IBAN", "QR Platba")
	mustNotContain(t, "invoice", inv, "opravného dokladu")
}
