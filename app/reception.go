package app

import (
	"context"
	"strings"
	"time"
)

// Visit is one stay of a visitor in the building: checked in at the desk,
// checked out when leaving.
type Visit struct {
	ID         string    `json:"id"`
	Branch     string    `json:"branch"`
	Visitor    string    `json:"visitor"`
	Company    string    `json:"company"`
	CustomerID string    `json:"customer_id,omitempty"`
	Host       string    `json:"host"` // the staff member visited: a user name
	Purpose    string    `json:"purpose"`
	Badge      string    `json:"badge"`
	In         time.Time `json:"in"`
	Out        time.Time `json:"out,omitempty"` // zero while in the building
}

// Inside reports whether the visitor has not checked out.
func (v Visit) Inside() bool { return v.Out.IsZero() }

// Validate checks a check-in, naming every wrong field.
func (v Visit) Validate() error {
	var es Errors
	es.Add(requireText("visit.visitor", v.Visitor, 100))
	es.Add(maxText("visit.company", v.Company, 200))
	if strings.TrimSpace(v.Host) == "" {
		es.Add(Invalid("visit.host", "err.required", "is required", nil))
	}
	es.Add(maxText("visit.purpose", v.Purpose, 200))
	es.Add(maxText("visit.badge", v.Badge, 20))
	return es.Err()
}

// Appointment is a meeting of a staff member with a customer.
type Appointment struct {
	ID         string    `json:"id"`
	Branch     string    `json:"branch"`
	CustomerID string    `json:"customer_id,omitempty"`
	Customer   string    `json:"customer"` // name, copied for lists
	Staff      string    `json:"staff"`    // user name
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"`
	Place      string    `json:"place"`
	Note       string    `json:"note"`
	Cancelled  bool      `json:"cancelled,omitempty"`
	Revision   int       `json:"revision"`
}

// Overlaps reports whether two appointments share any minute.
func (a Appointment) Overlaps(b Appointment) bool {
	return a.Start.Before(b.End) && b.Start.Before(a.End)
}

// Validate checks an appointment on its own (collisions are the store's to find).
func (a Appointment) Validate() error {
	if strings.TrimSpace(a.Staff) == "" {
		return Invalid("appointment.staff", "err.required", "is required", nil)
	}
	if a.Start.IsZero() {
		return Invalid("appointment.start", "err.required", "is required", nil)
	}
	if !a.End.After(a.Start) {
		return Invalid("appointment.end", "err.appointment.end", "the appointment ends before it starts", nil)
	}
	if a.End.Sub(a.Start) > 24*time.Hour {
		return Invalid("appointment.end", "err.appointment.too_long", "an appointment lasts at most a day", nil)
	}
	if err := maxText("appointment.place", a.Place, 100); err != nil {
		return err
	}
	return maxText("appointment.note", a.Note, 1000)
}

// InquiryStatus is where an inquiry stands.
type InquiryStatus string

// Inquiry statuses: new → in progress → quoted → won / lost.
const (
	InquiryNew        InquiryStatus = "new"
	InquiryInProgress InquiryStatus = "in_progress"
	InquiryQuoted     InquiryStatus = "quoted"
	InquiryWon        InquiryStatus = "won"
	InquiryLost       InquiryStatus = "lost"
)

// Open reports whether the inquiry still needs work.
func (s InquiryStatus) Open() bool { return s != InquiryWon && s != InquiryLost }

var inquiryOrder = map[InquiryStatus]int{InquiryNew: 0, InquiryInProgress: 1, InquiryQuoted: 2, InquiryWon: 3, InquiryLost: 3}

// CanMoveTo reports whether an inquiry may go from s to next: only forward,
// and never out of won or lost.
func (s InquiryStatus) CanMoveTo(next InquiryStatus) bool {
	o, ok := inquiryOrder[next]
	return ok && s.Open() && o > inquiryOrder[s]
}

// Inquiry channels.
const (
	ChannelWalkIn = "walk_in"
	ChannelPhone  = "phone"
	ChannelEmail  = "email"
)

// Inquiry is a customer's question or request logged at the desk.
type Inquiry struct {
	ID         string        `json:"id"`
	Branch     string        `json:"branch"`
	CustomerID string        `json:"customer_id,omitempty"`
	Contact    string        `json:"contact"` // the customer's name, or a new contact's
	Channel    string        `json:"channel"`
	Topic      string        `json:"topic"`
	Text       string        `json:"text"`
	Assigned   string        `json:"assigned"` // user name
	Status     InquiryStatus `json:"status"`
	QuoteID    string        `json:"quote_id,omitempty"`
	Created    time.Time     `json:"created"`
	Updated    time.Time     `json:"updated"`
	Revision   int           `json:"revision"`
}

// Validate checks an inquiry, naming every wrong field.
func (q Inquiry) Validate() error {
	var es Errors
	if q.CustomerID == "" {
		es.Add(requireText("inquiry.contact", q.Contact, 200))
	}
	switch q.Channel {
	case ChannelWalkIn, ChannelPhone, ChannelEmail:
	default:
		es.Add(Invalid("inquiry.channel", "err.inquiry.channel", "choose walk-in, phone or e-mail", nil))
	}
	es.Add(requireText("inquiry.topic", q.Topic, 200))
	es.Add(maxText("inquiry.text", q.Text, 5000))
	if _, ok := inquiryOrder[q.Status]; !ok && q.Status != "" {
		es.Add(Invalid("inquiry.status", "err.inquiry.status", "unknown status “{{.status}}”", map[string]any{"status": string(q.Status)}))
	}
	return es.Err()
}

// CustomerCard is everything the desk sees about a customer at once.
type CustomerCard struct {
	Customer     Customer      `json:"customer"`
	OpenInvoices []SalesDoc    `json:"open_invoices"` // empty for users who may not read sales
	Visits       []Visit       `json:"visits"`
	Appointments []Appointment `json:"appointments"`
	Inquiries    []Inquiry     `json:"inquiries"`
}

// Staff is a person visitors come to see and appointments are booked for.
type Staff struct {
	Name     string `json:"name"`
	FullName string `json:"full_name"`
}

// ReceptionService is the front desk: visitors, appointments, inquiries.
type ReceptionService interface {
	// Staff lists the enabled users (name and full name only).
	Staff(ctx context.Context) ([]Staff, error)
	// CheckIn logs a visitor in: at v.In if given (a visit noted after the
	// fact; never in the future), else now. A past visit may be logged whole
	// with v.Out set (after In, not in the future).
	CheckIn(ctx context.Context, v Visit) (Visit, error)
	CheckOut(ctx context.Context, id string) (Visit, error)
	// Visits lists the visits that began on day (local time), latest first.
	Visits(ctx context.Context, day Date) ([]Visit, error)
	// InBuilding lists visitors who have not checked out, longest first.
	InBuilding(ctx context.Context) ([]Visit, error)
	// SaveAppointment creates or changes an appointment; one that overlaps
	// another of the same staff member is refused, naming it.
	SaveAppointment(ctx context.Context, a Appointment) (Appointment, error)
	CancelAppointment(ctx context.Context, id string) error
	// Appointments lists the non-cancelled appointments starting in [from, to), of one staff member or all.
	Appointments(ctx context.Context, from, to time.Time, staff string) ([]Appointment, error)
	SaveInquiry(ctx context.Context, q Inquiry) (Inquiry, error)
	SetInquiryStatus(ctx context.Context, id string, s InquiryStatus, quoteID string) (Inquiry, error)
	// QuoteInquiry drafts the inquiry's quote (QuoteForInquiry) and marks
	// the inquiry quoted with it, in one step: the way an inquiry becomes
	// quoted. Reception and sales may (PermInquiryQuote).
	QuoteInquiry(ctx context.Context, id string) (Inquiry, SalesDoc, error)
	// Inquiries lists inquiries, newest first; open only if asked.
	Inquiries(ctx context.Context, openOnly bool) ([]Inquiry, error)
	CustomerCard(ctx context.Context, customerID string) (CustomerCard, error)
}

// ImportRow is one customer read from a CSV file, with its line number.
type ImportRow struct {
	Line     int      `json:"line"`
	Customer Customer `json:"customer"`
}

// RowError is a rejected CSV row: its line and why.
type RowError struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
	Err    error  `json:"-"`
}

// ImportResult is what an import wrote (or, in a dry run, would write).
type ImportResult struct {
	Accepted int        `json:"accepted"`
	Rejected []RowError `json:"rejected"`
	DryRun   bool       `json:"dry_run"`
}

// CustomerImporter writes many customers at once.
type CustomerImporter interface {
	// ImportCustomers validates every row, rejects bad ones (invalid fields, an
	// IČO already on file or twice in the file) with their line, and writes
	// the accepted rows in one transaction — unless dryRun.
	ImportCustomers(ctx context.Context, rows []ImportRow, dryRun bool) (ImportResult, error)
}
