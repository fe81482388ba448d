package app

import (
	"testing"
	"time"
)

var payNow = time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)

// payCompany is a VAT payer on the Czech chart, base currency CZK.
func payCompany() Company {
	c := validCompany()
	c.BaseCurrency = "CZK"
	c.Branch = "HQ"
	return c
}

func TestCheckPayment(t *testing.T) {
	day := D(2026, 11, 3)
	cases := []struct {
		name       string
		p          Payment
		field, key string
		method     string
	}{
		{"bank by default", Payment{Date: day, Amount: M(100, "CZK")}, "", "", PayBank},
		{"cash", Payment{Date: day, Amount: M(100, "CZK"), Method: PayCash}, "", "", PayCash},
		{"no date", Payment{Amount: M(100, "CZK")}, "payment.date", "err.required", ""},
		{"zero", Payment{Date: day, Amount: M(0, "CZK")}, "payment.amount", "err.payment.positive", ""},
		{"negative", Payment{Date: day, Amount: M(-1, "CZK")}, "payment.amount", "err.payment.positive", ""},
		{"unknown method", Payment{Date: day, Amount: M(100, "CZK"), Method: "card"}, "payment.method", "err.doc.payment_method", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.p
			err := CheckPayment(&p)
			wantErr(t, err, c.field, c.key)
			if c.key == "" && p.Method != c.method {
				t.Errorf("method %q, want %q", p.Method, c.method)
			}
		})
	}
}

// wantErr fails unless err is an *Error with field and key (both "": nil).
func wantErr(t *testing.T, err error, field, key string) {
	t.Helper()
	if key == "" {
		if err != nil {
			t.Fatalf("unexpected error %v", err)
		}
		return
	}
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("error %v (%T), want %s at %s", err, err, key, field)
	}
	if e.Key != key || e.Field != field {
		t.Fatalf("error %s at %q, want %s at %q", e.Key, e.Field, key, field)
	}
}

func TestIsRounding(t *testing.T) {
	for d, want := range map[int64]bool{0: false, 1: true, -1: true, 100: true, -100: true, 101: false, -101: false} {
		if IsRounding(d) != want {
			t.Errorf("IsRounding(%d) = %v", d, !want)
		}
	}
}

// PaymentEntry posts at the document's rate; the settling payment of a
// foreign-currency document clears the residual and writes the haléř off.
func TestPaymentEntry(t *testing.T) {
	c := payCompany()
	eur := RateMicro(25_500_000) // 10,00 EUR = 255,00 Kč
	memo := MemoPayment("FV2026-0001", "Novák s.r.o.")
	roundMemo := "Úhrada FV2026-0001 – Novák s.r.o. – zaokrouhlení kurzu"
	cases := []struct {
		name   string
		amount Money
		method string
		cur    string
		out    bool
		s      Settlement
		base   int64
		lines  []Line
	}{
		{"CZK in", M(12100, "CZK"), PayBank, "CZK", false, Settlement{Settles: true, Residual: 12101}, 12100,
			[]Line{{Account: "221", Debit: 12100}, {Account: "311", Credit: 12100}}},
		{"cash", M(500, "CZK"), PayCash, "CZK", false, Settlement{}, 500,
			[]Line{{Account: "211", Debit: 500}, {Account: "311", Credit: 500}}},
		{"EUR part", M(1000, "EUR"), PayBank, "EUR", false, Settlement{Residual: 51001}, 25500,
			[]Line{{Account: "221", Debit: 25500}, {Account: "311", Credit: 25500}}},
		{"EUR settles, 1 haléř more carried: loss", M(1000, "EUR"), PayBank, "EUR", false, Settlement{Settles: true, Residual: 25501}, 25501,
			[]Line{{Account: "221", Debit: 25500}, {Account: "311", Credit: 25501}, {Account: "548", Debit: 1, Memo: roundMemo}}},
		{"EUR settles, 1 haléř less carried: gain", M(1000, "EUR"), PayBank, "EUR", false, Settlement{Settles: true, Residual: 25499}, 25499,
			[]Line{{Account: "221", Debit: 25500}, {Account: "311", Credit: 25499}, {Account: "648", Credit: 1, Memo: roundMemo}}},
		{"EUR settles, 1 Kč is still rounding", M(1000, "EUR"), PayBank, "EUR", false, Settlement{Settles: true, Residual: 25600}, 25600,
			[]Line{{Account: "221", Debit: 25500}, {Account: "311", Credit: 25600}, {Account: "548", Debit: 100, Memo: roundMemo}}},
		{"EUR settles, a larger gap is no rounding", M(1000, "EUR"), PayBank, "EUR", false, Settlement{Settles: true, Residual: 25601}, 25500,
			[]Line{{Account: "221", Debit: 25500}, {Account: "311", Credit: 25500}}},
		{"out, 1 haléř more carried: gain", M(1000, "EUR"), PayBank, "EUR", true, Settlement{Settles: true, Residual: 25501}, 25501,
			[]Line{{Account: "321", Debit: 25501}, {Account: "221", Credit: 25500}, {Account: "648", Credit: 1, Memo: roundMemo}}},
		{"out, 1 haléř less carried: loss", M(1000, "EUR"), PayCash, "EUR", true, Settlement{Settles: true, Residual: 25499}, 25499,
			[]Line{{Account: "321", Debit: 25499}, {Account: "211", Credit: 25500}, {Account: "548", Debit: 1, Memo: roundMemo}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			counter := "311"
			if tc.out {
				counter = "321"
			}
			p := Payment{DocID: "doc", Date: D(2026, 11, 3), Amount: tc.amount, Method: tc.method}
			got, e := PaymentEntry(p, tc.cur, eur, memo, "payment:", tc.out, counter, tc.s, c, payNow)
			if got.ID == "" || got.Branch != "HQ" || !got.Created.Equal(payNow) || got.Base != tc.base || got.Amount != tc.amount {
				t.Fatalf("payment %+v", got)
			}
			if e.Source != "payment:"+got.ID || e.Date != p.Date || e.Memo != "Úhrada FV2026-0001 – Novák s.r.o." || e.MemoKey != "memo.payment" {
				t.Fatalf("entry %+v", e)
			}
			if len(e.Lines) != len(tc.lines) {
				t.Fatalf("lines %+v, want %+v", e.Lines, tc.lines)
			}
			for i := range e.Lines {
				if e.Lines[i] != tc.lines[i] {
					t.Fatalf("line %d %+v, want %+v", i, e.Lines[i], tc.lines[i])
				}
			}
			if err := e.Validate(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// A customer's name long enough to cut the memo: the rounding line is cut
// from the cut memo, as the store always wrote it.
func TestPaymentEntryLongMemo(t *testing.T) {
	long := string(make([]rune, 0))
	for len([]rune(long)) < 250 {
		long += "Dlouhé jméno "
	}
	memo := MemoPayment("FV2026-0001", long)
	_, e := PaymentEntry(Payment{Date: D(2026, 11, 3), Amount: M(1000, "EUR"), Method: PayBank}, "EUR", RateMicro(25_500_000), memo, "payment:", false, "311",
		Settlement{Settles: true, Residual: 25501}, payCompany(), payNow)
	if e.Memo != CutMemo(memo.Czech) || e.Lines[2].Memo != CutMemo(CutMemo(memo.Czech)+" – zaokrouhlení kurzu") {
		t.Fatalf("memos %q / %q", e.Memo, e.Lines[2].Memo)
	}
	if err := e.Validate(); err != nil {
		t.Fatal(err)
	}
}

func issuedInvoice(total, totalCZK int64, cur string, rate Rate) SalesDoc {
	return SalesDoc{ID: "inv", Kind: KindInvoice, Status: StatusIssued, Number: "FV2026-0001", CustomerID: "c1",
		Customer: Party{Name: "Novák s.r.o."}, Currency: cur, ExchangeRate: rate, Revision: 1,
		Totals: DocTotals{Total: total, TotalCZK: totalCZK}}
}

func TestPaySale(t *testing.T) {
	c := payCompany()
	eur := RateMicro(25_500_000)
	day := D(2026, 11, 3)
	pay := func(amount Money) Payment { return Payment{DocID: "inv", Date: day, Amount: amount, Method: PayBank} }
	draft := issuedInvoice(12100, 12100, "CZK", RateMicro(1_000_000))
	draft.Status = StatusDraft
	quote := issuedInvoice(12100, 12100, "CZK", RateMicro(1_000_000))
	quote.Kind = KindQuote
	credited := issuedInvoice(12100, 12100, "CZK", RateMicro(1_000_000))
	credited.Credited, credited.CreditedBase = 2100, 2100
	partPaid := issuedInvoice(2000, 51001, "EUR", eur) // 20,00 EUR; 10,00 paid at 255,00 Kč
	partPaid.Paid, partPaid.PaidBase = 1000, 25500
	oldPaid := issuedInvoice(2000, 51001, "EUR", eur) // paid before PaidBase was kept
	oldPaid.Paid = 1000
	cases := []struct {
		name       string
		inv        SalesDoc
		p          Payment
		field, key string
		base       int64 // the payment's Base
		lines      int
		paid       int64
		baseLeft   int64
	}{
		{"draft refused", draft, pay(M(100, "CZK")), "payment.doc", "err.payment.not_issued", 0, 0, 0, 0},
		{"quote refused", quote, pay(M(100, "CZK")), "payment.doc", "err.payment.not_issued", 0, 0, 0, 0},
		{"wrong currency", issuedInvoice(12100, 12100, "CZK", RateMicro(1_000_000)), pay(M(100, "EUR")), "payment.amount", "err.payment.currency", 0, 0, 0, 0},
		{"more than remains", issuedInvoice(12100, 12100, "CZK", RateMicro(1_000_000)), pay(M(12101, "CZK")), "payment.amount", "err.payment.too_much", 0, 0, 0, 0},
		{"more than remains after a credit note", credited, pay(M(10001, "CZK")), "payment.amount", "err.payment.too_much", 0, 0, 0, 0},
		{"part", issuedInvoice(12100, 12100, "CZK", RateMicro(1_000_000)), pay(M(100, "CZK")), "", "", 100, 2, 100, 12000},
		{"all after a credit note", credited, pay(M(10000, "CZK")), "", "", 10000, 2, 10000, 0},
		{"EUR settles +1 haléř", issuedInvoice(1000, 25501, "EUR", eur), pay(M(1000, "EUR")), "", "", 25501, 3, 1000, 0},
		{"EUR settles −1 haléř", issuedInvoice(1000, 25499, "EUR", eur), pay(M(1000, "EUR")), "", "", 25499, 3, 1000, 0},
		{"EUR second part settles", partPaid, pay(M(1000, "EUR")), "", "", 25501, 3, 2000, 0},
		{"EUR part of an old record", oldPaid, pay(M(500, "EUR")), "", "", 12750, 2, 1500, 51001 - 25500 - 12750},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, inv, e, err := PaySale(tc.inv, tc.p, c, payNow)
			wantErr(t, err, tc.field, tc.key)
			if err != nil {
				if inv.Paid != tc.inv.Paid || inv.Revision != tc.inv.Revision {
					t.Fatalf("refused payment changed the invoice: %+v", inv)
				}
				return
			}
			if p.Base != tc.base || len(e.Lines) != tc.lines || inv.Paid != tc.paid || inv.BaseRemaining() != tc.baseLeft {
				t.Fatalf("base %d lines %d paid %d base left %d; want %d %d %d %d", p.Base, len(e.Lines), inv.Paid, inv.BaseRemaining(), tc.base, tc.lines, tc.paid, tc.baseLeft)
			}
			if inv.Revision != tc.inv.Revision+1 || !inv.Updated.Equal(payNow) || e.Source != "payment:"+p.ID || e.Lines[1].Account != "311" {
				t.Fatalf("invoice %+v entry %+v", inv, e)
			}
			if e.Memo != "Úhrada FV2026-0001 – Novák s.r.o." || e.MemoKey != "memo.payment" {
				t.Fatalf("memo %q key %q", e.Memo, e.MemoKey)
			}
			if err := e.Validate(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// FillPaidBase takes what the journal says the payments posted, and
// converts at the rate only what it could not read.
func TestFillPaidBase(t *testing.T) {
	eur := RateMicro(25_500_000)
	cases := []struct {
		name     string
		d        SalesDoc
		posted   int64
		ok       bool
		needs    bool
		paidBase int64
	}{
		{"kept already", SalesDoc{Currency: "EUR", ExchangeRate: eur, Paid: 1000, PaidBase: 25501}, 1, true, false, 25501},
		{"nothing paid", SalesDoc{Currency: "EUR", ExchangeRate: eur}, 0, true, false, 0},
		{"read from the journal", SalesDoc{Currency: "EUR", ExchangeRate: eur, Paid: 1000}, 25499, true, true, 25499},
		{"journal unreadable: at the rate", SalesDoc{Currency: "EUR", ExchangeRate: eur, Paid: 1000}, 25499, false, true, 25500},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.d.NeedsPaidBase() != tc.needs {
				t.Fatalf("NeedsPaidBase %v", !tc.needs)
			}
			d := tc.d
			d.FillPaidBase(tc.posted, tc.ok)
			if d.PaidBase != tc.paidBase {
				t.Fatalf("paid base %d, want %d", d.PaidBase, tc.paidBase)
			}
		})
	}
}

func receivedInvoice(total, posted int64, cur string, rate Rate) PurchaseInvoice {
	return PurchaseInvoice{ID: "pi", Number: "PF2026-0001", SupplierNumber: "2026117", Supplier: Party{Name: "Dodavatel a.s."},
		Currency: cur, ExchangeRate: rate, Total: total, Posted: posted}
}

func TestPayPurchase(t *testing.T) {
	c := payCompany()
	eur := RateMicro(25_500_000)
	pay := func(amount Money) Payment {
		return Payment{DocID: "pi", Date: D(2026, 11, 3), Amount: amount, Method: PayBank}
	}
	credit := receivedInvoice(-1000, -1000, "CZK", Rate{})
	credit.CreditNote, credit.OriginalNo = true, "PF2026-0000"
	cases := []struct {
		name       string
		pi         PurchaseInvoice
		p          Payment
		field, key string
		base       int64
		lines      []Line
	}{
		{"credit note refused", credit, pay(M(100, "CZK")), "payment.doc", "err.payment.credit_note", 0, nil},
		{"wrong currency", receivedInvoice(12100, 12100, "CZK", Rate{}), pay(M(100, "EUR")), "payment.amount", "err.payment.currency", 0, nil},
		{"more than remains", receivedInvoice(12100, 12100, "CZK", Rate{}), pay(M(12101, "CZK")), "payment.amount", "err.payment.too_much", 0, nil},
		{"CZK", receivedInvoice(12100, 12100, "CZK", Rate{}), pay(M(12100, "CZK")), "", "", 12100,
			[]Line{{Account: "321", Debit: 12100}, {Account: "221", Credit: 12100}}},
		{"EUR settles +1 haléř: gain", receivedInvoice(1000, 25501, "EUR", eur), pay(M(1000, "EUR")), "", "", 25501,
			[]Line{{Account: "321", Debit: 25501}, {Account: "221", Credit: 25500}, {Account: "648", Credit: 1, Memo: "Úhrada PF2026-0001 (2026117) – Dodavatel a.s. – zaokrouhlení kurzu"}}},
		{"EUR settles −1 haléř: loss", receivedInvoice(1000, 25499, "EUR", eur), pay(M(1000, "EUR")), "", "", 25499,
			[]Line{{Account: "321", Debit: 25499}, {Account: "221", Credit: 25500}, {Account: "548", Debit: 1, Memo: "Úhrada PF2026-0001 (2026117) – Dodavatel a.s. – zaokrouhlení kurzu"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, pi, e, err := PayPurchase(tc.pi, tc.p, c, payNow)
			wantErr(t, err, tc.field, tc.key)
			if err != nil {
				return
			}
			if p.Base != tc.base || pi.Paid != tc.pi.Paid+tc.p.Amount.Amount || pi.PaidBase != tc.base || e.Source != "supplier_payment:"+p.ID {
				t.Fatalf("payment %+v invoice paid %d/%d", p, pi.Paid, pi.PaidBase)
			}
			if e.Memo != "Úhrada PF2026-0001 (2026117) – Dodavatel a.s." || e.MemoKey != "memo.supplier_payment" {
				t.Fatalf("memo %q key %q", e.Memo, e.MemoKey)
			}
			if len(e.Lines) != len(tc.lines) {
				t.Fatalf("lines %+v", e.Lines)
			}
			for i := range e.Lines {
				if e.Lines[i] != tc.lines[i] {
					t.Fatalf("line %d %+v, want %+v", i, e.Lines[i], tc.lines[i])
				}
			}
		})
	}
}

func TestRefundPurchase(t *testing.T) {
	c := payCompany()
	pay := func(amount Money) Payment {
		return Payment{DocID: "pi", Date: D(2026, 11, 3), Amount: amount, Method: PayBank}
	}
	overpaid := receivedInvoice(12100, 12100, "CZK", Rate{}) // paid in full, then credited 2 100
	overpaid.Paid, overpaid.PaidBase, overpaid.Credited, overpaid.CreditedBase = 12100, 12100, 2100, 2100
	credit := overpaid
	credit.CreditNote = true
	cases := []struct {
		name       string
		pi         PurchaseInvoice
		p          Payment
		field, key string
	}{
		{"not overpaid", receivedInvoice(12100, 12100, "CZK", Rate{}), pay(M(100, "CZK")), "payment.doc", "err.payment.no_refund"},
		{"credit note", credit, pay(M(100, "CZK")), "payment.doc", "err.payment.no_refund"},
		{"wrong currency", overpaid, pay(M(100, "EUR")), "payment.amount", "err.payment.currency"},
		{"more than the overpayment", overpaid, pay(M(2101, "CZK")), "payment.amount", "err.payment.too_much"},
		{"the overpayment", overpaid, pay(M(2100, "CZK")), "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, pi, e, err := RefundPurchase(tc.pi, tc.p, c, payNow)
			wantErr(t, err, tc.field, tc.key)
			if err != nil {
				return
			}
			if p.Amount != M(-2100, "CZK") || p.Base != -2100 || pi.Paid != 10000 || pi.PaidBase != 10000 || pi.Remaining() != 0 {
				t.Fatalf("payment %+v invoice paid %d/%d", p, pi.Paid, pi.PaidBase)
			}
			want := []Line{{Account: "221", Debit: 2100}, {Account: "321", Credit: 2100}}
			if len(e.Lines) != 2 || e.Lines[0] != want[0] || e.Lines[1] != want[1] || e.MemoKey != "memo.supplier_refund" || e.Memo != "Vratka PF2026-0001 (2026117) – Dodavatel a.s." {
				t.Fatalf("entry %+v", e)
			}
		})
	}
}
