package data

import (
	"context"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

func TestCustomerSearchIndex(t *testing.T) {
	s, _ := MustCompany(t)
	for _, c := range []app.Customer{
		{Name: "Žluťoučký kůň s.r.o.", City: "Příbram", ICO: "27082440", DIC: "CZ27082440", Email: "info@kun.cz", Phone: "+420 777 123 456"},
		{Name: "Zlatá rybka a.s.", City: "Brno", ICO: "45274649"},
		{Name: "Kůň a vůz v.o.s.", City: "Ústí nad Labem"},
	} {
		if _, err := s.SaveCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	cases := map[string][]string{
		"zlutou kun": {"Žluťoučký kůň s.r.o."},
		"ZLUŤ":       {"Žluťoučký kůň s.r.o."},
		"kun":        {"Kůň a vůz v.o.s.", "Žluťoučký kůň s.r.o."},
		"pribram":    {"Žluťoučký kůň s.r.o."},
		"4527":       {"Zlatá rybka a.s."},
		"cz27082440": {"Žluťoučký kůň s.r.o."},
		"777123":     {"Žluťoučký kůň s.r.o."},
		// A phone as people write it, with or without the country code.
		"+420 777 123 456": {"Žluťoučký kůň s.r.o."},
		"777 123 456":      {"Žluťoučký kůň s.r.o."},
		"777 123":          {"Žluťoučký kůň s.r.o."},
		"4527 4649":        {"Zlatá rybka a.s."},
		"777 999":          nil,
		"info@kun":         {"Žluťoučký kůň s.r.o."},
		"usti":             {"Kůň a vůz v.o.s."},
		"zlata kun":        nil,
		"":                 {"Kůň a vůz v.o.s.", "Zlatá rybka a.s.", "Žluťoučký kůň s.r.o."},
		"  z  ":            {"Zlatá rybka a.s.", "Žluťoučký kůň s.r.o."},
		"nonexistentx":     nil,
	}
	for q, want := range cases {
		got, err := s.Customers(ctx, q, 0)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range got {
			names = append(names, c.Name)
		}
		if strings.Join(names, "|") != strings.Join(want, "|") {
			t.Errorf("search %q = %q, want %q", q, names, want)
		}
	}
	// Renaming moves the index entries with the record, in the same transaction.
	got, _ := s.Customers(ctx, "rybka", 0)
	c := got[0]
	c.Name = "Modrá velryba a.s."
	if _, err := s.SaveCustomer(ctx, c); err != nil {
		t.Fatal(err)
	}
	if r, _ := s.Customers(ctx, "rybka", 0); len(r) != 0 {
		t.Errorf("old name still found: %v", r)
	}
	if r, _ := s.Customers(ctx, "velr", 0); len(r) != 1 {
		t.Errorf("new name not found")
	}
}

func TestDuplicateICONeedsConfirmation(t *testing.T) {
	s, _ := MustCompany(t)
	first, _ := s.SaveCustomer(ctx, app.Customer{Name: "Alfa s.r.o.", ICO: "27082440"})
	_, err := s.SaveCustomer(ctx, app.Customer{Name: "Alfa – pobočka Brno", ICO: "27082440"})
	wantCode(t, err, app.ECONFLICT, "customer.ico")
	if e := err.(*app.Error); e.Args["id"] != first.ID {
		t.Fatalf("the refusal does not name the existing customer: %v", e.Args)
	}
	if all, _ := s.Customers(ctx, "", 0); len(all) != 1 {
		t.Fatal("a refused duplicate was written")
	}
	if _, err := s.SaveCustomer(ctx, app.Customer{Name: "Alfa – pobočka Brno", ICO: "27082440", DuplicateICO: true}); err != nil {
		t.Fatal(err)
	}
	// Editing the first one again does not trip over its own IČO.
	if _, err := s.SaveCustomer(ctx, first); err != nil {
		t.Fatal(err)
	}
}

func TestImportCustomers(t *testing.T) {
	s, _ := MustCompany(t)
	_, _ = s.SaveCustomer(ctx, app.Customer{Name: "Na skladě s.r.o.", ICO: "45274649"})
	rows := []app.ImportRow{
		{Line: 2, Customer: app.Customer{Name: "Pekárna Dvořák", ICO: "27082440", City: "Olomouc"}},
		{Line: 3, Customer: app.Customer{Name: "", ICO: "25596641"}},
		{Line: 4, Customer: app.Customer{Name: "Špatné IČO", ICO: "12345678"}},
		{Line: 5, Customer: app.Customer{Name: "Dvořák znovu", ICO: "27082440"}},
		{Line: 6, Customer: app.Customer{Name: "Už na skladě", ICO: "45274649"}},
		{Line: 7, Customer: app.Customer{Name: "Bez IČO, ale s e-mailem", Email: "neplatny@"}},
		{Line: 8, Customer: app.Customer{Name: "Úřad městyse Čáslavice", City: "Čáslavice"}},
	}
	dry, err := s.ImportCustomers(ctx, rows, true)
	if err != nil {
		t.Fatal(err)
	}
	if dry.Accepted != 2 || len(dry.Rejected) != 5 {
		t.Fatalf("dry run: %+v", dry)
	}
	if all, _ := s.Customers(ctx, "", 0); len(all) != 1 {
		t.Fatal("a dry run wrote customers")
	}
	lines := []int{}
	for _, r := range dry.Rejected {
		lines = append(lines, r.Line)
		if r.Reason == "" {
			t.Errorf("line %d rejected without a reason", r.Line)
		}
	}
	if len(lines) != 5 || lines[0] != 3 || lines[4] != 7 {
		t.Errorf("rejected lines %v", lines)
	}
	res, err := s.ImportCustomers(ctx, rows, false)
	if err != nil || res.Accepted != 2 {
		t.Fatalf("import: %+v %v", res, err)
	}
	if got, _ := s.Customers(ctx, "caslav", 0); len(got) != 1 {
		t.Fatal("imported customer not in the index")
	}
}

func TestVisitsAppointmentsInquiries(t *testing.T) {
	s, clock := MustCompany(t)
	cust, _ := s.SaveCustomer(ctx, app.Customer{Name: "Kavárna U Čápa", Street: "Dlouhá 1", City: "Brno"})
	_, err := s.CheckIn(ctx, app.Visit{Visitor: "Jana Nová", Host: "nobody"})
	wantCode(t, err, app.EINVALID, "visit.host")
	_, err = s.CheckIn(ctx, app.Visit{Visitor: " ", Host: "admin"})
	wantCode(t, err, app.EINVALID, "visit.visitor")
	v, err := s.CheckIn(ctx, app.Visit{Visitor: "Jana Nová", Company: "Kavárna U Čápa", CustomerID: cust.ID, Host: "admin", Purpose: "Schůzka", Badge: "7"})
	if err != nil {
		t.Fatal(err)
	}
	if in, _ := s.InBuilding(ctx); len(in) != 1 {
		t.Fatalf("in building: %v", in)
	}
	clock.Advance(45 * time.Minute)
	if v, err = s.CheckOut(ctx, v.ID); err != nil || v.Out.Sub(v.In) != 45*time.Minute {
		t.Fatalf("check out: %+v %v", v, err)
	}
	_, err = s.CheckOut(ctx, v.ID)
	wantCode(t, err, app.ECONFLICT, "")
	_, err = s.CheckOut(ctx, "never-checked-in")
	wantCode(t, err, app.ENOTFOUND, "")
	if in, _ := s.InBuilding(ctx); len(in) != 0 {
		t.Fatal("still in the building after check-out")
	}
	if day, _ := s.Visits(ctx, app.DateOf(testNow.Local())); len(day) != 1 {
		t.Fatalf("today's visits: %d", len(day))
	}

	start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.Local)
	a, err := s.SaveAppointment(ctx, app.Appointment{CustomerID: cust.ID, Staff: "admin", Start: start, End: start.Add(time.Hour), Place: "Zasedačka"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.SaveAppointment(ctx, app.Appointment{Staff: "admin", Start: start.Add(30 * time.Minute), End: start.Add(90 * time.Minute)})
	wantCode(t, err, app.EINVALID, "appointment.start")
	if !strings.Contains(app.ErrorMessage(err, nil), "Kavárna U Čápa") {
		t.Errorf("collision message does not name the other appointment: %s", app.ErrorMessage(err, nil))
	}
	_, err = s.SaveAppointment(ctx, app.Appointment{Staff: "admin", Start: start, End: start.Add(-time.Minute)})
	wantCode(t, err, app.EINVALID, "appointment.end")
	if _, err := s.SaveAppointment(ctx, app.Appointment{Staff: "admin", Start: start.Add(time.Hour), End: start.Add(2 * time.Hour)}); err != nil {
		t.Fatalf("back-to-back appointment refused: %v", err)
	}
	a.Start, a.End = a.Start.Add(-time.Hour), a.End.Add(-time.Hour) // move it earlier: no clash with itself
	if a, err = s.SaveAppointment(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.CancelAppointment(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Appointments(ctx, start.Add(-24*time.Hour), start.Add(24*time.Hour), "admin"); len(list) != 1 {
		t.Fatalf("appointments %d", len(list))
	}

	q, err := s.SaveInquiry(ctx, app.Inquiry{CustomerID: cust.ID, Channel: app.ChannelPhone, Topic: "Nabídka na kávovar", Assigned: "admin"})
	if err != nil || q.Status != app.InquiryNew || q.Contact != cust.Name {
		t.Fatalf("inquiry %+v %v", q, err)
	}
	_, err = s.SetInquiryStatus(ctx, q.ID, app.InquiryQuoted, "") // quoted needs its quote
	wantCode(t, err, app.EINVALID, "inquiry.quote")
	var quote app.SalesDoc
	if q, quote, err = s.QuoteInquiry(ctx, q.ID); err != nil || q.Status != app.InquiryQuoted || q.QuoteID != quote.ID || quote.Kind != app.KindQuote {
		t.Fatalf("quoting the inquiry: %+v %+v %v", q, quote, err)
	}
	_, err = s.SetInquiryStatus(ctx, q.ID, app.InquiryNew, "")
	wantCode(t, err, app.EINVALID, "inquiry.status")
	if open, _ := s.Inquiries(ctx, true); len(open) != 1 {
		t.Fatal("open inquiries")
	}
	card, err := s.CustomerCard(ctx, cust.ID)
	if err != nil || len(card.Visits) != 1 || len(card.Appointments) != 0 || len(card.Inquiries) != 1 {
		t.Fatalf("card %+v %v", card, err)
	}
	_, err = s.Staff(context.Background())
	wantCode(t, err, app.EUNAUTHORIZED, "")
	if staff, err := s.Staff(ctx); err != nil || len(staff) != 1 || staff[0].Name != "admin" {
		t.Fatalf("staff %v %v", staff, err)
	}
}
