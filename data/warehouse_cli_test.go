package data_test

import (
	"errors"
	"testing"

	"kontor/app"
	"kontor/data/datatest"
)

// importPlans reads an item CSV and plans it against db's price list.
func importPlans(t *testing.T, db *datatest.DB, text string) []app.ItemPlan {
	t.Helper()
	f, err := app.ReadItemsCSV([]byte(text), nil, app.Date{})
	if err != nil {
		t.Fatal(err)
	}
	var b app.ItemBook
	b.Base = "CZK"
	if b.Items, err = db.Items(db.Ctx); err != nil {
		t.Fatal(err)
	}
	if b.Stock, err = db.StockItems(db.Ctx, "", 0); err != nil {
		t.Fatal(err)
	}
	if b.Locations, err = db.Locations(db.Ctx); err != nil {
		t.Fatal(err)
	}
	plans, rej := f.PlanItems(b)
	if len(rej) > 0 {
		t.Fatalf("rejected %+v", rej)
	}
	return plans
}

func TestImportItems(t *testing.T) {
	w := newWh(t, app.CostAverage)
	db := w.db
	plans := importPlans(t, db, "Kód;Název;MJ;Prodejní cena;EAN;Sklad;Evidence\n"+
		"NOVA;Nová káva;kg;450;8594001234561;ZADNI;šarže\n"+
		"kava;;;99;;;\n"+ // the existing KAVA: a new price, no default location
		"MLEKO;Zboží MLEKO;ks;500;;HLAVNI;šarže\n") // unchanged
	if len(plans) != 3 || !plans[0].NewItem || plans[1].NewItem || plans[2].Changed {
		t.Fatalf("plans %+v", plans)
	}
	before := len(db.AuditTrail(t, db.Ctx, app.AuditFilter{Entity: "stock_item"}))

	// Without the warehouse permission (sales may write the price list):
	// refused, nothing written.
	if _, err := db.ImportItems(db.As(t, app.RoleSales), plans); app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Errorf("sales: %v", err)
	}
	// A plan the rules refuse, after a good one: nothing written, its line named.
	bad := append([]app.ItemPlan(nil), plans...)
	bad = append(bad, app.ItemPlan{Line: 9, Changed: true, NewItem: true, Item: app.Item{Code: "ZLA", Name: "Zlá", Unit: "ks", VATKind: app.VATStandard, Stock: true},
		Stock: app.StockItem{EAN: "8594001234562"}})
	_, err := db.ImportItems(db.Ctx, bad)
	var e *app.Error
	if !errors.As(err, &e) || e.Code != app.EINVALID || e.Args["line"] != 9 || !errors.As(e.Err, &e) || e.Field != "stock_item.ean" {
		t.Fatalf("a bad EAN: %v", err)
	}
	if cards, _ := db.StockItems(db.Ctx, "", 0); len(cards) != 3 {
		t.Fatalf("a refused import wrote: %d cards", len(cards))
	}

	// The storekeeper imports them.
	n, err := db.ImportItems(db.As(t, app.RoleWarehouse), plans)
	if err != nil || n != 2 {
		t.Fatalf("import: %d %v", n, err)
	}
	cards, err := db.StockItems(db.Ctx, "", 0)
	if err != nil || len(cards) != 4 {
		t.Fatalf("%d cards %v", len(cards), err)
	}
	items, err := db.Items(db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]app.Item{}
	for _, it := range items {
		byCode[it.Code] = it
	}
	nova, kava := byCode["NOVA"], byCode["KAVA"]
	if nova.ID == "" || nova.Branch != "HQ" || nova.Price != app.M(45000, "CZK") || !nova.Stock || kava.ID != w.plain.ID || kava.Price.Amount != 9900 || kava.Name != "Zboží KAVA" {
		t.Errorf("items: %+v %+v", nova, kava)
	}
	card, err := db.StockItem(db.Ctx, nova.ID)
	if err != nil || card.EAN != "8594001234561" || card.Location != w.back.ID || card.Tracking != app.TrackLot || card.Kind != app.StockGoods {
		t.Errorf("NOVA's card %+v %v", card, err)
	}
	if card, err := db.StockItem(db.Ctx, kava.ID); err != nil || card.Location != "" {
		t.Errorf("KAVA's card %+v %v", card, err)
	}
	if after := len(db.AuditTrail(t, db.Ctx, app.AuditFilter{Entity: "stock_item"})); after != before+2 {
		t.Errorf("audit: %d stock card entries, want %d", after, before+2)
	}
	w.clean(t)

	// A code another item took since the plan: refused.
	again := importPlans(t, db, "Kód;Název;MJ\nDALSI;Další;ks\n")
	if _, err := db.SaveItem(db.Ctx, app.Item{Code: "dalsi", Name: "Mezitím", Unit: "ks", VATKind: app.VATStandard, Price: app.M(0, "CZK")}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportItems(db.Ctx, again); app.ErrorCode(err) != app.EINVALID || !errors.As(err, &e) || e.Args["line"] != 2 {
		t.Errorf("a code taken meanwhile: %v", err)
	}
}

func TestStocktakes(t *testing.T) {
	w := newWh(t, app.CostAverage)
	db := w.db
	if list, err := db.Stocktakes(db.Ctx); err != nil || len(list) != 0 {
		t.Fatalf("none yet: %v %v", list, err)
	}
	w.mustPost(t, receipt(app.D(2026, 3, 2), w.plain, app.Q(5), 10000))
	first, err := db.StartStocktake(db.Ctx, w.main.ID, app.D(2026, 3, 31))
	if err != nil {
		t.Fatal(err)
	}
	second, err := db.StartStocktake(db.Ctx, w.back.ID, app.D(2026, 6, 30))
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.Stocktakes(db.As(t, app.RoleWarehouse))
	if err != nil || len(list) != 2 || list[0].ID != second.ID || list[1].ID != first.ID || list[1].Number == "" || len(list[1].Lines) != 1 {
		t.Fatalf("list %+v %v", list, err)
	}
	if _, err := db.Stocktakes(db.As(t, app.RoleSales)); app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Errorf("sales: %v", err)
	}
}
