package app

import (
	"context"
	"encoding/json"
	"time"
)

// DocKind is the kind of a sales document.
type DocKind string

// Sales document kinds, in the order a sale goes through them.
const (
	KindQuote      DocKind = "quote"       // nabídka
	KindOrder      DocKind = "order"       // objednávka
	KindInvoice    DocKind = "invoice"     // faktura – daňový doklad
	KindCreditNote DocKind = "credit_note" // opravný daňový doklad
)

// Series returns the number series code the kind is numbered in.
func (k DocKind) Series() string {
	switch k {
	case KindQuote:
		return SeriesQuote
	case KindOrder:
		return SeriesOrder
	case KindCreditNote:
		return SeriesCreditNote
	}
	return SeriesInvoice
}

// Posts reports whether issuing the kind posts to the ledger.
func (k DocKind) Posts() bool { return k == KindInvoice || k == KindCreditNote }

// DocStatus is where a document stands. Stored statuses are draft, issued,
// accepted and invoiced; paid, partly paid, overdue and credited are derived
// from payments, credit notes and today's date (see SalesDoc.StatusOn).
type DocStatus string

// Document statuses.
const (
	StatusDraft      DocStatus = "draft"
	StatusIssued     DocStatus = "issued"
	StatusAccepted   DocStatus = "accepted" // a quote that became an order
	StatusInvoiced   DocStatus = "invoiced" // an order that became an invoice
	StatusPartlyPaid DocStatus = "partly_paid"
	StatusPaid       DocStatus = "paid"
	StatusOverdue    DocStatus = "overdue"
	StatusCredited   DocStatus = "credited"
)

// Party is a supplier or customer as printed on a document: copied when the
// document is issued, so later edits of the records never change it.
type Party struct {
	Name        string `json:"name"`
	Street      string `json:"street"`
	City        string `json:"city"`
	Postcode    string `json:"postcode"`
	Country     string `json:"country"`
	ICO         string `json:"ico"`
	DIC         string `json:"dic"`
	Email       string `json:"email,omitempty"`
	Phone       string `json:"phone,omitempty"`
	VATPayer    bool   `json:"vat_payer,omitempty"`
	BankAccount string `json:"bank_account,omitempty"`
	IBAN        string `json:"iban,omitempty"`
	BIC         string `json:"bic,omitempty"`
	Register    string `json:"register,omitempty"` // the supplier's Company.Register
}

// PartyOfCompany is the supplier block of a company.
func PartyOfCompany(c Company) Party {
	return Party{Name: c.Name, Street: c.Street, City: c.City, Postcode: c.Postcode, Country: c.Country, ICO: c.ICO, DIC: c.DIC,
		Email: c.Email, Phone: c.Phone, VATPayer: c.VATPayer, BankAccount: c.BankAccount, IBAN: c.IBAN, BIC: c.BIC, Register: c.Register}
}

// PartyOfCustomer is the customer block of a customer.
func PartyOfCustomer(c Customer) Party {
	p := Party{Name: c.Name, Street: c.Street, City: c.City, Postcode: c.Postcode, Country: c.Country, ICO: c.ICO, DIC: c.DIC, Email: c.Email, Phone: c.Phone}
	// A supplier's account is where we pay them (received invoices keep it).
	if ValidateIBAN(NormalizeIBAN(c.BankAccount)) == nil {
		p.IBAN = NormalizeIBAN(c.BankAccount)
	} else {
		p.BankAccount = c.BankAccount
	}
	return p
}

// DocLine is one line of a sales document.
type DocLine struct {
	ItemID   string `json:"item_id,omitempty"`
	Code     string `json:"code,omitempty"`
	Text     string `json:"text"`
	Quantity Qty    `json:"qty"`
	Unit     string `json:"unit"`
	// UnitPrice is in the document's currency's minor units, without VAT or
	// with it as the document's PricesIncludeVAT says.
	UnitPrice int64  `json:"unit_price"`
	Discount  Rate   `json:"discount"` // percent
	VATKind   string `json:"vat_kind"`
	VATRate   Rate   `json:"vat_rate"` // resolved from VATKind on the DUZP
	Goods     bool   `json:"goods"`    // goods (604) rather than services (602)
	// Trace is the lot or the serial numbers an invoice line of a lot- or
	// serial-tracked stock item ships; the invoice's výdejka carries them
	// (IssueFromInvoice) and the invoice prints them under the line's text.
	Trace []string `json:"trace,omitempty"`
}

// SalesDoc is a quote, order, invoice or credit note.
type SalesDoc struct {
	ID         string    `json:"id"`
	Branch     string    `json:"branch"`
	Kind       DocKind   `json:"kind"`
	Number     string    `json:"number"` // assigned when issued
	Status     DocStatus `json:"status"` // stored status; see StatusOn
	CustomerID string    `json:"customer_id"`
	Customer   Party     `json:"customer"` // copied on save, frozen on issue
	Supplier   Party     `json:"supplier"` // frozen on issue
	Lang       Lang      `json:"lang"`     // the customer's document language

	IssueDate  Date `json:"issue_date"`
	TaxDate    Date `json:"tax_date"` // DUZP
	DueDate    Date `json:"due_date"`
	ValidUntil Date `json:"valid_until,omitempty"` // quotes

	Currency     string `json:"currency"`
	ExchangeRate Rate   `json:"exchange_rate"` // base currency per one unit of Currency, for the DUZP

	PricesIncludeVAT bool `json:"prices_include_vat"`
	// Regime is how the supply is taxed (empty on documents made before
	// regimes: domestic, or what their reverse-charge flag meant — see
	// UnmarshalJSON). Exempt is the paragraph of an exempt supply
	// (RegimeExempt), RCCode the control statement's code of a §92a supply.
	Regime         VATRegime `json:"regime,omitempty"`
	Exempt         string    `json:"exempt,omitempty"`
	RCCode         string    `json:"rc_code,omitempty"`
	CashRounding   bool      `json:"cash_rounding"`  // total rounded to whole units
	PaymentMethod  string    `json:"payment_method"` // "bank" or "cash"
	VariableSymbol string    `json:"variable_symbol"`

	Lines []DocLine `json:"lines"`
	Note  string    `json:"note,omitempty"`

	SourceID   string `json:"source_id,omitempty"`   // the quote or order it came from
	OriginalID string `json:"original_id,omitempty"` // credit note: the invoice it corrects
	OriginalNo string `json:"original_no,omitempty"`
	Reason     string `json:"reason,omitempty"` // credit note: why

	Totals   DocTotals `json:"totals"`
	Paid     int64     `json:"paid"`     // payments so far, document currency
	Credited int64     `json:"credited"` // issued credit notes against it (positive)
	// PaidBase and CreditedBase are the same in the base currency as they
	// were posted (each payment at the invoice's rate, each credit note with
	// its recap), so that TotalCZK - CreditedBase - PaidBase is exactly what
	// the ledger's 311 still carries for the invoice. Zero on documents
	// recorded before schema 6: see BaseRemaining.
	PaidBase     int64  `json:"paid_base,omitempty"`
	CreditedBase int64  `json:"credited_base,omitempty"`
	EntryID      string `json:"entry_id,omitempty"`

	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
	Issued   time.Time `json:"issued,omitempty"`
	Revision int       `json:"revision"`
}

// UnmarshalJSON reads a stored document; one stored before regimes with the
// reverse-charge flag ("reverse_charge": true) gets the regime it was printed
// with.
func (d *SalesDoc) UnmarshalJSON(b []byte) error {
	type plain SalesDoc
	var v struct {
		plain
		ReverseCharge bool `json:"reverse_charge"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*d = SalesDoc(v.plain)
	if d.Regime == "" && v.ReverseCharge {
		d.Regime = legacyRegime(d.Customer.Country)
	}
	return nil
}

// Payment methods.
const (
	PayBank = "bank"
	PayCash = "cash"
)

// BaseRemaining is what of the invoice remains in the base currency, as the
// ledger carries it; older records without the base figures are converted
// at the document's rate.
func (d SalesDoc) BaseRemaining() int64 {
	d.FillBase()
	return d.Totals.TotalCZK - d.CreditedBase - d.PaidBase
}

// FillBase sets PaidBase and CreditedBase of a record made before they were
// kept, converting at the document's rate; the store calls it before adding
// a payment or a credit note to them.
func (d *SalesDoc) FillBase() {
	if d.PaidBase == 0 && d.Paid != 0 {
		d.PaidBase = toBase(d.Paid, d.Currency, d.ExchangeRate, "CZK")
	}
	if d.CreditedBase == 0 && d.Credited != 0 {
		d.CreditedBase = toBase(d.Credited, d.Currency, d.ExchangeRate, "CZK")
	}
}

// Remaining is what is still to be paid (document currency).
func (d SalesDoc) Remaining() int64 { return d.Totals.Total - d.Credited - d.Paid }

// StatusOn derives the status a person sees on a given day.
func (d SalesDoc) StatusOn(today Date) DocStatus {
	return statusOn(d.Kind, d.Status, d.Totals.Total, d.Credited, d.Paid, d.DueDate, today)
}

// statusOn is the status rule of SalesDoc.StatusOn and DocRow.StatusOn.
func statusOn(kind DocKind, stored DocStatus, total, credited, paid int64, dueDate, today Date) DocStatus {
	if stored != StatusIssued || kind != KindInvoice {
		return stored
	}
	due := total - credited
	switch {
	case credited > 0 && due <= 0:
		return StatusCredited
	case paid >= due:
		return StatusPaid
	case !dueDate.IsZero() && today.After(dueDate):
		return StatusOverdue
	case paid > 0:
		return StatusPartlyPaid
	}
	return StatusIssued
}

// Payment is money received for an invoice.
type Payment struct {
	ID      string `json:"id"`
	Branch  string `json:"branch"`
	DocID   string `json:"doc_id"`
	Date    Date   `json:"date"`
	Amount  Money  `json:"amount"`
	Method  string `json:"method"` // bank or cash
	Note    string `json:"note,omitempty"`
	EntryID string `json:"entry_id"`
	// Base is the amount posted in the base currency (the payment converted at
	// its document's rate; the settling payment of a foreign-currency
	// document is what its ledger balance still was). Zero on payments
	// recorded before schema 6.
	Base int64 `json:"base,omitempty"`
	// BankEntry is the stored bank line the payment was posted from
	// (BankService), "" when it was recorded by hand.
	BankEntry string    `json:"bank_entry,omitempty"`
	Created   time.Time `json:"created"`
}

// DocRow is what a list shows of a sales document (the Sales list, `kontor
// list`, the customer card, the aging): its header and figures without the
// lines, kept by the store in its date index so a list page reads no
// document.
type DocRow struct {
	ID         string
	Kind       DocKind
	Status     DocStatus // stored status; see StatusOn
	Number     string
	CustomerID string
	Customer   string // the name on the document
	ICO        string
	IssueDate  Date
	TaxDate    Date
	DueDate    Date
	ValidUntil Date // quotes
	Created    time.Time
	Currency   string
	Rate       Rate  // ExchangeRate
	Base       int64 // Totals.Base, document currency
	VAT        int64 // Totals.VAT
	Total      int64 // Totals.Total
	TotalBase  int64 // Totals.TotalCZK
	Paid       int64
	Credited   int64
	// PaidBase and CreditedBase as SalesDoc's (filled by FillBase).
	PaidBase     int64
	CreditedBase int64
	OriginalID   string // credit note: the invoice it corrects
	// Fold is SearchText, kept by the store so that a search does not fold
	// every row again; empty means not computed.
	Fold string
}

// RowOf is the list row of document d.
func RowOf(d SalesDoc) DocRow {
	d.FillBase()
	return DocRow{ID: d.ID, Kind: d.Kind, Status: d.Status, Number: d.Number, CustomerID: d.CustomerID,
		Customer: d.Customer.Name, ICO: d.Customer.ICO, IssueDate: d.IssueDate, TaxDate: d.TaxDate, DueDate: d.DueDate,
		ValidUntil: d.ValidUntil, Created: d.Created, Currency: d.Currency, Rate: d.ExchangeRate,
		Base: d.Totals.Base, VAT: d.Totals.VAT, Total: d.Totals.Total, TotalBase: d.Totals.TotalCZK,
		Paid: d.Paid, Credited: d.Credited, PaidBase: d.PaidBase, CreditedBase: d.CreditedBase, OriginalID: d.OriginalID,
		Fold: DocSearchText(d.Number, d.Customer.Name, d.Customer.ICO)}
}

// DocSearchText is what a document search looks in: its number, customer
// name and IČO, folded (FoldText).
func DocSearchText(number, customer, ico string) string {
	return FoldText(number + " " + customer + " " + ico)
}

// StatusOn is SalesDoc.StatusOn of the row's document.
func (r DocRow) StatusOn(today Date) DocStatus {
	return statusOn(r.Kind, r.Status, r.Total, r.Credited, r.Paid, r.DueDate, today)
}

// Remaining is SalesDoc.Remaining of the row's document.
func (r DocRow) Remaining() int64 { return r.Total - r.Credited - r.Paid }

// BaseRemaining is SalesDoc.BaseRemaining of the row's document.
func (r DocRow) BaseRemaining() int64 { return r.TotalBase - r.CreditedBase - r.PaidBase }

// Day is the day a list files the document under: its issue date, a
// draft's the day it was created.
func (r DocRow) Day() Date {
	if !r.IssueDate.IsZero() {
		return r.IssueDate
	}
	return DateOf(r.Created.Local())
}

// DocFilter narrows a document list.
type DocFilter struct {
	Kind     DocKind
	Status   DocStatus // compared with StatusOn(today)
	From, To Date      // issue date (drafts: created date)
	Search   string    // number or customer name, case- and accent-insensitive
	Customer string    // customer ID
}

// CustomerService keeps the customer records (Reception and Sales).
type CustomerService interface {
	Customers(ctx context.Context, search string, limit int) ([]Customer, error)
	Customer(ctx context.Context, id string) (Customer, error)
	SaveCustomer(ctx context.Context, c Customer) (Customer, error)
}

// PriceListService keeps the items and services the office sells.
type PriceListService interface {
	Items(ctx context.Context) ([]Item, error)
	SaveItem(ctx context.Context, it Item) (Item, error)
}

// SalesService is the revenue path: documents, issuing, credit notes, payments.
type SalesService interface {
	// SaveDraft creates or replaces a draft; issued documents are refused.
	SaveDraft(ctx context.Context, d SalesDoc) (SalesDoc, error)
	DeleteDraft(ctx context.Context, id string) error
	Document(ctx context.Context, id string) (SalesDoc, error)
	DocumentByNumber(ctx context.Context, number string) (SalesDoc, error)
	// Documents lists matching documents, newest first, with the total count.
	Documents(ctx context.Context, f DocFilter, offset, limit int) ([]SalesDoc, int, error)
	// DocRows is Documents as list rows (no lines): the same documents in
	// the same order with the same count.
	DocRows(ctx context.Context, f DocFilter, offset, limit int) ([]DocRow, int, error)
	// Convert makes a draft of the next kind from a quote or order, lines carried over.
	Convert(ctx context.Context, id string, to DocKind) (SalesDoc, error)
	// Issue numbers the document and, for invoices and credit notes, posts it,
	// in one transaction.
	Issue(ctx context.Context, id string) (SalesDoc, error)
	// NewCreditNote makes a draft credit note for the whole remaining invoice.
	NewCreditNote(ctx context.Context, invoiceID, reason string) (SalesDoc, error)
	RecordPayment(ctx context.Context, p Payment) (Payment, error)
	Payments(ctx context.Context, docID string) ([]Payment, error)
}
