package payables

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// ABO records are built field by field as in app's tests: abo074 is a
// statement header of account 19-2000145399 (the test company's), abo075
// one movement.
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

// bankTest is the Bank pane for an accountant on 28 November 2026 over a
// real store with two issued invoices (12 100,00 and 100,00) and one
// received invoice (2 420,50, VS 4455).
type bankTest struct {
	*paneTest
	v *bankView
}

func newBankTest(t *testing.T) *bankTest {
	t.Helper()
	db := datatest.MustOpen(t)
	ctx := db.Ctx
	buyer, err := db.SaveCustomer(ctx, app.Customer{Name: "Žluťoučký kůň a.s.", Street: "Polní 1", City: "Brno", PaymentDays: 14})
	if err != nil {
		t.Fatal(err)
	}
	supplier, err := db.SaveCustomer(ctx, app.Customer{Name: "Dřevo Šťastný s.r.o.", Street: "Lesní 4", City: "Jihlava", Supplier: true, PaymentDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	today := app.Today(db.Clock)
	for _, l := range []app.DocLine{
		{Text: "Kuchyňská linka", Quantity: app.Q(1), Unit: "ks", UnitPrice: 1000000, VATKind: app.VATStandard},
		{Text: "Dobropis dopravy", Quantity: app.Q(1), Unit: "ks", UnitPrice: 10000, VATKind: app.VATZero},
	} {
		doc, err := db.SaveDraft(ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: buyer.ID, IssueDate: today, TaxDate: today,
			DueDate: today.AddDays(14), Currency: "CZK", PaymentMethod: app.PayBank, Lines: []app.DocLine{l}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Issue(ctx, doc.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.RecordPurchase(ctx, app.PurchaseInvoice{SupplierID: supplier.ID, SupplierNumber: "4455", IssueDate: today, DueDate: today.AddDays(30),
		VAT: []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: 200041, VAT: 42009}}}); err != nil {
		t.Fatal(err)
	}
	pt := openPanes(t, db)
	return &bankTest{paneTest: pt, v: pt.selectPane(t, "bank", "Bank").bank}
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

// states are the stored bank lines' states by amount, read from the store.
func states(t *testing.T, db *datatest.DB) map[int64]app.BankMatchState {
	t.Helper()
	es, err := db.BankEntries(db.Ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]app.BankMatchState{}
	for _, e := range es {
		out[e.Line.Amount.Amount] = e.State
	}
	return out
}

// stored is the stored bank line of amount.
func stored(t *testing.T, db *datatest.DB, amount int64) app.BankEntry {
	t.Helper()
	es, err := db.BankEntries(db.Ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Line.Amount.Amount == amount {
			return e
		}
	}
	t.Fatalf("no bank line of %d stored", amount)
	return app.BankEntry{}
}

// importSample imports sampleStatement through the preview's Import.
func (bt *bankTest) importSample(t *testing.T) {
	t.Helper()
	bt.v.importData("vypis-042.gpc", sampleStatement(t))
	tapDialog(t, bt.w, "Import")
	kittest.CloseDialogs(bt.w)
}

func TestBankImportConfirmPairIgnoreAndReimport(t *testing.T) {
	bt := newBankTest(t)
	w, v, db := bt.w, bt.v, bt.db
	start := db.EntryIDs(t)

	// Preview: nothing is written yet.
	v.importData("vypis-042.gpc", sampleStatement(t))
	shown := kittest.DialogText(w)
	for _, want := range []string{"account 19-2000145399", "4 lines: 2 matched, 0 ambiguous, 2 unmatched, 0 imported before",
		"matched: FV2026-0001 · Žluťoučký kůň a.s.", "matched: FP2026-0001 · Dřevo Šťastný s.r.o.", "12\u00a0100,00\u00a0Kč", "-2\u00a0420,50\u00a0Kč", "unmatched"} {
		if !strings.Contains(shown, want) {
			t.Errorf("preview lacks %q:\n%s", want, shown)
		}
	}
	if n := len(states(t, db)); n != 0 {
		t.Fatalf("the preview stored %d lines", n)
	}
	tapDialog(t, w, "Import")
	if got := kittest.DialogText(w); !strings.Contains(got, "4 new lines stored, 0 skipped as imported before") {
		t.Errorf("import summary %q", got)
	}
	kittest.CloseDialogs(w)
	if len(v.entries) != 4 || !strings.Contains(v.countText.Text, "4 lines, 2 matched") {
		t.Fatalf("list %d: %q", len(v.entries), v.countText.Text)
	}
	if got := fmt.Sprint(states(t, db)); got != "map[-242050:matched -5000:unmatched 10000:unmatched 1210000:matched]" {
		t.Errorf("stored states %s", got)
	}
	if e := db.NewEntries(t, start); len(e) != 0 || balance(t, db, "221") != 0 {
		t.Errorf("importing posted %d entries, 221 at %d", len(e), balance(t, db, "221"))
	}

	// Ticked lines are all that "Confirm matched" posts.
	v.table.Select(widget.TableCellID{Row: bt.row(t, -242050), Col: 0})
	test.Tap(button(t, w.Content(), "Confirm matched…"))
	if got := kittest.DialogText(w); !strings.Contains(got, "Post 1 matched payment? Incoming 0,00\u00a0Kč, outgoing 2\u00a0420,50\u00a0Kč") {
		t.Errorf("confirmation of the ticked line %q", got)
	}
	tapDialog(t, w, "No")
	if e := db.NewEntries(t, start); len(e) != 0 {
		t.Errorf("No posted %d entries", len(e))
	}
	v.table.Select(widget.TableCellID{Row: bt.row(t, -242050), Col: 0})
	if len(v.checked) != 0 {
		t.Fatalf("untick left %v", v.checked)
	}

	// Confirm matched: the count and totals are stated; both are posted.
	test.Tap(button(t, w.Content(), "Confirm matched…"))
	if got := kittest.DialogText(w); !strings.Contains(got, "Post 2 matched payments? Incoming 12\u00a0100,00\u00a0Kč, outgoing 2\u00a0420,50\u00a0Kč") {
		t.Errorf("confirmation %q", got)
	}
	tapDialog(t, w, "Yes")
	if got := kittest.DialogText(w); !strings.Contains(got, "2 payments are posted") {
		t.Errorf("posted %q", got)
	}
	kittest.CloseDialogs(w)
	inv, err := db.DocumentByNumber(db.Ctx, "FV2026-0001")
	if err != nil {
		t.Fatal(err)
	}
	pur := purchaseNo(t, db, "FP2026-0001")
	if inv.Remaining() != 0 || pur.Remaining() != 0 {
		t.Errorf("not paid: invoice %d left, received %d left", inv.Remaining(), pur.Remaining())
	}
	if len(v.entries) != 2 {
		t.Errorf("pending after confirming: %d", len(v.entries))
	}
	// The real journal: Dr 221 / Cr 311 for the sale, Dr 321 / Cr 221 for
	// the purchase; the bank account moved by the difference.
	posted := db.NewEntries(t, start)
	if len(posted) != 2 {
		t.Fatalf("confirming posted %d entries", len(posted))
	}
	got := map[string]int64{}
	for _, e := range posted {
		for a, v := range sums(e) {
			got[a] += v
		}
	}
	if got["221"] != 1210000-242050 || got["311"] != -1210000 || got["321"] != 242050 || len(got) != 3 {
		t.Errorf("confirmed postings %v", got)
	}
	if b := balance(t, db, "221"); b != 967950 {
		t.Errorf("221 after confirming: %d", b)
	}

	// Pair the +100,00 storno by hand with the second invoice.
	if !v.pairBtn.Disabled() {
		t.Error("Pair is enabled with no line chosen")
	}
	v.table.Select(widget.TableCellID{Row: bt.row(t, 10000), Col: 2})
	test.Tap(button(t, w.Content(), "Pair…"))
	list := listIn(t, w.Canvas().Overlays().Top())
	if list.Length() != 1 {
		t.Fatalf("%d open invoices offered, want FV2026-0002 only:\n%s", list.Length(), listTexts(list))
	}
	list.Select(0)
	if got := kittest.DialogText(w); !strings.Contains(got, "to FV2026-0002 (Žluťoučký kůň a.s.") {
		t.Errorf("pair confirmation %q", got)
	}
	tapDialog(t, w, "Yes")
	kittest.CloseDialogs(w)
	if inv2, err := db.DocumentByNumber(db.Ctx, "FV2026-0002"); err != nil || inv2.Remaining() != 0 {
		t.Errorf("FV2026-0002 not paid: %d left (%v)", inv2.Remaining(), err)
	}
	if b := balance(t, db, "221"); b != 977950 {
		t.Errorf("221 after pairing: %d", b)
	}

	// Ignore the −50,00 storno.
	before := db.EntryIDs(t)
	v.table.Select(widget.TableCellID{Row: bt.row(t, -5000), Col: 1})
	test.Tap(button(t, w.Content(), "Ignore"))
	tapDialog(t, w, "Yes")
	if len(v.entries) != 0 {
		t.Errorf("%d lines still pending", len(v.entries))
	}
	if got := fmt.Sprint(states(t, db)); got != "map[-242050:posted -5000:ignored 10000:posted 1210000:posted]" {
		t.Errorf("states %s", got)
	}
	if e := db.NewEntries(t, before); len(e) != 0 {
		t.Errorf("ignoring posted %d entries", len(e))
	}
	v.pendingOnly.SetChecked(false)
	if len(v.entries) != 4 || !strings.Contains(texts(w.Content()), "ignored") {
		t.Errorf("all lines: %d", len(v.entries))
	}

	// The same file again stores and posts nothing.
	before = db.EntryIDs(t)
	payments, err := db.Payments(db.Ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	v.importData("vypis-042.gpc", sampleStatement(t))
	if got := kittest.DialogText(w); !strings.Contains(got, "4 imported before") {
		t.Errorf("second preview %q", got)
	}
	tapDialog(t, w, "Import")
	if got := kittest.DialogText(w); !strings.Contains(got, "0 new lines stored, 4 skipped as imported before") {
		t.Errorf("second import %q", got)
	}
	again, err := db.Payments(db.Ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n, e := len(states(t, db)), db.NewEntries(t, before); n != 4 || len(e) != 0 || len(again) != len(payments) {
		t.Errorf("a second import wrote: %d lines, %d entries, %d payments of FV2026-0001", n, len(e), len(again))
	}
	if b := balance(t, db, "221"); b != 977950 {
		t.Errorf("221 after the second import: %d", b)
	}
}

func TestBankCSVMappingRemembered(t *testing.T) {
	bt := newBankTest(t)
	w, v, db := bt.w, bt.v, bt.db
	csv := "Výpis z účtu 2000145399/2010;;;;;;;\n" +
		"Datum;Objem;Měna;Protiúčet;Kód banky;VS;Zpráva pro příjemce;ID pohybu\n" +
		"28.11.2026;12 100,00;CZK;2000145399;0800;20260001;Faktura;1001\n" +
		"29.11.2026;-99,00;CZK;;;;Poplatek;1002\n"
	header := "Datum;Objem;Měna;Protiúčet;Kód banky;VS;Zpráva pro příjemce;ID pohybu"

	v.importData("fio.csv", []byte(csv))
	form := w.Canvas().Overlays().Top()
	if form == nil || !strings.Contains(texts(form), "guessed the columns of fio.csv") {
		t.Fatalf("mapping dialog:\n%s", kittest.DialogText(w))
	}
	var selects []*widget.Select
	for _, o := range kittest.Objects(form) {
		if s, ok := o.(*widget.Select); ok {
			selects = append(selects, s)
		}
	}
	if len(selects) != len(csvFields)+1 || selects[0].Selected != "1: Datum" || selects[1].Selected != "2: Objem" || selects[3].Selected != "6: VS" {
		t.Fatalf("guessed %d selects: date %q amount %q vs %q", len(selects), selects[0].Selected, selects[1].Selected, selects[3].Selected)
	}
	// Without a date column the mapping is refused at its field.
	selects[0].SetSelectedIndex(0)
	tapDialog(t, w, "Continue")
	if !strings.Contains(texts(form), "is required") {
		t.Errorf("no message at the date:\n%s", texts(form))
	}
	if _, ok, _ := db.BankMapping(db.Ctx, header); ok {
		t.Error("a refused mapping was remembered")
	}
	selects[0].SetSelectedIndex(1)
	selects[6].SetSelectedIndex(8) // the message as the counter-account, to see it remembered
	tapDialog(t, w, "Continue")
	if got := kittest.DialogText(w); !strings.Contains(got, "2 lines: 1 matched") || !strings.Contains(got, "Poplatek") {
		t.Fatalf("CSV preview:\n%s", got)
	}
	m, ok, err := db.BankMapping(db.Ctx, header)
	if err != nil || !ok || m.Date != 0 || m.Amount != 1 || m.CounterAccount != 7 || m.Skip != 1 {
		t.Errorf("remembered %v %+v (%v)", ok, m, err)
	}
	kittest.CloseDialogs(w)
	if n := len(states(t, db)); n != 0 {
		t.Errorf("a closed preview stored %d lines", n)
	}

	// The next file with this header opens with the remembered mapping.
	v.importData("fio-2.csv", []byte(csv))
	form = w.Canvas().Overlays().Top()
	if !strings.Contains(texts(form), "as you set them last time") {
		t.Errorf("remembered mapping not used:\n%s", texts(form))
	}
	for _, o := range kittest.Objects(form) {
		if s, ok := o.(*widget.Select); ok && strings.HasPrefix(s.Selected, "8: ") {
			return
		}
	}
	t.Error("the remembered counter-account column is not selected")
}

func TestBankRefusesUnknownFormat(t *testing.T) {
	bt := newBankTest(t)
	bt.v.importData("poznamky.txt", []byte("Nákupní seznam: mléko, chleba\n"))
	if got := kittest.DialogText(bt.w); !strings.Contains(got, "unknown bank statement format") {
		t.Errorf("unknown format dialog %q", got)
	}
	kittest.CloseDialogs(bt.w)
	bt.v.importData("obrazek.png", []byte{0x89, 'P', 'N', 'G', 0, 0, 0xff, 0xfe, 0})
	if got := kittest.DialogText(bt.w); got == "" {
		t.Error("a binary file: no dialog")
	}
	if n := len(states(t, bt.db)); n != 0 {
		t.Errorf("refused files stored %d lines", n)
	}
}

func TestBankPostLineToAccount(t *testing.T) {
	bt := newBankTest(t)
	v, w, db := bt.v, bt.w, bt.db
	bt.importSample(t)
	if !v.postBtn.Disabled() {
		t.Error("To account… is enabled with no line chosen")
	}
	before := db.EntryIDs(t)
	v.table.Select(widget.TableCellID{Row: bt.row(t, -5000), Col: 1})
	test.Tap(button(t, w.Content(), "To account…"))
	var sel *widget.Select
	for _, o := range kittest.Objects(w.Canvas().Overlays().Top()) {
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
	if got := kittest.DialogText(w); !strings.Contains(got, "is required") {
		t.Fatalf("no account: %q", got)
	}
	if e := db.NewEntries(t, before); len(e) != 0 {
		t.Fatalf("posted without an account: %+v", e)
	}
	sel.SetSelected("568 Ostatní finanční náklady")
	tapDialog(t, w, "Post")
	posted := db.NewEntries(t, before)
	if len(posted) != 1 {
		t.Fatalf("To account posted %d entries", len(posted))
	}
	if s := sums(posted[0]); s["568"] != 5000 || s["221"] != -5000 || len(s) != 2 {
		t.Errorf("the −50,00 line posted as %v", s)
	}
	if e := stored(t, db, -5000); e.State != app.MatchPosted || e.Kind != app.PayKindAccount || e.EntryID != posted[0].ID {
		t.Errorf("stored line %+v, entry %s", e, posted[0].ID)
	}
	if got := fmt.Sprint(states(t, db)); got != "map[-242050:matched -5000:posted 10000:unmatched 1210000:matched]" {
		t.Errorf("states %s", got)
	}
	if b := balance(t, db, "221"); b != -5000 {
		t.Errorf("221 after posting the fee: %d", b)
	}
	if !v.postBtn.Disabled() && v.sel >= 0 && !pendingState(v.entries[v.sel].State) {
		t.Error("To account… stays enabled for a posted line")
	}
}

func TestBankPairIncomingLineWithSupplierRefund(t *testing.T) {
	bt := newBankTest(t)
	w, v, db := bt.w, bt.v, bt.db
	ctx := db.Ctx
	// FP2026-0001 (2 420,50) is paid, then the supplier's credit note of
	// 1 210,00 leaves 1 210,00 for them to send back.
	orig := purchaseNo(t, db, "FP2026-0001")
	day := app.Today(db.Clock)
	if _, err := db.PaySupplier(ctx, app.Payment{DocID: orig.ID, Date: day, Amount: app.M(orig.Total, "CZK"), Method: app.PayBank}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RecordPurchase(ctx, app.PurchaseInvoice{SupplierID: orig.SupplierID, SupplierNumber: "D-77", IssueDate: day, CreditNote: true, OriginalID: orig.ID,
		VAT: []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: -100000, VAT: -21000}}}); err != nil {
		t.Fatal(err)
	}
	if p := purchaseNo(t, db, "FP2026-0001"); p.Remaining() != -121000 {
		t.Fatalf("refund due %d", p.Remaining())
	}
	// With the invoice's variable symbol the refund is proposed by itself.
	withVS := strings.Join([]string{
		abo074(t, 1000000, 1121000, 0, 121000),
		abo075(t, "0000001234567899", "0000012345689", 121000, "2", "0000004455", "0000000000", "0000000000", "Dřevo Šťastný"),
	}, "\r\n") + "\r\n"
	v.importData("vratka-vs.gpc", []byte(withVS))
	if got := kittest.DialogText(w); !strings.Contains(got, "matched: FP2026-0001 · Dřevo Šťastný s.r.o.") {
		t.Errorf("preview of a refund with the invoice's VS:\n%s", got)
	}
	kittest.CloseDialogs(w)
	// The money comes back without a variable symbol: nothing matches it.
	st := strings.Join([]string{
		abo074(t, 1000000, 1121000, 0, 121000),
		abo075(t, "0000001234567899", "0000012345690", 121000, "2", "0000000000", "0000000000", "0000000000", "Dřevo Šťastný"),
	}, "\r\n") + "\r\n"
	v.importData("vratka.gpc", []byte(st))
	tapDialog(t, w, "Import")
	kittest.CloseDialogs(w)
	if len(v.entries) != 1 || v.entries[0].State != app.MatchNone {
		t.Fatalf("imported %+v", v.entries)
	}
	before := db.EntryIDs(t)
	bank, payables := balance(t, db, "221"), balance(t, db, "321")

	// Pairing offers the open sales invoices and the refund, the refund first.
	v.table.Select(widget.TableCellID{Row: bt.row(t, 121000), Col: 2})
	test.Tap(button(t, w.Content(), "Pair…"))
	top := w.Canvas().Overlays().Top()
	if !strings.Contains(texts(top), "an invoice or a supplier's refund") {
		t.Errorf("pair dialog:\n%s", texts(top))
	}
	list := listIn(t, top)
	if list.Length() != 3 {
		t.Fatalf("%d documents offered, want 2 sales invoices and the refund:\n%s", list.Length(), listTexts(list))
	}
	if got := listTexts(list); !strings.HasPrefix(got, "FP2026-0001 · Dřevo Šťastný s.r.o. · refund due 1\u00a0210,00\u00a0Kč") {
		t.Errorf("offered, the refund first:\n%s", got)
	}
	list.Select(0)
	if got := kittest.DialogText(w); !strings.Contains(got, "as the refund of Dřevo Šťastný s.r.o. on FP2026-0001 (1\u00a0210,00\u00a0Kč refund due)") {
		t.Fatalf("confirmation %q", got)
	}
	tapDialog(t, w, "Yes")
	kittest.CloseDialogs(w)

	p := purchaseNo(t, db, "FP2026-0001")
	if p.Remaining() != 0 || p.Paid != orig.Total-121000 {
		t.Errorf("after the refund: remaining %d, paid %d", p.Remaining(), p.Paid)
	}
	// The payment and the refund (both of today: the store's clock is fixed,
	// so their order is not asserted).
	pays, err := db.SupplierPayments(ctx, orig.ID)
	byAmount := map[int64]app.Payment{}
	for _, pm := range pays {
		byAmount[pm.Amount.Amount] = pm
	}
	if refund, ok := byAmount[-121000]; err != nil || len(pays) != 2 || !ok || refund.BankEntry != stored(t, db, 121000).ID || byAmount[242050].BankEntry != "" {
		t.Errorf("payments %+v (%v)", pays, err)
	}
	if got := fmt.Sprint(states(t, db)); got != "map[121000:posted]" {
		t.Errorf("states %s", got)
	}
	if e := stored(t, db, 121000); e.Kind != app.PayKindPurchase || e.DocID != orig.ID {
		t.Errorf("paired with %s %s", e.Kind, e.DocID)
	}
	// The real journal: Dr 221 / Cr 321 of 1 210,00; the supplier owes nothing more.
	posted := db.NewEntries(t, before)
	if len(posted) != 1 {
		t.Fatalf("the refund posted %d entries", len(posted))
	}
	if s := sums(posted[0]); s["221"] != 121000 || s["321"] != -121000 || len(s) != 2 {
		t.Errorf("refund posting %v", s)
	}
	if b := balance(t, db, "221"); b != bank+121000 {
		t.Errorf("221 %d after the refund, was %d", b, bank)
	}
	if b := balance(t, db, "321"); b != payables-121000 || b != 0 {
		t.Errorf("321 %d after the refund, was %d", b, payables)
	}
}

// Accounts → Bank → Import statement… goes through the real file dialog
// (kit.OpenFileOf; issue 10: it crashed when sized before it was shown):
// cancelled it stores nothing; an ABO file chosen in it reaches the
// preview and is imported, a CSV file the column mapping.
func TestBankImportThroughFileDialog(t *testing.T) {
	bt := newBankTest(t)
	w, db := bt.w, bt.db
	test.Tap(button(t, w.Content(), "Import statement…"))
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no file dialog")
	}
	button(t, top, "Open")
	test.Tap(button(t, top, "Cancel"))
	if n := len(states(t, db)); n != 0 {
		t.Errorf("a cancelled import stored %d lines", n)
	}

	chooseFile(t, w, "vypis-042.gpc", sampleStatement(t))
	if got := kittest.DialogText(w); !strings.Contains(got, "4 lines: 2 matched") {
		t.Fatalf("no preview of the chosen ABO file:\n%s", got)
	}
	tapDialog(t, w, "Import")
	if got := kittest.DialogText(w); !strings.Contains(got, "4 new lines stored") {
		t.Errorf("import summary %q", got)
	}
	kittest.CloseDialogs(w)
	if n := len(states(t, db)); n != 4 || len(bt.v.entries) != 4 {
		t.Errorf("the chosen file stored %d lines, %d shown", n, len(bt.v.entries))
	}

	chooseFile(t, w, "fio.csv", []byte("Datum;Objem;Měna;VS;ID pohybu\n28.11.2026;100,00;CZK;20260002;77\n"))
	if got := kittest.DialogText(w); !strings.Contains(got, "guessed the columns of fio.csv") {
		t.Errorf("no column mapping for the chosen CSV file:\n%s", got)
	}
}

// chooseFile taps Import statement… and picks a file of name holding data
// (alone in a new folder) in the file dialog, as the user does.
func chooseFile(t *testing.T, w fyne.Window, name string, data []byte) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
		t.Fatal(err)
	}
	// The dialog opens in the folder last used (Fyne's own preference).
	prefs := fyne.CurrentApp().Preferences()
	const lastFolder = "fyne:fileDialogLastFolder"
	old := prefs.String(lastFolder)
	t.Cleanup(func() { prefs.SetString(lastFolder, old) })
	prefs.SetString(lastFolder, storage.NewFileURI(dir).String())

	test.Tap(button(t, w.Content(), "Import statement…"))
	top := w.Canvas().Overlays().Top()
	var pick func(int)
	var n int
	for _, o := range kittest.Objects(top) {
		switch l := o.(type) {
		case *widget.GridWrap:
			pick, n = l.Select, l.Length()
		case *widget.List:
			pick, n = l.Select, l.Length()
		}
	}
	if pick == nil || n == 0 {
		t.Fatalf("no files in the dialog:\n%s", texts(top))
	}
	pick(n - 1) // the folder's only file, after "(Parent)"
	if got := texts(top); !strings.Contains(got, name) {
		t.Fatalf("%s not chosen:\n%s", name, got)
	}
	test.Tap(button(t, top, "Open"))
}
