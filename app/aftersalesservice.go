package app

import "context"

// TicketFilter narrows the ticket list: every set field must match.
type TicketFilter struct {
	Status     TicketStatus // "" any
	Kind       TicketKind   // "" any
	CustomerID string
	InvoiceID  string
	Assignee   string
	// Overdue keeps open tickets past their deadline on day Today;
	// DueThisWeek those due in Today's week (Ticket.DueThisWeek). Both
	// are read from the deadline index (Ticket.DueKey), never a scan.
	Overdue     bool
	DueThisWeek bool
	Today       Date
	Search      string // each word in the number, subject, customer, serial
}

// ReturnStep is one confirmed step of a return.
type ReturnStep string

// Return steps, in order.
const (
	// StepReceive posts the stock receipt (ReturnReceipt) of the goods
	// into the original or the defective-goods location.
	StepReceive ReturnStep = "receive"
	// StepCredit issues the credit note (ReturnCreditNote through
	// ApplyCreditNote and the credit note's posting) and records the
	// refund due (RefundDue) on the return.
	StepCredit ReturnStep = "credit"
)

// AfterSalesService is after-sales (issue 13): tickets with their comments
// and attachments, and the return flow. Every call needs PermAftersales;
// each write is one transaction that writes nothing when it fails, and
// refuses with the field named (the rules in ticket*.go and aftersales*.go).
type AfterSalesService interface {
	// AfterSalesSettings returns the company's settings (zero values
	// until saved); SaveAfterSalesSettings validates and stores them.
	AfterSalesSettings(ctx context.Context) (AfterSalesSettings, error)
	SaveAfterSalesSettings(ctx context.Context, s AfterSalesSettings) (AfterSalesSettings, error)

	// SaveTicket creates (empty ID: numbered, Filed and Created set) or
	// updates a ticket (its Revision must match): Normalize, Validate,
	// CheckTicketSource against the invoice and the serials its stock
	// issue shipped, WithDeadline from the settings; the deadline index
	// (DueKey) is kept in the same transaction. It never changes Status
	// (MoveTicket does), Comments or Attachments.
	SaveTicket(ctx context.Context, t Ticket) (Ticket, error)
	// Ticket returns one ticket (ENOTFOUND when there is none).
	Ticket(ctx context.Context, id string) (Ticket, error)
	// Tickets is one page of the tickets matching f, newest first, and
	// how many match; the first page of 10,000 tickets in ≤ 20 ms.
	Tickets(ctx context.Context, f TicketFilter, offset, limit int) ([]Ticket, int, error)
	// DeleteTicket deletes a new ticket with no return; later ones are
	// closed, never deleted.
	DeleteTicket(ctx context.Context, id string) error
	// MoveTicket moves the ticket to status to on day on (Ticket.Move:
	// the status machine; closing needs a resolution text and an
	// outcome), with resolution and outcome when given, and updates the
	// deadline index.
	MoveTicket(ctx context.Context, id string, to TicketStatus, outcome Outcome, resolution string, on Date) (Ticket, error)
	// TicketInvoices is the customer's issued invoices with their lines,
	// newest first, at most limit (0: all) — what the ticket form picks the
	// invoice line from, and the return picks its lines from, for a user
	// who holds PermAftersales but not sales.read.
	TicketInvoices(ctx context.Context, customerID string, limit int) ([]SalesDoc, error)
	// TicketWarranty is the warranty check (CheckWarranty) of a ticket
	// on its complaint day (or the day the defect showed), from its
	// invoice's DUZP and its item's stock card.
	TicketWarranty(ctx context.Context, id string) (Warranty, error)

	// AddTicketComment appends the signed-in user's comment.
	AddTicketComment(ctx context.Context, id, text string) (Ticket, error)
	// AddTicketAttachment stores a file (NewAttachment: type sniffed,
	// size limited) and its metadata on the ticket; TicketAttachment
	// reads it back with its content.
	AddTicketAttachment(ctx context.Context, id, name string, data []byte) (Ticket, error)
	TicketAttachment(ctx context.Context, ticketID, attachmentID string) (Attachment, error)

	// TicketConfirmation and TicketOutcome are the documents to print
	// (ConfirmationOf, OutcomeOf).
	TicketConfirmation(ctx context.Context, id string, lang Lang) (ComplaintConfirmation, error)
	TicketOutcome(ctx context.Context, id string, lang Lang) (ComplaintOutcome, error)

	// ReturnUsage is, per line number of invoice invoiceID, what already
	// came back (LineUsages over its credit notes and returns; for
	// NewReturn's limits and the screens' "left").
	ReturnUsage(ctx context.Context, invoiceID string) (map[int]LineUsage, error)
	// CreateReturn saves the draft return of the picks from the ticket's
	// invoice (NewReturn) and links it to the ticket.
	CreateReturn(ctx context.Context, ticketID string, picks []ReturnPick, reason string, defective bool, day Date) (ReturnDoc, error)
	// AdvanceReturn performs step on the return — receive, then credit —
	// in one transaction each, refusing a step out of order.
	AdvanceReturn(ctx context.Context, id string, step ReturnStep, day Date) (ReturnDoc, error)
	// Return returns one return; Returns those of a ticket or invoice.
	Return(ctx context.Context, id string) (ReturnDoc, error)
	Returns(ctx context.Context, ticketID, invoiceID string) ([]ReturnDoc, error)
}
