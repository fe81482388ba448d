package pdf

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

// yearOf computes e's twelve months of 2026 at full time, each month's
// year-to-date the one before.
func yearOf(t testing.TB, e app.Employee) []app.Payslip {
	t.Helper()
	r, err := app.RulesFor(2026)
	if err != nil {
		t.Fatal(err)
	}
	var out []app.Payslip
	ytd := app.YearToDate{}
	for m := time.January; m <= time.December; m++ {
		p, err := app.ComputePayslip(r, e, app.MonthInput{Month: app.Month{Year: 2026, Month: m}, WorkedHours: app.HoursOf(160)}, ytd)
		if err != nil {
			t.Fatal(err)
		}
		ytd = p.YTD
		out = append(out, p)
	}
	return out
}

// TestAnnualAccount prints the worked example's employee's year: every
// month as part A's A4 (45,000 gross, 2,913 advance, 36,867 net) and the
// totals 12 × 45,000 = 540,000, 12 × 2,913 = 34,956, 12 × 36,867 =
// 442,404, the employer's 12 × 11,160 = 133,920 and 12 × 4,050 = 48,600.
func TestAnnualAccount(t *testing.T) {
	e := workedEmployee()
	a := app.AnnualAccount{Employee: e, Year: 2026, Payslips: yearOf(t, e)}
	tot := a.Total()
	if tot.Gross != 540_000_00 || tot.TaxAdvance != 34_956_00 || tot.Net != 442_404_00 || tot.SocialEmployer != 133_920_00 || tot.HealthEmployer != 48_600_00 {
		t.Fatalf("totals %+v", tot)
	}
	var b bytes.Buffer
	if err := RenderAnnualAccount(&b, a, payCompany, created); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pages(t, payWrite(t, "annual.pdf", b.Bytes())), "\n")
	mustContain(t, "annual account", text, "Mzdový list 2026", "Jiří Šťastný", "Datum narození 15. 3. 1985", "Zdravotní pojišťovna 111",
		"pracovní poměr (HPP)", "podepsáno", "1/2026", "12/2026", "45 000,00", "36 867,00", "2 913,00",
		"540 000,00", "34 956,00", "442 404,00", "133 920,00", "48 600,00", "Celkem", "Strana 1 z 1")

	a.Employee.Lang = app.English
	b.Reset()
	if err := RenderAnnualAccount(&b, a, payCompany, created); err != nil {
		t.Fatal(err)
	}
	text = strings.Join(pages(t, payWrite(t, "annual-en.pdf", b.Bytes())), "\n")
	mustContain(t, "English annual account", text, "Annual payroll account 2026", "442,404.00", "Page 1 of 1")
}

// TestPayrollRegisterPDF prints a month's register of three: the totals
// row sums 3 × 45,000 = 135,000 gross and 3 × 36,867 = 110,601 net.
func TestPayrollRegisterPDF(t *testing.T) {
	var ps []app.Payslip
	for _, name := range []string{"Jiří Šťastný", "Žofie Černá", "Adam Bílý"} {
		e := workedEmployee()
		e.ID, e.Name = name, name
		ps = append(ps, workedPayslip(t, e, app.YearToDate{}).Payslip)
	}
	var b bytes.Buffer
	if err := RenderPayrollRegister(&b, app.PayrollRegisterTable(app.Month{Year: 2026, Month: 11}, ps, nil), payCompany, created); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(pages(t, payWrite(t, "register.pdf", b.Bytes())), "\n")
	mustContain(t, "register", text, "Payroll register", "11/2026", "Adam Bílý", "Žofie Černá", "135,000.00", "110,601.00", "Total, employees: 3")
	if strings.Index(text, "Adam Bílý") > strings.Index(text, "Žofie Černá") {
		t.Error("the register is not by name")
	}
}
