package pdf

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"kontor/app"
)

// fuzzPayslip is the worked example's payslip with s in every text a person
// types and amount in every amount (the seeds: emoji, 200 characters,
// 10^11 haléř, negative, zero).
func fuzzPayslip(t testing.TB, s string, amount int64) (app.PayslipPrint, app.Company) {
	pp := workedPayslip(t, workedEmployee(), app.YearToDate{})
	e := &pp.Employee
	e.Name, e.Street, e.City, e.Postcode, e.Country, e.BankAccount, e.HealthInsurer = s, s, s, s, s, s, s
	e.History[0].Children[0].Name = s
	p := &pp.Payslip
	p.Name = s
	for _, v := range []*int64{&p.BasePay, &p.OvertimePay, &p.Surcharges, &p.VacationPay, &p.SickPay, &p.Bonuses, &p.Gross,
		&p.SocialBase, &p.SocialEmployee, &p.SocialEmployer, &p.HealthBase, &p.HealthEmployee, &p.HealthEmployer, &p.TaxBase,
		&p.AdvanceBefore, &p.TaxpayerCredit, &p.ChildCredit, &p.TaxAdvance, &p.ChildBonus, &p.Withholding, &p.Deductions,
		&p.Net, &p.EmployerCost, &p.YTD.Gross, &p.YTD.Net, &p.YTD.TaxAdvance, &p.YTD.SocialEmployer} {
		*v = amount
	}
	pp.Input.WorkedHours, pp.Input.OvertimeHours, pp.Input.NightHours = app.Hours(amount), app.Hours(amount), app.Hours(amount)
	p.SickHours, p.YTD.Hours = app.Hours(amount), app.Hours(amount)
	p.Warnings = []string{"check.payroll.negative_net", s}
	c := payCompany
	c.Name, c.Street, c.City, c.ICO = s, s, s, s
	return pp, c
}

// FuzzPayslipText renders a payslip, a batch of two and an annual account
// with random Unicode and amounts; each must be a PDF the package's parser
// reads. Run it with
// `go test ./app/pdf -run '^$' -fuzz '^FuzzPayslipText$' -fuzztime 30s`.
func FuzzPayslipText(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, amount int64) {
		amount = fuzzAmount(amount)
		pp, c := fuzzPayslip(t, s, amount)
		var b bytes.Buffer
		if err := RenderPayslip(&b, pp, c, Options{Created: created}); err != nil {
			t.Fatal(err)
		}
		mustParse(t, "payslip", b.Bytes())
		list := []app.PayslipPrint{pp, pp}
		list[1].Employee.Lang = app.English
		b.Reset()
		if err := RenderPayslips(context.Background(), &b, pullPayslips(list), c, Options{Created: created}, nil); err != nil {
			t.Fatal(err)
		}
		mustParse(t, "payslips", b.Bytes())
		a := app.AnnualAccount{Employee: pp.Employee, Year: 2026, Payslips: []app.Payslip{pp.Payslip, pp.Payslip}}
		b.Reset()
		if err := RenderAnnualAccount(&b, a, c, created); err != nil {
			t.Fatal(err)
		}
		mustParse(t, "annual account", b.Bytes())
	})
}

func pullPayslips[T any](list []T) func() (T, error) {
	i := 0
	return func() (T, error) {
		var zero T
		if i == len(list) {
			return zero, io.EOF
		}
		i++
		return list[i-1], nil
	}
}

// TestPayslipHostileInput: a 200-character name with emoji and 10^11 haléř
// (a billion Kč) stay on the page: one page, the amount printed whole, the
// name cut to two lines rather than running into the margin.
func TestPayslipHostileInput(t *testing.T) {
	name := strings.Repeat("Žluťoučký kůň 🐴 ", 13)[:200]
	pp, c := fuzzPayslip(t, name, 100_000_000_000)
	c = payCompany
	var b bytes.Buffer
	if err := RenderPayslip(&b, pp, c, Options{Created: created}); err != nil {
		t.Fatal(err)
	}
	ps := pages(t, payWrite(t, "hostile.pdf", b.Bytes()))
	if len(ps) != 1 {
		t.Fatalf("%d pages", len(ps))
	}
	mustContain(t, "hostile payslip", ps[0], "1 000 000 000,00 Kč", "Žluťoučký kůň", "Strana 1 z 1")
}
