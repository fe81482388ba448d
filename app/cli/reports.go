package cli

import (
	"context"
	"flag"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"kontor/app"
)

// The financial reports of "kontor export report": app.BuildReport lays a
// report out as a table in the chosen language, which is written as a PDF
// (Env.Printer, the same printer the Accounts tab prints with) or as CSV
// (ReportTable.WriteCSV: the column titles, then the rows, amounts as the
// table shows them), chosen by the file's extension.

// Accounts is the bookkeeping's commands: financial reports, customer
// statements, the VAT filings and the year-end closing.
func Accounts() []Command {
	cmds := []Command{exportReportCommand(), exportStatementCommand()}
	cmds = append(cmds, exportVATCommands()...)
	return append(cmds, closeYearCommand())
}

// exportReportCommand is "kontor export report".
func exportReportCommand() Command {
	return Command{Perm: app.PermLedgerRead, Order: 94, Path: "export report", Args: reportNamesText("|") + " --from D --to D [--account A] [--item CODE] [--location CODE] [--days N] [--lang cs|en] --out FILE.pdf|FILE.csv [--force] [--db PATH] --user NAME",
		MinArgs: 1, MaxArgs: 1,
		Summary: "write a financial or warehouse report as a PDF or CSV (by the extension of --out): trial-balance, ledger (the general ledger of --account), " +
			"profit-loss, balance-sheet (as of --to), vat (the VAT return by its rows, reconciled with 343), vat-control (the control statement), eu-sales (the EU sales list), aging and payables-aging (as of --to), cash-book and bank-book; " +
			"or a warehouse report as of --to (default today): stock-levels (quantity and value per item and location), stock-card (every move of --item from --from), reorder (items at or below their reorder point, a purchase request), " +
			"slow-movers (no issue in --days, 90) and lot-expiry (lots expiring within --days, 30); the financial reports cover any day range; " +
			"in Czech for a Czech company unless --lang says otherwise (accounts or admin; aging also sales; the warehouse reports warehouse or admin)",
		setup: setupExportReport}
}

// reportNamesText lists the reports' names joined by sep.
func reportNamesText(sep string) string {
	var names []string
	for _, k := range slices.Concat(app.ReportKinds(), app.StockReportKinds()) {
		names = append(names, string(k))
	}
	return strings.Join(names, sep)
}

// reportPeriod is the period of a report or statement, both days included.
type reportPeriod struct {
	from, to app.Date
}

// parsePeriod reads --from and --to: a date that is not one is a usage
// error naming the flag (exit 2), a period that ends before it starts a
// failure naming --to (exit 1).
func (r *runner) parsePeriod(c command, fs *flag.FlagSet, from, to string) (reportPeriod, int) {
	var p reportPeriod
	for _, d := range []struct {
		flag, v string
		d       *app.Date
	}{{"--from", from, &p.from}, {"--to", to, &p.to}} {
		v, err := app.ParseDate(d.v)
		if err != nil {
			return p, r.usageError(c, fs, "%s: %s", d.flag, app.ErrorMessage(err, nil))
		}
		*d.d = v
	}
	if err := app.ValidatePeriod(p.from, p.to); err != nil {
		return p, r.fail(app.Errorf(app.EINVALID, "err.cli.period_reversed", "--to {{.to}} is before --from {{.from}}: the end of the period is before its start",
			map[string]any{"from": p.from.String(), "to": p.to.String()}))
	}
	return p, ExitOK
}

// reportLang is the language a report is written in: --lang when given,
// else Czech for a company in the Czech Republic (or with no country) and
// English for the rest.
func reportLang(flagValue string, c app.Company) app.Lang {
	if flagValue != "" {
		return app.Lang(flagValue)
	}
	if c.Country == "" || strings.EqualFold(c.Country, "CZ") {
		return app.Czech
	}
	return app.English
}

func setupExportReport(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	from := fs.String("from", "", "the first day of the period: `DATE` (1.10.2026 or 2026-10-01), any day")
	to := fs.String("to", "", "the last day of the period: `DATE` (the balance sheet, the agings and the warehouse reports are as of this day; for those, default today)")
	account := fs.String("account", "", "the `ACCOUNT` of the general ledger (ledger only), e.g. 311")
	item := fs.String("item", "", "the stock item's `CODE` (stock-card only)")
	location := fs.String("location", "", "only the location with `CODE` (the warehouse reports but reorder)")
	days := fs.Int("days", 0, "the slow movers' `N` days without an issue (default 90), or the lot expiry's days ahead (default 30)")
	lang := fs.String("lang", "", "the report's language, `cs` or en (default: Czech for a Czech company, else English)")
	out := fs.String("out", "", "write the report to `FILE.pdf` or FILE.csv (.csv is added if it has no extension)")
	force := fs.Bool("force", false, "replace FILE if it exists")
	return func(args []string) int {
		kind := app.ReportKind(strings.ToLower(strings.TrimSpace(args[0])))
		stock := slices.Contains(app.StockReportKinds(), kind)
		if !slices.Contains(app.ReportKinds(), kind) && !stock {
			return r.usageError(c, fs, "unknown report %q: choose %s", args[0], reportNamesText(", "))
		}
		if code, done := r.stockReportFlags(c, fs, kind, stock, *item, *location, *days, *account); done {
			return code
		}
		acct := strings.TrimSpace(*account)
		switch {
		case stock && *out == "":
			return r.usageError(c, fs, "--out FILE.pdf or --out FILE.csv is required")
		case *lang != "" && !app.Lang(*lang).Valid():
			return r.usageError(c, fs, "--lang %q: choose cs or en", *lang)
		case stock:
		case *from == "" || *to == "":
			return r.usageError(c, fs, "--from DATE and --to DATE are required")
		case *out == "":
			return r.usageError(c, fs, "--out FILE.pdf or --out FILE.csv is required")
		case kind == app.ReportLedger && acct == "":
			return r.usageError(c, fs, "--account ACCOUNT is required for the ledger report (e.g. --account 311)")
		case kind != app.ReportLedger && acct != "":
			return r.usageError(c, fs, "--account is for the ledger report only")
		case *lang != "" && !app.Lang(*lang).Valid():
			return r.usageError(c, fs, "--lang %q: choose cs or en", *lang)
		}
		dst := *out
		asPDF := false
		switch strings.ToLower(filepath.Ext(dst)) {
		case ".pdf":
			asPDF = true
		case ".csv":
		case "":
			dst += ".csv"
		default:
			return r.usageError(c, fs, "--out %s: the file must end in .pdf or .csv", *out)
		}
		var p reportPeriod
		var code int
		if stock {
			p, code = r.parseStockPeriod(c, fs, *from, *to)
		} else {
			p, code = r.parsePeriod(c, fs, *from, *to)
		}
		if code != ExitOK {
			return code
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		dst = absPath(dst)
		// Refused before signing in, so nobody types a password for nothing.
		if !*force && exists(dst) {
			return r.fail(errExists(dst))
		}
		var table app.ReportTable
		code = r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			company, err := svc.Company.Company(ctx)
			if err != nil {
				return err
			}
			if kind == app.ReportLedger {
				if err := checkReportAccount(ctx, svc, acct); err != nil {
					return err
				}
			}
			tr := translator(reportLang(*lang, company))
			if stock {
				table, err = buildStockReport(ctx, svc, app.StockReportQuery{Kind: kind, From: p.from, To: p.to, Item: *item, Location: *location, Days: *days}, tr)
			} else {
				table, err = app.BuildReport(ctx, svc, kind, p.from, p.to, acct, tr)
			}
			if err != nil {
				return err
			}
			return writeAtomic(dst, *force, true, func(w io.Writer) error {
				if asPDF {
					return r.env.Printer.Print(w, table, company)
				}
				if err := table.WriteCSV(w); err != nil {
					return app.Internal("writing the report", err)
				}
				return nil
			})
		})
		if code == ExitOK {
			r.printf("Wrote the %s report “%s” (%s, %s) to %s\n", kind, printable(table.Title), printable(table.Period), count(len(table.Rows), "row", "rows"), dst)
		}
		return code
	}
}

// checkReportAccount refuses a general ledger of an account the chart lacks,
// naming the flag.
func checkReportAccount(ctx context.Context, svc app.Services, code string) error {
	accounts, err := svc.Ledger.Accounts(ctx)
	if err != nil {
		return err
	}
	for _, a := range accounts {
		if a.Code == code {
			return nil
		}
	}
	return app.Errorf(app.ENOTFOUND, "err.cli.report_account", "--account {{.code}}: the chart of accounts has no such account (see the Accounts tab or “kontor export report trial-balance”)",
		map[string]any{"code": code})
}
