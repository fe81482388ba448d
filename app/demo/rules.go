package demo

import (
	"time"

	"kontor/app"
)

// demoAccounts are the accounts the demo posts to: the chart's posting
// accounts plus two the posting map does not name.
type demoAccounts struct {
	app.PostingAccounts
	Opening  string // opening balance account (701); "" posts straight to equity
	BankFees string // bank charges (568)
	Transit  string // money in transit (261); "" pays card takings straight to the bank
}

// demoAccountsFor picks the demo's accounts for chart and checks that the
// ledger has every one of them.
func demoAccountsFor(chart app.Chart, accounts []app.Account) (demoAccounts, error) {
	a := demoAccounts{PostingAccounts: chart.Posting()}
	if chart == app.ChartInternational {
		a.BankFees = "6800"
	} else {
		a.Opening, a.BankFees, a.Transit = "701", "568", "261"
	}
	have := make(map[string]bool, len(accounts))
	for _, x := range accounts {
		have[x.Code] = true
	}
	if !have[a.Opening] {
		a.Opening = ""
	}
	if !have[a.Transit] {
		a.Transit = ""
	}
	p := a.PostingAccounts
	for _, code := range []string{p.Cash, p.Bank, p.Receivables, p.Payables, p.VAT, p.Employees, p.SocialInsurance,
		p.WageTax, p.Goods, p.Materials, p.GoodsSold, p.Services, p.Wages, p.SocialCosts, p.SalesServices,
		p.SalesGoods, p.RoundingLoss, p.RoundingGain, p.Equity, p.RetainedEarnings, a.BankFees} {
		if !have[code] {
			return a, app.Errorf(app.ENOTFOUND, "err.demo.account", "the chart of accounts has no account {{.code}}, which the demo posts to", map[string]any{"code": code})
		}
	}
	return a, nil
}

// demoPay is one employee's month: what the company owes and what it pays.
type demoPay struct {
	gross, employeeInsurance, employerInsurance, tax, net int64
}

// Czech payroll rates of 2024–2026: social insurance 7.1 % from the employee
// and 24.8 % from the employer; health insurance 13.5 % of which the employee
// pays a third; a 15 % income-tax advance on the gross rounded up to hundreds,
// less the taxpayer credit of 2,570 CZK a month. Each amount is rounded up to
// whole crowns, as the insurers and the tax office require.
var (
	rateSocialEmployee = app.RateMicro(7_100_000)
	rateSocialEmployer = app.RateMicro(24_800_000)
	rateHealthTotal    = app.RateMicro(13_500_000)
	rateIncomeTax      = app.RatePercent(15)
)

const taxpayerCredit = 2_570_00

// czechPayroll computes a month's payroll for a gross wage in minor units.
func czechPayroll(gross int64, currency string) demoPay {
	g := app.M(gross, currency)
	crown := func(m app.Money) int64 { return m.RoundTo(100, app.Up).Amount }
	socialEmp := crown(g.Percent(rateSocialEmployee, app.Up))
	healthAll := crown(g.Percent(rateHealthTotal, app.Up))
	healthEmp := (healthAll/100 + 2) / 3 * 100 // a third, rounded up to whole crowns
	socialEr := crown(g.Percent(rateSocialEmployer, app.Up))
	tax := crown(g.RoundTo(100_00, app.Up).Percent(rateIncomeTax, app.Up)) - taxpayerCredit
	if tax < 0 {
		tax = 0
	}
	return demoPay{
		gross:             gross,
		employeeInsurance: socialEmp + healthEmp,
		employerInsurance: socialEr + healthAll - healthEmp,
		tax:               tax,
		net:               gross - socialEmp - healthEmp - tax,
	}
}

// isHoliday reports Czech public holidays (státní svátky and Easter).
func isHoliday(d app.Date) bool {
	switch [2]int{int(d.Month()), d.Day()} {
	case [2]int{1, 1}, [2]int{5, 1}, [2]int{5, 8}, [2]int{7, 5}, [2]int{7, 6}, [2]int{9, 28},
		[2]int{10, 28}, [2]int{11, 17}, [2]int{12, 24}, [2]int{12, 25}, [2]int{12, 26}:
		return true
	}
	easter := easterSunday(d.Year())
	return d == easter.AddDays(-2) || d == easter.AddDays(1) // Good Friday, Easter Monday
}

// easterSunday is the Gregorian Easter (the anonymous algorithm).
func easterSunday(y int) app.Date {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return app.D(y, time.Month(month), day)
}

func weekday(d app.Date) time.Weekday { return d.Time(time.UTC).Weekday() }

// isWorkday reports a weekday that is not a public holiday.
func isWorkday(d app.Date) bool {
	wd := weekday(d)
	return wd != time.Saturday && wd != time.Sunday && !isHoliday(d)
}

// nextWorkday returns d or the first working day after it.
func nextWorkday(d app.Date) app.Date {
	for !isWorkday(d) {
		d = d.AddDays(1)
	}
	return d
}

func dayOf(m app.Month, day int) app.Date { return app.D(m.Year, m.Month, day) }

func dr(account string, amount int64) app.Line { return app.Line{Account: account, Debit: amount} }

func cr(account string, amount int64) app.Line { return app.Line{Account: account, Credit: amount} }
