package aftersales

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/customers"
	"kontor/screens/kit"
)

// invoiceLine is one line of one of the customer's invoices, a choice of
// the form's invoice-line select.
type invoiceLine struct {
	inv  app.SalesDoc
	line int // 1-based
}

func (l invoiceLine) text() string {
	dl := l.inv.Lines[l.line-1]
	return fmt.Sprintf("%s · %s · %d: %s (%s %s)", l.inv.Number, dateText(app.SaleDay(l.inv)), l.line, dl.Text, kit.FormatQty(dl.Quantity), dl.Unit)
}

// ticketForm is the intake (and edit) form of a ticket: the customer,
// their invoice line, the serial or lot, what is claimed and what is asked.
type ticketForm struct {
	v     *View
	t     app.Ticket
	fd    *kit.FormDialog
	fs    *kit.FieldSet
	saved func(t app.Ticket, created bool)

	custName    *widget.Label
	consumer    *widget.Check
	kind        *widget.Select
	invLine     *widget.Select
	lines       []invoiceLine
	serial      *widget.Entry
	lot         *widget.Entry
	channel     *widget.Select
	priority    *widget.Select
	assignee    *widget.Entry
	subject     *widget.Entry
	defect      *widget.Entry
	remedy      *widget.Select
	accessories *widget.Entry
	complained  *widget.Entry
	shown       *widget.Entry
}

var (
	channels   = []app.TicketChannel{app.TicketByCounter, app.TicketByPhone, app.TicketByEmail}
	priorities = []app.TicketPriority{app.PriorityLow, app.PriorityNormal, app.PriorityHigh}
	remedies   = []app.Remedy{app.RemedyRepair, app.RemedyReplace, app.RemedyDiscount, app.RemedyWithdraw}
)

// showTicketForm opens the form for t (empty ID: a new ticket); saved gets
// the stored ticket and whether it was created.
func showTicketForm(v *View, t app.Ticket, saved func(app.Ticket, bool)) *ticketForm {
	f := &ticketForm{v: v, t: t, saved: saved, fs: kit.NewFieldSet()}
	fs := f.fs

	f.custName = widget.NewLabel("")
	f.custName.Wrapping = fyne.TextWrapWord
	pick := widget.NewButtonWithIcon(lang.X("sales.pick_customer", "Choose…"), theme.SearchIcon(), func() {
		customers.Pick(v.deps, v.win, v.h.Company().BaseCurrency, f.setCustomer)
	})
	fs.Add("ticket.customer", "Customer", container.NewBorder(nil, nil, nil, pick, f.custName))
	f.consumer = widget.NewCheck(lang.X("aftersales.consumer", "Yes: 30-day deadline, 24-month warranty by law"), nil)
	fs.Add("ticket.consumer", "Consumer", f.consumer)

	var kinds []string
	for _, k := range app.TicketKinds {
		kinds = append(kinds, label(k.Label()))
	}
	f.kind = widget.NewSelect(kinds, nil)
	fs.Add("ticket.kind", "Kind", f.kind)
	f.invLine = widget.NewSelect(nil, nil)
	f.invLine.PlaceHolder = lang.X("aftersales.pick_line", "Choose the customer first")
	fs.Add("ticket.invoice_line", "Invoice line", f.invLine)
	f.serial = fs.Entry("ticket.serial", "Serial number", "")
	f.lot = fs.Entry("ticket.lot", "Lot", "")

	var chans []string
	for _, c := range channels {
		chans = append(chans, channelName(c))
	}
	f.channel = widget.NewSelect(chans, nil)
	fs.Add("ticket.channel", "Channel", f.channel)
	var prios []string
	for _, p := range priorities {
		prios = append(prios, priorityName(p))
	}
	f.priority = widget.NewSelect(prios, nil)
	fs.Add("ticket.priority", "Priority", f.priority)
	f.assignee = fs.Entry("ticket.assignee", "Assigned to", lang.X("aftersales.assignee_hint", "user name"))
	f.subject = fs.Entry("ticket.subject", "Subject", lang.X("aftersales.subject_hint", "e.g. the grinder does not start"))
	f.defect = widget.NewMultiLineEntry()
	f.defect.SetMinRowsVisible(3)
	f.defect.Wrapping = fyne.TextWrapWord
	fs.Add("ticket.defect", "Defect", f.defect)
	var rems []string
	for _, r := range remedies {
		rems = append(rems, label(r.Label()))
	}
	f.remedy = widget.NewSelect(rems, nil)
	f.remedy.PlaceHolder = lang.X("line.pick", "Pick…")
	fs.Add("ticket.remedy", "Remedy asked for", f.remedy)
	f.accessories = fs.Entry("ticket.accessories", "Accessories", lang.X("aftersales.accessories_hint", "what was handed over with it"))
	f.complained = fs.Entry("ticket.complained", "Complaint date", kit.DatePlaceholder())
	f.shown = fs.Entry("ticket.defect_shown", "Defect showed on", lang.X("aftersales.shown_hint", "if earlier than the complaint"))

	f.fill()
	title := lang.X("aftersales.form.new", "New ticket")
	if t.ID != "" {
		title = lang.X("aftersales.form.edit", "Ticket {{.number}}", map[string]any{"number": t.Number})
	}
	f.fd = kit.ShowFormDialog(title, lang.X("action.save", "Save"), fs, nil, v.win, func(*kit.FormDialog) { f.save() })
	f.fd.Widen(720)
	if t.CustomerID != "" {
		f.loadInvoices(t.CustomerID)
	}
	return f
}

// fill writes the ticket into the fields.
func (f *ticketForm) fill() {
	t := f.t
	f.showCustomer(t.Customer.Name, t.CustomerID)
	f.consumer.SetChecked(t.Consumer)
	for i, k := range app.TicketKinds {
		if k == t.Kind {
			f.kind.SetSelectedIndex(i)
		}
	}
	for i, c := range channels {
		if c == t.Channel {
			f.channel.SetSelectedIndex(i)
		}
	}
	for i, p := range priorities {
		if p == t.Priority {
			f.priority.SetSelectedIndex(i)
		}
	}
	for i, r := range remedies {
		if r == t.Remedy {
			f.remedy.SetSelectedIndex(i)
		}
	}
	f.serial.SetText(t.Serial)
	f.lot.SetText(t.Lot)
	f.assignee.SetText(t.Assignee)
	f.subject.SetText(t.Subject)
	f.defect.SetText(t.Defect)
	f.accessories.SetText(t.Accessories)
	if !t.Complained.IsZero() {
		f.complained.SetText(kit.FormatDateInput(t.Complained))
	}
	if !t.DefectShown.IsZero() {
		f.shown.SetText(kit.FormatDateInput(t.DefectShown))
	}
}

func (f *ticketForm) showCustomer(name, id string) {
	if id == "" {
		f.custName.SetText(lang.X("sales.no_customer", "No customer chosen"))
		return
	}
	f.custName.SetText(name)
}

// setCustomer takes a picked customer: a consumer unless they have an IČO,
// and their invoices to pick the line from.
func (f *ticketForm) setCustomer(c app.Customer) {
	f.t.CustomerID, f.t.Customer.Name = c.ID, c.Name
	f.t.InvoiceID, f.t.InvoiceLine = "", 0
	f.showCustomer(c.Name, c.ID)
	f.consumer.SetChecked(c.ICO == "")
	f.loadInvoices(c.ID)
}

// loadInvoices reads the customer's issued invoices into the line select.
func (f *ticketForm) loadInvoices(customerID string) {
	kit.Call(f.v.deps, kit.To{Win: f.v.win}, func(ctx context.Context) ([]app.SalesDoc, error) {
		return f.v.deps.Services.AfterSales.TicketInvoices(ctx, customerID, 50)
	}, func(invs []app.SalesDoc) {
		f.lines = nil
		var opts []string
		sel := -1
		for _, inv := range invs {
			for i := range inv.Lines {
				l := invoiceLine{inv: inv, line: i + 1}
				if inv.ID == f.t.InvoiceID && i+1 == f.t.InvoiceLine {
					sel = len(f.lines)
				}
				f.lines = append(f.lines, l)
				opts = append(opts, l.text())
			}
		}
		f.invLine.Options = opts
		f.invLine.PlaceHolder = lang.X("line.pick", "Pick…")
		if len(opts) == 0 {
			f.invLine.PlaceHolder = lang.X("aftersales.no_invoices", "The customer has no issued invoice")
		}
		f.invLine.ClearSelected()
		if sel >= 0 {
			f.invLine.SetSelectedIndex(sel)
		}
		f.invLine.Refresh()
	})
}

// ticket reads the fields into a ticket; a date that does not parse is
// refused at its field.
func (f *ticketForm) ticket() (app.Ticket, error) {
	t := f.t
	t.Consumer = f.consumer.Checked
	if i := f.kind.SelectedIndex(); i >= 0 {
		t.Kind = app.TicketKinds[i]
	}
	t.InvoiceID, t.InvoiceLine = "", 0
	if i := f.invLine.SelectedIndex(); i >= 0 && i < len(f.lines) {
		t.InvoiceID, t.InvoiceNo, t.InvoiceLine = f.lines[i].inv.ID, f.lines[i].inv.Number, f.lines[i].line
	}
	if i := f.channel.SelectedIndex(); i >= 0 {
		t.Channel = channels[i]
	}
	if i := f.priority.SelectedIndex(); i >= 0 {
		t.Priority = priorities[i]
	}
	t.Remedy = ""
	if i := f.remedy.SelectedIndex(); i >= 0 {
		t.Remedy = remedies[i]
	}
	t.Serial, t.Lot, t.Assignee, t.Subject = f.serial.Text, f.lot.Text, f.assignee.Text, f.subject.Text
	t.Defect, t.Accessories = f.defect.Text, f.accessories.Text
	var es app.Errors
	d, err := kit.ParseOptionalDate(f.complained.Text, "ticket.complained")
	es.Add(err)
	t.Complained = d
	d, err = kit.ParseOptionalDate(f.shown.Text, "ticket.defect_shown")
	es.Add(err)
	t.DefectShown = d
	return t, es.Err()
}

// save stores the ticket; refusals show at their fields.
func (f *ticketForm) save() {
	t, err := f.ticket()
	if err != nil {
		f.fd.Fail(err)
		return
	}
	created := t.ID == ""
	kit.Call(f.v.deps, f.fd.To(), func(ctx context.Context) (app.Ticket, error) {
		return f.v.deps.Services.AfterSales.SaveTicket(ctx, t)
	}, func(saved app.Ticket) {
		f.fd.Close()
		if f.saved != nil {
			f.saved(saved, created)
		}
	})
}
