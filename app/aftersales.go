package app

import "strings"

// After-sales rules: the complaint deadline, the warranty check, and the
// company's settings. Sources: part C of
// ../shared/CZECH-PAYROLL-WAREHOUSE-AFTERSALES.md and občanský zákoník
// §§ 605–607 for counting periods (aftersalesdates.go).

// ConsumerComplaintDays is the period in which a consumer's complaint is
// resolved, the defect removed included, and the consumer informed: 30
// days, longer only by agreement (§ 19 odst. 3 zákona č. 634/1992 Sb., part
// C1).
const ConsumerComplaintDays = 30

// ConsumerWarrantyMonths is the period in which a consumer may claim a
// defect that shows: 2 years (§ 2165 odst. 1 OZ, part C1).
const ConsumerWarrantyMonths = 24

// PresumptionMonths is the period in which a defect that shows is presumed
// to have existed when the consumer took the goods over: 1 year since
// zákon č. 374/2022 Sb. (formerly 6 months; § 2161 OZ, part C1).
const PresumptionMonths = 12

// WithdrawalDays is a consumer's period to withdraw from a distance or
// off-premises contract for goods, from the day the (last) goods were
// received (§ 1829 OZ), and the trader's period to refund everything paid,
// delivery included, from the withdrawal (§ 1831 OZ as part C2 reads it).
const WithdrawalDays = 14

// Series codes of after-sales documents (their defaults: AfterSalesSeries).
const (
	SeriesTicket = "ticket"
	SeriesReturn = "return"
)

// AfterSalesSeries are the number series of tickets ("RK2026-0001") and
// returns ("RMA2026-0001"), for a company whose series lack them.
func AfterSalesSeries() []Series {
	return []Series{{SeriesTicket, "RK", 4}, {SeriesReturn, "RMA", 4}}
}

// MaxBusinessComplaintDays bounds the company's setting for business
// customers (a year).
const MaxBusinessComplaintDays = 365

// AfterSalesSettings are the company's after-sales settings.
type AfterSalesSettings struct {
	// BusinessComplaintDays is the period in days in which a business
	// customer's complaint is resolved (§ 19 ZOS binds consumer sales
	// only; between businesses the contract sets it, part C3); 0: no
	// deadline is tracked.
	BusinessComplaintDays int `json:"business_complaint_days"`
	// DefectiveLocation is the ID of the location returned defective
	// goods are received into; "" receives them where they left from.
	DefectiveLocation string `json:"defective_location,omitempty"`
}

// Validate checks the settings against the locations (by ID).
func (s AfterSalesSettings) Validate(locs map[string]Location) error {
	var es Errors
	if s.BusinessComplaintDays < 0 || s.BusinessComplaintDays > MaxBusinessComplaintDays {
		es.Add(Invalid("aftersales.business_days", "err.aftersales.business_days", "the deadline for business customers is 0 to {{.max}} days", map[string]any{"max": MaxBusinessComplaintDays}))
	}
	if s.DefectiveLocation != "" {
		if _, ok := locs[s.DefectiveLocation]; !ok {
			es.Add(Invalid("aftersales.defective_location", "err.aftersales.location", "choose an existing location for defective goods", nil))
		}
	}
	return es.Err()
}

// ComplaintDeadline is the last day a complaint made on day complained must
// be resolved by. For a consumer: 30 days (§ 19 odst. 3 ZOS) counted in
// calendar days from the day after the complaint (§ 605 odst. 1 OZ), so
// the day complained + 30, moved to the next working day when it is a
// Saturday, Sunday or public holiday (§ 607 OZ). Part C does not say how
// the 30 days end on a weekend; § 607 is the civil code's general rule for
// every period, § 19 ZOS sets none of its own. For a business customer:
// businessDays counted the same way; zero when the company tracks none.
func ComplaintDeadline(complained Date, consumer bool, businessDays int) Date {
	if complained.IsZero() {
		return Date{}
	}
	if consumer {
		return PeriodDaysEnd(complained, ConsumerComplaintDays)
	}
	if businessDays <= 0 {
		return Date{}
	}
	return PeriodDaysEnd(complained, businessDays)
}

// WithdrawalInTime reports a withdrawal made on day withdrawn from goods
// received on day received within the 14 days of § 1829 OZ (counted from
// the day after the receipt, § 605 odst. 1, to a working day, § 607); the
// 30 days of § 1829a and the extra year when the consumer was not
// informed are not modelled.
func WithdrawalInTime(received, withdrawn Date) bool {
	return !received.IsZero() && !withdrawn.IsZero() && !withdrawn.Before(received) && !withdrawn.After(PeriodDaysEnd(received, WithdrawalDays))
}

// WithDeadline returns t with its deadline computed: a complaint's
// (ComplaintDeadline); for a consumer's withdrawal (TicketReturn) the day
// the refund is due, 14 days after the withdrawal, the ticket's day
// (§ 1831 OZ, part C2); none for the other kinds.
func (t Ticket) WithDeadline(s AfterSalesSettings) Ticket {
	t.Deadline = Date{}
	switch {
	case t.Kind == TicketComplaint:
		t.Deadline = ComplaintDeadline(t.Complained, t.Consumer, s.BusinessComplaintDays)
	case t.Kind == TicketReturn && t.Consumer && !t.Complained.IsZero():
		t.Deadline = PeriodDaysEnd(t.Complained, WithdrawalDays)
	}
	return t
}

// Overdue reports an open case whose deadline has passed on day today.
func (t Ticket) Overdue(today Date) bool {
	return t.Status.Open() && !t.Deadline.IsZero() && today.After(t.Deadline)
}

// DueThisWeek reports an open case whose deadline falls in the week (Monday
// to Sunday) of today and has not passed — the tab's overview.
func (t Ticket) DueThisWeek(today Date) bool {
	if !t.Status.Open() || t.Deadline.IsZero() || t.Deadline.Before(today) {
		return false
	}
	_, sun := WeekOf(today)
	return !t.Deadline.After(sun)
}

// DaysLeft is the days from today to the deadline (negative: overdue by so
// many); ok is false when the ticket has no open deadline.
func (t Ticket) DaysLeft(today Date) (int, bool) {
	if !t.Status.Open() || t.Deadline.IsZero() {
		return 0, false
	}
	return DaysFrom(today, t.Deadline), true
}

// DueKey is the ticket's key in the store's index of open deadlines:
// "20261128/ID", sorting by deadline then ID, so "due this week" and
// "overdue" are range scans of that index (DueKeyRange; overdue on day d:
// the keys below d.Key()+"/"); "" when the ticket has no open
// deadline (it is left out of the index).
func (t Ticket) DueKey() string {
	if !t.Status.Open() || t.Deadline.IsZero() || t.ID == "" {
		return ""
	}
	return t.Deadline.Key() + "/" + t.ID
}

// DueKeyRange is the [from, to) key range of DueKey for deadlines from day
// a to day b inclusive.
func DueKeyRange(a, b Date) (string, string) {
	return a.Key() + "/", b.AddDays(1).Key() + "/"
}

// DueKeyDate reads the deadline back from a DueKey.
func DueKeyDate(key string) (Date, bool) {
	i := strings.IndexByte(key, '/')
	if i != 8 {
		return Date{}, false
	}
	d, err := ParseDate(key[:4] + "-" + key[4:6] + "-" + key[6:8])
	return d, err == nil
}

// WarrantyInput is what the warranty check needs: the day the goods were
// taken over (the invoice's DUZP, SaleDay), the item's own warranty in
// months (its stock card's WarrantyMonths), whether the buyer is a
// consumer, and the day of the complaint.
//
// Shown is the day the defect showed, when the customer says it was
// earlier than the complaint (zero: the complaint day). Since zákon č.
// 374/2022 Sb. a consumer need not notify without undue delay (part C1),
// so what counts is that the defect showed within the period, not when it
// was claimed.
type WarrantyInput struct {
	Sale       Date
	ItemMonths int
	Consumer   bool
	Complained Date
	Shown      Date
}

// Warranty is the result of the check.
type Warranty struct {
	Months int  `json:"months"` // the period that applies
	End    Date `json:"end"`    // its last day by the calendar (§ 605 odst. 2 OZ)
	// ClaimBy is the last day a claim may be made: End, moved to the next
	// working day when it is a Saturday, Sunday or holiday (§ 607 OZ).
	ClaimBy    Date `json:"claim_by"`
	InWarranty bool `json:"in_warranty"`
	// DaysLeft is the days from the complaint to ClaimBy (0 when out,
	// or when the complaint came after it for a defect shown in time).
	DaysLeft int `json:"days_left"`
	// Presumed is a consumer's defect that showed within a year of the
	// sale: it is presumed to have existed at the takeover (§ 2161 OZ),
	// so the seller, not the consumer, proves otherwise. PresumedUntil is
	// the last day of that year.
	Presumed      bool `json:"presumed"`
	PresumedUntil Date `json:"presumed_until,omitempty"`
}

// CheckWarranty says whether goods taken over on in.Sale are in warranty
// for a defect that showed on in.Shown (the complaint day unless given).
// A consumer has 24 months by law (§ 2165 odst. 1 OZ) or the item's own
// warranty when longer (a záruka za jakost the seller gives); a
// business customer the item's own (part C3: only if given). Periods in
// months end on the day with the sale's number (§ 605 odst. 2 OZ): goods
// taken over on 10. 3. 2026 are in the 24-month period up to 10. 3. 2028
// and in the one-year presumption up to 10. 3. 2027. The 24 months'
// last day moves off a weekend or holiday (§ 607 OZ) as every period's
// does — the reading kindest to the consumer; part C does not say. It
// refuses a missing sale or complaint day, a complaint before the sale,
// and a day the defect showed outside sale..complaint.
func CheckWarranty(in WarrantyInput) (Warranty, error) {
	var es Errors
	if in.Sale.IsZero() {
		es.Add(Invalid("ticket.sale_date", "err.ticket.sale_date", "the invoice has no date of sale", nil))
	}
	if in.Complained.IsZero() {
		es.Add(Invalid("ticket.complained", "err.ticket.complained", "enter the day the customer came", nil))
	}
	if in.ItemMonths < 0 || in.ItemMonths > MaxWarrantyMonths {
		es.Add(Invalid("stock_item.warranty_months", "err.stock_item.warranty", "a warranty is 0 to {{.max}} months", map[string]any{"max": MaxWarrantyMonths}))
	}
	if err := es.Err(); err != nil {
		return Warranty{}, err
	}
	if in.Complained.Before(in.Sale) {
		return Warranty{}, Invalid("ticket.complained", "err.ticket.before_sale", "the complaint ({{.day}}) cannot be before the sale ({{.sale}})",
			map[string]any{"day": in.Complained, "sale": in.Sale})
	}
	shown := in.Shown
	switch {
	case shown.IsZero():
		shown = in.Complained
	case shown.Before(in.Sale) || shown.After(in.Complained):
		return Warranty{}, Invalid("ticket.defect_shown", "err.ticket.shown", "the defect showed between the sale ({{.sale}}) and the complaint ({{.day}})",
			map[string]any{"day": in.Complained, "sale": in.Sale})
	}
	w := Warranty{Months: in.ItemMonths}
	if in.Consumer && w.Months < ConsumerWarrantyMonths {
		w.Months = ConsumerWarrantyMonths
	}
	if w.Months > 0 {
		w.End = AddMonthsClamped(in.Sale, w.Months)
		w.ClaimBy = NextCzechWorkday(w.End)
		w.InWarranty = !shown.After(w.ClaimBy)
		if n := DaysFrom(in.Complained, w.ClaimBy); w.InWarranty && n > 0 {
			w.DaysLeft = n
		}
	}
	if in.Consumer {
		w.PresumedUntil = AddMonthsClamped(in.Sale, PresumptionMonths)
		w.Presumed = w.InWarranty && !shown.After(w.PresumedUntil)
	}
	return w, nil
}
