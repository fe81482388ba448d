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
// a VAT payer and the customer does not self-assess (reverse charge).
func (d SalesDoc) ChargesVAT() bool { return d.Supplier.VATPayer && !d.ReverseCharge }

// ComputeTotals computes the recap the law asks for: VAT per rate from the
// document's sum of bases per rate (or of gross amounts when prices include
// VAT), rounded half-up to the minor unit; the optional cash rounding of the
// total; and the amounts in the base currency at the document's rate.
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
		if !d.Supplier.VATPayer {
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
		t.Base += rt.Base
		t.VAT += rt.VAT
	}
	sort.Slice(t.Rates, func(i, j int) bool { return t.Rates[i].Rate.micro > t.Rates[j].Rate.micro })
	t.Total = t.Base + t.VAT
	if d.CashRounding {
		rounded := M(t.Total, d.Currency).RoundCash().Amount
		t.Rounding = rounded - t.Total
		t.Total = rounded
	}
	t.RoundingCZK = t.Rounding
	if foreign {
		t.RoundingCZK = M(t.Rounding, d.Currency).Convert(baseCurrency, d.ExchangeRate, HalfUp).Amount
	}
	for _, r := range t.Rates {
		t.TotalCZK += r.BaseCZK + r.VATCZK
	}
	t.TotalCZK += t.RoundingCZK
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
// land on the opposite sides.
func SalesPosting(d SalesDoc, acc PostingAccounts) []Line {
	var lines []Line
	add := func(account string, debit int64, memo string) {
		switch {
		case debit > 0:
			lines = append(lines, Line{Account: account, Debit: debit, Memo: memo})
		case debit < 0:
			lines = append(lines, Line{Account: account, Credit: -debit, Memo: memo})
		}
	}
	t := d.Totals
	add(acc.Receivables, t.TotalCZK, d.Customer.Name)
	for _, rt := range t.Rates {
		var goods, all int64
		for i, l := range d.Lines {
			if l.VATKind == rt.Kind && l.VATRate == rt.Rate || !d.Supplier.VATPayer {
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
		memo := "DPH " + rt.Rate.Format(Czech) + " %"
		add(acc.SalesGoods, -goodsBase, memo)
		add(acc.SalesServices, -(rt.BaseCZK - goodsBase), memo)
		add(acc.VAT, -rt.VATCZK, memo)
	}
	if t.RoundingCZK > 0 {
		add(acc.RoundingGain, -t.RoundingCZK, "zaokrouhlení")
	} else {
		add(acc.RoundingLoss, -t.RoundingCZK, "zaokrouhlení")
	}
	return lines
}
