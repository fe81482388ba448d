package main

import (
	"context"
	"fmt"
	"os"

	"kontor/app"
	"kontor/data"
)

func main() {
	s, err := data.Open(os.Args[1], data.Options{NoAutoBackup: true})
	if err != nil {
		panic(err)
	}
	defer s.Close()
	ctx := app.WithUser(context.Background(), app.User{Name: "admin", Roles: []app.Role{app.RoleAdmin}})
	if _, err := s.SaveAfterSalesSettings(ctx, app.AfterSalesSettings{BusinessComplaintDays: 30}); err != nil {
		panic(err)
	}
	cs, err := s.Customers(ctx, "", 0)
	if err != nil {
		panic(err)
	}
	today := app.Today(app.SystemClock{})
	made := 0
	subjects := []string{"Mlýnek nejde zapnout", "Zatuchlá káva v balení", "Prasklý držák — výměna", "Dotaz na záruku ☕", "Vrácení do 14 dnů"}
	kinds := []app.TicketKind{app.TicketComplaint, app.TicketComplaint, app.TicketRepair, app.TicketQuestion, app.TicketReturn}
	ago := []int{45, 20, 10, 3, 5}
	for _, c := range cs {
		if made >= 12 {
			break
		}
		invs, err := s.TicketInvoices(ctx, c.ID, 3)
		if err != nil || len(invs) == 0 {
			continue
		}
		inv := invs[len(invs)-1]
		i := made % len(subjects)
		day := today.AddDays(-ago[i] - made)
		if day.Before(app.SaleDay(inv)) {
			day = app.SaleDay(inv)
		}
		t := app.Ticket{Kind: kinds[i], CustomerID: c.ID, Consumer: c.ICO == "", InvoiceID: inv.ID, InvoiceLine: 1, Subject: subjects[i],
			Defect: "Po zapnutí cvakne a zhasne", Remedy: app.RemedyRepair, Complained: day, Assignee: "servis", Priority: []app.TicketPriority{app.PriorityNormal, app.PriorityHigh, app.PriorityLow}[made%3]}
		if !t.Kind.NeedsInvoiceLine() && made%2 == 1 {
			t.InvoiceID, t.InvoiceLine = "", 0
		}
		tk, err := s.SaveTicket(ctx, t)
		if err != nil {
			fmt.Println("skip", c.Name, err)
			continue
		}
		made++
		if made%4 == 0 {
			s.AddTicketComment(ctx, tk.ID, "Zákazník volal, čeká na vyjádření servisu.")
			s.MoveTicket(ctx, tk.ID, app.TicketInProgress, "", "", today)
		}
		fmt.Println(tk.Number, tk.Customer.Name, tk.Deadline)
	}
}
