package payroll

import (
	"context"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// The "Roční zúčtování…" dialog of an employee: the year and the § 15
// amounts the employee documents; Compute shows the result without
// recording anything, Record records it (a correction when ticked), Print
// saves the recorded sheet as a PDF.

type reconcileDialog struct {
	v    *View
	e    app.Employee
	fd   *kit.FormDialog
	year *widget.Entry
	// amounts by field key, in the order of the form
	amounts          map[string]*widget.Entry
	payMonth         *widget.Entry
	other, correct   *widget.Check
	result           *widget.Label
	record, printBtn *widget.Button
	recorded         app.TaxReconciliation // the last one recorded ("" ID: none yet)
}

// reconcileFields are the § 15 amounts: field key and English label.
var reconcileFields = [][2]string{
	{"reconcile.gifts", "Gifts"}, {"reconcile.interest", "Housing loan interest"},
	{"reconcile.pension", "Pension savings paid"}, {"reconcile.life", "Life insurance paid"},
	{"reconcile.retirement", "Other retirement products"}, {"reconcile.union", "Union dues"},
	{"reconcile.exams", "Exam fees"},
}

// askReconcile opens the dialog for e.
func (v *View) askReconcile(e app.Employee) *reconcileDialog {
	d := &reconcileDialog{v: v, e: e, amounts: map[string]*widget.Entry{}}
	fs := kit.NewFieldSet()
	d.year = fs.Entry("reconcile.year", "Year", "2026")
	// January to April reconcile the year before; later, this year's.
	today := app.Today(v.deps.Clock())
	y := today.Year()
	if today.Month() <= time.April {
		y--
	}
	d.year.SetText(strconv.Itoa(y))
	for _, f := range reconcileFields {
		d.amounts[f[0]] = fs.Entry(f[0], f[1], "")
	}
	d.payMonth = fs.Entry("reconcile.pay_month", "Refund with the pay of", lang.X("payroll.reconcile.pay_month_hint", "March of the next year"))
	d.other = widget.NewCheck(lang.X("payroll.reconcile.other_employer", "Had another employer in the year"), nil)
	d.correct = widget.NewCheck(lang.X("payroll.reconcile.correct", "Correct the recorded reconciliation"), nil)
	d.result = widget.NewLabel("")
	d.result.TextStyle = fyne.TextStyle{Monospace: true}
	d.record = widget.NewButtonWithIcon(lang.X("payroll.reconcile.record", "Record"), theme.DocumentSaveIcon(), d.save)
	d.record.Disable()
	d.printBtn = widget.NewButtonWithIcon(lang.X("payroll.reconcile.print", "Print…"), theme.DocumentPrintIcon(), d.askPrint)
	d.printBtn.Disable()
	note := noteLabel(lang.X("payroll.reconcile.note", "Only for an employee who signed the prohlášení for the whole year here and had no other employer. Amounts as the employee documents them; the caps of the law are applied."))
	extra := container.NewVBox(d.other, d.correct, note, d.result, container.NewHBox(d.record, d.printBtn))
	v.reconcile = d
	d.fd = kit.ShowFormDialog(lang.X("payroll.reconcile.title", "Tax reconciliation of {{.name}}", map[string]any{"name": e.Name}),
		lang.X("payroll.reconcile.compute", "Compute"), fs, extra, v.win, func(*kit.FormDialog) { d.run(true) })
	return d
}

// input reads the form.
func (d *reconcileDialog) input() (app.TaxReconciliationInput, error) {
	var es app.Errors
	in := app.TaxReconciliationInput{OtherEmployer: d.other.Checked}
	y, err := strconv.Atoi(strings.TrimSpace(d.year.Text))
	if err != nil || y < 2000 || y > 2100 {
		es.Add(app.Invalid("reconcile.year", "err.payrun.year", "{{.year}} is not a year", map[string]any{"year": d.year.Text}))
	}
	in.Year = y
	dd := &in.Deductions
	into := []*int64{&dd.Gifts, &dd.MortgageInterest, &dd.Pension, &dd.LifeInsurance, &dd.OtherRetirement, &dd.UnionDues, &dd.ExamFees}
	for i, f := range reconcileFields {
		v, err := parseMoney(strings.TrimSpace(d.amounts[f[0]].Text), f[0])
		es.Add(err)
		*into[i] = v
	}
	if s := strings.TrimSpace(d.payMonth.Text); s != "" {
		m, err := parseMonthText(s)
		if err != nil {
			es.Add(app.WithField(err, "reconcile.pay_month"))
		}
		in.PayMonth = m
	}
	return in, es.Err()
}

// parseMonthText reads "3/2027" or "2027-03".
func parseMonthText(s string) (app.Month, error) {
	if i := strings.IndexByte(s, '/'); i > 0 {
		mo, err1 := strconv.Atoi(strings.TrimSpace(s[:i]))
		y, err2 := strconv.Atoi(strings.TrimSpace(s[i+1:]))
		if err1 == nil && err2 == nil && mo >= 1 && mo <= 12 {
			return app.Month{Year: y, Month: time.Month(mo)}, nil
		}
	} else if m, err := app.ParseMonth(s); err == nil && m.Month >= 1 && m.Month <= 12 {
		return m, nil
	}
	return app.Month{}, app.Invalid("reconcile.pay_month", "err.reconcile.month_text", "write the month as 3/2027", nil)
}

// run computes (dry) or records the reconciliation and shows the result.
func (d *reconcileDialog) run(dry bool) {
	in, err := d.input()
	if err != nil {
		d.fd.Fail(err)
		return
	}
	svc, ok := d.v.deps.Services.Payroll.(app.TaxReconciliationService)
	if !ok {
		d.fd.Fail(app.Errorf(app.EINTERNAL, "err.cli.no_reconcile", "this store cannot reconcile the tax", nil))
		return
	}
	correct := d.correct.Checked
	kit.Call(d.v.deps, d.fd.To(), func(ctx context.Context) (app.TaxReconciliation, error) {
		return svc.ReconcileTax(ctx, d.e.ID, in, correct, dry)
	}, func(rec app.TaxReconciliation) {
		d.result.SetText(resultText(rec, dry))
		if dry {
			d.record.Enable()
			return
		}
		d.recorded = rec
		d.record.Disable()
		d.printBtn.Enable()
	})
}

func (d *reconcileDialog) save() { d.fd.Form.Clear(); d.run(false) }

// resultText is the result as lines of label and amount.
func resultText(rec app.TaxReconciliation, dry bool) string {
	r := rec.Result
	rows := [][2]string{
		{lang.X("payroll.reconcile.income", "Income"), money(r.Income)},
		{lang.X("payroll.reconcile.deductions", "Non-taxable parts"), money(r.DeductionsTotal)},
		{lang.X("payroll.reconcile.base", "Tax base"), money(r.Base)},
		{lang.X("payroll.reconcile.tax", "Tax"), money(r.Tax)},
		{lang.X("payroll.reconcile.credits", "Credits"), money(r.TaxpayerCredit + r.DisabilityCredit + r.ChildCredit)},
		{lang.X("payroll.reconcile.due", "Tax due"), money(r.TaxDue)},
		{lang.X("payroll.reconcile.bonus", "Tax bonus"), money(r.Bonus)},
		{lang.X("payroll.reconcile.withheld", "Advances withheld"), money(r.Withheld)},
		{lang.X("payroll.reconcile.bonus_paid", "Bonuses paid"), money(r.BonusPaid)},
		{lang.X("payroll.reconcile.refund", "Refund"), money(r.Refund)},
	}
	if r.Uncollected > 0 {
		rows = append(rows, [2]string{lang.X("payroll.reconcile.uncollected", "Underpayment (not collected)"), money(r.Uncollected)})
	}
	width, amt := 0, 0
	for _, row := range rows {
		width, amt = max(width, len([]rune(row[0]))), max(amt, len([]rune(row[1])))
	}
	var b strings.Builder
	for _, row := range rows { // labels left, amounts right
		b.WriteString(row[0] + strings.Repeat(" ", width-len([]rune(row[0]))+2+amt-len([]rune(row[1]))) + row[1] + "\n")
	}
	switch {
	case dry:
		b.WriteString(lang.X("payroll.reconcile.not_recorded", "Not recorded yet: Record keeps it."))
	case r.Refund > 0:
		b.WriteString(lang.X("payroll.reconcile.paid_with", "Recorded; the refund is paid with the pay of {{.month}}.", map[string]any{"month": rec.PayMonth.Format()}))
	default:
		b.WriteString(lang.X("payroll.reconcile.recorded", "Recorded; nothing to refund."))
	}
	return b.String()
}

// askPrint saves the recorded sheet as a PDF.
func (d *reconcileDialog) askPrint() {
	name := lang.X("payroll.file.reconcile", "tax-reconciliation") + "-" + strconv.Itoa(d.recorded.Input.Year) + ".pdf"
	kit.SaveFileAs(d.v.win, name, ".pdf", func(path string) { d.writeSheet(path, func() { kit.OpenFile(path) }) })
}

// writeSheet writes the recorded reconciliation's sheet to path.
func (d *reconcileDialog) writeSheet(path string, done func()) {
	printer, c := d.v.deps.Printer, d.v.h.Company()
	doc := app.TaxReconciliationPrint{Reconciliation: d.recorded, Employee: d.e}
	kit.Run(d.v.deps, kit.To{Win: d.v.win}, func(context.Context) error {
		return kit.WriteFileAtomic(path, func(f *os.File) error { return printer.Print(f, doc, c) })
	}, done)
}
