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

// salesTestScreen opens the Sales tab for a salesman over the fakes, with
// one price-list item, in Czech number formats.
func salesTestScreen(t *testing.T, roles ...app.Role) (*salesScreen, fyne.Window, kit.Deps) {
	t.Helper()
	test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	users, _ := fakesOf(d)
	if len(roles) == 0 {
		roles = []app.Role{app.RoleSales}
	}
	d.Sess.User = users.mustAdd(app.NewUser{Name: "prodej", Roles: roles, Password: "kontor-demo"})
	_, prices, _ := salesFakes(d)
	prices.items = []app.Item{{ID: "I001", Code: "DESKA", Name: "Pracovní deska dub", Unit: "ks",
		Price: app.M(200000, "CZK"), VATKind: app.VATStandard, Stock: true}}
	old := kit.UILang
	kit.UILang = app.Czech
	t.Cleanup(func() { kit.UILang = old })
	w := test.NewTempWindow(t, nil)
	s := newSalesScreen(d, w, c)
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(1366, 850))
	return s, w, d
}

// overlayEntry returns the n-th entry of the top dialog.
func overlayEntry(t *testing.T, w fyne.Window, n int) *widget.Entry {
	t.Helper()
	i := 0
	for _, o := range objects(w.Canvas().Overlays().Top()) {
		if e := kit.EntryOf(o); e != nil {
			if i == n {
				return e
			}
			i++
		}
	}
	t.Fatalf("no entry %d in the dialog", n)
	return nil
}

// inputAfter finds the first entry (plain or escEntry) after the label with text.
func inputAfter(t *testing.T, root fyne.CanvasObject, label string) *widget.Entry {
	t.Helper()
	seen := false
	for _, o := range objects(root) {
		if l, ok := o.(*widget.Label); ok && l.Text == label {
			seen = true
		}
		if e := kit.EntryOf(o); e != nil && seen {
			return e
		}
	}
	t.Fatalf("no entry after label %q", label)
	return nil
}

// tapDialog taps the button with text in the top dialog.
func tapDialog(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	test.Tap(button(t, top, text))
}

// retype replaces an entry's text as a user would.
func retype(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

func TestSalesQuoteToOrderToInvoiceToPaymentAndCreditNote(t *testing.T) {
	s, w, d := salesTestScreen(t)
	customers, _, sales := salesFakes(d)

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
	if len(customers.list) != 0 || !strings.Contains(dialogText(w), "IČO") {
		t.Fatalf("a wrong IČO was saved or not shown:\n%s", dialogText(w))
	}
	retype(inputAfter(t, form, "IČO"), "27082440")
	tapDialog(t, w, "Save")
	if len(customers.list) != 1 || f.cust == nil || f.cust.Name != "Novák Interiéry s.r.o." {
		t.Fatalf("customer not saved and chosen: %+v\n%s", customers.list, dialogText(w))
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
	if sales.saves != 1 || f.dirty {
		t.Fatalf("saves %d, dirty %v", sales.saves, f.dirty)
	}
	issue := func(wantNumber string) {
		t.Helper()
		test.Tap(button(t, w.Content(), "Issue…"))
		tapDialog(t, w, "Yes")
		if got := dialogText(w); !strings.Contains(got, wantNumber) {
			t.Fatalf("issue says %q, want %s", got, wantNumber)
		}
		closeDialogs(w)
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
	if got := dialogText(w); !strings.Contains(got, "only") || !strings.Contains(got, "4\u00a0660,62") {
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
	invoice, _ := sales.DocumentByNumber(d.Ctx(), "FV2026-0001")
	if invoice.StatusOn(app.Today(d.Clock())) != app.StatusCredited {
		t.Errorf("invoice status %s", invoice.StatusOn(app.Today(d.Clock())))
	}

	// Back in the lists, the invoice shows with its status.
	test.Tap(button(t, w.Content(), "Back to the list"))
	s.tabs.SelectIndex(2)
	if got := texts(w.Content()); !strings.Contains(got, "FV2026-0001") || !strings.Contains(got, "credited") {
		t.Errorf("invoice list:\n%s", got)
	}
}

func TestSalesFormRefusesBadInputAtFields(t *testing.T) {
	s, w, d := salesTestScreen(t)
	customers, _, sales := salesFakes(d)
	cust, err := customers.SaveCustomer(d.Ctx(), app.Customer{Name: "Dvořák", Street: "Lidická 1", City: "Brno", PaymentDays: 10})
	if err != nil {
		t.Fatal(err)
	}
	saves := customers.saves
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
	closeDialogs(w)

	retype(r.qty, "1")
	retype(r.price, "12,345")
	test.Tap(button(t, w.Content(), "Save draft"))
	if got := f.message("doc.lines"); !strings.Contains(got, "line 1, Unit price: “12,345” has more than 2 decimal places") {
		t.Errorf("three decimals: %q", got)
	}
	closeDialogs(w)

	retype(r.price, "12,34")
	retype(f.due, "1. 3. 2026")
	test.Tap(button(t, w.Content(), "Save draft"))
	if got := f.message("doc.due_date"); got != "the due date is before the issue date" {
		t.Errorf("due before issue: %q", got)
	}
	closeDialogs(w)

	retype(f.due, "30. 3. 2026")
	f.lines.removeRow(r)
	test.Tap(button(t, w.Content(), "Issue…"))
	if got := f.message("doc.lines"); got != "the document has no lines" {
		t.Errorf("no lines: %q", got)
	}
	if !strings.Contains(dialogText(w), "Lines: the document has no lines") {
		t.Errorf("dialog %q", dialogText(w))
	}
	if sales.saves != 0 || len(sales.docs) != 0 || customers.saves != saves {
		t.Errorf("refused input was saved: %d saves", sales.saves)
	}
}

// seedInvoices issues n invoices, every second for "Dvořák", the rest for "Novák".
func seedInvoices(t *testing.T, d kit.Deps, n int) []app.SalesDoc {
	t.Helper()
	customers, _, sales := salesFakes(d)
	ctx := d.Ctx()
	var cs []app.Customer
	for _, name := range []string{"Novák a syn", "Dvořák s.r.o."} {
		c, err := customers.SaveCustomer(ctx, app.Customer{Name: name, Street: "Dlouhá 1", City: "Praha"})
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	var out []app.SalesDoc
	day := app.D(2026, time.March, 2)
	for i := 0; i < n; i++ {
		doc, err := sales.SaveDraft(ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: cs[i%2].ID, IssueDate: day, DueDate: day.AddDays(14),
			Currency: "CZK", Lines: []app.DocLine{{Text: "Práce", Quantity: app.Q(int64(i + 1)), Unit: "h", UnitPrice: 50000, VATKind: app.VATStandard}}})
		if err != nil {
			t.Fatal(err)
		}
		if doc, err = sales.Issue(ctx, doc.ID); err != nil {
			t.Fatal(err)
		}
		out = append(out, doc)
	}
	return out
}

func TestSalesSearchAsYouTypeNarrowsTheList(t *testing.T) {
	s, w, d := salesTestScreen(t)
	seedInvoices(t, d, 6)
	l := s.lists[app.KindInvoice]
	l.reload()
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
	s, w, d := salesTestScreen(t, app.RoleAccounts)
	d.Sess.User.Roles = []app.Role{app.RoleSales}
	docs := seedInvoices(t, d, 1)
	d.Sess.User.Roles = []app.Role{app.RoleAccounts}
	s.lists[app.KindInvoice].reload()
	if got := buttonsText(w.Content()); strings.Contains(got, "New invoice") {
		t.Errorf("accounts may not write invoices:\n%s", got)
	}
	s.openDoc(docs[0].ID)
	got := buttonsText(w.Content())
	if !strings.Contains(got, "Record payment…") || strings.Contains(got, "Credit note…") {
		t.Errorf("accounts' invoice actions:\n%s", got)
	}
	test.Tap(button(t, w.Content(), "Export PDF…"))
	if !strings.Contains(dialogText(w), "PDF export is not available") {
		t.Errorf("no renderer: %q", dialogText(w))
	}
}
