package cli

import (
	"context"
	"flag"

	"kontor/app"
)

// The warehouse's reports in "kontor export report": stock-levels,
// stock-card, reorder, slow-movers and lot-expiry (app.StockReportKinds),
// laid out by app.BuildStockReport and written like the financial ones.

// stockReportFlags refuses the flags that do not belong to kind: --item,
// --location and --days to a financial report, --account to a warehouse
// one, --item to any but the stock card (which needs it), --days to any but
// the slow movers and the lot expiry, --location to the reorder list.
// done is true when it refused (code is the exit code).
func (r *runner) stockReportFlags(c command, fs *flag.FlagSet, kind app.ReportKind, stock bool, item, location string, days int, account string) (code int, done bool) {
	refuse := func(format string, args ...any) (int, bool) { return r.usageError(c, fs, format, args...), true }
	switch {
	case !stock && item != "":
		return refuse("--item is for the stock-card report only")
	case !stock && location != "":
		return refuse("--location is for the warehouse reports only")
	case !stock && days != 0:
		return refuse("--days is for the slow-movers and lot-expiry reports only")
	case !stock:
		return ExitOK, false
	case account != "":
		return refuse("--account is for the ledger report only")
	case kind == app.ReportStockCard && item == "":
		return refuse("--item CODE is required for the stock-card report")
	case kind != app.ReportStockCard && item != "":
		return refuse("--item is for the stock-card report only")
	case days != 0 && kind != app.ReportSlowMovers && kind != app.ReportLotExpiry:
		return refuse("--days is for the slow-movers and lot-expiry reports only")
	case days < 0 || days > 36600:
		return refuse("--days %d: give 1 to 36600 days", days)
	case kind == app.ReportReorder && location != "":
		return refuse("--location: the reorder list is over all locations")
	}
	return ExitOK, false
}

// parseStockPeriod reads --from and --to of a warehouse report: both may be
// left out (--to is then today, --from the first day of --to's year); a
// stock card that ends before it starts is refused naming --to.
func (r *runner) parseStockPeriod(c command, fs *flag.FlagSet, from, to string) (reportPeriod, int) {
	var p reportPeriod
	var usage string
	if p.from, usage = parseDay("from", from); usage != "" {
		return p, r.usageError(c, fs, "%s", usage)
	}
	if p.to, usage = parseDay("to", to); usage != "" {
		return p, r.usageError(c, fs, "%s", usage)
	}
	if !p.from.IsZero() && !p.to.IsZero() && p.to.Before(p.from) {
		return p, r.fail(app.Errorf(app.EINVALID, "err.cli.period_reversed", "--to {{.to}} is before --from {{.from}}: the end of the period is before its start",
			map[string]any{"from": p.from.String(), "to": p.to.String()}))
	}
	return p, ExitOK
}

// buildStockReport lays out a warehouse report for a user with the
// warehouse permission, naming the flag of an unknown item or location.
func buildStockReport(ctx context.Context, svc app.Services, q app.StockReportQuery, t app.Translator) (app.ReportTable, error) {
	if err := app.Authorize(ctx, app.PermWarehouse); err != nil {
		return app.ReportTable{}, err
	}
	table, err := app.BuildStockReport(ctx, svc, q, t)
	switch {
	case err == nil:
	case hasField(err, "report.item"):
		return table, app.Errorf(app.ENOTFOUND, "err.cli.report_item", "--item {{.code}}: no stock item has this code (see “kontor export items”)", map[string]any{"code": q.Item})
	case hasField(err, "report.location"):
		return table, app.Errorf(app.ENOTFOUND, "err.cli.location", "--location {{.code}}: no location has this code", map[string]any{"code": q.Location})
	}
	return table, err
}

// hasField reports whether err is about field.
func hasField(err error, field string) bool {
	e, ok := err.(*app.Error)
	return ok && e.Field == field
}
