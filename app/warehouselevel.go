package app

import "sort"

// Levels and values as of a day, and the check that the ledger agrees.

// LevelAsOf is the quantity and value of one position at the end of day,
// read from its moves (sorted by date, as posted) the way the ledger reads
// a running balance: the position after the last move on or before day,
// found by binary search, never by adding the moves up.
func LevelAsOf(moves []StockMove, day Date) (Qty, int64) {
	i := sort.Search(len(moves), func(i int) bool { return moves[i].Date.After(day) })
	if i == 0 {
		return 0, 0
	}
	return moves[i-1].QtyAfter, moves[i-1].ValueAfter
}

// StockValues sums positions per stock account (132 goods, 112 material
// in the Czech chart), by each item's kind: under method A each sum must
// equal its account's balance on the same day to the haléř (the store's
// check).
func StockValues(positions map[PosKey]Position, items map[string]StockItem, c Chart) map[string]int64 {
	acc := StockAccountsOf(c)
	out := map[string]int64{}
	for k, p := range positions {
		out[acc.stock(items[k.Item].Kind)] += p.Value
	}
	return out
}

// CheckStockValues compares StockValues with the ledger's balances of the
// same accounts (debit minus credit): one problem per account that differs,
// in account order.
func CheckStockValues(values, ledger map[string]int64) []Problem {
	accounts := make([]string, 0, len(values)+len(ledger))
	for a := range values {
		accounts = append(accounts, a)
	}
	for a := range ledger {
		if _, ok := values[a]; !ok {
			accounts = append(accounts, a)
		}
	}
	sort.Strings(accounts)
	var out []Problem
	for _, a := range accounts {
		if values[a] != ledger[a] {
			out = append(out, Problem{Key: "check.stock_value", Msg: "account {{.account}} carries {{.ledger}} but the stock on it is worth {{.stock}}",
				Args: map[string]any{"account": a, "ledger": FormatMinor(ledger[a], 2, ""), "stock": FormatMinor(values[a], 2, "")}})
		}
	}
	return out
}
