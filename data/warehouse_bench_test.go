package data

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// benchStock is a store with moves moves over items positions (one
// location), written in big transactions in the layout posting keeps
// (running values on each move), built once per process and left open
// (its file already deleted).
type benchStock struct {
	s     *Store
	items []string
}

var (
	benchStocks   = map[[2]int]*benchStock{}
	benchStocksMu sync.Mutex
)

func stockBench(b *testing.B, items, moves int) *benchStock {
	benchStocksMu.Lock()
	defer benchStocksMu.Unlock()
	if bs := benchStocks[[2]int{items, moves}]; bs != nil {
		return bs
	}
	dir, err := os.MkdirTemp("", "kontor-stock-bench")
	if err != nil {
		b.Fatal(err)
	}
	s, err := Open(filepath.Join(dir, "kontor.db"), Options{Clock: app.NewFixedClock(testNow), NoSync: true, NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	// The open store keeps the unlinked file until the process ends: no
	// 300 MB left behind in the temporary directory.
	if err := os.RemoveAll(dir); err != nil {
		b.Fatal(err)
	}
	if _, err := s.CreateFirstAdmin(context.Background(), app.NewUser{Name: "admin", FullName: "Správce", Password: testPassword}); err != nil {
		b.Fatal(err)
	}
	if _, err := s.CreateCompany(ctx, testCompany()); err != nil {
		b.Fatal(err)
	}
	bs := &benchStock{s: s}
	per := moves / items
	const batch = 200_000
	for i := 0; i < items; {
		err := s.db.Update(func(tx *bolt.Tx) error {
			mb, pb := tx.Bucket(bStockMoves), tx.Bucket(bStockPos)
			mb.FillPercent, pb.FillPercent = 0.9, 0.9
			for n := 0; n < batch && i < items; i++ {
				item := "ITEM" + strconv.Itoa(100000+i)
				bs.items = append(bs.items, item)
				var q app.Qty
				var v int64
				day := app.D(2020, 1, 1)
				for j := 0; j < per; j++ {
					q, v = q+app.Q(1), v+100
					day = day.AddDays(j % 2)
					seq, _ := mb.NextSequence()
					m := app.StockMove{DocID: "D", DocNumber: "PR", Kind: app.StockReceipt, Date: day, Line: 1, Item: item, Location: "L",
						Qty: app.Q(1), Value: 100, QtyAfter: q, ValueAfter: v}
					raw, _ := encode(m)
					if err := mb.Put(cat(movePrefix(item, "L"), []byte(day.Key()), u64(seq)), cat(i64s(int64(q), v), raw)); err != nil {
						return err
					}
					n++
				}
				raw, _ := encode(app.Position{Qty: q, Value: v, Last: day})
				if err := pb.Put(posKey(item, "L"), raw); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	benchStocks[[2]int{items, moves}] = bs
	return bs
}

// BenchmarkStockLevelAsOf: one position's level on a day, 1,000,000 moves
// on file (1,000 items × 1,000 moves).
func BenchmarkStockLevelAsOf(b *testing.B) {
	bs := stockBench(b, 1000, 1_000_000)
	day := app.D(2020, 10, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := bs.s.StockLevel(ctx, bs.items[i%len(bs.items)], "L", day); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStockValuation: every item's value on a day, 10,000 items.
func BenchmarkStockValuation(b *testing.B) {
	bs := stockBench(b, 10_000, 30_000)
	day := app.D(2020, 1, 2)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		vs, err := bs.s.StockValuation(ctx, day)
		if err != nil || len(vs) != 10_000 {
			b.Fatal(len(vs), err)
		}
	}
}

// BenchmarkPostReceipt50: posting a 50-line receipt (numbering, costing,
// entry, audit, change log), the draft saved outside the timer.
func BenchmarkPostReceipt50(b *testing.B) {
	s, _ := MustCompany(b)
	if _, err := s.SaveWarehouseSettings(ctx, app.WarehouseSettings{}); err != nil {
		b.Fatal(err)
	}
	loc, err := s.SaveLocation(ctx, app.Location{Code: "HLAVNI", Name: "Hlavní sklad"})
	if err != nil {
		b.Fatal(err)
	}
	var lines []app.StockLine
	for i := range 50 {
		it, err := s.SaveItem(ctx, app.Item{Code: "Z" + strconv.Itoa(i), Name: "Zboží", Unit: "ks", Price: app.M(100, "CZK"), VATKind: app.VATStandard, Stock: true})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.SaveStockItem(ctx, app.StockItem{ItemID: it.ID}); err != nil {
			b.Fatal(err)
		}
		lines = append(lines, app.StockLine{ItemID: it.ID, Name: "Zboží", Unit: "ks", Qty: app.Q(2), UnitCost: 1234})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		d, err := s.SaveStockDraft(ctx, app.StockDoc{Kind: app.StockReceipt, Date: app.D(2026, 11, 2), Location: loc.ID, Lines: lines})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.PostStock(ctx, d.ID); err != nil {
			b.Fatal(err)
		}
	}
}
