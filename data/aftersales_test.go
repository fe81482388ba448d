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

// asWritten is what a refused write must leave alone: tickets, returns,
// stock documents and the audit trail's length.
func asWritten(t *testing.T, f asFixture) [4]int {
	t.Helper()
	ctx, db := f.w.db.Ctx, f.w.db
	_, nt, _ := db.Tickets(ctx, app.TicketFilter{}, 0, 1)
	rs, _ := db.Returns(ctx, "", f.inv.ID)
	_, ns, _ := db.StockDocs(ctx, app.StockDocFilter{}, 0, 1)
	return [4]int{nt, len(rs), ns, len(f.w.db.AuditTrail(t, ctx, app.AuditFilter{}))}
}

// TestAfterSalesRefusals: each bad input is refused with its field named
// and nothing written.
func TestAfterSalesRefusals(t *testing.T) {
	f := newAS(t)
	ctx, db := f.w.db.Ctx, f.w.db
	other, err := db.SaveCustomer(ctx, app.Customer{Name: "Cizí zákazník", City: "Brno"})
	if err != nil {
		t.Fatal(err)
	}
	before := asWritten(t, f)
	cases := []struct {
		name, field string
		mod         func(*app.Ticket)
	}{
		{"unknown invoice line", "ticket.invoice_line", func(tk *app.Ticket) { tk.InvoiceLine = 7 }},
		{"unknown invoice", "ticket.invoice_line", func(tk *app.Ticket) { tk.InvoiceID = "nope" }},
		{"another customer's invoice", "ticket.invoice_line", func(tk *app.Ticket) { tk.CustomerID = other.ID }},
		{"serial not sold", "ticket.serial", func(tk *app.Ticket) { tk.Serial = "SN-ČŽ-0001" }},
		{"complaint before the sale", "ticket.complained", func(tk *app.Ticket) { tk.Complained = app.D(2026, 11, 1) }},
		{"no defect", "ticket.defect", func(tk *app.Ticket) { tk.Defect = "  " }},
	}
	for _, c := range cases {
		tk := f.ticket()
		c.mod(&tk)
		if _, err := db.SaveTicket(ctx, tk); !slices.Contains(fieldsOf(err), c.field) {
			t.Errorf("%s: %v %v", c.name, err, fieldsOf(err))
		}
	}
	if got := asWritten(t, f); got != before {
		t.Fatalf("refusals wrote: %v → %v", before, got)
	}
	tk, err := db.SaveTicket(ctx, f.ticket())
	if err != nil {
		t.Fatal(err)
	}
	before = asWritten(t, f)
	if _, err := db.MoveTicket(ctx, tk.ID, app.TicketClosed, "", "", app.D(2026, 11, 9)); !slices.Contains(fieldsOf(err), "ticket.status") {
		t.Errorf("new → closed: %v", err)
	}
	tk2, err := db.MoveTicket(ctx, tk.ID, app.TicketInProgress, "", "", app.D(2026, 11, 9))
	if err != nil {
		t.Fatal(err)
	}
	if tk2, err = db.MoveTicket(ctx, tk.ID, app.TicketResolved, "", "", app.D(2026, 11, 10)); err != nil {
		t.Fatal(err)
	}
	before = asWritten(t, f)
	if _, err := db.MoveTicket(ctx, tk.ID, app.TicketClosed, "", "", app.D(2026, 11, 11)); !slices.Contains(fieldsOf(err), "ticket.resolution") || !slices.Contains(fieldsOf(err), "ticket.outcome") {
		t.Errorf("closing without resolution: %v %v", err, fieldsOf(err))
	}
	big := append([]byte("%PDF-1.7\n"), make([]byte, app.MaxAttachmentBytes)...)
	if _, err := db.AddTicketAttachment(ctx, tk.ID, "protokol.pdf", big); !slices.Contains(fieldsOf(err), "attachment.file") {
		t.Errorf("too big: %v", err)
	}
	if _, err := db.AddTicketAttachment(ctx, tk.ID, "foto.jpg", []byte("MZ\x90\x00 not a photo")); !slices.Contains(fieldsOf(err), "attachment.file") {
		t.Errorf("unknown type: %v", err)
	}
	if _, err := db.CreateReturn(ctx, tk.ID, []app.ReturnPick{{Line: 4, Qty: app.Q(1)}}, "vada", false, app.D(2026, 11, 9)); !slices.Contains(fieldsOf(err), "return.lines") {
		t.Errorf("unknown line: %v", err)
	}
	if got := asWritten(t, f); got != before {
		t.Fatalf("refusals wrote: %v → %v", before, got)
	}
	png := append([]byte("\x89PNG\r\n\x1A\n"), []byte("pixels")...)
	tk2, err = db.AddTicketAttachment(ctx, tk.ID, "C:\\fotky\\závada 📷.png", png)
	if err != nil || len(tk2.Attachments) != 1 || tk2.Attachments[0].MIME != "image/png" || tk2.Attachments[0].Name != "závada 📷.png" {
		t.Fatalf("attachment %+v %v", tk2.Attachments, err)
	}
	a, err := db.TicketAttachment(ctx, tk.ID, tk2.Attachments[0].ID)
	if err != nil || string(a.Data) != string(png) {
		t.Fatalf("read back %v %q", err, a.Data)
	}
	if tk2, err = db.MoveTicket(ctx, tk.ID, app.TicketClosed, app.OutcomeRefunded, "Vráceny peníze", app.D(2026, 11, 12)); err != nil || tk2.HandedOver != app.D(2026, 11, 12) {
		t.Fatalf("close %+v %v", tk2, err)
	}
	f.w.clean(t)
}

// TestAfterSalesDueIndex: deadlines across a month end; overdue and due
// this week come from the index and follow moves; Check proves the index.
func TestAfterSalesDueIndex(t *testing.T) {
	f := newAS(t)
	ctx, db := f.w.db.Ctx, f.w.db
	// consumer complaints: 28. 11. + 30 = 28. 12. (Monday); 2. 11. + 30 = 2. 12. (Wednesday);
	// 30. 11. + 30 = 30. 12. (Wednesday)
	ids := map[app.Date]string{}
	for _, day := range []app.Date{app.D(2026, 11, 28), app.D(2026, 11, 2), app.D(2026, 11, 30)} {
		tk := f.ticket()
		tk.Complained = day
		tk, err := db.SaveTicket(ctx, tk)
		if err != nil {
			t.Fatal(err)
		}
		ids[tk.Deadline] = tk.ID
	}
	if len(ids) != 3 || ids[app.D(2026, 12, 28)] == "" || ids[app.D(2026, 12, 2)] == "" || ids[app.D(2026, 12, 30)] == "" {
		t.Fatalf("deadlines %v", ids)
	}
	list := func(f app.TicketFilter) []string {
		ts, n, err := db.Tickets(ctx, f, 0, 50)
		if err != nil || n != len(ts) {
			t.Fatalf("%v %d %d", err, n, len(ts))
		}
		var out []string
		for _, tk := range ts {
			out = append(out, tk.ID)
		}
		return out
	}
	// Tuesday 29. 12.: 2. 12. and 28. 12. are overdue, 30. 12. due this week (28. 12. – 3. 1.)
	today := app.D(2026, 12, 29)
	if got := list(app.TicketFilter{Overdue: true, Today: today}); !slices.Equal(got, []string{ids[app.D(2026, 12, 2)], ids[app.D(2026, 12, 28)]}) {
		t.Errorf("overdue %v", got)
	}
	if got := list(app.TicketFilter{DueThisWeek: true, Today: today}); !slices.Equal(got, []string{ids[app.D(2026, 12, 30)]}) {
		t.Errorf("this week %v", got)
	}
	// Monday 30. 11.: 2. 12. is due this week (across the month end), nothing overdue
	if got := list(app.TicketFilter{DueThisWeek: true, Today: app.D(2026, 11, 30)}); !slices.Equal(got, []string{ids[app.D(2026, 12, 2)]}) {
		t.Errorf("week of 30. 11. %v", got)
	}
	if got := list(app.TicketFilter{Overdue: true, Today: app.D(2026, 11, 30)}); len(got) != 0 {
		t.Errorf("overdue on 30. 11. %v", got)
	}
	id := ids[app.D(2026, 12, 2)]
	if _, err := db.MoveTicket(ctx, id, app.TicketInProgress, "", "", app.D(2026, 12, 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.MoveTicket(ctx, id, app.TicketResolved, app.OutcomeReplaced, "Vyměněno", app.D(2026, 12, 1)); err != nil {
		t.Fatal(err)
	}
	if got := list(app.TicketFilter{Overdue: true, Today: today}); !slices.Equal(got, []string{ids[app.D(2026, 12, 28)]}) {
		t.Errorf("overdue after resolving %v", got)
	}
	if got := list(app.TicketFilter{Status: app.TicketResolved}); !slices.Equal(got, []string{id}) {
		t.Errorf("resolved %v", got)
	}
	if got := list(app.TicketFilter{}); len(got) != 3 || got[0] < got[1] || got[1] < got[2] { // IDs are time-ordered
		t.Errorf("newest first %v", got)
	}
	f.w.clean(t)
}

// TestAfterSalesPermissions: a user without after-sales reads and writes
// nothing; an after-sales user works.
func TestAfterSalesPermissions(t *testing.T) {
	f := newAS(t)
	db := f.w.db
	sales := db.As(t, app.RoleSales)
	if _, err := db.SaveTicket(sales, f.ticket()); app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Errorf("sales user saved a ticket: %v", err)
	}
	if _, _, err := db.Tickets(sales, app.TicketFilter{}, 0, 10); app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Errorf("sales user listed tickets: %v", err)
	}
	as := db.As(t, app.RoleAftersales)
	if _, err := db.SaveTicket(as, f.ticket()); err != nil {
		t.Errorf("after-sales user: %v", err)
	}
}
