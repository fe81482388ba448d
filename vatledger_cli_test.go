package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kontor/app"
	"kontor/app/demo"
	"kontor/data"
)

// TestDemoVATEqualsLedger (issue 10, item 4) builds the demo of 2026 in a
// real file and proves, for every month, that the tagged VAT postings are
// all there is on 343 — their movement is 343's movement — and that output
// VAT less input VAT less the settlements with the tax office is what 343
// moved; the demo has every regime it claims (§64 and §9(1) sales, §92a, EU
// services and EU goods received) and `kontor check` finds nothing.
func TestDemoVATEqualsLedger(t *testing.T) {
	db := filepath.Join(t.TempDir(), "firma.db")
	if code, out, errs := runCLI(t, "demo", "--db", db, "--year", "2026"); code != 0 {
		t.Fatalf("demo: %d\n%s\n%s", code, out, errs)
	}
	if code, out, errs := runCLI(t, "check", "--db", db); code != 0 || !strings.Contains(out, "OK") {
		t.Fatalf("check: %d %q %q", code, out, errs)
	}
	st, err := data.Open(db, data.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := st.Services()
	admin, err := svc.Users.Authenticate(context.Background(), demo.Admin, demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	ctx := app.WithUser(context.Background(), admin)
	type regimeSide struct {
		r app.VATRegime
		s app.VATSide
	}
	seen := map[regimeSide]int{}
	var settled int64
	for m := time.January; m <= time.December; m++ {
		month := app.Month{Year: 2026, Month: m}
		ps, err := svc.VAT.VATPostings(ctx, month.First(), month.Last())
		if err != nil {
			t.Fatal(err)
		}
		bals, err := svc.Reports.BalancesBetween(ctx, month.First(), month.Last())
		if err != nil {
			t.Fatal(err)
		}
		var moved int64
		for _, b := range bals {
			if b.Account.Code == "343" {
				moved = b.Debit - b.Credit
			}
		}
		sums := app.SumVATPostings(ps)
		if sums.Movement != moved {
			t.Errorf("%s: the tagged postings move 343 by %d, its balance by %d", month.Format(), sums.Movement, moved)
		}
		if sums.Output-sums.Input-sums.Settlement != -moved {
			t.Errorf("%s: output %d − input %d − settlements %d ≠ −(343 movement %d)", month.Format(), sums.Output, sums.Input, sums.Settlement, moved)
		}
		if sums.Output <= 0 || sums.Input <= 0 {
			t.Errorf("%s: output %d, input %d", month.Format(), sums.Output, sums.Input)
		}
		for _, p := range ps {
			seen[regimeSide{p.Tag.Regime, p.Tag.Side}]++
			if p.Tag.Regime != app.RegimeSettlement && p.Tag.Base == 0 {
				t.Errorf("%s: a posting without a base: %+v", month.Format(), p)
			}
		}
		settled += sums.Settlement
	}
	for _, want := range []regimeSide{{app.RegimeDomestic, app.VATOut}, {app.RegimeDomestic, app.VATIn}, {app.RegimeEUGoods, app.VATOut},
		{app.RegimeEUServices, app.VATOut}, {app.RegimeReverseCZ, app.VATOut}, {app.RegimeReverseCZ, app.VATIn},
		{app.RegimeEUServices, app.VATIn}, {app.RegimeEUGoods, app.VATIn}, {app.RegimeSettlement, ""}} {
		if seen[want] == 0 {
			t.Errorf("the demo has no %s postings on the %q side", want.r, want.s)
		}
	}
	if settled == 0 {
		t.Error("the demo never settled VAT with the tax office")
	}
}
