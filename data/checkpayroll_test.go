package data

import (
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// The payroll check finds a running year-to-date that is not the sum of
// the payslips, and a pay run whose posting is lost.
func TestCheckPayroll(t *testing.T) {
	s, _ := MustCompany(t)
	e, err := s.SaveEmployee(ctx, app.Employee{Name: "Petr Dvořák", BirthNumber: "850315/1239", Street: "Krátká 1", City: "Praha",
		HealthInsurer: "111", BankAccount: "19-2000145399/0800", Start: app.D(2025, 1, 1), Declarations: []int{2026},
		History: []app.EmployeeTerms{{From: app.D(2025, 1, 1), Contract: app.ContractHPP, MonthlySalary: 45_000_00, HoursPerWeek: app.HoursOf(40)}}})
	if err != nil {
		t.Fatal(err)
	}
	m := app.Month{Year: 2026, Month: 10}
	r, err := s.SavePayRunDraft(ctx, app.PayRun{Month: m, Inputs: []app.PayInput{{EmployeeID: e.ID, Input: app.MonthInput{WorkedHours: app.HoursOf(176)}}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err = s.ComputePayRun(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if r, err = s.ApprovePayRun(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	mustCheckClean(t, s)

	found := func() map[string]bool {
		probs, err := s.Check(ctx)
		if err != nil {
			t.Fatal(err)
		}
		keys := map[string]bool{}
		for _, p := range probs {
			keys[p.Key] = true
		}
		return keys
	}
	// A running total changed behind the store's back.
	_ = s.db.Update(func(tx *bolt.Tx) error {
		var rec ytdRecord
		if _, err := getJSON(tx, bPayYTD, ytdKey(e.ID, m), &rec); err != nil {
			return err
		}
		rec.YTD.Gross++
		return putYTD(tx, e.ID, m, rec)
	})
	if k := found(); !k["check.payroll_ytd_sum"] {
		t.Errorf("a wrong year-to-date not found: %v", k)
	}
	// The run forgets its posting.
	_ = s.db.Update(func(tx *bolt.Tx) error {
		r.EntryID = ""
		return putRun(tx, r)
	})
	if k := found(); !k["check.payroll_postings"] {
		t.Errorf("a lost posting not found: %v", k)
	}
}
