package warehouse

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

// TestScannedReceipt walks a warehouse keeper's first receipt through the
// screens: switch the warehouse on, add a location and an item with its
// EAN, scan the EAN twice into a new receipt (one line of 2), post it; the
// item's level is 2 and 132 carries its value.
func TestScannedReceipt(t *testing.T) {
	db := datatest.MustOpen(t, datatest.Clock(whNow))
	wt := openTab(t, db)
	contains(t, "the tab before stock is kept", kittest.Texts(wt.v.UI()), "Warehouse settings", "The company keeps no stock yet")
	test.Tap(kittest.Button(t, wt.v.UI(), "Keep stock"))
	if s, err := db.WarehouseSettings(db.Ctx); err != nil || s.Method != app.StockContinuous || s.Costing != app.CostAverage {
		t.Fatalf("settings %+v, %v", s, err)
	}

	wt.v.selectTab(3)
	test.Tap(kittest.Button(t, wt.v.UI(), "New location…"))
	form := wt.w.Canvas().Overlays().Top()
	test.Type(kittest.FieldAfter(t, form, "Code"), "HLAVNI")
	test.Type(kittest.FieldAfter(t, form, "Name"), "Hlavní sklad — přízemí")
	tapDialog(t, wt.w, "Save")
	if locs, err := db.Locations(db.Ctx); err != nil || len(locs) != 1 || locs[0].Code != "HLAVNI" || locs[0].Branch != "HQ" {
		t.Fatalf("locations %+v, %v\n%s", locs, err, kittest.DialogText(wt.w))
	}

	wt.v.selectTab(0)
	test.Tap(kittest.Button(t, wt.v.UI(), "New item…"))
	form = wt.w.Canvas().Overlays().Top()
	test.Type(kittest.FieldAfter(t, form, "Code"), "KAVA")
	test.Type(kittest.FieldAfter(t, form, "Name"), "Káva zrnková 1 kg ☕")
	test.Type(kittest.FieldAfter(t, form, "Price"), "450")
	test.Type(kittest.FieldAfter(t, form, "EAN barcode"), "859-4000-000013")
	test.Type(kittest.FieldAfter(t, form, "Purchase price"), "300.50")
	tapDialog(t, wt.w, "Save")
	stock, err := db.StockItems(db.Ctx, "", 0)
	if err != nil || len(stock) != 1 || stock[0].EAN != kavaEAN || stock[0].PurchasePrice.Amount != 30050 {
		t.Fatalf("stock items %+v, %v\n%s", stock, err, kittest.DialogText(wt.w))
	}
	item := stock[0].ItemID
	if len(wt.v.items.rows) != 1 || wt.v.items.rows[0].it.Code != "KAVA" {
		t.Fatalf("the items list shows %+v", wt.v.items.rows)
	}

	before := ledger132(t, db)
	wt.v.selectTab(1)
	test.Tap(kittest.Button(t, wt.v.UI(), "New goods receipt"))
	f := wt.v.docs.form
	if f == nil || f.doc.Kind != app.StockReceipt {
		t.Fatal("no receipt form")
	}
	typeEnter(f.scan, kavaEAN)
	typeEnter(f.scan, kavaEAN)
	if len(f.doc.Lines) != 1 || f.doc.Lines[0].Qty != app.Q(2) || f.rows[0].qty.Text != "2" || f.doc.Lines[0].UnitCost != 30050 {
		t.Fatalf("two scans gave lines %+v", f.doc.Lines)
	}
	if f.scan.Text != "" {
		t.Errorf("the scan field keeps %q after Enter", f.scan.Text)
	}
	typeEnter(f.scan, "NENI-TAKOVY")
	contains(t, "an unknown code", f.scanMsg.Text, "NENI-TAKOVY")
	test.Tap(kittest.Button(t, wt.v.UI(), "Post…"))
	tapDialog(t, wt.w, "Yes")
	if f.doc.Status != app.StockPosted || !strings.HasPrefix(f.doc.Number, "PR") {
		t.Fatalf("after Post the form shows %+v\n%s", f.doc, kittest.DialogText(wt.w))
	}
	q, v := level(t, db, item)
	if q != app.Q(2) || v != 60100 {
		t.Fatalf("level %v, value %d", q, v)
	}
	if got := ledger132(t, db) - before; got != 60100 {
		t.Fatalf("132 moved by %d, want 60100", got)
	}
	// A posted document is read-only and offers its storno.
	if !f.date.Disabled() || f.post.Visible() || !f.storno.Visible() {
		t.Error("the posted receipt is still editable")
	}

	// The item list shows the level; the stock card and its chart the move.
	wt.v.selectTab(0)
	if r := wt.v.items.rows; len(r) != 1 || r[0].qty != app.Q(2) || r[0].value != 60100 {
		t.Fatalf("the items list shows %+v", r)
	}
	wt.v.showCard(wt.v.items.rows[0].si)
	card := wt.v.card
	rep := card.report.report
	if rep == nil || len(rep.Rows) != 3 || rep.Rows[1].Cells[1] != f.doc.Number || rep.Rows[2].Cells[7] != "2" {
		t.Fatalf("stock card %+v", rep)
	}
	if len(card.chart.points) != 2 || card.chart.points[0].Qty != 0 || card.chart.points[1].Qty != app.Q(2) {
		t.Fatalf("chart points %+v", card.chart.points)
	}
	kittest.CloseDialogs(wt.w)

	// The stock levels report lists it.
	wt.v.selectTab(4)
	test.Tap(kittest.Button(t, wt.v.UI(), "Show"))
	r := wt.v.reports.view.report
	if r == nil || r.Kind != app.ReportStockLevels || len(r.Rows) < 2 || r.Rows[0].Cells[0] != "KAVA" || r.Rows[0].Cells[3] != "2" {
		t.Fatalf("stock levels %+v", r)
	}
}

// TestScannedStocktake counts a location by scanning: 5 on the books, 3
// scanned; closing posts the shortage of 2 and the level follows the count.
func TestScannedStocktake(t *testing.T) {
	s := newStocked(t)
	s.receive(t, 5, 30000)
	before := ledger132(t, s.db)
	wt := openTab(t, s.db)
	wt.v.selectTab(2)
	p := wt.v.take
	test.Tap(kittest.Button(t, wt.v.UI(), "Start stocktake"))
	if p.take == nil || len(p.take.Lines) != 1 || p.take.Lines[0].Expected != app.Q(5) {
		t.Fatalf("the stocktake started as %+v\n%s", p.take, kittest.DialogText(wt.w))
	}
	for range 3 {
		typeEnter(p.scan, kavaEAN)
	}
	if l := p.take.Lines[0]; !l.Counted || l.Count != app.Q(3) || p.counts[0].Text != "3" || p.diffs[0].Text != "-2" {
		t.Fatalf("three scans counted %+v (%q, %q)", l, p.counts[0].Text, p.diffs[0].Text)
	}
	// Typing into the counted cell counts too.
	p.counts[0].SetText("4")
	if p.take.Lines[0].Count != app.Q(4) {
		t.Fatalf("typed count %+v", p.take.Lines[0])
	}
	p.counts[0].SetText("3")
	test.Tap(kittest.Button(t, wt.v.UI(), "Close stocktake…"))
	tapDialog(t, wt.w, "Yes")
	d := p.lastDiff
	if d.Status != app.StockPosted || d.Kind != app.StockDifference || len(d.Lines) != 1 || d.Lines[0].Qty != -app.Q(2) {
		t.Fatalf("difference document %+v\n%s", d, p.msg.Text)
	}
	contains(t, "the closing dialog", kittest.DialogText(wt.w), d.Number, "-2")
	if q, v := level(t, s.db, s.item.ID); q != app.Q(3) || v != 90000 {
		t.Fatalf("level after the stocktake %v, %d", q, v)
	}
	if got := before - ledger132(t, s.db); got != 60000 {
		t.Fatalf("132 went down by %d, want 60000", got)
	}
	if p.take.Status != app.StockPosted || p.closeBtn.Disabled() == false {
		t.Error("the closed stocktake can still be closed")
	}
}

// TestItemFormNamesWrongEAN: a barcode with a wrong check digit is marked
// at the EAN field and nothing is written.
func TestItemFormNamesWrongEAN(t *testing.T) {
	s := newStocked(t)
	wt := openTab(t, s.db)
	test.Tap(kittest.Button(t, wt.v.UI(), "New item…"))
	form := wt.w.Canvas().Overlays().Top()
	test.Type(kittest.FieldAfter(t, form, "Code"), "CAJ")
	test.Type(kittest.FieldAfter(t, form, "Name"), "Čaj sypaný")
	test.Type(kittest.FieldAfter(t, form, "EAN barcode"), "8594000000018")
	test.Type(kittest.FieldAfter(t, form, "Warranty (months)"), "500")
	tapDialog(t, wt.w, "Save")
	f := wt.v.itemForm
	contains(t, "the EAN field", f.fs.Message("stock_item.ean"), "check digit", "8594000000018")
	contains(t, "the warranty field", f.fs.Message("stock_item.warranty_months"), "120")
	if wt.w.Canvas().Overlays().Top() == nil {
		t.Fatal("the form closed on a wrong EAN")
	}
	items, err := s.db.Items(s.db.Ctx)
	if err != nil || len(items) != 1 {
		t.Fatalf("items written: %+v, %v", items, err)
	}
	// Corrected, it saves.
	e := kittest.FieldAfter(t, form, "EAN barcode")
	e.SetText("8594000000020")
	w := kittest.FieldAfter(t, form, "Warranty (months)")
	w.SetText("24")
	tapDialog(t, wt.w, "Save")
	if st, err := s.db.StockItems(s.db.Ctx, "caj", 0); err != nil || len(st) != 1 || st[0].EAN != "8594000000020" || st[0].WarrantyMonths != 24 {
		t.Fatalf("corrected item %+v, %v", st, err)
	}
}

// TestIssueBeyondStockRefused: issuing 3 when 2 are on hand is refused at
// the lines; nothing moves and nothing is posted.
func TestIssueBeyondStockRefused(t *testing.T) {
	s := newStocked(t)
	s.receive(t, 2, 30000)
	before := ledger132(t, s.db)
	wt := openTab(t, s.db)
	wt.v.selectTab(1)
	test.Tap(kittest.Button(t, wt.v.UI(), "New goods issue"))
	f := wt.v.docs.form
	for range 3 {
		typeEnter(f.scan, "kava")
	}
	if len(f.doc.Lines) != 1 || f.doc.Lines[0].Qty != app.Q(3) {
		t.Fatalf("lines %+v", f.doc.Lines)
	}
	test.Tap(kittest.Button(t, wt.v.UI(), "Post…"))
	tapDialog(t, wt.w, "Yes")
	shown := f.linesMsg.Text + kittest.DialogText(wt.w)
	contains(t, "the refusal", shown, "2")
	if f.doc.Status == app.StockPosted {
		t.Fatal("the issue was posted")
	}
	if q, v := level(t, s.db, s.item.ID); q != app.Q(2) || v != 60000 {
		t.Fatalf("level %v, %d", q, v)
	}
	if ledger132(t, s.db) != before {
		t.Fatal("132 moved")
	}
	docs, n, err := s.db.StockDocs(s.db.Ctx, app.StockDocFilter{Status: app.StockPosted}, 0, 10)
	if err != nil || n != 1 || docs[0].Kind != app.StockReceipt {
		t.Fatalf("posted documents %d %+v, %v", n, docs, err)
	}
	t.Log(shown)
}

// TestItemFromPriceList: a new stock card for a price-list item that has
// none takes the item as it is (no second item with its code).
func TestItemFromPriceList(t *testing.T) {
	s := newStocked(t)
	caj, err := s.db.SaveItem(s.db.Ctx, app.Item{Code: "CAJ", Name: "Čaj sypaný 100 g", Unit: "bal", Price: app.M(12900, "CZK"), VATKind: app.VATReduced, Stock: true})
	if err != nil {
		t.Fatal(err)
	}
	wt := openTab(t, s.db)
	test.Tap(kittest.Button(t, wt.v.UI(), "New item…"))
	f := wt.v.itemForm
	if f.from == nil || len(f.fromList) != 1 || f.fromList[0].ID != caj.ID {
		t.Fatalf("price-list items offered: %+v", f.fromList)
	}
	f.from.SetSelectedIndex(1)
	if f.code.Text != "CAJ" || f.unit.Text != "bal" {
		t.Fatalf("picked item shows %q %q", f.code.Text, f.unit.Text)
	}
	f.tracking.SetSelectedIndex(1)
	tapDialog(t, wt.w, "Save")
	items, err := s.db.Items(s.db.Ctx)
	if err != nil || len(items) != 2 {
		t.Fatalf("items %+v, %v", items, err)
	}
	si, err := s.db.StockItem(s.db.Ctx, caj.ID)
	if err != nil || si.Tracking != app.TrackLot {
		t.Fatalf("card %+v, %v", si, err)
	}
}

func TestOrderLocations(t *testing.T) {
	locs := []app.Location{{ID: "1", Code: "A-01", Parent: "3"}, {ID: "2", Code: "B-01", Parent: "9"}, {ID: "3", Code: "HLAVNI"}, {ID: "4", Code: "ZADNI"}, {ID: "5", Code: "Z-01", Parent: "4"}}
	var got []string
	for _, l := range orderLocations(locs) {
		got = append(got, l.Code)
	}
	if strings.Join(got, ",") != "HLAVNI,A-01,ZADNI,Z-01,B-01" {
		t.Fatalf("order %v", got)
	}
}

// TestStockDataFromMoves: the reports' positions, levels, last issues and
// lots as of a day, read from the moves.
func TestStockDataFromMoves(t *testing.T) {
	d1, d2, d3 := app.D(2026, 3, 1), app.D(2026, 3, 5), app.D(2026, 3, 9)
	sd := stockData{moves: map[string][]app.StockMove{
		"kava": {
			{Date: d1, Kind: app.StockReceipt, Location: "A", Qty: app.Q(5), Value: 1500, QtyAfter: app.Q(5), ValueAfter: 1500, Lot: "L1", Expiry: app.D(2026, 6, 1)},
			{Date: d2, Kind: app.StockIssue, Location: "A", Qty: -app.Q(2), Value: -600, QtyAfter: app.Q(3), ValueAfter: 900, Lot: "L1"},
			{Date: d2, Kind: app.StockReceipt, Location: "B", Qty: app.Q(1), Value: 400, QtyAfter: app.Q(1), ValueAfter: 400},
			{Date: d3, Kind: app.StockIssue, Location: "B", Qty: -app.Q(1), Value: -400, QtyAfter: 0, ValueAfter: 0},
		},
	}}
	pos := sd.positions(d2)
	if pos[app.PosKey{Item: "kava", Location: "A"}].Qty != app.Q(3) || pos[app.PosKey{Item: "kava", Location: "B"}].Value != 400 {
		t.Fatalf("positions on %v: %+v", d2, pos)
	}
	if lv := sd.levels(d3); lv["kava"] != app.Q(3) {
		t.Fatalf("levels %+v", lv)
	}
	if li := sd.lastIssues(d2); li["kava"] != d2 {
		t.Fatalf("last issues %+v", li)
	}
	if li := sd.lastIssues(d1); len(li) != 0 {
		t.Fatalf("last issues before any %+v", li)
	}
	lots := sd.lots(d3)
	if len(lots) != 1 || lots[0].Lot != "L1" || lots[0].Qty != app.Q(3) || lots[0].Value != 900 || lots[0].Expiry != app.D(2026, 6, 1) {
		t.Fatalf("lots %+v", lots)
	}
	pts := levelSeries(sd.moves["kava"])
	if len(pts) != 3 || pts[1].Qty != app.Q(4) || pts[2].Qty != app.Q(3) {
		t.Fatalf("level series %+v", pts)
	}
}

// TestTransferAndStorno: a scanned transfer moves the stock to the other
// location; the storno of the receipt (a new document) takes it back out.
func TestTransferAndStorno(t *testing.T) {
	s := newStocked(t)
	back, err := s.db.SaveLocation(s.db.Ctx, app.Location{Code: "ZADNI", Name: "Zadní sklad"})
	if err != nil {
		t.Fatal(err)
	}
	s.receive(t, 3, 30000)
	wt := openTab(t, s.db)
	wt.v.selectTab(1)
	test.Tap(kittest.Button(t, wt.v.UI(), "New transfer"))
	f := wt.v.docs.form
	if f.doc.Kind != app.StockTransfer || f.locs[f.loc.SelectedIndex()].ID != s.loc.ID || f.locs[f.to.SelectedIndex()].ID != back.ID {
		t.Fatalf("transfer form %+v", f.doc)
	}
	typeEnter(f.scan, kavaEAN)
	typeEnter(f.scan, kavaEAN)
	test.Tap(kittest.Button(t, wt.v.UI(), "Post…"))
	tapDialog(t, wt.w, "Yes")
	if f.doc.Status != app.StockPosted {
		t.Fatalf("transfer not posted: %s %s", f.linesMsg.Text, kittest.DialogText(wt.w))
	}
	if q, _, _ := s.db.StockLevel(s.db.Ctx, s.item.ID, back.ID, whDay); q != app.Q(2) {
		t.Fatalf("ZADNI holds %v", q)
	}

	// The receipt's storno: the list opens it, Storno… posts a new document.
	test.Tap(kittest.Button(t, wt.v.UI(), "Back to the list"))
	docs, _, err := s.db.StockDocs(s.db.Ctx, app.StockDocFilter{Kind: app.StockReceipt}, 0, 10)
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	wt.v.docs.openDoc(docs[0].ID)
	f = wt.v.docs.form
	test.Tap(kittest.Button(t, wt.v.UI(), "Storno…"))
	tapDialog(t, wt.w, "Post storno")
	// The stock is out of HLAVNI (1) and ZADNI (2): the storno of 3 from
	// HLAVNI is refused at its lines unless negative stock is allowed.
	if f.doc.Storno && f.doc.Status == app.StockPosted {
		t.Fatalf("a storno took out more than HLAVNI holds: %+v", f.doc)
	}
	shown := kittest.DialogText(wt.w) + f.linesMsg.Text
	contains(t, "the refused storno", shown, "1")
	kittest.CloseDialogs(wt.w)
	if q, _ := level(t, s.db, s.item.ID); q != app.Q(3) {
		t.Fatalf("level after a refused storno %v", q)
	}
	t.Log(shown)

	// The transfer's storno brings the two back to HLAVNI.
	docs, _, err = s.db.StockDocs(s.db.Ctx, app.StockDocFilter{Kind: app.StockTransfer}, 0, 10)
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	wt.v.docs.openDoc(docs[0].ID)
	f = wt.v.docs.form
	test.Tap(kittest.Button(t, wt.v.UI(), "Storno…"))
	tapDialog(t, wt.w, "Post storno")
	if !f.doc.Storno || f.doc.Status != app.StockPosted || !strings.HasPrefix(f.title.Text, "Storno of "+docs[0].Number) {
		t.Fatalf("the transfer's storno %+v (%q)\n%s", f.doc, f.title.Text, kittest.DialogText(wt.w))
	}
	if q, _, _ := s.db.StockLevel(s.db.Ctx, s.item.ID, back.ID, whDay); q != 0 {
		t.Fatalf("ZADNI still holds %v", q)
	}
	if f.storno.Visible() {
		t.Error("a storno offers its own storno")
	}
}

// TestNewReceiptAction: Ctrl+N (kit.ArgNew) opens a new receipt.
func TestNewReceiptAction(t *testing.T) {
	s := newStocked(t)
	wt := openTab(t, s.db)
	wt.h.Open("warehouse", "new")
	if f := wt.v.docs.form; f == nil || f.doc.Kind != app.StockReceipt || f.doc.ID != "" {
		t.Fatal("Ctrl+N opened no new receipt")
	}
}

// TestReceiptBadInput: what does not parse is named at its field or line
// and nothing is written; a negative quantity is refused by the store at
// the lines; a huge unit cost is taken as typed.
func TestReceiptBadInput(t *testing.T) {
	s := newStocked(t)
	wt := openTab(t, s.db)
	wt.v.selectTab(1)
	test.Tap(kittest.Button(t, wt.v.UI(), "New goods receipt"))
	f := wt.v.docs.form
	typeEnter(f.scan, "KAVA")
	f.date.SetText("31. 2. 2026")
	f.rows[0].qty.SetText("abc")
	f.partner.SetText(strings.Repeat("Ž", 200) + " 🚚")
	test.Tap(kittest.Button(t, wt.v.UI(), "Save draft"))
	if f.fs.Message("stock.date") == "" {
		t.Error("the wrong date is not marked at its field")
	}
	contains(t, "the lines' message", f.linesMsg.Text, "line 1", "Káva")
	if _, n, _ := s.db.StockDocs(s.db.Ctx, app.StockDocFilter{}, 0, 10); n != 0 {
		t.Fatalf("%d documents written from a form that does not parse", n)
	}
	f.date.SetText(kit.FormatDateInput(whDay))
	f.rows[0].qty.SetText("-1")
	f.rows[0].cost.SetText("100000000000")
	test.Tap(kittest.Button(t, wt.v.UI(), "Post…"))
	tapDialog(t, wt.w, "Yes")
	contains(t, "a negative quantity", f.linesMsg.Text+kittest.DialogText(wt.w), "more than zero")
	if f.doc.Status == app.StockPosted {
		t.Fatal("a negative receipt was posted")
	}
	if q, _ := level(t, s.db, s.item.ID); q != 0 {
		t.Fatalf("level %v", q)
	}
	f.rows[0].qty.SetText("1")
	test.Tap(kittest.Button(t, wt.v.UI(), "Post…"))
	tapDialog(t, wt.w, "Yes")
	if q, v := level(t, s.db, s.item.ID); q != app.Q(1) || v != 10000000000000 {
		t.Fatalf("level %v value %d\n%s %s", q, v, f.linesMsg.Text, kittest.DialogText(wt.w))
	}
}

// TestNegativeLevelRed: with negative stock allowed, an item issued beyond
// its level shows the level in red.
func TestNegativeLevelRed(t *testing.T) {
	s := newStocked(t)
	if _, err := s.db.SaveWarehouseSettings(s.db.Ctx, app.WarehouseSettings{Method: app.StockContinuous, Costing: app.CostAverage, AllowNegative: true}); err != nil {
		t.Fatal(err)
	}
	s.receive(t, 1, 30000)
	d, err := s.db.SaveStockDraft(s.db.Ctx, app.StockDoc{Kind: app.StockIssue, Date: whDay, Location: s.loc.ID,
		Lines: []app.StockLine{{ItemID: s.item.ID, Code: "KAVA", Name: s.item.Name, Unit: "ks", Qty: app.Q(3)}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.PostStock(s.db.Ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	wt := openTab(t, s.db)
	p := wt.v.items
	if len(p.rows) != 1 || p.rows[0].qty != -app.Q(2) {
		t.Fatalf("rows %+v", p.rows)
	}
	l := widget.NewLabel("")
	p.updateCell(widget.TableCellID{Row: 0, Col: 3}, l)
	if l.Text != "-2" || l.Importance != widget.DangerImportance {
		t.Fatalf("the level shows %q at importance %v", l.Text, l.Importance)
	}
	p.search.SetText("nic takoveho")
	if len(p.rows) != 0 {
		t.Fatalf("a search for nothing lists %+v", p.rows)
	}
	p.search.SetText("káv")
	if len(p.rows) != 1 {
		t.Fatalf("a search for káv lists %+v", p.rows)
	}
}

// TestReceiptAgainstSupplier: a receipt posted against the supplier
// credits 321 with its value.
func TestReceiptAgainstSupplier(t *testing.T) {
	s := newStocked(t)
	bal := func(code string) int64 {
		bals, err := s.db.BalancesBetween(s.db.Ctx, app.D(2026, 1, 1), whDay)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range bals {
			if b.Account.Code == code {
				return b.Closing()
			}
		}
		return 0
	}
	before := bal("321")
	wt := openTab(t, s.db)
	wt.v.selectTab(1)
	test.Tap(kittest.Button(t, wt.v.UI(), "New goods receipt"))
	f := wt.v.docs.form
	f.counter.SetSelectedIndex(1) // the supplier directly
	typeEnter(f.scan, kavaEAN)
	test.Tap(kittest.Button(t, wt.v.UI(), "Post…"))
	tapDialog(t, wt.w, "Yes")
	if f.doc.Status != app.StockPosted || f.doc.Counter != app.CounterPayables {
		t.Fatalf("posted %+v\n%s", f.doc, kittest.DialogText(wt.w))
	}
	if got := bal("321") - before; got != -30000 {
		t.Fatalf("321 moved by %d", got)
	}
}

// TestStocktakeSerialScan: scanning a serial number on the sheet counts
// its unit.
func TestStocktakeSerialScan(t *testing.T) {
	s := newStocked(t)
	ctx := s.db.Ctx
	it, err := s.db.SaveItem(ctx, app.Item{Code: "MLYNEK", Name: "Mlýnek", Unit: "ks", Price: app.M(100000, "CZK"), VATKind: app.VATStandard, Stock: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.SaveStockItem(ctx, app.StockItem{ItemID: it.ID, Kind: app.StockGoods, Tracking: app.TrackSerial}); err != nil {
		t.Fatal(err)
	}
	d, err := s.db.SaveStockDraft(ctx, app.StockDoc{Kind: app.StockReceipt, Date: whDay, Location: s.loc.ID,
		Lines: []app.StockLine{{ItemID: it.ID, Code: it.Code, Name: it.Name, Unit: "ks", Qty: app.Q(2), UnitCost: 50000, Serials: []string{"SN-1", "SN-2"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.PostStock(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	wt := openTab(t, s.db)
	wt.v.selectTab(2)
	test.Tap(kittest.Button(t, wt.v.UI(), "Start stocktake"))
	p := wt.v.take
	typeEnter(p.scan, "SN-2")
	var counted, serials []string
	for _, l := range p.take.Lines {
		if l.Serial != "" {
			serials = append(serials, l.Serial)
		}
		if l.Counted {
			counted = append(counted, l.Serial+"="+kit.FormatQty(l.Count))
		}
	}
	if len(serials) != 2 || strings.Join(counted, ",") != "SN-2=1" {
		t.Fatalf("serial lines %v, counted %v (%s)", serials, counted, p.scanMsg.Text)
	}
}

// TestBackAsksBeforeDropping: a scanned, unsaved draft is not dropped by
// Back without asking; a saved one goes back at once.
func TestBackAsksBeforeDropping(t *testing.T) {
	s := newStocked(t)
	wt := openTab(t, s.db)
	wt.v.selectTab(1)
	test.Tap(kittest.Button(t, wt.v.UI(), "New goods receipt"))
	f := wt.v.docs.form
	if f.dirty {
		t.Fatal("a new form is dirty")
	}
	typeEnter(f.scan, kavaEAN)
	test.Tap(kittest.Button(t, wt.v.UI(), "Back to the list"))
	contains(t, "the question", kittest.DialogText(wt.w), "not saved")
	tapDialog(t, wt.w, "No")
	if wt.v.docs.form != f {
		t.Fatal("No left the form")
	}
	test.Tap(kittest.Button(t, wt.v.UI(), "Save draft"))
	test.Tap(kittest.Button(t, wt.v.UI(), "Back to the list"))
	if wt.v.docs.form != nil || wt.w.Canvas().Overlays().Top() != nil {
		t.Fatal("a saved draft did not go back at once")
	}
	if _, n, _ := s.db.StockDocs(s.db.Ctx, app.StockDocFilter{Status: app.StockDraft}, 0, 10); n != 1 {
		t.Fatalf("%d drafts", n)
	}
}

// TestPrintsAndExports: the receipt's PDF, the count sheet's PDF and the
// stock levels report as PDF and CSV go through the real printer.
func TestPrintsAndExports(t *testing.T) {
	s := newStocked(t)
	s.receive(t, 4, 30000)
	wt := openTab(t, s.db)
	dir := t.TempDir()
	isPDF := func(path string) {
		t.Helper()
		b, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(b), "%PDF") || len(b) < 1000 {
			t.Fatalf("%s is no PDF (%d bytes, %v)", path, len(b), err)
		}
	}
	docs, _, err := s.db.StockDocs(s.db.Ctx, app.StockDocFilter{}, 0, 1)
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	wt.v.selectTab(1)
	wt.v.docs.openDoc(docs[0].ID)
	f := wt.v.docs.form
	if f.pdfName() != docs[0].Number+".pdf" {
		t.Errorf("suggested name %q", f.pdfName())
	}
	f.writePDF(dir + "/receipt.pdf")
	isPDF(dir + "/receipt.pdf")

	wt.v.selectTab(2)
	test.Tap(kittest.Button(t, wt.v.UI(), "Start stocktake"))
	wt.v.take.writeSheet(dir + "/sheet.pdf")
	isPDF(dir + "/sheet.pdf")
	if sh := wt.v.take.sheetOf(); sh.EAN[s.item.ID] != kavaEAN || len(sh.Take.Lines) != 1 {
		t.Fatalf("sheet %+v", sh)
	}

	wt.v.selectTab(4)
	rv := wt.v.reports.view
	if rv.report == nil {
		t.Fatal("the reports pane shows nothing on opening")
	}
	rv.writePDF(dir + "/levels.pdf")
	isPDF(dir + "/levels.pdf")
	rv.writeCSV(dir + "/levels.csv")
	b, err := os.ReadFile(dir + "/levels.csv")
	if err != nil || !strings.Contains(string(b), "KAVA") || !strings.Contains(string(b), "1200") {
		t.Fatalf("CSV %q, %v", b, err)
	}
}

// TestReceiptWithAcquisitionCosts: a transport cost typed on a receipt is
// part of what the stock cost; an amount that is not a number is named.
func TestReceiptWithAcquisitionCosts(t *testing.T) {
	s := newStocked(t)
	wt := openTab(t, s.db)
	wt.v.selectTab(1)
	test.Tap(kittest.Button(t, wt.v.UI(), "New goods receipt"))
	f := wt.v.docs.form
	typeEnter(f.scan, kavaEAN)
	typeEnter(f.scan, kavaEAN)
	test.Tap(kittest.Button(t, wt.v.UI(), "Add a cost"))
	if len(f.costRows) != 1 {
		t.Fatalf("cost rows %d", len(f.costRows))
	}
	f.costRows[0].text.SetText("Doprava PPL")
	f.costRows[0].amount.SetText("12,5x")
	test.Tap(kittest.Button(t, wt.v.UI(), "Save draft"))
	contains(t, "the costs' message", f.costsMsg.Text, "cost 1")
	f.costRows[0].amount.SetText("120")
	contains(t, "the total", f.total.Text, "720")
	test.Tap(kittest.Button(t, wt.v.UI(), "Post…"))
	tapDialog(t, wt.w, "Yes")
	if f.doc.Status != app.StockPosted || len(f.doc.Costs) != 1 || f.doc.Total != 72000 {
		t.Fatalf("posted %+v\n%s %s", f.doc, f.costsMsg.Text, kittest.DialogText(wt.w))
	}
	if q, v := level(t, s.db, s.item.ID); q != app.Q(2) || v != 72000 {
		t.Fatalf("level %v value %d", q, v)
	}
}
