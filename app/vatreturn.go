package app

import "strings"

// The VAT return (přiznání k dani z přidané hodnoty, form 25 5401, EPO
// DPHDP3) by its rows, built from the tagged postings of a period. Every
// tagged line lands in one row by its side, regime and rate, and whether it
// is on the VAT account (a line with tax) or not (a supply without tax,
// carrying only its base):
//
//	output, with tax:  domestic ř. 1/2, EU goods acquired ř. 3/4, EU services
//	                   received ř. 5/6 (from outside the EU ř. 12/13),
//	                   import self-assessed ř. 7/8, §92a received ř. 10/11
//	output, no tax:    §64 ř. 20, §9(1) to the EU ř. 21 (outside the EU
//	                   ř. 26), §66 ř. 22, §92a supplied ř. 25, §51 ř. 50
//	input, with tax:   domestic ř. 40/41, import assessed by customs ř. 42,
//	                   acquisitions, services and §92a received ř. 43/44
//
// The figures of the rows are kept in haléře, so output minus deductions
// equals the movement of the VAT account; the return states them in whole
// koruny, each row rounded on its own (half away from zero), and its results
// (ř. 46, 62–65) are sums of the rounded rows, as the form computes them.

// VATAmounts is a row's tax base and tax, in haléře (or whole koruny where
// a function says so).
type VATAmounts struct {
	Base int64 `json:"base"`
	VAT  int64 `json:"vat"`
}

// VATReturnRows are the rows of the return Kontor fills, in the form's order.
var VATReturnRows = []int{1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 20, 21, 22, 25, 26, 40, 41, 42, 43, 44, 50}

// vatRowMax bounds the row numbers (ř. 66 is the last row of the form).
const vatRowMax = 67

// VATReturn is the return of a period: the rows in haléře and what the
// reconciliation with the VAT account needs.
type VATReturn struct {
	From, To Date
	rows     [vatRowMax]VATAmounts
	// Movement is the debit minus credit on the VAT account of every tagged
	// line but the settlements; Settlements that of the settlements with
	// the tax office. Movement = −(Output − Deductions) when every line has
	// a row.
	Movement    int64
	Settlements int64
	// Unplaced lists the tagged lines no row takes (VAT on an exempt supply,
	// a domestic supply without tax): each is a tagging mistake to correct.
	Unplaced []VATPosting
}

// VATResult is the result part of the return in whole koruny: ř. 46
// (deductions), 62 (output tax), 63 (deductions in total), 64 (tax due) and
// 65 (excess deduction); one of 64 and 65 is zero.
type VATResult struct {
	R46, R62, R63, R64, R65 int64
}

// BuildVATReturn places the tagged postings of [from, to] in the rows of the
// return. vatAccount is the chart's VAT account (343); rates are the
// company's VAT rates, which name the kind of a rate a posting states
// without one (a received invoice states rates, not kinds).
func BuildVATReturn(ps []VATPosting, from, to Date, vatAccount string, rates []VATRate) VATReturn {
	r := VATReturn{From: from, To: to}
	selfImport := importsSelfAssessed(ps, vatAccount)
	for _, p := range ps {
		if p.Tag.Regime == RegimeSettlement {
			r.Settlements += p.Movement
			continue
		}
		r.Movement += p.Movement
		onVAT := p.Account == vatAccount
		row := vatReturnRow(p, onVAT, vatKindOf(p.Tag, p.Date, rates), selfImport[p.EntryID])
		switch {
		case row > 0:
			r.rows[row].Base += p.Tag.Base
			r.rows[row].VAT += p.VAT
		case onVAT || p.Tag.Side == VATOut:
			// An input line without tax (an exempt purchase) is no part of
			// the return; anything else without a row is a mistake.
			r.Unplaced = append(r.Unplaced, p)
		}
	}
	return r
}

// importsSelfAssessed marks the entries that self-assess import VAT (§23(3),
// ř. 7/8): their deduction belongs to ř. 43/44, not to ř. 42 (VAT assessed
// by the customs office).
func importsSelfAssessed(ps []VATPosting, vatAccount string) map[string]bool {
	m := map[string]bool{}
	for _, p := range ps {
		if p.Tag.Regime == RegimeExport && p.Tag.Side == VATOut && p.Account == vatAccount {
			m[p.EntryID] = true
		}
	}
	return m
}

// vatReturnRow is the row a posting counts in, 0 for none. kind is the
// posting's resolved rate kind.
func vatReturnRow(p VATPosting, onVAT bool, kind string, selfImport bool) int {
	pick := func(standard, reduced int) int {
		switch kind {
		case VATStandard:
			return standard
		case VATReduced:
			return reduced
		}
		return 0
	}
	t := p.Tag
	switch {
	case t.Side == VATOut && onVAT:
		switch t.Regime {
		case RegimeDomestic:
			return pick(1, 2)
		case RegimeEUGoods:
			return pick(3, 4)
		case RegimeEUServices:
			if !InEU(t.Partner) {
				return pick(12, 13) // a service from outside the EU, §108
			}
			return pick(5, 6)
		case RegimeExport:
			return pick(7, 8)
		case RegimeReverseCZ:
			return pick(10, 11)
		}
	case t.Side == VATOut:
		switch t.Regime {
		case RegimeEUGoods:
			return 20
		case RegimeEUServices:
			if !InEU(t.Partner) {
				return 26 // a service with its place of supply outside the EU
			}
			return 21
		case RegimeExport:
			return 22
		case RegimeReverseCZ:
			return 25
		case RegimeExempt:
			return 50
		}
	case t.Side == VATIn && onVAT:
		switch t.Regime {
		case RegimeDomestic:
			return pick(40, 41)
		case RegimeExport:
			if !selfImport {
				return 42
			}
			return pick(43, 44)
		case RegimeEUGoods, RegimeEUServices, RegimeReverseCZ:
			return pick(43, 44)
		}
	}
	return 0
}

// vatKindOf resolves the rate kind of a tag: its own Kind, else the kind of
// the company's rate of the same percentage valid on the day, else the
// percentage's usual kind (above 15 % standard, else reduced).
func vatKindOf(t VATTag, day Date, rates []VATRate) string {
	if t.Kind == VATStandard || t.Kind == VATReduced {
		return t.Kind
	}
	for _, v := range rates {
		if v.Rate.Cmp(t.Rate) == 0 && v.Covers(day) && v.Kind != VATZero {
			return v.Kind
		}
	}
	switch {
	case t.Rate.Cmp(RatePercent(15)) > 0:
		return VATStandard
	case t.Rate.Cmp(Rate{}) > 0:
		return VATReduced
	}
	return VATZero
}

// Row returns row n in haléře (zero for a row Kontor does not fill).
func (r VATReturn) Row(n int) VATAmounts {
	if n <= 0 || n >= vatRowMax {
		return VATAmounts{}
	}
	return r.rows[n]
}

// Whole returns row n in whole koruny, each figure rounded half away from
// zero, as the return states it.
func (r VATReturn) Whole(n int) VATAmounts {
	a := r.Row(n)
	return VATAmounts{Base: WholeCZK(a.Base), VAT: WholeCZK(a.VAT)}
}

// Output is the output tax in haléře: the tax of ř. 1–13 (ř. 62 before
// rounding).
func (r VATReturn) Output() int64 {
	var s int64
	for n := 1; n <= 13; n++ {
		s += r.rows[n].VAT
	}
	return s
}

// Deductions is the deducted tax in haléře: ř. 40–44 (ř. 46 before rounding).
func (r VATReturn) Deductions() int64 {
	var s int64
	for n := 40; n <= 44; n++ {
		s += r.rows[n].VAT
	}
	return s
}

// Net is Output − Deductions in haléře: positive is tax due.
func (r VATReturn) Net() int64 { return r.Output() - r.Deductions() }

// Result computes ř. 46 and 62–65 from the rounded rows.
func (r VATReturn) Result() VATResult {
	var res VATResult
	for n := 1; n <= 13; n++ {
		res.R62 += r.Whole(n).VAT
	}
	for n := 40; n <= 44; n++ {
		res.R46 += r.Whole(n).VAT
	}
	res.R63 = res.R46
	if d := res.R62 - res.R63; d >= 0 {
		res.R64 = d
	} else {
		res.R65 = -d
	}
	return res
}

// HasSupplies reports whether the period has any supply or purchase on the
// return (the "trans" flag of the electronic form).
func (r VATReturn) HasSupplies() bool {
	for _, a := range r.rows {
		if a != (VATAmounts{}) {
			return true
		}
	}
	return false
}

// WholeCZK rounds haléře to whole koruny, half away from zero
// (matematické zaokrouhlení).
func WholeCZK(haler int64) int64 { return M(haler, "CZK").RoundTo(100, HalfUp).Amount / 100 }

// euMembers are the member states by the prefix of their VAT numbers (Greece
// is EL; XI is Northern Ireland for goods).
var euMembers = map[string]bool{
	"AT": true, "BE": true, "BG": true, "CY": true, "CZ": true, "DE": true, "DK": true, "EE": true,
	"EL": true, "GR": true, "ES": true, "FI": true, "FR": true, "HR": true, "HU": true, "IE": true,
	"IT": true, "LT": true, "LU": true, "LV": true, "MT": true, "NL": true, "PL": true, "PT": true,
	"RO": true, "SE": true, "SI": true, "SK": true, "XI": true,
}

// InEU reports whether a VAT ID (with its country prefix) is of a member
// state; an ID without a prefix is taken as one (it cannot be told apart).
func InEU(vatID string) bool {
	id := NormalizeDIC(vatID)
	if len(id) < 2 || !isUpperAlpha(id[:2]) {
		return true
	}
	return euMembers[id[:2]]
}

// splitVATID splits a VAT ID into its country prefix and number: "SK2020…"
// → "SK", "2020…"; an ID without a prefix has none.
func splitVATID(vatID string) (country, number string) {
	id := NormalizeDIC(vatID)
	if len(id) > 2 && isUpperAlpha(id[:2]) {
		return id[:2], id[2:]
	}
	return "", id
}

// czechDIC returns the number of a Czech DIČ without "CZ", or "" for an ID
// of another state or none.
func czechDIC(vatID string) string {
	c, n := splitVATID(vatID)
	if c != "CZ" || n == "" || strings.Trim(n, "0123456789") != "" {
		return ""
	}
	return n
}
