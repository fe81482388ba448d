package app

import (
	"sort"
	"strings"
)

// The control statement (kontrolní hlášení, §101c–§101i of the VAT act, EPO
// DPHKH1) of a period, from the same tagged postings as the return:
//
//	A.1  §92a supplies we made (the customer pays the tax), every document
//	A.2  supplies received on which we declare the tax: goods acquired and
//	     services received from abroad, every document
//	A.4  domestic supplies with tax over 10 000 Kč incl. VAT per document,
//	     to a customer with a Czech DIČ
//	A.5  the other domestic supplies with tax, summed (documents up to
//	     10 000 Kč, customers without a DIČ, takings without a document)
//	B.1  §92a supplies received (we declare the tax), every document
//	B.2  domestic purchases with deducted tax over 10 000 Kč per document
//	     from a supplier with a Czech DIČ
//	B.3  the other domestic purchases with deducted tax, summed
//
// The 10 000 Kč limit is of the document's total with VAT (VATTag.DocTotal),
// in absolute value: a credit note (opravný daňový doklad) is placed by the
// size of its own correction. Amounts are in haléře (the statement states
// them to two decimals).

// KHThreshold is the control statement's limit per document, 10 000 Kč with
// VAT, in haléře.
const KHThreshold = 10_000_00

// KHAmounts are bases and tax by rate: [0] the standard rate (zakl_dane1,
// dan1), [1] the reduced rate (…2), [2] the second reduced rate (…3, none
// since 2024).
type KHAmounts [3]VATAmounts

// Add adds o.
func (a *KHAmounts) Add(o KHAmounts) {
	for i := range a {
		a[i].Base += o[i].Base
		a[i].VAT += o[i].VAT
	}
}

// BaseTotal is the sum of the bases.
func (a KHAmounts) BaseTotal() int64 { return a[0].Base + a[1].Base + a[2].Base }

// KHDoc is one document of a section listed by document.
type KHDoc struct {
	Partner string    // the other party's VAT ID with its country prefix
	Doc     string    // the tax document's number (evidenční číslo)
	Date    Date      // DUZP, the day the tax is due (DPPD)
	Amounts KHAmounts // by rate; A.1 has only a base, in [0]
	Total   int64     // the document's total with VAT (the 10 000 Kč test)
	// Code is what a §92a supply is (kód předmětu plnění, A.1 and B.1).
	Code string
}

// VATControl is the control statement of [From, To].
type VATControl struct {
	From, To   Date
	A1, A2, A4 []KHDoc
	A5         KHAmounts
	B1, B2     []KHDoc
	B3         KHAmounts
}

// KH sections, as the statement names them.
const (
	KHA1 = "A.1"
	KHA2 = "A.2"
	KHA4 = "A.4"
	KHA5 = "A.5"
	KHB1 = "B.1"
	KHB2 = "B.2"
	KHB3 = "B.3"
)

// khSection is the section a posting belongs to before the 10 000 Kč test
// (A.4 stands for A.4/A.5 and B.2 for B.2/B.3); "" when it is not in the
// statement (supplies without Czech tax, exports, exempt supplies, imports,
// deductions of self-assessed tax, settlements).
func khSection(p VATPosting, onVAT bool) string {
	t := p.Tag
	switch {
	case t.Side == VATOut && !onVAT && t.Regime == RegimeReverseCZ:
		return KHA1
	case t.Side == VATOut && onVAT:
		switch t.Regime {
		case RegimeEUGoods, RegimeEUServices:
			return KHA2
		case RegimeDomestic:
			return KHA4
		case RegimeReverseCZ:
			return KHB1
		}
	case t.Side == VATIn && onVAT && t.Regime == RegimeDomestic:
		return KHB2
	}
	return ""
}

// BuildVATControl sorts the tagged postings of [from, to] into the sections
// of the control statement; vatAccount and rates as for BuildVATReturn.
func BuildVATControl(ps []VATPosting, from, to Date, vatAccount string, rates []VATRate) VATControl {
	type key struct{ section, partner, doc string }
	docs := map[key]*KHDoc{}
	var order []key
	c := VATControl{From: from, To: to}
	for _, p := range ps {
		section := khSection(p, p.Account == vatAccount)
		if section == "" {
			continue
		}
		var a KHAmounts
		if section == KHA1 {
			a[0].Base = p.Tag.Base // A.1 states one base, whatever the rate
		} else {
			i := khRateIndex(vatKindOf(p.Tag, p.Date, rates))
			if i < 0 {
				continue // no Czech tax at a rate: not in the statement
			}
			a[i] = VATAmounts{Base: p.Tag.Base, VAT: p.VAT}
		}
		doc := strings.TrimSpace(p.Tag.Doc)
		if doc == "" && (section == KHA4 || section == KHB2) {
			// Takings without a tax document: summed.
			c.addSummed(section, a)
			continue
		}
		if doc == "" {
			doc = p.Number // listed by document, and this entry is all there is
		}
		k := key{section, NormalizeDIC(p.Tag.Partner), doc}
		d, ok := docs[k]
		if !ok {
			d = &KHDoc{Partner: k.partner, Doc: doc, Date: p.Date}
			docs[k] = d
			order = append(order, k)
		}
		d.Amounts.Add(a)
		if d.Code == "" {
			d.Code = p.Tag.RCCode
		}
		if abs64(p.Tag.DocTotal) > abs64(d.Total) {
			d.Total = p.Tag.DocTotal
		}
	}
	for _, k := range order {
		d := *docs[k]
		switch k.section {
		case KHA1:
			c.A1 = append(c.A1, d)
		case KHA2:
			c.A2 = append(c.A2, d)
		case KHB1:
			c.B1 = append(c.B1, d)
		case KHA4, KHB2:
			if czechDIC(d.Partner) == "" || abs64(d.Total) <= KHThreshold {
				c.addSummed(k.section, d.Amounts)
			} else if k.section == KHA4 {
				c.A4 = append(c.A4, d)
			} else {
				c.B2 = append(c.B2, d)
			}
		}
	}
	for _, s := range [][]KHDoc{c.A1, c.A2, c.A4, c.B1, c.B2} {
		sortKHDocs(s)
	}
	return c
}

// addSummed adds a to A.5 (for an A.4 candidate) or B.3 (for B.2).
func (c *VATControl) addSummed(section string, a KHAmounts) {
	if section == KHA4 {
		c.A5.Add(a)
	} else {
		c.B3.Add(a)
	}
}

// khRateIndex is the rate column of a kind, -1 for none.
func khRateIndex(kind string) int {
	switch kind {
	case VATStandard:
		return 0
	case VATReduced:
		return 1
	}
	return -1
}

func sortKHDocs(s []KHDoc) {
	sort.SliceStable(s, func(i, j int) bool {
		if c := s[i].Date.Compare(s[j].Date); c != 0 {
			return c < 0
		}
		return s[i].Doc < s[j].Doc
	})
}

// KHChecks are the statement's control sums (věta C), the figures the tax
// office compares with the return, in haléře.
type KHChecks struct {
	Obrat23, Obrat5     int64 // A.4 + A.5 bases, standard / reduced (ř. 1 / 2)
	Pln23, Pln5         int64 // B.2 + B.3 bases (ř. 40 / 41)
	PlnRezPren          int64 // A.1 bases (ř. 25)
	RezPren23, RezPren5 int64 // B.1 bases (ř. 10 / 11)
	CelkZdA2            int64 // A.2 bases (ř. 3–6, 12, 13)
}

// Checks computes the control sums.
func (c VATControl) Checks() KHChecks {
	var k KHChecks
	sum := func(docs []KHDoc, plus KHAmounts) KHAmounts {
		for _, d := range docs {
			plus.Add(d.Amounts)
		}
		return plus
	}
	a := sum(c.A4, c.A5)
	k.Obrat23, k.Obrat5 = a[0].Base, a[1].Base+a[2].Base
	b := sum(c.B2, c.B3)
	k.Pln23, k.Pln5 = b[0].Base, b[1].Base+b[2].Base
	k.PlnRezPren = sum(c.A1, KHAmounts{}).BaseTotal()
	b1 := sum(c.B1, KHAmounts{})
	k.RezPren23, k.RezPren5 = b1[0].Base, b1[1].Base+b1[2].Base
	k.CelkZdA2 = sum(c.A2, KHAmounts{}).BaseTotal()
	return k
}

// MissingCodes counts the documents of A.1 and B.1 without the code of
// their §92a supply, which the portal requires.
func (c VATControl) MissingCodes() int {
	n := 0
	for _, d := range append(append([]KHDoc(nil), c.A1...), c.B1...) {
		if d.Code == "" {
			n++
		}
	}
	return n
}

// Empty reports a statement with nothing in it.
func (c VATControl) Empty() bool {
	return len(c.A1)+len(c.A2)+len(c.A4)+len(c.B1)+len(c.B2) == 0 && c.A5 == (KHAmounts{}) && c.B3 == (KHAmounts{})
}
