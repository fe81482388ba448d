package demo

import (
	"fmt"
	"strconv"
	"time"

	"kontor/app"
)

// The roastery's eight people on the payroll (issue 14, item 7): full-time
// with and without children, a part-timer, a DPP student below and one
// above the insurance threshold, a DPČ and one who left in June. Their
// birth numbers and accounts are made up but pass Kontor's checks (the
// check digits are computed).

// demoPerson is one of them: the employee (dates relative to the demo's
// last year y) and, for an agreement, the hours worked in a month.
type demoPerson struct {
	name, born, city, street, postcode, insurer, bank string
	female                                            bool
	contract                                          app.ContractType
	salary, rate                                      int64     // haléř a month or an hour
	week                                              app.Hours // hours a week (0: a DPP, its hours by month)
	declared                                          bool      // signs the prohlášení every year
	children                                          []app.Child
	started                                           int  // years before y the employment started
	leftInJune                                        bool // the employment ends on 30 June of y
	// hours of a DPP in month m (1–12); zero: no work that month.
	hours func(m time.Month) app.Hours
}

// demoPeople are the eight, full-time first.
func demoPeople() []demoPerson {
	return []demoPerson{
		{name: "Jana Horáková", born: "840612", female: true, city: "Praha 2", street: "Slezská 18", postcode: "120 00", insurer: "111", bank: "0800",
			contract: app.ContractHPP, salary: 48_000_00, week: app.HoursOf(40), declared: true, started: 6,
			children: []app.Child{{Name: "Adéla", Order: 1}, {Name: "Matěj", Order: 2}}},
		{name: "Petr Dvořák", born: "910305", city: "Praha 10", street: "Kodaňská 41", postcode: "101 00", insurer: "201", bank: "0100",
			contract: app.ContractHPP, salary: 38_500_00, week: app.HoursOf(40), declared: true, started: 4},
		{name: "Martin Veselý", born: "880921", city: "Praha 3", street: "Seifertova 7", postcode: "130 00", insurer: "211", bank: "0300",
			contract: app.ContractHPP, salary: 34_000_00, week: app.HoursOf(40), declared: true, started: 3,
			children: []app.Child{{Name: "Tereza", Order: 1}}},
		{name: "Lucie Králová", born: "950217", female: true, city: "Praha 4", street: "Táborská 12", postcode: "140 00", insurer: "207", bank: "2010",
			contract: app.ContractHPP, salary: 19_000_00, week: app.HoursOf(20), declared: true, started: 2,
			children: []app.Child{{Name: "Ema", Order: 1}}},
		{name: "Pavel Kučera", born: "790730", city: "Říčany", street: "Komenského nám. 3", postcode: "251 01", insurer: "111", bank: "0600",
			contract: app.ContractHPP, salary: 36_000_00, week: app.HoursOf(40), declared: true, started: 5, leftInJune: true},
		{name: "Kateřina Černá", born: "000404", female: true, city: "Praha 5", street: "Plzeňská 96", postcode: "150 00", insurer: "111", bank: "3030",
			contract: app.ContractDPC, rate: 250_00, week: app.HoursOf(10), declared: true, started: 1},
		// A student on a DPP all year, 20 hours a month at 190 Kč: 3,800 Kč,
		// below the insurance threshold; no prohlášení: withholding tax.
		{name: "Eliška Malá", born: "040811", female: true, city: "Praha 6", street: "Bubenečská 22", postcode: "160 00", insurer: "201", bank: "0800",
			contract: app.ContractDPP, rate: 190_00, started: 1,
			hours: func(time.Month) app.Hours { return app.HoursOf(20) }},
		// A student on a DPP in the summer, June to September, 60 hours at
		// 230 Kč: 13,800 Kč a month, above the threshold: insured, and with
		// the prohlášení the advance less the taxpayer's credit.
		{name: "Ondřej Svoboda", born: "030115", city: "Praha 7", street: "Milady Horákové 50", postcode: "170 00", insurer: "111", bank: "0100",
			contract: app.ContractDPP, rate: 230_00, declared: true, started: 1,
			hours: func(m time.Month) app.Hours {
				if m >= time.June && m <= time.September {
					return app.HoursOf(60)
				}
				return 0
			}},
	}
}

// employee is p as the payroll stores it, for a demo whose last year is y
// and which starts on from: employed from 1 March some years before (or
// from the demo's first day, whichever is earlier), the prohlášení signed
// for every year of the demo.
func (p demoPerson) employee(i int, from app.Date, y int) (app.Employee, error) {
	start := app.D(y-p.started, time.March, 1)
	if start.After(from) {
		start = from
	}
	bn, err := demoBirthNumber(p.born, p.female, 100+37*i)
	if err != nil {
		return app.Employee{}, err
	}
	acc, err := demoEmployeeAccount(i, p.bank)
	if err != nil {
		return app.Employee{}, err
	}
	e := app.Employee{Name: p.name, BirthNumber: bn, Street: p.street, City: p.city, Postcode: p.postcode, Country: "CZ",
		HealthInsurer: p.insurer, BankAccount: acc, Start: start,
		History: []app.EmployeeTerms{{From: start, Contract: p.contract, MonthlySalary: p.salary, HourlyRate: p.rate, HoursPerWeek: p.week,
			Children: p.children, StateInsured: p.contract == app.ContractDPP}}}
	if p.leftInJune {
		e.End = app.D(y, time.June, 30)
	}
	if p.declared {
		for year := from.Year(); year <= y; year++ {
			e.Declarations = append(e.Declarations, year)
		}
	}
	return e, nil
}

// demoBirthNumber is a valid 10-digit rodné číslo of the day yymmdd (a
// woman's month + 50), serial its three middle digits: the check digit
// makes the number divisible by 11 (a remainder of 10 writes 0, as the law
// allows).
func demoBirthNumber(yymmdd string, female bool, serial int) (string, error) {
	mm, err := strconv.Atoi(yymmdd[2:4])
	if err != nil || len(yymmdd) != 6 {
		return "", fmt.Errorf("demo: bad date of birth %q", yymmdd)
	}
	if female {
		mm += 50
	}
	first := fmt.Sprintf("%s%02d%s%03d", yymmdd[:2], mm, yymmdd[4:], serial%1000)
	n, _ := strconv.ParseInt(first, 10, 64)
	s := fmt.Sprintf("%s/%s%d", first[:6], first[6:], n%11%10)
	return s, app.ValidateBirthNumber(s)
}

// demoEmployeeAccount is a valid Czech account number at bank, the i-th
// employee's: the last digit completes the weighted sum to a multiple of 11.
func demoEmployeeAccount(i int, bank string) (string, error) {
	weights := []int{6, 3, 7, 9, 10, 5, 8, 4, 2, 1}
	for base := 270_413_500 + 7_919*i; ; base++ {
		digits := fmt.Sprintf("%09d", base)
		sum := 0
		for k := 0; k < 9; k++ {
			sum += int(digits[k]-'0') * weights[k]
		}
		// The check digit d (weight 1) makes sum + d ≡ 0 (mod 11).
		if d := (11 - sum%11) % 11; d < 10 {
			s := fmt.Sprintf("%s%d/%s", digits, d, bank)
			_, err := app.ParseBankAccount(s)
			return s, err
		}
	}
}
