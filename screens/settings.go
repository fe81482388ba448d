package screens

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// settings edits the company: identity, bank, VAT rates, number series, logo,
// and the language preference.
type settings struct {
	deps    kit.Deps
	win     fyne.Window
	prefs   fyne.Preferences
	company app.Company
	saved   func(app.Company)

	tabs                                    *container.AppTabs
	sets                                    map[*container.TabItem]*kit.FieldSet
	name, street, city, postcode, country   *widget.Entry
	ico, dic, bank, iban, bic, email, phone *widget.Entry
	branch, register                        *widget.Entry
	taxOffice, taxOfficeBranch              *widget.Entry
	vatPayer                                *widget.Check
	currency, language                      *widget.Select
	vat                                     *vatEditor
	series                                  *seriesEditor
	logo                                    *logoEditor
	lockMinutes                             *widget.Entry
	save                                    *widget.Button
	state                                   *widget.Label
}

func newSettings(d kit.Deps, w fyne.Window, prefs fyne.Preferences, c app.Company, saved func(app.Company)) *settings {
	return &settings{deps: d, win: w, prefs: prefs, company: c, saved: saved}
}

func (s *settings) buildUI() fyne.CanvasObject {
	c := s.company
	general := kit.NewFieldSet()
	s.name = settingsEntry(general, "company.name", "Company name", c.Name)
	s.street = settingsEntry(general, "company.street", "Street", c.Street)
	s.city = settingsEntry(general, "company.city", "City", c.City)
	s.postcode = settingsEntry(general, "company.postcode", "Postcode", c.Postcode)
	s.country = settingsEntry(general, "company.country", "Country", c.Country)
	s.ico = settingsEntry(general, "company.ico", "IČO", c.ICO)
	s.dic = settingsEntry(general, "company.dic", "DIČ", c.DIC)
	s.vatPayer = widget.NewCheck(lang.X("wizard.vat_payer", "The company is a VAT payer"), nil)
	s.vatPayer.SetChecked(c.VATPayer)
	general.Add("company.vat_payer", "VAT payer", s.vatPayer)
	s.register = registerEntry(general, c.Register)
	s.email = settingsEntry(general, "company.email", "E-mail", c.Email)
	s.phone = settingsEntry(general, "company.phone", "Phone", c.Phone)
	s.branch = settingsEntry(general, "company.branch", "Branch code", c.Branch)
	general.Add("company.chart", "Chart of accounts", widget.NewLabel(chartNames()[chartIndex(c.Chart)]))

	money := kit.NewFieldSet()
	s.bank = settingsEntry(money, "company.bank_account", "Bank account", c.BankAccount)
	s.iban = settingsEntry(money, "company.iban", "IBAN", app.FormatIBAN(c.IBAN))
	s.bic = settingsEntry(money, "company.bic", "BIC", c.BIC)
	s.currency = widget.NewSelect(app.Currencies(), nil)
	s.currency.SetSelected(c.BaseCurrency)
	money.Add("company.base_currency", "Base currency", s.currency)
	s.vat = newVATEditor(c.VATRates)
	money.Add("company.vat_rates", "VAT rates", s.vat.object())
	s.taxOffice = settingsEntry(money, "company.tax_office", "Tax office code (c_ufo)", c.TaxOffice)
	s.taxOfficeBranch = settingsEntry(money, "company.tax_office_branch", "Territorial office code (c_pracufo)", c.TaxOfficeBranch)

	docs := kit.NewFieldSet()
	s.series = newSeriesEditor(c.Series, app.Today(s.clock()).Year())
	docs.Add("company.series", "Number series", s.series.object())
	s.logo = newLogoEditor(s.win, c.Logo)
	docs.Add("company.logo", "Logo", s.logo.object())
	s.language = widget.NewSelect(languageNames(), nil)
	s.language.SetSelectedIndex(languageIndex(s.prefs.String(kit.PrefLanguage)))
	restart := widget.NewLabel(lang.X("settings.language_restart", "A change of language takes effect when Kontor starts again."))
	restart.Importance = widget.LowImportance
	docs.Add("settings.language", "Language", container.NewVBox(s.language, restart))

	security := kit.NewFieldSet()
	s.lockMinutes = security.Entry("settings.lock_minutes", "Lock after (minutes)", "10")
	s.lockMinutes.SetText(strconv.Itoa(s.prefs.IntWithFallback(prefLockMinutes, defaultLockMinutes)))
	lockNote := widget.NewLabel(lang.X("settings.lock_note", "After this many minutes without mouse or keyboard, Kontor covers its window and asks the signed-in user for their password again; unsaved work stays. 0 means never. The setting belongs to this computer. Users and their roles are managed in the Users tab of the Back office."))
	lockNote.Wrapping = fyne.TextWrapWord
	lockNote.Importance = widget.LowImportance
	security.Add("settings.lock_note", "Note", lockNote)

	s.sets = map[*container.TabItem]*kit.FieldSet{}
	s.tabs = container.NewAppTabs()
	for _, t := range []struct {
		key, fallback string
		fs            *kit.FieldSet
	}{
		{"settings.tab.company", "Company", general},
		{"settings.tab.money", "Bank and VAT", money},
		{"settings.tab.documents", "Documents and language", docs},
		{"settings.tab.security", "Security", security},
	} {
		item := container.NewTabItem(lang.X(t.key, t.fallback), container.NewVScroll(container.NewPadded(t.fs.Object())))
		s.sets[item] = t.fs
		s.tabs.Append(item)
	}

	s.save = widget.NewButtonWithIcon(lang.X("action.save", "Save"), theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	closeBtn := widget.NewButton(lang.X("action.close", "Close"), s.win.Close)
	s.state = widget.NewLabel("")
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(closeBtn, s.save), s.state)
	return container.NewBorder(nil, container.NewPadded(bottom), nil, nil, s.tabs)
}

// registerEntry adds the field of the company's commercial-register entry
// (spisová značka), which every document prints (§435 of the Civil Code).
func registerEntry(fs *kit.FieldSet, value string) *widget.Entry {
	e := fs.Entry("company.register", "Register entry", lang.X("company.register_placeholder",
		"zapsaná v obchodním rejstříku vedeném Městským soudem v Praze, oddíl C, vložka 12345"))
	e.SetText(value)
	return e
}

func settingsEntry(fs *kit.FieldSet, key, fallback, value string) *widget.Entry {
	e := fs.Entry(key, fallback, "")
	e.SetText(value)
	return e
}

// read returns the company as the form describes it.
func (s *settings) read() (app.Company, error) {
	c := s.company
	c.Name, c.Street, c.City, c.Postcode = s.name.Text, s.street.Text, s.city.Text, s.postcode.Text
	c.Country, c.ICO, c.DIC, c.VATPayer = s.country.Text, s.ico.Text, s.dic.Text, s.vatPayer.Checked
	c.BankAccount, c.IBAN, c.BIC = s.bank.Text, s.iban.Text, s.bic.Text
	c.Email, c.Phone, c.Branch, c.BaseCurrency = s.email.Text, s.phone.Text, s.branch.Text, s.currency.Selected
	c.TaxOffice, c.TaxOfficeBranch = s.taxOffice.Text, s.taxOfficeBranch.Text
	c.Register = s.register.Text
	c.Series = s.series.series()
	c.Logo = s.logo.data
	rates, err := s.vat.rates()
	if err != nil {
		return c, err
	}
	c.VATRates = rates
	c.Normalize()
	return c, c.Validate()
}

// onSave validates the form and stores the company; nothing is saved when any
// field is wrong.
func (s *settings) onSave() {
	for _, fs := range s.sets {
		fs.Clear()
	}
	s.state.SetText("")
	c, err := s.read()
	if err != nil {
		s.fail(err)
		return
	}
	langPref := languageCodes[s.language.SelectedIndex()]
	lockMin, err := parseLockMinutes(s.lockMinutes.Text)
	if err != nil {
		s.fail(err)
		return
	}
	kit.Call(s.deps, kit.To{Busy: kit.ButtonsBusy(s.save), Err: s.fail}, func(ctx context.Context) (app.Company, error) {
		return s.deps.Services.Company.UpdateCompany(ctx, c)
	}, func(saved app.Company) {
		s.prefs.SetString(kit.PrefLanguage, langPref)
		s.prefs.SetInt(prefLockMinutes, lockMin)
		s.company = saved
		s.state.SetText(lang.X("settings.saved", "Settings saved."))
		if s.saved != nil {
			s.saved(saved)
		}
	})
}

// fail shows err at its field, brings that field's tab forward, and reports it.
func (s *settings) fail(err error) {
	for item, fs := range s.sets {
		if fs.Mark(err) {
			s.tabs.Select(item)
			break
		}
	}
	kit.ShowError(err, s.win)
}

// message returns the validation text at the field with key, for tests.
func (s *settings) message(key string) string {
	for _, fs := range s.sets {
		if m := fs.Message(key); m != "" {
			return m
		}
	}
	return ""
}

func (s *settings) clock() app.Clock { return s.deps.Clock() }

// parseLockMinutes reads the idle-lock minutes: a whole number, 0 to a day.
func parseLockMinutes(text string) (int, error) {
	m, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil || m < 0 || m > 24*60 {
		return 0, app.Invalid("settings.lock_minutes", "err.lock.minutes", "write whole minutes from 0 to {{.max}} (0 = never lock)", map[string]any{"max": 24 * 60})
	}
	return m, nil
}

// languageCodes are the values of the language preference, in languageNames order.
var languageCodes = []string{"", string(app.Czech), string(app.English)}

// languageNames are the choices of the language selector; each language is
// written in itself so a person can find theirs whatever the UI speaks.
func languageNames() []string {
	return []string{lang.X("settings.language_system", "As the system"), "Čeština", "English"}
}

func languageIndex(code string) int {
	for i, c := range languageCodes {
		if c == code {
			return i
		}
	}
	return 0
}

func chartIndex(c app.Chart) int {
	if c == app.ChartInternational {
		return 1
	}
	return 0
}
