package data

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// bankFixture is a company with two issued invoices (FV2026-0001 and -0002,
// 5 388 Kč each, VS 20260001 and 20260002) and one received invoice
// (1 210 Kč, VS 2026118).
type bankFixture struct {
	s        *Store
	inv1     app.SalesDoc
	inv2     app.SalesDoc
	purchase app.PurchaseInvoice
}

func newBankFixture(t *testing.T) bankFixture {
	s, cust := salesStore(t)
	var f bankFixture
	f.s = s
	for i := range 2 {
		d, err := s.SaveDraft(ctx, draftInvoice(cust))
		if err != nil {
			t.Fatal(err)
		}
		if d, err = s.Issue(ctx, d.ID); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			f.inv1 = d
		} else {
			f.inv2 = d
		}
	}
	sup, err := s.SaveCustomer(ctx, app.Customer{Name: "Žlutá pražírna a.s."})
	if err != nil {
		t.Fatal(err)
	}
	f.purchase = mustPurchase(t, s, purchase(sup.ID, "FV-2026/118", app.D(2026, 11, 5)))
	return f
}

func statement(lines ...app.BankLine) app.BankStatement {
	for i := range lines {
		lines[i].Line = i + 2
	}
	return app.BankStatement{Format: app.BankFormatABO, Account: "19-2000145399", Currency: "CZK",
		From: app.D(2026, 11, 1), To: app.D(2026, 11, 30), Lines: lines}
}

func bankLine(day int, amount int64, vs string) app.BankLine {
	return app.BankLine{Date: app.D(2026, 11, day), Amount: app.M(amount, "CZK"), VariableSymbol: vs, CounterName: "Kavárna"}
}

// counts returns the number of journal lines and of payments (sales and supplier).
func (f bankFixture) counts(t *testing.T) (lines, pays int) {
	t.Helper()
	n, err := f.s.JournalCount(ctx, app.JournalFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{f.inv1.ID, f.inv2.ID} {
		ps, _ := f.s.Payments(ctx, id)
		pays += len(ps)
	}
	ps, _ := f.s.SupplierPayments(ctx, f.purchase.ID)
	return n, pays + len(ps)
}

func states(es []app.BankEntry) []app.BankMatchState {
	out := make([]app.BankMatchState, len(es))
	for i, e := range es {
		out[i] = e.State
	}
	return out
}

func wantStates(t *testing.T, es []app.BankEntry, want ...app.BankMatchState) {
	t.Helper()
	got := states(es)
	if len(got) != len(want) {
		t.Fatalf("states %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("states %v, want %v", got, want)
		}
	}
}

func TestBankImportMatchConfirm(t *testing.T) {
	f := newBankFixture(t)
	s := f.s
	total := f.inv1.Totals.Total
	st := statement(
		bankLine(10, total, "20260001"),  // pays FV2026-0001
		bankLine(11, 50000, "77"),        // nothing fits: stays pending
		bankLine(12, -121000, "2026118"), // pays the received invoice
		bankLine(12, -5000, ""),          // a bank fee
	)
	preview, err := s.PreviewBank(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	wantStates(t, preview, app.MatchFound, app.MatchNone, app.MatchFound, app.MatchNone)
	if preview[0].DocID != f.inv1.ID || preview[0].DocNumber != "FV2026-0001" || preview[0].Kind != app.PayKindSale {
		t.Fatalf("sale proposal %+v", preview[0])
	}
	if preview[2].DocID != f.purchase.ID || preview[2].Kind != app.PayKindPurchase || preview[2].Party != "Žlutá pražírna a.s." {
		t.Fatalf("purchase proposal %+v", preview[2])
	}
	if es, _ := s.BankEntries(ctx, false); len(es) != 0 {
		t.Fatalf("preview stored %d lines", len(es))
	}
	lines0, pays0 := f.counts(t)

	res, err := s.ImportBank(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entries) != 4 || res.Skipped != 0 {
		t.Fatalf("first import %d stored, %d skipped", len(res.Entries), res.Skipped)
	}
	wantStates(t, res.Entries, app.MatchFound, app.MatchNone, app.MatchFound, app.MatchNone)
	// Nothing is posted before the accountant confirms.
	if l, p := f.counts(t); l != lines0 || p != pays0 {
		t.Fatalf("import posted: %d lines, %d payments", l, p)
	}
	again, err := s.ImportBank(ctx, st)
	if err != nil || len(again.Entries) != 0 || again.Skipped != 4 {
		t.Fatalf("second import %+v, %v", again, err)
	}
	preview, _ = s.PreviewBank(ctx, st)
	wantStates(t, preview, app.MatchImported, app.MatchImported, app.MatchImported, app.MatchImported)
	if preview[0].ID != res.Entries[0].ID {
		t.Errorf("imported line's ID %q, want %q", preview[0].ID, res.Entries[0].ID)
	}

	pairs := []app.BankPairing{
		{EntryID: res.Entries[0].ID, Kind: res.Entries[0].Kind, DocID: res.Entries[0].DocID},
		{EntryID: res.Entries[2].ID, Kind: res.Entries[2].Kind, DocID: res.Entries[2].DocID},
	}
	posted, err := s.ConfirmBank(ctx, pairs)
	if err != nil {
		t.Fatal(err)
	}
	wantStates(t, posted, app.MatchPosted, app.MatchPosted)
	l1, p1 := f.counts(t)
	if l1 != lines0+4 || p1 != pays0+2 {
		t.Fatalf("after confirming: %d lines, %d payments (before %d, %d)", l1, p1, lines0, pays0)
	}
	pays, _ := s.Payments(ctx, f.inv1.ID)
	if len(pays) != 1 || pays[0].BankEntry != posted[0].ID || pays[0].ID != posted[0].PaymentID || pays[0].Date != app.D(2026, 11, 10) || pays[0].Method != app.PayBank {
		t.Fatalf("sale payment %+v", pays)
	}
	wantSums(t, accountSums(t, s, pays[0].EntryID), map[string]int64{"221": total, "311": -total})
	sp, _ := s.SupplierPayments(ctx, f.purchase.ID)
	if len(sp) != 1 || sp[0].BankEntry != posted[1].ID {
		t.Fatalf("supplier payment %+v", sp)
	}
	wantSums(t, accountSums(t, s, sp[0].EntryID), map[string]int64{"321": 121000, "221": -121000})
	if d, _ := s.Document(ctx, f.inv1.ID); d.Remaining() != 0 {
		t.Fatalf("invoice left %d", d.Remaining())
	}

	// Confirming again, or importing again, posts nothing twice.
	_, err = s.ConfirmBank(ctx, pairs)
	wantCode(t, err, app.ECONFLICT, "bank.entry")
	if _, err := s.ImportBank(ctx, st); err != nil {
		t.Fatal(err)
	}
	if l, p := f.counts(t); l != l1 || p != p1 {
		t.Fatalf("posted twice: %d lines, %d payments, want %d, %d", l, p, l1, p1)
	}
	pending, _ := s.BankEntries(ctx, true)
	wantStates(t, pending, app.MatchNone, app.MatchNone)
	all, _ := s.BankEntries(ctx, false)
	if len(all) != 4 || all[0].Line.Date != app.D(2026, 11, 12) || all[3].Line.Date != app.D(2026, 11, 10) {
		t.Fatalf("entries not newest first: %+v", all)
	}

	// The unmatched line is paired by hand to the second invoice (a part payment).
	manual, err := s.ConfirmBank(ctx, []app.BankPairing{{EntryID: res.Entries[1].ID, Kind: app.PayKindSale, DocID: f.inv2.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if manual[0].DocNumber != "FV2026-0002" || manual[0].Party == "" {
		t.Fatalf("manual pairing %+v", manual[0])
	}
	if d, _ := s.Document(ctx, f.inv2.ID); d.Paid != 50000 {
		t.Fatalf("second invoice paid %d", d.Paid)
	}
	// The fee is set aside; it cannot be set aside or posted again.
	if err := s.IgnoreBankEntry(ctx, res.Entries[3].ID); err != nil {
		t.Fatal(err)
	}
	err = s.IgnoreBankEntry(ctx, res.Entries[3].ID)
	wantCode(t, err, app.ECONFLICT, "bank.entry")
	_, err = s.ConfirmBank(ctx, []app.BankPairing{{EntryID: res.Entries[3].ID, Kind: app.PayKindPurchase, DocID: f.purchase.ID}})
	wantCode(t, err, app.ECONFLICT, "bank.entry")
	if pending, _ := s.BankEntries(ctx, true); len(pending) != 0 {
		t.Fatalf("pending after all: %+v", pending)
	}
	mustCheckClean(t, s)
}

func TestBankAmbiguousAndTaken(t *testing.T) {
	f := newBankFixture(t)
	s := f.s
	// A second received invoice with the same variable symbol and amount
	// from another supplier: an outgoing line fits both.
	other, err := s.SaveCustomer(ctx, app.Customer{Name: "Mlýn Březina"})
	if err != nil {
		t.Fatal(err)
	}
	p2 := purchase(other.ID, "2026118", app.D(2026, 11, 6))
	p2 = mustPurchase(t, s, p2)
	res, err := s.ImportBank(ctx, statement(bankLine(12, -121000, "2026118")))
	if err != nil {
		t.Fatal(err)
	}
	wantStates(t, res.Entries, app.MatchAmbiguous)
	if c := res.Entries[0].Candidates; len(c) != 2 || c[0] == c[1] {
		t.Fatalf("candidates %v", c)
	}
	// Two lines paying one invoice: only the first is proposed, also across
	// statements while the first is pending.
	total := f.inv1.Totals.Total
	res, err = s.ImportBank(ctx, statement(bankLine(13, total, "20260001"), bankLine(14, total, "20260001")))
	if err != nil {
		t.Fatal(err)
	}
	wantStates(t, res.Entries, app.MatchFound, app.MatchNone)
	later, _ := s.PreviewBank(ctx, statement(bankLine(15, total, "20260001")))
	wantStates(t, later, app.MatchNone)
	// Pairing the ambiguous line by hand settles it.
	pending, _ := s.BankEntries(ctx, true)
	var amb app.BankEntry
	for _, e := range pending {
		if e.State == app.MatchAmbiguous {
			amb = e
		}
	}
	if _, err := s.ConfirmBank(ctx, []app.BankPairing{{EntryID: amb.ID, Kind: app.PayKindPurchase, DocID: p2.ID}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Purchase(ctx, p2.ID); got.Paid != got.Total {
		t.Fatalf("purchase paid %d of %d", got.Paid, got.Total)
	}
	mustCheckClean(t, s)
}

func TestConfirmBankRefuses(t *testing.T) {
	f := newBankFixture(t)
	s := f.s
	total := f.inv1.Totals.Total
	res, err := s.ImportBank(ctx, statement(
		bankLine(10, total, "20260001"),
		bankLine(11, total+100, "20260002"),
		bankLine(12, -121000, "2026118"),
	))
	if err != nil {
		t.Fatal(err)
	}
	in, big, out := res.Entries[0], res.Entries[1], res.Entries[2]
	if _, err := s.CreateUser(ctx, app.NewUser{Name: "prodej", Roles: []app.Role{app.RoleSales}, Password: testPassword}); err != nil {
		t.Fatal(err)
	}
	lines0, pays0 := f.counts(t)
	good := app.BankPairing{EntryID: in.ID, Kind: app.PayKindSale, DocID: f.inv1.ID}
	cases := []struct {
		name, code, field string
		c                 context.Context
		pairs             []app.BankPairing
	}{
		{"incoming line paying a received invoice", app.EINVALID, "bank.entry", ctx,
			[]app.BankPairing{good, {EntryID: big.ID, Kind: app.PayKindPurchase, DocID: f.purchase.ID}}},
		{"outgoing line paying an issued invoice", app.EINVALID, "bank.entry", ctx,
			[]app.BankPairing{good, {EntryID: out.ID, Kind: app.PayKindSale, DocID: f.inv2.ID}}},
		{"more than remains", app.EINVALID, "bank.entry", ctx,
			[]app.BankPairing{good, {EntryID: big.ID, Kind: app.PayKindSale, DocID: f.inv2.ID}}},
		{"the same line twice", app.ECONFLICT, "bank.entry", ctx, []app.BankPairing{good, good}},
		{"unknown line", app.ENOTFOUND, "bank.entry", ctx, []app.BankPairing{good, {EntryID: "nope", Kind: app.PayKindSale, DocID: f.inv2.ID}}},
		{"unknown document", app.ENOTFOUND, "bank.entry", ctx, []app.BankPairing{good, {EntryID: big.ID, Kind: app.PayKindSale, DocID: "nope"}}},
		{"no kind", app.EINVALID, "bank.entry", ctx, []app.BankPairing{good, {EntryID: big.ID, DocID: f.inv2.ID}}},
		{"sales may record payments, not post the bank", app.EUNAUTHORIZED, "",
			app.WithUser(context.Background(), app.User{Name: "prodej"}), []app.BankPairing{good}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.ConfirmBank(tc.c, tc.pairs)
			wantCode(t, err, tc.code, tc.field)
			// All or none: the good pairing before the bad one was not posted.
			if l, p := f.counts(t); l != lines0 || p != pays0 {
				t.Fatalf("refused confirmation posted: %d lines, %d payments", l, p)
			}
		})
	}
	t.Run("locked month", func(t *testing.T) {
		if err := s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 11}, true); err != nil {
			t.Fatal(err)
		}
		_, err := s.ConfirmBank(ctx, []app.BankPairing{good})
		wantCode(t, err, app.EINVALID, "bank.entry")
		if e, _ := err.(*app.Error); e == nil || e.Args["reason"].(app.Label).Key != "err.period.locked" {
			t.Fatalf("reason of %v", err)
		}
		if err := s.SetPeriodLock(ctx, app.Month{Year: 2026, Month: 11}, false); err != nil {
			t.Fatal(err)
		}
	})
	if pending, _ := s.BankEntries(ctx, true); len(pending) != 3 {
		t.Fatalf("%d pending after refusals, want 3", len(pending))
	}
	if _, err := s.ConfirmBank(ctx, []app.BankPairing{good}); err != nil {
		t.Fatal(err)
	}
	mustCheckClean(t, s)
}

func TestBankMapping(t *testing.T) {
	s, _ := MustCompany(t)
	header := "Datum;Objem;Měna;Protiúčet;Kód banky;VS;Zpráva pro příjemce;ID pohybu"
	if _, ok, err := s.BankMapping(ctx, header); ok || err != nil {
		t.Fatalf("mapping before saving: %v %v", ok, err)
	}
	m := app.CSVMapping{Date: 0, Amount: 1, Currency: 2, VS: 5, KS: -1, SS: -1, CounterAccount: 3, CounterBank: 4, CounterName: -1, Message: 6, BankRef: 7,
		DateFormat: app.BankDateDMY, HasHeader: true, Comma: ';'}
	if err := s.SaveBankMapping(ctx, header, m); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.BankMapping(ctx, "\ufeff"+header+"\r\n")
	if err != nil || !ok || got != m {
		t.Fatalf("mapping %+v %v %v", got, ok, err)
	}
	if _, ok, _ := s.BankMapping(ctx, header+";Poznámka"); ok {
		t.Fatal("another header found the mapping")
	}
	err = s.SaveBankMapping(ctx, header, app.CSVMapping{Date: -1, Amount: 1})
	wantCode(t, err, app.EINVALID, "bank.mapping")
	err = s.SaveBankMapping(ctx, "  ", m)
	wantCode(t, err, app.EINVALID, "bank.header")
}

// RecordPayment keeps the bank line a payment came from.
func TestPaymentBankEntryRoundTrip(t *testing.T) {
	f := newBankFixture(t)
	p, err := f.s.RecordPayment(ctx, app.Payment{DocID: f.inv1.ID, Date: app.D(2026, 11, 3), Amount: app.M(1000, "CZK"), Note: "převod"})
	if err != nil {
		t.Fatal(err)
	}
	pays, _ := f.s.Payments(ctx, f.inv1.ID)
	if len(pays) != 1 || pays[0].BankEntry != "" || pays[0].Note != "převod" {
		t.Fatalf("manual payment %+v", pays)
	}
	res, err := f.s.ImportBank(ctx, statement(bankLine(10, 2000, "20260001")))
	if err != nil {
		t.Fatal(err)
	}
	posted, err := f.s.ConfirmBank(ctx, []app.BankPairing{{EntryID: res.Entries[0].ID, Kind: app.PayKindSale, DocID: f.inv1.ID}})
	if err != nil {
		t.Fatal(err)
	}
	pays, _ = f.s.Payments(ctx, f.inv1.ID)
	if len(pays) != 2 || pays[1].BankEntry != posted[0].ID || p.ID != pays[0].ID {
		t.Fatalf("payments %+v", pays)
	}
}

// Check notices received invoices, payments and bank lines that disagree.
func TestCheckFindsPayablesDamage(t *testing.T) {
	f := newBankFixture(t)
	s := f.s
	res, err := s.ImportBank(ctx, statement(bankLine(12, -121000, "2026118")))
	if err != nil {
		t.Fatal(err)
	}
	posted, err := s.ConfirmBank(ctx, []app.BankPairing{{EntryID: res.Entries[0].ID, Kind: app.PayKindPurchase, DocID: f.purchase.ID}})
	if err != nil {
		t.Fatal(err)
	}
	mustCheckClean(t, s)
	for _, tc := range []struct {
		name string
		harm func(tx *bolt.Tx) error
		want []string
	}{
		{"duplicate index lost", func(tx *bolt.Tx) error {
			return tx.Bucket(bPurchDup).Delete(supplierNumberKey(f.purchase.SupplierID, f.purchase.SupplierNumber))
		}, []string{"check.purchase_dup_index", "check.purchase_index_count"}},
		{"paid changed", func(tx *bolt.Tx) error {
			p, _ := readPurchase(tx, f.purchase.ID)
			p.Paid = 1
			raw, _ := encode(p)
			return tx.Bucket(bPurchases).Put([]byte(p.ID), raw)
		}, []string{"check.purchase_paid", "check.purchase_list_index", "check.change_changed"}},
		{"payment of a posted line lost", func(tx *bolt.Tx) error {
			return tx.Bucket(bSupPays).Delete([]byte(posted[0].PaymentID))
		}, []string{"check.purchase_payment", "check.bank_payment", "check.change_orphan"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "copy.db")
			if err := s.Backup(ctx, path, app.BackupOptions{}); err != nil {
				t.Fatal(err)
			}
			c, err := Open(path, Options{NoAutoBackup: true, Clock: app.NewFixedClock(testNow)})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if err := c.db.Update(tc.harm); err != nil {
				t.Fatal(err)
			}
			probs, err := c.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, p := range probs {
				keys = append(keys, p.Key)
			}
			if strings.Join(keys, " ") != strings.Join(tc.want, " ") {
				t.Fatalf("problems %v, want %v", keys, tc.want)
			}
		})
	}
}
