package app

import "testing"

func TestPayRunNumber(t *testing.T) {
	if got := PayRunNumber(Month{2026, 11}, 0); got != "MZ2026-11" {
		t.Errorf("run %q", got)
	}
	if got := PayRunNumber(Month{2026, 3}, 2); got != "MZ2026-03-2" {
		t.Errorf("correction %q", got)
	}
}

// November 2026 has 21 workdays (Mon 2nd … Mon 30th): a 40 h week works
// 21 × 8 = 168 h; one who starts on Monday the 16th works 11 × 8 = 88 h; a
// 37.5 h week 21 × 7.5 = 157.5 h; one who left in June and one who starts
// in December are not in November; a DPP without a schedule works 0 h.
func TestDefaultPayInputs(t *testing.T) {
	m := Month{2026, 11}
	mk := func(id string, start, end Date, week Hours, c ContractType) Employee {
		e := Employee{ID: id, Name: id, Start: start, End: end,
			History: []EmployeeTerms{{From: start, Contract: c, HourlyRate: 200_00, HoursPerWeek: week}}}
		return e
	}
	emps := []Employee{
		mk("full", D(2025, 1, 1), Date{}, HoursOf(40), ContractHPP),
		mk("mid", D(2026, 11, 16), Date{}, HoursOf(40), ContractHPP),
		mk("short", D(2025, 1, 1), Date{}, 3750, ContractHPP),
		mk("left", D(2025, 1, 1), D(2026, 6, 30), HoursOf(40), ContractHPP),
		mk("later", D(2026, 12, 1), Date{}, HoursOf(40), ContractHPP),
		mk("dpp", D(2026, 1, 1), Date{}, 0, ContractDPP),
	}
	got := map[string]Hours{}
	for _, in := range DefaultPayInputs(emps, m) {
		if in.Input.Month != m {
			t.Errorf("%s: month %v", in.EmployeeID, in.Input.Month)
		}
		got[in.EmployeeID] = in.Input.WorkedHours
	}
	want := map[string]Hours{"full": HoursOf(168), "mid": HoursOf(88), "short": 15750, "dpp": 0}
	if len(got) != len(want) {
		t.Fatalf("inputs %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s h, want %s", k, got[k], v)
		}
	}
}

// A correction of the worked example adding a 5,000 Kč bonus (gross
// 50,000: social 3,550 + 12,400, health 2,250 + 4,500, advance 3,663, net
// 40,537) posts +5,000 gross, +580 employee's and +1,690 employer's
// insurance, +750 advance; the entry of the difference balances.
func TestPayslipDifference(t *testing.T) {
	r := mustRules(t, 2026)
	e := employee(ContractHPP, kc(45_000), 0, HoursOf(40), true, Child{Order: 1})
	in := MonthInput{Month: nov2026, WorkedHours: HoursOf(168)}
	old, err := ComputePayslip(r, e, in, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	in.Bonuses = kc(5_000)
	p, err := ComputePayslip(r, e, in, YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Net != kc(40_537) {
		t.Fatalf("corrected net %d", p.Net)
	}
	d := PayslipDifference(p, old)
	if d.Gross != kc(5_000) || d.SocialEmployee+d.HealthEmployee != kc(580) || d.SocialEmployer+d.HealthEmployer != kc(1_690) || d.TaxAdvance != kc(750) || d.Net != kc(3_670) {
		t.Errorf("difference %+v", d)
	}
	entry, err := PayrollEntry([]Payslip{d}, nov2026.Last(), "MZ2026-11-1", ChartCzech.Posting())
	if err != nil || entry == nil {
		t.Fatal(err)
	}
	if dr, cr := entry.Totals(); dr != cr || dr != kc(5_000+1_690+580+750) {
		t.Errorf("entry %d / %d: %+v", dr, cr, entry.Lines)
	}
	// Taking the bonus back posts the same the other way round.
	back := PayslipDifference(old, p)
	if back.Gross != -kc(5_000) || back.Net != -kc(3_670) {
		t.Errorf("back %+v", back)
	}
	if entry, err = PayrollEntry([]Payslip{back}, nov2026.Last(), "MZ2026-11-2", ChartCzech.Posting()); err != nil || entry == nil {
		t.Fatalf("entry of a negative difference: %v", err)
	}
	if dr, cr := entry.Totals(); dr != cr || dr != kc(5_000+1_690+580+750) {
		t.Errorf("entry back %d / %d: %+v", dr, cr, entry.Lines)
	}
	// The running totals: old + difference = corrected.
	y := old.YTD.Add(p.YTD.Add(old.YTD, -1), 1)
	if y != p.YTD {
		t.Errorf("YTD %+v, want %+v", y, p.YTD)
	}
}
