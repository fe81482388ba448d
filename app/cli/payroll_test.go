package cli

import (
	"strings"
	"testing"

	"kontor/app"
	"kontor/data/datatest"
)

// payrollEnv is a database with part A's worked example employed (HPP,
// 45,000 Kč, prohlášení, one child) and a DPP student below the insurance
// threshold; the payroll clerk mzdy and the salesman eva exist too.
func payrollEnv(t *testing.T) (*testEnv, *datatest.DB, app.Employee) {
	t.Helper()
	db := datatest.MustOpen(t)
	db.AddUser(t, "mzdy", "Marie Zdvořilá", "mzdy-heslo-1", app.RolePayroll)
	db.AddUser(t, "eva", "Eva Žáková", "eva-heslo-12", app.RoleSales)
	e, err := db.SaveEmployee(db.Ctx, app.Employee{Name: "Petr Dvořák", BirthNumber: "850315/1239", Street: "Krátká 1", City: "Praha",
		HealthInsurer: "111", BankAccount: "19-2000145399/0800", Start: app.D(2025, 1, 1), Declarations: []int{2026},
		History: []app.EmployeeTerms{{From: app.D(2025, 1, 1), Contract: app.ContractHPP, MonthlySalary: 45_000_00, HoursPerWeek: app.HoursOf(40),
			Children: []app.Child{{Name: "Tomáš", Order: 1}}}}})
	if err != nil {
		t.Fatal(err)
	}
	// A DPP of 10 h a week at 200 Kč an hour, no prohlášení: November
	// (21 workdays) is 42 h = 8,400 Kč, below 12,000 Kč: not insured,
	// withholding 15 % × 8,400 = 1,260, net 7,140.
	if _, err := db.SaveEmployee(db.Ctx, app.Employee{Name: "Šárka Nová", BirthNumber: "0552150005", Street: "Dlouhá 2", City: "Brno",
		HealthInsurer: "201", BankAccount: "19-2000145399/0800", Start: app.D(2026, 9, 1),
		History: []app.EmployeeTerms{{From: app.D(2026, 9, 1), Contract: app.ContractDPP, HourlyRate: 200_00, HoursPerWeek: app.HoursOf(10)}}}); err != nil {
		t.Fatal(err)
	}
	te := newTestEnv(t, db)
	te.vars[EnvDB] = db.Path
	te.as("mzdy", "mzdy-heslo-1")
	return te, db, e
}

func TestPayrollRun(t *testing.T) {
	te, db, e := payrollEnv(t)
	before := db.EntryIDs(t)

	// The dry run prints the register and writes no run and no entry.
	if code := te.run("payroll", "run", "2026-11", "--dry-run"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	out := te.out.String()
	for _, w := range []string{"Petr Dvořák", "45,000.00", "5,220.00", "2,913.00", "36,867.00", "Šárka Nová", "8,400.00", "1,260.00", "7,140.00",
		"53,400.00", "44,007.00", "Dry run of 11/2026: 2 payslips. Nothing was stored or posted."} {
		if !strings.Contains(out, w) {
			t.Errorf("dry run lacks %q:\n%s", w, out)
		}
	}
	if runs, err := db.PayRuns(db.Ctx, 2026); err != nil || len(runs) != 0 {
		t.Errorf("runs after the dry run: %v %v", runs, err)
	}
	if es := db.NewEntries(t, before); len(es) != 0 {
		t.Errorf("the dry run posted %+v", es)
	}

	// The run itself: approved and posted, the same register.
	if code := te.run("payroll", "run", "2026-11"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, te.err.String())
	}
	if !strings.Contains(te.out.String(), "36,867.00") || !strings.Contains(te.out.String(), "Approved pay run MZ2026-11 of 11/2026: 2 payslips, posted to the ledger.") {
		t.Errorf("stdout %q", te.out.String())
	}
	es := db.NewEntries(t, before)
	if len(es) != 1 || es[0].Source != "payrun:MZ2026-11" {
		t.Fatalf("entries %+v", es)
	}
	// 521 Dr 45,000 + 8,400; 524 Dr 15,210 (the DPP pays no insurance).
	if dr, _ := es[0].Totals(); dr == 0 {
		t.Errorf("entry %+v", es[0])
	}
	for _, l := range es[0].Lines {
		if l.Account == "521" && l.Debit != 53_400_00 || l.Account == "524" && l.Debit != 15_210_00 || l.Account == "342" && l.Credit != 2_913_00+1_260_00 {
			t.Errorf("line %+v", l)
		}
	}
	slips, err := db.Payslips(db.Ctx, e.ID, 2026)
	if err != nil || len(slips) != 1 || slips[0].Net != 36_867_00 {
		t.Errorf("payslips %+v %v", slips, err)
	}

	t.Run("again", func(t *testing.T) {
		expectFail(t, te, te.run("payroll", "run", "2026-11"), "MZ2026-11")
		expectFail(t, te, te.run("payroll", "run", "2026-11", "--dry-run"), "MZ2026-11")
		if es := db.NewEntries(t, before); len(es) != 1 {
			t.Errorf("%d entries", len(es))
		}
	})
	t.Run("a month without rules", func(t *testing.T) {
		expectFail(t, te, te.run("payroll", "run", "2024-11", "--dry-run"), "2024")
	})
	t.Run("not a month", func(t *testing.T) {
		if code := te.run("payroll", "run", "listopad"); code != ExitUsage {
			t.Errorf("exit %d", code)
		}
	})
	t.Run("the salesman", func(t *testing.T) {
		te.as("eva", "eva-heslo-12")
		defer te.as("mzdy", "mzdy-heslo-1")
		code := te.run("payroll", "run", "2026-12", "--dry-run")
		if code != ExitFailure || te.out.Len() != 0 {
			t.Errorf("exit %d, stdout %q", code, te.out.String())
		}
	})
}
