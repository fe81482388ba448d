package screens

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// receptionTestScreen opens the Reception tab in the shell for the
// receptionist "recepce" (Eva Svobodová) over the fakes, with roles as given
// (reception only by default).
func receptionTestScreen(t *testing.T, roles ...app.Role) (*shell, *receptionScreen, fyne.Window, kit.Deps) {
	t.Helper()
	a := test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	users, _ := fakesOf(d)
	if len(roles) == 0 {
		roles = []app.Role{app.RoleReception}
	}
	d.Sess.User = users.mustAdd(app.NewUser{Name: "recepce", FullName: "Eva Svobodová", Roles: roles, Password: "kontor-demo"})
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1366, 850))
	sh := openTestShell(a, w, d, c)
	if receptionOf(sh) == nil || sh.currentTabID() != "reception" {
		t.Fatalf("the Reception tab is not on show (%q)", sh.currentTabID())
	}
	return sh, receptionOf(sh), w, d
}

// selectAfter finds the first select that follows the label with text.
func selectAfter(t *testing.T, root fyne.CanvasObject, label string) *widget.Select {
	t.Helper()
	seen := false
	for _, o := range objects(root) {
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

// enter presses Return in an entry.
func enter(e fyne.Focusable) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }

// at is a local time on the fake clock's day (15 March 2026).
func at(h, m int) time.Time { return time.Date(2026, 3, 15, h, m, 0, 0, time.Local) }

func TestReceptionSearchOpensCard(t *testing.T) {
	_, r, w, d := receptionTestScreen(t)
	customers, _, _ := salesFakes(d)
	rec, _ := receptionFakes(d)
	customers.list = []app.Customer{
		{ID: "C001", Name: "Žluťoučký kůň s.r.o.", City: "Praha", Street: "Koňská 1", Country: "CZ", Email: "info@kun.cz", PaymentDays: 14},
		{ID: "C002", Name: "Zlatá kůže a.s.", City: "Brno", Country: "CZ"},
		{ID: "C003", Name: "Koník Zlutý", City: "Kolín", Country: "CZ"}, // "kun" is no prefix of a word here
	}
	rec.visits = []app.Visit{{ID: "V1", Visitor: "Pavel Kůň", Company: "Žluťoučký kůň s.r.o.", CustomerID: "C001", Host: "jana", Purpose: "Porada",
		In: at(8, 5), Out: at(9, 40)}}
	rec.appts = []app.Appointment{{ID: "A1", CustomerID: "C001", Customer: "Žluťoučký kůň s.r.o.", Staff: "petr", Start: at(14, 0), End: at(15, 0), Place: "Showroom"}}

	r.shown() // the tab comes into view again: the overview reloads
	if w.Canvas().Focused() != r.dir.list.Search() {
		t.Fatalf("the search field has no focus when the tab opens: %T", w.Canvas().Focused())
	}
	test.Type(r.dir.list.Search(), "zlutou kun")
	if len(r.dir.list.List()) != 1 || r.dir.list.List()[0].ID != "C001" {
		t.Fatalf("“zlutou kun” found %+v", r.dir.list.List())
	}
	enter(r.dir.list.Search())
	if r.dir.card == nil {
		t.Fatal("Enter did not open the card")
	}
	got := texts(w.Content()) + buttonsText(w.Content())
	for _, want := range []string{"Žluťoučký kůň s.r.o.", "Koňská 1, Praha, CZ", "info@kun.cz",
		"08:05–09:40 · Pavel Kůň · Jana Nováková · Porada", "14:00–15:00 · Petr Dvořák · Showroom",
		"New appointment…", "Log inquiry…", "Check in visitor…", "Today's appointments (1)"} {
		if !strings.Contains(got, want) {
			t.Errorf("the card lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Open invoices") {
		t.Error("a receptionist without sales.read sees invoices")
	}

	// Back to the list; Down and Enter open the second of three matches.
	test.Tap(button(t, w.Content(), "Back to the directory"))
	retype(&r.dir.list.Search().Entry, "zl")
	if len(r.dir.list.List()) != 3 {
		t.Fatalf("“zl” found %d", len(r.dir.list.List()))
	}
	r.dir.list.Search().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	enter(r.dir.list.Search())
	if r.dir.card == nil || r.dir.card.card.Customer.ID != "C002" {
		t.Fatalf("Down, Enter opened %+v", r.dir.card)
	}
}

func TestReceptionCheckInCheckOut(t *testing.T) {
	_, r, w, d := receptionTestScreen(t)
	rec, _ := receptionFakes(d)
	clock := d.Services.Clock.(*app.FixedClock)
	r.tabs.SelectIndex(1)
	test.Tap(button(t, w.Content(), "Check in visitor…"))
	form := w.Canvas().Overlays().Top()
	if host := selectAfter(t, form, "Visiting"); host.Selected != "" {
		t.Errorf("host preselected %q", host.Selected)
	}
	enter(inputAfter(t, form, "Visitor"))
	if len(rec.visits) != 0 || !strings.Contains(dialogText(w), "is required") {
		t.Fatalf("an empty check-in went through:\n%s", dialogText(w))
	}
	test.Type(inputAfter(t, form, "Visitor"), "Jan")
	enter(inputAfter(t, form, "Visitor"))
	if len(rec.visits) != 0 || !strings.Contains(texts(form), "is required") {
		t.Fatalf("a check-in without a host went through:\n%s", texts(form))
	}
	retype(inputAfter(t, form, "Visitor"), "")
	test.Type(inputAfter(t, form, "Visitor"), "Jan Dvořák")
	test.Type(inputAfter(t, form, "Company"), "Dvořák stavby")
	selectAfter(t, form, "Visiting").SetSelected("Petr Dvořák")
	test.Type(inputAfter(t, form, "Purpose"), "Schůzka")
	badge := inputAfter(t, form, "Badge number")
	test.Type(badge, "7")
	enter(badge)
	if len(rec.visits) != 1 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("check-in: %+v\n%s", rec.visits, dialogText(w))
	}
	if v := rec.visits[0]; v.Host != "petr" || v.Badge != "7" || v.Company != "Dvořák stavby" {
		t.Errorf("checked in %+v", v)
	}
	got := texts(w.Content())
	if !strings.Contains(got, "Jan Dvořák (Dvořák stavby) · Petr Dvořák · since 10:00 · badge 7") || !strings.Contains(got, "In the building (1)") {
		t.Fatalf("not listed in the building:\n%s", got)
	}

	// Print badge without a renderer says so.
	test.Tap(button(t, w.Content(), "Print badge"))
	if !strings.Contains(dialogText(w), "not available") {
		t.Errorf("badge without renderer: %q", dialogText(w))
	}
	closeDialogs(w)

	clock.Advance(42 * time.Minute)
	first := rec.visits[0]
	test.Tap(button(t, w.Content(), "Check out"))
	if rec.visits[0].Inside() || len(r.visitors.inside) != 0 || len(r.overview.inside) != 0 {
		t.Fatalf("still inside after check-out: %+v", rec.visits[0])
	}
	if len(r.visitors.history) != 1 || !strings.Contains(texts(w.Content()), "10:42") {
		t.Errorf("today's history lacks the visit:\n%s", texts(w.Content()))
	}
	r.visitors.checkOut(first) // a stale row: the second check-out is refused
	if got := dialogText(w); !strings.Contains(got, "checked out already at 10:42") {
		t.Errorf("second check-out: %q", got)
	}
	closeDialogs(w)

	// The history of yesterday is empty; today's comes back.
	test.Tap(button(t, w.Content(), "Today"))
	r.visitors.setDay(r.visitors.day.AddDays(-1))
	if len(r.visitors.history) != 0 {
		t.Errorf("yesterday shows %d visits", len(r.visitors.history))
	}
	r.visitors.setDay(app.Today(clock))
	if len(r.visitors.history) != 1 {
		t.Errorf("today shows %d visits", len(r.visitors.history))
	}
}

func TestReceptionAppointmentCollision(t *testing.T) {
	_, r, w, d := receptionTestScreen(t)
	customers, _, _ := salesFakes(d)
	rec, _ := receptionFakes(d)
	customers.list = []app.Customer{{ID: "C001", Name: "Novák Interiéry s.r.o.", City: "Brno", Country: "CZ"}}
	r.tabs.SelectIndex(2)

	book := func(staff, start, end string) fyne.CanvasObject {
		t.Helper()
		test.Tap(button(t, w.Content(), "New appointment…"))
		form := w.Canvas().Overlays().Top()
		test.Tap(button(t, form, "Choose…"))
		enter(overlayEntry(t, w, 0)) // the picker: Enter takes the first customer
		selectAfter(t, form, "Staff member").SetSelected(staff)
		test.Type(inputAfter(t, form, "Start"), start)
		if end != "" {
			retype(inputAfter(t, form, "End"), end)
		}
		test.Tap(button(t, form, "Save"))
		return form
	}
	book("Petr Dvořák", "10:00", "")
	if len(rec.appts) != 1 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("first appointment: %+v\n%s", rec.appts, dialogText(w))
	}
	if a := rec.appts[0]; a.Customer != "Novák Interiéry s.r.o." || !a.Start.Equal(at(10, 0)) || !a.End.Equal(at(11, 0)) || a.Staff != "petr" {
		t.Errorf("stored %+v", a)
	}
	if got := texts(w.Content()); !strings.Contains(got, "10:00–11:00 · Novák Interiéry s.r.o. · Petr Dvořák") {
		t.Errorf("the day view lacks it:\n%s", got)
	}

	form := book("Petr Dvořák", "10:30", "")
	msg := texts(form)
	if len(rec.appts) != 1 || !strings.Contains(msg, "Petr Dvořák already has an appointment 15. 3. 10:00–11:00 with Novák Interiéry s.r.o.") {
		t.Fatalf("the overlap was not refused at the start field: %d saved\n%s", len(rec.appts), msg)
	}
	startAt := strings.Index(msg, "Start")
	if i := strings.Index(msg, "already has"); i < startAt || i > strings.Index(msg, "Duration (minutes)") {
		t.Errorf("the message is not under the start field:\n%s", msg)
	}
	selectAfter(t, form, "Staff member").SetSelected("Jana Nováková")
	test.Tap(button(t, form, "Save"))
	if len(rec.appts) != 2 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("another staff member's appointment was refused: %d\n%s", len(rec.appts), dialogText(w))
	}

	form = book("Petr Dvořák", "14:00", "13:00")
	if len(rec.appts) != 2 || !strings.Contains(texts(form), "the appointment ends before it starts") {
		t.Fatalf("an end before the start went through:\n%s", texts(form))
	}
	closeDialogs(w)

	// The week view lists both on Sunday 15 March; Petr's filter keeps one.
	r.appts.mode.SetSelected("Week")
	got := texts(w.Content())
	if !strings.Contains(got, "Monday 9 Mar 2026") && !strings.Contains(got, "Monday") {
		t.Errorf("week view:\n%s", got)
	}
	r.appts.staffSel.SetSelected("Petr Dvořák")
	n := 0
	for _, row := range r.appts.rows {
		if row.appt != nil {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Petr's week shows %d appointments", n)
	}
}

func TestReceptionLogInquiry(t *testing.T) {
	_, r, w, d := receptionTestScreen(t, app.RoleReception, app.RoleSales)
	customers, _, _ := salesFakes(d)
	rec, _ := receptionFakes(d)
	customers.list = []app.Customer{{ID: "C001", Name: "Novák Interiéry s.r.o.", Street: "Masarykova 5", City: "Brno", Country: "CZ", Currency: "CZK", PaymentDays: 14}}
	r.tabs.SelectIndex(3)
	test.Tap(button(t, w.Content(), "Log inquiry…"))
	form := w.Canvas().Overlays().Top()
	test.Tap(button(t, form, "Choose…"))
	test.Type(overlayEntry(t, w, 0), "novak")
	enter(overlayEntry(t, w, 0))
	selectAfter(t, form, "Channel").SetSelected("phone")
	topic := inputAfter(t, form, "Topic")
	test.Type(topic, "Kuchyňská linka na míru")
	enter(topic)
	if len(rec.inquiries) != 1 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("inquiry not logged: %+v\n%s", rec.inquiries, dialogText(w))
	}
	q := rec.inquiries[0]
	if q.CustomerID != "C001" || q.Channel != app.ChannelPhone || q.Status != app.InquiryNew || q.Assigned != "recepce" {
		t.Errorf("logged %+v", q)
	}
	if !strings.Contains(texts(w.Content()), "Open inquiries (1)") {
		t.Error("the overview does not count it")
	}
	test.Tap(button(t, w.Content(), "Start work"))
	if rec.inquiries[0].Status != app.InquiryInProgress {
		t.Fatalf("status %s", rec.inquiries[0].Status)
	}
	// Creating its quote: TestInquiryBecomesQuoteForReceptionAndSales, on the real store.
}

func TestReceptionDuplicateICO(t *testing.T) {
	_, r, w, d := receptionTestScreen(t)
	customers, _, _ := salesFakes(d)
	customers.list = []app.Customer{{ID: "C001", Name: "Truhlářství Dub s.r.o.", ICO: "27082440", Street: "Lesní 4", City: "Jihlava", Country: "CZ"}}
	test.Tap(button(t, w.Content(), "New customer…"))
	form := w.Canvas().Overlays().Top()
	test.Type(inputAfter(t, form, "Name"), "Truhlářství Dub – pobočka Brno")
	ico := inputAfter(t, form, "IČO")
	test.Type(ico, "27082440")
	enter(ico)
	got := dialogText(w)
	if len(customers.list) != 1 || !strings.Contains(got, "Truhlářství Dub s.r.o.") || !strings.Contains(got, "Lesní 4, Jihlava") {
		t.Fatalf("the duplicate was not held back with the existing customer shown:\n%s", got)
	}
	tapDialog(t, w, "Save anyway")
	if len(customers.list) != 2 || customers.list[1].ICO != "27082440" || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("not saved after confirming: %+v\n%s", customers.list, dialogText(w))
	}
	if r.dir.card == nil || r.dir.card.card.Customer.ID != customers.list[1].ID {
		t.Error("the new customer's card did not open")
	}
}

func TestReceptionImportCSV(t *testing.T) {
	_, r, w, d := receptionTestScreen(t)
	customers, _, _ := salesFakes(d)
	_, imp := receptionFakes(d)
	customers.list = []app.Customer{{ID: "C001", Name: "Truhlářství Dub s.r.o.", ICO: "25596641", Country: "CZ"}}
	if !strings.Contains(buttonsText(w.Content()), "Import customers…") {
		t.Fatal("no Import button")
	}
	csv := "Název;IČO;Město;E-mail\n" +
		"Žluťoučký kůň s.r.o.;27082440;Praha;info@kun.cz\n" +
		";;Brno;\n" +
		"Bílý kůň;;Plzeň;spatny-email\n" +
		"Kůň dvojník;27082440;Ostrava;\n" +
		"Dub podruhé;25596641;Jihlava;\n" +
		"Novák;;Brno;novak@example.cz\n"
	r.previewImport("zakaznici.csv", []byte(csv))
	got := dialogText(w)
	if !strings.Contains(got, "2 customers can be imported, 4 rows are refused") {
		t.Fatalf("preview:\n%s", got)
	}
	for _, want := range []string{"line 3", "line 4", "line 5", "line 6", "e-mail", "already on line 2", "Truhlářství Dub s.r.o."} {
		if !strings.Contains(got, want) {
			t.Errorf("the preview lacks %q:\n%s", want, got)
		}
	}
	if len(customers.list) != 1 {
		t.Fatal("the dry run wrote customers")
	}
	tapDialog(t, w, "Import 2 customers")
	if len(customers.list) != 3 || !strings.Contains(dialogText(w), "Imported 2 customers") {
		t.Fatalf("import: %d customers\n%s", len(customers.list), dialogText(w))
	}
	if len(imp.runs) != 2 || !imp.runs[0] || imp.runs[1] {
		t.Errorf("importer runs %v", imp.runs)
	}
	closeDialogs(w)

	// A file that is not CSV shows the parser's message; nothing is imported.
	r.previewImport("logo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	if got := dialogText(w); !strings.Contains(got, "Something went wrong") || len(imp.runs) != 2 {
		t.Errorf("binary file: %q, runs %v", got, imp.runs)
	}
	closeDialogs(w)
	r.previewImport("bez-nazvu.csv", []byte("IČO;Město\n27082440;Praha\n"))
	if got := dialogText(w); len(imp.runs) != 2 || got == "" {
		t.Errorf("no name column: %q", got)
	}
}
