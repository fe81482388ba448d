package app

import (
	"strings"
	"time"
	"unicode/utf8"
)

// A ticket is one after-sales case: a complaint under warranty (reklamace),
// a paid repair, a question, or a withdrawal from a distance sale. Its rules
// (part C of ../shared/CZECH-PAYROLL-WAREHOUSE-AFTERSALES.md) are here and in
// aftersales*.go; the store keeps tickets through AfterSalesService.

// TicketKind is what the customer came with.
type TicketKind string

// Ticket kinds.
const (
	// TicketComplaint is a claim from defective performance under the
	// warranty (reklamace, §§ 2161 ff. OZ; for consumers § 19 ZOS).
	TicketComplaint TicketKind = "complaint"
	// TicketRepair is a repair the customer pays for (out of warranty).
	TicketRepair TicketKind = "repair"
	// TicketQuestion is a question or a request with no goods involved.
	TicketQuestion TicketKind = "question"
	// TicketReturn is a withdrawal from a distance or off-premises contract
	// within 14 days (§ 1829 OZ).
	TicketReturn TicketKind = "return"
)

// TicketKinds are the kinds in the order the screens offer them.
var TicketKinds = []TicketKind{TicketComplaint, TicketRepair, TicketQuestion, TicketReturn}

// Label is the kind's translatable name.
func (k TicketKind) Label() Label {
	switch k {
	case TicketRepair:
		return Label{Key: "ticket.kind.repair", Fallback: "Paid repair"}
	case TicketQuestion:
		return Label{Key: "ticket.kind.question", Fallback: "Question"}
	case TicketReturn:
		return Label{Key: "ticket.kind.return", Fallback: "Return within 14 days"}
	case TicketComplaint:
		return Label{Key: "ticket.kind.complaint", Fallback: "Warranty complaint"}
	}
	return Label{Key: "ticket.kind." + string(k), Fallback: string(k)}
}

// NeedsInvoiceLine reports a kind that concerns goods sold: a complaint and
// a return name the invoice line.
func (k TicketKind) NeedsInvoiceLine() bool { return k == TicketComplaint || k == TicketReturn }

// TicketChannel is how the customer reached the office.
type TicketChannel string

// Ticket channels.
const (
	TicketByCounter TicketChannel = "counter"
	TicketByPhone   TicketChannel = "phone"
	TicketByEmail   TicketChannel = "email"
)

// TicketPriority orders the work.
type TicketPriority string

// Ticket priorities.
const (
	PriorityLow    TicketPriority = "low"
	PriorityNormal TicketPriority = "normal"
	PriorityHigh   TicketPriority = "high"
)

// TicketStatus is where a ticket stands.
type TicketStatus string

// Ticket statuses.
const (
	TicketNew             TicketStatus = "new"
	TicketInProgress      TicketStatus = "in_progress"
	TicketWaitingCustomer TicketStatus = "waiting_customer"
	TicketWaitingSupplier TicketStatus = "waiting_supplier"
	TicketResolved        TicketStatus = "resolved"
	TicketClosed          TicketStatus = "closed"
)

// TicketStatuses are the statuses in their usual order.
var TicketStatuses = []TicketStatus{TicketNew, TicketInProgress, TicketWaitingCustomer, TicketWaitingSupplier, TicketResolved, TicketClosed}

// Label is the status's translatable name.
func (s TicketStatus) Label() Label {
	switch s {
	case TicketInProgress:
		return Label{Key: "ticket.status.in_progress", Fallback: "In progress"}
	case TicketWaitingCustomer:
		return Label{Key: "ticket.status.waiting_customer", Fallback: "Waiting for customer"}
	case TicketWaitingSupplier:
		return Label{Key: "ticket.status.waiting_supplier", Fallback: "Waiting for supplier"}
	case TicketResolved:
		return Label{Key: "ticket.status.resolved", Fallback: "Resolved"}
	case TicketClosed:
		return Label{Key: "ticket.status.closed", Fallback: "Closed"}
	case TicketNew:
		return Label{Key: "ticket.status.new", Fallback: "New"}
	}
	return Label{Key: "ticket.status." + string(s), Fallback: string(s)}
}

// Open reports a status whose case is not yet resolved: its deadline runs.
func (s TicketStatus) Open() bool { return s != TicketResolved && s != TicketClosed }

// ticketMoves is the status machine: from → the statuses it may move to.
// Work starts (new → in progress), may wait for the customer or the
// supplier and come back, ends resolved (from work or straight from
// waiting, when the supplier's answer is the resolution), and is closed
// once handed over; a resolved case the customer disputes is reopened.
// A closed ticket never moves.
var ticketMoves = map[TicketStatus][]TicketStatus{
	TicketNew:             {TicketInProgress},
	TicketInProgress:      {TicketWaitingCustomer, TicketWaitingSupplier, TicketResolved},
	TicketWaitingCustomer: {TicketInProgress, TicketWaitingSupplier, TicketResolved},
	TicketWaitingSupplier: {TicketInProgress, TicketWaitingCustomer, TicketResolved},
	TicketResolved:        {TicketClosed, TicketInProgress},
}

// Transition refuses a move the status machine does not allow.
func Transition(from, to TicketStatus) error {
	for _, s := range ticketMoves[from] {
		if s == to {
			return nil
		}
	}
	return Invalid("ticket.status", "err.ticket.transition", "a ticket cannot go from {{.from}} to {{.to}}",
		map[string]any{"from": from.Label(), "to": to.Label()})
}

// Remedy is what a complaining customer asks for (§ 2169 OZ): repair or
// replacement at the consumer's choice, a discount or withdrawal in the
// cases the law sets.
type Remedy string

// Remedies.
const (
	RemedyRepair   Remedy = "repair"
	RemedyReplace  Remedy = "replace"
	RemedyDiscount Remedy = "discount"
	RemedyWithdraw Remedy = "withdraw"
)

// Label is the remedy's translatable name.
func (r Remedy) Label() Label {
	switch r {
	case RemedyReplace:
		return Label{Key: "ticket.remedy.replace", Fallback: "Replacement"}
	case RemedyDiscount:
		return Label{Key: "ticket.remedy.discount", Fallback: "Discount"}
	case RemedyWithdraw:
		return Label{Key: "ticket.remedy.withdraw", Fallback: "Withdrawal from the contract"}
	case RemedyRepair:
		return Label{Key: "ticket.remedy.repair", Fallback: "Repair"}
	}
	return Label{Key: "ticket.remedy." + string(r), Fallback: string(r)}
}

// Outcome is how a case ended (§ 19 odst. 3 ZOS: the date and way of
// resolution, or the written reasons for a refusal).
type Outcome string

// Outcomes.
const (
	OutcomeRepaired Outcome = "repaired"
	OutcomeReplaced Outcome = "replaced"
	OutcomeRefunded Outcome = "refunded"
	OutcomeDiscount Outcome = "discount"
	OutcomeRefused  Outcome = "refused"
	OutcomeAnswered Outcome = "answered" // a question or paid repair with no claim
)

// Label is the outcome's translatable name.
func (o Outcome) Label() Label {
	switch o {
	case OutcomeReplaced:
		return Label{Key: "ticket.outcome.replaced", Fallback: "Replaced"}
	case OutcomeRefunded:
		return Label{Key: "ticket.outcome.refunded", Fallback: "Refunded"}
	case OutcomeDiscount:
		return Label{Key: "ticket.outcome.discount", Fallback: "Discount given"}
	case OutcomeRefused:
		return Label{Key: "ticket.outcome.refused", Fallback: "Refused"}
	case OutcomeAnswered:
		return Label{Key: "ticket.outcome.answered", Fallback: "Answered"}
	case OutcomeRepaired:
		return Label{Key: "ticket.outcome.repaired", Fallback: "Repaired"}
	}
	return Label{Key: "ticket.outcome." + string(o), Fallback: string(o)}
}

// TicketComment is one entry of a ticket's thread.
type TicketComment struct {
	User string    `json:"user"`
	Time time.Time `json:"time"`
	Text string    `json:"text"`
}

// Ticket limits.
const (
	MaxTicketText     = 4000 // runes of a defect, resolution or comment
	MaxTicketLine     = 200  // runes of a one-line field (subject, serial, accessories)
	MaxTicketComments = 500
)

// Ticket is one after-sales case. The protocol fields part C lists for a
// complaint (number, filing time, consumer and contact, product, serial,
// purchase document, defect, remedy asked for, accessories, deadline,
// resolution date and way, repair and its duration or reasons for refusal,
// handover date) are all here.
type Ticket struct {
	ID       string         `json:"id"`
	Branch   string         `json:"branch"`
	Number   string         `json:"number"` // assigned when saved first
	Kind     TicketKind     `json:"kind"`
	Channel  TicketChannel  `json:"channel"`
	Priority TicketPriority `json:"priority"`
	Status   TicketStatus   `json:"status"`
	Assignee string         `json:"assignee,omitempty"` // user name

	CustomerID string `json:"customer_id"`
	Customer   Party  `json:"customer"` // copied on save: the contact of the protocol
	// Consumer marks a customer who is a consumer (§ 419 OZ): § 19 ZOS
	// and the 24-month period apply; otherwise the company's setting.
	Consumer bool `json:"consumer"`

	// InvoiceID and InvoiceLine (1-based) name the invoice line the case
	// concerns; InvoiceNo and SaleDate (the invoice's DUZP, the day the
	// goods were taken over) are copied from it.
	InvoiceID   string `json:"invoice_id,omitempty"`
	InvoiceNo   string `json:"invoice_no,omitempty"`
	InvoiceLine int    `json:"invoice_line,omitempty"`
	SaleDate    Date   `json:"sale_date,omitempty"`
	ItemID      string `json:"item_id,omitempty"`
	ItemCode    string `json:"item_code,omitempty"`
	ItemName    string `json:"item_name,omitempty"`
	Serial      string `json:"serial,omitempty"`
	Lot         string `json:"lot,omitempty"`

	Subject     string `json:"subject"`
	Defect      string `json:"defect,omitempty"` // what is claimed
	Remedy      Remedy `json:"remedy,omitempty"` // what is asked for
	Accessories string `json:"accessories,omitempty"`

	// Complained is the day the complaint was made; Filed the instant it
	// was taken (the protocol's timestamp). Deadline is computed
	// (ComplaintDeadline) when the ticket is saved.
	Complained Date `json:"complained"`
	// DefectShown is the day the defect showed, when the customer says it
	// was before the complaint (the warranty check uses it).
	DefectShown Date      `json:"defect_shown,omitempty"`
	Filed       time.Time `json:"filed"`
	Deadline    Date      `json:"deadline,omitempty"`

	Outcome    Outcome `json:"outcome,omitempty"`
	Resolution string  `json:"resolution,omitempty"` // the way of resolution, or the reasons for a refusal
	ResolvedOn Date    `json:"resolved_on,omitempty"`
	HandedOver Date    `json:"handed_over,omitempty"`

	Comments    []TicketComment `json:"comments,omitempty"`
	Attachments []Attachment    `json:"attachments,omitempty"` // metadata; content stored apart

	ReturnID string `json:"return_id,omitempty"` // its return document, if any

	CreatedBy string    `json:"created_by"`
	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`
	Revision  int       `json:"revision"`
}

// Normalize trims what a person typed and fills the defaults.
func (t *Ticket) Normalize() {
	for _, s := range []*string{&t.Subject, &t.Defect, &t.Accessories, &t.Resolution, &t.Serial, &t.Lot, &t.Assignee} {
		*s = strings.TrimSpace(*s)
	}
	if t.Status == "" {
		t.Status = TicketNew
	}
	if t.Priority == "" {
		t.Priority = PriorityNormal
	}
	if t.Channel == "" {
		t.Channel = TicketByCounter
	}
}

func tooLong(s string, n int) bool { return utf8.RuneCountInString(s) > n }

// Validate checks the ticket on its own, naming every wrong field: known
// kind, channel, priority, status and remedy; a customer; a subject; for a
// complaint or a return the invoice line and the day; for a complaint the
// defect (and a consumer's remedy); a complaint day not before the sale;
// lengths; and a resolution text once the case is closed.
func (t Ticket) Validate() error {
	var es Errors
	switch t.Kind {
	case TicketComplaint, TicketRepair, TicketQuestion, TicketReturn:
	default:
		es.Add(Invalid("ticket.kind", "err.ticket.kind", "choose what the case is: complaint, repair, question or return", nil))
	}
	switch t.Channel {
	case TicketByCounter, TicketByPhone, TicketByEmail:
	default:
		es.Add(Invalid("ticket.channel", "err.ticket.channel", "choose the channel: counter, phone or e-mail", nil))
	}
	switch t.Priority {
	case PriorityLow, PriorityNormal, PriorityHigh:
	default:
		es.Add(Invalid("ticket.priority", "err.ticket.priority", "choose a priority: low, normal or high", nil))
	}
	if _, ok := ticketMoves[t.Status]; !ok && t.Status != TicketClosed {
		es.Add(Invalid("ticket.status", "err.ticket.status", "unknown status “{{.value}}”", map[string]any{"value": string(t.Status)}))
	}
	if t.CustomerID == "" {
		es.Add(Invalid("ticket.customer", "err.ticket.customer", "choose the customer", nil))
	}
	if t.Subject == "" {
		es.Add(Invalid("ticket.subject", "err.ticket.subject", "write what the case is about", nil))
	}
	for _, f := range []struct {
		field, value string
		max          int
	}{{"ticket.subject", t.Subject, MaxTicketLine}, {"ticket.serial", t.Serial, MaxTicketLine}, {"ticket.lot", t.Lot, MaxTicketLine},
		{"ticket.accessories", t.Accessories, MaxTicketLine}, {"ticket.assignee", t.Assignee, MaxTicketLine},
		{"ticket.defect", t.Defect, MaxTicketText}, {"ticket.resolution", t.Resolution, MaxTicketText}} {
		if tooLong(f.value, f.max) {
			es.Add(Invalid(f.field, "err.ticket.too_long", "at most {{.max}} characters", map[string]any{"max": f.max}))
		}
	}
	if t.Kind.NeedsInvoiceLine() && (t.InvoiceID == "" || t.InvoiceLine < 1) {
		es.Add(Invalid("ticket.invoice_line", "err.ticket.invoice_line", "choose the invoice line the case concerns", nil))
	}
	if t.Complained.IsZero() {
		es.Add(Invalid("ticket.complained", "err.ticket.complained", "enter the day the customer came", nil))
	} else if !t.SaleDate.IsZero() && t.Complained.Before(t.SaleDate) {
		es.Add(Invalid("ticket.complained", "err.ticket.before_sale", "the complaint ({{.day}}) cannot be before the sale ({{.sale}})",
			map[string]any{"day": t.Complained, "sale": t.SaleDate}))
	}
	if !t.DefectShown.IsZero() && (t.DefectShown.After(t.Complained) || !t.SaleDate.IsZero() && t.DefectShown.Before(t.SaleDate)) {
		es.Add(Invalid("ticket.defect_shown", "err.ticket.shown", "the defect showed between the sale ({{.sale}}) and the complaint ({{.day}})",
			map[string]any{"day": t.Complained, "sale": t.SaleDate}))
	}
	if t.Kind == TicketComplaint {
		if t.Defect == "" {
			es.Add(Invalid("ticket.defect", "err.ticket.defect", "describe the defect claimed", nil))
		}
		switch t.Remedy {
		case RemedyRepair, RemedyReplace, RemedyDiscount, RemedyWithdraw:
		case "":
			if t.Consumer {
				es.Add(Invalid("ticket.remedy", "err.ticket.remedy", "choose the remedy the customer asks for", nil))
			}
		default:
			es.Add(Invalid("ticket.remedy", "err.ticket.remedy", "choose the remedy the customer asks for", nil))
		}
	}
	if t.Status == TicketClosed {
		es.Add(t.closable())
	}
	if len(t.Comments) > MaxTicketComments {
		es.Add(Invalid("ticket.comments", "err.ticket.comments", "a ticket holds at most {{.max}} comments", map[string]any{"max": MaxTicketComments}))
	}
	if len(t.Attachments) > MaxAttachments {
		es.Add(Invalid("ticket.attachments", "err.attachment.count", "a ticket holds at most {{.max}} attachments", map[string]any{"max": MaxAttachments}))
	}
	return es.Err()
}

// closable refuses closing a case without its resolution text, or a
// complaint without the outcome its outcome document states.
func (t Ticket) closable() error {
	var es Errors
	if t.Resolution == "" {
		es.Add(Invalid("ticket.resolution", "err.ticket.resolution", "write how the case was resolved before closing it", nil))
	}
	if t.Outcome == "" {
		es.Add(Invalid("ticket.outcome", "err.ticket.outcome", "choose the outcome before closing the case", nil))
	}
	return es.Err()
}

// Move returns t moved to status to on day on, refusing a move the status
// machine forbids (Transition) and closing without a resolution text and
// an outcome. Resolving records the day (ResolvedOn, when not given);
// closing records the handover day when not given; reopening clears the
// resolution day.
func (t Ticket) Move(to TicketStatus, on Date, now time.Time) (Ticket, error) {
	if err := Transition(t.Status, to); err != nil {
		return t, err
	}
	t.Resolution = strings.TrimSpace(t.Resolution)
	switch to {
	case TicketResolved:
		if t.ResolvedOn.IsZero() {
			t.ResolvedOn = on
		}
	case TicketClosed:
		if err := t.closable(); err != nil {
			return t, err
		}
		if t.HandedOver.IsZero() {
			t.HandedOver = on
		}
	case TicketInProgress:
		if t.Status == TicketResolved {
			t.ResolvedOn = Date{}
		}
	}
	t.Status = to
	t.Updated = now
	return t, nil
}

// AddComment returns t with comment text by user at now appended, refusing
// an empty or over-long text and a closed ticket.
func (t Ticket) AddComment(user, text string, now time.Time) (Ticket, error) {
	text = strings.TrimSpace(text)
	switch {
	case t.Status == TicketClosed:
		return t, Invalid("ticket.comment", "err.ticket.closed", "the ticket is closed", nil)
	case text == "":
		return t, Invalid("ticket.comment", "err.ticket.comment_empty", "write the comment", nil)
	case tooLong(text, MaxTicketText):
		return t, Invalid("ticket.comment", "err.ticket.too_long", "at most {{.max}} characters", map[string]any{"max": MaxTicketText})
	case len(t.Comments) >= MaxTicketComments:
		return t, Invalid("ticket.comment", "err.ticket.comments", "a ticket holds at most {{.max}} comments", map[string]any{"max": MaxTicketComments})
	}
	t.Comments = append(append([]TicketComment(nil), t.Comments...), TicketComment{User: user, Time: now, Text: text})
	t.Updated = now
	return t, nil
}

// CheckTicketSource checks the ticket against the invoice it names: an
// issued invoice of the ticket's customer, a line it has, and — when the
// ticket gives a serial number — one of sold, the serials the invoice's
// stock issue shipped on that line. It returns the ticket with the
// invoice's number, DUZP and the line's item copied.
func CheckTicketSource(t Ticket, inv SalesDoc, sold []string) (Ticket, error) {
	if inv.ID != t.InvoiceID || inv.Kind != KindInvoice || inv.Status != StatusIssued || inv.CustomerID != t.CustomerID {
		return t, Invalid("ticket.invoice_line", "err.ticket.unknown_invoice", "the customer has no issued invoice {{.number}}", map[string]any{"number": inv.Number})
	}
	if t.InvoiceLine < 1 || t.InvoiceLine > len(inv.Lines) {
		return t, Invalid("ticket.invoice_line", "err.ticket.unknown_line", "invoice {{.number}} has no line {{.line}}", map[string]any{"number": inv.Number, "line": t.InvoiceLine})
	}
	if t.Serial != "" {
		found := false
		for _, s := range sold {
			if strings.EqualFold(strings.TrimSpace(s), t.Serial) {
				found = true
				break
			}
		}
		if !found {
			return t, Invalid("ticket.serial", "err.ticket.serial_not_sold", "serial number {{.serial}} was not sold on invoice {{.number}}", map[string]any{"serial": t.Serial, "number": inv.Number})
		}
	}
	l := inv.Lines[t.InvoiceLine-1]
	t.InvoiceNo, t.ItemID, t.ItemCode, t.ItemName = inv.Number, l.ItemID, l.Code, l.Text
	t.SaleDate = SaleDay(inv)
	return t, nil
}

// SaleDay is the day the goods of invoice inv were taken over, where the
// warranty starts: its DUZP, or its issue date when it has none.
func SaleDay(inv SalesDoc) Date {
	if !inv.TaxDate.IsZero() {
		return inv.TaxDate
	}
	return inv.IssueDate
}

// SerialsSold are the serial numbers of item that the posted stock issues
// of invoice invoiceID shipped (issues reversed by a storno left out): what
// CheckTicketSource takes as sold.
func SerialsSold(issues []StockDoc, invoiceID, item string) []string {
	var out []string
	for _, d := range issues {
		if d.Kind != StockIssue || d.Status != StockPosted || d.Storno || d.ReversedBy != "" || d.SourceID != invoiceID {
			continue
		}
		for _, l := range d.Lines {
			if l.ItemID == item {
				out = append(out, l.Serials...)
			}
		}
	}
	return out
}
