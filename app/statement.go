package app

import (
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
// minor units of its section's currency: an invoice (debit), a credit note
// (credit) or a payment (credit). Balance is the running balance after the
// line, debit minus credit: what the customer owes.
type StatementLine struct {
	Date           Date
	Kind           string // StatementInvoice, StatementCreditNote or StatementPayment
	Number         string // the document's number; for a payment, the invoice it pays
	Corrects       string // a credit note's: the number of the invoice it corrects
	DueDate        Date   // invoices only
	VariableSymbol string
	Debit, Credit  int64 // the section's currency
	Balance        int64
}

// StatementSection is the part of a statement in one currency: what the
// customer owes in euros is stated in euros, never converted. Closing equals
// Opening plus the lines' debits minus their credits, and the Aging buckets
// add up to Closing.
type StatementSection struct {
	Currency string // of every amount of the section
	Opening  int64
	Lines    []StatementLine
	Closing  int64
	// ClosingBase is Closing in the company's base currency as the ledger
	// (311) carries it: documents at their Totals.TotalCZK, payments as
	// posted. It equals Closing in a base-currency section; the statements'
	// ClosingBase add up to the balance of 311.
	ClosingBase int64
	// Aging splits Closing by how long the open invoices are overdue on To
	// (indexed by AgingBucket). Credit notes that name no invoice of the
	// section and payments of documents not given are counted as Current.
	Aging [AgingBuckets]int64
	// Open are the invoices open on To, by due date then number, as they
	// stood on To: Paid and Credited are restated to the payments dated and
	// credit notes issued by To, so Remaining() is what was left to pay.
	// Their VariableSymbol is what to pay them by.
	Open []SalesDoc
}

// Statement is a customer statement over a period: one section per currency
// the customer's documents are in.
type Statement struct {
	Customer Party
	// Lang is the customer's document language (Customer.Lang), which the
	// PDF is printed in; "" prints Czech. BuildStatement leaves it empty:
	// the caller, who has the customer record, sets it.
	Lang     Lang
	From, To Date
	// Sections are the currencies with a balance or a movement, ordered by
	// code (CustomerStatement puts the customer's own currency first). Never
	// empty: a statement with nothing to say has one empty section, in the
	// currency of the customer's documents or else the base currency.
	Sections []StatementSection
}

// Debits returns the sum of the lines' debits: the period's debit turnover.
func (s StatementSection) Debits() int64 {
	var t int64
	for _, l := range s.Lines {
		t += l.Debit
	}
	return t
}

// Credits returns the sum of the lines' credits: the period's credit turnover.
func (s StatementSection) Credits() int64 {
	var t int64
	for _, l := range s.Lines {
		t += l.Credit
	}
	return t
}

// HasActivity reports whether the section says anything: a balance at
// either end, or a movement in the period.
func (s StatementSection) HasActivity() bool {
	return s.Opening != 0 || s.Closing != 0 || len(s.Lines) > 0
}

// HasActivity reports whether any section says anything. Batch exports skip
// the statements that do not.
func (s Statement) HasActivity() bool {
	for _, sec := range s.Sections {
		if sec.HasActivity() {
			return true
		}
	}
	return false
}

// ClosingBase is the sum of the sections' ClosingBase: what the ledger's 311
// carries for the customer on To.
func (s Statement) ClosingBase() int64 {
	var t int64
	for _, sec := range s.Sections {
		t += sec.ClosingBase
	}
	return t
}

// Section returns the section in currency, if there is one.
func (s Statement) Section(currency string) (StatementSection, bool) {
	for _, sec := range s.Sections {
		if sec.Currency == currency {
			return sec, true
		}
	}
	return StatementSection{}, false
}

// putFirst moves the section in currency, if any, to the front.
func (s *Statement) putFirst(currency string) {
	for i, sec := range s.Sections {
		if sec.Currency == currency && i > 0 {
			copy(s.Sections[1:i+1], s.Sections[:i])
			s.Sections[0] = sec
			return
		}
	}
}

// BuildStatement makes the statement of cust for the period from–to (either
// may be zero: open-ended) out of the customer's sales documents (the caller
// filters them by customer; any kinds and statuses may be passed, only issued
// invoices and credit notes count) and the payments recorded for them, one
// section per currency.
//
//   - An invoice is a debit of its Totals.Total in its currency on its issue
//     date; a credit note, whose totals are negative, a credit of the same on
//     its issue date, naming the invoice it corrects.
//   - A payment is a credit of its amount, in its currency (a payment is
//     recorded in its document's currency), on its date.
//   - Everything dated before from makes the opening balance; lines after to
//     are left out. Lines are ordered by date, then invoices, credit notes and
//     payments, then by number.
//   - The aging is as of to from what was open on to: each invoice's total
//     less its payments dated by to and the credit notes naming it issued by
//     to, bucketed by the days from its due date to to.
//   - ClosingBase restates the closing balance in the base currency as the
//     ledger posted it: documents at Totals.TotalCZK, a payment at its Base
//     or else converted at its document's rate (half-up).
func BuildStatement(cust Party, docs []SalesDoc, payments []Payment, from, to Date, baseCurrency string) Statement {
	if baseCurrency == "" {
		baseCurrency = "CZK"
	}
	st := Statement{Customer: cust, From: from, To: to}
	byCur := map[string]*sectionBuilder{}
	var curs []string
	section := func(cur string) *sectionBuilder {
		if cur == "" {
			cur = baseCurrency
		}
		b := byCur[cur]
		if b == nil {
			b = &sectionBuilder{sec: StatementSection{Currency: cur}, from: from, to: to, openByID: map[string]*openInv{}}
			byCur[cur] = b
			curs = append(curs, cur)
		}
		return b
	}
	byID := map[string]int{}
	for i, d := range docs {
		if d.Status != StatusIssued || (d.Kind != KindInvoice && d.Kind != KindCreditNote) {
			continue
		}
		byID[d.ID] = i
		section(d.Currency).document(d)
	}
	for _, d := range docs {
		if d.Status == StatusIssued && d.Kind == KindCreditNote {
			section(d.Currency).credit(d)
		}
	}
	for _, p := range payments {
		var d SalesDoc
		i, known := byID[p.DocID]
		if known {
			d = docs[i]
		}
		cur := p.Amount.Currency
		if cur == "" {
			cur = d.Currency
		}
		if cur == "" {
			cur = baseCurrency
		}
		base, ok := p.Amount.Amount, true
		switch {
		case cur == baseCurrency:
		case p.Base != 0:
			base = p.Base // as posted, the settling payment's rounding included
		case known && d.ExchangeRate.micro > 0:
			base = M(p.Amount.Amount, cur).Convert(baseCurrency, d.ExchangeRate, HalfUp).Amount
		default:
			ok = false // cannot be restated; the ledger check will tell
		}
		section(cur).payment(p, d, base, ok)
	}
	sort.Strings(curs)
	for _, cur := range curs {
		if sec := byCur[cur].finish(); sec.HasActivity() {
			st.Sections = append(st.Sections, sec)
		}
	}
	if len(st.Sections) == 0 {
		cur := baseCurrency
		if len(curs) > 0 {
			cur = curs[0]
		}
		st.Sections = []StatementSection{{Currency: cur}}
	}
	return st
}

// openInv is an invoice open on the statement's To.
type openInv struct {
	doc      SalesDoc
	open     int64 // what is open on to, its currency
	paid     int64 // by to
	credited int64
}

// sectionBuilder gathers one currency's section of a statement.
type sectionBuilder struct {
	sec      StatementSection
	from, to Date
	lines    []StatementLine
	open     []*openInv
	openByID map[string]*openInv
	loose    int64 // credit notes and payments that belong to no open invoice
}

// inPeriod places d: before from (the opening balance) or in the period.
func (b *sectionBuilder) inPeriod(d Date) (before, in bool) {
	if !b.from.IsZero() && d.Before(b.from) {
		return true, false
	}
	return false, b.to.IsZero() || !d.After(b.to)
}

// byTo reports whether d is on or before to.
func (b *sectionBuilder) byTo(d Date) bool { return b.to.IsZero() || !d.After(b.to) }

// add books l of amount (positive a debit) and its base-currency amount.
func (b *sectionBuilder) add(l StatementLine, amount, base int64) {
	if amount >= 0 {
		l.Debit = amount
	} else {
		l.Credit = -amount
	}
	before, in := b.inPeriod(l.Date)
	switch {
	case before:
		b.sec.Opening += amount
	case in:
		b.lines = append(b.lines, l)
	}
	if before || in {
		b.sec.ClosingBase += base
	}
}

// document books an invoice or a credit note.
func (b *sectionBuilder) document(d SalesDoc) {
	l := StatementLine{Date: d.IssueDate, Number: d.Number, VariableSymbol: d.VariableSymbol}
	if d.Kind == KindInvoice {
		l.Kind, l.DueDate = StatementInvoice, d.DueDate
		if b.byTo(d.IssueDate) {
			o := &openInv{doc: d, open: d.Totals.Total}
			b.open = append(b.open, o)
			b.openByID[d.ID] = o
		}
	} else {
		l.Kind, l.Corrects = StatementCreditNote, d.OriginalNo
	}
	b.add(l, d.Totals.Total, d.Totals.TotalCZK)
}

// credit takes a credit note issued by to off the invoice it corrects (once
// every invoice is known), or counts it as current.
func (b *sectionBuilder) credit(d SalesDoc) {
	if !b.byTo(d.IssueDate) {
		return
	}
	if o := b.openByID[d.OriginalID]; o != nil && d.OriginalID != "" {
		o.open += d.Totals.Total
		o.credited -= d.Totals.Total
	} else {
		b.loose += d.Totals.Total
	}
}

// payment books p of the invoice d (zero when not given); base is its
// amount in the base currency, ok false when it cannot be restated.
func (b *sectionBuilder) payment(p Payment, d SalesDoc, base int64, ok bool) {
	if !ok {
		base = 0
	}
	b.add(StatementLine{Date: p.Date, Kind: StatementPayment, Number: d.Number, VariableSymbol: d.VariableSymbol}, -p.Amount.Amount, -base)
	if !b.byTo(p.Date) {
		return
	}
	if o := b.openByID[p.DocID]; o != nil {
		o.open -= p.Amount.Amount
		o.paid += p.Amount.Amount
	} else {
		b.loose -= p.Amount.Amount
	}
}

// finish orders the lines, runs the balance and ages what is open.
func (b *sectionBuilder) finish() StatementSection {
	sec := b.sec
	lines := b.lines
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
	bal := sec.Opening
	for i := range lines {
		bal += lines[i].Debit - lines[i].Credit
		lines[i].Balance = bal
	}
	sec.Lines, sec.Closing = lines, bal
	sec.Aging[Current] += b.loose
	for _, o := range b.open {
		if o.open == 0 {
			continue
		}
		bucket := Current
		if o.open > 0 {
			bucket = dueBucket(o.doc.DueDate, b.to)
		}
		sec.Aging[bucket] += o.open
		if o.open > 0 {
			d := o.doc
			d.Paid, d.Credited = o.paid, o.credited
			sec.Open = append(sec.Open, d)
		}
	}
	sort.SliceStable(sec.Open, func(i, j int) bool {
		a, b := sec.Open[i], sec.Open[j]
		if c := a.DueDate.Compare(b.DueDate); c != 0 {
			return c < 0
		}
		return strings.Compare(a.Number, b.Number) < 0
	})
	return sec
}
