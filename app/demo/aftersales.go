package demo

import (
	"context"
	"fmt"
	"time"

	"kontor/app"
)

// AfterSalesCounts counts what the AfterSales step made.
type AfterSalesCounts struct {
	// Tickets made, of them Complaints; Open at the end (not resolved or
	// closed) and Overdue of those (past their deadline on the last day).
	Tickets, Complaints, Open, Overdue int
	// Customers are the consumers the step made; Invoices their purchases
	// and the bistro's, issued through Sales; CreditNotes the return's.
	Customers, Invoices, CreditNotes int
	// Returns made and credited; CreditNote is the return's credit note,
	// Credited its total and RefundDue what is owed back to the customer
	// (the invoice was paid), in minor units.
	Returns    int
	CreditNote string
	Credited   int64
	RefundDue  int64
}

// AfterSales is the demo's after-sales step: the service desk's last month
// of the period, through app.AfterSalesService as the servis clerk — a
// hand grinder under warranty repaired (complaint → in progress → resolved
// as repaired → closed), a damp batch of espresso returned by a bistro and
// credited through the return flow (return → received into the
// complaints' location → credit note → refund due, the invoice having been
// paid), a complaint refused with its reasons, one complaint made more
// than 30 days before the end still open (overdue), a new one, two paid
// repairs and two questions. The consumers' purchases are invoiced (and
// paid) by the step months before, through Sales. It needs the Sales
// step's price list; the Warehouse step's stock makes the return's
// receipt (without it the return posts no stock). Run it after them.
func AfterSales() Step { return &afterSalesStep{} }

type afterSalesStep struct {
	ctx    context.Context // the demo admin: customers, invoices, payments
	servis context.Context // the after-sales clerk: the tickets and the return
	b      *Book
	svc    app.Services
	items  map[string]app.Item // the price list by code
	plan   map[app.Date][]func(app.Date) error
	skip   bool
	counts AfterSalesCounts
}

// demoStory is one case of the month: its customer, its invoice (when the
// case concerns goods) and its ticket as they are made.
type demoStory struct {
	key  string
	cust app.Customer
	inv  app.SalesDoc
	t    app.Ticket
}

func (s *afterSalesStep) Name() string { return "aftersales" }

// at is the working day x days before the period's end (or the first
// working day of the period, when that is earlier).
func (s *afterSalesStep) at(x int) app.Date {
	d := s.b.To.AddDays(-x)
	for !isWorkday(d) && d.After(s.b.From) {
		d = d.AddDays(-1)
	}
	if d.Before(s.b.From) {
		d = nextWorkday(s.b.From)
	}
	return d
}

// then plans fn on the working day x days before the end.
func (s *afterSalesStep) then(x int, fn func(app.Date) error) {
	d := s.at(x)
	s.plan[d] = append(s.plan[d], fn)
}

// Start sets the after-sales settings (the complaints' location, the
// deadline for businesses), reads the price list and plans the month.
func (s *afterSalesStep) Start(ctx context.Context, b *Book) error {
	*s = afterSalesStep{ctx: ctx, servis: ctx, b: b, svc: b.Services, items: map[string]app.Item{}, plan: map[app.Date][]func(app.Date) error{}}
	items, err := s.svc.PriceList.Items(ctx)
	if err != nil {
		return err
	}
	for _, it := range items {
		s.items[it.Code] = it
	}
	for _, code := range []string{"MLYNEK-RUC", "KAV-ESP-1KG", "SALEK-ESP-6", "CAJ-DAR-500", "SERVIS-KAV"} {
		if _, ok := s.items[code]; !ok {
			s.skip = true // no Sales step before this one
			return nil
		}
	}
	users, err := s.svc.Users.Users(ctx)
	if err != nil {
		return err
	}
	for _, u := range users {
		if u.Name == "servis" {
			s.servis = app.WithUser(ctx, u)
		}
	}
	set := app.AfterSalesSettings{BusinessComplaintDays: demoBusinessComplaintDays}
	if b.g.docs.warehouse {
		loc, err := s.svc.Warehouse.SaveLocation(ctx, app.Location{Code: demoAfterSalesLoc, Name: demoAfterSalesLocNm, Branch: b.Company.Branch})
		if err != nil {
			return err
		}
		set.DefectiveLocation = loc.ID
	}
	if _, err := s.svc.AfterSales.SaveAfterSalesSettings(ctx, set); err != nil {
		return err
	}
	s.planGrinder()
	s.planCoffee()
	s.planRefused()
	s.planOverdue()
	s.planOthers()
	return nil
}

// Day does what was planned for d, in the order planned.
func (s *afterSalesStep) Day(d app.Date) error {
	acts := s.plan[d]
	delete(s.plan, d)
	for _, act := range acts {
		if err := act(d); err != nil {
			return err
		}
	}
	return nil
}

// consumer saves the consumer of story key.
func (s *afterSalesStep) consumer(key string) (app.Customer, error) {
	c, err := s.svc.Customers.SaveCustomer(s.ctx, demoConsumers[key].customer())
	if err == nil {
		s.counts.Customers++
	}
	return c, err
}

// business finds the Sales step's customer by name, or makes it.
func (s *afterSalesStep) business(name string) (app.Customer, error) {
	cs, err := s.svc.Customers.Customers(s.ctx, name, 5)
	if err != nil {
		return app.Customer{}, err
	}
	for _, c := range cs {
		if c.Name == name {
			return c, nil
		}
	}
	c, err := s.svc.Customers.SaveCustomer(s.ctx, app.Customer{Name: name, Country: "CZ", Currency: "CZK", Lang: app.Czech, PaymentDays: 14,
		Email: "info@example.cz"})
	if err == nil {
		s.counts.Customers++
	}
	return c, err
}

// sell invoices qty of item code to st's customer on d (as much as the
// warehouse has, in whole units; none: no invoice) and records its
// payment on paid (zero: unpaid), telling the journal generator the
// invoice's VAT and cost of goods as the Sales step does.
func (s *afterSalesStep) sell(st *demoStory, code string, qty int64, d, paid app.Date) error {
	it := s.items[code]
	q := app.Q(qty)
	if on := s.b.g.docs.onHand; on != nil {
		have, stock, err := on(it.ID, d)
		if err != nil {
			return err
		}
		if stock && have < q {
			q = wholeUnits(have)
		}
	}
	if q <= 0 {
		return nil
	}
	doc := app.SalesDoc{Kind: app.KindInvoice, CustomerID: st.cust.ID, IssueDate: d, TaxDate: d, DueDate: d.AddDays(max(st.cust.PaymentDays, 1)),
		Lines: []app.DocLine{{ItemID: it.ID, Code: it.Code, Text: it.Name, Quantity: q, Unit: it.Unit, UnitPrice: it.Price.Amount, VATKind: it.VATKind, Goods: it.Stock}}}
	doc, err := s.svc.Sales.SaveDraft(s.ctx, doc)
	if err != nil {
		return err
	}
	if doc, err = s.svc.Sales.Issue(s.ctx, doc.ID); err != nil {
		return err
	}
	if err := s.b.counted(s.ctx, doc.EntryID); err != nil {
		return err
	}
	s.counts.Invoices++
	s.book(doc)
	if doc.Lines[0].Goods && !s.b.g.docs.warehouse { // else the invoice's issue took the goods from stock
		s.b.g.docs.cogs[doc.TaxDate.MonthOf()] += doc.Totals.Lines[0] * 35 / 100
	}
	st.inv = doc
	if paid.IsZero() {
		return nil
	}
	p, err := s.svc.Sales.RecordPayment(s.ctx, app.Payment{DocID: doc.ID, Date: paid, Amount: app.M(doc.Totals.Total, doc.Currency), Method: app.PayBank,
		Note: "Platba převodem z účtu odběratele"})
	if err != nil {
		return err
	}
	return s.b.counted(s.ctx, p.EntryID)
}

// book tells the journal generator the output VAT document d posted.
func (s *afterSalesStep) book(d app.SalesDoc) {
	for _, r := range d.Totals.Rates {
		s.b.g.docs.vat[d.TaxDate.MonthOf()] += r.VATCZK
	}
}

// file takes st's ticket on day d (its invoice's first line when it has
// one), filed at a time of the day the desk is open.
func (s *afterSalesStep) file(st *demoStory, d app.Date, kind app.TicketKind, channel app.TicketChannel, consumer bool, remedy app.Remedy) error {
	if st.cust.ID == "" || kind.NeedsInvoiceLine() && st.inv.ID == "" {
		return nil // nothing was sold to complain about
	}
	text := demoAfterSalesText[st.key]
	t := app.Ticket{Kind: kind, Channel: channel, CustomerID: st.cust.ID, Consumer: consumer, Subject: text[0], Defect: text[1], Accessories: text[2],
		Remedy: remedy, Complained: d, Assignee: "servis", Filed: d.Time(time.Local).Add(9*time.Hour + time.Duration(len(st.key))*17*time.Minute).UTC()}
	if st.inv.ID != "" {
		t.InvoiceID, t.InvoiceLine = st.inv.ID, 1
	}
	t, err := s.svc.AfterSales.SaveTicket(s.servis, t)
	if err != nil {
		return err
	}
	st.t = t
	s.counts.Tickets++
	if kind == app.TicketComplaint {
		s.counts.Complaints++
	}
	return nil
}

// move moves st's ticket on d, with the comment when given.
func (s *afterSalesStep) move(st *demoStory, d app.Date, to app.TicketStatus, outcome app.Outcome, resolution, comment string) error {
	if st.t.ID == "" {
		return nil
	}
	t, err := s.svc.AfterSales.MoveTicket(s.servis, st.t.ID, to, outcome, resolution, d)
	if err != nil {
		return err
	}
	st.t = t
	return s.comment(st, comment)
}

func (s *afterSalesStep) comment(st *demoStory, text string) error {
	if st.t.ID == "" || text == "" {
		return nil
	}
	t, err := s.svc.AfterSales.AddTicketComment(s.servis, st.t.ID, text)
	st.t = t
	return err
}

// planGrinder: a hand grinder bought in spring, complained of under the
// warranty four weeks before the end, repaired and handed over.
func (s *afterSalesStep) planGrinder() {
	st := &demoStory{key: "grinder"}
	s.then(140, func(d app.Date) (err error) {
		if st.cust, err = s.consumer(st.key); err != nil {
			return err
		}
		return s.sell(st, "MLYNEK-RUC", 1, d, d)
	})
	s.then(27, func(d app.Date) error {
		return s.file(st, d, app.TicketComplaint, app.TicketByCounter, true, app.RemedyRepair)
	})
	s.then(26, func(d app.Date) error { return s.move(st, d, app.TicketInProgress, "", "", demoGrinderTaken) })
	s.then(12, func(d app.Date) error {
		return s.move(st, d, app.TicketResolved, app.OutcomeRepaired, demoGrinderDone, demoGrinderCalled)
	})
	s.then(9, func(d app.Date) error { return s.move(st, d, app.TicketClosed, "", "", "") })
}

// planCoffee: ten kilograms of espresso for the bistro arrive damp; the
// bistro complains, the goods come back into the complaints' location, a
// credit note is issued, and as the invoice was paid the refund is due.
func (s *afterSalesStep) planCoffee() {
	st := &demoStory{key: "coffee"}
	var r app.ReturnDoc
	s.then(36, func(d app.Date) (err error) {
		if st.cust, err = s.business(demoBistro); err != nil {
			return err
		}
		return s.sell(st, "KAV-ESP-1KG", 10, d, s.at(33))
	})
	s.then(31, func(d app.Date) error {
		return s.file(st, d, app.TicketComplaint, app.TicketByEmail, false, app.RemedyWithdraw)
	})
	s.then(30, func(d app.Date) (err error) {
		if st.t.ID == "" {
			return nil
		}
		if err := s.move(st, d, app.TicketInProgress, "", "", demoCoffeeChecked); err != nil {
			return err
		}
		r, err = s.svc.AfterSales.CreateReturn(s.servis, st.t.ID, []app.ReturnPick{{Line: 1, Qty: st.inv.Lines[0].Quantity}}, demoReturnReason, true, d)
		if err == nil {
			s.counts.Returns++
		}
		return err
	})
	s.then(29, func(d app.Date) (err error) {
		if r.ID == "" {
			return nil
		}
		if r, err = s.svc.AfterSales.AdvanceReturn(s.servis, r.ID, app.StepReceive, d); err != nil || r.ReceiptID == "" {
			return err
		}
		rc, err := s.svc.Warehouse.StockDoc(s.ctx, r.ReceiptID)
		if err != nil {
			return err
		}
		return s.b.counted(s.ctx, rc.EntryID)
	})
	s.then(28, func(d app.Date) (err error) {
		if r.ID == "" {
			return nil
		}
		if r, err = s.svc.AfterSales.AdvanceReturn(s.servis, r.ID, app.StepCredit, d); err != nil {
			return err
		}
		cn, err := s.svc.Sales.Document(s.ctx, r.CreditNoteID)
		if err != nil {
			return err
		}
		if err := s.b.counted(s.ctx, cn.EntryID); err != nil {
			return err
		}
		s.book(cn)
		s.counts.CreditNotes++
		s.counts.CreditNote, s.counts.Credited, s.counts.RefundDue = r.CreditNoteNo, r.Credited, r.RefundDue
		refund := app.M(r.RefundDue, st.inv.Currency).Format(app.Czech)
		return s.move(st, d, app.TicketResolved, app.OutcomeRefunded, fmt.Sprintf(demoCoffeeDone, r.CreditNoteNo, refund), "")
	})
	s.then(27, func(d app.Date) error { return s.move(st, d, app.TicketClosed, "", "", "") })
}

// planRefused: a hand grinder dropped on the floor; the complaint is
// refused with the written reasons § 19 odst. 3 ZOS asks for.
func (s *afterSalesStep) planRefused() {
	st := &demoStory{key: "refused"}
	s.then(210, func(d app.Date) (err error) {
		if st.cust, err = s.consumer(st.key); err != nil {
			return err
		}
		return s.sell(st, "MLYNEK-RUC", 1, d, d)
	})
	s.then(21, func(d app.Date) error {
		return s.file(st, d, app.TicketComplaint, app.TicketByCounter, true, app.RemedyReplace)
	})
	s.then(20, func(d app.Date) error { return s.move(st, d, app.TicketInProgress, "", "", demoRefusedChecked) })
	s.then(8, func(d app.Date) error {
		return s.move(st, d, app.TicketResolved, app.OutcomeRefused, demoRefusedReasons, "")
	})
}

// planOverdue: cracked cups complained of six weeks before the end, still
// waiting for the supplier's replacement set: past the 30 days.
func (s *afterSalesStep) planOverdue() {
	st := &demoStory{key: "overdue"}
	s.then(95, func(d app.Date) (err error) {
		if st.cust, err = s.consumer(st.key); err != nil {
			return err
		}
		return s.sell(st, "SALEK-ESP-6", 1, d, d)
	})
	s.then(41, func(d app.Date) error {
		return s.file(st, d, app.TicketComplaint, app.TicketByEmail, true, app.RemedyReplace)
	})
	s.then(40, func(d app.Date) error { return s.move(st, d, app.TicketInProgress, "", "", demoOverdueTaken) })
	s.then(35, func(d app.Date) error { return s.move(st, d, app.TicketWaitingSupplier, "", "", demoOverdueWaiting) })
}

// planOthers: a complaint of mouldy tea just made, two questions and two
// paid repairs.
func (s *afterSalesStep) planOthers() {
	tea := &demoStory{key: "tea"}
	s.then(24, func(d app.Date) (err error) {
		if tea.cust, err = s.consumer(tea.key); err != nil {
			return err
		}
		return s.sell(tea, "CAJ-DAR-500", 2, d, d)
	})
	s.then(2, func(d app.Date) error {
		return s.file(tea, d, app.TicketComplaint, app.TicketByEmail, true, app.RemedyWithdraw)
	})

	decalc := &demoStory{key: "decalc"}
	s.then(15, func(d app.Date) (err error) {
		if decalc.cust, err = s.business(demoOffice); err != nil {
			return err
		}
		if err := s.file(decalc, d, app.TicketQuestion, app.TicketByPhone, false, ""); err != nil {
			return err
		}
		return s.move(decalc, d, app.TicketInProgress, "", "", "")
	})
	s.then(14, func(d app.Date) error {
		if err := s.move(decalc, d, app.TicketResolved, app.OutcomeAnswered, demoDecalcAnswer, ""); err != nil {
			return err
		}
		return s.move(decalc, d, app.TicketClosed, "", "", "")
	})

	lever := &demoStory{key: "lever"}
	s.then(18, func(d app.Date) (err error) {
		if lever.cust, err = s.business(demoHotel); err != nil {
			return err
		}
		return s.file(lever, d, app.TicketRepair, app.TicketByPhone, false, "")
	})
	s.then(17, func(d app.Date) error { return s.move(lever, d, app.TicketInProgress, "", "", demoLeverTaken) })
	s.then(16, func(d app.Date) error { return s.move(lever, d, app.TicketWaitingCustomer, "", "", demoLeverWaiting) })

	burrs := &demoStory{key: "burrs"}
	s.then(11, func(d app.Date) (err error) {
		if burrs.cust, err = s.business(demoBistro); err != nil {
			return err
		}
		if err := s.file(burrs, d, app.TicketRepair, app.TicketByCounter, false, ""); err != nil {
			return err
		}
		return s.move(burrs, d, app.TicketInProgress, "", "", "")
	})
	s.then(5, func(d app.Date) error {
		return s.move(burrs, d, app.TicketResolved, app.OutcomeRepaired, demoBurrsDone, "")
	})
	s.then(4, func(d app.Date) error { return s.move(burrs, d, app.TicketClosed, "", "", "") })

	ethiopia := &demoStory{key: "ethiopia"}
	s.then(3, func(d app.Date) (err error) {
		if ethiopia.cust, err = s.business(demoHotel); err != nil {
			return err
		}
		return s.file(ethiopia, d, app.TicketQuestion, app.TicketByEmail, false, "")
	})
}

// Finish counts the open and overdue tickets from the store's lists and
// reports.
func (s *afterSalesStep) Finish(sum *Summary) error {
	if s.skip {
		sum.report("After-sales: none (the step needs the Sales step's price list)")
		return nil
	}
	_, total, err := s.svc.AfterSales.Tickets(s.servis, app.TicketFilter{}, 0, 1)
	if err != nil {
		return err
	}
	open := total
	for _, st := range []app.TicketStatus{app.TicketResolved, app.TicketClosed} {
		_, n, err := s.svc.AfterSales.Tickets(s.servis, app.TicketFilter{Status: st}, 0, 1)
		if err != nil {
			return err
		}
		open -= n
	}
	_, late, err := s.svc.AfterSales.Tickets(s.servis, app.TicketFilter{Overdue: true, Today: s.b.To}, 0, 1)
	if err != nil {
		return err
	}
	s.counts.Open, s.counts.Overdue = open, late
	sum.AfterSales = s.counts
	c := s.counts
	line := fmt.Sprintf("After-sales: %d tickets (%d complaints) in the last weeks; %d open, %d past the deadline", c.Tickets, c.Complaints, c.Open, c.Overdue)
	if c.CreditNote != "" {
		line += fmt.Sprintf("; %d return credited by %s (%s, refund due %s)", c.Returns, c.CreditNote,
			app.M(c.Credited, s.b.Company.BaseCurrency).Format(app.English), app.M(c.RefundDue, s.b.Company.BaseCurrency).Format(app.English))
	}
	sum.report("%s.", line)
	return nil
}
