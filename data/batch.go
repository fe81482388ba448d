package data

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// IssueDrafts saves each draft and issues it (SaveDraft, then Issue), all in
// one transaction: a large batch — the demo's scale, a benchmark's store —
// costs one commit, not two per document. A failure anywhere leaves
// nothing.
func (s *Store) IssueDrafts(ctx context.Context, drafts []app.SalesDoc) ([]app.SalesDoc, error) {
	if err := s.allowed(ctx, app.PermSalesWrite); err != nil {
		return nil, err
	}
	for _, d := range drafts {
		if err := d.ValidateDraft(); err != nil {
			return nil, err
		}
	}
	out := make([]app.SalesDoc, len(drafts))
	err := s.updateAs(ctx, app.PermSalesWrite, "issuing the documents", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		for i, d := range drafts {
			d, err := s.saveDraftTx(tx, a, d)
			if err != nil {
				return err
			}
			if out[i], err = s.issueTx(tx, a, d.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// RecordPayments records many payments of issued invoices (RecordPayment)
// in one transaction; a failure anywhere leaves nothing.
func (s *Store) RecordPayments(ctx context.Context, ps []app.Payment) ([]app.Payment, error) {
	if err := s.allowed(ctx, app.PermPaymentsWrite); err != nil {
		return nil, err
	}
	out := make([]app.Payment, len(ps))
	for i := range ps {
		out[i] = ps[i]
		if err := app.CheckPayment(&out[i]); err != nil {
			return nil, err
		}
	}
	err := s.updateAs(ctx, app.PermPaymentsWrite, "recording the payments", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		y, err := newPayer(tx, s.clock, a)
		if err != nil {
			return err
		}
		for i := range out {
			if out[i], _, err = y.paySale(out[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
