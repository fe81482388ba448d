package payables

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// payablesTest is the Payables pane for an accountant on 15 March 2026 over
// a real store with one supplier and one customer who is not one.
type payablesTest struct {
	*paneTest
	v *payablesView
}

func newPayablesTest(t *testing.T) *payablesTest {
	t.Helper()
	db := datatest.MustOpen(t, datatest.Clock(payNow))
	for _, k := range []app.Customer{
		{Name: "Dřevo Šťastný s.r.o.", Street: "Lesní 4", City: "Jihlava", ICO: "25596641", PaymentDays: 30, Supplier: true, BankAccount: "1234567899/0100"},
		{Name: "Žluťoučký kůň a.s.", Street: "Polní 1", City: "Brno", PaymentDays: 14},
	} {
		if _, err := db.SaveCustomer(db.Ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	pt := openPanes(t, db)
	return &payablesTest{paneTest: pt, v: pt.selectPane(t, "payables", "Payables").pay}
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

// openRow opens the detail of the invoice in row of the list.
func (pt *payablesTest) openRow(row int) {
	pt.v.table.OnSelected(widget.TableCellID{Row: row, Col: 0})
}

// paidPurchase records FA-2026/0042 of the supplier (10 000,00 + 21 % =
// 12 100,00) on 5 March and pays it in full, through the store as the
// admin, then reloads the list.
func (pt *payablesTest) paidPurchase(t *testing.T) app.PurchaseInvoice {
	t.Helper()
	db := pt.db
	sups, err := db.Suppliers(db.Ctx, "šťastný", 0)
	if err != nil || len(sups) != 1 {
		t.Fatalf("supplier: %v %v", sups, err)
	}
	day := app.Today(db.Clock).AddDays(-10)
	p, err := db.RecordPurchase(db.Ctx, app.PurchaseInvoice{SupplierID: sups[0].ID, SupplierNumber: "FA-2026/0042", IssueDate: day, DueDate: day.AddDays(30),
		VAT: []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: 1000000, VAT: 210000}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.PaySupplier(db.Ctx, app.Payment{DocID: p.ID, Date: day, Amount: app.M(p.Total, "CZK"), Method: app.PayBank}); err != nil {
		t.Fatal(err)
	}
	pt.v.reload()
	return p
}

func TestPayablesRecordReceivedInvoiceAndPay(t *testing.T) {
	pt := newPayablesTest(t)
	w, db := pt.w, pt.db
	start := db.EntryIDs(t)

	// Saving an empty form names the missing supplier and writes nothing.
	test.Tap(button(t, w.Content(), "New received invoice…"))
	test.Tap(button(t, w.Content(), "Record and post"))
	if got := pt.v.form.head.Message("purchase.supplier"); got != "is required" || len(purchases(t, db)) != 0 {
		t.Fatalf("empty form: message %q, %d recorded", got, len(purchases(t, db)))
	}
	kittest.CloseDialogs(w)
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

	test.Tap(button(t, w.Content(), "Record and post"))
	if n := len(purchases(t, db)); n != 1 || pt.v.form != nil {
		t.Fatalf("not recorded: %d, %s", n, kittest.DialogText(w))
	}
	if got := kittest.DialogText(w); !strings.Contains(got, "FP2026-0001 is recorded") {
		t.Errorf("confirmation %q", got)
	}
	kittest.CloseDialogs(w)
	shown := texts(w.Content())
	for _, want := range []string{"FP2026-0001", "FA-2026/0042", "Dřevo Šťastný s.r.o.", "15.\u00a03.\u00a02026", "14.\u00a04.\u00a02026", "13\u00a0220,01\u00a0Kč", "issued"} {
		if !strings.Contains(shown, want) {
			t.Errorf("list lacks %q:\n%s", want, shown)
		}
	}
	// Posted in the real journal: the bases to 518, the input VAT to 343
	// (tagged per rate for the VAT return), the total to 321.
	posted := db.NewEntries(t, start)
	if len(posted) != 1 {
		t.Fatalf("recording posted %d entries", len(posted))
	}
	e := posted[0]
	if s := sums(e); s["518"] != 1100000 || s["343"] != 222001 || s["321"] != -1322001 || len(s) != 3 {
		t.Errorf("posting %v: %+v", s, e.Lines)
	}
	if e.Date != app.Today(db.Clock) {
		t.Errorf("posted on %v, want the DUZP", e.Date)
	}
	tags := map[string]app.VATTag{}
	for _, ln := range e.Lines {
		if ln.Account == "343" {
			if ln.VAT == nil {
				t.Fatalf("a 343 line without its VAT tag: %+v", ln)
			}
			tags[ln.VAT.Rate.Format(app.Czech)] = *ln.VAT
		} else if ln.VAT != nil {
			t.Errorf("a %s line tagged for VAT: %+v", ln.Account, ln)
		}
	}
	if tg := tags["21"]; tg.Side != app.VATIn || tg.Regime != app.RegimeDomestic || tg.Base != 1000000 || tg.Doc != "FA-2026/0042" || tg.DocTotal != 1322001 {
		t.Errorf("21 %% VAT tag %+v", tg)
	}
	if tg := tags["12"]; tg.Side != app.VATIn || tg.Base != 100000 || len(tags) != 2 {
		t.Errorf("12 %% VAT tag %+v of %d", tg, len(tags))
	}

	// The same supplier's number again is refused naming the first; nothing is written.
	before := db.EntryIDs(t)
	f = pt.fillPurchase(t, "FA-2026/0042")
	test.Tap(button(t, w.Content(), "Record and post"))
	if got := kittest.DialogText(w); !strings.Contains(got, "FA-2026/0042 of Dřevo Šťastný s.r.o. is already recorded as FP2026-0001") {
		t.Errorf("duplicate dialog %q", got)
	}
	if got := f.head.Message("purchase.supplier_number"); !strings.Contains(got, "already recorded") {
		t.Errorf("duplicate not shown at the number: %q", got)
	}
	if n, e := len(purchases(t, db)), db.NewEntries(t, before); n != 1 || len(e) != 0 {
		t.Errorf("a duplicate wrote: %d invoices, %d entries", n, len(e))
	}
	kittest.CloseDialogs(w)
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
	pt.openRow(0)
	test.Tap(button(t, w.Content(), "Pay…"))
	amount := kittest.FieldAfter(t, w.Canvas().Overlays().Top(), "Amount")
	if amount.Text != "13 220,01" {
		t.Errorf("amount defaults to %q", amount.Text)
	}
	retype(amount, "20 000")
	tapDialog(t, w, "Record payment")
	if got := kittest.DialogText(w); !strings.Contains(got, "remains to be paid") {
		t.Errorf("overpayment dialog %q", got)
	}
	if p := purchaseNo(t, db, "FP2026-0001"); p.Paid != 0 {
		t.Errorf("an overpayment was stored: paid %d", p.Paid)
	}
	retype(amount, "10 000")
	tapDialog(t, w, "Record payment")
	shown = texts(w.Content())
	if !strings.Contains(shown, "10\u00a0000,00\u00a0Kč · Bank transfer") || !strings.Contains(shown, "partly paid") {
		t.Errorf("detail after a partial payment:\n%s", shown)
	}
	test.Tap(button(t, w.Content(), "Pay…"))
	tapDialog(t, w, "Record payment")
	p := purchaseNo(t, db, "FP2026-0001")
	if p.Paid != p.Total || !strings.Contains(texts(w.Content()), "· paid") {
		t.Errorf("paid %d of %d:\n%s", p.Paid, p.Total, texts(w.Content()))
	}
	if strings.Contains(kittest.ButtonsText(w.Content()), "Pay…") {
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
	// The two payments: Dr 321, Cr 221 each; the payables account is settled.
	pays := db.NewEntries(t, before)
	if len(pays) != 2 {
		t.Fatalf("payments posted %d entries", len(pays))
	}
	if s := sums(pays[0]); s["321"] != 1000000 || s["221"] != -1000000 || len(s) != 2 {
		t.Errorf("first payment posting %v", s)
	}
	if s := sums(pays[1]); s["321"] != 322001 || s["221"] != -322001 || len(s) != 2 {
		t.Errorf("second payment posting %v", s)
	}
	if b := balance(t, db, "321"); b != 0 {
		t.Errorf("321 after paying in full: %d", b)
	}
	if b := balance(t, db, "221"); b != -1322001 {
		t.Errorf("221 after paying: %d", b)
	}
}

func TestPayablesSupplierFromCustomerAndNew(t *testing.T) {
	pt := newPayablesTest(t)
	w, db := pt.w, pt.db
	test.Tap(button(t, w.Content(), "New received invoice…"))

	// An existing customer becomes a supplier.
	test.Tap(button(t, w.Content(), "Choose…"))
	tapDialog(t, w, "Customer as supplier…")
	test.Type(overlayEntry(t, w, 0), "kůň")
	listIn(t, w.Canvas().Overlays().Top()).Select(0)
	f := pt.v.form
	if f.supplier == nil || f.supplier.Name != "Žluťoučký kůň a.s." || !f.supplier.Supplier {
		t.Fatalf("picked %+v", f.supplier)
	}
	if c, err := db.Customer(db.Ctx, f.supplier.ID); err != nil || !c.Supplier {
		t.Errorf("the customer was not stored as a supplier: %+v %v", c, err)
	}

	// A new supplier: the customer form with Supplier checked; a bad account is shown at its field.
	customersBefore := countCustomers(t, db)
	test.Tap(button(t, w.Content(), "Choose…"))
	tapDialog(t, w, "New supplier…")
	form := w.Canvas().Overlays().Top()
	if !strings.Contains(texts(form), "New supplier") {
		t.Errorf("form title:\n%s", texts(form))
	}
	test.Type(kittest.FieldAfter(t, form, "Name"), "Kovo Brno s.r.o.")
	test.Type(kittest.FieldAfter(t, form, "Bank account"), "12345/0000")
	tapDialog(t, w, "Save")
	if n := countCustomers(t, db); n != customersBefore || !strings.Contains(texts(form), "Bank account") {
		t.Fatalf("a bad account was saved: %d customers", n)
	}
	if msg := dangerText(form); !strings.Contains(msg, "account") {
		t.Errorf("no message at the bank account: %q", msg)
	}
	retype(kittest.FieldAfter(t, form, "Bank account"), "19-2000145399/0800")
	tapDialog(t, w, "Save")
	f = pt.v.form
	if f.supplier == nil || f.supplier.Name != "Kovo Brno s.r.o." || !f.supplier.Supplier || f.supplier.BankAccount != "19-2000145399/0800" {
		t.Fatalf("new supplier %+v", f.supplier)
	}
	if !strings.Contains(f.supName.Text, "19-2000145399/0800") {
		t.Errorf("supplier shown as %q", f.supName.Text)
	}
	found, err := db.Suppliers(db.Ctx, "", 0)
	if err != nil || len(found) != 3 {
		t.Errorf("%d suppliers stored, want 3 (%v)", len(found), err)
	}
	if n := countCustomers(t, db); n != customersBefore+1 {
		t.Errorf("%d customers, want one more", n)
	}
}

// countCustomers is how many customers (suppliers among them) are stored.
func countCustomers(t *testing.T, db *datatest.DB) int {
	t.Helper()
	cs, err := db.Customers(db.Ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	return len(cs)
}

func TestPayablesCreditNoteForPaidInvoice(t *testing.T) {
	pt := newPayablesTest(t)
	w, db := pt.w, pt.db
	orig := pt.paidPurchase(t)
	pt.openRow(0)
	if got := kittest.ButtonsText(w.Content()); !strings.Contains(got, "Credit note…") || strings.Contains(got, "Pay…") {
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
	if strings.Contains(kittest.ButtonsText(w.Content()), "Choose…") || !f.curSel.Disabled() || f.curSel.Selected != "CZK" {
		t.Error("the supplier or currency of a credit note can be changed")
	}
	if f.due.Text != "" || f.account.Selected != "518 Ostatní služby" {
		t.Errorf("due %q, account %q", f.due.Text, f.account.Selected)
	}

	// The credit note's own number is required; nothing is written without it.
	before := db.EntryIDs(t)
	test.Tap(button(t, w.Content(), "Record and post"))
	if got := f.head.Message("purchase.supplier_number"); got != "is required" || len(purchases(t, db)) != 1 {
		t.Fatalf("no number: message %q, %d recorded", got, len(purchases(t, db)))
	}
	kittest.CloseDialogs(w)

	// Positive amounts as printed; VAT follows live; the total is a reduction.
	test.Type(f.number, "D-2026-07")
	test.Type(f.rows[0].base, "1 000")
	if got := f.rows[0].vat.Text; got != "210,00" {
		t.Errorf("live VAT %q", got)
	}
	if want := "-1\u00a0210,00\u00a0Kč (reduces FP2026-0001)"; !strings.Contains(f.total.Text, want) {
		t.Errorf("total %q, want %q", f.total.Text, want)
	}
	test.Tap(button(t, w.Content(), "Record and post"))
	if n := len(purchases(t, db)); n != 2 || pt.v.form != nil {
		t.Fatalf("credit note not recorded: %d, %s", n, kittest.DialogText(w))
	}
	if got := kittest.DialogText(w); !strings.Contains(got, "Credit note FP2026-0002 to FP2026-0001 is recorded") {
		t.Errorf("confirmation %q", got)
	}
	kittest.CloseDialogs(w)
	cn := purchaseNo(t, db, "FP2026-0002")
	if !cn.CreditNote || cn.Total != -121000 || len(cn.VAT) != 1 || cn.VAT[0].Base != -100000 || cn.VAT[0].VAT != -21000 || cn.DueDate != cn.IssueDate || cn.OriginalNo != "FP2026-0001" {
		t.Errorf("stored credit note %+v", cn)
	}
	// Posted the other way round: 518 and 343 credited, 321 debited; the
	// VAT tag carries the negative base of a credit note.
	posted := db.NewEntries(t, before)
	if len(posted) != 1 {
		t.Fatalf("the credit note posted %d entries", len(posted))
	}
	if s := sums(posted[0]); s["518"] != -100000 || s["343"] != -21000 || s["321"] != 121000 || len(s) != 3 {
		t.Errorf("credit note posting %v", s)
	}
	for _, ln := range posted[0].Lines {
		if ln.Account == "343" && (ln.VAT == nil || ln.VAT.Side != app.VATIn || ln.VAT.Base != -100000 || ln.VAT.Doc != "D-2026-07") {
			t.Errorf("credit note's VAT line %+v tag %+v", ln, ln.VAT)
		}
	}
	if b := balance(t, db, "321"); b != 121000 {
		t.Errorf("321 after the credit note of a paid invoice: %d, want the refund due 121000", b)
	}

	// The list: the credit note with its original and negative total, the
	// original with a refund due.
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
	if got := kittest.ButtonsText(w.Content()); strings.Contains(got, "Pay…") || !strings.Contains(got, "FP2026-0002 · D-2026-07") || !strings.Contains(got, "Credit note…") {
		t.Errorf("original's buttons:\n%s", got)
	}

	// The credit note's detail names its original and offers no payment.
	test.Tap(button(t, w.Content(), "FP2026-0002 · D-2026-07 · 15.\u00a03.\u00a02026 · -1\u00a0210,00\u00a0Kč"))
	shown = texts(w.Content())
	if !strings.Contains(shown, "Received credit note FP2026-0002 · credit note") || !strings.Contains(shown, "it reduces FP2026-0001") {
		t.Errorf("credit note's detail:\n%s", shown)
	}
	if got := kittest.ButtonsText(w.Content()); strings.Contains(got, "Pay…") || strings.Contains(got, "Credit note…") || !strings.Contains(got, "FP2026-0001") {
		t.Errorf("credit note's buttons:\n%s", got)
	}
	test.Tap(button(t, w.Content(), "FP2026-0001"))
	if !strings.Contains(texts(w.Content()), "Received invoice FP2026-0001") {
		t.Error("the original does not open from its credit note")
	}
}

func TestPayablesCreditNoteTooLargeRefused(t *testing.T) {
	pt := newPayablesTest(t)
	w, db := pt.w, pt.db
	pt.paidPurchase(t)
	pt.openRow(0)
	test.Tap(button(t, w.Content(), "Credit note…"))
	f := pt.v.form
	before := db.EntryIDs(t)
	test.Type(f.number, "D-2026-08")
	test.Type(f.rows[0].base, "20 000")
	test.Tap(button(t, w.Content(), "Record and post"))
	if got := f.opts.Message("purchase.vat"); !strings.Contains(got, "larger than what remains of invoice FP2026-0001") {
		t.Errorf("message at the amounts %q", got)
	}
	if !strings.Contains(kittest.DialogText(w), "larger than what remains") {
		t.Errorf("dialog %q", kittest.DialogText(w))
	}
	if n, e := len(purchases(t, db)), db.NewEntries(t, before); n != 1 || len(e) != 0 || purchaseNo(t, db, "FP2026-0001").Credited != 0 {
		t.Fatalf("a refused credit note wrote: %d invoices, %d entries", n, len(e))
	}
	kittest.CloseDialogs(w)

	// The whole invoice credited: no further credit note is offered.
	retype(f.rows[0].base, "10 000")
	test.Tap(button(t, w.Content(), "Record and post"))
	kittest.CloseDialogs(w)
	if n := len(purchases(t, db)); n != 2 {
		t.Fatalf("full credit note not recorded: %s", kittest.DialogText(w))
	}
	pt.openRow(1)
	if got := texts(w.Content()); !strings.Contains(got, "Received invoice FP2026-0001") {
		t.Fatalf("row 1 is not the original:\n%s", got)
	}
	if got := kittest.ButtonsText(w.Content()); strings.Contains(got, "Credit note…") || strings.Contains(got, "Pay…") {
		t.Errorf("a fully credited invoice offers:\n%s", got)
	}
	if p := purchaseNo(t, db, "FP2026-0001"); p.Remaining() != -1210000 || p.StatusOn(app.Today(db.Clock)) != app.StatusCredited {
		t.Errorf("fully credited: remaining %d, status %s", p.Remaining(), p.StatusOn(app.Today(db.Clock)))
	}
	if b := balance(t, db, "321"); b != 1210000 {
		t.Errorf("321 after crediting a paid invoice in full: %d, want the refund due", b)
	}
}

// A purchase without the right to deduct VAT (§72) posts the VAT to the cost.
func TestPayablesVATNotDeductible(t *testing.T) {
	pt := newPayablesTest(t)
	db := pt.db
	before := db.EntryIDs(t)
	f := pt.fillPurchase(t, "REP-7")
	if f.noDeduct.Disabled() || f.noDeduct.Checked {
		t.Fatal("a VAT payer's purchase starts deductible, and may be marked otherwise")
	}
	f.noDeduct.SetChecked(true)
	test.Tap(button(t, pt.w.Content(), "Record and post"))
	kittest.CloseDialogs(pt.w)
	ps, _, err := db.Purchases(db.Ctx, app.PurchaseFilter{Search: "REP-7"}, 0, 10)
	if err != nil || len(ps) != 1 {
		t.Fatalf("recorded %v, %v", ps, err)
	}
	if !ps[0].NoDeduction {
		t.Fatal("the purchase claims its VAT")
	}
	// The real journal: the whole 13 220,01 is cost on 518, nothing on 343.
	posted := db.NewEntries(t, before)
	if len(posted) != 1 {
		t.Fatalf("posted %d entries", len(posted))
	}
	if s := sums(posted[0]); s["518"] != 1322001 || s["321"] != -1322001 || len(s) != 2 {
		t.Errorf("non-deductible posting %v: %+v", s, posted[0].Lines)
	}
	for _, ln := range posted[0].Lines {
		if ln.Account == "343" || ln.VAT != nil {
			t.Errorf("VAT claimed: %+v", ln)
		}
	}
}

// A received invoice in euros: the exchange rate shows only for a foreign
// currency and a wrong one is named at its field; the posting is in
// crowns at the invoice's rate, and paying it in euros is posted at that
// same rate, so the real journal has no exchange difference (563/663).
func TestPayablesForeignCurrencyAtTheInvoiceRate(t *testing.T) {
	pt := newPayablesTest(t)
	w, db := pt.w, pt.db
	start := db.EntryIDs(t)
	test.Tap(button(t, w.Content(), "New received invoice…"))
	f := pt.v.form
	rateField := f.opts.ByKey["purchase.exchange_rate"]
	if rateField.Label.Visible() {
		t.Error("the exchange rate shows for an invoice in crowns")
	}
	pt.chooseSupplier(t, "šťast")
	f.curSel.SetSelected("EUR")
	if !rateField.Label.Visible() {
		t.Fatal("no exchange rate for an invoice in euros")
	}
	test.Type(f.number, "INV-2026-77")
	test.Type(f.rows[0].base, "1 000")
	if got := f.rows[0].vat.Text; got != "210,00" {
		t.Errorf("live VAT %q", got)
	}
	if want := "1\u00a0210,00\u00a0€"; !strings.Contains(f.total.Text, want) {
		t.Errorf("total %q, want %q", f.total.Text, want)
	}
	test.Type(f.rate, "24,3x")
	test.Tap(button(t, w.Content(), "Record and post"))
	if got := f.opts.Message("purchase.exchange_rate"); got == "" {
		t.Errorf("a wrong rate is not named at its field; dialog %q", kittest.DialogText(w))
	}
	if n := len(purchases(t, db)); n != 0 {
		t.Fatalf("recorded with a wrong rate: %d", n)
	}
	kittest.CloseDialogs(w)
	retype(f.rate, "24,325")
	test.Tap(button(t, w.Content(), "Record and post"))
	if pt.v.form != nil {
		t.Fatalf("not recorded: %s", kittest.DialogText(w))
	}
	kittest.CloseDialogs(w)
	p := purchaseNo(t, db, "FP2026-0001")
	if p.Currency != "EUR" || p.Total != 121000 || p.ExchangeRate.Format(app.Czech) != "24,325" {
		t.Errorf("stored %s %d at %s", p.Currency, p.Total, p.ExchangeRate.Format(app.Czech))
	}
	// 1 000 € × 24,325 = 24 325,00 Kč to 518; 210 € = 5 108,25 Kč to 343.
	posted := db.NewEntries(t, start)
	if len(posted) != 1 {
		t.Fatalf("posted %d entries", len(posted))
	}
	if s := sums(posted[0]); s["518"] != 2432500 || s["343"] != 510825 || s["321"] != -2943325 || len(s) != 3 {
		t.Errorf("posting in crowns %v", s)
	}
	for _, ln := range posted[0].Lines {
		if ln.Account == "343" && (ln.VAT == nil || ln.VAT.Base != 2432500 || ln.VAT.DocTotal != 2943325) {
			t.Errorf("VAT tag in crowns %+v", ln.VAT)
		}
	}

	// Paid in euros from the list's detail.
	before := db.EntryIDs(t)
	pt.openRow(0)
	if got := texts(w.Content()); !strings.Contains(got, "24,325") {
		t.Errorf("the detail does not show the rate:\n%s", got)
	}
	test.Tap(button(t, w.Content(), "Pay…"))
	if a := kittest.FieldAfter(t, w.Canvas().Overlays().Top(), "Amount"); a.Text != "1 210,00" {
		t.Errorf("amount defaults to %q", a.Text)
	}
	tapDialog(t, w, "Record payment")
	if p := purchaseNo(t, db, "FP2026-0001"); p.Remaining() != 0 {
		t.Fatalf("not paid: %d left; %s", p.Remaining(), kittest.DialogText(w))
	}
	pays := db.NewEntries(t, before)
	if len(pays) != 1 {
		t.Fatalf("the payment posted %d entries", len(pays))
	}
	if s := sums(pays[0]); s["321"] != 2943325 || s["221"] != -2943325 || len(s) != 2 {
		t.Errorf("payment posting %v (no 563/663: paid at the invoice's rate)", s)
	}
	if b := balance(t, db, "321"); b != 0 {
		t.Errorf("321 after paying in euros: %d", b)
	}
	for _, a := range []string{"563", "663"} {
		if b := balance(t, db, a); b != 0 {
			t.Errorf("exchange difference on %s: %d", a, b)
		}
	}
}
