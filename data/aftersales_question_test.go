package data_test

import (
	"slices"
	"testing"

	"kontor/app"
)

// TestQuestionHasNoConfirmation: a question with no invoice asks for no
// complaint documents — refused for its kind (not for a sale date it never
// had).
func TestQuestionHasNoConfirmation(t *testing.T) {
	f := newAS(t)
	ctx := f.w.db.Ctx
	q, err := f.w.db.SaveTicket(ctx, app.Ticket{Kind: app.TicketQuestion, CustomerID: f.cust.ID, Subject: "Jak odvápnit kávovar?", Complained: app.D(2026, 11, 5)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.w.db.TicketConfirmation(ctx, q.ID, app.Czech)
	if err == nil || !slices.Contains(fieldsOf(err), "ticket.kind") {
		t.Fatalf("confirmation of a question: %v %v", err, fieldsOf(err))
	}
}
