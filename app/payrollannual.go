package app

import (
	"math/big"
	"time"
)

// The annual tax reconciliation (roční zúčtování záloh a daňového
// zvýhodnění, § 38ch ZDP) an employee asks the employer for by 15 February:
// the year's tax computed from the year's income, less the non-taxable
// parts the employee documents (§ 15, § 15a), with the year's credits,
// compared with the advances withheld and the bonuses paid month by month.
// An overpayment is refunded with a later pay run; an underpayment is not
// collected (§ 38ch odst. 4 lets only the overpayment be settled).
//
//  1. income = the gross of the year's approved payslips (§ 6 ZDP);
//  2. the non-taxable parts, each within its cap (DeductionCaps);
//  3. base = income − non-taxable parts, rounded DOWN to whole hundreds
//     (§ 16 ZDP: "základ daně snížený o nezdanitelné části … zaokrouhlený
//     na celá sta Kč dolů");
//  4. tax = 15 % up to 36 × the average wage, 23 % above, rounded up to
//     whole Kč (§ 16 ZDP; § 146 daňového řádu);
//  5. the taxpayer credit for the whole year (12 × the monthly one, even
//     for a part of the year), disability credits per month of entitlement;
//     the tax does not go below zero (§ 35ba);
//  6. the child credit per month of entitlement (§ 35c): first as a credit
//     down to zero, the rest as the bonus when the year's income is at
//     least 6 × the minimum wage and the bonus at least MinBonus;
//  7. overpayment = advances withheld − tax due + bonus due − bonuses paid.

// AnnualTaxRules are the year's rules of the reconciliation (as data in
// payrollrules.go).
type AnnualTaxRules struct {
	// HighRateFrom is 36 × the average wage: the year's base above it is
	// taxed at PayrollRules.HighRate (§ 16 ZDP).
	HighRateFrom int64
	// BonusMinIncome is 6 × the minimum wage: the year's income the bonus
	// needs (§ 35c odst. 4 ZDP; [penize-limity]).
	BonusMinIncome int64
	// MinBonus is the least bonus paid for the year, 100 Kč. UNVERIFIED:
	// part A has it unconfirmed (open item 1).
	MinBonus int64
	Caps     DeductionCaps
}

// DeductionCaps are the limits of the non-taxable parts (§ 15, § 15a ZDP
// as amended from 2024 by z. 349/2023; from the law's text as known, not
// from a 2026 source: UNVERIFIED where marked).
type DeductionCaps struct {
	// Gifts count when they exceed GiftsMinPct of the base or are at least
	// GiftsMin, and at most GiftsMaxPct of the base (§ 15 odst. 1; 15 %
	// again from 2024 after 30 % in 2020–2023).
	GiftsMinPct, GiftsMaxPct Rate
	GiftsMin                 int64
	// Interest on a housing loan, at most InterestMax a year per household
	// (§ 15 odst. 3 and 4; for a part of the year 1/12 a month, which the
	// employee's certificate states).
	InterestMax int64
	// Retirement: pension savings (of which the contributions above
	// PensionFree a year count: 12 × 1,700 from 2024, UNVERIFIED), life
	// insurance and the other retirement products together at most
	// RetirementMax (§ 15a; 48,000 together from 2024).
	PensionFree, RetirementMax int64
	// Union dues at most UnionPct of the income and UnionMax (§ 15 odst. 7).
	UnionPct Rate
	UnionMax int64
	// Exam fees of further education (§ 15 odst. 8): 10,000, a disabled
	// person 13,000, a ZTP/P holder 15,000. The mapping of the degrees to
	// the two higher caps is UNVERIFIED.
	ExamMax [3]int64
}

func commonAnnualRules() AnnualTaxRules {
	return AnnualTaxRules{
		MinBonus: kc(100), // UNVERIFIED
		Caps: DeductionCaps{
			GiftsMinPct:   RatePercent(2),
			GiftsMaxPct:   RatePercent(15),
			GiftsMin:      kc(1000),
			InterestMax:   kc(150_000),
			PensionFree:   kc(20_400), // UNVERIFIED
			RetirementMax: kc(48_000),
			UnionPct:      RateMicro(1_500_000), // 1.5 %
			UnionMax:      kc(3000),
			ExamMax:       [3]int64{kc(10_000), kc(13_000), kc(15_000)},
		},
	}
}

// TaxDeductions are the non-taxable parts the employee documents for the
// year, as paid (haléř); ReconcileTax applies the caps.
type TaxDeductions struct {
	Gifts            int64 `json:"gifts,omitempty"`      // bezúplatná plnění (dary)
	MortgageInterest int64 `json:"interest,omitempty"`   // úroky z úvěru na bydlení
	Pension          int64 `json:"pension,omitempty"`    // penzijní připojištění / doplňkové penzijní spoření, contributions paid
	LifeInsurance    int64 `json:"life,omitempty"`       // soukromé životní pojištění
	OtherRetirement  int64 `json:"retirement,omitempty"` // dlouhodobý investiční produkt, pojištění dlouhodobé péče
	UnionDues        int64 `json:"union,omitempty"`      // členské příspěvky odborové organizaci
	ExamFees         int64 `json:"exams,omitempty"`      // úhrada za zkoušky dalšího vzdělávání
}

// TaxReconciliationInput is what the clerk enters for an employee's year.
type TaxReconciliationInput struct {
	Year       int           `json:"year"`
	Deductions TaxDeductions `json:"deductions"`
	// OtherEmployer: the employee had another employer in the year (or
	// income that needs a tax return); the reconciliation is refused.
	OtherEmployer bool `json:"other_employer,omitempty"`
	// PayMonth is the pay run that pays the refund; zero: March of the next
	// year. January to April of the next year (the refund is paid with the
	// April wage at the latest, § 38ch odst. 4).
	PayMonth Month `json:"pay_month"`
}

// TaxReconciliationResult is the computed reconciliation (haléř); the rows
// of the "Výpočet daně a daňového zvýhodnění" sheet.
type TaxReconciliationResult struct {
	Months int   `json:"months"` // approved payslips of the year
	Income int64 `json:"income"` // úhrn zúčtovaných příjmů (§ 6)
	// Allowed are the non-taxable parts after the caps, DeductionsTotal
	// their sum (at most the income).
	Allowed         TaxDeductions `json:"allowed"`
	DeductionsTotal int64         `json:"deductions_total"`
	Base            int64         `json:"base"` // rounded down to hundreds
	Tax             int64         `json:"tax"`  // § 16
	TaxpayerCredit  int64         `json:"taxpayer_credit"`
	// DisabilityCredit is used, DisabilityMonths the months it was due.
	DisabilityCredit int64 `json:"disability_credit"`
	DisabilityMonths int   `json:"disability_months"`
	// ChildMonths are the months with a child claimed, ChildEntitlement the
	// year's child credit, ChildCredit its part used as a credit.
	ChildMonths      int   `json:"child_months"`
	ChildEntitlement int64 `json:"child_entitlement"`
	ChildCredit      int64 `json:"child_credit"`
	TaxDue           int64 `json:"tax_due"` // daň po slevách
	Bonus            int64 `json:"bonus"`   // daňový bonus of the year
	Withheld         int64 `json:"withheld"`
	BonusPaid        int64 `json:"bonus_paid"`
	// Refund is the overpayment paid back (přeplatek); Uncollected the
	// underpayment, which stays with the employee.
	Refund      int64    `json:"refund"`
	Uncollected int64    `json:"uncollected"`
	Notes       []string `json:"notes,omitempty"` // translation keys
}

// ReconcileTax computes the reconciliation of employee e's year from the
// year's approved payslips (one per month, as PayrollService.Payslips
// returns them) and in. It refuses, naming the field: another employer, a
// year without the signed prohlášení, a month of the employment without an
// approved payslip or with tax withheld (srážková daň), a pay month outside
// January–April of the next year, and amounts out of range.
func ReconcileTax(r PayrollRules, e Employee, payslips []Payslip, in TaxReconciliationInput) (TaxReconciliationResult, error) {
	var res TaxReconciliationResult
	if err := checkReconcile(r, e, payslips, in); err != nil {
		return res, err
	}
	a := r.Annual
	res.Months = len(payslips)
	var dis12 int64 // disability credits due month by month
	for _, p := range payslips {
		res.Income += p.Gross
		res.Withheld += p.TaxAdvance
		res.BonusPaid += p.ChildBonus
	}
	for mo := time.January; mo <= time.December; mo++ {
		t := termsOfMonth(e, Month{Year: in.Year, Month: mo})
		if c := childCredit(r, t.Children); c > 0 {
			res.ChildEntitlement += c
			res.ChildMonths++
		}
		if d := disabilityCredit(r, t); d > 0 {
			dis12 += d
			res.DisabilityMonths++
		}
	}

	// Non-taxable parts.
	d, c := in.Deductions, a.Caps
	al := &res.Allowed
	if d.Gifts > 0 && (d.Gifts > pct(res.Income, c.GiftsMinPct) || d.Gifts >= c.GiftsMin) {
		al.Gifts = min(d.Gifts, pct(res.Income, c.GiftsMaxPct))
	} else if d.Gifts > 0 {
		res.Notes = append(res.Notes, "reconcile.note.gifts_below_minimum")
	}
	al.MortgageInterest = min(d.MortgageInterest, c.InterestMax)
	pension := max(d.Pension-c.PensionFree, 0)
	retirement := min(pension+d.LifeInsurance+d.OtherRetirement, c.RetirementMax)
	// The common cap shared in the order of the form: pension, life, other.
	al.Pension = min(pension, retirement)
	al.LifeInsurance = min(d.LifeInsurance, retirement-al.Pension)
	al.OtherRetirement = retirement - al.Pension - al.LifeInsurance
	al.UnionDues = min(d.UnionDues, pct(res.Income, c.UnionPct), c.UnionMax)
	examMax := c.ExamMax[0]
	if t := termsOfMonth(e, Month{Year: in.Year, Month: time.December}); t.ZTPP {
		examMax = c.ExamMax[2]
	} else if t.Disability > 0 {
		examMax = c.ExamMax[1]
	}
	al.ExamFees = min(d.ExamFees, examMax)
	res.DeductionsTotal = min(al.Gifts+al.MortgageInterest+al.Pension+al.LifeInsurance+al.OtherRetirement+al.UnionDues+al.ExamFees, res.Income)

	// Base and tax.
	res.Base = (res.Income - res.DeductionsTotal) / kc(100) * kc(100)
	res.Tax = annualTax(r, res.Base)

	// Credits.
	tax := res.Tax
	res.TaxpayerCredit = min(12*r.TaxpayerCredit, tax)
	tax -= res.TaxpayerCredit
	res.DisabilityCredit = min(dis12, tax)
	tax -= res.DisabilityCredit
	if res.ChildEntitlement <= tax {
		res.ChildCredit = res.ChildEntitlement
		tax -= res.ChildEntitlement
	} else {
		res.ChildCredit = tax
		excess := res.ChildEntitlement - tax
		tax = 0
		switch {
		case res.Income < a.BonusMinIncome:
			res.Notes = append(res.Notes, "reconcile.note.bonus_income")
		case excess < a.MinBonus:
			res.Notes = append(res.Notes, "reconcile.note.bonus_minimum")
		default:
			res.Bonus = excess
		}
	}
	res.TaxDue = tax

	diff := res.Withheld - res.TaxDue + res.Bonus - res.BonusPaid
	if diff > 0 {
		res.Refund = diff
	} else {
		res.Uncollected = -diff
	}
	return res, nil
}

// RefundMonth is in's PayMonth, or March of the next year.
func (in TaxReconciliationInput) RefundMonth() Month {
	if in.PayMonth != (Month{}) {
		return in.PayMonth
	}
	return Month{Year: in.Year + 1, Month: time.March}
}

// checkReconcile refuses what the reconciliation cannot be done for.
func checkReconcile(r PayrollRules, e Employee, payslips []Payslip, in TaxReconciliationInput) error {
	if in.Year != r.Year {
		return Invalid("reconcile.year", "err.payroll.rules_year", "the rules are for {{.year}}, the month is in another year", map[string]any{"year": r.Year})
	}
	var es Errors
	d := in.Deductions
	for _, f := range []struct {
		field string
		v     int64
	}{{"reconcile.gifts", d.Gifts}, {"reconcile.interest", d.MortgageInterest}, {"reconcile.pension", d.Pension},
		{"reconcile.life", d.LifeInsurance}, {"reconcile.retirement", d.OtherRetirement}, {"reconcile.union", d.UnionDues}, {"reconcile.exams", d.ExamFees}} {
		if f.v < 0 || f.v > 1_000_000_000_00 {
			es.Add(Invalid(f.field, "err.payroll.amount", "must be between 0 and 1,000,000,000 Kč", nil))
		}
	}
	if pm := in.RefundMonth(); pm.Year != in.Year+1 || pm.Month < time.January || pm.Month > time.April {
		es.Add(Invalid("reconcile.pay_month", "err.reconcile.pay_month", "the refund is paid with a pay run of January to April {{.year}}", map[string]any{"year": in.Year + 1}))
	}
	if err := es.Err(); err != nil {
		return err
	}
	if in.OtherEmployer {
		return Invalid("reconcile.other_employer", "err.reconcile.other_employer", "{{.name}} had another employer in {{.year}}: the employee files a tax return instead", map[string]any{"name": e.Name, "year": in.Year})
	}
	if !e.Declared(in.Year) {
		return Invalid("reconcile.declaration", "err.reconcile.declaration", "{{.name}} did not sign the prohlášení for {{.year}} with this employer", map[string]any{"name": e.Name, "year": in.Year})
	}
	got := map[time.Month]Payslip{}
	for _, p := range payslips {
		if p.Month.Year != in.Year || p.EmployeeID != e.ID {
			return Invalid("reconcile.year", "err.reconcile.payslips", "the payslips are not {{.name}}'s of {{.year}}", map[string]any{"name": e.Name, "year": in.Year})
		}
		if !p.Declaration || p.Withholding > 0 {
			return Invalid("reconcile.declaration", "err.reconcile.month_undeclared", "{{.name}} had no prohlášení in {{.month}}: that month was taxed by withholding", map[string]any{"name": e.Name, "month": p.Month.Format()})
		}
		got[p.Month.Month] = p
	}
	for mo := time.January; mo <= time.December; mo++ {
		m := Month{Year: in.Year, Month: mo}
		employed := !e.Start.After(m.Last()) && (e.End.IsZero() || !e.End.Before(m.First()))
		// A salary is paid every month of the employment; an hourly
		// agreement has no payslip in a month nobody worked.
		salaried := termsOfMonth(e, m).MonthlySalary > 0
		if _, ok := got[mo]; employed && salaried && !e.Start.IsZero() && !ok {
			return Invalid("reconcile.year", "err.reconcile.month_missing", "{{.month}} has no approved pay run for {{.name}}; approve the year's pay runs first", map[string]any{"name": e.Name, "month": m.Format()})
		}
	}
	if len(payslips) == 0 {
		return Invalid("reconcile.year", "err.reconcile.no_payslips", "{{.name}} has no approved payslip in {{.year}}", map[string]any{"name": e.Name, "year": in.Year})
	}
	return nil
}

// termsOfMonth are the terms the month's credits follow: those of the
// month's last day, as the payslips take them; for a month before the
// employment the first terms, after it the last (the employee's children
// and disability are facts of the whole year, which the employer knows
// from the prohlášení). Zero terms when the employee has none.
func termsOfMonth(e Employee, m Month) EmployeeTerms {
	day := m.Last()
	if day.Before(e.Start) {
		day = e.Start
	}
	if !e.End.IsZero() && day.After(e.End) {
		day = e.End
	}
	t, _ := e.TermsOn(day)
	return t
}

// disabilityCredit is the monthly disability credit of terms t.
func disabilityCredit(r PayrollRules, t EmployeeTerms) int64 {
	var d int64
	switch t.Disability {
	case 1, 2:
		d = r.Disability12Credit
	case 3:
		d = r.Disability3Credit
	}
	if t.ZTPP {
		d += r.ZTPPCredit
	}
	return d
}

// annualTax is 15 % of base up to Annual.HighRateFrom and 23 % above it,
// rounded up to whole Kč.
func annualTax(r PayrollRules, base int64) int64 {
	low, high := base, int64(0)
	if base > r.Annual.HighRateFrom {
		low, high = r.Annual.HighRateFrom, base-r.Annual.HighRateFrom
	}
	num := new(big.Int).Mul(big.NewInt(low), big.NewInt(r.AdvanceRate.Micro()))
	num.Add(num, new(big.Int).Mul(big.NewInt(high), big.NewInt(r.HighRate.Micro())))
	return divRound(num, big.NewInt(100*rateScale*100), Up).Int64() * 100
}

// pct is rate % of amount, rounded down to haléř.
func pct(amount int64, rate Rate) int64 {
	return ratio(amount, rate.Micro(), 100*rateScale, Truncate)
}
