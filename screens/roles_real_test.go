package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/screens/kit"
)

// showInquiry opens the Inquiries sub-tab of the Reception tab of s with the
// inquiry id in full.
func showInquiry(t *testing.T, s *shell, id string) *inquiriesView {
	t.Helper()
	if !s.selectTab("reception") || receptionOf(s) == nil {
		t.Fatal("no Reception tab")
	}
	receptionOf(s).tabs.SelectIndex(3)
	v := receptionOf(s).inquiries
	v.filter.SetSelectedIndex(1) // all
	v.show(id)
	return v
}

// TestInquiryBecomesQuoteForReceptionAndSales: the people who work an
// inquiry — reception and sales — turn it into a quote, on the real store.
// The receptionist drafts it (sales prices it); the salesperson drafts it and
// sees it in Sales. "Mark quoted" is gone and the store refuses "quoted"
// without a quote, so nobody fakes it; after-sales and the warehouse may not.
func TestInquiryBecomesQuoteForReceptionAndSales(t *testing.T) {
	rs := mustOpen(t)
	cust := rs.customer("Kavárna U Lípy")
	recepce := rs.user("recepce", "Jana Růžičková", app.RoleReception)
	prodej := rs.user("prodej", "Tomáš Černý", app.RoleSales)
	servis := rs.user("servis", "Lukáš Dvořák", app.RoleAftersales)
	inquiry := func(topic string) app.Inquiry {
		q, err := rs.store.SaveInquiry(app.WithUser(context.Background(), recepce), app.Inquiry{CustomerID: cust.ID, Channel: app.ChannelPhone, Topic: topic, Text: "Šest stolů z dubu"})
		if err != nil {
			t.Fatal(err)
		}
		return q
	}

	// The receptionist.
	q1 := inquiry("Stoly do kavárny")
	s, w := rs.shell(recepce)
	showInquiry(t, s, q1.ID)
	got := buttonsText(w.Content())
	if !strings.Contains(got, "Create quote") || strings.Contains(got, "Mark quoted") {
		t.Fatalf("the receptionist's inquiry buttons:\n%s", got)
	}
	test.Tap(button(t, w.Content(), "Create quote"))
	if msg := dialogText(w); !strings.Contains(msg, "The draft quote for Kavárna U Lípy is made") {
		t.Errorf("the desk hears %q", msg)
	}
	closeDialogs(w)
	saved := storedInquiry(t, rs, q1.ID)
	if saved.Status != app.InquiryQuoted || saved.QuoteID == "" {
		t.Fatalf("the inquiry after Create quote: %+v", saved)
	}
	quote, err := rs.store.Document(rs.ctx(), saved.QuoteID)
	if err != nil || quote.Kind != app.KindQuote || quote.Status != app.StatusDraft || quote.CustomerID != cust.ID ||
		len(quote.Lines) != 1 || quote.Lines[0].Text != "Stoly do kavárny" || quote.Note != "Šest stolů z dubu" {
		t.Fatalf("the quote %+v (%v)", quote, err)
	}
	if strings.Contains(buttonsText(w.Content()), "Open the quote") {
		t.Error("the receptionist, who reads no sales, is offered to open the quote")
	}

	// The salesperson works the front desk too, and lands in the draft.
	q2 := inquiry("Barový pult")
	s2, w2 := rs.shell(prodej)
	showInquiry(t, s2, q2.ID)
	test.Tap(button(t, w2.Content(), "Create quote"))
	saved = storedInquiry(t, rs, q2.ID)
	if saved.Status != app.InquiryQuoted || s2.currentTabID() != "sales" || salesOf(s2).form == nil || salesOf(s2).form.doc.ID != saved.QuoteID {
		t.Fatalf("sales after Create quote: tab %s, inquiry %+v", s2.currentTabID(), saved)
	}

	// "Quoted" without a quote is refused by the store, whoever asks.
	q3 := inquiry("Židle")
	_, err = rs.store.SetInquiryStatus(rs.ctx(), q3.ID, app.InquiryQuoted, "")
	if e, ok := err.(*app.Error); !ok || e.Key != "err.inquiry.no_quote" {
		t.Errorf("quoted by hand: %v", err)
	}
	// After-sales works the desk but makes no quotes; neither button shows.
	if _, _, err := rs.store.QuoteInquiry(app.WithUser(context.Background(), servis), q3.ID); app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Errorf("after-sales quoting: %v", err)
	}
	s3, w3 := rs.shell(servis)
	showInquiry(t, s3, q3.ID)
	if got := buttonsText(w3.Content()); strings.Contains(got, "Create quote") || !strings.Contains(got, "Start work") {
		t.Errorf("after-sales inquiry buttons:\n%s", got)
	}
}

func storedInquiry(t *testing.T, rs *realStore, id string) app.Inquiry {
	t.Helper()
	all, err := rs.store.Inquiries(rs.ctx(), false)
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

// TestRolesSeeWhatTheReadmePromises: each role's tabs, on the real store, as
// the README's roles table says — sales and after-sales work the front desk,
// the warehouse edits the price list, payroll has only its (coming) module.
func TestRolesSeeWhatTheReadmePromises(t *testing.T) {
	rs := mustOpen(t)
	tabs := func(u app.User) (string, *shell, fyne.Window) {
		s, w := rs.shell(u)
		titles := func(g kit.Group) string {
			if s.inner[g] == nil {
				return ""
			}
			return strings.Join(tabTitles(s.inner[g]), ",")
		}
		return titles(kit.FrontOffice) + " | " + titles(kit.BackOffice), s, w
	}
	for _, tt := range []struct {
		role app.Role
		want string
	}{
		{app.RoleReception, "Reception | "},
		{app.RoleSales, "Reception,Sales | "},
		{app.RoleAftersales, "Reception,After-sales | "},
		{app.RoleAccounts, "Sales | Accounts,Audit"},
		{app.RolePayroll, " | Payroll"},
		{app.RoleWarehouse, " | Warehouse"},
		{app.RoleAdmin, "Reception,Sales,After-sales | Accounts,Payroll,Warehouse,Audit,Users"},
	} {
		got, _, _ := tabs(rs.user("u-"+string(tt.role), "", tt.role))
		if got != tt.want {
			t.Errorf("%s sees %q, want %q", tt.role, got, tt.want)
		}
	}

	// The warehouse edits the price list in its tab, and the store takes it.
	_, s, w := tabs(rs.user("sklad", "Jiří Šťastný", app.RoleWarehouse))
	if !s.selectTab("warehouse") {
		t.Fatal("no Warehouse tab")
	}
	test.Tap(button(t, w.Content(), "New item…"))
	form := w.Canvas().Overlays().Top()
	test.Type(fieldAfter(t, form, "Code"), "STUL-01")
	test.Type(fieldAfter(t, form, "Name"), "Stůl z dubu")
	retype(fieldAfter(t, form, "Price"), "12 000")
	tapDialog(t, w, "Save")
	items, err := rs.store.Items(rs.ctx())
	if err != nil || len(items) != 1 || items[0].Code != "STUL-01" || items[0].Price.Amount != 1200000 {
		t.Fatalf("the warehouse's item: %+v (%v)\n%s", items, err, dialogText(w))
	}
}
