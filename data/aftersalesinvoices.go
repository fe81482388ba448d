package data

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// TicketInvoices is the customer's issued invoices, newest first, read
// from the customer's list of documents (never a scan of all documents).
func (s *Store) TicketInvoices(ctx context.Context, customerID string, limit int) ([]app.SalesDoc, error) {
	var out []app.SalesDoc
	if customerID == "" {
		return nil, nil
	}
	err := s.viewAs(ctx, app.PermAftersales, "listing the customer's invoices", func(tx *bolt.Tx, _ app.User) error {
		page, _ := listDocs(tx, app.DocFilter{Kind: app.KindInvoice, Customer: customerID}, app.Today(s.clock), 0, 0)
		for _, dk := range page {
			d, err := readDoc(tx, string(lastPart(dk)))
			if err != nil {
				return err
			}
			if d.Kind != app.KindInvoice || d.Status != app.StatusIssued || d.CustomerID != customerID {
				continue
			}
			out = append(out, d)
			if limit > 0 && len(out) >= limit {
				break
			}
		}
		return nil
	})
	return out, err
}
