package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"kontor/app"
)

// Warehouse is the warehouse's commands: the stock items in from a CSV
// file and out to one, the stock levels and stock documents listed, a
// stock document and a stocktake sheet as PDFs. Its reports are "kontor
// export report stock-levels|stock-card|reorder|slow-movers|lot-expiry".
func Warehouse() []Command {
	return []Command{
		{Path: "import items", Args: "FILE.csv [--dry-run] [--db PATH] --user NAME", MinArgs: 1, MaxArgs: 1,
			Summary: "add or update the stock items of a CSV file (UTF-8 or Windows-1250, separated by ; , or tab, Czech or English headers): each row's price-list item and its stock card, matched by code; every row is checked first and one mistake writes nothing (warehouse or admin)",
			Perm:    app.PermWarehouse, Order: 82, setup: setupImportItems},
		{Path: "export items", Args: "--out FILE.csv [--force] [--db PATH] --user NAME",
			Summary: "write every stock item (price-list item and stock card) to a CSV file Czech Excel opens and “kontor import items” reads back (warehouse or admin)",
			Perm:    app.PermWarehouse, Reads: true, Order: 95, setup: setupExportItems},
		{Path: "list stock", Args: "[--as-of DATE] [--location CODE] [--format text|csv] [--db PATH] --user NAME",
			Summary: "list the stock of every item and location as of a day, with quantity, unit cost and value, and the total value (warehouse or admin)",
			Perm:    app.PermWarehouse, Reads: true, Order: 75, setup: setupListStock},
		{Path: "list stock-docs", Args: "[--kind K] [--from D] [--to D] [--location CODE] [--drafts] [--format text|csv] [--db PATH] --user NAME",
			Summary: "list the stock documents (receipts, issues, transfers, stocktake differences), newest first (warehouse or admin)",
			Perm:    app.PermWarehouse, Reads: true, Order: 76, setup: setupListStockDocs},
		{Path: "list stocktakes", Args: "[--format text|csv] [--db PATH] --user NAME",
			Summary: "list the stocktakes, newest first, with their location, lines counted and status (warehouse or admin)",
			Perm:    app.PermWarehouse, Reads: true, Order: 77, setup: setupListStocktakes},
		{Path: "export stock-doc", Args: "NUMBER [--out FILE.pdf] [--lang cs|en] [--force] [--db PATH] --user NAME", MinArgs: 1, MaxArgs: 1,
			Summary: "write one posted stock document (příjemka, výdejka, převodka, inventurní rozdíly) as a PDF (warehouse or admin)",
			Perm:    app.PermWarehouse, Reads: true, Order: 96, setup: setupExportStockDoc},
		{Path: "export stocktake-sheet", Args: "NUMBER [--out FILE.pdf] [--expected] [--lang cs|en] [--force] [--db PATH] --user NAME", MinArgs: 1, MaxArgs: 1,
			Summary: "write a stocktake's counting sheet (inventurní soupis) as a PDF with a barcode per line; the stocktake is named by its number (or ID) (warehouse or admin)",
			Perm:    app.PermWarehouse, Reads: true, Order: 97, setup: setupExportStocktakeSheet},
	}
}

// itemBook reads what an item import is checked against.
func itemBook(ctx context.Context, svc app.Services) (app.ItemBook, app.Company, error) {
	var b app.ItemBook
	company, err := svc.Company.Company(ctx)
	if err != nil {
		return b, company, err
	}
	b.Base = company.BaseCurrency
	if b.Items, err = svc.PriceList.Items(ctx); err != nil {
		return b, company, err
	}
	if b.Stock, err = svc.Warehouse.StockItems(ctx, "", 0); err != nil {
		return b, company, err
	}
	b.Locations, err = svc.Warehouse.Locations(ctx)
	return b, company, err
}

func setupImportItems(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	dryRun := fs.Bool("dry-run", false, "check the file and report what would be added and updated, without writing anything")
	return func(args []string) int {
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		file := absPath(args[0])
		data, err := readImportFile(file)
		if err != nil {
			return r.fail(err)
		}
		var f app.ItemCSV
		var plans []app.ItemPlan
		var rejected []app.RowError
		added, updated, same := 0, 0, 0
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			// Both are needed before anything is written: an item saved
			// without its card would be half an import.
			if err := app.Authorize(ctx, app.PermWarehouse); err != nil {
				return err
			}
			if err := app.Authorize(ctx, app.PermItemsWrite); err != nil {
				return err
			}
			book, company, err := itemBook(ctx, svc)
			if err != nil {
				return err
			}
			f, err = app.ReadItemsCSV(data, company.VATRates, app.DateOf(svc.Clock.Now()))
			if err != nil {
				return app.Errorf(app.EINVALID, "err.cli.import_refused", "{{.path}}: {{.err}}; nothing was imported", map[string]any{"path": file, "err": app.ErrorMessage(err, nil)})
			}
			plans, rejected = f.PlanItems(book)
			for _, p := range plans {
				switch {
				case !p.Changed:
					same++
				case p.NewItem:
					added++
				default:
					updated++
				}
			}
			if *dryRun || len(rejected) > 0 {
				return nil
			}
			if _, err := svc.Warehouse.ImportItems(ctx, plans); err != nil {
				return rowFailed(f, err)
			}
			return nil
		})
		if code != ExitOK {
			return code
		}
		r.printf("Read %s (%s, separated by %s): %s, %s with mistakes.\n", file, f.Encoding, separatorName(f.Separator),
			count(len(plans), "item", "items"), count(len(rejected), "row", "rows"))
		if len(f.Ignored) > 0 {
			r.printf("Columns left out (Kontor has no field for them): %s\n", strings.Join(f.Ignored, ", "))
		}
		if len(rejected) > 0 {
			r.printf("Mistakes (fix them and import the file again):\n")
			for _, e := range rejected {
				for _, msg := range strings.Split(e.Reason, "\n") {
					r.printf("  line %d: %s\n", e.Line, printable(msg))
				}
			}
			r.printf("Nothing was imported: %s.\n", count(len(rejected), "row has a mistake", "rows have mistakes"))
			return ExitFailure
		}
		what := fmt.Sprintf("%s added, %s updated, %s unchanged", count(added, "item", "items"), count(updated, "item", "items"), count(same, "item", "items"))
		if *dryRun {
			r.printf("Dry run: %s would be written (%s); nothing was written.\n", count(added+updated, "item", "items"), what)
		} else {
			r.printf("Imported: %s.\n", what)
		}
		return ExitOK
	}
}

// rowFailed names the column of the row the store refused while writing
// (the checks before writing make this rare: another user changed the
// price list or the locations meanwhile).
func rowFailed(f app.ItemCSV, err error) error {
	var e *app.Error
	if !errors.As(err, &e) || e.Key != "err.items.line" || e.Err == nil {
		return err
	}
	return app.Errorf(e.Code, "err.cli.item_row", "line {{.line}}: {{.err}}; nothing was imported", map[string]any{"line": e.Args["line"], "err": f.Reason(e.Err)})
}

func setupExportItems(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	out := fs.String("out", "", "write the CSV to `FILE` (.csv is added if it has no extension; - writes to standard output)")
	force := fs.Bool("force", false, "replace FILE if it exists")
	return func([]string) int {
		if *out == "" {
			return r.usageError(c, fs, "--out FILE.csv is required")
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		dst := *out
		if dst != "-" {
			if filepath.Ext(dst) == "" {
				dst += ".csv"
			}
			dst = absPath(dst)
			if !*force && exists(dst) {
				return r.fail(errExists(dst))
			}
		}
		n := 0
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := app.Authorize(ctx, app.PermWarehouse); err != nil {
				return err
			}
			book, company, err := itemBook(ctx, svc)
			if err != nil {
				return err
			}
			rows := app.ItemRowsOf(book.Items, book.Stock, book.Locations)
			n = len(rows)
			write := func(w io.Writer) error {
				if err := app.WriteItemsCSV(w, rows, company.VATRates, app.DateOf(svc.Clock.Now())); err != nil {
					return app.Internal("writing the items", err)
				}
				return nil
			}
			if dst == "-" {
				return write(r.env.Stdout)
			}
			return writeAtomic(dst, *force, true, write)
		})
		if code == ExitOK && dst != "-" {
			r.printf("Wrote %s to %s (UTF-8, separated by semicolons: Excel opens it with a double click).\n", count(n, "item", "items"), dst)
		}
		return code
	}
}

// formatFlag is --format text|csv of the list commands.
func formatFlag(fs *flag.FlagSet) *string {
	return fs.String("format", "text", "`text` (an aligned table) or csv (comma-separated, ISO dates, amounts like 1234.50)")
}

func checkFormat(v string) (csvOut bool, ok bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "text", "":
		return false, true
	case "csv":
		return true, true
	}
	return false, false
}

// parseDay reads a date flag; "" is zero.
func parseDay(name, v string) (app.Date, string) {
	if strings.TrimSpace(v) == "" {
		return app.Date{}, ""
	}
	d, err := app.ParseDate(v)
	if err != nil {
		return d, fmt.Sprintf("--%s: %s", name, app.ErrorMessage(err, nil))
	}
	return d, ""
}

// stockRow is one position of list stock.
type stockRow struct {
	code, name, loc, unit string
	qty                   app.Qty
	unitCost, value       int64
}

func setupListStock(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	asOf := fs.String("as-of", "", "the stock at the end of `DATE` (default: today)")
	location := fs.String("location", "", "only the location with `CODE`")
	format := formatFlag(fs)
	return func([]string) int {
		day, usage := parseDay("as-of", *asOf)
		csvOut, ok := checkFormat(*format)
		switch {
		case usage != "":
			return r.usageError(c, fs, "%s", usage)
		case !ok:
			return r.usageError(c, fs, "--format %q: choose text or csv", *format)
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		var rows []stockRow
		var total int64
		base := "CZK"
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := app.Authorize(ctx, app.PermWarehouse); err != nil {
				return err
			}
			if day.IsZero() {
				day = app.DateOf(svc.Clock.Now())
			}
			book, company, err := itemBook(ctx, svc)
			if err != nil {
				return err
			}
			if company.BaseCurrency != "" {
				base = company.BaseCurrency
			}
			loc := ""
			if *location != "" {
				l, ok := app.FindLocation(book.Locations, *location)
				if !ok {
					return app.Errorf(app.ENOTFOUND, "err.cli.location", "--location {{.code}}: no location has this code", map[string]any{"code": *location})
				}
				loc = l.ID
			}
			pos, err := app.StockPositions(ctx, svc.Warehouse, book.Stock, book.Locations, loc, day)
			if err != nil {
				return err
			}
			items := map[string]app.Item{}
			for _, it := range book.Items {
				items[it.ID] = it
			}
			locs := map[string]string{}
			for _, l := range book.Locations {
				locs[l.ID] = l.Code
			}
			for k, p := range pos {
				it := items[k.Item]
				rows = append(rows, stockRow{code: it.Code, name: it.Name, loc: locs[k.Location], unit: it.Unit, qty: p.Qty, unitCost: p.UnitCost(), value: p.Value})
				total += p.Value
			}
			sort.Slice(rows, func(i, j int) bool {
				if rows[i].code != rows[j].code {
					return rows[i].code < rows[j].code
				}
				return rows[i].loc < rows[j].loc
			})
			return nil
		})
		if code != ExitOK {
			return code
		}
		if csvOut {
			cw := csv.NewWriter(r.env.Stdout)
			_ = cw.Write([]string{"code", "item", "location", "qty", "unit", "unit_cost", "value", "currency"})
			for _, x := range rows {
				_ = cw.Write([]string{x.code, x.name, x.loc, x.qty.Format(""), x.unit, app.FormatMinor(x.unitCost, 2, ""), app.FormatMinor(x.value, 2, ""), base})
			}
			cw.Flush()
			if err := cw.Error(); err != nil {
				return r.fail(app.Internal("writing the list", err))
			}
			return ExitOK
		}
		if len(rows) == 0 {
			r.printf("No stock as of %s.\n", day)
			return ExitOK
		}
		amt := func(v int64) string { return app.FormatMinor(v, 2, app.English) }
		// Numbers right-aligned, text left-aligned (tabwriter aligns all
		// columns one way).
		wq, wc, wv := len("Quantity"), len("Unit cost"), len("Value")
		for _, x := range rows {
			wq, wc, wv = max(wq, len(x.qty.Format(app.English))), max(wc, len(amt(x.unitCost))), max(wv, len(amt(x.value)))
		}
		tw := tabwriter.NewWriter(r.env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "Code\tItem\tLocation\t%*s\tUnit\t%*s\t%*s\n", wq, "Quantity", wc, "Unit cost", wv, "Value")
		for _, x := range rows {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%*s\t%s\t%*s\t%*s\n", printable(x.code), clip(printable(x.name), maxCustomerWidth), printable(x.loc),
				wq, x.qty.Format(app.English), printable(x.unit), wc, amt(x.unitCost), wv, amt(x.value))
		}
		_ = tw.Flush()
		r.printf("%s as of %s, total value %s %s.\n", count(len(rows), "position", "positions"), day, amt(total), base)
		return ExitOK
	}
}

// stockKindFlag reads --kind of list stock-docs.
func stockKindFlag(v string) (app.StockDocKind, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "all":
		return "", true
	case "receipt", "receipts", "prijemka":
		return app.StockReceipt, true
	case "issue", "issues", "vydejka":
		return app.StockIssue, true
	case "transfer", "transfers", "prevodka":
		return app.StockTransfer, true
	case "difference", "differences", "stocktake":
		return app.StockDifference, true
	}
	return "", false
}

func setupListStockDocs(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	kind := fs.String("kind", "all", "the `KIND` of documents: receipt, issue, transfer, difference or all")
	from := fs.String("from", "", "only documents dated on or after `DATE`")
	to := fs.String("to", "", "only documents dated on or before `DATE`")
	location := fs.String("location", "", "only documents moving stock out of or into the location with `CODE`")
	drafts := fs.Bool("drafts", false, "list the drafts too")
	format := formatFlag(fs)
	return func([]string) int {
		k, okKind := stockKindFlag(*kind)
		csvOut, okFormat := checkFormat(*format)
		f, u1 := parseDay("from", *from)
		t, u2 := parseDay("to", *to)
		switch {
		case !okKind:
			return r.usageError(c, fs, "--kind %q: choose receipt, issue, transfer, difference or all", *kind)
		case !okFormat:
			return r.usageError(c, fs, "--format %q: choose text or csv", *format)
		case u1 != "":
			return r.usageError(c, fs, "%s", u1)
		case u2 != "":
			return r.usageError(c, fs, "%s", u2)
		}
		if err := app.ValidatePeriod(f, t); err != nil && !f.IsZero() && !t.IsZero() {
			return r.fail(err)
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		var docs []app.StockDoc
		locs := map[string]string{}
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := app.Authorize(ctx, app.PermWarehouse); err != nil {
				return err
			}
			ls, err := svc.Warehouse.Locations(ctx)
			if err != nil {
				return err
			}
			for _, l := range ls {
				locs[l.ID] = l.Code
			}
			filter := app.StockDocFilter{Kind: k, From: f, To: t}
			if !*drafts {
				filter.Status = app.StockPosted
			}
			if *location != "" {
				l, ok := app.FindLocation(ls, *location)
				if !ok {
					return app.Errorf(app.ENOTFOUND, "err.cli.location", "--location {{.code}}: no location has this code", map[string]any{"code": *location})
				}
				filter.Location = l.ID
			}
			docs, _, err = svc.Warehouse.StockDocs(ctx, filter, 0, 0)
			// Newest first by date, then number (documents created in the
			// same instant have no order of their own).
			sort.SliceStable(docs, func(i, j int) bool {
				if c := docs[i].Date.Compare(docs[j].Date); c != 0 {
					return c > 0
				}
				return docs[i].Number > docs[j].Number
			})
			return err
		})
		if code != ExitOK {
			return code
		}
		if csvOut {
			cw := csv.NewWriter(r.env.Stdout)
			_ = cw.Write([]string{"number", "kind", "date", "status", "location", "to_location", "partner", "source", "lines", "total", "storno_of"})
			for _, d := range docs {
				_ = cw.Write([]string{d.Number, string(d.Kind), dateText(d.Date), string(d.Status), locs[d.Location], locs[d.ToLocation],
					d.Partner.Name, d.SourceNo, fmt.Sprint(len(d.Lines)), app.FormatMinor(d.Total, 2, ""), d.OriginalNo})
			}
			cw.Flush()
			if err := cw.Error(); err != nil {
				return r.fail(app.Internal("writing the list", err))
			}
			return ExitOK
		}
		if len(docs) == 0 {
			r.printf("No stock documents match.\n")
			return ExitOK
		}
		wt := len("Total")
		for _, d := range docs {
			wt = max(wt, len(app.FormatMinor(d.Total, 2, app.English)))
		}
		tw := tabwriter.NewWriter(r.env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "Number\tKind\tDate\tLocation\tPartner / source\tLines\t%*s\tStatus\n", wt, "Total")
		for _, d := range docs {
			number := d.Number
			if number == "" {
				number = "(draft)"
			}
			where := locs[d.Location]
			if d.ToLocation != "" {
				where += " → " + locs[d.ToLocation]
			}
			who := d.Partner.Name
			if d.SourceNo != "" {
				who = strings.TrimSpace(who + " " + d.SourceNo)
			}
			status := string(d.Status)
			if d.Storno {
				status += ", storno of " + d.OriginalNo
			} else if d.ReversedBy != "" {
				status += ", reversed"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%5d\t%*s\t%s\n", printable(number), d.Kind, d.Date, printable(where), clip(printable(who), maxCustomerWidth),
				len(d.Lines), wt, app.FormatMinor(d.Total, 2, app.English), status)
		}
		_ = tw.Flush()
		r.printf("%s.\n", count(len(docs), "document", "documents"))
		return ExitOK
	}
}

// stockDocByNumber finds a stock document by its number (any case).
func stockDocByNumber(ctx context.Context, w app.WarehouseService, number string) (app.StockDoc, error) {
	docs, _, err := w.StockDocs(ctx, app.StockDocFilter{}, 0, 0)
	if err != nil {
		return app.StockDoc{}, err
	}
	for _, d := range docs {
		if d.Number != "" && strings.EqualFold(d.Number, strings.TrimSpace(number)) {
			return d, nil
		}
	}
	return app.StockDoc{}, app.Errorf(app.ENOTFOUND, "err.cli.stock_doc", "no stock document has the number {{.number}} (see “kontor list stock-docs”)", map[string]any{"number": number})
}

// userNames maps user names (and IDs) to full names, as far as the
// signed-in user may list users; the signed-in user is always known. A
// stock document names its people by their sign-in names.
func userNames(ctx context.Context, svc app.Services, me app.User) map[string]string {
	names := map[string]string{}
	us, err := svc.Users.Users(ctx)
	if err != nil {
		us = nil
	}
	for _, u := range append(us, me) {
		names[u.Name], names[u.ID] = personName(u), personName(u)
	}
	return names
}

func personName(u app.User) string {
	if u.FullName != "" {
		return u.FullName
	}
	return u.Name
}

// langFlag is --lang of the PDFs.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "", "the PDF's language, `cs` (default) or en")
}

// pdfTarget is the file a PDF export writes: --out with .pdf added, or
// NAME.pdf here.
func pdfTarget(out, name string) string {
	dst := out
	if dst == "" {
		dst = fileName(name)
	}
	return absPath(withPDFExt(dst))
}

func setupExportStockDoc(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	out := fs.String("out", "", "write the PDF to `FILE` (.pdf is added if missing; default: NUMBER.pdf here)")
	lang := langFlag(fs)
	force := fs.Bool("force", false, "replace FILE if it exists")
	return func(args []string) int {
		if *lang != "" && !app.Lang(*lang).Valid() {
			return r.usageError(c, fs, "--lang %q: choose cs or en", *lang)
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		var d app.StockDoc
		var dst string
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, me app.User) error {
			if err := app.Authorize(ctx, app.PermWarehouse); err != nil {
				return err
			}
			var err error
			if d, err = stockDocByNumber(ctx, svc.Warehouse, args[0]); err != nil {
				return err
			}
			company, err := svc.Company.Company(ctx)
			if err != nil {
				return err
			}
			locs, err := svc.Warehouse.Locations(ctx)
			if err != nil {
				return err
			}
			p := app.StockDocPrint{Doc: d, Lang: app.Lang(*lang)}
			p.From, _ = app.FindLocation(locs, d.Location)
			if d.ToLocation != "" {
				p.To, _ = app.FindLocation(locs, d.ToLocation)
			}
			names := userNames(ctx, svc, me)
			p.Responsible, p.PostedBy = names[d.Responsible], names[d.PostedBy]
			dst = pdfTarget(*out, d.Number)
			if !*force && exists(dst) {
				return errExists(dst)
			}
			return writeAtomic(dst, *force, true, func(w io.Writer) error { return r.env.Printer.Print(w, p, company) })
		})
		if code == ExitOK {
			r.printf("Wrote %s %s (%s, %s) to %s\n", d.Kind, d.Number, d.Date, count(len(d.Lines), "line", "lines"), dst)
		}
		return code
	}
}

// stocktakeByRef finds a stocktake by its number (any case) or ID.
func stocktakeByRef(ctx context.Context, w app.WarehouseService, ref string) (app.Stocktake, error) {
	ref = strings.TrimSpace(ref)
	all, err := w.Stocktakes(ctx)
	if err != nil {
		return app.Stocktake{}, err
	}
	for _, st := range all {
		if st.ID == ref || st.Number != "" && strings.EqualFold(st.Number, ref) {
			return st, nil
		}
	}
	return app.Stocktake{}, app.Errorf(app.ENOTFOUND, "err.cli.stocktake", "no stocktake has the number or ID {{.ref}} (see “kontor list stocktakes”)", map[string]any{"ref": ref})
}

func setupExportStocktakeSheet(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	out := fs.String("out", "", "write the PDF to `FILE` (.pdf is added if missing; default: the stocktake's NUMBER.pdf here)")
	expected := fs.Bool("expected", false, "print the quantities the books expect (a blind count leaves them out)")
	lang := langFlag(fs)
	force := fs.Bool("force", false, "replace FILE if it exists")
	return func(args []string) int {
		if *lang != "" && !app.Lang(*lang).Valid() {
			return r.usageError(c, fs, "--lang %q: choose cs or en", *lang)
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		var st app.Stocktake
		var dst string
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, me app.User) error {
			if err := app.Authorize(ctx, app.PermWarehouse); err != nil {
				return err
			}
			var err error
			if st, err = stocktakeByRef(ctx, svc.Warehouse, args[0]); err != nil {
				return err
			}
			company, err := svc.Company.Company(ctx)
			if err != nil {
				return err
			}
			locs, err := svc.Warehouse.Locations(ctx)
			if err != nil {
				return err
			}
			cards, err := svc.Warehouse.StockItems(ctx, "", 0)
			if err != nil {
				return err
			}
			sheet := app.StocktakeSheet{Take: st, EAN: map[string]string{}, ShowExpected: *expected, Lang: app.Lang(*lang)}
			sheet.Location, _ = app.FindLocation(locs, st.Location)
			for _, s := range cards {
				if s.EAN != "" {
					sheet.EAN[s.ItemID] = s.EAN
				}
			}
			names := userNames(ctx, svc, me)
			sheet.CountedBy, sheet.Responsible = names[st.CountedBy], names[st.Responsible]
			dst = pdfTarget(*out, sheet.PrintName())
			if !*force && exists(dst) {
				return errExists(dst)
			}
			return writeAtomic(dst, *force, true, func(w io.Writer) error { return r.env.Printer.Print(w, sheet, company) })
		})
		if code == ExitOK {
			r.printf("Wrote the stocktake sheet %s (%s, %s) to %s\n", st.Number, st.Date, count(len(st.Lines), "line", "lines"), dst)
		}
		return code
	}
}

func setupListStocktakes(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	format := formatFlag(fs)
	return func([]string) int {
		csvOut, ok := checkFormat(*format)
		if !ok {
			return r.usageError(c, fs, "--format %q: choose text or csv", *format)
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		var takes []app.Stocktake
		locs := map[string]string{}
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := app.Authorize(ctx, app.PermWarehouse); err != nil {
				return err
			}
			ls, err := svc.Warehouse.Locations(ctx)
			if err != nil {
				return err
			}
			for _, l := range ls {
				locs[l.ID] = l.Code
			}
			takes, err = svc.Warehouse.Stocktakes(ctx)
			return err
		})
		if code != ExitOK {
			return code
		}
		counted := func(st app.Stocktake) int {
			n := 0
			for _, l := range st.Lines {
				if l.Counted {
					n++
				}
			}
			return n
		}
		if csvOut {
			cw := csv.NewWriter(r.env.Stdout)
			_ = cw.Write([]string{"number", "date", "location", "lines", "counted", "status", "id"})
			for _, st := range takes {
				_ = cw.Write([]string{st.Number, dateText(st.Date), locs[st.Location], fmt.Sprint(len(st.Lines)), fmt.Sprint(counted(st)), string(st.Status), st.ID})
			}
			cw.Flush()
			if err := cw.Error(); err != nil {
				return r.fail(app.Internal("writing the list", err))
			}
			return ExitOK
		}
		if len(takes) == 0 {
			r.printf("No stocktakes.\n")
			return ExitOK
		}
		tw := tabwriter.NewWriter(r.env.Stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "Number\tDate\tLocation\tLines\tCounted\tStatus\n")
		for _, st := range takes {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%5d\t%7d\t%s\n", printable(st.Number), st.Date, printable(locs[st.Location]), len(st.Lines), counted(st), st.Status)
		}
		_ = tw.Flush()
		r.printf("%s.\n", count(len(takes), "stocktake", "stocktakes"))
		return ExitOK
	}
}
