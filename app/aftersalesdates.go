package app

import "time"

// The calendar the after-sales deadlines are counted on: Czech public
// holidays and how a period in days or months ends (občanský zákoník
// §§ 605–607). No other package kept a holiday calendar when this was
// written; it lives here until a second user needs it.

// CzechHoliday reports whether d is a Czech public holiday: a state holiday
// (státní svátek, § 1 zákona č. 245/2000 Sb.: 1. 1., 8. 5., 5. 7., 6. 7.,
// 28. 9., 28. 10., 17. 11.) or another holiday (ostatní svátek, § 2: Nový
// rok, Velký pátek — since 2016, zákon č. 359/2015 Sb. —, Velikonoční
// pondělí, 1. 5., 24., 25. and 26. 12.).
func CzechHoliday(d Date) bool {
	switch d.m*100 + time.Month(d.d) {
	case 101, 501, 508, 705, 706, 928, 1028, 1117, 1224, 1225, 1226:
		return true
	}
	easter := EasterSunday(d.y)
	if d == easter.AddDays(1) {
		return true
	}
	return d.y >= 2016 && d == easter.AddDays(-2)
}

// EasterSunday is the Gregorian Easter Sunday of year y (the anonymous
// Gregorian algorithm, Meeus/Jones/Butcher).
func EasterSunday(y int) Date {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return Date{y, time.Month(month), day}
}

// Weekday is the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.Time(time.UTC).Weekday() }

// CzechWorkday reports a day that is neither Saturday, Sunday nor a public
// holiday.
func CzechWorkday(d Date) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday && !CzechHoliday(d)
}

// NextCzechWorkday is d when it is a working day, else the first working day
// after it: where a period ending on a Saturday, Sunday or holiday ends
// (§ 607 OZ: „Připadne-li poslední den lhůty na sobotu, neděli nebo svátek,
// je posledním dnem lhůty pracovní den nejblíže následující.“).
func NextCzechWorkday(d Date) Date {
	for !CzechWorkday(d) {
		d = d.AddDays(1)
	}
	return d
}

// PeriodDaysEnd is the last day of a period of n days that starts with the
// event on day from: it runs from the next day (§ 605 odst. 1 OZ), so its
// last day is from + n, moved to the next working day when that is a
// Saturday, Sunday or holiday (§ 607 OZ).
func PeriodDaysEnd(from Date, n int) Date { return NextCzechWorkday(from.AddDays(n)) }

// AddMonthsClamped is the day n months after d with the same day number, or
// the month's last day when it has no such day (§ 605 odst. 2 OZ: a period
// in months ends on the day whose number matches the event's day; 31. 1. +
// 1 month = 28. or 29. 2.).
func AddMonthsClamped(d Date, n int) Date {
	m := int(d.m) - 1 + n
	y := d.y + m/12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	last := time.Date(y, time.Month(m+2), 0, 12, 0, 0, 0, time.UTC).Day()
	day := d.d
	if day > last {
		day = last
	}
	return Date{y, time.Month(m + 1), day}
}

// DaysFrom is the number of days from a to b (negative when b is before a).
func DaysFrom(a, b Date) int {
	return int(b.Time(time.UTC).Unix()/86400 - a.Time(time.UTC).Unix()/86400)
}

// WeekOf is the Monday and Sunday of the week (Monday first, as Czech
// calendars are) that d falls in.
func WeekOf(d Date) (Date, Date) {
	off := (int(d.Weekday()) + 6) % 7 // Monday 0 … Sunday 6
	mon := d.AddDays(-off)
	return mon, mon.AddDays(6)
}
