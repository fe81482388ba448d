package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"kontor/app"
)

// ReceptionCounts counts what the Reception step made for the front desk.
type ReceptionCounts struct {
	// Customers imported in bulk (besides the sales customers).
	Customers int
	// Visits of the last month, Today of them today, InBuilding of those
	// not checked out.
	Visits, Today, InBuilding int
	// Appointments booked in the weeks around today (Cancelled of them
	// cancelled again), Ahead of them still to come.
	Appointments, Cancelled, Ahead int
	// Inquiries logged, Open of them not won or lost, Quoted of all linked
	// to a quote.
	Inquiries, Open, Quoted int
}

// demoReceptionSeed keeps the front desk's randomness apart from the rest.
const demoReceptionSeed = 0x526563657074

// demoImportBatch is how many customers one ImportCustomers call (one
// transaction) takes.
const demoImportBatch = 5000

// demoAppointmentDays is how far the appointments reach before and after today.
const demoAppointmentDays = 14

// Reception is the demo's front-desk step (see demoReception). It runs after
// the others: its inquiries link the Sales step's quotes, and its customer
// directory leaves out the IČOs already on file.
func Reception() Step { return &receptionStep{} }

type receptionStep struct {
	ctx context.Context
	b   *Book
}

func (s *receptionStep) Name() string { return "reception" }

func (s *receptionStep) Start(ctx context.Context, b *Book) error {
	s.ctx, s.b = ctx, b
	return nil
}

func (s *receptionStep) Day(app.Date) error { return nil }

// Finish fills the front desk and reports.
func (s *receptionStep) Finish(sum *Summary) error {
	b := s.b
	rc, err := demoReception(s.ctx, b.Services, app.Today(b.clock), b.clock.Now(), b.Options.Scale, b.taken)
	sum.Reception = rc
	if err != nil {
		return err
	}
	sum.report("Reception: %d more customers imported, %d visits in the last month (%d today, %d still in the building), %d appointments (%d to come, %d cancelled), %d inquiries (%d open, %d with a quote).",
		rc.Customers, rc.Visits, rc.Today, rc.InBuilding, rc.Appointments, rc.Ahead, rc.Cancelled, rc.Inquiries, rc.Open, rc.Quoted)
	return nil
}

// demoReception fills the front desk as a receptionist finds it in the
// morning: a directory of a few hundred customers (demoDirectorySize)
// imported in bulk through CustomerImporter, a batch at a time; the visitors of the
// last month's working days, recorded with their check-in and check-out
// times (CheckIn takes a visit's In and Out when they are not in the
// future), and today's, some checked out now and some still in the
// building; appointments of the sales, service and admin staff for the two
// weeks before and after today, never overlapping; and inquiries in every
// status, the quoted ones linked to the Sales step's quotes. An inquiry's
// creation takes the store's clock and cannot be back-dated, so every
// inquiry is logged today.
// taken holds the IČOs already on file (the company's, the sales customers').
func demoReception(ctx context.Context, svc app.Services, today app.Date, now time.Time, scale int, taken map[string]bool) (ReceptionCounts, error) {
	var n ReceptionCounts
	rng := rand.New(rand.NewPCG(demoReceptionSeed, demoSeed2))
	// The directory is made and imported a batch at a time.
	for start, all := 0, demoDirectorySize(scale); start < all; start += demoImportBatch {
		accepted, err := demoImportCustomers(ctx, svc, demoDirectory(rng, start, min(start+demoImportBatch, all), taken))
		if err != nil {
			return n, err
		}
		n.Customers += accepted
	}
	pool, err := svc.Customers.Customers(ctx, "", 0)
	if err != nil {
		return n, err
	}
	if len(pool) == 0 {
		return n, nil
	}
	sort.SliceStable(pool, func(i, j int) bool { // see sortNewestFirst
		a, b := pool[i], pool[j]
		return a.Name+"\x00"+a.ICO+"\x00"+a.Street+"\x00"+a.Email < b.Name+"\x00"+b.ICO+"\x00"+b.Street+"\x00"+b.Email
	})
	d := demoDesk{ctx: ctx, svc: svc, rng: rng, pool: pool, n: &n}
	if err := d.visits(today, now); err != nil {
		return n, err
	}
	if err := d.appointments(today, now); err != nil {
		return n, err
	}
	return n, d.inquiries()
}

// demoDirectorySize is how many customers the front desk's directory has:
// 300 a unit of scale up to 10, then 10 more a unit (3,600 at scale 70).
func demoDirectorySize(scale int) int { return 300*min(scale, 10) + 10*max(scale-10, 0) }

// demoImportCustomers imports rows in one transaction; a refused row is an error.
func demoImportCustomers(ctx context.Context, svc app.Services, rows []app.ImportRow) (int, error) {
	res, err := svc.Importer.ImportCustomers(ctx, rows, false)
	if err != nil {
		return 0, err
	}
	if len(res.Rejected) > 0 {
		r := res.Rejected[0]
		return 0, app.Errorf(app.EINTERNAL, "err.demo.import", "the demo's customer {{.line}} was refused: {{.reason}}", map[string]any{"line": r.Line, "reason": r.Reason})
	}
	return res.Accepted, nil
}

// demoICO is the i-th IČO of the demo's customers: a prime step through
// the seven-digit numbers gives distinct IČOs for i below 9,000,000.
func demoICO(i int) string {
	first7 := fmt.Sprintf("%07d", 1_000_000+(i*7_919+123_457)%9_000_000)
	return first7 + fmt.Sprint(icoCheckDigit(first7))
}

// demoDirectory makes customers number from to to-1: sole traders
// ("Truhlářství Petr Novák"), limited companies, most with a valid IČO
// none of taken has, the companies mostly VAT payers, many with an e-mail
// and a phone.
func demoDirectory(rng *rand.Rand, from, to int, taken map[string]bool) []app.ImportRow {
	rows := make([]app.ImportRow, 0, max(to-from, 0))
	for i := from; i < to; i++ {
		surname := demoSurnames[rng.IntN(len(demoSurnames))]
		first, last := demoFirstNamesM[rng.IntN(len(demoFirstNamesM))], surname[0]
		if rng.IntN(2) == 0 {
			first, last = demoFirstNamesF[rng.IntN(len(demoFirstNamesF))], surname[1]
		}
		town := demoTowns[rng.IntN(len(demoTowns))]
		var c app.Customer
		company := false
		switch k := rng.IntN(10); {
		case k < 5:
			c.Name = demoTrades[rng.IntN(len(demoTrades))] + " " + first + " " + last
		case k < 8:
			c.Name = demoTrades[rng.IntN(len(demoTrades))] + " " + surname[0] + " " + demoForms[rng.IntN(len(demoForms))]
			company = true
		default:
			w := demoFirmWords[rng.IntN(len(demoFirmWords))]
			c.Name = w[0] + " " + w[1] + " " + demoForms[rng.IntN(len(demoForms))]
			company = true
		}
		c.Street = fmt.Sprintf("%s %d/%d", demoStreets[rng.IntN(len(demoStreets))], 100+rng.IntN(2900), 1+rng.IntN(40))
		c.City, c.Postcode = town.city, town.postcode
		if ico := demoICO(i); rng.IntN(10) > 0 && !taken[ico] {
			c.ICO = ico
			if company && rng.IntN(10) < 7 {
				c.DIC = "CZ" + ico
			}
		}
		slug := demoSlug(c.Name)
		if rng.IntN(10) < 6 {
			c.Email = []string{"info", "objednavky", "kancelar", "fakturace"}[rng.IntN(4)] + "@" + slug + ".cz"
		}
		if rng.IntN(10) < 7 {
			c.Phone = fmt.Sprintf("+420 %d%02d %03d %03d", []int{2, 3, 4, 5, 6, 7}[rng.IntN(6)], rng.IntN(100), rng.IntN(1000), rng.IntN(1000))
		}
		c.PaymentDays = []int{14, 14, 14, 7, 30, 30, 21}[rng.IntN(7)]
		if rng.IntN(8) == 0 {
			c.Note = demoCustomerNotes[rng.IntN(len(demoCustomerNotes))]
		}
		rows = append(rows, app.ImportRow{Line: i + 2, Customer: c})
	}
	return rows
}

// demoSlug makes a domain name of a firm's name: "truhlarstvi-novak".
func demoSlug(name string) string {
	var words []string
	for _, w := range strings.Fields(app.FoldText(name)) {
		w = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, w)
		switch w {
		case "", "sro", "as", "spol", "s", "ro", "vos":
			continue
		}
		words = append(words, w)
	}
	if len(words) > 3 {
		words = words[:3]
	}
	return strings.Join(words, "-")
}

// demoDesk makes the visits, appointments and inquiries.
type demoDesk struct {
	ctx  context.Context
	svc  app.Services
	rng  *rand.Rand
	pool []app.Customer
	n    *ReceptionCounts
}

func (d *demoDesk) customer() app.Customer { return d.pool[d.rng.IntN(len(d.pool))] }

// visits records the visitors of the last 30 days' working days, each with
// the time they came and left, then checks in today's: those who came
// early have left again, some leave now, the rest are still in.
func (d *demoDesk) visits(today app.Date, now time.Time) error {
	for day := today.AddDays(-30); day.Before(today); day = day.AddDays(1) {
		if !isWorkday(day) {
			continue
		}
		for i := 0; i < 3+d.rng.IntN(6); i++ {
			in := time.Date(day.Year(), day.Month(), day.Day(), 8, 5*d.rng.IntN(96), 0, 0, time.Local)
			v := d.visit(i)
			v.In, v.Out = in, in.Add(time.Duration(15+5*d.rng.IntN(34))*time.Minute)
			if _, err := d.svc.Reception.CheckIn(d.ctx, v); err != nil {
				return err
			}
			d.n.Visits++
		}
	}
	midnight := today.Time(time.Local)
	var inside []string
	for i := 0; i < 6+d.rng.IntN(5); i++ {
		v := d.visit(i)
		v.In = now.Add(-time.Duration(5+5*d.rng.IntN(48)) * time.Minute)
		if v.In.Before(midnight) {
			v.In = midnight
		}
		if out := v.In.Add(time.Duration(15+5*d.rng.IntN(12)) * time.Minute); out.Before(now) && d.rng.IntN(3) > 0 {
			v.Out = out
		}
		v, err := d.svc.Reception.CheckIn(d.ctx, v)
		if err != nil {
			return err
		}
		d.n.Visits++
		d.n.Today++
		if v.Inside() {
			inside = append(inside, v.ID)
		}
	}
	d.n.InBuilding = len(inside)
	// The first to have come in is leaving now.
	if len(inside) > 1 {
		if _, err := d.svc.Reception.CheckOut(d.ctx, inside[0]); err != nil {
			return err
		}
		d.n.InBuilding--
	}
	return nil
}

// visit makes the i-th visitor of a day: a person, mostly from a customer,
// whom they see and why, and a badge.
func (d *demoDesk) visit(i int) app.Visit {
	hosts := []string{"prodej", "prodej", "servis", "ucetni", Admin, "sklad"}
	surname := demoSurnames[d.rng.IntN(len(demoSurnames))]
	name := demoFirstNamesM[d.rng.IntN(len(demoFirstNamesM))] + " " + surname[0]
	if d.rng.IntN(2) == 0 {
		name = demoFirstNamesF[d.rng.IntN(len(demoFirstNamesF))] + " " + surname[1]
	}
	v := app.Visit{Visitor: name, Host: hosts[d.rng.IntN(len(hosts))], Purpose: demoPurposes[d.rng.IntN(len(demoPurposes))],
		Badge: fmt.Sprintf("V-%02d", i+1)}
	if d.rng.IntN(4) > 0 {
		c := d.customer()
		v.CustomerID, v.Company = c.ID, c.Name
	}
	return v
}

// appointments books each staff member's working days around today: up to
// three meetings a day between 8:30 and 17:00, one after another, so none
// overlaps; a few are cancelled again.
func (d *demoDesk) appointments(today app.Date, now time.Time) error {
	for _, staff := range []string{"prodej", "servis", Admin} {
		for day := today.AddDays(-demoAppointmentDays); !day.After(today.AddDays(demoAppointmentDays)); day = day.AddDays(1) {
			if !isWorkday(day) {
				continue
			}
			at := time.Date(day.Year(), day.Month(), day.Day(), 8, 30, 0, 0, time.Local)
			closing := time.Date(day.Year(), day.Month(), day.Day(), 17, 0, 0, 0, time.Local)
			for k := d.rng.IntN(4); k > 0; k-- {
				start := at.Add(time.Duration(d.rng.IntN(4)*30) * time.Minute)
				end := start.Add(time.Duration(1+d.rng.IntN(3)) * 30 * time.Minute)
				if end.After(closing) {
					break
				}
				c := d.customer()
				a, err := d.svc.Reception.SaveAppointment(d.ctx, app.Appointment{CustomerID: c.ID, Customer: c.Name, Staff: staff,
					Start: start, End: end, Place: demoPlaces[d.rng.IntN(len(demoPlaces))], Note: demoAppointmentNotes[d.rng.IntN(len(demoAppointmentNotes))]})
				if err != nil {
					return err
				}
				at = end
				d.n.Appointments++
				if d.rng.IntN(15) == 0 {
					if err := d.svc.Reception.CancelAppointment(d.ctx, a.ID); err != nil {
						return err
					}
					d.n.Cancelled++
				} else if start.After(now) {
					d.n.Ahead++
				}
			}
		}
	}
	return nil
}

// inquiries logs inquiries in every status: new, in progress, quoted (each
// with one of the Sales step's quotes, and its customer), won and lost.
func (d *demoDesk) inquiries() error {
	var quotes []app.SalesDoc
	for {
		page, total, err := d.svc.Sales.Documents(d.ctx, app.DocFilter{Kind: app.KindQuote}, len(quotes), 500)
		if err != nil {
			return err
		}
		quotes = append(quotes, page...)
		if len(page) == 0 || len(quotes) >= total {
			break
		}
	}
	sortNewestFirst(quotes, func(q app.SalesDoc) (app.Date, string) { return q.IssueDate, q.Number })
	quotes = quotes[:min(len(quotes), 12)]
	staff := []string{"prodej", "prodej", "servis", Admin}
	channels := []string{app.ChannelWalkIn, app.ChannelPhone, app.ChannelEmail}
	statuses := []app.InquiryStatus{app.InquiryNew, app.InquiryNew, app.InquiryInProgress, app.InquiryInProgress, app.InquiryQuoted, app.InquiryWon, app.InquiryLost}
	for i := 0; i < 21; i++ {
		topic := demoTopics[d.rng.IntN(len(demoTopics))]
		status := statuses[i%len(statuses)]
		q := app.Inquiry{Channel: channels[d.rng.IntN(len(channels))], Topic: topic[0], Text: topic[1], Assigned: staff[d.rng.IntN(len(staff))]}
		var quote *app.SalesDoc
		if (status == app.InquiryQuoted || status == app.InquiryWon) && len(quotes) > 0 {
			quote, quotes = &quotes[0], quotes[1:]
			q.CustomerID, q.Contact = quote.CustomerID, quote.Customer.Name
		} else if status == app.InquiryQuoted || status == app.InquiryWon {
			status = app.InquiryInProgress
		}
		if q.CustomerID == "" {
			if d.rng.IntN(3) > 0 {
				c := d.customer()
				q.CustomerID, q.Contact = c.ID, c.Name
			} else {
				surname := demoSurnames[d.rng.IntN(len(demoSurnames))]
				q.Contact = demoFirstNamesF[d.rng.IntN(len(demoFirstNamesF))] + " " + surname[1] + ", nový kontakt"
			}
		}
		saved, err := d.svc.Reception.SaveInquiry(d.ctx, q)
		if err != nil {
			return err
		}
		d.n.Inquiries++
		if status != app.InquiryNew {
			// Forward one step at a time, as the desk moves it.
			for _, s := range []app.InquiryStatus{app.InquiryInProgress, app.InquiryQuoted, status} {
				if !saved.Status.CanMoveTo(s) || (s == app.InquiryQuoted && quote == nil) || (s == app.InquiryQuoted && status == app.InquiryLost) {
					continue
				}
				quoteID := ""
				if s == app.InquiryQuoted {
					quoteID = quote.ID
				}
				if saved, err = d.svc.Reception.SetInquiryStatus(d.ctx, saved.ID, s, quoteID); err != nil {
					return err
				}
			}
		}
		if saved.Status.Open() {
			d.n.Open++
		}
		if saved.QuoteID != "" {
			d.n.Quoted++
		}
	}
	return nil
}
