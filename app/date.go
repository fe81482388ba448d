package app

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil calendar date with no time zone: an issue date, a DUZP, a due
// date. It compares as the calendar does and is stored as "2026-11-28".
type Date struct {
	y int
	m time.Month
	d int
}

// NewDate returns the date, or an error when it does not exist (31. 2.).
func NewDate(y int, m time.Month, d int) (Date, error) {
	t := time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	if y < 1900 || y > 9999 || t.Year() != y || t.Month() != m || t.Day() != d {
		return Date{}, Errorf(EINVALID, "err.date.invalid", "{{.value}} is not a date", map[string]any{"value": fmt.Sprintf("%d-%02d-%02d", y, m, d)})
	}
	return Date{y, m, d}, nil
}

// D builds a date known to be valid; it panics otherwise (tests, presets).
func D(y int, m time.Month, d int) Date { return Must(NewDate(y, m, d)) }

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads "28. 11. 2026", "28.11.2026", "28.11." (this year is not
// guessed: the year is required) or ISO "2026-11-28".
func ParseDate(s string) (Date, error) {
	orig := s
	s = strings.TrimSpace(s)
	bad := Errorf(EINVALID, "err.date.invalid", "“{{.value}}” is not a date (write 28. 11. 2026)", map[string]any{"value": orig})
	if s == "" {
		return Date{}, Errorf(EINVALID, "err.date.empty", "enter a date", nil)
	}
	var parts []string
	var y, m, d int
	var err error
	switch {
	case strings.Count(s, "-") == 2 && !strings.Contains(s, "."):
		parts = strings.Split(s, "-")
		y, m, d, err = atoi3(parts[0], parts[1], parts[2])
	case strings.Count(s, ".") == 2:
		parts = strings.Split(s, ".")
		d, m, y, err = atoi3(parts[0], parts[1], parts[2])
	case len(strings.Fields(s)) == 3 && monthByName(strings.Fields(s)[1]) > 0:
		// The English display form, "28 Nov 2026", typed back in.
		f := strings.Fields(s)
		m = monthByName(f[1])
		d, _, y, err = atoi3(f[0], "0", f[2])
	default:
		return Date{}, bad
	}
	if err != nil || y < 1000 {
		return Date{}, bad
	}
	dt, err := NewDate(y, time.Month(m), d)
	if err != nil {
		return Date{}, bad
	}
	return dt, nil
}

// monthByName reads an English month name or its three-letter abbreviation.
func monthByName(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, ","))
	if len(s) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || s == name[:3] {
			return int(m)
		}
	}
	return 0
}

func atoi3(a, b, c string) (int, int, int, error) {
	var out [3]int
	for i, s := range []string{a, b, c} {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return 0, 0, 0, err
		}
		out[i] = v
	}
	return out[0], out[1], out[2], nil
}

// IsZero reports the zero Date (no date entered).
func (d Date) IsZero() bool { return d.y == 0 }

// Year, Month and Day return the parts.
func (d Date) Year() int { return d.y }

// Month returns the month.
func (d Date) Month() time.Month { return d.m }

// Day returns the day of the month.
func (d Date) Day() int { return d.d }

// Time returns midnight of d in loc.
func (d Date) Time(loc *time.Location) time.Time { return time.Date(d.y, d.m, d.d, 0, 0, 0, 0, loc) }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return DateOf(time.Date(d.y, d.m, d.d+n, 12, 0, 0, 0, time.UTC)) }

// Compare returns -1, 0 or 1.
func (d Date) Compare(o Date) int {
	a, b := d.y*10000+int(d.m)*100+d.d, o.y*10000+int(o.m)*100+o.d
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports d < o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports d > o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// MonthOf returns the accounting month the date falls in.
func (d Date) MonthOf() Month { return Month{d.y, d.m} }

// String is ISO 8601, "2026-11-28".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d)
}

// Key is the 8-byte sortable form "20261128" used in store indexes.
func (d Date) Key() string { return fmt.Sprintf("%04d%02d%02d", d.y, d.m, d.d) }

// Format writes the date as lang's readers expect: "28. 11. 2026" or "28 Nov 2026".
func (d Date) Format(lang Lang) string {
	if d.IsZero() {
		return ""
	}
	if lang == Czech {
		return fmt.Sprintf("%d.\u00a0%d.\u00a0%d", d.d, d.m, d.y)
	}
	return fmt.Sprintf("%d %s %d", d.d, d.m.String()[:3], d.y)
}

// MarshalJSON stores the ISO form.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads the ISO form ("" is the zero date).
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Month is an accounting period: a calendar month of a year.
type Month struct {
	Year  int        `json:"y"`
	Month time.Month `json:"m"`
}

// Key is the sortable "202611" form used in store keys.
func (m Month) Key() string { return fmt.Sprintf("%04d%02d", m.Year, m.Month) }

// First returns the first day of the month.
func (m Month) First() Date { return Date{m.Year, m.Month, 1} }

// Last returns the last day of the month.
func (m Month) Last() Date { return m.Next().First().AddDays(-1) }

// Next returns the following month.
func (m Month) Next() Month {
	if m.Month == time.December {
		return Month{m.Year + 1, time.January}
	}
	return Month{m.Year, m.Month + 1}
}

// Format writes "11/2026".
func (m Month) Format() string { return fmt.Sprintf("%d/%d", m.Month, m.Year) }

// ParseMonth reads "2026-11" or "11/2026".
func ParseMonth(s string) (Month, error) {
	s = strings.TrimSpace(s)
	var y, mo int
	var err error
	if i := strings.IndexByte(s, '-'); i == 4 {
		y, err = strconv.Atoi(s[:4])
		if err == nil {
			mo, err = strconv.Atoi(s[5:])
		}
	} else if i := strings.IndexByte(s, '/'); i > 0 {
		mo, err = strconv.Atoi(s[:i])
		if err == nil {
			y, err = strconv.Atoi(s[i+1:])
		}
	} else {
		err = fmt.Errorf("no separator")
	}
	if err != nil || mo < 1 || mo > 12 || y < 1900 || y > 9999 {
		return Month{}, Errorf(EINVALID, "err.month.invalid", "“{{.value}}” is not a month (write 2026-11)", map[string]any{"value": s})
	}
	return Month{y, time.Month(mo)}, nil
}
