package demo

import "kontor/app"

// What becomes of the demo's invoices: payments and credit notes.

// invoiced notes an issued invoice's VAT and cost of goods for the journal
// generator and plans what happens to it: a credit note now and then, and
// its payments.
func (s *demoSales) invoiced(inv app.SalesDoc) error {
	s.counts.Invoices++
	if inv.Currency != s.g.c.BaseCurrency {
		s.counts.Foreign++
	}
	s.book(inv)
	var goods int64
	for i, l := range inv.Lines {
		if l.Goods {
			goods += inv.Totals.Lines[i]
		}
	}
	if inv.Currency != s.g.c.BaseCurrency {
		goods = app.M(goods, inv.Currency).Convert(s.g.c.BaseCurrency, inv.ExchangeRate, app.HalfUp).Amount
	}
	s.figures.cogs[inv.TaxDate.MonthOf()] += goods * 35 / 100
	if inv.PaymentMethod == app.PayCash {
		// Paid at the counter when issued.
		s.figures.cash[inv.IssueDate] += inv.Totals.TotalCZK
		return s.pay(inv.ID, inv.IssueDate, app.PayCash, false)
	}
	// The payments keep the invoice's ID only, not the document: a large
	// scale has tens of thousands of them waiting.
	id, after := inv.ID, inv.IssueDate
	if s.rng.IntN(20) == 0 && creditable(inv) {
		day := s.schedule(inv.IssueDate.AddDays(s.between(2, 6)), func(day app.Date) error { return s.creditNote(inv, day) })
		if !day.IsZero() {
			after = day
		}
	}
	due := inv.DueDate
	payDay := func(d app.Date) app.Date {
		if !d.After(after) {
			d = after.AddDays(1)
		}
		return d
	}
	switch r := s.rng.IntN(100); {
	case r < 66: // on time
		s.schedule(payDay(due.AddDays(-s.between(0, 6))), func(day app.Date) error { return s.pay(id, day, app.PayBank, false) })
	case r < 82: // late
		s.schedule(payDay(due.AddDays(s.between(3, 35))), func(day app.Date) error { return s.pay(id, day, app.PayBank, false) })
	case r < 91: // half on time, the rest much later
		rest := due.AddDays(s.between(10, 45))
		s.schedule(payDay(due.AddDays(-s.between(0, 3))), func(day app.Date) error {
			if err := s.pay(id, day, app.PayBank, true); err != nil {
				return err
			}
			s.schedule(payDay(laterOf(rest, day.AddDays(1))), func(day app.Date) error { return s.pay(id, day, app.PayBank, false) })
			return nil
		})
	default: // never: it stays open, and overdue once past due
	}
	return nil
}

// book notes the output VAT a document posted, in the month of its DUZP.
func (s *demoSales) book(d app.SalesDoc) {
	for _, r := range d.Totals.Rates {
		s.figures.vat[d.TaxDate.MonthOf()] += r.VATCZK
	}
}

// pay records what remains of the invoice on day, or half of it.
func (s *demoSales) pay(id string, day app.Date, method string, half bool) error {
	inv, err := s.svc.Sales.Document(s.ctx, id)
	if err != nil {
		return err
	}
	amount := inv.Remaining()
	if half {
		unit := int64(100) // whole hundreds of the currency
		for i := 0; i < app.MinorDigits(inv.Currency); i++ {
			unit *= 10
		}
		amount = amount / 2 / unit * unit
	}
	if amount <= 0 {
		return nil
	}
	note := "Platba převodem z účtu odběratele"
	if method == app.PayCash {
		note = "Platba v hotovosti, příjmový doklad"
	}
	p, err := s.svc.Sales.RecordPayment(s.ctx, app.Payment{DocID: id, Date: day, Amount: app.M(amount, inv.Currency), Method: method, Note: note})
	if err != nil {
		return err
	}
	s.counts.Payments++
	return s.counted(p.EntryID)
}

// creditable reports whether part of a line can be taken back: a line of at
// least two units.
func creditable(inv app.SalesDoc) bool {
	for _, l := range inv.Lines {
		if l.Quantity >= app.Q(2) {
			return true
		}
	}
	return false
}

// creditNote takes back part of one line of the invoice.
func (s *demoSales) creditNote(inv app.SalesDoc, day app.Date) error {
	i := 0
	for j, l := range inv.Lines {
		if l.Quantity >= app.Q(2) {
			i = j
			if l.Goods {
				break
			}
		}
	}
	l := inv.Lines[i]
	reasons := demoServiceReasons
	if l.Goods {
		reasons = demoGoodsReasons
	}
	reason := reasons[s.rng.IntN(len(reasons))]
	text := reason[0]
	if inv.Lang == app.English {
		text = reason[1]
	}
	cn, err := s.svc.Sales.NewCreditNote(s.ctx, inv.ID, text)
	if err != nil {
		return err
	}
	l = cn.Lines[i]
	l.Quantity = -app.Q(int64(s.between(1, int(-l.Quantity/app.QtyScale)/2)))
	cn.Lines = []app.DocLine{l}
	cn.IssueDate, cn.TaxDate, cn.DueDate = day, day, day
	if cn, err = s.issue(cn); err != nil {
		return err
	}
	s.counts.CreditNotes++
	s.book(cn)
	return nil
}

func laterOf(a, b app.Date) app.Date {
	if a.After(b) {
		return a
	}
	return b
}
