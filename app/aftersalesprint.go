package app

import "time"

// The two documents of a complaint (§ 19 zákona č. 634/1992 Sb., part C1):
// the confirmation given when the complaint is made (potvrzení o
// reklamaci) and the confirmation of how it was resolved or why it was
// refused. They are data here; app/pdf renders them.

// ComplaintConfirmation is the written confirmation at filing. § 19 odst. 1
// ZOS asks for the date of the complaint, its content, the remedy asked for
// and the consumer's contact details; the protocol fields part C lists
// (number, filing timestamp, product, serial, purchase document,
// accessories, deadline) are here too.
type ComplaintConfirmation struct {
	Lang        Lang          `json:"lang"`
	Seller      Party         `json:"seller"`
	Number      string        `json:"number"`
	Filed       time.Time     `json:"filed"`      // the timestamp of the filing
	Complained  Date          `json:"complained"` // the date of the complaint
	DefectShown Date          `json:"defect_shown,omitempty"`
	Channel     TicketChannel `json:"channel"`
	Customer    Party         `json:"customer"` // name, address and contact (e-mail, phone)
	Consumer    bool          `json:"consumer"`
	ItemCode    string        `json:"item_code,omitempty"`
	ItemName    string        `json:"item_name"`
	Serial      string        `json:"serial,omitempty"`
	Lot         string        `json:"lot,omitempty"`
	InvoiceNo   string        `json:"invoice_no"` // the purchase document
	SaleDate    Date          `json:"sale_date"`
	Defect      string        `json:"defect"` // the content of the claim
	Remedy      Remedy        `json:"remedy"` // the remedy asked for
	Accessories string        `json:"accessories,omitempty"`
	// Deadline is the day the complaint is resolved by (30 days for a
	// consumer, § 19 odst. 3 ZOS; the company's setting for a business).
	Deadline Date `json:"deadline,omitempty"`
	// Warranty is the check on the complaint day (in warranty, the
	// presumption of § 2161 OZ).
	Warranty Warranty `json:"warranty"`
	TakenBy  string   `json:"taken_by"`
}

// PrintLang is the document's language; Czech when it names none.
func (c ComplaintConfirmation) PrintLang() Lang { return langOrCzech(c.Lang) }

// PrintName is the ticket's number.
func (c ComplaintConfirmation) PrintName() string { return c.Number }

// ComplaintOutcome is the confirmation of the resolution: its date and way
// (repair and how long it took, replacement, refund, discount) or the
// written reasons for a refusal (§ 19 odst. 3 ZOS), and the handover.
type ComplaintOutcome struct {
	Lang       Lang    `json:"lang"`
	Seller     Party   `json:"seller"`
	Number     string  `json:"number"`
	Customer   Party   `json:"customer"`
	Consumer   bool    `json:"consumer"`
	ItemCode   string  `json:"item_code,omitempty"`
	ItemName   string  `json:"item_name"`
	Serial     string  `json:"serial,omitempty"`
	InvoiceNo  string  `json:"invoice_no"`
	Complained Date    `json:"complained"`
	Defect     string  `json:"defect"`
	Remedy     Remedy  `json:"remedy"`
	Outcome    Outcome `json:"outcome"`
	// Resolution is the way of resolution, or for OutcomeRefused the
	// reasons for the refusal.
	Resolution string `json:"resolution"`
	ResolvedOn Date   `json:"resolved_on"`
	// Days is how long the resolution took in days from the complaint
	// (the repair's duration the law asks for); Late when it went past
	// the deadline.
	Days       int    `json:"days"`
	Deadline   Date   `json:"deadline,omitempty"`
	Late       bool   `json:"late"`
	HandedOver Date   `json:"handed_over,omitempty"`
	CreditNote string `json:"credit_note,omitempty"` // the credit note's number, for a refund
	Refund     Money  `json:"refund,omitempty"`
}

// PrintLang is the document's language; Czech when it names none.
func (o ComplaintOutcome) PrintLang() Lang { return langOrCzech(o.Lang) }

// PrintName is the ticket's number.
func (o ComplaintOutcome) PrintName() string { return o.Number }

// ConfirmationOf is ticket t's confirmation, seller the company, w the
// warranty check on the complaint day, in language lang. It refuses a
// ticket that is not a complaint or lacks what the confirmation must state
// (§ 19 odst. 1 ZOS): its number, the date, the defect, the remedy asked
// for, and a way to reach the customer (e-mail or phone).
func ConfirmationOf(t Ticket, seller Party, w Warranty, lang Lang) (ComplaintConfirmation, error) {
	var es Errors
	if t.Kind != TicketComplaint {
		es.Add(Invalid("ticket.kind", "err.ticket.not_complaint", "only a complaint has a confirmation and an outcome document", nil))
	}
	if t.Number == "" {
		es.Add(Invalid("ticket.number", "err.ticket.unsaved", "save the ticket first: the confirmation states its number", nil))
	}
	if t.Complained.IsZero() {
		es.Add(Invalid("ticket.complained", "err.ticket.complained", "enter the day the customer came", nil))
	}
	if t.Defect == "" {
		es.Add(Invalid("ticket.defect", "err.ticket.defect", "describe the defect claimed", nil))
	}
	if t.Remedy == "" {
		es.Add(Invalid("ticket.remedy", "err.ticket.remedy", "choose the remedy the customer asks for", nil))
	}
	if t.Customer.Email == "" && t.Customer.Phone == "" {
		es.Add(Invalid("ticket.contact", "err.ticket.contact", "enter the customer's e-mail or phone: the confirmation states how to reach them", nil))
	}
	if err := es.Err(); err != nil {
		return ComplaintConfirmation{}, err
	}
	return ComplaintConfirmation{Lang: lang, Seller: seller, Number: t.Number, Filed: t.Filed, Complained: t.Complained, DefectShown: t.DefectShown, Channel: t.Channel,
		Customer: t.Customer, Consumer: t.Consumer, ItemCode: t.ItemCode, ItemName: t.ItemName, Serial: t.Serial, Lot: t.Lot,
		InvoiceNo: t.InvoiceNo, SaleDate: t.SaleDate, Defect: t.Defect, Remedy: t.Remedy, Accessories: t.Accessories,
		Deadline: t.Deadline, Warranty: w, TakenBy: t.CreatedBy}, nil
}

// OutcomeOf is the outcome document of resolved or closed complaint t
// (r its return when it ended in a refund, nil otherwise). It refuses an
// open case, one without an outcome, and one without the resolution text —
// for a refusal, the written reasons § 19 odst. 3 ZOS demands.
func OutcomeOf(t Ticket, r *ReturnDoc, currency string, seller Party, lang Lang) (ComplaintOutcome, error) {
	var es Errors
	if t.Kind != TicketComplaint {
		es.Add(Invalid("ticket.kind", "err.ticket.not_complaint", "only a complaint has a confirmation and an outcome document", nil))
	}
	if t.Status.Open() || t.ResolvedOn.IsZero() {
		es.Add(Invalid("ticket.status", "err.ticket.not_resolved", "resolve the case first", nil))
	}
	if t.Outcome == "" {
		es.Add(Invalid("ticket.outcome", "err.ticket.outcome", "choose the outcome before closing the case", nil))
	}
	if t.Resolution == "" {
		if t.Outcome == OutcomeRefused {
			es.Add(Invalid("ticket.resolution", "err.ticket.refusal_reasons", "write the reasons for the refusal", nil))
		} else {
			es.Add(Invalid("ticket.resolution", "err.ticket.resolution", "write how the case was resolved before closing it", nil))
		}
	}
	if err := es.Err(); err != nil {
		return ComplaintOutcome{}, err
	}
	o := ComplaintOutcome{Lang: lang, Seller: seller, Number: t.Number, Customer: t.Customer, Consumer: t.Consumer, ItemCode: t.ItemCode,
		ItemName: t.ItemName, Serial: t.Serial, InvoiceNo: t.InvoiceNo, Complained: t.Complained, Defect: t.Defect, Remedy: t.Remedy,
		Outcome: t.Outcome, Resolution: t.Resolution, ResolvedOn: t.ResolvedOn, Days: DaysFrom(t.Complained, t.ResolvedOn),
		Deadline: t.Deadline, HandedOver: t.HandedOver}
	o.Late = !t.Deadline.IsZero() && t.ResolvedOn.After(t.Deadline)
	if r != nil {
		o.CreditNote = r.CreditNoteNo
		o.Refund = M(r.RefundDue, currency)
	}
	return o, nil
}
