package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

// wizard is the first run: create the company or load the demo company.
type wizard struct {
	app    fyne.App
	win    fyne.Window
	deps   Deps
	done   func(app.Company)
	fields *fieldSet

	name, street, city, postcode, ico, dic *widget.Entry
	bank, iban, branch                     *widget.Entry
	vatPayer                               *widget.Check
	currency, chart                        *widget.Select
	create                                 *widget.Button

	demo     *widget.Button
	progress *widget.ProgressBar
	demoNote *widget.Label
}

func newWizard(a fyne.App, w fyne.Window, d Deps, done func(app.Company)) *wizard {
	return &wizard{app: a, win: w, deps: d, done: done}
}

// buildUI shows the choice between a new company and the demo.
func (z *wizard) buildUI() fyne.CanvasObject {
	title := heading(lang.X("wizard.welcome", "Welcome to Kontor"))
	intro := widget.NewLabel(lang.X("wizard.intro", "This database is empty. Create your company, or load a demo company to look around first."))
	intro.Wrapping = fyne.TextWrapWord
	create := widget.NewButtonWithIcon(lang.X("wizard.create", "Create my company"), theme.DocumentCreateIcon(), func() {
		z.win.SetContent(z.buildForm())
		z.win.Canvas().Focus(z.name)
	})
	create.Importance = widget.HighImportance
	demo := widget.NewButtonWithIcon(lang.X("wizard.demo", "Load the demo company"), theme.DownloadIcon(), z.loadDemo)
	z.demo = demo
	z.progress = widget.NewProgressBar()
	z.progress.Hide()
	z.demoNote = widget.NewLabel("")
	z.demoNote.Hide()
	if z.deps.LoadDemo == nil {
		demo.Disable()
	}
	logo := canvas.NewImageFromResource(appIcon())
	logo.FillMode = canvas.ImageFillContain
	logo.SetMinSize(fyne.NewSize(72, 72))
	box := container.NewVBox(logo, title, intro, widget.NewSeparator(), create, demo, z.progress, z.demoNote)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 400), box))
}

// buildForm is the company form.
func (z *wizard) buildForm() fyne.CanvasObject {
	fs := newFieldSet()
	z.fields = fs
	z.name = fs.entry("company.name", "Company name", "Truhlářství Novák s.r.o.")
	z.street = fs.entry("company.street", "Street", "Nádražní 12")
	z.city = fs.entry("company.city", "City", "Brno")
	z.postcode = fs.entry("company.postcode", "Postcode", "602 00")
	z.ico = fs.entry("company.ico", "IČO", "27082440")
	z.dic = fs.entry("company.dic", "DIČ", "CZ27082440")
	z.vatPayer = widget.NewCheck(lang.X("wizard.vat_payer", "The company is a VAT payer"), nil)
	fs.add("company.vat_payer", "VAT payer", z.vatPayer)
	z.bank = fs.entry("company.bank_account", "Bank account", "19-2000145399/0800")
	z.iban = fs.entry("company.iban", "IBAN", lang.X("wizard.iban_hint", "computed from the account if empty"))
	z.currency = widget.NewSelect(app.Currencies(), nil)
	z.currency.SetSelected("CZK")
	fs.add("company.base_currency", "Base currency", z.currency)
	z.chart = widget.NewSelect(chartNames(), nil)
	z.chart.SetSelectedIndex(0)
	fs.add("company.chart", "Chart of accounts", z.chart)
	z.branch = fs.entry("company.branch", "Branch code", "HQ")
	z.branch.SetText("HQ")
	for _, e := range []*widget.Entry{z.name, z.street, z.city, z.postcode, z.ico, z.dic, z.bank, z.iban, z.branch} {
		e.OnSubmitted = func(string) { z.submit() }
	}

	z.create = widget.NewButtonWithIcon(lang.X("wizard.submit", "Create the company"), theme.ConfirmIcon(), z.submit)
	z.create.Importance = widget.HighImportance
	back := widget.NewButtonWithIcon(lang.X("action.back", "Back"), theme.NavigateBackIcon(), func() {
		z.win.SetContent(z.buildUI())
	})
	title := heading(lang.X("wizard.create", "Create my company"))
	buttons := container.NewHBox(back, widget.NewLabel(""), z.create)
	form := container.NewPadded(fs.object())
	return container.NewBorder(title, container.NewCenter(buttons), nil, nil, container.NewVScroll(form))
}

// company reads the form.
func (z *wizard) company() app.Company {
	return app.Company{
		Name: z.name.Text, Street: z.street.Text, City: z.city.Text, Postcode: z.postcode.Text,
		Country: "CZ", ICO: z.ico.Text, DIC: z.dic.Text, VATPayer: z.vatPayer.Checked,
		BankAccount: z.bank.Text, IBAN: z.iban.Text, BaseCurrency: z.currency.Selected,
		Chart: chartAt(z.chart.SelectedIndex()), Branch: z.branch.Text,
		VATRates: app.DefaultVATRates(), Series: app.DefaultSeries(),
	}
}

// submit validates and creates the company, then opens the shell.
func (z *wizard) submit() {
	z.fields.clear()
	c := z.company()
	c.Normalize()
	if err := c.Validate(); err != nil {
		z.fail(err)
		return
	}
	z.create.Disable()
	async(func() {
		created, err := z.deps.Services.Company.CreateCompany(bg(), c)
		fyne.Do(func() {
			z.create.Enable()
			if err != nil {
				z.fail(err)
				return
			}
			z.done(created)
		})
	})
}

// fail shows err at its field and in the error dialog.
func (z *wizard) fail(err error) {
	z.fields.mark(err)
	showError(err, z.win)
}

// loadDemo fills the database with the demo company, showing progress.
func (z *wizard) loadDemo() {
	z.demo.Disable()
	z.progress.SetValue(0)
	z.progress.Show()
	z.demoNote.SetText(lang.X("wizard.demo_running", "Creating the demo company…"))
	z.demoNote.Show()
	async(func() {
		err := z.deps.LoadDemo(bg(), func(done, total int) {
			fyne.Do(func() {
				if total > 0 {
					z.progress.SetValue(float64(done) / float64(total))
				}
			})
		})
		var c app.Company
		if err == nil {
			c, err = z.deps.Services.Company.Company(bg())
		}
		fyne.Do(func() {
			if err != nil {
				z.demo.Enable()
				z.progress.Hide()
				z.demoNote.Hide()
				showError(err, z.win)
				return
			}
			z.progress.SetValue(1)
			z.done(c)
		})
	})
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
