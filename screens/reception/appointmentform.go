package reception

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

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

// defaultApptMinutes is the length of a new appointment.
const defaultApptMinutes = 60

// edit opens the appointment dialog: a new appointment when a.ID is empty.
// Start and duration or end: changing one keeps the others in step. The
// store refuses an overlap for the same staff member, naming the other
// appointment at the start field.
func (v *appointmentsView) edit(a app.Appointment) {
	r := v.r
	fs := kit.NewFieldSet()
	custName := widget.NewLabel("")
	custName.Truncation = fyne.TextTruncateEllipsis
	showCust := func() {
		custName.SetText(apptCustomer(a))
	}
	showCust()
	pick := widget.NewButtonWithIcon(lang.X("sales.pick_customer", "Choose…"), theme.SearchIcon(), func() {
		customers.Pick(r.deps, r.win, r.company.BaseCurrency, func(c app.Customer) {
			a.CustomerID, a.Customer = c.ID, c.Name
			showCust()
		})
	})
	fs.Add("appointment.customer", "Customer", container.NewBorder(nil, nil, nil, pick, custName))
	staff := r.staffSelect(a.Staff, true)
	fs.Add("appointment.staff", "Staff member", staff)
	date := fs.EscEntry("appointment.date", "Date", kit.DatePlaceholder())
	start := fs.EscEntry("appointment.start", "Start", "09:30")
	dur := fs.EscEntry("appointment.duration", "Duration (minutes)", "60")
	end := fs.EscEntry("appointment.end", "End", "10:30")
	place := fs.EscEntry("appointment.place", "Place", lang.X("reception.place_hint", "Meeting room, showroom…"))
	note := fs.EscEntry("appointment.note", "Note", "")

	day := app.Today(r.deps.Clock())
	if !a.Start.IsZero() {
		day = app.DateOf(a.Start.Local())
	}
	date.SetText(kit.FormatDateInput(day))
	minutes := defaultApptMinutes
	if a.ID != "" {
		start.SetText(clockText(a.Start))
		minutes = int(a.End.Sub(a.Start) / time.Minute)
		end.SetText(clockText(a.End))
	}
	dur.SetText(strconv.Itoa(minutes))
	place.SetText(a.Place)
	note.SetText(a.Note)

	syncing := false
	start.OnChanged = func(string) { // the end follows the start at the same length
		if syncing {
			return
		}
		if s, err := parseClock(start.Text); err == nil {
			if m, err := strconv.Atoi(strings.TrimSpace(dur.Text)); err == nil && m > 0 {
				syncing = true
				end.SetText(formatClock(s + m))
				syncing = false
			}
		}
	}
	dur.OnChanged = func(string) { start.OnChanged("") }
	end.OnChanged = func(string) { // a typed end changes the length
		if syncing {
			return
		}
		s, err1 := parseClock(start.Text)
		e, err2 := parseClock(end.Text)
		if err1 == nil && err2 == nil && e > s {
			syncing = true
			dur.SetText(strconv.Itoa(e - s))
			syncing = false
		}
	}

	title := lang.X("reception.appt_new", "New appointment")
	var extra fyne.CanvasObject
	var fd *kit.FormDialog
	if a.ID != "" {
		title = lang.X("reception.appt_edit", "Appointment {{.time}}", map[string]any{"time": day.Format(kit.UILang) + " " + clockText(a.Start)})
		cancel := widget.NewButtonWithIcon(lang.X("reception.appt_cancel", "Cancel the appointment…"), theme.DeleteIcon(), func() {
			v.confirmCancel(a, fd)
		})
		cancel.Importance = widget.DangerImportance
		extra = container.NewHBox(cancel)
	}
	fd = kit.ShowFormDialog(title, lang.X("action.save", "Save"), fs, extra, r.win, func(fd *kit.FormDialog) {
		out := a
		out.Staff, out.Place, out.Note = r.staffOf(staff), strings.TrimSpace(place.Text), strings.TrimSpace(note.Text)
		d, err := app.ParseDate(date.Text)
		if err != nil {
			fd.Fail(app.WithField(err, "appointment.date"))
			return
		}
		s, err := parseClock(start.Text)
		if err != nil {
			fd.Fail(app.WithField(err, "appointment.start"))
			return
		}
		out.Start = dayStart(d).Add(time.Duration(s) * time.Minute)
		if strings.TrimSpace(end.Text) != "" {
			e, err := parseClock(end.Text)
			if err != nil {
				fd.Fail(app.WithField(err, "appointment.end"))
				return
			}
			out.End = dayStart(d).Add(time.Duration(e) * time.Minute)
		} else {
			m, err := strconv.Atoi(strings.TrimSpace(dur.Text))
			if err != nil || m <= 0 {
				fd.Fail(app.Invalid("appointment.duration", "err.appointment.duration", "write the length in minutes, e.g. 60", nil))
				return
			}
			out.End = out.Start.Add(time.Duration(m) * time.Minute)
		}
		if err := out.Validate(); err != nil {
			fd.Fail(err)
			return
		}
		staff := r.staff
		kit.Run(r.deps, fd.To(), func(ctx context.Context) error {
			_, err := r.deps.Services.Reception.SaveAppointment(ctx, out)
			return withStaffNames(staff, err)
		}, func() {
			fd.Close()
			r.changed()
		})
	})
	r.win.Canvas().Focus(start) // the customer and staff are usually known already
}

// confirmCancel calls the appointment off after asking.
func (v *appointmentsView) confirmCancel(a app.Appointment, fd *kit.FormDialog) {
	r := v.r
	msg := lang.X("reception.appt_cancel_confirm", "Cancel the appointment of {{.customer}} with {{.staff}} on {{.time}}?",
		map[string]any{"customer": apptCustomer(a), "staff": r.staffName(a.Staff), "time": kit.FormatTime(a.Start)})
	dialog.ShowConfirm(lang.X("reception.appt_cancel_title", "Cancel the appointment"), msg, func(ok bool) {
		if !ok {
			return
		}
		kit.Run(r.deps, kit.To{Win: r.win}, func(ctx context.Context) error {
			return r.deps.Services.Reception.CancelAppointment(ctx, a.ID)
		}, func() {
			fd.Close()
			r.changed()
		})
	}, r.win)
}

// withStaffNames shows the staff member an error names by their full name
// (the store names the user: "petr" already has an appointment…).
func withStaffNames(staff []app.Staff, err error) error {
	var e *app.Error
	if !errors.As(err, &e) {
		return err
	}
	name, ok := e.Args["staff"].(string)
	if !ok {
		return err
	}
	c := *e
	c.Args = map[string]any{}
	for k, v := range e.Args {
		c.Args[k] = v
	}
	c.Args["staff"] = app.StaffName(staff, name)
	return &c
}

// parseClock reads "9:30", "09:30" or "9.30" as minutes after midnight.
func parseClock(s string) (int, error) {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, ".", ":")
	h, m, ok := strings.Cut(s, ":")
	if !ok {
		h, m = s, "0"
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 || len(m) > 2 {
		return 0, app.Invalid("", "err.time.format", "write the time as HH:MM, e.g. 09:30", nil)
	}
	return hh*60 + mm, nil
}

// formatClock writes minutes after midnight as HH:MM (past midnight wraps).
func formatClock(min int) string {
	min = ((min % (24 * 60)) + 24*60) % (24 * 60)
	return strconv.Itoa(min/60/10) + strconv.Itoa(min/60%10) + ":" + strconv.Itoa(min%60/10) + strconv.Itoa(min%10)
}
