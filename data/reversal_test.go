package data

import (
	"testing"

	"kontor/app"
)

func TestReverseEntry(t *testing.T) {
	s, c := salesStore(t)
	e, err := s.PostEntry(ctx, sale(app.D(2026, 3, 2)))
	if err != nil {
		t.Fatal(err)
	}
	rev, err := s.ReverseEntry(ctx, e.ID, app.Date{})
	if err != nil {
		t.Fatal(err)
	}
	if rev.Number != "ID2026-00002" || rev.Date != e.Date || rev.Lines[0].Credit != e.Lines[0].Debit {
		t.Fatalf("reversal %+v", rev)
	}
	bals, _ := s.Balances(ctx, app.Month{Year: 2026, Month: 3}, app.Month{Year: 2026, Month: 3})
	for _, b := range bals {
		if b.Closing() != 0 {
			t.Errorf("account %s not back to zero: %d", b.Account.Code, b.Closing())
		}
	}
	_, err = s.ReverseEntry(ctx, e.ID, app.Date{})
	wantCode(t, err, app.ECONFLICT, "")
	_, err = s.ReverseEntry(ctx, rev.ID, app.Date{})
	wantCode(t, err, app.ECONFLICT, "")
	// An invoice's posting is corrected by a credit note, not reversed here.
	d, _ := s.SaveDraft(ctx, draftInvoice(c))
	d, _ = s.Issue(ctx, d.ID)
	_, err = s.ReverseEntry(ctx, d.EntryID, app.Date{})
	wantCode(t, err, app.ECONFLICT, "")
	// A locked month refuses the reversal; another date works.
	e2, _ := s.PostEntry(ctx, sale(app.D(2026, 4, 2)))
	_ = s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 4}, true)
	_, err = s.ReverseEntry(ctx, e2.ID, app.Date{})
	wantCode(t, err, app.EINVALID, "entry.date")
	if _, err := s.ReverseEntry(ctx, e2.ID, app.D(2026, 5, 1)); err != nil {
		t.Fatal(err)
	}
	mustCheckClean(t, s)
}

// The entries this store writes for received invoices, bank lines posted to
// an account, reversals and year closings keep their Czech memo and carry
// its key and arguments, so a reader in English sees them translated.
func TestStoredMemosCarryKeys(t *testing.T) {
	f := newBankFixture(t)
	s := f.s
	sup, err := s.SaveCustomer(ctx, app.Customer{Name: "Dřevo a.s.", ICO: "45274649", DIC: "CZ45274649"})
	if err != nil {
		t.Fatal(err)
	}
	p := mustPurchase(t, s, purchase(sup.ID, "FV-77", app.D(2026, 11, 5)))
	fee := bankLine(28, -18900, "")
	fee.Message = "Poplatek"
	res, err := s.ImportBank(ctx, statement(fee))
	if err != nil {
		t.Fatal(err)
	}
	line, err := s.PostBankEntry(ctx, res.Entries[0].ID, "568", "")
	if err != nil {
		t.Fatal(err)
	}
	manual, err := s.PostEntry(ctx, sale(app.D(2025, 6, 10)))
	if err != nil {
		t.Fatal(err)
	}
	rev, err := s.ReverseEntry(ctx, manual.ID, app.D(2025, 6, 11))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PostEntry(ctx, sale(app.D(2025, 7, 1))); err != nil {
		t.Fatal(err)
	}
	closing, err := s.CloseYear(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	reopen, err := s.ReopenYear(ctx, 2025)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		id, key, czech string
		arg            string
	}{
		{p.EntryID, "memo.purchase", "Přijatá faktura " + p.Number + " (FV-77) – Dřevo a.s.", "supplier_number"},
		{line.EntryID, "memo.bank", "Banka – Poplatek", "text"},
		{rev.ID, "memo.reversal", "Storno " + manual.Number + " – Faktura za kávu", "memo"},
		{closing.ID, "memo.year_close", "Roční uzávěrka 2025", "year"},
		{reopen.ID, "memo.year_reopen", "Zrušení roční uzávěrky 2025", "year"},
	} {
		e, err := s.Entry(ctx, tc.id)
		if err != nil {
			t.Fatal(err)
		}
		if e.Memo != tc.czech || e.MemoKey != tc.key || !hasArg(e.MemoArgs, tc.arg) {
			t.Errorf("%s: memo %q key %q args %v", tc.key, e.Memo, e.MemoKey, e.MemoArgs)
		}
	}
	mustCheckClean(t, s)
}

func hasArg(args app.AuditArgs, name string) bool {
	_, ok := args[name]
	return ok
}
