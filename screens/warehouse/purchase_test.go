package warehouse

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/kittest"
)

// TestReceiveSupplierInvoice: the accountant recorded the importer's
// invoice of 20 bags (6,000 Kč on 131); the store-keeper picks it from
// "Receive an invoice…", scans the 20 bags (no unit cost to type: the
// invoice's base is spread), posts, and the stock is worth 6,000 Kč with
// 131 cleared, read from the real store.
func TestReceiveSupplierInvoice(t *testing.T) {
	s := newStocked(t)
	db := s.db
	ctx := db.Ctx
	sup, err := db.SaveCustomer(ctx, app.Customer{Name: "Zelená káva Import s.r.o. — Přístav Holešovice 🚢", Street: "Přístavní 24", City: "Praha 7", Postcode: "170 00",
		ICO: "45274649", DIC: "CZ45274649", Supplier: true})
	if err != nil {
		t.Fatal(err)
	}
	pi, err := db.RecordPurchase(ctx, app.PurchaseInvoice{SupplierID: sup.ID, SupplierNumber: "ZK-2026-031", IssueDate: whDay.AddDays(-2), TaxDate: whDay.AddDays(-2),
		DueDate: whDay.AddDays(12), Account: "131", VAT: []app.PurchaseVAT{{Rate: app.RatePercent(12), Base: 600_000, VAT: 72_000}}, Memo: "zelená káva"})
	if err != nil {
		t.Fatal(err)
	}
	wt := openTab(t, db)
	wt.v.selectTab(1)
	test.Tap(kittest.Button(t, wt.v.UI(), "Receive an invoice…"))
	dlg := wt.w.Canvas().Overlays().Top()
	contains(t, "the picker", kittest.Texts(dlg), "Receive a supplier's invoice")
	var list *widget.List
	for _, o := range kittest.Objects(dlg) {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	}
	if list == nil || list.Length() != 1 {
		t.Fatalf("the picker lists %v", list)
	}
	list.Select(0)
	tapDialog(t, wt.w, "Receive")
	f := wt.v.docs.form
	if f == nil || !f.doc.FromPurchase() || f.doc.SourceID != pi.ID || f.doc.Date != pi.TaxDate || !f.partner.Disabled() {
		t.Fatalf("the receipt form %+v", f)
	}
	contains(t, "the form's state", f.state.Text, pi.Number, "6,000.00 left to receive")
	for i := 0; i < 20; i++ {
		typeEnter(f.scan, kavaEAN)
	}
	if len(f.rows) != 1 || !f.rows[0].cost.Disabled() || f.doc.Lines[0].UnitCost != 0 {
		t.Fatalf("scanned lines %+v", f.doc.Lines)
	}
	before := ledger132(t, db)
	test.Tap(kittest.Button(t, wt.v.UI(), "Post…"))
	tapDialog(t, wt.w, "Yes")
	if f.doc.Status != app.StockPosted || f.doc.Total != 600_000 || f.doc.SourceID != pi.ID {
		t.Fatalf("after Post %+v\n%s", f.doc, kittest.DialogText(wt.w))
	}
	if q, v := level(t, db, s.item.ID); q != app.Q(20) || v != 600_000 {
		t.Errorf("level %v, value %d", q, v)
	}
	if got := ledger132(t, db) - before; got != 600_000 {
		t.Errorf("132 moved by %d", got)
	}
	if inv, rec, err := db.PurchaseReceipt(ctx, pi.ID); err != nil || inv != rec {
		t.Errorf("invoice %d, received %d, %v", inv, rec, err)
	}
	// Nothing is left to receive.
	wt.v.docs.showList()
	test.Tap(kittest.Button(t, wt.v.UI(), "Receive an invoice…"))
	contains(t, "the empty picker", kittest.DialogText(wt.w), "No received invoice of goods is waiting")
}
