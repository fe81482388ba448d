package app

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

var payerParty = Party{Name: "Pražírna s.r.o.", VATPayer: true}

func vline(qty Qty, price int64, kind string, rate int64, goods bool) DocLine {
	return DocLine{Text: "x", Quantity: qty, Unit: "ks", UnitPrice: price, VATKind: kind, VATRate: RatePercent(rate), Goods: goods}
}

// TestCreditNoteVATIsTheDifference: a partial credit note's VAT per rate is
// the VAT of the invoice's base after the correction less its VAT before,
// not the VAT of the credit note's own base — which misses by a haléř in
// each of these cases.
func TestCreditNoteVATIsTheDifference(t *testing.T) {
	eur := RateMicro(25_000_000)
	tests := []struct {
		name            string
		inv             SalesDoc
		prior           [][]DocLine // earlier credit notes
		cn              []DocLine
		vat, base       int64 // the credit note's, document currency
		vatCZK, baseCZK int64
		own             int64 // VAT of its own base, the old rule (base currency)
	}{
		{"half of two lines", SalesDoc{Currency: "CZK", Lines: []DocLine{vline(Q(2), 100_50, VATStandard, 21, true)}}, nil,
			[]DocLine{vline(-Q(1), 100_50, VATStandard, 21, true)}, -21_10, -100_50, -21_10, -100_50, -21_11},
		{"all of it", SalesDoc{Currency: "CZK", Lines: []DocLine{vline(Q(2), 100_50, VATStandard, 21, true)}}, nil,
			[]DocLine{vline(-Q(2), 100_50, VATStandard, 21, true)}, -42_21, -201_00, -42_21, -201_00, -42_21},
		{"second partial", SalesDoc{Currency: "CZK", Lines: []DocLine{vline(Q(3), 100_50, VATStandard, 21, true)}},
			[][]DocLine{{vline(-Q(1), 100_50, VATStandard, 21, true)}},
			[]DocLine{vline(-Q(1), 100_50, VATStandard, 21, true)}, -21_10, -100_50, -21_10, -100_50, -21_11},
		{"prices with VAT", SalesDoc{Currency: "CZK", PricesIncludeVAT: true, Lines: []DocLine{vline(Q(2), 121_55, VATStandard, 21, true)}}, nil,
			[]DocLine{vline(-Q(1), 121_55, VATStandard, 21, true)}, -21_09, -100_46, -21_09, -100_46, -21_10},
		{"euros", SalesDoc{Currency: "EUR", ExchangeRate: eur, Lines: []DocLine{vline(Q(2), 10_05, VATStandard, 21, true)}}, nil,
			[]DocLine{vline(-Q(1), 10_05, VATStandard, 21, true)}, -2_11, -10_05, -52_77, -251_25, -52_76},
		{"two rates", SalesDoc{Currency: "CZK", Lines: []DocLine{vline(Q(2), 100_50, VATStandard, 21, true), vline(Q(1), 0_70, VATReduced, 12, true)}}, nil,
			[]DocLine{vline(-Q(1), 100_50, VATStandard, 21, true)}, -21_10, -100_50, -21_10, -100_50, -21_11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv := tt.inv
			inv.Kind, inv.Supplier = KindInvoice, payerParty
			inv.Totals = ComputeTotals(inv, "CZK")
			mk := func(lines []DocLine) SalesDoc {
				cn := inv
				cn.Kind, cn.Lines = KindCreditNote, lines
				return cn
			}
			var prior []SalesDoc
			for _, p := range tt.prior {
				cn := mk(p)
				cn.Totals = CreditNoteTotals(cn, inv, prior, "CZK")
				prior = append(prior, cn)
			}
			cn := mk(tt.cn)
			got := CreditNoteTotals(cn, inv, prior, "CZK")
			rt := got.Rates[0]
			if rt.VAT != tt.vat || rt.Base != tt.base || rt.VATCZK != tt.vatCZK || rt.BaseCZK != tt.baseCZK {
				t.Errorf("credit note %+v, want VAT %d base %d, in CZK %d and %d", rt, tt.vat, tt.base, tt.vatCZK, tt.baseCZK)
			}
			if own := ComputeTotals(cn, "CZK").Rates[0].VATCZK; own != tt.own {
				t.Errorf("own VAT %d, want %d", own, tt.own)
			}
			// The invoice and its credit notes carry the VAT of what is left.
			left := inv
			for _, l := range append(append([][]DocLine{}, tt.prior...), tt.cn) {
				for _, cl := range l {
					for i := range left.Lines {
						if left.Lines[i].VATKind == cl.VATKind {
							left.Lines[i].Quantity += cl.Quantity
						}
					}
				}
			}
			want := ComputeTotals(left, "CZK")
			sum := vatCZK(inv.Totals) + vatCZK(got)
			for _, p := range prior {
				sum += vatCZK(p.Totals)
			}
			if sum != vatCZK(want) {
				t.Errorf("invoice and credit notes carry VAT %d, what is left %d", sum, vatCZK(want))
			}
			if got.Total != got.Base+got.VAT || got.TotalCZK != rt.BaseCZK+rt.VATCZK+sumOthers(got) {
				t.Errorf("totals do not add up: %+v", got)
			}
		})
	}
}

func sumOthers(t DocTotals) int64 {
	var s int64
	for _, r := range t.Rates[1:] {
		s += r.BaseCZK + r.VATCZK
	}
	return s + t.RoundingCZK
}

// vatCZK sums the recap's VAT in the base currency.
func vatCZK(t DocTotals) int64 {
	var s int64
	for _, r := range t.Rates {
		s += r.VATCZK
	}
	return s
}

// TestSalesPostingTags: each kind of sale tags what the VAT return needs —
// the VAT line of every rate with its base, or, where no VAT is charged, the
// revenue lines with their part of the base — and every memo names the
// document.
func TestSalesPostingTags(t *testing.T) {
	acc := ChartCzech.Posting()
	cust := Party{Name: "Kaviareň Pod Hradom s.r.o.", Country: "SK", DIC: "SK2023418771"}
	base := SalesDoc{Kind: KindInvoice, Number: "FV2026-0007", Supplier: payerParty, Customer: cust, Currency: "CZK",
		Lines: []DocLine{vline(Q(10), 520_00, VATReduced, 12, true), vline(Q(2), 950_00, VATStandard, 21, false)}}
	type want struct {
		account string
		side    VATSide
		regime  VATRegime
		rate    int64
		base    int64
	}
	tests := []struct {
		name  string
		edit  func(*SalesDoc)
		wants []want
	}{
		{"domestic", func(d *SalesDoc) { d.Customer = Party{Name: "Bistro", DIC: "CZ27082440"} },
			[]want{{"343", VATOut, RegimeDomestic, 21, 1900_00}, {"343", VATOut, RegimeDomestic, 12, 5200_00}}},
		{"credit note", func(d *SalesDoc) {
			d.Kind, d.Number = KindCreditNote, "OD2026-0001"
			d.Lines = []DocLine{vline(-Q(1), 520_00, VATReduced, 12, true)}
		}, []want{{"343", VATOut, RegimeDomestic, 12, -520_00}}},
		{"zero rate", func(d *SalesDoc) { d.Lines = []DocLine{vline(Q(1), 100_00, VATZero, 0, true)} },
			[]want{{"604", VATOut, RegimeDomestic, 0, 100_00}}},
		{"§64 goods", func(d *SalesDoc) { d.Regime = RegimeEUGoods },
			[]want{{"604", VATOut, RegimeEUGoods, 0, 5200_00}, {"602", VATOut, RegimeEUGoods, 0, 1900_00}}},
		{"§9(1) in euros", func(d *SalesDoc) {
			d.Regime, d.Currency, d.ExchangeRate = RegimeEUServices, "EUR", RateMicro(25_000_000)
			d.Lines = []DocLine{vline(Q(2), 38_00, VATStandard, 21, false)}
		}, []want{{"602", VATOut, RegimeEUServices, 0, 1900_00}}},
		{"exempt §57", func(d *SalesDoc) {
			d.Regime, d.Exempt = RegimeExempt, "§57"
			d.Lines = d.Lines[1:]
		}, []want{{"602", VATOut, RegimeExempt, 0, 1900_00}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base
			d.Lines = append([]DocLine(nil), base.Lines...)
			tt.edit(&d)
			d.Totals = ComputeTotals(d, "CZK")
			lines := SalesPosting(d, acc)
			var got []want
			var dr, cr int64
			for _, l := range lines {
				dr, cr = dr+l.Debit, cr+l.Credit
				if !strings.HasPrefix(l.Memo, d.Number+" – ") {
					t.Errorf("memo %q does not name %s", l.Memo, d.Number)
				}
				if l.Account == acc.VAT && l.VAT == nil {
					t.Errorf("untagged VAT line %+v", l)
				}
				if l.VAT == nil {
					continue
				}
				tag := l.VAT
				if tag.Doc != d.Number || tag.Partner != d.Customer.DIC || tag.DocTotal != d.Totals.TotalCZK || tag.Exempt != d.Exempt {
					t.Errorf("tag %+v of %s", tag, d.Number)
				}
				got = append(got, want{l.Account, tag.Side, tag.Regime, tag.Rate.Micro() / 1_000_000, tag.Base})
			}
			if dr != cr {
				t.Errorf("unbalanced: %d / %d", dr, cr)
			}
			if len(got) != len(tt.wants) {
				t.Fatalf("tags %+v, want %+v", got, tt.wants)
			}
			for i := range got {
				if got[i] != tt.wants[i] {
					t.Errorf("tag %d: %+v, want %+v", i, got[i], tt.wants[i])
				}
			}
			if err := ValidateVATLines(Entry{Lines: lines}, acc.VAT); err != nil {
				t.Errorf("posting refused: %v", err)
			}
		})
	}
	// A non-payer's invoice has no VAT and no tags.
	d := base
	d.Supplier = Party{Name: "Jana Nováková"}
	d.Totals = ComputeTotals(d, "CZK")
	for _, l := range SalesPosting(d, acc) {
		if l.VAT != nil {
			t.Errorf("non-payer's line tagged: %+v", l)
		}
	}
}

// TestPurchasePostingTags: a received invoice claims its input VAT, a
// self-assessed purchase owes and claims the same VAT (343 unmoved), an
// import records the customs VAT, and VAT without a deduction goes to cost
// untagged.
func TestPurchasePostingTags(t *testing.T) {
	acc := ChartCzech.Posting()
	p := PurchaseInvoice{Number: "FP2026-0003", SupplierNumber: "2026/118", Supplier: Party{Name: "Stavby Vinohrady s.r.o.", DIC: "CZ28754138"},
		Currency: "CZK", ExchangeRate: RatePercent(1), Account: "518",
		VAT: []PurchaseVAT{{Rate: RatePercent(21), Kind: VATStandard, Base: 100_000_00, VAT: 21_000_00}}}
	tests := []struct {
		name           string
		edit           func(*PurchaseInvoice)
		out, in        int64 // VAT of the tagged lines per side
		movement       int64 // of 343
		payables, cost int64
	}{
		{"domestic", func(*PurchaseInvoice) {}, 0, 21_000_00, 21_000_00, 121_000_00, 100_000_00},
		{"no deduction", func(p *PurchaseInvoice) { p.NoDeduction = true }, 0, 0, 0, 121_000_00, 121_000_00},
		{"§92a received", func(p *PurchaseInvoice) { p.Regime, p.RCCode, p.VAT[0].VAT = RegimeReverseCZ, "4", 0 }, 21_000_00, 21_000_00, 0, 100_000_00, 100_000_00},
		{"§92a without deduction", func(p *PurchaseInvoice) {
			p.Regime, p.RCCode, p.VAT[0].VAT, p.NoDeduction = RegimeReverseCZ, "4", 0, true
		}, 21_000_00, 0, -21_000_00, 100_000_00, 121_000_00},
		{"EU services in euros", func(p *PurchaseInvoice) {
			p.Regime, p.Currency, p.ExchangeRate = RegimeEUServices, "EUR", RateMicro(25_000_000)
			p.VAT[0] = PurchaseVAT{Rate: RatePercent(21), Kind: VATStandard, Base: 4_000_00}
		}, 21_000_00, 21_000_00, 0, 100_000_00, 100_000_00},
		{"import", func(p *PurchaseInvoice) { p.Regime = RegimeExport }, 0, 21_000_00, 21_000_00, 21_000_00, 0},
		{"credit note", func(p *PurchaseInvoice) {
			p.CreditNote = true
			p.VAT[0].Base, p.VAT[0].VAT = -10_000_00, -2_100_00
		}, 0, -2_100_00, -2_100_00, -12_100_00, -10_000_00},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := p
			q.VAT = append([]PurchaseVAT(nil), p.VAT...)
			tt.edit(&q)
			lines := PurchasePosting(q, "CZK", acc)
			e := Entry{ID: "e", Date: D(2026, time.July, 9), Lines: lines}
			var payables, cost, dr, cr int64
			for _, l := range lines {
				dr, cr = dr+l.Debit, cr+l.Credit
				switch l.Account {
				case acc.Payables:
					payables += l.Credit - l.Debit
				case "518":
					cost += l.Debit - l.Credit
				}
				if !strings.HasPrefix(l.Memo, "FP2026-0003 (2026/118)") {
					t.Errorf("memo %q does not name the invoice", l.Memo)
				}
				if tag := l.VAT; tag != nil && (tag.Doc != "2026/118" || tag.Partner != q.Supplier.DIC || tag.Base == 0 || tag.Regime != q.Regime.Of() || tag.Kind != VATStandard) {
					t.Errorf("tag %+v", tag)
				}
			}
			s := SumVATPostings(VATPostingsOf(e, acc.VAT))
			if dr != cr || s.Output != tt.out || s.Input != tt.in || s.Movement != tt.movement || payables != tt.payables || cost != tt.cost {
				t.Errorf("dr %d cr %d; VAT out %d in %d, 343 moved %d; payables %d, cost %d", dr, cr, s.Output, s.Input, s.Movement, payables, cost)
			}
			if !s.Reconciles() {
				t.Errorf("sums %+v do not reconcile", s)
			}
			if err := ValidateVATLines(e, acc.VAT); err != nil {
				t.Errorf("refused: %v", err)
			}
		})
	}
}

// TestValidateVATLines: a line of 343 without a tag, or with a tag that
// cannot be right, is refused naming the line.
func TestValidateVATLines(t *testing.T) {
	out := func(base int64) *VATTag {
		return &VATTag{Side: VATOut, Regime: RegimeDomestic, Kind: VATStandard, Rate: RatePercent(21), Base: base}
	}
	entry := func(tag *VATTag) Entry {
		return Entry{Lines: []Line{{Account: "311", Debit: 1210_00}, {Account: "604", Credit: 1000_00}, {Account: "343", Credit: 210_00, VAT: tag}}}
	}
	tests := []struct {
		name string
		tag  *VATTag
		key  string
	}{
		{"good", out(1000_00), ""},
		{"rounding within tolerance", out(1004_00), ""},
		{"untagged", nil, "err.entry.vat_untagged"},
		{"no side", &VATTag{Regime: RegimeDomestic, Rate: RatePercent(21), Base: 1000_00}, "err.vat_tag.side"},
		{"unknown regime", &VATTag{Side: VATOut, Regime: "moon", Rate: RatePercent(21), Base: 1000_00}, "err.vat_tag.regime"},
		{"no base", out(0), "err.vat_tag.base"},
		{"base of the other sign", out(-1000_00), "err.vat_tag.base"},
		{"VAT not the rate of the base", out(2000_00), "err.vat_tag.mismatch"},
		{"no rate", &VATTag{Side: VATOut, Regime: RegimeDomestic, Base: 1000_00}, "err.vat_tag.no_rate"},
		{"exempt without paragraph", &VATTag{Side: VATOut, Regime: RegimeExempt, Rate: RatePercent(21), Base: 1000_00}, "err.vat_tag.exempt"},
		{"paragraph of a taxed supply", &VATTag{Side: VATOut, Regime: RegimeDomestic, Exempt: "§57", Rate: RatePercent(21), Base: 1000_00}, "err.vat_tag.exempt"},
		{"settlement", SettlementTag(), ""},
		{"settlement with a base", &VATTag{Regime: RegimeSettlement, Base: 1}, "err.vat_tag.settlement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateVATLines(entry(tt.tag), "343")
			if tt.key == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			e, ok := err.(*Error)
			if !ok || e.Key != tt.key || e.Field != "entry.lines" || e.Args["n"] != 3 {
				t.Fatalf("error %#v, want %s on line 3", err, tt.key)
			}
		})
	}
	// A settlement belongs on 343; a supply's tag may sit on revenue.
	if err := ValidateVATLines(Entry{Lines: []Line{{Account: "221", Debit: 1, VAT: SettlementTag()}}}, "343"); err == nil {
		t.Error("settlement off the VAT account accepted")
	}
	if err := ValidateVATLines(Entry{Lines: []Line{{Account: "604", Credit: 1, VAT: &VATTag{Side: VATOut, Regime: RegimeEUGoods, Base: 1}}}}, "343"); err != nil {
		t.Errorf("supply tag on revenue refused: %v", err)
	}
}

// TestCutMemo: a memo made from a long name is cut to the limit with an
// ellipsis, never refused.
func TestCutMemo(t *testing.T) {
	long := "Faktura FV2026-0001 – " + strings.Repeat("Žluťoučký kůň ", 20)
	got := CutMemo(long)
	if n := len([]rune(got)); n != MaxMemo || !strings.HasSuffix(got, "…") || !strings.HasPrefix(got, "Faktura FV2026-0001 – Žluťoučký") {
		t.Errorf("cut to %d characters: %q", n, got)
	}
	if CutMemo("krátký") != "krátký" {
		t.Error("a short memo changed")
	}
	e := Entry{Date: D(2026, 1, 1), Memo: long, Lines: []Line{{Account: "311", Debit: 1, Memo: long}, {Account: "604", Credit: 1}}}
	if e.Validate() == nil {
		t.Fatal("the long memo was accepted uncut")
	}
	e.CutMemos()
	if err := e.Validate(); err != nil {
		t.Errorf("cut entry refused: %v", err)
	}
}

// TestSalesRegimes: each regime is refused where it cannot apply, and a
// document without VAT has no rates.
func TestSalesRegimes(t *testing.T) {
	c := Company{Name: "Pražírna s.r.o.", VATPayer: true, BaseCurrency: "CZK", VATRates: DefaultVATRates()}
	sk := Customer{ID: "sk", Name: "Kaviareň", Street: "Hlavná 1", City: "Košice", Country: "SK", DIC: "SK2023418771"}
	cz := Customer{ID: "cz", Name: "Bistro", Street: "Korunní 1", City: "Praha", Country: "CZ", ICO: "27082440", DIC: "CZ27082440"}
	us := Customer{ID: "us", Name: "Coffee Inc.", Street: "1 Main St", City: "Boston", Country: "US"}
	person := Customer{ID: "p", Name: "Jan Novák", Street: "Dlouhá 1", City: "Praha", Country: "CZ"}
	tests := []struct {
		name   string
		regime VATRegime
		cust   Customer
		edit   func(*SalesDoc, *Company)
		field  string
	}{
		{"§64 to an EU business", RegimeEUGoods, sk, nil, ""},
		{"§64 without an EU VAT ID", RegimeEUGoods, person, nil, "doc.regime"},
		{"§64 with a Czech DIČ", RegimeEUGoods, cz, nil, "doc.regime"},
		{"§9(1) to an EU business", RegimeEUServices, sk, nil, ""},
		{"§92a to a Czech payer", RegimeReverseCZ, cz, func(d *SalesDoc, _ *Company) { d.RCCode = "4" }, ""},
		{"§92a without a code", RegimeReverseCZ, cz, nil, "doc.rc_code"},
		{"§92a to a foreign business", RegimeReverseCZ, sk, func(d *SalesDoc, _ *Company) { d.RCCode = "4" }, "doc.regime"},
		{"§92a from a non-payer", RegimeReverseCZ, cz, func(d *SalesDoc, c *Company) { d.RCCode, c.VATPayer = "4", false }, "doc.regime"},
		{"export outside the EU", RegimeExport, us, nil, ""},
		{"service to a Swiss business", RegimeEUServices, Customer{ID: "ch", Name: "Kaffee AG", Street: "Bahnhofstrasse 1", City: "Zürich", Country: "CH", DIC: "CHE123456789"}, nil, ""},
		{"service abroad without a tax ID", RegimeEUServices, us, nil, "doc.regime"},
		{"export into the EU", RegimeExport, sk, nil, "doc.regime"},
		{"exempt §56a", RegimeExempt, person, func(d *SalesDoc, _ *Company) { d.Exempt = "§56a" }, ""},
		{"exempt without a paragraph", RegimeExempt, person, nil, "doc.exempt"},
		{"exempt with a made-up paragraph", RegimeExempt, person, func(d *SalesDoc, _ *Company) { d.Exempt = "§99" }, "doc.exempt"},
		{"no VAT with gross prices", RegimeEUGoods, sk, func(d *SalesDoc, _ *Company) { d.PricesIncludeVAT = true }, "doc.regime"},
		{"unknown regime", "moon", cz, nil, "doc.regime"},
		{"domestic to anyone", RegimeDomestic, sk, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			co := c
			d := SalesDoc{Kind: KindInvoice, Status: StatusDraft, CustomerID: tt.cust.ID, Regime: tt.regime, IssueDate: D(2026, 11, 2), DueDate: D(2026, 11, 16),
				Lines: []DocLine{vline(Q(2), 520_00, VATReduced, 0, true), vline(Q(1), 950_00, VATStandard, 0, false)}}
			if tt.edit != nil {
				tt.edit(&d, &co)
			}
			got, err := PrepareForIssue(d, co, tt.cust)
			if tt.field != "" {
				if e, ok := err.(*Error); !ok || e.Field != tt.field {
					t.Fatalf("error %v, want one at %s", err, tt.field)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Regime.ChargesVAT() {
				if got.Totals.VAT == 0 || len(got.Totals.Rates) != 2 {
					t.Errorf("domestic totals %+v", got.Totals)
				}
				return
			}
			if got.Totals.VAT != 0 || len(got.Totals.Rates) != 1 || got.Totals.Rates[0].Rate.Micro() != 0 {
				t.Errorf("a document without VAT has totals %+v", got.Totals)
			}
			for _, l := range got.Lines {
				if l.VATKind != "" || l.VATRate.Micro() != 0 {
					t.Errorf("line keeps a rate: %+v", l)
				}
			}
			if got.Exempt != "" && got.Regime != RegimeExempt || got.RCCode != "" && got.Regime != RegimeReverseCZ {
				t.Errorf("kept another regime's detail: %+v", got)
			}
		})
	}
}

// TestDefaultSalesRegime: the form's default follows the customer's country
// and VAT ID.
func TestDefaultSalesRegime(t *testing.T) {
	goods := []DocLine{{Text: "káva", Goods: true}, {Text: "doprava"}}
	services := []DocLine{{Text: "kurz"}, {Text: ""}}
	for _, tt := range []struct {
		c     Customer
		lines []DocLine
		want  VATRegime
	}{
		{Customer{Country: "CZ", DIC: "CZ27082440"}, goods, RegimeDomestic},
		{Customer{Country: "SK", DIC: "SK2023418771"}, goods, RegimeEUGoods},
		{Customer{Country: "AT", DIC: "ATU63785915"}, services, RegimeEUServices},
		{Customer{Country: "GR", DIC: "EL094259216"}, nil, RegimeEUGoods},
		{Customer{Country: "AT", DIC: "ATU63785915"}, []DocLine{{}}, RegimeEUGoods}, // nothing filled in yet
		{Customer{Country: "DE"}, goods, RegimeDomestic},                            // a consumer in the EU pays Czech VAT
		{Customer{Country: "US"}, goods, RegimeExport},
		{Customer{Country: "CH", DIC: "CHE123456789"}, services, RegimeEUServices}, // a service abroad: ř. 26
		{Customer{Country: "CH", DIC: "CHE123456789"}, goods, RegimeExport},
		{Customer{Country: "US"}, services, RegimeExport}, // no tax ID: the user decides
	} {
		if got := DefaultSalesRegime(tt.c, tt.lines); got != tt.want {
			t.Errorf("%+v: %s, want %s", tt.c, got, tt.want)
		}
	}
}

// TestLegacyReverseCharge: a document stored with the reverse-charge flag
// reads back with the regime it was printed with; a new one keeps its regime.
func TestLegacyReverseCharge(t *testing.T) {
	for _, tt := range []struct {
		raw  string
		want VATRegime
	}{
		{`{"kind":"invoice","reverse_charge":true,"customer":{"country":"AT"}}`, RegimeEUServices},
		{`{"kind":"invoice","reverse_charge":true,"customer":{"country":"CZ"}}`, RegimeReverseCZ},
		{`{"kind":"invoice","reverse_charge":false}`, ""},
		{`{"kind":"invoice","regime":"eu_goods"}`, RegimeEUGoods},
	} {
		var d SalesDoc
		if err := json.Unmarshal([]byte(tt.raw), &d); err != nil {
			t.Fatal(err)
		}
		if d.Regime != tt.want || d.Kind != KindInvoice {
			t.Errorf("%s: regime %q, want %q", tt.raw, d.Regime, tt.want)
		}
		raw, _ := json.Marshal(d)
		if strings.Contains(string(raw), "reverse_charge") {
			t.Errorf("written back with the old flag: %s", raw)
		}
	}
}
