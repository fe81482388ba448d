package data

import (
	"context"
	"testing"

	"kontor/app"
)

// Closing 2025 moves its revenue and expenses into 431 on 31 December: 2026
// starts with them at zero, the P&L of 2025 still shows its result, the
// balance sheets balance, and a closed year can be reopened.
func TestCloseYear(t *testing.T) {
	s, _ := MustCompany(t)
	for _, e := range []app.Entry{
		sale(app.D(2025, 6, 10)), // 1 000 revenue on 604, 210 VAT
		{Date: app.D(2025, 7, 1), Memo: "Nájem", Lines: []app.Line{{Account: "518", Debit: 30000}, {Account: "221", Credit: 30000}}},
		sale(app.D(2026, 2, 3)),
	} {
		if _, err := s.PostEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("refusals", func(t *testing.T) {
		_, err := s.CloseYear(ctx, 2019)
		wantCode(t, err, app.EINVALID, "year")
		_, err = s.CloseYear(ctx, 12)
		wantCode(t, err, app.EINVALID, "year")
		_, err = s.ReopenYear(ctx, 2025)
		wantCode(t, err, app.ENOTFOUND, "")
		if err := s.SetPeriodLock(ctx, app.Month{Year: 2025, Month: 12}, true); err != nil {
			t.Fatal(err)
		}
		_, err = s.CloseYear(ctx, 2025)
		wantCode(t, err, app.EINVALID, "year")
		if err := s.SetPeriodLock(ctx, app.Month{Year: 2025, Month: 12}, false); err != nil {
			t.Fatal(err)
		}
		_, err = s.CloseYear(context.Background(), 2025)
		wantCode(t, err, app.EUNAUTHORIZED, "")
	})
	e, err := s.CloseYear(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]int64{}
	for _, l := range e.Lines {
		sums[l.Account] += l.Debit - l.Credit
	}
	if sums["604"] != 100000 || sums["518"] != -30000 || sums["431"] != -70000 || e.Date != app.D(2025, 12, 31) {
		t.Fatalf("closing entry %+v", e.Lines)
	}
	_, err = s.CloseYear(ctx, 2025)
	wantCode(t, err, app.ECONFLICT, "")
	_, err = s.ReverseEntry(ctx, e.ID, app.Date{})
	wantCode(t, err, app.ECONFLICT, "")

	svc := s.Services()
	// 2026 starts with revenue and expense at zero, the result in 431.
	bals, err := s.BalancesBetween(ctx, app.D(2026, 1, 1), app.D(2026, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if (b.Account.Type == app.Revenue || b.Account.Type == app.Expense) && b.Opening != 0 {
			t.Fatalf("%s opens 2026 at %d", b.Account.Code, b.Opening)
		}
		if b.Account.Code == "431" && b.Opening != -70000 {
			t.Fatalf("431 opens 2026 at %d", b.Opening)
		}
	}
	if bs := app.BalanceSheetOf(bals); !bs.Balanced() || bs.PriorResult != 0 {
		t.Fatalf("2026 balance sheet %+v", bs)
	}
	// The closed year's reports leave the closing entry out.
	pl, err := app.BuildReport(ctx, svc, app.ReportProfitLoss, app.D(2025, 1, 1), app.D(2025, 12, 31), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if last := pl.Rows[len(pl.Rows)-1].Cells; last[2] != "700.00" {
		t.Fatalf("P&L 2025 result %v, want 700.00", last)
	}
	bs, err := app.BuildReport(ctx, svc, app.ReportBalanceSheet, app.Date{}, app.D(2025, 12, 31), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range bs.Rows {
		if len(r.Cells) == 3 && r.Cells[2] == "700.00" && r.Cells[0] == "" {
			found = true // the current-year result line
		}
	}
	if !found {
		t.Fatalf("balance sheet 2025 has no result of 700.00: %+v", bs.Rows)
	}
	if cl, _ := s.YearClosings(ctx); len(cl) != 1 || cl[0].ID != e.ID {
		t.Fatalf("closings %+v", cl)
	}
	mustCheckClean(t, s)

	// Reopening reverses it; the year can be closed again.
	if _, err := s.ReopenYear(ctx, 2025); err != nil {
		t.Fatal(err)
	}
	if cl, _ := s.YearClosings(ctx); len(cl) != 0 {
		t.Fatalf("closings after reopening %+v", cl)
	}
	if _, err := s.CloseYear(ctx, 2025); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CloseYear(ctx, 2024); err == nil {
		t.Fatal("closed 2024 after 2025")
	}
	mustCheckClean(t, s)
}
