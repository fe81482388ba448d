package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"kontor/app"
)

// Customer statements (výpis z účtu): "kontor export statement" gathers each
// statement with app.CustomerStatement and prints it through Env.Printer:
// one customer to a file, or every customer with a balance or activity in the
// period into a folder (one PDF each) or into one combined PDF.

// exportStatementCommand is "kontor export statement".
func exportStatementCommand() Command {
	return Command{Perm: app.PermSalesRead, Order: 95, Path: "export statement", Args: "--customer ID|--all --from D --to D --out FILE.pdf|DIR [--force] [--db PATH] --user NAME",
		Summary: "write a customer statement (opening balance, invoices, credit notes, payments, closing balance, aging, open items with bank details) " +
			"as a PDF in the customer's language: one customer to FILE.pdf, or with --all every customer with a balance or activity in the period, " +
			"one combined FILE.pdf (--out ending in .pdf) or one PDF each in the folder DIR; Ctrl-C stops and removes what it wrote (sales, accounts or admin)",
		setup: setupExportStatement}
}

// statementJob is one customer of an export: who, and the file it goes to.
type statementJob struct {
	cust app.Customer
	file string
}

// statementRun is one export's outcome for the summary line.
type statementRun struct {
	written, skipped int
	single           app.Statement
}

func setupExportStatement(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	custID := fs.String("customer", "", "the customer's record `ID`")
	all := fs.Bool("all", false, "every customer with a balance or activity in the period: one combined PDF (--out FILE.pdf) or one PDF each (--out DIR)")
	from := fs.String("from", "", "the first day of the period: `DATE` (1.10.2026 or 2026-10-01); what is older makes the opening balance")
	to := fs.String("to", "", "the last day of the period: `DATE`; the closing balance, aging and open items are as of this day")
	out := fs.String("out", "", "write to `FILE.pdf|DIR`: one customer to FILE (.pdf is added if missing); --all to one combined FILE.pdf, or into the folder DIR (created if missing)")
	force := fs.Bool("force", false, "replace files that exist")
	return func([]string) int {
		id := strings.TrimSpace(*custID)
		switch {
		case id == "" && !*all:
			return r.usageError(c, fs, "--customer ID or --all is required")
		case id != "" && *all:
			return r.usageError(c, fs, "give --customer ID or --all, not both")
		case *from == "" || *to == "":
			return r.usageError(c, fs, "--from DATE and --to DATE are required")
		case *out == "":
			return r.usageError(c, fs, "--out FILE.pdf or --out DIR is required")
		}
		p, code := r.parsePeriod(c, fs, *from, *to)
		if code != ExitOK {
			return code
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		combined := *all && strings.EqualFold(filepath.Ext(*out), ".pdf")
		dst := absPath(*out)
		if !*all {
			dst = absPath(withPDFExt(*out))
		}
		// Refused before signing in, so nobody types a password for nothing.
		if (!*all || combined) && !*force && exists(dst) {
			return r.fail(errExists(dst))
		}
		var res statementRun
		code = r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := salesReady(ctx); err != nil {
				return err
			}
			company, err := svc.Company.Company(ctx)
			if err != nil {
				return err
			}
			if !*all {
				cust, err := svc.Customers.Customer(ctx, id)
				if err != nil {
					return app.WithField(err, "statement.customer")
				}
				if res.single, err = app.CustomerStatement(ctx, svc.Sales, cust, p.from, p.to, company.BaseCurrency); err != nil {
					return err
				}
				return writeAtomic(dst, *force, true, func(w io.Writer) error { return r.env.Printer.Print(w, res.single, company) })
			}
			custs, err := app.StatementCustomers(ctx, svc, p.to)
			if err != nil {
				return err
			}
			if len(custs) == 0 {
				return errNoStatementCustomers(p.to)
			}
			if combined {
				res, err = r.exportStatementsCombined(ctx, svc.Sales, company, custs, p, dst, *force)
			} else {
				res, err = r.exportStatements(ctx, svc.Sales, company, statementJobs(custs), p, dst, *force)
			}
			return cancelled(ctx, err)
		})
		if code != ExitOK {
			return code
		}
		if !*all {
			st := res.single
			r.printf("Wrote the statement of %s from %s to %s (%s, closing balance %s) to %s\n", printable(st.Customer.Name), p.from, p.to,
				count(movements(st), "movement", "movements"), closingText(st), dst)
			return ExitOK
		}
		into := "to"
		if combined {
			into = "into one PDF,"
		}
		r.printf("Wrote %s from %s to %s %s %s; skipped %s without a balance or activity\n",
			count(res.written, "statement", "statements"), p.from, p.to, into, dst, count(res.skipped, "customer", "customers"))
		return ExitOK
	}
}

// closingText is a statement's closing balance in each of its currencies:
// "EUR 1,134.56, CZK 1,500.00".
func closingText(st app.Statement) string {
	parts := make([]string, len(st.Sections))
	for i, sec := range st.Sections {
		parts[i] = app.M(sec.Closing, sec.Currency).Format(app.English)
	}
	return strings.Join(parts, ", ")
}

// movements counts a statement's lines over its sections.
func movements(st app.Statement) int {
	n := 0
	for _, sec := range st.Sections {
		n += len(sec.Lines)
	}
	return n
}

func errNoStatementCustomers(to app.Date) error {
	return app.Errorf(app.ENOTFOUND, "err.cli.statements_none", "no customer has documents by {{.date}}; nothing was written", map[string]any{"date": to.String()})
}

func errNoStatementActivity() error {
	return app.Errorf(app.ENOTFOUND, "err.cli.statements_inactive", "no customer has a balance or activity in the period; nothing was written", nil)
}

// statementJobs gives each customer (in the order given) the file of its
// statement, unique within the folder.
func statementJobs(custs []app.Customer) []statementJob {
	names := app.StatementFileNames(custs)
	jobs := make([]statementJob, len(custs))
	for i, c := range custs {
		jobs[i] = statementJob{cust: c, file: names[i]}
	}
	return jobs
}

// exportStatements writes one statement per job with a balance or activity
// into dir, reporting progress on stderr. Nothing is written when a file
// exists without force; whatever fails or is cancelled, the files this run
// wrote are removed again.
func (r *runner) exportStatements(ctx context.Context, sales app.SalesService, company app.Company, jobs []statementJob, p reportPeriod, dir string, force bool) (res statementRun, err error) {
	names := make([]string, len(jobs))
	for i, j := range jobs {
		names[i] = j.file
	}
	out, err := newFolderExport(dir, names, force)
	if err != nil {
		return res, err
	}
	defer func() {
		if err != nil {
			out.undo()
			res.written = 0
		}
	}()
	n := len(jobs)
	fmt.Fprintf(r.env.Stderr, "Checking %s…\n", count(n, "customer", "customers"))
	progress := r.exportProgress(n)
	for i, j := range jobs {
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		st, err := app.CustomerStatement(ctx, sales, j.cust, p.from, p.to, company.BaseCurrency)
		if err != nil {
			return res, err
		}
		if !st.HasActivity() {
			res.skipped++
			progress(i + 1)
			continue
		}
		if err := out.write(j.file, func(w io.Writer) error { return r.env.Printer.Print(w, st, company) }); err != nil {
			return res, err
		}
		res.written++
		fmt.Fprintf(r.env.Stderr, "  %s → %s (%s)\n", printable(st.Customer.Name), j.file, closingText(st))
		progress(i + 1)
	}
	if res.written == 0 {
		return res, errNoStatementActivity()
	}
	return res, nil
}

// exportStatementsCombined writes the statements of the customers with a
// balance or activity into one PDF, each from a new page, gathering them one
// at a time as the renderer asks so memory stays bounded.
func (r *runner) exportStatementsCombined(ctx context.Context, sales app.SalesService, company app.Company, custs []app.Customer, p reportPeriod, dst string, force bool) (res statementRun, err error) {
	n := len(custs)
	fmt.Fprintf(r.env.Stderr, "Checking %s…\n", count(n, "customer", "customers"))
	progress := r.exportProgress(n)
	i := 0
	next := func() (app.Statement, error) {
		for i < n {
			if err := ctx.Err(); err != nil {
				return app.Statement{}, err
			}
			st, err := app.CustomerStatement(ctx, sales, custs[i], p.from, p.to, company.BaseCurrency)
			i++
			if err != nil {
				return app.Statement{}, err
			}
			progress(i)
			if !st.HasActivity() {
				res.skipped++
				continue
			}
			res.written++
			fmt.Fprintf(r.env.Stderr, "  %s (%s)\n", printable(st.Customer.Name), closingText(st))
			return st, nil
		}
		return app.Statement{}, io.EOF
	}
	err = writeAtomic(dst, force, true, func(w io.Writer) error {
		err := r.env.Printer.PrintAll(ctx, w, printables(next), company, nil)
		if err == nil && res.written == 0 {
			return errNoStatementActivity()
		}
		return err
	})
	if err != nil {
		res.written = 0
	}
	return res, err
}
