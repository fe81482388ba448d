package data

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// PostBankEntry posts a pending bank line that pays no document to an
// account, in one transaction with the line's new state: the entry is
// app.BankAccountEntry's (which refuses the bank account itself,
// receivables, payables, an unknown account and a foreign-currency line);
// this reads the line, posts and stores.
func (s *Store) PostBankEntry(ctx context.Context, id, account, memo string) (app.BankEntry, error) {
	if err := s.allowed(ctx, app.PermBank); err != nil {
		return app.BankEntry{}, err
	}
	account, memo, err := app.CheckBankPost(account, memo)
	if err != nil {
		return app.BankEntry{}, err
	}
	var out app.BankEntry
	err = s.updateAs(ctx, app.PermBank, "posting the bank line", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		e, err := readBankEntry(tx, id)
		if err != nil {
			return app.WithField(err, "bank.entry")
		}
		p, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		entry, e, err := app.BankAccountEntry(e, account, memo, p.company, p.accountExists(account))
		if err != nil {
			return err
		}
		if entry, err = p.post(entry); err != nil {
			return app.BankEntryError(e, err)
		}
		e.EntryID, e.DocNumber = entry.ID, entry.Number
		if err := putBankEntry(tx, e); err != nil {
			return err
		}
		out = e
		return a.logKey("post", "bank", e.ID, "audit.bank_posted", "{{.date}} {{.amount}} {{.counter}} to {{.account}} as {{.number}}",
			withArgs(bankLineArgs(e), app.AuditArgs{"account": app.AText(account), "number": app.AText(entry.Number)}))
	})
	if err != nil {
		return app.BankEntry{}, err
	}
	return out, nil
}
