package data

import (
	"testing"

	"kontor/app"
)

// BenchmarkDocRows measures a sales-list page of 50 (no term, a search
// term, the overdue filter) on a store of 400 random documents: 42, 62 and
// 63 ms before the lists of documents (schema 13), when DocRows decoded
// every document. BenchmarkSalesList measures the same on 20,000 invoices.
func BenchmarkDocRows(b *testing.B) {
	s := randomSales(b, 1, 400)
	for _, c := range []struct {
		name string
		f    app.DocFilter
	}{
		{"all", app.DocFilter{}},
		{"term", app.DocFilter{Search: "novák"}},
		{"overdue", app.DocFilter{Status: app.StatusOverdue}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, _, err := s.DocRows(ctx, c.f, 0, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
