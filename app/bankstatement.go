package app

import (
	"bytes"
	"errors"
	"strings"
)

// BankLine is one movement on a bank statement, as the bank reported it.
// It is what payment matching works on: the amount and variable symbol
// pair a payment with an open invoice, BankRef keeps a second import of the
// same statement from posting anything twice.
type BankLine struct {
	Line   int   // line of the file the movement was read from (1-based)
	Date   Date  // the day the movement was booked (ABO: value date)
	Amount Money // + incoming (credit), - outgoing (debit), in minor units
	// VariableSymbol, ConstantSymbol and SpecificSymbol are digits without
	// leading zeros ("0020260001" → "20260001"); "" when there is none.
	VariableSymbol, ConstantSymbol, SpecificSymbol string
	// CounterAccount is the other party's account: "19-2000145399/0800"
	// when the bank gave a Czech account (without "/code" when it gave no
	// bank code), an IBAN or whatever the bank wrote otherwise; "" if none.
	CounterAccount string
	CounterName    string // the other party's name as the bank abbreviates it
	Message        string // message for the recipient / note, "" if none
	// BankRef is the bank's own identifier of the movement (ABO document
	// number, CSV "ID pohybu"/"ID transakce"), unique within the account;
	// "" when the file has none, and the importer must then fall back to
	// comparing date, amount and symbols.
	BankRef string
}

// BankStatement is a bank statement file as ParseBankStatement read it.
type BankStatement struct {
	Format   string // "abo" (GPC fixed width) or "csv"
	Account  string // the statement's own account, "19-2000145399" (ABO carries no bank code); "" if the file does not say
	Currency string // ISO code of the account's currency; CZK unless the file says otherwise
	// From and To are the period covered: ABO from the day after the
	// previous balance to the statement date, CSV the period its preamble
	// states ("Období: 01.11.2026 - 30.11.2026"), else the first and last
	// movement's date (zero when the file has no movements).
	From, To Date
	// PeriodStated is true when the file itself states From and To (ABO with
	// the old balance's date, a CSV preamble's period); CheckBankStatement
	// then holds the movements to that period.
	PeriodStated bool
	// Opening and Closing are the balances before and after the movements:
	// ABO's header, a CSV preamble's "Počáteční stav" and "Konečný stav";
	// zero when the file states none.
	Opening, Closing Money
	// BalancesStated is true when the file states both balances, and
	// CheckBankStatement requires Opening + Σ Lines = Closing; BalanceLine
	// is the line stating the closing balance, which a refusal names.
	BalancesStated bool
	BalanceLine    int
	Lines          []BankLine // in file order
}

// Bank statement formats, as BankStatement.Format names them.
const (
	BankFormatABO = "abo"
	BankFormatCSV = "csv"
)

// ParseBankStatement reads a bank statement file of an unknown kind: the
// Czech ABO/GPC fixed-width format when its first record is a "074"
// statement header (ParseABO), else a bank's CSV export whose columns are
// found by their names (GuessCSVMapping, ParseBankCSV). A file that is not
// text, is in an unknown encoding, or is neither format is refused with
// EINVALID saying why; so is a file with any bad line ("line N: …").
func ParseBankStatement(data []byte) (BankStatement, error) {
	if looksLikeABO(data) {
		return ParseABO(data)
	}
	m, err := GuessCSVMapping(data)
	if err != nil {
		var e *Error
		if errors.As(err, &e) && e.Key == "err.bank.csv_no_header" {
			return BankStatement{}, Errorf(EINVALID, "err.bank.format",
				"unknown bank statement format: the file is neither ABO/GPC (its first record would start with 074) nor a CSV export with a date and an amount column (Datum, Částka/Objem)", nil)
		}
		return BankStatement{}, err
	}
	return ParseBankCSV(data, m)
}

// looksLikeABO reports whether the first non-blank line starts with the
// ABO statement header type "074" (after a UTF-8 byte-order mark, if any).
func looksLikeABO(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	data = bytes.TrimLeft(data, " \t\r\n")
	return bytes.HasPrefix(data, []byte("074"))
}

// bankLineError refuses a statement because of one of its lines:
// "line N: reason". The reason stays translatable (a Label).
func bankLineError(line int, key, msg string, args map[string]any) error {
	return Errorf(EINVALID, "err.bank.line", "line {{.line}}: {{.reason}}",
		map[string]any{"line": line, "reason": Label{Key: key, Fallback: msg, Args: args}})
}

// bankLineWrap refuses a statement because reading a value of line failed
// with err (an amount or a date that is not one).
func bankLineWrap(line int, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return bankLineError(line, e.Key, e.Msg, e.Args)
	}
	return bankLineError(line, "err.unexpected", "{{.err}}", map[string]any{"err": err.Error()})
}

// trimSymbol drops spaces and leading zeros of a payment symbol.
func trimSymbol(s string) string {
	s = strings.TrimSpace(s)
	for len(s) > 0 && s[0] == '0' {
		s = s[1:]
	}
	return s
}

// bankCurrencyTotal adds the amounts of lines; an overflow is an error.
func bankCurrencyTotal(lines []BankLine, currency string) (Money, error) {
	sum := M(0, currency)
	for _, l := range lines {
		var err error
		if sum, err = sum.Add(l.Amount); err != nil {
			return Money{}, bankLineWrap(l.Line, err)
		}
	}
	return sum, nil
}
