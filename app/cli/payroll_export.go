package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"kontor/app"
)

// Payroll's exports (issue 14, item 4 and 6): the payslips of a month as
// PDFs, the bank payment order of its net pays and remittances (ABO or
// CSV), the payroll register (PDF or CSV) and the JMHZ data set (CSV). Each
// reads the month's approved pay runs — a correcting run's payslip in place
// of the one it corrects — and refuses a month with none. The PDFs go
// through Env.Printer like every other export.

// payrollExportCommands are "kontor export payslips", "payment-order",
// "payroll-register", "jmhz" and "health-overview".
func payrollExportCommands() []Command {
	const tail = " [--force] [--db PATH] --user NAME"
	return []Command{
		{Path: "export payslips", Args: "--month YYYY-MM --out DIR|FILE.pdf [--pay-day DATE]" + tail, Perm: app.PermPayroll, Order: 99,
			Summary: "write the payslips of the month's approved pay run, each in its employee's language: into a folder (created if missing) " +
				"one PDF per employee named 2026-11_NAME.pdf, or all in one PDF when --out ends in .pdf (payroll or admin)",
			setup: setupExportPayslips},
		{Path: "export payment-order", Args: "--month YYYY-MM --out FILE.abo|FILE.csv [--format abo|csv] [--pay-day DATE] [--nets-only] " +
			"[--social ACCOUNT[:VS]] [--health CODE=ACCOUNT[:VS]]... [--tax ACCOUNT[:VS]] [--withholding ACCOUNT[:VS]]" + tail, Perm: app.PermPayroll, Order: 99,
			Summary: "write the bank payment order of the month's approved pay run from the company's account: the net pay to each employee and, " +
				"unless --nets-only, the insurance to the OSSZ (--social) and each health insurer (--health 111=ACCOUNT), the tax advances (--tax) " +
				"and the withholding tax (--withholding) to the tax office; as ABO (.abo, .kpc) or CSV by the extension of --out or --format (payroll or admin)",
			setup: setupExportPaymentOrder},
		{Path: "export payroll-register", Args: "--month YYYY-MM --out FILE.pdf|FILE.csv [--lang cs|en]" + tail, Perm: app.PermPayroll, Order: 99,
			Summary: "write the month's payroll register (a row per employee: gross pay, insurance, tax, net pay, the employer's cost, and the totals) " +
				"as a PDF or CSV by the extension of --out (payroll or admin)",
			setup: setupExportPayrollRegister},
		{Path: "export jmhz", Args: "--month YYYY-MM --out FILE.csv [--lang cs|en]" + tail, Perm: app.PermPayroll, Order: 99,
			Summary: "write the data set of the month's employer report to ČSSZ (JMHZ) as CSV, a row per employee (payroll or admin)",
			setup:   setupExportJMHZ},
		{Path: "export health-overview", Args: "--month YYYY-MM --out FILE.pdf|FILE.csv [--lang cs|en]" + tail, Perm: app.PermPayroll, Order: 99,
			Summary: "write the month's overview for the health insurers (přehled o platbě pojistného): a row per insurer with the employees, " +
				"the assessment bases and the premiums, as a PDF or CSV by the extension of --out (payroll or admin)",
			setup: setupExportHealthOverview},
	}
}

// payMonth is the approved payroll of a month: the payslips by employee
// name, the employees and the inputs they were computed from, by employee ID.
type payMonth struct {
	month     app.Month
	payslips  []app.Payslip
	employees map[string]app.Employee
	inputs    map[string]app.MonthInput
}

// loadPayMonth reads month m's approved runs; a later run's payslip of an
// employee (a correction) replaces an earlier one.
func loadPayMonth(ctx context.Context, p app.PayrollService, m app.Month) (payMonth, error) {
	pm := payMonth{month: m, employees: map[string]app.Employee{}, inputs: map[string]app.MonthInput{}}
	runs, err := p.PayRuns(ctx, m.Year)
	if err != nil {
		return pm, err
	}
	bySlip := map[string]app.Payslip{}
	for _, listed := range runs {
		if listed.Month != m || listed.Status != app.PayRunApproved {
			continue
		}
		// The list leaves the payslips out; the run itself has them.
		run, err := p.PayRun(ctx, listed.ID)
		if err != nil {
			return pm, err
		}
		for _, s := range run.Payslips {
			bySlip[s.EmployeeID] = s
		}
		for _, in := range run.Inputs {
			pm.inputs[in.EmployeeID] = in.Input
		}
	}
	if len(bySlip) == 0 {
		return pm, app.Errorf(app.ENOTFOUND, "err.cli.payroll_no_run", "{{.month}} has no approved pay run; run it first (kontor payroll run {{.key}})",
			map[string]any{"month": m.Format(), "key": fmt.Sprintf("%04d-%02d", m.Year, int(m.Month))})
	}
	for id, s := range bySlip {
		e, err := p.Employee(ctx, id)
		if err != nil {
			return pm, err
		}
		pm.employees[id] = e
		pm.payslips = append(pm.payslips, s)
	}
	sort.SliceStable(pm.payslips, func(i, j int) bool {
		a, b := pm.payslips[i], pm.payslips[j]
		if c := strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); c != 0 {
			return c < 0
		}
		return a.EmployeeID < b.EmployeeID
	})
	return pm, nil
}

// monthFlag reads --month: a usage message when it is missing or not a month.
func monthFlag(v string) (app.Month, string) {
	if strings.TrimSpace(v) == "" {
		return app.Month{}, "--month YYYY-MM is required"
	}
	m, err := app.ParseMonth(strings.TrimSpace(v))
	if err != nil || m.Month < 1 || m.Month > 12 {
		return app.Month{}, fmt.Sprintf("--month: %q is not a month such as 2026-11", v)
	}
	return m, ""
}

// payDayFlag reads --pay-day: zero when not given.
func payDayFlag(v string) (app.Date, string) {
	if strings.TrimSpace(v) == "" {
		return app.Date{}, ""
	}
	d, err := app.ParseDate(v)
	if err != nil {
		return app.Date{}, "--pay-day: " + app.ErrorMessage(err, nil)
	}
	return d, ""
}

func setupExportPayslips(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	month := fs.String("month", "", "the pay `MONTH`, 2026-11")
	out := fs.String("out", "", "one combined PDF when `FILE.pdf|DIR` ends in .pdf, else a folder (created if missing) with one PDF per employee")
	payDay := fs.String("pay-day", "", "the `DATE` the net pays are sent, printed on each payslip (default none)")
	force := fs.Bool("force", false, "replace files that exist")
	return func([]string) int {
		m, usage := monthFlag(*month)
		day, u2 := payDayFlag(*payDay)
		switch {
		case usage != "":
			return r.usageError(c, fs, "%s", usage)
		case u2 != "":
			return r.usageError(c, fs, "%s", u2)
		case strings.TrimSpace(*out) == "":
			return r.usageError(c, fs, "--out FILE.pdf or --out DIR is required")
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		dst := absPath(*out)
		combined := strings.EqualFold(filepath.Ext(dst), ".pdf")
		if combined && !*force && exists(dst) {
			return r.fail(errExists(dst))
		}
		n := 0
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			company, err := svc.Company.Company(ctx)
			if err != nil {
				return err
			}
			pm, err := loadPayMonth(ctx, svc.Payroll, m)
			if err != nil {
				return err
			}
			n = len(pm.payslips)
			prints := make([]app.PayslipPrint, n)
			for i, s := range pm.payslips {
				prints[i] = app.PayslipPrint{Payslip: s, Employee: pm.employees[s.EmployeeID], Input: pm.inputs[s.EmployeeID], PayDay: day}
			}
			fmt.Fprintf(r.env.Stderr, "Exporting %s…\n", count(n, "payslip", "payslips"))
			progress := r.exportProgress(n)
			if combined {
				i := 0
				next := func() (app.PayslipPrint, error) {
					if i == n {
						return app.PayslipPrint{}, io.EOF
					}
					i++
					return prints[i-1], nil
				}
				return cancelled(ctx, writeAtomic(dst, *force, true, func(w io.Writer) error {
					return r.env.Printer.PrintAll(ctx, w, printables(next), company, progress)
				}))
			}
			return cancelled(ctx, exportPayslipFiles(ctx, r.env.Printer, company, prints, dst, *force, progress))
		})
		if code == ExitOK {
			r.printf("Wrote %s of %s to %s\n", count(n, "payslip", "payslips"), m.Format(), dst)
		}
		return code
	}
}

// exportPayslipFiles writes one PDF per payslip into dir, named by
// app.PayslipFileNames; whatever fails, the files it made are removed.
func exportPayslipFiles(ctx context.Context, printer app.Printer, company app.Company, prints []app.PayslipPrint, dir string, force bool, progress func(int)) (err error) {
	slips := make([]app.Payslip, len(prints))
	for i, p := range prints {
		slips[i] = p.Payslip
	}
	names := app.PayslipFileNames(slips)
	for i := range names {
		names[i] = withPDFExt(names[i])
	}
	out, err := newFolderExport(dir, names, force)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			out.undo()
		}
	}()
	for i, p := range prints {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err := out.write(names[i], func(w io.Writer) error { return printer.Print(w, p, company) }); err != nil {
			return err
		}
		progress(i + 1)
	}
	return nil
}

// payeeFlag is an institution's ACCOUNT[:VS].
func payeeFlag(name, v string) (app.PayeeAccount, string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return app.PayeeAccount{}, ""
	}
	acc, vs, _ := strings.Cut(v, ":")
	if _, err := app.ParseBankAccount(acc); err != nil {
		return app.PayeeAccount{}, fmt.Sprintf("--%s: %q is not a Czech bank account such as 19-2000145399/0800", name, acc)
	}
	return app.PayeeAccount{Account: strings.TrimSpace(acc), VS: strings.TrimSpace(vs)}, ""
}

// healthFlags collects --health CODE=ACCOUNT[:VS], repeated.
type healthFlags []string

func (h *healthFlags) String() string     { return strings.Join(*h, ",") }
func (h *healthFlags) Set(v string) error { *h = append(*h, v); return nil }

func setupExportPaymentOrder(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	month := fs.String("month", "", "the pay `MONTH`, 2026-11")
	out := fs.String("out", "", "write the order to `FILE.abo` (also .kpc) or FILE.csv")
	format := fs.String("format", "", "`abo` or csv, when the extension of --out says neither")
	payDay := fs.String("pay-day", "", "the `DATE` the net pays are sent (default the 10th of the following month)")
	netsOnly := fs.Bool("nets-only", false, "only the net pays to the employees, no insurance or tax")
	social := fs.String("social", "", "the OSSZ's `ACCOUNT[:VS]` for the social insurance (VS default: the company's IČO)")
	tax := fs.String("tax", "", "the tax office's `ACCOUNT[:VS]` for the tax advances")
	withholding := fs.String("withholding", "", "the tax office's `ACCOUNT[:VS]` for the withholding tax")
	var health healthFlags
	fs.Var(&health, "health", "a health insurer's `CODE=ACCOUNT[:VS]`, e.g. 111=ACCOUNT; repeat for each insurer")
	force := fs.Bool("force", false, "replace FILE if it exists")
	return func([]string) int {
		m, usage := monthFlag(*month)
		if usage != "" {
			return r.usageError(c, fs, "%s", usage)
		}
		day, usage := payDayFlag(*payDay)
		if usage != "" {
			return r.usageError(c, fs, "%s", usage)
		}
		if strings.TrimSpace(*out) == "" {
			return r.usageError(c, fs, "--out FILE.abo or --out FILE.csv is required")
		}
		kind := strings.ToLower(strings.TrimSpace(*format))
		if kind == "" {
			switch strings.ToLower(filepath.Ext(*out)) {
			case ".abo", ".kpc":
				kind = "abo"
			case ".csv":
				kind = "csv"
			}
		}
		if kind != "abo" && kind != "csv" {
			return r.usageError(c, fs, "--format: %q is neither abo nor csv; name --out FILE.abo or FILE.csv, or give --format", *format+filepath.Ext(*out))
		}
		s := app.PayrollPaymentSettings{Month: m, PayDay: day, Health: map[string]app.PayeeAccount{}}
		for _, f := range []struct {
			name, v string
			to      *app.PayeeAccount
		}{{"social", *social, &s.Social}, {"tax", *tax, &s.TaxAdvance}, {"withholding", *withholding, &s.Withholding}} {
			pa, usage := payeeFlag(f.name, f.v)
			if usage != "" {
				return r.usageError(c, fs, "%s", usage)
			}
			*f.to = pa
		}
		for _, h := range health {
			code, acc, ok := strings.Cut(h, "=")
			code = strings.TrimSpace(code)
			if _, known := app.HealthInsurers[code]; !ok || !known {
				return r.usageError(c, fs, "--health: %q is not CODE=ACCOUNT with CODE a health insurer's code (%s)", h, strings.Join(app.HealthInsurerCodes(), ", "))
			}
			pa, usage := payeeFlag("health", acc)
			if usage != "" {
				return r.usageError(c, fs, "%s", usage)
			}
			s.Health[code] = pa
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		dst := absPath(*out)
		if !*force && exists(dst) {
			return r.fail(errExists(dst))
		}
		var pays []app.PayrollPayment
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			company, err := svc.Company.Company(ctx)
			if err != nil {
				return err
			}
			pm, err := loadPayMonth(ctx, svc.Payroll, m)
			if err != nil {
				return err
			}
			s.From, s.ICO, s.Name = company.BankAccount, company.ICO, company.Name
			slips := pm.payslips
			if *netsOnly {
				// Only what goes to the employees: the insurance and the
				// taxes left out of the payslips' copies.
				slips = make([]app.Payslip, len(pm.payslips))
				for i, p := range pm.payslips {
					slips[i] = app.Payslip{Month: p.Month, EmployeeID: p.EmployeeID, Name: p.Name, Net: p.Net}
				}
			}
			if pays, err = app.PayrollPayments(slips, pm.employees, s); err != nil {
				return err
			}
			if len(pays) == 0 {
				return app.Errorf(app.ENOTFOUND, "err.cli.payment_none", "{{.month}} has nothing to pay; nothing was written", map[string]any{"month": m.Format()})
			}
			clock := svc.Clock
			if clock == nil {
				clock = app.SystemClock{}
			}
			return writeAtomic(dst, *force, true, func(w io.Writer) error {
				if kind == "abo" {
					return app.WritePaymentOrderABO(w, company.BankAccount, company.Name, app.Today(clock), pays)
				}
				return app.WritePaymentOrderCSV(w, m, pays, translator(reportLang("", company)))
			})
		})
		if code == ExitOK {
			var total int64
			for _, p := range pays {
				total += p.Amount
			}
			r.printf("Wrote the payment order of %s (%s, %s) to %s\n", m.Format(), count(len(pays), "payment", "payments"), app.M(total, "CZK").Format(app.English), dst)
		}
		return code
	}
}

// payLangFlag reads --lang: "" (the company's), cs or en.
func payLangFlag(v string) (string, string) {
	v = strings.ToLower(strings.TrimSpace(v))
	if v != "" && !app.Lang(v).Valid() {
		return "", fmt.Sprintf("--lang: %q is neither cs nor en", v)
	}
	return v, ""
}

func setupExportPayrollRegister(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	return setupPayrollTable(r, c, fs, db, true, func(pm payMonth, _ app.Company, tr app.Translator) (app.ReportTable, error) {
		return app.PayrollRegisterTable(pm.month, pm.payslips, tr), nil
	})
}

func setupExportJMHZ(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	return setupPayrollTable(r, c, fs, db, false, func(pm payMonth, _ app.Company, tr app.Translator) (app.ReportTable, error) {
		return app.JMHZTable(pm.month, pm.payslips, pm.employees, pm.inputs, tr)
	})
}

func setupExportHealthOverview(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	return setupPayrollTable(r, c, fs, db, true, func(pm payMonth, company app.Company, tr app.Translator) (app.ReportTable, error) {
		return app.HealthOverviewTable(pm.month, pm.payslips, pm.employees, company.ICO, tr)
	})
}

// setupPayrollTable is an export of a month's table: CSV, or with pdf a PDF
// when --out ends in .pdf.
func setupPayrollTable(r *runner, c command, fs *flag.FlagSet, db string, pdf bool,
	build func(pm payMonth, company app.Company, tr app.Translator) (app.ReportTable, error)) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	month := fs.String("month", "", "the pay `MONTH`, 2026-11")
	outHelp := "write it to `FILE.csv`"
	if pdf {
		outHelp = "write it to `FILE.pdf` or FILE.csv"
	}
	out := fs.String("out", "", outHelp)
	lang := fs.String("lang", "", "the language, `cs` or en (default: Czech for a Czech company, else English)")
	force := fs.Bool("force", false, "replace FILE if it exists")
	return func([]string) int {
		m, usage := monthFlag(*month)
		if usage != "" {
			return r.usageError(c, fs, "%s", usage)
		}
		l, usage := payLangFlag(*lang)
		if usage != "" {
			return r.usageError(c, fs, "%s", usage)
		}
		ext := strings.ToLower(filepath.Ext(*out))
		switch {
		case strings.TrimSpace(*out) == "":
			return r.usageError(c, fs, "--out is required")
		case ext == ".pdf" && !pdf:
			return r.usageError(c, fs, "--out: this export is CSV only")
		case ext != ".pdf" && ext != ".csv":
			return r.usageError(c, fs, "--out: name the file .csv%s", map[bool]string{true: " or .pdf", false: ""}[pdf])
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		dst := absPath(*out)
		if !*force && exists(dst) {
			return r.fail(errExists(dst))
		}
		var table app.ReportTable
		code := r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			company, err := svc.Company.Company(ctx)
			if err != nil {
				return err
			}
			pm, err := loadPayMonth(ctx, svc.Payroll, m)
			if err != nil {
				return err
			}
			if table, err = build(pm, company, translator(reportLang(l, company))); err != nil {
				return err
			}
			return writeAtomic(dst, *force, true, func(w io.Writer) error {
				if ext == ".pdf" {
					return r.env.Printer.Print(w, table, company)
				}
				if err := table.WriteCSV(w); err != nil {
					return app.Internal("writing "+dst, err)
				}
				return nil
			})
		})
		if code == ExitOK {
			r.printf("Wrote “%s” of %s (%s) to %s\n", printable(table.Title), m.Format(), count(len(table.Rows), "row", "rows"), dst)
		}
		return code
	}
}
