package app

import "math"

// Running totals of the ledger (an account's debits and credits per month
// and per day, the journal's turnover) are int64 minor units: about 92
// quadrillion crowns. No business comes near it, but a mistyped or tampered
// amount can, and a sum past the end wraps into a wrong number that every
// report then shows. So each addition is checked, and a posting that would
// overflow is refused before anything is written.

// MaxRunningTotal is the largest running total Kontor keeps.
const MaxRunningTotal = math.MaxInt64

// AddRunning returns total+amount, and false when the sum does not fit in
// an int64 (it would have wrapped).
func AddRunning(total, amount int64) (int64, bool) {
	s := total + amount
	if (amount > 0 && s < total) || (amount < 0 && s > total) {
		return 0, false
	}
	return s, true
}

// ErrRunningOverflow refuses a posting that would carry a running total of
// what (a Label: an account's month, the journal) past MaxRunningTotal.
func ErrRunningOverflow(what Label) *Error {
	return Invalid("entry.lines", "err.balance.overflow",
		"the entry would carry {{.what}} past {{.max}}, the largest total Kontor can keep; nothing was posted: is an amount mistyped?",
		map[string]any{"what": what, "max": FormatMinor(MaxRunningTotal, 2, "")})
}

// ErrRunningOverflowed reports running totals that overflowed when they
// were read (a file written before totals were checked, or tampered with):
// the report would show wrapped numbers, so it is refused.
func ErrRunningOverflowed(what Label) *Error {
	return Errorf(EINTERNAL, "err.balance.overflowed",
		"{{.what}} add up to more than Kontor can keep: the file's running balances are damaged; run “kontor check”",
		map[string]any{"what": what})
}

// AccountMonthLabel names an account's running balance of a month or day.
func AccountMonthLabel(code, period string) Label {
	return Label{Key: "balance.account_period", Fallback: "the running balance of account {{.code}} for {{.period}}", Args: map[string]any{"code": code, "period": period}}
}

// AccountBalancesLabel names an account's balances over a period.
func AccountBalancesLabel(code string) Label {
	return Label{Key: "balance.account", Fallback: "the balances of account {{.code}}", Args: map[string]any{"code": code}}
}

// JournalTurnoverLabel names the journal's turnover: all its debits.
func JournalTurnoverLabel() Label {
	return Label{Key: "balance.journal_turnover", Fallback: "the journal's turnover (all its debits together)"}
}
