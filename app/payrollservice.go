package app

import "context"

// PayRunStatus is where a pay run is: entered, computed, approved (posted
// and locked).
type PayRunStatus string

// Pay run statuses.
const (
	PayRunDraft    PayRunStatus = "draft"    // inputs entered, nothing computed or computed then changed
	PayRunComputed PayRunStatus = "computed" // payslips computed, waiting for review
	PayRunApproved PayRunStatus = "approved" // posted in one transaction with the payslips; locked
)

// PayInput is one employee's month in a pay run.
type PayInput struct {
	EmployeeID string     `json:"employee_id"`
	Input      MonthInput `json:"input"`
}

// PayRun is one month's payroll: the inputs per employee, the payslips
// computed from them, and once approved the entry it posted. A correcting
// run (Corrects = the approved run's ID) carries the whole corrected month
// of the employees it names; its payslips post the difference against the
// originals', which stay as they were: an approved run is never edited.
type PayRun struct {
	ID       string       `json:"id"`
	Branch   string       `json:"branch"`
	Number   string       `json:"number"` // "MZ2026-11", a correction "MZ2026-11-1"
	Month    Month        `json:"month"`
	Status   PayRunStatus `json:"status"`
	Corrects string       `json:"corrects,omitempty"`
	Inputs   []PayInput   `json:"inputs"`
	Payslips []Payslip    `json:"payslips,omitempty"`
	EntryID  string       `json:"entry_id,omitempty"`
	Approved Date         `json:"approved,omitempty"`
}

// EmployeeFilter narrows the employee list: each word of Search in the name
// or the birth number's date; Active on a day (zero: all).
type EmployeeFilter struct {
	Search   string
	ActiveOn Date
}

// PayrollService is Payroll (issue 14) for the store to implement. Every
// call needs PermPayroll (the payroll role or admin); every read of an
// employee, a pay run or a payslip is audited, as every write is. Errors
// are *Error: EINVALID naming the field, ENOTFOUND, ECONFLICT for a state
// the call does not fit, EUNAUTHORIZED; a refused call writes nothing.
type PayrollService interface {
	// Employee returns one employee with the whole history of terms;
	// Employees lists them by name.
	Employee(ctx context.Context, id string) (Employee, error)
	Employees(ctx context.Context, f EmployeeFilter) ([]Employee, error)
	// SaveEmployee creates (empty ID) or updates an employee after
	// Normalize and Validate. An update may change the personal data, the
	// declarations and the end of the employment, and add terms from a day
	// after the last approved pay run's month; terms in force in an
	// approved month are never changed or removed (ECONFLICT): a new salary
	// is new terms from a date (Employee.WithTerms).
	SaveEmployee(ctx context.Context, e Employee) (Employee, error)
	// DeleteEmployee removes an employee no pay run has named; ECONFLICT
	// otherwise (end the employment instead).
	DeleteEmployee(ctx context.Context, id string) error

	// PayRun returns a run; PayRuns lists the runs of a year by month and
	// number.
	PayRun(ctx context.Context, id string) (PayRun, error)
	PayRuns(ctx context.Context, year int) ([]PayRun, error)
	// SavePayRunDraft creates (empty ID) or replaces a draft's or computed
	// run's inputs (it goes back to draft). Refused: a month without
	// RulesFor, a locked accounting period, a second non-correcting run of
	// a month that has one, an employee not employed in the month.
	SavePayRunDraft(ctx context.Context, r PayRun) (PayRun, error)
	DeletePayRunDraft(ctx context.Context, id string) error
	// ComputePayRun computes each input's payslip (ComputePayslip with the
	// employee's year-to-date of the approved runs before) and stores them:
	// status computed. It refuses naming the employee and field.
	ComputePayRun(ctx context.Context, id string) (PayRun, error)
	// ApprovePayRun posts a computed run (PayrollEntry, dated the month's
	// last day) and locks it, in one transaction.
	ApprovePayRun(ctx context.Context, id string) (PayRun, error)
	// CorrectingPayRun starts a draft correcting approved run id, its
	// inputs copied for the clerk to change.
	CorrectingPayRun(ctx context.Context, id string) (PayRun, error)

	// Payslips returns an employee's approved payslips of a year in month
	// order (a correction's in place of what it corrected).
	Payslips(ctx context.Context, employeeID string, year int) ([]Payslip, error)
	// YearToDate is an employee's totals of the approved months of year
	// before month (the ytd ComputePayslip takes).
	YearToDate(ctx context.Context, employeeID string, before Month) (YearToDate, error)
}
