package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

// logInquiry asks for a new inquiry: an existing customer (picked, or cust
// when logged from their card) or a new contact's name, the channel, topic,
// text and the staff member who takes it.
func (v *inquiriesView) logInquiry(cust *app.Customer) {
	r := v.r
	fs := newFieldSet()
	custName := widget.NewLabel("")
	custName.Truncation = fyne.TextTruncateEllipsis
	contact := newEscEntry()
	contact.SetPlaceHolder(lang.X("reception.contact_hint", "Or the name of a new contact"))
	showCust := func() {
		if cust == nil {
			custName.SetText(lang.X("reception.no_customer", "(no customer)"))
			contact.Enable()
			return
		}
		custName.SetText(cust.Name)
		contact.SetText("")
		contact.Disable()
	}
	showCust()
	pick := widget.NewButtonWithIcon(lang.X("sales.pick_customer", "Choose…"), theme.SearchIcon(), func() {
		pickCustomer(r.deps, r.win, r.company.BaseCurrency, func(c app.Customer) {
			cust = &c
			showCust()
		})
	})
	clear := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() {
		cust = nil
		showCust()
	})
	fs.add("inquiry.customer", "Customer", container.NewBorder(nil, nil, nil, container.NewHBox(pick, clear), custName))
	fs.add("inquiry.contact", "New contact", contact)
	channel := widget.NewSelect([]string{channelName(app.ChannelWalkIn), channelName(app.ChannelPhone), channelName(app.ChannelEmail)}, nil)
	channel.SetSelectedIndex(0)
	fs.add("inquiry.channel", "Channel", channel)
	topic := fs.escEntry("inquiry.topic", "Topic", lang.X("reception.topic_hint", "What they ask about"))
	text := widget.NewMultiLineEntry()
	text.SetMinRowsVisible(3)
	text.Wrapping = fyne.TextWrapWord
	fs.add("inquiry.text", "Text", text)
	assigned := r.staffSelect("", true)
	fs.add("inquiry.assigned", "Assigned to", assigned)

	fd := showFormDialog(lang.X("reception.inquiry_title", "Log an inquiry"), lang.X("action.save", "Save"), fs, nil, r.win, func(fd *formDialog) {
		q := app.Inquiry{Channel: channels[max(0, channel.SelectedIndex())], Topic: strings.TrimSpace(topic.Text),
			Text: strings.TrimSpace(text.Text), Assigned: r.staffOf(assigned), Status: app.InquiryNew}
		if cust != nil {
			q.CustomerID, q.Contact = cust.ID, cust.Name
		} else {
			q.Contact = strings.TrimSpace(contact.Text)
		}
		if err := q.Validate(); err != nil {
			fd.fail(err)
			return
		}
		fd.busy()
		ctx := r.deps.ctx()
		async(func() {
			saved, err := r.deps.Services.Reception.SaveInquiry(ctx, q)
			fyne.Do(func() {
				if err != nil {
					fd.fail(err)
					return
				}
				fd.close()
				v.current = saved.ID
				r.changed()
			})
		})
	})
	contact.OnSubmitted = func(string) { fd.run() }
	contact.onEsc = fd.d.Hide
	if cust == nil {
		r.win.Canvas().Focus(contact)
	} else {
		r.win.Canvas().Focus(topic)
	}
}

// createQuote makes a draft quote for the inquiry's customer with the topic
// as its first line and the text as its note, marks the inquiry quoted with
// the quote's ID and opens the draft in Sales. A new contact becomes a
// customer first (the customer form opens with their name).
func (v *inquiriesView) createQuote(q app.Inquiry) {
	r := v.r
	if q.CustomerID == "" {
		if !r.deps.can(app.PermCustomersWrite) {
			showError(app.Invalid("inquiry.customer", "err.required", "is required", nil), r.win)
			return
		}
		showCustomerForm(r.deps, r.win, app.Customer{Name: q.Contact}, r.company.BaseCurrency, func(c app.Customer) {
			q.CustomerID, q.Contact = c.ID, c.Name
			ctx := r.deps.ctx()
			async(func() {
				saved, err := r.deps.Services.Reception.SaveInquiry(ctx, q)
				fyne.Do(func() {
					if err != nil {
						showError(err, r.win)
						return
					}
					v.createQuote(saved)
				})
			})
		})
		return
	}
	ctx := r.deps.ctx()
	async(func() {
		c, err := r.deps.Services.Company.Company(ctx)
		var cust app.Customer
		if err == nil {
			cust, err = r.deps.Services.Customers.Customer(ctx, q.CustomerID)
		}
		var doc app.SalesDoc
		if err == nil {
			doc, err = r.deps.Services.Sales.SaveDraft(ctx, quoteForInquiry(q, c, cust, app.Today(r.deps.clock())))
		}
		if err == nil {
			_, err = r.deps.Services.Reception.SetInquiryStatus(ctx, q.ID, app.InquiryQuoted, doc.ID)
		}
		fyne.Do(func() {
			if err != nil {
				showError(err, r.win)
				r.changed()
				return
			}
			r.changed()
			if r.openQuote != nil {
				r.openQuote(doc.ID)
			}
		})
	})
}

// quoteForInquiry is the draft quote an inquiry starts: the topic as the
// first line (quantity 1, price to fill in), the inquiry's text as the note.
func quoteForInquiry(q app.Inquiry, c app.Company, cust app.Customer, today app.Date) app.SalesDoc {
	cur := cust.Currency
	if cur == "" {
		cur = c.BaseCurrency
	}
	note := q.Text
	if r := []rune(note); len(r) > 2000 {
		note = string(r[:2000])
	}
	topic := q.Topic
	if r := []rune(topic); len(r) > 500 {
		topic = string(r[:500])
	}
	return app.SalesDoc{Kind: app.KindQuote, Status: app.StatusDraft, CustomerID: cust.ID, Customer: app.PartyOfCustomer(cust),
		IssueDate: today, TaxDate: today, ValidUntil: today.AddDays(30), Currency: cur, PaymentMethod: app.PayBank,
		Supplier: app.PartyOfCompany(c), Note: note,
		Lines: []app.DocLine{{Text: topic, Quantity: app.Q(1), Unit: lang.X("reception.quote_unit", "pcs"), VATKind: app.VATStandard}}}
}
