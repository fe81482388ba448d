package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

func stCompany() app.Company {
	s := supplier()
	return app.Company{Name: s.Name, Street: s.Street, City: s.City, Postcode: s.Postcode, Country: s.Country, ICO: s.ICO, DIC: s.DIC,
		VATPayer: true, BankAccount: s.BankAccount, IBAN: s.IBAN, BIC: s.BIC, Email: s.Email, Phone: s.Phone, BaseCurrency: "CZK"}
}

// stFixture is a statement of n invoices in March 2026, each paid in part.
func stFixture(n int) app.Statement {
	var docs []app.SalesDoc
	var pays []app.Payment
	for i := range n {
		issue := app.D(2026, time.March, 1+i%28)
		num := "FV2026-" + strconv.Itoa(1000+i)
		docs = append(docs, app.SalesDoc{ID: "d" + strconv.Itoa(i), Kind: app.KindInvoice, Status: app.StatusIssued, Number: num,
			VariableSymbol: strconv.Itoa(20261000 + i), IssueDate: issue, DueDate: issue.AddDays(14), Currency: "CZK", ExchangeRate: app.RatePercent(1),
			Totals: app.DocTotals{Total: 1210_00, TotalCZK: 1210_00}})
		pays = append(pays, app.Payment{DocID: "d" + strconv.Itoa(i), Date: issue.AddDays(2), Amount: app.M(210_00, "CZK")})
	}
	docs = append(docs, app.SalesDoc{ID: "old", Kind: app.KindInvoice, Status: app.StatusIssued, Number: "FV2025-0999", VariableSymbol: "20250999",
		IssueDate: app.D(2025, time.October, 1), DueDate: app.D(2025, time.October, 15), Currency: "CZK",
		Totals: app.DocTotals{Total: 500_00, TotalCZK: 500_00}})
	docs = append(docs, app.SalesDoc{ID: "cn", Kind: app.KindCreditNote, Status: app.StatusIssued, Number: "OD2026-0001", OriginalID: "d0",
		IssueDate: app.D(2026, time.March, 20), Currency: "CZK", Totals: app.DocTotals{Total: -100_00, TotalCZK: -100_00}})
	return app.BuildStatement(customer(), docs, pays, app.D(2026, time.March, 1), app.D(2026, time.March, 31), "CZK")
}

func renderStatementFile(t *testing.T, st app.Statement, opt Options) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "statement.pdf")
	var b bytes.Buffer
	if err := RenderStatement(&b, st, stCompany(), opt); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestStatementCzech(t *testing.T) {
	st := stFixture(3)
	ps := pages(t, renderStatementFile(t, st, csOpts()))
	if len(ps) != 1 {
		t.Fatalf("%d pages, want 1", len(ps))
	}
	p := ps[0]
	mustContain(t, "statement", p,
		"Výpis z účtu odběratele", "Období: 1. 3. 2026 – 31. 3. 2026",
		"Kontor Žluťoučký s.r.o.", "Úpěnlivá ódy a.s.", "IČO: 45274649",
		"Počáteční zůstatek k 1. 3. 2026", number(500_00, "CZK", app.Czech),
		"Faktura FV2026-1000", "Úhrada FV2026-1000", "Dobropis OD2026-0001", "20261001",
		"Má dáti", "Dal", "Zůstatek",
		"Konečný zůstatek k 31. 3. 2026", money(st.Sections[0].Closing, "CZK", app.Czech),
		"Věková struktura pohledávek", "Do splatnosti", "Nad 90 dní",
		"Neuhrazené doklady", "Bankovní účet: 19-2000145399/0800", "IBAN: CZ6508000000192000145399", "Variabilní symbol",
		"Strana 1 z 1")
}

func TestStatementEnglishMultiPage(t *testing.T) {
	st := stFixture(120)
	opt := enOpts()
	ps := pages(t, renderStatementFile(t, st, opt))
	if len(ps) < 3 {
		t.Fatalf("%d pages, want several", len(ps))
	}
	n := len(ps)
	all := strings.Join(ps, "\f")
	for i, p := range ps {
		mustContain(t, "page "+itoa(i+1), p, "Page "+itoa(i+1)+" of "+itoa(n))
		if i > 0 && strings.Contains(p, "Payment FV2026") { // a page of the movements table
			mustContain(t, "continuation page", p, "Customer statement – Úpěnlivá ódy a.s.", "(continued)", "Debit", "Credit", "Balance")
		}
	}
	for i := range 120 {
		if !strings.Contains(all, "Invoice FV2026-"+itoa(1000+i)) {
			t.Errorf("invoice %d missing", i)
		}
	}
	mustContain(t, "statement", all, "Opening balance on 1 Mar 2026", "Closing balance on 31 Mar 2026", money(st.Sections[0].Closing, "CZK", app.English),
		"Aging of receivables", "Open items", "Variable symbol", "Amount due")
	mustNotContain(t, "english statement", all, "Výpis", "Strana")
}

func TestStatementEmpty(t *testing.T) {
	st := app.BuildStatement(customer(), nil, nil, app.D(2026, time.March, 1), app.D(2026, time.March, 31), "CZK")
	ps := pages(t, renderStatementFile(t, st, csOpts()))
	mustContain(t, "empty statement", ps[0], "V období nejsou žádné pohyby.", "Ke dni výpisu nejsou žádné neuhrazené doklady.", "Strana 1 z 1")
}

func TestStatementDeterministic(t *testing.T) {
	st := stFixture(10)
	var a, b bytes.Buffer
	if err := RenderStatement(&a, st, stCompany(), csOpts()); err != nil {
		t.Fatal(err)
	}
	if err := RenderStatement(&b, st, stCompany(), csOpts()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders of one statement differ")
	}
}

// stDocuments is a statement of a customer with n documents in 2026: about
// two in three are invoices, and every third invoice is followed by a credit
// note or a payment, so the statement has n movement lines, some open.
func stDocuments(n int) app.Statement {
	var docs []app.SalesDoc
	var pays []app.Payment
	for i := 0; len(docs)+len(pays) < n; i++ {
		issue := app.D(2026, time.January, 1).AddDays(i % 340)
		id := "d" + strconv.Itoa(i)
		docs = append(docs, app.SalesDoc{ID: id, Kind: app.KindInvoice, Status: app.StatusIssued, Number: "FV2026-" + strconv.Itoa(10000+i),
			VariableSymbol: strconv.Itoa(202610000 + i), IssueDate: issue, DueDate: issue.AddDays(14), Currency: "CZK", ExchangeRate: app.RatePercent(1),
			Totals: app.DocTotals{Total: 1210_00 + int64(i), TotalCZK: 1210_00 + int64(i)}})
		if len(docs)+len(pays) == n {
			break
		}
		switch i % 3 {
		case 0:
			pays = append(pays, app.Payment{DocID: id, Date: issue.AddDays(10), Amount: app.M(1210_00+int64(i), "CZK")})
		case 1:
			docs = append(docs, app.SalesDoc{ID: "c" + id, Kind: app.KindCreditNote, Status: app.StatusIssued, Number: "OD2026-" + strconv.Itoa(10000+i),
				OriginalID: id, IssueDate: issue.AddDays(3), Currency: "CZK", Totals: app.DocTotals{Total: -100_00, TotalCZK: -100_00}})
		}
	}
	return app.BuildStatement(customer(), docs, pays, app.D(2026, time.January, 1), app.D(2026, time.December, 31), "CZK")
}

// BenchmarkStatementPDF is issue 5's target: the statement of a customer
// with 1,000 documents (invoices, credit notes and payments: 1,000 lines,
// with the invoices open at the end listed under it); median ≤ 50 ms.
func BenchmarkStatementPDF(b *testing.B) {
	st := stDocuments(1000)
	if len(st.Sections[0].Lines) != 1000 {
		b.Fatalf("%d lines", len(st.Sections[0].Lines))
	}
	benchStatement(b, st)
}

// BenchmarkStatementPDF3000Rows is a heavier statement: 1,000 invoices each
// with a payment (2,001 lines) and all 1,000 still partly open.
func BenchmarkStatementPDF3000Rows(b *testing.B) { benchStatement(b, stFixture(1000)) }

func benchStatement(b *testing.B, st app.Statement) {
	c := stCompany()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := RenderStatement(&buf, st, c, csOpts()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "pdf-KB")
}

// twoCurrencyStatement is a customer who owes euros (one invoice settled
// before March, one partly credited in it) and crowns.
func twoCurrencyStatement() app.Statement {
	day := func(m time.Month, d int) app.Date { return app.D(2026, m, d) }
	eur := func(id, number string, cents, czk int64, issue app.Date) app.SalesDoc {
		return app.SalesDoc{ID: id, Kind: app.KindInvoice, Status: app.StatusIssued, Number: number, VariableSymbol: "2026" + number[len(number)-3:],
			IssueDate: issue, DueDate: issue.AddDays(14), Currency: "EUR", ExchangeRate: app.RateMicro(25_000_000),
			Totals: app.DocTotals{Total: cents, TotalCZK: czk}}
	}
	e1 := eur("e1", "FV2026-010", 1000_00, 25000_00, day(time.February, 10))
	e2 := eur("e2", "FV2026-011", 1234_56, 30864_00, day(time.March, 10))
	ec := eur("ec", "OD2026-005", -100_00, -2500_00, day(time.March, 12))
	ec.Kind, ec.OriginalID, ec.OriginalNo, ec.VariableSymbol = app.KindCreditNote, "e2", "FV2026-011", "2026905"
	c1 := app.SalesDoc{ID: "c1", Kind: app.KindInvoice, Status: app.StatusIssued, Number: "FV2026-012", VariableSymbol: "2026012",
		IssueDate: day(time.March, 3), DueDate: day(time.March, 17), Currency: "CZK", Totals: app.DocTotals{Total: 2000_00, TotalCZK: 2000_00}}
	pays := []app.Payment{
		{DocID: "e1", Date: day(time.February, 28), Amount: app.M(1000_00, "EUR"), Base: 24800_00},
		{DocID: "c1", Date: day(time.March, 20), Amount: app.M(500_00, "CZK")},
	}
	cust := customer()
	cust.Name = "Wiener Kaffee GmbH"
	return app.BuildStatement(cust, []app.SalesDoc{e1, e2, ec, c1}, pays, day(time.March, 1), day(time.March, 31), "CZK")
}

// TestStatementPerCurrency: a customer who owes euros was shown a CZK
// balance and CZK aging. The statement has a section per currency, each in
// its own currency, and a credit note names the invoice it corrects.
func TestStatementPerCurrency(t *testing.T) {
	st := twoCurrencyStatement()
	for _, c := range []struct {
		opt   Options
		wants []string
	}{
		{csOpts(), []string{"Částky v CZK, EUR", "Účet v měně CZK", "Účet v měně EUR",
			"Faktura FV2026-012", "Konečný zůstatek k 31. 3. 2026", money(1500_00, "CZK", app.Czech), money(1134_56, "EUR", app.Czech),
			"Dobropis OD2026-005", "k faktuře FV2026-011", "2026905", "Faktura FV2026-011", number(1234_56, "EUR", app.Czech),
			money(1134_56, "EUR", app.Czech)}},
		{enOpts(), []string{"Amounts in CZK, EUR", "Account in CZK", "Account in EUR", money(1134_56, "EUR", app.English),
			"Credit note OD2026-005", "to invoice FV2026-011"}},
	} {
		all := strings.Join(pages(t, renderStatementFile(t, st, c.opt)), "\f")
		mustContain(t, "two currencies", all, c.wants...)
		// The euros are never restated in crowns.
		mustNotContain(t, "two currencies", all, number(28364_00, "CZK", c.opt.Lang), number(30864_00, "CZK", c.opt.Lang))
	}

	// An EUR-only customer: one section, in euros, aging in euros.
	eurOnly := st
	eurOnly.Sections = st.Sections[1:]
	p := pages(t, renderStatementFile(t, eurOnly, csOpts()))[0]
	mustContain(t, "euro statement", p, "Částky v EUR", money(1134_56, "EUR", app.Czech), "Věková struktura pohledávek")
	mustNotContain(t, "euro statement", p, "Účet v měně", "Kč")
}
