package app

import (
	"context"
	"strconv"
)

// TaxReconciliation is the recorded roční zúčtování of an employee's year:
// what was entered, what ReconcileTax computed, and which pay run pays the
// refund. One per employee and year; a correction replaces it (Revision
// counts them) until the pay run of its PayMonth is approved for the
// employee, after which it is final.
type TaxReconciliation struct {
	ID         string                  `json:"id"`
	EmployeeID string                  `json:"employee_id"`
	Name       string                  `json:"name"`
	Input      TaxReconciliationInput  `json:"input"`
	Result     TaxReconciliationResult `json:"result"`
	Revision   int                     `json:"revision"` // 1, then 2… for each correction
	Recorded   Date                    `json:"recorded"`
	// PayMonth is Input.RefundMonth(): the pay run of this month carries
	// Result.Refund as a line of the employee's payslip (TaxRefund).
	PayMonth Month `json:"pay_month"`
}

// TaxReconciliationService records reconciliations (payroll role, every
// read and write audited, like PayrollService).
type TaxReconciliationService interface {
	// ReconcileTax computes the reconciliation of employee id's year from
	// the approved payslips and, unless dryRun, records it (refused when one
	// is recorded and correct is false, or when its refund is paid).
	ReconcileTax(ctx context.Context, employeeID string, in TaxReconciliationInput, correct, dryRun bool) (TaxReconciliation, error)
	// TaxReconciliation returns the recorded reconciliation of the
	// employee's year; ENOTFOUND when none.
	TaxReconciliation(ctx context.Context, employeeID string, year int) (TaxReconciliation, error)
}

// AddTaxRefund puts a reconciliation's refund on payslip p: the employer
// pays it from the advances it withholds (342 → 331), so the net pay rises
// and the advance the month remits falls.
func (p *Payslip) AddTaxRefund(refund int64) {
	if refund <= 0 {
		return
	}
	p.TaxRefund += refund
	p.Net += refund
	p.YTD.Net += refund
}

// TaxReconciliationPrint is the "Výpočet daně a daňového zvýhodnění" sheet
// of a reconciliation.
type TaxReconciliationPrint struct {
	Reconciliation TaxReconciliation
	Employee       Employee
	Lang           Lang // overrides Employee.Lang; neither set prints Czech
}

// PrintLang is Lang, else the employee's language, else Czech.
func (t TaxReconciliationPrint) PrintLang() Lang {
	if t.Lang.Valid() {
		return t.Lang
	}
	return langOrCzech(t.Employee.Lang)
}

// PrintName is "Petr Dvořák 2026".
func (t TaxReconciliationPrint) PrintName() string {
	return t.Reconciliation.Name + " " + strconv.Itoa(t.Reconciliation.Input.Year)
}
