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

// TestVATFilingsOfTheDemo: for every month of the demo's year the return's
// output minus deductions equals the movement of 343 without the
// settlements, every tagged posting has its row, the control statement's
// control sums are the return's rows, the EU sales list is ř. 20 and 21, and
// the three files are written and read back with the return's result.
func TestVATFilingsOfTheDemo(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "firma.db")
	if code, out, errs := runCLI(t, "demo", "--db", db, "--year", "2026"); code != 0 {
		t.Fatalf("demo: %d\n%s\n%s", code, out, errs)
	}
	st, err := data.Open(db, data.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	svc := st.Services()
	admin, err := svc.Users.Authenticate(context.Background(), demo.Admin, demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	ctx := app.WithUser(context.Background(), admin)
	c, err := svc.Company.Company(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.TaxOffice == "" {
		// The demo company's tax office, as a user sets it in Settings.
		c.TaxOffice, c.TaxOfficeBranch = "451", "2001"
		if _, err := svc.Company.UpdateCompany(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	regimes := map[app.VATRegime]bool{}
	last := app.DateOf(time.Now()).MonthOf()
	for m := (app.Month{Year: 2026, Month: time.January}); m.Year == 2026 && m.First().Before(last.First()); m = m.Next() {
		f, err := app.LoadVATFilings(ctx, svc, m.First(), m.Last())
		if err != nil {
			t.Fatal(err)
		}
		r := f.Return
		if len(r.Unplaced) != 0 {
			t.Errorf("%s: postings without a row %+v", m.Format(), r.Unplaced)
		}
		bals, err := svc.Reports.BalancesBetween(ctx, m.First(), m.Last())
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range bals {
			if b.Account.Code == "343" && r.Net() != b.Credit-b.Debit+r.Settlements {
				t.Errorf("%s: return %d, 343 without settlements %d", m.Format(), r.Net(), b.Credit-b.Debit+r.Settlements)
			}
		}
		if r.Net() != -r.Movement || r.Output() == 0 || r.Deductions() == 0 {
			t.Errorf("%s: output %d, deductions %d, tagged movement %d", m.Format(), r.Output(), r.Deductions(), r.Movement)
		}
		k := f.Control.Checks()
		if k.Obrat23 != r.Row(1).Base || k.Obrat5 != r.Row(2).Base || k.Pln23 != r.Row(40).Base || k.Pln5 != r.Row(41).Base ||
			k.PlnRezPren != r.Row(25).Base || k.RezPren23 != r.Row(10).Base || k.RezPren5 != r.Row(11).Base ||
			k.CelkZdA2 != r.Row(3).Base+r.Row(4).Base+r.Row(5).Base+r.Row(6).Base+r.Row(12).Base+r.Row(13).Base {
			t.Errorf("%s: control sums %+v differ from the return", m.Format(), k)
		}
		if f.EUSales.Total(app.EUCodeGoods) != r.Row(20).Base || f.EUSales.Total(app.EUCodeServices) != r.Row(21).Base {
			t.Errorf("%s: EU sales %d/%d, ř. 20/21 %d/%d", m.Format(), f.EUSales.Total(app.EUCodeGoods), f.EUSales.Total(app.EUCodeServices), r.Row(20).Base, r.Row(21).Base)
		}
		ps, err := svc.VAT.VATPostings(ctx, m.First(), m.Last())
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			regimes[p.Tag.Regime] = true
		}
	}
	for _, want := range []app.VATRegime{app.RegimeDomestic, app.RegimeEUGoods, app.RegimeSettlement} {
		if !regimes[want] {
			t.Errorf("the demo's year has no %s postings", want)
		}
	}
	st.Close()

	// November's files through the command line.
	for _, tc := range []struct{ cmd, form, want string }{
		{"vat-return", "DPHDP3", "Veta6"},
		{"vat-control", "DPHKH1", "VetaA4"},
		{"eu-sales", "DPHSHV", "VetaR"},
	} {
		out := filepath.Join(dir, tc.form+".xml")
		if code, stdout, errs := runCLI(t, "export", tc.cmd, "--period", "2026-11", "--out", out, "--db", db); code != 0 || !strings.Contains(stdout, out) {
			t.Fatalf("%s: %d\n%s\n%s", tc.cmd, code, stdout, errs)
		}
		if recs := epoAttrs(t, out, tc.form); len(recs[tc.want]) == 0 {
			t.Errorf("%s: no %s in %v", tc.form, tc.want, recs)
		}
	}
}
