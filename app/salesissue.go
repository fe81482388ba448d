package app

import "time"

// Issued is draft d (prepared by PrepareForIssue) issued under number at
// now: numbered, with the variable symbol of its number unless one was
// typed (DocVariableSymbol), its status issued, its times and revision
// moved on.
func Issued(d SalesDoc, number string, now time.Time) SalesDoc {
	d.Number = number
	if d.VariableSymbol == "" {
		d.VariableSymbol = DocVariableSymbol(d.Kind, number)
	}
	d.Status = StatusIssued
	d.Issued = now
	d.Updated = now
	d.Revision++
	return d
}

// SalesEntry is the journal entry an issued invoice or credit note d posts
// (SalesPosting with c's accounts) on its DUZP, its memo naming the
// document and the customer; nil when d posts nothing (a quote, an order,
// or a zero total). An entry that does not balance is an internal error.
func SalesEntry(d SalesDoc, c Company) (*Entry, error) {
	if !d.Kind.Posts() || d.Totals.TotalCZK == 0 {
		return nil, nil
	}
	e := Entry{Date: d.TaxDate, Source: string(d.Kind) + ":" + d.ID, Lines: SalesPosting(d, c.Chart.Posting())}
	e.SetMemo(MemoSalesDoc(d.Kind, d.Number, d.Customer.Name))
	e.CutMemos()
	if err := e.Validate(); err != nil {
		return nil, Internal("building the posting of "+d.Number, err)
	}
	return &e, nil
}
