package payroll

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

func TestMain(m *testing.M) {
	kittest.Setup()
	os.Exit(datatest.Main(m))
}

// prTest is the Payroll tab for a payroll clerk over a real store.
type prTest struct {
	db *datatest.DB
	h  *kittest.Host
	v  *View
	w  fyne.Window
}

func openTab(t *testing.T, db *datatest.DB, roles ...app.Role) *prTest {
	t.Helper()
	c, err := db.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(roles) == 0 {
		roles = []app.Role{app.RolePayroll}
	}
	h := kittest.NewHost(t, kittest.Deps(db, db.User(t, roles...)), c, Module())
	v := h.Show("payroll").(*View)
	return &prTest{db: db, h: h, v: v, w: h.Window()}
}

// balance is the closing balance of account code at the end of 2026.
func balance(t *testing.T, db *datatest.DB, code string) int64 {
	t.Helper()
	bals, err := db.BalancesBetween(db.Ctx, app.D(2026, 1, 1), app.D(2026, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if b.Account.Code == code {
			return b.Closing()
		}
	}
	return 0
}

func employees(t *testing.T, db *datatest.DB) []app.Employee {
	t.Helper()
	es, err := db.Employees(db.As(t, app.RolePayroll), app.EmployeeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// fillWorkedExample types part A's worked example into the open form:
// 45,000 Kč a month, HPP 40 h a week from 1 January 2025, VZP, the
// declaration signed for 2025 and 2026, one child.
func fillWorkedExample(t *testing.T, w fyne.Window, f *employeeForm, birth string) {
	t.Helper()
	form := w.Canvas().Overlays().Top()
	test.Type(kittest.FieldAfter(t, form, "Name"), "Jiří Šťastný")
	test.Type(kittest.FieldAfter(t, form, "Birth number"), birth)
	test.Type(kittest.FieldAfter(t, form, "Street"), "Krátká 1")
	test.Type(kittest.FieldAfter(t, form, "City"), "Praha")
	test.Type(kittest.FieldAfter(t, form, "Postcode"), "110 00")
	f.insurer.SetSelectedIndex(0) // 111 VZP
	test.Type(kittest.FieldAfter(t, form, "Bank account"), "19-2000145399/0800")
	test.Type(kittest.FieldAfter(t, form, "Start of employment"), "1. 1. 2025")
	test.Type(kittest.FieldAfter(t, form, "Signed tax declaration (years)"), "2025, 2026")
	test.Type(kittest.FieldAfter(t, form, "Pay"), "45000")
	test.Tap(kittest.Button(t, form, "Add child"))
	test.Type(kittest.FieldAfter(t, form, "Children"), "Tomáš")
}

// TestWorkedExamplePayRun walks part A's worked example through the tab:
// a bad birth number is named at its field and nothing is written; the
// employee saved; a new run for 11/2026 with 168 hours computed shows, by
// hand: social 6.5 % of 45,000 = 2,925 + … the part A figures: social
// 3,195 (7.1 %), health 2,025 (4.5 %), insurance 5,220; advance 15 % of
// 45,000 = 6,750 less the taxpayer's 2,570 and the first child's 1,267 =
// credits 3,837, advance 2,913; net 45,000 − 5,220 − 2,913 = 36,867;
// employer 11,160 (24.8 %) + 4,050 (9 %) = 15,210. Approve posts 331 =
// −36,867.
func TestWorkedExamplePayRun(t *testing.T) {
	db := datatest.MustOpen(t)
	pt := openTab(t, db)
	test.Tap(kittest.Button(t, pt.v.UI(), "New employee…"))
	f := pt.v.emps.form
	fillWorkedExample(t, pt.w, f, "850315/1238") // mod 11 fails: …1239 is right
	kittest.TapDialog(t, pt.w, "Save")
	if msg := f.fs.Message("employee.birth_number"); msg == "" {
		t.Fatalf("a bad birth number is not named at its field:\n%s", kittest.DialogText(pt.w))
	}
	if es := employees(t, db); len(es) != 0 {
		t.Fatalf("a refused form wrote %+v", es)
	}
	kittest.Retype(f.birth, "850315/1239")
	kittest.TapDialog(t, pt.w, "Save")
	es := employees(t, db)
	if len(es) != 1 {
		t.Fatalf("employees %+v\n%s", es, kittest.DialogText(pt.w))
	}
	e := es[0]
	if e.Name != "Jiří Šťastný" || e.HealthInsurer != "111" || !e.Declared(2026) || len(e.History) != 1 ||
		e.History[0].MonthlySalary != 45_000_00 || e.History[0].Contract != app.ContractHPP || e.History[0].HoursPerWeek != app.HoursOf(40) ||
		len(e.History[0].Children) != 1 || e.History[0].Children[0].Order != 1 || e.History[0].From != app.D(2025, 1, 1) {
		t.Fatalf("saved %+v", e)
	}
	if got := kittest.Texts(pt.v.UI()); !strings.Contains(got, "Jiří Šťastný") || !strings.Contains(got, "45,000.00 Kč / month") {
		t.Errorf("the list shows:\n%s", got)
	}

	pt.v.tabs.SelectIndex(1)
	test.Tap(kittest.Button(t, pt.v.UI(), "New pay run…"))
	kittest.Retype(kittest.FieldAfter(t, pt.w.Canvas().Overlays().Top(), "Month"), "2026-11")
	kittest.TapDialog(t, pt.w, "Create")
	rv := pt.v.runs.run
	if rv == nil || rv.r.Number != "MZ2026-11" || len(rv.rows) != 1 {
		t.Fatalf("no run opened\n%s", kittest.DialogText(pt.w))
	}
	// Hours beyond the month are refused at the row, naming the field;
	// nothing is computed.
	test.Type(rv.rows[0].entries["payslip.worked_hours"], "168")
	test.Type(rv.rows[0].entries["payslip.vacation_hours"], "999")
	test.Tap(kittest.Button(t, pt.v.UI(), "Compute"))
	if msg := rv.rows[0].msg.Text; !rv.rows[0].msg.Visible() || !strings.Contains(msg, "Jiří Šťastný") || !strings.Contains(msg, "Vacation hours") {
		t.Errorf("the row shows %q", msg)
	}
	if stored, err := db.PayRun(db.As(t, app.RolePayroll), rv.r.ID); err != nil || stored.Status != app.PayRunDraft || len(stored.Payslips) != 0 {
		t.Fatalf("a refused compute stored %+v, %v", stored, err)
	}
	kittest.Retype(rv.rows[0].entries["payslip.vacation_hours"], "")
	test.Tap(kittest.Button(t, pt.v.UI(), "Compute"))
	if rv.r.Status != app.PayRunComputed || len(rv.r.Payslips) != 1 || rv.r.Payslips[0].Net != 36_867_00 {
		t.Fatalf("computed %+v\n%s", rv.r, kittest.DialogText(pt.w))
	}
	if got := reviewRow(rv, 0); got != "Jiří Šťastný|45,000.00|5,220.00|2,913.00|3,837.00|0.00|0.00|36,867.00|15,210.00" {
		t.Errorf("the review shows %s", got)
	}
	if got := reviewRow(rv, 1); !strings.HasPrefix(got, "Total|45,000.00|") || !strings.Contains(got, "|36,867.00|") {
		t.Errorf("the review's total shows %s", got)
	}
	test.Tap(kittest.Button(t, pt.v.UI(), "Approve and post…"))
	kittest.TapDialog(t, pt.w, "Yes")
	if rv.r.Status != app.PayRunApproved {
		t.Fatalf("after approve %+v\n%s", rv.r.Status, kittest.DialogText(pt.w))
	}
	if got := balance(t, db, "331"); got != -36_867_00 {
		t.Errorf("331 = %d, want −36,867 Kč", got)
	}
	if rv.save.Visible() || rv.comp.Visible() || !rv.correct.Visible() || !rv.rows[0].entries["payslip.worked_hours"].Disabled() {
		t.Errorf("an approved run is not locked on screen")
	}

	// A correcting run: a bonus of 5,000 makes the month's gross 50,000
	// and its net 40,537 (the store's own figure of the corrected
	// November); the run posts the difference, so 331 holds −40,537.
	test.Tap(kittest.Button(t, pt.v.UI(), "Correcting run…"))
	kittest.TapDialog(t, pt.w, "Yes")
	cr := pt.v.runs.run
	if cr == rv || cr.r.Corrects != rv.r.ID || cr.r.Status != app.PayRunDraft {
		t.Fatalf("correcting run %+v\n%s", cr.r, kittest.DialogText(pt.w))
	}
	test.Type(cr.rows[0].entries["payslip.bonuses"], "5000")
	test.Tap(kittest.Button(t, pt.v.UI(), "Compute"))
	test.Tap(kittest.Button(t, pt.v.UI(), "Approve and post…"))
	kittest.TapDialog(t, pt.w, "Yes")
	if cr.r.Status != app.PayRunApproved || cr.r.Payslips[0].Net != 40_537_00 {
		t.Fatalf("the correcting run %+v\n%s", cr.r, kittest.DialogText(pt.w))
	}
	if got := balance(t, db, "331"); got != -40_537_00 {
		t.Errorf("331 after the correction = %d, want −40,537 Kč", got)
	}
	test.Tap(kittest.Button(t, pt.v.UI(), "Back to pay runs"))
	if len(pt.v.runs.rows) != 2 || pt.v.runs.rows[1].Number != "MZ2026-11-1" {
		t.Errorf("the runs listed %+v", pt.v.runs.rows)
	}

	// The documents of the run.
	dir := t.TempDir()
	ps := filepath.Join(dir, "payslips.pdf")
	rv.writePayslips(ps, nil)
	if b, err := os.ReadFile(ps); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("payslips PDF: %v", err)
	}
	csv := filepath.Join(dir, "register.csv")
	rv.writeTable(csv, rv.registerTable, nil)
	if b, err := os.ReadFile(csv); err != nil || !strings.Contains(string(b), "Jiří Šťastný") || !strings.Contains(string(b), "36867") {
		t.Errorf("register CSV %v:\n%s", err, b)
	}
	reg := filepath.Join(dir, "register.pdf")
	rv.writeTable(reg, rv.registerTable, nil)
	if b, err := os.ReadFile(reg); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("register PDF: %v", err)
	}
	health := filepath.Join(dir, "health.csv")
	rv.writeTable(health, rv.healthTable, nil)
	if b, err := os.ReadFile(health); err != nil || !strings.Contains(string(b), "111") || !strings.Contains(string(b), "6075") {
		t.Errorf("health insurers CSV %v:\n%s", err, b)
	}
	healthPDF := filepath.Join(dir, "health.pdf")
	rv.writeTable(healthPDF, rv.healthTable, nil)
	if b, err := os.ReadFile(healthPDF); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("health insurers PDF: %v", err)
	}
	jm := filepath.Join(dir, "jmhz.csv")
	rv.writeTable(jm, rv.jmhzTable, nil)
	if b, err := os.ReadFile(jm); err != nil || !strings.Contains(string(b), "Jiří Šťastný") {
		t.Errorf("JMHZ CSV %v:\n%s", err, b)
	}
	acc := filepath.Join(dir, "annual.pdf")
	pt.v.writeAnnualAccount(acc, e, 2026, nil)
	if b, err := os.ReadFile(acc); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("annual account PDF: %v\n%s", err, kittest.DialogText(pt.w))
	}

	// The payment order: without the insurers' accounts it names them.
	rv.askPaymentOrder() // the original run's button, its view left by Back
	form := pt.w.Canvas().Overlays().Top()
	kittest.TapDialog(t, pt.w, "Save file…")
	if got := kittest.Texts(form); !strings.Contains(got, "ČSSZ") {
		t.Errorf("the order form without accounts shows:\n%s", got)
	}
	of := rv.newOrderForm()
	of.accounts["payment.social"].SetText("2000145399/0800")
	of.accounts["payment.health.111"].SetText("2000145399/0800")
	of.accounts["payment.tax_advance"].SetText("2000145399/0800")
	pays, err := of.payments()
	if err != nil {
		t.Fatal(err)
	}
	abo := filepath.Join(dir, "order.abo")
	rv.writeOrder(abo, false, of.from.Text, pays, nil)
	if b, err := os.ReadFile(abo); err != nil || !strings.Contains(string(b), "3686700") {
		t.Errorf("ABO %v:\n%s", err, b)
	}
}

// reviewRow is the review table's row as its cells show it.
func reviewRow(rv *runView, row int) string {
	var cells []string
	for c := range reviewCols {
		l := widget.NewLabel("")
		rv.reviewCell(widget.TableCellID{Row: row, Col: c}, l)
		cells = append(cells, l.Text)
	}
	return strings.Join(cells, "|")
}

// TestTermsChangeAddsHistory: a new salary asks from which date and adds
// terms; the old ones stay.
func TestTermsChangeAddsHistory(t *testing.T) {
	db := datatest.MustOpen(t)
	pt := openTab(t, db)
	test.Tap(kittest.Button(t, pt.v.UI(), "New employee…"))
	fillWorkedExample(t, pt.w, pt.v.emps.form, "850315/1239")
	kittest.TapDialog(t, pt.w, "Save")
	if len(pt.v.emps.rows) != 1 {
		t.Fatalf("rows %+v\n%s", pt.v.emps.rows, kittest.DialogText(pt.w))
	}
	pt.v.emps.table.Select(widget.TableCellID{Row: 0, Col: 0})
	f := pt.v.emps.form
	kittest.Retype(f.pay, "50000")
	kittest.TapDialog(t, pt.w, "Save")
	if got := kittest.DialogText(pt.w); !strings.Contains(got, "Valid from") {
		t.Fatalf("no question of the date:\n%s", got)
	}
	kittest.TapDialog(t, pt.w, "Save") // the default: 1 December 2026
	e := employees(t, db)[0]
	if len(e.History) != 2 || e.History[0].MonthlySalary != 45_000_00 || e.History[1].MonthlySalary != 50_000_00 || e.History[1].From != app.D(2026, 12, 1) {
		t.Fatalf("history %+v", e.History)
	}
}

// TestSalesDoesNotSeePayroll: the tab needs the payroll permission.
func TestSalesDoesNotSeePayroll(t *testing.T) {
	db := datatest.MustOpen(t)
	c, err := db.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	h := kittest.NewHost(t, kittest.Deps(db, db.User(t, app.RoleSales)), c, Module())
	if h.View("payroll") != nil {
		t.Error("a sales user sees the Payroll tab")
	}
}

// TestPayrollOnlyUserAndDelete: a user whose only tab is Payroll sees the
// employees without selecting the tab; an admin's tab reads nothing until
// shown (every read is audited). An employee no run names is deleted from
// the form; one a run names is refused and stays.
func TestPayrollOnlyUserAndDelete(t *testing.T) {
	db := datatest.MustOpen(t)
	ctx := db.As(t, app.RolePayroll)
	e := app.Employee{Name: "Eva Dlouhá", BirthNumber: "736028/5163", Street: "Dlouhá 2", City: "Brno", HealthInsurer: "205",
		BankAccount: "19-2000145399/0800", Start: app.D(2026, 1, 1),
		History: []app.EmployeeTerms{{From: app.D(2026, 1, 1), Contract: app.ContractHPP, MonthlySalary: 30_000_00, HoursPerWeek: app.HoursOf(40)}}}
	saved, err := db.SaveEmployee(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	only := kittest.NewHost(t, kittest.Deps(db, db.User(t, app.RolePayroll)), c, Module())
	if v := only.View("payroll").(*View); len(v.emps.rows) != 1 {
		t.Errorf("the payroll clerk's only tab lists %d employees", len(v.emps.rows))
	}
	admin := kittest.NewHost(t, kittest.Deps(db, db.User(t, app.RoleAdmin)), c, Module())
	if v := admin.View("payroll").(*View); len(v.emps.rows) != 0 {
		t.Errorf("an admin's unshown tab read %d employees", len(v.emps.rows))
	}

	pt := openTab(t, db)
	pt.v.emps.open(saved)
	test.Tap(kittest.Button(t, pt.w.Canvas().Overlays().Top(), "Delete…"))
	kittest.TapDialog(t, pt.w, "Yes")
	if es := employees(t, db); len(es) != 0 {
		t.Fatalf("after Delete %+v\n%s", es, kittest.DialogText(pt.w))
	}
	if len(pt.v.emps.rows) != 0 {
		t.Errorf("the list still shows %+v", pt.v.emps.rows)
	}

	e.BirthNumber = "850315/1239"
	named, err := db.SaveEmployee(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SavePayRunDraft(ctx, app.PayRun{Month: app.Month{Year: 2026, Month: 11},
		Inputs: []app.PayInput{{EmployeeID: named.ID, Input: app.MonthInput{Month: app.Month{Year: 2026, Month: 11}, WorkedHours: app.HoursOf(160)}}}}); err != nil {
		t.Fatal(err)
	}
	pt.v.emps.open(named)
	test.Tap(kittest.Button(t, pt.w.Canvas().Overlays().Top(), "Delete…"))
	kittest.TapDialog(t, pt.w, "Yes")
	if got := kittest.DialogText(pt.w); !strings.Contains(got, "end the employment instead") {
		t.Errorf("deleting an employee of a pay run shows:\n%s", got)
	}
	if es := employees(t, db); len(es) != 1 {
		t.Errorf("a refused delete left %+v", es)
	}
}
