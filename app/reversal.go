package app

import "strings"

// ReversalSourcePrefix starts the Entry.Source of a reversal; the rest is
// the reversed entry's ID.
const ReversalSourcePrefix = "reversal:"

// ReversalEntry is the reversal of posted entry orig, dated on (zero: orig's
// date): the same lines with the sides swapped (VAT tags too), its memo
// naming orig. Only an entry posted by hand is reversed, and only once
// (reversed: it is already); a reversal is not reversed again, and an entry
// a document posted is corrected through the document (a credit note).
func ReversalEntry(orig Entry, on Date, reversed bool) (Entry, error) {
	if reversed {
		return Entry{}, Errorf(ECONFLICT, "err.entry.reversed", "entry {{.number}} is reversed already", map[string]any{"number": orig.Number})
	}
	switch {
	case strings.HasPrefix(orig.Source, ReversalSourcePrefix):
		return Entry{}, Errorf(ECONFLICT, "err.entry.reversal_of_reversal", "entry {{.number}} is itself a reversal; post a new entry instead", map[string]any{"number": orig.Number})
	case strings.Contains(orig.Source, ":"): // "invoice:…", "payment:…"
		return Entry{}, Errorf(ECONFLICT, "err.entry.from_document", "entry {{.number}} was posted by a document; correct the document (e.g. with a credit note)", map[string]any{"number": orig.Number})
	}
	if on.IsZero() {
		on = orig.Date
	}
	rev := Entry{Date: on, Source: ReversalSourcePrefix + orig.ID}
	rev.SetMemo(MemoReversal(orig.Number, orig.Memo))
	rev.Memo = cutRunes(rev.Memo, MaxMemo)
	for _, l := range orig.Lines {
		rev.Lines = append(rev.Lines, Line{Account: l.Account, Debit: l.Credit, Credit: l.Debit, Memo: l.Memo, VAT: l.VAT.Reversed()})
	}
	return rev, rev.Validate()
}
