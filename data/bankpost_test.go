package data

import (
	"testing"

	"kontor/app"
)

func TestPostBankEntryToAccount(t *testing.T) {
	f := newBankFixture(t)
	s := f.s
	fee := bankLine(28, -18900, "")
	fee.Message = "Poplatek za vedení účtu 11/2026"
	interest := bankLine(30, 1234, "")
	res, err := s.ImportBank(ctx, statement(fee, interest))
	if err != nil {
		t.Fatal(err)
	}
	feeE, intE := res.Entries[0], res.Entries[1]
	lines0, _ := f.counts(t)
	for _, tc := range []struct {
		name, id, account, code, field string
	}{
		{"no account", feeE.ID, " ", app.EINVALID, "bank.account"},
		{"unknown account", feeE.ID, "999", app.EINVALID, "bank.account"},
		{"the bank account itself", feeE.ID, "221", app.EINVALID, "bank.account"},
		{"receivables are paid through invoices", feeE.ID, "311", app.EINVALID, "bank.account"},
		{"unknown line", "nope", "568", app.ENOTFOUND, "bank.entry"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.PostBankEntry(ctx, tc.id, tc.account, "")
			wantCode(t, err, tc.code, tc.field)
			if l, _ := f.counts(t); l != lines0 {
				t.Fatalf("refused posting wrote %d journal lines", l-lines0)
			}
		})
	}
	got, err := s.PostBankEntry(ctx, feeE.ID, "568", "")
	if err != nil {
		t.Fatal(err)
	}
	if got.State != app.MatchPosted || got.Kind != app.PayKindAccount || got.EntryID == "" || got.DocNumber == "" {
		t.Fatalf("posted line %+v", got)
	}
	e, err := s.Entry(ctx, got.EntryID)
	if err != nil {
		t.Fatal(err)
	}
	want := []app.Line{{Account: "568", Debit: 18900, Memo: fee.Message}, {Account: "221", Credit: 18900, Memo: fee.Message}}
	if len(e.Lines) != 2 || e.Lines[0] != want[0] || e.Lines[1] != want[1] || e.Date != fee.Date {
		t.Fatalf("entry %+v", e)
	}
	if _, err := s.PostBankEntry(ctx, intE.ID, "662", "Úroky 11/2026"); err != nil {
		t.Fatal(err)
	}
	// Posted once: a second posting, a confirmation or ignoring it is refused.
	_, err = s.PostBankEntry(ctx, feeE.ID, "568", "")
	wantCode(t, err, app.ECONFLICT, "bank.entry")
	_, err = s.ConfirmBank(ctx, []app.BankPairing{{EntryID: feeE.ID, Kind: app.PayKindPurchase, DocID: f.purchase.ID}})
	wantCode(t, err, app.ECONFLICT, "bank.entry")
	wantCode(t, s.IgnoreBankEntry(ctx, feeE.ID), app.ECONFLICT, "bank.entry")
	// Its posting is the bank line's: reversing it by hand is refused.
	_, err = s.ReverseEntry(ctx, got.EntryID, app.Date{})
	wantCode(t, err, app.ECONFLICT, "")
	if l, _ := f.counts(t); l != lines0+4 {
		t.Fatalf("%d journal lines posted, want 4", l-lines0)
	}
	if pending, _ := s.BankEntries(ctx, true); len(pending) != 0 {
		t.Fatalf("%d lines still pending", len(pending))
	}
	mustCheckClean(t, s)
}
