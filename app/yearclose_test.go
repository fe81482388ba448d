package app

import "testing"

func TestYearClosingLinesLossAndUnusualBalances(t *testing.T) {
	acc := ChartCzech.Posting()
	bals := []AccountBalance{
		{Account: Account{Code: "604", Type: Revenue}, Opening: -50000, Credit: 100000}, // revenue, two years never closed
		{Account: Account{Code: "518", Type: Expense}, Debit: 200000},
		{Account: Account{Code: "648", Type: Revenue}, Debit: 300},  // an unusual debit balance
		{Account: Account{Code: "221", Type: Asset}, Debit: 999999}, // not closed
		{Account: Account{Code: "562", Type: Expense}},              // nothing to close
	}
	lines := YearClosingLines(bals, acc)
	e := Entry{Date: D(2025, 12, 31), Lines: lines}
	if err := e.Validate(); err != nil {
		t.Fatalf("closing entry does not balance: %v (%+v)", err, lines)
	}
	got := map[string]int64{}
	for _, l := range lines {
		got[l.Account] += l.Debit - l.Credit
	}
	// Revenue 1 500 − 3 (unusual) = 1 497; expenses 2 000: a loss of 503 on the debit of 431.
	if got["604"] != 150000 || got["518"] != -200000 || got["648"] != -300 || got["431"] != 50300 || len(got) != 4 {
		t.Fatalf("closing lines %v", got)
	}
	if YearClosingLines([]AccountBalance{{Account: Account{Code: "221", Type: Asset}, Debit: 1}}, acc) != nil {
		t.Fatal("lines with nothing to close")
	}
	// Leaving the closing entry out restores the year's turnovers.
	after := []AccountBalance{{Account: Account{Code: "604", Type: Revenue}, Opening: -50000, Debit: 150000, Credit: 100000, Lines: 2}}
	back := WithoutEntries(after, []Entry{e}, D(2025, 1, 1), D(2025, 12, 31))
	if back[0].Debit != 0 || back[0].Credit != 100000 || back[0].Lines != 1 {
		t.Fatalf("without the closing %+v", back[0])
	}
	if out := WithoutEntries(after, []Entry{e}, D(2026, 1, 1), D(2026, 12, 31)); out[0].Debit != 150000 {
		t.Fatal("a closing outside the period was taken out")
	}
}
