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
