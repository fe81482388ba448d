package aftersales

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// returnForm is the return (RMA) of a ticket: the lines of the ticket's
// invoice with what is left of each (ReturnUsage) and a quantity to take
// back, the reason, whether the goods are defective, and the day.
type returnForm struct {
	d    *detailView
	fd   *kit.FormDialog
	inv  app.SalesDoc
	used map[int]app.LineUsage
	qty  []*widget.Entry // per invoice line
	left []*widget.Label

	reason    *widget.Entry
	defective *widget.Check
	day       *widget.Entry
}

// showReturnForm reads the ticket's invoice and what came back of it, then
// opens the dialog.
func showReturnForm(d *detailView) *returnForm {
	f := &returnForm{d: d}
	t := d.t
	svc := d.v.deps.Services.AfterSales
	type loaded struct {
		inv  app.SalesDoc
		used map[int]app.LineUsage
	}
	kit.Call(d.v.deps, kit.To{Win: d.v.win}, func(ctx context.Context) (loaded, error) {
		invs, err := svc.TicketInvoices(ctx, t.CustomerID, 0)
		if err != nil {
			return loaded{}, err
		}
		for _, inv := range invs {
			if inv.ID == t.InvoiceID {
				used, err := svc.ReturnUsage(ctx, inv.ID)
				return loaded{inv, used}, err
			}
		}
		return loaded{}, app.Invalid("return.invoice", "err.return.invoice", "a return is made against an issued invoice", nil)
	}, func(l loaded) {
		f.inv, f.used = l.inv, l.used
		f.show()
	})
	return f
}

func (f *returnForm) show() {
	fs := kit.NewFieldSet()
	// Each line: its text takes the room left of the fixed number columns.
	cell := func(o fyne.CanvasObject) fyne.CanvasObject { return kit.Sized(o, 100) }
	row := func(text fyne.CanvasObject, cells ...fyne.CanvasObject) fyne.CanvasObject {
		right := container.NewHBox()
		for _, c := range cells {
			right.Add(cell(c))
		}
		return container.NewBorder(nil, nil, nil, right, text)
	}
	grid := container.NewVBox(row(bold(lang.X("aftersales.ret.line", "Line")), bold(lang.X("aftersales.ret.invoiced", "Invoiced")),
		bold(lang.X("aftersales.ret.back", "Came back")), bold(lang.X("aftersales.ret.left", "Left")), bold(lang.X("aftersales.ret.qty", "Return now"))))
	for i, l := range f.inv.Lines {
		u := f.used[i+1]
		left := app.Returnable(l, u)
		text := widget.NewLabel(fmt.Sprintf("%d: %s", i+1, l.Text))
		text.Wrapping = fyne.TextWrapWord
		q := widget.NewEntry()
		q.SetPlaceHolder("0")
		if l.Quantity <= 0 || left <= 0 {
			q.Disable()
		}
		if i+1 == f.d.t.InvoiceLine && left > 0 {
			q.SetText(kit.FormatQty(min(left, app.Q(1))))
		}
		back := widget.NewLabel(kit.FormatQty(u.Returned+u.Credited) + " " + l.Unit)
		leftL := widget.NewLabel(kit.FormatQty(left) + " " + l.Unit)
		f.qty = append(f.qty, q)
		f.left = append(f.left, leftL)
		grid.Add(row(text, widget.NewLabel(kit.FormatQty(l.Quantity)+" "+l.Unit), back, leftL, q))
	}
	fs.Add("return.lines", "Returned lines", grid)
	f.reason = fs.Entry("return.reason", "Reason", lang.X("aftersales.reason_hint", "the credit note states it"))
	f.reason.SetText(f.d.t.Subject)
	f.defective = widget.NewCheck(lang.X("aftersales.defective", "Defective: receive into the defective-goods location"), nil)
	f.defective.SetChecked(f.d.t.Kind == app.TicketComplaint)
	fs.Add("return.defective", "Goods", f.defective)
	f.day = fs.Entry("return.date", "Return date", kit.DatePlaceholder())
	f.day.SetText(kit.FormatDateInput(f.d.v.today()))
	title := lang.X("aftersales.return_title", "Return against invoice {{.number}}", map[string]any{"number": f.inv.Number})
	f.fd = kit.ShowFormDialog(title, lang.X("aftersales.create_return", "Create return"), fs, nil, f.d.v.win, func(*kit.FormDialog) { f.submit() })
	f.fd.Widen(860)
}

// picks reads the quantities typed; a quantity that does not parse is
// refused at the lines.
func (f *returnForm) picks() ([]app.ReturnPick, error) {
	var out []app.ReturnPick
	for i, e := range f.qty {
		s := strings.TrimSpace(e.Text)
		if s == "" || e.Disabled() {
			continue
		}
		q, err := app.ParseQty(s, kit.UILang)
		if err != nil {
			return nil, app.WithField(err, "return.lines")
		}
		if q == 0 {
			continue
		}
		out = append(out, app.ReturnPick{Line: i + 1, Qty: q})
	}
	return out, nil
}

func (f *returnForm) submit() {
	picks, err := f.picks()
	if err != nil {
		f.fd.Fail(err)
		return
	}
	day, err := kit.ParseOptionalDate(f.day.Text, "return.date")
	if err != nil {
		f.fd.Fail(err)
		return
	}
	reason, defective, id := f.reason.Text, f.defective.Checked, f.d.id
	kit.Call(f.d.v.deps, f.fd.To(), func(ctx context.Context) (app.ReturnDoc, error) {
		return f.d.v.deps.Services.AfterSales.CreateReturn(ctx, id, picks, reason, defective, day)
	}, func(app.ReturnDoc) {
		f.fd.Close()
		f.d.reload()
	})
}

// showReturns lists the ticket's returns, each with its next step.
func (d *detailView) showReturns(rs []app.ReturnDoc) {
	d.returns.Objects = nil
	if len(rs) == 0 {
		l := widget.NewLabel(lang.X("aftersales.no_returns", "No return"))
		l.Importance = widget.LowImportance
		d.returns.Add(l)
	}
	for _, r := range rs {
		r := r
		var lines []string
		for _, l := range r.Lines {
			lines = append(lines, fmt.Sprintf("%s %s %s", kit.FormatQty(l.Qty), l.Unit, l.Text))
		}
		text := r.Number + " · " + label(r.Status.Label()) + "\n" + strings.Join(lines, ", ")
		if r.ReceiptNo != "" {
			text += "\n" + lang.X("field.return.receipt", "Goods receipt") + " " + r.ReceiptNo
		}
		if r.CreditNoteNo != "" {
			text += "\n" + lang.X("aftersales.ret.credited", "Credit note {{.number}}: {{.amount}}; refund due {{.refund}}",
				map[string]any{"number": r.CreditNoteNo, "amount": kit.FormatMoney(r.Credited, d.currency()), "refund": kit.FormatMoney(r.RefundDue, d.currency())})
		}
		row := container.NewVBox(wrapped(text))
		switch r.Status {
		case app.ReturnDraft:
			row.Add(container.NewHBox(widget.NewButtonWithIcon(lang.X("aftersales.step.receive", "Receive the goods…"), theme.DownloadIcon(), func() { d.confirmStep(r, app.StepReceive) })))
		case app.ReturnReceived:
			b := widget.NewButtonWithIcon(lang.X("aftersales.step.credit", "Issue the credit note…"), theme.ConfirmIcon(), func() { d.confirmStep(r, app.StepCredit) })
			b.Importance = widget.HighImportance
			row.Add(container.NewHBox(b))
		}
		d.returns.Add(row)
	}
	d.returns.Refresh()
}

// currency is the company's base currency (the invoices' here).
func (d *detailView) currency() string {
	if c := d.v.h.Company().BaseCurrency; c != "" {
		return c
	}
	return "CZK"
}

// confirmStep asks the user to confirm the return's next step, then
// performs it (one transaction).
func (d *detailView) confirmStep(r app.ReturnDoc, step app.ReturnStep) {
	var lines []string
	for _, l := range r.Lines {
		lines = append(lines, "• "+kit.FormatQty(l.Qty)+" "+l.Unit+" "+l.Text)
	}
	var title, ok, what string
	today := d.v.today()
	switch step {
	case app.StepReceive:
		title, ok = lang.X("aftersales.step.receive_title", "Receive the goods of {{.number}}", map[string]any{"number": r.Number}), lang.X("aftersales.step.receive_ok", "Receive")
		where := lang.X("aftersales.step.where_back", "back in stock where they left from")
		if r.Defective && d.defective != nil {
			where = lang.X("aftersales.step.where_defective", "into the defective-goods location{{.location}}", map[string]any{"location": *d.defective})
		}
		what = lang.X("aftersales.step.receive_text", "A goods receipt dated {{.day}} puts these {{.where}}, at the cost they left at:",
			map[string]any{"day": dateText(today), "where": where})
	default:
		title, ok = lang.X("aftersales.step.credit_title", "Credit note for {{.number}}", map[string]any{"number": r.Number}), lang.X("aftersales.step.credit_ok", "Issue credit note")
		what = lang.X("aftersales.step.credit_text", "A credit note dated {{.day}} against invoice {{.invoice}} is issued for these; where the invoice was paid, the refund due to the customer is recorded:",
			map[string]any{"day": dateText(today), "invoice": r.InvoiceNo})
	}
	body := container.NewVBox(wrapped(what), wrapped(strings.Join(lines, "\n")))
	confirmDialog(title, ok, lang.X("action.cancel", "Cancel"), body, d.v.win, func() {
		kit.Call(d.v.deps, kit.To{Win: d.v.win}, func(ctx context.Context) (app.ReturnDoc, error) {
			return d.v.deps.Services.AfterSales.AdvanceReturn(ctx, r.ID, step, today)
		}, func(app.ReturnDoc) { d.reload() })
	})
}
