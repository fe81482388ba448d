package data_test

import (
	"testing"

	"kontor/app"
)

// TestTicketInvoices: an after-sales user (no sales.read) reads the
// customer's issued invoices with their lines, and no one else's; a
// draft is left out; a sales user is refused.
func TestTicketInvoices(t *testing.T) {
	f := newAS(t)
	db := f.w.db
	other, err := db.SaveCustomer(db.Ctx, app.Customer{Name: "Jiná firma s.r.o."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveDraft(db.Ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: f.cust.ID, IssueDate: app.D(2026, 11, 4), TaxDate: app.D(2026, 11, 4), DueDate: app.D(2026, 11, 18),
		Lines: []app.DocLine{{Text: "Koncept", Quantity: app.Q(1), Unit: "ks", UnitPrice: 100, VATKind: app.VATStandard}}}); err != nil {
		t.Fatal(err)
	}
	as := db.As(t, app.RoleAftersales)
	invs, err := db.TicketInvoices(as, f.cust.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(invs) != 1 || invs[0].ID != f.inv.ID || len(invs[0].Lines) != 1 {
		t.Fatalf("invoices %+v", invs)
	}
	if invs, err := db.TicketInvoices(as, other.ID, 0); err != nil || len(invs) != 0 {
		t.Errorf("other customer's invoices %+v %v", invs, err)
	}
	if _, err := db.TicketInvoices(db.As(t, app.RoleSales), f.cust.ID, 0); app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Errorf("sales user: %v", err)
	}
}
