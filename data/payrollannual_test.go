package data_test

import (
	"testing"
	"time"

	"kontor/app"
	"kontor/data/datatest"
)

// approveYear approves months from..to of year for employee id, each as
// its schedule (160 h: a salary pays the month whatever the hours).
func approveYear(t *testing.T, db *datatest.DB, id string, year int, from, to time.Month) []app.PayRun {
	t.Helper()
	ctx := db.As(t, app.RolePayroll)
	var out []app.PayRun
	for mo := from; mo <= to; mo++ {
		out = append(out, approveMonth(t, db, ctx, app.PayRun{Month: app.Month{Year: year, Month: mo},
			Inputs: []app.PayInput{{EmployeeID: id, Input: app.MonthInput{WorkedHours: app.HoursOf(160)}}}}))
	}
	return out
}

// The worked example's employee reconciles 2025 (part A: 2025 gives the
// same monthly figures) and gets the refund with the pay run of March 2026.
//
//	withheld 12 × 2,913 = 34,956; income 540,000; pension 24,000 − 20,400
//	= 3,600; base 536,400; tax 80,460 − 30,840 − 15,204 = 34,416;
//	refund 540. Corrected to a pension of 30,000: 9,600 deductible, base
//	530,400, tax 79,560 − 46,044 = 33,516, refund 1,440.
func TestTaxReconciliationStoredAndPaid(t *testing.T) {
	db := datatest.MustOpen(t)
	ctx := db.As(t, app.RolePayroll)
	e := of(db.SaveEmployee(ctx, workedExample())).must(t)
	approveYear(t, db, e.ID, 2025, time.January, time.December)

	in := app.TaxReconciliationInput{Year: 2025, Deductions: app.TaxDeductions{Pension: kc(24_000)}}

	// A dry run computes and stores nothing.
	dry := of(db.ReconcileTax(ctx, e.ID, in, false, true)).must(t)
	if dry.Result.Refund != kc(540) || dry.ID != "" {
		t.Fatalf("dry run %+v", dry)
	}
	_, err := db.TaxReconciliation(ctx, e.ID, 2025)
	wantErr(t, err, app.ENOTFOUND, "")

	// Refused: another employer, a refund month outside January–April,
	// nobody without the payroll role; nothing is written.
	bad := in
	bad.OtherEmployer = true
	_, err = db.ReconcileTax(ctx, e.ID, bad, false, false)
	wantErr(t, err, app.EINVALID, "reconcile.other_employer")
	bad = in
	bad.PayMonth = app.Month{Year: 2026, Month: time.June}
	_, err = db.ReconcileTax(ctx, e.ID, bad, false, false)
	wantErr(t, err, app.EINVALID, "reconcile.pay_month")
	_, err = db.ReconcileTax(db.As(t, app.RoleSales), e.ID, in, false, false)
	wantErr(t, err, app.EUNAUTHORIZED, "")
	_, err = db.TaxReconciliation(ctx, e.ID, 2025)
	wantErr(t, err, app.ENOTFOUND, "")

	rec := of(db.ReconcileTax(ctx, e.ID, in, false, false)).must(t)
	if rec.ID == "" || rec.Revision != 1 || rec.PayMonth != (app.Month{Year: 2026, Month: time.March}) || rec.Result.Refund != kc(540) ||
		rec.Result.Withheld != kc(34_956) || rec.Result.TaxDue != kc(34_416) {
		t.Fatalf("recorded %+v", rec)
	}
	// A second one is refused; a correction replaces it.
	_, err = db.ReconcileTax(ctx, e.ID, in, false, false)
	wantErr(t, err, app.ECONFLICT, "")
	in.Deductions.Pension = kc(30_000)
	rec = of(db.ReconcileTax(ctx, e.ID, in, true, false)).must(t)
	if rec.Revision != 2 || rec.Result.Refund != kc(1440) || rec.Result.Base != kc(530_400) {
		t.Fatalf("corrected %+v", rec)
	}
	if got := of(db.TaxReconciliation(ctx, e.ID, 2025)).must(t); got.ID != rec.ID || got.Revision != 2 || got.Result.Refund != kc(1440) {
		t.Errorf("read back %+v", got)
	}
	mustClean(t, db)

	// January and February 2026 pay no refund; March carries it: net
	// 36,867 + 1,440 = 38,307, and 342 is debited 1,440 against the 2,913
	// withheld, 331 credited with it.
	runs := approveYear(t, db, e.ID, 2026, time.January, time.March)
	for _, r := range runs[:2] {
		if p := r.Payslips[0]; p.TaxRefund != 0 || p.Net != kc(36_867) {
			t.Errorf("%s: %+v", r.Number, p)
		}
	}
	march := runs[2].Payslips[0]
	if march.TaxRefund != kc(1440) || march.Net != kc(38_307) {
		t.Fatalf("March's payslip: refund %d, net %d", march.TaxRefund, march.Net)
	}
	entry := of(db.Entry(db.Ctx, runs[2].EntryID)).must(t)
	var dr342, cr342, cr331 int64
	for _, l := range entry.Lines {
		switch l.Account {
		case "342":
			dr342 += l.Debit
			cr342 += l.Credit
		case "331":
			cr331 += l.Credit - l.Debit
		}
	}
	if dr342 != kc(1440) || cr342 != kc(2913) || cr331 != kc(38_307) {
		t.Errorf("March's entry: 342 Dr %d Cr %d, 331 net Cr %d", dr342, cr342, cr331)
	}
	mustClean(t, db)

	// Paid: the reconciliation is final.
	_, err = db.ReconcileTax(ctx, e.ID, in, true, false)
	wantErr(t, err, app.ECONFLICT, "")
	// A correcting run of March keeps the refund and posts no difference for it.
	corr := of(db.CorrectingPayRun(ctx, runs[2].ID)).must(t)
	corr.Inputs[0].Input.Bonuses = kc(1000)
	corr = approveMonth(t, db, ctx, corr)
	if p := corr.Payslips[0]; p.TaxRefund != kc(1440) {
		t.Errorf("corrected March %+v", p)
	}
	ce := of(db.Entry(db.Ctx, corr.EntryID)).must(t)
	for _, l := range ce.Lines {
		if l.Account == "342" && l.Debit != 0 {
			t.Errorf("the correction debits 342 again: %+v", l)
		}
	}
	mustClean(t, db)
}

// A reconciliation whose refund month is approved already, of a year not
// all approved, of an employee without the prohlášení: refused.
func TestTaxReconciliationRefused(t *testing.T) {
	db := datatest.MustOpen(t)
	ctx := db.As(t, app.RolePayroll)
	e := of(db.SaveEmployee(ctx, workedExample())).must(t)
	approveYear(t, db, e.ID, 2025, time.January, time.November)
	in := app.TaxReconciliationInput{Year: 2025}
	_, err := db.ReconcileTax(ctx, e.ID, in, false, false)
	wantErr(t, err, app.EINVALID, "reconcile.year") // December not approved
	approveYear(t, db, e.ID, 2025, time.December, time.December)
	approveYear(t, db, e.ID, 2026, time.January, time.January)
	in.PayMonth = app.Month{Year: 2026, Month: time.January}
	in.Deductions.MortgageInterest = kc(50_000) // a refund of 7,500 to pay
	_, err = db.ReconcileTax(ctx, e.ID, in, false, false)
	wantErr(t, err, app.EINVALID, "reconcile.pay_month")

	u := workedExample()
	u.Name, u.BirthNumber, u.Declarations = "Jana Nováková", "905512/0008", []int{2026}
	u = of(db.SaveEmployee(ctx, u)).must(t)
	_, err = db.ReconcileTax(ctx, u.ID, app.TaxReconciliationInput{Year: 2025}, false, false)
	wantErr(t, err, app.EINVALID, "reconcile.declaration")
	_, err = db.TaxReconciliation(ctx, e.ID, 2025)
	wantErr(t, err, app.ENOTFOUND, "")
}
