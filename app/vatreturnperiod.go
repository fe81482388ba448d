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
