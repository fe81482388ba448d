package pdf

import (
	"bytes"
	"strings"
	"testing"

	"kontor/app"
)

// reconciled is the worked example's employee's 2026 reconciled with a
// pension contribution of 24,000 and gifts of 2,000: income 540,000;
// pension 24,000 − 20,400 = 3,600, gifts 2,000 (≥ 1,000); base 534,400;
// tax 80,160 − 30,840 − 15,204 = 34,116; withheld 12 × 2,913 = 34,956;
// refund 840.
func reconciled(t *testing.T) app.TaxReconciliationPrint {
	t.Helper()
	e := workedEmployee()
	r, err := app.RulesFor(2026)
	if err != nil {
		t.Fatal(err)
	}
	in := app.TaxReconciliationInput{Year: 2026, Deductions: app.TaxDeductions{Pension: 24_000_00, Gifts: 2_000_00}}
	res, err := app.ReconcileTax(r, e, yearOf(t, e), in)
	if err != nil {
		t.Fatal(err)
	}
	rec := app.TaxReconciliation{ID: "r1", EmployeeID: e.ID, Name: e.Name, Input: in, Result: res, Revision: 1,
		Recorded: app.D(2027, 2, 10), PayMonth: in.RefundMonth()}
	return app.TaxReconciliationPrint{Reconciliation: rec, Employee: e}
}

// TestTaxReconciliationSheet prints the sheet in Czech and English through
// the Printer and reads it back with pdftotext.
func TestTaxReconciliationSheet(t *testing.T) {
	doc := reconciled(t)
	if doc.Reconciliation.Result.Refund != 840_00 {
		t.Fatalf("refund %d, want 840 Kč", doc.Reconciliation.Result.Refund)
	}
	got, path := printFile(t, doc, payCompany)
	var want bytes.Buffer
	if err := RenderTaxReconciliation(&want, doc, payCompany, created); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the Printer's sheet differs from RenderTaxReconciliation's")
	}
	text := strings.Join(pages(t, path), "\f")
	mustContain(t, "Czech sheet", text, "Výpočet daně a daňového", "zvýhodnění 2026", "Jiří Šťastný", "Úhrn zúčtovaných příjmů",
		"540 000,00", "Penzijní spoření", "24 000,00", "3 600,00", "Bezúplatná plnění", "534 400,00", "80 160,00", "30 840,00",
		"15 204,00", "34 116,00", "34 956,00", "Přeplatek k vrácení zaměstnanci", "se mzdou za 3/2027", "840,00", "Pražírna Žluťoučký kůň")
	if strings.Contains(text, "Nedoplatek") {
		t.Errorf("an overpayment sheet shows an underpayment row")
	}

	en := doc
	en.Lang = app.English
	_, path = printFile(t, &en, payCompany)
	mustContain(t, "English sheet", strings.Join(pages(t, path), "\f"), "Computation of the tax", "2026", "paid with the pay of 3/2027",
		"Employment income", "540,000.00", "Overpayment refunded to the employee", "840.00")
}

// TestTaxReconciliationSheetOddInput: a 200-character name with emoji, a
// correction, notes and an uncollected underpayment print without error.
func TestTaxReconciliationSheetOddInput(t *testing.T) {
	doc := reconciled(t)
	long := strings.Repeat("Žluťoučký kůň 🐴 ", 13)[:200]
	doc.Reconciliation.Name, doc.Employee.Name = long, long
	doc.Reconciliation.Revision = 3
	doc.Reconciliation.Result.Notes = []string{"reconcile.note.bonus_income", "unknown.key"}
	doc.Reconciliation.Result.Uncollected = 100_000_000_000_00
	doc.Reconciliation.Recorded = app.D(2027, 3, 1)
	_, path := printFile(t, doc, payCompany)
	mustContain(t, "odd sheet", strings.Join(pages(t, path), "\f"), "oprava č. 2", "Nedoplatek", "šestinásobek minimální mzdy")
}

// FuzzTaxReconciliationText renders the sheet with random Unicode in every
// text and amount in every amount; it must be a PDF the package's parser
// reads. `go test ./app/pdf -run '^$' -fuzz '^FuzzTaxReconciliationText$'`.
func FuzzTaxReconciliationText(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, amount int64) {
		amount = fuzzAmount(amount)
		doc := reconciled(t)
		rec := &doc.Reconciliation
		rec.Name, doc.Employee.Name, doc.Employee.Street, doc.Employee.City = s, s, s, s
		rec.Result.Notes = []string{s, "reconcile.note.bonus_minimum"}
		d, r := &rec.Input.Deductions, &rec.Result
		for _, v := range []*int64{&d.Gifts, &d.MortgageInterest, &d.Pension, &d.LifeInsurance, &d.OtherRetirement, &d.UnionDues, &d.ExamFees,
			&r.Income, &r.DeductionsTotal, &r.Base, &r.Tax, &r.TaxpayerCredit, &r.DisabilityCredit, &r.ChildEntitlement, &r.ChildCredit,
			&r.TaxDue, &r.Bonus, &r.Withheld, &r.BonusPaid, &r.Refund, &r.Uncollected} {
			*v = amount
		}
		c := payCompany
		c.Name = s
		var b bytes.Buffer
		if err := RenderTaxReconciliation(&b, doc, c, created); err != nil {
			t.Fatal(err)
		}
		mustParse(t, "tax reconciliation", b.Bytes())
	})
}
