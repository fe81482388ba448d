package app

import (
	"strings"
	"testing"
	"time"
)

// Every expected figure below is worked by hand in its comment from the
// rules of part A (shared/CZECH-PAYROLL-WAREHOUSE-AFTERSALES.md), never
// taken from the code under test. Amounts are haléř; kc(n) is n Kč.
//
// November 2026 starts on a Sunday: workdays 2–6, 9–13, 16–20, 23–27 and 30,
// 21 days, 168 hours at 40 h a week (17 November counts: a salary pays it).

var nov2026 = Month{2026, 11}

func employee(contract ContractType, salary, rate int64, week Hours, declared bool, kids ...Child) Employee {
	e := Employee{ID: "e1", Name: "Petr Dvořák", BirthNumber: "850315/1239", Street: "Krátká 1", City: "Praha",
		HealthInsurer: "111", BankAccount: "19-2000145399/0800", Start: D(2025, 1, 1),
		History: []EmployeeTerms{{From: D(2025, 1, 1), Contract: contract, MonthlySalary: salary, HourlyRate: rate, HoursPerWeek: week, Children: kids}}}
	if declared {
		e.Declarations = []int{2025, 2026}
	}
	return e
}

func mustRules(t *testing.T, year int) PayrollRules {
	t.Helper()
	r, err := RulesFor(year)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// payslipWant are the figures a case checks (all of them, zero included).
type payslipWant struct {
	gross, socialEe, socialEr, healthEe, healthEr, taxBase, advance, withholding, bonus, net int64
	insured                                                                                  bool
}

func checkPayslip(t *testing.T, name string, p Payslip, w payslipWant) {
	t.Helper()
	got := payslipWant{p.Gross, p.SocialEmployee, p.SocialEmployer, p.HealthEmployee, p.HealthEmployer, p.TaxBase, p.TaxAdvance, p.Withholding, p.ChildBonus, p.Net, p.Insured}
	if got != w {
		t.Errorf("%s:\n got %+v\nwant %+v", name, got, w)
	}
	if p.EmployerCost != p.Gross+p.SocialEmployer+p.HealthEmployer {
		t.Errorf("%s: employer cost %d is not gross + employer's insurance", name, p.EmployerCost)
	}
}

// The worked example of part A, A4: 2026, gross 45,000, HPP, prohlášení
// signed, one child.
//
//	social, employee  7.1 % × 45,000 = 3,195 (exactly; in floats 3,194.999…)
//	health total     13.5 % × 45,000 = 6,075; employee ⅓ = 2,025, employer 4,050
//	tax base         45,000 (already whole hundreds)
//	advance          15 % × 45,000 = 6,750 − 2,570 taxpayer − 1,267 first child = 2,913
//	net              45,000 − 3,195 − 2,025 − 2,913 = 36,867
//	social, employer 24.8 % × 45,000 = 11,160
//	employer cost    45,000 + 11,160 + 4,050 = 60,210
//
// 2025 gives the same (same rates and credits, 45,000 is under both
// thresholds).
func TestWorkedExample(t *testing.T) {
	for _, year := range []int{2026, 2025} {
		r := mustRules(t, year)
		e := employee(ContractHPP, kc(45_000), 0, HoursOf(40), true, Child{Name: "Tomáš", Order: 1})
		p, err := ComputePayslip(r, e, MonthInput{Month: Month{year, 11}, WorkedHours: HoursOf(168)}, YearToDate{})
		if err != nil {
			t.Fatal(err)
		}
		checkPayslip(t, "worked example", p, payslipWant{
			gross: kc(45_000), socialEe: kc(3_195), socialEr: kc(11_160), healthEe: kc(2_025), healthEr: kc(4_050),
			taxBase: kc(45_000), advance: kc(2_913), net: kc(36_867), insured: true})
		if p.AdvanceBefore != kc(6_750) || p.TaxpayerCredit != kc(2_570) || p.ChildCredit != kc(1_267) {
			t.Errorf("%d: advance %d, credits %d + %d; want 6,750, 2,570, 1,267", year, p.AdvanceBefore, p.TaxpayerCredit, p.ChildCredit)
		}
		if p.EmployerCost != kc(60_210) {
			t.Errorf("%d: employer cost %d, want 60,210", year, p.EmployerCost)
		}
		// Paid to ČSSZ 3,195 + 11,160 = 14,355; to the insurer 6,075; to the tax office 2,913.
		if p.SocialEmployee+p.SocialEmployer != kc(14_355) || p.HealthEmployee+p.HealthEmployer != kc(6_075) {
			t.Errorf("%d: remittances %d / %d", year, p.SocialEmployee+p.SocialEmployer, p.HealthEmployee+p.HealthEmployer)
		}
		if p.YTD.Year != year || p.YTD.Months != 1 || p.YTD.Gross != kc(45_000) || p.YTD.Net != kc(36_867) || p.YTD.SocialBase != kc(45_000) || p.YTD.TaxAdvance != kc(2_913) {
			t.Errorf("%d: YTD %+v", year, p.YTD)
		}
	}
}

func TestPayslipTable(t *testing.T) {
	r := mustRules(t, 2026)
	for _, tt := range []struct {
		name string
		e    Employee
		in   MonthInput
		want payslipWant
	}{
		{
			// DPP below 12,000 without prohlášení: not insured; 15 % withholding,
			// base down to whole Kč: 200 × 59.5 h = 11,900 → 1,785; net 11,900 − 1,785 = 10,115.
			name: "DPP 11,900 unsigned",
			e:    employee(ContractDPP, 0, kc(200), 0, false),
			in:   MonthInput{Month: nov2026, WorkedHours: 5950},
			want: payslipWant{gross: kc(11_900), taxBase: kc(11_900), withholding: kc(1_785), net: kc(10_115)},
		},
		{
			// Just below: 199.99 × 60 h = 11,999.40 < 12,000. Base down to 11,999;
			// 15 % = 1,799.85 → down 1,799; net 11,999.40 − 1,799 = 10,200.40.
			name: "DPP 11,999.40 unsigned",
			e:    employee(ContractDPP, 0, 199_99, 0, false),
			in:   MonthInput{Month: nov2026, WorkedHours: HoursOf(60)},
			want: payslipWant{gross: 11_999_40, taxBase: kc(11_999), withholding: kc(1_799), net: 10_200_40},
		},
		{
			// Just at the threshold: 200 × 60 h = 12,000 is insured. Social 7.1 % = 852,
			// employer 24.8 % = 2,976; health 13.5 % = 1,620: 540 / 1,080 (no minimum
			// base for a DPP). Unsigned: an advance without credits, 15 % × 12,000 = 1,800.
			// Net 12,000 − 852 − 540 − 1,800 = 8,808.
			name: "DPP 12,000 unsigned",
			e:    employee(ContractDPP, 0, kc(200), 0, false),
			in:   MonthInput{Month: nov2026, WorkedHours: HoursOf(60)},
			want: payslipWant{gross: kc(12_000), socialEe: kc(852), socialEr: kc(2_976), healthEe: kc(540), healthEr: kc(1_080),
				taxBase: kc(12_000), advance: kc(1_800), net: kc(8_808), insured: true},
		},
		{
			// DPP below the threshold with a prohlášení: an advance 15 % × 11,900 = 1,785,
			// the taxpayer credit 2,570 takes it to 0; net = gross.
			name: "DPP 11,900 signed",
			e:    employee(ContractDPP, 0, kc(200), 0, true),
			in:   MonthInput{Month: nov2026, WorkedHours: 5950},
			want: payslipWant{gross: kc(11_900), taxBase: kc(11_900), net: kc(11_900)},
		},
		{
			// DPČ 250 × 80 h = 20,000 ≥ 4,500: insured. Social 1,420 / 4,960; health
			// 2,700: 900 / 1,800. Advance 3,000 − 2,570 = 430. Net 20,000 − 1,420 − 900 − 430 = 17,250.
			name: "DPČ 20,000 signed",
			e:    employee(ContractDPC, 0, kc(250), HoursOf(20), true),
			in:   MonthInput{Month: nov2026, WorkedHours: HoursOf(80)},
			want: payslipWant{gross: kc(20_000), socialEe: kc(1_420), socialEr: kc(4_960), healthEe: kc(900), healthEr: kc(1_800),
				taxBase: kc(20_000), advance: kc(430), net: kc(17_250), insured: true},
		},
		{
			// DPČ of small scope: 250 × 16 h = 4,000 < 4,500, not insured; unsigned: 15 %
			// withholding (rule UNVERIFIED, see PayrollRules) = 600; net 3,400.
			name: "DPČ 4,000 unsigned",
			e:    employee(ContractDPC, 0, kc(250), HoursOf(10), false),
			in:   MonthInput{Month: nov2026, WorkedHours: HoursOf(16)},
			want: payslipWant{gross: kc(4_000), taxBase: kc(4_000), withholding: kc(600), net: kc(3_400)},
		},
		{
			// Part-time HPP, 30 h a week, 18,000 (above 22,400 × 30/40 = 16,800). Social
			// 7.1 % = 1,278, employer 4,464. Health on 18,000 = 2,430: employee ⅓ = 810,
			// employer 1,620; below the minimum base 22,400 the premium is 13.5 % × 22,400
			// = 3,024, the employee pays 3,024 − 1,620 = 1,404. Advance 2,700 − 2,570 = 130.
			// Net 18,000 − 1,278 − 1,404 − 130 = 15,188.
			name: "part-time HPP under the minimum health base",
			e:    employee(ContractHPP, kc(18_000), 0, HoursOf(30), true),
			in:   MonthInput{Month: nov2026, WorkedHours: HoursOf(126)},
			want: payslipWant{gross: kc(18_000), socialEe: kc(1_278), socialEr: kc(4_464), healthEe: kc(1_404), healthEr: kc(1_620),
				taxBase: kc(18_000), advance: kc(130), net: kc(15_188), insured: true},
		},
		{
			// Two children and the bonus: 25,000. Social 1,775 / 6,200; health 3,375:
			// 1,125 / 2,250. Advance 3,750 − 2,570 = 1,180; child credit 1,267 + 1,860 =
			// 3,127 > 1,180: tax 0, bonus 3,127 − 1,180 = 1,947 (25,000 ≥ 11,200).
			// Net 25,000 − 1,775 − 1,125 + 1,947 = 24,047.
			name: "two children with bonus",
			e:    employee(ContractHPP, kc(25_000), 0, HoursOf(40), true, Child{Order: 1}, Child{Order: 2}),
			in:   MonthInput{Month: nov2026, WorkedHours: HoursOf(168)},
			want: payslipWant{gross: kc(25_000), socialEe: kc(1_775), socialEr: kc(6_200), healthEe: kc(1_125), healthEr: kc(2_250),
				taxBase: kc(25_000), bonus: kc(1_947), net: kc(24_047), insured: true},
		},
		{
			// A ZTP/P child doubles the credit: 2 × 1,267 = 2,534 against 3,750 − 2,570
			// = 1,180: bonus 1,354. Net 25,000 − 1,775 − 1,125 + 1,354 = 24,454.
			name: "ZTP/P child",
			e:    employee(ContractHPP, kc(25_000), 0, HoursOf(40), true, Child{Order: 1, ZTPP: true}),
			in:   MonthInput{Month: nov2026, WorkedHours: HoursOf(168)},
			want: payslipWant{gross: kc(25_000), socialEe: kc(1_775), socialEr: kc(6_200), healthEe: kc(1_125), healthEr: kc(2_250),
				taxBase: kc(25_000), bonus: kc(1_354), net: kc(23_454), insured: true},
		},
		{
			// Income under ½ minimum wage, no bonus: a DPP of 10,000 (signed, not insured):
			// advance 1,500, taxpayer credit takes it all, the child's 1,267 is not paid
			// out (10,000 < 11,200). Net 10,000.
			name: "child bonus refused under 11,200",
			e:    employee(ContractDPP, 0, kc(200), 0, true, Child{Order: 1}),
			in:   MonthInput{Month: nov2026, WorkedHours: HoursOf(50)},
			want: payslipWant{gross: kc(10_000), taxBase: kc(10_000), net: kc(10_000)},
		},
		{
			// The 23 % band: 200,000, signed, no children. Social 14,200 / 49,600; health
			// 27,000: 9,000 / 18,000. Advance 15 % × 146,901 = 22,035.15 plus 23 % ×
			// 53,099 = 12,212.77: 34,247.92 → 34,248; − 2,570 = 31,678.
			// Net 200,000 − 14,200 − 9,000 − 31,678 = 145,122.
			name: "23 % band",
			e:    employee(ContractHPP, kc(200_000), 0, HoursOf(40), true),
			in:   MonthInput{Month: nov2026, WorkedHours: HoursOf(168)},
			want: payslipWant{gross: kc(200_000), socialEe: kc(14_200), socialEr: kc(49_600), healthEe: kc(9_000), healthEr: kc(18_000),
				taxBase: kc(200_000), advance: kc(31_678), net: kc(145_122), insured: true},
		},
		{
			// Tax base rounding: 30,050.50 → up to whole hundreds 30,100; advance 4,515 −
			// 2,570 = 1,945. Social 7.1 % × 30,050.50 = 2,133.5855 → 2,134; employer
			// 24.8 % = 7,452.524 → 7,453; health 13.5 % = 4,056.8175 → 4,057: employee
			// ⌈1,352.33⌉ = 1,353, employer 2,704. Net 30,050.50 − 2,134 − 1,353 − 1,945 = 24,618.50.
			name: "rounding to hundreds",
			e:    employee(ContractHPP, 30_050_50, 0, HoursOf(40), true),
			in:   MonthInput{Month: nov2026, WorkedHours: HoursOf(168)},
			want: payslipWant{gross: 30_050_50, socialEe: kc(2_134), socialEr: kc(7_453), healthEe: kc(1_353), healthEr: kc(2_704),
				taxBase: kc(30_100), advance: kc(1_945), net: 24_618_50, insured: true},
		},
		{
			// A small tax base is rounded up to whole Kč only: DPP 150 × 0.5 h = 75 Kč,
			// signed: base 75, advance 15 % = 11.25 → 12, the credit takes it. Net 75.
			name: "base under 100 Kč",
			e:    employee(ContractDPP, 0, kc(150), 0, true),
			in:   MonthInput{Month: nov2026, WorkedHours: 50},
			want: payslipWant{gross: kc(75), taxBase: kc(75), net: kc(75)},
		},
		{
			// Starts on Monday 16 November 2026: workdays 16–20, 23–27, 30 = 11 of 21.
			// Salary 45,000 × 11/21 = 23,571.428… → 23,571.43. Social 7.1 % = 1,673.57…
			// → 1,674; employer 24.8 % = 5,845.71… → 5,846. Health 13.5 % = 3,182.14… →
			// 3,183: employee ⌈1,061⌉ = 1,061, employer 2,122; minimum base for 15 of 30
			// days = 11,200, exceeded. Base 23,600, advance 3,540 − 2,570 = 970.
			// Net 23,571.43 − 1,674 − 1,061 − 970 = 19,866.43.
			name: "starts mid-month",
			e: func() Employee {
				e := employee(ContractHPP, kc(45_000), 0, HoursOf(40), true)
				e.Start, e.History[0].From = D(2026, 11, 16), D(2026, 11, 16)
				return e
			}(),
			in: MonthInput{Month: nov2026, WorkedHours: HoursOf(88)},
			want: payslipWant{gross: 23_571_43, socialEe: kc(1_674), socialEr: kc(5_846), healthEe: kc(1_061), healthEr: kc(2_122),
				taxBase: kc(23_600), advance: kc(970), net: 19_866_43, insured: true},
		},
		{
			// Deductions come off the net: the worked example less a 1,000 Kč loan
			// instalment = 35,867.
			name: "deduction",
			e:    employee(ContractHPP, kc(45_000), 0, HoursOf(40), true, Child{Order: 1}),
			in:   MonthInput{Month: nov2026, WorkedHours: HoursOf(168), Deductions: kc(1_000)},
			want: payslipWant{gross: kc(45_000), socialEe: kc(3_195), socialEr: kc(11_160), healthEe: kc(2_025), healthEr: kc(4_050),
				taxBase: kc(45_000), advance: kc(2_913), net: kc(35_867), insured: true},
		},
	} {
		p, err := ComputePayslip(r, tt.e, tt.in, YearToDate{})
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		checkPayslip(t, tt.name, p, tt.want)
	}
}

// Surcharges and vacation are paid from the average hourly earnings.
func TestSurchargesAndVacation(t *testing.T) {
	r := mustRules(t, 2026)
	// Hourly 200 Kč, 160 h + 10 h overtime; 20 h at night, 8 h on a Saturday,
	// 8 h on a holiday; average 210 Kč an hour.
	//   base      200 × 160          = 32,000
	//   overtime  200 × 10           =  2,000
	//   surcharge 25 % × 210 × 10    =    525
	//             10 % × 210 × 20    =    420
	//             10 % × 210 × 8     =    168
	//            100 % × 210 × 8     =  1,680   together 2,793
	//   gross                          36,793
	e := employee(ContractHPP, 0, kc(200), HoursOf(40), true)
	p, err := ComputePayslip(r, e, MonthInput{Month: nov2026, WorkedHours: HoursOf(160), OvertimeHours: HoursOf(10), NightHours: HoursOf(20),
		WeekendHours: HoursOf(8), HolidayHours: HoursOf(8), AverageHourly: kc(210)}, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	if p.BasePay != kc(32_000) || p.OvertimePay != kc(2_000) || p.Surcharges != kc(2_793) || p.Gross != kc(36_793) {
		t.Errorf("base %d overtime %d surcharges %d gross %d", p.BasePay, p.OvertimePay, p.Surcharges, p.Gross)
	}

	// Salary 45,000, 16 h of vacation at an average of 280 Kč: salary for
	// 152 of 168 h = 45,000 × 152/168 = 40,714.2857… → 40,714.29; vacation
	// 280 × 16 = 4,480; gross 45,194.29. Overtime 4 h at the salary's hourly
	// 45,000/168 = 267.857… × 4 = 1,071.43 plus 25 % × 280 × 4 = 280.
	e = employee(ContractHPP, kc(45_000), 0, HoursOf(40), true)
	p, err = ComputePayslip(r, e, MonthInput{Month: nov2026, WorkedHours: HoursOf(152), VacationHours: HoursOf(16), OvertimeHours: HoursOf(4), AverageHourly: kc(280)}, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	if p.BasePay != 40_714_29 || p.VacationPay != kc(4_480) || p.OvertimePay != 1_071_43 || p.Surcharges != kc(280) || p.Gross != 40_714_29+kc(4_480)+1_071_43+kc(280) {
		t.Errorf("base %d vacation %d overtime %d surcharges %d gross %d", p.BasePay, p.VacationPay, p.OvertimePay, p.Surcharges, p.Gross)
	}
}

// The social insurance cap: 250,000 a month reaches 2,350,416 in October.
func TestSocialCapReachedInOctober(t *testing.T) {
	r := mustRules(t, 2026)
	e := employee(ContractHPP, kc(250_000), 0, HoursOf(40), true)
	// Hours worked per month (Monday–Friday × 8) do not change a salary's pay.
	ytd := YearToDate{}
	var slips []Payslip
	for m := 1; m <= 11; m++ {
		month := Month{2026, timeMonth(m)}
		p, err := ComputePayslip(r, e, MonthInput{Month: month, WorkedHours: Hours(workdays(month.First(), month.Last()) * 800)}, ytd)
		if err != nil {
			t.Fatal(err)
		}
		slips = append(slips, p)
		ytd = p.YTD
	}
	// January–September: 7.1 % × 250,000 = 17,750; employer 24.8 % = 62,000;
	// after September the base counted is 9 × 250,000 = 2,250,000.
	if slips[8].SocialEmployee != kc(17_750) || slips[8].SocialEmployer != kc(62_000) || slips[8].YTD.SocialBase != kc(2_250_000) {
		t.Errorf("September: %d / %d, YTD base %d", slips[8].SocialEmployee, slips[8].SocialEmployer, slips[8].YTD.SocialBase)
	}
	// October: 2,350,416 − 2,250,000 = 100,416 left. 7.1 % = 7,129.536 → 7,130;
	// 24.8 % = 24,903.168 → 24,904. Health has no cap: 33,750 → 11,250 / 22,500.
	// Advance 15 % × 146,901 = 22,035.15 + 23 % × 103,099 = 23,712.77 →
	// 45,747.92 → 45,748 − 2,570 = 43,178. Net 250,000 − 7,130 − 11,250 − 43,178 = 188,442.
	checkPayslip(t, "October", slips[9], payslipWant{gross: kc(250_000), socialEe: kc(7_130), socialEr: kc(24_904), healthEe: kc(11_250), healthEr: kc(22_500),
		taxBase: kc(250_000), advance: kc(43_178), net: kc(188_442), insured: true})
	// November: nothing left; net 250,000 − 11,250 − 43,178 = 195,572.
	checkPayslip(t, "November", slips[10], payslipWant{gross: kc(250_000), healthEe: kc(11_250), healthEr: kc(22_500),
		taxBase: kc(250_000), advance: kc(43_178), net: kc(195_572), insured: true})
	if slips[10].YTD.SocialBase != kc(2_350_416) || slips[10].YTD.Months != 11 || slips[10].YTD.Gross != kc(2_750_000) {
		t.Errorf("YTD after November: %+v", slips[10].YTD)
	}
	// Social YTD: 9 × 17,750 + 7,130 = 166,880.
	if slips[10].YTD.SocialEmployee != kc(166_880) {
		t.Errorf("YTD social = %d, want 166,880", slips[10].YTD.SocialEmployee)
	}
}

// Sick pay (§ 192 ZP, not in part A; see PayrollRules): the employer pays
// from the FIRST day since 1 July 2019 — the brief's "days 1–3 unpaid" is
// the waiting period the law abolished — for the workdays of the first 14
// calendar days.
func TestSickLeave(t *testing.T) {
	r := mustRules(t, 2026)
	// Salary 45,000, one child, ill Monday 9 – Sunday 29 November 2026 (21
	// days). Missed workdays: 9–13, 16–20, 23–27 = 15. Days 1–14 of the
	// illness are 9–22 November: 10 workdays, 80 h, the employer's.
	//   salary   45,000 × (21 − 15)/21 = 12,857.142… → 12,857.14
	//   average  270 < 285.78 (1st threshold): reduced 90 % = 243.00
	//   sick pay 60 % × 243 × 80 h = 11,664.00 (taxed, not insured)
	//   gross    24,521.14; assessment base 12,857.14
	//   social   7.1 % × 12,857.14 = 912.857 → 913; employer 24.8 % = 3,188.57 → 3,189
	//   health   13.5 % = 1,735.71 → 1,736: employee ⌈578.67⌉ = 579, employer 1,157;
	//            minimum base for the 9 days not ill of 30: 6,720, exceeded
	//   tax      base 24,600; 3,690 − 2,570 = 1,120 < child 1,267: 0, bonus 147
	//   net      24,521.14 − 913 − 579 + 147 = 23,176.14
	e := employee(ContractHPP, kc(45_000), 0, HoursOf(40), true, Child{Order: 1})
	in := MonthInput{Month: nov2026, WorkedHours: HoursOf(48), AverageHourly: kc(270), Sick: []SickSpell{{D(2026, 11, 9), D(2026, 11, 29)}}}
	p, err := ComputePayslip(r, e, in, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	if p.BasePay != 12_857_14 || p.SickPay != kc(11_664) || p.AssessmentBase != 12_857_14 || p.SickHours != HoursOf(120) {
		t.Errorf("base %d sick pay %d assessment %d sick hours %v", p.BasePay, p.SickPay, p.AssessmentBase, p.SickHours)
	}
	checkPayslip(t, "sick", p, payslipWant{gross: 24_521_14, socialEe: kc(913), socialEr: kc(3_189), healthEe: kc(579), healthEr: kc(1_157),
		taxBase: kc(24_600), bonus: kc(147), net: 23_176_14, insured: true})

	// Days 1–3 are paid: ill Monday 2 – Wednesday 4 November, 3 shifts × 8 h ×
	// 60 % × 243 = 3,499.20.
	in = MonthInput{Month: nov2026, WorkedHours: HoursOf(144), AverageHourly: kc(270), Sick: []SickSpell{{D(2026, 11, 2), D(2026, 11, 4)}}}
	if p, err = ComputePayslip(r, e, in, YearToDate{}); err != nil || p.SickPay != 3_499_20 {
		t.Errorf("days 1–3: sick pay %d, %v; want 3,499.20", p.SickPay, err)
	}

	// An illness from 20 October: 2 November is its 14th day, 3 November the
	// 15th. Only 2 November (Monday) is the employer's: 8 h × 145.80 = 1,166.40.
	in = MonthInput{Month: nov2026, WorkedHours: HoursOf(152), AverageHourly: kc(270), Sick: []SickSpell{{D(2026, 10, 20), D(2026, 11, 3)}}}
	if p, err = ComputePayslip(r, e, in, YearToDate{}); err != nil || p.SickPay != 1_166_40 || p.SickHours != HoursOf(16) {
		t.Errorf("from October: sick pay %d, hours %v, %v; want 1,166.40 for 16 h missed", p.SickPay, p.SickHours, err)
	}
}

func TestReduceAverage(t *testing.T) {
	r := mustRules(t, 2026)
	for _, tt := range []struct{ avg, want int64 }{
		{kc(270), kc(243)}, // 90 % × 270
		// 90 % × 285.78 = 257.202; 60 % × (428.58 − 285.78) = 85.68; 30 % × (500 − 428.58) = 21.426;
		// 364.308 → 364.31
		{kc(500), 364_31},
		// Above the 3rd: 257.202 + 85.68 + 30 % × (856.98 − 428.58) = 128.52 → 471.402 → 471.40
		{kc(2000), 471_40},
		{0, 0},
	} {
		if got := reduceAverage(r, tt.avg); got != tt.want {
			t.Errorf("reduceAverage(%d) = %d, want %d", tt.avg, got, tt.want)
		}
	}
}

func TestPayslipRefused(t *testing.T) {
	r := mustRules(t, 2026)
	hpp := employee(ContractHPP, kc(45_000), 0, HoursOf(40), true)
	ok := MonthInput{Month: nov2026, WorkedHours: HoursOf(168)}
	left := hpp
	left.End = D(2026, 6, 30)
	lowHPP := employee(ContractHPP, kc(20_000), 0, HoursOf(40), true)
	lowRate := employee(ContractHPP, 0, 130_00, HoursOf(40), true)
	dpp := employee(ContractDPP, 0, kc(200), 0, false)
	for _, tt := range []struct {
		name  string
		r     PayrollRules
		e     Employee
		in    MonthInput
		ytd   YearToDate
		field string
	}{
		{"rules of another year", mustRules(t, 2025), hpp, ok, YearToDate{}, "payrun.month"},
		{"ytd of another year", r, hpp, ok, YearToDate{Year: 2025}, "payslip.ytd"},
		{"left in June", r, left, ok, YearToDate{}, "payslip.month"},
		{"negative hours", r, hpp, MonthInput{Month: nov2026, WorkedHours: -100}, YearToDate{}, "payslip.worked_hours"},
		{"more hours than the month has", r, hpp, MonthInput{Month: nov2026, WorkedHours: HoursOf(721)}, YearToDate{}, "payslip.worked_hours"},
		{"night hours not worked", r, hpp, MonthInput{Month: nov2026, WorkedHours: HoursOf(8), NightHours: HoursOf(9), AverageHourly: kc(200)}, YearToDate{}, "payslip.night_hours"},
		{"vacation without average", r, hpp, MonthInput{Month: nov2026, WorkedHours: HoursOf(160), VacationHours: HoursOf(8)}, YearToDate{}, "payslip.average_hourly"},
		{"negative bonus", r, hpp, MonthInput{Month: nov2026, Bonuses: -1}, YearToDate{}, "payslip.bonuses"},
		{"deduction above net", r, hpp, MonthInput{Month: nov2026, Deductions: kc(40_000)}, YearToDate{}, "payslip.deductions"},
		{"HPP below minimum wage", r, lowHPP, ok, YearToDate{}, "terms.pay"},
		{"HPP rate below minimum wage", r, lowRate, ok, YearToDate{}, "terms.pay"},
		{"DPP over 300 h", r, dpp, MonthInput{Month: nov2026, WorkedHours: HoursOf(11)}, YearToDate{Year: 2026, Months: 10, Hours: HoursOf(290)}, "payslip.worked_hours"},
		{"invalid terms", r, employee(ContractHPP, -kc(1), 0, HoursOf(40), true), ok, YearToDate{}, "terms.pay"},
		{"sick spell reversed", r, hpp, MonthInput{Month: nov2026, AverageHourly: kc(200), Sick: []SickSpell{{D(2026, 11, 5), D(2026, 11, 4)}}}, YearToDate{}, "payslip.sick"},
	} {
		_, err := ComputePayslip(tt.r, tt.e, tt.in, tt.ytd)
		if ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), tt.field) {
			t.Errorf("%s: %v, want refused on %s", tt.name, err, tt.field)
		}
	}

	// A DPP under the minimum hourly wage is computed with a warning.
	low := employee(ContractDPP, 0, kc(100), 0, false)
	p, err := ComputePayslip(r, low, MonthInput{Month: nov2026, WorkedHours: HoursOf(10)}, YearToDate{})
	if err != nil || len(p.Warnings) != 1 || p.Warnings[0] != "check.payroll.below_minimum_wage" {
		t.Errorf("DPP at 100 Kč/h: %v, warnings %v", err, p.Warnings)
	}
	// 300 h exactly is allowed: 290 + 10.
	if _, err := ComputePayslip(r, dpp, MonthInput{Month: nov2026, WorkedHours: HoursOf(10)}, YearToDate{Year: 2026, Months: 10, Hours: HoursOf(290)}); err != nil {
		t.Errorf("DPP reaching 300 h: %v", err)
	}
}

func timeMonth(m int) time.Month { return time.Month(m) }

func TestTermsChangeWithinMonth(t *testing.T) {
	r := mustRules(t, 2026)
	e := employee(ContractHPP, kc(45_000), 0, HoursOf(40), true, Child{Order: 1})
	raise := e.History[0]
	raise.From, raise.MonthlySalary = D(2026, 11, 16), kc(50_000)
	e = e.WithTerms(raise)
	// 45,000 for the workdays 2–13 November (10 of 21), 50,000 for 16–30 (11):
	// (45,000 × 10 + 50,000 × 11) / 21 = 1,000,000 / 21 = 47,619.0476… → 47,619.05.
	p, err := ComputePayslip(r, e, MonthInput{Month: nov2026, WorkedHours: HoursOf(168)}, YearToDate{})
	if err != nil || p.BasePay != 47_619_05 {
		t.Errorf("raise on 16 November: base %d, %v; want 47,619.05", p.BasePay, err)
	}
	// October is all the old salary, December all the new.
	if p, err := ComputePayslip(r, e, MonthInput{Month: Month{2026, 10}, WorkedHours: HoursOf(176)}, YearToDate{}); err != nil || p.BasePay != kc(45_000) {
		t.Errorf("October: %d, %v", p.BasePay, err)
	}
	if p, err := ComputePayslip(r, e, MonthInput{Month: Month{2026, 12}, WorkedHours: HoursOf(184)}, YearToDate{}); err != nil || p.BasePay != kc(50_000) {
		t.Errorf("December: %d, %v", p.BasePay, err)
	}
	// A change of contract within a month is refused.
	dpp := EmployeeTerms{From: D(2026, 11, 20), Contract: ContractDPP, HourlyRate: kc(200)}
	if _, err := ComputePayslip(r, e.WithTerms(dpp), MonthInput{Month: nov2026, WorkedHours: HoursOf(100)}, YearToDate{}); ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), "payslip.month") {
		t.Errorf("contract change mid-month: %v", err)
	}
}

func TestDisabilityCredits(t *testing.T) {
	r := mustRules(t, 2026)
	// 30,000, invalidity of degree 3 and a ZTP/P card: social 2,130 / 7,440,
	// health 4,050: 1,350 / 2,700; advance 4,500 − 2,570 − 420 − 1,345 = 165.
	// Net 30,000 − 2,130 − 1,350 − 165 = 26,355.
	e := employee(ContractHPP, kc(30_000), 0, HoursOf(40), true)
	e.History[0].Disability, e.History[0].ZTPP = 3, true
	p, err := ComputePayslip(r, e, MonthInput{Month: nov2026, WorkedHours: HoursOf(168)}, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	checkPayslip(t, "disability 3 + ZTP/P", p, payslipWant{gross: kc(30_000), socialEe: kc(2_130), socialEr: kc(7_440), healthEe: kc(1_350), healthEr: kc(2_700),
		taxBase: kc(30_000), advance: kc(165), net: kc(26_355), insured: true})
	// Degree 1 without a prohlášení: no credit at all, advance 4,500.
	e.History[0].Disability, e.History[0].ZTPP, e.Declarations = 1, false, nil
	if p, err = ComputePayslip(r, e, MonthInput{Month: nov2026, WorkedHours: HoursOf(168)}, YearToDate{}); err != nil || p.TaxAdvance != kc(4_500) || p.DisabilityCredit != 0 {
		t.Errorf("unsigned: advance %d credit %d, %v", p.TaxAdvance, p.DisabilityCredit, err)
	}
}

// A salary of 10^11 haléř (1,000,000,000 Kč) computes without overflow:
//
//	social   capped at 2,350,416: 7.1 % = 166,879.536 → 166,880; 24.8 % = 582,903.168 → 582,904
//	health   13.5 % × 10^9 = 135,000,000: 45,000,000 / 90,000,000
//	advance  15 % × 146,901 = 22,035.15 + 23 % × 999,853,099 = 229,966,212.77
//	         = 229,988,247.92 → 229,988,248 − 2,570 = 229,985,678
//	net      1,000,000,000 − 166,880 − 45,000,000 − 229,985,678 = 724,847,442
func TestHugeSalary(t *testing.T) {
	r := mustRules(t, 2026)
	p, err := ComputePayslip(r, employee(ContractHPP, kc(1_000_000_000), 0, HoursOf(40), true), MonthInput{Month: nov2026, WorkedHours: HoursOf(168)}, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	checkPayslip(t, "10^11 haléř", p, payslipWant{gross: kc(1_000_000_000), socialEe: kc(166_880), socialEr: kc(582_904), healthEe: kc(45_000_000), healthEr: kc(90_000_000),
		taxBase: kc(1_000_000_000), advance: kc(229_985_678), net: kc(724_847_442), insured: true})
}

// BenchmarkPayRun computes 500 payslips and posts them (issue 14: ≤ 1 s).
func BenchmarkPayRun(b *testing.B) {
	r, _ := RulesFor(2026)
	emps := make([]Employee, 500)
	for i := range emps {
		emps[i] = employee(ContractHPP, kc(30_000)+int64(i)*1_000_00, 0, HoursOf(40), i%2 == 0, Child{Order: 1})
	}
	in := MonthInput{Month: nov2026, WorkedHours: HoursOf(160), OvertimeHours: HoursOf(4), NightHours: HoursOf(8), AverageHourly: kc(250),
		Sick: []SickSpell{{D(2026, 11, 24), D(2026, 11, 25)}}}
	acc := ChartCzech.Posting()
	for b.Loop() {
		slips := make([]Payslip, 0, len(emps))
		for _, e := range emps {
			p, err := ComputePayslip(r, e, in, YearToDate{})
			if err != nil {
				b.Fatal(err)
			}
			slips = append(slips, p)
		}
		if _, err := PayrollEntry(slips, D(2026, 11, 30), "MZ2026-11", acc); err != nil {
			b.Fatal(err)
		}
	}
}

// Unpaid leave all month: no pay, but the minimum health base is not reduced
// for unpaid leave (§ 3 odst. 6 z. 592/1992; UNVERIFIED beyond part A), so
// the employee owes 13.5 % × 22,400 = 3,024 and the employer nothing: the
// net is −3,024 with a warning, not a refusal.
func TestUnpaidMonthOwesMinimumHealth(t *testing.T) {
	r := mustRules(t, 2026)
	e := employee(ContractHPP, kc(45_000), 0, HoursOf(40), true)
	p, err := ComputePayslip(r, e, MonthInput{Month: nov2026, UnpaidHours: HoursOf(168)}, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	checkPayslip(t, "unpaid month", p, payslipWant{healthEe: kc(3_024), net: -kc(3_024), insured: true})
	if len(p.Warnings) != 1 || p.Warnings[0] != "check.payroll.negative_net" || p.HealthBase != kc(22_400) {
		t.Errorf("warnings %v, health base %d", p.Warnings, p.HealthBase)
	}
	// A deduction on top of it is refused.
	if _, err := ComputePayslip(r, e, MonthInput{Month: nov2026, UnpaidHours: HoursOf(168), Deductions: 1}, YearToDate{}); ErrorCode(err) != EINVALID {
		t.Errorf("deduction from a negative net: %v", err)
	}
	// The entry still balances: 331 is debited 3,024 (Dr 331 Cr 336).
	en, err := PayrollEntry([]Payslip{p}, D(2026, 11, 30), "MZ2026-11", ChartCzech.Posting())
	if err != nil || len(en.Lines) != 2 || en.Lines[0].Account != "331" || en.Lines[0].Debit != kc(3_024) || en.Lines[1].Account != "336" {
		t.Errorf("entry %+v, %v", en, err)
	}
}

// The minimum health base: prorated for days of illness, waived for those
// the state insures too.
func TestMinimumHealthBase(t *testing.T) {
	r := mustRules(t, 2026)
	// Part-time 30 h, 18,000, ill Monday 2 – Sunday 8 November (7 calendar
	// days, 5 missed workdays of 6 h, all the employer's); average 140 Kč/h.
	//   salary   18,000 × 16/21 = 13,714.2857… → 13,714.29
	//   sick pay 90 % × 140 = 126 reduced; 60 % = 75.60 × 30 h = 2,268.00
	//   gross    15,982.29
	//   social   7.1 % × 13,714.29 = 973.71… → 974; 24.8 % = 3,401.14… → 3,402
	//   min base 22,400 × 23/30 (days not ill) = 17,173.33
	//   health   actual 13.5 % × 13,714.29 = 1,851.43 → 1,852: employee ⌈617.33⌉ = 618,
	//            employer 1,234; at the minimum base 13.5 % × 17,173.33 = 2,318.40 →
	//            2,319, the employee pays 2,319 − 1,234 = 1,085
	//   tax      base 16,000, 2,400 − 2,570 → 0
	//   net      15,982.29 − 974 − 1,085 = 13,923.29
	e := employee(ContractHPP, kc(18_000), 0, HoursOf(30), true)
	in := MonthInput{Month: nov2026, WorkedHours: HoursOf(96), AverageHourly: kc(140), Sick: []SickSpell{{D(2026, 11, 2), D(2026, 11, 8)}}}
	p, err := ComputePayslip(r, e, in, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	checkPayslip(t, "prorated minimum base", p, payslipWant{gross: 15_982_29, socialEe: kc(974), socialEr: kc(3_402), healthEe: kc(1_085), healthEr: kc(1_234),
		taxBase: kc(16_000), net: 13_923_29, insured: true})
	if p.HealthBase != 17_173_33 {
		t.Errorf("health base %d, want 17,173.33", p.HealthBase)
	}

	// The same part-timer insured by the state too (a student): 13.5 % of
	// 18,000 = 2,430 only, 810 / 1,620. Net 18,000 − 1,278 − 810 − 130 = 15,782.
	e = employee(ContractHPP, kc(18_000), 0, HoursOf(30), true)
	e.History[0].StateInsured = true
	p, err = ComputePayslip(r, e, MonthInput{Month: nov2026, WorkedHours: HoursOf(126)}, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	checkPayslip(t, "state-insured", p, payslipWant{gross: kc(18_000), socialEe: kc(1_278), socialEr: kc(4_464), healthEe: kc(810), healthEr: kc(1_620),
		taxBase: kc(18_000), advance: kc(130), net: kc(15_782), insured: true})
	// The employer's cause: the employer pays the top-up. Part-time 18,000:
	// employee 810, employer 3,024 − 810 = 2,214.
	e.History[0].StateInsured = false
	p, err = ComputePayslip(r, e, MonthInput{Month: nov2026, WorkedHours: HoursOf(126), HealthTopUpByEmployer: true}, YearToDate{})
	if err != nil || p.HealthEmployee != kc(810) || p.HealthEmployer != kc(2_214) {
		t.Errorf("employer's top-up: %d / %d, %v", p.HealthEmployee, p.HealthEmployer, err)
	}
}
