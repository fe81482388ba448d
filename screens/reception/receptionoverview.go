package reception

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// overviewHeight is the height of each overview list: about two and a half
// rows, so the lists below keep most of the tab.
const overviewHeight = 100

// receptionOverview is the strip at the top of the Reception tab: today's
// appointments, the visitors in the building and the open inquiries. It
// refreshes after every desk action and once a minute; a failed refresh says
// so in place rather than in a dialog every minute.
type receptionOverview struct {
	r       *receptionScreen
	appts   []app.Appointment
	inside  []app.Visit
	open    []app.Inquiry
	gen     int
	titles  [3]*widget.Label
	lists   [3]*widget.List
	problem *widget.Label
}

func newReceptionOverview(r *receptionScreen) *receptionOverview { return &receptionOverview{r: r} }

func (o *receptionOverview) buildUI() fyne.CanvasObject {
	counts := []func() int{
		func() int { return len(o.appts) },
		func() int { return len(o.inside) },
		func() int { return len(o.open) },
	}
	texts := []func(int) string{o.apptText, o.visitText, o.inquiryText}
	taps := []func(int){
		func(i int) { o.r.appts.edit(o.appts[i]) },
		func(int) { o.r.tabs.SelectIndex(1); o.r.focus() },
		func(i int) { o.r.tabs.SelectIndex(3); o.r.inquiries.show(o.open[i].ID) },
	}
	cols := make([]fyne.CanvasObject, 3)
	for k := 0; k < 3; k++ {
		k := k
		o.titles[k] = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l := widget.NewList(counts[k], func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		}, func(i widget.ListItemID, obj fyne.CanvasObject) {
			if i < counts[k]() {
				obj.(*widget.Label).SetText(texts[k](i))
			}
		})
		l.OnSelected = func(i widget.ListItemID) {
			l.UnselectAll()
			if i < counts[k]() {
				taps[k](i)
			}
		}
		o.lists[k] = l
		cols[k] = container.NewBorder(o.titles[k], nil, nil, nil, container.New(fixedHeight{overviewHeight}, l))
	}
	o.problem = widget.NewLabel("")
	o.problem.Importance = widget.DangerImportance
	o.problem.Hide()
	o.setTitles()
	return container.NewVBox(container.NewGridWithColumns(3, cols...), o.problem)
}

func (o *receptionOverview) setTitles() {
	o.titles[0].SetText(lang.X("reception.today_appts", "Today's appointments ({{.n}})", map[string]any{"n": len(o.appts)}))
	o.titles[1].SetText(lang.X("reception.in_building", "In the building ({{.n}})", map[string]any{"n": len(o.inside)}))
	o.titles[2].SetText(lang.X("reception.open_inquiries", "Open inquiries ({{.n}})", map[string]any{"n": len(o.open)}))
}

func (o *receptionOverview) apptText(i int) string {
	a := o.appts[i]
	return clockText(a.Start) + "–" + clockText(a.End) + " · " + apptCustomer(a) + " · " + o.r.staffName(a.Staff)
}

func (o *receptionOverview) visitText(i int) string {
	v := o.inside[i]
	text := v.Visitor
	if v.Company != "" {
		text += " (" + v.Company + ")"
	}
	return text + " · " + o.r.staffName(v.Host) + " · " + lang.X("reception.since", "since {{.time}}", map[string]any{"time": clockText(v.In)})
}

func (o *receptionOverview) inquiryText(i int) string {
	q := o.open[i]
	return q.Contact + " · " + q.Topic + " · " + kit.InquiryStatusName(q.Status)
}

// refresh loads the three lists in the background.
func (o *receptionOverview) refresh() {
	svc := o.r.deps.Services.Reception
	if o.titles[0] == nil {
		return
	}
	o.gen++
	gen := o.gen
	today := app.Today(o.r.deps.Clock())
	type lists struct {
		appts  []app.Appointment
		inside []app.Visit
		open   []app.Inquiry
	}
	kit.Call(o.r.deps, kit.To{Err: o.setProblem, Stale: func() bool { return gen != o.gen }}, func(ctx context.Context) (lists, error) {
		var r lists
		var err error
		r.appts, err = svc.Appointments(ctx, dayStart(today), dayStart(today.AddDays(1)), "")
		if err == nil {
			r.inside, err = svc.InBuilding(ctx)
		}
		if err == nil {
			r.open, err = svc.Inquiries(ctx, true)
		}
		return r, err
	}, func(r lists) {
		o.problem.Hide()
		o.appts, o.inside, o.open = r.appts, r.inside, r.open
		o.setTitles()
		for _, l := range o.lists {
			l.Refresh()
		}
	})
}

// setProblem shows why the overview could not be loaded.
func (o *receptionOverview) setProblem(err error) {
	o.problem.SetText(app.ErrorMessage(err, kit.Translator()))
	o.problem.Show()
}

// fixedHeight lays out one object at a fixed height and the width it gets.
type fixedHeight struct{ h float32 }

// MinSize is the object's minimum width at the fixed height.
func (f fixedHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objs {
		w = fyne.Max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, f.h)
}

// Layout gives every object the whole space.
func (f fixedHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// apptCustomer names an appointment's customer, or says there is none.
func apptCustomer(a app.Appointment) string {
	if a.Customer != "" {
		return a.Customer
	}
	return lang.X("reception.no_customer", "(no customer)")
}
