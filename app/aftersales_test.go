package app

import (
	"errors"
	"testing"
	"time"
)

// errFields lists "field key" of every field error in err, in order.
func errFields(err error) []string {
	var out []string
	var many Errors
	var one *Error
	switch {
	case errors.As(err, &many):
		for _, e := range many {
			out = append(out, e.Field+" "+e.Key)
		}
	case errors.As(err, &one):
		out = append(out, one.Field+" "+one.Key)
	}
	return out
}

func sameList(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Easter Sundays from the published tables (and the Gregorian extremes:
// 22 March 2285, 25 April 2038).
func TestEasterSunday(t *testing.T) {
	for y, want := range map[int]Date{2000: D(2000, 4, 23), 2019: D(2019, 4, 21), 2024: D(2024, 3, 31), 2025: D(2025, 4, 20),
		2026: D(2026, 4, 5), 2027: D(2027, 3, 28), 2028: D(2028, 4, 16), 2038: D(2038, 4, 25), 2285: D(2285, 3, 22)} {
		if got := EasterSunday(y); got != want {
			t.Errorf("Easter %d = %s, want %s", y, got, want)
		}
	}
}

func TestCzechHoliday(t *testing.T) {
	holidays := []Date{D(2026, 1, 1), D(2026, 4, 3) /* Good Friday: Easter 5. 4. − 2 */, D(2026, 4, 6), /* Easter Monday */
		D(2026, 5, 1), D(2026, 5, 8), D(2026, 7, 5), D(2026, 7, 6), D(2026, 9, 28), D(2026, 10, 28), D(2026, 11, 17),
		D(2026, 12, 24), D(2026, 12, 25), D(2026, 12, 26), D(2016, 3, 25) /* first Good Friday holiday: Easter 27. 3. 2016 */}
	for _, d := range holidays {
		if !CzechHoliday(d) || CzechWorkday(d) {
			t.Errorf("%s should be a holiday", d)
		}
	}
	// Good Friday 2015 (Easter 5. 4. 2015) was a working day: the holiday
	// came with zákon č. 359/2015 Sb. for 2016 on.
	for _, d := range []Date{D(2015, 4, 3), D(2026, 4, 2), D(2026, 4, 7), D(2026, 12, 23), D(2026, 12, 31), D(2026, 11, 16)} {
		if CzechHoliday(d) {
			t.Errorf("%s is no holiday", d)
		}
	}
	// 1. 1. 2026 is a Thursday, so 3. 1. is a Saturday and 5. 1. a Monday.
	if CzechWorkday(D(2026, 1, 3)) || CzechWorkday(D(2026, 1, 4)) || !CzechWorkday(D(2026, 1, 5)) {
		t.Error("weekend of 3.–4. 1. 2026")
	}
	if D(2026, 1, 1).Weekday() != time.Thursday {
		t.Error("1. 1. 2026 is a Thursday")
	}
}

func TestDateHelpers(t *testing.T) {
	cases := []struct {
		d    Date
		n    int
		want Date
	}{
		{D(2026, 1, 31), 1, D(2026, 2, 28)},  // no 31. 2.: the month's last day
		{D(2028, 1, 31), 1, D(2028, 2, 29)},  // leap year
		{D(2028, 2, 29), 12, D(2029, 2, 28)}, // a leap day's year ends on 28. 2.
		{D(2026, 3, 10), 24, D(2028, 3, 10)},
		{D(2026, 11, 30), 3, D(2027, 2, 28)},
		{D(2026, 5, 15), -5, D(2025, 12, 15)},
		{D(2026, 12, 31), 0, D(2026, 12, 31)},
	}
	for _, c := range cases {
		if got := AddMonthsClamped(c.d, c.n); got != c.want {
			t.Errorf("%s + %d months = %s, want %s", c.d, c.n, got, c.want)
		}
	}
	// 10. 3. 2026 → 10. 3. 2027: 365 days; → 10. 3. 2028: 366 more (29. 2. 2028).
	if DaysFrom(D(2026, 3, 10), D(2027, 3, 10)) != 365 || DaysFrom(D(2027, 3, 10), D(2028, 3, 10)) != 366 || DaysFrom(D(2028, 3, 10), D(2026, 3, 10)) != -731 {
		t.Error("DaysFrom")
	}
	// Saturday 5. 12. 2026: its week is Monday 30. 11. – Sunday 6. 12.
	if mon, sun := WeekOf(D(2026, 12, 5)); mon != D(2026, 11, 30) || sun != D(2026, 12, 6) {
		t.Errorf("week of 5. 12. 2026: %s – %s", mon, sun)
	}
	// A Monday and a Sunday are their own week's ends.
	if mon, sun := WeekOf(D(2026, 11, 30)); mon != D(2026, 11, 30) || sun != D(2026, 12, 6) {
		t.Errorf("week of Monday 30. 11.: %s – %s", mon, sun)
	}
	if mon, _ := WeekOf(D(2026, 12, 6)); mon != D(2026, 11, 30) {
		t.Errorf("week of Sunday 6. 12.: %s", mon)
	}
}

// The 30 days of § 19 odst. 3 ZOS: from the day after the complaint (§ 605
// odst. 1 OZ), so the last day is complaint + 30, moved to the next
// working day off a Saturday, Sunday or holiday (§ 607 OZ). Weekdays from
// 1. 1. 2026 being a Thursday.
func TestComplaintDeadline(t *testing.T) {
	cases := []struct {
		name       string
		complained Date
		consumer   bool
		days       int
		want       Date
	}{
		// February 2026 has 28 days: 2. 2. + 26 = 28. 2., + 4 = 4. 3. (Wednesday).
		{"across February's end", D(2026, 2, 2), true, 0, D(2026, 3, 4)},
		// October has 31: 13. 10. + 18 = 31. 10., + 12 = 12. 11. (Thursday).
		{"across October's end", D(2026, 10, 13), true, 0, D(2026, 11, 12)},
		// 18. 10. + 30 = 17. 11. 2026, a Tuesday and a state holiday → Wednesday 18. 11.
		{"onto 17 November", D(2026, 10, 18), true, 0, D(2026, 11, 18)},
		// 6. 3. + 25 = 31. 3., + 5 = 5. 4. 2026 = Easter Sunday → Monday 6. 4. is
		// Easter Monday → Tuesday 7. 4.
		{"onto Easter Sunday", D(2026, 3, 6), true, 0, D(2026, 4, 7)},
		// 4. 3. + 30 = 3. 4. 2026 = Good Friday; Sat, Sun, Easter Monday follow → 7. 4.
		{"onto Good Friday", D(2026, 3, 4), true, 0, D(2026, 4, 7)},
		// 24. 11. + 30 = 24. 12. (Thursday, holiday), 25. Fri, 26. Sat, 27. Sun → Monday 28. 12.
		{"onto Christmas", D(2026, 11, 24), true, 0, D(2026, 12, 28)},
		// Leap February 2028: 10. 2. + 19 = 29. 2., + 11 = 11. 3. 2028, a Saturday → Monday 13. 3.
		{"leap February onto a Saturday", D(2028, 2, 10), true, 0, D(2028, 3, 13)},
		// Business customer, company setting 14 days: 13. 10. + 14 = 27. 10. 2026 (Tuesday).
		{"business 14 days", D(2026, 10, 13), false, 14, D(2026, 10, 27)},
		// 14. 10. + 14 = 28. 10. (Wednesday, holiday) → Thursday 29. 10.
		{"business onto 28 October", D(2026, 10, 14), false, 14, D(2026, 10, 29)},
		{"business with no setting", D(2026, 10, 13), false, 0, Date{}},
		{"no complaint day", Date{}, true, 0, Date{}},
	}
	for _, c := range cases {
		if got := ComplaintDeadline(c.complained, c.consumer, c.days); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

func TestTicketDeadlinePredicates(t *testing.T) {
	s := AfterSalesSettings{BusinessComplaintDays: 14}
	// Complaint 6. 11. 2026 (Friday): + 30 = 6. 12. 2026, a Sunday → Monday 7. 12.
	tk := Ticket{ID: "t1", Kind: TicketComplaint, Status: TicketInProgress, Consumer: true, Complained: D(2026, 11, 6)}.WithDeadline(s)
	if tk.Deadline != D(2026, 12, 7) {
		t.Fatalf("deadline %s", tk.Deadline)
	}
	// Week of 2. 12. 2026 is 30. 11. – 6. 12.: the 7th is next week.
	if tk.DueThisWeek(D(2026, 12, 2)) || !tk.DueThisWeek(D(2026, 12, 7)) || tk.Overdue(D(2026, 12, 7)) || !tk.Overdue(D(2026, 12, 8)) {
		t.Error("due this week / overdue around 7. 12.")
	}
	if n, ok := tk.DaysLeft(D(2026, 12, 2)); !ok || n != 5 {
		t.Errorf("days left on 2. 12.: %d %v, want 5", n, ok)
	}
	if n, _ := tk.DaysLeft(D(2026, 12, 9)); n != -2 {
		t.Errorf("days left on 9. 12.: %d, want -2", n)
	}
	if tk.DueKey() != "20261207/t1" {
		t.Errorf("due key %q", tk.DueKey())
	}
	from, to := DueKeyRange(D(2026, 12, 7), D(2026, 12, 13))
	if !(from <= tk.DueKey() && tk.DueKey() < to) || from != "20261207/" || to != "20261214/" {
		t.Errorf("range %q–%q", from, to)
	}
	if d, ok := DueKeyDate(tk.DueKey()); !ok || d != D(2026, 12, 7) {
		t.Errorf("DueKeyDate %s %v", d, ok)
	}
	if _, ok := DueKeyDate("garbage"); ok {
		t.Error("DueKeyDate of garbage")
	}
	// Resolved: the clock stops, out of the index.
	res := tk
	res.Status = TicketResolved
	if res.Overdue(D(2027, 1, 1)) || res.DueThisWeek(D(2026, 12, 7)) || res.DueKey() != "" {
		t.Error("a resolved ticket has no open deadline")
	}
	if _, ok := res.DaysLeft(D(2026, 12, 1)); ok {
		t.Error("days left of a resolved ticket")
	}
	// A question has no deadline; a business complaint the setting's.
	q := Ticket{ID: "q", Kind: TicketQuestion, Status: TicketNew, Complained: D(2026, 11, 6)}.WithDeadline(s)
	if !q.Deadline.IsZero() || q.DueKey() != "" || q.Overdue(D(2030, 1, 1)) {
		t.Error("a question has no deadline")
	}
	// 6. 11. + 14 = 20. 11. 2026 (Friday).
	b := Ticket{ID: "b", Kind: TicketComplaint, Status: TicketNew, Complained: D(2026, 11, 6)}.WithDeadline(s)
	if b.Deadline != D(2026, 11, 20) {
		t.Errorf("business deadline %s", b.Deadline)
	}
	// The keys sort by deadline: b (20. 11.) before tk (7. 12.).
	if !(b.DueKey() < tk.DueKey()) {
		t.Error("due keys do not sort by deadline")
	}
}

func TestCheckWarranty(t *testing.T) {
	cases := []struct {
		name string
		in   WarrantyInput
		want Warranty
	}{
		// Taken over Tuesday 10. 3. 2026: 24 months end Friday 10. 3. 2028
		// (§ 605 odst. 2 OZ); 365 + 366 = 731 days left on the sale day.
		// The year of presumption ends 10. 3. 2027.
		{"sale day", WarrantyInput{Sale: D(2026, 3, 10), Consumer: true, Complained: D(2026, 3, 10)},
			Warranty{Months: 24, End: D(2028, 3, 10), ClaimBy: D(2028, 3, 10), InWarranty: true, DaysLeft: 731, Presumed: true, PresumedUntil: D(2027, 3, 10)}},
		// Day 365 after the sale = 10. 3. 2027, the presumption's last
		// day: presumed; 366 days left to 10. 3. 2028.
		{"day 365", WarrantyInput{Sale: D(2026, 3, 10), Consumer: true, Complained: D(2027, 3, 10)},
			Warranty{Months: 24, End: D(2028, 3, 10), ClaimBy: D(2028, 3, 10), InWarranty: true, DaysLeft: 366, Presumed: true, PresumedUntil: D(2027, 3, 10)}},
		// Day 366 = 11. 3. 2027: the presumption is over.
		{"day 366", WarrantyInput{Sale: D(2026, 3, 10), Consumer: true, Complained: D(2027, 3, 11)},
			Warranty{Months: 24, End: D(2028, 3, 10), ClaimBy: D(2028, 3, 10), InWarranty: true, DaysLeft: 365, Presumed: false, PresumedUntil: D(2027, 3, 10)}},
		// Sold 10. 3. 2027, the year holds 29. 2. 2028: day 366 is 10. 3.
		// 2028, still presumed; end of 24 months 10. 3. 2029 (Saturday) →
		// claim by Monday 12. 3. 2029; 366 days to 10. 3. 2029 + 2.
		{"leap year day 366", WarrantyInput{Sale: D(2027, 3, 10), Consumer: true, Complained: D(2028, 3, 10)},
			Warranty{Months: 24, End: D(2029, 3, 10), ClaimBy: D(2029, 3, 12), InWarranty: true, DaysLeft: 367, Presumed: true, PresumedUntil: D(2028, 3, 10)}},
		// Day 367 = 11. 3. 2028: over.
		{"leap year day 367", WarrantyInput{Sale: D(2027, 3, 10), Consumer: true, Complained: D(2028, 3, 11)},
			Warranty{Months: 24, End: D(2029, 3, 10), ClaimBy: D(2029, 3, 12), InWarranty: true, DaysLeft: 366, Presumed: false, PresumedUntil: D(2028, 3, 10)}},
		// Sold on the leap day 29. 2. 2028: the year ends 28. 2. 2029
		// (no 29. 2.), the 24 months 28. 2. 2030 (Thursday).
		{"leap day sale, last presumed day", WarrantyInput{Sale: D(2028, 2, 29), Consumer: true, Complained: D(2029, 2, 28)},
			Warranty{Months: 24, End: D(2030, 2, 28), ClaimBy: D(2030, 2, 28), InWarranty: true, DaysLeft: 365, Presumed: true, PresumedUntil: D(2029, 2, 28)}},
		{"leap day sale, 1 March", WarrantyInput{Sale: D(2028, 2, 29), Consumer: true, Complained: D(2029, 3, 1)},
			Warranty{Months: 24, End: D(2030, 2, 28), ClaimBy: D(2030, 2, 28), InWarranty: true, DaysLeft: 364, Presumed: false, PresumedUntil: D(2029, 2, 28)}},
		// Sold 24. 12. 2025: the 24 months end Friday 24. 12. 2027, a
		// holiday; 25. Sat, 26. Sun → claim by Monday 27. 12. 2027.
		{"end on Christmas, last day", WarrantyInput{Sale: D(2025, 12, 24), Consumer: true, Complained: D(2027, 12, 27)},
			Warranty{Months: 24, End: D(2027, 12, 24), ClaimBy: D(2027, 12, 27), InWarranty: true, DaysLeft: 0, PresumedUntil: D(2026, 12, 24)}},
		{"end on Christmas, a day late", WarrantyInput{Sale: D(2025, 12, 24), Consumer: true, Complained: D(2027, 12, 28)},
			Warranty{Months: 24, End: D(2027, 12, 24), ClaimBy: D(2027, 12, 27), PresumedUntil: D(2026, 12, 24)}},
		// The item's 36 months beat the law's 24 for a consumer: 10. 3.
		// 2029 (Saturday) → 12. 3. 2029.
		{"longer item warranty", WarrantyInput{Sale: D(2026, 3, 10), ItemMonths: 36, Consumer: true, Complained: D(2029, 3, 12)},
			Warranty{Months: 36, End: D(2029, 3, 10), ClaimBy: D(2029, 3, 12), InWarranty: true, PresumedUntil: D(2027, 3, 10)}},
		// A business customer: the item's 12 months, no presumption.
		// 10. 3. 2026 + 12 = 10. 3. 2027 (Wednesday); 30 days from 8. 2. 2027
		// (20 to 28. 2., 10 to 10. 3.).
		{"business in warranty", WarrantyInput{Sale: D(2026, 3, 10), ItemMonths: 12, Complained: D(2027, 2, 8)},
			Warranty{Months: 12, End: D(2027, 3, 10), ClaimBy: D(2027, 3, 10), InWarranty: true, DaysLeft: 30}},
		{"business, item gives none", WarrantyInput{Sale: D(2026, 3, 10), Complained: D(2026, 3, 11)}, Warranty{}},
	}
	for _, c := range cases {
		got, err := CheckWarranty(c.in)
		if err != nil || got != c.want {
			t.Errorf("%s: %+v %v\nwant %+v", c.name, got, err, c.want)
		}
	}
	// Refusals, every field named.
	_, err := CheckWarranty(WarrantyInput{Sale: D(2026, 3, 10), Consumer: true, Complained: D(2026, 3, 9)})
	if got := errFields(err); !sameList(got, []string{"ticket.complained err.ticket.before_sale"}) {
		t.Errorf("complaint before the sale: %v", got)
	}
	_, err = CheckWarranty(WarrantyInput{ItemMonths: 121})
	if got := errFields(err); !sameList(got, []string{"ticket.sale_date err.ticket.sale_date", "ticket.complained err.ticket.complained", "stock_item.warranty_months err.stock_item.warranty"}) {
		t.Errorf("empty input: %v", got)
	}
}

func TestAfterSalesSettingsValidate(t *testing.T) {
	locs := map[string]Location{"def": {ID: "def", Code: "VADNE"}}
	if err := (AfterSalesSettings{BusinessComplaintDays: 30, DefectiveLocation: "def"}).Validate(locs); err != nil {
		t.Fatal(err)
	}
	err := AfterSalesSettings{BusinessComplaintDays: 366, DefectiveLocation: "gone"}.Validate(locs)
	if got := errFields(err); !sameList(got, []string{"aftersales.business_days err.aftersales.business_days", "aftersales.defective_location err.aftersales.location"}) {
		t.Errorf("%v", got)
	}
	if got := errFields(AfterSalesSettings{BusinessComplaintDays: -1}.Validate(locs)); !sameList(got, []string{"aftersales.business_days err.aftersales.business_days"}) {
		t.Errorf("negative days: %v", got)
	}
}

// FuzzAfterSalesDates checks the date math's invariants on any sale and
// complaint day between 1990 and 2100: the deadline is a working day
// within 30 + 5 days of the complaint (the longest run of non-working days
// is Christmas Eve to a Sunday after it: 4 days) and never before day 30;
// warranty ends fall on the sale's day number or the month's last day;
// the presumption never outlasts the warranty; in warranty iff not after
// the claim day; DaysLeft matches the calendar.
func FuzzAfterSalesDates(f *testing.F) {
	f.Add(uint16(0), uint16(0), uint8(0), true)
	f.Add(uint16(13923), uint16(365), uint8(12), true) // 10. 3. 2028 area
	f.Add(uint16(20000), uint16(800), uint8(36), false)
	base := D(1990, 1, 1)
	f.Fuzz(func(t *testing.T, saleOff, after uint16, months uint8, consumer bool) {
		sale := base.AddDays(int(saleOff) % 40000)
		complained := sale.AddDays(int(after) % 1500)
		dl := ComplaintDeadline(complained, true, 0)
		if n := DaysFrom(complained, dl); n < 30 || n > 35 || !CzechWorkday(dl) {
			t.Fatalf("deadline of %s is %s (%d days)", complained, dl, n)
		}
		for d := complained.AddDays(30); d.Before(dl); d = d.AddDays(1) {
			if CzechWorkday(d) {
				t.Fatalf("deadline of %s skipped working day %s", complained, d)
			}
		}
		m := int(months) % (MaxWarrantyMonths + 1)
		w, err := CheckWarranty(WarrantyInput{Sale: sale, ItemMonths: m, Consumer: consumer, Complained: complained})
		if err != nil {
			t.Fatal(err)
		}
		if w.Months == 0 {
			if consumer || w.InWarranty || w.Presumed {
				t.Fatalf("no warranty: %+v", w)
			}
			return
		}
		if w.End.Day() != sale.Day() && w.End.AddDays(1).Day() != 1 {
			t.Fatalf("end %s of a sale on %s", w.End, sale)
		}
		if mm := (w.End.Year()-sale.Year())*12 + int(w.End.Month()) - int(sale.Month()); mm != w.Months {
			t.Fatalf("end %s is %d months after %s, want %d", w.End, mm, sale, w.Months)
		}
		if w.InWarranty != !complained.After(w.ClaimBy) || w.ClaimBy.Before(w.End) || !CzechWorkday(w.ClaimBy) {
			t.Fatalf("in warranty %+v on %s", w, complained)
		}
		if w.InWarranty && complained.AddDays(w.DaysLeft) != w.ClaimBy {
			t.Fatalf("days left %d from %s to %s", w.DaysLeft, complained, w.ClaimBy)
		}
		if w.Presumed && (!consumer || complained.After(w.PresumedUntil) || w.PresumedUntil.After(w.End)) {
			t.Fatalf("presumption %+v on %s", w, complained)
		}
		if consumer && !complained.After(w.PresumedUntil) && !w.Presumed {
			t.Fatalf("no presumption within the year: %+v on %s", w, complained)
		}
	})
}

// § 1829 OZ: 14 days from the day after the goods were received (§ 605),
// to a working day (§ 607). § 1831 (part C2): the refund 14 days after the
// withdrawal.
func TestWithdrawal(t *testing.T) {
	// Received Monday 2. 11. 2026: + 14 = Monday 16. 11.
	if !WithdrawalInTime(D(2026, 11, 2), D(2026, 11, 16)) || WithdrawalInTime(D(2026, 11, 2), D(2026, 11, 17)) {
		t.Error("received 2. 11.: last day 16. 11.")
	}
	// Received Tuesday 3. 11.: + 14 = 17. 11., a holiday → Wednesday 18. 11.
	if !WithdrawalInTime(D(2026, 11, 3), D(2026, 11, 18)) || WithdrawalInTime(D(2026, 11, 3), D(2026, 11, 19)) {
		t.Error("received 3. 11.: last day 18. 11.")
	}
	if WithdrawalInTime(D(2026, 11, 3), D(2026, 11, 2)) || WithdrawalInTime(Date{}, D(2026, 11, 2)) {
		t.Error("a withdrawal before the goods came, or with no receipt day")
	}
	// A consumer withdrew on Thursday 19. 11. 2026: refund by 3. 12. (Thursday).
	r := Ticket{ID: "w", Kind: TicketReturn, Status: TicketNew, Consumer: true, Complained: D(2026, 11, 19)}.WithDeadline(AfterSalesSettings{BusinessComplaintDays: 30})
	if r.Deadline != D(2026, 12, 3) || r.DueKey() != "20261203/w" {
		t.Errorf("refund deadline %s", r.Deadline)
	}
	// A business return has no statutory refund deadline.
	if b := (Ticket{Kind: TicketReturn, Complained: D(2026, 11, 19)}).WithDeadline(AfterSalesSettings{BusinessComplaintDays: 30}); !b.Deadline.IsZero() {
		t.Errorf("business return deadline %s", b.Deadline)
	}
}

func TestAfterSalesSeries(t *testing.T) {
	s := AfterSalesSeries()
	if len(s) != 2 || s[0].Code != SeriesTicket || s[0].Number(2026, 1) != "RK2026-0001" || s[1].Code != SeriesReturn || s[1].Number(2026, 12) != "RMA2026-0012" {
		t.Errorf("%+v", s)
	}
}

func BenchmarkComplaintDeadline(b *testing.B) {
	d := D(2026, 3, 6)
	for i := 0; i < b.N; i++ {
		ComplaintDeadline(d.AddDays(i%400), true, 0)
	}
}

func BenchmarkCheckWarranty(b *testing.B) {
	in := WarrantyInput{Sale: D(2025, 12, 24), Consumer: true, Complained: D(2027, 12, 27)}
	for i := 0; i < b.N; i++ {
		if _, err := CheckWarranty(in); err != nil {
			b.Fatal(err)
		}
	}
}

// A defect that showed before the complaint (the consumer need not notify
// without undue delay since 2023, part C1): the day it showed decides.
func TestCheckWarrantyShown(t *testing.T) {
	// Sold 10. 3. 2026; showed 1. 3. 2027 (within the year to 10. 3. 2027);
	// complained 1. 6. 2027. Days from 1. 6. 2027 to 10. 3. 2028: 29 + 31 +
	// 31 + 30 + 31 + 30 + 31 + 31 + 29 (Feb 2028) to 1. 3., + 9 = 283.
	w, err := CheckWarranty(WarrantyInput{Sale: D(2026, 3, 10), Consumer: true, Shown: D(2027, 3, 1), Complained: D(2027, 6, 1)})
	if err != nil || !w.InWarranty || !w.Presumed || w.DaysLeft != 283 {
		t.Errorf("shown within the year: %v %+v", err, w)
	}
	// Showed on the last day 10. 3. 2028, complained 2. 4. 2028: covered,
	// nothing left, not presumed.
	w, err = CheckWarranty(WarrantyInput{Sale: D(2026, 3, 10), Consumer: true, Shown: D(2028, 3, 10), Complained: D(2028, 4, 2)})
	if err != nil || !w.InWarranty || w.Presumed || w.DaysLeft != 0 {
		t.Errorf("shown on the last day: %v %+v", err, w)
	}
	for name, in := range map[string]WarrantyInput{
		"shown after the complaint": {Sale: D(2026, 3, 10), Consumer: true, Shown: D(2026, 5, 2), Complained: D(2026, 5, 1)},
		"shown before the sale":     {Sale: D(2026, 3, 10), Consumer: true, Shown: D(2026, 3, 9), Complained: D(2026, 5, 1)},
	} {
		if _, err := CheckWarranty(in); !sameList(errFields(err), []string{"ticket.defect_shown err.ticket.shown"}) {
			t.Errorf("%s: %v", name, errFields(err))
		}
	}
}
