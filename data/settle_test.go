package data

import (
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// Paying a foreign-currency invoice in parts converts each part half-up; the
// payment that settles it clears exactly what 311 still carries and writes
// the haléř of difference off to rounding, so 311 ends at zero and the
// statement, the aging and the ledger agree.
func TestSettlingForeignPaymentClearsTheLedger(t *testing.T) {
	s, c := salesStore(t)
	d := issueEUR(t, s, c)
	// 242,00 EUR = 5 886,65 Kč. Three payments of 0,01 EUR post 0,24 Kč
	// each (0,24325 half-up); the rest, 241,97 EUR, converts to 5 885,92 Kč:
	// 0,72 + 5 885,92 = 5 886,64, a haléř short of what 311 carries.
	for range 3 {
		if _, err := s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: app.D(2026, 11, 3), Amount: app.M(1, "EUR")}); err != nil {
			t.Fatal(err)
		}
	}
	last, err := s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: app.D(2026, 11, 4), Amount: app.M(d.Totals.Total-3, "EUR")})
	if err != nil {
		t.Fatal(err)
	}
	if last.Base != 588665-72 {
		t.Fatalf("settling payment's base %d, want %d", last.Base, 588665-72)
	}
	e, err := s.Entry(ctx, last.EntryID)
	if err != nil {
		t.Fatal(err)
	}
	want := []app.Line{{Account: "221", Debit: 588592}, {Account: "311", Credit: 588593}, {Account: "548", Debit: 1, Memo: "Úhrada FV2026-0001 – Kavárna U Černého koně s.r.o. – zaokrouhlení kurzu"}}
	if len(e.Lines) != 3 || e.Lines[0] != want[0] || e.Lines[1] != want[1] || e.Lines[2] != want[2] {
		t.Fatalf("settling entry %+v", e.Lines)
	}
	bals, err := s.Balances(ctx, app.Month{Year: 2026, Month: 11}, app.Month{Year: 2026, Month: 11})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if b.Account.Code == "311" && b.Closing() != 0 {
			t.Fatalf("311 carries %d after the invoice is paid", b.Closing())
		}
	}
	d, _ = s.Document(ctx, d.ID)
	if d.BaseRemaining() != 0 || d.PaidBase != 588665 {
		t.Fatalf("base remaining %d, paid base %d", d.BaseRemaining(), d.PaidBase)
	}
	pays, _ := s.Payments(ctx, d.ID)
	st := app.BuildStatement(app.PartyOfCustomer(c), []app.SalesDoc{d}, pays, app.D(2026, 11, 1), app.D(2026, 11, 30), "CZK")
	if len(st.Sections) != 1 || st.Sections[0].Closing != 0 || st.ClosingBase() != 0 {
		t.Fatalf("statement closes at %+v", st.Sections)
	}
	mustCheckClean(t, s)
}

// A received invoice in EUR paid in parts likewise leaves 321 at zero.
func TestSettlingForeignSupplierPaymentClearsTheLedger(t *testing.T) {
	s, _ := MustCompany(t)
	sup, err := s.SaveCustomer(ctx, app.Customer{Name: "Kaffee Import GmbH", Country: "DE"})
	if err != nil {
		t.Fatal(err)
	}
	p := purchase(sup.ID, "RE-77", app.D(2026, 11, 5))
	p.Currency, p.ExchangeRate = "EUR", app.RateMicro(24_325_000)
	p.VAT = []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: 20000, VAT: 4200}}
	p = mustPurchase(t, s, p)
	for range 3 {
		if _, err := s.PaySupplier(ctx, app.Payment{DocID: p.ID, Date: app.D(2026, 11, 6), Amount: app.M(1, "EUR")}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.PaySupplier(ctx, app.Payment{DocID: p.ID, Date: app.D(2026, 11, 7), Amount: app.M(p.Total-3, "EUR")}); err != nil {
		t.Fatal(err)
	}
	bals, err := s.Balances(ctx, app.Month{Year: 2026, Month: 11}, app.Month{Year: 2026, Month: 11})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if b.Account.Code == "321" && b.Closing() != 0 {
			t.Fatalf("321 carries %d after the invoice is paid", b.Closing())
		}
	}
	mustCheckClean(t, s)
}

// A company that is not a VAT payer cannot claim input VAT: the received
// invoice's VAT is part of the cost, and the VAT summary leaves it out.
func TestNonPayerPostsInputVATToCost(t *testing.T) {
	s, _ := MustOpenDB(t)
	c := testCompany()
	c.VATPayer, c.DIC = false, ""
	if _, err := s.CreateCompany(ctx, c); err != nil {
		t.Fatal(err)
	}
	sup, err := s.SaveCustomer(ctx, app.Customer{Name: "Papírnictví Lipová"})
	if err != nil {
		t.Fatal(err)
	}
	p := mustPurchase(t, s, purchase(sup.ID, "2026-55", app.D(2026, 11, 5)))
	if !p.NoDeduction {
		t.Fatal("a non-payer's received invoice claims VAT")
	}
	e, err := s.Entry(ctx, p.EntryID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range e.Lines {
		if l.Account == "343" {
			t.Fatalf("input VAT posted to 343: %+v", e.Lines)
		}
	}
	if rows, total := app.PurchaseVATSummary([]app.PurchaseInvoice{p}, app.D(2026, 11, 1), app.D(2026, 11, 30), "CZK"); len(rows) != 0 || total.VAT != 0 {
		t.Fatalf("VAT summary claims %+v", total)
	}
	mustCheckClean(t, s)
}

// A credit note that closes a partly paid foreign-currency invoice clears
// the haléř its parts' conversions leave on 311 (sales) or 321 (payables).
func TestCreditNoteClosingForeignInvoiceClearsTheLedger(t *testing.T) {
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
	cn.Lines[0].Quantity = app.Q(-1) // credit notes take back: negative quantities
	if cn, err = s.SaveDraft(ctx, cn); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Issue(ctx, cn.ID); err != nil {
		t.Fatal(err)
	}
	d, _ = s.Document(ctx, d.ID)
	if d.Remaining() != 0 || d.BaseRemaining() != 0 || balanceOf(t, s, "311") != 0 {
		t.Fatalf("closed invoice: remaining %d, base %d, 311 = %d", d.Remaining(), d.BaseRemaining(), balanceOf(t, s, "311"))
	}
	mustCheckClean(t, s)

	sup, err := s.SaveCustomer(ctx, app.Customer{Name: "Kaffee Import GmbH", Country: "DE"})
	if err != nil {
		t.Fatal(err)
	}
	p := purchase(sup.ID, "RE-78", app.D(2026, 11, 5))
	p.Currency, p.ExchangeRate = "EUR", app.RateMicro(24_325_000)
	p.VAT = []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: 20000, VAT: 4200}}
	p = mustPurchase(t, s, p)
	for range 3 {
		if _, err := s.PaySupplier(ctx, app.Payment{DocID: p.ID, Date: app.D(2026, 11, 6), Amount: app.M(1, "EUR")}); err != nil {
			t.Fatal(err)
		}
	}
	note := credit(p, "CN-78", 19998, 4199)
	note.Currency, note.ExchangeRate = "EUR", p.ExchangeRate
	mustPurchase(t, s, note)
	p, _ = s.Purchase(ctx, p.ID)
	if p.Remaining() != 0 || p.BaseRemaining() != 0 || balanceOf(t, s, "321") != 0 {
		t.Fatalf("closed received invoice: remaining %d, base %d, 321 = %d", p.Remaining(), p.BaseRemaining(), balanceOf(t, s, "321"))
	}
	mustCheckClean(t, s)
}

// An invoice recorded before PaidBase was kept gets it from its payments'
// postings, so the settling payment still clears 311 exactly.
func TestSettlingOldRecordReadsPostedPayments(t *testing.T) {
	s, c := salesStore(t)
	d := issueEUR(t, s, c)
	for range 5 {
		if _, err := s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: app.D(2026, 11, 3), Amount: app.M(1, "EUR")}); err != nil {
			t.Fatal(err)
		}
	}
	// Make it look like a schema-5 record: no base figures anywhere.
	if err := s.db.Update(func(tx *bolt.Tx) error {
		doc, err := readDoc(tx, d.ID)
		if err != nil {
			return err
		}
		doc.PaidBase = 0
		pays, _ := paymentsOf(tx, bDocPays, bPayments, d.ID)
		for _, p := range pays {
			p.Base = 0
			raw, _ := encode(p)
			if err := tx.Bucket(bPayments).Put([]byte(p.ID), raw); err != nil {
				return err
			}
		}
		return putDoc(tx, doc)
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: app.D(2026, 11, 4), Amount: app.M(d.Totals.Total-5, "EUR")}); err != nil {
		t.Fatal(err)
	}
	if got := balanceOf(t, s, "311"); got != 0 {
		t.Fatalf("311 = %d after the old invoice was settled", got)
	}
}

// issueEUR issues an invoice of 2 h × 100,00 EUR + 21 % VAT = 242,00 EUR at
// 24,325 CZK/EUR: 5 886,65 Kč on 311.
func issueEUR(t *testing.T, s *Store, c app.Customer) app.SalesDoc {
	t.Helper()
	d := draftInvoice(c)
	d.Currency, d.ExchangeRate = "EUR", app.RateMicro(24_325_000)
	d.Lines = []app.DocLine{{Text: "Consulting", Quantity: app.Q(2), Unit: "h", UnitPrice: 10000, VATKind: app.VATStandard}}
	d, err := s.SaveDraft(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if d, err = s.Issue(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	return d
}
