package data

import (
	"encoding/json"
	"sort"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// checkOverflow finds running totals that overflowed int64: a file written
// before postings were checked (or edited by hand) may hold a month whose
// debits wrapped past the end into a small or negative number. checkJournal
// cannot see it — its own sums wrap the same way — so this adds the journal
// up again with every addition checked. When all lines' amounts together
// fit in int64, no total can have overflowed and one pass suffices; else a
// second pass names each month, day and account that did. It also proves
// the stored journal turnover (kTurnover) is the journal's debits.
func checkOverflow(tx *bolt.Tx, add addFn) {
	var all, debits int64
	fits, debitsFit := true, true
	eachJournalAmounts(tx, func(e journalAmounts) {
		for _, l := range e.Lines {
			for _, v := range []int64{l.Debit, l.Credit} {
				if a := abs64(v); fits && a >= 0 {
					all, fits = app.AddRunning(all, a)
				} else {
					fits = false // −2^63 has no absolute value in int64
				}
			}
			if debitsFit {
				debits, debitsFit = app.AddRunning(debits, l.Debit)
			}
		}
	})
	if stored := tx.Bucket(bMeta).Get(kTurnover); stored != nil && debitsFit && readI64(stored, 0) != debits {
		add("check.turnover", "the journal's turnover is stored as {{.stored}}, but its debits add up to {{.sum}}",
			map[string]any{"stored": app.FormatMinor(readI64(stored, 0), 2, ""), "sum": app.FormatMinor(debits, 2, "")})
	}
	if fits {
		return
	}
	if !debitsFit {
		add("check.turnover_overflow", "the journal's debits add up to more than Kontor can keep ({{.max}}): its totals have overflowed", map[string]any{"max": app.FormatMinor(app.MaxRunningTotal, 2, "")})
	}
	addTo := func(m map[string]*overflowSums, k string, dr, cr int64) {
		s := m[k]
		if s == nil {
			s = &overflowSums{}
			m[k] = s
		}
		var ok1, ok2 bool
		s.dr, ok1 = app.AddRunning(s.dr, dr)
		s.cr, ok2 = app.AddRunning(s.cr, cr)
		s.bad = s.bad || !ok1 || !ok2
	}
	months, days, accounts := map[string]*overflowSums{}, map[string]*overflowSums{}, map[string]*overflowSums{}
	eachJournalAmounts(tx, func(e journalAmounts) {
		m := e.Date.MonthOf()
		for _, l := range e.Lines {
			addTo(months, string(balanceKey(l.Account, m)), l.Debit, l.Credit)
			addTo(days, string(dayBalanceKey(l.Account, e.Date)), l.Debit, l.Credit)
			addTo(accounts, l.Account, l.Debit, l.Credit)
		}
	})
	for _, k := range overflowed(months) {
		code, month := splitBalanceKey([]byte(k))
		add("check.balance_overflow", "the lines of account {{.code}} in {{.month}} add up to more than Kontor can keep: its running balance has overflowed", map[string]any{"code": code, "month": month})
	}
	for _, k := range overflowed(days) {
		code, day := splitDayKey([]byte(k))
		add("check.day_balance_overflow", "the lines of account {{.code}} on {{.day}} add up to more than Kontor can keep: its daily balance has overflowed", map[string]any{"code": code, "day": day})
	}
	for _, code := range overflowed(accounts) {
		add("check.account_overflow", "the debits or credits of account {{.code}} add up to more than Kontor can keep: its balances over a period overflow", map[string]any{"code": code})
	}
}

// overflowSums are the checked sums of one running total.
type overflowSums struct {
	dr, cr int64
	bad    bool // an addition overflowed
}

// overflowed lists the keys whose sums overflowed, sorted.
func overflowed(m map[string]*overflowSums) []string {
	var out []string
	for k, s := range m {
		if s.bad {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// eachJournalAmounts calls fn with the dates and amounts of every journal
// entry (records that cannot be read are checkJournal's to report).
func eachJournalAmounts(tx *bolt.Tx, fn func(journalAmounts)) {
	_ = tx.Bucket(bJournal).ForEach(func(_, v []byte) error {
		var e journalAmounts
		if json.Unmarshal(v, &e) == nil {
			fn(e)
		}
		return nil
	})
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v // math.MinInt64 stays negative: AddRunning then reports it
	}
	return v
}
