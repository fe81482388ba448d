package app

import (
	"math/big"
	"time"
)

// One employee's pay for one month by the Czech rules (part A, A3 of
// shared/CZECH-PAYROLL-WAREHOUSE-AFTERSALES.md):
//
//  1. gross = pay for the time worked + surcharges + vacation pay + sick pay
//     + bonuses: the taxable income (§ 6 ZDP). Sick pay (náhrada mzdy) is
//     taxed but not insured (§ 5 z. 589/1992), so the assessment base is
//     gross − sick pay.
//  2. social insurance on the base, capped by what is left of the year's
//     maximum base, employee and employer each rounded up to whole Kč;
//  3. health insurance: 13.5 % rounded up to whole Kč, the employee ⅓ of it
//     rounded up, the employer the rest; below the minimum base the
//     employee pays 13.5 % of the shortfall too (HPP only);
//  4. the tax base is gross, rounded up to whole Kč up to 100 Kč, above it
//     up to whole hundreds; the advance 15 % (23 % above the monthly
//     threshold) rounded up to whole Kč;
//  5. with a signed prohlášení, the taxpayer's and disability credits
//     lower the advance to zero at most, the child credit further, and
//     what is left of it is the child bonus (income ≥ ½ minimum wage);
//  6. without one, a DPP below its insurance threshold (and, UNVERIFIED, an
//     uninsured small-scope DPČ) is taxed by 15 % withholding instead,
//     base and tax rounded down to whole Kč;
//  7. net = gross − insurance − tax + bonus − deductions.

// SickSpell is one illness (pracovní neschopnost), its first and last day;
// a spell may start in an earlier month (its days count from From).
type SickSpell struct {
	From Date `json:"from"`
	To   Date `json:"to"`
}

// MonthInput is what the payroll clerk enters for one employee and month.
type MonthInput struct {
	Month Month `json:"month"`
	// WorkedHours are the hours worked within the schedule: the pay of an
	// hourly rate; for a monthly salary they are for the record.
	WorkedHours Hours `json:"worked_hours"`
	// OvertimeHours are worked beyond the schedule, paid at the basic
	// hourly wage plus the overtime surcharge. Night, weekend and holiday
	// hours are hours worked (within WorkedHours or OvertimeHours) that
	// earn a surcharge besides.
	OvertimeHours Hours `json:"overtime_hours,omitempty"`
	NightHours    Hours `json:"night_hours,omitempty"`
	WeekendHours  Hours `json:"weekend_hours,omitempty"`
	HolidayHours  Hours `json:"holiday_hours,omitempty"`
	// VacationHours are paid at AverageHourly (§ 222 ZP) instead of the
	// salary; UnpaidHours are unpaid leave or unexcused absence.
	VacationHours Hours `json:"vacation_hours,omitempty"`
	UnpaidHours   Hours `json:"unpaid_hours,omitempty"`
	// AverageHourly is the average hourly earnings (průměrný výdělek, the
	// previous quarter's, haléř): the base of vacation pay, surcharges and
	// sick pay.
	AverageHourly int64       `json:"average_hourly,omitempty"`
	Sick          []SickSpell `json:"sick,omitempty"`
	// Bonuses (taxed and insured) and Deductions (taken from the net pay:
	// a loan, a garnishment) in haléř.
	Bonuses    int64 `json:"bonuses,omitempty"`
	Deductions int64 `json:"deductions,omitempty"`
	// HealthTopUpByEmployer: the shortfall under the minimum health base is
	// the employer's cause, so the employer pays its premium.
	HealthTopUpByEmployer bool `json:"health_top_up_by_employer,omitempty"`
}

// YearToDate are an employee's running totals of the year, before or after
// a month.
type YearToDate struct {
	Year           int   `json:"year"`
	Months         int   `json:"months"`
	Gross          int64 `json:"gross"`
	SocialBase     int64 `json:"social_base"` // the assessment base counted against SocialMaxBase
	HealthBase     int64 `json:"health_base"`
	SocialEmployee int64 `json:"social_employee"`
	SocialEmployer int64 `json:"social_employer"`
	HealthEmployee int64 `json:"health_employee"`
	HealthEmployer int64 `json:"health_employer"`
	TaxAdvance     int64 `json:"tax_advance"`
	Withholding    int64 `json:"withholding"`
	ChildBonus     int64 `json:"child_bonus"`
	Net            int64 `json:"net"`
	Hours          Hours `json:"hours"` // worked and overtime (the DPP's 300 h)
}

// Payslip is the computed pay of one employee for one month; all amounts
// in haléř.
type Payslip struct {
	EmployeeID string       `json:"employee_id"`
	Name       string       `json:"name"`
	Month      Month        `json:"month"`
	Contract   ContractType `json:"contract"`

	BasePay     int64 `json:"base_pay"`     // salary for the time worked, or rate × hours
	OvertimePay int64 `json:"overtime_pay"` // basic wage of the overtime hours
	Surcharges  int64 `json:"surcharges"`   // overtime, night, weekend and holiday surcharges
	VacationPay int64 `json:"vacation_pay"`
	SickPay     int64 `json:"sick_pay"` // náhrada mzdy, employer's days of illness
	SickHours   Hours `json:"sick_hours"`
	Bonuses     int64 `json:"bonuses"`
	Gross       int64 `json:"gross"`

	Insured        bool  `json:"insured"`     // social and health insurance due this month
	AssessmentBase int64 `json:"assessment"`  // vyměřovací základ: gross − sick pay
	SocialBase     int64 `json:"social_base"` // the part under the year's maximum
	SocialEmployee int64 `json:"social_employee"`
	SocialEmployer int64 `json:"social_employer"`
	HealthBase     int64 `json:"health_base"` // at least the (prorated) minimum base for HPP
	HealthEmployee int64 `json:"health_employee"`
	HealthEmployer int64 `json:"health_employer"`

	Declaration bool `json:"declaration"` // a signed prohlášení for the year
	// TaxBase is the rounded base of the advance or of the withholding.
	TaxBase          int64 `json:"tax_base"`
	AdvanceBefore    int64 `json:"advance_before"` // the advance before credits
	TaxpayerCredit   int64 `json:"taxpayer_credit"`
	DisabilityCredit int64 `json:"disability_credit"`
	ChildCredit      int64 `json:"child_credit"` // the child credit claimed (used + bonus)
	TaxAdvance       int64 `json:"tax_advance"`  // withheld as the advance, after credits
	ChildBonus       int64 `json:"child_bonus"`
	Withholding      int64 `json:"withholding"` // srážková daň instead of an advance
	// TaxRefund is the overpayment of an earlier year's reconciliation
	// (TaxReconciliation) paid with this month: part of Net, posted 342 → 331.
	TaxRefund int64 `json:"tax_refund,omitempty"`

	Deductions   int64 `json:"deductions"`
	Net          int64 `json:"net"`
	EmployerCost int64 `json:"employer_cost"` // gross + employer's insurance

	YTD      YearToDate `json:"ytd"`                // after this month
	Warnings []string   `json:"warnings,omitempty"` // translation keys: pay below the minimum wage of a DPP/DPČ
}

// ComputePayslip computes employee e's pay for in.Month under rules r, with
// ytd the employee's totals of the year before the month (zero in January
// or for a new employee). It refuses, naming the field, a month of another
// year than the rules or the totals, a month outside the employment, hours
// the month cannot hold, pay under the minimum wage for an HPP, and
// missing average earnings.
func ComputePayslip(r PayrollRules, e Employee, in MonthInput, ytd YearToDate) (Payslip, error) {
	m := in.Month
	if m.Year != r.Year {
		return Payslip{}, Invalid("payrun.month", "err.payroll.rules_year", "the rules are for {{.year}}, the month is in another year", map[string]any{"year": r.Year})
	}
	if ytd.Year != 0 && ytd.Year != m.Year || ytd.Months >= 12 {
		return Payslip{}, Invalid("payslip.ytd", "err.payroll.ytd_year", "the year-to-date totals are of another year", nil)
	}
	first, last := m.First(), m.Last()
	from, to := first, last
	if e.Start.After(from) {
		from = e.Start
	}
	if !e.End.IsZero() && e.End.Before(to) {
		to = e.End
	}
	if e.Start.IsZero() || to.Before(from) {
		return Payslip{}, Invalid("payslip.month", "err.payroll.not_employed", "{{.name}} is not employed in {{.month}}", map[string]any{"name": e.Name, "month": m.Format()})
	}
	// The terms of the month's last day of employment decide; a change of
	// salary within the month is paid day by day (termSegments).
	segs, err := e.termSegments(from, to)
	if err != nil {
		return Payslip{}, err
	}
	t := segs[len(segs)-1].terms
	if err := checkMonthInput(r, t, in, ytd, from, to); err != nil {
		return Payslip{}, err
	}
	p := Payslip{EmployeeID: e.ID, Name: e.Name, Month: m, Contract: t.Contract, Declaration: e.Declared(m.Year)}

	// Pay for the time worked.
	missedDays, compDays := sickDays(r, in.Sick, from, to)
	hpw := int64(t.HoursPerWeek)
	p.SickHours = Hours(int64(missedDays) * hpw / 5)
	var basicHourlyNum, basicHourlyDen int64 // the basic hourly wage as a fraction (haléř)
	if t.MonthlySalary > 0 {
		if hpw == 0 { // an agreement's monthly reward, no schedule to prorate by
			p.BasePay = t.MonthlySalary
			basicHourlyNum, basicHourlyDen = 0, 1
		} else {
			// Salary × (hours employed − absences) ÷ the month's hours, in
			// fifths of an hour so a 37.5 h week stays exact. Each segment
			// of terms pays its salary for its workdays less its sick days;
			// vacation and unpaid leave (not dated) are taken off at the
			// last terms.
			full := int64(workdays(first, last)) * hpw
			num := new(big.Int)
			for _, s := range segs {
				missed, _ := sickDays(r, in.Sick, s.from, s.to)
				days := int64(workdays(s.from, s.to) - missed)
				num.Add(num, new(big.Int).Mul(big.NewInt(s.terms.MonthlySalary), big.NewInt(days*hpw)))
			}
			num.Sub(num, new(big.Int).Mul(big.NewInt(t.MonthlySalary), big.NewInt(5*int64(in.VacationHours+in.UnpaidHours))))
			if num.Sign() < 0 {
				num.SetInt64(0)
			}
			p.BasePay = divRound(num, big.NewInt(full), HalfUp).Int64()
			basicHourlyNum, basicHourlyDen = t.MonthlySalary*500, full // per hour: ×5 fifths ×100 hundredths
		}
	} else {
		p.BasePay = ratio(t.HourlyRate, int64(in.WorkedHours), 100, HalfUp)
		basicHourlyNum, basicHourlyDen = t.HourlyRate, 1
	}
	if in.OvertimeHours > 0 {
		if basicHourlyNum == 0 {
			basicHourlyNum, basicHourlyDen = in.AverageHourly, 1
		}
		p.OvertimePay = ratio(basicHourlyNum, int64(in.OvertimeHours), basicHourlyDen*100, HalfUp)
	}
	p.Surcharges = surcharge(in.AverageHourly, in.OvertimeHours, r.OvertimePct) +
		surcharge(in.AverageHourly, in.NightHours, r.NightPct) +
		surcharge(in.AverageHourly, in.WeekendHours, r.WeekendPct) +
		surcharge(in.AverageHourly, in.HolidayHours, r.HolidayPct)
	p.VacationPay = ratio(in.AverageHourly, int64(in.VacationHours), 100, HalfUp)
	p.Bonuses = in.Bonuses

	// Insurance participation rests on the insured income (without sick pay).
	p.AssessmentBase = p.BasePay + p.OvertimePay + p.Surcharges + p.VacationPay + p.Bonuses
	switch t.Contract {
	case ContractHPP:
		p.Insured = true // an HPP of small scope (< SmallScopeFrom agreed) is not modelled
	case ContractDPP:
		p.Insured = p.AssessmentBase >= r.DPPInsuredFrom
	case ContractDPC:
		p.Insured = p.AssessmentBase >= r.SmallScopeFrom
	}
	if p.Insured && compDays > 0 {
		// Sick pay: SickPayRate of the reduced average hourly earnings for
		// each compensated shift (HoursPerWeek ÷ 5 hours).
		reduced := reduceAverage(r, in.AverageHourly)
		num := new(big.Int).Mul(big.NewInt(reduced), big.NewInt(r.SickPayRate.Micro()))
		num.Mul(num, big.NewInt(int64(compDays)*hpw))
		p.SickPay = divRound(num, big.NewInt(100*rateScale*5*100), HalfUp).Int64()
	}
	p.Gross = p.AssessmentBase + p.SickPay
	if !p.Insured {
		p.AssessmentBase = 0
	}

	// Social insurance, capped by what is left of the year's maximum base.
	if p.Insured {
		p.SocialBase = p.AssessmentBase
		if left := r.SocialMaxBase - ytd.SocialBase; p.SocialBase > left {
			p.SocialBase = max(left, 0)
		}
		p.SocialEmployee = upToKc(p.SocialBase, r.SocialEmployee)
		p.SocialEmployer = upToKc(p.SocialBase, r.SocialEmployer)

		// Health insurance: the actual premium split ⅓ / ⅔; below the
		// minimum base (HPP, not state-insured) the premium of the
		// shortfall is added to the employee's share (or the employer's).
		actual := upToKc(p.AssessmentBase, r.HealthTotal)
		p.HealthEmployee = ratio(actual, 1, 300, Up) * 100 // ⅓ up to whole Kč
		p.HealthEmployer = actual - p.HealthEmployee
		p.HealthBase = p.AssessmentBase
		if minBase := minHealthBase(r, t, first, last, from, to, in.Sick); p.AssessmentBase < minBase {
			p.HealthBase = minBase
			total := upToKc(minBase, r.HealthTotal)
			if in.HealthTopUpByEmployer {
				p.HealthEmployer = total - p.HealthEmployee
			} else {
				p.HealthEmployee = total - p.HealthEmployer
			}
		}
	}

	// Tax.
	withhold := !p.Declaration && !p.Insured && (t.Contract == ContractDPP || t.Contract == ContractDPC && r.SmallScopeWithholding)
	if withhold {
		p.TaxBase = ratio(p.Gross, 1, 100, Truncate) * 100
		p.Withholding = ratio(p.TaxBase, r.WithholdingRate.Micro(), 100*rateScale*100, Truncate) * 100
	} else if p.Gross > 0 {
		p.TaxBase = taxBase(p.Gross)
		p.AdvanceBefore = advance(r, p.TaxBase)
		tax := p.AdvanceBefore
		if p.Declaration {
			p.TaxpayerCredit = min(r.TaxpayerCredit, tax)
			tax -= p.TaxpayerCredit
			dis := int64(0)
			switch t.Disability {
			case 1, 2:
				dis = r.Disability12Credit
			case 3:
				dis = r.Disability3Credit
			}
			if t.ZTPP {
				dis += r.ZTPPCredit
			}
			p.DisabilityCredit = min(dis, tax)
			tax -= p.DisabilityCredit
			child := childCredit(r, t.Children)
			if child <= tax {
				tax -= child
				p.ChildCredit = child
			} else {
				excess := child - tax
				p.ChildCredit = tax
				tax = 0
				if p.Gross >= r.BonusMinIncome {
					p.ChildBonus = excess
					p.ChildCredit += excess
				}
			}
		}
		p.TaxAdvance = tax
	}

	p.Deductions = in.Deductions
	net := p.Gross - p.SocialEmployee - p.HealthEmployee - p.TaxAdvance - p.Withholding + p.ChildBonus
	if p.Deductions > max(net, 0) {
		return Payslip{}, Invalid("payslip.deductions", "err.payroll.deductions", "the deductions are more than the net pay", nil)
	}
	p.Net = net - p.Deductions
	if p.Net < 0 {
		// A month of unpaid leave: the employee owes the minimum health
		// premium; 331 keeps it as a debit until they pay.
		p.Warnings = append(p.Warnings, "check.payroll.negative_net")
	}
	p.EmployerCost = p.Gross + p.SocialEmployer + p.HealthEmployer
	if t.Contract != ContractHPP && belowMinimumWage(r, t) {
		p.Warnings = append(p.Warnings, "check.payroll.below_minimum_wage")
	}

	y := ytd
	y.Year = m.Year
	y.Months++
	y.Gross += p.Gross
	y.SocialBase += p.SocialBase
	y.HealthBase += p.HealthBase
	y.SocialEmployee += p.SocialEmployee
	y.SocialEmployer += p.SocialEmployer
	y.HealthEmployee += p.HealthEmployee
	y.HealthEmployer += p.HealthEmployer
	y.TaxAdvance += p.TaxAdvance
	y.Withholding += p.Withholding
	y.ChildBonus += p.ChildBonus
	y.Net += p.Net
	y.Hours += in.WorkedHours + in.OvertimeHours
	p.YTD = y
	return p, nil
}

// termSegment is a run of days of a month under one set of terms.
type termSegment struct {
	from, to Date
	terms    EmployeeTerms
}

// termSegments splits [from, to] at the changes of terms. A change of the
// contract, of salary to an hourly rate or of the weekly hours within a
// month is refused: that month is paid as two employments would be, which
// Kontor does not do (change the terms from the first of a month).
func (e Employee) termSegments(from, to Date) ([]termSegment, error) {
	t, err := e.TermsOn(from)
	if err != nil {
		return nil, WithField(err, "payslip.month")
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	segs := []termSegment{{from, to, t}}
	for _, h := range e.History {
		if !h.From.After(from) || h.From.After(to) {
			continue
		}
		if err := h.Validate(); err != nil {
			return nil, err
		}
		last := &segs[len(segs)-1]
		if h.Contract != last.terms.Contract || (h.MonthlySalary > 0) != (last.terms.MonthlySalary > 0) || h.HoursPerWeek != last.terms.HoursPerWeek {
			return nil, Invalid("payslip.month", "err.payroll.terms_mid_month", "the contract, the kind of pay or the weekly hours change within the month; make such a change from the first of a month", nil)
		}
		last.to = h.From.AddDays(-1)
		segs = append(segs, termSegment{h.From, to, h})
	}
	return segs, nil
}

// checkMonthInput refuses what the month cannot hold.
func checkMonthInput(r PayrollRules, t EmployeeTerms, in MonthInput, ytd YearToDate, from, to Date) error {
	var es Errors
	days := int64(to.Time(time.UTC).Sub(from.Time(time.UTC)).Hours()/24) + 1
	most := Hours(days * 24 * 100)
	for _, h := range []struct {
		field string
		v     Hours
	}{{"payslip.worked_hours", in.WorkedHours}, {"payslip.overtime_hours", in.OvertimeHours}, {"payslip.night_hours", in.NightHours},
		{"payslip.weekend_hours", in.WeekendHours}, {"payslip.holiday_hours", in.HolidayHours}, {"payslip.vacation_hours", in.VacationHours}, {"payslip.unpaid_hours", in.UnpaidHours}} {
		if h.v < 0 || h.v > most {
			es.Add(Invalid(h.field, "err.payroll.hours", "must be between 0 and {{.max}} hours", map[string]any{"max": most.String()}))
		}
	}
	if in.WorkedHours+in.OvertimeHours+in.VacationHours+in.UnpaidHours > most {
		es.Add(Invalid("payslip.worked_hours", "err.payroll.hours_total", "the hours add up to more than the {{.max}} hours of the employment in the month", map[string]any{"max": most.String()}))
	}
	if in.NightHours+in.WeekendHours > 2*(in.WorkedHours+in.OvertimeHours) || in.NightHours > in.WorkedHours+in.OvertimeHours ||
		in.WeekendHours > in.WorkedHours+in.OvertimeHours || in.HolidayHours > in.WorkedHours+in.OvertimeHours {
		es.Add(Invalid("payslip.night_hours", "err.payroll.surcharge_hours", "night, weekend and holiday hours must be among the hours worked", nil))
	}
	if t.Contract == ContractDPP && ytd.Hours+in.WorkedHours+in.OvertimeHours > r.DPPYearHours {
		es.Add(Invalid("payslip.worked_hours", "err.payroll.dpp_hours", "a DPP may be worked at most {{.max}} hours a year", map[string]any{"max": r.DPPYearHours.String()}))
	}
	if t.MonthlySalary == 0 && in.VacationHours+in.UnpaidHours > 0 && t.Contract == ContractDPP {
		es.Add(Invalid("payslip.vacation_hours", "err.payroll.dpp_vacation", "a DPP has no paid or unpaid leave", nil))
	}
	for _, s := range in.Sick {
		if s.From.IsZero() || s.To.IsZero() || s.To.Before(s.From) {
			es.Add(Invalid("payslip.sick", "err.payroll.sick_dates", "an illness needs its first and last day, in order", nil))
		}
	}
	needAvg := in.VacationHours > 0 || in.NightHours > 0 || in.WeekendHours > 0 || in.HolidayHours > 0 || in.OvertimeHours > 0 || len(in.Sick) > 0
	if in.AverageHourly < 0 || needAvg && in.AverageHourly == 0 {
		es.Add(Invalid("payslip.average_hourly", "err.payroll.average_hourly", "enter the average hourly earnings: vacation, sick pay and surcharges are paid from them", nil))
	}
	if in.Bonuses < 0 || in.Bonuses > 1_000_000_000_00 {
		es.Add(Invalid("payslip.bonuses", "err.payroll.amount", "must be between 0 and 1,000,000,000 Kč", nil))
	}
	if in.Deductions < 0 || in.Deductions > 1_000_000_000_00 {
		es.Add(Invalid("payslip.deductions", "err.payroll.amount", "must be between 0 and 1,000,000,000 Kč", nil))
	}
	if t.Contract == ContractHPP && belowMinimumWage(r, t) {
		es.Add(Invalid("terms.pay", "err.payroll.minimum_wage", "the pay is below the minimum wage ({{.month}} Kč a month, {{.hour}} Kč an hour)", map[string]any{"month": FormatMinor(r.MinimumWage, 2, ""), "hour": FormatMinor(r.MinimumWageHourly, 2, "")}))
	}
	return es.Err()
}

// belowMinimumWage: the hourly rate under the hourly minimum wage, or a
// salary under the monthly one prorated to the weekly hours (of 40).
func belowMinimumWage(r PayrollRules, t EmployeeTerms) bool {
	if t.HourlyRate > 0 {
		return t.HourlyRate < r.MinimumWageHourly
	}
	return t.HoursPerWeek > 0 && t.MonthlySalary*int64(HoursOf(40)) < r.MinimumWage*int64(t.HoursPerWeek)
}

// sickDays counts, within [from, to], the workdays (Monday–Friday) of the
// illnesses, and of them those the employer pays sick pay for: days
// SickWaitingDays+1 … SickEmployerDays of each illness.
func sickDays(r PayrollRules, spells []SickSpell, from, to Date) (missed, paid int) {
	for _, s := range spells {
		for d := s.From; !d.After(s.To); d = d.AddDays(1) {
			if d.Before(from) || d.After(to) {
				continue
			}
			if wd := d.Time(time.UTC).Weekday(); wd == time.Saturday || wd == time.Sunday {
				continue
			}
			missed++
			n := int(d.Time(time.UTC).Sub(s.From.Time(time.UTC)).Hours()/24) + 1
			if n > r.SickWaitingDays && n <= r.SickEmployerDays {
				paid++
			}
		}
	}
	return missed, paid
}

// reduceAverage applies the sick-pay reduction thresholds to the average
// hourly earnings, rounded to haléř half up (the rounding of the reduced
// average is not in part A: UNVERIFIED).
func reduceAverage(r PayrollRules, avg int64) int64 {
	th := r.SickHourlyThresholds()
	num := big.NewInt(0)
	lower := int64(0)
	for i, upper := range th {
		part := min(avg, upper) - lower
		if part <= 0 {
			break
		}
		num.Add(num, new(big.Int).Mul(big.NewInt(part), big.NewInt(r.SickReductionPct[i].Micro())))
		lower = upper
	}
	return divRound(num, big.NewInt(100*rateScale), HalfUp).Int64()
}

// minHealthBase is the minimum health base for the month (§ 3 odst. 6
// z. 592/1992): the minimum wage for an HPP, less the calendar days outside
// the employment and of illness. Unpaid leave and unexcused absence do not
// lower it since 2015 (A. Daněk, "Neplacené volno a neomluvená absence z
// pohledu zdravotního pojištění", pamprofi.cz 2020). Exempt (§ 3 odst. 8):
// ZTP and ZTP/P card holders and those the state also insures (A. Daněk,
// dauc.cz 2013). The day-by-day proration and the other contracts having
// none are not in part A: UNVERIFIED.
func minHealthBase(r PayrollRules, t EmployeeTerms, first, last, from, to Date, sick []SickSpell) int64 {
	if t.Contract != ContractHPP || t.StateInsured || t.ZTPP {
		return 0
	}
	days := int64(last.Day())
	counted := int64(0)
	for d := from; !d.After(to); d = d.AddDays(1) {
		ill := false
		for _, s := range sick {
			if !d.Before(s.From) && !d.After(s.To) {
				ill = true
			}
		}
		if !ill {
			counted++
		}
	}
	if counted == days {
		return r.MinHealthBase
	}
	return ratio(r.MinHealthBase, counted, days, HalfUp)
}

// childCredit is the monthly credit for the children claimed.
func childCredit(r PayrollRules, kids []Child) int64 {
	sum := int64(0)
	for _, c := range kids {
		i := min(max(c.Order, 1), 3) - 1
		v := r.ChildCredit[i]
		if c.ZTPP {
			v *= 2
		}
		sum += v
	}
	return sum
}

// taxBase rounds the base of the advance (§ 38h odst. 1 ZDP): up to whole
// Kč up to 100 Kč, above it up to whole hundreds.
func taxBase(gross int64) int64 {
	if gross <= kc(100) {
		return ratio(gross, 1, 100, Up) * 100
	}
	return ratio(gross, 1, 100_00, Up) * 100_00
}

// advance is the tax advance of base (§ 38h odst. 2 ZDP): AdvanceRate of
// the base up to HighRateFrom, HighRate of the rest, rounded up to whole Kč.
func advance(r PayrollRules, base int64) int64 {
	low, high := base, int64(0)
	if base > r.HighRateFrom {
		low, high = r.HighRateFrom, base-r.HighRateFrom
	}
	num := new(big.Int).Mul(big.NewInt(low), big.NewInt(r.AdvanceRate.Micro()))
	num.Add(num, new(big.Int).Mul(big.NewInt(high), big.NewInt(r.HighRate.Micro())))
	return divRound(num, big.NewInt(100*rateScale*100), Up).Int64() * 100
}

// upToKc is rate % of amount rounded up to whole Kč (insurance premiums).
func upToKc(amount int64, rate Rate) int64 {
	num := new(big.Int).Mul(big.NewInt(amount), big.NewInt(rate.Micro()))
	return divRound(num, big.NewInt(100*rateScale*100), Up).Int64() * 100
}

// surcharge is pct % of the average hourly earnings for hours, half up.
func surcharge(avg int64, h Hours, pct Rate) int64 {
	if h == 0 {
		return 0
	}
	num := new(big.Int).Mul(big.NewInt(avg), big.NewInt(int64(h)))
	num.Mul(num, big.NewInt(pct.Micro()))
	return divRound(num, big.NewInt(100*100*rateScale), HalfUp).Int64()
}

// ratio is a × num ÷ den rounded by rnd, exact for any int64 inputs whose
// result fits.
func ratio(a, num, den int64, rnd Rounding) int64 {
	n := new(big.Int).Mul(big.NewInt(a), big.NewInt(num))
	return divRound(n, big.NewInt(den), rnd).Int64()
}
