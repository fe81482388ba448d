package sales

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/customers"
	"kontor/screens/kit"
)

// docForm shows one document: the editable form of a draft (customer, dates,
// currency, options, lines, live totals) or the read-only view of an issued
// document with its actions.
type docForm struct {
	s        *salesScreen
	doc      app.SalesDoc
	cust     *app.Customer
	editable bool
	dirty    bool
	loading  bool // programmatic changes are not edits
	dueAuto  bool // the due date follows the issue date and payment term
	taxAuto  bool // the DUZP follows the issue date
	// regimeAuto: the regime follows the customer and the lines (goods or
	// services) until the user chooses one.
	regimeAuto bool

	head, opts, linesFS *kit.FieldSet
	custName            *widget.Label
	issue, taxDate, due *widget.Entry
	valid, rate, reason *widget.Entry
	curSel, method      *widget.Select
	regime, exempt      *widget.Select // the VAT regime; an exempt supply's paragraph
	rcCode              *widget.Select // a §92a supply's code
	gross               *widget.Check
	rounding            *widget.Check
	note                *widget.Entry
	lines               *linesEditor
	totals              *totalsView
	payments            *fyne.Container
	state               *widget.Label // "Saved at 10:15"
	scroll              *container.Scroll
}

// relayout fits the scrolled body to content that grew or shrank (a line
// added, an address of three lines).
func (f *docForm) relayout() {
	if f.scroll != nil {
		f.scroll.Refresh()
	}
}

func newDocForm(s *salesScreen, d app.SalesDoc, cust *app.Customer) *docForm {
	return &docForm{s: s, doc: d, cust: cust, totals: newTotalsView(),
		editable: d.Status == app.StatusDraft && s.deps.Can(app.PermSalesWrite)}
}

// title is "Invoice FV2026-0001 · paid" or "Invoice · draft".
func (f *docForm) title() string {
	t := kit.DocKindName(f.doc.Kind)
	if f.doc.Number != "" {
		t += " " + f.doc.Number
	}
	return t + " · " + kit.DocStatusName(f.doc.StatusOn(app.Today(f.s.deps.Clock())))
}

func (f *docForm) buildUI() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.X("sales.back", "Back to the list"), theme.NavigateBackIcon(), func() {
		f.s.confirmLeave(f.s.backToLists)
	})
	f.state = widget.NewLabel("")
	f.state.Importance = widget.LowImportance
	bar := container.NewHBox(back, kit.Heading(f.title()), f.state, layout.NewSpacer())
	for _, b := range f.actions() {
		bar.Add(b)
	}
	var body fyne.CanvasObject
	if f.editable {
		body = f.buildEditor()
	} else {
		body = f.buildView()
	}
	f.scroll = container.NewVScroll(body)
	return container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, f.scroll)
}

// focus puts the cursor where work starts.
func (f *docForm) focus() {
	if f.editable && len(f.lines.rows) > 0 {
		f.s.win.Canvas().Focus(f.lines.rows[0].text)
	}
}

// buildEditor lays out the draft form.
func (f *docForm) buildEditor() fyne.CanvasObject {
	d := f.doc
	f.loading = true
	defer func() { f.loading = false }()
	f.head, f.opts, f.linesFS = kit.NewFieldSet(), kit.NewFieldSet(), kit.NewFieldSet()

	f.custName = widget.NewLabel("")
	f.custName.Wrapping = fyne.TextWrapWord
	pick := widget.NewButtonWithIcon(lang.X("sales.pick_customer", "Choose…"), theme.SearchIcon(), func() {
		customers.Pick(f.s.deps, f.s.win, f.s.company.BaseCurrency, f.setCustomer)
	})
	if d.Kind == app.KindCreditNote {
		pick.Disable() // a credit note belongs to its invoice's customer
	}
	f.head.Add("doc.customer", "Customer", container.NewBorder(nil, nil, nil, pick, f.custName))
	f.issue = f.head.Entry("doc.issue_date", "Issue date", kit.DatePlaceholder())
	f.taxDate = f.head.Entry("doc.tax_date", "DUZP", kit.DatePlaceholder())
	f.due = f.head.Entry("doc.due_date", "Due date", kit.DatePlaceholder())
	f.valid = f.head.Entry("doc.valid_until", "Valid until", kit.DatePlaceholder())
	f.method = widget.NewSelect([]string{kit.MethodName(app.PayBank), kit.MethodName(app.PayCash)}, func(string) { f.changed() })
	f.head.Add("doc.payment_method", "Payment method", f.method)

	f.curSel = widget.NewSelect(app.Currencies(), func(string) { f.currencyChanged() })
	f.opts.Add("doc.currency", "Currency", f.curSel)
	f.rate = f.opts.Entry("doc.exchange_rate", "Exchange rate", "24,325")
	f.regime = widget.NewSelect(kit.Names(app.SalesRegimes, kit.RegimeName), func(string) {
		if !f.loading {
			f.regimeAuto = false
		}
		f.regimeChanged()
	})
	f.opts.Add("doc.regime", "VAT regime", f.regime)
	f.exempt = widget.NewSelect(kit.Names(app.ExemptParagraphs, kit.ExemptName), func(string) { f.changed() })
	f.opts.Add("doc.exempt", "Exemption", f.exempt)
	f.rcCode = widget.NewSelect(kit.Names(app.ReverseChargeCodes, kit.RCCodeName), func(string) { f.changed() })
	f.opts.Add("doc.rc_code", "Reverse-charge code", f.rcCode)
	f.gross = widget.NewCheck(lang.X("sales.gross", "Prices include VAT"), func(bool) { f.changed() })
	f.rounding = widget.NewCheck(lang.X("sales.rounding", "Round the total to whole units (cash)"), func(bool) { f.changed() })
	f.opts.Add("doc.options", "Options", container.NewVBox(f.gross, f.rounding))
	f.reason = f.opts.Entry("doc.reason", "Reason", lang.X("sales.reason_hint", "Why the invoice is corrected"))
	f.note = widget.NewMultiLineEntry()
	f.note.SetMinRowsVisible(2)
	f.opts.Add("doc.note", "Note", f.note)

	f.lines = newLinesEditor(f)
	lf := f.linesFS.Add("doc.lines", "Lines", f.lines.object())
	lf.Label.TextStyle.Bold = true

	// Fill the widgets from the document.
	f.showCustomer()
	f.issue.SetText(kit.FormatDateInput(d.IssueDate))
	f.taxDate.SetText(kit.FormatDateInput(d.TaxDate))
	f.due.SetText(kit.FormatDateInput(d.DueDate))
	f.valid.SetText(kit.FormatDateInput(d.ValidUntil))
	f.method.SetSelected(kit.MethodName(d.PaymentMethod))
	cur := d.Currency
	if cur == "" {
		cur = f.s.company.BaseCurrency
	}
	f.curSel.SetSelected(cur)
	if d.ExchangeRate.Micro() > 0 && cur != f.s.company.BaseCurrency {
		f.rate.SetText(d.ExchangeRate.Format(kit.UILang))
	}
	f.gross.SetChecked(d.PricesIncludeVAT)
	kit.SelectValue(f.regime, app.SalesRegimes, d.Regime.Of())
	kit.SelectValue(f.exempt, app.ExemptParagraphs, d.Exempt)
	kit.SelectValue(f.rcCode, app.ReverseChargeCodes, d.RCCode)
	if d.Kind == app.KindCreditNote {
		f.regime.Disable() // a credit note has its invoice's regime
		f.exempt.Disable()
		f.rcCode.Disable()
	}
	f.rounding.SetChecked(d.CashRounding)
	f.reason.SetText(d.Reason)
	f.note.SetText(d.Note)
	for _, l := range d.Lines {
		f.lines.addRow(l)
	}
	if len(d.Lines) == 0 {
		f.lines.addRow(app.DocLine{Quantity: app.Q(1), Unit: "ks", VATKind: app.VATStandard})
	}
	f.dueAuto = d.ID == "" || f.cust != nil && d.DueDate == d.IssueDate.AddDays(f.cust.PaymentDays)
	f.regimeAuto = d.ID == "" && d.Kind != app.KindCreditNote
	f.taxAuto = d.TaxDate == d.IssueDate

	for _, e := range []*widget.Entry{f.issue, f.taxDate, f.due, f.valid, f.rate, f.reason, f.note} {
		e.OnChanged = func(string) { f.changed() }
	}
	f.issue.OnChanged = func(string) { f.issueChanged() }
	f.taxDate.OnChanged = func(string) {
		if !f.loading {
			f.taxAuto = false
			f.lines.relabelVAT()
		}
		f.changed()
	}
	f.due.OnChanged = func(string) {
		if !f.loading {
			f.dueAuto = false
		}
		f.changed()
	}
	f.loadItems()

	header := container.NewGridWithColumns(2, f.head.Object(), f.opts.Object())
	f.showKindFields()
	f.showRegimeFields()
	f.currencyChanged()
	linesBox := container.NewVBox(lf.Label, lf.Input, lf.Msg)
	totals := container.NewBorder(nil, nil, nil, f.totals.object())
	f.loading = false
	f.recompute()
	return container.NewVBox(header, widget.NewSeparator(), linesBox, totals)
}

// showKindFields hides what a kind does not have.
func (f *docForm) showKindFields() {
	k := f.doc.Kind
	pays := k == app.KindInvoice || k == app.KindCreditNote
	f.head.ByKey["doc.due_date"].SetVisible(pays)
	f.head.ByKey["doc.tax_date"].SetVisible(pays)
	f.head.ByKey["doc.valid_until"].SetVisible(k == app.KindQuote)
	f.opts.ByKey["doc.reason"].SetVisible(k == app.KindCreditNote)
}

// showRegimeFields shows the exempt paragraph and the §92a code only for
// their regimes, and the VAT-inclusive prices only where VAT is charged.
func (f *docForm) showRegimeFields() {
	r := f.selectedRegime()
	f.opts.ByKey["doc.exempt"].SetVisible(r == app.RegimeExempt)
	f.opts.ByKey["doc.rc_code"].SetVisible(r == app.RegimeReverseCZ)
	if f.lines != nil {
		f.lines.enableVAT(r.ChargesVAT())
	}
	if r.ChargesVAT() {
		f.gross.Show()
	} else {
		f.gross.SetChecked(false)
		f.gross.Hide()
	}
}

// selectedRegime is the regime chosen, domestic when none is.
func (f *docForm) selectedRegime() app.VATRegime {
	if i := f.regime.SelectedIndex(); i >= 0 {
		return app.SalesRegimes[i]
	}
	return app.RegimeDomestic
}

// defaultRegime chooses the customer's regime while the user has not.
func (f *docForm) defaultRegime() {
	if !f.regimeAuto || f.cust == nil || f.lines == nil {
		return
	}
	lines, _ := f.lines.read(false)
	if r := app.DefaultSalesRegime(*f.cust, lines); r != f.selectedRegime() {
		loading := f.loading
		f.loading = true // not the user's choice
		kit.SelectValue(f.regime, app.SalesRegimes, r)
		f.loading = loading
		f.showRegimeFields()
		f.relayout()
	}
}

// regimeChanged shows the regime's own fields and recomputes the totals.
func (f *docForm) regimeChanged() {
	if f.opts == nil || f.opts.ByKey["doc.rc_code"] == nil {
		return
	}
	f.showRegimeFields()
	f.relayout()
	f.changed()
}

// loadItems fetches the price list for the line selectors.
func (f *docForm) loadItems() {
	// without the price list the lines are typed in: no error to show
	kit.Call(f.s.deps, kit.To{}, f.s.deps.Services.PriceList.Items, f.lines.setItems)
}

// showCustomer writes the chosen customer and address.
func (f *docForm) showCustomer() {
	p := f.doc.Customer
	if f.cust != nil {
		p = app.PartyOfCustomer(*f.cust)
	}
	if p.Name == "" {
		f.custName.SetText(lang.X("sales.no_customer", "No customer chosen"))
		return
	}
	text := p.Name
	if addr := strings.TrimSpace(strings.Join([]string{p.Street, strings.TrimSpace(p.Postcode + " " + p.City)}, ", ")); addr != "," && addr != "" {
		text += "\n" + strings.Trim(addr, ", ")
	}
	if p.ICO != "" {
		text += "\n" + lang.X("field.customer.ico", "IČO") + " " + p.ICO
	}
	if p.DIC != "" { // the VAT ID decides the regime
		text += "\n" + lang.X("field.customer.dic", "DIČ") + " " + p.DIC
	}
	f.custName.SetText(text)
}

// setCustomer takes a picked customer: their payment term, currency.
func (f *docForm) setCustomer(c app.Customer) {
	f.cust = &c
	f.doc.CustomerID = c.ID
	f.doc.Customer = app.PartyOfCustomer(c)
	f.showCustomer()
	f.relayout()
	if c.Currency != "" && c.Currency != f.curSel.Selected {
		f.curSel.SetSelected(c.Currency)
	}
	if f.doc.Kind != app.KindCreditNote {
		f.regimeAuto = true
		f.defaultRegime()
	}
	f.dueAuto = true
	f.issueChanged()
	f.dirty = true
}

// issueChanged moves the DUZP and due date that follow the issue date.
func (f *docForm) issueChanged() {
	if f.loading {
		return
	}
	if day, err := app.ParseDate(f.issue.Text); err == nil {
		f.loading = true
		if f.taxAuto {
			f.taxDate.SetText(kit.FormatDateInput(day))
		}
		if f.dueAuto && f.doc.Kind == app.KindInvoice {
			days := app.DefaultPaymentDays
			if f.cust != nil {
				days = f.cust.PaymentDays
			}
			f.due.SetText(kit.FormatDateInput(day.AddDays(days)))
		}
		f.loading = false
		f.lines.relabelVAT()
	}
	f.changed()
}

// currencyChanged shows the exchange rate only for a foreign currency.
func (f *docForm) currencyChanged() {
	foreign := f.curSel.Selected != "" && f.curSel.Selected != f.s.company.BaseCurrency
	f.opts.ByKey["doc.exchange_rate"].SetVisible(foreign)
	f.relayout()
	f.changed()
}

// currency is the document's currency as chosen.
func (f *docForm) currency() string {
	if f.curSel != nil && f.curSel.Selected != "" {
		return f.curSel.Selected
	}
	if f.doc.Currency != "" {
		return f.doc.Currency
	}
	return f.s.company.BaseCurrency
}

// rateDay is the day VAT rates are taken for: the DUZP, else the issue date.
func (f *docForm) rateDay() app.Date {
	if f.taxDate != nil {
		if d, err := app.ParseDate(f.taxDate.Text); err == nil {
			return d
		}
	}
	if f.issue != nil {
		if d, err := app.ParseDate(f.issue.Text); err == nil {
			return d
		}
	}
	return app.Today(f.s.deps.Clock())
}

// changed marks the form edited and recomputes the totals.
func (f *docForm) changed() {
	if f.loading || f.lines == nil {
		return
	}
	f.dirty = true
	f.defaultRegime()
	f.recompute()
}

// recompute shows the live totals of what the form says now.
func (f *docForm) recompute() {
	d, _ := f.read(false)
	t := liveTotals(d, f.s.company)
	d.Supplier.VATPayer = f.s.company.VATPayer
	f.totals.set(d, t, f.s.company.BaseCurrency)
	f.lines.showAmounts(t, d.Currency)
}

// read builds the document from the form. Strict reading returns the first
// value that does not parse, named by its field.
func (f *docForm) read(strict bool) (app.SalesDoc, error) {
	d := f.doc
	d.Currency = f.currency()
	d.Supplier = app.PartyOfCompany(f.s.company)
	var first error
	keep := func(err error) {
		if first == nil {
			first = err
		}
	}
	date := func(e *widget.Entry, field string) app.Date {
		v, err := kit.ParseOptionalDate(e.Text, field)
		if err != nil {
			keep(err)
		}
		return v
	}
	d.IssueDate = date(f.issue, "doc.issue_date")
	d.TaxDate, d.DueDate, d.ValidUntil = app.Date{}, app.Date{}, app.Date{}
	switch d.Kind {
	case app.KindInvoice, app.KindCreditNote:
		d.TaxDate = date(f.taxDate, "doc.tax_date")
		d.DueDate = date(f.due, "doc.due_date")
	case app.KindQuote:
		d.ValidUntil = date(f.valid, "doc.valid_until")
	}
	d.ExchangeRate = app.Rate{}
	if d.Currency != f.s.company.BaseCurrency && strings.TrimSpace(f.rate.Text) != "" {
		r, err := app.ParseRate(f.rate.Text, kit.UILang)
		if err != nil {
			keep(app.WithField(err, "doc.exchange_rate"))
		}
		d.ExchangeRate = r
	}
	d.PricesIncludeVAT, d.CashRounding = f.gross.Checked, f.rounding.Checked
	d.Regime, d.Exempt, d.RCCode = f.selectedRegime(), "", ""
	if i := f.exempt.SelectedIndex(); i >= 0 && d.Regime == app.RegimeExempt {
		d.Exempt = app.ExemptParagraphs[i]
	}
	if i := f.rcCode.SelectedIndex(); i >= 0 && d.Regime == app.RegimeReverseCZ {
		d.RCCode = app.ReverseChargeCodes[i]
	}
	d.PaymentMethod = kit.MethodOf(f.method.Selected)
	d.Note = strings.TrimSpace(f.note.Text)
	if d.Kind == app.KindCreditNote {
		d.Reason = strings.TrimSpace(f.reason.Text)
	}
	lines, err := f.lines.read(strict)
	if err != nil {
		keep(err)
	}
	d.Lines = lines
	if strict && first != nil {
		return d, first
	}
	return d, nil
}
