package app

import (
	"strconv"
	"testing"
)

// FuzzParseBirthNumber: whatever is typed, an accepted number has 9 or 10
// digits, a real date of birth, and (10 digits) passes mod 11.
func FuzzParseBirthNumber(f *testing.F) {
	for _, s := range []string{"850315/1239", "047215/1230", "530101/123", "", "ř", "850230/1236", "99999999999", "0000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBirthNumber(s)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("%q: %v is not a field error", s, err)
			}
			return
		}
		if len(b.Digits) != 9 && len(b.Digits) != 10 || b.Born.IsZero() {
			t.Fatalf("%q accepted as %+v", s, b)
		}
		if len(b.Digits) == 10 {
			n, _ := strconv.ParseInt(b.Digits, 10, 64)
			if n%11 != 0 && !((n/10)%11 == 10 && n%10 == 0) {
				t.Fatalf("%q accepted with a wrong check digit", s)
			}
		}
	})
}

// FuzzComputePayslip: for any pay and month, a payslip is refused with a
// field error or adds up — net from its parts, premiums and the advance in
// whole Kč, no negative amount — and its posting balances.
func FuzzComputePayslip(f *testing.F) {
	f.Add(int64(45_000_00), int64(0), uint8(0), int64(16800), int64(0), int64(0), true, uint8(1), uint8(0), uint8(0), int64(0))
	f.Add(int64(0), int64(200_00), uint8(1), int64(5950), int64(0), int64(0), false, uint8(0), uint8(0), uint8(0), int64(0))
	f.Add(int64(0), int64(250_00), uint8(2), int64(1600), int64(0), int64(500_00), false, uint8(0), uint8(3), uint8(20), int64(100_00))
	f.Add(int64(250_000_00), int64(0), uint8(0), int64(16800), int64(1000), int64(0), true, uint8(3), uint8(10), uint8(3), int64(2_000_000_00))
	f.Fuzz(func(t *testing.T, salary, rate int64, contract uint8, worked, overtime, bonus int64, declared bool, kids, sickFrom, sickDays uint8, socialYTD int64) {
		c := []ContractType{ContractHPP, ContractDPP, ContractDPC}[contract%3]
		week := HoursOf(40)
		if c == ContractDPC {
			week = HoursOf(20)
		}
		var children []Child
		for k := 0; k < int(kids%5); k++ {
			children = append(children, Child{Order: min(k+1, 3), ZTPP: k == 3})
		}
		e := employee(c, salary, rate, week, declared, children...)
		in := MonthInput{Month: nov2026, WorkedHours: Hours(worked), OvertimeHours: Hours(overtime), Bonuses: bonus, AverageHourly: kc(250)}
		if sickDays > 0 {
			from := D(2026, 10, 20).AddDays(int(sickFrom % 45))
			in.Sick = []SickSpell{{from, from.AddDays(int(sickDays % 40))}}
		}
		ytd := YearToDate{Year: 2026, Months: 10, SocialBase: socialYTD}
		if socialYTD < 0 || socialYTD > kc(3_000_000) {
			ytd = YearToDate{}
		}
		r, _ := RulesFor(2026)
		p, err := ComputePayslip(r, e, in, ytd)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("refused without a field error: %v", err)
			}
			return
		}
		if p.Net != p.Gross-p.SocialEmployee-p.HealthEmployee-p.TaxAdvance-p.Withholding+p.ChildBonus-p.Deductions {
			t.Fatalf("net %d does not add up: %+v", p.Net, p)
		}
		for _, v := range []int64{p.SocialEmployee, p.SocialEmployer, p.HealthEmployee, p.HealthEmployer, p.TaxAdvance, p.Withholding, p.ChildBonus, p.TaxBase} {
			if v < 0 || v%100 != 0 {
				t.Fatalf("%d is negative or not whole Kč: %+v", v, p)
			}
		}
		if p.Gross < 0 || p.SickPay < 0 || p.BasePay < 0 || p.SocialBase > r.SocialMaxBase-ytd.SocialBase && p.SocialBase > 0 {
			t.Fatalf("amounts out of range: %+v", p)
		}
		if p.TaxAdvance > 0 && p.Withholding > 0 {
			t.Fatalf("both an advance and withholding: %+v", p)
		}
		en, err := PayrollEntry([]Payslip{p}, D(2026, 11, 30), "MZ2026-11", ChartCzech.Posting())
		if err != nil {
			t.Fatalf("posting: %v", err)
		}
		if en != nil {
			if dr, cr := en.Totals(); dr != cr {
				t.Fatalf("unbalanced %d / %d", dr, cr)
			}
		}
	})
}
