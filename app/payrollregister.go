package app

import (
	"sort"
)

// The payroll register (mzdová rekapitulace) of a month: one row per
// employee with the gross pay, the insurance of employee and employer, the
// tax, the credits, the bonus, the deductions and the net pay, and a row of
// totals. Pure: it takes the month's payslips; one ReportTable feeds the
// screen, the PDF (pdf.ReportRenderer, landscape) and the CSV.

// Report kinds of Payroll.
const (
	ReportPayrollRegister ReportKind = "payroll-register" // the month's register
	ReportPaymentOrder    ReportKind = "payment-order"    // the month's payments (payrollbank.go)
	ReportHealthOverview  ReportKind = "health-overview"  // přehled for one health insurer (payrollreports.go)
	ReportJMHZ            ReportKind = "jmhz"             // the ČSSZ monthly report's data set (payrollreports.go)
)

// PayrollRegisterRow is one employee's line of the register, or the totals.
type PayrollRegisterRow struct {
	EmployeeID string
	Name       string
	Contract   ContractType
	Gross      int64
	// SocialEmployee, HealthEmployee: withheld from the pay;
	// SocialEmployer, HealthEmployer: paid on top of it.
	SocialEmployee, HealthEmployee int64
	SocialEmployer, HealthEmployer int64
	TaxAdvance                     int64 // after credits
	Withholding                    int64 // srážková daň
	Credits                        int64 // taken off the advance (Payslip.Credits)
	ChildBonus                     int64
	Deductions                     int64
	Net                            int64
	EmployerCost                   int64
}

func (r *PayrollRegisterRow) add(o PayrollRegisterRow) {
	r.Gross += o.Gross
	r.SocialEmployee += o.SocialEmployee
	r.HealthEmployee += o.HealthEmployee
	r.SocialEmployer += o.SocialEmployer
	r.HealthEmployer += o.HealthEmployer
	r.TaxAdvance += o.TaxAdvance
	r.Withholding += o.Withholding
	r.Credits += o.Credits
	r.ChildBonus += o.ChildBonus
	r.Deductions += o.Deductions
	r.Net += o.Net
	r.EmployerCost += o.EmployerCost
}

// PayrollRegister returns the register's rows, by name (without case or
// diacritics, then by employee), and their totals.
func PayrollRegister(payslips []Payslip) (rows []PayrollRegisterRow, total PayrollRegisterRow) {
	rows = make([]PayrollRegisterRow, 0, len(payslips))
	for _, p := range payslips {
		row := PayrollRegisterRow{EmployeeID: p.EmployeeID, Name: p.Name, Contract: p.Contract, Gross: p.Gross,
			SocialEmployee: p.SocialEmployee, HealthEmployee: p.HealthEmployee,
			SocialEmployer: p.SocialEmployer, HealthEmployer: p.HealthEmployer,
			TaxAdvance: p.TaxAdvance, Withholding: p.Withholding, Credits: p.Credits(), ChildBonus: p.ChildBonus,
			Deductions: p.Deductions, Net: p.Net, EmployerCost: p.EmployerCost}
		rows = append(rows, row)
		total.add(row)
	}
	sortByName(rows, func(r PayrollRegisterRow) (string, string) { return r.Name, r.EmployeeID })
	return rows, total
}

// sortByName sorts s by the folded name, then by the id.
func sortByName[T any](s []T, key func(T) (name, id string)) {
	folded := make(map[string]string, len(s))
	fold := func(n string) string {
		f, ok := folded[n]
		if !ok {
			f = FoldText(n)
			folded[n] = f
		}
		return f
	}
	sort.SliceStable(s, func(i, j int) bool {
		ni, ii := key(s[i])
		nj, ij := key(s[j])
		if a, b := fold(ni), fold(nj); a != b {
			return a < b
		}
		return ii < ij
	})
}

// payTable lays out one payroll table in the translator's language.
type payTable struct {
	t    Translator
	lang Lang
	r    ReportTable
}

func newPayTable(t Translator, kind ReportKind, key, title string, m Month) *payTable {
	w := &payTable{t: t, lang: English}
	if l, ok := t.(interface{ Lang() Lang }); ok && l.Lang().Valid() {
		w.lang = l.Lang()
	}
	w.r = ReportTable{Kind: kind, Lang: w.lang, Title: w.tr(key, title, nil), From: m.First(), To: m.Last()}
	w.r.Period = m.Format()
	return w
}

func (w *payTable) tr(key, fallback string, args map[string]any) string {
	if w.t == nil {
		return renderTemplate(fallback, args)
	}
	return w.t.Translate(key, fallback, args)
}

func (w *payTable) col(key, fallback string, numeric bool, weight float64) {
	w.r.Columns = append(w.r.Columns, ReportColumn{Title: w.tr(key, fallback, nil), Numeric: numeric, Weight: weight})
}

func (w *payTable) row(cells ...string) { w.r.Rows = append(w.r.Rows, ReportRow{Cells: cells}) }
func (w *payTable) total(cells ...string) {
	w.r.Rows = append(w.r.Rows, ReportRow{Cells: cells, Total: true})
}
func (w *payTable) money(v int64) string { return FormatMinor(v, 2, w.lang) }

// contract names a contract type in the table's language.
func (w *payTable) contract(c ContractType) string {
	switch c {
	case ContractHPP:
		return w.tr("payroll.contract.hpp", "HPP", nil)
	case ContractDPP:
		return w.tr("payroll.contract.dpp", "DPP", nil)
	case ContractDPC:
		return w.tr("payroll.contract.dpc", "DPČ", nil)
	}
	return string(c)
}

// PayrollRegisterTable is the register of month's payslips as a table in
// t's language: a row per employee and the totals.
func PayrollRegisterTable(month Month, payslips []Payslip, t Translator) ReportTable {
	w := newPayTable(t, ReportPayrollRegister, "report.title.payroll_register", "Payroll register", month)
	w.col("payroll.col.employee", "Employee", false, 1.8)
	w.col("payroll.col.contract", "Contract", false, 0.95)
	w.col("payroll.col.gross", "Gross pay", true, 1)
	w.col("payroll.col.social_ee", "Social ins. (employee)", true, 1)
	w.col("payroll.col.health_ee", "Health ins. (employee)", true, 1)
	w.col("payroll.col.advance", "Tax advance", true, 1)
	w.col("payroll.col.withholding", "Withholding tax", true, 1.15)
	w.col("payroll.col.credits", "Tax credits", true, 1)
	w.col("payroll.col.bonus", "Child bonus", true, 1)
	w.col("payroll.col.deductions", "Deductions", true, 1)
	w.col("payroll.col.net", "Net pay", true, 1)
	w.col("payroll.col.social_er", "Social ins. (employer)", true, 1)
	w.col("payroll.col.health_er", "Health ins. (employer)", true, 1)
	rows, tot := PayrollRegister(payslips)
	cells := func(first, contract string, r PayrollRegisterRow) []string {
		return []string{first, contract, w.money(r.Gross), w.money(r.SocialEmployee), w.money(r.HealthEmployee),
			w.money(r.TaxAdvance), w.money(r.Withholding), w.money(r.Credits), w.money(r.ChildBonus),
			w.money(r.Deductions), w.money(r.Net), w.money(r.SocialEmployer), w.money(r.HealthEmployer)}
	}
	for _, r := range rows {
		w.row(cells(r.Name, w.contract(r.Contract), r)...)
	}
	w.total(cells(w.tr("payroll.register.total", "Total, employees: {{.count}}", map[string]any{"count": len(rows)}), "", tot)...)
	w.r.Notes = append(w.r.Notes,
		w.tr("payroll.note.employer_cost", "Cost to the employer (gross pay + employer's insurance): {{.amount}}", map[string]any{"amount": w.money(tot.EmployerCost)}),
		w.tr("report.note.amounts_in", "Amounts in {{.currency}}", map[string]any{"currency": "CZK"}))
	return w.r
}
