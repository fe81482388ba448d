package cli

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"kontor/app"
)

// Sales is the sales documents' commands: the list, one document or a
// period's as PDFs.
func Sales() []Command {
	return []Command{
		{Path: "list invoices", Args: "[--from D] [--to D] [--kind K] [--status S] [--format text|csv] [--db PATH] --user NAME",
			Summary: "list issued invoices (or other sales documents) with their dates, customer, total and status (sales, accounts or admin)",
			Perm:    app.PermSalesRead, Reads: true, Order: 71, setup: setupListInvoices},
		{Path: "export invoice", Args: "NUMBER [--out FILE.pdf] [--force] [--db PATH] --user NAME", MinArgs: 1, MaxArgs: 1,
			Summary: "write one issued document (invoice, credit note, quote or order) as a PDF in its customer's language (sales, accounts or admin)",
			Perm:    app.PermSalesRead, Reads: true, Order: 91, setup: setupExportInvoice},
		{Path: "export invoices", Args: "--from D --to D --out FILE.pdf|DIR [--kind K] [--status S] [--force] [--db PATH] --user NAME",
			Summary: "write the documents of a period as one combined PDF (--out ending in .pdf) or one NUMBER.pdf each in a folder; Ctrl-C stops and removes what it wrote (sales, accounts or admin)",
			Perm:    app.PermSalesRead, Order: 92, setup: setupExportInvoices},
	}
}

// docFlags are the filter flags list invoices and export invoices share.
type docFlags struct {
	from, to, kind, status *string
}

func addDocFlags(fs *flag.FlagSet) docFlags {
	return docFlags{
		from:   fs.String("from", "", "only documents issued on or after `DATE` (28.11.2026 or 2026-11-28)"),
		to:     fs.String("to", "", "only documents issued on or before `DATE`"),
		kind:   fs.String("kind", "invoice", "the `KIND` of documents: invoice, credit_note, quote, order or all"),
		status: fs.String("status", "", "only documents whose status today is `S`: issued, partly_paid, paid, overdue, credited, accepted, invoiced or draft (default: all but drafts)"),
	}
}

// docQuery is a parsed document filter.
type docQuery struct {
	filter app.DocFilter
	drafts bool // drafts were asked for (--status draft)
	all    bool // --kind all
}

// query parses the flags. A malformed value is a usage mistake (usage is
// set); a period that ends before it starts is refused like the store does.
func (f docFlags) query() (q docQuery, usage string, err error) {
	for _, p := range []struct {
		flag string
		v    string
		d    *app.Date
	}{{"--from", *f.from, &q.filter.From}, {"--to", *f.to, &q.filter.To}} {
		if strings.TrimSpace(p.v) == "" {
			continue
		}
		d, err := app.ParseDate(p.v)
		if err != nil {
			return q, fmt.Sprintf("%s: %s", p.flag, app.ErrorMessage(err, nil)), nil
		}
		*p.d = d
	}
	switch k := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(*f.kind)), "-", "_"); k {
	case "all", "":
		q.all = true
	case "invoice", "invoices":
		q.filter.Kind = app.KindInvoice
	case "credit_note", "credit_notes", "credit":
		q.filter.Kind = app.KindCreditNote
	case "quote", "quotes":
		q.filter.Kind = app.KindQuote
	case "order", "orders":
		q.filter.Kind = app.KindOrder
	default:
		return q, fmt.Sprintf("--kind %q: choose invoice, credit_note, quote, order or all", *f.kind), nil
	}
	if s := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(*f.status)), "-", "_"); s != "" {
		if !knownStatus(app.DocStatus(s)) {
			return q, fmt.Sprintf("--status %q: choose issued, partly_paid, paid, overdue, credited, accepted, invoiced or draft", *f.status), nil
		}
		q.filter.Status = app.DocStatus(s)
		q.drafts = q.filter.Status == app.StatusDraft
	}
	if !q.filter.From.IsZero() && !q.filter.To.IsZero() && q.filter.To.Before(q.filter.From) {
		return q, "", app.Invalid("filter.to", "err.period.reversed", "the end of the period is before its start", nil)
	}
	return q, "", nil
}

func knownStatus(s app.DocStatus) bool {
	switch s {
	case app.StatusDraft, app.StatusIssued, app.StatusAccepted, app.StatusInvoiced, app.StatusPartlyPaid,
		app.StatusPaid, app.StatusOverdue, app.StatusCredited:
		return true
	}
	return false
}

// docPage is how many documents one call to Documents returns: listing and
// exporting page through the store instead of loading every document.
const docPage = 100

// eachDoc calls fn for every document matching q, a page at a time; drafts
// only when they were asked for.
func eachDoc(ctx context.Context, sales app.SalesService, q docQuery, fn func(app.SalesDoc) error) error {
	for offset := 0; ; offset += docPage {
		docs, total, err := sales.Documents(ctx, q.filter, offset, docPage)
		if err != nil {
			return err
		}
		for _, d := range docs {
			if d.Status == app.StatusDraft && !q.drafts {
				continue
			}
			if err := fn(d); err != nil {
				return err
			}
		}
		if len(docs) < docPage || offset+docPage >= total {
			return nil
		}
	}
}

// rowPage is how many list rows one call to DocRows returns: list
// invoices pages through the store's rows (no document lines) instead of
// loading every document.
const rowPage = 500

// eachRow calls fn for the list row of every document matching q, page
// rows at a time; drafts only when they were asked for. It relies on nothing
// about the order of DocRows' pages but that they do not overlap: the
// store is held open by this process alone while it lists.
func eachRow(ctx context.Context, sales app.SalesService, q docQuery, page int, fn func(app.DocRow) error) error {
	for offset := 0; ; offset += page {
		rows, total, err := sales.DocRows(ctx, q.filter, offset, page)
		if err != nil {
			return err
		}
		for _, d := range rows {
			if d.Status == app.StatusDraft && !q.drafts {
				continue
			}
			if err := fn(d); err != nil {
				return err
			}
		}
		if len(rows) < page || offset+page >= total {
			return nil
		}
	}
}

// docRow is what a list shows of a document.
type docRow struct {
	number, kind, customer, ico, currency string
	issue, tax, due                       app.Date
	base, vat, total, paid, remaining     int64
	status                                app.DocStatus
	created                               string
}

func rowOf(d app.DocRow, today app.Date) docRow {
	r := docRow{number: d.Number, kind: string(d.Kind), customer: d.Customer, ico: d.ICO, currency: d.Currency,
		issue: d.IssueDate, tax: d.TaxDate, due: d.DueDate, base: d.Base, vat: d.VAT, total: d.Total,
		paid: d.Paid, status: d.StatusOn(today), created: d.ID}
	if d.Kind == app.KindInvoice && d.Status == app.StatusIssued {
		r.remaining = max(d.Remaining(), 0)
	}
	return r
}

// sortRows orders documents as a ledger does: by issue date, then number.
func sortRows(rows []docRow) {
	sort.SliceStable(rows, func(i, j int) bool {
		if c := rows[i].issue.Compare(rows[j].issue); c != 0 {
			return c < 0
		}
		if rows[i].number != rows[j].number {
			return rows[i].number < rows[j].number
		}
		return rows[i].created < rows[j].created
	})
}

func setupListInvoices(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	flt := addDocFlags(fs)
	format := fs.String("format", "text", "`text` (an aligned table) or csv (comma-separated, ISO dates, amounts like 1234.50)")
	return func([]string) int {
		q, usage, err := flt.query()
		if usage != "" {
			return r.usageError(c, fs, "%s", usage)
		}
		if err != nil {
			return r.fail(err)
		}
		if *format != "text" && *format != "csv" {
			return r.usageError(c, fs, "--format %q: choose text or csv", *format)
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		var rows []docRow
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := salesReady(ctx); err != nil {
				return err
			}
			today := app.Today(svc.Clock)
			return eachRow(ctx, svc.Sales, q, rowPage, func(d app.DocRow) error {
				rows = append(rows, rowOf(d, today))
				return nil
			})
		})
		if code != ExitOK {
			return code
		}
		sortRows(rows)
		if *format == "csv" {
			if err := writeCSV(r.env.Stdout, rows); err != nil {
				return r.fail(app.Internal("writing the list", err))
			}
			return ExitOK
		}
		writeTable(r.env.Stdout, rows, q)
		return ExitOK
	}
}

// salesReady refuses a user without sales.read before anything is read.
func salesReady(ctx context.Context) error {
	return app.Authorize(ctx, app.PermSalesRead)
}

// csvHeader names the columns of list --format csv.
var csvHeader = []string{"number", "kind", "issue_date", "tax_date", "due_date", "customer", "customer_ico",
	"base", "vat", "total", "currency", "paid", "remaining", "status"}

// writeCSV writes RFC 4180 CSV with ISO dates and plain amounts ("1234.50")
// so any spreadsheet reads them whatever its locale.
func writeCSV(w io.Writer, rows []docRow) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(csvHeader)
	for _, x := range rows {
		amt := func(v int64) string { return app.FormatMinor(v, app.MinorDigits(x.currency), "") }
		_ = cw.Write([]string{x.number, x.kind, dateText(x.issue), dateText(x.tax), dateText(x.due), x.customer, x.ico,
			amt(x.base), amt(x.vat), amt(x.total), x.currency, amt(x.paid), amt(x.remaining), string(x.status)})
	}
	cw.Flush()
	return cw.Error()
}

func dateText(d app.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// maxCustomerWidth keeps a table row on a wide terminal line.
const maxCustomerWidth = 38

// writeTable writes an aligned table and a line of totals per currency.
func writeTable(w io.Writer, rows []docRow, q docQuery) {
	one, many := kindNouns(q.filter.Kind, q.all)
	if len(rows) == 0 {
		fmt.Fprintf(w, "No %s match.\n", many)
		return
	}
	amt := func(v int64, cur string) string { return app.FormatMinor(v, app.MinorDigits(cur), app.English) }
	width := len("Total")
	for _, x := range rows {
		width = max(width, len(amt(x.total, x.currency)))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	kindCol := func(s string) string {
		if q.all {
			return s + "\t"
		}
		return ""
	}
	fmt.Fprintf(tw, "Number\t%sIssued\tDUZP\tDue\tCustomer\t%*s\tCurrency\tStatus\n", kindCol("Kind"), width, "Total")
	totals, open := map[string]int64{}, map[string]int64{}
	var currencies []string
	for _, x := range rows {
		number := x.number
		if number == "" {
			number = "(draft)"
		}
		fmt.Fprintf(tw, "%s\t%s%s\t%s\t%s\t%s\t%*s\t%s\t%s\n", number, kindCol(strings.ReplaceAll(x.kind, "_", " ")), dateText(x.issue), dateText(x.tax),
			dateText(x.due), clip(printable(x.customer), maxCustomerWidth), width, amt(x.total, x.currency), x.currency, strings.ReplaceAll(string(x.status), "_", " "))
		if _, ok := totals[x.currency]; !ok {
			currencies = append(currencies, x.currency)
		}
		totals[x.currency] += x.total
		open[x.currency] += x.remaining
	}
	_ = tw.Flush()
	sort.Strings(currencies)
	var sums, dues []string
	for _, cur := range currencies {
		sums = append(sums, amt(totals[cur], cur)+" "+cur)
		if open[cur] > 0 {
			dues = append(dues, amt(open[cur], cur)+" "+cur)
		}
	}
	fmt.Fprintf(w, "%s, total %s", count(len(rows), one, many), strings.Join(sums, " + "))
	if len(dues) > 0 {
		fmt.Fprintf(w, "; still to be paid %s", strings.Join(dues, " + "))
	}
	fmt.Fprintln(w, ".")
}

// kindNouns names documents of kind k, or of every kind with all: "1 invoice", "3 invoices".
func kindNouns(k app.DocKind, all bool) (one, many string) {
	switch {
	case all:
		return "document", "documents"
	case k == app.KindCreditNote:
		return "credit note", "credit notes"
	case k == app.KindQuote:
		return "quote", "quotes"
	case k == app.KindOrder:
		return "order", "orders"
	}
	return "invoice", "invoices"
}

// clip shortens s to n characters with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
