package app

import "testing"

// czInvoice is an issued CZK invoice of c for customer c1 with its real
// totals.
func czInvoice(c Company, lines ...DocLine) SalesDoc {
	d := SalesDoc{ID: "inv", Kind: KindInvoice, Status: StatusIssued, Number: "FV2026-0001", CustomerID: "c1",
		Customer: Party{Name: "Novák s.r.o."}, Supplier: PartyOfCompany(c), Currency: "CZK", ExchangeRate: RateMicro(1_000_000),
		IssueDate: D(2026, 11, 2), TaxDate: D(2026, 11, 2), DueDate: D(2026, 11, 16), PaymentMethod: PayBank, Lines: lines}
	d = WithRates(d, c)
	d.Totals = ComputeTotals(d, c.BaseCurrency)
	return d
}

// creditOf is a credit note of inv taking back qty of each of its lines.
func creditOf(inv SalesDoc, qty Qty) SalesDoc {
	cn := inv
	cn.ID, cn.Kind, cn.Status, cn.Number, cn.OriginalID, cn.Totals = "cn", KindCreditNote, StatusDraft, "", inv.ID, DocTotals{}
	cn.Lines = nil
	for _, l := range inv.Lines {
		l.Quantity = -qty
		cn.Lines = append(cn.Lines, l)
	}
	return cn
}

func TestApplyCreditNote(t *testing.T) {
	c := payCompany()
	inv := czInvoice(c, DocLine{Text: "Stůl", Quantity: Q(1), UnitPrice: 10000, VATKind: VATStandard}) // 121,00 Kč
	draft := inv
	draft.Status = StatusDraft
	order := inv
	order.Kind = KindOrder
	partly := inv // an earlier credit note took 21,00 Kč back
	partly.Credited, partly.CreditedBase = 2100, 2100
	otherCust := creditOf(inv, Q(1))
	otherCust.CustomerID = "c2"
	otherCur := creditOf(inv, Q(1))
	otherCur.Currency = "EUR"
	otherRegime := creditOf(inv, Q(1))
	otherRegime.Regime = RegimeEUServices
	exempt := creditOf(inv, Q(1))
	exempt.Exempt = "§ 51"
	domestic := creditOf(inv, Q(1))
	domestic.Regime = RegimeDomestic // "" and domestic are one regime
	cases := []struct {
		name       string
		cn, inv    SalesDoc
		field, key string
		credited   int64
	}{
		{"draft invoice", creditOf(inv, Q(1)), draft, "doc.original", "err.credit.not_invoice", 0},
		{"an order", creditOf(inv, Q(1)), order, "doc.original", "err.credit.not_invoice", 0},
		{"another customer", otherCust, inv, "doc.original", "err.credit.mismatch", 0},
		{"another currency", otherCur, inv, "doc.original", "err.credit.mismatch", 0},
		{"regime mismatch", otherRegime, inv, "doc.regime", "err.credit.regime", 0},
		{"exemption mismatch", exempt, inv, "doc.regime", "err.credit.regime", 0},
		{"larger than the invoice", creditOf(inv, Q(2)), inv, "doc.lines", "err.credit.too_large", 0},
		{"larger than what is left", creditOf(inv, Q(1)), partly, "doc.lines", "err.credit.too_large", 0},
		{"whole invoice", creditOf(inv, Q(1)), inv, "", "", 12100},
		{"half", creditOf(inv, Q(1)/2), inv, "", "", 6050},
		{"empty regime is domestic", domestic, inv, "", "", 12100},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cn, got, err := ApplyCreditNote(tc.cn, tc.inv, nil, "CZK")
			wantErr(t, err, tc.field, tc.key)
			if err != nil {
				if got.Credited != tc.inv.Credited {
					t.Fatalf("refused credit note changed the invoice: %+v", got)
				}
				return
			}
			if got.Credited != tc.credited || got.CreditedBase != tc.credited || cn.Totals.Total != -tc.credited || cn.OriginalNo != "FV2026-0001" {
				t.Fatalf("credited %d/%d, credit note total %d, original %q", got.Credited, got.CreditedBase, cn.Totals.Total, cn.OriginalNo)
			}
		})
	}
}

// The second credit note's VAT is the difference the law asks for: the
// invoice and both credit notes carry the VAT of what was finally supplied.
func TestApplyCreditNoteAfterPrior(t *testing.T) {
	c := payCompany()
	inv := czInvoice(c, DocLine{Text: "x", Quantity: Q(3), UnitPrice: 5, VATKind: VATStandard}) // 0,15 + 0,03 VAT
	first := creditOf(inv, Q(1))
	first, inv, err := ApplyCreditNote(first, inv, nil, "CZK")
	if err != nil {
		t.Fatal(err)
	}
	second := creditOf(inv, Q(1))
	second, inv, err = ApplyCreditNote(second, inv, []SalesDoc{first}, "CZK")
	if err != nil {
		t.Fatal(err)
	}
	// 1 × 0,05 left: VAT 0,0105 → 0,01; 0,03 − 0,01 = 0,02 credited in all.
	if vat := inv.Totals.VAT + first.Totals.VAT + second.Totals.VAT; vat != 1 {
		t.Fatalf("VAT left %d (invoice %d, credit notes %d and %d)", vat, inv.Totals.VAT, first.Totals.VAT, second.Totals.VAT)
	}
	if inv.Credited != -first.Totals.Total-second.Totals.Total {
		t.Fatalf("credited %d", inv.Credited)
	}
}

func TestCreditResidue(t *testing.T) {
	eur := RateMicro(25_500_000)
	cases := []struct {
		name                    string
		rate                    Rate
		remaining, baseRemained int64
		want                    int64
	}{
		{"closed, a haléř carried", eur, 0, 1, 1},
		{"closed, a haléř over", eur, 0, -1, -1},
		{"closed, 1 Kč", eur, 0, 100, 100},
		{"closed, more is no rounding", eur, 0, 101, 0},
		{"closed, nothing carried", eur, 0, 0, 0},
		{"still open", eur, 10, 1, 0},
		{"base currency", RateMicro(1_000_000), 0, 1, 0},
		{"no rate", Rate{}, 0, 1, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := CreditResidue(tc.rate, tc.remaining, tc.baseRemained); got != tc.want {
				t.Fatalf("got %d, want %d", got, tc.want)
			}
		})
	}
}

func TestRoundingEntry(t *testing.T) {
	acc := ChartCzech.Posting()
	memo := MemoRateRounding("FV2026-0001")
	text := "Zaokrouhlení kurzu FV2026-0001"
	cases := []struct {
		name    string
		account string
		carried int64
		lines   []Line
	}{
		{"debit carried: loss", "311", 2, []Line{{Account: "311", Credit: 2, Memo: text}, {Account: "548", Debit: 2, Memo: text}}},
		{"credit carried: gain", "311", -1, []Line{{Account: "311", Debit: 1, Memo: text}, {Account: "648", Credit: 1, Memo: text}}},
		{"payables", "321", -1, []Line{{Account: "321", Debit: 1, Memo: text}, {Account: "648", Credit: 1, Memo: text}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := RoundingEntry(tc.account, tc.carried, D(2026, 11, 5), memo, "rounding:cn", acc)
			if e.Memo != text || e.MemoKey != "memo.rate_rounding" || e.Source != "rounding:cn" || e.Date != D(2026, 11, 5) {
				t.Fatalf("entry %+v", e)
			}
			if len(e.Lines) != 2 || e.Lines[0] != tc.lines[0] || e.Lines[1] != tc.lines[1] {
				t.Fatalf("lines %+v, want %+v", e.Lines, tc.lines)
			}
			if err := e.Validate(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestCloseCredited(t *testing.T) {
	acc := ChartCzech.Posting()
	eur := RateMicro(25_500_000)
	closed := func(total, totalCZK, credited, creditedBase int64, rate Rate) SalesDoc {
		cur := "EUR"
		if !rate.IsForeign() {
			cur = "CZK"
		}
		return SalesDoc{ID: "inv", Number: "FV2026-0001", Kind: KindInvoice, Status: StatusIssued, Currency: cur, ExchangeRate: rate,
			Totals: DocTotals{Total: total, TotalCZK: totalCZK}, Credited: credited, CreditedBase: creditedBase}
	}
	cn := SalesDoc{ID: "cn", TaxDate: D(2026, 11, 5)}
	cases := []struct {
		name         string
		inv          SalesDoc
		lines        []Line // nil: no entry
		creditedBase int64
	}{
		{"a haléř left on 311", closed(1000, 25501, 1000, 25500, eur),
			[]Line{{Account: "311", Credit: 1}, {Account: "548", Debit: 1}}, 25501},
		{"a haléř too much off 311", closed(1000, 25499, 1000, 25500, eur),
			[]Line{{Account: "311", Debit: 1}, {Account: "648", Credit: 1}}, 25499},
		{"nothing left", closed(1000, 25500, 1000, 25500, eur), nil, 25500},
		{"partly credited", closed(1000, 25501, 500, 12750, eur), nil, 12750},
		{"a larger gap is an exchange difference", closed(1000, 25701, 1000, 25500, eur), nil, 25500},
		{"CZK", closed(1000, 1001, 1000, 1000, RateMicro(1_000_000)), nil, 1000},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			inv, e := CloseCredited(tc.inv, cn, acc)
			if inv.CreditedBase != tc.creditedBase {
				t.Fatalf("credited base %d, want %d", inv.CreditedBase, tc.creditedBase)
			}
			if tc.lines == nil {
				if e != nil {
					t.Fatalf("unexpected entry %+v", e)
				}
				return
			}
			if e == nil || len(e.Lines) != 2 || e.Source != "rounding:cn" || e.Date != cn.TaxDate || e.MemoKey != "memo.rate_rounding" {
				t.Fatalf("entry %+v", e)
			}
			for i, l := range tc.lines {
				if e.Lines[i].Account != l.Account || e.Lines[i].Debit != l.Debit || e.Lines[i].Credit != l.Credit {
					t.Fatalf("line %d %+v, want %+v", i, e.Lines[i], l)
				}
			}
			if inv.BaseRemaining() != 0 {
				t.Fatalf("311 still carries %d", inv.BaseRemaining())
			}
		})
	}
}

func TestCreditDraftTotals(t *testing.T) {
	c := payCompany()
	inv := czInvoice(c, DocLine{Text: "x", Quantity: Q(2), UnitPrice: 7, VATKind: VATStandard}) // 0,14 + VAT 0,0294 → 0,03
	draft := creditOf(inv, Q(1))
	draft.Lines[0].VATRate = Rate{} // a draft's rates come from the company on its DUZP
	quote := creditOf(inv, Q(1))
	quote.Kind = KindQuote
	quote.Lines[0].Quantity = Q(1)
	cases := []struct {
		name     string
		d        SalesDoc
		inv      *SalesDoc
		vat, tot int64
	}{
		{"against the invoice", draft, &inv, -2, -9},               // 0,07 left: VAT 0,0147 → 0,01; 0,01 − 0,03
		{"invoice unreadable: its own totals", draft, nil, -1, -8}, // −0,0147 → −0,01
		{"another kind: its own totals", quote, &inv, 1, 8},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := CreditDraftTotals(tc.d, tc.inv, nil, c)
			if got.VAT != tc.vat || got.Total != tc.tot {
				t.Fatalf("VAT %d total %d, want %d %d", got.VAT, got.Total, tc.vat, tc.tot)
			}
		})
	}
}

func TestCreditNoteDraft(t *testing.T) {
	c := payCompany()
	inv := czInvoice(c, DocLine{Text: "Stůl", Quantity: Q(2), UnitPrice: 10000, VATKind: VATStandard, Goods: true})
	inv.Branch, inv.Regime, inv.PricesIncludeVAT = "HQ", RegimeDomestic, false
	draft := inv
	draft.Status = StatusDraft
	full := inv
	full.Credited = inv.Totals.Total
	today := D(2026, 11, 28)
	cases := []struct {
		name       string
		inv        SalesDoc
		field, key string
	}{
		{"draft invoice", draft, "doc.original", "err.credit.not_invoice"},
		{"credited in full", full, "", "err.credit.nothing_left"},
		{"issued invoice", inv, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cn, err := CreditNoteDraft(tc.inv, "vráceno", "cn1", payNow, today, c, nil)
			wantErr(t, err, tc.field, tc.key)
			if err != nil {
				return
			}
			if cn.ID != "cn1" || cn.Kind != KindCreditNote || cn.Status != StatusDraft || cn.OriginalID != "inv" || cn.OriginalNo != "FV2026-0001" ||
				cn.Reason != "vráceno" || cn.IssueDate != today || cn.TaxDate != today || cn.DueDate != today || cn.Branch != "HQ" ||
				cn.CustomerID != "c1" || !cn.Created.Equal(payNow) || cn.Number != "" {
				t.Fatalf("draft %+v", cn)
			}
			if len(cn.Lines) != 1 || cn.Lines[0].Quantity != -Q(2) || inv.Lines[0].Quantity != Q(2) {
				t.Fatalf("lines %+v (invoice %+v)", cn.Lines, inv.Lines)
			}
			if cn.Totals.Total != -inv.Totals.Total {
				t.Fatalf("total %d", cn.Totals.Total)
			}
		})
	}
}
