package app

import (
	"errors"
	"testing"
	"time"
)

func validPurchase() PurchaseInvoice {
	p := PurchaseInvoice{SupplierID: "s1", Supplier: Party{Name: "Dodavatel a.s."}, SupplierNumber: " FA-2026/0042 ",
		IssueDate: D(2026, time.March, 2), DueDate: D(2026, time.March, 16),
		VAT: []PurchaseVAT{{Rate: RatePercent(21), Base: 1000_00, VAT: 210_00}, {Rate: RatePercent(12), Base: 500_00, VAT: 60_00}}}
	p.Normalize("CZK", ChartCzech.Posting())
	return p
}

func TestPurchaseNormalize(t *testing.T) {
	p := validPurchase()
	if p.SupplierNumber != "FA-2026/0042" || p.VariableSymbol != "20260042" || p.Currency != "CZK" || p.ExchangeRate != RatePercent(1) ||
		p.Account != "518" || p.TaxDate != p.IssueDate || p.Total != 1770_00 {
		t.Errorf("normalized %+v", p)
	}
	if b, v := p.Bases(); b != 1500_00 || v != 270_00 {
		t.Errorf("bases %d VAT %d", b, v)
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestPurchaseValidate(t *testing.T) {
	for _, tc := range []struct {
		name, field, key string
		edit             func(*PurchaseInvoice)
	}{
		{"no supplier", "purchase.supplier", "err.required", func(p *PurchaseInvoice) { p.SupplierID = "" }},
		{"no supplier number", "purchase.supplier_number", "err.required", func(p *PurchaseInvoice) { p.SupplierNumber = "" }},
		{"letters in VS", "purchase.variable_symbol", "err.vs.format", func(p *PurchaseInvoice) { p.VariableSymbol = "12a" }},
		{"due before issue", "purchase.due_date", "err.purchase.due_before_issue", func(p *PurchaseInvoice) { p.DueDate = p.IssueDate.AddDays(-1) }},
		{"unknown currency", "purchase.currency", "err.currency.unknown", func(p *PurchaseInvoice) { p.Currency = "XYZ" }},
		{"no amounts", "purchase.vat", "err.purchase.no_amounts", func(p *PurchaseInvoice) { p.VAT = nil }},
		{"rate twice", "purchase.vat", "err.purchase.rate_twice", func(p *PurchaseInvoice) { p.VAT[1].Rate = RatePercent(21) }},
		{"negative", "purchase.vat", "err.purchase.negative", func(p *PurchaseInvoice) { p.VAT[0].Base = -1 }},
		{"VAT on exempt", "purchase.vat", "err.purchase.vat_exempt", func(p *PurchaseInvoice) { p.VAT[1] = PurchaseVAT{Base: 100_00, VAT: 1_00} }},
		{"VAT off", "purchase.vat", "err.purchase.vat_mismatch", func(p *PurchaseInvoice) { p.VAT[0].VAT = 250_00 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := validPurchase()
			tc.edit(&p)
			var e *Error
			if err := p.Validate(); !errors.As(err, &e) || e.Field != tc.field || e.Key != tc.key {
				t.Fatalf("Validate = %v, want %s %s", err, tc.field, tc.key)
			}
		})
	}
	// A supplier's rounding per line is within tolerance.
	p := validPurchase()
	p.VAT[0].VAT += PurchaseVATTolerance
	if err := p.Validate(); err != nil {
		t.Errorf("VAT %d haléřů off refused: %v", PurchaseVATTolerance, err)
	}
}

func TestPurchasePostingBalances(t *testing.T) {
	acc := ChartCzech.Posting()
	p := validPurchase()
	lines := PurchasePosting(p, "CZK", acc)
	e := Entry{Date: p.IssueDate, Lines: lines}
	if err := e.Validate(); err != nil {
		t.Fatalf("posting does not balance: %v", err)
	}
	dr, _ := e.Totals()
	if dr != p.Total || lines[len(lines)-1].Account != "321" || lines[len(lines)-1].Credit != p.Total {
		t.Errorf("lines %+v", lines)
	}
	// A foreign-currency invoice converts each part and still balances.
	f := validPurchase()
	f.Currency, f.ExchangeRate = "EUR", RateMicro(25_125_000)
	f.VAT = []PurchaseVAT{{Rate: RatePercent(21), Base: 333_33, VAT: 70_00}}
	f.Normalize("CZK", acc)
	e = Entry{Date: f.IssueDate, Lines: PurchasePosting(f, "CZK", acc)}
	if err := e.Validate(); err != nil {
		t.Fatalf("EUR posting: %v", err)
	}
	if d, _ := e.Totals(); d != M(333_33, "EUR").Convert("CZK", f.ExchangeRate, HalfUp).Amount+M(70_00, "EUR").Convert("CZK", f.ExchangeRate, HalfUp).Amount {
		t.Errorf("EUR total %d", d)
	}
}

func TestPurchaseStatusAndAging(t *testing.T) {
	p := validPurchase()
	due := p.DueDate
	if s := p.StatusOn(due); s != StatusIssued {
		t.Errorf("on the due date %s", s)
	}
	if s := p.StatusOn(due.AddDays(1)); s != StatusOverdue {
		t.Errorf("after the due date %s", s)
	}
	p.Paid = 100_00
	if s := p.StatusOn(due); s != StatusPartlyPaid || p.Remaining() != 1670_00 {
		t.Errorf("partly paid %s %d", s, p.Remaining())
	}
	paid := validPurchase()
	paid.Paid = paid.Total
	if s := paid.StatusOn(due.AddDays(100)); s != StatusPaid {
		t.Errorf("paid %s", s)
	}
	other := validPurchase()
	other.SupplierID, other.Supplier.Name = "s2", "Malý dodavatel"
	other.DueDate = due.AddDays(-70)
	eur := validPurchase()
	eur.SupplierID, eur.Supplier.Name = "s3", "GmbH"
	eur.Currency, eur.ExchangeRate = "EUR", RateMicro(25_000_000)
	eur.VAT = []PurchaseVAT{{Rate: RatePercent(0), Base: 100_00}}
	eur.Normalize("CZK", ChartCzech.Posting())
	asOf := due.AddDays(45)
	future := validPurchase() // issued after the aging day
	future.IssueDate = asOf.AddDays(1)

	rows := AgePayables([]PurchaseInvoice{p, paid, other, eur, future}, asOf)
	if len(rows) != 3 {
		t.Fatalf("rows %+v", rows)
	}
	byName := map[string]AgingRow{}
	for _, r := range rows {
		byName[r.Customer] = r
	}
	if r := byName["Dodavatel a.s."]; r.Buckets[Days31to60] != 1670_00 || r.Total != 1670_00 {
		t.Errorf("Dodavatel %+v", r)
	}
	if r := byName["Malý dodavatel"]; r.Buckets[Over90] != 1770_00 {
		t.Errorf("Malý dodavatel %+v", r)
	}
	if r := byName["GmbH"]; r.Total != 2500_00 {
		t.Errorf("GmbH %+v, want 2500 CZK", r)
	}
	if rows[0].Total < rows[1].Total || rows[1].Total < rows[2].Total {
		t.Errorf("not sorted by total: %+v", rows)
	}
}
