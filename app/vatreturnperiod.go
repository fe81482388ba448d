package app

import (
	"strconv"
	"strings"
	"time"
)

// VATPeriod is a tax period of the VAT return (zdaňovací období, §99 of the
// VAT act): a calendar month, or a calendar quarter for a payer who files
// quarterly. Exactly one of Month and Quarter is set.
type VATPeriod struct {
	Year    int
	Month   time.Month // 1–12 for a monthly period, 0 for a quarter
	Quarter int        // 1–4 for a quarterly period, 0 for a month
}

// ParseVATPeriod reads "2026-11" or "11/2026" (a month) and "2026-Q4" or
// "Q4/2026" (a quarter).
func ParseVATPeriod(s string) (VATPeriod, error) {
	bad := Invalid("period", "err.vat.period_format", "“{{.value}}” is not a VAT period (write 2026-11 for a month or 2026-Q4 for a quarter)", map[string]any{"value": s})
	t := strings.ToUpper(strings.TrimSpace(s))
	var year, part string
	switch {
	case strings.Count(t, "-") == 1:
		year, part, _ = strings.Cut(t, "-")
	case strings.Count(t, "/") == 1:
		part, year, _ = strings.Cut(t, "/")
	default:
		return VATPeriod{}, bad
	}
	y, err := strconv.Atoi(year)
	if err != nil || len(year) != 4 || y < 1900 || y > 9999 {
		return VATPeriod{}, bad
	}
	if q, ok := strings.CutPrefix(part, "Q"); ok {
		n, err := strconv.Atoi(q)
		if err != nil || len(q) != 1 || n < 1 || n > 4 {
			return VATPeriod{}, bad
		}
		return VATPeriod{Year: y, Quarter: n}, nil
	}
	m, err := strconv.Atoi(part)
	if err != nil || len(part) > 2 || m < 1 || m > 12 {
		return VATPeriod{}, bad
	}
	return VATPeriod{Year: y, Month: time.Month(m)}, nil
}

// VATPeriodOf is the monthly period of m.
func VATPeriodOf(m Month) VATPeriod { return VATPeriod{Year: m.Year, Month: m.Month} }

// IsQuarter reports a quarterly period.
func (p VATPeriod) IsQuarter() bool { return p.Quarter != 0 }

// First is the period's first day.
func (p VATPeriod) First() Date {
	if p.IsQuarter() {
		return D(p.Year, time.Month(3*p.Quarter-2), 1)
	}
	return D(p.Year, p.Month, 1)
}

// Last is the period's last day.
func (p VATPeriod) Last() Date {
	m := Month{Year: p.Year, Month: p.Month}
	if p.IsQuarter() {
		m.Month = time.Month(3 * p.Quarter)
	}
	return m.Last()
}

// String is the period as ParseVATPeriod reads it: "2026-11", "2026-Q4".
func (p VATPeriod) String() string {
	if p.IsQuarter() {
		return strconv.Itoa(p.Year) + "-Q" + strconv.Itoa(p.Quarter)
	}
	m := strconv.Itoa(int(p.Month))
	if p.Month < 10 {
		m = "0" + m
	}
	return strconv.Itoa(p.Year) + "-" + m
}

// Months lists the calendar months of the period.
func (p VATPeriod) Months() []Month {
	first := p.First().MonthOf()
	if !p.IsQuarter() {
		return []Month{first}
	}
	return []Month{first, first.Next(), first.Next().Next()}
}

// VATForm names one of the three VAT filings.
type VATForm string

// The VAT filings, as the command line names them.
const (
	FormVATReturn  VATForm = "vat-return"  // přiznání k DPH, DPHDP3
	FormVATControl VATForm = "vat-control" // kontrolní hlášení, DPHKH1
	FormEUSales    VATForm = "eu-sales"    // souhrnné hlášení, DPHSHV
)

// Report is the report kind that shows the filing.
func (f VATForm) Report() ReportKind {
	switch f {
	case FormVATControl:
		return ReportVATControl
	case FormEUSales:
		return ReportEUSales
	}
	return ReportVAT
}

// ErrVATPeriodNotBegun is the key of the refusal of a period after today.
const ErrVATPeriodNotBegun = "err.vat.period_future"

// CheckVATPeriod refuses what cannot be filed for period p on today: a
// period that has not begun (key ErrVATPeriodNotBegun), one that has not
// ended when filing (a file for the portal, not a report to look at), a
// company that is not a VAT payer, and a quarterly control statement of a
// legal person, who files it every month whatever its VAT period (§101e(1);
// a legal person's DIČ is its 8-digit IČO).
func CheckVATPeriod(form VATForm, p VATPeriod, today Date, c Company, filing bool) error {
	args := map[string]any{"period": p.String(), "today": today, "last": p.Last()}
	if p.First().After(today) {
		return Invalid("period", ErrVATPeriodNotBegun, "the period {{.period}} has not begun yet (today is {{.today}})", args)
	}
	if filing && !p.Last().Before(today) {
		return Invalid("period", "err.vat.period_open", "the period {{.period}} ends on {{.last}}: it can be filed from the next day", args)
	}
	if !c.VATPayer {
		return Invalid("company.vat_payer", "err.vat.not_payer", "the company is not a VAT payer, so it files no VAT return, control statement or EU sales list (in Settings, tab Company)", nil)
	}
	if form == FormVATControl && p.IsQuarter() && len(czechDIC(c.DIC)) == 8 {
		return Invalid("period", "err.vat.control_monthly", "a legal person files the control statement for each month (§101e of the VAT act), also when its VAT period is a quarter: ask for {{.period}} month by month", args)
	}
	return nil
}

// CheckQuarter refuses a quarterly EU sales list with goods on it: a supply
// of goods makes the list monthly (§102 of the VAT act).
func (s EUSales) CheckQuarter(p VATPeriod) error {
	if p.IsQuarter() && s.HasGoods() {
		return Invalid("period", "err.vat.eu_sales_monthly", "the EU sales list of {{.period}} has supplies of goods (code 0), so it is filed for each month", map[string]any{"period": p.String()})
	}
	return nil
}
