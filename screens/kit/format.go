package kit

import (
	"kontor/app"
	"strings"
	"time"
)

// FormatDateInput writes a date as the user's language shows it, with plain
// spaces so it can be edited: app.ParseDate reads both forms back.
func FormatDateInput(d app.Date) string {
	return strings.ReplaceAll(d.Format(UILang), "\u00a0", " ")
}

// DatePlaceholder is the example date shown in empty date entries.
func DatePlaceholder() string { return FormatDateInput(app.D(2026, time.November, 28)) }

// FormatMoney writes base-currency minor units in the UI language.
func FormatMoney(minor int64, currency string) string {
	return app.Money{Amount: minor, Currency: currency}.Format(UILang)
}

// FormatAmount writes minor units without a currency ("1 234,50"), empty for zero.
func FormatAmount(minor int64, currency string) string {
	if minor == 0 {
		return ""
	}
	return app.FormatMinor(minor, app.MinorDigits(currency), UILang)
}

// FormatTime writes an instant in local time as the UI language expects.
func FormatTime(t time.Time) string {
	t = t.Local()
	return app.DateOf(t).Format(UILang) + " " + t.Format("15:04")
}
