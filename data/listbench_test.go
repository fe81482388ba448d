package data_test

import (
	"testing"

	"kontor/app"
	"kontor/data"
	"kontor/data/datatest"
)

// The speed targets of issue 11 on the benchmark store (20,000 issued
// invoices, 5,000 customers): a sales-list page of 50 with a search term
// and a customer card within 5 ms, the receivables aging within 100 ms.
// The Scan… cases are the code before the lists of documents (schema 13),
// on the same store.

func BenchmarkSalesList(b *testing.B) {
	db := datatest.Bench(b)
	for _, c := range []struct {
		name   string
		f      app.DocFilter
		offset int
	}{
		{"term", app.DocFilter{Search: datatest.BenchTerm}, 0},
		{"all", app.DocFilter{}, 0},
		{"page100", app.DocFilter{}, 99 * 50},
		{"overdue", app.DocFilter{Status: app.StatusOverdue}, 0},
		{"term-page3", app.DocFilter{Search: datatest.BenchTerm}, 2 * 50},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if rows, _, err := db.DocRows(db.Ctx, c.f, c.offset, 50); err != nil || len(rows) != 50 {
					b.Fatal(len(rows), err)
				}
			}
		})
		if c.name == "overdue" || c.name == "term-page3" {
			continue
		}
		b.Run("Scan-"+c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if rows, _, err := data.ScanDocRows(db.Store, db.Ctx, c.f, c.offset, 50); err != nil || len(rows) != 50 {
					b.Fatal(len(rows), err)
				}
			}
		})
	}
}

func BenchmarkCustomerCard(b *testing.B) {
	db := datatest.Bench(b)
	custs, err := db.Customers(db.Ctx, "", 0)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.CustomerCard(db.Ctx, custs[(i*97)%len(custs)].ID); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReceivablesAging(b *testing.B) {
	db := datatest.Bench(b)
	today := app.DateOf(datatest.DefaultNow)
	lastMonth := app.D(2026, 10, 31)
	for _, c := range []struct {
		name  string
		sales app.SalesService
		asOf  app.Date
	}{
		{"today", db.Store, today},
		{"month-end", db.Store, lastMonth},
		{"Scan-today", data.ScanSales{SalesService: db.Store, S: db.Store}, today},
		{"Scan-month-end", data.ScanSales{SalesService: db.Store, S: db.Store}, lastMonth},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				docs, err := app.ReceivablesAsOf(db.Ctx, c.sales, c.asOf, today)
				if err != nil {
					b.Fatal(err)
				}
				if rows := app.AgeReceivables(docs, c.asOf); len(rows) == 0 {
					b.Fatal("nothing open")
				}
			}
		})
	}
}
