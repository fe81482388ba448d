package accounts

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/kittest"
)

// TestJournalEntryAsksForVAT (issue 10, item 4): a line on 343 asks which VAT
// it is; the side follows the amount, the base follows amount and rate, and
// the posted line carries the tag. A base that is not the rate of the VAT
// keeps Post disabled with the reason at the lines.
func TestJournalEntryAsksForVAT(t *testing.T) {
	db := openDB(t)
	s, h := openAccounts(t, db, app.User{}, nil)
	w := h.Window()
	s.tabs.SelectIndex(1)
	test.Tap(button(t, s.tabs, "New entry…"))
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
	post := button(t, top(t, w), "Post")
	// A base typed by hand that the VAT is not 12 % of.
	v.base.SetText("500.00")
	if !post.Disabled() || !strings.Contains(texts(top(t, w)), "the VAT is not the rate of the base") {
		t.Errorf("wrong base: Post enabled %v\n%s", !post.Disabled(), texts(top(t, w)))
	}
	v.base.SetText("")
	if post.Disabled() || v.base.Text != "1,000.00" {
		t.Fatalf("cleared base shows %q, Post enabled %v", v.base.Text, !post.Disabled())
	}
	test.Tap(post)
	today := app.Today(db.Clock)
	ps, err := db.VATPostings(db.Ctx, today, today)
	if err != nil || len(ps) != 1 {
		t.Fatalf("%d tagged postings (%v)", len(ps), err)
	}
	tag := ps[0].Tag
	if tag.Side != app.VATOut || tag.Regime != app.RegimeDomestic || tag.Kind != app.VATReduced || tag.Rate != app.RatePercent(12) || tag.Base != 100000 || ps[0].VAT != 12000 {
		t.Errorf("posted %+v", ps[0])
	}
	kittest.CloseDialogs(w)

	// Paying the VAT to the tax office is a settlement: no regime, rate or base.
	test.Tap(button(t, s.tabs, "New entry…"))
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
	tapDialog(t, w, "Post")
	ps, _ = db.VATPostings(db.Ctx, today, today)
	if len(ps) != 2 || ps[1].Tag.Regime != app.RegimeSettlement || app.SumVATPostings(ps).Movement != 0 {
		t.Errorf("after the settlement: %+v", ps)
	}
	// The tagged postings move 343 exactly as the ledger's balance does.
	bal, err := db.BalancesBetween(db.Ctx, today, today)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bal {
		if b.Account.Code == "343" && (b.Debit != 12000 || b.Credit != 12000) {
			t.Errorf("343 in the ledger: %+v", b)
		}
	}
}
