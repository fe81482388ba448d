package app

import "testing"

func TestYearCloseEntry(t *testing.T) {
	acc := ChartCzech.Posting()
	profit := []AccountBalance{
		{Account: Account{Code: "602", Type: Revenue}, Credit: 500000},
		{Account: Account{Code: "518", Type: Expense}, Debit: 200000},
	}
	onlyAssets := []AccountBalance{{Account: Account{Code: "221", Type: Asset}, Debit: 1000}}
	cases := []struct {
		name       string
		year       int
		bals       []AccountBalance
		lastClosed int
		closed     bool
		code, key  string
	}{
		{name: "first closing", year: 2025, bals: profit},
		{name: "the year after the last closed", year: 2026, bals: profit, lastClosed: 2025},
		{name: "closed already", year: 2025, bals: profit, lastClosed: 2025, closed: true, code: ECONFLICT, key: "err.year.closed"},
		{name: "a later year is closed", year: 2024, bals: profit, lastClosed: 2025, code: ECONFLICT, key: "err.year.later_closed"},
		{name: "nothing to close", year: 2025, bals: onlyAssets, code: EINVALID, key: "err.year.nothing"},
		{name: "no balances at all", year: 2025, code: EINVALID, key: "err.year.nothing"},
		{name: "not a year", year: 10000, bals: profit, code: EINVALID, key: "err.year.invalid"},
		{name: "too early", year: 1899, bals: profit, code: EINVALID, key: "err.year.invalid"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e, err := YearCloseEntry(tc.year, tc.bals, acc, tc.lastClosed, tc.closed)
			code, key, _ := refusal(err)
			if code != tc.code || key != tc.key {
				t.Fatalf("got %s %q (%v), want %s %q", code, key, err, tc.code, tc.key)
			}
			if err != nil {
				return
			}
			want := MemoYearClose(tc.year)
			if e.Date != D(tc.year, 12, 31) || e.Source != YearCloseSource(tc.year) || e.Memo != want.Czech || e.MemoKey != "memo.year_close" {
				t.Errorf("entry %v %q %q %q", e.Date, e.Source, e.Memo, e.MemoKey)
			}
			got := map[string]int64{}
			for _, l := range e.Lines {
				got[l.Account] += l.Debit - l.Credit
			}
			if got["602"] != 500000 || got["518"] != -200000 || got[acc.ProfitLoss] != -300000 {
				t.Errorf("lines %v", got)
			}
		})
	}
	if e, _ := YearCloseEntry(2026, profit, acc, 0, false); e.Memo != "Roční uzávěrka 2026" {
		t.Errorf("memo %q", e.Memo)
	}
}

func TestYearReopenEntry(t *testing.T) {
	acc := ChartCzech.Posting()
	closing, err := YearCloseEntry(2025, []AccountBalance{
		{Account: Account{Code: "602", Type: Revenue}, Credit: 500000},
		{Account: Account{Code: "518", Type: Expense}, Debit: 200000},
	}, acc, 0, false)
	if err != nil {
		t.Fatal(err)
	}
	closing.ID, closing.Number = "c2025", "2025-000042"
	cases := []struct {
		name       string
		closing    Entry
		year       int
		lastClosed int
		code, key  string
	}{
		{name: "the last closed year", closing: closing, year: 2025, lastClosed: 2025},
		{name: "not closed", year: 2025, lastClosed: 2024, code: ENOTFOUND, key: "err.year.not_closed"},
		{name: "nothing closed", year: 2025, code: ENOTFOUND, key: "err.year.not_closed"},
		{name: "a later year is closed", closing: closing, year: 2025, lastClosed: 2026, code: ECONFLICT, key: "err.year.later_closed"},
		{name: "not a year", closing: closing, year: 0, lastClosed: 2025, code: EINVALID, key: "err.year.invalid"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rev, err := YearReopenEntry(tc.closing, tc.year, tc.lastClosed)
			code, key, _ := refusal(err)
			if code != tc.code || key != tc.key {
				t.Fatalf("got %s %q (%v), want %s %q", code, key, err, tc.code, tc.key)
			}
			if err != nil {
				return
			}
			if rev.Date != closing.Date || rev.Source != "yearopen:2025" || rev.Memo != "Zrušení roční uzávěrky 2025" || rev.MemoKey != "memo.year_reopen" {
				t.Errorf("entry %v %q %q %q", rev.Date, rev.Source, rev.Memo, rev.MemoKey)
			}
			if len(rev.Lines) != len(closing.Lines) {
				t.Fatalf("lines %+v", rev.Lines)
			}
			for i, l := range rev.Lines {
				o := closing.Lines[i]
				if l.Account != o.Account || l.Debit != o.Credit || l.Credit != o.Debit || l.Memo != o.Memo {
					t.Errorf("line %d: %+v reverses %+v", i, l, o)
				}
			}
			if err := rev.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
}
