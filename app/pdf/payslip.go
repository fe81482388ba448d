package pdf

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"

	"kontor/app"
)

// payslipWords are the fixed words of the payroll documents in one
// language: a payslip (výplatní páska) and the annual account (mzdový
// list).
type payslipWords struct {
	payslip, annual, month, year, employee, address, birth, contract, insurer     string
	declaration, declared, notDeclared, children, disability                      string
	earnings, hours, amount, basePay, overtimePay, surcharges, vacation, sick     string
	bonuses, gross, deductions, socialEe, healthEe, taxBase, advanceBefore        string
	taxpayerCredit, disabilityCredit, childCredit, advance, childBonus, withhold  string
	otherDeductions, net, netOwed, paidTo, paidCash, payDay, employer, socialEr   string
	healthEr, employerCost, ytd, months, overtime, night, weekend, holiday, base  string
	notInsured, hpp, dpp, dpc, page, of, ico, sickDays, total, col, insuredIncome string
	warnNegative, warnMinWage, credits, unpaid, taxRefund                         string
}

var payslipCS = payslipWords{
	payslip: "Výplatní páska", annual: "Mzdový list", month: "Období", year: "Rok",
	employee: "Zaměstnanec", address: "Bydliště", birth: "Datum narození", contract: "Pracovní vztah",
	insurer: "Zdravotní pojišťovna", declaration: "Prohlášení poplatníka", declared: "podepsáno",
	notDeclared: "nepodepsáno", children: "Děti (sleva)", disability: "Invalidita",
	earnings: "Hrubá mzda", hours: "Hodiny", amount: "Částka",
	basePay: "Mzda za odpracovanou dobu", overtimePay: "Mzda za práci přesčas",
	surcharges: "Příplatky", vacation: "Náhrada mzdy za dovolenou", sick: "Náhrada mzdy při nemoci",
	bonuses: "Prémie a odměny", gross: "Hrubá mzda celkem", deductions: "Srážky",
	socialEe: "Sociální pojištění zaměstnance", healthEe: "Zdravotní pojištění zaměstnance",
	taxBase: "Základ daně", advanceBefore: "Záloha na daň před slevami",
	taxpayerCredit: "Sleva na poplatníka", disabilityCredit: "Sleva na invaliditu",
	childCredit: "Sleva na děti", advance: "Záloha na daň z příjmů",
	childBonus: "Daňový bonus na děti", withhold: "Srážková daň 15 %",
	otherDeductions: "Ostatní srážky", net: "Čistá mzda k výplatě", netOwed: "Dluh zaměstnance (zdravotní pojištění)",
	paidTo: "Na účet", paidCash: "v hotovosti", payDay: "Den výplaty",
	employer: "Odvody zaměstnavatele", socialEr: "Sociální pojištění zaměstnavatele",
	healthEr: "Zdravotní pojištění zaměstnavatele", employerCost: "Celkové náklady zaměstnavatele",
	ytd: "Od začátku roku", months: "Počet měsíců", overtime: "přesčas", night: "noc",
	weekend: "víkend", holiday: "svátek", base: "základ", notInsured: "Příjem nezakládá účast na pojištění",
	hpp: "pracovní poměr (HPP)", dpp: "dohoda o provedení práce (DPP)", dpc: "dohoda o pracovní činnosti (DPČ)",
	page: "Strana", of: "z", ico: "IČO", sickDays: "dní nemoci", total: "Celkem", col: "Měsíc",
	insuredIncome: "Vyměřovací základ", credits: "Slevy na dani", unpaid: "Neplacené volno",
	warnNegative: "Čistá mzda je záporná: zaměstnanec dluží minimální zdravotní pojištění.",
	warnMinWage:  "Sjednaná odměna je nižší než minimální mzda.",
	taxRefund:    "Přeplatek z ročního zúčtování daně (+)",
}

var payslipEN = payslipWords{
	payslip: "Payslip", annual: "Annual payroll account", month: "Period", year: "Year",
	employee: "Employee", address: "Address", birth: "Date of birth", contract: "Contract",
	insurer: "Health insurer", declaration: "Tax declaration", declared: "signed",
	notDeclared: "not signed", children: "Children (credit)", disability: "Disability",
	earnings: "Gross pay", hours: "Hours", amount: "Amount",
	basePay: "Pay for the time worked", overtimePay: "Overtime pay",
	surcharges: "Surcharges", vacation: "Vacation pay", sick: "Sick pay (employer)",
	bonuses: "Bonuses", gross: "Gross pay total", deductions: "Deductions",
	socialEe: "Social insurance (employee)", healthEe: "Health insurance (employee)",
	taxBase: "Tax base", advanceBefore: "Tax advance before credits",
	taxpayerCredit: "Taxpayer credit", disabilityCredit: "Disability credit",
	childCredit: "Child credit", advance: "Income tax advance",
	childBonus: "Child tax bonus", withhold: "Withholding tax 15 %",
	otherDeductions: "Other deductions", net: "Net pay", netOwed: "Owed by the employee (health insurance)",
	paidTo: "To account", paidCash: "in cash", payDay: "Pay day",
	employer: "Employer contributions", socialEr: "Social insurance (employer)",
	healthEr: "Health insurance (employer)", employerCost: "Total cost to the employer",
	ytd: "Year to date", months: "Months", overtime: "overtime", night: "night",
	weekend: "weekend", holiday: "holiday", base: "base", notInsured: "The income is not insured this month",
	hpp: "employment contract (HPP)", dpp: "agreement to complete a job (DPP)", dpc: "agreement to perform work (DPČ)",
	page: "Page", of: "of", ico: "Reg. No. (IČO)", sickDays: "sick days", total: "Total", col: "Month",
	insuredIncome: "Assessment base", credits: "Tax credits", unpaid: "Unpaid leave",
	warnNegative: "The net pay is negative: the employee owes the minimum health insurance.",
	warnMinWage:  "The agreed pay is below the minimum wage.",
	taxRefund:    "Refund of the annual tax reconciliation (+)",
}

func payslipWordsFor(l app.Lang) *payslipWords {
	if l == app.Czech {
		return &payslipCS
	}
	return &payslipEN
}

func (w *payslipWords) contractName(c app.ContractType) string {
	switch c {
	case app.ContractHPP:
		return w.hpp
	case app.ContractDPP:
		return w.dpp
	case app.ContractDPC:
		return w.dpc
	}
	return string(c)
}

// payslipRows is what a payslip weighs in table rows, for the batch's
// chunks: one page, as much as an invoice of a dozen lines, so a chunk holds
// chunkDocs payslips and the fonts are parsed once for 16 of them.
const payslipRows = 25

// RenderPayslip writes one payslip as a PDF to w.
func RenderPayslip(w io.Writer, p app.PayslipPrint, c app.Company, opt Options) (err error) {
	defer recoverPanic("rendering the payslip of "+p.PrintName(), &err)
	r := newRenderer(opt)
	setInfo(r.f, payslipWordsFor(p.PrintLang()).payslip+" "+p.Payslip.Month.Format(), c.Name, p.Payslip.Name)
	r.drawPayslip(p, c)
	return r.output(w)
}

// RenderPayslips writes many payslips into one PDF, a page each in its
// employee's language, pulling them from next until io.EOF. Like
// RenderBatch it draws a few at a time on several cores and streams them to
// w, so memory stays bounded whatever their number; progress is called
// after each and ctx cancels between them. When it fails w holds a partial
// PDF: write to a temporary file and rename it on success. ErrNoDocuments
// when next yields none.
func RenderPayslips(ctx context.Context, w io.Writer, next func() (app.PayslipPrint, error), c app.Company, opt Options, progress func(done int)) error {
	weigh := func(app.PayslipPrint) int { return payslipRows }
	draw := func(ctx context.Context, ps []app.PayslipPrint) chunkResult {
		r := newRenderer(opt)
		setInfo(r.f, "Kontor", c.Name, "")
		for _, p := range ps {
			if err := ctx.Err(); err != nil {
				return chunkResult{err: cancelled(err)}
			}
			r.drawPayslip(p, c)
			if err := r.f.Error(); err != nil {
				return chunkResult{err: app.Internal("rendering the payslip of "+p.PrintName(), err)}
			}
		}
		var b bytes.Buffer
		if err := r.output(&b); err != nil {
			return chunkResult{err: err}
		}
		return chunkResult{pdf: b.Bytes(), n: len(ps)}
	}
	return streamChunks(ctx, w, next, weigh, draw, progress)
}

// payslipStrings are the texts of a payslip that come from people.
func payslipStrings(p app.PayslipPrint, c app.Company) []string {
	e := p.Employee
	ss := []string{p.Payslip.Name, e.Name, e.Street, e.City, e.Postcode, e.Country, e.BankAccount, e.HealthInsurer,
		c.Name, c.Street, c.City, c.Postcode, c.ICO}
	for _, t := range e.History {
		for _, ch := range t.Children {
			ss = append(ss, ch.Name)
		}
	}
	return ss
}

// companyHead draws the employer's name, address and IČO at the top left,
// and the title with its period at the right; it returns the y below.
func (r *renderer) companyHead(c app.Company, w *payslipWords, title, period string) float64 {
	r.ink(inkText)
	r.fit(right-80, margin, 80, 8, title, "B", 15, "R")
	r.fit(right-80, margin+8, 80, 6, period, "B", 11, "R")
	r.fitCut(margin, margin, contentW-85, 5.5, c.Name, "B", 11, "L")
	y := margin + 6.0
	r.ink(inkLabel)
	addr := strings.TrimSpace(c.Street)
	if city := strings.TrimSpace(strings.TrimSpace(c.Postcode) + " " + strings.TrimSpace(c.City)); city != "" {
		if addr != "" {
			addr += ", "
		}
		addr += city
	}
	if addr != "" {
		r.fitCut(margin, y, contentW-85, 4.5, addr, "", 8.5, "L")
		y += 4.5
	}
	if c.ICO != "" {
		r.fitCut(margin, y, contentW-85, 4.5, w.ico+" "+c.ICO, "", 8.5, "L")
		y += 4.5
	}
	y = max(y, margin+15) + 2
	r.rule(margin, right, y, inkRule, 0.3)
	return y + 3
}

// psLine is a line of a payslip section: a label, a detail (hours, a base,
// a rate) and an amount; bold for a sum.
type psLine struct {
	label, detail, amount string
	bold                  bool
}

// section draws a titled block of lines between x and x+w, the details in
// a column detailW wide before the amounts; it returns the y below it.
func (r *renderer) section(x, y, w, detailW float64, title string, lines []psLine) float64 {
	r.ink(fillHead)
	r.f.Rect(x, y, w, 5.5, "F")
	r.ink(inkText)
	r.fitCut(x+1, y+0.5, w-2, 4.5, title, "B", 9, "L")
	y += 6.5
	amountW := min(38, w*0.35)
	labelW := w - detailW - amountW - 3
	for _, l := range lines {
		style := ""
		if l.bold {
			style = "B"
			r.rule(x, x+w, y-0.4, inkRule, 0.1)
		}
		r.ink(inkText)
		r.fitCut(x+1, y, labelW, 4.4, l.label, style, 8.5, "L")
		if detailW > 0 {
			r.ink(inkLabel)
			r.fitCut(x+1+labelW, y, detailW, 4.4, l.detail, "", 7.5, "R")
		}
		r.ink(inkText)
		r.fitCut(x+w-1-amountW, y, amountW, 4.4, l.amount, style, 8.5, "R")
		y += 4.7
	}
	return y + 2
}

// drawPayslip draws one payslip on a page of its own, footers included.
func (r *renderer) drawPayslip(pp app.PayslipPrint, c app.Company) {
	lang := pp.PrintLang()
	r.opt.Lang = lang
	r.l = labelsFor(lang)
	r.d = app.SalesDoc{Supplier: app.Party{Name: c.Name, ICO: c.ICO}}
	w := payslipWordsFor(lang)
	p, e, in := pp.Payslip, pp.Employee, pp.Input
	r.fam = useFamily(r.f, !coveredAll(payslipStrings(pp, c)...))
	r.f.AddPage()
	r.first = r.f.PageCount()
	money := func(v int64) string { return app.M(v, "CZK").Format(lang) }
	hours := func(h app.Hours) string { return hoursText(h, lang) }
	y := r.companyHead(c, w, w.payslip, w.month+" "+p.Month.Format())

	// The employee.
	name := p.Name
	if name == "" {
		name = e.Name
	}
	r.ink(inkLabel)
	r.font("", 8)
	r.text(margin, y, 60, 4, w.employee, "L")
	r.ink(inkText)
	r.font("B", 11)
	nameLines := r.split(name, contentW)
	if len(nameLines) > 2 {
		nameLines = append(nameLines[:1], nameLines[1]+"…")
	}
	y += 4.5
	for _, s := range nameLines {
		r.fitCut(margin, y, contentW, 5.5, s, "B", 11, "L")
		y += 5.5
	}
	y += 1
	half := contentW/2 - 3
	ly, ry := y, y
	addr := strings.TrimSpace(e.Street)
	if city := strings.TrimSpace(strings.TrimSpace(e.Postcode) + " " + strings.TrimSpace(e.City)); city != "" {
		if addr != "" {
			addr += ", "
		}
		addr += city
	}
	ly = r.kvIn(margin, ly, half, w.address, addr)
	if b, err := app.ParseBirthNumber(e.BirthNumber); err == nil {
		ly = r.kvIn(margin, ly, half, w.birth, b.Born.Format(lang))
	}
	ly = r.kvIn(margin, ly, half, w.contract, w.contractName(p.Contract))
	ins := e.HealthInsurer
	if n, ok := app.HealthInsurers[ins]; ok {
		ins += " " + n
	}
	ry = r.kvIn(margin+half+6, ry, half, w.insurer, ins)
	decl := w.notDeclared
	if p.Declaration {
		decl = w.declared
	}
	ry = r.kvIn(margin+half+6, ry, half, w.declaration, decl)
	if t, err := e.TermsOn(p.Month.Last()); err == nil {
		if len(t.Children) > 0 {
			ry = r.kvIn(margin+half+6, ry, half, w.children, itoaPDF(len(t.Children)))
		}
		if t.Disability > 0 {
			ry = r.kvIn(margin+half+6, ry, half, w.disability, itoaPDF(t.Disability))
		}
	}
	y = max(ly, ry) + 3

	// Earnings.
	var earn []psLine
	add := func(ls *[]psLine, label, detail string, v int64, always bool) {
		if v != 0 || always {
			*ls = append(*ls, psLine{label: label, detail: detail, amount: money(v)})
		}
	}
	add(&earn, w.basePay, hours(in.WorkedHours), p.BasePay, true)
	add(&earn, w.overtimePay, hours(in.OvertimeHours), p.OvertimePay, false)
	if p.Surcharges != 0 {
		var parts []string
		for _, s := range []struct {
			h    app.Hours
			what string
		}{{in.OvertimeHours, w.overtime}, {in.NightHours, w.night}, {in.WeekendHours, w.weekend}, {in.HolidayHours, w.holiday}} {
			if s.h != 0 {
				parts = append(parts, s.what+" "+hours(s.h))
			}
		}
		add(&earn, w.surcharges, strings.Join(parts, ", "), p.Surcharges, false)
	}
	add(&earn, w.vacation, hours(in.VacationHours), p.VacationPay, false)
	add(&earn, w.sick, hours(p.SickHours), p.SickPay, false)
	if in.UnpaidHours != 0 {
		earn = append(earn, psLine{label: w.unpaid, detail: hours(in.UnpaidHours)})
	}
	add(&earn, w.bonuses, "", p.Bonuses, false)
	earn = append(earn, psLine{label: w.gross, amount: money(p.Gross), bold: true})

	// Deductions.
	rules, rerr := app.RulesFor(p.Month.Year)
	pct := func(rate app.Rate) string {
		if rerr != nil {
			return ""
		}
		return rate.Format(lang) + "\u00a0%"
	}
	var ded []psLine
	if p.Insured {
		ded = append(ded, psLine{w.socialEe, w.base + " " + app.FormatMinor(p.SocialBase, 2, lang) + " · " + pct(rules.SocialEmployee), money(p.SocialEmployee), false})
		ded = append(ded, psLine{w.healthEe, w.base + " " + app.FormatMinor(p.HealthBase, 2, lang), money(p.HealthEmployee), false})
	} else {
		ded = append(ded, psLine{label: w.notInsured})
	}
	if p.Withholding != 0 || p.AdvanceBefore == 0 && p.TaxBase != 0 {
		ded = append(ded, psLine{w.withhold, w.base + " " + app.FormatMinor(p.TaxBase, 2, lang), money(p.Withholding), false})
	} else {
		add(&ded, w.advanceBefore, w.base+" "+app.FormatMinor(p.TaxBase, 2, lang), p.AdvanceBefore, true)
		add(&ded, "− "+w.taxpayerCredit, "", p.TaxpayerCredit, false)
		add(&ded, "− "+w.disabilityCredit, "", p.DisabilityCredit, false)
		add(&ded, "− "+w.childCredit, "", p.ChildCredit-p.ChildBonus, false)
		add(&ded, w.advance, "", p.TaxAdvance, true)
	}
	add(&ded, w.childBonus+" (+)", "", p.ChildBonus, false)
	add(&ded, w.taxRefund, "", p.TaxRefund, false)
	add(&ded, w.otherDeductions, "", p.Deductions, false)

	y = r.section(margin, y, contentW, 62, w.earnings, earn)
	y = r.section(margin, y, contentW, 62, w.deductions, ded) + 1

	// Net pay and where it goes.
	r.ink(fillHead)
	r.f.Rect(margin, y, contentW, 11, "F")
	r.ink(inkText)
	netLabel := w.net
	if p.Net < 0 {
		netLabel = w.netOwed
	}
	r.fit(margin+2, y+1, contentW/2, 6, netLabel, "B", 11, "L")
	r.fit(right-72, y+1, 70, 6, money(p.Net), "B", 13, "R")
	dest := ""
	if p.Net > 0 {
		dest = w.paidCash
		if a, err := app.ParseBankAccount(e.BankAccount); err == nil {
			dest = w.paidTo + " " + a.String()
		}
		if !pp.PayDay.IsZero() {
			dest += " · " + w.payDay + " " + pp.PayDay.Format(lang)
		}
	}
	r.ink(inkLabel)
	r.fitCut(margin+2, y+6.5, contentW-76, 4, dest, "", 8, "L")
	y += 15
	for _, key := range p.Warnings {
		msg := ""
		switch key {
		case "check.payroll.negative_net":
			msg = w.warnNegative
		case "check.payroll.below_minimum_wage":
			msg = w.warnMinWage
		}
		if msg != "" {
			r.ink(inkText)
			r.fit(margin, y, contentW, 4.5, "! "+msg, "", 8.5, "L")
			y += 5
		}
	}
	if len(p.Warnings) > 0 {
		y += 2
	}

	// Employer's contributions and the year to date.
	er := []psLine{
		{w.socialEr + " " + pct(rules.SocialEmployer), "", money(p.SocialEmployer), false},
		{w.healthEr, "", money(p.HealthEmployer), false},
		{w.employerCost, "", money(p.EmployerCost), true},
	}
	if !p.Insured {
		er = er[2:]
	}
	ytd := p.YTD
	yl := []psLine{{w.months, "", strconv.Itoa(ytd.Months), false}}
	if ytd.Hours != 0 {
		yl = append(yl, psLine{w.hours, "", hours(ytd.Hours), false})
	}
	yl = append(yl, psLine{w.gross, "", money(ytd.Gross), false})
	add(&yl, w.socialEe, "", ytd.SocialEmployee, false)
	add(&yl, w.healthEe, "", ytd.HealthEmployee, false)
	add(&yl, w.advance, "", ytd.TaxAdvance, ytd.Withholding == 0)
	add(&yl, w.withhold, "", ytd.Withholding, false)
	add(&yl, w.childBonus, "", ytd.ChildBonus, false)
	add(&yl, w.socialEr, "", ytd.SocialEmployer, false)
	add(&yl, w.healthEr, "", ytd.HealthEmployer, false)
	yl = append(yl, psLine{w.net, "", money(ytd.Net), true})
	half = contentW/2 - 2
	r.section(margin, y, half, 0, w.employer, er)
	r.section(margin+half+4, y, half, 0, w.ytd+" "+strconv.Itoa(ytd.Year), yl)
	r.footers()
}

// kvIn is kv within w mm: the label above a third of it, the value beside.
func (r *renderer) kvIn(x, y, w float64, label, value string) float64 {
	if strings.TrimSpace(value) == "" {
		return y
	}
	lw := w * 0.4
	r.ink(inkLabel)
	r.fit(x, y, lw-1, 4.5, label, "", 8, "L")
	r.ink(inkText)
	r.fitCut(x+lw, y, w-lw, 4.5, value, "", 8.5, "L")
	return y + 4.8
}

// hoursText writes hours as "1 848 h", "7,5 h" (Czech) or "1,848 h",
// "7.5 h"; zero is blank.
func hoursText(h app.Hours, lang app.Lang) string {
	if h == 0 {
		return ""
	}
	s := app.FormatMinor(int64(h), 2, lang)
	if n := len(s); n > 3 && s[n-2:] == "00" {
		s = s[:n-3]
	} else if s[n-1] == '0' {
		s = s[:n-1]
	}
	return s + "\u00a0h"
}

func itoaPDF(n int) string { return strconv.Itoa(n) }

// fitCut is fit for texts of any length: shrunk down to 6.5 pt, and what
// still does not fit is cut with "…" (a 200-character address on one line).
func (r *renderer) fitCut(x, y, w, h float64, s, style string, size float64, align string) {
	s = oneLine(s)
	r.font(style, size)
	for size > 6.5 && textWidth(r.f, s) > w {
		size -= 0.5
		r.font(style, size)
	}
	if textWidth(r.f, s) > w {
		rs := []rune(s)
		lo, hi := 0, len(rs)
		for lo < hi { // the longest prefix that fits with the ellipsis
			mid := (lo + hi + 1) / 2
			if textWidth(r.f, string(rs[:mid])+"…") <= w {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		s = string(rs[:lo]) + "…"
	}
	r.text(x, y, w, h, s, align)
}
