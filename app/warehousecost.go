package app

import (
	"math"
	"math/bits"
)

// Costing: the running position of one item in one location and what each
// move does to it. Values are haléře (base-currency minor units) and kept
// exact: an issue takes its share of the value the position holds, rounded
// half-up to the haléř, and the issue that empties the position takes all
// that is left, so Σ positions equals what the ledger's 132 carries and
// never drifts by a haléř however the costs round.
//
// Quantities are Qty, integer thousandths: exact to the gram, the metre's
// millimetre and the minute, additive without float error, and 9.2·10¹⁵
// units of headroom.

// Layer is what is left of one receipt under FIFO: its quantity and value
// (not a unit cost, so no rounding is ever lost) and its date. A position
// below zero holds one negative layer.
type Layer struct {
	Qty   Qty   `json:"q"`
	Value int64 `json:"v"`
	Date  Date  `json:"d"`
}

// Position is the running stock of one item in one location: quantity and
// value, under FIFO the layers they are made of (Σ Layers = Qty and Value;
// under weighted average Layers is empty), the date of its last move, and
// the unit cost of its last receipt (haléře per unit, rounded), used only to
// cost an issue beyond stock when none is on hand.
type Position struct {
	Qty      Qty     `json:"q"`
	Value    int64   `json:"v"`
	Layers   []Layer `json:"layers,omitempty"`
	Last     Date    `json:"last"`
	LastUnit int64   `json:"last_unit,omitempty"`
}

// UnitCost is the position's average cost per unit in haléře, rounded
// half-up (what a stock card prints); without stock, the last receipt's.
func (p Position) UnitCost() int64 {
	if p.Qty == 0 {
		return p.LastUnit
	}
	v, _ := mulDiv(p.Value, QtyScale, int64(p.Qty))
	return v
}

// Check reports whether the position is consistent: under FIFO its layers
// add up to it and none changes sign; with no stock, no value.
func (p Position) Check(m CostMethod) bool {
	if p.Qty == 0 && p.Value != 0 {
		return false
	}
	if m != CostFIFO {
		return len(p.Layers) == 0
	}
	var q Qty
	var v int64
	for _, l := range p.Layers {
		if l.Qty == 0 || (l.Qty < 0) != (p.Qty < 0) {
			return false
		}
		q += l.Qty
		v += l.Value
	}
	return q == p.Qty && v == p.Value
}

// Move is one line of a stock document applied to a position: Qty positive
// in, negative out; Value the value received (in-moves, ≥ 0). Layers, on an
// in-move, are the FIFO layers another location gave up (a transfer): they
// are kept as they are; their sums must equal Qty and Value. Fixed, on an
// out-move, takes Value out rather than the cost: a storno takes back
// exactly what its original brought in.
type Move struct {
	Date   Date
	Qty    Qty
	Value  int64
	Layers []Layer
	Fixed  bool
}

// MoveResult is what a move did: Cost, the value an out-move took (positive);
// Adjust, what the position's value changed by beyond the move's own value,
// posted to the expense account against stock (positive: Dr expense, Cr
// stock): on an in-move into a position below zero, the difference between
// what the units issued beyond stock were costed at and what the receipt
// says they cost; on a fixed out-move, what the layers it took held beyond
// its value (FIFO), or the value left when it empties the position or
// would leave it below zero (average); Taken, the layers an out-move took (under
// weighted average one layer with its quantity and cost), for a transfer's
// in-move.
type MoveResult struct {
	Cost   int64
	Adjust int64
	Taken  []Layer
}

// ApplyMove is position p after move m under cost method: the new position
// and what the move did. It refuses a zero quantity, a negative value, a
// move dated before the position's last (a backdated move would change the
// cost of issues already posted), and, unless allowNegative, taking more
// than is on hand. p is not changed.
func ApplyMove(p Position, m Move, method CostMethod, allowNegative bool) (Position, MoveResult, error) {
	p.Layers = append([]Layer(nil), p.Layers...)
	if method != CostFIFO {
		p.Layers = nil
	} else if p.Qty != 0 && len(p.Layers) == 0 {
		// A position kept at average before the company chose FIFO is
		// one layer.
		p.Layers = []Layer{{Qty: p.Qty, Value: p.Value, Date: p.Last}}
	}
	switch {
	case m.Qty == 0:
		return p, MoveResult{}, Invalid("stock.lines", "err.stock.qty_zero", "the quantity cannot be zero", nil)
	case !p.Last.IsZero() && m.Date.Before(p.Last):
		return p, MoveResult{}, Invalid("stock.date", "err.stock.backdated", "the item last moved on {{.date}}; a stock document cannot be dated before that", map[string]any{"date": p.Last})
	case m.Qty > 0:
		return moveIn(p, m, method)
	}
	return moveOut(p, m, method, allowNegative)
}

func moveIn(p Position, m Move, method CostMethod) (Position, MoveResult, error) {
	var r MoveResult
	if m.Value < 0 {
		return p, r, Invalid("stock.lines", "err.stock.cost_negative", "a value cannot be negative", nil)
	}
	if len(m.Layers) > 0 {
		var q Qty
		var v int64
		for _, l := range m.Layers {
			q, v = q+l.Qty, v+l.Value
		}
		if q != m.Qty || v != m.Value {
			return p, r, Internal("moving layers", Errorf(EINTERNAL, "", "layers do not add up to the move", nil))
		}
	}
	in := m.Qty
	value := m.Value
	if p.Qty < 0 {
		// The receipt first covers what was issued beyond stock: those units
		// were costed at an estimate; the difference to what they really cost
		// is the adjustment, and what remains of the receipt is stock.
		covered := min(-p.Qty, in)
		coveredValue, _ := mulDiv(value, int64(covered), int64(in))
		carried, _ := mulDiv(-p.Value, int64(covered), int64(-p.Qty))
		r.Adjust = coveredValue - carried
		p.Qty += covered
		p.Value += carried
		in -= covered
		value -= coveredValue
		if p.Qty < 0 {
			p.Layers = negLayer(p, method, m.Date)
		} else {
			p.Layers = nil
		}
		m.Layers = nil // a partly covered transfer's layers become one
	}
	if in > 0 {
		nv, ok := addValue(p.Value, value)
		if !ok {
			return p, r, Errorf(EINVALID, "err.money.overflow", "amount is too large", nil)
		}
		p.Qty += in
		p.Value = nv
		if method == CostFIFO {
			if len(m.Layers) > 0 {
				p.Layers = append(p.Layers, m.Layers...)
			} else {
				p.Layers = append(p.Layers, Layer{Qty: in, Value: value, Date: m.Date})
			}
		}
	}
	if unit, ok := mulDiv(m.Value, QtyScale, int64(m.Qty)); ok {
		p.LastUnit = unit
	}
	p.Last = m.Date
	return p, r, nil
}

func moveOut(p Position, m Move, method CostMethod, allowNegative bool) (Position, MoveResult, error) {
	var r MoveResult
	out := -m.Qty
	if out > p.Qty && !allowNegative {
		have := max(p.Qty, 0)
		return p, r, Invalid("stock.lines", "err.stock.not_enough", "only {{.have}} on hand", map[string]any{"have": have.Format(English)})
	}
	if m.Fixed {
		if m.Value < 0 {
			return p, r, Invalid("stock.lines", "err.stock.cost_negative", "a value cannot be negative", nil)
		}
		return moveOutFixed(p, m, method)
	}
	if method == CostFIFO && p.Qty > 0 {
		// Whole layers go at their value, a part of one at its share.
		take := min(out, p.Qty)
		for take > 0 && len(p.Layers) > 0 {
			l := p.Layers[0]
			part := Layer{Qty: l.Qty, Value: l.Value, Date: l.Date}
			if take < l.Qty {
				part.Qty = take
				part.Value, _ = mulDiv(l.Value, int64(take), int64(l.Qty))
				p.Layers[0] = Layer{Qty: l.Qty - take, Value: l.Value - part.Value, Date: l.Date}
			} else {
				p.Layers = p.Layers[1:]
			}
			take -= part.Qty
			r.Cost += part.Value
			r.Taken = append(r.Taken, part)
		}
		if take > 0 {
			return p, r, Internal("costing an issue", Errorf(EINTERNAL, "", "the layers hold less than the position", nil))
		}
	} else if p.Qty > 0 {
		take := min(out, p.Qty)
		cost := p.Value
		if take < p.Qty {
			cost, _ = mulDiv(p.Value, int64(take), int64(p.Qty))
		}
		r.Cost = cost
		r.Taken = []Layer{{Qty: take, Value: cost, Date: m.Date}}
	}
	onHand := max(p.Qty, 0)
	if beyond := out - onHand; beyond > 0 {
		// Issued beyond stock: costed at the position's average (or, with
		// nothing on hand, the last receipt's unit cost) until a receipt
		// covers it and says what it really cost (MoveResult.Adjust).
		var cost int64
		switch {
		case p.Qty > 0:
			cost, _ = mulDiv(p.Value, int64(beyond), int64(p.Qty))
		case p.Qty < 0:
			cost, _ = mulDiv(-p.Value, int64(beyond), int64(-p.Qty))
		default:
			cost, _ = mulDiv(p.LastUnit, int64(beyond), QtyScale)
		}
		r.Cost += cost
		r.Taken = append(r.Taken, Layer{Qty: beyond, Value: cost, Date: m.Date})
	}
	nv, ok := addValue(p.Value, -r.Cost)
	if !ok {
		return p, r, Errorf(EINVALID, "err.money.overflow", "amount is too large", nil)
	}
	p.Qty -= out
	p.Value = nv
	if p.Qty < 0 {
		p.Layers = negLayer(p, method, m.Date)
	} else if p.Qty == 0 {
		p.Layers = nil
	}
	p.Last = m.Date
	return p, r, nil
}

// moveOutFixed takes m.Value (≥ 0) out with -m.Qty: under FIFO from the
// newest layers (a storno reverses the latest receipt), the difference
// between what they held and m.Value the adjustment; at average the value
// itself, the adjustment keeping the position at zero value when it is
// empty and never below zero while stock is left.
func moveOutFixed(p Position, m Move, method CostMethod) (Position, MoveResult, error) {
	r := MoveResult{Cost: m.Value}
	out := -m.Qty
	held := m.Value
	if method == CostFIFO && p.Qty > 0 {
		held = 0
		take := min(out, p.Qty)
		for take > 0 && len(p.Layers) > 0 {
			i := len(p.Layers) - 1
			l := p.Layers[i]
			part := l
			if take < l.Qty {
				part.Qty = take
				part.Value, _ = mulDiv(l.Value, int64(take), int64(l.Qty))
				p.Layers[i] = Layer{Qty: l.Qty - take, Value: l.Value - part.Value, Date: l.Date}
			} else {
				p.Layers = p.Layers[:i]
			}
			take -= part.Qty
			held += part.Value
			r.Taken = append([]Layer{part}, r.Taken...)
		}
		if beyond := out - p.Qty; beyond > 0 {
			// Below zero: the part beyond stock leaves at the storno's rate.
			v, _ := mulDiv(m.Value, int64(beyond), int64(out))
			held += v
			r.Taken = append(r.Taken, Layer{Qty: beyond, Value: v, Date: m.Date})
		}
		r.Adjust = held - m.Value
	} else {
		r.Taken = []Layer{{Qty: out, Value: m.Value, Date: m.Date}}
	}
	nv, ok := addValue(p.Value, -held)
	if !ok {
		return p, r, Errorf(EINVALID, "err.money.overflow", "amount is too large", nil)
	}
	p.Qty -= out
	p.Value = nv
	if method != CostFIFO && (p.Qty == 0 || p.Qty > 0 && p.Value < 0) {
		r.Adjust += p.Value
		p.Value = 0
	}
	if p.Qty < 0 {
		p.Layers = negLayer(p, method, m.Date)
	} else if p.Qty == 0 {
		p.Layers = nil
	}
	p.Last = m.Date
	return p, r, nil
}

// negLayer is the one layer of a position below zero under FIFO.
func negLayer(p Position, method CostMethod, d Date) []Layer {
	if method != CostFIFO {
		return nil
	}
	return []Layer{{Qty: p.Qty, Value: p.Value, Date: d}}
}

// addValue is a+b, false on overflow.
func addValue(a, b int64) (int64, bool) {
	s := a + b
	if (s > a) != (b > 0) && b != 0 {
		return 0, false
	}
	return s, true
}

// mulDiv is a·b/c rounded half away from zero, exact over the full int64
// range of a·b (128-bit intermediate); c ≠ 0. ok is false when c is zero or
// the result does not fit an int64.
func mulDiv(a, b, c int64) (int64, bool) {
	if c == 0 {
		return 0, false
	}
	neg := (a < 0) != (b < 0) != (c < 0)
	ua, ub, uc := absU(a), absU(b), absU(c)
	hi, lo := bits.Mul64(ua, ub)
	if hi >= uc {
		return 0, false
	}
	q, rem := bits.Div64(hi, lo, uc)
	if rem >= uc-rem { // rem ≥ c/2: half away from zero
		q++
	}
	if q > math.MaxInt64 {
		return 0, false
	}
	if neg {
		return -int64(q), true
	}
	return int64(q), true
}

func absU(v int64) uint64 {
	if v < 0 {
		return uint64(-(v + 1)) + 1
	}
	return uint64(v)
}

// bits64Mul is the 128-bit product of two non-negative int64s.
func bits64Mul(a, b int64) (hi, lo uint64) { return bits.Mul64(uint64(a), uint64(b)) }

// bits64Div is (hi, lo)/c and its remainder for c > hi, c > 0.
func bits64Div(hi, lo uint64, c int64) (int64, uint64) {
	q, r := bits.Div64(hi, lo, uint64(c))
	return int64(q), r
}
