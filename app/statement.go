package app

import (
	"context"
	"io"
	"sort"
	"strings"
)

// Kinds of a statement line (StatementLine.Kind).
const (
	StatementInvoice    = "invoice"
	StatementCreditNote = "credit_note"
	StatementPayment    = "payment"
)

// StatementLine is one movement of a customer statement (výpis z účtu) in
// base-currency minor units: an invoice (debit), a credit note (credit) or a
// payment (credit). Balance is the running balance after the line, debit
// minus credit: what the customer owes.
type StatementLine struct {
	Date           Date
	Kind           string // StatementInvoice, StatementCreditNote or StatementPayment
	Number         string // the document's number; for a payment, the invoice it pays
	DueDate        Date   // invoices only
	VariableSymbol string
	Debit, Credit  int64 // base currency
	Balance        int64
}

// Statement is a customer statement over a period, every amount in
// base-currency minor units. Closing equals Opening plus the lines' debits
// minus their credits, and the Aging buckets add up to Closing.
type Statement struct {
	Customer Party
	// Lang is the customer's document language (Customer.Lang), which the
	// PDF is printed in; "" prints Czech. BuildStatement leaves it empty:
	// the caller, who has the customer record, sets it.
	Lang     Lang
	From, To Date
	Opening  int64
	Lines    []StatementLine
	Closing  int64
	// Aging splits Closing by how long the open invoices are overdue on To
	// (indexed by AgingBucket). Credit notes that name no invoice and
	// payments of documents not given are counted as Current.
	Aging [AgingBuckets]int64
	// Open are the invoices open on To, by due date then number, as they
	// stood on To: Paid and Credited are restated to the payments dated and
	// credit notes issued by To (document currency), so Remaining() is what
	// was left to pay. Their VariableSymbol is what to pay them by.
	Open     []SalesDoc
	Currency string // the base currency of every amount
}

// Debits returns the sum of the lines' debits: the period's debit turnover.
func (s Statement) Debits() int64 {
	var t int64
	for _, l := range s.Lines {
		t += l.Debit
	}
	return t
}

// Credits returns the sum of the lines' credits: the period's credit turnover.
func (s Statement) Credits() int64 {
	var t int64
	for _, l := range s.Lines {
		t += l.Credit
	}
	return t
}

// HasActivity reports whether the statement says anything: a balance at
// either end, or a movement in the period. Batch exports skip the rest.
func (s Statement) HasActivity() bool {
	return s.Opening != 0 || s.Closing != 0 || len(s.Lines) > 0
}

// BuildStatement makes the statement of cust for the period from–to (either
// may be zero: open-ended) out of the customer's sales documents (the caller
// filters them by customer; any kinds and statuses may be passed, only issued
// invoices and credit notes count) and the payments recorded for them.
//
//   - An invoice is a debit of its Totals.TotalCZK (what 311 carries) on its
//     issue date; a credit note, whose totals are negative, a credit of the
//     same on its issue date.
//   - A payment is a credit on its date, converted to the base currency at
//     the exchange rate of the document it pays (half-up); a payment in the
//     base currency is taken as it is. A payment in a foreign currency of a
//     document not passed is left out, as it cannot be converted.
//   - Everything dated before from makes the opening balance; lines after to
//     are left out. Lines are ordered by date, then invoices, credit notes and
//     payments, then by number.
//   - The aging is as of to from what was open on to: each invoice's
//     TotalCZK less its payments dated by to and the credit notes naming it
//     issued by to, bucketed by the days from its due date to to.
func BuildStatement(cust Party, docs []SalesDoc, payments []Payment, from, to Date, baseCurrency string) Statement {
	if baseCurrency == "" {
		baseCurrency = "CZK"
	}
	st := Statement{Customer: cust, From: from, To: to, Currency: baseCurrency}
	inPeriod := func(d Date) (before, in bool) {
		if !from.IsZero() && d.Before(from) {
			return true, false
		}
		return false, to.IsZero() || !d.After(to)
	}
	byID := map[string]int{}
	type openInv struct {
		doc      SalesDoc
		base     int64 // open amount on to, base currency
		paid     int64 // document currency, by to
		credited int64
	}
	var open []*openInv
	openByID := map[string]*openInv{}
	var lines []StatementLine
	add := func(l StatementLine, amount int64) {
		if amount >= 0 {
			l.Debit = amount
		} else {
			l.Credit = -amount
		}
		before, in := inPeriod(l.Date)
		switch {
		case before:
			st.Opening += amount
		case in:
			lines = append(lines, l)
		}
	}
	for i, d := range docs {
		if d.Status != StatusIssued || (d.Kind != KindInvoice && d.Kind != KindCreditNote) {
			continue
		}
		byID[d.ID] = i
		l := StatementLine{Date: d.IssueDate, Number: d.Number, VariableSymbol: d.VariableSymbol}
		if d.Kind == KindInvoice {
			l.Kind, l.DueDate = StatementInvoice, d.DueDate
			if to.IsZero() || !d.IssueDate.After(to) {
				o := &openInv{doc: d, base: d.Totals.TotalCZK}
				open = append(open, o)
				openByID[d.ID] = o
			}
		} else {
			l.Kind = StatementCreditNote
		}
		add(l, d.Totals.TotalCZK)
	}
	var loose int64 // credit notes and payments that belong to no open invoice
	for _, d := range docs {
		if d.Status != StatusIssued || d.Kind != KindCreditNote || (!to.IsZero() && d.IssueDate.After(to)) {
			continue
		}
		if o := openByID[d.OriginalID]; o != nil && d.OriginalID != "" {
			o.base += d.Totals.TotalCZK
			o.credited -= d.Totals.Total
		} else {
			loose += d.Totals.TotalCZK
		}
	}
	for _, p := range payments {
		amount, ok := p.Amount.Amount, true
		var d SalesDoc
		i, known := byID[p.DocID]
		if known {
			d = docs[i]
		}
		switch {
		case p.Base != 0 && p.Amount.Currency != baseCurrency:
			amount = p.Base // as posted, the settling payment's rounding included
		case p.Amount.Currency != "" && p.Amount.Currency != baseCurrency:
			if !known || d.ExchangeRate.micro <= 0 {
				ok = false
			} else {
				amount = p.Amount.Convert(baseCurrency, d.ExchangeRate, HalfUp).Amount
			}
		}
		if !ok {
			continue
		}
		add(StatementLine{Date: p.Date, Kind: StatementPayment, Number: d.Number, VariableSymbol: d.VariableSymbol}, -amount)
		if !to.IsZero() && p.Date.After(to) {
			continue
		}
		if o := openByID[p.DocID]; o != nil {
			o.base -= amount
			o.paid += p.Amount.Amount
		} else {
			loose -= amount
		}
	}
	rank := map[string]int{StatementInvoice: 0, StatementCreditNote: 1, StatementPayment: 2}
	sort.SliceStable(lines, func(i, j int) bool {
		a, b := lines[i], lines[j]
		if c := a.Date.Compare(b.Date); c != 0 {
			return c < 0
		}
		if rank[a.Kind] != rank[b.Kind] {
			return rank[a.Kind] < rank[b.Kind]
		}
		return a.Number < b.Number
	})
	bal := st.Opening
	for i := range lines {
		bal += lines[i].Debit - lines[i].Credit
		lines[i].Balance = bal
	}
	st.Lines, st.Closing = lines, bal

	st.Aging[Current] += loose
	for _, o := range open {
		if o.base == 0 {
			continue
		}
		b := Current
		if o.base > 0 {
			b = dueBucket(o.doc.DueDate, to)
		}
		st.Aging[b] += o.base
		if o.base > 0 {
			d := o.doc
			d.Paid, d.Credited = o.paid, o.credited
			st.Open = append(st.Open, d)
		}
	}
	sort.SliceStable(st.Open, func(i, j int) bool {
		a, b := st.Open[i], st.Open[j]
		if c := a.DueDate.Compare(b.DueDate); c != 0 {
			return c < 0
		}
		return strings.Compare(a.Number, b.Number) < 0
	})
	return st
}

// StatementRenderer prints customer statements as PDF (app/pdf, wired by
// main), each in its own language (Statement.Lang).
type StatementRenderer interface {
	Statement(w io.Writer, st Statement, c Company) error
	// Combined writes many statements into one PDF, pulling them one at a
	// time from next until it returns io.EOF, so memory stays bounded; each
	// statement starts on a new page with its own page numbering; ctx cancels.
	Combined(ctx context.Context, w io.Writer, next func() (Statement, error), c Company, progress func(done int)) error
}
