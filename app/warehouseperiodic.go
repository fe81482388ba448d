package app

// Method B (periodic stock keeping, ČÚS 015): purchases go straight to the
// expense accounts and stock documents post nothing; the stock reaches the
// balance sheet only at the year's end, from the count, and goes back to
// the expenses at the next year's start.

// PeriodicStockEntry is method B's year-end (closing) or year-start
// (opening) entry of the counted stock values per kind (values[StockGoods]
// on 132, values[StockMaterial] on 112): closing Dr 132 (112) Cr 504 (501)
// dated the balance-sheet day, opening the other way round dated the next
// year's first day. Nil when every value is zero; a negative value is
// refused.
func PeriodicStockEntry(values map[StockKind]int64, date Date, closing bool, c Chart) (*Entry, error) {
	acc := StockAccountsOf(c)
	var b entryBuilder
	for _, k := range []StockKind{StockGoods, StockMaterial} {
		v := values[k]
		if v < 0 {
			return nil, Invalid("stocktake.lines", "err.stock.cost_negative", "a value cannot be negative", nil)
		}
		if !closing {
			v = -v
		}
		b.add(acc.stock(k), v)
		b.add(acc.expense(k), -v)
	}
	lines := b.lines()
	if len(lines) == 0 {
		return nil, nil
	}
	e := Entry{Date: date, Source: "stock_periodic:" + date.Key(), Lines: lines}
	if closing {
		e.SetMemo(memo("memo.stock_periodic_closing", "Zásoby podle inventury k {{.date}}", AuditArgs{"date": ADate(date)}))
	} else {
		e.SetMemo(memo("memo.stock_periodic_opening", "Převod počátečních zásob do nákladů k {{.date}}", AuditArgs{"date": ADate(date)}))
	}
	e.CutMemos()
	if err := e.Validate(); err != nil {
		return nil, Internal("building the stock entry", err)
	}
	return &e, nil
}
