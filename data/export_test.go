package data

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// ScanDocuments is Documents as it was before the lists of documents
// (schema 13): every document decoded, in the order of their IDs, newest
// first. The benchmarks compare with it.
func ScanDocuments(s *Store, c context.Context, f app.DocFilter, offset, limit int) ([]app.SalesDoc, int, error) {
	match := f.Matcher(app.Today(s.clock))
	var out []app.SalesDoc
	n := 0
	err := s.viewAs(c, app.PermSalesRead, "listing documents", func(tx *bolt.Tx, _ app.User) error {
		cur := tx.Bucket(bDocs).Cursor()
		for k, v := cur.Last(); k != nil; k, v = cur.Prev() {
			var d app.SalesDoc
			if err := decode(v, &d); err != nil {
				return err
			}
			if !match(d) || f.Customer != "" && d.CustomerID != f.Customer {
				continue
			}
			if n >= offset && (limit <= 0 || len(out) < limit) {
				out = append(out, d)
			}
			n++
		}
		return nil
	})
	return out, n, err
}

// ScanDocRows is DocRows as it was before schema 13.
func ScanDocRows(s *Store, c context.Context, f app.DocFilter, offset, limit int) ([]app.DocRow, int, error) {
	docs, n, err := ScanDocuments(s, c, f, offset, limit)
	rows := make([]app.DocRow, len(docs))
	for i, d := range docs {
		rows[i] = app.RowOf(d)
	}
	return rows, n, err
}

// ScanSales is the store as a SalesService that lists by ScanDocuments
// and is no app.ReceivablesReader: app.ReceivablesAsOf pages through it
// and reads the payments of each paid invoice in a transaction of their
// own, as it did before schema 13.
type ScanSales struct {
	app.SalesService
	S *Store
}

// Documents is ScanDocuments.
func (x ScanSales) Documents(c context.Context, f app.DocFilter, offset, limit int) ([]app.SalesDoc, int, error) {
	return ScanDocuments(x.S, c, f, offset, limit)
}

// PagedSales is the store as a SalesService that is no
// app.ReceivablesReader (app.ReceivablesAsOf's paged way on the lists).
type PagedSales struct{ app.SalesService }

// PagedPayables is the store as a PayablesService that is no
// app.PayablesReader.
type PagedPayables struct{ app.PayablesService }
