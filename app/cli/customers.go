package cli

import (
	"context"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"kontor/app"
)

// Reception is the customer directory's commands (the Reception module's):
// customers in from a CSV file and out to one.
func Reception() []Command {
	return []Command{
		{Path: "import customers", Args: "FILE.csv [--dry-run] [--db PATH] --user NAME", MinArgs: 1, MaxArgs: 1,
			Summary: "add the customers of a CSV file (UTF-8 or Windows-1250, separated by ; , or tab, Czech or English headers); rows with a mistake or an IČO already on file are listed with their line and change nothing, the rest are written in one transaction (reception, sales, accounts or admin)",
			Perm:    app.PermCustomersWrite, Order: 81, setup: setupImportCustomers},
		{Path: "export customers", Args: "--out FILE.csv [--force] [--db PATH] --user NAME",
			Summary: "write every customer to a CSV file Czech Excel opens (UTF-8 with a byte-order mark, separated by ;) and “kontor import customers” reads back (reception, sales, after-sales, accounts or admin)",
			Perm:    app.PermCustomersRead, Order: 93, setup: setupExportCustomers},
	}
}

// maxImportBytes bounds the file an import reads into memory: 100,000
// customers take about 15 MB.
const maxImportBytes = 256 << 20

func setupImportCustomers(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	dryRun := fs.Bool("dry-run", false, "check the file and report what would be imported, without writing anything")
	return func(args []string) int {
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		file := absPath(args[0])
		f, err := readCustomerFile(file)
		if err != nil {
			return r.fail(err)
		}
		r.printf("Read %s (%s, separated by %s): %s, %s with mistakes.\n", file, f.Encoding, separatorName(f.Separator),
			count(len(f.Rows), "customer", "customers"), count(len(f.Rejected), "row", "rows"))
		if len(f.Ignored) > 0 {
			r.printf("Columns left out (Kontor has no field for them): %s\n", strings.Join(f.Ignored, ", "))
		}
		var res app.ImportResult
		start := time.Now()
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := app.Authorize(ctx, app.PermCustomersWrite); err != nil {
				return err
			}
			res.DryRun = *dryRun
			if len(f.Rows) == 0 {
				return nil
			}
			var err error
			res, err = svc.Importer.ImportCustomers(ctx, f.Rows, *dryRun)
			return err
		})
		if code != ExitOK {
			return code
		}
		rejected := append([]app.RowError(nil), f.Rejected...)
		for _, e := range res.Rejected {
			if e.Err != nil {
				e.Reason = f.Reason(e.Err)
			}
			rejected = append(rejected, e)
		}
		sort.SliceStable(rejected, func(i, j int) bool { return rejected[i].Line < rejected[j].Line })
		if len(rejected) > 0 {
			r.printf("Rejected %s (they changed nothing):\n", count(len(rejected), "row", "rows"))
			for _, e := range rejected {
				r.printf("  line %d: %s\n", e.Line, printable(e.Reason))
			}
		}
		elapsed := time.Since(start).Round(time.Millisecond)
		switch {
		case res.DryRun:
			r.printf("Dry run: %s would be imported; nothing was written.\n", count(res.Accepted, "customer", "customers"))
		case res.Accepted == 0:
			r.printf("No customers imported; nothing was written.\n")
		default:
			r.printf("Imported %s in one transaction (%s).\n", count(res.Accepted, "customer", "customers"), elapsed)
		}
		return ExitOK
	}
}

// readCustomerFile reads and parses a customer CSV, naming the file in any
// refusal.
func readCustomerFile(file string) (app.CustomerCSV, error) {
	data, err := readImportFile(file)
	if err != nil {
		return app.CustomerCSV{}, err
	}
	f, err := app.ReadCustomersCSV(data)
	if err != nil {
		return f, app.Errorf(app.EINVALID, "err.cli.import_refused", "{{.path}}: {{.err}}; nothing was imported", map[string]any{"path": file, "err": app.ErrorMessage(err, nil)})
	}
	return f, nil
}

// readImportFile reads a file to import (customers, a bank statement) of at
// most maxImportBytes, naming it in any refusal.
func readImportFile(file string) ([]byte, error) {
	fh, err := os.Open(file)
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "err.cli.read_file", "cannot read {{.path}}: {{.err}}", map[string]any{"path": file, "err": plainIOError(err)})
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, maxImportBytes+1))
	if err != nil {
		return nil, app.Errorf(app.EINVALID, "err.cli.read_file", "cannot read {{.path}}: {{.err}}", map[string]any{"path": file, "err": plainIOError(err)})
	}
	if len(data) > maxImportBytes {
		return nil, app.Errorf(app.EINVALID, "err.cli.file_too_big", "{{.path}} is larger than {{.max}} MB; split it into smaller files", map[string]any{"path": file, "max": maxImportBytes >> 20})
	}
	return data, nil
}

// plainIOError drops the path os errors repeat ("open x: no such file").
func plainIOError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// count writes "1 row", "3 rows": the CLI speaks English (app.Count with
// no translator picks the form by the English plural rule).
func count(n int, one, many string) string {
	return app.Count(nil, "", n, "{{.n}} "+one, "{{.n}} "+many, nil)
}

func separatorName(sep rune) string {
	switch sep {
	case ';':
		return "semicolons"
	case '\t':
		return "tabs"
	}
	return "commas"
}

func setupExportCustomers(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
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
			// Refused before signing in, so nobody types a password for nothing.
			if !*force && exists(dst) {
				return r.fail(errExists(dst))
			}
		}
		n := 0
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := app.Authorize(ctx, app.PermCustomersRead); err != nil {
				return err
			}
			cs, err := svc.Customers.Customers(ctx, "", 0)
			if err != nil {
				return err
			}
			n = len(cs)
			if dst == "-" {
				return writeCustomers(r.env.Stdout, cs)
			}
			return writeAtomic(dst, *force, true, func(w io.Writer) error { return writeCustomers(w, cs) })
		})
		if code == ExitOK && dst != "-" {
			r.printf("Wrote %s to %s (UTF-8, separated by semicolons: Excel opens it with a double click).\n", count(n, "customer", "customers"), dst)
		}
		return code
	}
}

func writeCustomers(w io.Writer, cs []app.Customer) error {
	if err := app.WriteCustomersCSV(w, cs); err != nil {
		return app.Internal("writing the customers", err)
	}
	return nil
}
