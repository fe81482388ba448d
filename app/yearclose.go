package app

import (
	"context"
	"sort"
	"strconv"
)

// Year-end closing (roční uzávěrka): the revenue and expense accounts are
// closed into the result account (431 Výsledek hospodaření ve schvalovacím
// řízení) by one entry dated 31 December, so the next year starts with them
// at zero and the year's result sits in equity. Reports of the closed year
// leave that entry out (the P&L shows the year's real turnovers), reports of
// later years start from it.

// YearCloser closes and reopens years.
type YearCloser interface {
	// CloseYear posts the closing entry of year (dated 31 December) and
	// returns it; a year is closed at most once, December must be open.
	CloseYear(ctx context.Context, year int) (Entry, error)
	// ReopenYear posts the reversal of year's closing entry, so it can be
	// changed and closed again; only the last closed year can be reopened.
	ReopenYear(ctx context.Context, year int) (Entry, error)
	// YearClosings lists the closing entries in force, oldest first.
	YearClosings(ctx context.Context) ([]Entry, error)
}

// YearCloseSource is the Entry.Source of year's closing entry.
func YearCloseSource(year int) string { return "yearclose:" + strconv.Itoa(year) }

// YearReopenSource is the Entry.Source of the entry that undoes year's closing.
func YearReopenSource(year int) string { return "yearopen:" + strconv.Itoa(year) }

// ValidYear refuses a year Kontor cannot close or reopen.
func ValidYear(year int) error {
	if year < 1900 || year > 9999 {
		return Invalid("year", "err.year.invalid", "{{.year}} is not a year Kontor can close", map[string]any{"year": year})
	}
	return nil
}

// YearCloseEntry is the closing entry of year, dated 31 December, from the
// accounts' balances of the year (YearClosingLines). closed says the year
// is closed already; lastClosed is the latest closed year (0: none) — a
// year before it cannot be closed until that one is reopened. A year with
// no revenue or expense has nothing to close.
func YearCloseEntry(year int, bals []AccountBalance, acc PostingAccounts, lastClosed int, closed bool) (Entry, error) {
	if err := ValidYear(year); err != nil {
		return Entry{}, err
	}
	if closed {
		return Entry{}, Errorf(ECONFLICT, "err.year.closed", "{{.year}} is closed already", map[string]any{"year": year})
	}
	if lastClosed > year {
		return Entry{}, Errorf(ECONFLICT, "err.year.later_closed", "{{.later}} is closed already; reopen it before closing {{.year}}", map[string]any{"year": year, "later": lastClosed})
	}
	lines := YearClosingLines(bals, acc)
	if len(lines) == 0 {
		return Entry{}, Invalid("year", "err.year.nothing", "{{.year}} has no revenue or expense to close", map[string]any{"year": year})
	}
	e := Entry{Date: D(year, 12, 31), Source: YearCloseSource(year), Lines: lines}
	e.SetMemo(MemoYearClose(year))
	if err := e.Validate(); err != nil {
		return e, Internal("building the closing entry", err)
	}
	return e, nil
}

// YearReopenEntry undoes year's closing entry closing (zero when the year is
// not closed): the same lines with the sides swapped, on the same day. Only
// the latest closed year, lastClosed, can be reopened.
func YearReopenEntry(closing Entry, year, lastClosed int) (Entry, error) {
	if err := ValidYear(year); err != nil {
		return Entry{}, err
	}
	if closing.ID == "" {
		return Entry{}, Errorf(ENOTFOUND, "err.year.not_closed", "{{.year}} is not closed", map[string]any{"year": year})
	}
	if lastClosed != year {
		return Entry{}, Errorf(ECONFLICT, "err.year.later_closed", "{{.later}} is closed already; reopen it before {{.year}}", map[string]any{"year": year, "later": lastClosed})
	}
	rev := Entry{Date: closing.Date, Source: YearReopenSource(year)}
	rev.SetMemo(MemoYearReopen(year))
	for _, l := range closing.Lines {
		rev.Lines = append(rev.Lines, Line{Account: l.Account, Debit: l.Credit, Credit: l.Debit, Memo: l.Memo})
	}
	return rev, nil
}

// YearClosingLines are the lines of the closing entry from the accounts'
// closing balances on 31 December (all history: years never closed are
// closed with it): each revenue account's credit balance debited, each
// expense account's debit balance credited (and the other way round for an
// unusual balance), the difference to the result account — a profit on the
// credit side. Empty when nothing is to close.
func YearClosingLines(bals []AccountBalance, acc PostingAccounts) []Line {
	var lines []Line
	var net int64 // debit minus credit of the lines so far
	for _, b := range sortedBalances(bals) {
		if b.Account.Type != Revenue && b.Account.Type != Expense {
			continue
		}
		c := b.Closing()
		switch {
		case c > 0:
			lines = append(lines, Line{Account: b.Account.Code, Credit: c, Memo: "uzávěrka"})
			net -= c
		case c < 0:
			lines = append(lines, Line{Account: b.Account.Code, Debit: -c, Memo: "uzávěrka"})
			net += -c
		}
	}
	if len(lines) == 0 {
		return nil
	}
	switch {
	case net > 0: // more revenue than expense: a profit
		lines = append(lines, Line{Account: acc.ProfitLoss, Credit: net, Memo: "výsledek hospodaření"})
	case net < 0:
		lines = append(lines, Line{Account: acc.ProfitLoss, Debit: -net, Memo: "výsledek hospodaření"})
	}
	return lines
}

// WithoutEntries takes the lines of entries dated within [from, to] back out
// of the period's balances (their turnovers; openings are untouched): the
// P&L and the balance sheet of a closed year leave its closing entry out.
func WithoutEntries(bals []AccountBalance, entries []Entry, from, to Date) []AccountBalance {
	out := append([]AccountBalance(nil), bals...)
	idx := map[string]int{}
	for i, b := range out {
		idx[b.Account.Code] = i
	}
	for _, e := range entries {
		if (!from.IsZero() && e.Date.Before(from)) || (!to.IsZero() && e.Date.After(to)) {
			continue
		}
		for _, l := range e.Lines {
			if i, ok := idx[l.Account]; ok {
				out[i].Debit -= l.Debit
				out[i].Credit -= l.Credit
				out[i].Lines--
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Account.Code < out[j].Account.Code })
	return out
}
