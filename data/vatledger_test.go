package data

import (
	"encoding/json"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// vatStore is the test company with a Czech customer, a Slovak business, a
// Czech builder and an Irish supplier.
func vatStore(t *testing.T) (s *Store, cz, sk, builder, ie app.Customer) {
	t.Helper()
	s, cz = salesStore(t)
	save := func(c app.Customer) app.Customer {
		c, err := s.SaveCustomer(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	sk = save(app.Customer{Name: "Kaviareň Pod Hradom s.r.o.", Street: "Hlavná 112/45", City: "Košice", Postcode: "040 01", Country: "SK",
		DIC: "SK2023418771", Currency: "EUR", Lang: app.English, PaymentDays: 30})
	builder = save(app.Customer{Name: "Stavby Vinohrady s.r.o.", Street: "Slezská 1540/93", City: "Praha 3", Country: "CZ", ICO: "27082440", DIC: "CZ27082440"})
	ie = save(app.Customer{Name: "Webshop Platform Ltd.", Street: "Grand Canal Square 3", City: "Dublin 2", Country: "IE", DIC: "IE4829613Q"})
	return s, cz, sk, builder, ie
}

func issueDoc(t *testing.T, s *Store, d app.SalesDoc) app.SalesDoc {
	t.Helper()
	d, err := s.SaveDraft(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if d, err = s.Issue(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	return d
}

// mustReconcile proves, month by month over [from, to], that the tagged
// postings move 343 exactly as its balance says and that output − input −
// settlements = −movement; it returns the sums of the whole period.
func mustReconcile(t *testing.T, s *Store, months ...app.Month) app.VATSums {
	t.Helper()
	var all app.VATSums
	for _, m := range months {
		ps, err := s.VATPostings(ctx, m.First(), m.Last())
		if err != nil {
			t.Fatal(err)
		}
		sums := app.SumVATPostings(ps)
		bals, err := s.BalancesBetween(ctx, m.First(), m.Last())
		if err != nil {
			t.Fatal(err)
		}
		var moved int64
		for _, b := range bals {
			if b.Account.Code == "343" {
				moved = b.Debit - b.Credit
			}
		}
		if sums.Movement != moved || !sums.Reconciles() {
			t.Errorf("%s: tagged %+v, 343 moved %d", m.Format(), sums, moved)
		}
		all.Add(sums)
	}
	return all
}

// TestEveryVATPostingIsTagged posts every kind of business that reaches 343 —
// a domestic invoice and its partial credit note, §64 goods in euros, a
// received invoice, a §92a and an EU service received, an import, a bank
// payment of the VAT, a manual entry and its reversal — and proves the
// tagged postings equal the movement of 343 and that Check is clean.
func TestEveryVATPostingIsTagged(t *testing.T) {
	s, cz, sk, builder, ie := vatStore(t)
	nov := app.D(2026, 11, 2)
	inv := issueDoc(t, s, draftInvoice(cz))
	cn, err := s.NewCreditNote(ctx, inv.ID, "reklamace")
	if err != nil {
		t.Fatal(err)
	}
	cn.Lines = cn.Lines[:1]
	cn.Lines[0].Quantity = -app.Q(1)
	cn.IssueDate, cn.TaxDate, cn.DueDate = nov, nov, nov
	cn = issueDoc(t, s, cn)
	eu := draftInvoice(sk)
	eu.Currency, eu.ExchangeRate, eu.Regime = "EUR", app.RateMicro(25_000_000), app.RegimeEUGoods
	eu = issueDoc(t, s, eu)
	_, sup := payablesStoreOn(t, s)
	mustPurchase(t, s, purchase(sup.ID, "FV-1", nov))
	rc := purchase(builder.ID, "2026/7", nov)
	rc.Regime, rc.RCCode, rc.VAT[0].VAT = app.RegimeReverseCZ, "4", 0
	rc = mustPurchase(t, s, rc)
	svc := purchase(ie.ID, "IE-118", nov)
	svc.Regime, svc.VAT[0].VAT, svc.Currency, svc.ExchangeRate = app.RegimeEUServices, 0, "EUR", app.RateMicro(25_000_000)
	svc.VAT[0].Base = 4000 // 40 € = 1 000 Kč
	mustPurchase(t, s, svc)
	imp := purchase(sup.ID, "JSD-26CZ5100", nov)
	imp.Regime = app.RegimeExport
	imp = mustPurchase(t, s, imp)
	if imp.Total != 21000 {
		t.Errorf("an import owes customs the VAT, not %d", imp.Total)
	}
	res, err := s.ImportBank(ctx, statement(bankLine(25, -50000, "")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PostBankEntry(ctx, res.Entries[0].ID, "343", "Odvod DPH za říjen"); err != nil {
		t.Fatal(err)
	}
	manual, err := s.PostEntry(ctx, app.Entry{Date: nov, Memo: "Denní tržba", Source: "manual", Lines: []app.Line{
		{Account: "211", Debit: 112000}, {Account: "604", Credit: 100000},
		{Account: "343", Credit: 12000, VAT: &app.VATTag{Side: app.VATOut, Regime: app.RegimeDomestic, Kind: app.VATReduced, Rate: app.RatePercent(12), Base: 100000}}}})
	if err != nil {
		t.Fatal(err)
	}
	rev, err := s.ReverseEntry(ctx, manual.ID, app.D(2026, 11, 3))
	if err != nil {
		t.Fatal(err)
	}
	if tag := rev.Lines[2].VAT; tag == nil || tag.Base != -100000 || tag.Side != app.VATOut {
		t.Errorf("reversal's tag %+v", tag)
	}
	sums := mustReconcile(t, s, app.Month{Year: 2026, Month: 11})
	// Output: the invoice (16 200 + 25 200), the credit note, the two
	// self-assessed purchases (21 000 each); input: the domestic purchase,
	// the two self-assessed ones and the import; the settlement 500.
	if want := int64(16200+25200) + cn.Totals.VAT + 21000 + 21000; sums.Output != want {
		t.Errorf("output VAT %d, want %d", sums.Output, want)
	}
	if sums.Input != 4*21000 || sums.Settlement != 50000 {
		t.Errorf("input VAT %d, settlements %d", sums.Input, sums.Settlement)
	}
	ps, _ := s.VATPostings(ctx, nov, nov)
	var euBase, rcOut int64
	for _, p := range ps {
		if p.Tag.Regime == app.RegimeEUGoods && p.Tag.Doc == eu.Number {
			euBase += p.Tag.Base
			if p.Tag.Partner != "SK2023418771" || p.Account == "343" {
				t.Errorf("§64 posting %+v", p)
			}
		}
		if p.Tag.Regime == app.RegimeReverseCZ && p.Tag.Side == app.VATOut {
			rcOut += p.VAT
			if p.Tag.Doc != "2026/7" || p.Tag.RCCode != "4" || p.Tag.Partner != "CZ27082440" {
				t.Errorf("§92a posting %+v", p)
			}
		}
	}
	if euBase != eu.Totals.TotalCZK || euBase == 0 || rcOut != 21000 {
		t.Errorf("§64 base %d (invoice %d), §92a output %d", euBase, eu.Totals.TotalCZK, rcOut)
	}
	mustCheckClean(t, s)
}

// payablesStoreOn adds payablesStore's supplier to s.
func payablesStoreOn(t *testing.T, s *Store) (*Store, app.Customer) {
	t.Helper()
	sup, err := s.SaveCustomer(ctx, app.Customer{Name: "Žlutá pražírna a.s.", Street: "Hlavní 1", City: "Olomouc", Postcode: "779 00",
		ICO: "45274649", DIC: "CZ45274649"})
	if err != nil {
		t.Fatal(err)
	}
	return s, sup
}

// TestUntaggedVATLineRefused: a manual entry on 343 without a tag is refused
// naming the line, and nothing is posted.
func TestUntaggedVATLineRefused(t *testing.T) {
	s, _ := MustCompany(t)
	e := sale(app.D(2026, 11, 2))
	e.Lines[2].VAT = nil
	_, err := s.PostEntry(ctx, e)
	wantCode(t, err, app.EINVALID, "entry.lines")
	if ae := err.(*app.Error); ae.Key != "err.entry.vat_untagged" || ae.Args["n"] != 3 {
		t.Errorf("error %#v", ae)
	}
	e.Lines[2].VAT = &app.VATTag{Side: app.VATOut, Regime: app.RegimeDomestic, Rate: app.RatePercent(21), Base: 50000}
	_, err = s.PostEntry(ctx, e)
	wantCode(t, err, app.EINVALID, "entry.lines")
	if n, _ := s.JournalCount(ctx, app.JournalFilter{}); n != 0 {
		t.Fatalf("%d lines posted", n)
	}
}

// TestLongCustomerNameIssues (issue 10, item 8): a customer's name of 200
// characters makes memos longer than the ledger takes; they are cut, the
// invoice is issued, and every line names the document.
func TestLongCustomerNameIssues(t *testing.T) {
	s, _ := MustCompany(t)
	name := ""
	for len([]rune(name)) < 200 {
		name += "Kavárna Žlutý kůň "
	}
	name = strings.TrimSpace(string([]rune(name)[:200]))
	c, err := s.SaveCustomer(ctx, app.Customer{Name: name, Street: "Dlouhá 5", City: "Praha 1", ICO: "25596641", DIC: "CZ25596641"})
	if err != nil {
		t.Fatal(err)
	}
	d := issueDoc(t, s, draftInvoice(c))
	e, err := s.Entry(ctx, d.EntryID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(e.Memo)); n > app.MaxMemo || !strings.HasSuffix(e.Memo, "…") || !strings.HasPrefix(e.Memo, "Faktura "+d.Number) {
		t.Errorf("entry memo (%d characters) %q", n, e.Memo)
	}
	for _, l := range e.Lines {
		if len([]rune(l.Memo)) > app.MaxMemo || !strings.HasPrefix(l.Memo, d.Number) {
			t.Errorf("line memo %q", l.Memo)
		}
	}
	pay, err := s.RecordPayment(ctx, app.Payment{DocID: d.ID, Date: app.D(2026, 11, 20), Amount: app.M(d.Totals.Total, "CZK")})
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := s.Entry(ctx, pay.EntryID); len([]rune(e.Memo)) > app.MaxMemo || !strings.Contains(e.Memo, d.Number) {
		t.Errorf("payment memo %q", e.Memo)
	}
	sup, err := s.SaveCustomer(ctx, app.Customer{Name: string([]rune(name)[:197]) + " II", Street: "Dlouhá 6", City: "Praha 1"})
	if err != nil {
		t.Fatal(err)
	}
	p := mustPurchase(t, s, purchase(sup.ID, strings.Repeat("9", 40), app.D(2026, 11, 3)))
	if e, _ := s.Entry(ctx, p.EntryID); len([]rune(e.Memo)) > app.MaxMemo {
		t.Errorf("purchase memo %q", e.Memo)
	}
}

// TestIssueRegimes: the store refuses a regime that cannot apply and prints
// none where it does not (no rate on a §64 invoice); a credit note keeps its
// invoice's regime and its VAT is the difference of the invoice's VAT.
func TestIssueRegimes(t *testing.T) {
	s, cz, sk, _, _ := vatStore(t)
	bad := draftInvoice(cz)
	bad.Regime = app.RegimeEUGoods
	bad, err := s.SaveDraft(ctx, bad)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Issue(ctx, bad.ID)
	wantCode(t, err, app.EINVALID, "doc.regime")
	eu := draftInvoice(sk)
	eu.Currency, eu.ExchangeRate, eu.Regime = "EUR", app.RateMicro(25_000_000), app.RegimeEUGoods
	eu = issueDoc(t, s, eu)
	for _, l := range eu.Lines {
		if l.VATKind != "" || l.VATRate.Micro() != 0 {
			t.Errorf("§64 line with a rate: %+v", l)
		}
	}
	cn, err := s.NewCreditNote(ctx, eu.ID, "return")
	if err != nil || cn.Regime != app.RegimeEUGoods {
		t.Fatalf("credit note %v regime %q", err, cn.Regime)
	}
	cn.Regime = app.RegimeEUServices
	if cn, err = s.SaveDraft(ctx, cn); err != nil {
		t.Fatal(err)
	}
	_, err = s.Issue(ctx, cn.ID)
	wantCode(t, err, app.EINVALID, "doc.regime")

	// 2 × 100,50 at 21 % carries 42,21 of VAT; half of it credited leaves
	// 100,50 with 21,11: the credit note's VAT is 21,10, not 21,11.
	d := draftInvoice(cz)
	d.Lines = []app.DocLine{{Text: "Mlýnek", Quantity: app.Q(2), Unit: "ks", UnitPrice: 10050, VATKind: app.VATStandard, Goods: true}}
	d = issueDoc(t, s, d)
	cn, err = s.NewCreditNote(ctx, d.ID, "vrácení")
	if err != nil {
		t.Fatal(err)
	}
	cn.Lines[0].Quantity = -app.Q(1)
	if cn, err = s.SaveDraft(ctx, cn); err != nil || cn.Totals.VAT != -2110 {
		t.Fatalf("draft credit note VAT %d (%v), want -21,10", cn.Totals.VAT, err)
	}
	cn = issueDoc(t, s, cn)
	if cn.Totals.VAT != -2110 || cn.Totals.Total != -12160 {
		t.Errorf("credit note VAT %d, total %d", cn.Totals.VAT, cn.Totals.Total)
	}
	mustReconcile(t, s, app.Month{Year: 2026, Month: 11})
	mustCheckClean(t, s)
}

// TestPurchaseRegimesRefused: a self-assessed purchase needs the supplier's
// VAT ID of the right state and no VAT on the supplier's document.
func TestPurchaseRegimesRefused(t *testing.T) {
	s, cz, _, builder, ie := vatStore(t)
	for _, tt := range []struct {
		name  string
		p     app.PurchaseInvoice
		edit  func(*app.PurchaseInvoice)
		field string
	}{
		{"§92a from a supplier without DIČ", purchase(ie.ID, "1", app.D(2026, 11, 2)), func(p *app.PurchaseInvoice) { p.Regime, p.RCCode, p.VAT[0].VAT = app.RegimeReverseCZ, "4", 0 }, "purchase.regime"},
		{"§92a without a code", purchase(builder.ID, "2", app.D(2026, 11, 2)), func(p *app.PurchaseInvoice) { p.Regime, p.VAT[0].VAT = app.RegimeReverseCZ, 0 }, "purchase.rc_code"},
		{"EU services from a Czech supplier", purchase(cz.ID, "3", app.D(2026, 11, 2)), func(p *app.PurchaseInvoice) { p.Regime, p.VAT[0].VAT = app.RegimeEUServices, 0 }, "purchase.regime"},
		{"EU services with VAT charged", purchase(ie.ID, "4", app.D(2026, 11, 2)), func(p *app.PurchaseInvoice) { p.Regime = app.RegimeEUServices }, "purchase.vat"},
		{"import without VAT", purchase(cz.ID, "5", app.D(2026, 11, 2)), func(p *app.PurchaseInvoice) { p.Regime, p.VAT[0].VAT = app.RegimeExport, 0 }, "purchase.vat"},
		{"unknown regime", purchase(cz.ID, "6", app.D(2026, 11, 2)), func(p *app.PurchaseInvoice) { p.Regime = "moon" }, "purchase.regime"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.edit(&tt.p)
			_, err := s.RecordPurchase(ctx, tt.p)
			wantCode(t, err, app.EINVALID, tt.field)
		})
	}
	if n, _ := s.JournalCount(ctx, app.JournalFilter{}); n != 0 {
		t.Fatalf("refused purchases posted %d lines", n)
	}
}

// TestMigrationTagsDocumentPostings: a file of schema 8 — its postings
// untagged, a reverse-charge invoice stored with the old flag — gets the tags
// of its documents' postings on open; a manual line on 343 stays untagged
// and Check reports it.
func TestMigrationTagsDocumentPostings(t *testing.T) {
	s, cz, sk, builder, _ := vatStore(t)
	issueDoc(t, s, draftInvoice(cz))
	eu := draftInvoice(sk)
	eu.Currency, eu.ExchangeRate, eu.Regime = "EUR", app.RateMicro(25_000_000), app.RegimeEUServices
	eu = issueDoc(t, s, eu)
	_, sup := payablesStoreOn(t, s)
	mustPurchase(t, s, purchase(sup.ID, "FV-1", app.D(2026, 11, 2)))
	rc := purchase(builder.ID, "2026/7", app.D(2026, 11, 2))
	rc.Regime, rc.RCCode, rc.VAT[0].VAT = app.RegimeReverseCZ, "4", 0
	mustPurchase(t, s, rc)
	want, _ := s.VATPostings(ctx, app.Date{}, app.Date{})
	// Manual entries: a sale (nothing tells its VAT) and a payment of VAT.
	manual, err := s.PostEntry(ctx, sale(app.D(2026, 11, 5)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PostEntry(ctx, app.Entry{Date: app.D(2026, 11, 25), Memo: "Odvod DPH za říjen", Lines: []app.Line{
		{Account: "343", Debit: 50000, VAT: app.SettlementTag()}, {Account: "221", Credit: 50000}}}); err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		// Back to schema 9: no tags, and the old flag instead of the regime,
		// written and proved as that Kontor wrote them.
		j := tx.Bucket(bJournal)
		type kv struct{ k, v []byte }
		var all []kv
		_ = j.ForEach(func(k, v []byte) error {
			var e app.Entry
			if err := decode(v, &e); err != nil {
				return err
			}
			for i := range e.Lines {
				e.Lines[i].VAT = nil
			}
			raw, _ := encode(e)
			all = append(all, kv{append([]byte(nil), k...), raw})
			return nil
		})
		for _, x := range all {
			if err := j.Put(x.k, x.v); err != nil {
				return err
			}
			if err := prove(tx, proofEntry, x.k, x.v); err != nil {
				return err
			}
		}
		var doc map[string]any
		if err := json.Unmarshal(tx.Bucket(bDocs).Get([]byte(eu.ID)), &doc); err != nil {
			return err
		}
		delete(doc, "regime")
		doc["reverse_charge"] = true
		raw, _ := json.Marshal(doc)
		if err := tx.Bucket(bDocs).Put([]byte(eu.ID), raw); err != nil {
			return err
		}
		if err := prove(tx, proofDoc, []byte(eu.ID), raw); err != nil {
			return err
		}
		a := auditor{tx: tx, clock: app.NewFixedClock(testNow), user: "admin"}
		if err := a.log("post", "entry", "", "written by the Kontor of schema 9"); err != nil {
			return err
		}
		return setSchema(tx, 9)
	})
	if err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	s, err = Open(path, Options{NoAutoBackup: true, Clock: app.NewFixedClock(testNow)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.VATPostings(ctx, app.Date{}, app.Date{})
	if err != nil {
		t.Fatal(err)
	}
	// The documents' postings as they were tagged when posted, then the
	// manual sale unclassified and the payment of VAT a settlement.
	if len(got) != len(want)+2 {
		t.Fatalf("%d tagged postings after the migration, %d before", len(got), len(want))
	}
	if m := got[len(got)-2]; m.EntryID != manual.ID || m.Tag != (app.VATTag{Regime: app.RegimeUnclassified}) || m.Movement != -21000 {
		t.Errorf("the manual sale's line: %+v", m)
	}
	if p := got[len(got)-1]; p.Tag.Regime != app.RegimeSettlement || p.Movement != 50000 {
		t.Errorf("the payment of VAT: %+v", p)
	}
	got = got[:len(want)]
	for i := range got {
		if got[i].Tag != want[i].Tag || got[i].Account != want[i].Account {
			t.Errorf("posting %d: %+v, was %+v", i, got[i], want[i])
		}
	}
	if d, _ := s.Document(ctx, eu.ID); d.Regime != app.RegimeEUServices {
		t.Errorf("the old reverse-charge invoice reads back as %q", d.Regime)
	}
	// The history of the file is no fault: Check (and so every backup) is
	// clean; the unclassified line is the VAT return's to list.
	mustCheckClean(t, s)
	sums := mustReconcile(t, s, app.Month{Year: 2026, Month: 11})
	if sums.Unclassified != -21000 {
		t.Errorf("unclassified %d", sums.Unclassified)
	}
	// It can be reversed, and the reversal cancels it; nothing new is posted
	// unclassified.
	rev, err := s.ReverseEntry(ctx, manual.ID, app.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if rev.Lines[2].VAT == nil || rev.Lines[2].VAT.Regime != app.RegimeUnclassified {
		t.Errorf("reversal %+v", rev.Lines[2])
	}
	e := sale(app.D(2026, 11, 6))
	e.Lines[2].VAT = &app.VATTag{Regime: app.RegimeUnclassified}
	_, err = s.PostEntry(ctx, e)
	wantCode(t, err, app.EINVALID, "entry.lines")
	mustCheckClean(t, s)
}

// TestVATMigrationLaundersNothing: an invoice's entry changed behind the
// trail's back (amounts moved, the VAT tag dropped) and the schema set back
// so that the tagging migration runs again: the migration leaves it alone,
// and Check still reports the change.
func TestVATMigrationLaundersNothing(t *testing.T) {
	s, c := salesStore(t)
	d := issueDoc(t, s, draftInvoice(c))
	err := s.db.Update(func(tx *bolt.Tx) error {
		seq := tx.Bucket(bEntryIDs).Get([]byte(d.EntryID))
		if err := editJSON(tx, bJournal, seq, func(m map[string]any) {
			for _, l := range m["lines"].([]any) {
				line := l.(map[string]any)
				delete(line, "vat")
				if line["acct"] == "311" {
					line["dr"] = json.Number("1")
				}
				if line["acct"] == "604" {
					line["cr"] = json.Number("1")
				}
			}
		}); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(kSchema, u64(9))
	})
	if err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	s, err = Open(path, Options{NoAutoBackup: true, Clock: app.NewFixedClock(testNow)})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, _ := s.Entry(ctx, d.EntryID)
	for _, l := range e.Lines {
		if l.VAT != nil {
			t.Errorf("the migration tagged a changed entry: %+v", l)
		}
	}
	if got := checkTexts(t, s); !strings.Contains(got, "journal entry "+e.Number+" was changed") {
		t.Errorf("check said %q", got)
	}
}
