package payables

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// detail is the read-only view of a received invoice: the header, the
// amounts per rate, the payments, "Credit note…" while some of it is not
// credited yet and "Pay…" while something is left to pay. An invoice shows
// the credit notes recorded against it, a credit note the invoice it
// corrects. account is the code and name of the account the bases were
// debited to.
func (v *payablesView) detail(p app.PurchaseInvoice, account string, pays []app.Payment, credits []app.PurchaseInvoice) fyne.CanvasObject {
	status, _ := purchaseStatus(p, app.Today(v.deps.Clock()))
	back := widget.NewButtonWithIcon(lang.X("payables.back", "Back to the list"), theme.NavigateBackIcon(), v.backToList)
	titleText := lang.X("payables.detail_title", "Received invoice {{.number}}", map[string]any{"number": p.Number})
	if p.CreditNote {
		titleText = lang.X("payables.credit_detail_title", "Received credit note {{.number}}", map[string]any{"number": p.Number})
	}
	bar := container.NewHBox(back, kit.Heading(titleText+" · "+status), layout.NewSpacer())
	if !p.CreditNote && p.Total-p.Credited > 0 && v.deps.Can(app.PermPayables) {
		credit := widget.NewButtonWithIcon(lang.X("payables.credit", "Credit note…"), theme.ContentUndoIcon(), func() { v.newCreditNote(p) })
		bar.Add(credit)
	}
	if p.Remaining() > 0 && v.deps.Can(app.PermPayables) {
		pay := widget.NewButtonWithIcon(lang.X("payables.pay", "Pay…"), theme.ConfirmIcon(), func() { v.pay(p) })
		pay.Importance = widget.HighImportance
		bar.Add(pay)
	}

	grid := container.New(layout.NewFormLayout())
	labelled := func(label, value string) {
		if strings.TrimSpace(value) == "" {
			return
		}
		v := widget.NewLabel(value)
		v.Wrapping = fyne.TextWrapWord
		grid.Add(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		grid.Add(v)
	}
	row := func(key, fallback, value string) { labelled(lang.X("field."+key, fallback), value) }
	sup := p.Supplier.Name
	if addr := strings.Trim(strings.Join([]string{p.Supplier.Street, strings.TrimSpace(p.Supplier.Postcode + " " + p.Supplier.City)}, ", "), ", "); addr != "" {
		sup += "\n" + addr
	}
	if p.Supplier.ICO != "" {
		sup += "\n" + lang.X("field.customer.ico", "IČO") + " " + p.Supplier.ICO
	}
	cur := p.Currency
	row("purchase.supplier", "Supplier", sup)
	row("customer.bank_account", "Bank account", p.Supplier.BankAccount)
	if p.CreditNote {
		grid.Add(widget.NewLabelWithStyle(lang.X("field.purchase.original", "Corrected invoice"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		open := widget.NewButtonWithIcon(p.OriginalNo, theme.NavigateNextIcon(), func() { v.openPurchase(p.OriginalID) })
		open.Importance = widget.LowImportance
		open.Alignment = widget.ButtonAlignLeading
		grid.Add(container.NewHBox(open))
		labelled(lang.X("payables.credit_number", "Supplier's credit note number"), p.SupplierNumber)
	} else {
		row("purchase.supplier_number", "Supplier's invoice number", p.SupplierNumber)
		row("purchase.variable_symbol", "Variable symbol", p.VariableSymbol)
	}
	row("purchase.issue_date", "Issue date", p.IssueDate.Format(kit.UILang))
	row("purchase.tax_date", "DUZP", p.TaxDate.Format(kit.UILang))
	if !p.CreditNote {
		row("purchase.due_date", "Due date", p.DueDate.Format(kit.UILang))
	}
	if cur != v.company.BaseCurrency && v.company.BaseCurrency != "" {
		row("purchase.exchange_rate", "Exchange rate", p.ExchangeRate.Format(kit.UILang))
	}
	row("purchase.account", "Account", account)
	row("purchase.memo", "What was bought", p.Memo)
	if p.NoDeduction {
		row("purchase.no_deduction", "Input VAT", lang.X("payables.no_deduction", "VAT not deductible: part of the cost"))
	}

	rates := container.NewGridWithColumns(4,
		boldLabel(lang.X("payables.col.rate", "VAT rate"), false), boldLabel(lang.X("payables.col.base", "Tax base"), true),
		boldLabel(lang.X("payables.col.vat", "VAT"), true), boldLabel(lang.X("payables.col.row_total", "Total"), true))
	for _, r := range p.VAT {
		rates.Add(widget.NewLabel(r.Rate.Format(kit.UILang) + " %"))
		rates.Add(amountLabel(app.M(r.Base, cur).Format(kit.UILang)))
		rates.Add(amountLabel(app.M(r.VAT, cur).Format(kit.UILang)))
		rates.Add(amountLabel(app.M(r.Base+r.VAT, cur).Format(kit.UILang)))
	}
	sums := container.New(layout.NewFormLayout())
	sum := func(label string, v int64) {
		sums.Add(boldLabel(label, false))
		sums.Add(amountLabel(app.M(v, cur).Format(kit.UILang)))
	}
	sum(lang.X("payables.col.total", "Total"), p.Total)
	if !p.CreditNote {
		if p.Credited != 0 {
			sum(lang.X("field.doc.credited", "Credited"), -p.Credited)
		}
		sum(lang.X("field.doc.paid", "Paid"), p.Paid)
		if left := p.Remaining(); left < 0 {
			sum(lang.X("payables.refund_due", "Refund due from the supplier"), -left)
		} else {
			sum(lang.X("payables.col.remaining", "Remaining"), left)
		}
	}
	body := container.NewVBox(grid, widget.NewSeparator(), rates, container.NewBorder(nil, nil, nil, sums))
	if p.CreditNote {
		note := widget.NewLabel(lang.X("payables.credit_note_info", "A credit note is not paid: it reduces {{.number}}; money the supplier sends back is paired with that invoice.",
			map[string]any{"number": p.OriginalNo}))
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.LowImportance
		body.Add(note)
		return container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(body))
	}
	if len(credits) > 0 {
		body.Add(widget.NewSeparator())
		body.Add(boldLabel(lang.X("payables.credit_notes", "Credit notes"), false))
		for _, c := range credits {
			id := c.ID
			b := widget.NewButtonWithIcon(c.Number+" · "+c.SupplierNumber+" · "+c.IssueDate.Format(kit.UILang)+" · "+app.M(c.Total, c.Currency).Format(kit.UILang),
				theme.NavigateNextIcon(), func() { v.openPurchase(id) })
			b.Importance = widget.LowImportance
			b.Alignment = widget.ButtonAlignLeading
			body.Add(container.NewHBox(b))
		}
	}

	payments := container.NewVBox()
	if len(pays) == 0 {
		none := widget.NewLabel(lang.X("payables.no_payments", "Nothing paid yet."))
		none.Importance = widget.LowImportance
		payments.Add(none)
	}
	for _, pm := range pays {
		text := pm.Date.Format(kit.UILang) + " · " + pm.Amount.Format(kit.UILang) + " · " + kit.MethodName(pm.Method)
		if pm.Amount.Amount < 0 {
			text += " · " + lang.X("payables.refund", "refund from the supplier")
		}
		if pm.BankEntry != "" {
			text += " · " + lang.X("payables.from_statement", "from a bank statement")
		}
		payments.Add(widget.NewLabel(text))
	}
	body.Add(widget.NewSeparator())
	body.Add(boldLabel(lang.X("sales.payments", "Payments"), false))
	body.Add(payments)
	return container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(body))
}

// creditOriginalText describes the invoice a credit note corrects on its
// form: its numbers, date, total and what can still be credited.
func creditOriginalText(o app.PurchaseInvoice) string {
	return lang.X("payables.credit_original", "{{.number}} ({{.supplier_number}}) of {{.date}}, total {{.total}}; {{.left}} can still be credited",
		map[string]any{"number": o.Number, "supplier_number": o.SupplierNumber, "date": o.IssueDate.Format(kit.UILang),
			"total": app.M(o.Total, o.Currency).Format(kit.UILang), "left": app.M(o.Total-o.Credited, o.Currency).Format(kit.UILang)})
}

// boldLabel is a bold label, right-aligned for amounts.
func boldLabel(text string, right bool) *widget.Label {
	return widget.NewLabelWithStyle(text, kit.ColumnAlign(right), fyne.TextStyle{Bold: true})
}

// amountLabel is a right-aligned label.
func amountLabel(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{})
}

// pay asks for the date, amount (what remains) and method of a payment to
// the supplier and records it; the detail then shows it.
func (v *payablesView) pay(p app.PurchaseInvoice) {
	fs := kit.NewFieldSet()
	date := fs.EscEntry("payment.date", "Payment date", kit.DatePlaceholder())
	date.SetText(kit.FormatDateInput(app.Today(v.deps.Clock())))
	amount := fs.EscEntry("payment.amount", "Amount", "")
	amount.SetText(kit.FormatPriceInput(p.Remaining(), p.Currency))
	method := widget.NewSelect([]string{kit.MethodName(app.PayBank), kit.MethodName(app.PayCash)}, nil)
	method.SetSelected(kit.MethodName(app.PayBank))
	fs.Add("payment.method", "Payment method", method)
	info := widget.NewLabel(lang.X("sales.remaining", "Remaining {{.left}} of {{.total}}",
		map[string]any{"left": app.M(p.Remaining(), p.Currency).Format(kit.UILang), "total": app.M(p.Total, p.Currency).Format(kit.UILang)}))
	info.Importance = widget.LowImportance
	if p.VariableSymbol != "" || p.Supplier.BankAccount != "" {
		info.SetText(info.Text + "\n" + lang.X("payables.pay_to", "Pay to {{.account}}, variable symbol {{.vs}}",
			map[string]any{"account": p.Supplier.BankAccount, "vs": p.VariableSymbol}))
	}
	title := lang.X("payables.pay_title", "Payment of {{.number}} ({{.supplier}})", map[string]any{"number": p.Number, "supplier": p.Supplier.Name})
	kit.ShowFormDialog(title, lang.X("payables.pay_submit", "Record payment"), fs, info, v.win, func(fd *kit.FormDialog) {
		day, err := app.ParseDate(date.Text)
		if err != nil {
			fd.Fail(app.WithField(err, "payment.date"))
			return
		}
		m, err := app.ParseMoney(amount.Text, p.Currency, kit.UILang)
		if err != nil {
			fd.Fail(app.WithField(err, "payment.amount"))
			return
		}
		pm := app.Payment{DocID: p.ID, Date: day, Amount: m, Method: kit.MethodOf(method.Selected)}
		kit.Run(v.deps, fd.To(), func(ctx context.Context) error {
			_, err := v.deps.Services.Payables.PaySupplier(ctx, pm)
			return err
		}, func() {
			fd.Close()
			v.openPurchase(p.ID)
		})
	})
}
