package data_test

import (
	"slices"
	"testing"

	"kontor/app"
)

// asFixture: a warehouse at average cost, 5 KAVA received at 100 Kč, and
// invoice 2026-11-02 of 3 KAVA at 200 Kč + 21 % (726 Kč) to a customer,
// issued (its výdejka posted: 3 × 100 Kč) and paid in full.
type asFixture struct {
	w    whStore
	cust app.Customer
	inv  app.SalesDoc
}

func newAS(t *testing.T) asFixture {
	t.Helper()
	w := newWh(t, app.CostAverage)
	ctx := w.db.Ctx
	w.mustPost(t, receipt(app.D(2026, 11, 1), w.plain, app.Q(5), 10000))
	cust, err := w.db.SaveCustomer(ctx, app.Customer{Name: "Jiří Dvořák 🛠", Street: "Dlouhá 5", City: "Praha 1", Postcode: "110 00", Email: "jiri@example.cz"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := w.db.SaveDraft(ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: cust.ID, IssueDate: app.D(2026, 11, 2), TaxDate: app.D(2026, 11, 2), DueDate: app.D(2026, 11, 16),
		Lines: []app.DocLine{{ItemID: w.plain.ID, Code: w.plain.Code, Text: w.plain.Name, Quantity: app.Q(3), Unit: "ks", UnitPrice: 20000, VATKind: app.VATStandard, Goods: true}}})
	if err != nil {
		t.Fatal(err)
	}
	inv, err := w.db.Issue(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if inv.Totals.Total != 72600 {
		t.Fatalf("invoice total %d", inv.Totals.Total)
	}
	if _, err := w.db.RecordPayment(ctx, app.Payment{DocID: inv.ID, Date: app.D(2026, 11, 3), Amount: app.M(72600, "CZK"), Method: "bank"}); err != nil {
		t.Fatal(err)
	}
	return asFixture{w: w, cust: cust, inv: inv}
}

func (f asFixture) ticket() app.Ticket {
	return app.Ticket{Kind: app.TicketComplaint, CustomerID: f.cust.ID, Consumer: true, InvoiceID: f.inv.ID, InvoiceLine: 1,
		Subject: "Káva zatuchlá", Defect: "Balení je zavlhlé", Remedy: app.RemedyWithdraw, Complained: app.D(2026, 11, 5)}
}

func balance(t *testing.T, f asFixture, code string) int64 {
	t.Helper()
	bals, err := f.w.db.BalancesBetween(f.w.db.Ctx, app.D(2026, 1, 1), app.D(2026, 12, 31))
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

// TestAfterSalesRMA: ticket → return of 2 of the 3 → receipt at the
// 100 Kč they left at → credit note −2 × 200 Kč − 21 % = −484 Kč → refund
// due 484 Kč (the invoice was paid). By hand: stock 5 − 3 + 2 = 4 pcs worth
// 400 Kč = 132 = the valuation; 311: 726 − 726 − 484 = −484 Kč; 343:
// −126 + 84 = −42 Kč (credit); Check is clean.
func TestAfterSalesRMA(t *testing.T) {
	f := newAS(t)
	ctx, db := f.w.db.Ctx, f.w.db
	tk, err := db.SaveTicket(ctx, f.ticket())
	if err != nil {
		t.Fatal(err)
	}
	if tk.Number == "" || tk.InvoiceNo != f.inv.Number || tk.SaleDate != app.D(2026, 11, 2) || tk.ItemID != f.w.plain.ID || tk.Deadline != app.D(2026, 12, 7) {
		t.Fatalf("ticket %+v", tk) // 5. 11. + 30 = 5. 12., a Saturday → Monday 7. 12.
	}
	if _, err := db.CreateReturn(ctx, tk.ID, []app.ReturnPick{{Line: 1, Qty: app.Q(3) + 1}}, "odstoupení", false, app.D(2026, 11, 6)); !slices.Contains(fieldsOf(err), "return.lines") {
		t.Fatalf("qty above what is left: %v", err)
	}
	r, err := db.CreateReturn(ctx, tk.ID, []app.ReturnPick{{Line: 1, Qty: app.Q(2)}}, "odstoupení od smlouvy", false, app.D(2026, 11, 6))
	if err != nil {
		t.Fatal(err)
	}
	if used, _ := db.ReturnUsage(ctx, f.inv.ID); used[1].Returned != app.Q(2) {
		t.Fatalf("usage %+v", used)
	}
	if _, err := db.CreateReturn(ctx, tk.ID, []app.ReturnPick{{Line: 1, Qty: app.Q(2)}}, "znovu", false, app.D(2026, 11, 6)); !slices.Contains(fieldsOf(err), "return.lines") {
		t.Fatalf("2 more of the 1 left: %v", err)
	}
	if _, err := db.AdvanceReturn(ctx, r.ID, app.StepCredit, app.D(2026, 11, 7)); !slices.Contains(fieldsOf(err), "return.status") {
		t.Fatalf("credit before receipt: %v", err)
	}
	r, err = db.AdvanceReturn(ctx, r.ID, app.StepReceive, app.D(2026, 11, 7))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := db.StockDoc(ctx, r.ReceiptID)
	if err != nil || rc.Status != app.StockPosted || rc.Total != 20000 || r.Status != app.ReturnReceived {
		t.Fatalf("receipt %+v %v", rc, err)
	}
	if q, v, _ := db.StockLevel(ctx, f.w.plain.ID, "", app.D(2026, 11, 7)); q != app.Q(4) || v != 40000 {
		t.Fatalf("level %d %d", q, v)
	}
	r, err = db.AdvanceReturn(ctx, r.ID, app.StepCredit, app.D(2026, 11, 8))
	if err != nil {
		t.Fatal(err)
	}
	cn, err := db.Document(ctx, r.CreditNoteID)
	if err != nil || cn.Kind != app.KindCreditNote || cn.Totals.Total != -48400 || r.Credited != 48400 || r.RefundDue != 48400 || r.Status != app.ReturnCredited {
		t.Fatalf("credit note %+v, return %+v, %v", cn.Totals, r, err)
	}
	if g132, val := f.w.ledger132(t, app.D(2026, 11, 30)), f.w.valued(t, app.D(2026, 11, 30)); g132 != 40000 || val != 40000 {
		t.Fatalf("132 %d, valuation %d", g132, val)
	}
	if b := balance(t, f, "311"); b != -48400 {
		t.Errorf("311 %d", b)
	}
	if b := balance(t, f, "343"); b != -4200 {
		t.Errorf("343 %d", b)
	}
	if tk, _ = db.Ticket(ctx, tk.ID); tk.ReturnID != r.ID {
		t.Errorf("ticket's return %q", tk.ReturnID)
	}
	if rs, _ := db.Returns(ctx, tk.ID, ""); len(rs) != 1 || rs[0].ID != r.ID {
		t.Errorf("returns %+v", rs)
	}
	if used, _ := db.ReturnUsage(ctx, f.inv.ID); used[1].Credited != app.Q(2) || used[1].Returned != 0 {
		t.Errorf("usage after credit %+v", used)
	}
	f.w.clean(t)
}
