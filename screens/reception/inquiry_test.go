package reception

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

func storedInquiry(t *testing.T, db *datatest.DB, id string) app.Inquiry {
	t.Helper()
	all, err := db.Inquiries(db.Ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range all {
		if q.ID == id {
			return q
		}
	}
	t.Fatalf("no inquiry %s", id)
	return app.Inquiry{}
}

// TestInquiryBecomesQuoteForReceptionAndSales: reception and sales turn an
// inquiry into a draft quote on the real store; the salesperson's quote
// opens in Sales through Host.Open.
func TestInquiryBecomesQuoteForReceptionAndSales(t *testing.T) {
	db := datatest.MustOpen(t)
	cust, err := db.SaveCustomer(db.Ctx, app.Customer{Name: "Kavárna U Lípy", Street: "Koňská 1", City: "Praha", Postcode: "110 00", Country: "CZ", PaymentDays: 14})
	if err != nil {
		t.Fatal(err)
	}
	recepce := db.User(t, app.RoleReception)
	prodej := db.User(t, app.RoleSales)
	inquiry := func(topic string) app.Inquiry {
		q, err := db.SaveInquiry(app.WithUser(db.Ctx, recepce), app.Inquiry{CustomerID: cust.ID, Channel: app.ChannelPhone, Topic: topic, Text: "Šest stolů z dubu"})
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	show := func(u app.User, id string) *kittest.Host {
		h := kittest.NewHost(t, kittest.Deps(db, u), datatest.TestCompany(), Module())
		r := h.Show("reception").(*receptionScreen)
		r.tabs.SelectIndex(3)
		r.inquiries.filter.SetSelectedIndex(1)
		r.inquiries.show(id)
		return h
	}

	q1 := inquiry("Stoly do kavárny")
	h := show(recepce, q1.ID)
	w := h.Window()
	got := kittest.ButtonsText(w.Content())
	if !strings.Contains(got, "Create quote") || strings.Contains(got, "Mark quoted") {
		t.Fatalf("the receptionist's inquiry buttons:\n%s", got)
	}
	test.Tap(kittest.Button(t, w.Content(), "Create quote"))
	if msg := kittest.DialogText(w); !strings.Contains(msg, "The draft quote for Kavárna U Lípy is made") {
		t.Errorf("the desk hears %q", msg)
	}
	kittest.CloseDialogs(w)
	saved := storedInquiry(t, db, q1.ID)
	if saved.Status != app.InquiryQuoted || saved.QuoteID == "" {
		t.Fatalf("the inquiry after Create quote: %+v", saved)
	}
	quote, err := db.Document(db.Ctx, saved.QuoteID)
	if err != nil || quote.Kind != app.KindQuote || quote.Status != app.StatusDraft || quote.CustomerID != cust.ID ||
		len(quote.Lines) != 1 || quote.Lines[0].Text != "Stoly do kavárny" || quote.Note != "Šest stolů z dubu" {
		t.Fatalf("the quote %+v (%v)", quote, err)
	}
	if strings.Contains(kittest.ButtonsText(w.Content()), "Open the quote") || strings.Contains(strings.Join(h.Opened(), "|"), "sales") {
		t.Errorf("the receptionist, who reads no sales, is offered the quote (opened %v)", h.Opened())
	}

	q2 := inquiry("Barový pult")
	h2 := show(prodej, q2.ID)
	test.Tap(kittest.Button(t, h2.Window().Content(), "Create quote"))
	saved = storedInquiry(t, db, q2.ID)
	if saved.Status != app.InquiryQuoted {
		t.Fatalf("the inquiry: %+v", saved)
	}
	if _, err := db.Document(db.Ctx, saved.QuoteID); err != nil {
		t.Fatalf("the quote is not in the store: %v", err)
	}
	if o := h2.Opened(); len(o) == 0 || o[len(o)-1] != "sales doc:"+saved.QuoteID {
		t.Errorf("opened %v, want sales doc:%s", o, saved.QuoteID)
	}
}
