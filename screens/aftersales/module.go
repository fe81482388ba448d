// Package aftersales is the After-sales module of the screens: the
// After-sales tab with the tickets (service cases and consumer complaints
// with their legal deadlines), the ticket form, the ticket's detail
// (warranty check, comments, attachments, status moves, the complaint's
// PDFs) and the return (RMA) flow that ends in a restock and a credit note.
// It also lends Reception's customer card and the Sales invoice view a short
// list of tickets (TicketsBox).
package aftersales

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// Module returns the After-sales module: one tab in the front office.
func Module() kit.Module {
	return kit.Module{ID: "aftersales", Tabs: []kit.Tab{
		{ID: "aftersales", TitleKey: "tab.aftersales", Title: "After-sales", Icon: theme.SettingsIcon, Group: kit.FrontOffice,
			Perm: app.PermAftersales, Order: 300, Build: func(h kit.Host) kit.View { return NewView(h) },
			Actions: []kit.Action{
				{TitleKey: "aftersales.new_ticket", Title: "New ticket", Perm: app.PermAftersales, Arg: kit.ArgNew, Shortcut: kit.ShortcutNew, Here: true},
			}},
	}}
}

// View is the After-sales tab: the list of tickets, or one ticket's detail
// in its place.
type View struct {
	h    kit.Host
	deps kit.Deps
	win  fyne.Window

	root    *fyne.Container
	list    *listPane
	detail  *detailView  // the ticket shown; nil: the list is
	form    *ticketForm  // the form last opened, for tests
	ret     *returnForm  // the return dialog last opened, for tests
	resolve *resolveForm // the resolve dialog last opened, for tests
}

// NewView builds the After-sales tab for h.
func NewView(h kit.Host) *View {
	v := &View{h: h, deps: h.Deps(), win: h.Window()}
	v.list = newListPane(v)
	v.root = container.NewStack(v.list.buildUI())
	v.list.reload()
	return v
}

// UI is the tab's content.
func (v *View) UI() fyne.CanvasObject { return v.root }

// Shown reloads what is in front.
func (v *View) Shown() {
	if v.detail != nil {
		v.detail.reload()
		return
	}
	v.list.reload()
}

// Open handles kit.ArgNew (a new ticket) and kit.ArgDoc (that ticket).
func (v *View) Open(arg string) {
	if arg == kit.ArgNew {
		v.newTicket()
		return
	}
	if id, ok := kit.DocOf(arg); ok {
		v.openTicket(id)
	}
}

// newTicket opens the intake form; a saved ticket opens in the detail.
func (v *View) newTicket() {
	v.form = showTicketForm(v, app.Ticket{Kind: app.TicketComplaint, Channel: app.TicketByCounter, Priority: app.PriorityNormal,
		Complained: v.today(), Assignee: v.deps.User().Name}, func(t app.Ticket, created bool) {
		v.openTicket(t.ID)
		if created && t.Kind == app.TicketComplaint {
			v.offerConfirmation(t)
		}
	})
}

// openTicket shows the ticket's detail in place of the list.
func (v *View) openTicket(id string) {
	v.detail = newDetailView(v, id)
	v.root.Objects = []fyne.CanvasObject{v.detail.buildUI()}
	v.root.Refresh()
	v.detail.reload()
}

// back returns from the detail to the list.
func (v *View) back() {
	v.detail = nil
	v.root.Objects = []fyne.CanvasObject{v.list.ui}
	v.root.Refresh()
	v.list.reload()
}

// today is the working day by the store's clock.
func (v *View) today() app.Date { return app.Today(v.deps.Clock()) }

// label translates a domain label.
func label(l app.Label) string { return lang.X(l.Key, l.Fallback) }

// dateText writes a date ("" for zero).
func dateText(d app.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Format(kit.UILang)
}

// daysLeftText is "3 days left", "due today" or "2 days overdue".
func daysLeftText(n int) string {
	switch {
	case n > 0:
		return kit.Plural("aftersales.days_left", n, "{{.n}} day left", "{{.n}} days left", nil)
	case n == 0:
		return lang.X("aftersales.due_today", "due today")
	}
	return kit.Plural("aftersales.days_over", -n, "{{.n}} day overdue", "{{.n}} days overdue", nil)
}

// deadlineText is the deadline with the days left on day today, for a list
// cell; overdue says the ticket is past it.
func deadlineText(t app.Ticket, today app.Date) (text string, overdue bool) {
	if t.Deadline.IsZero() {
		return "", false
	}
	text = dateText(t.Deadline)
	if n, ok := t.DaysLeft(today); ok {
		text += " (" + daysLeftText(n) + ")"
	}
	return text, t.Overdue(today)
}

// channelName, priorityName name the enums the domain gives no label.
func channelName(c app.TicketChannel) string {
	switch c {
	case app.TicketByPhone:
		return lang.X("ticket.channel.phone", "Phone")
	case app.TicketByEmail:
		return lang.X("ticket.channel.email", "E-mail")
	}
	return lang.X("ticket.channel.counter", "At the counter")
}

func priorityName(p app.TicketPriority) string {
	switch p {
	case app.PriorityLow:
		return lang.X("ticket.priority.low", "Low")
	case app.PriorityHigh:
		return lang.X("ticket.priority.high", "High")
	}
	return lang.X("ticket.priority.normal", "Normal")
}

// confirmDialog asks to confirm a step with content and the words ok and
// cancel on the buttons; yes runs on ok.
func confirmDialog(title, ok, cancel string, content fyne.CanvasObject, w fyne.Window, yes func()) *dialog.ConfirmDialog {
	d := dialog.NewCustomConfirm(title, ok, cancel, content, func(b bool) {
		if b {
			yes()
		}
	}, w)
	kit.ShowSized(d, fyne.NewSize(540, 0))
	return d
}

// bold is a bold label.
func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// wrapped is a label that wraps words.
func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}
