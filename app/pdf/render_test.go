package pdf

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kontor/app"
)

// plain formats like the document does, with non-breaking spaces made plain
// (pages() does the same to pdftotext's output).
func plain(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

func money(v int64, cur string, lang app.Lang) string { return plain(app.M(v, cur).Format(lang)) }

func number(v int64, cur string, lang app.Lang) string {
	return plain(app.FormatMinor(v, app.MinorDigits(cur), lang))
}

func mustContain(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

func mustNotContain(t *testing.T, what, text string, bad ...string) {
	t.Helper()
	for _, w := range bad {
		if strings.Contains(text, w) {
			t.Errorf("%s has %q, which does not belong", what, w)
		}
	}
}

// section29 are the texts §29 of the VAT act needs on d, as the document
// prints them: parties, number, dates, unit prices, rates, base and VAT per
// rate, total, bank account, IBAN and variable symbol.
func section29(d app.SalesDoc, lang app.Lang, base string) []string {
	l := labelsFor(lang)
	want := []string{
		d.Number, d.Supplier.Name, d.Customer.Name, d.Supplier.Street, d.Customer.Street,
		d.Supplier.ICO, d.Customer.DIC,
		l.issueDate, plain(d.IssueDate.Format(lang)),
		l.dueDate, plain(d.DueDate.Format(lang)),
		l.bankAccount, d.Supplier.BankAccount,
		l.iban, app.FormatIBAN(d.Supplier.IBAN),
		l.vs, d.VariableSymbol,
		money(d.Totals.Total, d.Currency, lang),
	}
	if d.Supplier.VATPayer {
		want = append(want, l.dic+": "+d.Supplier.DIC, l.taxDate, plain(d.TaxDate.Format(lang)), l.recap)
		for _, rt := range d.Totals.Rates {
			want = append(want, plain(rt.Rate.Format(lang))+" %", money(rt.Base, d.Currency, lang), money(rt.VAT, d.Currency, lang))
			if d.Currency != base {
				want = append(want, money(rt.BaseCZK, base, lang), money(rt.VATCZK, base, lang))
			}
		}
	}
	for i, ln := range d.Lines {
		want = append(want, number(ln.UnitPrice, d.Currency, lang), number(d.Totals.Lines[i], d.Currency, lang))
	}
	return want
}

func TestCZKInvoice(t *testing.T) {
	d := czkInvoice()
	ps := pages(t, render(t, d, csOpts()))
	if len(ps) != 1 {
		t.Fatalf("%d pages, want 1", len(ps))
	}
	p := ps[0]
	mustContain(t, "CZK invoice", p, section29(d, app.Czech, "CZK")...)
	// The same fields written out, so a formatting change is noticed too.
	mustContain(t, "CZK invoice", p,
		"Faktura – daňový doklad č. FV2026-0042",
		"DODAVATEL", "ODBĚRATEL", "Kontor Žluťoučký s.r.o.", "Úpěnlivá ódy a.s.", "Ďáblická 12", "182 00 Praha 8",
		"IČO: 27082440", "DIČ: CZ27082440", "IČO: 45274649", "DIČ: CZ45274649",
		"Datum vystavení", "2. 11. 2026", "Datum uskutečnění zdanitelného plnění", "31. 10. 2026", "Datum splatnosti", "16. 11. 2026",
		"Způsob úhrady", "bankovním převodem", "Bankovní účet", "19-2000145399/0800", "CZ65 0800 0000 1920 0014 5399", "GIBACZPX",
		"Variabilní symbol", "20260042",
		"Žluťoučký kůň úpěl ďábelské ódy – konzultace", "Účetnictví pro každého",
		"1,5 h", "1 250,00", "10 %", "1 687,50", "149,90", "450,00",
		"Rekapitulace DPH", "21 %", "12 %", "3 186,50 Kč", "669,17 Kč", "900,00 Kč", "108,00 Kč",
		"Celkem bez DPH", "4 086,50 Kč", "777,17 Kč", "Celkem k úhradě", "4 863,67 Kč",
		"QR Platba", "Poznámka: Děkujeme za spolupráci.", "Strana 1 z 1",
	)
	mustNotContain(t, "CZK invoice", p, "Neplátce", "Zaokrouhlení", "Uhrazeno", "Kurz ČNB", "Daň odvede")
}

func TestEURInvoiceEnglish(t *testing.T) {
	d := eurInvoice()
	p := strings.Join(pages(t, render(t, d, enOpts())), "\f")
	mustContain(t, "EUR invoice", p, section29(d, app.English, "CZK")...)
	mustContain(t, "EUR invoice", p,
		"Invoice – tax document No. FV2026-0043", "SUPPLIER", "CUSTOMER", "Reg. No. (IČO): 27082440", "VAT No. (DIČ): SK2020259802",
		"Issue date", "2 Nov 2026", "Date of taxable supply (DUZP)", "31 Oct 2026", "Due date", "16 Nov 2026",
		"Variable symbol", "VAT summary", "Tax base in CZK", "VAT in CZK", "CNB exchange rate 24.325 CZK/EUR",
		"€597.00", "€125.37", "CZK 14,522.03", "CZK 3,049.63", "Total due", "€808.05", "Total in CZK",
		money(d.Totals.TotalCZK, "CZK", app.English), "EPC QR / SEPA", "Page 1 of 1",
	)
	if d.Totals.TotalCZK == 0 {
		t.Error("fixture has no CZK total")
	}
}

func TestEURInvoiceCzech(t *testing.T) {
	d := eurInvoice()
	p := strings.Join(pages(t, render(t, d, csOpts())), "\f")
	// Czech law wants the VAT in CZK at the ČNB rate.
	mustContain(t, "EUR invoice in Czech", p, "Kurz ČNB 24,325 CZK/EUR", "Základ v CZK", "DPH v CZK",
		money(d.Totals.Rates[0].VATCZK, "CZK", app.Czech), "Celkem v CZK", "EPC QR / SEPA")
}

func TestNonPayerInvoice(t *testing.T) {
	d := nonPayerInvoice()
	p := strings.Join(pages(t, render(t, d, csOpts())), "\f")
	mustContain(t, "non-payer invoice", p, section29(d, app.Czech, "CZK")...)
	mustContain(t, "non-payer invoice", p, "Faktura č. 2026007", "Jana Nováková – Účetní služby", "Neplátce DPH",
		"Datum plnění", "3 500,00", "Celkem k úhradě", "3 500,00 Kč")
	mustNotContain(t, "non-payer invoice", p, "daňový doklad", "Rekapitulace", "DPH celkem", "Celkem bez DPH", "Datum uskutečnění", "DIČ: CZ27082440", "21 %")
}

func TestReverseCharge(t *testing.T) {
	d := reverseChargeInvoice()
	p := strings.Join(pages(t, render(t, d, csOpts())), "\f")
	mustContain(t, "reverse-charge invoice", p, "Daň odvede zákazník", "Müller Bau GmbH", "DIČ: DE123456789", "38 000,00 Kč")
	mustNotContain(t, "reverse-charge invoice", p, "21 %", "DPH celkem")
	pe := strings.Join(pages(t, render(t, d, enOpts())), "\f")
	mustContain(t, "reverse-charge invoice in English", pe, "Reverse charge – Art. 196 Directive 2006/112/EC", "Daň odvede zákazník")
	if d.Totals.VAT != 0 {
		t.Errorf("fixture VAT = %d", d.Totals.VAT)
	}
}

func TestCreditNote(t *testing.T) {
	d := creditNote()
	p := strings.Join(pages(t, render(t, d, csOpts())), "\f")
	mustContain(t, "credit note", p, "Opravný daňový doklad č. OD2026-0003", "k faktuře FV2026-0042",
		"Důvod opravy: vrácení poškozeného zboží", "-2 bal", "-299,80 Kč", "-62,96 Kč", "-362,76 Kč")
	pe := strings.Join(pages(t, render(t, d, enOpts())), "\f")
	mustContain(t, "credit note in English", pe, "Credit note (corrective tax document) No. OD2026-0003", "to invoice FV2026-0042", "Reason for correction")
}

func TestQuoteAndOrder(t *testing.T) {
	q := czkInvoice()
	q.Kind, q.Number, q.ValidUntil = app.KindQuote, "NA2026-0005", app.D(2026, 12, 2)
	p := strings.Join(pages(t, render(t, q, csOpts())), "\f")
	mustContain(t, "quote", p, "Nabídka č. NA2026-0005", "Platnost nabídky do", "2. 12. 2026", "Celkem")
	mustNotContain(t, "quote", p, "QR Platba", "Variabilní symbol", "Datum splatnosti", "k úhradě")
	o := q
	o.Kind, o.Number = app.KindOrder, "OB2026-0009"
	pe := strings.Join(pages(t, render(t, o, enOpts())), "\f")
	mustContain(t, "order", pe, "Order No. OB2026-0009")
	mustNotContain(t, "order", pe, "EPC", "QR Platba")
}

func TestPaidCashRounding(t *testing.T) {
	d := czkInvoice()
	d.CashRounding = true
	d.Totals = app.ComputeTotals(d, "CZK")
	d.Paid = 100000
	p := strings.Join(pages(t, render(t, d, csOpts())), "\f")
	mustContain(t, "partly paid invoice", p, "Zaokrouhlení", money(d.Totals.Rounding, "CZK", app.Czech),
		"Celkem", money(d.Totals.Total, "CZK", app.Czech), "Uhrazeno", "-1 000,00 Kč", "Zbývá uhradit", money(d.Remaining(), "CZK", app.Czech))
	if d.Totals.Rounding == 0 {
		t.Error("fixture needs a rounding")
	}
}

// TestMultiPage checks that a long table runs over pages with the column
// header repeated and each page counted.
func TestMultiPage(t *testing.T) {
	d := longInvoice(60)
	ps := pages(t, render(t, d, csOpts()))
	if len(ps) < 2 {
		t.Fatalf("%d pages, want several", len(ps))
	}
	n := len(ps)
	for i, p := range ps {
		mustContain(t, "page "+itoa(i+1), p, "Strana "+itoa(i+1)+" z "+itoa(n), "Kontor Žluťoučký s.r.o.", "Popis", "Množství", "Cena/MJ bez DPH")
		if i > 0 {
			mustContain(t, "continuation page", p, "Faktura – daňový doklad č. FV2026-0100", "(pokračování)")
		}
	}
	all := strings.Join(ps, "\f")
	for i := 1; i <= 60; i++ {
		if !strings.Contains(all, "Položka "+itoa(i)+" – šroubovák") {
			t.Errorf("line %d is missing", i)
		}
	}
	mustContain(t, "last page", ps[n-1], "Rekapitulace DPH", "Celkem k úhradě", money(d.Totals.Total, "CZK", app.Czech))
	// A wrapped line stays on one page: its last words are on the page of its number.
	for i, p := range ps {
		for j := 7; j <= 60; j += 7 {
			if strings.Contains(p, "Položka "+itoa(j)+" –") && !strings.Contains(p, "36 měsíců") {
				t.Errorf("line %d starts on page %d but its end is elsewhere", j, i+1)
			}
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestFontsEmbedded(t *testing.T) {
	need(t, "pdffonts")
	out, err := exec.Command("pdffonts", render(t, czkInvoice(), csOpts())).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 4 {
		t.Fatalf("pdffonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID
		if !strings.Contains(strings.ToLower(f[0]), "dejavu") || !strings.Contains(l, " yes ") {
			t.Errorf("font not embedded DejaVu: %s", l)
		}
		if len(f) >= 7 && f[len(f)-3] != "yes" {
			t.Errorf("font without a Unicode map (text would not extract): %s", l)
		}
	}
}

// TestFallbackFont prints a name outside the cut fonts' ranges: the
// document switches to the whole DejaVu and the text still extracts.
func TestFallbackFont(t *testing.T) {
	d := czkInvoice()
	d.Customer.Name = "Երևան Trade LLC ★ Москва" // Armenian, a star and Cyrillic, all in DejaVu Sans
	if coveredAll(d.Customer.Name) {
		t.Fatal("fixture is covered by the cut fonts")
	}
	p := pages(t, render(t, d, csOpts()))[0]
	mustContain(t, "fallback", p, "Երևան Trade LLC ★ Москва", "Žluťoučký kůň")
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	opt := csOpts()
	opt.Logo = testLogo(t)
	if err := RenderDocument(&a, czkInvoice(), opt); err != nil {
		t.Fatal(err)
	}
	if err := RenderDocument(&b, czkInvoice(), opt); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renderings of the same document differ")
	}
	if !bytes.Contains(a.Bytes(), []byte("D:20261102093000")) {
		t.Error("creation date is not the fixed one")
	}
}

func TestBadLogoIsLeftOut(t *testing.T) {
	for name, logo := range map[string][]byte{
		"garbage":   []byte("not an image at all, just text"),
		"truncated": testLogo(t)[:60],
	} {
		var b bytes.Buffer
		opt := csOpts()
		opt.Logo = logo
		err := RenderDocument(&b, czkInvoice(), opt)
		if name == "garbage" && err != nil {
			t.Errorf("%s logo: %v", name, err)
		}
		if err == nil && !bytes.HasPrefix(b.Bytes(), []byte("%PDF")) {
			t.Errorf("%s logo: no PDF", name)
		}
	}
}

func TestBatch(t *testing.T) {
	docs := []app.SalesDoc{czkInvoice(), longInvoice(60), eurInvoice(), creditNote()}
	i := 0
	next := func() (app.SalesDoc, error) {
		if i == len(docs) {
			return app.SalesDoc{}, io.EOF
		}
		i++
		return docs[i-1], nil
	}
	var done []int
	path := filepath.Join(t.TempDir(), "batch.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := RenderBatch(context.Background(), f, next, csOpts(), func(n int) { done = append(done, n) }); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if len(done) != 4 || done[3] != 4 {
		t.Errorf("progress %v", done)
	}
	ps := pages(t, path)
	long := len(pages(t, render(t, longInvoice(60), csOpts())))
	if len(ps) != 3+long {
		t.Fatalf("%d pages, want %d", len(ps), 3+long)
	}
	// Each document counts its own pages.
	mustContain(t, "batch page 1", ps[0], "FV2026-0042", "Strana 1 z 1")
	mustContain(t, "batch page 2", ps[1], "FV2026-0100", "Strana 1 z "+itoa(long))
	mustContain(t, "batch last long page", ps[long], "Strana "+itoa(long)+" z "+itoa(long))
	mustContain(t, "batch EUR page", ps[long+1], "FV2026-0043", "Kurz ČNB", "Strana 1 z 1")
	mustContain(t, "batch credit note", ps[long+2], "OD2026-0003", "Strana 1 z 1")
}

func TestBatchCancelAndErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	next := func() (app.SalesDoc, error) {
		n++
		if n == 3 {
			cancel()
		}
		return czkInvoice(), nil
	}
	err := RenderBatch(ctx, io.Discard, next, csOpts(), nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled batch: %v", err)
	}
	if n != 3 {
		t.Errorf("next called %d times after cancel", n)
	}
	boom := errors.New("disk on fire")
	err = RenderBatch(context.Background(), io.Discard, func() (app.SalesDoc, error) { return app.SalesDoc{}, boom }, csOpts(), nil)
	if !errors.Is(err, boom) {
		t.Errorf("failing next: %v", err)
	}
	err = RenderBatch(context.Background(), io.Discard, func() (app.SalesDoc, error) { return app.SalesDoc{}, io.EOF }, csOpts(), nil)
	if !errors.Is(err, ErrNoDocuments) {
		t.Errorf("empty batch: %v", err)
	}
}

// TestConcurrentRender renders from several goroutines at once, as the
// screens' batch export and a single export may: the shared cut fonts and
// logo cache must not race (run with -race).
func TestConcurrentRender(t *testing.T) {
	opt := csOpts()
	opt.Logo = testLogo(t)
	want, err := renderBytes(czkInvoice(), opt)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		go func() {
			got, err := renderBytes(czkInvoice(), opt)
			if err == nil && !bytes.Equal(got, want) {
				err = errors.New("concurrent rendering differs")
			}
			errs <- err
		}()
	}
	for i := 0; i < 8; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func renderBytes(d app.SalesDoc, opt Options) ([]byte, error) {
	var b bytes.Buffer
	err := RenderDocument(&b, d, opt)
	return b.Bytes(), err
}
