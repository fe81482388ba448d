package app

import "sort"

// The EU sales list (souhrnné hlášení, §102 of the VAT act, EPO DPHSHV): the
// supplies to businesses in other member states that the customer taxes,
// per customer VAT ID and code of supply, in whole koruny per period. Goods
// (§64, code 0) make it monthly; a payer who supplies only services (§9(1),
// code 3) may file it for the quarter.

// EU sales list codes of supply (kód plnění, k_pln_eu).
const (
	EUCodeGoods    = "0" // dodání zboží do jiného členského státu, §64
	EUCodeServices = "3" // poskytnutí služby s místem plnění v jiném členském státě, §9(1)
)

// EUSalesLine is one line: a customer and a code of supply.
type EUSalesLine struct {
	Country   string // k_stat: the prefix of the customer's VAT ID ("SK", "EL")
	VATNumber string // c_vat: the VAT ID without its prefix
	Code      string // EUCodeGoods or EUCodeServices
	Base      int64  // the supplies' tax bases in haléře (credit notes subtract)
	Count     int    // the number of supplies (documents)
}

// Value is the line's value as the list states it, in whole koruny.
func (l EUSalesLine) Value() int64 { return WholeCZK(l.Base) }

// EUSales is the EU sales list of [From, To].
type EUSales struct {
	From, To Date
	Lines    []EUSalesLine
}

// BuildEUSales lists the supplies to other member states among the tagged
// postings of [from, to]: the base of every untaxed line (not on vatAccount)
// of regime EUGoods or EUServices whose partner is in another member state.
// A service to a customer outside the EU is no part of the list (ř. 26).
func BuildEUSales(ps []VATPosting, from, to Date, vatAccount string) EUSales {
	type key struct{ country, number, code string }
	idx := map[key]int{}
	docs := map[key]map[string]bool{}
	s := EUSales{From: from, To: to}
	for _, p := range ps {
		t := p.Tag
		if t.Side != VATOut || p.Account == vatAccount {
			continue
		}
		var code string
		switch t.Regime {
		case RegimeEUGoods:
			code = EUCodeGoods
		case RegimeEUServices:
			code = EUCodeServices
		default:
			continue
		}
		country, number := splitVATID(t.Partner)
		if country == "CZ" || !InEU(t.Partner) {
			continue
		}
		k := key{country, number, code}
		i, ok := idx[k]
		if !ok {
			i = len(s.Lines)
			idx[k] = i
			docs[k] = map[string]bool{}
			s.Lines = append(s.Lines, EUSalesLine{Country: country, VATNumber: number, Code: code})
		}
		s.Lines[i].Base += t.Base
		doc := t.Doc
		if doc == "" {
			doc = p.EntryID
		}
		if !docs[k][doc] {
			docs[k][doc] = true
			s.Lines[i].Count++
		}
	}
	sort.SliceStable(s.Lines, func(i, j int) bool {
		a, b := s.Lines[i], s.Lines[j]
		if a.Country != b.Country {
			return a.Country < b.Country
		}
		if a.VATNumber != b.VATNumber {
			return a.VATNumber < b.VATNumber
		}
		return a.Code < b.Code
	})
	return s
}

// Total sums the bases of one code in haléře ("" for every code).
func (s EUSales) Total(code string) int64 {
	var t int64
	for _, l := range s.Lines {
		if code == "" || l.Code == code {
			t += l.Base
		}
	}
	return t
}

// HasGoods reports a supply of goods in the list, which makes it monthly.
func (s EUSales) HasGoods() bool {
	for _, l := range s.Lines {
		if l.Code == EUCodeGoods {
			return true
		}
	}
	return false
}
