package app

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// AccountType says where an account sits in the statements and which side its
// balance normally has.
type AccountType string

// Account types.
const (
	Asset     AccountType = "asset"
	Liability AccountType = "liability"
	Equity    AccountType = "equity"
	Revenue   AccountType = "revenue"
	Expense   AccountType = "expense"
	Closing   AccountType = "closing" // 7xx opening/closing accounts of the Czech chart
)

// Account is one account of the chart of accounts, keyed by its code ("311").
type Account struct {
	ID     string      `json:"id"`
	Branch string      `json:"branch"`
	Code   string      `json:"code"`
	Name   string      `json:"name"`
	Type   AccountType `json:"type"`
}

// Validate checks the account's own fields.
func (a Account) Validate() error {
	if a.Code == "" || len(a.Code) > 12 || strings.ContainsAny(a.Code, " \x00/") {
		return Invalid("account.code", "err.account.code", "an account code is 1 to 12 characters without spaces", nil)
	}
	if err := requireText("account.name", a.Name, 120); err != nil {
		return err
	}
	switch a.Type {
	case Asset, Liability, Equity, Revenue, Expense, Closing:
		return nil
	}
	return Invalid("account.type", "err.account.type", "choose the account type", nil)
}

// Line is one side of a journal entry: an amount in the base currency's minor
// units on the debit or the credit side of one account.
type Line struct {
	Account string `json:"acct"`
	Debit   int64  `json:"dr,omitempty"`
	Credit  int64  `json:"cr,omitempty"`
	Memo    string `json:"memo,omitempty"`
	// VAT says what the line is for the VAT return (see VATTag); every line
	// on the VAT account carries one.
	VAT *VATTag `json:"vat,omitempty"`
}

// Entry is a journal entry (účetní zápis): a dated, numbered, balanced set of lines.
type Entry struct {
	ID      string    `json:"id"`
	Branch  string    `json:"branch"`
	Number  string    `json:"number"` // from the journal series, assigned on posting
	Date    Date      `json:"date"`
	Memo    string    `json:"memo"`
	Source  string    `json:"source,omitempty"` // what posted it: "manual", "invoice:<id>", …
	Lines   []Line    `json:"lines"`
	Created time.Time `json:"created"`
	// MemoKey and MemoArgs translate a memo the store wrote (SetMemo,
	// MemoText); Memo keeps its Czech text. Empty for entries posted by hand
	// and before memos had keys: empty values are left out of the proof
	// hash (data's recordHash), so those entries' proofs stay valid.
	MemoKey  string    `json:"memo_key,omitempty"`
	MemoArgs AuditArgs `json:"memo_args,omitempty"`
}

// MaxEntryLines bounds one entry so a typo cannot make a record of megabytes.
const MaxEntryLines = 1000

// MaxMemo is the length (in characters) of an entry's and a line's memo.
const MaxMemo = 200

// CutMemo cuts a memo made from names and numbers to MaxMemo characters,
// ending it with an ellipsis: a long customer name never stops a posting.
func CutMemo(s string) string {
	if utf8.RuneCountInString(s) <= MaxMemo {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:MaxMemo-1]), " –-,") + "…"
}

// CutMemos cuts the memos of an entry a document posts (CutMemo).
func (e *Entry) CutMemos() {
	e.Memo = CutMemo(e.Memo)
	for i := range e.Lines {
		e.Lines[i].Memo = CutMemo(e.Lines[i].Memo)
	}
}

// Totals returns the sums of the debit and credit sides.
func (e Entry) Totals() (debit, credit int64) {
	for _, l := range e.Lines {
		debit += l.Debit
		credit += l.Credit
	}
	return debit, credit
}

// Validate checks what can be checked without the store: a date, at least two
// lines, each line on exactly one side with a positive amount, and debits equal
// to credits. Accounts and locked periods are the store's to check.
func (e Entry) Validate() error {
	if e.Date.IsZero() {
		return Invalid("entry.date", "err.required", "is required", nil)
	}
	if err := maxText("entry.memo", e.Memo, MaxMemo); err != nil {
		return err
	}
	if len(e.Lines) == 0 {
		return Invalid("entry.lines", "err.entry.empty", "a journal entry needs lines", nil)
	}
	if len(e.Lines) < 2 {
		return Invalid("entry.lines", "err.entry.one_line", "a journal entry needs at least one debit and one credit line", nil)
	}
	if len(e.Lines) > MaxEntryLines {
		return Invalid("entry.lines", "err.entry.too_many", "a journal entry may have at most {{.max}} lines", map[string]any{"max": MaxEntryLines})
	}
	var dr, cr int64
	for i, l := range e.Lines {
		args := map[string]any{"n": i + 1}
		if strings.TrimSpace(l.Account) == "" {
			return Invalid("entry.lines", "err.entry.no_account", "line {{.n}} has no account", args)
		}
		if l.Debit < 0 || l.Credit < 0 {
			return Invalid("entry.lines", "err.entry.negative", "line {{.n}} has a negative amount; put it on the other side", args)
		}
		if (l.Debit == 0) == (l.Credit == 0) {
			return Invalid("entry.lines", "err.entry.one_side", "line {{.n}} must have an amount on exactly one side", args)
		}
		if err := maxText("entry.lines", l.Memo, MaxMemo); err != nil {
			return err
		}
		dr += l.Debit
		cr += l.Credit
		if dr < 0 || cr < 0 {
			return Invalid("entry.lines", "err.money.overflow", "amount is too large", nil)
		}
	}
	if dr != cr {
		return Invalid("entry.lines", "err.entry.unbalanced", "debits ({{.dr}}) and credits ({{.cr}}) differ by {{.diff}}", map[string]any{"dr": FormatMinor(dr, 2, ""), "cr": FormatMinor(cr, 2, ""), "diff": FormatMinor(abs64(dr-cr), 2, "")})
	}
	return nil
}

// AccountBalance is an account's movement over a period in base-currency minor
// units: the opening balance (debit minus credit before the period), the period's
// debits and credits, and the closing balance.
type AccountBalance struct {
	Account Account `json:"account"`
	Opening int64   `json:"opening"`
	Debit   int64   `json:"debit"`
	Credit  int64   `json:"credit"`
	Lines   int64   `json:"lines"`
}

// Closing returns the balance at the end of the period (debit minus credit).
func (b AccountBalance) Closing() int64 { return b.Opening + b.Debit - b.Credit }

// JournalFilter narrows the journal: an inclusive date range (zero = open) and
// optionally one account.
type JournalFilter struct {
	From, To Date
	Account  string
}

// Validate refuses a range whose end is before its start.
func (f JournalFilter) Validate() error {
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return Invalid("filter.to", "err.period.reversed", "the end of the period is before its start", nil)
	}
	return nil
}

// JournalLine is one line of the journal with the entry it belongs to, the row
// the Accounts tab shows.
type JournalLine struct {
	EntryID string `json:"entry_id"`
	Number  string `json:"number"`
	Date    Date   `json:"date"`
	Memo    string `json:"memo"`
	Line    Line   `json:"line"`
}

// EntryReverser undoes a posted entry the accountant's way: a new entry with
// the sides swapped, never a deletion.
type EntryReverser interface {
	// ReverseEntry posts the reversal of entry id on date (zero = the entry's
	// own date) and returns it; an entry is reversed at most once.
	ReverseEntry(ctx context.Context, id string, date Date) (Entry, error)
}
