package reception

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/customers"
	"kontor/screens/kit"
)

// logInquiry asks for a new inquiry: an existing customer (picked, or cust
// when logged from their card) or a new contact's name, the channel, topic,
// text and the staff member who takes it.
func (v *inquiriesView) logInquiry(cust *app.Customer) {
	r := v.r
	fs := kit.NewFieldSet()
	custName := widget.NewLabel("")
	custName.Truncation = fyne.TextTruncateEllipsis
	contact := kit.NewEscEntry()
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
		customers.Pick(r.deps, r.win, r.company.BaseCurrency, func(c app.Customer) {
			cust = &c
			showCust()
		})
	})
	clear := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() {
		cust = nil
		showCust()
	})
	fs.Add("inquiry.customer", "Customer", container.NewBorder(nil, nil, nil, container.NewHBox(pick, clear), custName))
	fs.Add("inquiry.contact", "New contact", contact)
	channel := widget.NewSelect([]string{channelName(app.ChannelWalkIn), channelName(app.ChannelPhone), channelName(app.ChannelEmail)}, nil)
	channel.SetSelectedIndex(0)
	fs.Add("inquiry.channel", "Channel", channel)
	topic := fs.EscEntry("inquiry.topic", "Topic", lang.X("reception.topic_hint", "What they ask about"))
	text := widget.NewMultiLineEntry()
	text.SetMinRowsVisible(3)
	text.Wrapping = fyne.TextWrapWord
	fs.Add("inquiry.text", "Text", text)
	assigned := r.staffSelect("", true)
	fs.Add("inquiry.assigned", "Assigned to", assigned)

	read := func() app.Inquiry {
		q := app.Inquiry{Channel: channels[max(0, channel.SelectedIndex())], Topic: strings.TrimSpace(topic.Text),
			Text: strings.TrimSpace(text.Text), Assigned: r.staffOf(assigned), Status: app.InquiryNew}
		if cust != nil {
			q.CustomerID, q.Contact = cust.ID, cust.Name
		} else {
			q.Contact = strings.TrimSpace(contact.Text)
		}
		return q
	}
	fs.Live(func() error { return read().Validate() })
	fd := kit.ShowFormDialog(lang.X("reception.inquiry_title", "Log an inquiry"), lang.X("action.save", "Save"), fs, nil, r.win, func(fd *kit.FormDialog) {
		q := read()
		if err := q.Validate(); err != nil {
			fd.Fail(err)
			return
		}
		kit.Call(r.deps, fd.To(), func(ctx context.Context) (app.Inquiry, error) {
			return r.deps.Services.Reception.SaveInquiry(ctx, q)
		}, func(saved app.Inquiry) {
			fd.Close()
			v.current = saved.ID
			r.changed()
		})
	})
	contact.OnSubmitted = func(string) { fd.Run() }
	contact.OnEsc = fd.Dialog.Hide
	if cust == nil {
		r.win.Canvas().Focus(contact)
	} else {
		r.win.Canvas().Focus(topic)
	}
}

// createQuote drafts the inquiry's quote in the store (its topic as the
// line, its text as the note, no price yet) and marks the inquiry quoted with
// it, in one step; who may read sales then sees the draft in Sales, the desk
// hears that sales will price it. A new contact becomes a customer first (the
// customer form opens with their name).
func (v *inquiriesView) createQuote(q app.Inquiry) {
	r := v.r
	if q.CustomerID == "" {
		if !r.deps.Can(app.PermCustomersWrite) {
			kit.ShowError(app.Invalid("inquiry.contact", "err.inquiry.no_customer", "save the contact as a customer first: a quote is made out to a customer", nil), r.win)
			return
		}
		customers.ShowForm(r.deps, r.win, app.Customer{Name: q.Contact}, r.company.BaseCurrency, func(c app.Customer) {
			q.CustomerID, q.Contact = c.ID, c.Name
			kit.Call(r.deps, kit.To{Win: r.win}, func(ctx context.Context) (app.Inquiry, error) {
				return r.deps.Services.Reception.SaveInquiry(ctx, q)
			}, v.createQuote)
		})
		return
	}
	kit.Call(r.deps, kit.To{Err: func(err error) {
		r.changed()
		kit.ShowError(err, r.win)
	}}, func(ctx context.Context) (app.SalesDoc, error) {
		_, doc, err := r.deps.Services.Reception.QuoteInquiry(ctx, q.ID)
		return doc, err
	}, func(doc app.SalesDoc) {
		r.changed()
		if r.deps.Can(app.PermSalesRead) {
			r.openQuote(doc.ID)
			return
		}
		dialog.ShowInformation(lang.X("reception.quote_created_title", "Quote drafted"),
			lang.X("reception.quote_created", "The draft quote for {{.customer}} is made: “{{.topic}}”. Sales will price and send it.",
				map[string]any{"customer": doc.Customer.Name, "topic": q.Topic}), r.win)
	})
}
