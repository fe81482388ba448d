package app

// The journal entry of a posted stock document under method A (průběžná
// evidence), ČÚS 015:
//
//	receipt     Dr 132 (112)  Cr 131 (111) or 321   goods and each acquisition cost
//	issue       Dr 504 (501)  Cr 132 (112)          at cost
//	shortage    Dr 549 / 549100  Cr 132 (112)       within / beyond the norm
//	surplus     Dr 132 (112)  Cr 648
//	transfer    nothing: the stock stays on the same account
//	storno      its original's entry with the sides swapped
//
// A receipt's counter can also be 504 (501): goods a customer returned, at
// the cost they were issued at; an issue's 321 or 131: goods sent back to
// the supplier.
//
// A receipt or transfer that covers stock issued beyond what was on hand
// adds the adjustment (MoveResult.Adjust): Dr 504 (501) Cr 132 (112), or
// the other way round when the issues were costed too high. Amounts are
// summed per account and side.

// stockEntry is the entry of posted document d (lines costed, alloc the
// receipt's cost allocation, adjust each line's adjustment), nil when
// nothing moves on the ledger.
func stockEntry(d StockDoc, alloc [][]int64, adjust []int64, acc StockAccounts) (*Entry, error) {
	var b entryBuilder
	for i, l := range d.Lines {
		stock := acc.stock(l.Kind)
		switch {
		case d.Kind == StockReceipt:
			b.add(stock, l.Total())
			b.add(receiptCounter(d.Counter, l.Kind, acc), -l.Value)
			for c, cost := range d.Costs {
				b.add(receiptCounter(cost.Counter, l.Kind, acc), -alloc[c][i])
			}
		case d.Kind == StockIssue:
			b.add(issueCounter(d.Counter, l.Kind, acc), l.Value)
			b.add(stock, -l.Value)
		case d.Kind == StockDifference && l.Qty > 0:
			b.add(stock, l.Value)
			b.add(acc.Surplus, -l.Value)
		case d.Kind == StockDifference:
			beyond := int64(0)
			if l.Beyond > 0 {
				beyond, _ = mulDiv(l.Value, int64(l.Beyond), int64(-l.Qty))
			}
			b.add(acc.Shortage, l.Value-beyond)
			b.add(acc.ShortageBeyond, beyond)
			b.add(stock, -l.Value)
		}
	}
	if d.Storno {
		b.dr, b.cr = b.cr, b.dr
	}
	for i, l := range d.Lines {
		b.add(acc.expense(l.Kind), adjust[i])
		b.add(acc.stock(l.Kind), -adjust[i])
	}
	lines := b.lines()
	if len(lines) == 0 {
		return nil, nil
	}
	e := Entry{Date: d.Date, Source: "stock:" + d.ID, Lines: lines}
	if d.Storno {
		e.SetMemo(MemoStockStorno(d.Kind, d.Number, d.OriginalNo))
	} else {
		e.SetMemo(MemoStockDoc(d.Kind, d.Number, d.Partner.Name))
	}
	e.CutMemos()
	if err := e.Validate(); err != nil {
		return nil, Internal("building the posting of "+d.Number, err)
	}
	return &e, nil
}

// receiptCounter is what a receipt credits: 131 (111), 321, or for a
// customer's return 504 (501).
func receiptCounter(counter string, k StockKind, acc StockAccounts) string {
	switch counter {
	case CounterPayables:
		return acc.Payables
	case CounterExpense:
		return acc.expense(k)
	}
	return acc.acquisition(k)
}

// issueCounter is what an issue debits: 504 (501), or for goods going back
// to the supplier 321 or 131 (111).
func issueCounter(counter string, k StockKind, acc StockAccounts) string {
	switch counter {
	case CounterPayables:
		return acc.Payables
	case CounterAcquisition:
		return acc.acquisition(k)
	}
	return acc.expense(k)
}

// entryBuilder sums debits and credits per account, each side apart (a
// stocktake's surplus and shortage on 132 stay two lines, as the stock card
// shows them), debits first, accounts in the order they first appear.
type entryBuilder struct {
	order  []string
	seen   map[string]bool
	dr, cr map[string]int64
}

// add puts amount on account's debit side (positive) or credit side
// (negative).
func (b *entryBuilder) add(account string, amount int64) {
	if amount == 0 {
		return
	}
	if b.seen == nil {
		b.seen, b.dr, b.cr = map[string]bool{}, map[string]int64{}, map[string]int64{}
	}
	if !b.seen[account] {
		b.order = append(b.order, account)
		b.seen[account] = true
	}
	if amount > 0 {
		b.dr[account] += amount
	} else {
		b.cr[account] -= amount
	}
}

func (b *entryBuilder) lines() []Line {
	var dr, cr []Line
	for _, a := range b.order {
		if v := b.dr[a]; v > 0 {
			dr = append(dr, Line{Account: a, Debit: v})
		}
		if v := b.cr[a]; v > 0 {
			cr = append(cr, Line{Account: a, Credit: v})
		}
	}
	return append(dr, cr...)
}

// MemoStockDoc is the memo of a stock document's posting: "Příjemka
// PR2026-0001 – Dodavatel s.r.o.", "Výdejka VY2026-0003", "Inventurní
// rozdíly IR2026-0001", "Převodka PV2026-0002".
func MemoStockDoc(kind StockDocKind, number, party string) Memo {
	args := AuditArgs{"number": AText(number)}
	czech := map[StockDocKind]string{StockReceipt: "Příjemka", StockIssue: "Výdejka", StockTransfer: "Převodka", StockDifference: "Inventurní rozdíly"}[kind]
	key := "memo.stock_" + string(kind)
	if czech == "" {
		czech, key = "Příjemka", "memo.stock_receipt"
	}
	if party == "" {
		return memo(key, czech+" {{.number}}", args)
	}
	args["party"] = AText(party)
	return memo(key+"_party", czech+" {{.number}} – {{.party}}", args)
}

// MemoStockStorno is the memo of a storno's posting: "Storno příjemky
// PR2026-0001 (PR2026-0007)", the original's number, then the storno's.
func MemoStockStorno(kind StockDocKind, number, original string) Memo {
	czech := map[StockDocKind]string{StockReceipt: "příjemky", StockIssue: "výdejky", StockTransfer: "převodky", StockDifference: "inventurních rozdílů"}[kind]
	key := "memo.stock_storno_" + string(kind)
	if czech == "" {
		czech, key = "příjemky", "memo.stock_storno_receipt"
	}
	return memo(key, "Storno "+czech+" {{.original}} ({{.number}})", AuditArgs{"number": AText(number), "original": AText(original)})
}
