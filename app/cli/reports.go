package cli

import (
	"context"
	"encoding/csv"
	"flag"
	"io"
	"path/filepath"
	"strings"

	"kontor/app"
)

// The financial reports of "kontor export report": the pure functions of
// app/reports.go and app/aging.go over what the store returns, written as CSV
// with the conventions of "list invoices --format csv" (RFC 4180, commas, ISO
// dates, amounts like 1234.50). A row whose first column is empty is a total.

// reportNames lists the reports in the order help shows them.
var reportNames = []string{"trial-balance", "profit-loss", "balance-sheet", "vat", "aging"}

// exportReportCommand is "kontor export report".
func exportReportCommand() command {
	return command{name: "export report", args: strings.Join(reportNames, "|") + " --from D --to D --out FILE.csv [--force] [--db PATH] --user NAME", minArgs: 1, maxArgs: 1,
		summary: "write a financial report as CSV: trial-balance, profit-loss and balance-sheet from the ledger (accounts or admin), " +
			"vat (output VAT by DUZP) and aging from the sales documents (sales, accounts or admin); reports run over whole months " +
			"(--from the 1st, --to a month's last day), the balance sheet and aging as of --to; PDF reports are not available yet",
		setup: setupExportReport}
}

// Report CSV headers.
var (
	trialBalanceHeader = []string{"code", "name", "type", "opening", "debit", "credit", "closing"}
	profitLossHeader   = []string{"section", "code", "name", "amount"}
	balanceSheetHeader = []string{"section", "code", "name", "amount"}
	vatHeader          = []string{"rate", "kind", "reverse_charge", "base_czk", "vat_czk"}
	agingHeader        = []string{"customer_id", "customer", "current", "1-30", "31-60", "61-90", "over-90", "total"}
)

// reportPeriod is a report's period: whole months.
type reportPeriod struct {
	from, to app.Date
}

func (p reportPeriod) months() (app.Month, app.Month) { return p.from.MonthOf(), p.to.MonthOf() }

// checkMonths refuses a period that does not start on a month's first day or
// end on a month's last: the ledger keeps its balances per month.
func (p reportPeriod) checkMonths() error {
	if p.from.Day() != 1 {
		return app.Invalid("filter.from", "err.cli.report_from_month",
			"reports run over whole months: --from {{.date}} is not the first day of a month (use {{.first}})",
			map[string]any{"date": p.from.String(), "first": p.from.MonthOf().First().String()})
	}
	if last := p.to.MonthOf().Last(); p.to != last {
		return app.Invalid("filter.to", "err.cli.report_to_month",
			"reports run over whole months: --to {{.date}} is not the last day of a month (use {{.last}})",
			map[string]any{"date": p.to.String(), "last": last.String()})
	}
	return nil
}

func setupExportReport(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	from := fs.String("from", "", "the first day of the period, the 1st of a month: `DATE` (1.10.2026 or 2026-10-01)")
	to := fs.String("to", "", "the last day of the period, the last day of a month: `DATE` (the balance sheet and aging are as of this day)")
	out := fs.String("out", "", "write the CSV to `FILE.csv` (.csv is added if it has no extension; .pdf is not available yet)")
	force := fs.Bool("force", false, "replace FILE if it exists")
	return func(args []string) int {
		report := strings.ToLower(strings.TrimSpace(args[0]))
		known := false
		for _, n := range reportNames {
			known = known || n == report
		}
		if !known {
			return r.usageError(c, fs, "unknown report %q: choose %s", args[0], strings.Join(reportNames, ", "))
		}
		if *from == "" || *to == "" {
			return r.usageError(c, fs, "--from DATE and --to DATE are required")
		}
		var p reportPeriod
		for _, d := range []struct {
			flag, v string
			d       *app.Date
		}{{"--from", *from, &p.from}, {"--to", *to, &p.to}} {
			v, err := app.ParseDate(d.v)
			if err != nil {
				return r.usageError(c, fs, "%s: %s", d.flag, app.ErrorMessage(err, nil))
			}
			*d.d = v
		}
		if *out == "" {
			return r.usageError(c, fs, "--out FILE.csv is required")
		}
		if err := app.ValidatePeriod(p.from, p.to); err != nil {
			return r.fail(err)
		}
		if err := p.checkMonths(); err != nil {
			return r.fail(err)
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		dst := *out
		switch strings.ToLower(filepath.Ext(dst)) {
		case ".pdf":
			return r.fail(app.Errorf(app.EINVALID, "err.cli.report_pdf", "PDF reports are not available yet; use .csv", nil))
		case "":
			dst += ".csv"
		}
		dst = absPath(dst)
		// Refused before signing in, so nobody types a password for nothing.
		if !*force && exists(dst) {
			return r.fail(errExists(dst))
		}
		rows := 0
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			records, err := reportRecords(ctx, svc, report, p)
			if err != nil {
				return err
			}
			rows = len(records) - 1
			return writeAtomic(dst, *force, true, func(w io.Writer) error { return writeReportCSV(w, records) })
		})
		if code == ExitOK {
			r.printf("Wrote the %s report from %s to %s (%s) to %s\n", report, p.from, p.to, count(rows, "row", "rows"), dst)
		}
		return code
	}
}

// reportRecords reads what the report needs and returns its CSV records,
// header first.
func reportRecords(ctx context.Context, svc app.Services, report string, p reportPeriod) ([][]string, error) {
	switch report {
	case "vat", "aging":
		if err := salesReady(ctx, svc); err != nil {
			return nil, err
		}
		docs, err := reportDocs(ctx, svc.Sales, report, p)
		if err != nil {
			return nil, err
		}
		if report == "vat" {
			return vatRecords(docs, p), nil
		}
		return agingRecords(docs, p.to), nil
	}
	if svc.Ledger == nil {
		return nil, app.Errorf(app.EINTERNAL, "err.cli.no_ledger", "this build of Kontor has no ledger", nil)
	}
	if err := app.Authorize(ctx, app.PermLedgerRead); err != nil {
		return nil, err
	}
	fromM, toM := p.months()
	bals, err := svc.Ledger.Balances(ctx, fromM, toM)
	if err != nil {
		return nil, err
	}
	switch report {
	case "trial-balance":
		return trialBalanceRecords(bals), nil
	case "profit-loss":
		return profitLossRecords(bals), nil
	}
	return balanceSheetRecords(bals), nil
}

// reportDocs pages through the issued invoices and credit notes, keeping only
// those the report can use so memory stays bounded by the period: for vat the
// documents whose DUZP is in the period (the store filters by issue date,
// which may differ), for aging those issued by the as-of day.
func reportDocs(ctx context.Context, sales app.SalesService, report string, p reportPeriod) ([]app.SalesDoc, error) {
	var docs []app.SalesDoc
	for _, kind := range []app.DocKind{app.KindInvoice, app.KindCreditNote} {
		err := eachDoc(ctx, sales, docQuery{filter: app.DocFilter{Kind: kind}}, func(d app.SalesDoc) error {
			if d.Status != app.StatusIssued {
				return nil
			}
			if report == "vat" && (d.TaxDate.Before(p.from) || d.TaxDate.After(p.to)) {
				return nil
			}
			if report == "aging" && d.IssueDate.After(p.to) {
				return nil
			}
			docs = append(docs, d)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// amount writes minor units of the base currency as 1234.50.
func amount(v int64) string { return app.FormatMinor(v, 2, "") }

func trialBalanceRecords(bals []app.AccountBalance) [][]string {
	rows, t := app.TrialBalance(bals)
	out := [][]string{trialBalanceHeader}
	for _, x := range rows {
		out = append(out, []string{x.Account.Code, x.Account.Name, string(x.Account.Type), amount(x.Opening), amount(x.Debit), amount(x.Credit), amount(x.Closing)})
	}
	return append(out, []string{"", "Total", "", amount(t.Opening), amount(t.Debit), amount(t.Credit), amount(t.Closing)})
}

func sectionRecords(out [][]string, section string, rows []app.TrialBalanceRow, totalName string, total int64) [][]string {
	for _, x := range rows {
		out = append(out, []string{section, x.Account.Code, x.Account.Name, amount(x.Amount())})
	}
	return append(out, []string{section, "", totalName, amount(total)})
}

// profitLossRecords: the revenue and expense accounts with their totals, then
// the result (profit positive, loss negative). Total rows have an empty code.
func profitLossRecords(bals []app.AccountBalance) [][]string {
	pl := app.ProfitAndLoss(bals)
	out := [][]string{profitLossHeader}
	out = sectionRecords(out, "revenue", pl.Revenue, "Total revenue", pl.TotalRevenue)
	out = sectionRecords(out, "expense", pl.Expenses, "Total expenses", pl.TotalExpenses)
	return append(out, []string{"result", "", "Result (profit positive, loss negative)", amount(pl.Result)})
}

// balanceSheetRecords: assets, liabilities and equity with their totals, the
// not-yet-closed result, and the total of the liabilities side, which equals
// the total assets when the ledger balances.
func balanceSheetRecords(bals []app.AccountBalance) [][]string {
	s := app.BalanceSheetOf(bals)
	out := [][]string{balanceSheetHeader}
	out = sectionRecords(out, "assets", s.Assets, "Total assets", s.TotalAssets)
	out = sectionRecords(out, "liabilities", s.Liabilities, "Total liabilities", s.TotalLiabilities)
	out = sectionRecords(out, "equity", s.Equity, "Total equity", s.TotalEquity)
	out = append(out, []string{"result", "", "Result of the current period (not yet closed)", amount(s.Result)})
	return append(out, []string{"total", "", "Total liabilities, equity and result", amount(s.TotalLiabilities + s.TotalEquity + s.Result)})
}

func vatRecords(docs []app.SalesDoc, p reportPeriod) [][]string {
	rows, t := app.VATSummary(docs, p.from, p.to)
	out := [][]string{vatHeader}
	for _, x := range rows {
		rc := "no"
		if x.ReverseCharge {
			rc = "yes"
		}
		out = append(out, []string{x.Rate.String(), x.Kind, rc, amount(x.Base), amount(x.VAT)})
	}
	return append(out, []string{"", "total", "", amount(t.Base), amount(t.VAT)})
}

func agingRecords(docs []app.SalesDoc, asOf app.Date) [][]string {
	rows := app.AgeReceivables(docs, asOf)
	out := [][]string{agingHeader}
	line := func(id, name string, b [app.AgingBuckets]int64, total int64) []string {
		rec := []string{id, name}
		for _, v := range b {
			rec = append(rec, amount(v))
		}
		return append(rec, amount(total))
	}
	var total int64
	for _, x := range rows {
		out = append(out, line(x.CustomerID, x.Customer, x.Buckets, x.Total))
		total += x.Total
	}
	return append(out, line("", "Total", app.AgingTotals(rows), total))
}

func writeReportCSV(w io.Writer, records [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(records); err != nil {
		return app.Internal("writing the report", err)
	}
	return nil
}
