package app

import (
	"bytes"
	"strings"
	"testing"
)

// TestPayrollRegister: the four of payrollStaff (figures in its comment),
// summed by hand:
//
//	gross        45,000 + 22,400 + 8,000 + 60,000 = 135,400
//	social ee     3,195 +  1,591 +     0 +  4,260 =   9,046
//	health ee     2,025 +  1,008 +     0 +  2,700 =   5,733
//	advance       2,913 +      0 +     0 +  6,430 =   9,343
//	withholding                      1,200        =   1,200
//	credits (2,570 + 1,267) + (2,570 + 790) + 2,570 = 9,767
//	bonus                  4,657                  =   4,657
//	net          36,867 + 24,458 + 6,800 + 46,610 = 114,735
//	social er    11,160 +  5,556 +     0 + 14,880 =  31,596
//	health er     4,050 +  2,016 +     0 +  5,400 =  11,466
//	cost        135,400 + 31,596 + 11,466         = 178,462
func TestPayrollRegister(t *testing.T) {
	ps, _ := payrollStaff(t)
	rows, tot := PayrollRegister(ps)
	want := PayrollRegisterRow{Gross: kc(135_400), SocialEmployee: kc(9_046), HealthEmployee: kc(5_733), TaxAdvance: kc(9_343),
		Withholding: kc(1_200), Credits: kc(9_767), ChildBonus: kc(4_657), Net: kc(114_735), SocialEmployer: kc(31_596),
		HealthEmployer: kc(11_466), EmployerCost: kc(178_462)}
	if tot != want {
		t.Errorf("totals\n got %+v\nwant %+v", tot, want)
	}
	var names []string
	for _, r := range rows {
		names = append(names, r.Name)
	}
	if strings.Join(names, ",") != "Eva Dlouhá,Jiří Šťastný,Karel Brigádník,Marie Nováková" {
		t.Errorf("order %v", names)
	}

	var b bytes.Buffer
	if err := PayrollRegisterTable(nov2026, ps, catalogOf(t, Czech)).WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	csv := b.String()
	lines := strings.Split(strings.TrimSuffix(csv, "\r\n"), "\r\n")
	if len(lines) != 6 || !strings.HasPrefix(csv, "\uFEFFZaměstnanec;Pracovní vztah;Hrubá mzda;SP zaměstnanec;ZP zaměstnanec;Záloha na daň;Srážková daň;Slevy na dani;Daňový bonus;Srážky;Čistá mzda;SP zaměstnavatel;ZP zaměstnavatel") {
		t.Fatalf("CSV:\n%s", csv)
	}
	for _, w := range []string{
		"Jiří Šťastný;HPP;45000,00;3195,00;2025,00;2913,00;0,00;3837,00;0,00;0,00;36867,00;11160,00;4050,00",
		"Marie Nováková;HPP;22400,00;1591,00;1008,00;0,00;0,00;3360,00;4657,00;0,00;24458,00;5556,00;2016,00",
		"Karel Brigádník;DPP;8000,00;0,00;0,00;0,00;1200,00;0,00;0,00;0,00;6800,00;0,00;0,00",
		"Celkem, zaměstnanců: 4;;135400,00;9046,00;5733,00;9343,00;1200,00;9767,00;4657,00;0,00;114735,00;31596,00;11466,00",
	} {
		if !strings.Contains(csv, w) {
			t.Errorf("CSV lacks %q:\n%s", w, csv)
		}
	}
	tab := PayrollRegisterTable(nov2026, ps, nil)
	if tab.Title != "Payroll register" || tab.Period != "11/2026" || len(tab.Columns) != 13 || !tab.Rows[len(tab.Rows)-1].Total ||
		!strings.Contains(strings.Join(tab.Notes, "\n"), "178,462.00") {
		t.Errorf("English table %+v", tab)
	}
}

// TestHealthOverviewAndJMHZ: the insured three of payrollStaff by insurer
// (the DPP below 12,000 is insured nowhere): VZP 111 one employee, base
// 45,000, 2,025 + 4,050 = 6,075 (13.5 % of 45,000 = 6,075); VoZP 201 base
// 22,400, 1,008 + 2,016 = 3,024; ČPZP 205 base 60,000, 2,700 + 5,400 =
// 8,100. JMHZ: 3 insured, bases 127,400, employees 9,046, employer 31,596
// (24.8 % of 127,400 = 31,595.20, up 31,596), 40,642 to pay: the order's
// social payment.
func TestHealthOverviewAndJMHZ(t *testing.T) {
	ps, emps := payrollStaff(t)
	rows, err := HealthOverview(ps, emps)
	if err != nil {
		t.Fatal(err)
	}
	want := []HealthOverviewRow{
		{"111", HealthInsurers["111"], 1, kc(45_000), kc(2_025), kc(4_050), kc(6_075), kc(6_075)},
		{"201", HealthInsurers["201"], 1, kc(22_400), kc(1_008), kc(2_016), kc(3_024), kc(3_024)},
		{"205", HealthInsurers["205"], 1, kc(60_000), kc(2_700), kc(5_400), kc(8_100), kc(8_100)},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %+v", rows)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d\n got %+v\nwant %+v", i, rows[i], want[i])
		}
	}
	var b bytes.Buffer
	if tab, err := HealthOverviewTable(nov2026, ps, emps, "27074358", catalogOf(t, Czech)); err != nil {
		t.Fatal(err)
	} else if err := tab.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Pojišťovna;Název;Zaměstnavatel (IČO);Měsíc;Počet pojištěnců;Úhrn vyměřovacích základů",
		"201;Vojenská zdravotní pojišťovna ČR;27074358;11/2026;1;22400,00;1008,00;2016,00;3024,00;3024,00",
		"Celkem;;;;3;127400,00;5733,00;11466,00;17199,00;17199,00"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("health CSV lacks %q:\n%s", w, b.String())
		}
	}

	s, err := JMHZSummarize(nov2026, ps)
	if err != nil {
		t.Fatal(err)
	}
	if s != (JMHZSummary{Insured: 3, Base: kc(127_400), Employee: kc(9_046), Employer: kc(31_596), EmployerAggregate: kc(31_596), Total: kc(40_642)}) {
		t.Errorf("JMHZ summary %+v", s)
	}
	inputs := map[string]MonthInput{"e1": {WorkedHours: HoursOf(168), OvertimeHours: HoursOf(2)}}
	b.Reset()
	if tab, err := JMHZTable(nov2026, ps, emps, inputs, catalogOf(t, Czech)); err != nil {
		t.Fatal(err)
	} else if err := tab.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	start := D(2025, 1, 1).Format(Czech)
	for _, w := range []string{"Zaměstnanec;Rodné číslo;Pracovní vztah;Zaměstnán od",
		"Jiří Šťastný;850315/1239;HPP;" + start + ";;ano;45000,00;45000,00;45000,00;3195,00;11160,00;0,00;0,00;170,00",
		"Karel Brigádník;850315/1239;DPP;" + start + ";;ne;8000,00;0,00;0,00;0,00;0,00;0,00;0,00;0,00"} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("JMHZ CSV lacks %q:\n%s", w, b.String())
		}
	}
	tab, err := JMHZSummaryTable(nov2026, ps, "27074358", catalogOf(t, Czech))
	if err != nil {
		t.Fatal(err)
	}
	if last := tab.Rows[len(tab.Rows)-1]; !last.Total || last.Cells[1] != FormatMinor(kc(40_642), 2, Czech) {
		t.Errorf("summary total %+v", last)
	}
	delete(emps, "e4")
	if _, err := HealthOverview(ps, emps); err == nil {
		t.Error("a payslip without its employee was accepted")
	}
	if _, err := JMHZSummarize(Month{2030, 1}, ps); err == nil {
		t.Error("a month without rules was accepted")
	}
}

// TestPayslipFileNames: the month, the name made safe and the last 8
// characters of the ID; two employees whose short names collide get their
// whole IDs.
func TestPayslipFileNames(t *testing.T) {
	ps := []Payslip{
		{EmployeeID: "0190aaaa-1111-7000-8000-00000000abcd", Name: "Jiří Šťastný / HPP", Month: nov2026},
		{EmployeeID: "0190bbbb-2222-7000-8000-00000000abcd", Name: "jiří šťastný / hpp", Month: nov2026},
		{EmployeeID: "e3", Name: "🙂", Month: nov2026},
	}
	got := PayslipFileNames(ps)
	want := []string{"2026-11_Jiří-Šťastný-HPP_0000abcd.pdf", "2026-11_jiří-šťastný-hpp_0190bbbb-2222-7000-8000-00000000abcd.pdf", "2026-11_employee_e3.pdf"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%d: %q, want %q", i, got[i], want[i])
		}
	}
}
