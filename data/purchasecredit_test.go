package data

import (
	"testing"

	"kontor/app"
)

func credit(orig app.PurchaseInvoice, number string, base, vat int64) app.PurchaseInvoice {
	return app.PurchaseInvoice{SupplierID: orig.SupplierID, SupplierNumber: number, IssueDate: app.D(2026, 11, 20), CreditNote: true, OriginalID: orig.ID,
		VAT: []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: -base, VAT: -vat}}, Memo: "Reklamace"}
}

func balanceOf(t *testing.T, s *Store, code string) int64 {
	t.Helper()
	bals, err := s.Balances(ctx, app.Month{Year: 2026, Month: 1}, app.Month{Year: 2026, Month: 12})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if b.Account.Code == code {
			return b.Closing()
		}
	}
	return 0
}

// A supplier's credit note reduces its invoice and the input VAT; after the
// invoice was paid the supplier owes a refund, which an incoming bank line
// with the invoice's variable symbol pays back.
func TestReceivedCreditNoteAndRefund(t *testing.T) {
	s, _ := MustCompany(t)
	sup, err := s.SaveCustomer(ctx, app.Customer{Name: "Pražírna Kolbenka s.r.o."})
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.SaveCustomer(ctx, app.Customer{Name: "Mlékárna Podhůří a.s."})
	if err != nil {
		t.Fatal(err)
	}
	inv := mustPurchase(t, s, purchase(sup.ID, "2026-0415", app.D(2026, 11, 5))) // 1 000 + 210
	if _, err := s.PaySupplier(ctx, app.Payment{DocID: inv.ID, Date: app.D(2026, 11, 10), Amount: app.M(121000, "CZK")}); err != nil {
		t.Fatal(err)
	}
	lines0, _ := s.JournalCount(ctx, app.JournalFilter{})
	for _, tc := range []struct {
		name, field string
		p           app.PurchaseInvoice
	}{
		{"no original", "purchase.original", func() app.PurchaseInvoice { p := credit(inv, "D-1", 10000, 2100); p.OriginalID = ""; return p }()},
		{"positive amounts", "purchase.vat", credit(inv, "D-1", -10000, -2100)},
		{"more than the invoice", "purchase.vat", credit(inv, "D-1", 200000, 42000)},
		{"another supplier's invoice", "purchase.original", func() app.PurchaseInvoice { p := credit(inv, "D-1", 10000, 2100); p.SupplierID = other.ID; return p }()},
		{"unknown invoice", "purchase.original", func() app.PurchaseInvoice { p := credit(inv, "D-1", 10000, 2100); p.OriginalID = "nope"; return p }()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.RecordPurchase(ctx, tc.p)
			if e, ok := err.(*app.Error); !ok || e.Field != tc.field {
				t.Fatalf("error %v, want one at %s", err, tc.field)
			}
			if n, _ := s.JournalCount(ctx, app.JournalFilter{}); n != lines0 {
				t.Fatal("a refused credit note posted")
			}
		})
	}
	cn := mustPurchase(t, s, credit(inv, "D-2026-07", 10000, 2100)) // 121,00 back
	if cn.Total != -12100 || cn.OriginalNo != inv.Number || cn.Remaining() != 0 {
		t.Fatalf("credit note %+v", cn)
	}
	sums := accountSums(t, s, cn.EntryID)
	if sums["321"] != 12100 || sums["518"] != -10000 || sums["343"] != -2100 {
		t.Fatalf("credit note posting %v", sums)
	}
	inv, _ = s.Purchase(ctx, inv.ID)
	if inv.Remaining() != -12100 || inv.Credited != 12100 {
		t.Fatalf("invoice after the credit note: remaining %d, credited %d", inv.Remaining(), inv.Credited)
	}
	if got := balanceOf(t, s, "321"); got != 12100 {
		t.Fatalf("321 = %d, want the refund due 121,00 on the debit side", got)
	}
	if _, err := s.PaySupplier(ctx, app.Payment{DocID: cn.ID, Date: app.D(2026, 11, 21), Amount: app.M(100, "CZK")}); err == nil {
		t.Fatal("a credit note was paid")
	}
	_, vat := app.PurchaseVATSummary([]app.PurchaseInvoice{inv, cn}, app.D(2026, 11, 1), app.D(2026, 11, 30), "CZK")
	if vat.VAT != 21000-2100 {
		t.Fatalf("input VAT %d, want 189,00", vat.VAT)
	}

	// The refund comes in with the invoice's variable symbol.
	refund := app.BankLine{Date: app.D(2026, 11, 25), Amount: app.M(12100, "CZK"), VariableSymbol: inv.VariableSymbol, CounterName: "Kolbenka"}
	res, err := s.ImportBank(ctx, statement(refund))
	if err != nil {
		t.Fatal(err)
	}
	e := res.Entries[0]
	if e.State != app.MatchFound || e.Kind != app.PayKindPurchase || e.DocID != inv.ID {
		t.Fatalf("refund proposal %+v", e)
	}
	if _, err := s.ConfirmBank(ctx, []app.BankPairing{{EntryID: e.ID, Kind: e.Kind, DocID: e.DocID}}); err != nil {
		t.Fatal(err)
	}
	inv, _ = s.Purchase(ctx, inv.ID)
	if inv.Remaining() != 0 || balanceOf(t, s, "321") != 0 {
		t.Fatalf("after the refund: remaining %d, 321 = %d", inv.Remaining(), balanceOf(t, s, "321"))
	}
	pays, _ := s.SupplierPayments(ctx, inv.ID)
	if len(pays) != 2 || pays[1].Amount.Amount != -12100 {
		t.Fatalf("payments %+v", pays)
	}
	mustCheckClean(t, s)
}
