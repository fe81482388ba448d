package data

import (
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// TestStockDocsSince: the receipts of a received invoice are found from the
// change log, from the invoice's entry on — the fixed clock gives every ID
// the same time, so the IDs alone could not say which came after — and a
// document written before the invoice is not read.
func TestStockDocsSince(t *testing.T) {
	s, sup := payablesStore(t)
	if _, err := s.SaveWarehouseSettings(ctx, app.WarehouseSettings{}); err != nil {
		t.Fatal(err)
	}
	loc, err := s.SaveLocation(ctx, app.Location{Code: "HLAVNI", Name: "Hlavní sklad"})
	if err != nil {
		t.Fatal(err)
	}
	it, err := s.SaveItem(ctx, app.Item{Code: "KAVA", Name: "Káva", Unit: "kg", Price: app.M(50000, "CZK"), VATKind: app.VATStandard, Stock: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveStockItem(ctx, app.StockItem{ItemID: it.ID, Location: loc.ID}); err != nil {
		t.Fatal(err)
	}
	day := app.D(2026, 3, 3)
	before, err := s.SaveStockDraft(ctx, app.StockDoc{Kind: app.StockReceipt, Date: day, Location: loc.ID, Lines: []app.StockLine{{ItemID: it.ID, Qty: app.Q(1), UnitCost: 100}}})
	if err != nil {
		t.Fatal(err)
	}
	p := purchase(sup.ID, "ZK-1", day)
	p.Account = "131"
	pi := mustPurchase(t, s, p)
	r, err := s.ReceivePurchase(ctx, pi.ID, loc.ID, app.Date{}, []app.StockLine{{ItemID: it.ID, Qty: app.Q(2)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PostStock(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	err = s.view("test", func(tx *bolt.Tx) error {
		ids, ok, err := stockDocsSince(tx, pi.EntryID)
		var got []string
		for _, id := range ids {
			got = append(got, string(id))
		}
		if err != nil || !ok || !slices.Contains(got, r.ID) || slices.Contains(got, before.ID) {
			t.Errorf("documents since the invoice %v (%v, %v); receipt %s, earlier draft %s", got, ok, err, r.ID, before.ID)
		}
		if _, ok, _ := stockDocsSince(tx, "no-such-entry"); ok {
			t.Error("an unknown entry was a place to start")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
