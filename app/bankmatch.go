package app

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// Bank statement import: the lines of a statement are stored once (a second
// import of the same file stores and posts nothing), each with a proposed
// pairing to an open document; the accountant confirms the proposals (they
// are then posted as payments) or pairs the rest by hand.

// BankMatchState is what the matcher made of a bank line.
type BankMatchState string

// Match states.
const (
	MatchFound     BankMatchState = "matched"   // one open document with this VS and amount
	MatchNone      BankMatchState = "unmatched" // no open document fits: pair it by hand or ignore it
	MatchAmbiguous BankMatchState = "ambiguous" // more than one document fits: pair it by hand
	MatchImported  BankMatchState = "imported"  // the line was imported before (preview only)
	MatchPosted    BankMatchState = "posted"    // paired and posted as a payment
	MatchIgnored   BankMatchState = "ignored"   // set aside by the accountant (fees, transfers)
)

// Kinds of document a bank line pays.
const (
	PayKindSale     = "sale"     // an issued sales invoice (incoming money)
	PayKindPurchase = "purchase" // a received invoice (outgoing money)
	PayKindAccount  = "account"  // no document: posted straight to an account (fees, interest, transfers)
)

// OpenItem is a document a bank line may pay: an issued sales invoice or a
// received invoice with something left to pay.
type OpenItem struct {
	Kind      string // PayKindSale or PayKindPurchase
	DocID     string
	Number    string // Kontor's number
	VS        string // variable symbol, without leading zeros
	Party     string
	Remaining Money // in the document's currency
}

// BankEntry is one stored bank line with its pairing.
type BankEntry struct {
	ID      string   `json:"id"`
	Key     string   `json:"key"`     // BankLineKey: what makes a second import a no-op
	Account string   `json:"account"` // the statement's account
	Line    BankLine `json:"line"`

	State      BankMatchState `json:"state"`
	Kind       string         `json:"kind,omitempty"` // of the proposed or posted document
	DocID      string         `json:"doc_id,omitempty"`
	DocNumber  string         `json:"doc_number,omitempty"`
	Party      string         `json:"party,omitempty"`
	Candidates []string       `json:"candidates,omitempty"` // numbers, when ambiguous
	PaymentID  string         `json:"payment_id,omitempty"` // when posted as a payment
	EntryID    string         `json:"entry_id,omitempty"`   // when posted to an account (Kind PayKindAccount)

	Imported time.Time `json:"imported"`
}

// BankPairing confirms or sets the document a stored bank line pays.
type BankPairing struct {
	EntryID string
	Kind    string // PayKindSale or PayKindPurchase
	DocID   string
}

// BankImportResult says what an import stored.
type BankImportResult struct {
	Entries []BankEntry // the new lines, in file order
	Skipped int         // lines imported before, not stored again
}

// BankService imports bank statements and posts the payments they carry.
type BankService interface {
	// PreviewBank matches a statement's lines without writing anything
	// (dry run); lines imported before come back as MatchImported.
	PreviewBank(ctx context.Context, st BankStatement) ([]BankEntry, error)
	// ImportBank stores the lines not imported before, each with its
	// proposed pairing, in one transaction; nothing is posted yet.
	ImportBank(ctx context.Context, st BankStatement) (BankImportResult, error)
	// BankEntries lists stored lines, newest first; pending lists only those
	// not yet posted or ignored.
	BankEntries(ctx context.Context, pending bool) ([]BankEntry, error)
	// ConfirmBank posts a payment for each pairing (the line's amount to the
	// document, bank against receivables or payables) in one transaction:
	// all or none. A line already posted or ignored is refused.
	ConfirmBank(ctx context.Context, pairs []BankPairing) ([]BankEntry, error)
	// IgnoreBankEntry sets a pending line aside (already booked another way).
	IgnoreBankEntry(ctx context.Context, id string) error
	// PostBankEntry posts a pending line that pays no document straight to
	// an account — a bank fee to 568, interest to 662, a cash withdrawal to
	// 261: the bank account against account, with memo (the line's message
	// when empty). The bank book then agrees with the bank's statement.
	PostBankEntry(ctx context.Context, id, account, memo string) (BankEntry, error)
	// BankMapping returns the CSV column mapping remembered for a header
	// line (ok false when none); SaveBankMapping remembers one.
	BankMapping(ctx context.Context, header string) (m CSVMapping, ok bool, err error)
	SaveBankMapping(ctx context.Context, header string, m CSVMapping) error
}

// BankLineKey identifies a bank movement across imports: the statement's
// account and the bank's own reference when the file has one, else the
// movement's date, amount, symbols, counter-account and message, with n (its
// occurrence among identical lines of the same statement, from 1) so that two
// equal payments on one day stay two.
func BankLineKey(account string, l BankLine, n int) string {
	account = StatementAccountKey(account)
	if l.BankRef != "" {
		return account + "|ref|" + l.BankRef
	}
	return strings.Join([]string{account, l.Date.String(), strconv.FormatInt(l.Amount.Amount, 10), l.Amount.Currency,
		l.VariableSymbol, l.ConstantSymbol, l.SpecificSymbol, l.CounterAccount, l.Message, strconv.Itoa(n)}, "|")
}

// BankLineKeys returns the key of every line of st in order.
func BankLineKeys(st BankStatement) []string {
	seen := map[string]int{}
	keys := make([]string, len(st.Lines))
	for i, l := range st.Lines {
		base := BankLineKey(st.Account, l, 0)
		seen[base]++
		keys[i] = BankLineKey(st.Account, l, seen[base])
	}
	return keys
}

// MatchBankLine proposes the document a bank line pays: an incoming amount
// pays an open sales invoice, an outgoing one a received invoice, with the
// same variable symbol and exactly the amount left to pay, in the same
// currency; an incoming amount also matches a received invoice whose
// supplier owes a refund of exactly that amount (after a credit note). taken holds documents already proposed for earlier lines of the
// same statement, so two lines never both pay one invoice.
func MatchBankLine(l BankLine, open []OpenItem, taken map[string]bool) BankEntry {
	e := BankEntry{Line: l, State: MatchNone}
	if l.VariableSymbol == "" || l.Amount.Amount == 0 {
		return e
	}
	var fits []OpenItem
	for _, it := range open {
		if it.VS != l.VariableSymbol || it.Remaining.Currency != l.Amount.Currency || taken[it.DocID] {
			continue
		}
		switch it.Kind {
		case PayKindSale: // money in pays what the customer owes
			if l.Amount.Amount > 0 && it.Remaining.Amount == l.Amount.Amount {
				fits = append(fits, it)
			}
		case PayKindPurchase: // money out pays the supplier; money in is their refund (Remaining negative)
			if it.Remaining.Amount == -l.Amount.Amount {
				fits = append(fits, it)
			}
		}
	}
	switch len(fits) {
	case 0:
		return e
	case 1:
		it := fits[0]
		e.State, e.Kind, e.DocID, e.DocNumber, e.Party = MatchFound, it.Kind, it.DocID, it.Number, it.Party
		taken[it.DocID] = true
	default:
		e.State = MatchAmbiguous
		for _, it := range fits {
			e.Candidates = append(e.Candidates, it.Number)
		}
	}
	return e
}

// StatementAccountKey is the form of a statement's own account that import
// keys use, so the ABO file ("2801234578", no bank code, zero-padded prefix)
// and the CSV export ("2801234578/2010") of the same statement agree: the bank
// code dropped, the prefix and number without leading zeros, an IBAN of a
// Czech account turned into that account. Anything else is kept as written,
// without spaces.
func StatementAccountKey(account string) string {
	a := strings.ReplaceAll(strings.TrimSpace(account), " ", "")
	if up := strings.ToUpper(a); strings.HasPrefix(up, "CZ") && len(up) == 24 && allDigits(up[2:]) {
		a = up[8:14] + "-" + up[14:] // CZkk bbbb pppppp nnnnnnnnnn
	}
	if i := strings.IndexByte(a, '/'); i >= 0 {
		a = a[:i]
	}
	prefix, number, ok := strings.Cut(a, "-")
	if !ok {
		prefix, number = "", a
	}
	if !allDigits(prefix+number) || number == "" {
		return a
	}
	prefix, number = strings.TrimLeft(prefix, "0"), strings.TrimLeft(number, "0")
	if prefix == "" {
		return number
	}
	return prefix + "-" + number
}
