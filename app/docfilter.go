package app

import "strings"

// Validate refuses a filter whose period ends before it starts.
func (f DocFilter) Validate() error {
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return Invalid("filter.to", "err.period.reversed", "the end of the period is before its start", nil)
	}
	return nil
}

// Words are the search's words, folded (FoldText): a document matches when
// its number, customer name and IČO contain every one of them.
func (f DocFilter) Words() []string { return strings.Fields(FoldText(f.Search)) }

// Match reports whether document d passes the filter on day today (a
// status is compared with d.StatusOn(today); the period with the issue
// date, a draft's with the day it was created).
func (f DocFilter) Match(d SalesDoc, today Date) bool {
	r := RowOf(d)
	return f.matchRow(&r, f.Words(), today)
}

// Matcher is Match with the search folded once, for a list that tests many
// documents against one filter.
func (f DocFilter) Matcher(today Date) func(SalesDoc) bool {
	words := f.Words()
	return func(d SalesDoc) bool {
		r := RowOf(d)
		return f.matchRow(&r, words, today)
	}
}

// MatchRow is Match on a document's list row.
func (f DocFilter) MatchRow(r DocRow, today Date) bool { return f.matchRow(&r, f.Words(), today) }

// RowMatcher is MatchRow with the search folded once.
func (f DocFilter) RowMatcher(today Date) func(*DocRow) bool {
	words := f.Words()
	return func(r *DocRow) bool { return f.matchRow(r, words, today) }
}

func (f DocFilter) matchRow(r *DocRow, words []string, today Date) bool {
	if f.Kind != "" && r.Kind != f.Kind || f.Customer != "" && r.CustomerID != f.Customer {
		return false
	}
	if f.Status != "" && r.StatusOn(today) != f.Status {
		return false
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		day := r.Day()
		if !f.From.IsZero() && day.Before(f.From) || !f.To.IsZero() && day.After(f.To) {
			return false
		}
	}
	if len(words) == 0 {
		return true
	}
	hay := r.Fold
	if hay == "" {
		hay = DocSearchText(r.Number, r.Customer, r.ICO)
	}
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}
