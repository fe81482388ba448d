package sales

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/kittest"
)

// TestSalesFormSerials: a salesperson invoices a serial-numbered grinder —
// picking it shows the lot / serial entry, two scans (each ended by the
// scanner's Enter) fill it, issuing refuses a quantity the numbers do not
// match at the lines, and then issues the invoice whose výdejka, read from
// the real store, ships those two serials.
func TestSalesFormSerials(t *testing.T) {
	v, h, db := salesTest(t)
	s, w := v.s, h.Window()
	ctx, svc := db.Ctx, db.Services()
	if _, err := svc.Warehouse.SaveWarehouseSettings(ctx, app.WarehouseSettings{Method: app.StockContinuous, Costing: app.CostAverage}); err != nil {
		t.Fatal(err)
	}
	loc, err := svc.Warehouse.SaveLocation(ctx, app.Location{Code: "PRODEJNA", Name: "Prodejna Brno"})
	if err != nil {
		t.Fatal(err)
	}
	it, err := svc.PriceList.SaveItem(ctx, app.Item{Code: "MLYNEK-E", Name: "Elektrický mlýnek Žďár", Unit: "ks", Price: app.M(390000, "CZK"), VATKind: app.VATStandard, Stock: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Warehouse.SaveStockItem(ctx, app.StockItem{ItemID: it.ID, Kind: app.StockGoods, Location: loc.ID, Tracking: app.TrackSerial, WarrantyMonths: 24}); err != nil {
		t.Fatal(err)
	}
	rc, err := svc.Warehouse.SaveStockDraft(ctx, app.StockDoc{Kind: app.StockReceipt, Date: app.D(2026, 1, 2), Location: loc.ID,
		Lines: []app.StockLine{{ItemID: it.ID, Code: it.Code, Name: it.Name, Unit: "ks", Qty: app.Q(3), UnitCost: 210000, Serials: []string{"ŽĎ-001", "ŽĎ-002", "ŽĎ-003"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Warehouse.PostStock(ctx, rc.ID); err != nil {
		t.Fatal(err)
	}
	cust, err := svc.Customers.SaveCustomer(ctx, app.Customer{Name: "Jiřina Šťastná", Street: "Úzká 7", City: "Brno", Postcode: "602 00"})
	if err != nil {
		t.Fatal(err)
	}
	s.tabs.SelectIndex(2)
	test.Tap(button(t, w.Content(), "New invoice"))
	f := s.form
	pickCustomer(t, w, "Šťastná")
	if f.cust == nil || f.cust.ID != cust.ID {
		t.Fatalf("customer not chosen: %+v", f.cust)
	}
	r := f.lines.rows[0]
	if r.traceRow.Visible() {
		t.Error("a free-text line shows the serial entry")
	}
	r.item.SetSelectedIndex(optionIndex(t, r.item, "MLYNEK-E"))
	if !r.traceRow.Visible() {
		t.Fatal("a stock item's line hides the serial entry")
	}
	r.qty.SetText("")
	test.Type(r.qty, "3")
	test.Type(r.trace, "ŽĎ-001")
	r.trace.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(r.trace, "ŽĎ-003")
	r.trace.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if r.trace.Text != "ŽĎ-001, ŽĎ-003, " {
		t.Fatalf("after two scans: %q", r.trace.Text)
	}
	test.Tap(button(t, w.Content(), "Save draft"))
	test.Tap(button(t, w.Content(), "Issue…"))
	tapDialog(t, w, "Yes")
	if got := kittest.DialogText(w); !strings.Contains(got, "2 serial numbers for a quantity of 3") {
		t.Fatalf("three grinders with two serials: %q", got)
	}
	kittest.CloseDialogs(w)
	f = s.form
	r = f.lines.rows[0]
	if r.trace.Text != "ŽĎ-001, ŽĎ-003" || !r.traceRow.Visible() {
		t.Fatalf("the draft came back with %q", r.trace.Text)
	}
	r.qty.SetText("2")
	test.Tap(button(t, w.Content(), "Save draft"))
	test.Tap(button(t, w.Content(), "Issue…"))
	tapDialog(t, w, "Yes")
	if got := kittest.DialogText(w); !strings.Contains(got, "FV2026-0001") {
		t.Fatalf("issue says %q", got)
	}
	kittest.CloseDialogs(w)
	inv, err := svc.Sales.DocumentByNumber(ctx, "FV2026-0001")
	if err != nil || !slices.Equal(inv.Lines[0].Trace, []string{"ŽĎ-001", "ŽĎ-003"}) {
		t.Fatalf("invoice %+v %v", inv.Lines, err)
	}
	docs, n, err := svc.Warehouse.StockDocs(ctx, app.StockDocFilter{Kind: app.StockIssue}, 0, 5)
	if err != nil || n != 1 || docs[0].SourceID != inv.ID || !slices.Equal(docs[0].Lines[0].Serials, []string{"ŽĎ-001", "ŽĎ-003"}) {
		t.Fatalf("výdejka %+v %v", docs, err)
	}
	if !strings.Contains(printedText(t, h.Deps().Printer, inv, db), "Šarže / výr. č.: ŽĎ-001, ŽĎ-003") {
		t.Error("the printed invoice does not name the serials")
	}
}
