package aftersales

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

const ticketPageSize = 100

// dueShown bounds the tickets the overview names; the rest are counted.
const dueShown = 5

var ticketColumns = []kit.Column{
	{Key: "aftersales.col.number", Fallback: "Number", Width: 120},
	{Key: "aftersales.col.customer", Fallback: "Customer", Width: 300},
	{Key: "aftersales.col.kind", Fallback: "Kind", Width: 160},
	{Key: "aftersales.col.status", Fallback: "Status", Width: 170},
	{Key: "aftersales.col.priority", Fallback: "Priority", Width: 90},
	{Key: "aftersales.col.assignee", Fallback: "Assigned", Width: 110},
	{Key: "aftersales.col.complained", Fallback: "Complaint day", Width: 120},
	{Key: "aftersales.col.deadline", Fallback: "Deadline", Width: 230},
}

// listPane is the tickets list: the overview of what is due this week, the
// filters and the paged table.
type listPane struct {
	v  *View
	ui fyne.CanvasObject

	search   *kit.EscEntry
	status   *widget.Select
	kind     *widget.Select
	overdue  *widget.Check
	count    *widget.Label
	due      *widget.Label // the overview's heading line
	dueList  *fyne.Container
	table    *widget.Table
	rows     *kit.PagedRows[app.Ticket]
	debounce kit.Debouncer
	today    app.Date
}

func newListPane(v *View) *listPane {
	return &listPane{v: v, rows: kit.NewPagedRows[app.Ticket](ticketPageSize, v.deps, v.win)}
}

// statusOptions are "all" and the statuses; kindOptions likewise.
func statusOptions() []string {
	out := []string{lang.X("aftersales.filter.all_statuses", "All statuses"), lang.X("aftersales.filter.open", "Open")}
	for _, s := range app.TicketStatuses {
		out = append(out, label(s.Label()))
	}
	return out
}

func kindOptions() []string {
	out := []string{lang.X("aftersales.filter.all_kinds", "All kinds")}
	for _, k := range app.TicketKinds {
		out = append(out, label(k.Label()))
	}
	return out
}

func (p *listPane) buildUI() fyne.CanvasObject {
	p.search = kit.NewEscEntry()
	p.search.SetPlaceHolder(lang.X("aftersales.search", "Search number, subject, customer, serial…"))
	p.search.OnChanged = func(string) { p.debounce.Do(p.reload) }
	p.search.OnEsc = func() { p.search.SetText("") }
	p.status = widget.NewSelect(statusOptions(), func(string) { p.reload() })
	p.status.SetSelectedIndex(1)
	p.kind = widget.NewSelect(kindOptions(), func(string) { p.reload() })
	p.kind.SetSelectedIndex(0)
	p.overdue = widget.NewCheck(lang.X("aftersales.filter.overdue", "Overdue only"), func(bool) { p.reload() })
	p.count = widget.NewLabel("")
	newBtn := widget.NewButtonWithIcon(lang.X("aftersales.new_ticket", "New ticket"), theme.ContentAddIcon(), p.v.newTicket)
	newBtn.Importance = widget.HighImportance

	p.due = bold("")
	p.dueList = container.NewVBox()
	overview := widget.NewCard("", "", container.NewVBox(p.due, p.dueList))

	p.table = kit.NewColumnTable(ticketColumns, func() int { return p.rows.Count }, p.updateCell, nil)
	p.table.OnSelected = func(id widget.TableCellID) {
		p.table.UnselectAll()
		if t, ok := p.rows.Row(id.Row); ok {
			p.v.openTicket(t.ID)
		}
	}
	p.rows.Table = p.table
	p.rows.OnPage = func() {
		p.count.SetText(kit.Plural("aftersales.count", p.rows.Count, "{{.n}} ticket", "{{.n}} tickets", nil))
	}
	filters := container.NewHBox(kit.Sized(p.status, 190), kit.Sized(p.kind, 210), p.overdue, p.count)
	bar := container.NewBorder(nil, nil, nil, newBtn, p.search)
	top := container.NewVBox(overview, bar, filters)
	p.ui = container.NewBorder(top, nil, nil, nil, p.table)
	return p.ui
}

// filter is what the filters ask for on day today.
func (p *listPane) filter() app.TicketFilter {
	f := app.TicketFilter{Search: strings.TrimSpace(p.search.Text), Today: p.today, Overdue: p.overdue.Checked}
	if i := p.status.SelectedIndex(); i >= 2 {
		f.Status = app.TicketStatuses[i-2]
	}
	if i := p.kind.SelectedIndex(); i >= 1 {
		f.Kind = app.TicketKinds[i-1]
	}
	return f
}

// openOnly reports the "Open" choice: the list leaves resolved and closed
// tickets out (read from the lists of the open statuses).
func (p *listPane) openOnly() bool { return p.status.SelectedIndex() == 1 }

// reload reads the overview and the first page again.
func (p *listPane) reload() {
	if p.table == nil {
		return
	}
	p.today = p.v.today()
	f := p.filter()
	open := p.openOnly()
	svc := p.v.deps.Services.AfterSales
	p.rows.Reset(func(ctx context.Context, offset, limit int) ([]app.Ticket, int, error) {
		if !open || f.Status != "" {
			return svc.Tickets(ctx, f, offset, limit)
		}
		return openTickets(ctx, svc, f, offset, limit)
	})
	p.rows.Count = 0
	p.rows.Fetch(0)
	p.table.Refresh()
	p.reloadDue()
}

// openTickets is one page of the open tickets matching f: the statuses'
// lists one after another (each from the store's index, never a scan of
// every ticket), in the order of the status machine.
func openTickets(ctx context.Context, svc app.AfterSalesService, f app.TicketFilter, offset, limit int) ([]app.Ticket, int, error) {
	if f.Overdue {
		return svc.Tickets(ctx, f, offset, limit) // the deadline index holds open tickets only
	}
	var out []app.Ticket
	total := 0
	for _, s := range app.TicketStatuses {
		if !s.Open() {
			continue
		}
		f.Status = s
		// How many this status holds, then the part of the page it fills.
		_, n, err := svc.Tickets(ctx, f, 0, 1)
		if err != nil {
			return nil, 0, err
		}
		lo, hi := max(offset-total, 0), min(offset+limit-total, n)
		if limit > 0 && lo < hi {
			page, _, err := svc.Tickets(ctx, f, lo, hi-lo)
			if err != nil {
				return nil, 0, err
			}
			out = append(out, page...)
		}
		total += n
	}
	return out, total, nil
}

// reloadDue reads the overview: the complaints due this week and how many
// are overdue, both from the deadline index.
func (p *listPane) reloadDue() {
	type due struct {
		week    []app.Ticket
		nWeek   int
		overdue int
	}
	today := p.today
	svc := p.v.deps.Services.AfterSales
	kit.Call(p.v.deps, kit.To{Win: p.v.win}, func(ctx context.Context) (due, error) {
		week, n, err := svc.Tickets(ctx, app.TicketFilter{DueThisWeek: true, Today: today}, 0, dueShown)
		if err != nil {
			return due{}, err
		}
		_, over, err := svc.Tickets(ctx, app.TicketFilter{Overdue: true, Today: today}, 0, 1)
		return due{week, n, over}, err
	}, func(d due) {
		text := kit.Plural("aftersales.due_week", d.nWeek, "{{.n}} case due this week", "{{.n}} cases due this week", nil)
		if d.overdue > 0 {
			text += " · " + kit.Plural("aftersales.overdue_count", d.overdue, "{{.n}} overdue", "{{.n}} overdue", nil)
		}
		p.due.SetText(text)
		p.dueList.Objects = nil
		for _, t := range d.week {
			t := t
			dl, _ := deadlineText(t, today)
			b := widget.NewButton(t.Number+" · "+t.Customer.Name+" · "+t.Subject+" · "+dl, func() { p.v.openTicket(t.ID) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			p.dueList.Add(b)
		}
		if d.nWeek > len(d.week) {
			p.dueList.Add(widget.NewLabel(lang.X("aftersales.due_more", "…and {{.n}} more", map[string]any{"n": d.nWeek - len(d.week)})))
		}
		p.dueList.Refresh()
	})
}

// updateCell writes one cell; an overdue ticket's deadline is red.
func (p *listPane) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Importance = widget.MediumImportance
	p.rows.Updating = true
	t, ok := p.rows.Row(id.Row)
	p.rows.Updating = false
	if !ok {
		l.SetText("")
		return
	}
	l.SetText(cellText(t, id.Col, p.today, l))
}

// cellText is the text of column col for t; it marks l red for an overdue
// deadline.
func cellText(t app.Ticket, col int, today app.Date, l *widget.Label) string {
	switch col {
	case 0:
		return t.Number
	case 1:
		return t.Customer.Name
	case 2:
		return label(t.Kind.Label())
	case 3:
		return label(t.Status.Label())
	case 4:
		if t.Priority == app.PriorityHigh {
			l.Importance = widget.WarningImportance
		}
		return priorityName(t.Priority)
	case 5:
		return t.Assignee
	case 6:
		return dateText(t.Complained)
	case 7:
		text, over := deadlineText(t, today)
		if over {
			l.Importance = widget.DangerImportance
		}
		return text
	}
	return ""
}
