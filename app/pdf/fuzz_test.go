package pdf

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

// The fuzz targets feed random Unicode, in every text field a person can
// type, through each renderer: a document (invoice, credit note, quote),
// a batch of documents, a statement and combined statements, a report and a
// badge. A render must succeed and produce a PDF the package's own parser
// reads; a panic or an error fails. Run one with
// `go test ./app/pdf -run '^$' -fuzz '^FuzzDocumentText$' -fuzztime 30s`.

// fuzzSeeds are texts that broke or could break the PDF library: emoji
// (outside the BMP, which fpdf indexes past its tables), right-to-left and
// combining marks, control characters, bytes that are not UTF-8, a 200-
// character name and one long word — each with a large amount (10^11 minor
// units) and small ones.
var fuzzSeeds = []struct {
	s      string
	amount int64
}{
	{"Kavárna ☕ 😀 s.r.o.", 100_000_000_000},
	{"שלום עולם – مرحبا بالعالم", 12_345},
	{"e\u0301\u0308\u20dd a\u0328\u030c", -100_000_000_000},
	{strings.Repeat("Žluťoučký ", 20), 99_999_999_999},
	{strings.Repeat("X", 200), 1},
	{"\x00\x01\x1b\x7f\u0085\ufeff\u200b\u202e", 0},
	{"bad \xff\xfe\xc3", -1},
	{"🇨🇿 👨‍👩‍👧 🎂🙏", 50_000},
	{"中文 日本語 한국어 ภาษาไทย", 7},
	{"line\r\nbreak\rand\ttab\n\n", 123_456_789},
	{"", 100_000_000_000},
}

func addSeeds(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s.s, s.amount)
	}
}

// fuzzAmount keeps an amount within what the forms accept (|v| < 10^13
// minor units), so the totals stay far from int64 overflow.
func fuzzAmount(v int64) int64 {
	const limit = 10_000_000_000_000
	return v % limit
}

// fuzzParty is a party with s in every text field.
func fuzzParty(p app.Party, s string) app.Party {
	p.Name, p.Street, p.City, p.Postcode, p.Country = s, s, s, s, s
	p.ICO, p.DIC, p.Email, p.Phone, p.BankAccount, p.IBAN, p.BIC, p.Register = s, s, s, s, s, s, s, s
	return p
}

// fuzzDoc is an invoice with s in every text a person types and amount as
// a line's unit price.
func fuzzDoc(s string, amount int64) app.SalesDoc {
	d := czkInvoice()
	d.Number, d.VariableSymbol, d.Note = s, s, s
	d.Supplier = fuzzParty(d.Supplier, s)
	d.Customer = fuzzParty(d.Customer, s)
	d.Lines[0].Text, d.Lines[0].Unit = s, s
	d.Lines[1].UnitPrice = fuzzAmount(amount)
	d.Lines[2].Text = s + " " + s
	return finish(d)
}

// mustParse fails unless b is a PDF the merger's parser reads.
func mustParse(t *testing.T, what string, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("%s: not a PDF (%d bytes)", what, len(b))
	}
	if _, err := parsePDF(b); err != nil {
		t.Fatalf("%s: the PDF does not parse: %v", what, err)
	}
}

func FuzzDocumentText(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, amount int64) {
		inv := fuzzDoc(s, amount)
		cn := inv
		cn.Kind, cn.OriginalNo, cn.Reason = app.KindCreditNote, s, s
		q := inv
		q.Kind, q.ValidUntil = app.KindQuote, app.D(2026, 12, 1)
		en := inv
		en.Lang, en.Currency, en.ExchangeRate = app.English, "EUR", app.RateMicro(24_325_000)
		en = finish(en)
		for _, d := range []app.SalesDoc{inv, cn, q, en} {
			var b bytes.Buffer
			if err := RenderDocument(&b, d, csOpts()); err != nil {
				t.Fatalf("%s: %v", d.Kind, err)
			}
			mustParse(t, string(d.Kind), b.Bytes())
		}
	})
}

func FuzzBatchText(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, amount int64) {
		inv := fuzzDoc(s, amount)
		cn := inv
		cn.Kind, cn.OriginalNo, cn.Reason = app.KindCreditNote, s, s
		docs := []app.SalesDoc{czkInvoice(), inv, cn, eurInvoice()}
		b, err := renderBatchBytes(t, context.Background(), docs, csOpts(), nil)
		if err != nil {
			t.Fatal(err)
		}
		mustParse(t, "batch", b)
	})
}

// fuzzStatement is a statement of a customer named s, whose documents are
// numbered s, with an invoice of amount.
func fuzzStatement(s string, amount int64) app.Statement {
	amount = fuzzAmount(amount)
	issue := app.D(2026, time.March, 3)
	docs := []app.SalesDoc{
		{ID: "a", Kind: app.KindInvoice, Status: app.StatusIssued, Number: s, VariableSymbol: s, IssueDate: issue, DueDate: issue.AddDays(14),
			Currency: "CZK", Totals: app.DocTotals{Total: amount, TotalCZK: amount}},
		{ID: "b", Kind: app.KindCreditNote, Status: app.StatusIssued, Number: s + "-D", OriginalID: "a", OriginalNo: s, VariableSymbol: s,
			IssueDate: issue.AddDays(3), Currency: "CZK", Totals: app.DocTotals{Total: -100, TotalCZK: -100}},
	}
	pays := []app.Payment{{DocID: "a", Date: issue.AddDays(5), Amount: app.M(amount/2, "CZK")}}
	st := app.BuildStatement(fuzzParty(customer(), s), docs, pays, app.D(2026, time.March, 1), app.D(2026, time.March, 31), "CZK")
	return st
}

func FuzzStatementText(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, amount int64) {
		c := stCompany()
		c.Name, c.Street, c.Email = s, s, s
		st := fuzzStatement(s, amount)
		var b bytes.Buffer
		if err := RenderStatement(&b, st, c, csOpts()); err != nil {
			t.Fatal(err)
		}
		mustParse(t, "statement", b.Bytes())
		en := st
		en.Lang = app.English
		b.Reset()
		err := (StatementRenderer{Created: created}).Combined(context.Background(), &b, pullStatements([]app.Statement{stFixture(2), st, en}), c, nil)
		if err != nil {
			t.Fatal(err)
		}
		mustParse(t, "combined statements", b.Bytes())
	})
}

func FuzzReportText(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, amount int64) {
		tb := trialBalanceCS()
		tb.Title, tb.Period = s, s
		tb.Notes = append(tb.Notes, s)
		tb.Columns[1].Title = s
		tb.Rows = append(tb.Rows, app.ReportRow{Cells: []string{s}, Heading: true},
			app.ReportRow{Cells: []string{s, s, amountCS(fuzzAmount(amount)), s, s, s}})
		c := stCompany()
		c.Name, c.ICO = s, s
		for _, wide := range []bool{false, true} {
			if wide {
				for range 3 {
					tb.Columns = append(tb.Columns, app.ReportColumn{Title: s, Numeric: true})
				}
			}
			var b bytes.Buffer
			if err := (ReportRenderer{Created: created}).Report(&b, tb, c); err != nil {
				t.Fatal(err)
			}
			mustParse(t, "report", b.Bytes())
		}
	})
}

func FuzzBadgeText(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, amount int64) {
		v := app.Visit{Visitor: s, Company: s, Host: s, Badge: s, Purpose: s, In: time.Unix(amount%4_000_000_000, 0)}
		c := stCompany()
		c.Name = s
		for _, opt := range []Options{csOpts(), enOpts()} {
			var b bytes.Buffer
			if err := RenderBadge(&b, v, c, opt); err != nil {
				t.Fatal(err)
			}
			mustParse(t, "badge", b.Bytes())
		}
	})
}
