package demo

import (
	"context"
	"math/rand/v2"
	"sort"

	"kontor/app"
)

// SalesCounts counts the sales documents the Sales step made through the
// sales services.
type SalesCounts struct {
	Customers, Items  int
	Quotes, Orders    int
	Invoices, Foreign int // Foreign: of the invoices, those in a foreign currency
	CreditNotes       int
	Payments          int
	// Open invoices at the end: not paid in full (Overdue of them past due).
	Open, Overdue int
}

// demoSalesSeed keeps the documents' randomness apart from the journal's, so
// each stays the same when the other changes.
const demoSalesSeed = 0x50726f64656a

// demoSales makes the demo's sales documents the way an office does, through
// the customer, price-list and sales services: quotes, most becoming orders
// and some of those invoices; invoices made directly (a few in euros at the
// day's rate, a few paid in cash at the counter); payments — mostly by bank
// around the due date, some late, some in part, a few never — and now and
// then a credit note for part of an invoice. It goes through the period day
// by day, so each document is dated on its day and never in the future, and
// notes the VAT, the cost of goods and the cash its documents carry
// (demoFigures) for the journal generator, whose monthly VAT settlement,
// stock consumption and cash deposits include them. Issuing posts each
// invoice and credit note, and recording a payment posts it: the ledger and
// the Sales tab tell the same story. It runs before the bulk of the journal
// is written: its many small transactions are cheaper on a small file.
type demoSales struct {
	ctx       context.Context
	svc       app.Services
	g         *demoGen
	b         *Book
	rng       *rand.Rand
	from, to  app.Date
	customers []app.Customer
	byID      map[string]int // customers' index by ID
	// cum and cumDomestic are the running totals of the customers'
	// weights (how often each buys), of all and of the domestic ones
	// (domestic their indexes), so a pick is a binary search.
	cum, cumDomestic []int
	domestic         []int
	volume           float64 // docVolume of the scale
	items            []app.Item
	en               map[string]string // item ID → English text
	pending          map[app.Date][]func(day app.Date) error
	counts           SalesCounts
	figures          *demoFigures // the journal generator's
}

// demoFigures are what the documents add to the journal generator's figures:
// output VAT and cost of goods sold per month, cash taken per day.
type demoFigures struct {
	vat, cogs map[app.Month]int64
	cash      map[app.Date]int64
	// vatIn and goodsIn are the input VAT and the goods bought on the
	// received invoices of each month (demoPayables); payables says there
	// are such invoices, so the generator leaves rent and supplier invoices
	// to them.
	vatIn, goodsIn map[app.Month]int64
	payables       bool
	// warehouse says the Warehouse step keeps the stock: the goods on the
	// received invoices go to 131 and wait in arrivals for their receipt,
	// and the journal leaves 132 alone.
	warehouse bool
	arrivals  []demoArrival
	// onHand is what the warehouse has of a stock item where its invoices
	// ship from (false: not a stock item).
	onHand func(itemID string, d app.Date) (app.Qty, bool, error)
}

// Sales is the demo's sales step (see demoSales).
func Sales() Step { return &demoSales{} }

func (s *demoSales) Name() string { return "sales" }

// Start saves the business customers and the price list.
func (s *demoSales) Start(ctx context.Context, b *Book) error {
	g := b.g
	*s = demoSales{ctx: ctx, svc: b.Services, g: g, b: b, rng: rand.New(rand.NewPCG(demoSalesSeed, demoSeed2)),
		from: g.from, to: g.to, en: map[string]string{}, pending: map[app.Date][]func(app.Date) error{},
		figures: &g.docs, byID: map[string]int{}, volume: docVolume(g.scale)}
	for _, x := range demoB2BCustomers {
		c, err := s.svc.Customers.SaveCustomer(ctx, x.customer())
		if err != nil {
			return err
		}
		s.addCustomer(c, x.weight)
		b.taken[c.ICO] = true
	}
	if err := s.buyers(demoBuyers(g.scale)); err != nil {
		return err
	}
	for _, p := range demoPriceList {
		it, err := s.svc.PriceList.SaveItem(ctx, app.Item{Code: p.code, Name: p.name, Unit: p.unit, Price: app.M(p.price, g.c.BaseCurrency), VATKind: p.vat, Stock: p.stock})
		if err != nil {
			return err
		}
		s.items = append(s.items, it)
		s.en[it.ID] = p.en
	}
	s.counts.Customers, s.counts.Items = len(s.customers), len(s.items)
	return nil
}

// Finish counts the invoices left open and reports.
func (s *demoSales) Finish(sum *Summary) error {
	if err := s.finish(); err != nil {
		return err
	}
	sum.Sales = s.counts
	n := s.counts
	sum.report("Sales: %d customers, %d price-list items, %d quotes, %d orders, %d invoices (%d in EUR), %d credit notes, %d payments; %d invoices open, %d of them overdue.",
		n.Customers, n.Items, n.Quotes, n.Orders, n.Invoices, n.Foreign, n.CreditNotes, n.Payments, n.Open, n.Overdue)
	return nil
}

func (s *demoSales) between(lo, hi int) int { return lo + s.rng.IntN(hi-lo+1) }

// count draws how many documents of a kind a working day has: mean at
// scale 1, grown with the scale (docVolume).
func (s *demoSales) count(mean float64) int {
	return int(mean*s.volume*(0.5+s.rng.Float64()) + s.rng.Float64())
}

// schedule runs act on the first working day from day, if that is within the
// period; what would fall after today never happens.
func (s *demoSales) schedule(day app.Date, act func(day app.Date) error) app.Date {
	day = nextWorkday(day)
	if day.After(s.to) {
		return app.Date{}
	}
	s.pending[day] = append(s.pending[day], act)
	return day
}

// day runs what was scheduled for d, then makes d's new documents.
func (s *demoSales) Day(d app.Date) error {
	for len(s.pending[d]) > 0 {
		acts := s.pending[d]
		delete(s.pending, d)
		for _, act := range acts {
			if err := act(d); err != nil {
				return err
			}
		}
	}
	if !isWorkday(d) {
		return nil
	}
	for n := s.count(0.14); n > 0; n-- {
		if err := s.quote(d); err != nil {
			return err
		}
	}
	for n := s.count(0.92); n > 0; n-- {
		if err := s.invoice(d); err != nil {
			return err
		}
	}
	return nil
}

// addCustomer adds c to the customers who buy, weight times as often as
// the least frequent.
func (s *demoSales) addCustomer(c app.Customer, weight int) {
	i := len(s.customers)
	s.customers = append(s.customers, c)
	s.byID[c.ID] = i
	last := func(xs []int) int {
		if len(xs) == 0 {
			return 0
		}
		return xs[len(xs)-1]
	}
	s.cum = append(s.cum, last(s.cum)+weight)
	if c.Currency == s.g.c.BaseCurrency {
		s.domestic = append(s.domestic, i)
		s.cumDomestic = append(s.cumDomestic, last(s.cumDomestic)+weight)
	}
}

// customer picks a customer by how often each buys; domestic only when asked.
func (s *demoSales) customer(domestic bool) app.Customer {
	cum, index := s.cum, func(i int) int { return i }
	if domestic {
		cum, index = s.cumDomestic, func(i int) int { return s.domestic[i] }
	}
	if len(cum) == 0 {
		return s.customers[0]
	}
	n := s.rng.IntN(cum[len(cum)-1])
	// The first customer whose running total passes n.
	return s.customers[index(sort.SearchInts(cum, n+1))]
}

func (s *demoSales) customerByID(id string) app.Customer {
	if i, ok := s.byID[id]; ok {
		return s.customers[i]
	}
	return app.Customer{}
}

// lines draws between lo and hi different items with quantities their units
// make plausible, priced in the document's currency; only items ok takes
// when ok is not nil (and at most as many as there are).
func (s *demoSales) lines(c app.Customer, rate app.Rate, lo, hi int, ok func(app.Item) bool) []app.DocLine {
	var items []app.Item
	for _, it := range s.items {
		if ok == nil || ok(it) {
			items = append(items, it)
		}
	}
	n := min(s.between(lo, hi), len(items))
	var out []app.DocLine
	for _, i := range s.rng.Perm(len(items))[:n] {
		it := items[i]
		var q app.Qty
		switch it.Unit {
		case "kg":
			q = app.Q(int64(s.between(2, 20)))
			if s.rng.IntN(4) == 0 {
				q += 500
			}
		case "h":
			q = app.Qty(s.between(2, 12) * 500)
		default:
			q = app.Q(int64(s.between(1, 12)))
		}
		price := it.Price.Amount
		if c.Currency != s.g.c.BaseCurrency {
			// Foreign customers buy wholesale: a pallet, not a parcel.
			q *= 4
			// The price list is in CZK; a euro price is rounded to 10 cents.
			price = (price*1_000_000/rate.Micro() + 5) / 10 * 10
		}
		l := app.DocLine{ItemID: it.ID, Code: it.Code, Text: it.Name, Quantity: q, Unit: it.Unit, UnitPrice: price, VATKind: it.VATKind, Goods: it.Stock}
		if c.Lang == app.English {
			l.Text = s.en[it.ID]
		}
		if s.rng.IntN(7) == 0 {
			l.Discount = app.RatePercent(int64(5 * s.between(1, 2)))
		}
		out = append(out, l)
	}
	return out
}

// issue saves the draft and issues it, counting what it posted.
func (s *demoSales) issue(d app.SalesDoc) (app.SalesDoc, error) {
	d, err := s.svc.Sales.SaveDraft(s.ctx, d)
	if err != nil {
		return d, err
	}
	if d, err = s.svc.Sales.Issue(s.ctx, d.ID); err != nil {
		return d, err
	}
	return d, s.counted(d.EntryID)
}

// counted adds a posted entry to the summary.
func (s *demoSales) counted(entryID string) error { return s.b.counted(s.ctx, entryID) }

// quote offers a domestic customer a few items, valid for a month; three in
// four accept and order within two weeks.
func (s *demoSales) quote(d app.Date) error {
	c := s.customer(true)
	q, err := s.issue(app.SalesDoc{Kind: app.KindQuote, CustomerID: c.ID, IssueDate: d, TaxDate: d, ValidUntil: d.AddDays(30),
		Lines: s.lines(c, app.Rate{}, 2, 5, nil), Note: "Nabídka platí 30 dní od vystavení. Ceny jsou uvedeny bez DPH."})
	if err != nil {
		return err
	}
	s.counts.Quotes++
	if s.rng.IntN(4) > 0 {
		s.schedule(d.AddDays(s.between(2, 12)), func(day app.Date) error { return s.order(q, day) })
	}
	return nil
}

// order turns an accepted quote into an order; two in three are delivered and
// invoiced one to two weeks later.
func (s *demoSales) order(q app.SalesDoc, day app.Date) error {
	o, err := s.svc.Sales.Convert(s.ctx, q.ID, app.KindOrder)
	if err != nil {
		return err
	}
	// Convert dates the draft today; the demo's today is day.
	o.IssueDate, o.TaxDate, o.DueDate = day, day, app.Date{}
	o.Note = "Objednávka k nabídce " + q.Number + "."
	if o, err = s.issue(o); err != nil {
		return err
	}
	s.counts.Orders++
	if s.rng.IntN(3) > 0 {
		s.schedule(day.AddDays(s.between(4, 14)), func(day app.Date) error { return s.invoiceOrder(o, day) })
	}
	return nil
}

func (s *demoSales) invoiceOrder(o app.SalesDoc, day app.Date) error {
	inv, err := s.svc.Sales.Convert(s.ctx, o.ID, app.KindInvoice)
	if err != nil {
		return err
	}
	c := s.customerByID(o.CustomerID)
	inv.IssueDate, inv.TaxDate, inv.DueDate = day, day, day.AddDays(c.PaymentDays)
	inv.Note = "Fakturujeme dodávku dle objednávky " + o.Number + "."
	if inv.Lines, err = s.inStock(inv.Lines, day); err != nil {
		return err
	}
	if len(inv.Lines) == 0 {
		return nil // nothing of it in stock: the order waits (the draft is left for the user)
	}
	if inv, err = s.issue(inv); err != nil {
		return err
	}
	return s.invoiced(inv)
}

// invoice bills a customer directly, sometimes in cash. The foreign
// customers are businesses in Slovakia and Austria billed in euros at a
// ČNB-like rate of the day: mostly coffee and accessories by the pallet, an
// intra-Community supply of goods exempt under §64 (with the delivery, part
// of the supply), now and then a service — a barista course, a tasting, a
// machine service — taxed where the customer is (§9(1), the customer
// accounts for the VAT).
func (s *demoSales) invoice(d app.Date) error {
	c := s.customer(false)
	doc := app.SalesDoc{Kind: app.KindInvoice, CustomerID: c.ID, IssueDate: d, TaxDate: d, DueDate: d.AddDays(c.PaymentDays), Currency: c.Currency}
	if s.rng.IntN(4) == 0 {
		// Goods delivered a few days before the invoice: an earlier DUZP
		// in the same month.
		tax := d.AddDays(-s.between(1, 5))
		if tax.MonthOf() == d.MonthOf() && !tax.Before(s.from) {
			doc.TaxDate = tax
		}
	}
	foreign := c.Currency != s.g.c.BaseCurrency
	var pick func(app.Item) bool
	switch {
	case foreign && s.rng.IntN(4) == 0:
		doc.ExchangeRate = app.RateMicro(int64(s.between(24_200, 25_400)) * 1000)
		doc.Regime = app.RegimeEUServices
		pick = func(it app.Item) bool { return !it.Stock && it.Code != "DOPRAVA" }
	case foreign:
		doc.ExchangeRate = app.RateMicro(int64(s.between(24_200, 25_400)) * 1000)
		doc.Regime = app.RegimeEUGoods
		pick = func(it app.Item) bool { return it.Stock || it.Code == "DOPRAVA" }
		doc.Note = "Goods dispatched from the Czech Republic to the customer's premises; the customer's VAT ID is verified in VIES."
	case s.rng.IntN(12) == 0:
		doc.PaymentMethod, doc.CashRounding, doc.DueDate = app.PayCash, true, d
		doc.Note = "Zaplaceno v hotovosti při převzetí."
	}
	doc.Lines = s.lines(c, doc.ExchangeRate, 1, 4, pick)
	var err error
	if doc.Lines, err = s.inStock(doc.Lines, d); err != nil || len(doc.Lines) == 0 {
		return err
	}
	if s.figures.warehouse && doc.TaxDate != d {
		// The warehouse has moved the goods since the earlier day: an
		// invoice that ships stock leaves on its own day.
		for _, l := range doc.Lines {
			if l.Goods {
				doc.TaxDate = d
				break
			}
		}
	}
	inv, err := s.issue(doc)
	if err != nil {
		return err
	}
	return s.invoiced(inv)
}

// finish counts the invoices left open at the end, from the list rows (the
// store's index, not the documents).
func (s *demoSales) finish() error {
	for _, st := range []app.DocStatus{app.StatusIssued, app.StatusPartlyPaid, app.StatusOverdue} {
		_, n, err := s.svc.Sales.DocRows(s.ctx, app.DocFilter{Kind: app.KindInvoice, Status: st}, 0, 1)
		if err != nil {
			return err
		}
		s.counts.Open += n
		if st == app.StatusOverdue {
			s.counts.Overdue = n
		}
	}
	return nil
}

// inStock cuts the lines of stock items down to what the warehouse has on
// d, in whole units, leaving out a line of which nothing is left: the
// demo's invoices never ship more than is on hand.
func (s *demoSales) inStock(lines []app.DocLine, d app.Date) ([]app.DocLine, error) {
	if s.figures.onHand == nil {
		return lines, nil
	}
	out := lines[:0:0]
	for _, l := range lines {
		have, stock, err := s.figures.onHand(l.ItemID, d)
		if err != nil {
			return nil, err
		}
		if stock && l.Quantity > have {
			l.Quantity = have / app.QtyScale * app.QtyScale
		}
		if l.Quantity > 0 {
			out = append(out, l)
		}
	}
	return out, nil
}
