package app

import (
	"math/big"
	"slices"
)

// VATTagTolerance is how far (in minor units) the VAT on a tagged line may
// be from its base × rate beyond a tenth of a percent: a day's takings or a
// supplier's invoice round per receipt or per line.
const VATTagTolerance = 100

// SettlementTag is the tag of a posting to the VAT account that is no supply:
// paying the VAT due or receiving an excess deduction back.
func SettlementTag() *VATTag { return &VATTag{Regime: RegimeSettlement} }

// ValidateVATLines refuses an entry with a line on the VAT account that
// carries no VAT tag, or with a tag that cannot be right (see
// VATTag.validate), naming the line: no VAT reaches 343 without a row of the
// VAT return to land in.
func ValidateVATLines(e Entry, vatAccount string) error {
	for i, l := range e.Lines {
		args := map[string]any{"n": i + 1, "code": l.Account}
		if l.VAT == nil {
			if l.Account == vatAccount {
				return Invalid("entry.lines", "err.entry.vat_untagged", "line {{.n}} is on the VAT account {{.code}}: say which VAT it is (side, regime, rate and base)", args)
			}
			continue
		}
		vat := int64(0)
		if l.Account == vatAccount {
			vat = l.Credit - l.Debit
			if l.VAT.Side == VATIn {
				vat = -vat
			}
		}
		if err := l.VAT.validate(l.Account == vatAccount, vat); err != nil {
			err.Args = args
			return err
		}
	}
	return nil
}

// validate checks a tag on its own and, on a line of the VAT account, against
// the line's VAT (positive on the tag's side).
func (t VATTag) validate(onVAT bool, vat int64) *Error {
	bad := func(key, msg string) *Error { return Invalid("entry.lines", key, "line {{.n}}: "+msg, nil) }
	if t.Regime == RegimeSettlement {
		if t.Side != "" || t.Base != 0 || t.Rate.micro != 0 || t.Kind != "" {
			return bad("err.vat_tag.settlement", "a settlement with the tax office has no side, rate or base")
		}
		if !onVAT {
			return bad("err.vat_tag.settlement_account", "a settlement with the tax office is a line of the VAT account")
		}
		return nil
	}
	if t.Side != VATOut && t.Side != VATIn {
		return bad("err.vat_tag.side", "say whether the VAT is output or input")
	}
	if !slices.Contains(SalesRegimes, t.Regime) {
		return bad("err.vat_tag.regime", "the VAT regime is unknown")
	}
	if (t.Regime == RegimeExempt) != (t.Exempt != "") || t.Exempt != "" && !slices.Contains(ExemptParagraphs, t.Exempt) {
		return bad("err.vat_tag.exempt", "an exempt supply names its paragraph (§52 to §62), nothing else does")
	}
	if t.RCCode != "" && (t.Regime != RegimeReverseCZ || !slices.Contains(ReverseChargeCodes, t.RCCode)) {
		return bad("err.vat_tag.rc_code", "only a §92a supply has a reverse-charge code")
	}
	if t.Rate.micro < 0 || t.Rate.micro > 100*rateScale {
		return bad("err.vat_tag.rate", "the VAT rate must be 0 to 100 %")
	}
	switch t.Kind {
	case "", VATStandard, VATReduced, VATZero:
	default:
		return bad("err.vat_tag.kind", "the VAT rate kind is unknown")
	}
	if !onVAT {
		return nil
	}
	if t.Rate.micro == 0 {
		return bad("err.vat_tag.no_rate", "VAT on the VAT account needs its rate")
	}
	if t.Base == 0 || (t.Base < 0) != (vat < 0) {
		return bad("err.vat_tag.base", "the base must be given, with the sign of the VAT")
	}
	want := M(t.Base, "CZK").Percent(t.Rate, HalfUp).Amount
	if d := abs64(vat - want); d > VATTagTolerance+abs64(t.Base)/1000 {
		return bad("err.vat_tag.mismatch", "the VAT is not the rate of the base")
	}
	return nil
}

// Reversed is the tag of the line that reverses a tagged line: the same
// supply with the base negated (the reversal's sides are swapped, so its VAT
// is negated by itself); nil for nil.
func (t *VATTag) Reversed() *VATTag {
	if t == nil {
		return nil
	}
	r := *t
	r.Base = -r.Base
	return &r
}

// VATSums are the tagged postings of a period summed: the output and input
// VAT as the return counts them, the settlements with the tax office and the
// movement (debit minus credit) of the VAT account they make.
type VATSums struct {
	Output, Input, Settlement, Movement int64
}

// SumVATPostings sums ps.
func SumVATPostings(ps []VATPosting) VATSums {
	var s VATSums
	for _, p := range ps {
		switch {
		case p.Tag.Regime == RegimeSettlement:
			s.Settlement += p.Movement
		case p.Tag.Side == VATOut:
			s.Output += p.VAT
		case p.Tag.Side == VATIn:
			s.Input += p.VAT
		}
		s.Movement += p.Movement
	}
	return s
}

// Add adds o to s.
func (s *VATSums) Add(o VATSums) {
	s.Output, s.Input, s.Settlement, s.Movement = s.Output+o.Output, s.Input+o.Input, s.Settlement+o.Settlement, s.Movement+o.Movement
}

// Reconciles reports whether the VAT the return counts is what moved on the
// VAT account: output − input − settlements = −movement (343 is a liability:
// output VAT is credited, input VAT and payments to the tax office debited).
func (s VATSums) Reconciles() bool { return s.Output-s.Input-s.Settlement == -s.Movement }

// BaseOfVAT is the base whose VAT at rate r is vat (vat × 100 / r, half-up):
// what a VAT line's base defaults to; zero for a zero rate.
func BaseOfVAT(vat int64, r Rate) int64 {
	if r.micro == 0 {
		return 0
	}
	num := new(big.Int).Mul(big.NewInt(vat), big.NewInt(100*rateScale))
	return divRound(num, big.NewInt(r.micro), HalfUp).Int64()
}
