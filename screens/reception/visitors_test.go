package reception

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/app/mock"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

// TestReceptionCheckInCheckOut: the check-in form refuses no name and no
// host (the desk never guesses whom a visitor comes to), takes Czech names,
// lists the visitor in the building; check-out moves them to the day's
// history, and a second check-out of the same visit (a stale row) is
// refused naming the time they left — on the real store.
func TestReceptionCheckInCheckOut(t *testing.T) {
	d := openDesk(t, nil)
	r, w, db := d.r, d.w, d.db
	r.tabs.SelectIndex(1)
	test.Tap(kittest.Button(t, w.Content(), "Check in visitor…"))
	form := w.Canvas().Overlays().Top()
	if host := selectAfter(t, form, "Visiting"); host.Selected != "" {
		t.Errorf("host preselected %q", host.Selected)
	}
	enter(kittest.FieldAfter(t, form, "Visitor"))
	if len(storedVisits(t, db)) != 0 || !strings.Contains(kittest.DialogText(w), "is required") {
		t.Fatalf("an empty check-in went through:\n%s", kittest.DialogText(w))
	}
	test.Type(kittest.FieldAfter(t, form, "Visitor"), "Jan")
	enter(kittest.FieldAfter(t, form, "Visitor"))
	if len(storedVisits(t, db)) != 0 || !strings.Contains(kittest.Texts(form), "is required") {
		t.Fatalf("a check-in without a host went through:\n%s", kittest.Texts(form))
	}
	retype(kittest.FieldAfter(t, form, "Visitor"), "Jan Dvořák")
	test.Type(kittest.FieldAfter(t, form, "Company"), "Dvořák stavby")
	selectAfter(t, form, "Visiting").SetSelected("Petr Dvořák")
	test.Type(kittest.FieldAfter(t, form, "Purpose"), "Schůzka")
	badge := kittest.FieldAfter(t, form, "Badge number")
	test.Type(badge, "7")
	enter(badge)
	visits := storedVisits(t, db)
	if len(visits) != 1 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("check-in: %+v\n%s", visits, kittest.DialogText(w))
	}
	if v := visits[0]; v.Visitor != "Jan Dvořák" || v.Host != "petr" || v.Badge != "7" || v.Company != "Dvořák stavby" || v.Purpose != "Schůzka" || !v.In.Equal(at(10, 0)) {
		t.Errorf("checked in %+v", v)
	}
	got := kittest.Texts(w.Content())
	if !strings.Contains(got, "Jan Dvořák (Dvořák stavby) · Petr Dvořák · since 10:00 · badge 7") || !strings.Contains(got, "In the building (1)") {
		t.Fatalf("not listed in the building:\n%s", got)
	}
	if len(r.overview.inside) != 1 {
		t.Errorf("the overview counts %d inside", len(r.overview.inside))
	}

	d.db.Clock.Advance(42 * time.Minute)
	first := r.visitors.inside[0]
	test.Tap(kittest.Button(t, w.Content(), "Check out"))
	visits = storedVisits(t, db)
	if len(visits) != 1 || visits[0].Inside() || !visits[0].Out.Equal(at(10, 42)) || len(r.visitors.inside) != 0 || len(r.overview.inside) != 0 {
		t.Fatalf("still inside after check-out: %+v", visits)
	}
	if inside, err := db.InBuilding(db.Ctx); err != nil || len(inside) != 0 {
		t.Errorf("the store has %d inside (%v)", len(inside), err)
	}
	if got := kittest.Texts(w.Content()); len(r.visitors.history) != 1 || !strings.Contains(got, "10:42") || !strings.Contains(got, "In the building (0)") {
		t.Errorf("today's history lacks the visit:\n%s", got)
	}

	// Checking out twice: the row was stale (another desk was quicker).
	r.visitors.checkOut(first)
	if got := kittest.DialogText(w); !strings.Contains(got, "Jan Dvořák checked out already at 10:42") {
		t.Errorf("second check-out: %q", got)
	}
	kittest.CloseDialogs(w)
	if v := storedVisits(t, db); len(v) != 1 || !v[0].Out.Equal(at(10, 42)) {
		t.Errorf("the second check-out changed the visit: %+v", v)
	}

	// Yesterday's history is empty; today's comes back; a wrong date is
	// pointed out beside the field.
	r.visitors.setDay(r.visitors.day.AddDays(-1))
	if len(r.visitors.history) != 0 {
		t.Errorf("yesterday shows %d visits", len(r.visitors.history))
	}
	test.Tap(kittest.Button(t, w.Content(), "Today"))
	if len(r.visitors.history) != 1 || r.visitors.day != app.DateOf(receptionDay) {
		t.Errorf("today shows %d visits (day %v)", len(r.visitors.history), r.visitors.day)
	}
	retype(r.visitors.dayEntry, "31. 2. 2026")
	enter(r.visitors.dayEntry)
	if !r.visitors.dayMsg.Visible() || r.visitors.dayMsg.Text == "" || len(r.visitors.history) != 1 {
		t.Errorf("a wrong date: message %q, %d visits", r.visitors.dayMsg.Text, len(r.visitors.history))
	}
}

// TestCheckInFromCardLinksTheCustomer: "Check in visitor…" on a customer's
// card fills the company with their name and links the visit to them; the
// visit then shows on their card. A visitor's name of 200 characters is
// refused at its field (at most 100) and nothing is written; 100 Czech
// letters are kept whole.
func TestCheckInFromCardLinksTheCustomer(t *testing.T) {
	name := []rune(strings.Repeat("Řehoř Žluťoučký ", 13))
	long, ok := string(name[:200]), string(name[:100])
	var cust app.Customer
	d := openDesk(t, func(db *datatest.DB) {
		cust = saveCustomer(t, db, app.Customer{Name: "Žluťoučký kůň s.r.o.", City: "Praha"})
	})
	r, w, db := d.r, d.w, d.db
	r.dir.openCard(cust.ID)
	test.Tap(kittest.Button(t, w.Content(), "Check in visitor…"))
	form := w.Canvas().Overlays().Top()
	if got := kittest.FieldAfter(t, form, "Company").Text; got != "Žluťoučký kůň s.r.o." {
		t.Errorf("company prefilled %q", got)
	}
	visitor := kittest.FieldAfter(t, form, "Visitor")
	test.Type(visitor, long)
	selectAfter(t, form, "Visiting").SetSelected("Jana Nováková")
	tapDialog(t, w, "Check in")
	if got := kittest.Texts(form); len(storedVisits(t, db)) != 0 || !strings.Contains(got, "is longer than 100 characters") ||
		strings.Index(got, "longer than") < strings.Index(got, "Visitor") || strings.Index(got, "longer than") > strings.Index(got, "Company") {
		t.Fatalf("a 200-character visitor was not refused at the field:\n%s", got)
	}
	retype(visitor, ok)
	tapDialog(t, w, "Check in")
	visits := storedVisits(t, db)
	if len(visits) != 1 || visits[0].CustomerID != cust.ID || visits[0].Visitor != ok || visits[0].Host != "jana" {
		t.Fatalf("stored %+v\n%s", visits, kittest.DialogText(w))
	}
	if got := kittest.Texts(w.Content()); !strings.Contains(got, "10:00– · "+ok+" · Jana Nováková") {
		t.Errorf("the card lacks the visit:\n%s", got)
	}
}

// TestPrintBadgeFailureSaysSoAndLeavesNoFile: when the badge cannot be
// written (a printer failure the real store cannot give: app/mock), the
// desk sees the reason, no viewer opens and no half-written file is left.
func TestPrintBadgeFailureSaysSoAndLeavesNoFile(t *testing.T) {
	db := datatest.MustOpen(t, datatest.Clock(receptionDay))
	u := db.AddUser(t, "recepce", "Eva Svobodová", datatest.UserPassword, app.RoleReception)
	if _, err := db.CheckIn(db.Ctx, app.Visit{Visitor: "Pavel Kůň", Host: "recepce", Badge: "7"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	badgeDir = func() string { return dir }
	var opened []string
	kit.OpenFile = func(path string) { opened = append(opened, path) }
	t.Cleanup(func() {
		kit.OpenFile = func(string) {}
		badgeDir = func() string { return filepath.Join(os.TempDir(), "kontor-badges") }
	})
	deps := kittest.Deps(db, u)
	deps.Printer = &mock.Printer{PrintFn: func(w io.Writer, _ app.Printable, _ app.Company) error {
		io.WriteString(w, "%PDF-1.4 half")
		return app.Errorf(app.EINTERNAL, "err.test.disk_full", "the disk is full", nil)
	}}
	h := kittest.NewHost(t, deps, datatest.TestCompany(), Module())
	r := h.Show("reception").(*receptionScreen)
	r.tabs.SelectIndex(1)
	w := h.Window()
	test.Tap(kittest.Button(t, w.Content(), "Print badge"))
	if got := kittest.DialogText(w); !strings.Contains(got, "the disk is full") {
		t.Errorf("the desk sees %q", got)
	}
	if len(opened) != 0 {
		t.Errorf("a viewer opened %v", opened)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("files left in the badge folder: %v", left)
	}
}
