package payables

import (
	"context"
	"errors"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// purchaseForm records a received invoice: the supplier, their number, the
// dates, currency and account, and the base and VAT per rate as the
// supplier's document states them. VAT is computed from the base as you type
// until you overwrite it with the supplier's figure.
//
// With orig set it records the supplier's credit note to that invoice: the
// supplier and currency are the original's, the amounts are typed as the
// credit note prints them (positive) and stored negative.
type purchaseForm struct {
	v        *payablesView
	accounts []app.Account // what the bases may be debited to
	supplier *app.Customer
	orig     *app.PurchaseInvoice // the invoice a credit note corrects; nil for an invoice
	loading  bool                 // programmatic changes are not edits
	vsAuto   bool                 // the variable symbol follows the supplier's number
	taxAuto  bool                 // the DUZP follows the issue date
	dueAuto  bool                 // the due date follows the issue date and payment term

	head, opts                  *kit.FieldSet
	supName                     *widget.Label
	number, vs, issue, tax, due *widget.Entry
	rate, memo                  *widget.Entry
	curSel, account             *widget.Select
	regime, rcCode              *widget.Select // how the VAT is accounted for; a §92a supply's code
	noDeduct                    *widget.Check  // §72: the VAT is part of the cost
	rows                        []*purchaseVATRow
	vatField                    *kit.Field
	rateGrid                    *fyne.Container
	total                       *widget.Label
	saveBtn                     *widget.Button
	scroll                      *container.Scroll
}

func newPurchaseForm(v *payablesView, all []app.Account, orig *app.PurchaseInvoice) *purchaseForm {
	acc := v.company.Chart.Posting()
	var offered []app.Account
	for _, a := range all {
		// a credit note goes back to the original's account, whatever it is
		if a.Type == app.Expense || a.Code == acc.Goods || a.Code == "112" || orig != nil && a.Code == orig.Account {
			offered = append(offered, a)
		}
	}
	sort.SliceStable(offered, func(i, j int) bool { return offered[i].Code < offered[j].Code })
	return &purchaseForm{v: v, accounts: offered, orig: orig, vsAuto: true, taxAuto: true, dueAuto: orig == nil}
}

func (f *purchaseForm) buildUI() fyne.CanvasObject {
	c := f.v.company
	f.loading = true
	defer func() { f.loading = false }()
	f.head, f.opts = kit.NewFieldSet(), kit.NewFieldSet()

	f.supName = widget.NewLabel(lang.X("payables.no_supplier", "No supplier chosen"))
	f.supName.Wrapping = fyne.TextWrapWord
	if f.orig != nil { // the original's supplier, not to be changed
		f.supName.SetText(supplierText(f.orig.Supplier.Name, f.orig.Supplier.ICO, f.orig.Supplier.BankAccount))
		f.head.Add("purchase.supplier", "Supplier", f.supName)
		orig := widget.NewLabel(creditOriginalText(*f.orig))
		orig.Wrapping = fyne.TextWrapWord
		f.head.Add("purchase.original", "Corrected invoice", orig)
	} else {
		pick := widget.NewButtonWithIcon(lang.X("sales.pick_customer", "Choose…"), theme.SearchIcon(), func() {
			pickSupplier(f.v.deps, f.v.win, c.BaseCurrency, f.setSupplier)
		})
		f.head.Add("purchase.supplier", "Supplier", container.NewBorder(nil, nil, nil, pick, f.supName))
	}
	f.number = f.head.Entry("purchase.supplier_number", "Supplier's invoice number", "2026-0042")
	f.vs = f.head.Entry("purchase.variable_symbol", "Variable symbol", "")
	f.issue = f.head.Entry("purchase.issue_date", "Issue date", kit.DatePlaceholder())
	f.tax = f.head.Entry("purchase.tax_date", "DUZP", kit.DatePlaceholder())
	f.due = f.head.Entry("purchase.due_date", "Due date", kit.DatePlaceholder())

	f.curSel = widget.NewSelect(app.Currencies(), func(string) { f.currencyChanged() })
	f.opts.Add("purchase.currency", "Currency", f.curSel)
	f.rate = f.opts.Entry("purchase.exchange_rate", "Exchange rate", "24,325")
	var accountNames []string
	for _, a := range f.accounts {
		accountNames = append(accountNames, a.Code+" "+a.Name)
	}
	f.account = widget.NewSelect(accountNames, nil)
	f.opts.Add("purchase.account", "Account", f.account)
	f.memo = f.opts.Entry("purchase.memo", "What was bought", lang.X("payables.memo_hint", "Rent of the workshop for March"))
	f.regime = widget.NewSelect(kit.Names(app.PurchaseRegimes, kit.PurchaseRegimeName), func(string) { f.regimeChanged() })
	f.opts.Add("purchase.regime", "VAT regime", f.regime)
	f.rcCode = widget.NewSelect(kit.Names(app.ReverseChargeCodes, kit.RCCodeName), nil)
	f.opts.Add("purchase.rc_code", "Reverse-charge code", f.rcCode)
	// A VAT payer may still have no right to deduct (entertainment, a car for
	// private use — §72 of the VAT act); a non-payer never claims VAT.
	f.noDeduct = widget.NewCheck(lang.X("payables.no_deduction", "VAT not deductible: part of the cost"), nil)
	f.opts.Add("purchase.no_deduction", "Input VAT", f.noDeduct)
	if !f.v.company.VATPayer {
		f.noDeduct.SetChecked(true)
		f.noDeduct.Disable()
	}
	kit.SelectValue(f.regime, app.PurchaseRegimes, app.RegimeDomestic)
	if f.orig != nil {
		f.noDeduct.SetChecked(f.orig.NoDeduction)
		f.noDeduct.Disable() // a credit note follows its invoice
		kit.SelectValue(f.regime, app.PurchaseRegimes, f.orig.Regime.Of())
		kit.SelectValue(f.rcCode, app.ReverseChargeCodes, f.orig.RCCode)
		f.regime.Disable()
		f.rcCode.Disable()
	}

	f.rateGrid = container.NewGridWithColumns(4)
	f.total = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	vf := f.opts.Add("purchase.vat", "Amounts by VAT rate", f.rateGrid)
	f.vatField = vf
	f.opts.Fields = f.opts.Fields[:len(f.opts.Fields)-1] // laid out below the two columns

	today := app.Today(f.v.deps.Clock())
	f.issue.SetText(kit.FormatDateInput(today))
	f.tax.SetText(kit.FormatDateInput(today))
	f.due.SetText(kit.FormatDateInput(today.AddDays(app.DefaultPaymentDays)))
	f.curSel.SetSelected(c.BaseCurrency)
	f.account.SetSelectedIndex(f.accountIndex(c.Chart.Posting().Services))
	title := lang.X("payables.new_title", "New received invoice")
	if f.orig != nil {
		title = f.creditMode()
	}
	f.buildRates()

	f.number.OnChanged = func(string) { f.numberChanged() }
	f.vs.OnChanged = func(s string) {
		if !f.loading {
			f.vsAuto = strings.TrimSpace(s) == ""
		}
	}
	f.issue.OnChanged = func(string) { f.issueChanged() }
	f.tax.OnChanged = func(string) {
		if !f.loading {
			f.taxAuto = false
		}
		f.relabelRates()
	}
	f.due.OnChanged = func(string) {
		if !f.loading {
			f.dueAuto = false
		}
	}
	f.rate.OnChanged = func(string) { f.recompute() }

	f.saveBtn = widget.NewButtonWithIcon(lang.X("payables.save", "Record and post"), theme.ConfirmIcon(), f.save)
	f.saveBtn.Importance = widget.HighImportance
	for _, fs := range []*kit.FieldSet{f.head, f.opts} {
		for _, fl := range fs.Fields {
			if e := kit.EntryOf(fl.Input); e != nil {
				e.OnSubmitted = func(string) { f.save() }
			}
		}
	}
	back := widget.NewButtonWithIcon(lang.X("payables.back", "Back to the list"), theme.NavigateBackIcon(), f.v.backToList)
	bar := container.NewHBox(back, kit.Heading(title), layout.NewSpacer(), f.saveBtn)

	header := container.NewGridWithColumns(2, f.head.Object(), f.opts.Object())
	vf.Box = container.NewVBox(vf.Input, vf.Msg)
	vf.Label.TextStyle.Bold = true
	body := container.NewVBox(header, widget.NewSeparator(), vf.Label, vf.Box,
		container.NewBorder(nil, nil, nil, f.total))
	if f.orig != nil {
		f.head.ByKey["purchase.variable_symbol"].SetVisible(false) // nothing is paid by a credit note
		hint := widget.NewLabel(lang.X("payables.credit_hint", "Type the amounts as the supplier's credit note states them, without a minus sign: they are recorded as a reduction of the invoice."))
		hint.Wrapping = fyne.TextWrapWord
		hint.Importance = widget.LowImportance
		body.Add(hint)
	}
	f.currencyChanged()
	f.opts.ByKey["purchase.rc_code"].SetVisible(f.selectedRegime() == app.RegimeReverseCZ)
	f.loading = false
	f.relabelRates()
	f.scroll = container.NewVScroll(body)
	return container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, f.scroll)
}

// creditMode sets the form up for a credit note to f.orig and returns its
// title: the original's currency, rate and account; the due date may stay
// empty (it is the issue date then: nothing is paid by a credit note).
func (f *purchaseForm) creditMode() string {
	o := f.orig
	f.head.ByKey["purchase.supplier_number"].Label.SetText(lang.X("payables.credit_number", "Supplier's credit note number"))
	f.number.SetPlaceHolder("D-2026-0007")
	f.due.SetText("")
	f.due.SetPlaceHolder(lang.X("payables.due_empty", "empty = issue date"))
	f.curSel.SetSelected(o.Currency)
	f.curSel.Disable()
	if o.Currency != f.v.company.BaseCurrency {
		f.rate.SetText(o.ExchangeRate.Format(kit.UILang))
	}
	if i := f.accountIndex(o.Account); i >= 0 {
		f.account.SetSelectedIndex(i)
	}
	f.memo.SetPlaceHolder(lang.X("payables.credit_memo_hint", "Discount for a late delivery"))
	return lang.X("payables.credit_title", "Credit note to {{.number}}", map[string]any{"number": o.Number})
}

// accountIndex is the position of code among the offered accounts (-1 if absent).
func (f *purchaseForm) accountIndex(code string) int {
	for i, a := range f.accounts {
		if a.Code == code {
			return i
		}
	}
	return -1
}

// focus puts the cursor in the supplier's number.
func (f *purchaseForm) focus() { f.v.win.Canvas().Focus(f.number) }

// setSupplier takes a picked supplier: their currency and payment term.
func (f *purchaseForm) setSupplier(c app.Customer) {
	f.supplier = &c
	f.supName.SetText(supplierText(c.Name, c.ICO, c.BankAccount))
	if c.Currency != "" && c.Currency != f.curSel.Selected {
		f.curSel.SetSelected(c.Currency)
	}
	// A business of another member state bills without VAT: the purchase
	// is self-assessed (the user says whether goods or a service).
	if app.OtherEUVATID(c.DIC) {
		kit.SelectValue(f.regime, app.PurchaseRegimes, app.RegimeEUServices)
	} else if f.selectedRegime() != app.RegimeReverseCZ && f.selectedRegime() != app.RegimeExport {
		kit.SelectValue(f.regime, app.PurchaseRegimes, app.RegimeDomestic)
	}
	f.dueAuto = true
	f.issueChanged()
	if f.scroll != nil {
		f.scroll.Refresh()
	}
}

// supplierText is how the form shows its supplier.
func supplierText(name, ico, account string) string {
	text := name
	if ico != "" {
		text += " · " + lang.X("field.customer.ico", "IČO") + " " + ico
	}
	if account != "" {
		text += "\n" + lang.X("field.customer.bank_account", "Bank account") + " " + account
	}
	return text
}

// numberChanged fills the variable symbol from the supplier's number while
// the user has not typed one.
func (f *purchaseForm) numberChanged() {
	if f.loading || !f.vsAuto {
		return
	}
	p := app.PurchaseInvoice{SupplierNumber: f.number.Text}
	p.Normalize(f.v.company.BaseCurrency, f.v.company.Chart.Posting())
	f.loading = true
	f.vs.SetText(p.VariableSymbol)
	f.loading = false
}

// issueChanged moves the DUZP and due date that follow the issue date.
func (f *purchaseForm) issueChanged() {
	if f.loading {
		return
	}
	day, err := app.ParseDate(f.issue.Text)
	if err != nil {
		return
	}
	f.loading = true
	if f.taxAuto {
		f.tax.SetText(kit.FormatDateInput(day))
	}
	if f.dueAuto {
		days := app.DefaultPaymentDays
		if f.supplier != nil {
			days = f.supplier.PaymentDays
		}
		f.due.SetText(kit.FormatDateInput(day.AddDays(days)))
	}
	f.loading = false
	f.relabelRates()
}

// currency is the invoice's currency as chosen.
func (f *purchaseForm) currency() string {
	if f.curSel.Selected != "" {
		return f.curSel.Selected
	}
	return f.v.company.BaseCurrency
}

// currencyChanged shows the exchange rate only for a foreign currency.
func (f *purchaseForm) currencyChanged() {
	if f.opts == nil || f.opts.ByKey["purchase.exchange_rate"] == nil {
		return
	}
	f.opts.ByKey["purchase.exchange_rate"].SetVisible(f.currency() != f.v.company.BaseCurrency)
	f.recompute()
}

// read builds the invoice from the form; the first value that does not
// parse is returned named by its field, then the invoice's own rules.
func (f *purchaseForm) read() (app.PurchaseInvoice, error) {
	c := f.v.company
	p := app.PurchaseInvoice{SupplierNumber: f.number.Text, VariableSymbol: f.vs.Text, Currency: f.currency(), Memo: f.memo.Text, NoDeduction: f.noDeduct.Checked,
		Regime: f.selectedRegime()}
	if i := f.rcCode.SelectedIndex(); i >= 0 && p.Regime == app.RegimeReverseCZ {
		p.RCCode = app.ReverseChargeCodes[i]
	}
	if f.supplier != nil {
		p.SupplierID = f.supplier.ID
		p.Supplier = app.PartyOfCustomer(*f.supplier)
		p.Supplier.BankAccount = f.supplier.BankAccount
	}
	if f.orig != nil {
		p.CreditNote, p.OriginalID, p.OriginalNo = true, f.orig.ID, f.orig.Number
		p.SupplierID, p.Supplier, p.VariableSymbol = f.orig.SupplierID, f.orig.Supplier, ""
	}
	var err error
	for _, d := range []struct {
		e     *widget.Entry
		field string
		to    *app.Date
	}{{f.issue, "purchase.issue_date", &p.IssueDate}, {f.tax, "purchase.tax_date", &p.TaxDate}, {f.due, "purchase.due_date", &p.DueDate}} {
		if *d.to, err = kit.ParseOptionalDate(d.e.Text, d.field); err != nil {
			return p, err
		}
	}
	if p.Currency != c.BaseCurrency && strings.TrimSpace(f.rate.Text) != "" {
		if p.ExchangeRate, err = app.ParseRate(f.rate.Text, kit.UILang); err != nil {
			return p, app.WithField(err, "purchase.exchange_rate")
		}
	}
	if i := f.account.SelectedIndex(); i >= 0 {
		p.Account = f.accounts[i].Code
	}
	for _, r := range f.rows {
		if !r.valid || strings.TrimSpace(r.base.Text) == "" && strings.TrimSpace(r.vat.Text) == "" {
			continue
		}
		base, err := app.ParseMoney(orZero(r.base.Text), p.Currency, kit.UILang)
		if err != nil {
			return p, app.WithField(err, "purchase.vat")
		}
		vat := int64(0)
		if p.Regime.SelfAssessed() {
			vat = 0 // the supplier charged none; the posting self-assesses it
		} else if strings.TrimSpace(r.vat.Text) == "" {
			vat, _ = r.vatOf(base.Amount, p.Currency)
		} else {
			m, err := app.ParseMoney(r.vat.Text, p.Currency, kit.UILang)
			if err != nil {
				return p, app.WithField(err, "purchase.vat")
			}
			vat = m.Amount
		}
		if base.Amount == 0 && vat == 0 {
			continue
		}
		if f.orig != nil { // typed as printed, stored as the reduction it is
			base.Amount, vat = -abs(base.Amount), -abs(vat)
		}
		p.VAT = append(p.VAT, app.PurchaseVAT{Rate: r.rate, Base: base.Amount, VAT: vat})
	}
	p.Normalize(c.BaseCurrency, c.Chart.Posting())
	return p, p.Validate()
}

// save records and posts the invoice; a refusal is shown at its field and
// in the error dialog, and nothing is written.
func (f *purchaseForm) save() {
	if f.saveBtn.Disabled() {
		return
	}
	f.head.Clear()
	f.opts.Clear()
	f.vatField.Msg.Hide()
	p, err := f.read()
	if err != nil {
		f.fail(err)
		return
	}
	kit.Call(f.v.deps, kit.To{Busy: kit.ButtonsBusy(f.saveBtn), Err: func(err error) {
		var e *app.Error
		if errors.As(err, &e) && e.Code == app.ECONFLICT && e.Field == "" {
			err = app.WithField(err, "purchase.supplier_number") // the same number from the same supplier
		}
		f.fail(err)
	}}, func(ctx context.Context) (app.PurchaseInvoice, error) {
		return f.v.deps.Services.Payables.RecordPurchase(ctx, p)
	}, func(saved app.PurchaseInvoice) {
		f.v.backToList()
		msg := lang.X("payables.recorded", "Received invoice {{.number}} is recorded and posted.", map[string]any{"number": saved.Number})
		if saved.CreditNote {
			msg = lang.X("payables.credit_recorded", "Credit note {{.number}} to {{.original}} is recorded and posted.",
				map[string]any{"number": saved.Number, "original": saved.OriginalNo})
		}
		dialog.ShowInformation(lang.X("payables.recorded_title", "Recorded"), msg, f.v.win)
	})
}

// fail shows err at its field and in the error dialog.
func (f *purchaseForm) fail(err error) {
	if !f.head.Mark(err) {
		f.opts.Mark(err)
	}
	if f.scroll != nil {
		f.scroll.Refresh()
	}
	kit.ShowError(err, f.v.win)
}
