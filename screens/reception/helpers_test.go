package reception

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/sales"
)

// receptionDay is the day the desk tests work on: Sunday 15 March 2026,
// 10:00 on the machine's clock (the screens show local time).
var receptionDay = time.Date(2026, time.March, 15, 10, 0, 0, 0, time.Local)

// at is a local time on receptionDay.
func at(h, m int) time.Time { return time.Date(2026, time.March, 15, h, m, 0, 0, time.Local) }

// desk is a Reception tab over a real store, with the staff the desk
// books for: jana (Jana Nováková), petr (Petr Dvořák) and the signed-in
// receptionist recepce (Eva Svobodová).
type desk struct {
	db   *datatest.DB
	h    *kittest.Host
	r    *receptionScreen
	w    fyne.Window
	user app.User
}

// openDesk opens Reception (and Sales, for Host.Open) for recepce with
// roles (reception only by default) on receptionDay. seed runs on the
// store before the tab is built, so the tab's first load sees it.
func openDesk(t *testing.T, seed func(db *datatest.DB), roles ...app.Role) *desk {
	t.Helper()
	db := datatest.MustOpen(t, datatest.Clock(receptionDay))
	if len(roles) == 0 {
		roles = []app.Role{app.RoleReception}
	}
	db.AddUser(t, "jana", "Jana Nováková", datatest.UserPassword, app.RoleSales)
	db.AddUser(t, "petr", "Petr Dvořák", datatest.UserPassword, app.RoleSales)
	u := db.AddUser(t, "recepce", "Eva Svobodová", datatest.UserPassword, roles...)
	if seed != nil {
		seed(db)
	}
	h := kittest.NewHost(t, kittest.Deps(db, u), datatest.TestCompany(), Module(), sales.Module())
	r, ok := h.Show("reception").(*receptionScreen)
	if !ok {
		t.Fatal("the Reception tab is not shown")
	}
	return &desk{db: db, h: h, r: r, w: h.Window(), user: u}
}

// ctx is signed in as the desk's receptionist.
func (d *desk) ctx() context.Context { return app.WithUser(context.Background(), d.user) }

// saveCustomer stores c as the admin; the test fails if the store refuses it.
func saveCustomer(t *testing.T, db *datatest.DB, c app.Customer) app.Customer {
	t.Helper()
	if c.Country == "" {
		c.Country = "CZ"
	}
	if c.PaymentDays == 0 {
		c.PaymentDays = 14
	}
	saved, err := db.SaveCustomer(db.Ctx, c)
	if err != nil {
		t.Fatalf("saving %s: %v", c.Name, err)
	}
	return saved
}

// allCustomers is every customer the store holds, by name.
func allCustomers(t *testing.T, db *datatest.DB) []app.Customer {
	t.Helper()
	cs, err := db.Customers(db.Ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// storedVisits are the visits that began on receptionDay, latest first.
func storedVisits(t *testing.T, db *datatest.DB) []app.Visit {
	t.Helper()
	vs, err := db.Visits(db.Ctx, app.DateOf(receptionDay))
	if err != nil {
		t.Fatal(err)
	}
	return vs
}

// storedAppointments are everyone's appointments on receptionDay.
func storedAppointments(t *testing.T, db *datatest.DB) []app.Appointment {
	t.Helper()
	as, err := db.Appointments(db.Ctx, at(0, 0), at(0, 0).AddDate(0, 0, 1), "")
	if err != nil {
		t.Fatal(err)
	}
	return as
}

// allInquiries are every inquiry, newest first.
func allInquiries(t *testing.T, db *datatest.DB) []app.Inquiry {
	t.Helper()
	qs, err := db.Inquiries(db.Ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// selectAfter finds the first select that follows the label with text.
func selectAfter(t *testing.T, root fyne.CanvasObject, label string) *widget.Select {
	t.Helper()
	seen := false
	for _, o := range kittest.Objects(root) {
		if l, ok := o.(*widget.Label); ok && l.Text == label {
			seen = true
		}
		if s, ok := o.(*widget.Select); ok && seen {
			return s
		}
	}
	t.Fatalf("no select after label %q", label)
	return nil
}

// overlayEntry returns the n-th text field of the top dialog.
var overlayEntry = kittest.OverlayEntry

// tapDialog taps the button with text in the top dialog.
var tapDialog = kittest.TapDialog

// enter presses Return in a field.
func enter(e fyne.Focusable) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

// retype replaces an entry's text as a user would.
var retype = kittest.Retype

// fieldMessage is what a form shows under the field labelled label: its
// error message and its warning ("" when hidden). A field's message and
// warning are the first danger and warning labels after its label.
func fieldMessage(t *testing.T, form fyne.CanvasObject, label string) (msg, warn string) {
	t.Helper()
	seen, gotMsg, gotWarn := false, false, false
	for _, o := range kittest.Objects(form) {
		l, ok := o.(*widget.Label)
		if !ok {
			continue
		}
		if !seen {
			seen = l.Text == label
			continue
		}
		switch {
		case l.Importance == widget.DangerImportance && !gotMsg:
			gotMsg = true
			if l.Visible() {
				msg = l.Text
			}
		case l.Importance == widget.WarningImportance && !gotWarn:
			gotWarn = true
			if l.Visible() {
				warn = l.Text
			}
		}
		if gotMsg && gotWarn {
			return msg, warn
		}
	}
	t.Fatalf("no field %q with a message in the form", label)
	return "", ""
}
