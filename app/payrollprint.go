package app

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// The printable documents of Payroll (issue 14, item 4 and 5): a payslip
// and an employee's annual account (mzdový list). They carry the computed
// payslips as they are; the PDF maker (app/pdf) only lays them out.

// PayslipPrint is one employee's payslip of one month as printed: the
// computed Payslip, the employee (name, address, insurer, the account the
// net pay goes to, the payslip's language) and, when known, the month's
// inputs, whose hours the earnings lines show.
type PayslipPrint struct {
	Payslip  Payslip
	Employee Employee
	Input    MonthInput // zero when not known: the lines show no hours
	// PayDay is the day the net pay is sent; zero prints none.
	PayDay Date
	// Lang overrides Employee.Lang; neither set prints Czech.
	Lang Lang
}

// PrintLang is Lang, else the employee's language, else Czech.
func (p PayslipPrint) PrintLang() Lang {
	if p.Lang.Valid() {
		return p.Lang
	}
	return langOrCzech(p.Employee.Lang)
}

// PrintName is "Petr Dvořák 11/2026".
func (p PayslipPrint) PrintName() string { return p.Payslip.Name + " " + p.Payslip.Month.Format() }

// Credits are the tax credits taken off the advance this month: the
// taxpayer's, the disability and the child credit, without the part of
// the child credit paid out as the bonus.
func (p Payslip) Credits() int64 {
	return p.TaxpayerCredit + p.DisabilityCredit + p.ChildCredit - p.ChildBonus
}

// NetPaid is what the employer sends the employee: the net pay, never
// below zero (a negative net is owed by the employee, see ComputePayslip).
func (p Payslip) NetPaid() int64 { return max(p.Net, 0) }

// AnnualAccount is an employee's mzdový list for a year: the approved
// payslips month by month (in month order, one per month) and their sums.
type AnnualAccount struct {
	Employee Employee
	Year     int
	Payslips []Payslip
	Lang     Lang // overrides Employee.Lang; neither set prints Czech
}

// PrintLang is Lang, else the employee's language, else Czech.
func (a AnnualAccount) PrintLang() Lang {
	if a.Lang.Valid() {
		return a.Lang
	}
	return langOrCzech(a.Employee.Lang)
}

// PrintName is "Petr Dvořák 2026".
func (a AnnualAccount) PrintName() string { return a.Employee.Name + " " + strconv.Itoa(a.Year) }

// Total sums the account's payslips into one Payslip of the year: every
// amount and the sick hours summed, the month of the last payslip, the
// flags of any month (insured, declaration).
func (a AnnualAccount) Total() Payslip {
	var t Payslip
	for _, p := range a.Payslips {
		t.Month = p.Month
		t.BasePay += p.BasePay
		t.OvertimePay += p.OvertimePay
		t.Surcharges += p.Surcharges
		t.VacationPay += p.VacationPay
		t.SickPay += p.SickPay
		t.SickHours += p.SickHours
		t.Bonuses += p.Bonuses
		t.Gross += p.Gross
		t.Insured = t.Insured || p.Insured
		t.AssessmentBase += p.AssessmentBase
		t.SocialBase += p.SocialBase
		t.SocialEmployee += p.SocialEmployee
		t.SocialEmployer += p.SocialEmployer
		t.HealthBase += p.HealthBase
		t.HealthEmployee += p.HealthEmployee
		t.HealthEmployer += p.HealthEmployer
		t.Declaration = t.Declaration || p.Declaration
		t.TaxBase += p.TaxBase
		t.AdvanceBefore += p.AdvanceBefore
		t.TaxpayerCredit += p.TaxpayerCredit
		t.DisabilityCredit += p.DisabilityCredit
		t.ChildCredit += p.ChildCredit
		t.TaxAdvance += p.TaxAdvance
		t.ChildBonus += p.ChildBonus
		t.Withholding += p.Withholding
		t.Deductions += p.Deductions
		t.Net += p.Net
		t.EmployerCost += p.EmployerCost
	}
	return t
}

// PayslipFileNames names each payslip's file for a folder of payslips
// (`kontor export payslips --out DIR`): "2026-11_" and the employee's name
// made safe with a short ID (StatementFileName), the whole ID where two
// short names would collide case-insensitively.
func PayslipFileNames(payslips []Payslip) []string {
	used := map[string]bool{}
	out := make([]string, len(payslips))
	for i, p := range payslips {
		prefix := fmt.Sprintf("%04d-%02d_", p.Month.Year, int(p.Month.Month))
		person := p.Name
		if strings.IndexFunc(person, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
			person = "employee"
		}
		name := prefix + StatementFileName(person, p.EmployeeID, false)
		if used[strings.ToLower(name)] {
			name = prefix + StatementFileName(person, p.EmployeeID, true)
		}
		used[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}
