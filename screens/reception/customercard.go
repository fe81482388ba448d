package reception

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/customers"
	"kontor/screens/kit"
)

// cardRows caps each list of the card; the rest is counted.
const cardRows = 30

// customerCard is everything the desk sees about one customer: details,
// open invoices (for users who may read sales), visits, appointments and
// inquiries, with the actions a receptionist takes for them.
type customerCard struct {
	r    *receptionScreen
	card app.CustomerCard
}

func newCustomerCard(r *receptionScreen, c app.CustomerCard) *customerCard {
	return &customerCard{r: r, card: c}
}

func (k *customerCard) buildUI() fyne.CanvasObject {
	c := k.card.Customer
	r := k.r
	back := widget.NewButtonWithIcon(lang.X("reception.back", "Back to the directory"), theme.NavigateBackIcon(), r.dir.back)
	title := kit.Heading(c.Name)
	title.Truncation = fyne.TextTruncateEllipsis
	actions := container.NewHBox()
	bar := container.NewBorder(nil, nil, back, actions, title)
	if r.deps.Can(app.PermCustomersWrite) {
		actions.Add(widget.NewButtonWithIcon(lang.X("reception.edit_customer", "Edit…"), theme.DocumentCreateIcon(), func() {
			customers.ShowForm(r.deps, r.win, c, r.company.BaseCurrency, func(app.Customer) { r.dir.reloadCard() })
		}))
	}
	actions.Add(widget.NewButtonWithIcon(lang.X("reception.new_appt", "New appointment…"), theme.CalendarIcon(), func() {
		r.appts.edit(app.Appointment{CustomerID: c.ID, Customer: c.Name})
	}))
	actions.Add(widget.NewButtonWithIcon(lang.X("reception.log_inquiry", "Log inquiry…"), theme.MailComposeIcon(), func() {
		r.inquiries.logInquiry(&c)
	}))
	in := widget.NewButtonWithIcon(lang.X("reception.check_in", "Check in visitor…"), theme.LoginIcon(), func() {
		r.visitors.checkIn(&c)
	})
	in.Importance = widget.HighImportance
	actions.Add(in)

	details := widget.NewLabel(customers.Details(c))
	details.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(details)
	if r.deps.Can(app.PermSalesRead) {
		body.Add(k.section(lang.X("reception.card.invoices", "Open invoices"), len(k.card.OpenInvoices), func(i int) fyne.CanvasObject {
			d := k.card.OpenInvoices[i]
			text := d.Number + " · " + lang.X("reception.card.due", "due {{.date}}", map[string]any{"date": d.DueDate.Format(kit.UILang)}) +
				" · " + lang.X("reception.card.remaining", "{{.amount}} to pay", map[string]any{"amount": app.M(d.Remaining(), d.Currency).Format(kit.UILang)}) +
				" · " + kit.DocStatusName(d.StatusOn(app.Today(r.deps.Clock())))
			b := widget.NewButton(text, func() { r.openQuote(d.ID) })
			b.Importance = widget.LowImportance
			b.Alignment = widget.ButtonAlignLeading
			return b
		}))
	}
	if box := kit.AfterSalesBox(r.deps, r.win, app.TicketFilter{CustomerID: c.ID}, func(id string) { r.host.Open("aftersales", kit.ArgDoc(id)) }); box != nil {
		body.Add(box)
	}
	body.Add(k.section(lang.X("reception.card.appointments", "Appointments"), len(k.card.Appointments), func(i int) fyne.CanvasObject {
		a := k.card.Appointments[i]
		text := app.DateOf(a.Start.Local()).Format(kit.UILang) + " " + clockText(a.Start) + "–" + clockText(a.End) + " · " + r.staffName(a.Staff)
		if a.Place != "" {
			text += " · " + a.Place
		}
		if a.Cancelled {
			text += " · " + lang.X("reception.cancelled", "cancelled")
		}
		b := widget.NewButton(text, func() { r.appts.edit(a) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}))
	body.Add(k.section(lang.X("reception.card.visits", "Visits"), len(k.card.Visits), func(i int) fyne.CanvasObject {
		return widget.NewLabel(visitLine(r, k.card.Visits[i]))
	}))
	body.Add(k.section(lang.X("reception.card.inquiries", "Inquiries"), len(k.card.Inquiries), func(i int) fyne.CanvasObject {
		q := k.card.Inquiries[i]
		text := app.DateOf(q.Created.Local()).Format(kit.UILang) + " · " + q.Topic + " · " + kit.InquiryStatusName(q.Status)
		b := widget.NewButton(text, func() { r.tabs.SelectIndex(3); r.inquiries.show(q.ID) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}))
	return container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(body))
}

// section is a heading with up to cardRows rows, or "None."
func (k *customerCard) section(title string, n int, row func(int) fyne.CanvasObject) fyne.CanvasObject {
	box := container.NewVBox(widget.NewSeparator(), widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if n == 0 {
		none := widget.NewLabel(lang.X("reception.card.none", "None."))
		none.Importance = widget.LowImportance
		box.Add(none)
	}
	for i := 0; i < n && i < cardRows; i++ {
		box.Add(row(i))
	}
	if n > cardRows {
		more := widget.NewLabel(kit.Plural("reception.card.more", n-cardRows, "and {{.n}} more", "and {{.n}} more", nil))
		more.Importance = widget.LowImportance
		box.Add(more)
	}
	return box
}

// visitLine is "16. 3. 2026 09:12–10:05 · Jan Dvořák · Petra Malá · meeting".
func visitLine(r *receptionScreen, v app.Visit) string {
	text := app.DateOf(v.In.Local()).Format(kit.UILang) + " " + clockText(v.In) + "–"
	if !v.Inside() {
		text += clockText(v.Out)
	}
	text += " · " + v.Visitor + " · " + r.staffName(v.Host)
	if v.Purpose != "" {
		text += " · " + v.Purpose
	}
	return text
}
