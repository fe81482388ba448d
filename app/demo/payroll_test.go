package demo_test

import (
	"strings"
	"testing"
	"time"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data/datatest"
)

// TestRunPayroll makes the whole demo with the Payroll step at
// datatest.DefaultNow (28 November 2026: the period runs from 1 December
// 2025, its last full month is October 2026) and reads the payroll back.
func TestRunPayroll(t *testing.T) {
	db, sum := runDemo(t, datatest.DefaultNow, demo.Options{}, append(demo.All(), demo.Payroll())...)
	acc := app.ChartCzech.Posting()
	// Balanced, the running balances agree, "kontor check" clean (its
	// payroll step proves each run's posting against its payslips).
	checkBooks(t, db, sum, acc)

	emps, err := db.Employees(db.Ctx, app.EmployeeFilter{})
	if err != nil || len(emps) != 8 {
		t.Fatalf("%d employees: %v", len(emps), err)
	}
	byName := map[string]app.Employee{}
	for _, e := range emps {
		byName[e.Name] = e
	}

	// Every month of the period up to October 2026 run and approved, one
	// run a month, each posted on the month's last day.
	var months []app.Month
	slips := map[app.Month]map[string]app.Payslip{}
	for _, year := range []int{2025, 2026} {
		runs, err := db.PayRuns(db.Ctx, year)
		if err != nil {
			t.Fatal(err)
		}
		for _, listed := range runs {
			r, err := db.PayRun(db.Ctx, listed.ID)
			if err != nil {
				t.Fatal(err)
			}
			if r.Status != app.PayRunApproved || r.EntryID == "" || r.Corrects != "" {
				t.Errorf("run %s: %s, entry %q", r.Number, r.Status, r.EntryID)
			}
			e, err := db.Entry(db.Ctx, r.EntryID)
			if err != nil || e.Date != r.Month.Last() || e.Source != "payrun:"+r.Number {
				t.Errorf("run %s posted %+v (%v)", r.Number, e, err)
			}
			months = append(months, r.Month)
			slips[r.Month] = map[string]app.Payslip{}
			for _, p := range r.Payslips {
				slips[r.Month][p.Name] = p
			}
		}
	}
	if len(months) != 11 || months[0] != (app.Month{Year: 2025, Month: time.December}) || months[10] != (app.Month{Year: 2026, Month: time.October}) {
		t.Fatalf("months run %v", months)
	}
	for i := 1; i < len(months); i++ {
		if months[i] != months[i-1].Next() {
			t.Errorf("months run %v: a gap or a second run", months)
		}
	}

	// Who is paid when: the one who left in June until June, the summer
	// DPP June to September only, everyone else every month.
	jun, jul := app.Month{Year: 2026, Month: time.June}, app.Month{Year: 2026, Month: time.July}
	if _, ok := slips[jun]["Pavel Kučera"]; !ok {
		t.Error("Pavel Kučera unpaid in June")
	}
	if _, ok := slips[jul]["Pavel Kučera"]; ok || byName["Pavel Kučera"].End != app.D(2026, time.June, 30) {
		t.Errorf("Pavel Kučera paid in July or not leaving in June: end %v", byName["Pavel Kučera"].End)
	}
	for m, ps := range slips {
		_, summer := ps["Ondřej Svoboda"]
		if summer != (m.Year == 2026 && m.Month >= time.June && m.Month <= time.September) {
			t.Errorf("Ondřej Svoboda paid in %v: %v", m.Format(), summer)
		}
		for _, name := range []string{"Jana Horáková", "Petr Dvořák", "Martin Veselý", "Lucie Králová", "Kateřina Černá", "Eliška Malá"} {
			if _, ok := ps[name]; !ok {
				t.Errorf("%s unpaid in %v", name, m.Format())
			}
		}
	}

	// June 2026 by hand (2026 rules: social 7.1 % and 24.8 %, health 4.5 %
	// and 9 %, the advance 15 %, the taxpayer's credit 2,570, the children
	// 1,267 and 1,860, the DPP insured from 12,000).
	june := slips[jun]
	for _, c := range []struct {
		name                                   string
		gross, social, health, advance, wh, nt int64
	}{
		// 48,000: social 3,408, health 2,160; advance 7,200 − 2,570 −
		// 1,267 − 1,860 = 1,503; net 48,000 − 3,408 − 2,160 − 1,503 = 40,929.
		{"Jana Horáková", 48_000_00, 3_408_00, 2_160_00, 1_503_00, 0, 40_929_00},
		// 38,500: social 2,734 (2,733.5 up), health 1,733 (1,732.5 up);
		// advance 5,775 − 2,570 = 3,205; net 30,828.
		{"Petr Dvořák", 38_500_00, 2_734_00, 1_733_00, 3_205_00, 0, 30_828_00},
		// The DPP below the threshold: 20 h × 190 = 3,800, no insurance,
		// no prohlášení: withholding 15 % = 570, net 3,230.
		{"Eliška Malá", 3_800_00, 0, 0, 0, 570_00, 3_230_00},
		// The DPP above it: 60 h × 230 = 13,800, insured: social 980
		// (979.8 up), health 621; advance 2,070 − 2,570 → 0; net 12,199.
		{"Ondřej Svoboda", 13_800_00, 980_00, 621_00, 0, 0, 12_199_00},
	} {
		p, ok := june[c.name]
		if !ok {
			t.Errorf("no June payslip of %s", c.name)
			continue
		}
		if p.Gross != c.gross || p.SocialEmployee != c.social || p.HealthEmployee != c.health || p.TaxAdvance != c.advance || p.Withholding != c.wh || p.Net != c.nt {
			t.Errorf("%s in June: gross %d social %d health %d advance %d withholding %d net %d", c.name, p.Gross, p.SocialEmployee, p.HealthEmployee, p.TaxAdvance, p.Withholding, p.Net)
		}
	}
	// The part-timer with a child draws the bonus: 2,850 − 2,570 = 280
	// against a credit of 1,267 leaves a bonus of 987.
	if p := june["Lucie Králová"]; p.ChildBonus != 987_00 {
		t.Errorf("Lucie Králová's bonus %d", p.ChildBonus)
	}

	// The bank pays what the runs left the month after: every net pay by
	// the 12th and the insurance and the advances by the 20th of November
	// are inside the period, so 331 and 336 clear to zero; 342 keeps
	// October's withholding tax, due on 30 November, after the period.
	bal := closing(journal(t, db))
	if bal[acc.Employees] != 0 || bal[acc.SocialInsurance] != 0 {
		t.Errorf("331 ends at %d, 336 at %d; want both cleared", bal[acc.Employees], bal[acc.SocialInsurance])
	}
	oct := slips[app.Month{Year: 2026, Month: time.October}]
	if want := -oct["Eliška Malá"].Withholding; want == 0 || bal[acc.WageTax] != want {
		t.Errorf("342 ends at %d, want October's withholding %d", bal[acc.WageTax], want)
	}
	var paid int
	for _, l := range journal(t, db) {
		if strings.HasPrefix(l.Memo, "Výplata mzdy 10/2026 – ") && l.Line.Account == acc.Employees {
			paid++
		}
	}
	if paid != len(oct) {
		t.Errorf("%d net pays of October, want %d", paid, len(oct))
	}
	if !strings.Contains(strings.Join(sum.Report, "\n"), "Payroll: 8 employees, 11 pay runs approved and posted (12/2025 – 10/2026)") {
		t.Errorf("report %q", sum.Report)
	}
}

// TestRunPayrollNoRules: a demo of 2024, a year without payroll rules,
// makes no employees and keeps the journal's own payroll.
func TestRunPayrollNoRules(t *testing.T) {
	db, sum := runDemo(t, datatest.DefaultNow, demo.Options{Year: 2024}, demo.Payroll())
	checkLedger(t, db, sum)
	emps, err := db.Employees(db.Ctx, app.EmployeeFilter{})
	if err != nil || len(emps) != 0 {
		t.Errorf("%d employees: %v", len(emps), err)
	}
	var wages bool
	for _, l := range journal(t, db) {
		wages = wages || strings.HasPrefix(l.Memo, "Mzda ")
	}
	if !wages || !strings.Contains(strings.Join(sum.Report, "\n"), "Payroll: none") {
		t.Errorf("wages booked %v, report %q", wages, sum.Report)
	}
}

// TestRunPayrollInternational: the pay runs post to the international
// chart's accounts, and its books are as clean.
func TestRunPayrollInternational(t *testing.T) {
	db, sum := runDemo(t, datatest.DefaultNow, demo.Options{Year: 2026, Chart: app.ChartInternational}, demo.Payroll())
	checkLedger(t, db, sum)
	runs, err := db.PayRuns(db.Ctx, 2026)
	if err != nil || len(runs) != 12 {
		t.Fatalf("%d runs of 2026: %v", len(runs), err)
	}
	acc := app.ChartInternational.Posting()
	bal := closing(journal(t, db))
	// December's pays fall due in January, after the period: 331 keeps
	// December's nets (a credit), the wages are costs.
	if bal[acc.Employees] >= 0 || bal[acc.Wages] <= 0 {
		t.Errorf("employees %s at %d, wages %s at %d", acc.Employees, bal[acc.Employees], acc.Wages, bal[acc.Wages])
	}
}

// TestRunPayrollPartlyRuled: the twelve months to 10 May 2025 are half in
// 2024, which has no rules: January to April 2025 are run, the 2024
// months are named in the report as unpaid, and the books stay clean.
func TestRunPayrollPartlyRuled(t *testing.T) {
	db, sum := runDemo(t, time.Date(2025, time.May, 10, 9, 0, 0, 0, time.UTC), demo.Options{}, demo.Payroll())
	checkLedger(t, db, sum)
	runs, err := db.PayRuns(db.Ctx, 2025)
	if err != nil || len(runs) != 4 || runs[0].Month.Month != time.January || runs[3].Month.Month != time.April {
		t.Fatalf("runs of 2025 %+v: %v", runs, err)
	}
	if runs, _ := db.PayRuns(db.Ctx, 2024); len(runs) != 0 {
		t.Errorf("%d runs of 2024", len(runs))
	}
	if r := strings.Join(sum.Report, "\n"); !strings.Contains(r, "no rules for 6/2024 – 12/2024") || !strings.Contains(r, "4 pay runs") {
		t.Errorf("report %q", sum.Report)
	}
}
