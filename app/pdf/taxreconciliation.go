package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"kontor/app"
)

// The "Výpočet daně a daňového zvýhodnění" sheet of an annual tax
// reconciliation (roční zúčtování, § 38ch ZDP): the year's income, the
// non-taxable parts as documented and as allowed, the base, the tax, the
// credits, the bonus, and what was withheld against what is due. It prints
// as a report table (ReportRenderer), in the employee's language.

// RenderTaxReconciliation writes t's sheet as a PDF.
func RenderTaxReconciliation(w io.Writer, t app.TaxReconciliationPrint, c app.Company, created time.Time) (err error) {
	defer recoverPanic("rendering the tax reconciliation of "+t.PrintName(), &err)
	return ReportRenderer{Created: created}.Report(w, TaxReconciliationTable(t), c)
}

type reconcileWords struct {
	title, item, documented, amount, revision, recorded, months, income, deductions string
	gifts, interest, pension, life, retirement, union, exams, deductionsTotal       string
	base, tax, taxpayer, disability, afterCredits, childEntitlement, childCredit    string
	due, bonus, withheld, bonusPaid, refund, payMonth, uncollected, currency        string
	notes                                                                           map[string]string
}

var reconcileCS = reconcileWords{
	title: "Výpočet daně a daňového zvýhodnění", item: "Položka", documented: "Doloženo", amount: "Kč",
	revision: "oprava č.", recorded: "Zpracováno", months: "Počet měsíců se mzdou",
	income: "Úhrn zúčtovaných příjmů ze závislé činnosti (§ 6)", deductions: "Nezdanitelné části základu daně (§ 15, § 15a)",
	gifts: "Bezúplatná plnění (dary)", interest: "Úroky z úvěru na bydlení", pension: "Penzijní spoření (část nad 20 400 Kč)",
	life: "Soukromé životní pojištění", retirement: "Dlouhodobý investiční produkt, pojištění dlouhodobé péče",
	union: "Členské příspěvky odborové organizaci", exams: "Úhrada za zkoušky dalšího vzdělávání",
	deductionsTotal: "Nezdanitelné části celkem", base: "Základ daně zaokrouhlený na celá sta Kč dolů",
	tax: "Daň podle § 16", taxpayer: "Sleva na poplatníka (§ 35ba)", disability: "Sleva na invaliditu (měsíců: %d)",
	afterCredits: "Daň po slevách podle § 35ba", childEntitlement: "Daňové zvýhodnění na vyživované děti (měsíců: %d)",
	childCredit: "Sleva na dani z daňového zvýhodnění", due: "Daň po slevách", bonus: "Daňový bonus",
	withheld: "Úhrn sražených záloh na daň", bonusPaid: "Úhrn vyplacených měsíčních daňových bonusů",
	refund: "Přeplatek k vrácení zaměstnanci", payMonth: "Přeplatek se vyplatí se mzdou za %s.",
	uncollected: "Nedoplatek (v ročním zúčtování se nevybírá)", currency: "Měna: CZK",
	notes: map[string]string{
		"reconcile.note.gifts_below_minimum": "Dary nedosahují 1 000 Kč ani 2 % základu daně: nelze je odečíst.",
		"reconcile.note.bonus_income":        "Roční příjem je nižší než šestinásobek minimální mzdy: daňový bonus nevzniká.",
		"reconcile.note.bonus_minimum":       "Daňový bonus je nižší než nejnižší vyplácená částka.",
	},
}

var reconcileEN = reconcileWords{
	title: "Computation of the tax and the child tax benefit", item: "Item", documented: "Documented", amount: "CZK",
	revision: "correction no.", recorded: "Computed", months: "Months with pay",
	income: "Employment income of the year (§ 6)", deductions: "Non-taxable parts of the base (§ 15, § 15a)",
	gifts: "Gifts", interest: "Interest on a housing loan", pension: "Pension savings (the part above 20,400 CZK)",
	life: "Private life insurance", retirement: "Long-term investment product, long-term care insurance",
	union: "Trade union dues", exams: "Further education exam fees",
	deductionsTotal: "Non-taxable parts in total", base: "Tax base rounded down to whole hundreds",
	tax: "Tax under § 16", taxpayer: "Taxpayer credit (§ 35ba)", disability: "Disability credit (months: %d)",
	afterCredits: "Tax after the § 35ba credits", childEntitlement: "Child tax benefit (months: %d)",
	childCredit: "Used as a tax credit", due: "Tax after credits", bonus: "Child tax bonus",
	withheld: "Tax advances withheld", bonusPaid: "Monthly child bonuses paid",
	refund: "Overpayment refunded to the employee", payMonth: "The overpayment is paid with the pay of %s.",
	uncollected: "Underpayment (not collected in the reconciliation)", currency: "Currency: CZK",
	notes: map[string]string{
		"reconcile.note.gifts_below_minimum": "The gifts are below 1,000 CZK and 2 % of the base: not deductible.",
		"reconcile.note.bonus_income":        "The year's income is below 6 × the minimum wage: no tax bonus.",
		"reconcile.note.bonus_minimum":       "The tax bonus is below the minimum paid out.",
	},
}

// TaxReconciliationTable lays out t's sheet as a report table.
func TaxReconciliationTable(t app.TaxReconciliationPrint) app.ReportTable {
	lang := t.PrintLang()
	w := &reconcileCS
	if lang != app.Czech {
		w = &reconcileEN
	}
	rec, res, e := t.Reconciliation, t.Reconciliation.Result, t.Employee
	year := rec.Input.Year
	tbl := app.ReportTable{Kind: "tax-reconciliation", Lang: lang, Title: w.title + " " + strconv.Itoa(year), Period: rec.Name}
	if year > 0 {
		tbl.From, tbl.To = app.D(year, 1, 1), app.D(year, 12, 31)
	}
	tbl.Columns = []app.ReportColumn{{Title: w.item, Weight: 3.2}, {Title: w.documented, Numeric: true}, {Title: w.amount, Numeric: true}}
	money := func(v int64) string { return app.FormatMinor(v, 2, lang) }
	row := func(label string, documented string, v int64) {
		tbl.Rows = append(tbl.Rows, app.ReportRow{Cells: []string{label, documented, money(v)}})
	}
	total := func(label string, v int64) {
		tbl.Rows = append(tbl.Rows, app.ReportRow{Cells: []string{label, "", money(v)}, Total: true})
	}
	heading := func(s string) { tbl.Rows = append(tbl.Rows, app.ReportRow{Cells: []string{s}, Heading: true}) }

	wd := payslipWordsFor(lang)
	who := []string{rec.Name}
	if b, err := app.ParseBirthNumber(e.BirthNumber); err == nil {
		who = append(who, wd.birth+" "+b.Born.Format(lang))
	}
	if addr := strings.Join(nonEmpty(e.Street, strings.TrimSpace(e.Postcode+" "+e.City)), ", "); addr != "" {
		who = append(who, addr)
	}
	if rec.Revision > 1 {
		who = append(who, w.revision+" "+strconv.Itoa(rec.Revision-1))
	}
	heading(strings.Join(who, " · "))

	tbl.Rows = append(tbl.Rows, app.ReportRow{Cells: []string{w.months, "", strconv.Itoa(res.Months)}})
	total(w.income, res.Income)
	heading(w.deductions)
	d, a := rec.Input.Deductions, res.Allowed
	for _, l := range []struct {
		label         string
		claimed, kept int64
	}{{w.gifts, d.Gifts, a.Gifts}, {w.interest, d.MortgageInterest, a.MortgageInterest}, {w.pension, d.Pension, a.Pension},
		{w.life, d.LifeInsurance, a.LifeInsurance}, {w.retirement, d.OtherRetirement, a.OtherRetirement},
		{w.union, d.UnionDues, a.UnionDues}, {w.exams, d.ExamFees, a.ExamFees}} {
		if l.claimed != 0 {
			row(l.label, money(l.claimed), l.kept)
		}
	}
	total(w.deductionsTotal, res.DeductionsTotal)
	total(w.base, res.Base)
	row(w.tax, "", res.Tax)
	row("− "+w.taxpayer, "", res.TaxpayerCredit)
	if res.DisabilityMonths > 0 {
		row("− "+fmt.Sprintf(w.disability, res.DisabilityMonths), "", res.DisabilityCredit)
	}
	total(w.afterCredits, res.Tax-res.TaxpayerCredit-res.DisabilityCredit)
	if res.ChildMonths > 0 {
		row(fmt.Sprintf(w.childEntitlement, res.ChildMonths), "", res.ChildEntitlement)
		row("− "+w.childCredit, "", res.ChildCredit)
	}
	total(w.due, res.TaxDue)
	row(w.bonus, "", res.Bonus)
	row(w.withheld, "", res.Withheld)
	row(w.bonusPaid, "", res.BonusPaid)
	total(w.refund, res.Refund)
	if res.Uncollected > 0 {
		row(w.uncollected, "", res.Uncollected)
	}
	for _, n := range res.Notes {
		if s, ok := w.notes[n]; ok {
			tbl.Notes = append(tbl.Notes, s)
		}
	}
	if res.Refund > 0 {
		tbl.Notes = append(tbl.Notes, fmt.Sprintf(w.payMonth, rec.PayMonth.Format()))
	}
	note := w.currency
	if !rec.Recorded.IsZero() {
		note = w.recorded + " " + rec.Recorded.Format(lang) + " · " + note
	}
	tbl.Notes = append(tbl.Notes, note)
	return tbl
}
