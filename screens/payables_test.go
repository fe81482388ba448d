package screens

import (
	"image/png"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// payablesTest is the Payables pane for an accountant over the fakes, in
// Czech number formats, with one supplier and one customer who is not one.
type payablesTest struct {
	v      *payablesView
	w      fyne.Window
	d      kit.Deps
	pay    *fakePayables
	ledger *fakeLedger
}

func newPayablesTest(t *testing.T) *payablesTest {
	t.Helper()
	test.NewTempApp(t)
	c := testCompany()
	d, _, l := testDeps(&c)
	p, _ := withPayablesFakes(&d)
	cust, _, _ := salesFakes(d)
	for _, k := range []app.Customer{
		{Name: "Dřevo Šťastný s.r.o.", Street: "Lesní 4", City: "Jihlava", ICO: "25596641", PaymentDays: 30, Supplier: true, BankAccount: "1234567899/0100"},
		{Name: "Žluťoučký kůň a.s.", Street: "Polní 1", City: "Brno", PaymentDays: 14},
	} {
		if _, err := cust.SaveCustomer(d.Ctx(), k); err != nil {
			t.Fatal(err)
		}
	}
	users, _ := fakesOf(d)
	d.Sess.User = users.mustAdd(app.NewUser{Name: "ucetni", Roles: []app.Role{app.RoleAccounts}, Password: "kontor-demo"})
	old := kit.UILang
	kit.UILang = app.Czech
	t.Cleanup(func() { kit.UILang = old })
	w := test.NewTempWindow(t, nil)
	v := newPayablesView(d, w, c)
	w.SetContent(v.buildUI())
	w.Resize(fyne.NewSize(1280, 820))
	return &payablesTest{v: v, w: w, d: d, pay: p, ledger: l}
}

// chooseSupplier picks the supplier whose name contains search in the picker.
func (pt *payablesTest) chooseSupplier(t *testing.T, search string) {
	t.Helper()
	test.Tap(button(t, pt.w.Content(), "Choose…"))
	top := pt.w.Canvas().Overlays().Top()
	test.Type(overlayEntry(t, pt.w, 0), search)
	list := listIn(t, top)
	if list.Length() != 1 {
		t.Fatalf("supplier search %q found %d", search, list.Length())
	}
	list.Select(0)
}

// listIn finds the first list under root.
func listIn(t *testing.T, root fyne.CanvasObject) *widget.List {
	t.Helper()
	for _, o := range objects(root) {
		if l, ok := o.(*widget.List); ok {
			return l
		}
	}
	t.Fatal("no list")
	return nil
}

// fillPurchase opens a new form for the supplier and types an invoice:
// 10 000,00 at 21 % and 1 000,00 at 12 % with the supplier's VAT 120,01.
func (pt *payablesTest) fillPurchase(t *testing.T, number string) *purchaseForm {
	t.Helper()
	test.Tap(button(t, pt.w.Content(), "New received invoice…"))
	f := pt.v.form
	if f == nil {
		t.Fatal("no form")
	}
	pt.chooseSupplier(t, "šťast")
	test.Type(f.number, number)
	test.Type(f.rows[0].base, "10 000")
	test.Type(f.rows[1].base, "1000")
	retype(f.rows[1].vat, "120,01")
	test.Type(f.memo, "Dubové fošny")
	return f
}

func TestPayablesRecordReceivedInvoiceAndPay(t *testing.T) {
	pt := newPayablesTest(t)
	w := pt.w

	// Saving an empty form names the missing supplier and writes nothing.
	test.Tap(button(t, w.Content(), "New received invoice…"))
	test.Tap(button(t, w.Content(), "Record and post"))
	if got := pt.v.form.head.Message("purchase.supplier"); got != "is required" || pt.pay.count() != 0 {
		t.Fatalf("empty form: message %q, %d recorded", got, pt.pay.count())
	}
	closeDialogs(w)
	test.Tap(button(t, w.Content(), "Back to the list"))

	f := pt.fillPurchase(t, "FA-2026/0042")
	if f.vs.Text != "20260042" {
		t.Errorf("variable symbol %q, want the digits of the number", f.vs.Text)
	}
	if f.due.Text != "14. 4. 2026" || f.tax.Text != "15. 3. 2026" {
		t.Errorf("due %q (issue + the supplier's 30 days), DUZP %q", f.due.Text, f.tax.Text)
	}
	if f.account.Selected != "518 Ostatní služby" {
		t.Errorf("account %q", f.account.Selected)
	}
	if got := f.rows[0].vat.Text; got != "2 100,00" {
		t.Errorf("live VAT at 21 %% = %q", got)
	}
	if !strings.HasPrefix(f.rows[0].label.Text, "21 %") || !strings.HasPrefix(f.rows[1].label.Text, "12 %") || !strings.HasPrefix(f.rows[2].label.Text, "0 %") {
		t.Errorf("rate rows %q %q %q", f.rows[0].label.Text, f.rows[1].label.Text, f.rows[2].label.Text)
	}
	// The supplier's own VAT figure stays when the base is retyped.
	retype(f.rows[1].base, "1 000,00")
	if f.rows[1].vat.Text != "120,01" {
		t.Errorf("typed VAT overwritten: %q", f.rows[1].vat.Text)
	}
	if want := "13\u00a0220,01\u00a0Kč"; !strings.Contains(f.total.Text, want) {
		t.Errorf("total %q, want %q", f.total.Text, want)
	}
	capture(t, w, "/tmp/kontor-payables-form.png")

	test.Tap(button(t, w.Content(), "Record and post"))
	if pt.pay.count() != 1 || pt.v.form != nil {
		t.Fatalf("not recorded: %d, %s", pt.pay.count(), dialogText(w))
	}
	if got := dialogText(w); !strings.Contains(got, "FP2026-0001 is recorded") {
		t.Errorf("confirmation %q", got)
	}
	closeDialogs(w)
	capture(t, w, "/tmp/kontor-payables-list.png")
	shown := texts(w.Content())
	for _, want := range []string{"FP2026-0001", "FA-2026/0042", "Dřevo Šťastný s.r.o.", "15.\u00a03.\u00a02026", "14.\u00a04.\u00a02026", "13\u00a0220,01\u00a0Kč", "issued"} {
		if !strings.Contains(shown, want) {
			t.Errorf("list lacks %q:\n%s", want, shown)
		}
	}
	// Posted: the bases to 518, the input VAT to 343, the total to 321.
	e := pt.ledger.entries[len(pt.ledger.entries)-1]
	sums := map[string]int64{}
	for _, ln := range e.Lines {
		sums[ln.Account] += ln.Debit - ln.Credit
	}
	if sums["518"] != 1100000 || sums["343"] != 222001 || sums["321"] != -1322001 || len(sums) != 3 {
		t.Errorf("posting %v: %+v", sums, e.Lines)
	}

	// The same supplier's number again is refused naming the first; nothing is written.
	entries := len(pt.ledger.entries)
	f = pt.fillPurchase(t, "FA-2026/0042")
	test.Tap(button(t, w.Content(), "Record and post"))
	if got := dialogText(w); !strings.Contains(got, "FA-2026/0042 of Dřevo Šťastný s.r.o. is already recorded as FP2026-0001") {
		t.Errorf("duplicate dialog %q", got)
	}
	if got := f.head.Message("purchase.supplier_number"); !strings.Contains(got, "already recorded") {
		t.Errorf("duplicate not shown at the number: %q", got)
	}
	if pt.pay.count() != 1 || len(pt.ledger.entries) != entries {
		t.Errorf("a duplicate wrote: %d invoices, %d entries", pt.pay.count(), len(pt.ledger.entries))
	}
	closeDialogs(w)
	test.Tap(button(t, w.Content(), "Back to the list"))

	// Search as you type; open only.
	test.Type(pt.v.search, "šťastný")
	if pt.v.rows.Count != 1 {
		t.Errorf("search found %d", pt.v.rows.Count)
	}
	retype(pt.v.search, "nikdo")
	if pt.v.rows.Count != 0 {
		t.Errorf("search for nobody found %d", pt.v.rows.Count)
	}
	pt.v.search.SetText("")

	// Open it and pay part, then the rest.
	pt.v.table.OnSelected(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(button(t, w.Content(), "Pay…"))
	amount := inputAfter(t, w.Canvas().Overlays().Top(), "Amount")
	if amount.Text != "13 220,01" {
		t.Errorf("amount defaults to %q", amount.Text)
	}
	retype(amount, "20 000")
	tapDialog(t, w, "Record payment")
	if got := dialogText(w); !strings.Contains(got, "remains to be paid") {
		t.Errorf("overpayment dialog %q", got)
	}
	retype(amount, "10 000")
	tapDialog(t, w, "Record payment")
	shown = texts(w.Content())
	if !strings.Contains(shown, "10\u00a0000,00\u00a0Kč · Bank transfer") || !strings.Contains(shown, "partly paid") {
		t.Errorf("detail after a partial payment:\n%s", shown)
	}
	test.Tap(button(t, w.Content(), "Pay…"))
	tapDialog(t, w, "Record payment")
	p, _ := pt.pay.Purchase(pt.d.Ctx(), pt.pay.purchases[0].ID)
	if p.Paid != p.Total || !strings.Contains(texts(w.Content()), "· paid") {
		t.Errorf("paid %d of %d:\n%s", p.Paid, p.Total, texts(w.Content()))
	}
	capture(t, w, "/tmp/kontor-payables-detail.png")
	if strings.Contains(buttonsText(w.Content()), "Pay…") {
		t.Error("a paid invoice still offers Pay…")
	}
	test.Tap(button(t, w.Content(), "Back to the list"))
	if pt.v.rows.Count != 1 {
		t.Errorf("all invoices: %d", pt.v.rows.Count)
	}
	pt.v.openOnly.SetChecked(true)
	if pt.v.rows.Count != 0 {
		t.Errorf("open only lists %d paid invoices", pt.v.rows.Count)
	}
	last := pt.ledger.entries[len(pt.ledger.entries)-1]
	if last.Lines[0].Account != "321" || last.Lines[1].Account != "221" || last.Lines[0].Debit != 322001 {
		t.Errorf("payment posting %+v", last.Lines)
	}
}

func TestPayablesSupplierFromCustomerAndNew(t *testing.T) {
	pt := newPayablesTest(t)
	w := pt.w
	cust, _, _ := salesFakes(pt.d)
	test.Tap(button(t, w.Content(), "New received invoice…"))

	// An existing customer becomes a supplier.
	test.Tap(button(t, w.Content(), "Choose…"))
	tapDialog(t, w, "Customer as supplier…")
	test.Type(overlayEntry(t, w, 0), "kůň")
	listIn(t, w.Canvas().Overlays().Top()).Select(0)
	if f := pt.v.form; f.supplier == nil || f.supplier.Name != "Žluťoučký kůň a.s." || !f.supplier.Supplier {
		t.Fatalf("picked %+v", f.supplier)
	}
	if c, _ := cust.get(pt.v.form.supplier.ID); !c.Supplier {
		t.Error("the customer was not marked as a supplier")
	}

	// A new supplier: the customer form with Supplier checked; a bad account is shown at its field.
	test.Tap(button(t, w.Content(), "Choose…"))
	tapDialog(t, w, "New supplier…")
	form := w.Canvas().Overlays().Top()
	if !strings.Contains(texts(form), "New supplier") {
		t.Errorf("form title:\n%s", texts(form))
	}
	test.Type(inputAfter(t, form, "Name"), "Kovo Brno s.r.o.")
	test.Type(inputAfter(t, form, "Bank account"), "12345/0000")
	tapDialog(t, w, "Save")
	if len(cust.list) != 2 || !strings.Contains(texts(form), "Bank account") {
		t.Fatalf("a bad account was saved: %d", len(cust.list))
	}
	msg := ""
	for _, o := range objects(form) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Importance == widget.DangerImportance {
			msg += l.Text
		}
	}
	if !strings.Contains(msg, "account") {
		t.Errorf("no message at the bank account: %q", msg)
	}
	retype(inputAfter(t, form, "Bank account"), "19-2000145399/0800")
	tapDialog(t, w, "Save")
	f := pt.v.form
	if f.supplier == nil || f.supplier.Name != "Kovo Brno s.r.o." || !f.supplier.Supplier || f.supplier.BankAccount != "19-2000145399/0800" {
		t.Fatalf("new supplier %+v", f.supplier)
	}
	if !strings.Contains(f.supName.Text, "19-2000145399/0800") {
		t.Errorf("supplier shown as %q", f.supName.Text)
	}
	found, _ := pt.pay.Suppliers(pt.d.Ctx(), "", 0)
	if len(found) != 3 {
		t.Errorf("%d suppliers, want 3", len(found))
	}
}

func TestPayablesUnavailableWithoutService(t *testing.T) {
	test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	w := test.NewTempWindow(t, nil)
	for _, o := range []fyne.CanvasObject{newPayablesView(d, w, c).buildUI(), newBankView(d, w, c).buildUI()} {
		if got := texts(o); !strings.Contains(got, "not available") {
			t.Errorf("without the service the pane shows %q", got)
		}
	}
}

func TestAccountsHasPayablesAndBankTabs(t *testing.T) {
	test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	withPayablesFakes(&d)
	w := test.NewTempWindow(t, nil)
	s := newAccountsScreen(d, w, c)
	w.SetContent(s.buildUI())
	tabs := w.Content().(*container.AppTabs)
	var names []string
	for _, it := range tabs.Items {
		names = append(names, it.Text)
	}
	joined := strings.Join(names, ",")
	if !strings.Contains(joined, "Payables") || !strings.Contains(joined, "Bank") ||
		strings.Index(joined, "Payables") > strings.Index(joined, "Bank") {
		t.Errorf("tabs %v", names)
	}
	for _, it := range tabs.Items {
		if it.Text == "Payables" {
			tabs.Select(it)
			if !strings.Contains(buttonsText(w.Content()), "New received invoice…") {
				t.Errorf("Payables tab shows:\n%s", buttonsText(w.Content()))
			}
		}
	}
}

// capture writes what w shows to path, to look at the layout.
func capture(t *testing.T, w fyne.Window, path string) {
	t.Helper()
	img := w.Canvas().Capture()
	f, err := os.Create(path)
	if err != nil {
		t.Log(err)
		return
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Log(err)
	}
}

// paidPurchase records FA-2026/0042 of the supplier (10 000,00 + 21 % =
// 12 100,00) through the fake and pays it in full, then shows the list.
func (pt *payablesTest) paidPurchase(t *testing.T) app.PurchaseInvoice {
	t.Helper()
	ctx := pt.d.Ctx()
	sups, err := pt.pay.Suppliers(ctx, "šťastný", 0)
	if err != nil || len(sups) != 1 {
		t.Fatalf("supplier: %v %v", sups, err)
	}
	day := app.Today(pt.d.Clock()).AddDays(-10)
	p, err := pt.pay.RecordPurchase(ctx, app.PurchaseInvoice{SupplierID: sups[0].ID, SupplierNumber: "FA-2026/0042", IssueDate: day, DueDate: day.AddDays(30),
		VAT: []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: 1000000, VAT: 210000}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pt.pay.PaySupplier(ctx, app.Payment{DocID: p.ID, Date: day, Amount: app.M(p.Total, "CZK"), Method: app.PayBank}); err != nil {
		t.Fatal(err)
	}
	pt.v.reload()
	return p
}

// openRow opens the detail of the invoice in row.
func (pt *payablesTest) openRow(row int) {
	pt.v.table.OnSelected(widget.TableCellID{Row: row, Col: 0})
}

func TestPayablesCreditNoteForPaidInvoice(t *testing.T) {
	pt := newPayablesTest(t)
	w := pt.w
	orig := pt.paidPurchase(t)
	pt.openRow(0)
	if got := buttonsText(w.Content()); !strings.Contains(got, "Credit note…") || strings.Contains(got, "Pay…") {
		t.Fatalf("a paid invoice offers:\n%s", got)
	}
	test.Tap(button(t, w.Content(), "Credit note…"))
	f := pt.v.form
	if f == nil || f.orig == nil || f.orig.ID != orig.ID {
		t.Fatalf("no credit note form: %+v", f)
	}
	shown := texts(w.Content())
	for _, want := range []string{"Credit note to FP2026-0001", "Dřevo Šťastný s.r.o.", "Corrected invoice",
		"FP2026-0001 (FA-2026/0042) of 5.\u00a03.\u00a02026, total 12\u00a0100,00\u00a0Kč; 12\u00a0100,00\u00a0Kč can still be credited", "Supplier's credit note number"} {
		if !strings.Contains(shown, want) {
			t.Errorf("credit note form lacks %q:\n%s", want, shown)
		}
	}
	if strings.Contains(buttonsText(w.Content()), "Choose…") || !f.curSel.Disabled() || f.curSel.Selected != "CZK" {
		t.Error("the supplier or currency of a credit note can be changed")
	}
	if f.due.Text != "" || f.account.Selected != "518 Ostatní služby" {
		t.Errorf("due %q, account %q", f.due.Text, f.account.Selected)
	}

	// The credit note's own number is required; nothing is written without it.
	entries := len(pt.ledger.entries)
	test.Tap(button(t, w.Content(), "Record and post"))
	if got := f.head.Message("purchase.supplier_number"); got != "is required" || pt.pay.count() != 1 {
		t.Fatalf("no number: message %q, %d recorded", got, pt.pay.count())
	}
	closeDialogs(w)

	// Positive amounts as printed; VAT follows live; the total is a reduction.
	test.Type(f.number, "D-2026-07")
	test.Type(f.rows[0].base, "1 000")
	if got := f.rows[0].vat.Text; got != "210,00" {
		t.Errorf("live VAT %q", got)
	}
	if want := "-1\u00a0210,00\u00a0Kč (reduces FP2026-0001)"; !strings.Contains(f.total.Text, want) {
		t.Errorf("total %q, want %q", f.total.Text, want)
	}
	capture(t, w, "/tmp/kontor-credit.png")
	test.Tap(button(t, w.Content(), "Record and post"))
	if pt.pay.count() != 2 || pt.v.form != nil {
		t.Fatalf("credit note not recorded: %d, %s", pt.pay.count(), dialogText(w))
	}
	if got := dialogText(w); !strings.Contains(got, "Credit note FP2026-0002 to FP2026-0001 is recorded") {
		t.Errorf("confirmation %q", got)
	}
	closeDialogs(w)
	cn := *pt.pay.purchases[1]
	if !cn.CreditNote || cn.Total != -121000 || cn.VAT[0].Base != -100000 || cn.VAT[0].VAT != -21000 || cn.DueDate != cn.IssueDate || cn.OriginalNo != "FP2026-0001" {
		t.Errorf("stored credit note %+v", cn)
	}
	// Posted the other way round: 518 and 343 credited, 321 debited.
	sums := map[string]int64{}
	for _, ln := range pt.ledger.entries[len(pt.ledger.entries)-1].Lines {
		sums[ln.Account] += ln.Debit - ln.Credit
	}
	if len(pt.ledger.entries) != entries+1 || sums["518"] != -100000 || sums["343"] != -21000 || sums["321"] != 121000 {
		t.Errorf("credit note posting %v", sums)
	}

	// The list: the credit note with its original and negative total, the
	// original with a refund due.
	capture(t, w, "/tmp/kontor-credit-list.png")
	shown = texts(w.Content())
	for _, want := range []string{"D-2026-07 to FP2026-0001", "-1\u00a0210,00\u00a0Kč", "credit note", "refund due"} {
		if !strings.Contains(shown, want) {
			t.Errorf("list lacks %q:\n%s", want, shown)
		}
	}
	if strings.Contains(shown, "paid") {
		t.Errorf("the overpaid invoice still says paid:\n%s", shown)
	}
	pt.v.openOnly.SetChecked(true)
	if pt.v.rows.Count != 1 {
		t.Errorf("open only lists %d, want the invoice with a refund due", pt.v.rows.Count)
	}
	pt.v.openOnly.SetChecked(false)

	// The original's detail: what was credited, the refund due, its credit note.
	pt.openRow(1)
	shown = texts(w.Content())
	for _, want := range []string{"Received invoice FP2026-0001 · refund due", "Credited", "Refund due from the supplier", "Credit notes"} {
		if !strings.Contains(shown, want) {
			t.Errorf("original's detail lacks %q:\n%s", want, shown)
		}
	}
	if got := buttonsText(w.Content()); strings.Contains(got, "Pay…") || !strings.Contains(got, "FP2026-0002 · D-2026-07") || !strings.Contains(got, "Credit note…") {
		t.Errorf("original's buttons:\n%s", got)
	}
	capture(t, w, "/tmp/kontor-credit-detail.png")

	// The credit note's detail names its original and offers no payment.
	test.Tap(button(t, w.Content(), "FP2026-0002 · D-2026-07 · 15.\u00a03.\u00a02026 · -1\u00a0210,00\u00a0Kč"))
	shown = texts(w.Content())
	if !strings.Contains(shown, "Received credit note FP2026-0002 · credit note") || !strings.Contains(shown, "it reduces FP2026-0001") {
		t.Errorf("credit note's detail:\n%s", shown)
	}
	capture(t, w, "/tmp/kontor-credit-note.png")
	if got := buttonsText(w.Content()); strings.Contains(got, "Pay…") || strings.Contains(got, "Credit note…") || !strings.Contains(got, "FP2026-0001") {
		t.Errorf("credit note's buttons:\n%s", got)
	}
	test.Tap(button(t, w.Content(), "FP2026-0001"))
	if !strings.Contains(texts(w.Content()), "Received invoice FP2026-0001") {
		t.Error("the original does not open from its credit note")
	}
}

func TestPayablesCreditNoteTooLargeRefused(t *testing.T) {
	pt := newPayablesTest(t)
	w := pt.w
	pt.paidPurchase(t)
	pt.openRow(0)
	test.Tap(button(t, w.Content(), "Credit note…"))
	f := pt.v.form
	entries := len(pt.ledger.entries)
	test.Type(f.number, "D-2026-08")
	test.Type(f.rows[0].base, "20 000")
	test.Tap(button(t, w.Content(), "Record and post"))
	if got := f.opts.Message("purchase.vat"); !strings.Contains(got, "larger than what remains of invoice FP2026-0001") {
		t.Errorf("message at the amounts %q", got)
	}
	if !strings.Contains(dialogText(w), "larger than what remains") {
		t.Errorf("dialog %q", dialogText(w))
	}
	if pt.pay.count() != 1 || len(pt.ledger.entries) != entries || pt.pay.purchases[0].Credited != 0 {
		t.Fatalf("a refused credit note wrote: %d invoices, %d entries", pt.pay.count(), len(pt.ledger.entries))
	}
	closeDialogs(w)

	// The whole invoice credited: no further credit note is offered.
	retype(f.rows[0].base, "10 000")
	test.Tap(button(t, w.Content(), "Record and post"))
	closeDialogs(w)
	if pt.pay.count() != 2 {
		t.Fatalf("full credit note not recorded: %s", dialogText(w))
	}
	pt.openRow(1)
	if got := buttonsText(w.Content()); strings.Contains(got, "Credit note…") || strings.Contains(got, "Pay…") {
		t.Errorf("a fully credited invoice offers:\n%s", got)
	}
	if p := pt.pay.purchases[0]; p.Remaining() != -1210000 || p.StatusOn(app.Today(pt.d.Clock())) != app.StatusCredited {
		t.Errorf("fully credited: remaining %d, status %s", p.Remaining(), p.StatusOn(app.Today(pt.d.Clock())))
	}
}

// A purchase without the right to deduct VAT (§72) posts the VAT to the cost.
func TestPayablesVATNotDeductible(t *testing.T) {
	pt := newPayablesTest(t)
	f := pt.fillPurchase(t, "REP-7")
	if f.noDeduct.Disabled() || f.noDeduct.Checked {
		t.Fatal("a VAT payer's purchase starts deductible, and may be marked otherwise")
	}
	f.noDeduct.SetChecked(true)
	test.Tap(button(t, pt.w.Content(), "Record and post"))
	closeDialogs(pt.w)
	ps, _, err := pt.pay.Purchases(pt.d.Ctx(), app.PurchaseFilter{Search: "REP-7"}, 0, 10)
	if err != nil || len(ps) != 1 {
		t.Fatalf("recorded %v, %v", ps, err)
	}
	if !ps[0].NoDeduction {
		t.Fatal("the purchase claims its VAT")
	}
	for _, l := range app.PurchasePosting(ps[0], "CZK", pt.v.company.Chart.Posting()) {
		if l.Account == "343" {
			t.Fatalf("VAT posted to 343: %+v", l)
		}
	}
}
