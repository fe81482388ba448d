package screens

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

// showInquiry opens the Inquiries sub-tab of the Reception tab of s and
// shows the first inquiry listed in full, as a person clicks it.
func showInquiry(t *testing.T, s *shell, w fyne.Window) {
	t.Helper()
	if !s.selectTab("reception") {
		t.Fatal("no Reception tab")
	}
	for _, o := range kittest.Objects(w.Content()) {
		tabs, ok := o.(*container.AppTabs)
		if !ok {
			continue
		}
		for _, it := range tabs.Items {
			if it.Text != "Inquiries" {
				continue
			}
			tabs.Select(it)
			for _, x := range kittest.Objects(it.Content) {
				if tbl, ok := x.(*widget.Table); ok {
					tbl.Select(widget.TableCellID{Row: 0, Col: 0})
					return
				}
			}
			t.Fatal("no inquiry table")
		}
	}
	t.Fatal("no Inquiries sub-tab")
}

// TestInquiryBecomesQuoteForReceptionAndSales: the people who work an
// inquiry — reception and sales — turn it into a quote, on the real store,
// in the shell composing reception.Module and sales.Module. The
// receptionist drafts it (sales prices it); the salesperson drafts it and
// lands in the draft in the Sales tab. "Mark quoted" is gone and the store
// refuses "quoted" without a quote, so nobody fakes it; after-sales and the
// warehouse may not.
func TestInquiryBecomesQuoteForReceptionAndSales(t *testing.T) {
	// Each person gets a store with one open inquiry, the first listed.
	desk := func(name, fullName string, role app.Role, topic string) (*datatest.DB, app.User, app.Customer, app.Inquiry) {
		db := openDB(t)
		cust := customer(t, db, "Kavárna U Lípy")
		u := db.AddUser(t, name, fullName, "kontor-demo", role)
		q, err := db.SaveInquiry(db.Ctx, app.Inquiry{CustomerID: cust.ID, Channel: app.ChannelPhone, Topic: topic, Text: "Šest stolů z dubu"})
		if err != nil {
			t.Fatal(err)
		}
		return db, u, cust, q
	}

	// The receptionist.
	db, recepce, cust, q1 := desk("recepce", "Jana Růžičková", app.RoleReception, "Stoly do kavárny")
	s, w := shellFor(t, db, recepce)
	showInquiry(t, s, w)
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
	if strings.Contains(kittest.ButtonsText(w.Content()), "Open the quote") || s.currentTabID() != "reception" {
		t.Errorf("the receptionist, who reads no sales, is offered the quote (tab %s)", s.currentTabID())
	}

	// The salesperson works the front desk too, and lands in the draft.
	db2, prodej, _, q2 := desk("prodej", "Tomáš Černý", app.RoleSales, "Barový pult")
	s2, w2 := shellFor(t, db2, prodej)
	showInquiry(t, s2, w2)
	test.Tap(kittest.Button(t, w2.Content(), "Create quote"))
	saved = storedInquiry(t, db2, q2.ID)
	if saved.Status != app.InquiryQuoted || s2.currentTabID() != "sales" || salesOf(s2).Doc() == nil || salesOf(s2).Doc().ID != saved.QuoteID {
		t.Fatalf("sales after Create quote: tab %s, inquiry %+v", s2.currentTabID(), saved)
	}

	// "Quoted" without a quote is refused by the store, whoever asks.
	db3, servis, _, q3 := desk("servis", "Lukáš Dvořák", app.RoleAftersales, "Židle")
	_, err = db3.SetInquiryStatus(db3.Ctx, q3.ID, app.InquiryQuoted, "")
	if e, ok := err.(*app.Error); !ok || e.Key != "err.inquiry.no_quote" {
		t.Errorf("quoted by hand: %v", err)
	}
	// After-sales works the desk but makes no quotes; neither button shows.
	if _, _, err := db3.QuoteInquiry(app.WithUser(context.Background(), servis), q3.ID); app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Errorf("after-sales quoting: %v", err)
	}
	s3, w3 := shellFor(t, db3, servis)
	showInquiry(t, s3, w3)
	if got := kittest.ButtonsText(w3.Content()); strings.Contains(got, "Create quote") || !strings.Contains(got, "Start work") {
		t.Errorf("after-sales inquiry buttons:\n%s", got)
	}
}

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

// TestRolesSeeWhatTheReadmePromises: each role's tabs, on the real store, as
// the README's roles table says — sales and after-sales work the front desk,
// the warehouse edits the price list, payroll has only its (coming) module.
func TestRolesSeeWhatTheReadmePromises(t *testing.T) {
	db := openDB(t)
	tabs := func(u app.User) (string, *shell, fyne.Window) {
		s, w := shellFor(t, db, u)
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
		got, _, _ := tabs(db.User(t, tt.role))
		if got != tt.want {
			t.Errorf("%s sees %q, want %q", tt.role, got, tt.want)
		}
	}

	// The warehouse switches stock keeping on and adds a stock item (a
	// price-list item with its stock card) in its tab; the store takes it.
	_, s, w := tabs(db.AddUser(t, "sklad", "Jiří Šťastný", "kontor-demo", app.RoleWarehouse))
	if !s.selectTab("warehouse") {
		t.Fatal("no Warehouse tab")
	}
	test.Tap(kittest.Button(t, w.Content(), "Keep stock"))
	test.Tap(kittest.Button(t, w.Content(), "New item…"))
	form := w.Canvas().Overlays().Top()
	test.Type(kittest.FieldAfter(t, form, "Code"), "STUL-01")
	test.Type(kittest.FieldAfter(t, form, "Name"), "Stůl z dubu")
	retype(kittest.FieldAfter(t, form, "Price"), "12 000")
	tapDialog(t, w, "Save")
	items, err := db.Items(db.Ctx)
	if err != nil || len(items) != 1 || items[0].Code != "STUL-01" || items[0].Price.Amount != 1200000 {
		t.Fatalf("the warehouse's item: %+v (%v)\n%s", items, err, kittest.DialogText(w))
	}
}
