package sales

import (
	"strings"
	"testing"

	"kontor/app"
	"kontor/kittest"
)

// TestInvoiceViewTickets: the view of an issued invoice lists the tickets
// and the returns against it for a user who works after-sales too; a sales
// user alone sees neither.
func TestInvoiceViewTickets(t *testing.T) {
	v, _, db := salesTest(t, app.RoleSales, app.RoleAftersales)
	ctx := db.Ctx
	day := app.DateOf(salesNow)
	cust, err := db.SaveCustomer(ctx, app.Customer{Name: "Jiří Dvořák", Street: "Dlouhá 5", City: "Praha 1", Postcode: "110 00", Email: "jiri@example.cz"})
	if err != nil {
		t.Fatal(err)
	}
	d, err := db.SaveDraft(ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: cust.ID, IssueDate: day, TaxDate: day, DueDate: day.AddDays(14),
		Lines: []app.DocLine{{Text: "Káva zrnková 1 kg", Quantity: app.Q(3), Unit: "ks", UnitPrice: 45000, VATKind: app.VATReduced}}})
	if err != nil {
		t.Fatal(err)
	}
	inv, err := db.Issue(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	tk, err := db.SaveTicket(ctx, app.Ticket{Kind: app.TicketComplaint, CustomerID: cust.ID, Consumer: true, InvoiceID: inv.ID, InvoiceLine: 1,
		Subject: "Zavlhlá káva", Defect: "Balení je vlhké", Remedy: app.RemedyWithdraw, Complained: day})
	if err != nil {
		t.Fatal(err)
	}
	r, err := db.CreateReturn(ctx, tk.ID, []app.ReturnPick{{Line: 1, Qty: app.Q(2)}}, "Zavlhlá káva", true, day)
	if err != nil {
		t.Fatal(err)
	}
	v.s.openDoc(inv.ID)
	got := kittest.Texts(v.UI()) + kittest.ButtonsText(v.UI())
	for _, want := range []string{tk.Number + " · Zavlhlá káva", r.Number, "2 ks Káva zrnková 1 kg"} {
		if !strings.Contains(got, want) {
			t.Errorf("the invoice view lacks %q:\n%s", want, got)
		}
	}

	c, err := db.Company(ctx)
	if err != nil {
		t.Fatal(err)
	}
	only := kittest.NewHost(t, kittest.Deps(db, db.User(t, app.RoleSales)), c, Module()).Show("sales").(*View)
	only.s.openDoc(inv.ID)
	if got := kittest.Texts(only.UI()) + kittest.ButtonsText(only.UI()); strings.Contains(got, tk.Number) || strings.Contains(got, "After-sales") {
		t.Errorf("a sales user sees the tickets:\n%s", got)
	}
}
