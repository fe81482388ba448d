package pdf

import (
	"io"
	"strconv"
	"strings"
	"time"

	"kontor/app"
)

// The annual account of an employee (mzdový list, § 38j ZDP) and the
// payroll register print as report tables (ReportRenderer: landscape, the
// column header on every page, the totals bold).

// RenderAnnualAccount writes an employee's mzdový list for a year as a PDF:
// who the employee is (a heading row: birth date, address, insurer,
// contract, the declaration, children), a row per month with its pay,
// insurance, tax and net, and the year's totals. The words are the
// employee's language (AnnualAccount.PrintLang).
func RenderAnnualAccount(w io.Writer, a app.AnnualAccount, c app.Company, created time.Time) (err error) {
	defer recoverPanic("rendering the annual account of "+a.PrintName(), &err)
	return ReportRenderer{Created: created}.Report(w, AnnualAccountTable(a), c)
}

// AnnualAccountTable lays out a as a report table in its language.
func AnnualAccountTable(a app.AnnualAccount) app.ReportTable {
	lang := a.PrintLang()
	wd := payslipWordsFor(lang)
	l := labelsFor(lang)
	e := a.Employee
	t := app.ReportTable{Kind: "annual-account", Lang: lang, Title: wd.annual + " " + strconv.Itoa(a.Year), Period: e.Name}
	if y := a.Year; y > 0 {
		t.From, t.To = app.D(y, 1, 1), app.D(y, 12, 31)
	}
	col := func(title string, numeric bool, weight float64) {
		t.Columns = append(t.Columns, app.ReportColumn{Title: title, Numeric: numeric, Weight: weight})
	}
	short := annualCS
	if lang != app.Czech {
		short = annualEN
	}
	col(wd.col, false, 0.7)
	for i, title := range short {
		weight := 1.0
		if i == 3 || i == 4 || i == 12 || i == 13 {
			weight = 1.3 // the insurance columns' long words
		}
		col(title, true, weight)
	}

	// The employee, as a heading row above the months.
	var who []string
	if b, err := app.ParseBirthNumber(e.BirthNumber); err == nil {
		who = append(who, wd.birth+" "+b.Born.Format(lang))
	}
	addr := strings.TrimSpace(strings.Join(nonEmpty(e.Street, strings.TrimSpace(e.Postcode+" "+e.City)), ", "))
	if addr != "" {
		who = append(who, wd.address+" "+addr)
	}
	if e.HealthInsurer != "" {
		who = append(who, wd.insurer+" "+e.HealthInsurer)
	}
	if terms, err := e.TermsOn(app.D(max(a.Year, 1), 12, 31)); err == nil {
		who = append(who, wd.contractName(terms.Contract))
		if n := len(terms.Children); n > 0 {
			who = append(who, wd.children+" "+strconv.Itoa(n))
		}
	} else if len(e.History) > 0 {
		who = append(who, wd.contractName(e.History[0].Contract))
	}
	decl := wd.notDeclared
	if e.Declared(a.Year) {
		decl = wd.declared
	}
	who = append(who, wd.declaration+" "+decl)
	t.Rows = append(t.Rows, app.ReportRow{Cells: []string{e.Name + " · " + strings.Join(who, " · ")}, Heading: true})

	money := func(v int64) string { return app.FormatMinor(v, 2, lang) }
	cells := func(first string, p app.Payslip) []string {
		return []string{first, money(p.Gross), money(p.SickPay), money(p.AssessmentBase), money(p.SocialEmployee),
			money(p.HealthEmployee), money(p.TaxBase), money(p.Credits()), money(p.TaxAdvance), money(p.ChildBonus),
			money(p.Withholding), money(p.Deductions), money(p.Net), money(p.SocialEmployer), money(p.HealthEmployer)}
	}
	for _, p := range a.Payslips {
		t.Rows = append(t.Rows, app.ReportRow{Cells: cells(p.Month.Format(), p)})
	}
	t.Rows = append(t.Rows, app.ReportRow{Cells: cells(wd.total, a.Total()), Total: true})
	tot := a.Total()
	t.Notes = append(t.Notes,
		wd.months+": "+strconv.Itoa(len(a.Payslips))+" · "+wd.employerCost+": "+money(tot.EmployerCost)+" · "+l.currency+": CZK")
	return t
}

// The annual account's column titles, short for fifteen columns.
var (
	annualCS = [...]string{"Hrubá mzda", "Náhrada při nemoci", "Vyměřovací základ", "SP zaměstnanec", "ZP zaměstnanec",
		"Základ daně", "Slevy na dani", "Záloha na daň", "Daňový bonus", "Srážková daň", "Srážky", "Čistá mzda",
		"SP zaměstnavatel", "ZP zaměstnavatel"}
	annualEN = [...]string{"Gross pay", "Sick pay", "Assessment base", "Social (employee)", "Health (employee)",
		"Tax base", "Tax credits", "Tax advance", "Child bonus", "Withholding tax", "Deductions", "Net pay",
		"Social (employer)", "Health (employer)"}
)

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}

// RenderPayrollRegister writes the month's register (app.PayrollRegisterTable)
// as a PDF: landscape, a row per employee and the totals.
func RenderPayrollRegister(w io.Writer, t app.ReportTable, c app.Company, created time.Time) error {
	return ReportRenderer{Created: created}.Report(w, t, c)
}
