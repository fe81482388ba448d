package payables

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/kittest"
	"kontor/screens/kit"
)

// TestPurchaseFormSelfAssessed: a supplier with an Irish VAT ID makes the
// received invoice a service from another member state: the VAT is computed,
// not typed, the total is the base, and recording it stores the invoice in
// that regime and posts the same VAT as output and input on 343 — read
// from the real store's journal, net zero.
func TestPurchaseFormSelfAssessed(t *testing.T) {
	pt := newPayablesTest(t)
	w, db := pt.w, pt.db
	kit.UILang = app.English // the amounts typed and shown in English formats
	ie, err := db.SaveCustomer(db.Ctx, app.Customer{Name: "Webshop Platform Ltd.", Street: "Grand Canal Square 3", City: "Dublin 2", Country: "IE",
		DIC: "IE4829613Q", Supplier: true})
	if err != nil {
		t.Fatal(err)
	}
	before := db.EntryIDs(t)
	test.Tap(button(t, w.Content(), "New received invoice…"))
	f := pt.v.form
	if f == nil {
		t.Fatal("no form")
	}
	pt.chooseSupplier(t, "Webshop")
	if f.supplier == nil || f.supplier.ID != ie.ID {
		t.Fatalf("supplier not chosen: %+v", f.supplier)
	}
	if f.regime.Selected != "Service received from an EU business (§9(1))" {
		t.Fatalf("regime %q", f.regime.Selected)
	}
	test.Type(f.number, "IE-2026-118")
	test.Type(f.rows[0].base, "1,000.00")
	if !f.rows[0].vat.Disabled() || f.rows[0].vat.Text != "210.00" || f.total.Text != "Total CZK\u00a01,000.00 · VAT you self-assess and claim: CZK\u00a0210.00" {
		t.Errorf("VAT %q (disabled %v), total %q", f.rows[0].vat.Text, f.rows[0].vat.Disabled(), f.total.Text)
	}
	test.Tap(button(t, w.Content(), "Record and post"))
	if got := kittest.DialogText(w); !strings.Contains(got, "is recorded and posted") {
		t.Fatalf("after Record and post: %q", got)
	}
	kittest.CloseDialogs(w)

	// What the store holds, read as the admin, not from the form: the
	// invoice in the self-assessed regime, owing only the base.
	ps, _, err := db.Purchases(db.Ctx, app.PurchaseFilter{Search: "IE-2026-118"}, 0, 10)
	if err != nil || len(ps) != 1 {
		t.Fatalf("recorded %+v (%v)", ps, err)
	}
	p := ps[0]
	if p.Regime != app.RegimeEUServices || p.SupplierID != ie.ID || p.Supplier.DIC != "IE4829613Q" || p.Total != 100000 || p.Posted != 100000 ||
		p.NoDeduction || len(p.VAT) == 0 || p.VAT[0].Base != 100000 || p.VAT[0].VAT != 0 {
		t.Errorf("stored invoice: regime %q supplier %q DIČ %q total %d posted %d no deduction %v VAT %+v",
			p.Regime, p.SupplierID, p.Supplier.DIC, p.Total, p.Posted, p.NoDeduction, p.VAT)
	}
	// The journal: one entry, the cost against the supplier, and the VAT
	// self-assessed on 343 as output (credit) and claimed as input (debit).
	posted := db.NewEntries(t, before)
	if len(posted) != 1 || posted[0].ID != p.EntryID {
		t.Fatalf("posted %d entries (%+v), the invoice's is %s", len(posted), posted, p.EntryID)
	}
	if s := sums(posted[0]); s["518"] != 100000 || s["321"] != -100000 || s["343"] != 0 || len(s) != 3 {
		t.Errorf("self-assessed posting %v: %+v", s, posted[0].Lines)
	}
	var out, in int64
	for _, ln := range posted[0].Lines {
		if ln.Account != "343" {
			continue
		}
		tag := ln.VAT
		if tag == nil || tag.Regime != app.RegimeEUServices || tag.Base != 100000 || tag.Partner != "IE4829613Q" || tag.Doc != "IE-2026-118" {
			t.Errorf("343 line %+v, tag %+v", ln, tag)
			continue
		}
		switch {
		case tag.Side == app.VATOut && ln.Credit == 21000 && ln.Debit == 0:
			out += ln.Credit
		case tag.Side == app.VATIn && ln.Debit == 21000 && ln.Credit == 0:
			in += ln.Debit
		default:
			t.Errorf("343 line %+v on the side %q", ln, tag.Side)
		}
	}
	if out != 21000 || in != 21000 {
		t.Errorf("343: output VAT %d, input VAT %d, want 210,00 each", out, in)
	}
	if b := balance(t, db, "343"); b != 0 {
		t.Errorf("343 balance %d, want net zero", b)
	}
	// The VAT return reads the same two tagged lines.
	vps, err := db.VATPostings(db.Ctx, app.D(2026, 3, 15), app.D(2026, 3, 15))
	if err != nil || len(vps) != 2 {
		t.Fatalf("%d tagged postings (%v)", len(vps), err)
	}
	tot := app.SumVATPostings(vps)
	if tot.Output != 21000 || tot.Input != 21000 || tot.Movement != 0 || vps[0].Tag.Regime != app.RegimeEUServices || vps[0].Tag.Partner != "IE4829613Q" {
		t.Errorf("postings %+v", vps)
	}
}
