package sales

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

func TestSalesQuoteToOrderToInvoiceToPaymentAndCreditNote(t *testing.T) {
	v, h, db := salesTest(t)
	s, w := v.s, h.Window()
	before := countCustomers(t, db)

	// A quote for a new customer, made from the picker's "New customer…".
	s.tabs.SelectIndex(0)
	test.Tap(button(t, w.Content(), "New quote"))
	f := s.form
	if f == nil || !f.editable || f.doc.Kind != app.KindQuote {
		t.Fatalf("no quote form: %+v", f)
	}
	test.Tap(button(t, w.Content(), "Choose…"))
	tapDialog(t, w, "New customer…")
	form := w.Canvas().Overlays().Top()
	test.Type(inputAfter(t, form, "Name"), "Novák Interiéry s.r.o.")
	test.Type(inputAfter(t, form, "Street"), "Masarykova 5")
	test.Type(inputAfter(t, form, "City"), "Brno")
	test.Type(inputAfter(t, form, "IČO"), "12345678") // wrong check digit
	tapDialog(t, w, "Save")
	if countCustomers(t, db) != before || !strings.Contains(kittest.DialogText(w), "IČO") {
		t.Fatalf("a wrong IČO was saved or not shown:\n%s", kittest.DialogText(w))
	}
	retype(inputAfter(t, form, "IČO"), "27082440")
	tapDialog(t, w, "Save")
	if countCustomers(t, db) != before+1 || f.cust == nil || f.cust.Name != "Novák Interiéry s.r.o." {
		t.Fatalf("customer not saved and chosen: %+v\n%s", f.cust, kittest.DialogText(w))
	}

	// Two lines: free text with "1,5" × "1 234,50" and the price-list desk.
	r := f.lines.rows[0]
	test.Type(r.text, "Montáž kuchyně")
	retype(r.qty, "1,5")
	test.Type(r.price, "1 234,50")
	test.Tap(button(t, w.Content(), "Add line"))
	f.lines.rows[1].item.SetSelectedIndex(1)
	if got := f.lines.rows[1].text.Text; got != "Pracovní deska dub" {
		t.Errorf("picked item fills %q", got)
	}
	// 1,5 × 1 234,50 = 1 851,75; + 2 000 = 3 851,75; VAT 21 % = 808,87.
	shown := texts(f.totals.box)
	for _, want := range []string{"3\u00a0851,75\u00a0Kč", "808,87\u00a0Kč", "4\u00a0660,62\u00a0Kč"} {
		if !strings.Contains(shown, want) {
			t.Errorf("live totals lack %q:\n%s", want, shown)
		}
	}
	if got := f.lines.rows[0].amount.Text; got != "1\u00a0851,75" {
		t.Errorf("line amount %q", got)
	}

	test.Tap(button(t, w.Content(), "Save draft"))
	if countDocs(t, db, app.KindQuote) != 1 || f.dirty {
		t.Fatalf("quotes stored %d, dirty %v", countDocs(t, db, app.KindQuote), f.dirty)
	}
	issue := func(wantNumber string) {
		t.Helper()
		test.Tap(button(t, w.Content(), "Issue…"))
		tapDialog(t, w, "Yes")
		if got := kittest.DialogText(w); !strings.Contains(got, wantNumber) {
			t.Fatalf("issue says %q, want %s", got, wantNumber)
		}
		kittest.CloseDialogs(w)
		if s.form.doc.Number != wantNumber || s.form.editable {
			t.Fatalf("form after issue: %s editable %v", s.form.doc.Number, s.form.editable)
		}
	}
	issue("NA2026-0001")

	test.Tap(button(t, w.Content(), "Create order"))
	if s.form.doc.Kind != app.KindOrder || !s.form.editable || len(s.form.lines.rows) != 2 {
		t.Fatalf("order draft %+v", s.form.doc)
	}
	issue("OB2026-0001")
	test.Tap(button(t, w.Content(), "Create invoice"))
	inv := s.form
	if inv.doc.Kind != app.KindInvoice || inv.due.Text != "29. 3. 2026" {
		t.Fatalf("invoice draft: kind %s, due %q", inv.doc.Kind, inv.due.Text)
	}
	issue("FV2026-0001")
	if inv := s.form.doc; inv.Totals.Total != 466062 {
		t.Fatalf("invoice total %d", inv.Totals.Total)
	}

	// A partial payment: the amount comes prefilled with what remains.
	test.Tap(button(t, w.Content(), "Record payment…"))
	amount := overlayEntry(t, w, 1)
	if amount.Text != "4 660,62" {
		t.Errorf("prefilled amount %q", amount.Text)
	}
	retype(amount, "5 000")
	tapDialog(t, w, "Record")
	if got := kittest.DialogText(w); !strings.Contains(got, "only") || !strings.Contains(got, "4\u00a0660,62") {
		t.Errorf("overpayment refusal %q", got)
	}
	retype(amount, "1 000")
	tapDialog(t, w, "Record")
	if s.form.doc.Paid != 100000 || !strings.Contains(s.form.title(), "partly paid") {
		t.Fatalf("after the payment: paid %d, %q", s.form.doc.Paid, s.form.title())
	}
	if got := texts(w.Content()); !strings.Contains(got, "Bank transfer · 1\u00a0000,00\u00a0Kč") {
		t.Errorf("payments list:\n%s", got)
	}
	stored, err := db.Services().Sales.DocumentByNumber(db.Ctx, "FV2026-0001")
	if err != nil || stored.Paid != 100000 {
		t.Errorf("stored payment %d %v", stored.Paid, err)
	}

	// A credit note needs a reason, then opens as a draft to issue.
	test.Tap(button(t, w.Content(), "Credit note…"))
	tapDialog(t, w, "Create draft")
	if !strings.Contains(texts(w.Canvas().Overlays().Top()), "is required") {
		t.Error("no reason, no message")
	}
	test.Type(overlayEntry(t, w, 0), "Reklamace desky")
	tapDialog(t, w, "Create draft")
	cn := s.form
	if cn.doc.Kind != app.KindCreditNote || !cn.editable || cn.reason.Text != "Reklamace desky" {
		t.Fatalf("credit note draft %+v", cn.doc)
	}
	issue("OD2026-0001")
	invoice, _ := db.Services().Sales.DocumentByNumber(db.Ctx, "FV2026-0001")
	if invoice.StatusOn(app.Today(db.Clock)) != app.StatusCredited {
		t.Errorf("invoice status %s", invoice.StatusOn(app.Today(db.Clock)))
	}

	// Back in the lists, the invoice shows with its status.
	test.Tap(button(t, w.Content(), "Back to the list"))
	if v.Doc() != nil {
		t.Error("Doc after Back to the list")
	}
	s.tabs.SelectIndex(2)
	if got := texts(w.Content()); !strings.Contains(got, "FV2026-0001") || !strings.Contains(got, "credited") {
		t.Errorf("invoice list:\n%s", got)
	}
}

func TestSalesFormRefusesBadInputAtFields(t *testing.T) {
	v, h, db := salesTest(t)
	s, w := v.s, h.Window()
	cust, err := db.Services().Customers.SaveCustomer(db.Ctx, app.Customer{Name: "Dvořák", Street: "Lidická 1", City: "Brno", PaymentDays: 10})
	if err != nil {
		t.Fatal(err)
	}
	before := countCustomers(t, db)
	s.newDoc(app.KindInvoice)
	f := s.form
	f.setCustomer(cust)
	if f.due.Text != "25. 3. 2026" {
		t.Errorf("due date from the payment term: %q", f.due.Text)
	}
	r := f.lines.rows[0]
	test.Type(r.text, "Konzultace")
	retype(r.qty, "0")
	test.Type(r.price, "100")
	test.Tap(button(t, w.Content(), "Save draft"))
	if got := f.message("doc.lines"); !strings.Contains(got, "line 1: the quantity cannot be zero") {
		t.Errorf("zero quantity: %q", got)
	}
	kittest.CloseDialogs(w)

	retype(r.qty, "1")
	retype(r.price, "12,345")
	test.Tap(button(t, w.Content(), "Save draft"))
	if got := f.message("doc.lines"); !strings.Contains(got, "line 1, Unit price: “12,345” has more than 2 decimal places") {
		t.Errorf("three decimals: %q", got)
	}
	kittest.CloseDialogs(w)

	retype(r.price, "12,34")
	retype(f.due, "1. 3. 2026")
	test.Tap(button(t, w.Content(), "Save draft"))
	if got := f.message("doc.due_date"); got != "the due date is before the issue date" {
		t.Errorf("due before issue: %q", got)
	}
	kittest.CloseDialogs(w)

	retype(f.due, "30. 3. 2026")
	f.lines.removeRow(r)
	test.Tap(button(t, w.Content(), "Issue…"))
	if got := f.message("doc.lines"); got != "the document has no lines" {
		t.Errorf("no lines: %q", got)
	}
	if !strings.Contains(kittest.DialogText(w), "Lines: the document has no lines") {
		t.Errorf("dialog %q", kittest.DialogText(w))
	}
	if n := countDocs(t, db, app.KindInvoice); n != 0 || countCustomers(t, db) != before {
		t.Errorf("refused input was saved: %d invoices", n)
	}
}

// seedInvoices issues n invoices, every second for "Dvořák", the rest for "Novák".
func seedInvoices(t *testing.T, db *datatest.DB, n int) []app.SalesDoc {
	t.Helper()
	svc := db.Services()
	ctx := db.Ctx
	var cs []app.Customer
	for _, name := range []string{"Novák a syn", "Dvořák s.r.o."} {
		c, err := svc.Customers.SaveCustomer(ctx, app.Customer{Name: name, Street: "Dlouhá 1", City: "Praha"})
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	var out []app.SalesDoc
	day := app.D(2026, time.March, 2)
	for i := 0; i < n; i++ {
		doc, err := svc.Sales.SaveDraft(ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: cs[i%2].ID, IssueDate: day, TaxDate: day, DueDate: day.AddDays(14),
			Currency: "CZK", Lines: []app.DocLine{{Text: "Práce", Quantity: app.Q(int64(i + 1)), Unit: "h", UnitPrice: 50000, VATKind: app.VATStandard}}})
		if err != nil {
			t.Fatal(err)
		}
		if doc, err = svc.Sales.Issue(ctx, doc.ID); err != nil {
			t.Fatal(err)
		}
		out = append(out, doc)
	}
	return out
}

func TestSalesSearchAsYouTypeNarrowsTheList(t *testing.T) {
	v, h, db := salesTest(t)
	s, w := v.s, h.Window()
	seedInvoices(t, db, 6)
	l := s.lists[app.KindInvoice]
	v.Shown()
	if l.rows.Count != 6 {
		t.Fatalf("count %d", l.rows.Count)
	}
	test.Type(l.search, "dvorak")
	if l.rows.Count != 3 {
		t.Errorf("search dvorak: %d", l.rows.Count)
	}
	retype(l.search, "FV2026-0004")
	if l.rows.Count != 1 || !strings.Contains(texts(w.Content()), "Dvořák s.r.o.") {
		t.Errorf("search by number: %d\n%s", l.rows.Count, texts(w.Content()))
	}
	l.search.SetText("")
	test.Type(l.from, "3. 3. 2026")
	if l.rows.Count != 0 {
		t.Errorf("from 3 March: %d", l.rows.Count)
	}
	retype(l.from, "32. 3.")
	if !l.filterMsg.Visible() || !strings.Contains(l.filterMsg.Text, "not a date") {
		t.Errorf("half-typed date: %q", l.filterMsg.Text)
	}
	l.from.SetText("")
	l.status.SetSelected("overdue")
	if l.rows.Count != 0 {
		t.Errorf("overdue on 15 March: %d", l.rows.Count)
	}
	l.status.SetSelectedIndex(0)
	if l.rows.Count != 6 {
		t.Errorf("all again: %d", l.rows.Count)
	}
}

func TestSalesReadOnlyForAccounts(t *testing.T) {
	v, h, db := salesTest(t, app.RoleAccounts)
	s, w := v.s, h.Window()
	docs := seedInvoices(t, db, 1)
	v.Shown()
	if got := kittest.ButtonsText(w.Content()); strings.Contains(got, "New invoice") {
		t.Errorf("accounts may not write invoices:\n%s", got)
	}
	s.openDoc(docs[0].ID)
	got := kittest.ButtonsText(w.Content())
	if !strings.Contains(got, "Record payment…") || strings.Contains(got, "Credit note…") {
		t.Errorf("accounts' invoice actions:\n%s", got)
	}
}

// A user who may only read sales sees no New or Issue buttons, and
// Open(ArgNew) makes nothing.
func TestSalesReadOnlyUserSeesNoNewOrIssue(t *testing.T) {
	v, h, db := salesTest(t, app.RoleAccounts)
	w := h.Window()
	if h.Deps().Can(app.PermSalesWrite) || !h.Deps().Can(app.PermSalesRead) {
		t.Fatal("the accounts role is not a sales reader")
	}
	seedInvoices(t, db, 1)
	v.Shown()
	for i := range listKinds {
		v.s.tabs.SelectIndex(i)
		if got := kittest.ButtonsText(w.Content()); strings.Contains(got, "New ") {
			t.Errorf("list %d offers %q", i, got)
		}
	}
	v.Open(kit.ArgNew)
	if v.Doc() != nil {
		t.Errorf("Open(ArgNew) made %+v", v.Doc())
	}
	d, _ := db.Services().Sales.DocumentByNumber(db.Ctx, "FV2026-0001")
	v.Open(kit.ArgDoc(d.ID))
	if got := kittest.ButtonsText(w.Content()); strings.Contains(got, "Issue…") || strings.Contains(got, "Save draft") {
		t.Errorf("a reader's invoice buttons:\n%s", got)
	}
}

func TestSalesOpenDocShowsThatInvoice(t *testing.T) {
	v, h, db := salesTest(t)
	docs := seedInvoices(t, db, 3)
	if !h.Open("sales", kit.ArgDoc(docs[1].ID)) {
		t.Fatal("no sales tab")
	}
	if d := v.Doc(); d == nil || d.ID != docs[1].ID || d.Number != "FV2026-0002" {
		t.Fatalf("Doc %+v", d)
	}
	if got := texts(h.Window().Content()); !strings.Contains(got, "FV2026-0002") || !strings.Contains(got, "Novák a syn") && !strings.Contains(got, "Dvořák s.r.o.") {
		t.Errorf("shown:\n%s", got)
	}
	v.Back()
	if v.Doc() != nil {
		t.Error("Back left the document open")
	}
}

// Ctrl+N and Ctrl+S are the tab's actions: the shell hands their Arg to Open.
func TestSalesShortcutsOpenNewAndSave(t *testing.T) {
	v, h, db := salesTest(t)
	var newAct, saveAct kit.Action
	for _, a := range Module().Tabs[0].Actions {
		switch a.Arg {
		case kit.ArgNew:
			newAct = a
		case kit.ArgSave:
			saveAct = a
		}
	}
	if newAct.Shortcut != kit.ShortcutNew || saveAct.Shortcut != kit.ShortcutSave || !saveAct.Here ||
		newAct.Perm != app.PermSalesWrite || saveAct.Perm != app.PermSalesWrite {
		t.Fatalf("actions %+v %+v", newAct, saveAct)
	}
	h.Open("sales", newAct.Arg)
	d := v.Doc()
	if d == nil || d.Kind != app.KindInvoice || !v.s.form.editable {
		t.Fatalf("Ctrl+N opened %+v", d)
	}
	r := v.s.form.lines.rows[0]
	test.Type(r.text, "Konzultace")
	test.Type(r.price, "100")
	h.Open("sales", saveAct.Arg)
	if n := countDocs(t, db, app.KindInvoice); n != 1 || v.s.form.dirty {
		t.Errorf("Ctrl+S: %d invoices stored, dirty %v", n, v.s.form.dirty)
	}
}
