package demo_test

import (
	"strings"
	"testing"

	"kontor/app"
)

// TestRunAfterSales checks the AfterSales step on the scale-1 demo (at
// datatest.DefaultNow: the period ends on Saturday 28 November 2026): the
// books balance and check is clean with the return's receipt and credit
// note posted; the four stories are there — the grinder repaired under the
// warranty, the damp espresso returned, received into the complaints'
// location and credited with the refund due, the refusal with its
// reasons, the cups past their 30 days and found by the due index — every
// ticket kept by the servis clerk; 132 still equals the valuation.
func TestRunAfterSales(t *testing.T) {
	db, sum := demoCopy(t)
	ctx := db.Ctx
	checkBooks(t, db, sum, app.ChartCzech.Posting())

	tickets, total, err := db.Tickets(ctx, app.TicketFilter{}, 0, 0)
	if err != nil || total != len(tickets) {
		t.Fatalf("%d of %d tickets: %v", len(tickets), total, err)
	}
	a := sum.AfterSales
	if a.Tickets != len(tickets) || a.Tickets != 9 || a.Complaints != 5 || a.Open != 4 || a.Overdue != 1 || a.Returns != 1 || a.CreditNotes != 1 ||
		a.Invoices != 5 || a.Customers != 4 || a.Credited <= 0 || a.RefundDue != a.Credited {
		t.Errorf("counts %+v", a)
	}
	by := map[app.Outcome][]app.Ticket{}
	kinds := map[app.TicketKind]int{}
	for _, tk := range tickets {
		by[tk.Outcome] = append(by[tk.Outcome], tk)
		kinds[tk.Kind]++
		if tk.CreatedBy != "servis" || tk.Number == "" || !strings.HasPrefix(tk.Number, "RK2026-") {
			t.Errorf("%s made by %q", tk.Number, tk.CreatedBy)
		}
		if tk.Complained.Before(sum.To.AddDays(-45)) || tk.Complained.After(sum.To) {
			t.Errorf("%s complained on %v: not in the period's last weeks", tk.Number, tk.Complained)
		}
		for _, c := range tk.Comments {
			if c.User != "servis" || c.Text == "" {
				t.Errorf("%s: comment %+v", tk.Number, c)
			}
		}
		if tk.Kind == app.TicketComplaint && (tk.InvoiceNo == "" || tk.Deadline.IsZero() || tk.SaleDate.IsZero()) {
			t.Errorf("complaint %s: invoice %q, sale %v, deadline %v", tk.Number, tk.InvoiceNo, tk.SaleDate, tk.Deadline)
		}
	}
	if kinds[app.TicketComplaint] != 5 || kinds[app.TicketRepair] != 2 || kinds[app.TicketQuestion] != 2 {
		t.Errorf("kinds %v", kinds)
	}

	// The grinder: a consumer's, in warranty and within the presumption
	// year, repaired in time and handed over.
	if len(by[app.OutcomeRepaired]) != 2 {
		t.Fatalf("repaired: %d", len(by[app.OutcomeRepaired]))
	}
	var grinder app.Ticket
	for _, tk := range by[app.OutcomeRepaired] {
		if tk.Kind == app.TicketComplaint {
			grinder = tk
		}
	}
	if grinder.ItemCode != "MLYNEK-RUC" || !grinder.Consumer || grinder.Status != app.TicketClosed || grinder.ResolvedOn.After(grinder.Deadline) ||
		grinder.HandedOver.Before(grinder.ResolvedOn) || len(grinder.Comments) < 2 || grinder.Remedy != app.RemedyRepair {
		t.Errorf("grinder %+v", grinder)
	}
	if w, err := db.TicketWarranty(ctx, grinder.ID); err != nil || !w.InWarranty || !w.Presumed || w.Months != 24 {
		t.Errorf("grinder's warranty %+v %v", w, err)
	}

	// The damp espresso: the bistro's paid invoice, its return received
	// into the complaints' location at the cost it left at, credited, the
	// refund due; the ticket closed as refunded.
	if len(by[app.OutcomeRefunded]) != 1 {
		t.Fatalf("refunded: %d", len(by[app.OutcomeRefunded]))
	}
	coffee := by[app.OutcomeRefunded][0]
	if coffee.Consumer || coffee.Customer.Name != "Bistro Na Růžku s.r.o." || coffee.ItemCode != "KAV-ESP-1KG" || coffee.Status != app.TicketClosed || coffee.ReturnID == "" {
		t.Fatalf("coffee %+v", coffee)
	}
	r, err := db.Return(ctx, coffee.ReturnID)
	if err != nil || r.Status != app.ReturnCredited || r.CreditNoteNo != a.CreditNote || r.RefundDue != r.Credited || r.Credited != a.Credited || !r.Defective {
		t.Fatalf("return %+v %v", r, err)
	}
	if !strings.Contains(coffee.Resolution, r.CreditNoteNo) {
		t.Errorf("resolution %q names no credit note", coffee.Resolution)
	}
	inv, err := db.Document(ctx, r.InvoiceID)
	if err != nil || inv.Paid != inv.Totals.Total || len(inv.Lines) != 1 || r.Lines[0].Qty != inv.Lines[0].Quantity {
		t.Fatalf("invoice %+v %v", inv, err)
	}
	cn, err := db.Document(ctx, r.CreditNoteID)
	if err != nil || cn.Kind != app.KindCreditNote || cn.OriginalNo != inv.Number || -cn.Totals.Total != r.Credited || cn.EntryID == "" || cn.Reason == "" {
		t.Errorf("credit note %+v %v", cn, err)
	}
	rc, err := db.StockDoc(ctx, r.ReceiptID)
	if err != nil || rc.Kind != app.StockReceipt || rc.Status != app.StockPosted || rc.EntryID == "" || rc.Lines[0].Qty != r.Lines[0].Qty {
		t.Fatalf("receipt %+v %v", rc, err)
	}
	set, err := db.AfterSalesSettings(ctx)
	if err != nil || set.DefectiveLocation == "" || rc.Location != set.DefectiveLocation || set.BusinessComplaintDays != 30 {
		t.Errorf("settings %+v, receipt into %s: %v", set, rc.Location, err)
	}
	if q, v, err := db.StockLevel(ctx, inv.Lines[0].ItemID, set.DefectiveLocation, sum.To); err != nil || q != r.Lines[0].Qty || v != rc.Total || v <= 0 {
		t.Errorf("the complaints' location holds %v worth %d (receipt %d): %v", q, v, rc.Total, err)
	}
	out, err := db.TicketOutcome(ctx, coffee.ID, app.Czech)
	if err != nil || out.CreditNote != r.CreditNoteNo || out.Refund.Amount != r.RefundDue || out.Late {
		t.Errorf("coffee's outcome %+v %v", out, err)
	}

	// The refusal: resolved with the written reasons.
	if len(by[app.OutcomeRefused]) != 1 {
		t.Fatalf("refused: %d", len(by[app.OutcomeRefused]))
	}
	refused := by[app.OutcomeRefused][0]
	if refused.Status != app.TicketResolved || !strings.Contains(refused.Resolution, "mechanického poškození") || !refused.Consumer {
		t.Errorf("refused %+v", refused)
	}
	if o, err := db.TicketOutcome(ctx, refused.ID, app.Czech); err != nil || o.Outcome != app.OutcomeRefused || o.Resolution != refused.Resolution {
		t.Errorf("refusal's outcome %+v %v", o, err)
	}

	// The overdue one: made more than 30 days before the end, still open,
	// and what the due index gives for the last day.
	late, n, err := db.Tickets(ctx, app.TicketFilter{Overdue: true, Today: sum.To}, 0, 0)
	if err != nil || n != 1 || len(late) != 1 {
		t.Fatalf("overdue %d: %v", n, err)
	}
	od := late[0]
	if od.Kind != app.TicketComplaint || od.Status != app.TicketWaitingSupplier || app.DaysFrom(od.Complained, sum.To) <= 30 || !od.Overdue(sum.To) || !od.Consumer {
		t.Errorf("overdue %+v", od)
	}
	if days, ok := od.DaysLeft(sum.To); !ok || days >= 0 {
		t.Errorf("overdue %s has %d days left", od.Number, days)
	}
	if conf, err := db.TicketConfirmation(ctx, od.ID, app.Czech); err != nil || conf.Deadline != od.Deadline || !conf.Warranty.InWarranty {
		t.Errorf("overdue's confirmation %+v %v", conf, err)
	}

	// 132 = the valuation on the last day, the returned coffee included.
	acc := app.StockAccountsOf(app.ChartCzech)
	bals, err := db.BalancesBetween(ctx, sum.From, sum.To)
	if err != nil {
		t.Fatal(err)
	}
	var ledger int64
	for _, b := range bals {
		if b.Account.Code == acc.Goods {
			ledger = b.Closing()
		}
	}
	vals, err := db.StockValuation(ctx, sum.To)
	if err != nil {
		t.Fatal(err)
	}
	var valued int64
	for _, v := range vals {
		valued += v.Value
	}
	if ledger != valued || valued <= 0 {
		t.Errorf("132 %d, valuation %d", ledger, valued)
	}
	if problems, err := db.Check(ctx); err != nil || len(problems) != 0 {
		t.Errorf("check: %v %v", err, problems)
	}
}
