package reception

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// TestReceptionAppointmentCollision: an appointment is booked through the
// picker; a second one for the same staff member that overlaps is refused
// at the start field naming the first (the staff member by full name), and
// nothing is written; another staff member may have that hour; an end
// before the start is refused; the week view and the staff filter show
// what the store holds — on the real store.
func TestReceptionAppointmentCollision(t *testing.T) {
	d := openDesk(t, func(db *datatest.DB) {
		saveCustomer(t, db, app.Customer{Name: "Novák Interiéry s.r.o.", City: "Brno"})
	})
	r, w, db := d.r, d.w, d.db
	r.tabs.SelectIndex(2)

	book := func(staff, start, end string) fyne.CanvasObject {
		t.Helper()
		test.Tap(kittest.Button(t, w.Content(), "New appointment…"))
		form := w.Canvas().Overlays().Top()
		test.Tap(kittest.Button(t, form, "Choose…"))
		test.Type(overlayEntry(t, w, 0), "novak")
		enter(overlayEntry(t, w, 0)) // the picker: Enter takes the first customer
		selectAfter(t, form, "Staff member").SetSelected(staff)
		test.Type(kittest.FieldAfter(t, form, "Start"), start)
		if end != "" {
			retype(kittest.FieldAfter(t, form, "End"), end)
		}
		test.Tap(kittest.Button(t, form, "Save"))
		return form
	}
	book("Petr Dvořák", "10:00", "")
	appts := storedAppointments(t, db)
	if len(appts) != 1 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("first appointment: %+v\n%s", appts, kittest.DialogText(w))
	}
	if a := appts[0]; a.Customer != "Novák Interiéry s.r.o." || !a.Start.Equal(at(10, 0)) || !a.End.Equal(at(11, 0)) || a.Staff != "petr" {
		t.Errorf("stored %+v", a)
	}
	if got := kittest.Texts(w.Content()); !strings.Contains(got, "10:00–11:00 · Novák Interiéry s.r.o. · Petr Dvořák") || !strings.Contains(got, "Today's appointments (1)") {
		t.Errorf("the day view lacks it:\n%s", got)
	}

	form := book("Petr Dvořák", "10:30", "")
	msg := kittest.Texts(form)
	if n := len(storedAppointments(t, db)); n != 1 || !strings.Contains(msg, "Petr Dvořák already has an appointment 15 Mar 2026 10:00–11:00 with Novák Interiéry s.r.o.") {
		t.Fatalf("the overlap was not refused at the start field: %d saved\n%s", n, msg)
	}
	startAt := strings.Index(msg, "Start")
	if i := strings.Index(msg, "already has"); i < startAt || i > strings.Index(msg, "Duration (minutes)") {
		t.Errorf("the message is not under the start field:\n%s", msg)
	}
	selectAfter(t, form, "Staff member").SetSelected("Jana Nováková")
	test.Tap(kittest.Button(t, form, "Save"))
	if n := len(storedAppointments(t, db)); n != 2 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("another staff member's appointment was refused: %d\n%s", n, kittest.DialogText(w))
	}

	// Back to back is no collision: Petr 11:00–11:30 right after 10–11.
	book("Petr Dvořák", "11:00", "11:30")
	if n := len(storedAppointments(t, db)); n != 3 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("a back-to-back appointment was refused: %d\n%s", n, kittest.DialogText(w))
	}

	form = book("Petr Dvořák", "14:00", "13:00")
	if n := len(storedAppointments(t, db)); n != 3 || !strings.Contains(kittest.Texts(form), "the appointment ends before it starts") {
		t.Fatalf("an end before the start went through:\n%s", kittest.Texts(form))
	}
	kittest.CloseDialogs(w)
	form = book("Petr Dvořák", "25:70", "")
	if n := len(storedAppointments(t, db)); n != 3 || !strings.Contains(kittest.Texts(form), "write the time as HH:MM") {
		t.Fatalf("a wrong time went through:\n%s", kittest.Texts(form))
	}
	kittest.CloseDialogs(w)

	// The week view lists all three on Sunday 15 March; Petr's filter keeps two.
	r.appts.mode.SetSelected("Week")
	got := kittest.Texts(w.Content())
	if !strings.Contains(got, "Monday") || !strings.Contains(got, "Sunday") {
		t.Errorf("week view:\n%s", got)
	}
	count := func() int {
		n := 0
		for _, row := range r.appts.rows {
			if row.appt != nil {
				n++
			}
		}
		return n
	}
	if n := count(); n != 3 {
		t.Errorf("the week shows %d appointments", n)
	}
	r.appts.staffSel.SetSelected("Petr Dvořák")
	if n := count(); n != 2 {
		t.Errorf("Petr's week shows %d appointments", n)
	}
}

// TestAppointmentMovedAndCancelled: an appointment opened from the list
// moves to a free hour but not onto another of the same person's, and
// "Cancel the appointment…" takes it off the day — on the real store.
func TestAppointmentMovedAndCancelled(t *testing.T) {
	d := openDesk(t, func(db *datatest.DB) {
		c := saveCustomer(t, db, app.Customer{Name: "Kavárna U Lípy", City: "Praha"})
		for _, h := range []int{9, 14} {
			if _, err := db.SaveAppointment(db.Ctx, app.Appointment{CustomerID: c.ID, Staff: "petr", Start: at(h, 0), End: at(h+1, 0), Place: "Showroom"}); err != nil {
				t.Fatal(err)
			}
		}
	})
	r, w, db := d.r, d.w, d.db
	r.tabs.SelectIndex(2)
	if len(r.appts.rows) != 2 {
		t.Fatalf("the day shows %d rows", len(r.appts.rows))
	}
	r.appts.list.Select(0) // 9:00
	form := w.Canvas().Overlays().Top()
	if form == nil {
		t.Fatal("the appointment did not open")
	}
	retype(kittest.FieldAfter(t, form, "Start"), "14:30")
	tapDialog(t, w, "Save")
	if got := kittest.Texts(form); !strings.Contains(got, "Petr Dvořák already has an appointment") {
		t.Fatalf("moved onto the 14:00 appointment:\n%s", got)
	}
	retype(kittest.FieldAfter(t, form, "Start"), "12:00")
	tapDialog(t, w, "Save")
	appts := storedAppointments(t, db)
	if len(appts) != 2 || !appts[0].Start.Equal(at(12, 0)) || !appts[0].End.Equal(at(13, 0)) || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("after the move: %+v\n%s", appts, kittest.DialogText(w))
	}

	r.appts.list.Select(0)
	tapDialog(t, w, "Cancel the appointment…")
	if got := kittest.DialogText(w); !strings.Contains(got, "Kavárna U Lípy") || !strings.Contains(got, "Petr Dvořák") {
		t.Errorf("the confirmation says %q", got)
	}
	tapDialog(t, w, "Yes")
	if appts := storedAppointments(t, db); len(appts) != 1 || !appts[0].Start.Equal(at(14, 0)) || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("after cancelling: %+v\n%s", appts, kittest.DialogText(w))
	}
	if got := kittest.Texts(w.Content()); !strings.Contains(got, "Today's appointments (1)") {
		t.Errorf("the overview:\n%s", got)
	}
}
