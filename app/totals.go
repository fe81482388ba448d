package app

import (
	"math/big"
	"sort"
)

// RateTotal is the VAT recap of one rate: base and VAT in the document's
// currency and, for foreign-currency documents, in the base currency (CZK) as
// Czech law requires.
type RateTotal struct {
	Kind    string `json:"kind"`
	Rate    Rate   `json:"rate"`
	Base    int64  `json:"base"`
	VAT     int64  `json:"vat"`
	BaseCZK int64  `json:"base_czk"` // in the company's base currency
	VATCZK  int64  `json:"vat_czk"`
}

// DocTotals are a document's computed amounts; Lines[i] is line i's amount
// after discount, with or without VAT as the prices were entered.
type DocTotals struct {
	Lines       []int64     `json:"lines"`
	Rates       []RateTotal `json:"rates"`
	Base        int64       `json:"base"`
	VAT         int64       `json:"vat"`
	Rounding    int64       `json:"rounding"`
	Total       int64       `json:"total"`
	TotalCZK    int64       `json:"total_czk"` // base currency, what 311 carries
	RoundingCZK int64       `json:"rounding_czk"`
}

// LineAmount is quantity × unit price less the discount, rounded half-up to
// the minor unit.
func LineAmount(l DocLine) int64 {
	num := new(big.Int).Mul(big.NewInt(l.UnitPrice), big.NewInt(int64(l.Quantity)))
	num.Mul(num, big.NewInt(100*rateScale-l.Discount.micro))
	den := big.NewInt(QtyScale * 100 * rateScale)
	return divRound(num, den, HalfUp).Int64()
}

// ChargesVAT reports whether the document itself carries VAT: the supplier is
// a VAT payer and the supply is domestic (in any other regime the customer
// self-assesses, or the supply is exempt).
func (d SalesDoc) ChargesVAT() bool { return d.Supplier.VATPayer && d.Regime.ChargesVAT() }

// ComputeTotals computes the recap the law asks for: VAT per rate from the
// document's sum of bases per rate (or of gross amounts when prices include
// VAT), rounded half-up to the minor unit; the optional cash rounding of the
// total; and the amounts in the base currency at the document's rate. A
// document without VAT (a non-payer's, or a regime other than domestic) has
// one recap row without a rate.
func ComputeTotals(d SalesDoc, baseCurrency string) DocTotals {
	var t DocTotals
	type key struct {
		kind string
		rate int64
	}
	sums := map[key]int64{}
	for _, l := range d.Lines {
		amt := LineAmount(l)
		t.Lines = append(t.Lines, amt)
		k := key{l.VATKind, l.VATRate.micro}
		if !d.ChargesVAT() {
			k = key{}
		}
		sums[k] += amt
	}
	foreign := d.Currency != baseCurrency
	for k, sum := range sums {
		rt := RateTotal{Kind: k.kind, Rate: Rate{k.rate}, Base: sum}
		if d.ChargesVAT() {
			if d.PricesIncludeVAT {
				rt.VAT = M(sum, d.Currency).vatOfGross(rt.Rate)
				rt.Base = sum - rt.VAT
			} else {
				rt.VAT = M(sum, d.Currency).Percent(rt.Rate, HalfUp).Amount
			}
		}
		rt.BaseCZK, rt.VATCZK = rt.Base, rt.VAT
		if foreign {
			rt.BaseCZK = M(rt.Base, d.Currency).Convert(baseCurrency, d.ExchangeRate, HalfUp).Amount
			if d.ChargesVAT() {
				rt.VATCZK = M(rt.BaseCZK, baseCurrency).Percent(rt.Rate, HalfUp).Amount
			}
		}
		t.Rates = append(t.Rates, rt)
	}
	sort.Slice(t.Rates, func(i, j int) bool { return t.Rates[i].Rate.micro > t.Rates[j].Rate.micro })
	finishTotals(&t, d, baseCurrency)
	return t
}

// finishTotals sums the recap rows into the document's base, VAT and total,
// with the cash rounding, in the document's and the base currency.
func finishTotals(t *DocTotals, d SalesDoc, baseCurrency string) {
	t.Base, t.VAT, t.TotalCZK = 0, 0, 0
	for _, rt := range t.Rates {
		t.Base += rt.Base
		t.VAT += rt.VAT
	}
	t.Total = t.Base + t.VAT
	t.Rounding = 0
	if d.CashRounding {
		rounded := M(t.Total, d.Currency).RoundCash().Amount
		t.Rounding = rounded - t.Total
		t.Total = rounded
	}
	t.RoundingCZK = t.Rounding
	if d.Currency != baseCurrency {
		t.RoundingCZK = M(t.Rounding, d.Currency).Convert(baseCurrency, d.ExchangeRate, HalfUp).Amount
	}
	for _, r := range t.Rates {
		t.TotalCZK += r.BaseCZK + r.VATCZK
	}
	t.TotalCZK += t.RoundingCZK
}

// CreditNoteTotals are the totals of credit note cn correcting invoice inv,
// which earlier credit notes (prior) corrected already: per rate, the VAT of
// the credit note is the VAT of the invoice's base after the correction less
// the VAT the invoice carries before it (§42 of the VAT act: the correction
// is the difference), so that the invoice and all its credit notes together
// carry exactly the VAT of what was finally supplied. Computing the credit
// note's VAT from its own base instead can miss by a haléř.
func CreditNoteTotals(cn, inv SalesDoc, prior []SalesDoc, baseCurrency string) DocTotals {
	t := ComputeTotals(cn, baseCurrency)
	if !cn.ChargesVAT() {
		return t
	}
	type key struct {
		kind string
		rate int64
	}
	type before struct{ base, vat, baseCZK, vatCZK int64 }
	was := map[key]*before{}
	add := func(rts []RateTotal) {
		for _, rt := range rts {
			k := key{rt.Kind, rt.Rate.micro}
			b := was[k]
			if b == nil {
				b = &before{}
				was[k] = b
			}
			b.base, b.vat, b.baseCZK, b.vatCZK = b.base+rt.Base, b.vat+rt.VAT, b.baseCZK+rt.BaseCZK, b.vatCZK+rt.VATCZK
		}
	}
	add(inv.Totals.Rates)
	for _, p := range prior {
		add(p.Totals.Rates)
	}
	foreign := cn.Currency != baseCurrency
	for i := range t.Rates {
		rt := &t.Rates[i]
		b := was[key{rt.Kind, rt.Rate.micro}]
		if b == nil {
			continue // a rate the invoice does not have: its own VAT is the difference
		}
		if cn.PricesIncludeVAT {
			gross := rt.Base + rt.VAT
			after := M(b.base+b.vat+gross, cn.Currency).vatOfGross(rt.Rate)
			rt.VAT = after - b.vat
			rt.Base = gross - rt.VAT
		} else {
			rt.VAT = M(b.base+rt.Base, cn.Currency).Percent(rt.Rate, HalfUp).Amount - b.vat
		}
		rt.BaseCZK, rt.VATCZK = rt.Base, rt.VAT
		if foreign {
			rt.BaseCZK = M(rt.Base, cn.Currency).Convert(baseCurrency, cn.ExchangeRate, HalfUp).Amount
			rt.VATCZK = M(b.baseCZK+rt.BaseCZK, baseCurrency).Percent(rt.Rate, HalfUp).Amount - b.vatCZK
		}
	}
	finishTotals(&t, cn, baseCurrency)
	return t
}

// vatOfGross is the VAT contained in a gross amount: gross × r / (100 + r),
// half-up (§37 of the VAT act, the method in force since 2019).
func (m Money) vatOfGross(r Rate) int64 {
	num := new(big.Int).Mul(big.NewInt(m.Amount), big.NewInt(r.micro))
	den := big.NewInt(100*rateScale + r.micro)
	return divRound(num, den, HalfUp).Int64()
}

// SalesPosting returns the ledger lines of an issued invoice or credit note in
// the base currency: receivable against revenue (goods and services split by
// the lines) and VAT, and the cash rounding. A credit note's negative amounts
// land on the opposite sides. Every line's memo names the document; a VAT
// payer's lines carry their VAT tags: the VAT line of each rate (its base with
// it), or, when a rate has no VAT to post (a supply in another regime than
// domestic, a zero rate), its revenue lines with their part of the base.
func SalesPosting(d SalesDoc, acc PostingAccounts) []Line {
	var lines []Line
	add := func(account string, debit int64, memo string, tag *VATTag) {
		switch {
		case debit > 0:
			lines = append(lines, Line{Account: account, Debit: debit, Memo: memo, VAT: tag})
		case debit < 0:
			lines = append(lines, Line{Account: account, Credit: -debit, Memo: memo, VAT: tag})
		}
	}
	t := d.Totals
	add(acc.Receivables, t.TotalCZK, CutMemo(d.Number+" – "+d.Customer.Name), nil)
	for _, rt := range t.Rates {
		var goods, all int64
		for i, l := range d.Lines {
			if l.VATKind == rt.Kind && l.VATRate == rt.Rate || !d.ChargesVAT() {
				all += t.Lines[i]
				if l.Goods {
					goods += t.Lines[i]
				}
			}
		}
		goodsBase := int64(0)
		if all != 0 {
			goodsBase = divRound(new(big.Int).Mul(big.NewInt(rt.BaseCZK), big.NewInt(goods)), big.NewInt(all), HalfUp).Int64()
		}
		memo := d.Number + " – DPH " + rt.Rate.Format(Czech) + " %"
		if !d.ChargesVAT() {
			memo = d.Number + " – " + regimeMemo(d)
		}
		tag := func(base int64) *VATTag {
			if !d.Supplier.VATPayer {
				return nil
			}
			return &VATTag{Side: VATOut, Regime: d.Regime.Of(), Kind: rt.Kind, Rate: rt.Rate, Base: base, Exempt: d.Exempt,
				RCCode: d.RCCode, Doc: d.Number, Partner: d.Customer.DIC, DocTotal: t.TotalCZK}
		}
		var goodsTag, servicesTag *VATTag
		if rt.VATCZK == 0 {
			goodsTag, servicesTag = tag(goodsBase), tag(rt.BaseCZK-goodsBase)
		}
		add(acc.SalesGoods, -goodsBase, memo, goodsTag)
		add(acc.SalesServices, -(rt.BaseCZK - goodsBase), memo, servicesTag)
		add(acc.VAT, -rt.VATCZK, memo, tag(rt.BaseCZK))
	}
	if t.RoundingCZK > 0 {
		add(acc.RoundingGain, -t.RoundingCZK, d.Number+" – zaokrouhlení", nil)
	} else {
		add(acc.RoundingLoss, -t.RoundingCZK, d.Number+" – zaokrouhlení", nil)
	}
	return lines
}

// regimeMemo names a regime without VAT in a ledger memo.
func regimeMemo(d SalesDoc) string {
	switch d.Regime.Of() {
	case RegimeReverseCZ:
		return "přenesená daňová povinnost § 92a"
	case RegimeEUGoods:
		return "dodání zboží do EU § 64"
	case RegimeEUServices:
		return "služba do EU § 9 odst. 1"
	case RegimeExport:
		return "vývoz § 66"
	case RegimeExempt:
		return "osvobozeno " + d.Exempt
	}
	return "bez DPH"
}

// WithRates fills each line's VAT rate valid on the document's DUZP (or, when
// it has none yet, its issue date) so a draft shows the totals issuing will
// give; a line whose kind has no rate that day, and every line of a document
// without a date, keeps its rate. d's lines are copied, never changed.
func WithRates(d SalesDoc, c Company) SalesDoc {
	day := d.TaxDate
	if day.IsZero() {
		day = d.IssueDate
	}
	lines := make([]DocLine, len(d.Lines))
	copy(lines, d.Lines)
	if !day.IsZero() {
		for i := range lines {
			if r, err := c.VATRateOn(lines[i].VATKind, day); err == nil {
				lines[i].VATRate = r
			}
		}
	}
	d.Lines = lines
	return d
}
