package screens

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// ABO records are built field by field as in app's tests: abo074 is a
// statement header of account 19-2000145399, abo075 one movement.
func aboPad(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s + strings.Repeat(" ", n-len([]rune(s)))
}

func aboNum(v int64, n int) string { return fmt.Sprintf("%0*d", n, v) }

func abo074(t *testing.T, opening, closing, debit, credit int64) string {
	rec := "074" + "0000192000145399" + aboPad("Truhlářství Novák", 20) + "271126" +
		aboNum(opening, 14) + "+" + aboNum(closing, 14) + "+" + aboNum(debit, 14) + "0" + aboNum(credit, 14) + "0" + "042" + "281126" + strings.Repeat(" ", 14)
	if n := len([]rune(rec)); n != 128 {
		t.Fatalf("074 of %d characters", n)
	}
	return rec
}

func abo075(t *testing.T, counter, id string, amount int64, code, vs, ks10, ss, name string) string {
	rec := "075" + "0000192000145399" + counter + aboPad(id, 13) + aboNum(amount, 12) + code +
		vs + ks10 + ss + "281126" + aboPad(name, 20) + "0" + "0203" + "281126"
	if n := len([]rune(rec)); n != 128 {
		t.Fatalf("075 of %d characters", n)
	}
	return rec
}

// sampleStatement is a day of 19-2000145399: 12 100,00 in with VS 20260001
// (pays FV2026-0001), 2 420,50 out with VS 4455 (pays the received invoice
// 4455), and two stornos without symbols (+100,00 and −50,00).
func sampleStatement(t *testing.T) []byte {
	return []byte(strings.Join([]string{
		abo074(t, 1000000, 1972950, 247050, 1220000),
		abo075(t, "0000002000145399", "0000012345678", 1210000, "2", "0020260001", "0008000308", "0000000000", "Žluťoučký kůň"),
		"078" + aboPad("Faktura FV2026-0001 děkujeme", 35) + aboPad("", 35),
		abo075(t, "0000001234567899", "0000012345679", 242050, "1", "0000004455", "0001000308", "0000000077", "Dřevo Šťastný"),
		abo075(t, "0000000000000000", "0000012345680", 10000, "4", "0000000000", "0000000000", "0000000000", "STORNO"),
		abo075(t, "0000000000000000", "0000012345681", 5000, "5", "0000000000", "0000000000", "0000000000", "STORNO KREDITU"),
	}, "\r\n") + "\r\n")
}

type bankTest struct {
	v     *bankView
	w     fyne.Window
	d     kit.Deps
	bank  *fakeBank
	pay   *fakePayables
	sales *fakeSales
}

// newBankTest opens the Bank pane for an accountant, with two issued
// invoices (12 100,00 and 100,00) and one received invoice (2 420,50, VS 4455).
func newBankTest(t *testing.T) *bankTest {
	t.Helper()
	test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	p, b := withPayablesFakes(&d)
	cust, _, sales := salesFakes(d)
	ctx := d.Ctx()
	buyer, err := cust.SaveCustomer(ctx, app.Customer{Name: "Žluťoučký kůň a.s.", Street: "Polní 1", City: "Brno", PaymentDays: 14})
	if err != nil {
		t.Fatal(err)
	}
	supplier, err := cust.SaveCustomer(ctx, app.Customer{Name: "Dřevo Šťastný s.r.o.", Street: "Lesní 4", City: "Jihlava", Supplier: true, PaymentDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	today := app.Today(d.Clock())
	for _, l := range []app.DocLine{
		{Text: "Kuchyňská linka", Quantity: app.Q(1), Unit: "ks", UnitPrice: 1000000, VATKind: app.VATStandard},
		{Text: "Dobropis dopravy", Quantity: app.Q(1), Unit: "ks", UnitPrice: 10000, VATKind: app.VATZero},
	} {
		doc, err := sales.SaveDraft(ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: buyer.ID, IssueDate: today, TaxDate: today,
			DueDate: today.AddDays(14), Currency: "CZK", PaymentMethod: app.PayBank, Lines: []app.DocLine{l}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sales.Issue(ctx, doc.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := p.RecordPurchase(ctx, app.PurchaseInvoice{SupplierID: supplier.ID, SupplierNumber: "4455", IssueDate: today, DueDate: today.AddDays(30),
		VAT: []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: 200041, VAT: 42009}}}); err != nil {
		t.Fatal(err)
	}
	users, _ := fakesOf(d)
	d.Sess.User = users.mustAdd(app.NewUser{Name: "ucetni", Roles: []app.Role{app.RoleAccounts}, Password: "kontor-demo"})
	old := kit.UILang
	kit.UILang = app.Czech
	t.Cleanup(func() { kit.UILang = old })
	w := test.NewTempWindow(t, nil)
	v := newBankView(d, w, c)
	w.SetContent(v.buildUI())
	w.Resize(fyne.NewSize(1400, 820))
	return &bankTest{v: v, w: w, d: d, bank: b, pay: p, sales: sales}
}

// row returns the index of the shown line with amount.
func (bt *bankTest) row(t *testing.T, amount int64) int {
	t.Helper()
	for i, e := range bt.v.entries {
		if e.Line.Amount.Amount == amount {
			return i
		}
	}
	t.Fatalf("no line of %d shown", amount)
	return -1
}

func TestBankImportConfirmPairIgnoreAndReimport(t *testing.T) {
	bt := newBankTest(t)
	w, v := bt.w, bt.v

	// Preview: nothing is written yet.
	v.importData("vypis-042.gpc", sampleStatement(t))
	shown := dialogText(w)
	for _, want := range []string{"account 19-2000145399", "4 lines: 2 matched, 0 ambiguous, 2 unmatched, 0 imported before",
		"matched: FV2026-0001 · Žluťoučký kůň a.s.", "matched: FP2026-0001 · Dřevo Šťastný s.r.o.", "12\u00a0100,00\u00a0Kč", "-2\u00a0420,50\u00a0Kč", "unmatched"} {
		if !strings.Contains(shown, want) {
			t.Errorf("preview lacks %q:\n%s", want, shown)
		}
	}
	if len(bt.bank.states()) != 0 {
		t.Fatal("the preview stored lines")
	}
	capture(t, w, "/tmp/kontor-bank-preview.png")
	tapDialog(t, w, "Import")
	if got := dialogText(w); !strings.Contains(got, "4 new lines stored, 0 skipped as imported before") {
		t.Errorf("import summary %q", got)
	}
	closeDialogs(w)
	if len(v.entries) != 4 || !strings.Contains(v.countText.Text, "4 lines, 2 matched") {
		t.Fatalf("list %d: %q", len(v.entries), v.countText.Text)
	}

	// Ticked lines are all that "Confirm matched" posts.
	v.table.Select(widget.TableCellID{Row: bt.row(t, -242050), Col: 0})
	test.Tap(button(t, w.Content(), "Confirm matched…"))
	if got := dialogText(w); !strings.Contains(got, "Post 1 matched payment? Incoming 0,00\u00a0Kč, outgoing 2\u00a0420,50\u00a0Kč") {
		t.Errorf("confirmation of the ticked line %q", got)
	}
	tapDialog(t, w, "No")
	v.table.Select(widget.TableCellID{Row: bt.row(t, -242050), Col: 0})
	if len(v.checked) != 0 {
		t.Fatalf("untick left %v", v.checked)
	}

	// Confirm matched: the count and totals are stated; both are posted.
	test.Tap(button(t, w.Content(), "Confirm matched…"))
	if got := dialogText(w); !strings.Contains(got, "Post 2 matched payments? Incoming 12\u00a0100,00\u00a0Kč, outgoing 2\u00a0420,50\u00a0Kč") {
		t.Errorf("confirmation %q", got)
	}
	tapDialog(t, w, "Yes")
	if got := dialogText(w); !strings.Contains(got, "2 payments are posted") {
		t.Errorf("posted %q", got)
	}
	closeDialogs(w)
	inv, _ := bt.sales.DocumentByNumber(bt.d.Ctx(), "FV2026-0001")
	pur, _, _ := bt.pay.Purchases(bt.d.Ctx(), app.PurchaseFilter{}, 0, 10)
	if inv.Remaining() != 0 || pur[0].Remaining() != 0 {
		t.Errorf("not paid: invoice %d left, received %d left", inv.Remaining(), pur[0].Remaining())
	}
	if len(v.entries) != 2 {
		t.Errorf("pending after confirming: %d", len(v.entries))
	}

	// Pair the +100,00 storno by hand with the second invoice.
	if !bt.v.pairBtn.Disabled() {
		t.Error("Pair is enabled with no line chosen")
	}
	v.table.Select(widget.TableCellID{Row: bt.row(t, 10000), Col: 2})
	test.Tap(button(t, w.Content(), "Pair…"))
	list := listIn(t, w.Canvas().Overlays().Top())
	if list.Length() != 1 {
		t.Fatalf("%d open invoices offered, want FV2026-0002 only", list.Length())
	}
	list.Select(0)
	if got := dialogText(w); !strings.Contains(got, "to FV2026-0002 (Žluťoučký kůň a.s.") {
		t.Errorf("pair confirmation %q", got)
	}
	tapDialog(t, w, "Yes")
	closeDialogs(w)
	if inv2, _ := bt.sales.DocumentByNumber(bt.d.Ctx(), "FV2026-0002"); inv2.Remaining() != 0 {
		t.Errorf("FV2026-0002 not paid: %d left", inv2.Remaining())
	}

	// Ignore the −50,00 storno.
	v.table.Select(widget.TableCellID{Row: bt.row(t, -5000), Col: 1})
	test.Tap(button(t, w.Content(), "Ignore"))
	tapDialog(t, w, "Yes")
	if len(v.entries) != 0 {
		t.Errorf("%d lines still pending", len(v.entries))
	}
	states := fmt.Sprint(bt.bank.states())
	if states != "[posted posted posted ignored]" {
		t.Errorf("states %s", states)
	}
	v.pendingOnly.SetChecked(false)
	if len(v.entries) != 4 || !strings.Contains(texts(w.Content()), "ignored") {
		t.Errorf("all lines: %d", len(v.entries))
	}
	capture(t, w, "/tmp/kontor-bank.png")

	// The same file again stores and posts nothing.
	payments := len(bt.sales.payments)
	v.importData("vypis-042.gpc", sampleStatement(t))
	if got := dialogText(w); !strings.Contains(got, "4 imported before") {
		t.Errorf("second preview %q", got)
	}
	tapDialog(t, w, "Import")
	if got := dialogText(w); !strings.Contains(got, "0 new lines stored, 4 skipped as imported before") {
		t.Errorf("second import %q", got)
	}
	if len(bt.bank.states()) != 4 || len(bt.sales.payments) != payments {
		t.Errorf("a second import wrote: %d lines, %d payments", len(bt.bank.states()), len(bt.sales.payments))
	}
}

func TestBankCSVMappingRemembered(t *testing.T) {
	bt := newBankTest(t)
	w, v := bt.w, bt.v
	csv := "Výpis z účtu 2000145399/2010;;;;;;;\n" +
		"Datum;Objem;Měna;Protiúčet;Kód banky;VS;Zpráva pro příjemce;ID pohybu\n" +
		"28.11.2026;12 100,00;CZK;2000145399;0800;20260001;Faktura;1001\n" +
		"29.11.2026;-99,00;CZK;;;;Poplatek;1002\n"
	header := "Datum;Objem;Měna;Protiúčet;Kód banky;VS;Zpráva pro příjemce;ID pohybu"

	v.importData("fio.csv", []byte(csv))
	form := w.Canvas().Overlays().Top()
	if !strings.Contains(texts(form), "guessed the columns of fio.csv") {
		t.Fatalf("mapping dialog:\n%s", texts(form))
	}
	var selects []*widget.Select
	for _, o := range objects(form) {
		if s, ok := o.(*widget.Select); ok {
			selects = append(selects, s)
		}
	}
	if len(selects) != len(csvFields)+1 || selects[0].Selected != "1: Datum" || selects[1].Selected != "2: Objem" || selects[3].Selected != "6: VS" {
		t.Fatalf("guessed %d selects: date %q amount %q vs %q", len(selects), selects[0].Selected, selects[1].Selected, selects[3].Selected)
	}
	capture(t, w, "/tmp/kontor-bank-mapping.png")
	// Without a date column the mapping is refused at its field.
	selects[0].SetSelectedIndex(0)
	tapDialog(t, w, "Continue")
	if !strings.Contains(texts(form), "is required") {
		t.Errorf("no message at the date:\n%s", texts(form))
	}
	selects[0].SetSelectedIndex(1)
	selects[6].SetSelectedIndex(8) // the message as the counter-account, to see it remembered
	tapDialog(t, w, "Continue")
	if got := dialogText(w); !strings.Contains(got, "2 lines: 1 matched") || !strings.Contains(got, "Poplatek") {
		t.Fatalf("CSV preview:\n%s", got)
	}
	m, ok, _ := bt.bank.BankMapping(bt.d.Ctx(), header)
	if !ok || m.Date != 0 || m.Amount != 1 || m.CounterAccount != 7 || m.Skip != 1 {
		t.Errorf("remembered %v %+v", ok, m)
	}
	closeDialogs(w)

	// The next file with this header opens with the remembered mapping.
	v.importData("fio-2.csv", []byte(csv))
	form = w.Canvas().Overlays().Top()
	if !strings.Contains(texts(form), "as you set them last time") {
		t.Errorf("remembered mapping not used:\n%s", texts(form))
	}
	for _, o := range objects(form) {
		if s, ok := o.(*widget.Select); ok && strings.HasPrefix(s.Selected, "8: ") {
			return
		}
	}
	t.Error("the remembered counter-account column is not selected")
}

func TestBankRefusesUnknownFormat(t *testing.T) {
	bt := newBankTest(t)
	bt.v.importData("poznamky.txt", []byte("Nákupní seznam: mléko, chleba\n"))
	if got := dialogText(bt.w); !strings.Contains(got, "unknown bank statement format") {
		t.Errorf("unknown format dialog %q", got)
	}
	closeDialogs(bt.w)
	bt.v.importData("obrazek.png", []byte{0x89, 'P', 'N', 'G', 0, 0, 0xff, 0xfe, 0})
	if got := dialogText(bt.w); got == "" || len(bt.bank.states()) != 0 {
		t.Errorf("binary file: dialog %q, %d lines stored", got, len(bt.bank.states()))
	}
}

func TestBankPostLineToAccount(t *testing.T) {
	bt := newBankTest(t)
	v, w := bt.v, bt.w
	v.importData("vypis-042.gpc", sampleStatement(t))
	tapDialog(t, w, "Import")
	closeDialogs(w)
	if !v.postBtn.Disabled() {
		t.Error("To account… is enabled with no line chosen")
	}
	v.table.Select(widget.TableCellID{Row: bt.row(t, -5000), Col: 1})
	test.Tap(button(t, w.Content(), "To account…"))
	var sel *widget.Select
	for _, o := range objects(w.Canvas().Overlays().Top()) {
		if s, ok := o.(*widget.Select); ok {
			sel = s
		}
	}
	if sel == nil || sel.Selected != "568 Ostatní finanční náklady" {
		t.Fatalf("account offered %+v", sel)
	}
	for _, o := range sel.Options {
		if strings.HasPrefix(o, "221 ") || strings.HasPrefix(o, "311 ") || strings.HasPrefix(o, "321 ") {
			t.Errorf("%q offered: bank, receivables and payables are paired, not posted to", o)
		}
	}
	sel.ClearSelected()
	tapDialog(t, w, "Post")
	if got := dialogText(w); !strings.Contains(got, "is required") {
		t.Fatalf("no account: %q", got)
	}
	sel.SetSelected("568 Ostatní finanční náklady")
	tapDialog(t, w, "Post")
	if fmt.Sprint(bt.bank.posted) != "[568]" {
		t.Fatalf("posted to %v", bt.bank.posted)
	}
	if got := fmt.Sprint(bt.bank.states()); got != "[matched matched unmatched posted]" {
		t.Errorf("states %s", got)
	}
	if !v.postBtn.Disabled() && v.sel >= 0 && !pendingState(v.entries[v.sel].State) {
		t.Error("To account… stays enabled for a posted line")
	}
}

func TestBankPairIncomingLineWithSupplierRefund(t *testing.T) {
	bt := newBankTest(t)
	w, v, ctx := bt.w, bt.v, bt.d.Ctx()
	// FP2026-0001 (2 420,50) is paid, then the supplier's credit note of
	// 1 210,00 leaves 1 210,00 for them to send back.
	orig := *bt.pay.purchases[0]
	day := app.Today(bt.d.Clock())
	if _, err := bt.pay.PaySupplier(ctx, app.Payment{DocID: orig.ID, Date: day, Amount: app.M(orig.Total, "CZK"), Method: app.PayBank}); err != nil {
		t.Fatal(err)
	}
	if _, err := bt.pay.RecordPurchase(ctx, app.PurchaseInvoice{SupplierID: orig.SupplierID, SupplierNumber: "D-77", IssueDate: day, CreditNote: true, OriginalID: orig.ID,
		VAT: []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: -100000, VAT: -21000}}}); err != nil {
		t.Fatal(err)
	}
	if p, _ := bt.pay.Purchase(ctx, orig.ID); p.Remaining() != -121000 {
		t.Fatalf("refund due %d", p.Remaining())
	}
	// With the invoice's variable symbol the refund is proposed by itself.
	withVS := strings.Join([]string{
		abo074(t, 1000000, 1121000, 0, 121000),
		abo075(t, "0000001234567899", "0000012345689", 121000, "2", "0000004455", "0000000000", "0000000000", "Dřevo Šťastný"),
	}, "\r\n") + "\r\n"
	v.importData("vratka-vs.gpc", []byte(withVS))
	if got := dialogText(w); !strings.Contains(got, "matched: FP2026-0001 · Dřevo Šťastný s.r.o.") {
		t.Errorf("preview of a refund with the invoice's VS:\n%s", got)
	}
	closeDialogs(w)
	// The money comes back without a variable symbol: nothing matches it.
	st := strings.Join([]string{
		abo074(t, 1000000, 1121000, 0, 121000),
		abo075(t, "0000001234567899", "0000012345690", 121000, "2", "0000000000", "0000000000", "0000000000", "Dřevo Šťastný"),
	}, "\r\n") + "\r\n"
	v.importData("vratka.gpc", []byte(st))
	tapDialog(t, w, "Import")
	closeDialogs(w)
	if len(v.entries) != 1 || v.entries[0].State != app.MatchNone {
		t.Fatalf("imported %+v", v.entries)
	}

	// Pairing offers the open sales invoices and the refund, the refund first.
	v.table.Select(widget.TableCellID{Row: bt.row(t, 121000), Col: 2})
	test.Tap(button(t, w.Content(), "Pair…"))
	top := w.Canvas().Overlays().Top()
	if !strings.Contains(texts(top), "an invoice or a supplier's refund") {
		t.Errorf("pair dialog:\n%s", texts(top))
	}
	list := listIn(t, top)
	if list.Length() != 3 {
		t.Fatalf("%d documents offered, want 2 sales invoices and the refund", list.Length())
	}
	if got := texts(list); !strings.Contains(got, "FP2026-0001 · Dřevo Šťastný s.r.o. · refund due 1\u00a0210,00\u00a0Kč") {
		t.Errorf("offered:\n%s", got)
	}
	capture(t, w, "/tmp/kontor-bank-refund.png")
	list.Select(0)
	if got := dialogText(w); !strings.Contains(got, "as the refund of Dřevo Šťastný s.r.o. on FP2026-0001 (1\u00a0210,00\u00a0Kč refund due)") {
		t.Fatalf("confirmation %q", got)
	}
	tapDialog(t, w, "Yes")
	closeDialogs(w)

	p, _ := bt.pay.Purchase(ctx, orig.ID)
	if p.Remaining() != 0 || p.Paid != orig.Total-121000 {
		t.Errorf("after the refund: remaining %d, paid %d", p.Remaining(), p.Paid)
	}
	pays, _ := bt.pay.SupplierPayments(ctx, orig.ID)
	if len(pays) != 2 || pays[1].Amount.Amount != -121000 || pays[1].BankEntry == "" {
		t.Errorf("payments %+v", pays)
	}
	if got := fmt.Sprint(bt.bank.states()); got != "[posted]" {
		t.Errorf("states %s", got)
	}
	if e := bt.bank.entries[0]; e.Kind != app.PayKindPurchase || e.DocID != orig.ID {
		t.Errorf("paired with %s %s", e.Kind, e.DocID)
	}
	last := bt.pay.ledger.entries[len(bt.pay.ledger.entries)-1]
	if last.Lines[0].Account != "221" || last.Lines[0].Debit != 121000 || last.Lines[1].Account != "321" || last.Lines[1].Credit != 121000 {
		t.Errorf("refund posting %+v", last.Lines)
	}
}
