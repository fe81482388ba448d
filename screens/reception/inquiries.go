package reception

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// inquiriesView lists the inquiries (open ones unless the filter says
// otherwise); the chosen one shows in full with the buttons that move it on.
type inquiriesView struct {
	r       *receptionScreen
	all     []app.Inquiry // as loaded
	list    []app.Inquiry // after the status filter
	current string        // ID of the inquiry shown in full
	gen     int

	filter *widget.Select
	count  *widget.Label
	table  *widget.Table
	detail *fyne.Container
}

func newInquiriesView(r *receptionScreen) *inquiriesView { return &inquiriesView{r: r} }

// inquiryFilters are the filter options after "Open" and "All".
var inquiryFilters = []app.InquiryStatus{app.InquiryNew, app.InquiryInProgress, app.InquiryQuoted, app.InquiryWon, app.InquiryLost}

var inquiryColumns = []kit.Column{
	{Key: "reception.col.created", Fallback: "Logged", Width: 100},
	{Key: "reception.col.contact", Fallback: "Customer / contact", Width: 220},
	{Key: "reception.col.channel", Fallback: "Channel", Width: 90},
	{Key: "reception.col.topic", Fallback: "Topic", Width: 240},
	{Key: "reception.col.assigned", Fallback: "Assigned to", Width: 160},
	{Key: "reception.col.status", Fallback: "Status", Width: 110},
}

func (v *inquiriesView) buildUI() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.X("reception.log_inquiry", "Log inquiry…"), theme.ContentAddIcon(), func() { v.logInquiry(nil) })
	add.Importance = widget.HighImportance
	opts := []string{lang.X("reception.filter_open", "Open"), lang.X("reception.filter_all", "All")}
	for _, s := range inquiryFilters {
		opts = append(opts, kit.InquiryStatusName(s))
	}
	v.filter = widget.NewSelect(opts, func(string) { v.reload() })
	v.filter.SetSelectedIndex(0)
	v.count = widget.NewLabel("")
	bar := container.NewHBox(add, widget.NewLabel(lang.X("reception.status_filter", "Status")), kit.Sized(v.filter, 170), v.count, layout.NewSpacer())

	v.table = kit.NewColumnTable(inquiryColumns, func() int { return len(v.list) }, v.updateCell, nil)
	v.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.list) {
			v.current = v.list[id.Row].ID
			v.showDetail()
		}
	}
	v.detail = container.NewVBox()
	v.showDetail()
	split := container.NewHSplit(v.table, container.NewVScroll(v.detail))
	split.Offset = 0.62
	v.reload()
	return container.NewBorder(bar, nil, nil, nil, split)
}

func (v *inquiriesView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	if id.Row >= len(v.list) {
		l.SetText("")
		return
	}
	q := v.list[id.Row]
	l.SetText([]string{app.DateOf(q.Created.Local()).Format(kit.UILang), q.Contact, channelName(q.Channel), q.Topic,
		v.r.staffName(q.Assigned), kit.InquiryStatusName(q.Status)}[id.Col])
}

// reload fetches the inquiries in the background and applies the filter.
func (v *inquiriesView) reload() {
	svc := v.r.deps.Services.Reception
	if svc == nil || v.table == nil {
		return
	}
	v.gen++
	gen, openOnly := v.gen, v.filter.SelectedIndex() == 0
	kit.Call(v.r.deps, kit.To{Win: v.r.win, Stale: func() bool { return gen != v.gen }}, func(ctx context.Context) ([]app.Inquiry, error) {
		return svc.Inquiries(ctx, openOnly)
	}, func(all []app.Inquiry) {
		v.all = all
		var list []app.Inquiry
		i := v.filter.SelectedIndex()
		for _, q := range all {
			if i < 2 || q.Status == inquiryFilters[i-2] {
				list = append(list, q)
			}
		}
		v.list = list
		v.count.SetText(kit.Plural("reception.inquiry_count", len(v.list), "{{.n}} inquiry", "{{.n}} inquiries", nil))
		v.table.Refresh()
		v.showDetail()
	})
}

// show selects the inquiry with id, showing all inquiries if the filter hides it.
func (v *inquiriesView) show(id string) {
	v.current = id
	for _, q := range v.list {
		if q.ID == id {
			v.showDetail()
			return
		}
	}
	v.filter.SetSelectedIndex(1) // reloads
}

// selected is the inquiry shown in full.
func (v *inquiriesView) selected() (app.Inquiry, bool) {
	for _, q := range v.all {
		if q.ID == v.current {
			return q, true
		}
	}
	return app.Inquiry{}, false
}

// showDetail shows the chosen inquiry with its actions.
func (v *inquiriesView) showDetail() {
	v.detail.RemoveAll()
	q, ok := v.selected()
	if !ok {
		hint := widget.NewLabel(lang.X("reception.inquiry_pick", "Choose an inquiry to see it in full."))
		hint.Importance = widget.LowImportance
		v.detail.Add(hint)
		return
	}
	title := widget.NewLabelWithStyle(q.Topic, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	info := widget.NewLabel(lang.X("reception.inquiry_info", "{{.contact}} · {{.channel}} · logged {{.time}} · assigned to {{.staff}} · {{.status}}",
		map[string]any{"contact": q.Contact, "channel": channelName(q.Channel), "time": kit.FormatTime(q.Created),
			"staff": v.r.staffName(q.Assigned), "status": kit.InquiryStatusName(q.Status)}))
	info.Wrapping = fyne.TextWrapWord
	text := widget.NewLabel(q.Text)
	text.Wrapping = fyne.TextWrapWord
	v.detail.Add(title)
	v.detail.Add(info)
	if q.Text != "" {
		v.detail.Add(text)
	}
	buttons := container.NewGridWrap(fyne.NewSize(190, 36))
	if q.Status.CanMoveTo(app.InquiryQuoted) && v.r.deps.Can(app.PermInquiryQuote) {
		b := widget.NewButtonWithIcon(lang.X("reception.create_quote", "Create quote"), theme.DocumentCreateIcon(), func() { v.createQuote(q) })
		b.Importance = widget.HighImportance
		buttons.Add(b)
	}
	if q.QuoteID != "" && v.r.deps.Can(app.PermSalesRead) {
		buttons.Add(widget.NewButtonWithIcon(lang.X("reception.open_quote", "Open the quote"), theme.DocumentIcon(), func() { v.r.openQuote(q.QuoteID) }))
	}
	moves := []struct {
		to         app.InquiryStatus
		key, label string
		importance widget.Importance
		icon       fyne.Resource
	}{
		{app.InquiryInProgress, "reception.move_in_progress", "Start work", widget.MediumImportance, theme.MediaPlayIcon()},
		{app.InquiryWon, "reception.move_won", "Won", widget.SuccessImportance, theme.ConfirmIcon()},
		{app.InquiryLost, "reception.move_lost", "Lost", widget.DangerImportance, theme.CancelIcon()},
	}
	// "Quoted" is no move of its own: Create quote makes the quote and
	// moves the inquiry with it (the store refuses "quoted" without one).
	for _, m := range moves {
		if q.Status.CanMoveTo(m.to) {
			to := m.to
			b := widget.NewButtonWithIcon(lang.X(m.key, m.label), m.icon, func() { v.setStatus(q, to, "") })
			b.Importance = m.importance
			buttons.Add(b)
		}
	}
	if q.CustomerID != "" {
		buttons.Add(widget.NewButtonWithIcon(lang.X("reception.open_card", "Customer card"), theme.AccountIcon(), func() {
			v.r.tabs.SelectIndex(0)
			v.r.dir.openCard(q.CustomerID)
		}))
	}
	v.detail.Add(buttons)
}

// setStatus moves the inquiry on; the store refuses a move backwards.
func (v *inquiriesView) setStatus(q app.Inquiry, to app.InquiryStatus, quoteID string) {
	kit.Run(v.r.deps, kit.To{Err: func(err error) {
		kit.ShowError(err, v.r.win)
		v.r.changed()
	}}, func(ctx context.Context) error {
		_, err := v.r.deps.Services.Reception.SetInquiryStatus(ctx, q.ID, to, quoteID)
		return err
	}, v.r.changed)
}

// channels are the ways an inquiry comes in, in the order the form offers them.
var channels = []string{app.ChannelWalkIn, app.ChannelPhone, app.ChannelEmail}

// channelName is the translated name of an inquiry channel.
func channelName(c string) string {
	switch c {
	case app.ChannelWalkIn:
		return lang.X("inquiry.channel.walk_in", "walk-in")
	case app.ChannelPhone:
		return lang.X("inquiry.channel.phone", "phone")
	case app.ChannelEmail:
		return lang.X("inquiry.channel.email", "e-mail")
	}
	return c
}
