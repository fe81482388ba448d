package data_test

import (
	"slices"
	"strings"
	"testing"

	"kontor/app"
)

// TestInvoiceShipsTrackedStock: an invoice of a serial-numbered grinder and
// of a lot of milk ships its serial numbers and its lot on the výdejka; an
// invoice without them, with a serial not in stock, a lot not in stock or
// more than the lot holds (the item has enough in another), two lots on a line
// or with numbers on an untracked item is refused at its lines and writes
// nothing; a ticket then knows the serial was sold on that invoice.
func TestInvoiceShipsTrackedStock(t *testing.T) {
	w := newWh(t, app.CostAverage)
	ctx := w.db.Ctx
	day := app.D(2026, 11, 1)
	sr := receipt(day, w.serial, app.Q(2), 150000)
	sr.Lines[0].Serials = []string{"MŁ-2026-001", "MŁ-2026-002"}
	w.mustPost(t, sr)
	lr := receipt(day, w.lot, app.Q(10), 3000)
	lr.Lines[0].Lot = "Š-44 😀"
	lr.Lines[0].Expiry = app.D(2027, 1, 31)
	w.mustPost(t, lr)
	lr2 := receipt(day, w.lot, app.Q(5), 3000)
	lr2.Lines[0].Lot = "Š-46"
	w.mustPost(t, lr2)
	w.mustPost(t, receipt(day, w.plain, app.Q(5), 10000))
	cust, err := w.db.SaveCustomer(ctx, app.Customer{Name: "Jiřina Šťastná", Street: "Dlouhá 5", City: "Praha 1", Postcode: "110 00"})
	if err != nil {
		t.Fatal(err)
	}
	line := func(it app.Item, qty app.Qty, trace ...string) app.DocLine {
		return app.DocLine{ItemID: it.ID, Code: it.Code, Text: it.Name, Quantity: qty, Unit: "ks", UnitPrice: 250000, VATKind: app.VATStandard, Goods: true, Trace: trace}
	}
	inv := func(lines ...app.DocLine) app.SalesDoc {
		return app.SalesDoc{Kind: app.KindInvoice, CustomerID: cust.ID, IssueDate: app.D(2026, 11, 2), TaxDate: app.D(2026, 11, 2), DueDate: app.D(2026, 11, 16), Lines: lines}
	}
	refused := []struct {
		name string
		doc  app.SalesDoc
	}{
		{"serial missing", inv(line(w.serial, app.Q(1)))},
		{"serial not in stock", inv(line(w.serial, app.Q(1), "MŁ-2026-999"))},
		{"one serial for two", inv(line(w.serial, app.Q(2), "MŁ-2026-001"))},
		{"lot missing", inv(line(w.lot, app.Q(1)))},
		{"unknown lot", inv(line(w.lot, app.Q(1), "Š-45"))},
		{"more than the lot holds", inv(line(w.lot, app.Q(11), "Š-44 😀"))},
		{"two lots on a line", inv(line(w.lot, app.Q(2), "Š-44 😀", "Š-45"))},
		{"numbers on an untracked item", inv(line(w.plain, app.Q(1), "X1"))},
	}
	for _, c := range refused {
		t.Run(c.name, func(t *testing.T) {
			d, err := w.db.SaveDraft(ctx, c.doc)
			if err != nil {
				t.Fatal(err)
			}
			before := w.db.EntryIDs(t)
			if _, err := w.db.Issue(ctx, d.ID); err == nil || !slices.Contains(fieldsOf(err), "doc.lines") {
				t.Fatalf("issued: %v", err)
			}
			if got, _ := w.db.Document(ctx, d.ID); got.Status != app.StatusDraft || len(w.db.NewEntries(t, before)) != 0 {
				t.Fatalf("a refused invoice wrote %+v", got)
			}
		})
	}
	short, err := w.db.SaveDraft(ctx, inv(line(w.lot, app.Q(11), "Š-44 😀")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.Issue(ctx, short.ID); !strings.Contains(err.Error(), "lot Š-44 😀 has 10 on hand in this location; the line takes 11") {
		t.Errorf("11 of a lot of 10 while the item has 15: %v", err)
	}
	for _, bad := range [][]string{{""}, {" MŁ-2026-001"}, {"MŁ-2026-001", "MŁ-2026-001"}, {"a", "b", "c"}} {
		if _, err := w.db.SaveDraft(ctx, inv(line(w.serial, app.Q(2), bad...))); err == nil || !slices.Contains(fieldsOf(err), "doc.lines") {
			t.Errorf("draft with serials %q saved: %v", bad, err)
		}
	}
	d, err := w.db.SaveDraft(ctx, inv(line(w.serial, app.Q(1), "MŁ-2026-002"), line(w.lot, app.Q(4), "Š-44 😀")))
	if err != nil {
		t.Fatal(err)
	}
	issued, err := w.db.Issue(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	docs, n, err := w.db.StockDocs(ctx, app.StockDocFilter{Kind: app.StockIssue}, 0, 10)
	if err != nil || n != 1 || docs[0].SourceID != issued.ID {
		t.Fatalf("výdejka %+v %v", docs, err)
	}
	if l := docs[0].Lines; len(l) != 2 || !slices.Equal(l[0].Serials, []string{"MŁ-2026-002"}) || l[1].Lot != "Š-44 😀" {
		t.Fatalf("výdejka lines %+v", l)
	}
	// WAC 1,500 Kč a grinder, 30 Kč a litre: 132 keeps 1 × 1,500 + 11 × 30 +
	// 5 × 100 = 2,330 Kč.
	if got, v := w.ledger132(t, app.D(2026, 11, 2)), w.valued(t, app.D(2026, 11, 2)); got != 233000 || v != got {
		t.Fatalf("132 %d, valuation %d, want 233000", got, v)
	}
	again, err := w.db.SaveDraft(ctx, inv(line(w.serial, app.Q(1), "MŁ-2026-002")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.Issue(ctx, again.ID); err == nil || !slices.Contains(fieldsOf(err), "doc.lines") {
		t.Fatalf("a serial sold twice: %v", err)
	}
	tk, err := w.db.SaveTicket(ctx, app.Ticket{Kind: app.TicketComplaint, CustomerID: cust.ID, InvoiceID: issued.ID, InvoiceLine: 1, Serial: "MŁ-2026-002",
		Subject: "Mlýnek nemele", Defect: "Po týdnu přestal mlít.", Remedy: app.RemedyRepair, Channel: app.TicketByCounter, Complained: app.D(2026, 11, 20)})
	if err != nil || tk.Serial != "MŁ-2026-002" {
		t.Fatalf("ticket for the sold serial: %+v %v", tk, err)
	}
	if _, err := w.db.SaveTicket(ctx, app.Ticket{Kind: app.TicketComplaint, CustomerID: cust.ID, InvoiceID: issued.ID, InvoiceLine: 1, Serial: "MŁ-2026-001",
		Subject: "Mlýnek", Defect: "Nemele.", Remedy: app.RemedyRepair, Channel: app.TicketByCounter, Complained: app.D(2026, 11, 20)}); err == nil {
		t.Fatal("a ticket for a serial the invoice did not ship")
	}
	w.clean(t)
}
