package app

// PayrollRules are one year's Czech payroll parameters, as data: a pay run
// takes the rules of its month's year and a year without rules is refused.
// Amounts are haléř; rates are Rates (percent). Each number names its source;
// [keys] are the sources of shared/CZECH-PAYROLL-WAREHOUSE-AFTERSALES.md
// part A.
type PayrollRules struct {
	Year int

	// Social insurance (§ 7 z. 589/1992; [cssz-sazby]): employee 7.1 %
	// (6.5 pension + 0.6 sickness), employer 24.8 % (21.5 + 2.1 + 1.2).
	SocialEmployee, SocialEmployer Rate
	// SocialMaxBase is the maximum assessment base of the year, 48 × the
	// average wage, counted cumulatively per employer (§ 15a z. 589/1992).
	SocialMaxBase int64

	// Health insurance 13.5 % of the base, employee ⅓ and employer ⅔, no
	// cap (z. 592/1992; [vzp-vypocet]).
	HealthTotal Rate
	// MinimumWage (month) and MinimumWageHourly (§ 111 ZP; [mw-2026],
	// [mw-2025]); the minimum health base is the monthly minimum wage
	// (§ 3 odst. 6 z. 592/1992).
	MinimumWage, MinimumWageHourly, MinHealthBase int64

	// Advance on income tax (§ 38h ZDP): AdvanceRate of the base up to
	// HighRateFrom (3 × the average wage, a month), HighRate above it.
	AdvanceRate, HighRate Rate
	HighRateFrom          int64

	// Monthly credits with a signed prohlášení (§ 35ba ZDP; [fs-slevy-2025]):
	// taxpayer, disability of degree 1–2 and 3, ZTP/P card holder.
	TaxpayerCredit, Disability12Credit, Disability3Credit, ZTPPCredit int64
	// StudentCredit is 0 in 2025 and 2026: abolished since 2024
	// ([fs-slevy-2025]); its return from 2027 is only proposed
	// (UNVERIFIED), so no payslip claims it and employees have no flag.
	StudentCredit int64
	// ChildCredit is the monthly credit for the 1st, 2nd and 3rd+ child,
	// doubled for a ZTP/P child (§ 35c; [epenize], [idnes-deti]); the
	// excess over the tax is the bonus when the month's income is at least
	// BonusMinIncome (½ the minimum wage; [penize-limity]). No maximum bonus.
	// A minimum bonus paid out (50 Kč a month) is UNVERIFIED (part A open
	// item 1) and left out: any excess is paid.
	ChildCredit    [3]int64
	BonusMinIncome int64

	// DPPInsuredFrom: a DPP is insured in a month it earns at least this
	// (§ 7a z. 187/2006; [podnikatel-dpp]); below it, without a prohlášení,
	// the income is taxed by withholding (§ 6 odst. 4 a) ZDP; [mesec-dpp]).
	DPPInsuredFrom int64
	// SmallScopeFrom is the rozhodný příjem: a DPČ earning less in a month is
	// employment of small scope, not insured (§ 6 z. 187/2006;
	// [pohoda-cssz2026]).
	SmallScopeFrom int64
	// SmallScopeWithholding taxes an uninsured small-scope income without a
	// prohlášení by withholding (§ 6 odst. 4 b) ZDP). UNVERIFIED: part A saw
	// this only in code (open item 3).
	SmallScopeWithholding bool
	// WithholdingRate is the srážková daň (§ 36 ZDP), base and tax rounded
	// down to whole Kč.
	WithholdingRate Rate

	// Surcharges, minimums of the Labour Code, of the average hourly
	// earnings (part A, A2): overtime 25 % (§ 114), night 10 % (§ 116),
	// Saturday and Sunday 10 % (§ 118), a public holiday worked 100 % when
	// agreed instead of time off (§ 115).
	OvertimePct, NightPct, WeekendPct, HolidayPct Rate

	// Sick pay (náhrada mzdy, § 192 ZP) is not in part A. The employer pays
	// it for the working days among the first SickEmployerDays calendar
	// days of an illness, from the first day since 1 July 2019
	// (SickWaitingDays 0), SickPayRate of the reduced average hourly
	// earnings. The reduction counts 90 % up to the 1st threshold, 60 % to
	// the 2nd, 30 % to the 3rd and nothing above; the hourly thresholds are
	// the daily ones of § 22 z. 187/2006 times 0.175, rounded up to haléř.
	// Source: vyhláška MPSV 397/2025 Sb. as quoted by podnikatel.cz
	// "Náhrada mzdy 2026" (27 Oct 2025): 2025 1,552 / 2,328 / 4,656 Kč,
	// 2026 1,633 / 2,449 / 4,897 Kč a day.
	SickWaitingDays, SickEmployerDays int
	SickPayRate                       Rate
	SickDailyThresholds               [3]int64
	SickReductionPct                  [3]Rate

	// DPPYearHours is the most a DPP may be worked in a year (§ 75 ZP).
	DPPYearHours Hours

	// Annual are the rules of the roční zúčtování (payrollannual.go).
	Annual AnnualTaxRules
}

// SickHourlyThresholds are SickDailyThresholds × 0.175, rounded up to haléř.
func (r PayrollRules) SickHourlyThresholds() [3]int64 {
	var out [3]int64
	for i, d := range r.SickDailyThresholds {
		out[i] = ratio(d, 175, 1000, Up)
	}
	return out
}

// The rules of each year Kontor knows.
var payrollRules = map[int]PayrollRules{
	2025: rules2025(),
	2026: rules2026(),
}

// RulesFor returns the payroll rules of year; EINVALID for a year Kontor
// has no rules for (a pay run for it is refused).
func RulesFor(year int) (PayrollRules, error) {
	r, ok := payrollRules[year]
	if !ok {
		return PayrollRules{}, Invalid("payrun.month", "err.payroll.no_rules", "Kontor has no payroll rules for {{.year}}", map[string]any{"year": year})
	}
	return r, nil
}

// PayrollYears lists the years with rules, oldest first.
func PayrollYears() []int { return []int{2025, 2026} }

func kc(n int64) int64 { return n * 100 }

// common are the rules both years share.
func commonRules() PayrollRules {
	return PayrollRules{
		SocialEmployee: RateMicro(7_100_000),  // 7.1 %
		SocialEmployer: RateMicro(24_800_000), // 24.8 %
		HealthTotal:    RateMicro(13_500_000), // 13.5 %
		AdvanceRate:    RatePercent(15),
		HighRate:       RatePercent(23),
		// § 35ba ZDP; [fs-slevy-2025] (2026 unchanged, seen in open-source rulesets)
		TaxpayerCredit:     kc(2570),
		Disability12Credit: kc(210),
		Disability3Credit:  kc(420),
		ZTPPCredit:         kc(1345),
		ChildCredit:        [3]int64{kc(1267), kc(1860), kc(2320)},
		SmallScopeFrom:     kc(4500),
		// UNVERIFIED (part A open item 3): kept on, so an unsigned DPČ of
		// small scope is taxed like an unsigned DPP below its threshold.
		SmallScopeWithholding: true,
		WithholdingRate:       RatePercent(15),
		OvertimePct:           RatePercent(25),
		NightPct:              RatePercent(10),
		WeekendPct:            RatePercent(10),
		HolidayPct:            RatePercent(100),
		SickWaitingDays:       0,
		SickEmployerDays:      14,
		SickPayRate:           RatePercent(60),
		SickReductionPct:      [3]Rate{RatePercent(90), RatePercent(60), RatePercent(30)},
		DPPYearHours:          HoursOf(300),
		Annual:                commonAnnualRules(),
	}
}

func rules2026() PayrollRules {
	r := commonRules()
	r.Year = 2026
	r.SocialMaxBase = kc(2_350_416) // 48 × 48,967 (NV 365/2025); [tcc-2026]
	r.MinimumWage = kc(22_400)      // sdělení 356/2025
	r.MinimumWageHourly = 134_40    // 134.40 Kč
	r.MinHealthBase = kc(22_400)    // = minimum wage
	r.HighRateFrom = kc(146_901)    // 3 × 48,967; [behounek], [mesec-limity]
	r.BonusMinIncome = kc(11_200)   // ½ × 22,400; [penize-limity]
	r.DPPInsuredFrom = kc(12_000)   // sdělení 396/2025; [podnikatel-dpp]
	r.SickDailyThresholds = [3]int64{kc(1633), kc(2449), kc(4897)}
	r.Annual.HighRateFrom = kc(1_762_812) // 36 × 48,967 (§ 16 ZDP); [behounek]
	r.Annual.BonusMinIncome = kc(134_400) // 6 × 22,400; [penize-limity]
	return r
}

func rules2025() PayrollRules {
	r := commonRules()
	r.Year = 2025
	r.SocialMaxBase = kc(2_234_736) // 48 × 46,557 (NV 282/2024); [tpa-2025]
	r.MinimumWage = kc(20_800)      // sdělení 286/2024
	r.MinimumWageHourly = 124_40    // 124.40 Kč
	r.MinHealthBase = kc(20_800)
	r.HighRateFrom = kc(139_671)  // 3 × 46,557; [golan]
	r.BonusMinIncome = kc(10_400) // ½ × 20,800
	r.DPPInsuredFrom = kc(11_500) // [podnikatel-dpp]
	r.SickDailyThresholds = [3]int64{kc(1552), kc(2328), kc(4656)}
	r.Annual.HighRateFrom = kc(1_676_052) // 36 × 46,557; [golan]
	r.Annual.BonusMinIncome = kc(124_800) // 6 × 20,800; [penize-limity]
	return r
}
