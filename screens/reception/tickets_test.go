package reception

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

// TestCustomerCardTickets: for a desk user who also works after-sales, the
// customer card lists the customer's tickets (not another customer's) and
// a ticket opens in the After-sales tab; a receptionist alone sees no such
// section.
func TestCustomerCardTickets(t *testing.T) {
	var cust app.Customer
	var tk app.Ticket
	seed := func(db *datatest.DB) {
		today := app.DateOf(receptionDay)
		cust = saveCustomer(t, db, app.Customer{Name: "Božena Šťastná", Street: "Jiráskova 4", City: "Brno", Postcode: "602 00", Email: "bozena@example.cz"})
		other := saveCustomer(t, db, app.Customer{Name: "Jiný zákazník", Street: "Nová 1", City: "Kolín", Postcode: "280 02", Phone: "+420 777 111 222"})
		for _, c := range []app.Customer{cust, other} {
			doc, err := db.SaveDraft(db.Ctx, app.SalesDoc{Kind: app.KindInvoice, CustomerID: c.ID, IssueDate: today, TaxDate: today, DueDate: today.AddDays(14),
				Lines: []app.DocLine{{Text: "Židle", Quantity: app.Q(1), Unit: "ks", UnitPrice: 100000, VATKind: app.VATStandard}}})
			if err != nil {
				t.Fatal(err)
			}
			inv, err := db.Issue(db.Ctx, doc.ID)
			if err != nil {
				t.Fatal(err)
			}
			saved, err := db.SaveTicket(db.Ctx, app.Ticket{Kind: app.TicketComplaint, CustomerID: c.ID, Consumer: true, InvoiceID: inv.ID, InvoiceLine: 1,
				Subject: "Vrzající židle " + c.Name, Defect: "Vrže", Remedy: app.RemedyRepair, Complained: today})
			if err != nil {
				t.Fatal(err)
			}
			if c.ID == cust.ID {
				tk = saved
			}
		}
	}
	d := openDesk(t, seed, app.RoleReception, app.RoleAftersales)
	d.r.dir.openCard(cust.ID)
	buttons := kittest.ButtonsText(d.w.Content())
	if !strings.Contains(kittest.Texts(d.w.Content()), "After-sales tickets") || !strings.Contains(buttons, tk.Number+" · Vrzající židle Božena Šťastná") {
		t.Fatalf("the card lacks the ticket %s:\n%s", tk.Number, buttons)
	}
	if strings.Contains(buttons, "Jiný zákazník") {
		t.Errorf("the card lists another customer's ticket:\n%s", buttons)
	}
	var line string
	for _, s := range strings.Split(buttons, "\n") {
		if strings.HasPrefix(s, tk.Number) {
			line = s
		}
	}
	test.Tap(kittest.Button(t, d.w.Content(), line))
	if o := d.h.Opened(); len(o) == 0 || o[len(o)-1] != "aftersales "+kit.ArgDoc(tk.ID) {
		t.Errorf("opened %v", o)
	}

	desk := openDesk(t, seed, app.RoleReception)
	desk.r.dir.openCard(cust.ID)
	if strings.Contains(kittest.Texts(desk.w.Content()), "After-sales tickets") {
		t.Error("a receptionist without after-sales sees the tickets")
	}
}
