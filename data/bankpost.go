package data

import (
	"context"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// PostBankEntry posts a pending bank line that pays no document to an
// account: incoming money Dr bank / Cr account, outgoing Dr account / Cr bank,
// dated the line's day, in one transaction with the line's new state. The
// account must exist and may not be the bank account itself, nor receivables
// or payables (those are paid through their documents, so open items and
// statements stay right).
func (s *Store) PostBankEntry(ctx context.Context, id, account, memo string) (app.BankEntry, error) {
	if err := s.allowed(ctx, app.PermBank); err != nil {
		return app.BankEntry{}, err
	}
	account, memo = strings.TrimSpace(account), strings.TrimSpace(memo)
	if account == "" {
		return app.BankEntry{}, app.Invalid("bank.account", "err.required", "is required", nil)
	}
	if len([]rune(memo)) > 200 {
		return app.BankEntry{}, app.Invalid("bank.memo", "err.too_long", "is longer than {{.max}} characters", map[string]any{"max": 200})
	}
	var out app.BankEntry
	err := s.updateAs(ctx, app.PermBank, "posting the bank line", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		e, err := readBankEntry(tx, id)
		if err != nil {
			return app.WithField(err, "bank.entry")
		}
		if err := notPending(e); err != nil {
			return bankLineErr(e, err)
		}
		p, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		acc := p.company.Chart.Posting()
		switch account {
		case acc.Bank, acc.Receivables, acc.Payables:
			return app.Invalid("bank.account", "err.bank.account_not_allowed",
				"post to another account: {{.account}} is the bank account itself or is paid through its invoices (pair the line instead)", map[string]any{"account": account})
		}
		if !p.accountExists(account) {
			return app.Invalid("bank.account", "err.bank.account_unknown", "account {{.code}} is not in the chart of accounts", map[string]any{"code": account})
		}
		if e.Line.Amount.Currency != "" && e.Line.Amount.Currency != p.company.BaseCurrency {
			return bankLineErr(e, app.Errorf(app.EINVALID, "err.bank.account_currency",
				"only lines in {{.base}} can be posted to an account; this one is in {{.currency}}", map[string]any{"base": p.company.BaseCurrency, "currency": e.Line.Amount.Currency}))
		}
		if memo == "" {
			memo = strings.TrimSpace(e.Line.Message)
		}
		if memo == "" {
			memo = strings.TrimSpace(e.Line.CounterName)
		}
		amount := e.Line.Amount.Amount
		var tag *app.VATTag
		if account == acc.VAT { // money to or from the VAT account is a settlement with the tax office
			tag = app.SettlementTag()
		}
		lines := []app.Line{{Account: acc.Bank, Debit: amount, Memo: memo}, {Account: account, Credit: amount, Memo: memo, VAT: tag}}
		if amount < 0 {
			lines = []app.Line{{Account: account, Debit: -amount, Memo: memo, VAT: tag}, {Account: acc.Bank, Credit: -amount, Memo: memo}}
		}
		entry := app.Entry{Date: e.Line.Date, Memo: truncRunes("Banka – "+memo, 200), Source: "bank:" + e.ID, Lines: lines}
		if err := entry.Validate(); err != nil {
			return bankLineErr(e, err)
		}
		if entry, err = p.post(entry); err != nil {
			return bankLineErr(e, err)
		}
		e.State, e.Kind, e.EntryID, e.DocNumber, e.Party = app.MatchPosted, app.PayKindAccount, entry.ID, entry.Number, memo
		e.DocID, e.Candidates = "", nil
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

// truncRunes cuts s to at most n characters.
func truncRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
