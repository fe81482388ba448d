package payroll

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// fieldErrors lists the field errors in err: each of app.Errors, or the
// one *app.Error.
func fieldErrors(err error) []*app.Error {
	var many app.Errors
	if errors.As(err, &many) {
		return many
	}
	var e *app.Error
	if errors.As(err, &e) {
		return []*app.Error{e}
	}
	return nil
}

// fileMonth is "2026-11" for file names.
func fileMonth(m app.Month) string { return strconv.Itoa(m.Year) + "-" + twoDigits(int(m.Month)) }

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// saved says where a file went and opens a PDF in the viewer.
func (rv *runView) saved(path string, pdf bool) {
	rv.status.SetText(lang.X("reports.saved", "Saved {{.path}}", map[string]any{"path": path}))
	if pdf {
		kit.OpenFile(path)
	}
}

// askPayslips saves the run's payslips as one PDF.
func (rv *runView) askPayslips() {
	kit.SaveFileAs(rv.p.v.win, lang.X("payroll.file.payslips", "payslips")+"-"+fileMonth(rv.r.Month)+".pdf", ".pdf", func(path string) {
		rv.writePayslips(path, func() { rv.saved(path, true) })
	})
}

// writePayslips writes the payslips of the run to path, then runs done.
func (rv *runView) writePayslips(path string, done func()) {
	r, emps := rv.r, rv.emps
	c := rv.p.v.h.Company()
	printer := rv.p.v.deps.Printer
	inputs := map[string]app.MonthInput{}
	for _, in := range r.Inputs {
		inputs[in.EmployeeID] = in.Input
	}
	kit.Run(rv.p.v.deps, kit.To{Win: rv.p.v.win}, func(ctx context.Context) error {
		i := 0
		next := func() (app.Printable, error) {
			if i >= len(r.Payslips) {
				return nil, io.EOF
			}
			s := r.Payslips[i]
			i++
			return app.PayslipPrint{Payslip: s, Employee: emps[s.EmployeeID], Input: inputs[s.EmployeeID]}, nil
		}
		return kit.WriteFileAtomic(path, func(f *os.File) error { return printer.PrintAll(ctx, f, next, c, nil) })
	}, done)
}

// askRegister saves the payroll register as a PDF or CSV.
func (rv *runView) askRegister(csv bool) {
	ext := ".pdf"
	if csv {
		ext = ".csv"
	}
	rv.askTable(lang.X("payroll.file.register", "payroll-register"), ext, rv.registerTable)
}

// registerTable is the run's payroll register.
func (rv *runView) registerTable(tr app.Translator) (app.ReportTable, error) {
	return app.PayrollRegisterTable(rv.r.Month, rv.r.Payslips, tr), nil
}

// askTable saves one of the run's monthly tables — the register, the
// health insurers' overview, the JMHZ data set — as a PDF, or CSV when the
// name ends in .csv, under a name of file and the month.
func (rv *runView) askTable(file, ext string, build func(tr app.Translator) (app.ReportTable, error)) {
	kit.SaveFileAs(rv.p.v.win, file+"-"+fileMonth(rv.r.Month)+ext, ext, func(path string) {
		csv := strings.EqualFold(filepath.Ext(path), ".csv")
		rv.writeTable(path, build, func() { rv.saved(path, !csv) })
	})
}

// writeTable writes the table build makes to path: CSV when path ends in
// .csv, else a PDF.
func (rv *runView) writeTable(path string, build func(tr app.Translator) (app.ReportTable, error), done func()) {
	csv := strings.EqualFold(filepath.Ext(path), ".csv")
	c := rv.p.v.h.Company()
	printer := rv.p.v.deps.Printer
	tr := kit.Translator()
	kit.Run(rv.p.v.deps, kit.To{Win: rv.p.v.win}, func(ctx context.Context) error {
		t, err := build(tr)
		if err != nil {
			return err
		}
		return kit.WriteFileAtomic(path, func(f *os.File) error {
			if csv {
				return t.WriteCSV(f)
			}
			return printer.Print(f, t, c)
		})
	}, done)
}

// healthTable is the month's overview for the health insurers.
func (rv *runView) healthTable(tr app.Translator) (app.ReportTable, error) {
	return app.HealthOverviewTable(rv.r.Month, rv.r.Payslips, rv.emps, rv.p.v.h.Company().ICO, tr)
}

// jmhzTable is the month's JMHZ data set for ČSSZ.
func (rv *runView) jmhzTable(tr app.Translator) (app.ReportTable, error) {
	inputs := map[string]app.MonthInput{}
	for _, in := range rv.r.Inputs {
		inputs[in.EmployeeID] = in.Input
	}
	return app.JMHZTable(rv.r.Month, rv.r.Payslips, rv.emps, inputs, tr)
}

// prefPayee is the preference that remembers a payee's account.
func prefPayee(field string) string { return "payroll.payee." + field }

// orderForm asks for the accounts the payment order needs (remembered
// between runs), then saves the ABO file or the CSV.
type orderForm struct {
	rv       *runView
	fs       *kit.FieldSet
	from     *widget.Entry
	format   *widget.Select
	accounts map[string]*widget.Entry // by field: payment.social, payment.health.111…
	vs       map[string]*widget.Entry
}

// payeeFields are the payees of the run: the OSSZ, each insurer with
// insurance due, the tax office.
func (rv *runView) payeeFields() []string {
	fields := []string{"payment.social"}
	seen := map[string]bool{}
	for _, s := range rv.r.Payslips {
		e := rv.emps[s.EmployeeID]
		if s.HealthEmployee+s.HealthEmployer > 0 && !seen[e.HealthInsurer] {
			seen[e.HealthInsurer] = true
			fields = append(fields, "payment.health."+e.HealthInsurer)
		}
	}
	return append(fields, "payment.tax_advance", "payment.withholding")
}

func payeeLabel(field string) string {
	switch {
	case field == "payment.social":
		return lang.X("payroll.payee.social", "ČSSZ (OSSZ) account")
	case field == "payment.tax_advance":
		return lang.X("payroll.payee.tax_advance", "Tax office: advances")
	case field == "payment.withholding":
		return lang.X("payroll.payee.withholding", "Tax office: withholding tax")
	case strings.HasPrefix(field, "payment.health."):
		code := strings.TrimPrefix(field, "payment.health.")
		return lang.X("payroll.payee.health", "Health insurer {{.code}}", map[string]any{"code": code})
	}
	return field
}

// askPaymentOrder shows the order's form.
func (rv *runView) askPaymentOrder() {
	of := rv.newOrderForm()
	note := noteLabel(lang.X("payroll.order_note", "The net pays go to the employees' accounts; the insurance and the tax to the accounts above (remembered for the next month). An empty variable symbol is the company's IČO."))
	fd := kit.ShowFormDialog(lang.X("payroll.payment_order_title", "Payment order"), lang.X("payroll.save_file", "Save file…"), of.fs, noteBox(note), rv.p.v.win, func(fd *kit.FormDialog) {
		payments, err := of.payments()
		if err != nil {
			fd.Fail(err)
			return
		}
		of.remember()
		ext := ".abo"
		if of.format.SelectedIndex() == 1 {
			ext = ".csv"
		}
		fd.Close()
		kit.SaveFileAs(rv.p.v.win, lang.X("payroll.file.order", "payment-order")+"-"+fileMonth(rv.r.Month)+ext, ext, func(path string) {
			rv.writeOrder(path, ext == ".csv", of.from.Text, payments, func() { rv.saved(path, false) })
		})
	})
	fd.Widen(760)
}

func (rv *runView) newOrderForm() *orderForm {
	prefs := fyne.CurrentApp().Preferences()
	of := &orderForm{rv: rv, fs: kit.NewFieldSet(), accounts: map[string]*widget.Entry{}, vs: map[string]*widget.Entry{}}
	of.from = of.fs.Entry("payment.from", "Paid from account", "")
	of.from.SetText(rv.p.v.h.Company().BankAccount)
	of.format = widget.NewSelect([]string{lang.X("payroll.format.abo", "ABO file for the bank"), "CSV"}, nil)
	of.format.SetSelectedIndex(0)
	of.fs.Add("payment.format", "Format", of.format)
	for _, f := range rv.payeeFields() {
		acc := widget.NewEntry()
		acc.SetPlaceHolder(lang.X("payroll.account_ph", "account number/bank code"))
		acc.SetText(prefs.String(prefPayee(f)))
		of.fs.Add(f, payeeLabel(f), acc)
		vs := widget.NewEntry()
		vs.SetPlaceHolder(lang.X("payroll.vs_empty", "empty: the IČO"))
		vs.SetText(prefs.String(prefPayee(f) + ".vs"))
		of.fs.Add(f+".vs", lang.X("payroll.vs", "Variable symbol"), vs)
		of.accounts[f], of.vs[f] = acc, vs
	}
	return of
}

// payments builds the order from the form.
func (of *orderForm) payments() ([]app.PayrollPayment, error) {
	rv := of.rv
	c := rv.p.v.h.Company()
	pa := func(f string) app.PayeeAccount {
		return app.PayeeAccount{Account: strings.TrimSpace(of.accounts[f].Text), VS: strings.TrimSpace(of.vs[f].Text)}
	}
	s := app.PayrollPaymentSettings{From: strings.TrimSpace(of.from.Text), ICO: c.ICO, Name: c.Name, Month: rv.r.Month,
		Social: pa("payment.social"), TaxAdvance: pa("payment.tax_advance"), Withholding: pa("payment.withholding"),
		Health: map[string]app.PayeeAccount{}}
	for f := range of.accounts {
		if code, ok := strings.CutPrefix(f, "payment.health."); ok {
			s.Health[code] = pa(f)
		}
	}
	return app.PayrollPayments(rv.r.Payslips, rv.emps, s)
}

// remember keeps the accounts typed for the next run.
func (of *orderForm) remember() {
	prefs := fyne.CurrentApp().Preferences()
	for f, e := range of.accounts {
		prefs.SetString(prefPayee(f), strings.TrimSpace(e.Text))
		prefs.SetString(prefPayee(f)+".vs", strings.TrimSpace(of.vs[f].Text))
	}
}

// writeOrder writes the payment order to path as ABO or CSV.
func (rv *runView) writeOrder(path string, csv bool, from string, payments []app.PayrollPayment, done func()) {
	r := rv.r
	c := rv.p.v.h.Company()
	tr := kit.Translator()
	day := r.Month.Next().First().AddDays(9)
	kit.Run(rv.p.v.deps, kit.To{Win: rv.p.v.win}, func(ctx context.Context) error {
		return kit.WriteFileAtomic(path, func(f *os.File) error {
			if csv {
				return app.WritePaymentOrderCSV(f, r.Month, payments, tr)
			}
			return app.WritePaymentOrderABO(f, strings.TrimSpace(from), c.Name, day, payments)
		})
	}, done)
}

// askAnnualAccount asks for the year and saves the employee's annual
// account (mzdový list) as a PDF.
func (v *View) askAnnualAccount(e app.Employee) {
	fs := kit.NewFieldSet()
	year := fs.Entry("payrun.year", "Year", "2026")
	year.SetText(strconv.Itoa(app.Today(v.deps.Clock()).Year()))
	note := noteLabel(lang.X("payroll.annual_note", "The approved payslips of the year, month by month, with the year's totals."))
	kit.ShowFormDialog(lang.X("payroll.annual_account_title", "Annual account of {{.name}}", map[string]any{"name": e.Name}),
		lang.X("payroll.save_file", "Save file…"), fs, noteBox(note), v.win, func(fd *kit.FormDialog) {
			y, err := strconv.Atoi(strings.TrimSpace(year.Text))
			if err != nil || y < 2000 || y > 2100 {
				showNote(note, app.Invalid("payrun.year", "err.payrun.year", "{{.year}} is not a year", map[string]any{"year": year.Text}))
				return
			}
			fd.Close()
			kit.SaveFileAs(v.win, lang.X("payroll.file.annual", "annual-account")+"-"+strconv.Itoa(y)+".pdf", ".pdf", func(path string) {
				v.writeAnnualAccount(path, e, y, func() { kit.OpenFile(path) })
			})
		})
}

// writeAnnualAccount writes e's annual account of year to path.
func (v *View) writeAnnualAccount(path string, e app.Employee, year int, done func()) {
	svc := v.deps.Services.Payroll
	printer := v.deps.Printer
	c := v.h.Company()
	kit.Run(v.deps, kit.To{Win: v.win}, func(ctx context.Context) error {
		ps, err := svc.Payslips(ctx, e.ID, year)
		if err != nil {
			return err
		}
		return kit.WriteFileAtomic(path, func(f *os.File) error {
			return printer.Print(f, app.AnnualAccount{Employee: e, Year: year, Payslips: ps}, c)
		})
	}, done)
}
