package data

import (
	"context"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

func putAccount(tx *bolt.Tx, a app.Account) error {
	b, err := encode(a)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bAccounts).Put([]byte(a.Code), b); err != nil {
		return err
	}
	return recordChange(tx, changeAccount, []byte(a.Code), b)
}

// Accounts returns the chart of accounts in code order.
func (s *Store) Accounts(ctx context.Context) ([]app.Account, error) {
	var out []app.Account
	err := s.viewAs(ctx, app.PermLedgerRead, "reading the chart of accounts", func(tx *bolt.Tx, _ app.User) error {
		return tx.Bucket(bAccounts).ForEach(func(k, v []byte) error {
			var a app.Account
			if err := decode(v, &a); err != nil {
				return err
			}
			out = append(out, a)
			return nil
		})
	})
	return out, err
}

// SaveAccount adds an account, or renames an existing one. An account's type
// cannot change once it has journal lines.
func (s *Store) SaveAccount(ctx context.Context, a app.Account) (app.Account, error) {
	if err := s.allowed(ctx, app.PermLedgerPost); err != nil {
		return app.Account{}, err
	}
	a.Code = strings.TrimSpace(a.Code)
	a.Name = strings.TrimSpace(a.Name)
	if err := a.Validate(); err != nil {
		return app.Account{}, err
	}
	err := s.updateAs(ctx, app.PermLedgerPost, "saving the account", func(tx *bolt.Tx, _ app.User, au *auditor) error {
		c, err := readCompany(tx)
		if err != nil {
			return err
		}
		if raw := tx.Bucket(bAccounts).Get([]byte(a.Code)); raw != nil {
			var old app.Account
			if err := decode(raw, &old); err != nil {
				return err
			}
			if old.Type != a.Type && hasLines(tx, a.Code) {
				return app.Invalid("account.type", "err.account.type_used", "account {{.code}} has journal lines; its type cannot change", map[string]any{"code": a.Code})
			}
			a.ID, a.Branch = old.ID, old.Branch
		} else {
			a.ID, a.Branch = app.NewID(s.clock.Now()), c.Branch
		}
		if err := putAccount(tx, a); err != nil {
			return err
		}
		return au.logKey("save", "account", a.ID, "audit.account_saved", "{{.code}} {{.name}} ({{.type}})",
			app.AuditArgs{"code": app.AText(a.Code), "name": app.AText(a.Name), "type": idLabel("account.type.", string(a.Type))})
	})
	if err != nil {
		return app.Account{}, err
	}
	return a, nil
}

func hasLines(tx *bolt.Tx, code string) bool {
	prefix := cat([]byte(code), sep)
	k, _ := tx.Bucket(bBalances).Cursor().Seek(prefix)
	return k != nil && strings.HasPrefix(string(k), string(prefix))
}
