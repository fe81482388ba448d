package cli

import (
	"context"
	"sort"
	"time"

	"kontor/app"
)

// The fake store's customer import and front desk, with data/'s rules as the
// contract states them: an import rejects invalid rows and IČOs on file or
// twice in the file, with their line, and writes the rest at once; check-in
// takes a given time up to now (else now) and a visit may be recorded with
// its check-out, check-out stamps now; appointments of one staff member
// never overlap; inquiries only move forward.

type fakeReception struct {
	visits       map[string]app.Visit
	appointments map[string]app.Appointment
	inquiries    map[string]app.Inquiry
	importCalls  int
}

func newFakeReception() fakeReception {
	return fakeReception{visits: map[string]app.Visit{}, appointments: map[string]app.Appointment{}, inquiries: map[string]app.Inquiry{}}
}

func (f *fakeStore) ImportCustomers(ctx context.Context, rows []app.ImportRow, dryRun bool) (app.ImportResult, error) {
	res := app.ImportResult{DryRun: dryRun}
	err := f.inLock(ctx, app.PermCustomersWrite, func(company app.Company) error {
		f.reception.importCalls++
		onFile := map[string]string{}
		for _, c := range f.sales.customers {
			if c.ICO != "" {
				onFile[c.ICO] = c.Name
			}
		}
		inFile := map[string]int{}
		var accepted []app.Customer
		for _, row := range rows {
			c := row.Customer
			c.ID, c.Revision = "", 0
			c.Normalize(company.BaseCurrency)
			err := c.Validate()
			if err == nil && c.ICO != "" {
				if line, ok := inFile[c.ICO]; ok {
					err = app.Invalid("customer.ico", "err.import.ico_twice", "IČO {{.ico}} is already on line {{.line}} of the file", map[string]any{"ico": c.ICO, "line": line})
				} else if name, ok := onFile[c.ICO]; ok {
					err = app.Invalid("customer.ico", "err.import.ico_on_file", "IČO {{.ico}} belongs to {{.name}}, already on file", map[string]any{"ico": c.ICO, "name": name})
				}
			}
			if err != nil {
				res.Rejected = append(res.Rejected, app.RowError{Line: row.Line, Reason: app.ErrorMessage(err, nil), Err: err})
				continue
			}
			if c.ICO != "" {
				inFile[c.ICO] = row.Line
			}
			accepted = append(accepted, c)
		}
		res.Accepted = len(accepted)
		if dryRun {
			return nil
		}
		now := f.clock.Now().UTC()
		for _, c := range accepted {
			c.ID, c.Branch, c.Created, c.Updated = app.NewID(now), company.Branch, now, now
			f.sales.customers[c.ID] = c
		}
		return nil
	})
	return res, err
}

func (f *fakeStore) Staff(ctx context.Context) ([]app.Staff, error) {
	var out []app.Staff
	err := f.inLock(ctx, app.PermReception, func(app.Company) error {
		for _, u := range f.users {
			if !u.Disabled {
				out = append(out, app.Staff{Name: u.Name, FullName: u.FullName})
			}
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

// staffMember refuses a name that is not an enabled user.
func (f *fakeStore) staffMember(field, name string) error {
	u, ok := f.users[app.NormalizeUserName(name)]
	if !ok || u.Disabled {
		return app.Invalid(field, "err.staff.unknown", "{{.name}} is not a member of staff", map[string]any{"name": name})
	}
	return nil
}

func (f *fakeStore) CheckIn(ctx context.Context, v app.Visit) (app.Visit, error) {
	err := f.inLock(ctx, app.PermReception, func(company app.Company) error {
		if err := v.Validate(); err != nil {
			return err
		}
		if err := f.staffMember("visit.host", v.Host); err != nil {
			return err
		}
		// As data/ does: a check-in at a given time (not in the future), and
		// a visit recorded afterwards with its check-out too.
		now := f.clock.Now().UTC()
		if v.In.IsZero() {
			v.In = now
		}
		if v.In.After(now.Add(time.Minute)) {
			return app.Invalid("visit.in", "err.visit.future", "a check-in cannot be in the future", nil)
		}
		if !v.Out.IsZero() && (!v.Out.After(v.In) || v.Out.After(now.Add(time.Minute))) {
			return app.Invalid("visit.out", "err.visit.out", "the check-out must be after the check-in and not in the future", nil)
		}
		v.ID, v.Branch = app.NewID(now), company.Branch
		f.reception.visits[v.ID] = v
		return nil
	})
	return v, err
}

func (f *fakeStore) CheckOut(ctx context.Context, id string) (v app.Visit, err error) {
	err = f.inLock(ctx, app.PermReception, func(app.Company) error {
		var ok bool
		if v, ok = f.reception.visits[id]; !ok {
			return app.Errorf(app.ENOTFOUND, "err.visit.not_found", "the visitor was not checked in", nil)
		}
		if !v.Inside() {
			return app.Errorf(app.ECONFLICT, "err.visit.out", "{{.name}} has checked out already", map[string]any{"name": v.Visitor})
		}
		v.Out = f.clock.Now().UTC()
		f.reception.visits[id] = v
		return nil
	})
	return v, err
}

func (f *fakeStore) Visits(ctx context.Context, day app.Date) ([]app.Visit, error) {
	return f.visitList(ctx, func(v app.Visit) bool { return app.DateOf(v.In.Local()) == day }, true)
}

func (f *fakeStore) InBuilding(ctx context.Context) ([]app.Visit, error) {
	return f.visitList(ctx, app.Visit.Inside, false)
}

func (f *fakeStore) visitList(ctx context.Context, keep func(app.Visit) bool, latestFirst bool) ([]app.Visit, error) {
	var out []app.Visit
	err := f.inLock(ctx, app.PermReception, func(app.Company) error {
		for _, v := range f.reception.visits {
			if keep(v) {
				out = append(out, v)
			}
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		if !out[i].In.Equal(out[j].In) {
			return out[i].In.Before(out[j].In) != latestFirst
		}
		return out[i].ID < out[j].ID
	})
	return out, err
}

func (f *fakeStore) SaveAppointment(ctx context.Context, a app.Appointment) (app.Appointment, error) {
	err := f.inLock(ctx, app.PermReception, func(company app.Company) error {
		if err := a.Validate(); err != nil {
			return err
		}
		if err := f.staffMember("appointment.staff", a.Staff); err != nil {
			return err
		}
		if a.CustomerID != "" {
			c, err := f.customer(a.CustomerID)
			if err != nil {
				return err
			}
			a.Customer = c.Name
		}
		for _, o := range f.reception.appointments {
			if o.ID != a.ID && !o.Cancelled && o.Staff == a.Staff && o.Overlaps(a) {
				return app.Errorf(app.ECONFLICT, "err.appointment.overlap", "{{.staff}} has another appointment then ({{.customer}})", map[string]any{"staff": a.Staff, "customer": o.Customer})
			}
		}
		if a.ID == "" {
			a.ID, a.Branch, a.Revision = app.NewID(f.clock.Now()), company.Branch, 0
		} else {
			old, ok := f.reception.appointments[a.ID]
			if !ok {
				return app.Errorf(app.ENOTFOUND, "err.appointment.not_found", "the appointment does not exist", nil)
			}
			if old.Revision != a.Revision {
				return app.Errorf(app.ECONFLICT, "err.appointment.stale", "the appointment was changed meanwhile", nil)
			}
			a.Branch, a.Revision = old.Branch, old.Revision+1
		}
		f.reception.appointments[a.ID] = a
		return nil
	})
	return a, err
}

func (f *fakeStore) CancelAppointment(ctx context.Context, id string) error {
	return f.inLock(ctx, app.PermReception, func(app.Company) error {
		a, ok := f.reception.appointments[id]
		if !ok {
			return app.Errorf(app.ENOTFOUND, "err.appointment.not_found", "the appointment does not exist", nil)
		}
		a.Cancelled = true
		a.Revision++
		f.reception.appointments[id] = a
		return nil
	})
}

func (f *fakeStore) Appointments(ctx context.Context, from, to time.Time, staff string) ([]app.Appointment, error) {
	var out []app.Appointment
	err := f.inLock(ctx, app.PermReception, func(app.Company) error {
		for _, a := range f.reception.appointments {
			if !a.Cancelled && !a.Start.Before(from) && a.Start.Before(to) && (staff == "" || a.Staff == staff) {
				out = append(out, a)
			}
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Start.Equal(out[j].Start) {
			return out[i].Start.Before(out[j].Start)
		}
		return out[i].Staff < out[j].Staff
	})
	return out, err
}

func (f *fakeStore) SaveInquiry(ctx context.Context, q app.Inquiry) (app.Inquiry, error) {
	err := f.inLock(ctx, app.PermReception, func(company app.Company) error {
		if q.Status == "" {
			q.Status = app.InquiryNew
		}
		if err := q.Validate(); err != nil {
			return err
		}
		if q.Assigned != "" {
			if err := f.staffMember("inquiry.assigned", q.Assigned); err != nil {
				return err
			}
		}
		if q.CustomerID != "" {
			c, err := f.customer(q.CustomerID)
			if err != nil {
				return err
			}
			if q.Contact == "" {
				q.Contact = c.Name
			}
		}
		now := f.clock.Now().UTC()
		if q.ID == "" {
			q.ID, q.Branch, q.Created, q.Status = app.NewID(now), company.Branch, now, app.InquiryNew
		} else {
			old, ok := f.reception.inquiries[q.ID]
			if !ok {
				return app.Errorf(app.ENOTFOUND, "err.inquiry.not_found", "the inquiry does not exist", nil)
			}
			if old.Revision != q.Revision {
				return app.Errorf(app.ECONFLICT, "err.inquiry.stale", "the inquiry was changed meanwhile", nil)
			}
			q.Branch, q.Created, q.Status, q.QuoteID, q.Revision = old.Branch, old.Created, old.Status, old.QuoteID, old.Revision+1
		}
		q.Updated = now
		f.reception.inquiries[q.ID] = q
		return nil
	})
	return q, err
}

// QuoteInquiry is not faked (the CLI does not quote inquiries).
func (f *fakeStore) QuoteInquiry(context.Context, string) (app.Inquiry, app.SalesDoc, error) {
	return app.Inquiry{}, app.SalesDoc{}, app.Errorf(app.EINTERNAL, "err.internal", "not in the fake", nil)
}

func (f *fakeStore) SetInquiryStatus(ctx context.Context, id string, s app.InquiryStatus, quoteID string) (q app.Inquiry, err error) {
	err = f.inLock(ctx, app.PermReception, func(app.Company) error {
		var ok bool
		if q, ok = f.reception.inquiries[id]; !ok {
			return app.Errorf(app.ENOTFOUND, "err.inquiry.not_found", "the inquiry does not exist", nil)
		}
		if !q.Status.CanMoveTo(s) {
			return app.Invalid("inquiry.status", "err.inquiry.backwards", "an inquiry cannot go from {{.from}} to {{.to}}", map[string]any{"from": string(q.Status), "to": string(s)})
		}
		if quoteID != "" {
			d, err := f.doc(quoteID)
			if err != nil {
				return err
			}
			if d.Kind != app.KindQuote {
				return app.Invalid("inquiry.quote", "err.inquiry.not_quote", "{{.number}} is not a quote", map[string]any{"number": d.Number})
			}
			q.QuoteID = quoteID
		}
		q.Status, q.Updated, q.Revision = s, f.clock.Now().UTC(), q.Revision+1
		f.reception.inquiries[id] = q
		return nil
	})
	return q, err
}

func (f *fakeStore) Inquiries(ctx context.Context, openOnly bool) ([]app.Inquiry, error) {
	var out []app.Inquiry
	err := f.inLock(ctx, app.PermReception, func(app.Company) error {
		for _, q := range f.reception.inquiries {
			if !openOnly || q.Status.Open() {
				out = append(out, q)
			}
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Created.Equal(out[j].Created) {
			return out[i].Created.After(out[j].Created)
		}
		return out[i].ID > out[j].ID
	})
	return out, err
}

func (f *fakeStore) CustomerCard(ctx context.Context, customerID string) (card app.CustomerCard, err error) {
	err = f.inLock(ctx, app.PermReception, func(app.Company) error {
		c, err := f.customer(customerID)
		if err != nil {
			return err
		}
		card.Customer = c
		for _, v := range f.reception.visits {
			if v.CustomerID == customerID {
				card.Visits = append(card.Visits, v)
			}
		}
		for _, a := range f.reception.appointments {
			if a.CustomerID == customerID && !a.Cancelled {
				card.Appointments = append(card.Appointments, a)
			}
		}
		for _, q := range f.reception.inquiries {
			if q.CustomerID == customerID {
				card.Inquiries = append(card.Inquiries, q)
			}
		}
		return nil
	})
	return card, err
}
