package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"kontor/app"
	"kontor/data/datatest"
)

var (
	nov2026 = app.Month{Year: 2026, Month: 11}
	dec2026 = app.Month{Year: 2026, Month: 12}
)

// kc is whole Kč in haléř.
func kc(n int64) int64 { return n * 100 }

// workedExample is the employee of part A's worked example: HPP, 45,000 Kč
// a month, prohlášení signed, one child.
func workedExample() app.Employee {
	return app.Employee{Name: "Petr Dvořák", BirthNumber: "850315/1239", Street: "Krátká 1", City: "Praha", Postcode: "110 00",
		HealthInsurer: "111", BankAccount: "19-2000145399/0800", Start: app.D(2025, 1, 1), Declarations: []int{2025, 2026},
		History: []app.EmployeeTerms{{From: app.D(2025, 1, 1), Contract: app.ContractHPP, MonthlySalary: kc(45_000), HoursPerWeek: app.HoursOf(40),
			Children: []app.Child{{Name: "Tomáš", Order: 1}}}}}
}

// result is a call's value and error, for of(call()).must(t).
type result[T any] struct {
	v   T
	err error
}

func of[T any](v T, err error) result[T] { return result[T]{v, err} }

func (r result[T]) must(t testing.TB) T {
	t.Helper()
	if r.err != nil {
		t.Fatal(r.err)
	}
	return r.v
}

func wantErr(t testing.TB, err error, code, field string) {
	t.Helper()
	var e *app.Error
	if !errors.As(err, &e) || e.Code != code || field != "" && e.Field != field {
		t.Fatalf("error %v, want %s about %q", err, code, field)
	}
}

// closing returns the payroll accounts' balances (debit − credit) of 2026.
func closing(t testing.TB, db *datatest.DB) map[string]int64 {
	t.Helper()
	bals := of(db.Balances(db.Ctx, app.Month{Year: 2026, Month: 1}, dec2026)).must(t)
	out := map[string]int64{}
	for _, b := range bals {
		switch b.Account.Code {
		case "521", "524", "331", "336", "342":
			out[b.Account.Code] = b.Closing()
		}
	}
	return out
}

func approveMonth(t testing.TB, db *datatest.DB, ctx context.Context, r app.PayRun) app.PayRun {
	t.Helper()
	r = of(db.SavePayRunDraft(ctx, r)).must(t)
	of(db.ComputePayRun(ctx, r.ID)).must(t)
	return of(db.ApprovePayRun(ctx, r.ID)).must(t)
}

func mustClean(t testing.TB, db *datatest.DB) {
	t.Helper()
	probs := of(db.Check(db.Ctx)).must(t)
	for _, p := range probs {
		t.Errorf("check: %s: %s", p.Key, p.Text(nil))
	}
}

// The worked example through a pay run posted to the ledger, a second run
// of the month refused, a correcting run posting the difference, and
// December's year-to-date from the corrected November.
func TestPayRunWorkedExample(t *testing.T) {
	db := datatest.MustOpen(t)
	ctx := db.As(t, app.RolePayroll)
	e := of(db.SaveEmployee(ctx, workedExample())).must(t)
	run := approveMonth(t, db, ctx, app.PayRun{Month: nov2026, Inputs: []app.PayInput{{EmployeeID: e.ID, Input: app.MonthInput{WorkedHours: app.HoursOf(168)}}}})
	if run.Status != app.PayRunApproved || run.Number != "MZ2026-11" || run.EntryID == "" || len(run.Payslips) != 1 || run.Payslips[0].Net != kc(36_867) {
		t.Fatalf("approved run %+v", run)
	}
	// 521 Dr 45,000; 524 Dr 11,160 + 4,050 = 15,210;
	// 331 Cr 45,000, Dr 3,195 + 2,025 = 5,220, Dr 2,913: Cr 36,867 (the net);
	// 336 Cr 5,220 + 15,210 = 20,430; 342 Cr 2,913.
	want := map[string]int64{"521": kc(45_000), "524": kc(15_210), "331": -kc(36_867), "336": -kc(20_430), "342": -kc(2_913)}
	if got := closing(t, db); !equalMap(got, want) {
		t.Fatalf("balances %v, want %v", got, want)
	}
	entry := of(db.Entry(db.Ctx, run.EntryID)).must(t)
	if entry.Date != app.D(2026, 11, 30) || entry.Source != "payrun:MZ2026-11" {
		t.Errorf("entry %+v", entry)
	}
	mustClean(t, db)

	// A second run of November is refused, naming the month.
	_, err := db.SavePayRunDraft(ctx, app.PayRun{Month: nov2026, Inputs: run.Inputs})
	wantErr(t, err, app.ECONFLICT, "payrun.month")
	// The approved run is locked.
	_, err = db.SavePayRunDraft(ctx, run)
	wantErr(t, err, app.ECONFLICT, "")
	wantErr(t, db.DeletePayRunDraft(ctx, run.ID), app.ECONFLICT, "")
	_, err = db.ComputePayRun(ctx, run.ID)
	wantErr(t, err, app.ECONFLICT, "")

	// The correction: a bonus of 5,000 Kč forgotten.
	//   gross 50,000; social 7.1 % = 3,550, employer 24.8 % = 12,400;
	//   health 13.5 % = 6,750: employee 2,250, employer 4,500;
	//   advance 15 % × 50,000 = 7,500 − 2,570 − 1,267 = 3,663;
	//   net 50,000 − 3,550 − 2,250 − 3,663 = 40,537.
	// It posts the difference: 521 +5,000, 524 +1,690, 336 +580 +1,690,
	// 342 +750, 331 +3,670, so the ledger shows the corrected month.
	corr := of(db.CorrectingPayRun(ctx, run.ID)).must(t)
	if corr.Number != "MZ2026-11-1" || corr.Corrects != run.ID || corr.Status != app.PayRunDraft || len(corr.Inputs) != 1 {
		t.Fatalf("correcting draft %+v", corr)
	}
	corr.Inputs[0].Input.Bonuses = kc(5_000)
	corr = approveMonth(t, db, ctx, corr)
	if p := corr.Payslips[0]; p.Gross != kc(50_000) || p.Net != kc(40_537) || p.TaxAdvance != kc(3_663) {
		t.Fatalf("corrected payslip %+v", p)
	}
	want = map[string]int64{"521": kc(50_000), "524": kc(16_900), "331": -kc(40_537), "336": -kc(22_700), "342": -kc(3_663)}
	if got := closing(t, db); !equalMap(got, want) {
		t.Fatalf("balances after the correction %v, want %v", got, want)
	}
	ce := of(db.Entry(db.Ctx, corr.EntryID)).must(t)
	if dr, _ := ce.Totals(); dr != kc(5_000+1_690+580+750) {
		t.Errorf("correction entry %+v", ce)
	}
	slips := of(db.Payslips(ctx, e.ID, 2026)).must(t)
	if len(slips) != 1 || slips[0].Gross != kc(50_000) {
		t.Errorf("payslips of 2026 %+v", slips)
	}
	mustClean(t, db)

	// December starts from the corrected November.
	ytd := of(db.YearToDate(ctx, e.ID, dec2026)).must(t)
	if ytd.Months != 1 || ytd.Gross != kc(50_000) || ytd.Net != kc(40_537) || ytd.SocialBase != kc(50_000) {
		t.Fatalf("YTD before December %+v", ytd)
	}
	decRun := approveMonth(t, db, ctx, app.PayRun{Month: dec2026, Inputs: []app.PayInput{{EmployeeID: e.ID, Input: app.MonthInput{WorkedHours: app.HoursOf(184)}}}})
	if y := decRun.Payslips[0].YTD; y.Months != 2 || y.Gross != kc(95_000) || y.Net != kc(40_537+36_867) {
		t.Errorf("December's YTD %+v", y)
	}

	// A second correction of November once December is approved: the
	// running totals of December move with it (the check proves them).
	corr2 := of(db.CorrectingPayRun(ctx, corr.ID)).must(t)
	if corr2.Number != "MZ2026-11-2" {
		t.Errorf("second correction numbered %s", corr2.Number)
	}
	corr2.Inputs[0].Input.Bonuses = 0
	approveMonth(t, db, ctx, corr2)
	want = map[string]int64{"521": kc(90_000), "524": kc(30_420), "331": -kc(73_734), "336": -kc(40_860), "342": -kc(5_826)}
	if got := closing(t, db); !equalMap(got, want) {
		t.Errorf("balances after undoing the bonus %v, want %v", got, want)
	}
	mustClean(t, db)

	// The employee is in pay runs: deleting is refused; the terms of paid
	// months cannot change, new terms from January can.
	wantErr(t, db.DeleteEmployee(ctx, e.ID), app.ECONFLICT, "")
	raise := e
	raise.History = append([]app.EmployeeTerms(nil), e.History...)
	raise.History[0].MonthlySalary = kc(50_000)
	_, err = db.SaveEmployee(ctx, raise)
	wantErr(t, err, app.ECONFLICT, "employee.terms")
	raise = e.WithTerms(app.EmployeeTerms{From: app.D(2027, 1, 1), Contract: app.ContractHPP, MonthlySalary: kc(50_000), HoursPerWeek: app.HoursOf(40)})
	saved := of(db.SaveEmployee(ctx, raise)).must(t)
	if len(saved.History) != 2 {
		t.Errorf("history %+v", saved.History)
	}
	got := of(db.Employee(ctx, e.ID)).must(t)
	if tm, _ := got.TermsOn(app.D(2026, 12, 31)); tm.MonthlySalary != kc(45_000) {
		t.Errorf("December's terms %+v", tm)
	}
	if tm, _ := got.TermsOn(app.D(2027, 1, 1)); tm.MonthlySalary != kc(50_000) {
		t.Errorf("January's terms %+v", tm)
	}
}

func equalMap(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// Payroll is the payroll role's and the admin's: a sales user is refused
// every call, and every read of payroll data is in the audit trail.
func TestPayrollRights(t *testing.T) {
	db := datatest.MustOpen(t)
	pay := db.As(t, app.RolePayroll)
	payUser := db.User(t, app.RolePayroll)
	sales := db.As(t, app.RoleSales)
	e := of(db.SaveEmployee(pay, workedExample())).must(t)

	_, err := db.Employee(sales, e.ID)
	wantErr(t, err, app.EUNAUTHORIZED, "")
	_, err = db.Employees(sales, app.EmployeeFilter{})
	wantErr(t, err, app.EUNAUTHORIZED, "")
	_, err = db.SaveEmployee(sales, workedExample())
	wantErr(t, err, app.EUNAUTHORIZED, "")
	_, err = db.SavePayRunDraft(sales, app.PayRun{Month: nov2026})
	wantErr(t, err, app.EUNAUTHORIZED, "")
	_, err = db.PayRuns(sales, 2026)
	wantErr(t, err, app.EUNAUTHORIZED, "")
	_, err = db.YearToDate(sales, e.ID, nov2026)
	wantErr(t, err, app.EUNAUTHORIZED, "")
	wantErr(t, db.DeleteEmployee(sales, e.ID), app.EUNAUTHORIZED, "")

	reads := func(entity string) int {
		n := 0
		for _, a := range db.AuditTrail(t, db.Ctx, app.AuditFilter{User: payUser.Name, Entity: entity}) {
			if a.Action == "read" {
				n++
			}
		}
		return n
	}
	if reads("employee") != 0 {
		t.Fatal("a read before any")
	}
	got := of(db.Employee(pay, e.ID)).must(t)
	if got.Name != "Petr Dvořák" || reads("employee") != 1 {
		t.Errorf("read %+v, %d read entries", got, reads("employee"))
	}
	list := of(db.Employees(pay, app.EmployeeFilter{Search: "dvorak", ActiveOn: app.D(2026, 11, 1)})).must(t)
	if len(list) != 1 || reads("employee") != 2 {
		t.Errorf("list %d, %d read entries", len(list), reads("employee"))
	}
	if l := of(db.Employees(pay, app.EmployeeFilter{Search: "1985 novák"})).must(t); len(l) != 0 {
		t.Errorf("search matched %+v", l)
	}
	if l := of(db.Employees(pay, app.EmployeeFilter{Search: "1985"})).must(t); len(l) != 1 {
		t.Errorf("search by the year of birth: %d", len(l))
	}
	of(db.PayRuns(pay, 2026)).must(t)
	of(db.Payslips(pay, e.ID, 2026)).must(t)
	if reads("payrun") != 1 || reads("payslip") != 1 {
		t.Errorf("pay run reads %d, payslip reads %d", reads("payrun"), reads("payslip"))
	}
	// The admin may read it too.
	of(db.Employee(db.Ctx, e.ID)).must(t)
}

// Bad input is refused naming the field, and nothing is written (not even
// an audit entry).
func TestPayrollBadInput(t *testing.T) {
	db := datatest.MustOpen(t)
	ctx := db.As(t, app.RolePayroll)
	e := of(db.SaveEmployee(ctx, workedExample())).must(t)
	late := workedExample()
	late.Name, late.BirthNumber, late.Start = "Jana Nováková", "905512/0008", app.D(2026, 12, 1)
	late.History[0].From = late.Start
	if err := app.ValidateBirthNumber(late.BirthNumber); err != nil {
		late.BirthNumber = "9055120008"
	}
	late = of(db.SaveEmployee(ctx, late)).must(t)
	// 10,000 Kč a month full-time is below the 2026 minimum wage.
	low := workedExample()
	low.Name, low.BirthNumber = "Karel Málo", "7103150010"
	low.History[0].MonthlySalary = kc(10_000)
	if err := app.ValidateBirthNumber(low.BirthNumber); err != nil {
		t.Fatal(err)
	}
	low = of(db.SaveEmployee(ctx, low)).must(t)
	db.LockMonth(t, app.Month{Year: 2026, Month: 1})
	audit := func() int { return of(db.AuditCount(db.Ctx, app.AuditFilter{})).must(t) }
	before := audit()

	emp := func(f func(*app.Employee)) app.Employee {
		x := workedExample()
		x.Name = "Žofie Šťastná 🙂 " + strings.Repeat("ř", 60)
		x.BirthNumber = "736028/5163"
		f(&x)
		return x
	}
	in := func(f func(*app.MonthInput)) []app.PayInput {
		m := app.MonthInput{WorkedHours: app.HoursOf(168)}
		f(&m)
		return []app.PayInput{{EmployeeID: e.ID, Input: m}}
	}
	cases := []struct {
		name, code, field string
		call              func() error
	}{
		{"a bad birth number", app.EINVALID, "employee.birth_number", func() error {
			_, err := db.SaveEmployee(ctx, emp(func(x *app.Employee) { x.BirthNumber = "736028/5164" }))
			return err
		}},
		{"a birth number taken", app.ECONFLICT, "employee.birth_number", func() error {
			_, err := db.SaveEmployee(ctx, emp(func(x *app.Employee) { x.BirthNumber = "8503151239" }))
			return err
		}},
		{"a bad bank account", app.EINVALID, "employee.bank_account", func() error {
			_, err := db.SaveEmployee(ctx, emp(func(x *app.Employee) { x.BankAccount = "19-2000145398/0800" }))
			return err
		}},
		{"a zero salary", app.EINVALID, "terms.pay", func() error {
			_, err := db.SaveEmployee(ctx, emp(func(x *app.Employee) { x.History[0].MonthlySalary = 0 }))
			return err
		}},
		{"a negative salary", app.EINVALID, "terms.pay", func() error {
			_, err := db.SaveEmployee(ctx, emp(func(x *app.Employee) { x.History[0].MonthlySalary = -kc(1) }))
			return err
		}},
		{"an unknown employee", app.ENOTFOUND, "", func() error {
			_, err := db.SaveEmployee(ctx, emp(func(x *app.Employee) { x.ID = "nobody" }))
			return err
		}},
		{"a month without rules", app.EINVALID, "payrun.month", func() error {
			_, err := db.SavePayRunDraft(ctx, app.PayRun{Month: app.Month{Year: 2024, Month: 11}, Inputs: in(func(*app.MonthInput) {})})
			return err
		}},
		{"a locked month", app.EINVALID, "payrun.month", func() error {
			_, err := db.SavePayRunDraft(ctx, app.PayRun{Month: app.Month{Year: 2026, Month: 1}, Inputs: in(func(*app.MonthInput) {})})
			return err
		}},
		{"hours the month cannot hold", app.EINVALID, "payslip.worked_hours", func() error {
			_, err := db.SavePayRunDraft(ctx, app.PayRun{Month: nov2026, Inputs: in(func(m *app.MonthInput) { m.WorkedHours = app.HoursOf(800) })})
			return err
		}},
		{"a negative bonus", app.EINVALID, "payslip.bonuses", func() error {
			_, err := db.SavePayRunDraft(ctx, app.PayRun{Month: nov2026, Inputs: in(func(m *app.MonthInput) { m.Bonuses = -kc(100) })})
			return err
		}},
		{"an employee outside the contract", app.EINVALID, "payslip.month", func() error {
			_, err := db.SavePayRunDraft(ctx, app.PayRun{Month: nov2026, Inputs: []app.PayInput{{EmployeeID: late.ID, Input: app.MonthInput{WorkedHours: app.HoursOf(8)}}}})
			return err
		}},
		{"an HPP below the minimum wage", app.EINVALID, "terms.pay", func() error {
			_, err := db.SavePayRunDraft(ctx, app.PayRun{Month: nov2026, Inputs: []app.PayInput{{EmployeeID: low.ID, Input: app.MonthInput{WorkedHours: app.HoursOf(168)}}}})
			if msg := app.ErrorMessage(err, nil); !strings.Contains(msg, "Karel Málo") || !strings.Contains(msg, "minimum wage") {
				t.Errorf("message %q names neither the employee nor the reason", msg)
			}
			return err
		}},
		{"an employee twice", app.EINVALID, "payrun.inputs", func() error {
			_, err := db.SavePayRunDraft(ctx, app.PayRun{Month: nov2026, Inputs: append(in(func(*app.MonthInput) {}), in(func(*app.MonthInput) {})...)})
			return err
		}},
		{"an input of another month", app.EINVALID, "payrun.inputs", func() error {
			_, err := db.SavePayRunDraft(ctx, app.PayRun{Month: nov2026, Inputs: in(func(m *app.MonthInput) { m.Month = dec2026 })})
			return err
		}},
		{"a correction of nothing", app.ENOTFOUND, "payrun.corrects", func() error {
			_, err := db.SavePayRunDraft(ctx, app.PayRun{Month: nov2026, Corrects: "nothing", Inputs: in(func(*app.MonthInput) {})})
			return err
		}},
		{"approving a run never computed", app.ENOTFOUND, "", func() error {
			_, err := db.ApprovePayRun(ctx, "nothing")
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantErr(t, c.call(), c.code, c.field)
			if n := audit(); n != before {
				t.Errorf("%d audit entries written", n-before)
			}
		})
	}
	if runs := of(db.PayRuns(ctx, 2026)).must(t); len(runs) != 0 {
		t.Errorf("runs written: %+v", runs)
	}
	if emps := of(db.Employees(ctx, app.EmployeeFilter{})).must(t); len(emps) != 3 {
		t.Errorf("%d employees", len(emps))
	}

	// A draft computed, then approved; a draft not computed is refused.
	r := of(db.SavePayRunDraft(ctx, app.PayRun{Month: nov2026, Inputs: in(func(*app.MonthInput) {})})).must(t)
	_, err := db.ApprovePayRun(ctx, r.ID)
	wantErr(t, err, app.ECONFLICT, "")
	// Terms changed after computing: the approval asks to compute again.
	of(db.ComputePayRun(ctx, r.ID)).must(t)
	changed := e.WithTerms(app.EmployeeTerms{From: app.D(2026, 11, 16), Contract: app.ContractHPP, MonthlySalary: kc(47_000), HoursPerWeek: app.HoursOf(40)})
	of(db.SaveEmployee(ctx, changed)).must(t)
	_, err = db.ApprovePayRun(ctx, r.ID)
	wantErr(t, err, app.ECONFLICT, "")
	of(db.ComputePayRun(ctx, r.ID)).must(t)
	of(db.ApprovePayRun(ctx, r.ID)).must(t)
	mustClean(t, db)
}

// A name with Czech letters and an emoji, the largest salary the terms
// allow (1,000,000,000 Kč): saved, found by its name typed without
// diacritics, paid, posted and checked clean.
func TestPayrollLargeAndCzech(t *testing.T) {
	db := datatest.MustOpen(t)
	ctx := db.As(t, app.RolePayroll)
	x := workedExample()
	x.Name = "Žofie Šťastná-Řeháčková 🙂 " + strings.Repeat("ů", 90)
	x.BirthNumber = "736028/5163"
	x.History[0].MonthlySalary = 1_000_000_000_00
	e := of(db.SaveEmployee(ctx, x)).must(t)
	if l := of(db.Employees(ctx, app.EmployeeFilter{Search: "ZOFIE rehackova"})).must(t); len(l) != 1 || l[0].Name != x.Name {
		t.Fatalf("search: %+v", l)
	}
	r := approveMonth(t, db, ctx, app.PayRun{Month: nov2026, Inputs: []app.PayInput{{EmployeeID: e.ID, Input: app.MonthInput{WorkedHours: app.HoursOf(168)}}}})
	p := r.Payslips[0]
	if p.Gross != 1_000_000_000_00 || p.Net <= 0 || p.Net >= p.Gross {
		t.Errorf("payslip %+v", p)
	}
	if b := closing(t, db); b["521"] != p.Gross || b["331"] != -p.Net {
		t.Errorf("balances %v", b)
	}
	mustClean(t, db)
}
