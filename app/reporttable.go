package app

import (
	"context"
	"encoding/csv"
	"io"
	"strings"
)

// ReportTable is a financial report laid out for people: titled columns and
// rows of cells already formatted in the reader's language. One table feeds
// the screen, the PDF (ReportRenderer) and the CSV (WriteCSV), so the three
// always agree.
type ReportTable struct {
	Kind     ReportKind
	Title    string // "Obratová předvaha"
	Period   string // "1. 1. 2026 – 31. 3. 2026", or "as of …"
	Lang     Lang
	Columns  []ReportColumn
	Rows     []ReportRow
	Notes    []string // lines printed under the table (e.g. "Balanced: assets = liabilities + equity")
	From, To Date
}

// ReportColumn is a column: its title, whether it holds amounts (right
// aligned, summed by the reader) and its relative width.
type ReportColumn struct {
	Title   string
	Numeric bool
	Weight  float64 // share of the page width; 0 = 1
}

// ReportRow is a row; Heading rows name a section (one cell), Total rows sum one.
type ReportRow struct {
	Cells   []string
	Heading bool
	Total   bool
}

// ReportKind names a report, as the CLI's argument and the screen's choice.
type ReportKind string

// The reports of the Accounts tab.
const (
	ReportTrialBalance  ReportKind = "trial-balance"
	ReportLedger        ReportKind = "ledger" // general ledger of one account
	ReportProfitLoss    ReportKind = "profit-loss"
	ReportBalanceSheet  ReportKind = "balance-sheet"
	ReportVAT           ReportKind = "vat"            // the VAT return by its rows
	ReportVATControl    ReportKind = "vat-control"    // the VAT control statement
	ReportEUSales       ReportKind = "eu-sales"       // the EU sales list
	ReportAging         ReportKind = "aging"          // receivables
	ReportPayablesAging ReportKind = "payables-aging" // payables
	ReportCashBook      ReportKind = "cash-book"
	ReportBankBook      ReportKind = "bank-book"
)

// ReportKinds lists the reports in the order the screen offers them.
func ReportKinds() []ReportKind {
	return []ReportKind{ReportTrialBalance, ReportLedger, ReportProfitLoss, ReportBalanceSheet, ReportVAT,
		ReportVATControl, ReportEUSales, ReportAging, ReportPayablesAging, ReportCashBook, ReportBankBook}
}

// StockReportKinds lists the warehouse's reports (BuildStockReport) in the
// order the screens and the command line offer them. They are apart from
// ReportKinds, the Accounts tab's reports (BuildReport), because they need
// the warehouse permission and ask other questions (an item, a location,
// as of one day).
func StockReportKinds() []ReportKind {
	return []ReportKind{ReportStockLevels, ReportStockCard, ReportReorder, ReportSlowMovers, ReportLotExpiry}
}

// ReportService answers the ledger questions reports ask beyond LedgerService.
type ReportService interface {
	// BalancesBetween is Balances for any day range: whole months come from
	// the running balances, the days of a partly covered first or last month
	// from that month's journal lines, so the answer is exact and still
	// never scans the whole journal.
	BalancesBetween(ctx context.Context, from, to Date) ([]AccountBalance, error)
}

// WriteCSV writes the table as CSV that Czech Excel opens with a double
// click, as WriteCustomersCSV does: UTF-8 with a byte-order mark, ';'
// between fields, CRLF line ends; a header of the column titles, then every
// row (a heading row as one cell). An amount in a numeric column is written
// plain, as Excel reads a number: digits, a decimal comma and a '-', with no
// thousands separator ("1 234 567,50" and "1,234,567.50" both become
// "1234567,50"); other cells as the table shows them, a value a spreadsheet
// would run as a formula defused with a leading apostrophe.
func (r ReportTable) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	head := make([]string, len(r.Columns))
	for i, c := range r.Columns {
		head[i] = defuse(c.Title)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, row := range r.Rows {
		rec := make([]string, len(row.Cells))
		for i, v := range row.Cells {
			if i < len(r.Columns) && r.Columns[i].Numeric && !row.Heading {
				if n, ok := csvNumber(v, r.Lang); ok {
					rec[i] = n
					continue
				}
			}
			rec[i] = defuse(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvNumber returns s, an amount as FormatMinor writes it in lang, the way
// Czech Excel reads a number: "-1234567,50". ok is false when s is not such
// an amount (blank, a percentage, a word).
func csvNumber(s string, lang Lang) (string, bool) {
	group, dec := "", "."
	switch lang {
	case Czech:
		group, dec = "\u00a0\u202f\u2009 ", ","
	case English:
		group = ","
	}
	var b strings.Builder
	seenDigit, seenDec := false, false
	for i, c := range strings.TrimSpace(s) {
		switch {
		case c >= '0' && c <= '9':
			b.WriteRune(c)
			seenDigit = true
		case (c == '-' || c == '\u2212') && i == 0:
			b.WriteByte('-')
		case strings.ContainsRune(dec, c) && seenDigit && !seenDec:
			b.WriteByte(',')
			seenDec = true
		case strings.ContainsRune(group, c) && seenDigit && !seenDec:
		default:
			return "", false
		}
	}
	out := b.String()
	if !seenDigit || strings.HasSuffix(out, ",") {
		return "", false
	}
	return out, true
}
