package app

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// BenchmarkItemCSV10k: reading and planning a price list of 10,000 stock
// items against a book that has them all (a re-import of an export), the
// work an import does before it writes.
func BenchmarkItemCSV10k(b *testing.B) {
	book := ItemBook{Base: "CZK", Locations: itemBook().Locations}
	for i := range 10000 {
		id := fmt.Sprintf("i%05d", i)
		book.Items = append(book.Items, Item{ID: id, Code: fmt.Sprintf("Z-%05d", i), Name: fmt.Sprintf("Zboží číslo %d Žluťoučký kůň", i), Unit: "ks",
			Price: M(int64(i)*137+99, "CZK"), VATKind: VATStandard, Stock: true})
		book.Stock = append(book.Stock, StockItem{ItemID: id, Kind: StockGoods, PurchasePrice: M(int64(i)*71, "CZK"), ReorderPoint: Q(int64(i % 50)), Location: "L1"})
	}
	var buf bytes.Buffer
	day := D(2026, time.March, 1)
	if err := WriteItemsCSV(&buf, ItemRowsOf(book.Items, book.Stock, book.Locations), nil, day); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f, err := ReadItemsCSV(data, nil, day)
		if err != nil {
			b.Fatal(err)
		}
		plans, rej := f.PlanItems(book)
		if len(plans) != 10000 || len(rej) != 0 || plans[0].Changed {
			b.Fatalf("%d plans, %d rejected", len(plans), len(rej))
		}
	}
}
