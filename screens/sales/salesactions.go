package sales

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// actions are the buttons of the open document, as its state and the
// user's roles allow.
func (f *docForm) actions() []fyne.CanvasObject {
	d, can := f.doc, f.s.deps.Can
	var out []fyne.CanvasObject
	button := func(label string, icon fyne.Resource, imp widget.Importance, tap func()) {
		b := widget.NewButtonWithIcon(label, icon, tap)
		b.Importance = imp
		out = append(out, b)
	}
	if f.editable {
		button(lang.X("sales.save", "Save draft"), theme.DocumentSaveIcon(), widget.MediumImportance, func() { f.save(nil) })
		button(lang.X("sales.issue", "Issue…"), theme.ConfirmIcon(), widget.HighImportance, f.issueDoc)
		if d.ID != "" {
			button(lang.X("sales.delete", "Delete draft"), theme.DeleteIcon(), widget.DangerImportance, f.confirmDelete)
		}
		return out
	}
	if d.Status == app.StatusIssued && can(app.PermSalesWrite) {
		switch d.Kind {
		case app.KindQuote:
			button(lang.X("sales.to_order", "Create order"), theme.ContentAddIcon(), widget.HighImportance, func() { f.convert(app.KindOrder) })
			button(lang.X("sales.to_invoice", "Create invoice"), theme.ContentAddIcon(), widget.MediumImportance, func() { f.convert(app.KindInvoice) })
		case app.KindOrder:
			button(lang.X("sales.to_invoice", "Create invoice"), theme.ContentAddIcon(), widget.HighImportance, func() { f.convert(app.KindInvoice) })
		}
	}
	if d.Kind == app.KindInvoice && d.Status == app.StatusIssued {
		if can(app.PermPaymentsWrite) && d.Remaining() > 0 {
			button(lang.X("sales.pay", "Record payment…"), theme.ConfirmIcon(), widget.HighImportance, f.recordPayment)
		}
		if can(app.PermSalesWrite) && d.Totals.Total-d.Credited > 0 {
			button(lang.X("sales.credit", "Credit note…"), theme.ContentUndoIcon(), widget.MediumImportance, f.creditNote)
		}
	}
	if d.Status != app.StatusDraft {
		button(lang.X("sales.export_pdf", "Export PDF…"), theme.DocumentPrintIcon(), widget.MediumImportance, f.exportPDF)
	}
	return out
}

// check reads the form strictly and applies the rules a draft must meet.
func (f *docForm) check() (app.SalesDoc, error) {
	f.clearMarks()
	d, err := f.read(true)
	if err != nil {
		return d, err
	}
	if err := d.ValidateDraft(); err != nil {
		return d, err
	}
	if (d.Kind == app.KindInvoice || d.Kind == app.KindCreditNote) && !d.DueDate.IsZero() && d.DueDate.Before(d.IssueDate) {
		return d, app.Invalid("doc.due_date", "err.doc.due_before_issue", "the due date is before the issue date", nil)
	}
	return d, nil
}

// clearMarks hides every field message.
func (f *docForm) clearMarks() {
	for _, fs := range []*kit.FieldSet{f.head, f.opts, f.linesFS} {
		if fs != nil {
			fs.Clear()
		}
	}
}

// fail shows err at its field and in the error dialog.
func (f *docForm) fail(err error) {
	for _, fs := range []*kit.FieldSet{f.head, f.opts, f.linesFS} {
		if fs != nil && fs.Mark(err) {
			break
		}
	}
	f.relayout()
	kit.ShowError(err, f.s.win)
}

// message is the text shown at a field of the form ("" if none).
func (f *docForm) message(key string) string {
	for _, fs := range []*kit.FieldSet{f.head, f.opts, f.linesFS} {
		if fs != nil {
			if m := fs.Message(key); m != "" {
				return m
			}
		}
	}
	return ""
}

// save checks and saves the draft, then runs then (if any) with the stored one.
func (f *docForm) save(then func(app.SalesDoc)) {
	d, err := f.check()
	if err != nil {
		f.fail(err)
		return
	}
	kit.Call(f.s.deps, kit.To{Err: f.fail}, func(ctx context.Context) (app.SalesDoc, error) {
		return f.s.deps.Services.Sales.SaveDraft(ctx, d)
	}, func(saved app.SalesDoc) {
		f.doc = saved
		f.dirty = false
		if then != nil {
			then(saved)
			return
		}
		if d.ID == "" {
			f.s.openForm(saved, f.cust) // the bar gains Delete once the draft exists
		}
		f.s.form.state.SetText(lang.X("sales.saved", "Saved at {{.time}}", map[string]any{"time": f.s.deps.Clock().Now().Local().Format("15:04")}))
	})
}

// issueDoc checks what issuing will check, asks, saves and issues.
func (f *docForm) issueDoc() {
	d, err := f.check()
	if err == nil && (f.cust != nil || d.CustomerID == "") {
		var cust app.Customer
		if f.cust != nil {
			cust = *f.cust
		}
		_, err = app.PrepareForIssue(d, f.s.company, cust)
	}
	if err != nil {
		f.fail(err)
		return
	}
	msg := lang.X("sales.issue_confirm", "Issue this document ({{.kind}})? It gets the next number of its series and can no longer be changed.",
		map[string]any{"kind": strings.ToLower(kit.DocKindName(d.Kind))})
	dialog.ShowConfirm(lang.X("sales.issue_title", "Issue"), msg, func(ok bool) {
		if !ok {
			return
		}
		f.save(func(saved app.SalesDoc) {
			kit.Call(f.s.deps, kit.To{Err: f.fail}, func(ctx context.Context) (app.SalesDoc, error) {
				return f.s.deps.Services.Sales.Issue(ctx, saved.ID)
			}, func(issued app.SalesDoc) {
				f.s.openForm(issued, f.cust)
				dialog.ShowInformation(lang.X("sales.issued_title", "Issued"),
					lang.X("sales.issued", "Issued: {{.kind}} {{.number}}.", map[string]any{"kind": kit.DocKindName(issued.Kind), "number": issued.Number}), f.s.win)
			})
		})
	}, f.s.win)
}

// confirmDelete deletes the draft after asking.
func (f *docForm) confirmDelete() {
	dialog.ShowConfirm(lang.X("sales.delete_title", "Delete draft"), lang.X("sales.delete_confirm", "Delete this draft? It has no number yet, so no gap is left."), func(ok bool) {
		if !ok {
			return
		}
		id := f.doc.ID
		kit.Run(f.s.deps, kit.To{Win: f.s.win}, func(ctx context.Context) error {
			return f.s.deps.Services.Sales.DeleteDraft(ctx, id)
		}, f.s.backToLists)
	}, f.s.win)
}

// convert makes the next document of the sale and opens its draft.
func (f *docForm) convert(to app.DocKind) {
	id := f.doc.ID
	kit.Call(f.s.deps, kit.To{Win: f.s.win}, func(ctx context.Context) (app.SalesDoc, error) {
		return f.s.deps.Services.Sales.Convert(ctx, id, to)
	}, func(d app.SalesDoc) { f.s.openDoc(d.ID) })
}

// recordPayment asks for the date, amount (what remains) and method.
func (f *docForm) recordPayment() {
	d := f.doc
	fs := kit.NewFieldSet()
	date := fs.EscEntry("payment.date", "Payment date", kit.DatePlaceholder())
	date.SetText(kit.FormatDateInput(app.Today(f.s.deps.Clock())))
	amount := fs.EscEntry("payment.amount", "Amount", "")
	amount.SetText(kit.FormatPriceInput(d.Remaining(), d.Currency))
	method := widget.NewSelect([]string{kit.MethodName(app.PayBank), kit.MethodName(app.PayCash)}, nil)
	method.SetSelected(kit.MethodName(d.PaymentMethod))
	fs.Add("payment.method", "Payment method", method)
	info := widget.NewLabel(lang.X("sales.remaining", "Remaining {{.left}} of {{.total}}",
		map[string]any{"left": app.M(d.Remaining(), d.Currency).Format(kit.UILang), "total": app.M(d.Totals.Total, d.Currency).Format(kit.UILang)}))
	info.Importance = widget.LowImportance
	title := lang.X("sales.pay_title", "Payment for {{.number}}", map[string]any{"number": d.Number})
	kit.ShowFormDialog(title, lang.X("sales.pay_submit", "Record"), fs, info, f.s.win, func(fd *kit.FormDialog) {
		day, err := app.ParseDate(date.Text)
		if err != nil {
			fd.Fail(app.WithField(err, "payment.date"))
			return
		}
		m, err := app.ParseMoney(amount.Text, d.Currency, kit.UILang)
		if err != nil {
			fd.Fail(app.WithField(err, "payment.amount"))
			return
		}
		p := app.Payment{DocID: d.ID, Date: day, Amount: m, Method: kit.MethodOf(method.Selected)}
		kit.Run(f.s.deps, fd.To(), func(ctx context.Context) error {
			_, err := f.s.deps.Services.Sales.RecordPayment(ctx, p)
			return err
		}, func() {
			fd.Close()
			f.s.openDoc(d.ID)
		})
	})
}

// creditNote asks for the reason and opens the draft credit note.
func (f *docForm) creditNote() {
	d := f.doc
	fs := kit.NewFieldSet()
	reason := fs.EscEntry("doc.reason", "Reason", lang.X("sales.reason_hint", "Why the invoice is corrected"))
	info := widget.NewLabel(lang.X("sales.credit_info", "The draft takes back everything that remains of the invoice; reduce its lines before issuing for a partial credit note."))
	info.Wrapping = fyne.TextWrapWord
	info.Importance = widget.LowImportance
	title := lang.X("sales.credit_title", "Credit note for {{.number}}", map[string]any{"number": d.Number})
	kit.ShowFormDialog(title, lang.X("sales.credit_submit", "Create draft"), fs, info, f.s.win, func(fd *kit.FormDialog) {
		text := strings.TrimSpace(reason.Text)
		if text == "" {
			fd.Fail(app.Invalid("doc.reason", "err.required", "is required", nil))
			return
		}
		kit.Call(f.s.deps, fd.To(), func(ctx context.Context) (app.SalesDoc, error) {
			return f.s.deps.Services.Sales.NewCreditNote(ctx, d.ID, text)
		}, func(cn app.SalesDoc) {
			fd.Close()
			f.s.openDoc(cn.ID)
		})
	})
}
