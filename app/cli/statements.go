package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"kontor/app"
)

// Customer statements (výpis z účtu): "kontor export statement" builds
// app.Statement from the customer's issued invoices, credit notes and
// payments and renders it through Env.Statements, one customer to a file or
// every customer with a balance or activity in the period into a folder.

// exportStatementCommand is "kontor export statement".
func exportStatementCommand() command {
	return command{name: "export statement", args: "--customer ID|--all --from D --to D --out FILE.pdf|DIR [--force] [--db PATH] --user NAME",
		summary: "write a customer statement (opening balance, invoices, credit notes, payments, closing balance, aging, open items with bank details) " +
			"as a PDF in the customer's language: one customer to FILE.pdf, or with --all every customer with a balance or activity in the period, one PDF each in DIR (sales, accounts or admin)",
		setup: setupExportStatement}
}

func errNoStatements() error {
	return app.Errorf(app.EINTERNAL, "err.cli.no_statements", "statement PDFs are not available in this build", nil)
}

// statementJob is one customer of an export: who, and the file it goes to.
type statementJob struct {
	id   string
	cust app.Customer
	file string
}

func setupExportStatement(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	custID := fs.String("customer", "", "the customer's `ID` (see “kontor list customers”)")
	all := fs.Bool("all", false, "every customer with a balance or activity in the period, one PDF each into --out DIR")
	from := fs.String("from", "", "the first day of the period: `DATE` (1.10.2026 or 2026-10-01); what is older makes the opening balance")
	to := fs.String("to", "", "the last day of the period: `DATE`; the closing balance, aging and open items are as of this day")
	out := fs.String("out", "", "write the PDF to `FILE.pdf` (one customer; .pdf is added if missing) or into the folder DIR (--all; created if missing)")
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
		if *all && strings.EqualFold(filepath.Ext(*out), ".pdf") {
			return r.usageError(c, fs, "--all writes one PDF per customer: --out must be a folder, not %s", *out)
		}
		if err := app.ValidatePeriod(p.from, p.to); err != nil {
			return r.fail(err)
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		if r.env.Statements == nil {
			return r.fail(errNoStatements())
		}
		dst := absPath(*out)
		if !*all {
			dst = absPath(withPDFExt(*out))
			// Refused before signing in, so nobody types a password for nothing.
			if !*force && exists(dst) {
				return r.fail(errExists(dst))
			}
		}
		var st app.Statement
		var written, skipped int
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			if err := salesReady(ctx, svc); err != nil {
				return err
			}
			if svc.Customers == nil {
				return app.Errorf(app.EINTERNAL, "err.cli.no_sales", "this build of Kontor has no sales documents", nil)
			}
			company, err := svc.Company.Company(ctx)
			if err != nil {
				return err
			}
			if !*all {
				cust, err := svc.Customers.Customer(ctx, id)
				if err != nil {
					return err
				}
				if st, err = customerStatement(ctx, svc.Sales, cust, p, company.BaseCurrency); err != nil {
					return err
				}
				return writeAtomic(dst, *force, true, func(w io.Writer) error { return r.env.Statements(w, st, company) })
			}
			jobs, err := statementJobs(ctx, svc, p.to)
			if err != nil {
				return err
			}
			if len(jobs) == 0 {
				return app.Errorf(app.ENOTFOUND, "err.cli.statements_none", "no customer has documents by {{.date}}; nothing was written", map[string]any{"date": p.to.String()})
			}
			written, skipped, err = r.exportStatements(ctx, svc.Sales, company, jobs, p, dst, *force)
			return cancelled(ctx, err)
		})
		if code != ExitOK {
			return code
		}
		if !*all {
			r.printf("Wrote the statement of %s from %s to %s (%s, closing balance %s) to %s\n", printable(st.Customer.Name), p.from, p.to,
				count(len(st.Lines), "movement", "movements"), app.M(st.Closing, st.Currency).Format(app.English), dst)
			return ExitOK
		}
		r.printf("Wrote %s from %s to %s to %s (%s without a balance or activity skipped)\n",
			count(written, "statement", "statements"), p.from, p.to, dst, count(skipped, "customer", "customers"))
		return ExitOK
	}
}

// customerStatement reads a customer's issued invoices and credit notes (a
// page at a time, filtered by the store) and the payments of the invoices,
// and builds the statement in the customer's language.
func customerStatement(ctx context.Context, sales app.SalesService, cust app.Customer, p reportPeriod, base string) (app.Statement, error) {
	var docs []app.SalesDoc
	var pays []app.Payment
	for _, kind := range []app.DocKind{app.KindInvoice, app.KindCreditNote} {
		q := docQuery{filter: app.DocFilter{Kind: kind, Customer: cust.ID, To: p.to}}
		err := eachDoc(ctx, sales, q, func(d app.SalesDoc) error {
			if d.Status != app.StatusIssued || d.CustomerID != cust.ID {
				return nil
			}
			docs = append(docs, d)
			if d.Kind == app.KindInvoice && d.Paid != 0 {
				ps, err := sales.Payments(ctx, d.ID)
				if err != nil {
					return err
				}
				pays = append(pays, ps...)
			}
			return nil
		})
		if err != nil {
			return app.Statement{}, err
		}
	}
	party := app.PartyOfCustomer(cust)
	if party.Name == "" && len(docs) > 0 {
		party = docs[0].Customer // the newest document's copy
	}
	st := app.BuildStatement(party, docs, pays, p.from, p.to, base)
	st.Lang = cust.Lang
	return st, nil
}

// statementJobs lists the customers with issued invoices or credit notes by
// to, in name order, with the file each statement goes to. A document's
// customer that is no longer on file is taken from the document's copy.
func statementJobs(ctx context.Context, svc app.Services, to app.Date) ([]statementJob, error) {
	seen := map[string]app.Party{}
	var ids []string
	for _, kind := range []app.DocKind{app.KindInvoice, app.KindCreditNote} {
		err := eachDoc(ctx, svc.Sales, docQuery{filter: app.DocFilter{Kind: kind, To: to}}, func(d app.SalesDoc) error {
			if d.Status != app.StatusIssued || d.CustomerID == "" {
				return nil
			}
			if _, ok := seen[d.CustomerID]; !ok {
				seen[d.CustomerID] = d.Customer
				ids = append(ids, d.CustomerID)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	jobs := make([]statementJob, 0, len(ids))
	for _, id := range ids {
		cust, err := svc.Customers.Customer(ctx, id)
		if app.ErrorCode(err) == app.ENOTFOUND {
			p := seen[id]
			cust, err = app.Customer{ID: id, Name: p.Name, Street: p.Street, City: p.City, Postcode: p.Postcode, Country: p.Country,
				ICO: p.ICO, DIC: p.DIC, Email: p.Email, Phone: p.Phone}, nil
		}
		if err != nil {
			return nil, err
		}
		jobs = append(jobs, statementJob{id: id, cust: cust})
	}
	sortJobs(jobs)
	used := map[string]bool{}
	for i := range jobs {
		name := statementFileName(jobs[i].cust.Name, jobs[i].id, false)
		if used[strings.ToLower(name)] {
			name = statementFileName(jobs[i].cust.Name, jobs[i].id, true)
		}
		used[strings.ToLower(name)] = true
		jobs[i].file = name
	}
	return jobs, nil
}

func sortJobs(jobs []statementJob) {
	sort.SliceStable(jobs, func(i, j int) bool {
		a, b := jobs[i], jobs[j]
		if fa, fb := app.FoldText(a.cust.Name), app.FoldText(b.cust.Name); fa != fb {
			return fa < fb
		}
		return a.id < b.id
	})
}

// statementFileName is the file of a customer's statement: the name made
// safe for any file system (letters and digits kept, runs of anything else
// one "-", at most 60 characters) and a short form of the ID, the last 8
// characters (IDs are UUIDv7, whose first characters are a timestamp shared
// by customers created together), or the whole ID when full is set (two
// customers' short names collide).
func statementFileName(name, id string, full bool) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range strings.TrimSpace(name) {
		if n >= 60 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
			n++
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
			n++
		}
	}
	safe := strings.TrimRight(b.String(), "-")
	if safe == "" {
		safe = "customer"
	}
	short := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ':' || r < ' ' {
			return '_'
		}
		return r
	}, id)
	if !full && len(short) > 8 {
		short = short[len(short)-8:]
	}
	return safe + "_" + short + ".pdf"
}

// exportStatements writes one statement per job with a balance or activity
// into dir, reporting progress on stderr. Nothing is written when a file
// exists without force; whatever fails or is cancelled, the files this run
// wrote are removed again.
func (r *runner) exportStatements(ctx context.Context, sales app.SalesService, company app.Company, jobs []statementJob, p reportPeriod, dir string, force bool) (written, skipped int, err error) {
	if !force {
		var taken []string
		for _, j := range jobs {
			if exists(filepath.Join(dir, j.file)) {
				taken = append(taken, j.file)
			}
		}
		if len(taken) > 0 {
			return 0, 0, app.Errorf(app.ECONFLICT, "err.cli.files_exist", "{{.n}} of the files exist already in {{.dir}} ({{.first}}…); nothing was written: add --force to replace them",
				map[string]any{"n": len(taken), "dir": dir, "first": taken[0]})
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, 0, app.Internal("creating the folder "+dir, err)
	}
	var files []string
	defer func() {
		if err != nil {
			for _, f := range files {
				_ = os.Remove(f)
			}
			written = 0
		}
	}()
	n := len(jobs)
	fmt.Fprintf(r.env.Stderr, "Checking %s…\n", count(n, "customer", "customers"))
	progress := r.exportProgress(n)
	for i, j := range jobs {
		if ctx.Err() != nil {
			return written, skipped, ctx.Err()
		}
		st, err := customerStatement(ctx, sales, j.cust, p, company.BaseCurrency)
		if err != nil {
			return written, skipped, err
		}
		if !st.HasActivity() {
			skipped++
			progress(i + 1)
			continue
		}
		dst := filepath.Join(dir, j.file)
		if err := writeAtomic(dst, force, false, func(w io.Writer) error { return r.env.Statements(w, st, company) }); err != nil {
			return written, skipped, err
		}
		files = append(files, dst)
		written++
		fmt.Fprintf(r.env.Stderr, "  %s → %s (%s)\n", printable(st.Customer.Name), j.file, app.M(st.Closing, st.Currency).Format(app.English))
		progress(i + 1)
	}
	return written, skipped, nil
}
