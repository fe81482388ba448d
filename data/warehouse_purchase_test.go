package data_test

import (
	"slices"
	"testing"

	"kontor/app"
)

// supplierInvoice records a received invoice of base (haléře, 12 % VAT)
// posted to account on day.
func (w whStore) supplierInvoice(t testing.TB, number, account string, day app.Date, base int64) app.PurchaseInvoice {
	t.Helper()
	ctx := w.db.Ctx
	sups, err := w.db.Suppliers(ctx, "Zelená", 1)
	if err != nil {
		t.Fatal(err)
	}
	var sup app.Customer
	if len(sups) > 0 {
		sup = sups[0]
	} else if sup, err = w.db.SaveCustomer(ctx, app.Customer{Name: "Zelená káva Import s.r.o.", Street: "Přístavní 24", City: "Praha 7", Postcode: "170 00",
		ICO: "45274649", DIC: "CZ45274649", Supplier: true}); err != nil {
		t.Fatal(err)
	}
	pi, err := w.db.RecordPurchase(ctx, app.PurchaseInvoice{SupplierID: sup.ID, SupplierNumber: number, IssueDate: day, TaxDate: day, DueDate: day.AddDays(14),
		Account: account, VAT: []app.PurchaseVAT{{Rate: app.RatePercent(12), Base: base, VAT: base * 12 / 100}}, Memo: "zelená káva"})
	if err != nil {
		t.Fatal(err)
	}
	return pi
}

// balance is account's closing balance at the end of day, debit minus credit.
func (w whStore) balance(t testing.TB, account string, day app.Date) int64 {
	t.Helper()
	bals, err := w.db.BalancesBetween(w.db.Ctx, app.D(2026, 1, 1), day)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if b.Account.Code == account {
			return b.Closing()
		}
	}
	return 0
}

func codeOf(err error) string { return app.ErrorCode(err) }

// TestReceivePurchase: the receipt of a 10 000 Kč invoice on 131 with
// 500 Kč transport on the invoice and 300 Kč duty owed to the carrier:
// the base less the transport spread by quantity, the costs spread by
// value; posted Dr 132 10 300 / Cr 131 10 000 / Cr 321 300, 131 cleared,
// 132 equal to the valuation; a second receipt of the same invoice
// refused, drafted or posted, until a storno gives the goods back.
func TestReceivePurchase(t *testing.T) {
	w := newWh(t, app.CostAverage)
	ctx := w.db.Ctx
	day := app.D(2026, 3, 3)
	pi := w.supplierInvoice(t, "ZK260001", "131", day, 1_000_000)
	lines := []app.StockLine{{ItemID: w.plain.ID, Qty: app.Q(100)}, {ItemID: w.lot.ID, Qty: app.Q(50), Lot: "BR-2026-03", Expiry: app.D(2027, 3, 1)}}
	costs := []app.AcquisitionCost{{Text: "Doprava", Amount: 50_000}, {Text: "Clo – Celní úřad", Amount: 30_000, Counter: app.CounterPayables}}
	d, err := w.db.ReceivePurchase(ctx, pi.ID, w.main.ID, app.Date{}, lines, costs)
	if err != nil {
		t.Fatal(err)
	}
	if d.Status != app.StockDraft || d.SourceID != pi.ID || d.SourceNo != pi.Number || d.Date != day || d.Counter != app.CounterAcquisition || d.Lines[0].Code != "KAVA" {
		t.Fatalf("draft %+v", d)
	}
	// 9 500 Kč over 100 : 50 by quantity (no card has a purchase price).
	if d.Lines[0].Value != 633_333 || d.Lines[1].Value != 316_667 {
		t.Fatalf("spread %d %d", d.Lines[0].Value, d.Lines[1].Value)
	}
	// A second draft of the same invoice finds nothing left.
	if _, err := w.db.ReceivePurchase(ctx, pi.ID, w.main.ID, app.Date{}, lines[:1], nil); codeOf(err) != app.EINVALID {
		t.Errorf("second draft: %v", err)
	}
	posted, err := w.db.PostStock(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if posted.Total != 1_030_000 || posted.Lines[0].Costs+posted.Lines[1].Costs != 80_000 {
		t.Fatalf("posted %+v", posted)
	}
	e, err := w.db.Entry(ctx, posted.EntryID)
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]int64{}
	for _, l := range e.Lines {
		sums[l.Account] += l.Debit - l.Credit
	}
	if sums["132"] != 1_030_000 || sums["131"] != -1_000_000 || sums["321"] != -30_000 || len(sums) != 3 {
		t.Fatalf("entry %v", sums)
	}
	if b := w.balance(t, "131", day); b != 0 {
		t.Errorf("131 ends at %d", b)
	}
	if v, l := w.valued(t, day), w.ledger132(t, day); v != 1_030_000 || l != v {
		t.Errorf("valuation %d, 132 %d", v, l)
	}
	inv, rec, err := w.db.PurchaseReceipt(ctx, pi.ID)
	if err != nil || inv != 1_000_000 || rec != 1_000_000 {
		t.Errorf("receipt state %d %d %v", inv, rec, err)
	}

	// A receipt of more than is left: refused when drafted, also when the
	// draft is saved as a plain stock document naming the invoice (it is
	// spread again, SaveStockDraft); nothing is written. (PostStock refuses
	// it again against the posted receipts: checkPurchaseReceipt.)
	more := []app.StockLine{{ItemID: w.plain.ID, Qty: app.Q(1), Value: 100}}
	if _, err := w.db.ReceivePurchase(ctx, pi.ID, w.main.ID, app.Date{}, more, nil); codeOf(err) != app.ECONFLICT {
		t.Errorf("over-receipt draft: %v", err)
	}
	if _, err := w.db.SaveStockDraft(ctx, app.StockDoc{Kind: app.StockReceipt, Date: day, Location: w.main.ID, SourceKind: "purchase", SourceID: pi.ID,
		Lines: []app.StockLine{{ItemID: w.plain.ID, Name: "Zboží KAVA", Qty: app.Q(1), UnitCost: 100}}}); codeOf(err) != app.ECONFLICT {
		t.Errorf("over-receipt saved as a stock draft: %v", err)
	}
	if docs, n, _ := w.db.StockDocs(ctx, app.StockDocFilter{Kind: app.StockReceipt, Status: app.StockDraft}, 0, 10); n != 0 {
		t.Errorf("a refused draft was written: %+v", docs)
	}
	if v := w.valued(t, day); v != 1_030_000 {
		t.Errorf("a refused receipt moved stock: %d", v)
	}

	// The storno gives the invoice back; half of it received again, at a
	// typed value, then the rest spread.
	if _, err := w.db.StornoStock(ctx, posted.ID, day.AddDays(1)); err != nil {
		t.Fatal(err)
	}
	if b := w.balance(t, "131", day.AddDays(1)); b != 1_000_000 {
		t.Errorf("131 after the storno %d", b)
	}
	half, err := w.db.ReceivePurchase(ctx, pi.ID, w.main.ID, day.AddDays(1), []app.StockLine{{ItemID: w.plain.ID, Qty: app.Q(40), Value: 500_000}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rest, err := w.db.ReceivePurchase(ctx, pi.ID, w.main.ID, day.AddDays(2), []app.StockLine{{ItemID: w.plain.ID, Qty: app.Q(60)}}, nil)
	if err != nil || rest.Lines[0].Value != 500_000 {
		t.Fatalf("rest %+v %v", rest.Lines, err)
	}
	for _, id := range []string{half.ID, rest.ID} {
		if _, err := w.db.PostStock(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if b := w.balance(t, "131", day.AddDays(2)); b != 0 {
		t.Errorf("131 at the end %d", b)
	}
	w.clean(t)
}

// TestReceivePurchaseRefusals: an invoice on an expense account, an
// unknown invoice, an unknown location and a line without its lot are
// refused with the field named; nothing is written.
func TestReceivePurchaseRefusals(t *testing.T) {
	w := newWh(t, app.CostAverage)
	ctx := w.db.Ctx
	day := app.D(2026, 3, 3)
	expense := w.supplierInvoice(t, "ZK260002", "504", day, 200_000)
	ok := w.supplierInvoice(t, "ZK260003", "131", day, 200_000)
	line := []app.StockLine{{ItemID: w.plain.ID, Qty: app.Q(2)}}
	cases := []struct {
		name, purchase, location string
		lines                    []app.StockLine
		field                    string
	}{
		{"on 504", expense.ID, w.main.ID, line, "stock.source"},
		{"unknown invoice", "nope", w.main.ID, line, "stock.source"},
		{"unknown location", ok.ID, "nowhere", line, "stock.location"},
		{"lot missing", ok.ID, w.main.ID, []app.StockLine{{ItemID: w.lot.ID, Qty: app.Q(1)}}, "stock.lines"},
		{"no lines", ok.ID, w.main.ID, nil, "stock.lines"},
		{"negative quantity", ok.ID, w.main.ID, []app.StockLine{{ItemID: w.plain.ID, Qty: -app.Q(2)}}, "stock.lines"},
		{"not a stock item", ok.ID, w.main.ID, []app.StockLine{{ItemID: "no-such-item", Qty: app.Q(1)}}, "stock.lines"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := w.db.ReceivePurchase(ctx, c.purchase, c.location, app.Date{}, c.lines, nil)
			found := false
			for _, f := range fieldsOf(err) {
				found = found || f == c.field
			}
			if err == nil || !found {
				t.Errorf("%v (fields %v), want %s", err, fieldsOf(err), c.field)
			}
		})
	}
	if _, err := w.db.ReceivePurchase(ctx, ok.ID, w.main.ID, app.Date{}, line, []app.AcquisitionCost{{Text: "Doprava 🚚", Amount: -100}}); !slices.Contains(fieldsOf(err), "stock.costs") {
		t.Errorf("a negative cost: %v", err)
	}
	if _, err := w.db.ReceivePurchase(w.db.As(t, app.RoleSales), ok.ID, w.main.ID, app.Date{}, line, nil); codeOf(err) != app.EUNAUTHORIZED {
		t.Errorf("sales received goods: %v", err)
	}
	docs, n, err := w.db.StockDocs(ctx, app.StockDocFilter{}, 0, 10)
	if err != nil || n != 0 {
		t.Errorf("refusals wrote %d documents: %v %v", n, docs, err)
	}
}

// TestReceivePurchaseForeignAndLarge: a euro invoice is received at what
// its posting put on 131 in crowns; an invoice of 10^11 haléřů (a thousand
// million crowns) is spread to the haléř; Czech and emoji in a lot and a
// cost's text are kept.
func TestReceivePurchaseForeignAndLarge(t *testing.T) {
	w := newWh(t, app.CostAverage)
	ctx := w.db.Ctx
	day := app.D(2026, 4, 7)
	big := w.supplierInvoice(t, "ZK260099", "131", day, 100_000_000_000) // 10^11 haléřů
	lines := []app.StockLine{{ItemID: w.plain.ID, Qty: app.Q(3)}, {ItemID: w.lot.ID, Qty: app.Q(7), Lot: "Šarže č. 7 – ☕", Expiry: app.D(2027, 4, 1)}}
	d, err := w.db.ReceivePurchase(ctx, big.ID, w.main.ID, app.Date{}, lines, []app.AcquisitionCost{{Text: "Přeprava a clo – Celní úřad pro hl. m. Prahu 🚢", Amount: 1_000_00}})
	if err != nil {
		t.Fatal(err)
	}
	if d.Lines[0].Value+d.Lines[1].Value+d.Costs[0].Amount != 100_000_000_000 || d.Lines[1].Lot != "Šarže č. 7 – ☕" {
		t.Fatalf("large receipt %+v %+v", d.Lines, d.Costs)
	}
	if _, err := w.db.PostStock(ctx, d.ID); err != nil {
		t.Fatal(err)
	}

	sups, err := w.db.Suppliers(ctx, "Zelená", 1)
	if err != nil || len(sups) == 0 {
		t.Fatal(sups, err)
	}
	eur, err := w.db.RecordPurchase(ctx, app.PurchaseInvoice{SupplierID: sups[0].ID, SupplierNumber: "EU-2026-4", IssueDate: day, TaxDate: day, DueDate: day.AddDays(30),
		Currency: "EUR", ExchangeRate: app.RateMicro(25_000_000), Account: "131", VAT: []app.PurchaseVAT{{Rate: app.RatePercent(21), Base: 1_000_00, VAT: 210_00}}})
	if err != nil {
		t.Fatal(err)
	}
	inv, rec, err := w.db.PurchaseReceipt(ctx, eur.ID)
	if err != nil || inv != 25_000_00 || rec != 0 {
		t.Fatalf("euro invoice: invoiced %d, received %d, %v", inv, rec, err)
	}
	d, err = w.db.ReceivePurchase(ctx, eur.ID, w.main.ID, day, []app.StockLine{{ItemID: w.plain.ID, Qty: app.Q(10)}}, nil)
	if err != nil || d.Lines[0].Value != 25_000_00 {
		t.Fatalf("euro receipt %+v %v", d.Lines, err)
	}
	if _, err := w.db.PostStock(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	if b := w.balance(t, "131", day); b != 0 {
		t.Errorf("131 ends at %d", b)
	}
	w.clean(t)
}
