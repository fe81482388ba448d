package cli

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

func TestDemoReception(t *testing.T) {
	now := time.Date(2026, time.November, 18, 10, 0, 0, 0, time.Local)
	st, sum := runDemo(t, now, DemoOptions{})
	n := sum.Reception
	t.Logf("reception: %+v", n)
	if n.Skipped || n.Customers != 300 || st.reception.importCalls != 1 {
		t.Fatalf("%+v in %d import calls", n, st.reception.importCalls)
	}

	// The directory: valid, unique IČOs for most, Czech names, contacts.
	icos, withICO, withMail, withPhone, accented := map[string]string{}, 0, 0, 0, 0
	for _, c := range st.sales.customers {
		if err := c.Validate(); err != nil || !c.HasAddress() {
			t.Errorf("customer %+v: %v", c, err)
		}
		if c.ICO != "" {
			if other, ok := icos[c.ICO]; ok {
				t.Errorf("IČO %s twice: %q and %q", c.ICO, other, c.Name)
			}
			icos[c.ICO] = c.Name
			withICO++
		}
		if c.Email != "" {
			withMail++
		}
		if c.Phone != "" {
			withPhone++
		}
		if app.FoldText(c.Name) != strings.ToLower(c.Name) {
			accented++
		}
	}
	total := len(st.sales.customers)
	if withICO*10 < total*8 || withMail*10 < total*4 || withPhone*10 < total*5 || accented*2 < total {
		t.Errorf("of %d customers: %d with IČO, %d e-mail, %d phone, %d with diacritics", total, withICO, withMail, withPhone, accented)
	}

	// A month of visits on working days, today's with some still in.
	ctx := adminCtx(st)
	today := app.DateOf(now)
	visits, _ := st.Visits(ctx, today)
	inside, _ := st.InBuilding(ctx)
	if len(visits) != n.Today || len(inside) != n.InBuilding || n.InBuilding == 0 || n.InBuilding == n.Today || n.Today < 6 {
		t.Errorf("%d visits today (%d), %d inside (%d)", len(visits), n.Today, len(inside), n.InBuilding)
	}
	days := map[app.Date]int{}
	for _, v := range st.reception.visits {
		day := app.DateOf(v.In.Local())
		days[day]++
		if v.In.After(now) || (!v.Inside() && (!v.Out.After(v.In) || v.Out.After(now))) || (v.Inside() && day != today) {
			t.Errorf("visit %s: %v – %v", v.Visitor, v.In, v.Out)
		}
		if day != today && (!isWorkday(day) || day.Before(today.AddDays(-30))) {
			t.Errorf("visit on %v", day)
		}
	}
	if len(st.reception.visits) != n.Visits || len(days) < 18 || n.Visits < 80 {
		t.Errorf("%d visits (%d) on %d days", len(st.reception.visits), n.Visits, len(days))
	}

	// Appointments: workdays around today, office hours, never overlapping.
	from, to := today.AddDays(-demoAppointmentDays).Time(time.Local), today.AddDays(demoAppointmentDays+1).Time(time.Local)
	appts, _ := st.Appointments(ctx, from, to, "")
	if len(appts) != n.Appointments-n.Cancelled || n.Ahead == 0 || n.Appointments-n.Cancelled-n.Ahead == 0 {
		t.Errorf("%d appointments listed, counts %+v", len(appts), n)
	}
	byStaff := map[string][]app.Appointment{}
	for _, a := range st.reception.appointments {
		day := app.DateOf(a.Start.Local())
		if !isWorkday(day) || a.Start.Local().Hour() < 8 || a.End.Local().After(time.Date(day.Year(), day.Month(), day.Day(), 17, 0, 0, 0, time.Local)) || a.Customer == "" {
			t.Errorf("appointment %+v", a)
		}
		if !a.Cancelled {
			byStaff[a.Staff] = append(byStaff[a.Staff], a)
		}
	}
	for staff, as := range byStaff {
		sort.Slice(as, func(i, j int) bool { return as[i].Start.Before(as[j].Start) })
		for i := 1; i < len(as); i++ {
			if as[i].Overlaps(as[i-1]) {
				t.Errorf("%s: %v overlaps %v", staff, as[i].Start, as[i-1].Start)
			}
		}
	}
	if len(byStaff) != 3 {
		t.Errorf("appointments for %d staff", len(byStaff))
	}

	// Inquiries in every status; quoted ones name a quote of their customer.
	statuses := map[app.InquiryStatus]int{}
	for _, q := range st.reception.inquiries {
		statuses[q.Status]++
		if q.QuoteID != "" {
			d, err := st.Document(ctx, q.QuoteID)
			if err != nil || d.Kind != app.KindQuote || d.CustomerID != q.CustomerID {
				t.Errorf("inquiry %q links %+v (%v)", q.Topic, d.Number, err)
			}
		} else if q.Status == app.InquiryQuoted || q.Status == app.InquiryWon {
			t.Errorf("inquiry %q %s without a quote", q.Topic, q.Status)
		}
	}
	for _, s := range []app.InquiryStatus{app.InquiryNew, app.InquiryInProgress, app.InquiryQuoted, app.InquiryWon, app.InquiryLost} {
		if statuses[s] == 0 {
			t.Errorf("no inquiry %s: %v", s, statuses)
		}
	}
	open, _ := st.Inquiries(ctx, true)
	if len(open) != n.Open || n.Quoted != statuses[app.InquiryQuoted]+statuses[app.InquiryWon] {
		t.Errorf("%d open (%d), %d quoted; %v", len(open), n.Open, n.Quoted, statuses)
	}
}

func TestDemoReceptionDeterministicAndScaled(t *testing.T) {
	now := time.Date(2026, time.March, 3, 9, 0, 0, 0, time.Local)
	a, sa := runDemo(t, now, DemoOptions{Scale: 2})
	b, sb := runDemo(t, now, DemoOptions{Scale: 2})
	if sa.Reception != sb.Reception || sa.Reception.Customers != 600 {
		t.Fatalf("%+v vs %+v", sa.Reception, sb.Reception)
	}
	fingerprint := func(st *fakeStore) string {
		var lines []string
		for _, c := range st.sales.customers {
			lines = append(lines, c.Name+c.ICO+c.Email)
		}
		for _, x := range st.reception.appointments {
			lines = append(lines, fmt.Sprint(x.Staff, x.Start, x.End, x.Customer, x.Cancelled))
		}
		for _, v := range st.reception.visits {
			lines = append(lines, fmt.Sprint(v.Visitor, v.Company, v.Host, v.Badge, v.Inside()))
		}
		sort.Strings(lines)
		return strings.Join(lines, "\n")
	}
	if fingerprint(a) != fingerprint(b) {
		t.Error("two demos differ at the front desk")
	}
}

func TestDemoReceptionSkippedWithoutServices(t *testing.T) {
	st := newFakeStore("/d.db", app.NewFixedClock(time.Date(2026, 11, 18, 10, 0, 0, 0, time.Local)))
	svc := st.Services()
	svc.Importer, svc.Reception = nil, nil
	sum, err := Demo(context.Background(), svc, DemoOptions{})
	if err != nil || !sum.Reception.Skipped || len(st.sales.customers) != 12+len(demoSuppliers) {
		t.Errorf("%v %+v", err, sum.Reception)
	}
}

func TestDemoCommandReception(t *testing.T) {
	te := newTestEnv()
	if code := te.run("demo", "--db", "/d.db"); code != ExitOK {
		t.Fatalf("demo: exit %d: %s", code, te.err.String())
	}
	if out := te.out.String(); !strings.Contains(out, "Reception: 300 more customers imported") || !strings.Contains(out, "still in the building") {
		t.Errorf("stdout:\n%s", out)
	}
}

func TestDemoSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Truhlářství Petr Novák":              "truhlarstvi-petr-novak",
		"Moravské strojírny a.s.":             "moravske-strojirny",
		"Účetní kancelář Dvořák spol. s r.o.": "ucetni-kancelar-dvorak",
	} {
		if got := demoSlug(in); got != want {
			t.Errorf("demoSlug(%q) = %q, want %q", in, got, want)
		}
	}
}
