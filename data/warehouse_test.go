package data_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"kontor/app"
	"kontor/data/datatest"
)

// whStore is a store keeping stock at costing with two locations and three
// stock items: a plain one, a lot-tracked one and a serial-tracked one.
type whStore struct {
	db                 *datatest.DB
	main, back         app.Location
	plain, lot, serial app.Item
}

func newWh(t testing.TB, costing app.CostMethod) whStore {
	t.Helper()
	db := datatest.MustOpen(t)
	w := whStore{db: db}
	ctx := db.Ctx
	if _, err := db.SaveWarehouseSettings(ctx, app.WarehouseSettings{Method: app.StockContinuous, Costing: costing}); err != nil {
		t.Fatal(err)
	}
	var err error
	if w.main, err = db.SaveLocation(ctx, app.Location{Code: "HLAVNI", Name: "Hlavní sklad"}); err != nil {
		t.Fatal(err)
	}
	if w.back, err = db.SaveLocation(ctx, app.Location{Code: "ZADNI", Name: "Zadní sklad"}); err != nil {
		t.Fatal(err)
	}
	mk := func(code string, tr app.Tracking) app.Item {
		it, err := db.SaveItem(ctx, app.Item{Code: code, Name: "Zboží " + code, Unit: "ks", Price: app.M(50000, "CZK"), VATKind: app.VATStandard, Stock: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveStockItem(ctx, app.StockItem{ItemID: it.ID, Kind: app.StockGoods, Location: w.main.ID, Tracking: tr}); err != nil {
			t.Fatal(err)
		}
		return it
	}
	w.plain, w.lot, w.serial = mk("KAVA", app.TrackNone), mk("MLEKO", app.TrackLot), mk("MLYNEK", app.TrackSerial)
	return w
}

func (w whStore) post(t testing.TB, d app.StockDoc) (app.StockDoc, error) {
	t.Helper()
	if d.Location == "" {
		d.Location = w.main.ID
	}
	d, err := w.db.SaveStockDraft(w.db.Ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	return w.db.PostStock(w.db.Ctx, d.ID)
}

func (w whStore) mustPost(t testing.TB, d app.StockDoc) app.StockDoc {
	t.Helper()
	d, err := w.post(t, d)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func receipt(day app.Date, item app.Item, qty app.Qty, unit int64) app.StockDoc {
	return app.StockDoc{Kind: app.StockReceipt, Date: day, Lines: []app.StockLine{{ItemID: item.ID, Code: item.Code, Name: item.Name, Unit: "ks", Qty: qty, UnitCost: unit}}}
}

func issue(day app.Date, item app.Item, qty app.Qty) app.StockDoc {
	return app.StockDoc{Kind: app.StockIssue, Date: day, Lines: []app.StockLine{{ItemID: item.ID, Code: item.Code, Name: item.Name, Unit: "ks", Qty: qty}}}
}

// ledger132 is 132's balance at the end of day, from the ledger.
func (w whStore) ledger132(t testing.TB, day app.Date) int64 {
	t.Helper()
	bals, err := w.db.BalancesBetween(w.db.Ctx, app.D(2026, 1, 1), day)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bals {
		if b.Account.Code == "132" {
			return b.Closing()
		}
	}
	return 0
}

func (w whStore) valued(t testing.TB, day app.Date) int64 {
	t.Helper()
	vs, err := w.db.StockValuation(w.db.Ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	var sum int64
	for _, v := range vs {
		sum += v.Value
	}
	return sum
}

func (w whStore) clean(t testing.TB) {
	t.Helper()
	probs, err := w.db.Check(w.db.Ctx)
	if err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", err, probs)
	}
}

func fieldsOf(err error) []string {
	var es app.Errors
	if errors.As(err, &es) {
		var out []string
		for _, e := range es {
			out = append(out, e.Field)
		}
		return out
	}
	var e *app.Error
	if errors.As(err, &e) {
		return []string{e.Field}
	}
	return nil
}

// TestStockWACAcrossDocuments: 10 at 100 Kč, 10 at 130 Kč, 5 out costs
// 5 × 115 = 575 Kč (by hand); 132 equals the valuation every day,
// receipts, issue and stocktake included; Check is clean.
func TestStockWACAcrossDocuments(t *testing.T) {
	w := newWh(t, app.CostAverage)
	ctx := w.db.Ctx
	d1, d2, d3, d4 := app.D(2026, 11, 2), app.D(2026, 11, 3), app.D(2026, 11, 4), app.D(2026, 11, 5)
	w.mustPost(t, receipt(d1, w.plain, app.Q(10), 10000))
	w.mustPost(t, receipt(d2, w.plain, app.Q(10), 13000))
	out := w.mustPost(t, issue(d3, w.plain, app.Q(5)))
	if out.Lines[0].Value != 57500 || out.Number == "" || out.EntryID == "" {
		t.Fatalf("issue %+v", out)
	}
	st, err := w.db.StartStocktake(ctx, w.main.ID, d4)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Lines) != 1 || st.Lines[0].Expected != app.Q(15) {
		t.Fatalf("stocktake lines %+v", st.Lines)
	}
	st.Lines[0].Count, st.Lines[0].Counted = app.Q(14), true
	if st, err = w.db.SaveStocktake(ctx, st); err != nil {
		t.Fatal(err)
	}
	st, diff, err := w.db.CloseStocktake(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Status != app.StockPosted || diff.Lines[0].Value != 11500 {
		t.Fatalf("difference %+v", diff.Lines)
	}
	want := map[app.Date]int64{d1.AddDays(-1): 0, d1: 100000, d2: 230000, d3: 172500, d4: 161000}
	for day, v := range want {
		if got, led := w.valued(t, day), w.ledger132(t, day); got != v || led != v {
			t.Errorf("%s: valuation %d, 132 %d, want %d", day, got, led, v)
		}
		q, val, err := w.db.StockLevel(ctx, w.plain.ID, w.main.ID, day)
		if err != nil || val != v {
			t.Errorf("%s: level %d %d %v", day, q, val, err)
		}
	}
	card, err := w.db.StockCard(ctx, w.plain.ID, "", app.Date{}, app.Date{})
	if err != nil || len(card) != 4 || card[3].QtyAfter != app.Q(14) {
		t.Fatalf("card %+v %v", card, err)
	}
	w.clean(t)
}

// TestStockFIFO: the issue takes the oldest layer first.
func TestStockFIFO(t *testing.T) {
	w := newWh(t, app.CostFIFO)
	w.mustPost(t, receipt(app.D(2026, 11, 2), w.plain, app.Q(10), 10000))
	w.mustPost(t, receipt(app.D(2026, 11, 3), w.plain, app.Q(10), 13000))
	out := w.mustPost(t, issue(app.D(2026, 11, 4), w.plain, app.Q(15)))
	if out.Lines[0].Value != 10*10000+5*13000 {
		t.Fatalf("FIFO cost %d", out.Lines[0].Value)
	}
	if v := w.valued(t, app.D(2026, 11, 4)); v != 5*13000 || w.ledger132(t, app.D(2026, 11, 4)) != v {
		t.Fatalf("valuation %d", v)
	}
	w.clean(t)
}

// TestStockStorno: a receipt's storno takes the stock and 132 back.
func TestStockStorno(t *testing.T) {
	w := newWh(t, app.CostAverage)
	r := w.mustPost(t, receipt(app.D(2026, 11, 2), w.plain, app.Q(4), 2500))
	s, err := w.db.StornoStock(w.db.Ctx, r.ID, app.D(2026, 11, 3))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Storno || s.OriginalID != r.ID || s.Number == "" {
		t.Fatalf("storno %+v", s)
	}
	if r, _ = w.db.StockDoc(w.db.Ctx, r.ID); r.ReversedBy != s.ID {
		t.Fatalf("original %+v", r)
	}
	if _, err := w.db.StornoStock(w.db.Ctx, r.ID, app.D(2026, 11, 3)); err == nil {
		t.Fatal("reversed twice")
	}
	if v, l := w.valued(t, app.D(2026, 11, 3)), w.ledger132(t, app.D(2026, 11, 3)); v != 0 || l != 0 {
		t.Fatalf("after storno %d %d", v, l)
	}
	w.clean(t)
}

// TestInvoiceShipsStock: issuing an invoice with a stock line posts its
// issue in the same transaction; over-issue refuses the invoice and writes
// nothing; an invoice of services is unchanged.
func TestInvoiceShipsStock(t *testing.T) {
	w := newWh(t, app.CostAverage)
	ctx := w.db.Ctx
	w.mustPost(t, receipt(app.D(2026, 11, 1), w.plain, app.Q(5), 10000))
	cust, err := w.db.SaveCustomer(ctx, app.Customer{Name: "Kavárna U Černého koně s.r.o.", Street: "Dlouhá 5", City: "Praha 1", Postcode: "110 00", ICO: "25596641", DIC: "CZ25596641"})
	if err != nil {
		t.Fatal(err)
	}
	inv := func(qty app.Qty) app.SalesDoc {
		return app.SalesDoc{Kind: app.KindInvoice, CustomerID: cust.ID, IssueDate: app.D(2026, 11, 2), TaxDate: app.D(2026, 11, 2), DueDate: app.D(2026, 11, 16),
			Lines: []app.DocLine{
				{Text: "Doprava", Quantity: app.Q(1), Unit: "ks", UnitPrice: 10000, VATKind: app.VATStandard},
				{ItemID: w.plain.ID, Code: w.plain.Code, Text: w.plain.Name, Quantity: qty, Unit: "ks", UnitPrice: 20000, VATKind: app.VATStandard, Goods: true},
			}}
	}
	over, err := w.db.SaveDraft(ctx, inv(app.Q(6)))
	if err != nil {
		t.Fatal(err)
	}
	before := w.db.EntryIDs(t)
	if _, err := w.db.Issue(ctx, over.ID); err == nil || !slices.Contains(fieldsOf(err), "doc.lines") || !strings.Contains(err.Error(), "line 2 (") {
		t.Fatalf("over-issue: %v %v", err, fieldsOf(err))
	}
	if got, _ := w.db.Document(ctx, over.ID); got.Status != app.StatusDraft || got.Number != "" || len(w.db.NewEntries(t, before)) != 0 {
		t.Fatalf("over-issue wrote %+v", got)
	}
	if docs, n, _ := w.db.StockDocs(ctx, app.StockDocFilter{Kind: app.StockIssue}, 0, 10); n != 0 {
		t.Fatalf("issues %+v", docs)
	}
	ok, err := w.db.SaveDraft(ctx, inv(app.Q(3)))
	if err != nil {
		t.Fatal(err)
	}
	issued, err := w.db.Issue(ctx, ok.ID)
	if err != nil {
		t.Fatal(err)
	}
	docs, n, err := w.db.StockDocs(ctx, app.StockDocFilter{Kind: app.StockIssue}, 0, 10)
	if err != nil || n != 1 || docs[0].SourceID != issued.ID || docs[0].Status != app.StockPosted || docs[0].Lines[0].Qty != app.Q(3) {
		t.Fatalf("výdejka %+v %v", docs, err)
	}
	if q, v, _ := w.db.StockLevel(ctx, w.plain.ID, "", app.D(2026, 11, 2)); q != app.Q(2) || v != 20000 {
		t.Fatalf("level %d %d", q, v)
	}
	w.clean(t)
}

// TestStockRefusals: every bad input is refused with its field named and
// nothing written.
func TestStockRefusals(t *testing.T) {
	w := newWh(t, app.CostAverage)
	ctx := w.db.Ctx
	day := app.D(2026, 11, 10)
	w.mustPost(t, receipt(day, w.plain, app.Q(5), 10000))
	sr := receipt(day, w.serial, app.Q(1), 100000)
	sr.Lines[0].Serials = []string{"SN1"}
	w.mustPost(t, sr)
	gone := issue(day, w.serial, app.Q(1))
	gone.Lines[0].Serials = []string{"SN1"}
	w.mustPost(t, gone)
	off, err := w.db.SaveLocation(ctx, app.Location{Code: "STARY", Name: "Starý sklad", Disabled: true})
	if err != nil {
		t.Fatal(err)
	}
	w.db.LockMonth(t, app.D(2026, 10, 1).MonthOf())
	cases := []struct {
		name, field string
		doc         func() app.StockDoc
	}{
		{"zero qty", "stock.lines", func() app.StockDoc { return issue(day, w.plain, 0) }},
		{"negative qty", "stock.lines", func() app.StockDoc { return issue(day, w.plain, -app.Q(1)) }},
		{"unknown location", "stock.location", func() app.StockDoc { d := issue(day, w.plain, app.Q(1)); d.Location = "nowhere"; return d }},
		{"inactive location", "stock.location", func() app.StockDoc { d := issue(day, w.plain, app.Q(1)); d.Location = off.ID; return d }},
		{"over-issue", "stock.lines", func() app.StockDoc { return issue(day, w.plain, app.Q(6)) }},
		{"lot missing", "stock.lines", func() app.StockDoc { return receipt(day, w.lot, app.Q(1), 100) }},
		{"serial missing", "stock.lines", func() app.StockDoc { return receipt(day, w.serial, app.Q(1), 100) }},
		{"duplicate serial", "stock.lines", func() app.StockDoc {
			d := receipt(day, w.serial, app.Q(2), 100)
			d.Lines[0].Serials = []string{"SN2", "SN2"}
			return d
		}},
		{"serial issued twice", "stock.lines", func() app.StockDoc { return gone }},
		{"transfer to itself", "stock.to_location", func() app.StockDoc {
			d := issue(day, w.plain, app.Q(1))
			d.Kind, d.Location, d.ToLocation = app.StockTransfer, w.main.ID, w.main.ID
			return d
		}},
		{"locked month", "stock.date", func() app.StockDoc { return receipt(app.D(2026, 10, 5), w.plain, app.Q(1), 100) }},
		{"backdated", "stock.date", func() app.StockDoc { return receipt(app.D(2026, 11, 9), w.plain, app.Q(1), 100) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			entries := w.db.EntryIDs(t)
			_, n0, _ := w.db.StockDocs(ctx, app.StockDocFilter{Status: app.StockPosted}, 0, 0)
			q0, v0, _ := w.db.StockLevel(ctx, w.plain.ID, "", day)
			_, err := w.post(t, c.doc())
			if err == nil || !slices.Contains(fieldsOf(err), c.field) {
				t.Fatalf("err %v, fields %v, want %s", err, fieldsOf(err), c.field)
			}
			_, n1, _ := w.db.StockDocs(ctx, app.StockDocFilter{Status: app.StockPosted}, 0, 0)
			q1, v1, _ := w.db.StockLevel(ctx, w.plain.ID, "", day)
			if n1 != n0 || q1 != q0 || v1 != v0 || len(w.db.NewEntries(t, entries)) != 0 {
				t.Fatalf("something was written: %d→%d docs, %d→%d", n0, n1, q0, q1)
			}
		})
	}
	if _, err := w.db.SaveStockItem(ctx, app.StockItem{ItemID: w.plain.ID, EAN: "8594001234568"}); !slices.Contains(fieldsOf(err), "stock_item.ean") {
		t.Fatalf("EAN: %v", err)
	}
	// A stocktake over a period with unposted drafts is refused.
	st, err := w.db.StartStocktake(ctx, w.main.ID, day)
	if err != nil {
		t.Fatal(err)
	}
	for i := range st.Lines {
		st.Lines[i].Count, st.Lines[i].Counted = st.Lines[i].Expected, true
	}
	if _, err := w.db.SaveStocktake(ctx, st); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.db.CloseStocktake(ctx, st.ID); !slices.Contains(fieldsOf(err), "stocktake.date") {
		t.Fatalf("drafts: %v", err)
	}
}

// TestStockPermissions: the warehouse role writes; the accounts role may
// read the valuation but not post; a sales clerk neither.
func TestStockPermissions(t *testing.T) {
	w := newWh(t, app.CostAverage)
	day := app.D(2026, 11, 2)
	wh, acc, sales := w.db.As(t, app.RoleWarehouse), w.db.As(t, app.RoleAccounts), w.db.As(t, app.RoleSales)
	d, err := w.db.SaveStockDraft(wh, withLoc(receipt(day, w.plain, app.Q(2), 1000), w.main.ID))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.PostStock(acc, d.ID); app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Fatalf("accounts posted: %v", err)
	}
	if _, err := w.db.PostStock(wh, d.ID); err != nil {
		t.Fatal(err)
	}
	if vs, err := w.db.StockValuation(acc, day); err != nil || len(vs) != 1 || vs[0].Value != 2000 || vs[0].Account != "132" {
		t.Fatalf("accounts' valuation %+v %v", vs, err)
	}
	if _, err := w.db.StockValuation(sales, day); app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Fatalf("sales valued: %v", err)
	}
	if _, _, err := w.db.StockLevel(sales, w.plain.ID, "", day); app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Fatalf("sales read a level: %v", err)
	}
}

// TestStockCheckFindsLedgerDrift: an entry put on 132 by hand, not through
// a stock document, is what Check reports; the warehouse's accounts are in
// the chart once the warehouse is set up.
func TestStockCheckFindsLedgerDrift(t *testing.T) {
	w := newWh(t, app.CostAverage)
	accs, err := w.db.Accounts(w.db.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, a := range accs {
		have[a.Code] = true
	}
	for _, code := range []string{"131", "132", "504", "549", "549100", "648"} {
		if !have[code] {
			t.Errorf("account %s missing", code)
		}
	}
	w.mustPost(t, receipt(app.D(2026, 11, 2), w.plain, app.Q(1), 1000))
	w.clean(t)
	w.db.Post(t, app.Entry{Date: app.D(2026, 11, 3), Memo: "ruční", Lines: []app.Line{{Account: "132", Debit: 100}, {Account: "131", Credit: 100}}})
	probs, err := w.db.Check(w.db.Ctx)
	if err != nil || len(probs) != 1 || probs[0].Key != "check.stock_value" {
		t.Fatalf("check: %v %+v", err, probs)
	}
}

func withLoc(d app.StockDoc, loc string) app.StockDoc { d.Location = loc; return d }
