package reception

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// appointmentsView shows the appointments of a day or a week, of one staff
// member or everyone, grouped by day; a row opens the appointment.
type appointmentsView struct {
	r     *receptionScreen
	week  bool
	day   app.Date // the day shown, or a day of the week shown
	staff string   // user name; "" is everyone
	rows  []apptRow
	gen   int

	mode     *widget.RadioGroup
	staffSel *widget.Select
	title    *widget.Label
	list     *widget.List
}

// apptRow is a line of the list: a day heading or an appointment.
type apptRow struct {
	day  app.Date
	appt *app.Appointment // nil for a heading
	none bool             // "no appointments" under a heading
}

func newAppointmentsView(r *receptionScreen) *appointmentsView { return &appointmentsView{r: r} }

func (v *appointmentsView) buildUI() fyne.CanvasObject {
	v.day = app.Today(v.r.deps.Clock())
	dayText, weekText := lang.X("reception.view_day", "Day"), lang.X("reception.view_week", "Week")
	v.mode = widget.NewRadioGroup([]string{dayText, weekText}, func(s string) {
		v.week = s == weekText
		v.reload()
	})
	v.mode.Horizontal = true
	v.mode.Required = true
	v.mode.Selected = dayText
	v.staffSel = widget.NewSelect([]string{lang.X("reception.all_staff", "Everyone")}, func(string) { v.staffChanged() })
	v.staffSel.SetSelectedIndex(0)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { v.step(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { v.step(1) })
	today := widget.NewButton(lang.X("reception.today", "Today"), func() {
		v.day = app.Today(v.r.deps.Clock())
		v.reload()
	})
	add := widget.NewButtonWithIcon(lang.X("reception.new_appt", "New appointment…"), theme.ContentAddIcon(), func() {
		start := v.day
		v.edit(app.Appointment{Staff: v.staff, Start: dayStart(start)})
	})
	add.Importance = widget.HighImportance
	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewHBox(v.mode, kit.Sized(v.staffSel, 220), prev, today, next, v.title, layout.NewSpacer(), add)

	v.list = widget.NewList(func() int { return len(v.rows) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(v.rows) {
			v.updateRow(v.rows[i], o.(*widget.Label))
		}
	})
	v.list.OnSelected = func(i widget.ListItemID) {
		v.list.UnselectAll()
		if i >= len(v.rows) {
			return
		}
		if a := v.rows[i].appt; a != nil {
			v.edit(*a)
		} else if v.week {
			v.day, v.week = v.rows[i].day, false
			v.mode.SetSelected(dayText)
		}
	}
	v.reload()
	return container.NewBorder(bar, nil, nil, nil, v.list)
}

func (v *appointmentsView) updateRow(row apptRow, l *widget.Label) {
	l.TextStyle.Bold = row.appt == nil && !row.none
	l.Importance = widget.MediumImportance
	switch {
	case row.none:
		l.Importance = widget.LowImportance
		l.SetText("    " + lang.X("reception.no_appts", "No appointments."))
	case row.appt == nil:
		l.SetText(dayTitle(row.day))
	default:
		a := row.appt
		text := "    " + clockText(a.Start) + "–" + clockText(a.End) + " · " + apptCustomer(*a) + " · " + v.r.staffName(a.Staff)
		if a.Place != "" {
			text += " · " + a.Place
		}
		if a.Note != "" {
			text += " · " + a.Note
		}
		l.SetText(text)
	}
}

// staffLoaded fills the staff filter once the staff are known.
func (v *appointmentsView) staffLoaded() {
	if v.staffSel == nil {
		return
	}
	opts := []string{lang.X("reception.all_staff", "Everyone")}
	for _, s := range v.r.staff {
		opts = append(opts, v.r.staffName(s.Name))
	}
	v.staffSel.SetOptions(opts)
}

func (v *appointmentsView) staffChanged() {
	i := v.staffSel.SelectedIndex()
	staff := ""
	if i > 0 && i <= len(v.r.staff) {
		staff = v.r.staff[i-1].Name
	}
	if staff != v.staff {
		v.staff = staff
		v.reload()
	}
}

// step moves a day or a week back or forward.
func (v *appointmentsView) step(n int) {
	if v.week {
		n *= 7
	}
	v.day = v.day.AddDays(n)
	v.reload()
}

// span is the first day shown and how many days.
func (v *appointmentsView) span() (app.Date, int) {
	if !v.week {
		return v.day, 1
	}
	wd := int(v.day.Time(time.UTC).Weekday()+6) % 7 // Monday is 0
	return v.day.AddDays(-wd), 7
}

// reload fetches the appointments of the span in the background.
func (v *appointmentsView) reload() {
	svc := v.r.deps.Services.Reception
	if svc == nil || v.list == nil {
		return
	}
	first, n := v.span()
	if n == 1 {
		v.title.SetText(dayTitle(first))
	} else {
		v.title.SetText(first.Format(kit.UILang) + " – " + first.AddDays(n-1).Format(kit.UILang))
	}
	v.gen++
	gen, staff := v.gen, v.staff
	kit.Call(v.r.deps, kit.To{Win: v.r.win, Stale: func() bool { return gen != v.gen }}, func(ctx context.Context) ([]app.Appointment, error) {
		return svc.Appointments(ctx, dayStart(first), dayStart(first.AddDays(n)), staff)
	}, func(list []app.Appointment) {
		v.rows = groupByDay(list, first, n)
		v.list.Refresh()
	})
}

// groupByDay lays out n days from first: a heading per day (a single day
// has its title in the bar), then its appointments in time order, or "no
// appointments".
func groupByDay(list []app.Appointment, first app.Date, n int) []apptRow {
	var rows []apptRow
	for i := 0; i < n; i++ {
		day := first.AddDays(i)
		if n > 1 {
			rows = append(rows, apptRow{day: day})
		}
		found := false
		for k := range list {
			if app.DateOf(list[k].Start.Local()) == day {
				a := list[k]
				rows = append(rows, apptRow{day: day, appt: &a})
				found = true
			}
		}
		if !found {
			rows = append(rows, apptRow{day: day, none: true})
		}
	}
	for i := 0; i < len(rows); i++ { // insertion sort within a day keeps it simple
		for j := i; j > 0 && rows[j].appt != nil && rows[j-1].appt != nil && rows[j].appt.Start.Before(rows[j-1].appt.Start); j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
	return rows
}
