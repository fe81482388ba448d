package reception

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// TestReceptionLogInquiry: an inquiry logged for a customer found in the
// picker ("novak" finds Novák) is stored new, by phone, assigned to the
// receptionist who took it; the overview counts it; "Start work" moves it
// on, and Won ends it (it leaves the open list) — on the real store.
func TestReceptionLogInquiry(t *testing.T) {
	var cust app.Customer
	d := openDesk(t, func(db *datatest.DB) {
		cust = saveCustomer(t, db, app.Customer{Name: "Novák Interiéry s.r.o.", Street: "Masarykova 5", City: "Brno", Postcode: "602 00", Currency: "CZK"})
	}, app.RoleReception, app.RoleSales)
	r, w, db := d.r, d.w, d.db
	r.tabs.SelectIndex(3)
	test.Tap(kittest.Button(t, w.Content(), "Log inquiry…"))
	form := w.Canvas().Overlays().Top()
	if got := selectAfter(t, form, "Assigned to").Selected; got != "Eva Svobodová" {
		t.Errorf("assigned by default to %q", got)
	}
	test.Tap(kittest.Button(t, form, "Choose…"))
	test.Type(overlayEntry(t, w, 0), "novak")
	enter(overlayEntry(t, w, 0))
	if got := kittest.Texts(form); !strings.Contains(got, "Novák Interiéry s.r.o.") {
		t.Fatalf("the picked customer is not shown:\n%s", got)
	}
	selectAfter(t, form, "Channel").SetSelected("phone")
	topic := kittest.FieldAfter(t, form, "Topic")
	test.Type(topic, "Kuchyňská linka na míru")
	enter(topic)
	all := allInquiries(t, db)
	if len(all) != 1 || w.Canvas().Overlays().Top() != nil {
		t.Fatalf("inquiry not logged: %+v\n%s", all, kittest.DialogText(w))
	}
	q := all[0]
	if q.CustomerID != cust.ID || q.Contact != cust.Name || q.Channel != app.ChannelPhone || q.Status != app.InquiryNew ||
		q.Assigned != "recepce" || q.Topic != "Kuchyňská linka na míru" {
		t.Errorf("logged %+v", q)
	}
	got := kittest.Texts(w.Content())
	if !strings.Contains(got, "Open inquiries (1)") || !strings.Contains(got, "Novák Interiéry s.r.o. · Kuchyňská linka na míru") {
		t.Errorf("the overview does not list it:\n%s", got)
	}
	if r.inquiries.current != q.ID || !strings.Contains(got, "assigned to Eva Svobodová") {
		t.Errorf("the new inquiry is not shown in full (current %q):\n%s", r.inquiries.current, got)
	}
	test.Tap(kittest.Button(t, w.Content(), "Start work"))
	if s := allInquiries(t, db)[0].Status; s != app.InquiryInProgress {
		t.Fatalf("status after Start work: %s", s)
	}
	if strings.Contains(kittest.ButtonsText(w.Content()), "Start work") {
		t.Error("Start work is still offered")
	}
	test.Tap(kittest.Button(t, w.Content(), "Won"))
	if s := allInquiries(t, db)[0].Status; s != app.InquiryWon {
		t.Fatalf("status after Won: %s", s)
	}
	if got := kittest.Texts(w.Content()); !strings.Contains(got, "Open inquiries (0)") || len(r.inquiries.list) != 0 {
		t.Errorf("a won inquiry is still open:\n%s", got)
	}
	// Creating its quote: TestInquiryBecomesQuoteForReceptionAndSales.
}

// TestInquiryFormMarksEveryField: the inquiry form marks the missing contact
// and topic at once, and each goes when typed; the new contact is stored
// with no customer — on the real store.
func TestInquiryFormMarksEveryField(t *testing.T) {
	d := openDesk(t, nil)
	r, w, db := d.r, d.w, d.db
	r.tabs.SelectIndex(3)
	r.inquiries.logInquiry(nil)
	form := w.Canvas().Overlays().Top()
	tapDialog(t, w, "Save")
	if got := kittest.Texts(form); strings.Count(got, "is required") != 2 {
		t.Fatalf("Save marked:\n%s", got)
	}
	if m, _ := fieldMessage(t, form, "New contact"); m != "is required" {
		t.Errorf("the contact says %q", m)
	}
	if m, _ := fieldMessage(t, form, "Topic"); m != "is required" {
		t.Errorf("the topic says %q", m)
	}
	test.Type(kittest.FieldAfter(t, form, "New contact"), "Pavel Kůň")
	if got := kittest.Texts(form); strings.Count(got, "is required") != 1 {
		t.Errorf("after the contact:\n%s", got)
	}
	test.Type(kittest.FieldAfter(t, form, "Topic"), "Stoly")
	if got := kittest.Texts(form); strings.Contains(got, "is required") {
		t.Errorf("after the topic:\n%s", got)
	}
	if len(allInquiries(t, db)) != 0 {
		t.Fatal("stored before Save")
	}
	tapDialog(t, w, "Save")
	all := allInquiries(t, db)
	if len(all) != 1 || all[0].Topic != "Stoly" || all[0].Contact != "Pavel Kůň" || all[0].CustomerID != "" {
		t.Fatalf("stored %+v", all)
	}
}

// TestInquiryOfNewContactBecomesCustomerThenQuote: "Create quote" on an
// inquiry from a new contact opens the customer form with their name; once
// saved, the inquiry is theirs and its draft quote is made — on the real
// store.
func TestInquiryOfNewContactBecomesCustomerThenQuote(t *testing.T) {
	var q app.Inquiry
	d := openDesk(t, func(db *datatest.DB) {
		var err error
		q, err = db.SaveInquiry(db.Ctx, app.Inquiry{Contact: "Pavel Kůň", Channel: app.ChannelWalkIn, Topic: "Jídelní stůl", Assigned: "jana"})
		if err != nil {
			t.Fatal(err)
		}
	})
	r, w, db := d.r, d.w, d.db
	r.tabs.SelectIndex(3)
	r.inquiries.show(q.ID)
	test.Tap(kittest.Button(t, w.Content(), "Create quote"))
	form := w.Canvas().Overlays().Top()
	if form == nil || kittest.FieldAfter(t, form, "Name").Text != "Pavel Kůň" {
		t.Fatalf("no customer form with the contact's name:\n%s", kittest.DialogText(w))
	}
	test.Type(kittest.FieldAfter(t, form, "City"), "Brno")
	tapDialog(t, w, "Save")
	custs := allCustomers(t, db)
	saved := storedInquiry(t, db, q.ID)
	if len(custs) != 1 || saved.CustomerID != custs[0].ID || saved.Status != app.InquiryQuoted || saved.QuoteID == "" {
		t.Fatalf("customers %+v, inquiry %+v\n%s", custs, saved, kittest.DialogText(w))
	}
	if got := kittest.DialogText(w); !strings.Contains(got, "The draft quote for Pavel Kůň is made") {
		t.Errorf("the desk hears %q", got)
	}
}

// TestAfterSalesWorksInquiriesButMakesNoQuote: after-sales works the desk's
// inquiries (Start work) but may not quote: no Create quote button, and the
// store refuses the quote; "quoted" without a quote is refused whoever
// asks — on the real store.
func TestAfterSalesWorksInquiriesButMakesNoQuote(t *testing.T) {
	var q app.Inquiry
	d := openDesk(t, func(db *datatest.DB) {
		var err error
		q, err = db.SaveInquiry(db.Ctx, app.Inquiry{Contact: "Pavel Kůň", Channel: app.ChannelPhone, Topic: "Oprava židle", Assigned: "jana"})
		if err != nil {
			t.Fatal(err)
		}
	}, app.RoleAftersales)
	r, w, db := d.r, d.w, d.db
	r.tabs.SelectIndex(3)
	r.inquiries.show(q.ID)
	if got := kittest.ButtonsText(w.Content()); strings.Contains(got, "Create quote") || !strings.Contains(got, "Start work") {
		t.Errorf("after-sales inquiry buttons:\n%s", got)
	}
	if _, _, err := db.QuoteInquiry(d.ctx(), q.ID); app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Errorf("after-sales quoting: %v", err)
	}
	var e *app.Error
	if _, err := db.SetInquiryStatus(db.Ctx, q.ID, app.InquiryQuoted, ""); !errors.As(err, &e) || e.Key != "err.inquiry.no_quote" {
		t.Errorf("quoted by hand: %v", err)
	}
	test.Tap(kittest.Button(t, w.Content(), "Start work"))
	if s := storedInquiry(t, db, q.ID).Status; s != app.InquiryInProgress {
		t.Errorf("status after Start work: %s", s)
	}
}
