package aftersales

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

// detailView is one ticket: its facts, the warranty check and the
// deadline, the status moves, the comment thread, the attachments, its
// returns and the complaint's PDFs.
type detailView struct {
	v  *View
	id string
	t  app.Ticket

	heading  *widget.Label
	status   *widget.Label
	moves    *fyne.Container
	facts    *fyne.Container
	deadline *widget.Label
	warranty *widget.Label
	presumed *widget.Label
	comments *fyne.Container
	comment  *widget.Entry
	addNote  *widget.Button
	files    *fyne.Container
	fileErr  *widget.Label
	addFile  *widget.Button
	returns  *fyne.Container
	newRet   *widget.Button
	edit     *widget.Button
	confirm  *widget.Button
	outcome  *widget.Button
	saved    *widget.Label // where the last PDF went
	// defective is " CODE" of the location defective returns go to, "" when
	// the user may not read locations, nil when the company has none (they
	// go back where they left from).
	defective *string
}

func newDetailView(v *View, id string) *detailView { return &detailView{v: v, id: id} }

func (d *detailView) buildUI() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.X("aftersales.back", "Tickets"), theme.NavigateBackIcon(), d.v.back)
	d.heading = kit.Heading("")
	d.heading.Truncation = fyne.TextTruncateEllipsis
	d.status = bold("")
	d.moves = container.NewHBox()
	d.edit = widget.NewButtonWithIcon(lang.X("action.edit", "Edit"), theme.DocumentCreateIcon(), d.editTicket)
	d.confirm = widget.NewButtonWithIcon(lang.X("aftersales.print_confirmation", "Confirmation PDF"), theme.DocumentPrintIcon(), func() { d.v.askConfirmation(d.t) })
	d.outcome = widget.NewButtonWithIcon(lang.X("aftersales.print_outcome", "Outcome PDF"), theme.DocumentPrintIcon(), func() { d.v.askOutcome(d.t) })
	d.saved = widget.NewLabel("")
	d.saved.Hide()
	d.saved.Importance = widget.LowImportance
	d.saved.Truncation = fyne.TextTruncateEllipsis
	top := container.NewVBox(
		container.NewBorder(nil, nil, back, nil, d.heading),
		container.NewHBox(widget.NewLabel(lang.X("field.ticket.status", "Status")), d.status, d.moves, layout.NewSpacer(), d.edit, d.confirm, d.outcome),
		d.saved,
		widget.NewSeparator(),
	)

	d.facts = container.New(layout.NewFormLayout())
	d.deadline = bold("")
	d.warranty = wrapped("")
	d.presumed = wrapped("")
	warrantyCard := widget.NewCard(lang.X("aftersales.warranty", "Warranty and deadline"), "", container.NewVBox(d.deadline, d.warranty, d.presumed))

	d.comments = container.NewVBox()
	d.comment = widget.NewMultiLineEntry()
	d.comment.SetPlaceHolder(lang.X("aftersales.comment_hint", "Write a comment…"))
	d.comment.Wrapping = fyne.TextWrapWord
	d.comment.SetMinRowsVisible(2)
	d.addNote = widget.NewButtonWithIcon(lang.X("aftersales.add_comment", "Add comment"), theme.MailSendIcon(), d.addComment)
	commentsCard := widget.NewCard(lang.X("field.ticket.comments", "Comments"), "", container.NewVBox(d.comments, container.NewBorder(nil, nil, nil, d.addNote, d.comment)))

	d.files = container.NewVBox()
	d.fileErr = widget.NewLabel("")
	d.fileErr.Importance = widget.DangerImportance
	d.fileErr.Wrapping = fyne.TextWrapWord
	d.fileErr.Hide()
	d.addFile = widget.NewButtonWithIcon(lang.X("aftersales.add_file", "Add file…"), theme.ContentAddIcon(), d.askAttachment)
	filesCard := widget.NewCard(lang.X("field.ticket.attachments", "Attachments"),
		lang.X("aftersales.files_hint", "Photos (JPEG, PNG, GIF, WebP) or PDF, at most 5 MiB each"),
		container.NewVBox(d.files, d.fileErr, container.NewHBox(d.addFile)))

	d.returns = container.NewVBox()
	d.newRet = widget.NewButtonWithIcon(lang.X("aftersales.new_return", "Return goods…"), theme.ContentUndoIcon(), func() { d.v.ret = showReturnForm(d) })
	returnsCard := widget.NewCard(lang.X("aftersales.returns", "Returns (RMA)"), "", container.NewVBox(d.returns, container.NewHBox(d.newRet)))

	left := container.NewVBox(d.facts, warrantyCard)
	right := container.NewVBox(commentsCard, filesCard, returnsCard)
	body := container.NewGridWithColumns(2, left, right)
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(body))
}

// reload reads the ticket, its warranty check and its returns.
func (d *detailView) reload() {
	type loaded struct {
		t       app.Ticket
		w       app.Warranty
		wErr    error
		returns []app.ReturnDoc
		defect  *string
	}
	svc := d.v.deps.Services.AfterSales
	wh := d.v.deps.Services.Warehouse
	canWh := d.v.deps.Can(app.PermWarehouse)
	kit.Call(d.v.deps, kit.To{Win: d.v.win}, func(ctx context.Context) (loaded, error) {
		t, err := svc.Ticket(ctx, d.id)
		if err != nil {
			return loaded{}, err
		}
		l := loaded{t: t}
		if t.InvoiceID != "" {
			l.w, l.wErr = svc.TicketWarranty(ctx, t.ID)
			if app.ErrorCode(l.wErr) == app.EINTERNAL || app.ErrorCode(l.wErr) == app.EUNAUTHORIZED {
				return loaded{}, l.wErr
			}
		}
		if l.returns, err = svc.Returns(ctx, t.ID, ""); err != nil {
			return l, err
		}
		set, err := svc.AfterSalesSettings(ctx)
		if err != nil {
			return l, err
		}
		if set.DefectiveLocation != "" {
			code := ""
			if canWh {
				locs, _ := wh.Locations(ctx) // a name only: without it the text says no more
				for _, loc := range locs {
					if loc.ID == set.DefectiveLocation {
						code = " " + loc.Code
					}
				}
			}
			l.defect = &code
		}
		return l, nil
	}, func(l loaded) {
		d.t, d.defective = l.t, l.defect
		d.show(l.w, l.wErr, l.returns)
	})
}

// show writes the ticket on the view.
func (d *detailView) show(w app.Warranty, wErr error, returns []app.ReturnDoc) {
	t, today := d.t, d.v.today()
	d.heading.SetText(t.Number + " · " + t.Subject)
	d.status.SetText(label(t.Status.Label()))
	d.moves.Objects = nil
	for _, s := range app.TicketStatuses {
		if s == t.Status || app.Transition(t.Status, s) != nil {
			continue
		}
		to := s
		b := widget.NewButton(moveText(to), func() { d.move(to) })
		if to == app.TicketResolved || to == app.TicketClosed {
			b.Importance = widget.HighImportance
		}
		d.moves.Add(b)
	}
	d.moves.Refresh()
	closed := t.Status == app.TicketClosed
	setEnabled(d.edit, !closed)
	setEnabled(d.addNote, !closed)
	setEnabled(d.addFile, !closed)
	complaint := t.Kind == app.TicketComplaint
	setVisible(d.confirm, complaint)
	setVisible(d.outcome, complaint)
	setEnabled(d.outcome, !t.Status.Open())
	setVisible(d.newRet, t.InvoiceID != "" && t.ReturnID == "" && !closed)

	d.showFacts()
	d.showDeadline(today)
	d.showWarranty(w, wErr)
	d.showComments()
	d.showFiles()
	d.showReturns(returns)
}

// moveText is the button that moves a ticket to status s.
func moveText(s app.TicketStatus) string {
	switch s {
	case app.TicketInProgress:
		return lang.X("aftersales.move.in_progress", "Start work")
	case app.TicketWaitingCustomer:
		return lang.X("aftersales.move.waiting_customer", "Wait for customer")
	case app.TicketWaitingSupplier:
		return lang.X("aftersales.move.waiting_supplier", "Wait for supplier")
	case app.TicketResolved:
		return lang.X("aftersales.move.resolved", "Resolve…")
	case app.TicketClosed:
		return lang.X("aftersales.move.closed", "Close…")
	}
	return label(s.Label())
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

func setVisible(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// showFacts writes the ticket's facts as a form of label and value.
func (d *detailView) showFacts() {
	t := d.t
	d.facts.Objects = nil
	add := func(key, fallback, value string) {
		if strings.TrimSpace(value) == "" {
			return
		}
		d.facts.Add(bold(lang.X("field."+key, fallback)))
		d.facts.Add(wrapped(value))
	}
	cust := t.Customer.Name
	var contact []string
	for _, s := range []string{t.Customer.Email, t.Customer.Phone} {
		if s != "" {
			contact = append(contact, s)
		}
	}
	if len(contact) > 0 {
		cust += "\n" + strings.Join(contact, " · ")
	}
	if t.Consumer {
		cust += "\n" + lang.X("aftersales.is_consumer", "consumer")
	}
	add("ticket.customer", "Customer", cust)
	add("ticket.kind", "Kind", label(t.Kind.Label()))
	add("ticket.channel", "Channel", channelName(t.Channel))
	add("ticket.priority", "Priority", priorityName(t.Priority))
	add("ticket.assignee", "Assigned to", t.Assignee)
	if t.InvoiceID != "" {
		item := strings.TrimSpace(t.ItemCode + " " + t.ItemName)
		add("ticket.invoice_line", "Invoice line", lang.X("aftersales.invoice_line", "{{.number}}, line {{.line}}: {{.item}}",
			map[string]any{"number": t.InvoiceNo, "line": t.InvoiceLine, "item": item}))
		add("ticket.sale_date", "Date of sale", dateText(t.SaleDate))
	}
	add("ticket.serial", "Serial number", t.Serial)
	add("ticket.lot", "Lot", t.Lot)
	add("ticket.complained", "Complaint date", dateText(t.Complained))
	add("ticket.defect_shown", "Defect showed on", dateText(t.DefectShown))
	add("ticket.defect", "Defect", t.Defect)
	if t.Remedy != "" {
		add("ticket.remedy", "Remedy asked for", label(t.Remedy.Label()))
	}
	add("ticket.accessories", "Accessories", t.Accessories)
	if t.Outcome != "" {
		add("ticket.outcome", "Outcome", label(t.Outcome.Label()))
	}
	add("ticket.resolution", "Resolution", t.Resolution)
	if !t.ResolvedOn.IsZero() {
		add("ticket.resolved_on", "Resolved on", dateText(t.ResolvedOn))
	}
	d.facts.Refresh()
}

// showDeadline writes the deadline with the days left; overdue in red.
func (d *detailView) showDeadline(today app.Date) {
	t := d.t
	d.deadline.Importance = widget.MediumImportance
	switch {
	case t.Deadline.IsZero():
		d.deadline.SetText(lang.X("aftersales.no_deadline", "No deadline is tracked for this case"))
	case !t.Status.Open():
		d.deadline.SetText(lang.X("aftersales.deadline_was", "Deadline {{.day}}", map[string]any{"day": dateText(t.Deadline)}))
	default:
		text, over := deadlineText(t, today)
		d.deadline.SetText(lang.X("aftersales.deadline", "Deadline {{.text}}", map[string]any{"text": text}))
		if over {
			d.deadline.Importance = widget.DangerImportance
		}
	}
	d.deadline.Refresh()
}

// showWarranty writes the warranty check, or why there is none.
func (d *detailView) showWarranty(w app.Warranty, err error) {
	d.presumed.SetText("")
	d.presumed.Hide()
	d.warranty.Importance = widget.MediumImportance
	switch {
	case d.t.InvoiceID == "":
		d.warranty.SetText(lang.X("aftersales.no_invoice", "No invoice line: no warranty check"))
	case err != nil:
		d.warranty.Importance = widget.WarningImportance
		d.warranty.SetText(app.ErrorMessage(err, kit.Translator()))
	case w.Months == 0:
		d.warranty.SetText(lang.X("aftersales.no_warranty", "The item carries no warranty for this customer"))
	case w.InWarranty:
		d.warranty.Importance = widget.SuccessImportance
		d.warranty.SetText(lang.X("aftersales.in_warranty", "In warranty ({{.months}} months) until {{.until}}: {{.left}} on the complaint day",
			map[string]any{"months": w.Months, "until": dateText(w.ClaimBy), "left": kit.Plural("aftersales.warranty_days", w.DaysLeft, "{{.n}} day left", "{{.n}} days left", nil)}))
	default:
		d.warranty.Importance = widget.DangerImportance
		d.warranty.SetText(lang.X("aftersales.out_of_warranty", "Out of warranty: the {{.months}} months ended on {{.until}}",
			map[string]any{"months": w.Months, "until": dateText(w.ClaimBy)}))
	}
	if err == nil && w.Presumed {
		d.presumed.SetText(lang.X("aftersales.presumed", "The defect showed within a year of the sale (until {{.until}}): it is presumed to have existed at the sale (§ 2161 OZ) — the seller must prove otherwise.",
			map[string]any{"until": dateText(w.PresumedUntil)}))
		d.presumed.Show()
	}
	d.warranty.Refresh()
}

// showComments writes the thread, oldest first.
func (d *detailView) showComments() {
	d.comments.Objects = nil
	if len(d.t.Comments) == 0 {
		l := widget.NewLabel(lang.X("aftersales.no_comments", "No comments yet"))
		l.Importance = widget.LowImportance
		d.comments.Add(l)
	}
	for _, c := range d.t.Comments {
		head := widget.NewLabelWithStyle(c.User+" · "+kit.FormatTime(c.Time), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		head.Importance = widget.LowImportance
		d.comments.Add(container.NewVBox(head, wrapped(c.Text)))
	}
	d.comments.Refresh()
}

// addComment appends the comment written.
func (d *detailView) addComment() {
	text := d.comment.Text
	kit.Call(d.v.deps, kit.To{Win: d.v.win, Busy: kit.ButtonsBusy(d.addNote)}, func(ctx context.Context) (app.Ticket, error) {
		return d.v.deps.Services.AfterSales.AddTicketComment(ctx, d.id, text)
	}, func(t app.Ticket) {
		d.comment.SetText("")
		d.t = t
		d.showComments()
	})
}

// move moves the ticket to status to; resolving and closing ask for the
// outcome and the resolution first.
func (d *detailView) move(to app.TicketStatus) {
	if to == app.TicketResolved || to == app.TicketClosed {
		d.v.form = nil
		showResolveForm(d, to)
		return
	}
	d.doMove(to, "", "", kit.To{Win: d.v.win}, nil)
}

// doMove calls MoveTicket and shows the ticket moved.
func (d *detailView) doMove(to app.TicketStatus, outcome app.Outcome, resolution string, where kit.To, done func()) {
	today := d.v.today()
	kit.Call(d.v.deps, where, func(ctx context.Context) (app.Ticket, error) {
		return d.v.deps.Services.AfterSales.MoveTicket(ctx, d.id, to, outcome, resolution, today)
	}, func(app.Ticket) {
		if done != nil {
			done()
		}
		d.reload()
	})
}

// editTicket opens the form on the ticket.
func (d *detailView) editTicket() {
	d.v.form = showTicketForm(d.v, d.t, func(app.Ticket, bool) { d.reload() })
}
