package app

import (
	"sort"
)

// The monthly reports of Payroll to the insurers (issue 14, item 4), as data
// sets: pure tables of a month's payslips, written as CSV.
//
// Health insurers: each gets a "Přehled o platbě pojistného" for the month
// by the 20th of the following month (part A, A6; [vzp-prehled]); the
// health insurers are not part of JMHZ ([forvis-jmhz]). Part A names no
// fields of the přehled; the table carries what the premium rests on (the
// number of employees insured with the insurer, the sum of their assessment
// bases, the employees' and the employer's premium and their total). The
// insurers take the přehled electronically in their own formats (the
// portals' XML or the "datové rozhraní" of the insurers' association),
// which are not in part A: CSV only.
//
// ČSSZ: from 2026 the employer's monthly report is JMHZ (jednotné měsíční
// hlášení zaměstnavatele, z. 323/2025): one XML report, 1st–20th of the
// following month, with a summary, an insurance and an individual part
// (part A, A6; [pohoda-search]). Its XML schema is published by ČSSZ but was
// not at hand, so Kontor writes the data set as CSV: JMHZTable (one row per
// employee, the individual part) and JMHZSummaryTable (the insurance and
// summary parts). The XML would need besides: the employer's variable
// symbol assigned by ČSSZ and the code of its OSSZ; each employee's OIČ
// (the identifier of the new registry, from 1 July 2026;
// [podnikatel-reg]) or birth number; the code of the kind of employment
// (druh činnosti) and its start and end; the days excluded from the
// insurance (sickness, unpaid leave); the hours worked and agreed; and,
// from 2027, the tax data the tax office takes from it ([forvis-jmhz]).
// UNVERIFIED beyond what part A says.

// HealthOverviewRow is one insurer's line of the month.
type HealthOverviewRow struct {
	Insurer        string // code
	Name           string
	Employees      int   // insured with it this month
	Base           int64 // Σ HealthBase (vyměřovací základ, with the minimum base)
	Employee       int64 // Σ HealthEmployee
	Employer       int64 // Σ HealthEmployer
	Total          int64 // Employee + Employer: what the order pays
	AggregateTotal int64 // 13.5 % of Base rounded up to whole Kč (UNVERIFIED: the insurer's own sum)
}

// HealthOverview sums the insured payslips by the employee's insurer, by
// code. Payslips of employees not in employees are refused.
func HealthOverview(payslips []Payslip, employees map[string]Employee) ([]HealthOverviewRow, error) {
	rules := map[int]PayrollRules{}
	by := map[string]*HealthOverviewRow{}
	for _, p := range payslips {
		if !p.Insured {
			continue
		}
		e, ok := employees[p.EmployeeID]
		if !ok {
			return nil, Invalid("payment.employee", "err.payment.no_employee", "no employee record for the payslip of {{.name}}", map[string]any{"name": p.Name})
		}
		if _, ok := rules[p.Month.Year]; !ok {
			r, err := RulesFor(p.Month.Year)
			if err != nil {
				return nil, err
			}
			rules[p.Month.Year] = r
		}
		row := by[e.HealthInsurer]
		if row == nil {
			row = &HealthOverviewRow{Insurer: e.HealthInsurer, Name: HealthInsurers[e.HealthInsurer]}
			by[e.HealthInsurer] = row
		}
		row.Employees++
		row.Base += p.HealthBase
		row.Employee += p.HealthEmployee
		row.Employer += p.HealthEmployer
		row.Total += p.HealthEmployee + p.HealthEmployer
	}
	out := make([]HealthOverviewRow, 0, len(by))
	for _, r := range by {
		out = append(out, *r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Insurer < out[j].Insurer })
	for i := range out {
		for _, r := range rules { // one year in a month's run
			out[i].AggregateTotal = upToKc(out[i].Base, r.HealthTotal)
		}
	}
	return out, nil
}

// HealthOverviewTable is the month's overview for the health insurers, a
// row per insurer and the total, in t's language; ico identifies the
// employer (the insurers' own employer number is UNVERIFIED).
func HealthOverviewTable(month Month, payslips []Payslip, employees map[string]Employee, ico string, t Translator) (ReportTable, error) {
	rows, err := HealthOverview(payslips, employees)
	if err != nil {
		return ReportTable{}, err
	}
	w := newPayTable(t, ReportHealthOverview, "report.title.health_overview", "Health insurance overview (přehled)", month)
	w.col("health.col.insurer", "Insurer", false, 0.6)
	w.col("health.col.name", "Name", false, 2.2)
	w.col("health.col.employer", "Employer (IČO)", false, 1)
	w.col("health.col.month", "Month", false, 0.7)
	w.col("health.col.employees", "Employees", true, 0.7)
	w.col("health.col.base", "Assessment bases", true, 1.1)
	w.col("health.col.employee", "Employees' premium", true, 1)
	w.col("health.col.employer_premium", "Employer's premium", true, 1)
	w.col("health.col.total", "Premium total", true, 1)
	w.col("health.col.aggregate", "13.5 % of the bases", true, 1)
	var tot HealthOverviewRow
	for _, r := range rows {
		w.row(r.Insurer, r.Name, ico, month.Format(), FormatMinor(int64(r.Employees), 0, w.lang), w.money(r.Base),
			w.money(r.Employee), w.money(r.Employer), w.money(r.Total), w.money(r.AggregateTotal))
		tot.Employees += r.Employees
		tot.Base += r.Base
		tot.Employee += r.Employee
		tot.Employer += r.Employer
		tot.Total += r.Total
		tot.AggregateTotal += r.AggregateTotal
	}
	w.total(w.tr("payroll.total", "Total", nil), "", "", "", FormatMinor(int64(tot.Employees), 0, w.lang), w.money(tot.Base),
		w.money(tot.Employee), w.money(tot.Employer), w.money(tot.Total), w.money(tot.AggregateTotal))
	w.r.Notes = append(w.r.Notes, w.tr("health.note.aggregate",
		"The last column is 13.5 % of the sum of the bases rounded up once; the insurer may ask for it instead of the sum of the employees' premiums (unverified).", nil))
	return w.r, nil
}

// JMHZRow is one employee's line of the ČSSZ monthly report's data set.
type JMHZRow struct {
	EmployeeID     string
	Name           string
	BirthNumber    string // as typed; the XML wants the OIČ from July 2026
	Contract       ContractType
	Insured        bool  // participates in the sickness and pension insurance this month
	Gross          int64 // the income
	AssessmentBase int64 // vyměřovací základ (without sick pay)
	SocialBase     int64 // its part under the year's maximum
	SocialEmployee int64
	SocialEmployer int64
	SickPay        int64 // náhrada mzdy (not insured)
	SickHours      Hours
	Hours          Hours // worked and overtime, from the month's input
	Start, End     Date  // the employment
}

// JMHZRows are the month's rows by name; inputs (by employee, may be nil)
// give the hours.
func JMHZRows(payslips []Payslip, employees map[string]Employee, inputs map[string]MonthInput) ([]JMHZRow, error) {
	out := make([]JMHZRow, 0, len(payslips))
	for _, p := range payslips {
		e, ok := employees[p.EmployeeID]
		if !ok {
			return nil, Invalid("payment.employee", "err.payment.no_employee", "no employee record for the payslip of {{.name}}", map[string]any{"name": p.Name})
		}
		in := inputs[p.EmployeeID]
		out = append(out, JMHZRow{EmployeeID: p.EmployeeID, Name: p.Name, BirthNumber: e.BirthNumber, Contract: p.Contract,
			Insured: p.Insured, Gross: p.Gross, AssessmentBase: p.AssessmentBase, SocialBase: p.SocialBase,
			SocialEmployee: p.SocialEmployee, SocialEmployer: p.SocialEmployer, SickPay: p.SickPay, SickHours: p.SickHours,
			Hours: in.WorkedHours + in.OvertimeHours, Start: e.Start, End: e.End})
	}
	sortByName(out, func(r JMHZRow) (string, string) { return r.Name, r.EmployeeID })
	return out, nil
}

// JMHZTable is the individual part of the month's data set in t's language.
func JMHZTable(month Month, payslips []Payslip, employees map[string]Employee, inputs map[string]MonthInput, t Translator) (ReportTable, error) {
	rows, err := JMHZRows(payslips, employees, inputs)
	if err != nil {
		return ReportTable{}, err
	}
	w := newPayTable(t, ReportJMHZ, "report.title.jmhz", "Monthly employer report (JMHZ) – employees", month)
	w.col("payroll.col.employee", "Employee", false, 2)
	w.col("jmhz.col.birth_number", "Birth number", false, 1)
	w.col("payroll.col.contract", "Contract", false, 0.6)
	w.col("jmhz.col.start", "Employed from", false, 0.9)
	w.col("jmhz.col.end", "Employed until", false, 0.9)
	w.col("jmhz.col.insured", "Insured", false, 0.6)
	w.col("payroll.col.gross", "Gross pay", true, 1)
	w.col("jmhz.col.assessment", "Assessment base", true, 1)
	w.col("jmhz.col.social_base", "Base under the maximum", true, 1)
	w.col("payroll.col.social_ee", "Social ins. (employee)", true, 1)
	w.col("payroll.col.social_er", "Social ins. (employer)", true, 1)
	w.col("jmhz.col.sick_pay", "Sick pay", true, 1)
	w.col("jmhz.col.sick_hours", "Sick hours", true, 0.7)
	w.col("jmhz.col.hours", "Hours worked", true, 0.7)
	yes, no := w.tr("payroll.yes", "yes", nil), w.tr("payroll.no", "no", nil)
	date := func(d Date) string {
		if d.IsZero() {
			return ""
		}
		return d.Format(w.lang)
	}
	var tot JMHZRow
	for _, r := range rows {
		ins := no
		if r.Insured {
			ins = yes
		}
		w.row(r.Name, r.BirthNumber, w.contract(r.Contract), date(r.Start), date(r.End), ins, w.money(r.Gross),
			w.money(r.AssessmentBase), w.money(r.SocialBase), w.money(r.SocialEmployee), w.money(r.SocialEmployer),
			w.money(r.SickPay), FormatMinor(int64(r.SickHours), 2, w.lang), FormatMinor(int64(r.Hours), 2, w.lang))
		tot.Gross += r.Gross
		tot.AssessmentBase += r.AssessmentBase
		tot.SocialBase += r.SocialBase
		tot.SocialEmployee += r.SocialEmployee
		tot.SocialEmployer += r.SocialEmployer
		tot.SickPay += r.SickPay
		tot.SickHours += r.SickHours
		tot.Hours += r.Hours
	}
	w.total(w.tr("payroll.total", "Total", nil), "", "", "", "", "", w.money(tot.Gross), w.money(tot.AssessmentBase),
		w.money(tot.SocialBase), w.money(tot.SocialEmployee), w.money(tot.SocialEmployer), w.money(tot.SickPay),
		FormatMinor(int64(tot.SickHours), 2, w.lang), FormatMinor(int64(tot.Hours), 2, w.lang))
	return w.r, nil
}

// JMHZSummary is the insurance part of the month: the insured employees,
// the sum of their bases under the maximum and the premiums.
type JMHZSummary struct {
	Insured           int
	Base              int64 // Σ SocialBase
	Employee          int64 // Σ SocialEmployee
	Employer          int64 // Σ SocialEmployer
	EmployerAggregate int64 // 24.8 % of Base rounded up once (UNVERIFIED: ČSSZ's own sum)
	Total             int64 // Employee + Employer: what the order pays
}

// JMHZSummarize sums the month's payslips.
func JMHZSummarize(month Month, payslips []Payslip) (JMHZSummary, error) {
	r, err := RulesFor(month.Year)
	if err != nil {
		return JMHZSummary{}, err
	}
	var s JMHZSummary
	for _, p := range payslips {
		if p.Insured {
			s.Insured++
		}
		s.Base += p.SocialBase
		s.Employee += p.SocialEmployee
		s.Employer += p.SocialEmployer
	}
	s.Total = s.Employee + s.Employer
	s.EmployerAggregate = upToKc(s.Base, r.SocialEmployer)
	return s, nil
}

// JMHZSummaryTable is the summary as a two-column table.
func JMHZSummaryTable(month Month, payslips []Payslip, ico string, t Translator) (ReportTable, error) {
	s, err := JMHZSummarize(month, payslips)
	if err != nil {
		return ReportTable{}, err
	}
	w := newPayTable(t, ReportJMHZ, "report.title.jmhz_summary", "Monthly employer report (JMHZ) – summary", month)
	w.col("jmhz.col.item", "Item", false, 3)
	w.col("jmhz.col.value", "Value", true, 1)
	w.row(w.tr("jmhz.row.ico", "Employer (IČO)", nil), ico)
	w.row(w.tr("jmhz.row.month", "Month", nil), month.Format())
	w.row(w.tr("jmhz.row.insured", "Insured employees", nil), FormatMinor(int64(s.Insured), 0, w.lang))
	w.row(w.tr("jmhz.row.base", "Sum of the assessment bases", nil), w.money(s.Base))
	w.row(w.tr("jmhz.row.employee", "Employees' premium (7.1 %)", nil), w.money(s.Employee))
	w.row(w.tr("jmhz.row.employer", "Employer's premium (24.8 %)", nil), w.money(s.Employer))
	w.row(w.tr("jmhz.row.employer_aggregate", "24.8 % of the sum of the bases, rounded up once (unverified)", nil), w.money(s.EmployerAggregate))
	w.total(w.tr("jmhz.row.total", "Premium to pay", nil), w.money(s.Total))
	return w.r, nil
}
