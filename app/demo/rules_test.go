package demo

import (
	"testing"

	"kontor/app"
)

func TestCzechPayroll(t *testing.T) {
	p := czechPayroll(40_000_00, "CZK")
	want := demoPay{gross: 40_000_00, employeeInsurance: 2_840_00 + 1_800_00, employerInsurance: 9_920_00 + 3_600_00, tax: 3_430_00, net: 31_930_00}
	if p != want {
		t.Errorf("40,000 CZK: %+v, want %+v", p, want)
	}
	if p := czechPayroll(15_000_00, "CZK"); p.tax != 0 || p.net != 15_000_00-p.employeeInsurance {
		t.Errorf("a small wage pays no tax after the credit: %+v", p)
	}
}

func TestCalendar(t *testing.T) {
	for _, d := range []app.Date{app.D(2026, 4, 3), app.D(2026, 4, 6), app.D(2025, 4, 18), app.D(2025, 4, 21), app.D(2026, 12, 24), app.D(2026, 10, 28)} {
		if !isHoliday(d) || isWorkday(d) {
			t.Errorf("%v should be a holiday", d)
		}
	}
	if got := nextWorkday(app.D(2026, 12, 24)); got != app.D(2026, 12, 28) {
		t.Errorf("nextWorkday(24. 12. 2026) = %v", got)
	}
	if !isWorkday(app.D(2026, 11, 18)) || isWorkday(app.D(2026, 11, 21)) {
		t.Error("isWorkday")
	}
	if got := Company(app.ChartCzech).ICO; app.ValidateICO(got) != nil {
		t.Errorf("demo IČO %s invalid", got)
	}
}

func TestDemoSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Truhlářství Petr Novák":              "truhlarstvi-petr-novak",
		"Moravské strojírny a.s.":             "moravske-strojirny",
		"Účetní kancelář Dvořák spol. s r.o.": "ucetni-kancelar-dvorak",
	} {
		if got := demoSlug(in); got != want {
			t.Errorf("demoSlug(%q) = %q, want %q", in, got, want)
		}
	}
}
