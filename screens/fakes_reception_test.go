package screens

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"kontor/app"
	"kontor/screens/kit"
)

// fakeReception keeps visits, appointments and inquiries in memory with the
// store's rules: a host must be on the staff, check-out only once,
// overlapping appointments of one staff member refused naming the other,
// inquiry statuses only forward.
type fakeReception struct {
	mu        sync.Mutex
	clock     app.Clock
	customers *fakeCustomers
	sales     *fakeSales
	staff     []app.Staff
	visits    []app.Visit
	appts     []app.Appointment
	inquiries []app.Inquiry
	seq       int
}

func (f *fakeReception) nextID(prefix string) string {
	f.seq++
	return fmt.Sprintf("%s%03d", prefix, f.seq)
}

func (f *fakeReception) Staff(ctx context.Context) ([]app.Staff, error) {
	if err := app.Authorize(ctx, app.PermCompanyRead); err != nil {
		return nil, err
	}
	return append([]app.Staff(nil), f.staff...), nil
}

func (f *fakeReception) isStaff(name string) bool {
	for _, s := range f.staff {
		if s.Name == name {
			return true
		}
	}
	return false
}

func (f *fakeReception) CheckIn(ctx context.Context, v app.Visit) (app.Visit, error) {
	if err := app.Authorize(ctx, app.PermReception); err != nil {
		return app.Visit{}, err
	}
	if err := v.Validate(); err != nil {
		return app.Visit{}, err
	}
	if !f.isStaff(v.Host) {
		return app.Visit{}, app.Invalid("visit.host", "err.staff.unknown", "{{.name}} is not a member of staff", map[string]any{"name": v.Host})
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	v.ID = f.nextID("V")
	if v.In.IsZero() {
		v.In = f.clock.Now()
	}
	f.visits = append(f.visits, v)
	return v, nil
}

func (f *fakeReception) CheckOut(ctx context.Context, id string) (app.Visit, error) {
	if err := app.Authorize(ctx, app.PermReception); err != nil {
		return app.Visit{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, v := range f.visits {
		if v.ID == id {
			if !v.Inside() {
				return app.Visit{}, app.Errorf(app.ECONFLICT, "err.visit.already_out", "{{.name}} checked out already at {{.time}}",
					map[string]any{"name": v.Visitor, "time": v.Out.Local().Format("15:04")})
			}
			f.visits[i].Out = f.clock.Now()
			return f.visits[i], nil
		}
	}
	return app.Visit{}, app.Errorf(app.ENOTFOUND, "err.visit.not_checked_in", "this visitor was not checked in", nil)
}

func (f *fakeReception) Visits(ctx context.Context, day app.Date) ([]app.Visit, error) {
	if err := app.Authorize(ctx, app.PermReception); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []app.Visit
	for _, v := range f.visits {
		if app.DateOf(v.In.Local()) == day {
			out = append(out, v)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].In.After(out[j].In) })
	return out, nil
}

func (f *fakeReception) InBuilding(ctx context.Context) ([]app.Visit, error) {
	if err := app.Authorize(ctx, app.PermReception); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []app.Visit
	for _, v := range f.visits {
		if v.Inside() {
			out = append(out, v)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].In.Before(out[j].In) })
	return out, nil
}

func (f *fakeReception) SaveAppointment(ctx context.Context, a app.Appointment) (app.Appointment, error) {
	if err := app.Authorize(ctx, app.PermReception); err != nil {
		return app.Appointment{}, err
	}
	if err := a.Validate(); err != nil {
		return app.Appointment{}, err
	}
	if !f.isStaff(a.Staff) {
		return app.Appointment{}, app.Invalid("appointment.staff", "err.staff.unknown", "{{.name}} is not a member of staff", map[string]any{"name": a.Staff})
	}
	if a.CustomerID != "" {
		c, err := f.customers.get(a.CustomerID)
		if err != nil {
			return app.Appointment{}, app.WithField(err, "appointment.customer")
		}
		a.Customer = c.Name
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, o := range f.appts {
		if o.ID != a.ID && !o.Cancelled && o.Staff == a.Staff && o.Overlaps(a) {
			return app.Appointment{}, app.Invalid("appointment.start", "err.appointment.overlap", "{{.staff}} already has an appointment {{.from}}–{{.to}} with {{.customer}}",
				map[string]any{"staff": o.Staff, "from": o.Start.Local().Format("2. 1. 15:04"), "to": o.End.Local().Format("15:04"), "customer": o.Customer})
		}
	}
	if a.ID == "" {
		a.ID = f.nextID("A")
		f.appts = append(f.appts, a)
		return a, nil
	}
	for i, o := range f.appts {
		if o.ID == a.ID {
			a.Revision = o.Revision + 1
			f.appts[i] = a
			return a, nil
		}
	}
	return app.Appointment{}, app.Errorf(app.ENOTFOUND, "err.appointment.not_found", "the appointment does not exist", nil)
}

func (f *fakeReception) CancelAppointment(ctx context.Context, id string) error {
	if err := app.Authorize(ctx, app.PermReception); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, o := range f.appts {
		if o.ID == id {
			f.appts[i].Cancelled = true
			return nil
		}
	}
	return app.Errorf(app.ENOTFOUND, "err.appointment.not_found", "the appointment does not exist", nil)
}

func (f *fakeReception) Appointments(ctx context.Context, from, to time.Time, staff string) ([]app.Appointment, error) {
	if err := app.Authorize(ctx, app.PermReception); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []app.Appointment
	for _, a := range f.appts {
		if !a.Cancelled && !a.Start.Before(from) && a.Start.Before(to) && (staff == "" || a.Staff == staff) {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out, nil
}

func (f *fakeReception) SaveInquiry(ctx context.Context, q app.Inquiry) (app.Inquiry, error) {
	if err := app.Authorize(ctx, app.PermReception); err != nil {
		return app.Inquiry{}, err
	}
	if err := q.Validate(); err != nil {
		return app.Inquiry{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	q.Updated = f.clock.Now()
	if q.ID == "" {
		q.ID, q.Created, q.Status = f.nextID("Q"), f.clock.Now(), app.InquiryNew
		f.inquiries = append(f.inquiries, q)
		return q, nil
	}
	for i, o := range f.inquiries {
		if o.ID == q.ID {
			q.Status, q.QuoteID, q.Created, q.Revision = o.Status, o.QuoteID, o.Created, o.Revision+1
			f.inquiries[i] = q
			return q, nil
		}
	}
	return app.Inquiry{}, app.Errorf(app.ENOTFOUND, "err.inquiry.not_found", "the inquiry does not exist", nil)
}

func (f *fakeReception) SetInquiryStatus(ctx context.Context, id string, s app.InquiryStatus, quoteID string) (app.Inquiry, error) {
	if err := app.Authorize(ctx, app.PermReception); err != nil {
		return app.Inquiry{}, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for i, q := range f.inquiries {
		if q.ID == id {
			if !q.Status.CanMoveTo(s) {
				return app.Inquiry{}, app.Invalid("inquiry.status", "err.inquiry.move", "an inquiry cannot go from {{.from}} to {{.to}}",
					map[string]any{"from": string(q.Status), "to": string(s)})
			}
			q.Status, q.Updated = s, f.clock.Now()
			if quoteID != "" {
				q.QuoteID = quoteID
			}
			f.inquiries[i] = q
			return q, nil
		}
	}
	return app.Inquiry{}, app.Errorf(app.ENOTFOUND, "err.inquiry.not_found", "the inquiry does not exist", nil)
}

// QuoteInquiry is not faked: the quote flow is tested on the real store
// (TestInquiryBecomesQuoteForReceptionAndSales).
func (f *fakeReception) QuoteInquiry(context.Context, string) (app.Inquiry, app.SalesDoc, error) {
	return app.Inquiry{}, app.SalesDoc{}, app.Errorf(app.EINTERNAL, "err.internal", "not in the fake", nil)
}

func (f *fakeReception) Inquiries(ctx context.Context, openOnly bool) ([]app.Inquiry, error) {
	if err := app.Authorize(ctx, app.PermReception); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []app.Inquiry
	for i := len(f.inquiries) - 1; i >= 0; i-- {
		if q := f.inquiries[i]; !openOnly || q.Status.Open() {
			out = append(out, q)
		}
	}
	return out, nil
}

func (f *fakeReception) CustomerCard(ctx context.Context, id string) (app.CustomerCard, error) {
	if err := app.Authorize(ctx, app.PermReception); err != nil {
		return app.CustomerCard{}, err
	}
	c, err := f.customers.get(id)
	if err != nil {
		return app.CustomerCard{}, err
	}
	card := app.CustomerCard{Customer: c}
	if app.Authorize(ctx, app.PermSalesRead) == nil {
		docs, _, _ := f.sales.Documents(ctx, app.DocFilter{Kind: app.KindInvoice}, 0, 0)
		for _, d := range docs {
			if d.CustomerID == id && d.Status == app.StatusIssued && d.Remaining() > 0 {
				card.OpenInvoices = append(card.OpenInvoices, d)
			}
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, v := range f.visits {
		if v.CustomerID == id {
			card.Visits = append(card.Visits, v)
		}
	}
	for _, a := range f.appts {
		if a.CustomerID == id {
			card.Appointments = append(card.Appointments, a)
		}
	}
	for _, q := range f.inquiries {
		if q.CustomerID == id {
			card.Inquiries = append(card.Inquiries, q)
		}
	}
	return card, nil
}

// fakeImporter imports into fakeCustomers as the store does: each row
// validated, an IČO on file or twice in the file refused with its line, the
// rest written unless a dry run.
type fakeImporter struct {
	customers *fakeCustomers
	runs      []bool // dryRun of each call
}

func (f *fakeImporter) ImportCustomers(ctx context.Context, rows []app.ImportRow, dryRun bool) (app.ImportResult, error) {
	if err := app.Authorize(ctx, app.PermCustomersWrite); err != nil {
		return app.ImportResult{}, err
	}
	f.runs = append(f.runs, dryRun)
	res := app.ImportResult{DryRun: dryRun}
	inFile := map[string]int{}
	var ok []app.Customer
	for _, r := range rows {
		c := r.Customer
		c.Normalize("CZK")
		reject := func(err error) {
			res.Rejected = append(res.Rejected, app.RowError{Line: r.Line, Reason: app.ErrorMessage(err, nil), Err: err})
		}
		if err := c.Validate(); err != nil {
			reject(err)
			continue
		}
		if c.ICO != "" {
			if line, dup := inFile[c.ICO]; dup {
				reject(app.Invalid("customer.ico", "err.import.ico_twice", "IČO {{.ico}} is already on line {{.line}} of the file", map[string]any{"ico": c.ICO, "line": line}))
				continue
			}
			if other, dup := f.customers.byICO(c.ICO); dup {
				reject(app.Invalid("customer.ico", "err.import.ico_on_file", "IČO {{.ico}} belongs to {{.name}}, already on file", map[string]any{"ico": c.ICO, "name": other.Name}))
				continue
			}
			inFile[c.ICO] = r.Line
		}
		ok = append(ok, c)
	}
	res.Accepted = len(ok)
	if !dryRun {
		f.customers.mu.Lock()
		for _, c := range ok {
			c.ID = fmt.Sprintf("C%03d", len(f.customers.list)+1)
			f.customers.list = append(f.customers.list, c)
		}
		f.customers.mu.Unlock()
	}
	return res, nil
}

// receptionFakes returns the reception and importer fakes of testDeps.
func receptionFakes(d kit.Deps) (*fakeReception, *fakeImporter) {
	return d.Services.Reception.(*fakeReception), d.Services.Importer.(*fakeImporter)
}

// withReceptionFakes adds reception and importer fakes to d (after the sales fakes).
func withReceptionFakes(d *kit.Deps, clock app.Clock) {
	cust := d.Services.Customers.(*fakeCustomers)
	d.Services.Reception = &fakeReception{clock: clock, customers: cust, sales: d.Services.Sales.(*fakeSales),
		staff: []app.Staff{{Name: "jana", FullName: "Jana Nováková"}, {Name: "petr", FullName: "Petr Dvořák"}, {Name: "recepce", FullName: "Eva Svobodová"}}}
	d.Services.Importer = &fakeImporter{customers: cust}
}
