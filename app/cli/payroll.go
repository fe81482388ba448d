package cli

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"kontor/app"
)

// "kontor payroll run 2026-11" is the month's pay run from the command
// line (issue 14): the run the payroll clerk entered for the month (its
// draft, computed again), or, when there is none, every employee employed
// in the month at their scheduled hours (app.DefaultPayInputs); computed,
// approved and posted by app.PayrollService, its register printed. With
// --dry-run it only computes and prints: no run is stored and nothing is
// posted (the store keeps just the audit entry of reading payroll data,
// which every read of it leaves).

// Payroll is payroll's commands.
func Payroll() []Command {
	cmds := []Command{{Path: "payroll run", Args: "YYYY-MM [--dry-run] [--db PATH] --user NAME", MinArgs: 1, MaxArgs: 1,
		Summary: "compute the month's pay run (the draft entered for it, or every employee at their scheduled hours), approve it and post it to the ledger, " +
			"printing its register: each employee's gross pay, insurance, tax advance and net pay; --dry-run only computes and prints (payroll or admin)",
		Perm: app.PermPayroll, Order: 98, setup: setupPayrollRun}}
	cmds = append(cmds, reconcileCommand())
	return append(cmds, payrollExportCommands()...)
}

func setupPayrollRun(r *runner, c command, fs *flag.FlagSet, db string) func([]string) int {
	dbp := dbFlag(fs, db)
	user := userFlag(fs)
	dryRun := fs.Bool("dry-run", false, "compute and print the register without storing the run or posting anything")
	return func(args []string) int {
		m, err := app.ParseMonth(args[0])
		if err != nil || m.Month < 1 || m.Month > 12 {
			return r.usageError(c, fs, "YYYY-MM: %q is not a month such as 2026-11", args[0])
		}
		path, err := r.dbPath(*dbp)
		if err != nil {
			return r.fail(err)
		}
		return r.withUser(path, *user, func(ctx context.Context, svc app.Services, _ app.User) error {
			run, err := monthRun(ctx, svc.Payroll, m)
			if err != nil {
				return err
			}
			if *dryRun {
				pv, ok := svc.Payroll.(app.PayRunPreviewer)
				if !ok {
					return app.Errorf(app.EINTERNAL, "err.cli.no_preview", "this store cannot preview a pay run", nil)
				}
				if run, err = pv.PreviewPayRun(ctx, run); err != nil {
					return err
				}
				r.payRegister(run)
				r.printf("Dry run of %s: %s. Nothing was stored or posted.\n", m.Format(), count(len(run.Payslips), "payslip", "payslips"))
				return nil
			}
			if run.ID == "" {
				if run, err = svc.Payroll.SavePayRunDraft(ctx, run); err != nil {
					return err
				}
			}
			if _, err = svc.Payroll.ComputePayRun(ctx, run.ID); err != nil {
				return err
			}
			if run, err = svc.Payroll.ApprovePayRun(ctx, run.ID); err != nil {
				return err
			}
			r.payRegister(run)
			r.printf("Approved pay run %s of %s: %s, posted to the ledger.\n", run.Number, m.Format(), count(len(run.Payslips), "payslip", "payslips"))
			return nil
		})
	}
}

// monthRun is month m's open run (a draft or computed run, the last of
// them), or a new one of every employee employed in m.
func monthRun(ctx context.Context, p app.PayrollService, m app.Month) (app.PayRun, error) {
	runs, err := p.PayRuns(ctx, m.Year)
	if err != nil {
		return app.PayRun{}, err
	}
	var open *app.PayRun
	for i := range runs {
		if runs[i].Month == m && runs[i].Status != app.PayRunApproved {
			open = &runs[i]
		}
	}
	if open != nil {
		return *open, nil
	}
	emps, err := p.Employees(ctx, app.EmployeeFilter{})
	if err != nil {
		return app.PayRun{}, err
	}
	inputs := app.DefaultPayInputs(emps, m)
	if len(inputs) == 0 {
		return app.PayRun{}, app.Invalid("payrun.inputs", "err.cli.payroll_nobody", "nobody is employed in {{.month}}", map[string]any{"month": m.Format()})
	}
	return app.PayRun{Month: m, Inputs: inputs}, nil
}

// payRegister prints the run's register: one line per payslip and the
// totals, amounts in Kč.
func (r *runner) payRegister(run app.PayRun) {
	w := tabwriter.NewWriter(r.env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "employee\t gross\t insurance\t advance\t net\t")
	var g, ins, adv, net int64
	for _, p := range run.Payslips {
		i, a := p.SocialEmployee+p.HealthEmployee, p.TaxAdvance+p.Withholding
		fmt.Fprintf(w, "%s\t %s\t %s\t %s\t %s\t\n", clip(printable(p.Name), 40), kcText(p.Gross), kcText(i), kcText(a), kcText(p.Net))
		g, ins, adv, net = g+p.Gross, ins+i, adv+a, net+p.Net
	}
	fmt.Fprintf(w, "total\t %s\t %s\t %s\t %s\t\n", kcText(g), kcText(ins), kcText(adv), kcText(net))
	_ = w.Flush()
}

// kcText writes haléř as Kč: "36,867.00".
func kcText(v int64) string { return app.FormatMinor(v, 2, app.English) }
