package data

import (
	"context"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// The annual tax reconciliation (roční zúčtování) of an employee's year:
// app.ReconcileTax decides from the year's approved payslips; the record
// (one per employee and year, replaced by a correction until its refund is
// paid) names the pay run month that pays the refund, and computeRun puts
// the refund on the employee's payslip of that month.

func reconcileKey(emp string, year int) []byte {
	return cat([]byte(emp), sep, []byte(strconv.Itoa(year)))
}

// readReconciliation returns the record of emp's year; false when none.
func readReconciliation(tx *bolt.Tx, emp string, year int) (app.TaxReconciliation, bool, error) {
	var rec app.TaxReconciliation
	ok, err := getJSON(tx, bTaxReconciliations, reconcileKey(emp, year), &rec)
	return rec, ok, err
}

// yearPayslips are emp's approved payslips of year in month order.
func yearPayslips(tx *bolt.Tx, emp string, year int) ([]app.Payslip, error) {
	var out []app.Payslip
	for mo := time.January; mo <= time.December; mo++ {
		p, _, ok, err := effectivePayslip(tx, emp, app.Month{Year: year, Month: mo})
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, p)
		}
	}
	return out, nil
}

// refundOf is the refund a reconciliation of the year before m has the pay
// run of month m pay employee emp (0 when none).
func refundOf(tx *bolt.Tx, emp string, m app.Month) (int64, error) {
	rec, ok, err := readReconciliation(tx, emp, m.Year-1)
	if err != nil || !ok || rec.PayMonth != m {
		return 0, err
	}
	return rec.Result.Refund, nil
}

// ReconcileTax computes the reconciliation of the employee's year and,
// unless dryRun, records it.
func (s *Store) ReconcileTax(ctx context.Context, employeeID string, in app.TaxReconciliationInput, correct, dryRun bool) (app.TaxReconciliation, error) {
	var out app.TaxReconciliation
	err := s.updateAs(ctx, app.PermPayroll, "reconciling the year's tax", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		e, err := readEmployee(tx, employeeID)
		if err != nil {
			return err
		}
		rules, err := app.RulesFor(in.Year)
		if err != nil {
			return app.WithField(err, "reconcile.year")
		}
		payslips, err := yearPayslips(tx, e.ID, in.Year)
		if err != nil {
			return err
		}
		res, err := app.ReconcileTax(rules, e, payslips, in)
		if err != nil {
			return err
		}
		old, had, err := readReconciliation(tx, e.ID, in.Year)
		if err != nil {
			return err
		}
		if had {
			if _, _, paid, err := effectivePayslip(tx, e.ID, old.PayMonth); err != nil {
				return err
			} else if paid && old.Result.Refund > 0 {
				return app.Errorf(app.ECONFLICT, "err.reconcile.paid", "the reconciliation of {{.year}} was paid with the pay run of {{.month}}; it is final", map[string]any{"year": in.Year, "month": old.PayMonth.Format()})
			}
			if !correct && !dryRun {
				return app.Errorf(app.ECONFLICT, "err.reconcile.exists", "{{.name}}'s tax of {{.year}} is reconciled already; correct it instead", map[string]any{"name": e.Name, "year": in.Year})
			}
		}
		pm := in.RefundMonth()
		if res.Refund > 0 {
			if !e.Employed(pm.Last()) && !e.Employed(pm.First()) {
				return app.Invalid("reconcile.pay_month", "err.reconcile.not_employed", "{{.name}} is not employed in {{.month}}: the refund is paid with that month's pay run", map[string]any{"name": e.Name, "month": pm.Format()})
			}
			if _, _, approved, err := effectivePayslip(tx, e.ID, pm); err != nil {
				return err
			} else if approved {
				return app.Invalid("reconcile.pay_month", "err.reconcile.month_approved", "the pay run of {{.month}} is approved for {{.name}}; choose a later month", map[string]any{"name": e.Name, "month": pm.Format()})
			}
		}
		out = app.TaxReconciliation{ID: old.ID, EmployeeID: e.ID, Name: e.Name, Input: in, Result: res, Revision: old.Revision + 1,
			Recorded: app.DateOf(s.clock.Now()), PayMonth: pm}
		c, err := readCompany(tx)
		if err != nil {
			return err
		}
		args := app.AuditArgs{"name": app.AText(e.Name), "year": app.AInt(in.Year), "refund": app.AMoney(app.M(res.Refund, c.BaseCurrency))}
		if dryRun {
			return a.logKey("read", "tax_reconciliation", e.ID, "audit.reconcile_preview", "{{.name}}, {{.year}}: preview, refund {{.refund}}", args)
		}
		action := "update"
		if !had {
			action, out.ID = "create", app.NewID(s.clock.Now())
		}
		if err := putLogged(tx, bTaxReconciliations, changeTaxReconciliation, reconcileKey(e.ID, in.Year), out); err != nil {
			return err
		}
		return a.logKey(action, "tax_reconciliation", out.ID, "audit.reconcile_saved", "{{.name}}, {{.year}}: refund {{.refund}}", args)
	})
	return out, err
}

// TaxReconciliation returns the recorded reconciliation of the employee's
// year.
func (s *Store) TaxReconciliation(ctx context.Context, employeeID string, year int) (app.TaxReconciliation, error) {
	var out app.TaxReconciliation
	err := s.readPayroll(ctx, "reading the tax reconciliation", func(tx *bolt.Tx, a *auditor) error {
		e, err := readEmployee(tx, employeeID)
		if err != nil {
			return err
		}
		rec, ok, err := readReconciliation(tx, employeeID, year)
		if err != nil {
			return err
		}
		if !ok {
			return errPayrollNotFound("tax reconciliation", e.Name+" "+strconv.Itoa(year))
		}
		out = rec
		return a.logKey("read", "tax_reconciliation", rec.ID, "audit.reconcile_read", "{{.name}}, {{.year}}", app.AuditArgs{"name": app.AText(e.Name), "year": app.AInt(year)})
	})
	return out, err
}
