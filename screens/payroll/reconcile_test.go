package payroll

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// TestReconcileDialog walks the Roční zúčtování… dialog on the real store:
// the worked example's employee (45,000 a month, one child, 2,913 withheld
// a month) with 2025 approved. A pension contribution of 24,000: 3,600
// deductible (24,000 − 20,400), base 536,400, tax 80,460 − 30,840 − 15,204
// = 34,416 against 34,956 withheld: refund 540, paid with March 2026.
// Computing records nothing; Record does; a second record needs the
// correction ticked: 30,000 → 9,600 deductible, refund 1,440.
func TestReconcileDialog(t *testing.T) {
	db := datatest.MustOpen(t)
	ctx := db.As(t, app.RolePayroll)
	e := app.Employee{Name: "Jiří Šťastný", BirthNumber: "850315/1239", Street: "Krátká 1", City: "Praha", Postcode: "110 00",
		HealthInsurer: "111", BankAccount: "19-2000145399/0800", Start: app.D(2025, 1, 1), Declarations: []int{2025, 2026},
		History: []app.EmployeeTerms{{From: app.D(2025, 1, 1), Contract: app.ContractHPP, MonthlySalary: 45_000_00, HoursPerWeek: app.HoursOf(40),
			Children: []app.Child{{Name: "Tomáš", Order: 1}}}}}
	e, err := db.SaveEmployee(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	for mo := time.January; mo <= time.December; mo++ {
		r, err := db.SavePayRunDraft(ctx, app.PayRun{Month: app.Month{Year: 2025, Month: mo}, Inputs: []app.PayInput{{EmployeeID: e.ID, Input: app.MonthInput{WorkedHours: app.HoursOf(160)}}}})
		if err == nil {
			_, err = db.ComputePayRun(ctx, r.ID)
		}
		if err == nil {
			_, err = db.ApprovePayRun(ctx, r.ID)
		}
		if err != nil {
			t.Fatalf("%d/2025: %v", mo, err)
		}
	}

	pt := openTab(t, db)
	pt.v.emps.open(e)
	if pt.v.emps.form == nil {
		t.Fatal("the employee did not open")
	}
	test.Tap(kittest.Button(t, pt.w.Canvas().Overlays().Top(), "Tax reconciliation…"))
	d := pt.v.reconcile
	if d == nil {
		t.Fatal("no reconciliation dialog")
	}
	kittest.Retype(d.year, "2025")

	// A bad amount is named at its field; nothing is computed.
	kittest.Retype(d.amounts["reconcile.pension"], "hodně")
	kittest.TapDialog(t, pt.w, "Compute")
	if d.fd.Form.Message("reconcile.pension") == "" || d.result.Text != "" {
		t.Fatalf("a bad pension amount: message %q, result %q", d.fd.Form.Message("reconcile.pension"), d.result.Text)
	}

	kittest.Retype(d.amounts["reconcile.pension"], "24000")
	kittest.TapDialog(t, pt.w, "Compute")
	for _, want := range []string{money(540_000_00), money(536_400_00), money(34_416_00), money(34_956_00), money(540_00), "Not recorded"} {
		if !strings.Contains(d.result.Text, want) {
			t.Errorf("the computed result lacks %q:\n%s\n%s", want, d.result.Text, kittest.DialogText(pt.w))
		}
	}
	if _, err := db.TaxReconciliation(ctx, e.ID, 2025); app.ErrorCode(err) != app.ENOTFOUND {
		t.Fatalf("computing recorded something: %v", err)
	}
	if !d.printBtn.Disabled() || d.record.Disabled() {
		t.Fatal("Record should be on and Print off before recording")
	}

	test.Tap(d.record)
	rec, err := db.TaxReconciliation(ctx, e.ID, 2025)
	if err != nil || rec.Result.Refund != 540_00 || rec.PayMonth != (app.Month{Year: 2026, Month: time.March}) {
		t.Fatalf("recorded %+v %v", rec, err)
	}
	if !strings.Contains(d.result.Text, "3/2026") || d.printBtn.Disabled() {
		t.Errorf("after Record: %q, print disabled %v", d.result.Text, d.printBtn.Disabled())
	}

	// The sheet prints.
	path := filepath.Join(t.TempDir(), "rz.pdf")
	d.writeSheet(path, nil)
	if b, err := os.ReadFile(path); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("the sheet: %v\n%s", err, kittest.DialogText(pt.w))
	}

	// Recording again without the correction ticked is refused; with it,
	// the new amounts replace the record.
	kittest.Retype(d.amounts["reconcile.pension"], "30000")
	kittest.TapDialog(t, pt.w, "Compute")
	test.Tap(d.record)
	if got, _ := db.TaxReconciliation(ctx, e.ID, 2025); got.Revision != 1 || got.Result.Refund != 540_00 {
		t.Fatalf("an unticked second record changed it: %+v", got)
	}
	kittest.CloseDialogs(pt.w)
	pt.v.emps.open(e)
	test.Tap(kittest.Button(t, pt.w.Canvas().Overlays().Top(), "Tax reconciliation…"))
	d = pt.v.reconcile
	kittest.Retype(d.year, "2025")
	kittest.Retype(d.amounts["reconcile.pension"], "30000")
	d.correct.SetChecked(true)
	kittest.TapDialog(t, pt.w, "Compute")
	test.Tap(d.record)
	if got, err := db.TaxReconciliation(ctx, e.ID, 2025); err != nil || got.Revision != 2 || got.Result.Refund != 1440_00 {
		t.Fatalf("the correction: %+v %v", got, err)
	}

	// Another employer: refused, nothing changes.
	d.other.SetChecked(true)
	kittest.TapDialog(t, pt.w, "Compute")
	if !strings.Contains(kittest.DialogText(pt.w), "another employer") {
		t.Errorf("another employer is not refused:\n%s", kittest.DialogText(pt.w))
	}
}
