package app

import "math/big"

// Rounding names how a computed amount is brought to a whole number of units.
// Kontor never rounds implicitly: every call site says which rule the law or the
// business wants.
type Rounding int

const (
	// HalfUp rounds halves away from zero (Czech "matematické zaokrouhlení"); the
	// rule for VAT amounts (§37 of the VAT act) and for payroll contributions.
	HalfUp Rounding = iota
	// Truncate drops the remainder (towards zero).
	Truncate
	// Up rounds any remainder away from zero (e.g. income-tax advances).
	Up
)

// divRound returns num/den rounded by r; den > 0.
func divRound(num, den *big.Int, r Rounding) *big.Int {
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	if rem.Sign() == 0 {
		return q
	}
	away := false
	switch r {
	case HalfUp:
		twice := new(big.Int).Abs(rem)
		twice.Lsh(twice, 1)
		away = twice.Cmp(den) >= 0
	case Up:
		away = true
	}
	if away {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return q
}

// RoundTo rounds m to a multiple of step minor units (100 = whole CZK for cash).
func (m Money) RoundTo(step int64, r Rounding) Money {
	if step <= 1 {
		return m
	}
	q := divRound(big.NewInt(m.Amount), big.NewInt(step), r)
	return Money{q.Int64() * step, m.Currency}
}

// RoundCash rounds to whole units of the currency, half up: the rule for cash
// payments in CZK since the 50-haléř coin was withdrawn.
func (m Money) RoundCash() Money { return m.RoundTo(pow10(MinorDigits(m.Currency)), HalfUp) }

// Percent returns rate % of m, rounded to the minor unit by r (VAT: HalfUp).
func (m Money) Percent(rate Rate, r Rounding) Money {
	num := new(big.Int).Mul(big.NewInt(m.Amount), big.NewInt(rate.micro))
	den := big.NewInt(100 * rateScale)
	return Money{divRound(num, den, r).Int64(), m.Currency}
}

// Convert returns m in currency to, at rate units of to per one unit of m's
// currency (a ČNB rate, 24.325 CZK per EUR), rounded by r.
func (m Money) Convert(to string, rate Rate, r Rounding) Money {
	num := new(big.Int).Mul(big.NewInt(m.Amount), big.NewInt(rate.micro))
	num.Mul(num, big.NewInt(pow10(MinorDigits(to))))
	den := big.NewInt(rateScale * pow10(MinorDigits(m.Currency)))
	return Money{divRound(num, den, r).Int64(), to}
}
