package app

// ReceiptValues fills each line's Value of a receipt (Qty × UnitCost
// rounded half-up, when not given) and allocates its acquisition costs onto
// the lines by value (by quantity when every value is zero), each cost
// separately with the largest remainders so each adds up to its amount
// exactly. alloc[i][j] is cost i's share of line j.
func ReceiptValues(d StockDoc) (StockDoc, [][]int64, error) {
	d.Lines = append([]StockLine(nil), d.Lines...)
	weights := make([]int64, len(d.Lines))
	var sum int64
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.Value == 0 {
			v, ok := mulDiv(int64(l.Qty), l.UnitCost, QtyScale)
			if !ok {
				return d, nil, Invalid("stock.lines", "err.money.overflow", "amount is too large", nil)
			}
			l.Value = v
		}
		l.Costs = 0
		weights[i] = l.Value
		sum += l.Value
	}
	if sum == 0 {
		for i, l := range d.Lines {
			weights[i] = int64(l.Qty)
		}
	}
	alloc := make([][]int64, len(d.Costs))
	for i, c := range d.Costs {
		alloc[i] = Allocate(c.Amount, weights)
		for j, a := range alloc[i] {
			d.Lines[j].Costs += a
		}
	}
	return d, alloc, nil
}

// Allocate splits amount over weights (≥ 0, not all zero) in proportion,
// each share rounded down and the haléře left given to the largest
// remainders (the earlier line on a tie): the shares add up to amount.
func Allocate(amount int64, weights []int64) []int64 {
	out := make([]int64, len(weights))
	var total int64
	for _, w := range weights {
		total += w
	}
	if total <= 0 || len(weights) == 0 {
		return out
	}
	rems := make([]uint64, len(weights))
	left := amount
	for i, w := range weights {
		hi, lo := bits64Mul(amount, w)
		q, r := bits64Div(hi, lo, total)
		out[i], rems[i] = q, r
		left -= q
	}
	for ; left > 0; left-- {
		best := -1
		for i := range rems {
			if weights[i] > 0 && (best < 0 || rems[i] > rems[best]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		out[best]++
		rems[best] = 0
	}
	return out
}
