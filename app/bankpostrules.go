package app

import "strings"

// The rules of posting stored bank lines: straight to an account, or as the
// payment of the document they are paired with. The store reads the line
// (and whether the account exists), calls them, posts and stores.

// maxBankMemo is the longest memo a person may give a bank line's posting.
const maxBankMemo = 200

// CheckBankPost trims what a person typed to post a bank line to an
// account and refuses an empty account or a memo that is too long.
func CheckBankPost(account, memo string) (string, string, error) {
	account, memo = strings.TrimSpace(account), strings.TrimSpace(memo)
	if account == "" {
		return account, memo, Invalid("bank.account", "err.required", "is required", nil)
	}
	if len([]rune(memo)) > maxBankMemo {
		return account, memo, Invalid("bank.memo", "err.too_long", "is longer than {{.max}} characters", map[string]any{"max": maxBankMemo})
	}
	return account, memo, nil
}

// CheckPending refuses a line already posted or set aside (nil while it
// waits for the accountant).
func (e BankEntry) CheckPending() error {
	switch e.State {
	case MatchPosted:
		return Errorf(ECONFLICT, "err.bank.already_posted", "it is already posted as a payment of {{.number}}", map[string]any{"number": e.DocNumber})
	case MatchIgnored:
		return Errorf(ECONFLICT, "err.bank.already_ignored", "it was set aside; it cannot be posted", nil)
	}
	return nil
}

// Pending reports whether a stored line still waits for the accountant.
func (e BankEntry) Pending() bool { return e.State != MatchPosted && e.State != MatchIgnored }

// BankEntryError names the bank line a refusal is about: "bank line of
// 3. 11. 2026 (1 234,50 Kč): reason", keeping the reason's code. Errors
// that are not an *Error pass unchanged.
func BankEntryError(e BankEntry, err error) error {
	inner, ok := err.(*Error)
	if !ok {
		return err
	}
	c := *inner
	c.Field = "bank.entry"
	c.Key, c.Msg = "err.bank.entry", "bank line of {{.date}} ({{.amount}}): {{.reason}}"
	c.Args = map[string]any{"date": e.Line.Date, "amount": e.Line.Amount, "id": e.ID, "reason": Label{Key: inner.Key, Fallback: inner.Msg, Args: inner.Args}}
	return &c
}

// BankAccountEntry is the posting of pending bank line e straight to
// account (known: the chart has it) with memo (the line's message, else its
// counterparty, when empty): incoming money Dr bank / Cr account, outgoing
// Dr account / Cr bank, dated the line's day; money to or from the VAT
// account is tagged a settlement with the tax office. It returns the line as
// it is once posted, without the entry's ID and number (the store's, after
// posting). Refused: a line not pending, the bank account itself,
// receivables and payables (those are paid through their documents, so open
// items and statements stay right), an account the chart lacks, and a line
// in a foreign currency.
func BankAccountEntry(e BankEntry, account, memo string, c Company, known bool) (Entry, BankEntry, error) {
	account, memo, err := CheckBankPost(account, memo)
	if err != nil {
		return Entry{}, e, err
	}
	if err := e.CheckPending(); err != nil {
		return Entry{}, e, BankEntryError(e, err)
	}
	acc := c.Chart.Posting()
	switch account {
	case acc.Bank, acc.Receivables, acc.Payables:
		return Entry{}, e, Invalid("bank.account", "err.bank.account_not_allowed",
			"post to another account: {{.account}} is the bank account itself or is paid through its invoices (pair the line instead)", map[string]any{"account": account})
	}
	if !known {
		return Entry{}, e, Invalid("bank.account", "err.bank.account_unknown", "account {{.code}} is not in the chart of accounts", map[string]any{"code": account})
	}
	if cur := e.Line.Amount.Currency; cur != "" && cur != c.BaseCurrency {
		return Entry{}, e, BankEntryError(e, Errorf(EINVALID, "err.bank.account_currency",
			"only lines in {{.base}} can be posted to an account; this one is in {{.currency}}", map[string]any{"base": c.BaseCurrency, "currency": cur}))
	}
	if memo == "" {
		memo = strings.TrimSpace(e.Line.Message)
	}
	if memo == "" {
		memo = strings.TrimSpace(e.Line.CounterName)
	}
	amount := e.Line.Amount.Amount
	var tag *VATTag
	if account == acc.VAT { // money to or from the VAT account is a settlement with the tax office
		tag = SettlementTag()
	}
	lines := []Line{{Account: acc.Bank, Debit: amount, Memo: memo}, {Account: account, Credit: amount, Memo: memo, VAT: tag}}
	if amount < 0 {
		lines = []Line{{Account: account, Debit: -amount, Memo: memo, VAT: tag}, {Account: acc.Bank, Credit: -amount, Memo: memo}}
	}
	entry := Entry{Date: e.Line.Date, Source: "bank:" + e.ID, Lines: lines}
	entry.SetMemo(MemoBank(memo))
	entry.Memo = cutRunes(entry.Memo, MaxMemo)
	if err := entry.Validate(); err != nil {
		return entry, e, BankEntryError(e, err)
	}
	e.State, e.Kind, e.Party = MatchPosted, PayKindAccount, memo
	e.DocID, e.Candidates = "", nil
	return entry, e, nil
}

// PairingPayment is the payment bank line e makes of the document pr pairs
// it with: dated the line's day, by bank, the line's message as its note.
// Incoming money pays an issued sales invoice, or — refund true — is a
// supplier's refund of a received invoice its credit note left overpaid;
// outgoing money pays a received invoice. Refused: a line not pending, no
// document, outgoing money for a sales invoice, an unknown kind. Whether the
// document takes the payment is the payment's rules' to say.
func PairingPayment(e BankEntry, pr BankPairing) (p Payment, kind string, refund bool, err error) {
	if err := e.CheckPending(); err != nil {
		return p, pr.Kind, false, err
	}
	if pr.DocID == "" {
		return p, pr.Kind, false, Invalid("bank.doc", "err.bank.no_doc", "choose the invoice it pays", nil)
	}
	p = Payment{DocID: pr.DocID, Date: e.Line.Date, Method: PayBank, BankEntry: e.ID, Note: e.Line.Message, Amount: e.Line.Amount}
	switch pr.Kind {
	case PayKindSale:
		if e.Line.Amount.Amount <= 0 {
			return Payment{}, pr.Kind, false, Invalid("bank.kind", "err.bank.not_incoming", "it is money paid out; it can only pay a received invoice", nil)
		}
	case PayKindPurchase:
		if e.Line.Amount.Amount > 0 { // the supplier's refund after a credit note
			return p, pr.Kind, true, nil
		}
		p.Amount = e.Line.Amount.Neg()
	default:
		return Payment{}, pr.Kind, false, Invalid("bank.kind", "err.bank.kind", "choose whether it pays an issued or a received invoice", nil)
	}
	return p, pr.Kind, false, nil
}

// Paired is bank line e once posted as payment paid of the document pr
// pairs it with, whose number and party it shows.
func (e BankEntry) Paired(pr BankPairing, paid Payment, number, party string) BankEntry {
	e.PaymentID, e.DocNumber, e.Party = paid.ID, number, party
	e.State, e.Kind, e.DocID, e.Candidates = MatchPosted, pr.Kind, pr.DocID, nil
	return e
}
