package data

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// PurchasesToReceive lists the received invoices of goods still to be
// received into stock (see app.WarehouseService): the newest
// app.MaxReceiveLookback invoices from the list index, each one's posting
// read for what it put on the acquisition account and its receipts summed
// (purchaseReceived reads only the stock documents written since it).
func (s *Store) PurchasesToReceive(ctx context.Context, limit int) ([]app.PurchaseToReceive, error) {
	if limit <= 0 || limit > app.MaxReceiveLookback {
		limit = app.MaxReceiveLookback
	}
	var out []app.PurchaseToReceive
	err := s.viewAs(ctx, app.PermWarehouse, "listing the invoices to receive", func(tx *bolt.Tx, _ app.User) error {
		set, ok, err := readSettings(tx)
		if err != nil || !ok {
			return err
		}
		c, err := readCompany(tx)
		if err != nil {
			return err
		}
		acc := app.StockAccountsOf(c.Chart)
		cur := tx.Bucket(bPurchDates).Cursor()
		seen := 0
		for k, _ := cur.Last(); k != nil && seen < app.MaxReceiveLookback && len(out) < limit; k, _ = cur.Prev() {
			seen++
			if len(k) <= 8 {
				continue
			}
			pi, err := readPurchase(tx, string(k[8:]))
			if err != nil {
				return err
			}
			onAcq := pi.Account == acc.GoodsAcquisition || pi.Account == acc.MaterialAcquisition
			if pi.CreditNote || pi.EntryID == "" || !onAcq && !periodicPurchase(set, pi, c.Chart) {
				continue
			}
			invoiced, err := purchaseInvoiced(tx, pi, c.Chart, set)
			if err != nil {
				return err
			}
			received, err := purchaseReceived(tx, pi, "", true)
			if err != nil {
				return err
			}
			if invoiced > received {
				out = append(out, app.PurchaseToReceive{Purchase: pi, Invoiced: invoiced, Received: received})
			}
		}
		return nil
	})
	return out, err
}
