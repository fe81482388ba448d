package app

import (
	"errors"
	"testing"
	"time"
)

// The roční zúčtování cases. Every expected figure is worked by hand in the
// comment from §§ 15, 16, 35ba, 35c, 38ch ZDP and part A, never taken from
// the code. Amounts are haléř; kc(n) is n Kč.

// payYear computes e's approved payslips of months from..to of year with
// ComputePayslip, each month's year-to-date from the month before.
func payYear(t *testing.T, r PayrollRules, e Employee, from, to time.Month) []Payslip {
	t.Helper()
	var out []Payslip
	var ytd YearToDate
	for mo := from; mo <= to; mo++ {
		m := Month{Year: r.Year, Month: mo}
		p, err := ComputePayslip(r, e, MonthInput{Month: m, WorkedHours: HoursOf(160)}, ytd)
		if err != nil {
			t.Fatalf("%s: %v", m.Format(), err)
		}
		ytd = p.YTD
		out = append(out, p)
	}
	return out
}

// slip is a payslip given by its figures (the inputs a reconciliation
// reads: gross, advance withheld, bonus paid).
func slip(e Employee, year int, mo time.Month, gross, advance, bonus int64) Payslip {
	return Payslip{EmployeeID: e.ID, Month: Month{Year: year, Month: mo}, Declaration: true, Gross: gross, TaxAdvance: advance, ChildBonus: bonus}
}

type reconcileWant struct {
	income, deductions, base, tax, taxpayer, disability, child, due, bonus, withheld, bonusPaid, refund, uncollected int64
}

func wantReconcile(t *testing.T, res TaxReconciliationResult, w reconcileWant) {
	t.Helper()
	got := reconcileWant{res.Income, res.DeductionsTotal, res.Base, res.Tax, res.TaxpayerCredit, res.DisabilityCredit, res.ChildCredit,
		res.TaxDue, res.Bonus, res.Withheld, res.BonusPaid, res.Refund, res.Uncollected}
	if got != w {
		t.Errorf("\n got %+v\nwant %+v", got, w)
	}
}

func TestReconcileTax(t *testing.T) {
	r26, r25 := mustRules(t, 2026), mustRules(t, 2025)
	first := Child{Name: "Eliška", Order: 1}
	year := func(y int) TaxReconciliationInput { return TaxReconciliationInput{Year: y} }

	t.Run("steady 45,000 with one child and a pension contribution of 24,000", func(t *testing.T) {
		// Monthly (part A, A4): 6,750 − 2,570 − 1,267 = 2,913 withheld; × 12 = 34,956.
		// Income 12 × 45,000 = 540,000. Pension: 24,000 − 20,400 = 3,600 deductible.
		// Base 540,000 − 3,600 = 536,400 (whole hundreds). Tax 15 % = 80,460.
		// − 30,840 taxpayer = 49,620; − child 12 × 1,267 = 15,204 → due 34,416.
		// Refund 34,956 − 34,416 = 540 (= 15 % of 3,600).
		e := employee(ContractHPP, kc(45_000), 0, HoursOf(40), true, first)
		in := year(2026)
		in.Deductions.Pension = kc(24_000)
		res, err := ReconcileTax(r26, e, payYear(t, r26, e, 1, 12), in)
		if err != nil {
			t.Fatal(err)
		}
		wantReconcile(t, res, reconcileWant{income: kc(540_000), deductions: kc(3600), base: kc(536_400), tax: kc(80_460), taxpayer: kc(30_840),
			child: kc(15_204), due: kc(34_416), withheld: kc(34_956), refund: kc(540)})
		if res.Allowed.Pension != kc(3600) || res.ChildMonths != 12 || res.Months != 12 {
			t.Errorf("pension allowed %d, child months %d, months %d", res.Allowed.Pension, res.ChildMonths, res.Months)
		}
		if in.RefundMonth() != (Month{2027, time.March}) {
			t.Errorf("refund month %v, want March 2027", in.RefundMonth())
		}
	})

	t.Run("a raise in July: the monthly 23 % applied, the annual does not", func(t *testing.T) {
		// Jan–Jun 60,000: 9,000 − 2,570 = 6,430 a month → 38,580.
		// Jul–Dec 160,000, above 146,901: 15 % × 146,901 = 22,035.15 + 23 % ×
		// 13,099 = 3,012.77 → 25,047.92 → 25,048 − 2,570 = 22,478 → 134,868.
		// Withheld 173,448. Income 360,000 + 960,000 = 1,320,000 < 1,762,812:
		// tax 15 % = 198,000 − 30,840 = 167,160. Refund 173,448 − 167,160 = 6,288.
		e := employee(ContractHPP, kc(60_000), 0, HoursOf(40), true)
		e = e.WithTerms(EmployeeTerms{From: D(2026, 7, 1), Contract: ContractHPP, MonthlySalary: kc(160_000), HoursPerWeek: HoursOf(40)})
		res, err := ReconcileTax(r26, e, payYear(t, r26, e, 1, 12), year(2026))
		if err != nil {
			t.Fatal(err)
		}
		wantReconcile(t, res, reconcileWant{income: kc(1_320_000), base: kc(1_320_000), tax: kc(198_000), taxpayer: kc(30_840),
			due: kc(167_160), withheld: kc(173_448), refund: kc(6288)})
	})

	t.Run("joined in April", func(t *testing.T) {
		// Apr–Dec 30,000: 4,500 − 2,570 = 1,930 a month × 9 = 17,370.
		// Income 270,000, tax 40,500 − the whole year's 30,840 = 9,660.
		// Refund 17,370 − 9,660 = 7,710 (the 3 months' credits, 3 × 2,570).
		e := employee(ContractHPP, kc(30_000), 0, HoursOf(40), true)
		e.Start, e.History[0].From = D(2026, 4, 1), D(2026, 4, 1)
		res, err := ReconcileTax(r26, e, payYear(t, r26, e, 4, 12), year(2026))
		if err != nil {
			t.Fatal(err)
		}
		wantReconcile(t, res, reconcileWant{income: kc(270_000), base: kc(270_000), tax: kc(40_500), taxpayer: kc(30_840),
			due: kc(9660), withheld: kc(17_370), refund: kc(7710)})
	})

	t.Run("joined in April, disability of degree 3 the whole year", func(t *testing.T) {
		// Monthly 4,500 − 2,570 − 420 = 1,510 × 9 = 13,590. The year: 12 × 420
		// = 5,040 (the months before April too). 40,500 − 30,840 − 5,040 = 4,620.
		// Refund 13,590 − 4,620 = 8,970.
		e := employee(ContractHPP, kc(30_000), 0, HoursOf(40), true)
		e.Start, e.History[0].From, e.History[0].Disability = D(2026, 4, 1), D(2026, 4, 1), 3
		res, err := ReconcileTax(r26, e, payYear(t, r26, e, 4, 12), year(2026))
		if err != nil {
			t.Fatal(err)
		}
		wantReconcile(t, res, reconcileWant{income: kc(270_000), base: kc(270_000), tax: kc(40_500), taxpayer: kc(30_840), disability: kc(5040),
			due: kc(4620), withheld: kc(13_590), refund: kc(8970)})
		if res.DisabilityMonths != 12 {
			t.Errorf("disability months %d, want 12", res.DisabilityMonths)
		}
	})

	t.Run("steady 160,000: above the annual threshold, nothing to refund", func(t *testing.T) {
		// Monthly 25,048 (above) − 2,570 = 22,478 × 12 = 269,736.
		// Income 1,920,000: 15 % × 1,762,812 = 264,421.80 + 23 % × 157,188 =
		// 36,153.24 → 300,575.04 → 300,576. − 30,840 = 269,736. Difference 0.
		e := employee(ContractHPP, kc(160_000), 0, HoursOf(40), true)
		res, err := ReconcileTax(r26, e, payYear(t, r26, e, 1, 12), year(2026))
		if err != nil {
			t.Fatal(err)
		}
		wantReconcile(t, res, reconcileWant{income: kc(1_920_000), base: kc(1_920_000), tax: kc(300_576), taxpayer: kc(30_840),
			due: kc(269_736), withheld: kc(269_736)})
	})

	t.Run("2025, steady 150,000: the monthly roundings come back", func(t *testing.T) {
		// Monthly 2025: 15 % × 139,671 = 20,950.65 + 23 % × 10,329 = 2,375.67 →
		// 23,326.32 → 23,327 − 2,570 = 20,757 × 12 = 249,084.
		// Year: 1,800,000 > 1,676,052: 251,407.80 + 23 % × 123,948 = 28,508.04 →
		// 279,915.84 → 279,916 − 30,840 = 249,076. Refund 8.
		e := employee(ContractHPP, kc(150_000), 0, HoursOf(40), true)
		res, err := ReconcileTax(r25, e, payYear(t, r25, e, 1, 12), year(2025))
		if err != nil {
			t.Fatal(err)
		}
		wantReconcile(t, res, reconcileWant{income: kc(1_800_000), base: kc(1_800_000), tax: kc(279_916), taxpayer: kc(30_840),
			due: kc(249_076), withheld: kc(249_084), refund: kc(8)})
	})

	t.Run("the bonus of a month under 11,200 is paid with the year", func(t *testing.T) {
		// 11 months of 12,000: advance 1,800 all taken by the taxpayer credit,
		// child 1,267 paid as the bonus; August 8,000 < 11,200: no bonus.
		// Paid 11 × 1,267 = 13,937. Year: income 140,000 ≥ 134,400; tax
		// 21,000 − 30,840 → 0 (credit used 21,000); child 15,204 all bonus.
		// Refund 15,204 − 13,937 = 1,267.
		e := employee(ContractHPP, kc(12_000), 0, HoursOf(20), true, first)
		var ps []Payslip
		for mo := time.January; mo <= time.December; mo++ {
			if mo == time.August {
				ps = append(ps, slip(e, 2026, mo, kc(8000), 0, 0))
			} else {
				ps = append(ps, slip(e, 2026, mo, kc(12_000), 0, kc(1267)))
			}
		}
		res, err := ReconcileTax(r26, e, ps, year(2026))
		if err != nil {
			t.Fatal(err)
		}
		wantReconcile(t, res, reconcileWant{income: kc(140_000), base: kc(140_000), tax: kc(21_000), taxpayer: kc(21_000),
			bonus: kc(15_204), bonusPaid: kc(13_937), refund: kc(1267)})
	})

	t.Run("a year's income under 6 × the minimum wage: no bonus, nothing collected", func(t *testing.T) {
		// 11 × 11,200 + 8,000 = 131,200 < 134,400: no bonus for the year. Paid
		// 11 × 1,267 = 13,937 stays with the employee (uncollected).
		// Tax 15 % × 131,200 = 19,680, all taken by the taxpayer credit.
		e := employee(ContractHPP, kc(11_200), 0, HoursOf(20), true, first)
		var ps []Payslip
		for mo := time.January; mo <= time.December; mo++ {
			g, b := kc(11_200), kc(1267)
			if mo == time.August {
				g, b = kc(8000), 0
			}
			ps = append(ps, slip(e, 2026, mo, g, 0, b))
		}
		res, err := ReconcileTax(r26, e, ps, year(2026))
		if err != nil {
			t.Fatal(err)
		}
		wantReconcile(t, res, reconcileWant{income: kc(131_200), base: kc(131_200), tax: kc(19_680), taxpayer: kc(19_680),
			bonusPaid: kc(13_937), uncollected: kc(13_937)})
		if len(res.Notes) != 1 || res.Notes[0] != "reconcile.note.bonus_income" {
			t.Errorf("notes %v", res.Notes)
		}
	})

	t.Run("an hourly DPP worked in three months only", func(t *testing.T) {
		// Declared DPP at 200 Kč an hour, paid 8,000 in March, May and
		// October (no payslip in the other months: nobody worked). Monthly
		// 1,200 − 1,200 of the taxpayer credit = 0 withheld. Year 24,000:
		// tax 3,600 − 3,600 → 0. Nothing to refund, nothing refused.
		e := employee(ContractDPP, 0, kc(200), 0, true)
		ps := []Payslip{slip(e, 2026, time.March, kc(8000), 0, 0), slip(e, 2026, time.May, kc(8000), 0, 0), slip(e, 2026, time.October, kc(8000), 0, 0)}
		res, err := ReconcileTax(r26, e, ps, year(2026))
		if err != nil {
			t.Fatal(err)
		}
		wantReconcile(t, res, reconcileWant{income: kc(24_000), base: kc(24_000), tax: kc(3600), taxpayer: kc(3600)})
	})

	t.Run("every cap", func(t *testing.T) {
		// 45,000 × 12 = 540,000, no child: withheld 12 × (6,750 − 2,570) = 50,160.
		// Gifts 100,000 → 15 % × 540,000 = 81,000. Interest 200,000 → 150,000.
		// Pension 80,000 − 20,400 = 59,600, life 10,000 → together 48,000
		// (pension first: 48,000, life 0). Union 5,000 → min(1.5 % × 540,000
		// = 8,100, 3,000) = 3,000. Exams 12,000 → 10,000.
		// Total 81,000 + 150,000 + 48,000 + 3,000 + 10,000 = 292,000.
		// Base 248,000; tax 37,200 − 30,840 = 6,360. Refund 50,160 − 6,360 = 43,800.
		e := employee(ContractHPP, kc(45_000), 0, HoursOf(40), true)
		in := year(2026)
		in.Deductions = TaxDeductions{Gifts: kc(100_000), MortgageInterest: kc(200_000), Pension: kc(80_000), LifeInsurance: kc(10_000),
			UnionDues: kc(5000), ExamFees: kc(12_000)}
		res, err := ReconcileTax(r26, e, payYear(t, r26, e, 1, 12), in)
		if err != nil {
			t.Fatal(err)
		}
		wantReconcile(t, res, reconcileWant{income: kc(540_000), deductions: kc(292_000), base: kc(248_000), tax: kc(37_200), taxpayer: kc(30_840),
			due: kc(6360), withheld: kc(50_160), refund: kc(43_800)})
		want := TaxDeductions{Gifts: kc(81_000), MortgageInterest: kc(150_000), Pension: kc(48_000), UnionDues: kc(3000), ExamFees: kc(10_000)}
		if res.Allowed != want {
			t.Errorf("allowed %+v, want %+v", res.Allowed, want)
		}
	})

	t.Run("the base rounded down to hundreds; a gift under the minimum", func(t *testing.T) {
		// 540,000 − union dues 1,234.56 = 538,765.44 → 538,700. The gift of
		// 999 Kč is under 1,000 and under 2 % (10,800): not deductible.
		// Tax 15 % × 538,700 = 80,805 − 30,840 = 49,965. Refund 50,160 − 49,965 = 195.
		e := employee(ContractHPP, kc(45_000), 0, HoursOf(40), true)
		in := year(2026)
		in.Deductions = TaxDeductions{Gifts: kc(999), UnionDues: 1234_56}
		res, err := ReconcileTax(r26, e, payYear(t, r26, e, 1, 12), in)
		if err != nil {
			t.Fatal(err)
		}
		wantReconcile(t, res, reconcileWant{income: kc(540_000), deductions: 1234_56, base: kc(538_700), tax: kc(80_805), taxpayer: kc(30_840),
			due: kc(49_965), withheld: kc(50_160), refund: kc(195)})
		if len(res.Notes) != 1 || res.Notes[0] != "reconcile.note.gifts_below_minimum" {
			t.Errorf("notes %v", res.Notes)
		}
	})
}

func TestReconcileTaxRefused(t *testing.T) {
	r := mustRules(t, 2026)
	e := employee(ContractHPP, kc(45_000), 0, HoursOf(40), true)
	year := payYear(t, r, e, 1, 12)
	undeclared := e
	undeclared.Declarations = []int{2025}
	withheld := append([]Payslip(nil), year...)
	withheld[4].Declaration, withheld[4].Withholding = false, kc(100)
	for _, c := range []struct {
		name, field string
		e           Employee
		ps          []Payslip
		in          TaxReconciliationInput
	}{
		{"another employer", "reconcile.other_employer", e, year, TaxReconciliationInput{Year: 2026, OtherEmployer: true}},
		{"no prohlášení for the year", "reconcile.declaration", undeclared, year, TaxReconciliationInput{Year: 2026}},
		{"a month taxed by withholding", "reconcile.declaration", e, withheld, TaxReconciliationInput{Year: 2026}},
		{"December not approved", "reconcile.year", e, year[:11], TaxReconciliationInput{Year: 2026}},
		{"no payslips", "reconcile.year", e, nil, TaxReconciliationInput{Year: 2026}},
		{"rules of another year", "reconcile.year", e, year, TaxReconciliationInput{Year: 2025}},
		{"a refund in May", "reconcile.pay_month", e, year, TaxReconciliationInput{Year: 2026, PayMonth: Month{2027, time.May}}},
		{"a refund in this year", "reconcile.pay_month", e, year, TaxReconciliationInput{Year: 2026, PayMonth: Month{2026, time.December}}},
		{"a negative gift", "reconcile.gifts", e, year, TaxReconciliationInput{Year: 2026, Deductions: TaxDeductions{Gifts: -1}}},
		{"interest of 10^11 Kč", "reconcile.interest", e, year, TaxReconciliationInput{Year: 2026, Deductions: TaxDeductions{MortgageInterest: kc(100_000_000_000)}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReconcileTax(r, c.e, c.ps, c.in)
			var e *Error
			if !errors.As(err, &e) || e.Code != EINVALID || e.Field != c.field {
				t.Errorf("got %v, want EINVALID of %q", err, c.field)
			}
		})
	}
}

func TestAddTaxRefundPosts342To331(t *testing.T) {
	// A March payslip of 45,000 (net 36,867, part A) carrying a refund of
	// 540: net 37,407; 342 is credited the 2,913 withheld and debited the
	// 540 refunded, 331 keeps the net 37,407 to pay.
	r := mustRules(t, 2026)
	e := employee(ContractHPP, kc(45_000), 0, HoursOf(40), true, Child{Order: 1})
	p := payYear(t, r, e, 3, 3)[0]
	p.AddTaxRefund(kc(540))
	if p.Net != kc(37_407) || p.TaxRefund != kc(540) || p.YTD.Net != kc(37_407) {
		t.Fatalf("net %d refund %d ytd net %d", p.Net, p.TaxRefund, p.YTD.Net)
	}
	entry, err := PayrollEntry([]Payslip{p}, D(2026, 3, 31), "MZ2026-03", ChartCzech.Posting())
	if err != nil {
		t.Fatal(err)
	}
	// 342: Cr 2,913 advance, Dr 540 refund → 2,373 left to remit.
	var tax, emp int64
	for _, l := range entry.Lines {
		switch l.Account {
		case "342":
			tax += l.Credit - l.Debit
		case "331":
			emp += l.Credit - l.Debit
		}
	}
	if tax != kc(2373) || emp != kc(37_407) {
		t.Errorf("342 credit %d, 331 credit %d; want 2,373 and the net 37,407", tax, emp)
	}
}

// TestPaymentsWithRefund: the worked example's payslip carrying a refund of
// 540 pays the employee 36,867 + 540 = 37,407 and the tax office only
// 2,913 − 540 = 2,373: the refund comes out of the advances withheld.
func TestPaymentsWithRefund(t *testing.T) {
	ps, emps := payrollStaff(t)
	p := ps[0]
	p.AddTaxRefund(kc(540))
	pays, err := PayrollPayments([]Payslip{p}, emps, paySettings())
	if err != nil {
		t.Fatal(err)
	}
	got := map[PayrollPaymentKind]int64{}
	for _, x := range pays {
		got[x.Kind] += x.Amount
	}
	if got[PayNet] != kc(37_407) || got[PayTaxAdvance] != kc(2373) {
		t.Errorf("net %d, tax office %d; want 37,407 and 2,373", got[PayNet], got[PayTaxAdvance])
	}
}
