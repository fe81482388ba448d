package app

import (
	"sort"
	"time"
)

// The financial reports of the Accounts tab, computed from what the store
// already returns: the accounts' balances over a period (AccountBalance) and
// the sales documents. Every amount is int64 minor units of the company's base
// currency. The functions are pure: the store does the reading, the screens,
// PDF and CSV the presenting.

// ValidatePeriod refuses a report period whose end is before its start; a zero
// date is an open end and always accepted.
func ValidatePeriod(from, to Date) error {
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return Invalid("filter.to", "err.period.reversed", "the end of the period is before its start", nil)
	}
	return nil
}

// TrialBalanceRow is one account's line of the trial balance (obratová
// předvaha), or the totals line (zero Account). Opening and Closing are signed
// balances, debit minus credit, as in AccountBalance; Debit and Credit are the
// period's turnovers.
type TrialBalanceRow struct {
	Account Account
	Opening int64
	Debit   int64
	Credit  int64
	Closing int64
}

// Amount is the figure the statements print for the row's account, positive
// on the account's normal side: an asset's closing balance (debit minus
// credit), a liability's or equity account's closing balance as credit minus
// debit, a revenue account's period turnover credit minus debit, an expense
// account's debit minus credit. A contra account (082 oprávky among the assets)
// comes out negative, which is how it reduces its section. Closing-type (7xx)
// accounts give their signed closing balance.
func (r TrialBalanceRow) Amount() int64 {
	switch r.Account.Type {
	case Liability, Equity:
		return -r.Closing
	case Revenue:
		return r.Credit - r.Debit
	case Expense:
		return r.Debit - r.Credit
	}
	return r.Closing
}

func rowOf(b AccountBalance) TrialBalanceRow {
	return TrialBalanceRow{Account: b.Account, Opening: b.Opening, Debit: b.Debit, Credit: b.Credit, Closing: b.Closing()}
}

// active reports whether an account has an opening balance or any movement.
func active(b AccountBalance) bool {
	return b.Opening != 0 || b.Debit != 0 || b.Credit != 0 || b.Lines != 0
}

// sortedBalances returns the balances ordered by account code as text, so
// analytical accounts follow their synthetic account ("311", "311100", "321").
func sortedBalances(bals []AccountBalance) []AccountBalance {
	out := append([]AccountBalance(nil), bals...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Account.Code < out[j].Account.Code })
	return out
}

// TrialBalance lists every account with an opening balance or a movement in
// the period, ordered by account code, and the totals line. Accounts with
// neither are skipped. For a balanced ledger the totals' Debit equals their
// Credit and their Opening and Closing are zero (every entry balances, and so
// does the history before the period).
func TrialBalance(bals []AccountBalance) (rows []TrialBalanceRow, totals TrialBalanceRow) {
	for _, b := range sortedBalances(bals) {
		if !active(b) {
			continue
		}
		r := rowOf(b)
		rows = append(rows, r)
		totals.Opening += r.Opening
		totals.Debit += r.Debit
		totals.Credit += r.Credit
		totals.Closing += r.Closing
	}
	return rows, totals
}

// PLReport is the profit and loss statement (výkaz zisku a ztráty) of a
// period. Revenue rows are revenue accounts with a movement in the period and
// TotalRevenue their turnover credit minus debit; Expenses and TotalExpenses
// likewise debit minus credit; both totals are positive in the normal case.
// Result = TotalRevenue - TotalExpenses: a profit is positive, a loss negative.
type PLReport struct {
	Revenue, Expenses           []TrialBalanceRow
	TotalRevenue, TotalExpenses int64
	Result                      int64
}

// ProfitAndLoss computes the profit and loss statement from the period's
// turnovers (not from balances carried in from before the period), so it
// answers for any date range. Rows are ordered by account code; each row's
// Amount() is its figure.
func ProfitAndLoss(bals []AccountBalance) PLReport {
	var p PLReport
	for _, b := range sortedBalances(bals) {
		if b.Debit == 0 && b.Credit == 0 && b.Lines == 0 {
			continue
		}
		r := rowOf(b)
		switch b.Account.Type {
		case Revenue:
			p.Revenue = append(p.Revenue, r)
			p.TotalRevenue += r.Amount()
		case Expense:
			p.Expenses = append(p.Expenses, r)
			p.TotalExpenses += r.Amount()
		}
	}
	p.Result = p.TotalRevenue - p.TotalExpenses
	return p
}

// BalanceSheet (rozvaha) is the state at the end of the period, from closing
// balances. Assets are positive as debit balances; Liabilities and Equity
// positive as credit balances (each row's Amount()).
//
// The balances are expected to cover the fiscal year so far: their period
// starts on the first day of the fiscal year (the calendar year) and their
// Opening is the history before it. Then
//
//   - Result is the current year's result: the period's revenue turnover
//     (credit minus debit) less the expense turnover (debit minus credit),
//     which is ProfitAndLoss(bals).Result, profit positive;
//   - PriorResult is the result of earlier years not yet closed into 428 or
//     431 (výsledek hospodaření minulých let, neuzavřený): minus the revenue
//     and expense accounts' opening balances, profit positive; zero once the
//     previous year's closing entries are posted.
//
// Both are shown as part of equity, so that for a balanced ledger
//
//	TotalAssets == TotalLiabilities + TotalEquity + PriorResult + Result
//
// The 7xx opening and closing accounts (type Closing) are left out: they net
// to zero between the year's opening and closing entries. Accounts with a zero
// closing balance are left out too. For balances of a period that does not
// start with the year, Result is that period's result and PriorResult takes
// the rest of the unclosed history, so the sheet still balances.
type BalanceSheet struct {
	Assets, Liabilities, Equity                []TrialBalanceRow
	TotalAssets, TotalLiabilities, TotalEquity int64
	PriorResult                                int64
	Result                                     int64
}

// BalanceSheetOf computes the balance sheet from the accounts' balances; see
// BalanceSheet for the signs, the period expected and the identity it
// satisfies.
func BalanceSheetOf(bals []AccountBalance) BalanceSheet {
	var s BalanceSheet
	for _, b := range sortedBalances(bals) {
		r := rowOf(b)
		switch b.Account.Type {
		case Revenue, Expense:
			s.PriorResult -= r.Opening // credit balances are profit
			s.Result += r.Credit - r.Debit
			continue
		case Closing:
			continue
		}
		if r.Closing == 0 {
			continue
		}
		switch b.Account.Type {
		case Asset:
			s.Assets = append(s.Assets, r)
			s.TotalAssets += r.Amount()
		case Liability:
			s.Liabilities = append(s.Liabilities, r)
			s.TotalLiabilities += r.Amount()
		case Equity:
			s.Equity = append(s.Equity, r)
			s.TotalEquity += r.Amount()
		}
	}
	return s
}

// Balanced reports the balance sheet identity TotalAssets == TotalLiabilities
// + TotalEquity + PriorResult + Result.
func (s BalanceSheet) Balanced() bool {
	return s.TotalAssets == s.TotalLiabilities+s.TotalEquity+s.PriorResult+s.Result
}

// FiscalYearStart is the first day of the fiscal year of d (the calendar
// year): the start of the balances a balance sheet as of d is made from.
func FiscalYearStart(d Date) Date { return D(d.Year(), time.January, 1) }

// VATSummaryRow is one line of the output VAT summary: the tax base and VAT in
// the base currency of one VAT rate kind and rate. Credit notes count
// negative. ReverseCharge rows hold the reverse-charge supplies (the customer
// pays the VAT): their VAT is zero and they are kept apart from the supplies
// with VAT, as the VAT return reports them on a line of their own. In the
// totals line Kind is empty.
type VATSummaryRow struct {
	Kind          string
	Rate          Rate
	ReverseCharge bool
	Base, VAT     int64
}

// VATSummary sums the output VAT of the issued invoices and credit notes whose
// DUZP (TaxDate) falls within [from, to], inclusive; a zero bound is open.
// Figures come from each document's recap per rate (Totals.Rates BaseCZK and
// VATCZK, the base-currency amounts the document was posted with), so the
// summary equals the sum over the period's documents. Drafts, quotes and
// orders are ignored; received invoices (input VAT) come with Payables.
//
// Rows are ordered with supplies with VAT first, then reverse charge, each by
// rate descending, then kind. total sums every row.
func VATSummary(docs []SalesDoc, from, to Date) (output []VATSummaryRow, total VATSummaryRow) {
	type key struct {
		kind    string
		rate    int64
		reverse bool
	}
	idx := map[key]int{}
	for _, d := range docs {
		if !d.Kind.Posts() || d.Status != StatusIssued {
			continue
		}
		if (!from.IsZero() && d.TaxDate.Before(from)) || (!to.IsZero() && d.TaxDate.After(to)) {
			continue
		}
		reverse := !d.Regime.ChargesVAT()
		for _, rt := range d.Totals.Rates {
			k := key{rt.Kind, rt.Rate.micro, reverse}
			i, ok := idx[k]
			if !ok {
				i = len(output)
				idx[k] = i
				output = append(output, VATSummaryRow{Kind: rt.Kind, Rate: rt.Rate, ReverseCharge: reverse})
			}
			vat := rt.VATCZK
			if reverse {
				vat = 0
			}
			output[i].Base += rt.BaseCZK
			output[i].VAT += vat
			total.Base += rt.BaseCZK
			total.VAT += vat
		}
	}
	sort.Slice(output, func(i, j int) bool {
		a, b := output[i], output[j]
		if a.ReverseCharge != b.ReverseCharge {
			return !a.ReverseCharge
		}
		if c := a.Rate.Cmp(b.Rate); c != 0 {
			return c > 0
		}
		return a.Kind < b.Kind
	})
	return output, total
}

// PurchaseVATSummary sums the input VAT of the received invoices whose DUZP
// (TaxDate; the issue date when it has none) falls within [from, to],
// inclusive; a zero bound is open. Each invoice's rate parts are converted
// to baseCurrency at the invoice's own exchange rate, half-up, exactly as
// PurchasePosting posts them, so the summary equals the sum of the VAT
// posted for the period's invoices. Rows are per rate, descending (Kind is
// empty: a received invoice states rates, not kinds); an exempt part (rate
// zero) has its base and no VAT. total sums every row.
func PurchaseVATSummary(ps []PurchaseInvoice, from, to Date, baseCurrency string) (rows []VATSummaryRow, total VATSummaryRow) {
	if baseCurrency == "" {
		baseCurrency = "CZK"
	}
	idx := map[int64]int{}
	for _, p := range ps {
		day := p.TaxDate
		if day.IsZero() {
			day = p.IssueDate
		}
		if (!from.IsZero() && day.Before(from)) || (!to.IsZero() && day.After(to)) || p.NoDeduction {
			continue // outside the period, or VAT that is part of the cost
		}
		for _, v := range p.VAT {
			i, ok := idx[v.Rate.micro]
			if !ok {
				i = len(rows)
				idx[v.Rate.micro] = i
				rows = append(rows, VATSummaryRow{Rate: v.Rate})
			}
			b, t := toBase(v.Base, p.Currency, p.ExchangeRate, baseCurrency), toBase(v.VAT, p.Currency, p.ExchangeRate, baseCurrency)
			rows[i].Base += b
			rows[i].VAT += t
			total.Base += b
			total.VAT += t
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Rate.Cmp(rows[j].Rate) > 0 })
	return rows, total
}
