package data_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"kontor/app"
	"kontor/data/datatest"
)

// birthNumber is the i-th valid 10-digit rodné číslo of a man born in
// 1970–1999 (divisible by 11).
func birthNumber(i int) string {
	for k := i; ; k += 1000 {
		yy, mm, dd := 70+k%30, 1+(k/30)%12, 1+(k/360)%28
		first9 := int64((yy*100+mm)*100+dd)*1000 + int64(k%1000)
		c := (11 - (first9*10)%11) % 11
		if c == 10 {
			continue
		}
		s := fmt.Sprintf("%09d%d", first9, c)
		if err := app.ValidateBirthNumber(s); err == nil {
			return s
		}
	}
}

// payrollCompany stores n employees: of each ten, eight full-time (salaries
// 30,000–65,000 Kč, some with children), a DPP and a DPČ by the hour.
func payrollCompany(tb testing.TB, n int) *datatest.DB {
	tb.Helper()
	db := datatest.MustOpen(tb)
	seen := map[string]bool{}
	for i := range n {
		bn := birthNumber(i)
		for j := i + 1; seen[bn]; j += 997 {
			bn = birthNumber(j)
		}
		seen[bn] = true
		t := app.EmployeeTerms{From: app.D(2025, 1, 1), Contract: app.ContractHPP, MonthlySalary: int64(30_000+(i%36)*1_000) * 100, HoursPerWeek: app.HoursOf(40)}
		switch i % 10 {
		case 8:
			t = app.EmployeeTerms{From: t.From, Contract: app.ContractDPP, HourlyRate: 180_00, HoursPerWeek: app.HoursOf(5)}
		case 9:
			t = app.EmployeeTerms{From: t.From, Contract: app.ContractDPC, HourlyRate: 210_00, HoursPerWeek: app.HoursOf(15)}
		case 1, 4:
			t.Children = []app.Child{{Name: "Dítě", Order: 1}, {Name: "Dítě", Order: 2}}
		}
		e := app.Employee{Name: "Zaměstnanec " + strconv.Itoa(i), BirthNumber: bn, Street: "Ulice " + strconv.Itoa(i), City: "Ostrava",
			HealthInsurer: app.HealthInsurerCodes()[i%7], BankAccount: "19-2000145399/0800", Start: app.D(2025, 1, 1), History: []app.EmployeeTerms{t}}
		if i%3 != 0 {
			e.Declarations = []int{2025, 2026}
		}
		if _, err := db.SaveEmployee(db.Ctx, e); err != nil {
			tb.Fatalf("employee %d (%s): %v", i, bn, err)
		}
	}
	return db
}

// BenchmarkApprovePayRun500 approves (computes again, posts, locks) a
// computed run of 500 employees; each iteration the next month of
// 2025–2026, the draft saved and computed outside the timer.
func BenchmarkApprovePayRun500(b *testing.B) { benchPayRuns(b, false) }

// BenchmarkPayRun500 is a whole run of 500 employees: the draft saved,
// computed and approved (the "computed and posted ≤ 1 s").
func BenchmarkPayRun500(b *testing.B) { benchPayRuns(b, true) }

func benchPayRuns(b *testing.B, all bool) {
	var db *datatest.DB
	var emps []app.Employee
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if i%24 == 0 {
			db = payrollCompany(b, 500)
			var err error
			if emps, err = db.Employees(db.Ctx, app.EmployeeFilter{}); err != nil {
				b.Fatal(err)
			}
		}
		m := app.Month{Year: 2025 + (i%24)/12, Month: time.Month(1 + i%12)}
		inputs := app.DefaultPayInputs(emps, m)
		if all {
			b.StartTimer()
		}
		r, err := db.SavePayRunDraft(db.Ctx, app.PayRun{Month: m, Inputs: inputs})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.ComputePayRun(db.Ctx, r.ID); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		r, err = db.ApprovePayRun(db.Ctx, r.ID)
		if err != nil || len(r.Payslips) != 500 || r.EntryID == "" {
			b.Fatalf("%v: %d payslips, entry %q", err, len(r.Payslips), r.EntryID)
		}
	}
}

// TestPayRun500 is the benchmark's run once as a test: all 500 payslips
// posted, the ledger's payroll accounts as the check proves them.
func TestPayRun500(t *testing.T) {
	if testing.Short() {
		t.Skip("500 employees")
	}
	db := payrollCompany(t, 500)
	emps := of(db.Employees(db.Ctx, app.EmployeeFilter{})).must(t)
	m := app.Month{Year: 2026, Month: 10}
	r := of(db.SavePayRunDraft(db.Ctx, app.PayRun{Month: m, Inputs: app.DefaultPayInputs(emps, m)})).must(t)
	of(db.ComputePayRun(db.Ctx, r.ID)).must(t)
	start := time.Now()
	r = of(db.ApprovePayRun(db.Ctx, r.ID)).must(t)
	t.Logf("approved 500 in %v", time.Since(start))
	if len(r.Payslips) != 500 {
		t.Fatalf("%d payslips", len(r.Payslips))
	}
	var gross int64
	for _, p := range r.Payslips {
		gross += p.Gross
	}
	if b := closing(t, db); b["521"] != gross {
		t.Errorf("521 %d, payslips' gross %d", b["521"], gross)
	}
	mustClean(t, db)
}
