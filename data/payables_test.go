package data

import (
	"context"
	"strings"
	"testing"

	"kontor/app"
)

// payablesStore has the test company and a supplier that is not yet marked
// as one (recording its first invoice marks it).
func payablesStore(t testing.TB) (*Store, app.Customer) {
	s, _ := MustCompany(t)
	sup, err := s.SaveCustomer(ctx, app.Customer{Name: "Žlutá pražírna a.s.", Street: "Hlavní 1", City: "Olomouc", Postcode: "779 00",
		ICO: "45274649", DIC: "CZ45274649"})
	if err != nil {
		t.Fatal(err)
	}
	return s, sup
}

// purchase is a 1 210 Kč received invoice: 1 000 base, 210 VAT at 21 %.
func purchase(supplierID, number string, issue app.Date) app.PurchaseInvoice {
	return app.PurchaseInvoice{SupplierID: supplierID, SupplierNumber: number, IssueDate: issue, DueDate: issue.AddDays(14),
		VAT: []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: 100000, VAT: 21000}}, Memo: "Káva zrnková"}
}

func mustPurchase(t testing.TB, s *Store, p app.PurchaseInvoice) app.PurchaseInvoice {
	t.Helper()
	p, err := s.RecordPurchase(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// accountSums adds up an entry's lines per account, debit minus credit.
func accountSums(t testing.TB, s *Store, entryID string) map[string]int64 {
	t.Helper()
	e, err := s.Entry(ctx, entryID)
	if err != nil {
		t.Fatal(err)
	}
	if dr, cr := e.Totals(); dr != cr {
		t.Fatalf("entry %s unbalanced: %d / %d", e.Number, dr, cr)
	}
	got := map[string]int64{}
	for _, l := range e.Lines {
		got[l.Account] += l.Debit - l.Credit
	}
	return got
}

func wantSums(t testing.TB, got, want map[string]int64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("accounts %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("account %s: %d, want %d (%v)", k, got[k], v, got)
		}
	}
}

func TestRecordPurchasePostsAndNumbers(t *testing.T) {
	s, sup := payablesStore(t)
	p := mustPurchase(t, s, purchase(sup.ID, "FV-2026/0118", app.D(2026, 11, 5)))
	if p.Number != "FP2026-0001" || p.VariableSymbol != "20260118" || p.Total != 121000 || p.Currency != "CZK" || p.Account != "518" || p.TaxDate != p.IssueDate {
		t.Fatalf("recorded %+v", p)
	}
	if p.Supplier.Name != sup.Name || p.Supplier.ICO != sup.ICO || p.EntryID == "" {
		t.Fatalf("supplier party %+v", p.Supplier)
	}
	wantSums(t, accountSums(t, s, p.EntryID), map[string]int64{"518": 100000, "343": 21000, "321": -121000})
	e, _ := s.Entry(ctx, p.EntryID)
	if e.Source != "purchase:"+p.ID || e.Date != p.TaxDate {
		t.Errorf("entry source %q date %s", e.Source, e.Date)
	}
	got, err := s.Purchase(ctx, p.ID)
	if err != nil || got.Number != p.Number || got.Total != p.Total {
		t.Fatalf("read back %+v, %v", got, err)
	}
	// The supplier is marked, and the customer index still finds it.
	sups, err := s.Suppliers(ctx, "zluta prazirna", 10)
	if err != nil || len(sups) != 1 || !sups[0].Supplier || sups[0].Revision != sup.Revision+1 {
		t.Fatalf("suppliers %+v, %v", sups, err)
	}
	if all, _ := s.Customers(ctx, "olomouc", 10); len(all) != 1 {
		t.Fatalf("customer search after marking: %+v", all)
	}
	// Stock bought: 132, two rates, a second number in the series.
	p2 := purchase(sup.ID, "FV-2026/0119", app.D(2026, 11, 6))
	p2.Account = "132"
	p2.TaxDate = app.D(2026, 11, 4)
	p2.VAT = append(p2.VAT, app.PurchaseVAT{Rate: app.RatePercent(12), Base: 50000, VAT: 6001})
	p2 = mustPurchase(t, s, p2)
	if p2.Number != "FP2026-0002" || p2.Total != 177001 {
		t.Fatalf("second %+v", p2)
	}
	wantSums(t, accountSums(t, s, p2.EntryID), map[string]int64{"132": 150000, "343": 27001, "321": -177001})
	if e, _ := s.Entry(ctx, p2.EntryID); e.Date != app.D(2026, 11, 4) {
		t.Errorf("posted on %s, want the DUZP", e.Date)
	}
	mustCheckClean(t, s)
}

func TestRecordPurchaseForeignCurrency(t *testing.T) {
	s, sup := payablesStore(t)
	p := purchase(sup.ID, "INV 77", app.D(2026, 11, 5))
	p.Currency, p.ExchangeRate = "EUR", app.Must(app.ParseRate("25.125", ""))
	p = mustPurchase(t, s, p)
	// 1 000 € × 25,125 = 25 125 Kč, 210 € = 5 276,25 Kč.
	wantSums(t, accountSums(t, s, p.EntryID), map[string]int64{"518": 2512500, "343": 527625, "321": -3040125})
	pay, err := s.PaySupplier(ctx, app.Payment{DocID: p.ID, Date: app.D(2026, 11, 10), Amount: app.M(60500, "EUR")})
	if err != nil {
		t.Fatal(err)
	}
	wantSums(t, accountSums(t, s, pay.EntryID), map[string]int64{"321": 1520063, "221": -1520063})
	_, err = s.PaySupplier(ctx, app.Payment{DocID: p.ID, Date: app.D(2026, 11, 10), Amount: app.M(100, "CZK")})
	wantCode(t, err, app.EINVALID, "payment.amount")
	mustCheckClean(t, s)
}

func TestRecordPurchaseRefuses(t *testing.T) {
	s, sup := payablesStore(t)
	first := mustPurchase(t, s, purchase(sup.ID, "FV-2026/0118", app.D(2026, 11, 5)))
	if err := s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 10}, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUser(ctx, app.NewUser{Name: "prodej", Roles: []app.Role{app.RoleSales}, Password: testPassword}); err != nil {
		t.Fatal(err)
	}
	lines := func() int {
		n, err := s.JournalCount(ctx, app.JournalFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := lines()
	cases := []struct {
		name, code, field, key string
		ctx                    context.Context
		edit                   func(*app.PurchaseInvoice)
	}{
		{"duplicate supplier number", app.ECONFLICT, "purchase.supplier_number", "err.purchase.duplicate", ctx,
			func(p *app.PurchaseInvoice) { p.SupplierNumber = " fv-2026/ 0118" }},
		{"unknown supplier", app.ENOTFOUND, "purchase.supplier", "err.customer.not_found", ctx,
			func(p *app.PurchaseInvoice) { p.SupplierID = "no-such-supplier" }},
		{"no supplier", app.EINVALID, "purchase.supplier", "err.required", ctx,
			func(p *app.PurchaseInvoice) { p.SupplierID = "" }},
		{"locked month", app.EINVALID, "purchase.tax_date", "err.period.locked", ctx,
			func(p *app.PurchaseInvoice) { p.IssueDate, p.TaxDate = app.D(2026, 10, 30), app.D(2026, 10, 30) }},
		{"VAT mismatch", app.EINVALID, "purchase.vat", "err.purchase.vat_mismatch", ctx,
			func(p *app.PurchaseInvoice) { p.VAT[0].VAT = 12000 }},
		{"unknown account", app.EINVALID, "purchase.account", "err.purchase.account_unknown", ctx,
			func(p *app.PurchaseInvoice) { p.Account = "599" }},
		{"revenue account", app.EINVALID, "purchase.account", "err.purchase.account_type", ctx,
			func(p *app.PurchaseInvoice) { p.Account = "604" }},
		{"payables account", app.EINVALID, "purchase.account", "err.purchase.account_type", ctx,
			func(p *app.PurchaseInvoice) { p.Account = "321" }},
		{"due before issue", app.EINVALID, "purchase.due_date", "err.purchase.due_before_issue", ctx,
			func(p *app.PurchaseInvoice) { p.DueDate = p.IssueDate.AddDays(-1) }},
		{"not allowed, before validation", app.EUNAUTHORIZED, "", "err.auth.denied",
			app.WithUser(context.Background(), app.User{Name: "prodej"}), func(p *app.PurchaseInvoice) { *p = app.PurchaseInvoice{} }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := purchase(sup.ID, "FV-2026/0200", app.D(2026, 11, 6))
			tc.edit(&p)
			_, err := s.RecordPurchase(tc.ctx, p)
			wantCode(t, err, tc.code, tc.field)
			if e, _ := err.(*app.Error); e == nil || e.Key != tc.key {
				t.Errorf("key of %v, want %s", err, tc.key)
			}
			if tc.name == "duplicate supplier number" && !strings.HasSuffix(app.ErrorMessage(err, nil), "invoice FV-2026/0118 of Žlutá pražírna a.s. is already recorded as FP2026-0001") {
				t.Errorf("message %q", app.ErrorMessage(err, nil))
			}
			if n := lines(); n != before {
				t.Errorf("journal has %d lines after a refusal, want %d", n, before)
			}
			if _, n, _ := s.Purchases(ctx, app.PurchaseFilter{}, 0, 10); n != 1 {
				t.Errorf("%d received invoices after a refusal", n)
			}
		})
	}
	// The same number from another supplier is another invoice; the series has no gap.
	other, err := s.SaveCustomer(ctx, app.Customer{Name: "Jiný dodavatel s.r.o."})
	if err != nil {
		t.Fatal(err)
	}
	p := mustPurchase(t, s, purchase(other.ID, first.SupplierNumber, app.D(2026, 11, 7)))
	if p.Number != "FP2026-0002" {
		t.Fatalf("number after refusals %s", p.Number)
	}
	mustCheckClean(t, s)
}

func TestPaySupplier(t *testing.T) {
	s, sup := payablesStore(t)
	p := mustPurchase(t, s, purchase(sup.ID, "2026-55", app.D(2026, 11, 5)))
	pay, err := s.PaySupplier(ctx, app.Payment{DocID: p.ID, Date: app.D(2026, 11, 12), Amount: app.M(21000, "CZK"), Method: app.PayCash})
	if err != nil {
		t.Fatal(err)
	}
	wantSums(t, accountSums(t, s, pay.EntryID), map[string]int64{"321": 21000, "211": -21000})
	for _, tc := range []struct {
		name, field string
		p           app.Payment
	}{
		{"too much", "payment.amount", app.Payment{DocID: p.ID, Date: app.D(2026, 11, 12), Amount: app.M(100001, "CZK")}},
		{"other currency", "payment.amount", app.Payment{DocID: p.ID, Date: app.D(2026, 11, 12), Amount: app.M(100, "EUR")}},
		{"zero", "payment.amount", app.Payment{DocID: p.ID, Date: app.D(2026, 11, 12), Amount: app.M(0, "CZK")}},
		{"no date", "payment.date", app.Payment{DocID: p.ID, Amount: app.M(100, "CZK")}},
		{"unknown invoice", "payment.doc", app.Payment{DocID: "nope", Date: app.D(2026, 11, 12), Amount: app.M(100, "CZK")}},
		{"bad method", "payment.method", app.Payment{DocID: p.ID, Date: app.D(2026, 11, 12), Amount: app.M(100, "CZK"), Method: "card"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.PaySupplier(ctx, tc.p)
			if err == nil {
				t.Fatal("accepted")
			}
			wantCode(t, err, app.ErrorCode(err), tc.field)
		})
	}
	if _, err := s.PaySupplier(ctx, app.Payment{DocID: p.ID, Date: app.D(2026, 11, 19), Amount: app.M(100000, "CZK")}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Purchase(ctx, p.ID)
	if got.Paid != got.Total || got.StatusOn(app.D(2026, 12, 31)) != app.StatusPaid {
		t.Fatalf("after paying in full %+v", got)
	}
	pays, err := s.SupplierPayments(ctx, p.ID)
	if err != nil || len(pays) != 2 || pays[0].ID != pay.ID {
		t.Fatalf("payments %+v, %v", pays, err)
	}
	// Supplier payments are not the sales invoices' payments.
	if sales, _ := s.Payments(ctx, p.ID); len(sales) != 0 {
		t.Fatalf("sales payments of a purchase: %+v", sales)
	}
	if open, n, _ := s.Purchases(ctx, app.PurchaseFilter{OpenOnly: true}, 0, 10); n != 0 || len(open) != 0 {
		t.Fatalf("open after paying: %d", n)
	}
	mustCheckClean(t, s)
}

func TestPurchasesList(t *testing.T) {
	s, sup := payablesStore(t)
	other, err := s.SaveCustomer(ctx, app.Customer{Name: "Mlýn Březina"})
	if err != nil {
		t.Fatal(err)
	}
	var recorded []app.PurchaseInvoice
	for i, d := range []app.Date{app.D(2026, 9, 30), app.D(2026, 10, 1), app.D(2026, 10, 15), app.D(2026, 10, 31), app.D(2026, 11, 2)} {
		id := sup.ID
		if i%2 == 1 {
			id = other.ID
		}
		p := purchase(id, "A-"+itoa(i), d)
		if i == 3 {
			p.TaxDate = app.D(2026, 11, 1) // DUZP in the next month
		}
		recorded = append(recorded, mustPurchase(t, s, p))
	}
	if _, err := s.PaySupplier(ctx, app.Payment{DocID: recorded[2].ID, Date: app.D(2026, 11, 3), Amount: app.M(121000, "CZK")}); err != nil {
		t.Fatal(err)
	}
	numbers := func(ps []app.PurchaseInvoice) string {
		var out string
		for _, p := range ps {
			out += p.SupplierNumber + " "
		}
		return out
	}
	for _, tc := range []struct {
		name          string
		f             app.PurchaseFilter
		offset, limit int
		want          string
		n             int
	}{
		{"all, newest first", app.PurchaseFilter{}, 0, 0, "A-4 A-3 A-2 A-1 A-0 ", 5},
		{"a page", app.PurchaseFilter{}, 1, 2, "A-3 A-2 ", 5},
		{"October by issue date", app.PurchaseFilter{From: app.D(2026, 10, 1), To: app.D(2026, 10, 31)}, 0, 10, "A-3 A-2 A-1 ", 3},
		{"October by DUZP", app.PurchaseFilter{From: app.D(2026, 10, 1), To: app.D(2026, 10, 31), ByTaxDate: true}, 0, 10, "A-2 A-1 ", 2},
		{"from a day", app.PurchaseFilter{From: app.D(2026, 10, 15)}, 0, 10, "A-4 A-3 A-2 ", 3},
		{"supplier", app.PurchaseFilter{SupplierID: other.ID}, 0, 10, "A-3 A-1 ", 2},
		{"search without accents", app.PurchaseFilter{Search: "brezina"}, 0, 10, "A-3 A-1 ", 2},
		{"search by Kontor's number", app.PurchaseFilter{Search: "fp2026-0003"}, 0, 10, "A-2 ", 1},
		{"search by supplier's number", app.PurchaseFilter{Search: "a-4"}, 0, 10, "A-4 ", 1},
		{"open only", app.PurchaseFilter{OpenOnly: true}, 0, 10, "A-4 A-3 A-1 A-0 ", 4},
		{"nothing", app.PurchaseFilter{Search: "nikdo"}, 0, 10, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, n, err := s.Purchases(ctx, tc.f, tc.offset, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			if numbers(got) != tc.want || n != tc.n {
				t.Errorf("got %q (%d), want %q (%d)", numbers(got), n, tc.want, tc.n)
			}
		})
	}
	_, _, err = s.Purchases(ctx, app.PurchaseFilter{From: app.D(2026, 11, 1), To: app.D(2026, 10, 1)}, 0, 10)
	wantCode(t, err, app.EINVALID, "filter.to")
	if sups, _ := s.Suppliers(ctx, "", 0); len(sups) != 2 {
		t.Fatalf("suppliers %+v", sups)
	}
	if sups, _ := s.Suppliers(ctx, "", 1); len(sups) != 1 || sups[0].Name != "Mlýn Březina" {
		t.Fatalf("suppliers with a limit %+v", sups)
	}
}
