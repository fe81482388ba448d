package data

import (
	"context"
	"strings"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// salesStore has the test company, a customer with an address and two items.
func salesStore(t testing.TB) (*Store, app.Customer) {
	s, _ := MustCompany(t)
	c, err := s.SaveCustomer(ctx, app.Customer{Name: "Kavárna U Černého koně s.r.o.", Street: "Dlouhá 5", City: "Praha 1", Postcode: "110 00",
		ICO: "25596641", DIC: "CZ25596641", PaymentDays: 14})
	if err != nil {
		t.Fatal(err)
	}
	return s, c
}

func draftInvoice(c app.Customer) app.SalesDoc {
	return app.SalesDoc{Kind: app.KindInvoice, CustomerID: c.ID, IssueDate: app.D(2026, 11, 2), TaxDate: app.D(2026, 11, 2), DueDate: app.D(2026, 11, 16),
		Lines: []app.DocLine{
			{Text: "Káva zrnková 1 kg", Quantity: app.Q(3), Unit: "ks", UnitPrice: 45000, VATKind: app.VATReduced, Goods: true},
			{Text: "Servis kávovaru", Quantity: 1500, Unit: "h", UnitPrice: 80000, VATKind: app.VATStandard},
		}}
}

func TestInvoiceIssuePostsAndNumbers(t *testing.T) {
	s, c := salesStore(t)
	d, err := s.SaveDraft(ctx, draftInvoice(c))
	if err != nil {
		t.Fatal(err)
	}
	// 3 × 450 = 1 350 at 12 % (VAT 162); 1,5 h × 800 = 1 200 at 21 % (VAT 252).
	if d.Totals.Total != 135000+16200+120000+25200 {
		t.Fatalf("draft total %d", d.Totals.Total)
	}
	d, err = s.Issue(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Number != "FV2026-0001" || d.VariableSymbol != "20260001" || d.Status != app.StatusIssued || d.EntryID == "" {
		t.Fatalf("issued %+v", d)
	}
	e, err := s.Entry(ctx, d.EntryID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, l := range e.Lines {
		got[l.Account] += l.Debit - l.Credit
	}
	want := map[string]int64{"311": 296400, "604": -135000, "602": -120000, "343": -41400}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("account %s: %d, want %d (%v)", k, got[k], v, got)
		}
	}
	_, err = s.Issue(ctx, d.ID)
	wantCode(t, err, app.ECONFLICT, "")
	d.Note = "changed"
	_, err = s.SaveDraft(ctx, d)
	wantCode(t, err, app.ECONFLICT, "")
	if got, err := s.DocumentByNumber(ctx, "fv2026-0001"); err != nil || got.ID != d.ID {
		t.Fatalf("by number: %v", err)
	}
	mustCheckClean(t, s)
}

func TestIssueRefusesBadInput(t *testing.T) {
	s, c := salesStore(t)
	noAddr, _ := s.SaveCustomer(ctx, app.Customer{Name: "Bez adresy"})
	cases := []struct {
		name  string
		edit  func(*app.SalesDoc)
		field string
	}{
		{"no lines", func(d *app.SalesDoc) { d.Lines = nil }, "doc.lines"},
		{"due before issue", func(d *app.SalesDoc) { d.DueDate = app.D(2026, 10, 1) }, "doc.due_date"},
		{"customer without address", func(d *app.SalesDoc) { d.CustomerID = noAddr.ID }, "doc.customer"},
		{"no VAT rate on DUZP", func(d *app.SalesDoc) { d.TaxDate = app.D(2023, 6, 1) }, "doc.lines"},
		{"foreign without rate", func(d *app.SalesDoc) { d.Currency = "EUR" }, "doc.exchange_rate"},
		{"reverse charge with gross prices", func(d *app.SalesDoc) { d.Regime, d.PricesIncludeVAT = app.RegimeEUServices, true }, "doc.regime"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := draftInvoice(c)
			tc.edit(&d)
			d, err := s.SaveDraft(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.Issue(ctx, d.ID)
			wantCode(t, err, app.EINVALID, tc.field)
		})
	}
	// Refused drafts leave no number used and nothing posted.
	if n, _ := s.JournalCount(ctx, app.JournalFilter{}); n != 0 {
		t.Fatalf("refused issues posted %d lines", n)
	}
	for _, bad := range []func(*app.SalesDoc){
		func(d *app.SalesDoc) { d.Lines[0].Quantity = 0 },
		func(d *app.SalesDoc) { d.Lines[0].Quantity = -1000 },
		func(d *app.SalesDoc) { d.Lines[0].UnitPrice = -1 },
		func(d *app.SalesDoc) { d.Lines[0].Text = " " },
	} {
		d := draftInvoice(c)
		bad(&d)
		_, err := s.SaveDraft(ctx, d)
		wantCode(t, err, app.EINVALID, "doc.lines")
	}
	d, _ := s.SaveDraft(ctx, draftInvoice(c))
	if d, err := s.Issue(ctx, d.ID); err != nil || d.Number != "FV2026-0001" {
		t.Fatalf("after refusals the first number is %q (%v)", d.Number, err)
	}
}

func TestQuoteOrderInvoicePaymentCreditNote(t *testing.T) {
	s, c := salesStore(t)
	q := draftInvoice(c)
	q.Kind, q.DueDate, q.ValidUntil = app.KindQuote, app.Date{}, app.D(2026, 12, 2)
	q, err := s.SaveDraft(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if q, err = s.Issue(ctx, q.ID); err != nil || q.Number != "NA2026-0001" {
		t.Fatalf("quote: %q %v", q.Number, err)
	}
	o, err := s.Convert(ctx, q.ID, app.KindOrder)
	if err != nil || len(o.Lines) != 2 {
		t.Fatal(err)
	}
	if _, err := s.Convert(ctx, q.ID, app.KindOrder); app.ErrorCode(err) != app.ECONFLICT {
		t.Fatalf("converting twice: %v", err)
	}
	if o, err = s.Issue(ctx, o.ID); err != nil {
		t.Fatal(err)
	}
	inv, err := s.Convert(ctx, o.ID, app.KindInvoice)
	if err != nil {
		t.Fatal(err)
	}
	inv.IssueDate, inv.TaxDate, inv.DueDate = app.D(2026, 11, 5), app.D(2026, 11, 5), app.D(2026, 11, 19)
	if inv, err = s.SaveDraft(ctx, inv); err != nil {
		t.Fatal(err)
	}
	if inv, err = s.Issue(ctx, inv.ID); err != nil {
		t.Fatal(err)
	}
	total := inv.Totals.Total

	// Payments: zero, another currency, too much are refused; part, then the rest.
	for _, p := range []app.Payment{
		{DocID: inv.ID, Date: app.D(2026, 11, 10), Amount: app.M(0, "CZK")},
		{DocID: inv.ID, Date: app.D(2026, 11, 10), Amount: app.M(100, "EUR")},
		{DocID: inv.ID, Date: app.D(2026, 11, 10), Amount: app.M(total+1, "CZK")},
	} {
		_, err := s.RecordPayment(ctx, p)
		wantCode(t, err, app.EINVALID, "payment.amount")
	}
	if _, err := s.RecordPayment(ctx, app.Payment{DocID: inv.ID, Date: app.D(2026, 11, 10), Amount: app.M(100000, "CZK")}); err != nil {
		t.Fatal(err)
	}
	inv, _ = s.Document(ctx, inv.ID)
	if st := inv.StatusOn(app.D(2026, 11, 12)); st != app.StatusPartlyPaid {
		t.Fatalf("status %s", st)
	}
	if st := inv.StatusOn(app.D(2026, 12, 1)); st != app.StatusOverdue {
		t.Fatalf("status after due date %s", st)
	}

	// A credit note for the rest; a second one would exceed the invoice.
	cn, err := s.NewCreditNote(ctx, inv.ID, "Vrácené zboží")
	if err != nil {
		t.Fatal(err)
	}
	cn.Lines = cn.Lines[:1] // take back only the coffee
	if cn, err = s.SaveDraft(ctx, cn); err != nil {
		t.Fatal(err)
	}
	if cn, err = s.Issue(ctx, cn.ID); err != nil || !strings.HasPrefix(cn.Number, "OD2026-") {
		t.Fatalf("credit note: %q %v", cn.Number, err)
	}
	inv, _ = s.Document(ctx, inv.ID)
	if inv.Credited != 151200 {
		t.Fatalf("credited %d", inv.Credited)
	}
	big, _ := s.NewCreditNote(ctx, inv.ID, "Celá faktura")
	_, err = s.Issue(ctx, big.ID)
	wantCode(t, err, app.EINVALID, "doc.lines")
	if _, err := s.RecordPayment(ctx, app.Payment{DocID: inv.ID, Date: app.D(2026, 11, 20), Amount: app.M(inv.Remaining(), "CZK"), Method: app.PayCash}); err != nil {
		t.Fatal(err)
	}
	inv, _ = s.Document(ctx, inv.ID)
	if st := inv.StatusOn(app.D(2026, 12, 1)); st != app.StatusPaid {
		t.Fatalf("status when paid %s", st)
	}
	bals, _ := s.Balances(ctx, app.Month{Year: 2026, Month: 11}, app.Month{Year: 2026, Month: 11})
	for _, b := range bals {
		if b.Account.Code == "311" && b.Closing() != 0 {
			t.Errorf("311 after payment and credit note: %d", b.Closing())
		}
	}
	docs, n, err := s.Documents(ctx, app.DocFilter{Kind: app.KindInvoice, Search: "cerneho kone"}, 0, 10)
	if err != nil || n != 1 || len(docs) != 1 {
		t.Fatalf("search: %d %v", n, err)
	}
	mustCheckClean(t, s)
}

// Two windows issuing at once: numbers stay unique and gapless.
func TestConcurrentIssuing(t *testing.T) {
	s, c := salesStore(t)
	var ids []string
	for i := 0; i < 40; i++ {
		d, err := s.SaveDraft(ctx, draftInvoice(c))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	seen := map[string]bool{}
	for _, id := range ids {
		wg.Add(1)
		go func(id string) {
			defer wg.Done()
			d, err := s.Issue(ctx, id)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			if seen[d.Number] {
				t.Errorf("number %s twice", d.Number)
			}
			seen[d.Number] = true
		}(id)
	}
	wg.Wait()
	for i := 1; i <= 40; i++ {
		if n := (app.Series{Prefix: "FV", Width: 4}).Number(2026, i); !seen[n] {
			t.Fatalf("gap at %s", n)
		}
	}
	mustCheckClean(t, s)
}

func TestForeignCurrencyInvoicePostsInCZK(t *testing.T) {
	s, c := salesStore(t)
	d := draftInvoice(c)
	d.Currency, d.ExchangeRate = "EUR", app.RateMicro(24_325_000)
	d.Lines = []app.DocLine{{Text: "Consulting", Quantity: app.Q(2), Unit: "h", UnitPrice: 10000, VATKind: app.VATStandard}}
	d, _ = s.SaveDraft(ctx, d)
	d, err := s.Issue(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	// 200 EUR × 24,325 = 4 865 CZK; VAT 21 % = 1 021,65 CZK.
	if d.Totals.Rates[0].BaseCZK != 486500 || d.Totals.Rates[0].VATCZK != 102165 || d.Totals.TotalCZK != 588665 {
		t.Fatalf("CZK recap %+v", d.Totals)
	}
	if _, err := s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: app.D(2026, 11, 3), Amount: app.M(d.Totals.Total, "EUR")}); err != nil {
		t.Fatal(err)
	}
	mustCheckClean(t, s)
}

func TestSalesRoles(t *testing.T) {
	s, c := salesStore(t)
	for _, r := range []app.Role{app.RoleReception, app.RoleSales, app.RoleAccounts, app.RoleWarehouse} {
		if _, err := s.CreateUser(ctx, app.NewUser{Name: "u-" + string(r), Roles: []app.Role{r}, Password: testPassword}); err != nil {
			t.Fatal(err)
		}
	}
	as := func(r app.Role) context.Context {
		return app.WithUser(context.Background(), app.User{Name: "u-" + string(r)})
	}
	_, err := s.SaveDraft(as(app.RoleWarehouse), draftInvoice(c))
	wantCode(t, err, app.EUNAUTHORIZED, "")
	_, _, err = s.Documents(as(app.RoleReception), app.DocFilter{}, 0, 10)
	wantCode(t, err, app.EUNAUTHORIZED, "")
	d, err := s.SaveDraft(as(app.RoleSales), draftInvoice(c))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Issue(as(app.RoleAccounts), d.ID)
	wantCode(t, err, app.EUNAUTHORIZED, "")
	if d, err = s.Issue(as(app.RoleSales), d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordPayment(as(app.RoleAccounts), app.Payment{DocID: d.ID, Date: app.D(2026, 11, 3), Amount: app.M(1000, "CZK")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Customers(as(app.RoleReception), "kone", 10); err != nil {
		t.Fatal(err)
	}
	// Accounts keep the suppliers, who are customer records too; the warehouse does not touch them.
	if _, err := s.SaveCustomer(as(app.RoleAccounts), app.Customer{Name: "Dodavatel s.r.o."}); err != nil {
		t.Fatal(err)
	}
	_, err = s.SaveCustomer(as(app.RoleWarehouse), app.Customer{Name: "X"})
	wantCode(t, err, app.EUNAUTHORIZED, "")
}

// Every entry the sales path posts carries its memo's key and arguments
// beside the Czech text the books have always had, so a reader in another
// language sees it translated: the invoice, its payment, the credit note and
// the rounding the credit note clears.
func TestSalesEntriesCarryMemoKeys(t *testing.T) {
	s, c := salesStore(t)
	d := issueEUR(t, s, c)
	for range 5 {
		if _, err := s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: app.D(2026, 11, 3), Amount: app.M(1, "EUR")}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: app.D(2026, 11, 4), Amount: app.M(12095, "EUR")}); err != nil {
		t.Fatal(err)
	}
	cn, err := s.NewCreditNote(ctx, d.ID, "one hour less")
	if err != nil {
		t.Fatal(err)
	}
	cn.Lines[0].Quantity = app.Q(-1)
	if cn, err = s.SaveDraft(ctx, cn); err != nil {
		t.Fatal(err)
	}
	if cn, err = s.Issue(ctx, cn.ID); err != nil {
		t.Fatal(err)
	}
	name := c.Name
	want := map[string][2]string{ // source prefix → key, Czech memo
		"invoice:":     {"memo.invoice", "Faktura " + d.Number + " – " + name},
		"payment:":     {"memo.payment", "Úhrada " + d.Number + " – " + name},
		"credit_note:": {"memo.credit_note", "Opravný doklad " + cn.Number + " – " + name},
		"rounding:":    {"memo.rate_rounding", "Zaokrouhlení kurzu " + d.Number},
	}
	seen := map[string]int{}
	if err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bJournal).ForEach(func(_, v []byte) error {
			var e app.Entry
			if err := decode(v, &e); err != nil {
				return err
			}
			for prefix, w := range want {
				if strings.HasPrefix(e.Source, prefix) {
					seen[prefix]++
					if e.MemoKey != w[0] || e.Memo != w[1] || e.EntryMemo().Text(nil) != w[1] {
						t.Errorf("%s entry: key %q memo %q, want %q %q", prefix, e.MemoKey, e.Memo, w[0], w[1])
					}
				}
			}
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	if seen["invoice:"] != 1 || seen["payment:"] != 6 || seen["credit_note:"] != 1 || seen["rounding:"] != 1 {
		t.Fatalf("entries by source %v", seen)
	}
	mustCheckClean(t, s)
}
