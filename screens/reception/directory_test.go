package reception

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

// TestReceptionSearchOpensCard: the search field has the focus when the tab
// opens; "zlutou kun" (typed without diacritics) finds the one customer
// whose words start so; Enter opens their card with their details, today's
// visit and appointment (staff by full name) and the desk's actions, and
// no invoices for a receptionist who may not read sales; Back returns to
// the list, where Down and Enter open the second of three matches — on the
// real store and its search index.
func TestReceptionSearchOpensCard(t *testing.T) {
	var kun, zlata app.Customer
	d := openDesk(t, func(db *datatest.DB) {
		kun = saveCustomer(t, db, app.Customer{Name: "Žluťoučký kůň s.r.o.", City: "Praha", Street: "Koňská 1", Email: "info@kun.cz"})
		zlata = saveCustomer(t, db, app.Customer{Name: "Zlatá kůže a.s.", City: "Brno"})
		saveCustomer(t, db, app.Customer{Name: "Koník Zlutý", City: "Kolín"}) // "kun" is no prefix of a word here
		if _, err := db.CheckIn(db.Ctx, app.Visit{Visitor: "Pavel Kůň", Company: kun.Name, CustomerID: kun.ID, Host: "jana", Purpose: "Porada",
			In: at(8, 5), Out: at(9, 40)}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveAppointment(db.Ctx, app.Appointment{CustomerID: kun.ID, Staff: "petr", Start: at(14, 0), End: at(15, 0), Place: "Showroom"}); err != nil {
			t.Fatal(err)
		}
	})
	r, w := d.r, d.w
	if w.Canvas().Focused() != r.dir.list.Search() {
		t.Fatalf("the search field has no focus when the tab opens: %T", w.Canvas().Focused())
	}
	test.Type(r.dir.list.Search(), "zlutou kun")
	if l := r.dir.list.List(); len(l) != 1 || l[0].ID != kun.ID {
		t.Fatalf("“zlutou kun” found %+v", l)
	}
	enter(r.dir.list.Search())
	if r.dir.card == nil || r.dir.card.card.Customer.ID != kun.ID {
		t.Fatal("Enter did not open the card")
	}
	got := kittest.Texts(w.Content()) + kittest.ButtonsText(w.Content())
	for _, want := range []string{"Žluťoučký kůň s.r.o.", "Koňská 1, Praha, CZ", "info@kun.cz",
		"08:05–09:40 · Pavel Kůň · Jana Nováková · Porada", "14:00–15:00 · Petr Dvořák · Showroom",
		"New appointment…", "Log inquiry…", "Check in visitor…", "Today's appointments (1)"} {
		if !strings.Contains(got, want) {
			t.Errorf("the card lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Open invoices") {
		t.Errorf("a receptionist without sales.read sees invoices:\n%s", got)
	}

	// Back to the list; Down and Enter open the second of three matches.
	test.Tap(kittest.Button(t, w.Content(), "Back to the directory"))
	if w.Canvas().Focused() != r.dir.list.Search() || r.dir.card != nil {
		t.Error("Back does not return to the search field")
	}
	retype(&r.dir.list.Search().Entry, "zl")
	l := r.dir.list.List()
	if len(l) != 3 {
		t.Fatalf("“zl” found %d", len(l))
	}
	r.dir.list.Search().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	enter(r.dir.list.Search())
	if r.dir.card == nil || r.dir.card.card.Customer.ID != l[1].ID {
		t.Fatalf("Down, Enter opened %+v, want %s", r.dir.card, l[1].Name)
	}
	if l[1].ID != zlata.ID {
		t.Errorf("the store sorts “zl” as %s, %s, %s", l[0].Name, l[1].Name, l[2].Name)
	}
}

// TestCardShowsOpenInvoicesToSales: a receptionist who may also read sales
// sees the customer's open invoice on the card; tapping it opens the
// invoice in Sales through Host.Open.
func TestCardShowsOpenInvoicesToSales(t *testing.T) {
	var cust app.Customer
	var inv app.SalesDoc
	d := openDesk(t, func(db *datatest.DB) {
		cust = saveCustomer(t, db, app.Customer{Name: "Kavárna U Lípy", City: "Praha", Street: "Koňská 1", Postcode: "110 00"})
		today := app.DateOf(receptionDay)
		doc, err := db.SaveDraft(db.Ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: cust.ID, IssueDate: today, TaxDate: today, DueDate: today.AddDays(14),
			Lines: []app.DocLine{{Text: "Stůl dubový", Quantity: app.Q(1), Unit: "ks", UnitPrice: 1000000, VATKind: app.VATStandard}}})
		if err != nil {
			t.Fatal(err)
		}
		if inv, err = db.Issue(db.Ctx, doc.ID); err != nil {
			t.Fatal(err)
		}
	}, app.RoleReception, app.RoleSales)
	r, w := d.r, d.w
	r.dir.openCard(cust.ID)
	got := kittest.Texts(w.Content()) + kittest.ButtonsText(w.Content())
	if !strings.Contains(got, "Open invoices") || !strings.Contains(got, inv.Number) || !strings.Contains(got, "12,100.00") && !strings.Contains(got, "12\u00a0100,00") {
		t.Fatalf("the card lacks the open invoice %s:\n%s", inv.Number, got)
	}
	var line string
	for _, s := range strings.Split(kittest.ButtonsText(w.Content()), "\n") {
		if strings.HasPrefix(s, inv.Number) {
			line = s
		}
	}
	test.Tap(kittest.Button(t, w.Content(), line))
	if o := d.h.Opened(); len(o) == 0 || o[len(o)-1] != "sales "+kit.ArgDoc(inv.ID) {
		t.Errorf("opened %v", o)
	}
}

// TestReceptionDuplicateICO: a new customer with an IČO on file is held
// back showing the customer who has it; "Back to the form" writes nothing,
// "Save anyway" (a branch) saves the second record and opens its card.
func TestReceptionDuplicateICO(t *testing.T) {
	d := openDesk(t, func(db *datatest.DB) {
		saveCustomer(t, db, app.Customer{Name: "Truhlářství Dub s.r.o.", ICO: "25596641", Street: "Lesní 4", City: "Jihlava", Postcode: "586 01"})
	})
	r, w, db := d.r, d.w, d.db
	test.Tap(kittest.Button(t, w.Content(), "New customer…"))
	form := w.Canvas().Overlays().Top()
	test.Type(kittest.FieldAfter(t, form, "Name"), "Truhlářství Dub – pobočka Brno")
	ico := kittest.FieldAfter(t, form, "IČO")
	test.Type(ico, "25596641")
	enter(ico)
	got := kittest.DialogText(w)
	if n := len(allCustomers(t, db)); n != 1 || !strings.Contains(got, "Truhlářství Dub s.r.o.") || !strings.Contains(got, "Lesní 4") || !strings.Contains(got, "Jihlava") {
		t.Fatalf("the duplicate was not held back with the existing customer shown (%d stored):\n%s", n, got)
	}
	tapDialog(t, w, "Back to the form")
	if n := len(allCustomers(t, db)); n != 1 || w.Canvas().Overlays().Top() != form {
		t.Fatalf("Back to the form: %d stored, top %v", n, w.Canvas().Overlays().Top())
	}
	if msg, _ := fieldMessage(t, form, "IČO"); msg == "" {
		t.Error("the IČO field is not marked")
	}
	tapDialog(t, w, "Save")
	tapDialog(t, w, "Save anyway")
	all := allCustomers(t, db)
	if len(all) != 2 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("not saved after confirming: %+v\n%s", all, kittest.DialogText(w))
	}
	var branch app.Customer
	for _, c := range all {
		if c.Name == "Truhlářství Dub – pobočka Brno" {
			branch = c
		}
	}
	if branch.ICO != "25596641" {
		t.Errorf("the branch stored as %+v", branch)
	}
	if r.dir.card == nil || r.dir.card.card.Customer.ID != branch.ID {
		t.Error("the new customer's card did not open")
	}
}

// TestCustomerFormMarksEveryFieldAndClearsOnCorrection: the form the desk
// opens with "New customer…" marks every wrong field at once on Save; each
// message goes as soon as its field is right (and not before); country
// names and postcodes are read as the CSV import reads them; an emoji is
// pointed out at its field but saved; a name of 200 characters is saved,
// one of 201 is refused at the name — on the real store.
func TestCustomerFormMarksEveryFieldAndClearsOnCorrection(t *testing.T) {
	d := openDesk(t, nil)
	r, w, db := d.r, d.w, d.db
	r.Open(kit.ArgNew) // Ctrl+N in the tab
	form := w.Canvas().Overlays().Top()
	if form == nil {
		t.Fatal("no customer form")
	}
	in := func(label string) *fieldEntry { return &fieldEntry{t, form, label} }
	msg := func(label string) string { m, _ := fieldMessage(t, form, label); return m }

	in("Country").set("XX")
	in("Postcode").set("6020")
	in("E-mail").set("kun@")
	tapDialog(t, w, "Save")
	for _, label := range []string{"Name", "Country", "E-mail"} {
		if msg(label) == "" {
			t.Errorf("Save did not mark %s", label)
		}
	}
	if w.Canvas().Overlays().Top() != form || len(allCustomers(t, db)) != 0 {
		t.Fatal("the form closed or saved with wrong fields")
	}

	// Typing a name clears the name's message at once; the others stay.
	in("Name").set("Kavárna U Lípy 😀")
	if msg("Name") != "" || msg("E-mail") == "" {
		t.Errorf("after the name: name %q, e-mail %q", msg("Name"), msg("E-mail"))
	}
	if _, warn := fieldMessage(t, form, "Name"); !strings.Contains(warn, "😀") {
		t.Errorf("no warning about the emoji: %q", warn)
	}
	// A country written out is the form's CZ, as in the CSV import; then the
	// postcode is judged as Czech: still wrong until it has five digits.
	in("Country").set("Česko")
	if m := msg("Country"); m != "" {
		t.Errorf("Česko is refused: %q", m)
	}
	tapDialog(t, w, "Save")
	if m := msg("Postcode"); !strings.Contains(m, "five digits") {
		t.Errorf("postcode 6020 says %q", m)
	}
	in("Postcode").set("60200")
	in("E-mail").set("kavarna@lipa.cz")
	if msg("Postcode") != "" || msg("E-mail") != "" {
		t.Errorf("corrected fields still marked: %q, %q", msg("Postcode"), msg("E-mail"))
	}

	// The longest name the store keeps is 200 characters (Czech letters
	// count as one each); one more is refused at the name.
	long := []rune(strings.Repeat("Žluťoučký kůň úpěl ďábelské ódy ", 7))
	in("Name").set(string(long[:201]))
	tapDialog(t, w, "Save")
	if m := msg("Name"); !strings.Contains(m, "longer than 200") || len(allCustomers(t, db)) != 0 {
		t.Fatalf("a 201-character name: %q", m)
	}
	in("Name").set(string(long[:199]) + "😀")
	tapDialog(t, w, "Save")
	all := allCustomers(t, db)
	if len(all) != 1 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("not saved: %+v\n%s", all, kittest.DialogText(w))
	}
	saved := all[0]
	if saved.Country != "CZ" || saved.Postcode != "602 00" || saved.Name != string(long[:199])+"😀" || saved.Email != "kavarna@lipa.cz" {
		t.Fatalf("saved %+v", saved)
	}
	if r.dir.card == nil || r.dir.card.card.Customer.ID != saved.ID {
		t.Error("the new customer's card did not open")
	}
}

// fieldEntry types into the form field labelled label as a person would.
type fieldEntry struct {
	t     *testing.T
	form  fyne.CanvasObject
	label string
}

func (f *fieldEntry) set(text string) {
	f.t.Helper()
	retype(kittest.FieldAfter(f.t, f.form, f.label), text)
}
