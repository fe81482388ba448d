package warehouse

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

func TestMain(m *testing.M) {
	kittest.Setup()
	os.Exit(datatest.Main(m))
}

// whNow is the day the tests work on (16 March 2026).
var whNow = time.Date(2026, time.March, 16, 10, 0, 0, 0, time.UTC)

var whDay = app.D(2026, time.March, 16)

// whTest is the Warehouse tab for a warehouse keeper over a real store.
type whTest struct {
	db *datatest.DB
	h  *kittest.Host
	v  *View
	w  fyne.Window
}

// openTab opens the Warehouse module for a user with the warehouse role.
func openTab(t *testing.T, db *datatest.DB) *whTest {
	t.Helper()
	c, err := db.Company(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	d := kittest.Deps(db, db.User(t, app.RoleWarehouse))
	h := kittest.NewHost(t, d, c, Module())
	v := h.Show("warehouse").(*View)
	return &whTest{db: db, h: h, v: v, w: h.Window()}
}

// stocked is a store that keeps stock (method A, weighted average) with one
// location, HLAVNI, and one item, KAVA, with an EAN.
type stocked struct {
	db   *datatest.DB
	loc  app.Location
	item app.Item
}

const kavaEAN = "8594000000013" // a valid EAN-13 (check digit 3)

func newStocked(t *testing.T) stocked {
	t.Helper()
	db := datatest.MustOpen(t, datatest.Clock(whNow))
	ctx := db.Ctx
	if _, err := db.SaveWarehouseSettings(ctx, app.WarehouseSettings{Method: app.StockContinuous, Costing: app.CostAverage}); err != nil {
		t.Fatal(err)
	}
	loc, err := db.SaveLocation(ctx, app.Location{Code: "HLAVNI", Name: "Hlavní sklad"})
	if err != nil {
		t.Fatal(err)
	}
	it, err := db.SaveItem(ctx, app.Item{Code: "KAVA", Name: "Káva zrnková 1 kg", Unit: "ks", Price: app.M(45000, "CZK"), VATKind: app.VATReduced, Stock: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveStockItem(ctx, app.StockItem{ItemID: it.ID, Kind: app.StockGoods, EAN: kavaEAN, Location: loc.ID,
		PurchasePrice: app.M(30000, "CZK")}); err != nil {
		t.Fatal(err)
	}
	return stocked{db: db, loc: loc, item: it}
}

// receive posts a receipt of qty units of the item at unit haléře.
func (s stocked) receive(t *testing.T, qty int64, unit int64) {
	t.Helper()
	d, err := s.db.SaveStockDraft(s.db.Ctx, app.StockDoc{Kind: app.StockReceipt, Date: whDay, Location: s.loc.ID,
		Lines: []app.StockLine{{ItemID: s.item.ID, Code: s.item.Code, Name: s.item.Name, Unit: "ks", Qty: app.Q(qty), UnitCost: unit}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.PostStock(s.db.Ctx, d.ID); err != nil {
		t.Fatal(err)
	}
}

// level is the item's quantity and value on whDay over all locations.
func level(t *testing.T, db *datatest.DB, item string) (app.Qty, int64) {
	t.Helper()
	q, v, err := db.StockLevel(db.Ctx, item, "", whDay)
	if err != nil {
		t.Fatal(err)
	}
	return q, v
}

// ledger132 is the balance of 132 at the end of whDay.
func ledger132(t *testing.T, db *datatest.DB) int64 {
	t.Helper()
	bals, err := db.BalancesBetween(db.Ctx, app.D(2026, 1, 1), whDay)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if b.Account.Code == "132" {
			return b.Closing()
		}
	}
	return 0
}

// typeEnter types text into e and presses Enter, as a barcode scanner does.
func typeEnter(e fyne.Focusable, text string) {
	if en, ok := e.(*widget.Entry); ok {
		test.Type(en, text)
	} else {
		for _, r := range text {
			e.TypedRune(r)
		}
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// tapDialog taps the button with text in the top dialog.
func tapDialog(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	test.Tap(kittest.Button(t, top, text))
}

// contains fails the test when s lacks any of want.
func contains(t *testing.T, what, s string, want ...string) {
	t.Helper()
	for _, x := range want {
		if !strings.Contains(s, x) {
			t.Errorf("%s lacks %q:\n%s", what, x, s)
		}
	}
}
