package data

import (
	"bytes"
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// VATPostings returns the tagged journal lines dated from..to, read through
// the date index: only the period's entries are decoded.
func (s *Store) VATPostings(ctx context.Context, from, to app.Date) ([]app.VATPosting, error) {
	if err := app.ValidatePeriod(from, to); err != nil {
		return nil, err
	}
	var out []app.VATPosting
	err := s.viewAs(ctx, app.PermLedgerRead, "reading the VAT postings", func(tx *bolt.Tx, _ app.User) error {
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		vatAcct := company.Chart.Posting().VAT
		lo, hi := []byte("00000000"), []byte("99999999")
		if !from.IsZero() {
			lo = []byte(from.Key())
		}
		if !to.IsZero() {
			hi = []byte(to.Key())
		}
		journal := tx.Bucket(bJournal)
		c := tx.Bucket(bJDate).Cursor()
		for k, _ := c.Seek(lo); k != nil && len(k) >= 16 && bytes.Compare(k[:8], hi) <= 0; k, _ = c.Next() {
			var e app.Entry
			if err := decode(journal.Get(k[8:16]), &e); err != nil {
				return err
			}
			out = append(out, app.VATPostingsOf(e, vatAcct)...)
		}
		return nil
	})
	return out, err
}
