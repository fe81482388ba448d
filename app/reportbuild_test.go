package app

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// In-memory fakes of the services BuildReport reads. Each embeds its
// interface, so a method the reports must not call panics.

type rbCompany struct{ CompanyService }

func (rbCompany) Company(context.Context) (Company, error) {
	return Company{Name: "Kontor s.r.o.", ICO: "45274649", DIC: "CZ45274649", VATPayer: true, BaseCurrency: "CZK", Chart: ChartCzech, VATRates: DefaultVATRates()}, nil
}

// rbLedger is a journal of entries, numbered in order.
type rbLedger struct {
	LedgerService
	entries []tbEntry
	pages   int // JournalPage calls
}

func (l *rbLedger) Accounts(context.Context) ([]Account, error) { return ChartCzech.Preset(), nil }

func (l *rbLedger) journal(f JournalFilter) []JournalLine {
	var out []JournalLine
	for i, e := range l.entries {
		if (!f.From.IsZero() && e.date.Before(f.From)) || (!f.To.IsZero() && e.date.After(f.To)) {
			continue
		}
		for _, ln := range e.lines {
			if f.Account != "" && ln.Account != f.Account {
				continue
			}
			out = append(out, JournalLine{EntryID: strconv.Itoa(i), Number: "UD" + strconv.Itoa(1000+i), Date: e.date, Memo: "entry " + strconv.Itoa(i), Line: ln})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

func (l *rbLedger) JournalPage(_ context.Context, f JournalFilter, offset, limit int) ([]JournalLine, error) {
	l.pages++
	all := l.journal(f)
	if offset >= len(all) {
		return nil, nil
	}
	return all[offset:min(offset+limit, len(all))], nil
}

// rbReports answers BalancesBetween from the same entries, every account of
// the chart (the store lists them all).
type rbReports struct{ l *rbLedger }

func (r rbReports) BalancesBetween(_ context.Context, from, to Date) ([]AccountBalance, error) {
	idx := map[string]int{}
	var out []AccountBalance
	for _, a := range ChartCzech.Preset() {
		idx[a.Code] = len(out)
		out = append(out, AccountBalance{Account: a})
	}
	for _, e := range r.l.entries {
		if e.date.After(to) {
			continue
		}
		for _, ln := range e.lines {
			b := &out[idx[ln.Account]]
			if !from.IsZero() && e.date.Before(from) {
				b.Opening += ln.Debit - ln.Credit
				continue
			}
			b.Debit += ln.Debit
			b.Credit += ln.Credit
			b.Lines++
		}
	}
	return out, nil
}

// rbVAT reads the tagged lines of the same entries, as the store does.
type rbVAT struct{ l *rbLedger }

func (v rbVAT) VATPostings(_ context.Context, from, to Date) ([]VATPosting, error) {
	var out []VATPosting
	for i, e := range v.l.entries {
		if (!from.IsZero() && e.date.Before(from)) || (!to.IsZero() && e.date.After(to)) {
			continue
		}
		out = append(out, VATPostingsOf(Entry{ID: strconv.Itoa(i), Number: "UD" + strconv.Itoa(1000+i), Date: e.date, Lines: e.lines}, "343")...)
	}
	return out, nil
}

type rbSales struct {
	SalesService
	docs []SalesDoc
}

func (s rbSales) Documents(_ context.Context, f DocFilter, offset, limit int) ([]SalesDoc, int, error) {
	var out []SalesDoc
	for _, d := range s.docs {
		if (f.Kind != "" && d.Kind != f.Kind) || (f.Customer != "" && d.CustomerID != f.Customer) ||
			(!f.From.IsZero() && d.IssueDate.Before(f.From)) || (!f.To.IsZero() && d.IssueDate.After(f.To)) {
			continue
		}
		out = append(out, d)
	}
	n := len(out)
	if offset >= n {
		return nil, n, nil
	}
	return out[offset:min(offset+limit, n)], n, nil
}

type rbPayables struct {
	PayablesService
	ps []PurchaseInvoice
}

func (p rbPayables) Purchases(_ context.Context, f PurchaseFilter, offset, limit int) ([]PurchaseInvoice, int, error) {
	var out []PurchaseInvoice
	for _, x := range p.ps {
		day := x.IssueDate
		if f.ByTaxDate {
			day = x.TaxDate
		}
		if (!f.From.IsZero() && day.Before(f.From)) || (!f.To.IsZero() && day.After(f.To)) || (f.OpenOnly && x.Remaining() <= 0) {
			continue
		}
		out = append(out, x)
	}
	n := len(out)
	if offset >= n {
		return nil, n, nil
	}
	return out[offset:min(offset+limit, n)], n, nil
}

// rbCloser has closed no year.
type rbCloser struct{ YearCloser }

func (rbCloser) YearClosings(context.Context) ([]Entry, error) { return nil, nil }

// czechT is a translator that speaks Czech formats (and English words).
type czechT struct{}

func (czechT) Translate(_, fallback string, args map[string]any) string {
	return renderTemplate(fallback, args)
}
func (czechT) Lang() Lang { return Czech }

func rbServices(entries []tbEntry, docs []SalesDoc, ps []PurchaseInvoice) Services {
	l := &rbLedger{entries: entries}
	return Services{Company: rbCompany{}, Ledger: l, Reports: rbReports{l}, VAT: rbVAT{l}, Sales: rbSales{docs: docs}, Payables: rbPayables{ps: ps}, Closer: rbCloser{},
		Clock: NewFixedClock(time.Date(2026, time.March, 15, 10, 0, 0, 0, time.UTC))}
}

func build(t *testing.T, svc Services, kind ReportKind, from, to Date, account string, tr Translator) ReportTable {
	t.Helper()
	r, err := BuildReport(context.Background(), svc, kind, from, to, account, tr)
	if err != nil {
		t.Fatalf("%s: %v", kind, err)
	}
	if r.Kind != kind || r.Title == "" || r.Period == "" || len(r.Columns) == 0 || len(r.Rows) == 0 {
		t.Fatalf("%s: incomplete table %+v", kind, r)
	}
	for i, row := range r.Rows {
		if !row.Heading && len(row.Cells) != len(r.Columns) {
			t.Fatalf("%s: row %d has %d cells for %d columns: %q", kind, i, len(row.Cells), len(r.Columns), row.Cells)
		}
	}
	return r
}

// cell parses an amount cell of an English table back to minor units.
func cell(t *testing.T, s string) int64 {
	t.Helper()
	m, err := ParseMoney(s, "CZK", English)
	if err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	return m.Amount
}

// rowNamed returns the first row with a cell equal to name.
func rowNamed(t *testing.T, r ReportTable, name string) ReportRow {
	t.Helper()
	for _, row := range r.Rows {
		for _, c := range row.Cells {
			if c == name {
				return row
			}
		}
	}
	t.Fatalf("%s: no row %q in %+v", r.Kind, name, r.Rows)
	return ReportRow{}
}

func TestBuildTrialBalance(t *testing.T) {
	svc := rbServices(demoLedger(), nil, nil)
	jan1, mar31 := D(2026, time.January, 1), D(2026, time.March, 31)
	r := build(t, svc, ReportTrialBalance, jan1, mar31, "", nil)
	if r.Title != "Trial balance" || r.Period != "1 Jan 2026 – 31 Mar 2026" {
		t.Errorf("title %q period %q", r.Title, r.Period)
	}
	want := []string{"Account", "Account name", "Opening balance", "Debit turnover", "Credit turnover", "Closing balance"}
	for i, c := range r.Columns {
		if c.Title != want[i] || c.Numeric != (i >= 2) {
			t.Errorf("column %d = %+v, want %q", i, c, want[i])
		}
	}
	tot := r.Rows[len(r.Rows)-1]
	if !tot.Total || tot.Cells[1] != "Total" {
		t.Fatalf("last row %+v", tot)
	}
	debit, credit := cell(t, tot.Cells[3]), cell(t, tot.Cells[4])
	if debit != credit || debit == 0 {
		t.Errorf("debits %d, credits %d", debit, credit)
	}
	if cell(t, tot.Cells[2]) != 0 || cell(t, tot.Cells[5]) != 0 {
		t.Errorf("totals opening/closing %q %q, want 0", tot.Cells[2], tot.Cells[5])
	}
	var sumDr int64
	for _, row := range r.Rows[:len(r.Rows)-1] {
		sumDr += cell(t, row.Cells[3])
		if cell(t, row.Cells[5]) != cell(t, row.Cells[2])+cell(t, row.Cells[3])-cell(t, row.Cells[4]) {
			t.Errorf("row %q: closing is not opening + debit - credit", row.Cells)
		}
	}
	if sumDr != debit {
		t.Errorf("rows' debits %d, total %d", sumDr, debit)
	}
	if r.Notes[0] != "Debit turnover equals credit turnover." {
		t.Errorf("notes %q", r.Notes)
	}
	if r221 := rowNamed(t, r, "221"); r221.Cells[1] != "Bankovní účty" || r221.Cells[2] != "500,000.00" {
		t.Errorf("221 row %q", r221.Cells)
	}

	// Czech formats: "1 234,50" with a non-breaking space, dates "1. 1. 2026".
	cz := build(t, svc, ReportTrialBalance, jan1, mar31, "", czechT{})
	if cz.Lang != Czech || cz.Period != "1.\u00a01.\u00a02026 – 31.\u00a03.\u00a02026" {
		t.Errorf("Czech period %q", cz.Period)
	}
	if r221 := rowNamed(t, cz, "221"); r221.Cells[2] != "500\u00a0000,00" {
		t.Errorf("Czech 221 opening %q", r221.Cells[2])
	}

	// The CSV carries the same table.
	var b strings.Builder
	if err := r.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "\uFEFFAccount;Account name;Opening balance") || !strings.Contains(b.String(), "221;Bankovní účty;500000,00;") {
		t.Errorf("CSV:\n%s", b.String())
	}
}

func TestBuildBalanceSheetEqualsProfitLoss(t *testing.T) {
	// 2025 had a result that was never closed; 2026 has its own.
	entries := append([]tbEntry{
		{D(2025, time.June, 1), []Line{dr("311", 12100), cr("602", 10000), cr("343", 2100)}},
		{D(2025, time.June, 20), []Line{dr("221", 12100), cr("311", 12100)}},
		{D(2025, time.July, 1), []Line{dr("518", 3000), cr("221", 3000)}},
	}, demoLedger()...)
	svc := rbServices(entries, nil, nil)
	feb28 := D(2026, time.February, 28)
	// The balance sheet ignores from: it is as of to, with the year's result.
	bs := build(t, svc, ReportBalanceSheet, D(2026, time.February, 1), feb28, "", nil)
	if bs.Period != "as of 28 Feb 2026" || bs.From != D(2026, time.January, 1) || bs.To != feb28 {
		t.Errorf("period %q from %v to %v", bs.Period, bs.From, bs.To)
	}
	pl := build(t, svc, ReportProfitLoss, D(2026, time.January, 1), feb28, "", nil)
	plResult := cell(t, rowNamed(t, pl, "Result (profit +, loss −)").Cells[2])
	bsResult := cell(t, rowNamed(t, bs, "Result of the current year").Cells[2])
	if plResult != bsResult || plResult != 65400_00 {
		t.Errorf("P&L result %d, balance sheet result %d; want 65400.00 both", plResult, bsResult)
	}
	if prior := cell(t, rowNamed(t, bs, "Result of previous years not yet closed").Cells[2]); prior != 7000_00 {
		t.Errorf("prior result %d, want 7000.00", prior)
	}
	assets := cell(t, rowNamed(t, bs, "Total assets").Cells[2])
	sources := cell(t, rowNamed(t, bs, "Total equity and liabilities").Cells[2])
	equity := cell(t, rowNamed(t, bs, "Total equity").Cells[2])
	liab := cell(t, rowNamed(t, bs, "Total liabilities").Cells[2])
	if assets != sources || sources != equity+liab || assets == 0 {
		t.Errorf("assets %d, equity %d + liabilities %d = %d", assets, equity, liab, sources)
	}
	if bs.Notes[0] != "Balanced: assets = equity + liabilities." {
		t.Errorf("notes %q", bs.Notes)
	}
	var headings []string
	for _, row := range bs.Rows {
		if row.Heading {
			headings = append(headings, row.Cells[0])
		}
	}
	if strings.Join(headings, "|") != "Assets|Equity|Liabilities" {
		t.Errorf("sections %q", headings)
	}
	// P&L revenue and expense totals add up to its result.
	rev := cell(t, rowNamed(t, pl, "Total revenue").Cells[2])
	exp := cell(t, rowNamed(t, pl, "Total expenses").Cells[2])
	if rev-exp != plResult {
		t.Errorf("revenue %d - expenses %d != %d", rev, exp, plResult)
	}
}

func TestBuildLedgerRunningBalance(t *testing.T) {
	entries := demoLedger()
	// Enough lines on 221 for several pages of the journal.
	for i := range 2300 {
		day := D(2026, time.February, 1+i%28)
		if i%3 == 0 {
			entries = append(entries, tbEntry{day, []Line{dr("518", 7), cr("221", 7)}})
		} else {
			entries = append(entries, tbEntry{day, []Line{dr("221", 11), cr("602", 11)}})
		}
	}
	svc := rbServices(entries, nil, nil)
	from, to := D(2026, time.January, 15), D(2026, time.February, 28)
	r := build(t, svc, ReportLedger, from, to, "221", nil)
	if r.Title != "General ledger – account 221 Bankovní účty" {
		t.Errorf("title %q", r.Title)
	}
	if pages := svc.Ledger.(*rbLedger).pages; pages < 3 {
		t.Errorf("%d journal pages read, want paging", pages)
	}
	bals, _ := svc.Reports.BalancesBetween(context.Background(), from, to)
	var want AccountBalance
	for _, b := range bals {
		if b.Account.Code == "221" {
			want = b
		}
	}
	first, last := r.Rows[0], r.Rows[len(r.Rows)-1]
	if !first.Total || first.Cells[2] != "Opening balance" || cell(t, first.Cells[5]) != want.Opening {
		t.Errorf("opening row %q, want %d", first.Cells, want.Opening)
	}
	if last.Cells[2] != "Closing balance" || cell(t, last.Cells[5]) != want.Closing() || last.Cells[0] != "28 Feb 2026" {
		t.Errorf("closing row %q, want %d", last.Cells, want.Closing())
	}
	turnover := r.Rows[len(r.Rows)-2]
	if cell(t, turnover.Cells[3]) != want.Debit || cell(t, turnover.Cells[4]) != want.Credit {
		t.Errorf("turnover %q, want %d / %d", turnover.Cells, want.Debit, want.Credit)
	}
	// The running balance steps by each line and ends at the closing.
	bal := want.Opening
	lines := r.Rows[1 : len(r.Rows)-2]
	if len(lines) != int(want.Lines) {
		t.Fatalf("%d lines, want %d", len(lines), want.Lines)
	}
	for _, row := range lines {
		var d, c int64
		if row.Cells[3] != "" {
			d = cell(t, row.Cells[3])
		}
		if row.Cells[4] != "" {
			c = cell(t, row.Cells[4])
		}
		bal += d - c
		if cell(t, row.Cells[5]) != bal {
			t.Fatalf("row %q: balance, want %d", row.Cells, bal)
		}
	}
	if bal != want.Closing() {
		t.Errorf("running balance ends at %d, closing %d", bal, want.Closing())
	}

	// Cash and bank books are the ledgers of 211 and 221.
	cash := build(t, svc, ReportCashBook, D(2026, time.January, 1), D(2026, time.January, 31), "", czechT{})
	if cash.Title != "Cash book – 211 Pokladna" || cash.Columns[3].Title != "Receipts" || cash.Columns[4].Title != "Payments" {
		t.Errorf("cash book %q %+v", cash.Title, cash.Columns)
	}
	if got := cash.Rows[len(cash.Rows)-1].Cells[5]; got != "22\u00a0420,00" {
		t.Errorf("cash closing %q, want 22 420,00", got)
	}
	bank := build(t, svc, ReportBankBook, D(2026, time.January, 1), D(2026, time.January, 31), "", nil)
	if !strings.HasPrefix(bank.Title, "Bank book – 221") || cell(t, bank.Rows[len(bank.Rows)-1].Cells[5]) != 614950_00 {
		t.Errorf("bank book %q %q", bank.Title, bank.Rows[len(bank.Rows)-1].Cells)
	}
}

func TestBuildAging(t *testing.T) {
	asOf := D(2026, time.March, 31)
	inv := func(cust string, due Date, total, paid int64) SalesDoc {
		return SalesDoc{Kind: KindInvoice, Status: StatusIssued, CustomerID: cust, Customer: Party{Name: "Firma " + cust},
			IssueDate: due.AddDays(-14), DueDate: due, Currency: "CZK", ExchangeRate: RatePercent(1), Paid: paid,
			Totals: DocTotals{Total: total, TotalCZK: total}}
	}
	docs := []SalesDoc{
		inv("a", asOf.AddDays(5), 1000_00, 0),
		inv("a", asOf.AddDays(-10), 500_00, 100_00),
		inv("b", asOf.AddDays(-100), 300_00, 0),
		inv("c", asOf.AddDays(-40), 200_00, 200_00), // paid
	}
	r := build(t, rbServices(nil, docs, nil), ReportAging, Date{}, asOf, "", nil)
	if r.Title != "Receivables aging" || r.Period != "as of 31 Mar 2026" || len(r.Columns) != 7 {
		t.Fatalf("aging %q %q %d columns", r.Title, r.Period, len(r.Columns))
	}
	a := rowNamed(t, r, "Firma a")
	if a.Cells[1] != "1,000.00" || a.Cells[2] != "400.00" || a.Cells[6] != "1,400.00" {
		t.Errorf("customer a %q", a.Cells)
	}
	tot := r.Rows[len(r.Rows)-1]
	if !tot.Total || tot.Cells[5] != "300.00" || tot.Cells[6] != "1,700.00" || len(r.Rows) != 3 {
		t.Errorf("totals %q (%d rows)", tot.Cells, len(r.Rows))
	}

	p1 := purchase(asOf.AddDays(-45), "CZK", RatePercent(1), pv(21, 1000_00, 210_00))
	p1.Supplier.Name, p1.DueDate = "Dodavatel", asOf.AddDays(-31)
	p2 := purchase(asOf.AddDays(-5), "CZK", RatePercent(1), pv(21, 100_00, 21_00))
	p2.Supplier.Name, p2.Paid = "Dodavatel", p2.Total
	pa := build(t, rbServices(nil, nil, []PurchaseInvoice{p1, p2}), ReportPayablesAging, Date{}, asOf, "", nil)
	if pa.Title != "Payables aging" || pa.Columns[0].Title != "Supplier" {
		t.Errorf("payables aging %q %+v", pa.Title, pa.Columns[0])
	}
	if s := rowNamed(t, pa, "Dodavatel"); s.Cells[3] != "1,210.00" || s.Cells[6] != "1,210.00" {
		t.Errorf("supplier %q", s.Cells)
	}
}

func TestBuildReportRefuses(t *testing.T) {
	svc := rbServices(demoLedger(), nil, nil)
	jan1, jan31 := D(2026, time.January, 1), D(2026, time.January, 31)
	for _, tc := range []struct {
		name          string
		kind          ReportKind
		from, to      Date
		account       string
		field, key    string
		wantErrorCode string
	}{
		{"reversed period", ReportTrialBalance, jan31, jan1, "", "filter.to", "err.period.reversed", EINVALID},
		{"reversed ledger", ReportLedger, jan31, jan1, "221", "filter.to", "err.period.reversed", EINVALID},
		{"start after today", ReportVAT, D(2027, time.January, 1), Date{}, "", "filter.to", "err.period.reversed", EINVALID},
		{"unknown account", ReportLedger, jan1, jan31, "999", "report.account", "err.report.account_unknown", EINVALID},
		{"no account", ReportLedger, jan1, jan31, "  ", "report.account", "err.required", EINVALID},
		{"unknown report", ReportKind("cash-flow"), jan1, jan31, "", "report.kind", "err.report.unknown", EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := BuildReport(context.Background(), svc, tc.kind, tc.from, tc.to, tc.account, nil)
			var e *Error
			if !errors.As(err, &e) || e.Code != tc.wantErrorCode || e.Field != tc.field || e.Key != tc.key {
				t.Fatalf("err = %#v, want %s %s", err, tc.field, tc.key)
			}
			if len(r.Rows) != 0 {
				t.Error("a refused report has rows")
			}
			if msg := ErrorMessage(err, nil); msg == "" || !strings.Contains(msg, ":") {
				t.Errorf("message %q does not name the field", msg)
			}
		})
	}
}

func TestBuildEveryKind(t *testing.T) {
	svc := rbServices(demoLedger(), nil, nil)
	for _, k := range ReportKinds() {
		acc := ""
		if k == ReportLedger {
			acc = "311"
		}
		// An open start and end: the books' beginning to today (15 Mar 2026).
		r := build(t, svc, k, Date{}, Date{}, acc, czechT{})
		if r.To != D(2026, time.March, 15) {
			t.Errorf("%s: to %v, want today", k, r.To)
		}
		if len(r.Notes) == 0 {
			t.Errorf("%s: no notes", k)
		}
	}
}
