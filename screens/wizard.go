package screens

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// wizard sets up the company: the first thing an administrator does in a
// new database. (The demo company is offered before any user exists, on the
// first-run screen.)
type wizard struct {
	app    fyne.App
	win    fyne.Window
	deps   kit.Deps
	done   func(app.Company)
	fields *kit.FieldSet

	name, street, city, postcode, ico, dic *widget.Entry
	bank, iban, branch, register           *widget.Entry
	vatPayer                               *widget.Check
	currency, chart                        *widget.Select
	create                                 *widget.Button
}

func newWizard(a fyne.App, w fyne.Window, d kit.Deps, done func(app.Company)) *wizard {
	return &wizard{app: a, win: w, deps: d, done: done}
}

// buildUI is the company form.
func (z *wizard) buildUI() fyne.CanvasObject {
	fs := kit.NewFieldSet()
	z.fields = fs
	z.name = fs.Entry("company.name", "Company name", "Truhlářství Novák s.r.o.")
	z.street = fs.Entry("company.street", "Street", "Nádražní 12")
	z.city = fs.Entry("company.city", "City", "Brno")
	z.postcode = fs.Entry("company.postcode", "Postcode", "602 00")
	z.ico = fs.Entry("company.ico", "IČO", "27082440")
	z.dic = fs.Entry("company.dic", "DIČ", "CZ27082440")
	z.vatPayer = widget.NewCheck(lang.X("wizard.vat_payer", "The company is a VAT payer"), nil)
	fs.Add("company.vat_payer", "VAT payer", z.vatPayer)
	z.register = registerEntry(fs, "")
	z.bank = fs.Entry("company.bank_account", "Bank account", "19-2000145399/0800")
	z.iban = fs.Entry("company.iban", "IBAN", lang.X("wizard.iban_hint", "computed from the account if empty"))
	z.currency = widget.NewSelect(app.Currencies(), nil)
	z.currency.SetSelected("CZK")
	fs.Add("company.base_currency", "Base currency", z.currency)
	z.chart = widget.NewSelect(chartNames(), nil)
	z.chart.SetSelectedIndex(0)
	fs.Add("company.chart", "Chart of accounts", z.chart)
	z.branch = fs.Entry("company.branch", "Branch code", "HQ")
	z.branch.SetText("HQ")
	for _, e := range []*widget.Entry{z.name, z.street, z.city, z.postcode, z.ico, z.dic, z.register, z.bank, z.iban, z.branch} {
		e.OnSubmitted = func(string) { z.submit() }
	}

	z.create = widget.NewButtonWithIcon(lang.X("wizard.submit", "Create the company"), theme.ConfirmIcon(), z.submit)
	z.create.Importance = widget.HighImportance
	title := kit.Heading(lang.X("wizard.create", "Create my company"))
	intro := widget.NewLabel(lang.X("wizard.intro", "Set up your company: its name, identifiers, bank account and chart of accounts. You can change most of it later in Settings."))
	intro.Wrapping = fyne.TextWrapWord
	form := container.NewPadded(fs.Object())
	return container.NewBorder(container.NewVBox(title, intro), container.NewCenter(z.create), nil, nil, container.NewVScroll(form))
}

// focus puts the cursor in the first field.
func (z *wizard) focus() { z.win.Canvas().Focus(z.name) }

// company reads the form.
func (z *wizard) company() app.Company {
	return app.Company{
		Name: z.name.Text, Street: z.street.Text, City: z.city.Text, Postcode: z.postcode.Text,
		Country: "CZ", ICO: z.ico.Text, DIC: z.dic.Text, VATPayer: z.vatPayer.Checked,
		BankAccount: z.bank.Text, IBAN: z.iban.Text, BaseCurrency: z.currency.Selected,
		Chart: chartAt(z.chart.SelectedIndex()), Branch: z.branch.Text, Register: z.register.Text,
		VATRates: app.DefaultVATRates(), Series: app.DefaultSeries(),
	}
}

// submit validates and creates the company, then opens the shell.
func (z *wizard) submit() {
	z.fields.Clear()
	c := z.company()
	c.Normalize()
	if err := c.Validate(); err != nil {
		z.fail(err)
		return
	}
	kit.Call(z.deps, kit.To{Busy: kit.ButtonsBusy(z.create), Err: z.fail}, func(ctx context.Context) (app.Company, error) {
		return z.deps.Services.Company.CreateCompany(ctx, c)
	}, z.done)
}

// fail shows err at its field and in the error dialog.
func (z *wizard) fail(err error) {
	z.fields.Mark(err)
	kit.ShowError(err, z.win)
}

// chartNames are the translated names of the charts, in chartAt order.
func chartNames() []string {
	return []string{
		lang.X("chart.cz", "Czech (směrná účtová osnova)"),
		lang.X("chart.intl", "International (English)"),
	}
}

// chartAt returns the chart at index i of chartNames.
func chartAt(i int) app.Chart {
	if i == 1 {
		return app.ChartInternational
	}
	return app.ChartCzech
}
