package app

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// refusal is the code, key and field of err ("" when err is not an *Error).
func refusal(err error) (code, key, field string) {
	var e *Error
	if !errors.As(err, &e) {
		return "", "", ""
	}
	return e.Code, e.Key, e.Field
}

var rulesNow = time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)

func rulesCompany() Company {
	c := validCompany()
	c.Branch = "B2"
	return c
}

func rulesSupplier() Customer {
	return Customer{ID: "sup1", Name: "Dřevo a.s.", ICO: "25596641", DIC: "CZ25596641", Supplier: true}
}

// rulesPurchase is a domestic received invoice of 1 000 Kč + 21 % VAT.
func rulesPurchase() PurchaseInvoice {
	return PurchaseInvoice{SupplierID: "sup1", SupplierNumber: " FV 2026/117 ", IssueDate: D(2026, 11, 3), DueDate: D(2026, 11, 17),
		VAT: []PurchaseVAT{{Rate: RatePercent(21), Base: 100000, VAT: 21000}}}
}

// rulesOriginal is a recorded received invoice a credit note may correct.
func rulesOriginal() PurchaseInvoice {
	p := rulesPurchase()
	p.ID, p.Number, p.Currency, p.ExchangeRate, p.Account, p.Total = "orig1", "FP2026-0007", "CZK", RatePercent(1), "518", 121000
	p.Posted = 121000
	return p
}

// rulesCredit is a credit note taking base and VAT off rulesOriginal.
func rulesCredit(base, vat int64) PurchaseInvoice {
	p := rulesPurchase()
	p.SupplierNumber, p.CreditNote, p.OriginalID, p.DueDate = "OD-5", true, "orig1", Date{}
	p.VAT = []PurchaseVAT{{Rate: RatePercent(21), Base: -base, VAT: -vat}}
	return p
}

func TestPreparePurchase(t *testing.T) {
	orig := rulesOriginal()
	creditOf := func(mod func(o *PurchaseInvoice)) *PurchaseInvoice {
		o := rulesOriginal()
		mod(&o)
		return &o
	}
	cases := []struct {
		name       string
		p          PurchaseInvoice
		company    func(c *Company)
		sup        Customer
		orig       *PurchaseInvoice
		key, field string
		check      func(t *testing.T, p PurchaseInvoice)
	}{
		{name: "invoice", p: rulesPurchase(), sup: rulesSupplier(), check: func(t *testing.T, p PurchaseInvoice) {
			if p.ID != "pid" || p.Branch != "B2" || !p.Created.Equal(rulesNow) || p.Number != "" {
				t.Errorf("record fields: %q %q %v %q", p.ID, p.Branch, p.Created, p.Number)
			}
			if p.SupplierNumber != "FV 2026/117" || p.VariableSymbol != "2026117" || p.Currency != "CZK" || p.Account != "518" || p.TaxDate != D(2026, 11, 3) {
				t.Errorf("not normalized: %+v", p)
			}
			if p.Total != 121000 || p.VAT[0].Kind != VATStandard || p.Supplier.Name != "Dřevo a.s." || p.NoDeduction {
				t.Errorf("total %d, kind %q, supplier %q, no deduction %v", p.Total, p.VAT[0].Kind, p.Supplier.Name, p.NoDeduction)
			}
		}},
		{name: "bookkeeping typed in is reset", sup: rulesSupplier(), p: func() PurchaseInvoice {
			p := rulesPurchase()
			p.Paid, p.PaidBase, p.Posted, p.Credited, p.CreditedBase, p.EntryID, p.Number = 5, 6, 7, 8, 9, "e", "FP2026-9999"
			p.OriginalID, p.OriginalNo = "x", "y"
			return p
		}(), check: func(t *testing.T, p PurchaseInvoice) {
			if p.Paid != 0 || p.PaidBase != 0 || p.Posted != 0 || p.Credited != 0 || p.CreditedBase != 0 || p.EntryID != "" || p.Number != "" || p.OriginalID != "" || p.OriginalNo != "" {
				t.Errorf("kept what the record's owner sets: %+v", p)
			}
		}},
		{name: "a non-payer's VAT is cost", p: rulesPurchase(), sup: rulesSupplier(), company: func(c *Company) { c.VATPayer = false },
			check: func(t *testing.T, p PurchaseInvoice) {
				if !p.NoDeduction {
					t.Error("NoDeduction not set for a non-payer")
				}
			}},
		{name: "unknown supplier", p: rulesPurchase(), key: "err.customer.not_found", field: "purchase.supplier"},
		{name: "typing errors come before the unknown supplier", p: func() PurchaseInvoice { p := rulesPurchase(); p.SupplierNumber = " "; return p }(),
			key: "err.required", field: "purchase.supplier_number"},
		{name: "regime checked against the supplier", sup: Customer{ID: "sup1", Name: "X"}, p: func() PurchaseInvoice {
			p := rulesPurchase()
			p.Regime, p.RCCode, p.VAT[0].VAT = RegimeReverseCZ, ReverseChargeCodes[0], 0
			return p
		}(), key: "err.purchase.reverse_no_dic", field: "purchase.regime"},
		{name: "credit note", p: rulesCredit(20000, 4200), sup: rulesSupplier(), orig: creditOf(func(o *PurchaseInvoice) { o.NoDeduction = true }),
			check: func(t *testing.T, p PurchaseInvoice) {
				if p.OriginalNo != "FP2026-0007" || !p.NoDeduction || p.Total != -24200 || p.DueDate != p.IssueDate {
					t.Errorf("credit note: original %q, no deduction %v, total %d, due %v", p.OriginalNo, p.NoDeduction, p.Total, p.DueDate)
				}
			}},
		{name: "credit note of a missing invoice", p: rulesCredit(20000, 4200), sup: rulesSupplier(), key: "err.purchase.not_found", field: "purchase.original"},
		{name: "credit note of a credit note", p: rulesCredit(20000, 4200), sup: rulesSupplier(), orig: creditOf(func(o *PurchaseInvoice) { o.CreditNote = true }),
			key: "err.purchase.credit_of_credit", field: "purchase.original"},
		{name: "credit note too large", p: rulesCredit(100001, 21000), sup: rulesSupplier(), orig: &orig, key: "err.purchase.credit_too_large", field: "purchase.vat"},
		{name: "credit note larger than what earlier notes left", p: rulesCredit(20000, 4200), sup: rulesSupplier(),
			orig: creditOf(func(o *PurchaseInvoice) { o.Credited = 100000 }), key: "err.purchase.credit_too_large", field: "purchase.vat"},
		{name: "credit note of all that is left", p: rulesCredit(20000, 4200), sup: rulesSupplier(),
			orig: creditOf(func(o *PurchaseInvoice) { o.Credited = 121000 - 24200 })},
		{name: "credit note of another supplier's invoice", p: rulesCredit(20000, 4200), sup: rulesSupplier(),
			orig: creditOf(func(o *PurchaseInvoice) { o.SupplierID = "sup2" }), key: "err.purchase.credit_mismatch", field: "purchase.original"},
		{name: "credit note in another currency", p: rulesCredit(20000, 4200), sup: rulesSupplier(),
			orig: creditOf(func(o *PurchaseInvoice) { o.Currency = "EUR" }), key: "err.purchase.credit_mismatch", field: "purchase.original"},
		{name: "credit note in another regime", p: rulesCredit(20000, 4200), sup: rulesSupplier(),
			orig: creditOf(func(o *PurchaseInvoice) { o.Regime = RegimeReverseCZ }), key: "err.purchase.credit_regime", field: "purchase.regime"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := rulesCompany()
			if tc.company != nil {
				tc.company(&c)
			}
			p, err := PreparePurchase(tc.p, c, tc.sup, tc.orig, "pid", rulesNow)
			_, key, field := refusal(err)
			if tc.key == "" && err != nil {
				t.Fatalf("refused: %v", err)
			}
			if key != tc.key || field != tc.field {
				t.Fatalf("got %q at %q (%v), want %q at %q", key, field, err, tc.key, tc.field)
			}
			if tc.check != nil {
				tc.check(t, p)
			}
		})
	}
}

func TestCheckPurchaseAccount(t *testing.T) {
	cases := []struct {
		name  string
		a     Account
		known bool
		key   string
	}{
		{"expense", Account{Code: "518", Type: Expense}, true, ""},
		{"stock", Account{Code: "132", Type: Asset}, true, ""},
		{"revenue", Account{Code: "602", Name: "Tržby z prodeje služeb", Type: Revenue}, true, "err.purchase.account_type"},
		{"liability", Account{Code: "321", Type: Liability}, true, "err.purchase.account_type"},
		{"unknown", Account{}, false, "err.purchase.account_unknown"},
	}
	for _, tc := range cases {
		_, key, field := refusal(CheckPurchaseAccount(tc.a.Code, tc.a, tc.known))
		if key != tc.key || (key != "" && field != "purchase.account") {
			t.Errorf("%s: got %q at %q, want %q", tc.name, key, field, tc.key)
		}
	}
}

func TestPurchaseEntryAndBooked(t *testing.T) {
	c := rulesCompany()
	p, err := PreparePurchase(rulesPurchase(), c, rulesSupplier(), nil, "pid", rulesNow)
	if err != nil {
		t.Fatal(err)
	}
	p.Number = "FP2026-0008"
	e, err := PurchaseEntry(p, c)
	if err != nil {
		t.Fatal(err)
	}
	if e.Memo != "Přijatá faktura FP2026-0008 (FV 2026/117) – Dřevo a.s." || e.MemoKey != "memo.purchase" || e.Source != "purchase:pid" || e.Date != p.TaxDate {
		t.Errorf("entry: memo %q key %q source %q date %v", e.Memo, e.MemoKey, e.Source, e.Date)
	}
	if dr, cr := e.Totals(); dr != 121000 || cr != 121000 {
		t.Errorf("totals %d/%d", dr, cr)
	}
	e.ID = "entry1"
	p.Booked(e, c.Chart.Posting())
	if p.EntryID != "entry1" || p.Posted != 121000 {
		t.Errorf("booked: %q %d", p.EntryID, p.Posted)
	}

	// A credit note's payables line is on the debit side: Posted is negative.
	orig := rulesOriginal()
	cn, err := PreparePurchase(rulesCredit(20000, 4200), c, rulesSupplier(), &orig, "cid", rulesNow)
	if err != nil {
		t.Fatal(err)
	}
	cn.Number = "FP2026-0009"
	ce, err := PurchaseEntry(cn, c)
	if err != nil {
		t.Fatal(err)
	}
	cn.Booked(ce, c.Chart.Posting())
	if cn.Posted != -24200 {
		t.Errorf("credit note posted %d, want -24200", cn.Posted)
	}

	// A memo too long for the journal is cut, not refused.
	long := p
	long.Supplier.Name = strings.Repeat("x", 300)
	if e, err := PurchaseEntry(long, c); err != nil || len([]rune(e.Memo)) != MaxMemo {
		t.Errorf("long memo: %v, %d characters", err, len([]rune(e.Memo)))
	}
}

func TestApplyPurchaseCredit(t *testing.T) {
	acc := rulesCompany().Chart.Posting()
	eur := func(posted int64) PurchaseInvoice {
		o := rulesOriginal()
		o.Currency, o.ExchangeRate, o.Total, o.Posted = "EUR", RateMicro(25_125_000), 10000, posted
		return o
	}
	credit := func(total, posted int64) PurchaseInvoice {
		return PurchaseInvoice{ID: "cn1", CreditNote: true, TaxDate: D(2026, 11, 20), Total: total, Posted: posted}
	}
	cases := []struct {
		name         string
		orig, cn     PurchaseInvoice
		credited     int64
		creditedBase int64
		lines        []Line // nil: no rounding entry
	}{
		{name: "part of a koruna invoice", orig: rulesOriginal(), cn: credit(-24200, -24200), credited: 24200, creditedBase: 24200},
		{name: "all of a koruna invoice", orig: rulesOriginal(), cn: credit(-121000, -121000), credited: 121000, creditedBase: 121000},
		{name: "closes an EUR invoice, 321 keeps a haléř credit", orig: eur(251250), cn: credit(-10000, -251249), credited: 10000, creditedBase: 251250,
			lines: []Line{{Account: acc.Payables, Debit: 1}, {Account: acc.RoundingGain, Credit: 1}}},
		{name: "closes an EUR invoice, 321 keeps a haléř debit", orig: eur(251250), cn: credit(-10000, -251252), credited: 10000, creditedBase: 251250,
			lines: []Line{{Account: acc.Payables, Credit: 2}, {Account: acc.RoundingLoss, Debit: 2}}},
		{name: "an exchange difference is left for the accountant", orig: eur(251250), cn: credit(-10000, -240000), credited: 10000, creditedBase: 240000},
		{name: "an EUR invoice not closed keeps its haléře", orig: eur(251250), cn: credit(-5000, -125624), credited: 5000, creditedBase: 125624},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			orig, e := ApplyPurchaseCredit(tc.orig, tc.cn, acc)
			if orig.Credited != tc.credited || orig.CreditedBase != tc.creditedBase {
				t.Errorf("credited %d / %d, want %d / %d", orig.Credited, orig.CreditedBase, tc.credited, tc.creditedBase)
			}
			if tc.lines == nil {
				if e != nil {
					t.Fatalf("unexpected rounding entry %+v", *e)
				}
				return
			}
			if e == nil {
				t.Fatal("no rounding entry")
			}
			if e.Memo != "Zaokrouhlení kurzu FP2026-0007" || e.MemoKey != "memo.rate_rounding" || e.Source != "rounding:cn1" || e.Date != D(2026, 11, 20) {
				t.Errorf("entry %q %q %q %v", e.Memo, e.MemoKey, e.Source, e.Date)
			}
			if len(e.Lines) != len(tc.lines) {
				t.Fatalf("lines %+v", e.Lines)
			}
			for i, l := range tc.lines {
				got := e.Lines[i]
				if got.Account != l.Account || got.Debit != l.Debit || got.Credit != l.Credit || got.Memo != e.Memo {
					t.Errorf("line %d: %+v, want %+v", i, got, l)
				}
			}
			if err := e.Validate(); err != nil {
				t.Error(err)
			}
			if orig.BaseRemaining() != 0 {
				t.Errorf("321 still carries %d", orig.BaseRemaining())
			}
		})
	}
}
