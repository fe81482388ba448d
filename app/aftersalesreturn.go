package app

import (
	"strings"
	"time"
)

// Returns (RMA): goods a customer brings back against an invoice — a
// withdrawal within 14 days (§ 1829 OZ) or a complaint ending in a refund.
// One flow, each step its own transaction in the store: the return document
// (NewReturn), the goods received (ReturnReceipt: a stock receipt at the
// cost they left at), the credit note (ReturnCreditNote, issued through the
// credit note rules), and the refund due when the invoice was paid
// (RefundDue).

// ReturnStatus is where a return stands.
type ReturnStatus string

// Return statuses: each step of the flow moves it on.
const (
	ReturnDraft    ReturnStatus = "draft"    // lines chosen, nothing posted
	ReturnReceived ReturnStatus = "received" // the stock receipt is posted
	ReturnCredited ReturnStatus = "credited" // the credit note is issued
)

// Label is the status's translatable name.
func (s ReturnStatus) Label() Label {
	switch s {
	case ReturnReceived:
		return Label{Key: "return.status.received", Fallback: "Goods received"}
	case ReturnCredited:
		return Label{Key: "return.status.credited", Fallback: "Credited"}
	}
	return Label{Key: "return.status.draft", Fallback: "Draft"}
}

// Label is the step's translatable name.
func (s ReturnStep) Label() Label {
	if s == StepCredit {
		return Label{Key: "return.step.credit", Fallback: "Issue the credit note"}
	}
	return Label{Key: "return.step.receive", Fallback: "Receive the goods"}
}

// ReturnLine is a quantity of one invoice line coming back.
type ReturnLine struct {
	InvoiceLine int      `json:"invoice_line"` // 1-based line of the invoice
	ItemID      string   `json:"item_id,omitempty"`
	Code        string   `json:"code,omitempty"`
	Text        string   `json:"text"`
	Unit        string   `json:"unit"`
	Qty         Qty      `json:"qty"`
	Lot         string   `json:"lot,omitempty"`
	Serials     []string `json:"serials,omitempty"`
}

// ReturnDoc is a return (RMA) against one invoice.
type ReturnDoc struct {
	ID         string       `json:"id"`
	Branch     string       `json:"branch"`
	Number     string       `json:"number"`
	Status     ReturnStatus `json:"status"`
	TicketID   string       `json:"ticket_id,omitempty"`
	InvoiceID  string       `json:"invoice_id"`
	InvoiceNo  string       `json:"invoice_no"`
	CustomerID string       `json:"customer_id"`
	Customer   Party        `json:"customer"`
	Date       Date         `json:"date"`
	Reason     string       `json:"reason"` // the credit note's reason (§ 45 ZDPH, part C4)
	// Defective receives the goods into the company's defective-goods
	// location instead of where they left from.
	Defective bool         `json:"defective,omitempty"`
	Lines     []ReturnLine `json:"lines"`

	ReceiptID    string `json:"receipt_id,omitempty"`
	ReceiptNo    string `json:"receipt_no,omitempty"`
	CreditNoteID string `json:"credit_note_id,omitempty"`
	CreditNoteNo string `json:"credit_note_no,omitempty"`
	Credited     int64  `json:"credited,omitempty"`   // the credit note's total, positive, invoice currency
	RefundDue    int64  `json:"refund_due,omitempty"` // what is paid back to the customer

	CreatedBy string    `json:"created_by"`
	Created   time.Time `json:"created"`
	Updated   time.Time `json:"updated"`
	Revision  int       `json:"revision"`
}

// Validate checks a stored return on its own: a known status, the
// invoice, customer, day and reason, at least one line and every line's
// invoice line and positive quantity; a received return names its receipt
// (when it had stock lines the store sets ReceiptID), a credited one its
// credit note.
func (r ReturnDoc) Validate() error {
	var es Errors
	switch r.Status {
	case ReturnDraft, ReturnReceived, ReturnCredited:
	default:
		es.Add(Invalid("return.status", "err.return.status", "unknown status “{{.value}}”", map[string]any{"value": string(r.Status)}))
	}
	if r.InvoiceID == "" || r.CustomerID == "" {
		es.Add(Invalid("return.invoice", "err.return.invoice", "a return is made against an issued invoice", nil))
	}
	if r.Date.IsZero() {
		es.Add(Invalid("return.date", "err.return.date", "enter the day of the return", nil))
	}
	if strings.TrimSpace(r.Reason) == "" {
		es.Add(Invalid("return.reason", "err.return.reason", "write why the goods come back (the credit note states it)", nil))
	}
	if len(r.Lines) == 0 {
		es.Add(Invalid("return.lines", "err.return.no_lines", "choose what comes back", nil))
	}
	for _, l := range r.Lines {
		if l.InvoiceLine < 1 || l.Qty <= 0 {
			es.Add(Invalid("return.lines", "err.return.qty", "line {{.line}}: the quantity returned must be more than zero", map[string]any{"line": l.InvoiceLine}))
		}
	}
	if r.Status == ReturnCredited && r.CreditNoteID == "" {
		es.Add(Invalid("return.credit_note", "err.return.no_credit_note", "a credited return names its credit note", nil))
	}
	if r.RefundDue < 0 || r.RefundDue > r.Credited {
		es.Add(Invalid("return.refund", "err.return.refund", "the refund is 0 to the amount credited", nil))
	}
	return es.Err()
}

// Next is the step that follows the return's status, refusing one out of
// order: a draft is received, a received return credited, a credited one
// is done. A return with no stock lines skips receiving (ok is false for
// its receipt), which the store decides from ReturnReceipt.
func (r ReturnDoc) Next(step ReturnStep) (ReturnStatus, error) {
	switch {
	case step == StepReceive && r.Status == ReturnDraft:
		return ReturnReceived, nil
	case step == StepCredit && r.Status == ReturnReceived:
		return ReturnCredited, nil
	}
	return r.Status, Invalid("return.status", "err.return.step", "the return is {{.status}}; {{.step}} is not its next step",
		map[string]any{"status": r.Status.Label(), "step": step.Label()})
}

// LineUsage is what of an invoice line already came back: Returned on other
// returns not yet credited, Credited on issued credit notes (a credited
// return counts here only). The store reads both.
type LineUsage struct {
	Returned Qty `json:"returned"`
	Credited Qty `json:"credited"`
}

// LineUsages is what of each line of invoice inv already came back: the
// quantities on its issued credit notes credits (a credit note's line
// counts against the first invoice line of the same item, text, price
// and VAT kind with quantity left, in order, the rest against the next
// such line) and on its returns not yet credited (returns; a credited
// return's goods are on its credit note). Lines with nothing back are
// left out.
func LineUsages(inv SalesDoc, credits []SalesDoc, returns []ReturnDoc) map[int]LineUsage {
	out := map[int]LineUsage{}
	same := func(a, b DocLine) bool {
		return a.ItemID == b.ItemID && a.Code == b.Code && a.Text == b.Text && a.UnitPrice == b.UnitPrice && a.VATKind == b.VATKind
	}
	for _, cn := range credits {
		if cn.Kind != KindCreditNote || cn.Status != StatusIssued || cn.OriginalID != inv.ID {
			continue
		}
		for _, cl := range cn.Lines {
			left := -cl.Quantity
			last := 0
			for i, il := range inv.Lines {
				if left <= 0 {
					break
				}
				if !same(il, cl) || il.Quantity <= 0 {
					continue
				}
				last = i + 1
				u := out[i+1]
				room := il.Quantity - u.Credited
				if room <= 0 {
					continue
				}
				take := min(room, left)
				u.Credited += take
				out[i+1] = u
				left -= take
			}
			if left > 0 && last > 0 { // more credited than invoiced: on the last such line
				u := out[last]
				u.Credited += left
				out[last] = u
			}
		}
	}
	for _, r := range returns {
		if r.InvoiceID != inv.ID || r.Status == ReturnCredited {
			continue
		}
		for _, l := range r.Lines {
			u := out[l.InvoiceLine]
			u.Returned += l.Qty
			out[l.InvoiceLine] = u
		}
	}
	return out
}

// ReturnPick is a quantity of invoice line Line a person chose to return.
type ReturnPick struct {
	Line    int
	Qty     Qty
	Lot     string
	Serials []string
}

// Returnable is what of invoice line l may still come back: invoiced −
// returned − credited, never below zero.
func Returnable(l DocLine, u LineUsage) Qty {
	left := l.Quantity - u.Returned - u.Credited
	if left < 0 {
		return 0
	}
	return left
}

// NewReturn is the draft return of the picked quantities of issued invoice
// inv (lines copied from it) for ticket t (may be empty), dated day. It
// refuses an invoice that is not issued or is another customer's than the
// ticket's, a reason that is empty, no lines, a line the invoice does not
// have or picked twice, a quantity that is not positive, and one above
// what remains of the line (Returnable with used, by line number): each
// naming the line. Nothing is written; the store saves it.
func NewReturn(inv SalesDoc, t Ticket, picks []ReturnPick, used map[int]LineUsage, reason, id string, day Date, user string, now time.Time) (ReturnDoc, error) {
	if inv.Kind != KindInvoice || inv.Status != StatusIssued {
		return ReturnDoc{}, Invalid("return.invoice", "err.return.invoice", "a return is made against an issued invoice", nil)
	}
	if t.ID != "" && (t.CustomerID != inv.CustomerID || t.InvoiceID != "" && t.InvoiceID != inv.ID) {
		return ReturnDoc{}, Invalid("return.invoice", "err.return.ticket_invoice", "invoice {{.number}} is not the ticket's", map[string]any{"number": inv.Number})
	}
	r := ReturnDoc{ID: id, Branch: inv.Branch, Status: ReturnDraft, TicketID: t.ID, InvoiceID: inv.ID, InvoiceNo: inv.Number,
		CustomerID: inv.CustomerID, Customer: inv.Customer, Date: day, Reason: strings.TrimSpace(reason), CreatedBy: user, Created: now, Updated: now}
	var es Errors
	if r.Reason == "" {
		es.Add(Invalid("return.reason", "err.return.reason", "write why the goods come back (the credit note states it)", nil))
	} else if tooLong(r.Reason, MaxTicketLine) {
		es.Add(Invalid("return.reason", "err.ticket.too_long", "at most {{.max}} characters", map[string]any{"max": MaxTicketLine}))
	}
	if day.IsZero() {
		es.Add(Invalid("return.date", "err.return.date", "enter the day of the return", nil))
	} else if sale := SaleDay(inv); !sale.IsZero() && day.Before(sale) {
		es.Add(Invalid("return.date", "err.return.before_sale", "the return ({{.day}}) cannot be before the sale ({{.sale}})", map[string]any{"day": day, "sale": sale}))
	}
	if len(picks) == 0 {
		es.Add(Invalid("return.lines", "err.return.no_lines", "choose what comes back", nil))
	}
	seen := map[int]bool{}
	for _, p := range picks {
		args := map[string]any{"line": p.Line, "number": inv.Number}
		switch {
		case p.Line < 1 || p.Line > len(inv.Lines):
			es.Add(Invalid("return.lines", "err.ticket.unknown_line", "invoice {{.number}} has no line {{.line}}", args))
			continue
		case seen[p.Line]:
			es.Add(Invalid("return.lines", "err.return.line_twice", "line {{.line}} is chosen twice", args))
			continue
		case p.Qty <= 0:
			es.Add(Invalid("return.lines", "err.return.qty", "line {{.line}}: the quantity returned must be more than zero", args))
			continue
		}
		seen[p.Line] = true
		l := inv.Lines[p.Line-1]
		if l.Quantity <= 0 {
			es.Add(Invalid("return.lines", "err.return.not_goods", "line {{.line}} of invoice {{.number}} delivered nothing that can come back", args))
			continue
		}
		if left := Returnable(l, used[p.Line]); p.Qty > left {
			es.Add(Invalid("return.lines", "err.return.too_much", "line {{.line}}: {{.qty}} {{.unit}} is more than the {{.left}} {{.unit}} left of the {{.invoiced}} invoiced",
				map[string]any{"line": p.Line, "qty": p.Qty.Format(English), "left": left.Format(English), "invoiced": l.Quantity.Format(English), "unit": l.Unit}))
			continue
		}
		serials := make([]string, 0, len(p.Serials))
		for _, s := range p.Serials {
			if s = strings.TrimSpace(s); s != "" {
				serials = append(serials, s)
			}
		}
		r.Lines = append(r.Lines, ReturnLine{InvoiceLine: p.Line, ItemID: l.ItemID, Code: l.Code, Text: l.Text, Unit: l.Unit, Qty: p.Qty,
			Lot: strings.TrimSpace(p.Lot), Serials: serials})
	}
	if err := es.Err(); err != nil {
		return ReturnDoc{}, err
	}
	return r, nil
}

// ReturnReceipt is the draft stock receipt (příjemka) of return r's stock
// lines, at the cost they left at: each line's value is its share of the
// value issue — the posted stock issue the invoice shipped with
// (IssueFromInvoice) — gave the item (and lot) it returns: value × qty
// returned ÷ qty issued, rounded half up. It is received into location
// (the defective-goods location, or "" for the one the issue took them
// from), credits the cost of goods sold (CounterExpense), and names the
// issue as the original. false when no line is a stock item (items: the
// stock cards). It refuses an issue that is not the invoice's posted one
// and a returned line the issue did not ship.
func ReturnReceipt(r ReturnDoc, issue StockDoc, items map[string]StockItem, location, id, user string, now time.Time) (StockDoc, bool, error) {
	if issue.Kind != StockIssue || issue.Status != StockPosted || issue.SourceID != r.InvoiceID || issue.Storno {
		return StockDoc{}, false, Invalid("return.receipt", "err.return.no_issue", "invoice {{.number}} has no posted stock issue to return goods to", map[string]any{"number": r.InvoiceNo})
	}
	if location == "" {
		location = issue.Location
	}
	d := StockDoc{ID: id, Branch: r.Branch, Kind: StockReceipt, Status: StockDraft, Date: r.Date, Location: location,
		PartnerID: r.CustomerID, Partner: r.Customer, Text: r.Reason, SourceKind: "return", SourceID: r.ID, SourceNo: r.Number,
		Counter: CounterExpense, OriginalID: issue.ID, OriginalNo: issue.Number, Responsible: user, Created: now}
	for _, l := range r.Lines {
		if _, ok := items[l.ItemID]; !ok || l.ItemID == "" {
			continue
		}
		var qty Qty
		var value int64
		for _, il := range issue.Lines {
			if il.ItemID == l.ItemID && (l.Lot == "" || il.Lot == l.Lot) {
				qty += il.Qty
				value += il.Value
			}
		}
		if qty < l.Qty {
			return StockDoc{}, false, Invalid("return.lines", "err.return.not_issued", "line {{.line}}: issue {{.issue}} shipped {{.shipped}} {{.unit}} of {{.item}}, less than {{.qty}} {{.unit}} returned",
				map[string]any{"line": l.InvoiceLine, "issue": issue.Number, "shipped": qty.Format(English), "unit": l.Unit, "item": l.Text, "qty": l.Qty.Format(English)})
		}
		v, ok := mulDiv(value, int64(l.Qty), int64(qty))
		if !ok {
			return StockDoc{}, false, Invalid("return.lines", "err.return.value", "line {{.line}}: the value is too large", map[string]any{"line": l.InvoiceLine})
		}
		unit, _ := mulDiv(v, QtyScale, int64(l.Qty))
		d.Lines = append(d.Lines, StockLine{ItemID: l.ItemID, Code: l.Code, Name: l.Text, Unit: l.Unit, Qty: l.Qty, UnitCost: unit, Value: v,
			Lot: l.Lot, Serials: append([]string(nil), l.Serials...)})
		d.Total += v
	}
	return d, len(d.Lines) > 0, nil
}

// ReturnCreditNote is the draft credit note of return r against its invoice
// inv: CreditNoteDraft (the credit note rules: an issued invoice not yet
// fully credited; prior are its issued credit notes, c the company) with
// only the returned lines, each at the invoice line's price and the
// returned quantity negated, for r's reason, dated today. Issuing it goes
// through ApplyCreditNote as any credit note does.
func ReturnCreditNote(r ReturnDoc, inv SalesDoc, prior []SalesDoc, c Company, id string, today Date, now time.Time) (SalesDoc, error) {
	if inv.ID != r.InvoiceID {
		return SalesDoc{}, Invalid("return.invoice", "err.return.ticket_invoice", "invoice {{.number}} is not the ticket's", map[string]any{"number": inv.Number})
	}
	cn, err := CreditNoteDraft(inv, r.Reason, id, now, today, c, prior)
	if err != nil {
		return SalesDoc{}, err
	}
	cn.Lines = cn.Lines[:0:0]
	for _, l := range r.Lines {
		if l.InvoiceLine < 1 || l.InvoiceLine > len(inv.Lines) {
			return SalesDoc{}, Invalid("return.lines", "err.ticket.unknown_line", "invoice {{.number}} has no line {{.line}}", map[string]any{"number": inv.Number, "line": l.InvoiceLine})
		}
		dl := inv.Lines[l.InvoiceLine-1]
		dl.Quantity = -l.Qty
		cn.Lines = append(cn.Lines, dl)
	}
	cn.Totals = CreditDraftTotals(cn, &inv, prior, c)
	return cn, nil
}

// RefundDue is what is paid back to the customer when a credit note of
// credit (positive) is issued against an invoice of total, of which paid
// was paid and creditedBefore credited by earlier credit notes: the part
// of the payment the invoice no longer owes after this credit note and did
// before it — overpaid(after) − overpaid(before), overpaid(x) = max(0,
// paid − (total − x)). For the usual case (nothing credited before, paid ≤
// total) it is min(credit, paid); a partly paid invoice first has its
// credit cover what is still owed (total 1000, paid 400, credit 300: the
// customer still owes 300, nothing is refunded).
func RefundDue(total, paid, creditedBefore, credit int64) int64 {
	overpaid := func(credited int64) int64 {
		if v := paid - (total - credited); v > 0 {
			return v
		}
		return 0
	}
	if credit <= 0 || paid <= 0 {
		return 0
	}
	return overpaid(creditedBefore+credit) - overpaid(creditedBefore)
}
