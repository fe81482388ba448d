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
	return f.match(d, f.Words(), today)
}

// Matcher is Match with the search folded once, for a list that tests many
// documents against one filter.
func (f DocFilter) Matcher(today Date) func(SalesDoc) bool {
	words := f.Words()
	return func(d SalesDoc) bool { return f.match(d, words, today) }
}

func (f DocFilter) match(d SalesDoc, words []string, today Date) bool {
	if f.Kind != "" && d.Kind != f.Kind || f.Customer != "" && d.CustomerID != f.Customer {
		return false
	}
	if f.Status != "" && d.StatusOn(today) != f.Status {
		return false
	}
	day := d.IssueDate
	if day.IsZero() {
		day = DateOf(d.Created.Local())
	}
	if !f.From.IsZero() && day.Before(f.From) || !f.To.IsZero() && day.After(f.To) {
		return false
	}
	if len(words) == 0 {
		return true
	}
	hay := FoldText(d.Number + " " + d.Customer.Name + " " + d.Customer.ICO)
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}
