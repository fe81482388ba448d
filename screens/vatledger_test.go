package screens

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data"
	"kontor/screens/kit"
)

// realDeps opens a real store in a temp dir with the test company and its
// admin signed in, for screens driven over the store itself.
func realDeps(t *testing.T) (kit.Deps, *data.Store, app.Company) {
	t.Helper()
	clock := app.NewFixedClock(time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC))
	st, err := data.Open(filepath.Join(t.TempDir(), "kontor.db"), data.Options{Clock: clock, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	admin, err := st.CreateFirstAdmin(context.Background(), app.NewUser{Name: "jana", FullName: "Jana Nováková", Password: testAdminPassword})
	if err != nil {
		t.Fatal(err)
	}
	ctx := app.WithUser(context.Background(), admin)
	c, err := st.CreateCompany(ctx, testCompany())
	if err != nil {
		t.Fatal(err)
	}
	return kit.Deps{Services: st.Services(), Sess: &kit.Session{User: admin}}, st, c
}

// realJournal is the Accounts tab's journal over the real store.
func realJournal(t *testing.T) (*accountsScreen, fyne.Window, *data.Store, context.Context) {
	t.Helper()
	test.NewTempApp(t)
	d, st, c := realDeps(t)
	w := test.NewTempWindow(t, nil)
	s := newAccountsScreen(d, w, c)
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(1400, 800))
	w.Content().(interface{ SelectIndex(int) }).SelectIndex(1)
	return s, w, st, d.Ctx()
}

// TestJournalEntryAsksForVAT (issue 10, item 4): a line on 343 asks which VAT
// it is; the side follows the amount, the base follows amount and rate, and
// the posted line carries the tag. A base that is not the rate of the VAT
// keeps Post disabled with the reason at the lines.
func TestJournalEntryAsksForVAT(t *testing.T) {
	s, w, st, ctx := realJournal(t)
	test.Tap(button(t, w.Content(), "New entry…"))
	f := s.journal.form
	if f == nil {
		t.Fatal("no entry form")
	}
	f.addRow()
	test.Type(f.memo, "Denní tržba – kavárna Vinohrady")
	selectAccount(t, f.rows[0].account, "211")
	test.Type(f.rows[0].debit, "1,120.00")
	selectAccount(t, f.rows[1].account, "604")
	test.Type(f.rows[1].credit, "1,000.00")
	if f.rows[0].vat.box.Visible() {
		t.Error("a cash line asks for VAT")
	}
	selectAccount(t, f.rows[2].account, "343")
	v := f.rows[2].vat
	if !v.box.Visible() {
		t.Fatal("the VAT line asks nothing")
	}
	test.Type(f.rows[2].credit, "120.00")
	v.rate.SetSelectedIndex(1) // the reduced rate, 12 % in 2026
	if v.side.Selected != "Output VAT" || v.base.Text != "1,000.00" {
		t.Errorf("side %q, base %q", v.side.Selected, v.base.Text)
	}
	post := button(t, w.Canvas().Overlays().Top(), "Post")
	// A base typed by hand that the VAT is not 12 % of.
	v.base.SetText("500.00")
	if !post.Disabled() || !strings.Contains(texts(w.Canvas().Overlays().Top()), "the VAT is not the rate of the base") {
		t.Errorf("wrong base: Post enabled %v\n%s", !post.Disabled(), texts(w.Canvas().Overlays().Top()))
	}
	v.base.SetText("")
	if post.Disabled() || v.base.Text != "1,000.00" {
		t.Fatalf("cleared base shows %q, Post enabled %v", v.base.Text, !post.Disabled())
	}
	test.Tap(post)
	ps, err := st.VATPostings(ctx, app.D(2026, 3, 15), app.D(2026, 3, 15))
	if err != nil || len(ps) != 1 {
		t.Fatalf("%d tagged postings (%v)", len(ps), err)
	}
	tag := ps[0].Tag
	if tag.Side != app.VATOut || tag.Regime != app.RegimeDomestic || tag.Kind != app.VATReduced || tag.Rate != app.RatePercent(12) || tag.Base != 100000 || ps[0].VAT != 12000 {
		t.Errorf("posted %+v", ps[0])
	}

	// Paying the VAT to the tax office is a settlement: no regime, rate or base.
	test.Tap(button(t, w.Content(), "New entry…"))
	f = s.journal.form
	selectAccount(t, f.rows[0].account, "343")
	test.Type(f.rows[0].debit, "120.00")
	v = f.rows[0].vat
	if v.side.Selected != "Input VAT" {
		t.Errorf("a debit of 343 suggests %q", v.side.Selected)
	}
	v.side.SetSelected("Settlement with the tax office")
	if v.regime.Visible() || v.base.Visible() {
		t.Error("a settlement asks for a regime or a base")
	}
	selectAccount(t, f.rows[1].account, "221")
	test.Type(f.rows[1].credit, "120.00")
	test.Tap(button(t, w.Canvas().Overlays().Top(), "Post"))
	ps, _ = st.VATPostings(ctx, app.D(2026, 3, 15), app.D(2026, 3, 15))
	if len(ps) != 2 || ps[1].Tag.Regime != app.RegimeSettlement || app.SumVATPostings(ps).Movement != 0 {
		t.Errorf("after the settlement: %+v", ps)
	}
}

// TestSalesFormRegime (issue 10, item 6): choosing a Slovak business makes
// the invoice an intra-Community supply of goods (§64) — no rates, the legal
// wording under the totals — a service line alone makes it §9(1), an
// exemption asks for its paragraph, and the issued invoice posts a tagged
// revenue line and nothing to 343.
func TestSalesFormRegime(t *testing.T) {
	test.NewTempApp(t)
	d, st, c := realDeps(t)
	ctx := d.Ctx()
	sk, err := st.SaveCustomer(ctx, app.Customer{Name: "Kaviareň Pod Hradom s.r.o.", Street: "Hlavná 112/45", City: "Košice", Postcode: "040 01",
		Country: "SK", DIC: "SK2023418771", Currency: "EUR", Lang: app.English, PaymentDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveItem(ctx, app.Item{Code: "KAV-1KG", Name: "Pražená káva 1 kg", Unit: "kg", Price: app.M(52000, "CZK"), VATKind: app.VATReduced, Stock: true}); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	s := newSalesScreen(d, w, c)
	w.SetContent(s.buildUI())
	w.Resize(fyne.NewSize(1400, 900))
	s.newDoc(app.KindInvoice)
	f := s.form
	f.setCustomer(sk)
	if f.regime.Selected != "Goods to another EU member state (§64)" {
		t.Fatalf("regime for a Slovak business: %q", f.regime.Selected)
	}
	if f.opts.ByKey["doc.exempt"].Label.Visible() || f.gross.Visible() || !f.lines.rows[0].vat.Disabled() {
		t.Error("§64 shows the exemption, VAT-inclusive prices or the rate of a line")
	}
	r := f.lines.rows[0]
	test.Type(r.text, "Barista course")
	test.Type(r.price, "95.00")
	if f.regime.Selected != "Service to a business abroad (§9(1))" {
		t.Errorf("a service line alone: %q", f.regime.Selected)
	}
	r.item.SetSelectedIndex(1) // the coffee: goods
	f.rate.SetText("25")
	if f.regime.Selected != "Goods to another EU member state (§64)" {
		t.Errorf("with goods: %q", f.regime.Selected)
	}
	if got := texts(f.totals.box); !strings.Contains(got, "Exempt intra-Community supply of goods, Art. 138 Directive 2006/112/EC") || strings.Contains(got, "VAT 12") {
		t.Errorf("totals:\n%s", got)
	}
	f.regime.SetSelected("Exempt without credit (§51)")
	if !f.opts.ByKey["doc.exempt"].Label.Visible() {
		t.Error("an exemption does not ask for its paragraph")
	}
	f.regime.SetSelected("Goods to another EU member state (§64)")
	f.setCustomer(sk) // the user chose the regime; picking the customer again defaults it again
	doc, err := f.read(true)
	if err != nil || doc.Regime != app.RegimeEUGoods {
		t.Fatalf("read %q, %v", doc.Regime, err)
	}
	f.save(nil)
	inv, err := st.Issue(ctx, s.form.doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	e, _ := st.Entry(ctx, inv.EntryID)
	for _, l := range e.Lines {
		if l.Account == "343" {
			t.Errorf("a §64 invoice posts VAT: %+v", l)
		}
		if l.Account == "604" && (l.VAT == nil || l.VAT.Regime != app.RegimeEUGoods || l.VAT.Base != l.Credit) {
			t.Errorf("revenue line %+v", l)
		}
	}
}

// TestPurchaseFormSelfAssessed: a supplier with an Irish VAT ID makes the
// received invoice a service from another member state: the VAT is computed,
// not typed, the total is the base, and recording it posts the same VAT as
// output and input.
func TestPurchaseFormSelfAssessed(t *testing.T) {
	test.NewTempApp(t)
	d, st, c := realDeps(t)
	ctx := d.Ctx()
	ie, err := st.SaveCustomer(ctx, app.Customer{Name: "Webshop Platform Ltd.", Street: "Grand Canal Square 3", City: "Dublin 2", Country: "IE",
		DIC: "IE4829613Q", Supplier: true})
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	v := newPayablesView(d, w, c)
	w.SetContent(v.buildUI())
	w.Resize(fyne.NewSize(1280, 820))
	test.Tap(button(t, w.Content(), "New received invoice…"))
	f := v.form
	f.setSupplier(ie)
	if f.regime.Selected != "Service received from an EU business (§9(1))" {
		t.Fatalf("regime %q", f.regime.Selected)
	}
	test.Type(f.number, "IE-2026-118")
	test.Type(f.rows[0].base, "1,000.00")
	if !f.rows[0].vat.Disabled() || f.rows[0].vat.Text != "210.00" || f.total.Text != "Total CZK\u00a01,000.00 · VAT you self-assess and claim: CZK\u00a0210.00" {
		t.Errorf("VAT %q (disabled %v), total %q", f.rows[0].vat.Text, f.rows[0].vat.Disabled(), f.total.Text)
	}
	test.Tap(button(t, w.Content(), "Record and post"))
	ps, err := st.VATPostings(ctx, app.D(2026, 3, 15), app.D(2026, 3, 15))
	if err != nil || len(ps) != 2 {
		t.Fatalf("%d tagged postings (%v)", len(ps), err)
	}
	sums := app.SumVATPostings(ps)
	if sums.Output != 21000 || sums.Input != 21000 || sums.Movement != 0 || ps[0].Tag.Regime != app.RegimeEUServices || ps[0].Tag.Partner != "IE4829613Q" {
		t.Errorf("postings %+v", ps)
	}
}
