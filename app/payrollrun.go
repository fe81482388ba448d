package app

import (
	"context"
	"fmt"
)

// The small pieces the store and the command line need around a pay run
// (payrollservice.go): its number, the inputs of a month nobody entered,
// the difference a correcting run posts, and the dry run.

// PayRunNumber is the number of month's pay run, "MZ2026-11", or of its
// n-th correction (n ≥ 1), "MZ2026-11-1".
func PayRunNumber(m Month, n int) string {
	s := fmt.Sprintf("MZ%04d-%02d", m.Year, m.Month)
	if n > 0 {
		s += fmt.Sprintf("-%d", n)
	}
	return s
}

// DefaultPayInputs are the inputs of month m for the employees employed in
// it, as if each worked their schedule: the workdays of their employment in
// the month × their weekly hours ÷ 5 (an agreement without a schedule
// worked no hours). The command line runs a month nobody entered with them.
func DefaultPayInputs(emps []Employee, m Month) []PayInput {
	var out []PayInput
	for _, e := range emps {
		from, to := m.First(), m.Last()
		if e.Start.After(from) {
			from = e.Start
		}
		if !e.End.IsZero() && e.End.Before(to) {
			to = e.End
		}
		if e.Start.IsZero() || to.Before(from) {
			continue
		}
		t, err := e.TermsOn(to)
		if err != nil {
			continue
		}
		hours := Hours(int64(workdays(from, to)) * int64(t.HoursPerWeek) / 5)
		out = append(out, PayInput{EmployeeID: e.ID, Input: MonthInput{Month: m, WorkedHours: hours}})
	}
	return out
}

// Add returns y with o's totals added (sign 1) or taken away (sign −1);
// the year stays y's.
func (y YearToDate) Add(o YearToDate, sign int64) YearToDate {
	y.Months += int(sign) * o.Months
	y.Gross += sign * o.Gross
	y.SocialBase += sign * o.SocialBase
	y.HealthBase += sign * o.HealthBase
	y.SocialEmployee += sign * o.SocialEmployee
	y.SocialEmployer += sign * o.SocialEmployer
	y.HealthEmployee += sign * o.HealthEmployee
	y.HealthEmployer += sign * o.HealthEmployer
	y.TaxAdvance += sign * o.TaxAdvance
	y.Withholding += sign * o.Withholding
	y.ChildBonus += sign * o.ChildBonus
	y.Net += sign * o.Net
	y.Hours += Hours(sign) * o.Hours
	return y
}

// PayslipDifference is what a correcting payslip p changes against the
// payslip it replaces (zero when the employee had none that month): the
// amounts PayrollEntry posts, each p's minus old's, possibly negative.
func PayslipDifference(p, old Payslip) Payslip {
	return Payslip{EmployeeID: p.EmployeeID, Name: p.Name, Month: p.Month, Contract: p.Contract,
		Gross: p.Gross - old.Gross, SocialEmployee: p.SocialEmployee - old.SocialEmployee, HealthEmployee: p.HealthEmployee - old.HealthEmployee,
		SocialEmployer: p.SocialEmployer - old.SocialEmployer, HealthEmployer: p.HealthEmployer - old.HealthEmployer,
		TaxAdvance: p.TaxAdvance - old.TaxAdvance, Withholding: p.Withholding - old.Withholding, ChildBonus: p.ChildBonus - old.ChildBonus,
		TaxRefund: p.TaxRefund - old.TaxRefund, Deductions: p.Deductions - old.Deductions, Net: p.Net - old.Net}
}

// PayRunPreviewer computes a pay run without storing it: the payslips r's
// inputs would get now, as ComputePayRun would compute them. It writes
// nothing but the audit entry of reading the payroll data (kontor payroll
// run --dry-run); the store implements it beside PayrollService.
type PayRunPreviewer interface {
	PreviewPayRun(ctx context.Context, r PayRun) (PayRun, error)
}
