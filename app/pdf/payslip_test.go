package pdf

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"kontor/app"
)

var payCompany = app.Company{Name: "Pražírna Žluťoučký kůň s.r.o.", Street: "Dlouhá 12", City: "Říčany", Postcode: "251 01", ICO: "27074358", DIC: "CZ27074358"}

// workedEmployee is the employee of part A's worked example (A4): HPP,
// 45,000 Kč a month, prohlášení signed for 2026, one child.
func workedEmployee() app.Employee {
	return app.Employee{ID: "e1", Name: "Jiří Šťastný", BirthNumber: "850315/1239", Street: "Krátká 1", City: "Říčany", Postcode: "251 01",
		HealthInsurer: "111", BankAccount: "19-2000145399/0800", Start: app.D(2025, 1, 1), Lang: app.Czech,
		Declarations: []int{2026},
		History: []app.EmployeeTerms{{From: app.D(2025, 1, 1), Contract: app.ContractHPP, MonthlySalary: 45_000_00,
			HoursPerWeek: app.HoursOf(40), Children: []app.Child{{Name: "Tomáš", Order: 1}}}}}
}

// workedPayslip computes the worked example for November 2026 (168 hours,
// 21 workdays), with ytd the ten months before.
func workedPayslip(t testing.TB, e app.Employee, ytd app.YearToDate) app.PayslipPrint {
	t.Helper()
	r, err := app.RulesFor(2026)
	if err != nil {
		t.Fatal(err)
	}
	in := app.MonthInput{Month: app.Month{Year: 2026, Month: 11}, WorkedHours: app.HoursOf(168)}
	p, err := app.ComputePayslip(r, e, in, ytd)
	if err != nil {
		t.Fatal(err)
	}
	return app.PayslipPrint{Payslip: p, Employee: e, Input: in, PayDay: app.D(2026, 12, 10)}
}

func payWrite(t testing.TB, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("KONTOR_PDF_DUMP"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, strings.ReplaceAll(t.Name(), "/", "_")+"_"+name), b, 0o644)
	}
	return path
}

// TestPayslipWorkedExample prints part A's worked example and reads back
// its figures by hand: gross 45,000; social 7.1 % = 3,195; health ⅓ of
// 6,075 = 2,025; advance 15 % of 45,000 = 6,750 − 2,570 − 1,267 = 2,913;
// net 45,000 − 3,195 − 2,025 − 2,913 = 36,867; employer 24.8 % = 11,160
// and 4,050; cost 45,000 + 11,160 + 4,050 = 60,210. Ten months of 45,000
// before November make the year to date 11 × 45,000 = 495,000 gross and
// 11 × 36,867 = 405,537 net.
func TestPayslipWorkedExample(t *testing.T) {
	ytd := app.YearToDate{Year: 2026, Months: 10, Gross: 450_000_00, SocialBase: 450_000_00, HealthBase: 450_000_00,
		SocialEmployee: 31_950_00, SocialEmployer: 111_600_00, HealthEmployee: 20_250_00, HealthEmployer: 40_500_00,
		TaxAdvance: 29_130_00, Net: 368_670_00, Hours: app.HoursOf(1680)}
	pp := workedPayslip(t, workedEmployee(), ytd)
	var b bytes.Buffer
	if err := RenderPayslip(&b, pp, payCompany, Options{Created: created}); err != nil {
		t.Fatal(err)
	}
	ps := pages(t, payWrite(t, "payslip.pdf", b.Bytes()))
	if len(ps) != 1 {
		t.Fatalf("%d pages, want 1", len(ps))
	}
	mustContain(t, "payslip", ps[0], "Výplatní páska", "Období 11/2026", "Jiří Šťastný", "Pražírna Žluťoučký kůň s.r.o.",
		"IČO 27074358", "Krátká 1, 251 01 Říčany", "Datum narození", "15. 3. 1985", "pracovní poměr (HPP)",
		"111 Všeobecná zdravotní pojišťovna ČR", "podepsáno",
		"Mzda za odpracovanou dobu", "168 h", "45 000,00 Kč", "Hrubá mzda celkem",
		"Sociální pojištění zaměstnance", "7,1 %", "3 195,00 Kč", "Zdravotní pojištění zaměstnance", "2 025,00 Kč",
		"Záloha na daň před slevami", "6 750,00 Kč", "Sleva na poplatníka", "2 570,00 Kč", "Sleva na děti", "1 267,00 Kč",
		"Záloha na daň z příjmů", "2 913,00 Kč", "Čistá mzda k výplatě", "36 867,00 Kč", "Na účet 19-2000145399/0800",
		"Den výplaty 10. 12. 2026", "Sociální pojištění zaměstnavatele", "24,8 %", "11 160,00 Kč", "4 050,00 Kč",
		"Celkové náklady zaměstnavatele", "60 210,00 Kč", "Od začátku roku 2026", "495 000,00 Kč", "405 537,00 Kč",
		"Počet měsíců", "1 848 h", "Strana 1 z 1")
	mustNotContain(t, "payslip", ps[0], "Daňový bonus", "Srážková daň", "Příplatky")

	// The same in English when the employee's language is English.
	pp.Employee.Lang = app.English
	b.Reset()
	if err := RenderPayslip(&b, pp, payCompany, Options{Created: created}); err != nil {
		t.Fatal(err)
	}
	ps = pages(t, payWrite(t, "payslip-en.pdf", b.Bytes()))
	mustContain(t, "English payslip", ps[0], "Payslip", "Period 11/2026", "Jiří Šťastný", "Net pay", "CZK 36,867.00",
		"Taxpayer credit", "CZK 2,570.00", "Year to date 2026", "CZK 405,537.00", "Page 1 of 1")
}

// TestPayslipsBatch prints three payslips in one PDF, a page each in each
// employee's language, and the net pays read back from each page.
func TestPayslipsBatch(t *testing.T) {
	e := workedEmployee()
	en := e
	en.Name, en.Lang = "John Smith", app.English
	dpp := e
	dpp.Name, dpp.Declarations = "Student Dohodář", nil
	dpp.History = []app.EmployeeTerms{{From: app.D(2025, 1, 1), Contract: app.ContractDPP, HourlyRate: 200_00}}
	r, _ := app.RulesFor(2026)
	in := app.MonthInput{Month: app.Month{Year: 2026, Month: 11}, WorkedHours: app.HoursOf(40)}
	pd, err := app.ComputePayslip(r, dpp, in, app.YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	// 40 h × 200 = 8,000 Kč, below 12,000: not insured, no prohlášení:
	// withholding 15 % × 8,000 = 1,200, net 6,800.
	if pd.Withholding != 1_200_00 || pd.Net != 6_800_00 {
		t.Fatalf("DPP payslip: withholding %d net %d", pd.Withholding, pd.Net)
	}
	list := []app.PayslipPrint{workedPayslip(t, e, app.YearToDate{}), workedPayslip(t, en, app.YearToDate{}), {Payslip: pd, Employee: dpp, Input: in}}
	i := 0
	next := func() (app.PayslipPrint, error) {
		if i == len(list) {
			return app.PayslipPrint{}, io.EOF
		}
		i++
		return list[i-1], nil
	}
	var b bytes.Buffer
	done := 0
	if err := RenderPayslips(context.Background(), &b, next, payCompany, Options{Created: created}, func(n int) { done = n }); err != nil {
		t.Fatal(err)
	}
	if done != 3 {
		t.Errorf("progress ended at %d", done)
	}
	ps := pages(t, payWrite(t, "payslips.pdf", b.Bytes()))
	if len(ps) != 3 {
		t.Fatalf("%d pages, want 3", len(ps))
	}
	mustContain(t, "page 1", ps[0], "Jiří Šťastný", "36 867,00 Kč", "Strana 1 z 1")
	mustContain(t, "page 2", ps[1], "John Smith", "CZK 36,867.00", "Page 1 of 1")
	mustContain(t, "page 3", ps[2], "Student Dohodář", "dohoda o provedení práce (DPP)", "Příjem nezakládá účast na pojištění",
		"Srážková daň 15 %", "1 200,00 Kč", "6 800,00 Kč", "nepodepsáno")
	mustNotContain(t, "page 3", ps[2], "Sleva na poplatníka", "Sociální pojištění zaměstnavatele")
}

// BenchmarkPayslips500 is issue 14's speed target: 500 payslips in one PDF
// (≤ 15 s), streamed, with the heap measured after a collection every 100
// payslips (retained-MB, which must not grow with the count).
func BenchmarkPayslips500(b *testing.B) {
	base := workedPayslip(b, workedEmployee(), app.YearToDate{})
	list := make([]app.PayslipPrint, 500)
	for i := range list {
		p := base
		p.Payslip.Name = "Zaměstnanec č. " + strconv.Itoa(i+1) + " Šťastný"
		if i%5 == 0 {
			p.Employee.Lang = app.English
		}
		list[i] = p
	}
	b.ReportAllocs()
	var size int64
	var retained uint64
	for b.Loop() {
		w := &countingWriter{}
		progress := func(n int) {
			if n%100 == 0 {
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				retained = max(retained, ms.HeapAlloc)
			}
		}
		if err := RenderPayslips(context.Background(), w, pullPayslips(list), payCompany, Options{Created: created}, progress); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(size)/(1<<20), "MB")
	b.ReportMetric(float64(retained)/(1<<20), "retained-MB")
}

// TestPayslipAllLines: a month with overtime, night hours, vacation, three
// sick days, a bonus and a deduction shows a line for each, with its hours
// and the amount the payslip computed; a month of unpaid leave shows the
// negative net as the employee's debt with the warning.
func TestPayslipAllLines(t *testing.T) {
	r, _ := app.RulesFor(2026)
	e := workedEmployee()
	in := app.MonthInput{Month: app.Month{Year: 2026, Month: 11}, WorkedHours: app.HoursOf(128), OvertimeHours: app.HoursOf(10),
		NightHours: app.HoursOf(8), VacationHours: app.HoursOf(16), AverageHourly: 300_00, Bonuses: 5_000_00, Deductions: 1_000_00,
		Sick: []app.SickSpell{{From: app.D(2026, 11, 9), To: app.D(2026, 11, 11)}}}
	p, err := app.ComputePayslip(r, e, in, app.YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	if p.OvertimePay == 0 || p.Surcharges == 0 || p.VacationPay == 0 || p.SickPay == 0 {
		t.Fatalf("the month does not exercise every line: %+v", p)
	}
	var b bytes.Buffer
	if err := RenderPayslip(&b, app.PayslipPrint{Payslip: p, Employee: e, Input: in}, payCompany, Options{Created: created}); err != nil {
		t.Fatal(err)
	}
	text := pages(t, payWrite(t, "lines.pdf", b.Bytes()))[0]
	kc := func(v int64) string { return plain(app.M(v, "CZK").Format(app.Czech)) }
	mustContain(t, "all lines", text, "Mzda za práci přesčas", "10 h", kc(p.OvertimePay), "Příplatky", "přesčas 10 h, noc 8 h", kc(p.Surcharges),
		"Náhrada mzdy za dovolenou", "16 h", kc(p.VacationPay), "Náhrada mzdy při nemoci", "24 h", kc(p.SickPay),
		"Prémie a odměny", "5 000,00 Kč", "Ostatní srážky", "1 000,00 Kč", "Hrubá mzda celkem", kc(p.Gross), kc(p.Net))

	unpaid := app.MonthInput{Month: app.Month{Year: 2026, Month: 11}, UnpaidHours: app.HoursOf(168)}
	p, err = app.ComputePayslip(r, e, unpaid, app.YearToDate{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Net >= 0 {
		t.Fatalf("an unpaid month's net %d is not negative", p.Net)
	}
	b.Reset()
	if err := RenderPayslip(&b, app.PayslipPrint{Payslip: p, Employee: e, Input: unpaid}, payCompany, Options{Created: created}); err != nil {
		t.Fatal(err)
	}
	text = pages(t, payWrite(t, "unpaid.pdf", b.Bytes()))[0]
	mustContain(t, "unpaid month", text, "Dluh zaměstnance (zdravotní pojištění)", kc(p.Net), "Neplacené volno", "168 h", "zaměstnanec dluží minimální zdravotní pojištění")
	mustNotContain(t, "unpaid month", text, "Na účet")
}

// TestPayslipChildBonus: HPP at the minimum wage 22,400 with three children
// and a signed prohlášení: advance 15 % = 3,360 − 2,570 = 790; the
// children's 1,267 + 1,860 + 2,320 = 5,447 use 790 and pay out 4,657 as
// the bonus; social 7.1 % = 1,590.40 → 1,591, health 3,024 ⅓ = 1,008; net
// 22,400 − 1,591 − 1,008 + 4,657 = 24,458.
func TestPayslipChildBonus(t *testing.T) {
	e := workedEmployee()
	e.Name = "Marie Nováková"
	e.History[0].MonthlySalary = 22_400_00
	e.History[0].Children = []app.Child{{Order: 1}, {Order: 2}, {Order: 3}}
	pp := workedPayslip(t, e, app.YearToDate{})
	var b bytes.Buffer
	if err := RenderPayslip(&b, pp, payCompany, Options{Created: created}); err != nil {
		t.Fatal(err)
	}
	text := pages(t, payWrite(t, "bonus.pdf", b.Bytes()))[0]
	mustContain(t, "bonus", text, "Děti (sleva)", "3", "Záloha na daň před slevami", "3 360,00 Kč", "Sleva na poplatníka", "2 570,00 Kč",
		"Sleva na děti", "790,00 Kč", "Záloha na daň z příjmů", "0,00 Kč", "Daňový bonus na děti (+)", "4 657,00 Kč",
		"1 591,00 Kč", "1 008,00 Kč", "24 458,00 Kč")
}
