package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"kontor/app"
)

// "kontor payroll reconcile EMPLOYEE YEAR" is the annual tax reconciliation
// (roční zúčtování) of an employee who asked for it: the year's approved
// payslips and the non-taxable parts given as flags (whole Kč or with
// haléř), computed by app.ReconcileTax and recorded by the store; the pay
// run of --pay-month (March of the next year by default) pays the refund.
// --dry-run computes and prints only; --out writes the "Výpočet daně"
// sheet as a PDF.

func reconcileCommand() Command {
	return Command{Path: "payroll reconcile", Args: "EMPLOYEE YEAR [--gifts KČ] [--interest KČ] [--pension KČ] [--life KČ] [--retirement KČ] " +
		"[--union KČ] [--exams KČ] [--pay-month YYYY-MM] [--other-employer] [--correct] [--dry-run] [--out FILE.pdf] [--lang cs|en] [--force] [--db PATH] --user NAME",
		MinArgs: 2, MaxArgs: 2, Perm: app.PermPayroll, Order: 98,
		Summary: "reconcile the year's tax of an employee who asked for it (roční zúčtování, by name or ID): the non-taxable parts as documented " +
			"(gifts, housing-loan interest, pension savings as paid, life insurance, other retirement products, union dues, exam fees), " +
			"the tax, credits and bonus against what was withheld; records it (--correct replaces a recorded one) and prints the refund the pay run of " +
			"--pay-month pays (March of the next year by default); --dry-run only computes; --out writes the sheet as a PDF (payroll or admin)",
		setup: setupReconcile}
}

func setupReconcile(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	amounts := map[string]*string{}
	for _, f := range []struct{ name, usage string }{{"gifts", "gifts (dary), Kč"}, {"interest", "interest on a housing loan, Kč"},
		{"pension", "pension savings contributions paid in the year, Kč (the part above 20,400 counts)"}, {"life", "life insurance paid, Kč"},
		{"retirement", "long-term investment product and long-term care insurance paid, Kč"}, {"union", "trade union dues, Kč"},
		{"exams", "further education exam fees, Kč"}} {
		amounts[f.name] = fs.String(f.name, "", f.usage)
	}
	payMonth := fs.String("pay-month", "", "the pay run that pays the refund (default: March of the next year)")
	other := fs.Bool("other-employer", false, "the employee had another employer in the year (the reconciliation is refused)")
	correct := fs.Bool("correct", false, "replace the recorded reconciliation of the year")
	dryRun := fs.Bool("dry-run", false, "compute and print without recording anything")
	out := fs.String("out", "", "write the Výpočet daně sheet as a PDF")
	lang := fs.String("lang", "", "the sheet's language: cs or en (default: the employee's)")
	force := fs.Bool("force", false, "replace FILE if it exists")
	return func(args []string) int {
		year, err := strconv.Atoi(strings.TrimSpace(args[1]))
		if err != nil || year < 2000 || year > 2100 {
			return r.usageError(c, fs, "YEAR: %q is not a year such as 2026", args[1])
		}
		in := app.TaxReconciliationInput{Year: year, OtherEmployer: *other}
		d := &in.Deductions
		for _, f := range []struct {
			name string
			v    *int64
		}{{"gifts", &d.Gifts}, {"interest", &d.MortgageInterest}, {"pension", &d.Pension}, {"life", &d.LifeInsurance},
			{"retirement", &d.OtherRetirement}, {"union", &d.UnionDues}, {"exams", &d.ExamFees}} {
			s := strings.TrimSpace(*amounts[f.name])
			if s == "" {
				continue
			}
			m, err := app.ParseMoney(s, "CZK", "")
			if err != nil {
				return r.usageError(c, fs, "--%s: %q is not an amount in Kč such as 24000 or 1234.50", f.name, s)
			}
			*f.v = m.Amount
		}
		if strings.TrimSpace(*payMonth) != "" {
			m, err := app.ParseMonth(strings.TrimSpace(*payMonth))
			if err != nil || m.Month < 1 || m.Month > 12 {
				return r.usageError(c, fs, "--pay-month: %q is not a month such as 2027-03", *payMonth)
			}
			in.PayMonth = m
		}
		l, usage := payLangFlag(*lang)
		if usage != "" {
			return r.usageError(c, fs, "%s", usage)
		}
		dst := ""
		if strings.TrimSpace(*out) != "" {
			if !strings.EqualFold(filepath.Ext(strings.TrimSpace(*out)), ".pdf") {
				return r.usageError(c, fs, "--out: name the file .pdf")
			}
			if dst = absPath(*out); !*force && exists(dst) {
				return r.fail(errExists(dst))
			}
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		return r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			rs, ok := svc.Payroll.(app.TaxReconciliationService)
			if !ok {
				return app.Errorf(app.EINTERNAL, "err.cli.no_reconcile", "this store cannot reconcile the tax", nil)
			}
			e, err := findEmployee(ctx, svc.Payroll, args[0])
			if err != nil {
				return err
			}
			rec, err := rs.ReconcileTax(ctx, e.ID, in, *correct, *dryRun)
			if err != nil {
				return err
			}
			r.reconcileSheet(rec)
			switch {
			case *dryRun:
				r.printf("Dry run of %s's reconciliation of %d: nothing was recorded.\n", printable(e.Name), year)
			case rec.Result.Refund > 0:
				r.printf("Recorded %s's reconciliation of %d: the refund of %s Kč is paid with the pay run of %s.\n", printable(e.Name), year, kcText(rec.Result.Refund), rec.PayMonth.Format())
			default:
				r.printf("Recorded %s's reconciliation of %d: nothing to refund.\n", printable(e.Name), year)
			}
			if dst == "" {
				return nil
			}
			company, err := svc.Company.Company(ctx)
			if err != nil {
				return err
			}
			doc := app.TaxReconciliationPrint{Reconciliation: rec, Employee: e, Lang: app.Lang(l)}
			if err := writeAtomic(dst, *force, true, func(w io.Writer) error { return r.env.Printer.Print(w, doc, company) }); err != nil {
				return err
			}
			r.printf("Wrote the sheet to %s\n", dst)
			return nil
		})
	}
}

// findEmployee is the employee whose ID is arg, or the one employee whose
// name (or birth date) has every word of arg; ENOTFOUND or EINVALID when
// none or several match.
func findEmployee(ctx context.Context, p app.PayrollService, arg string) (app.Employee, error) {
	if e, err := p.Employee(ctx, strings.TrimSpace(arg)); err == nil {
		return e, nil
	}
	emps, err := p.Employees(ctx, app.EmployeeFilter{Search: arg})
	if err != nil {
		return app.Employee{}, err
	}
	switch len(emps) {
	case 0:
		return app.Employee{}, app.Errorf(app.ENOTFOUND, "err.cli.no_employee", "no employee matches “{{.text}}”", map[string]any{"text": arg})
	case 1:
		return emps[0], nil
	}
	names := make([]string, 0, 3)
	for _, e := range emps[:min(3, len(emps))] {
		names = append(names, e.Name)
	}
	return app.Employee{}, app.Invalid("employee", "err.cli.employees_ambiguous", "“{{.text}}” matches {{.n}} employees ({{.names}}…); give more of the name or the ID",
		map[string]any{"text": arg, "n": len(emps), "names": strings.Join(names, ", ")})
}

// reconcileSheet prints the reconciliation's rows, amounts in Kč.
func (r *runner) reconcileSheet(rec app.TaxReconciliation) {
	res := rec.Result
	w := tabwriter.NewWriter(r.env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	line := func(label string, v int64) { fmt.Fprintf(w, "%s\t %s\t\n", label, kcText(v)) }
	line("income", res.Income)
	line("non-taxable parts", res.DeductionsTotal)
	line("tax base", res.Base)
	line("tax", res.Tax)
	line("taxpayer credit", res.TaxpayerCredit)
	if res.DisabilityCredit > 0 {
		line("disability credit", res.DisabilityCredit)
	}
	if res.ChildEntitlement > 0 {
		line("child benefit", res.ChildEntitlement)
		line("  as a credit", res.ChildCredit)
	}
	line("tax due", res.TaxDue)
	line("bonus", res.Bonus)
	line("withheld", res.Withheld)
	line("bonuses paid", res.BonusPaid)
	line("refund", res.Refund)
	if res.Uncollected > 0 {
		line("underpayment (not collected)", res.Uncollected)
	}
	_ = w.Flush()
}
