package app

import (
	"math"
	"strings"
	"unicode"
)

// Money is an amount in integer minor units (haléře, cents) of one currency.
// It is never a float; arithmetic refuses to mix currencies.
type Money struct {
	Amount   int64  `json:"a"`
	Currency string `json:"c"`
}

// currencyInfo holds what Kontor needs to know of a currency.
type currencyInfo struct {
	digits   int
	csSymbol string // written after the number in Czech
	enPrefix string // written before the number in English
}

var currencies = map[string]currencyInfo{
	"CZK": {2, "Kč", "CZK\u00a0"},
	"EUR": {2, "€", "€"},
	"USD": {2, "US$", "$"},
	"GBP": {2, "£", "£"},
	"PLN": {2, "zł", "PLN\u00a0"},
	"HUF": {2, "Ft", "HUF\u00a0"},
	"CHF": {2, "CHF", "CHF\u00a0"},
	"JPY": {0, "JPY", "¥"},
}

// Currencies lists the currency codes Kontor knows, base currency candidates first.
func Currencies() []string {
	return []string{"CZK", "EUR", "USD", "GBP", "PLN", "HUF", "CHF", "JPY"}
}

// ValidCurrency reports whether code is a currency Kontor knows.
func ValidCurrency(code string) bool { _, ok := currencies[code]; return ok }

// MinorDigits returns how many decimal places the currency has (2 for CZK).
func MinorDigits(code string) int {
	if c, ok := currencies[code]; ok {
		return c.digits
	}
	return 2
}

func pow10(n int) int64 {
	p := int64(1)
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// M builds Money from minor units.
func M(minor int64, currency string) Money { return Money{Amount: minor, Currency: currency} }

// IsZero reports a zero amount.
func (m Money) IsZero() bool { return m.Amount == 0 }

// Neg returns -m.
func (m Money) Neg() Money { return Money{-m.Amount, m.Currency} }

// Add returns m+o; currencies must match.
func (m Money) Add(o Money) (Money, error) {
	if err := sameCurrency(m, o); err != nil {
		return Money{}, err
	}
	s := m.Amount + o.Amount
	if (s > m.Amount) != (o.Amount > 0) {
		return Money{}, Errorf(EINVALID, "err.money.overflow", "amount is too large", nil)
	}
	cur := m.Currency
	if m.Amount == 0 && o.Amount != 0 || cur == "" {
		// A zero (or zero-value) amount takes the other side's currency, so
		// summing into Money{} or 0 CZK never relabels euros as crowns.
		cur = o.Currency
	}
	return Money{s, cur}, nil
}

// Sub returns m-o; currencies must match.
func (m Money) Sub(o Money) (Money, error) { return m.Add(o.Neg()) }

func sameCurrency(a, b Money) error {
	if a.Currency != b.Currency && a.Amount != 0 && b.Amount != 0 {
		return Errorf(EINVALID, "err.money.currency_mismatch", "cannot combine {{.a}} and {{.b}}", map[string]any{"a": a.Currency, "b": b.Currency})
	}
	return nil
}

// ParseMoney reads an amount typed by a person in lang's conventions: "1 234,50",
// "1234.5", "1 234,50 Kč", "-12". It refuses more decimals than the currency has.
func ParseMoney(s, currency string, lang Lang) (Money, error) {
	minor, err := parseDecimal(s, MinorDigits(currency), lang, currency)
	if err != nil {
		return Money{}, err
	}
	return Money{minor, currency}, nil
}

// parseDecimal returns s scaled by 10^digits, refusing extra decimals.
func parseDecimal(s string, digits int, lang Lang, currency string) (int64, error) {
	orig := s
	s = strings.TrimSpace(s)
	if currency != "" {
		if info, ok := currencies[currency]; ok {
			for _, mark := range []string{info.csSymbol, strings.TrimSpace(info.enPrefix), currency} {
				s = strings.ReplaceAll(s, mark, "")
			}
		}
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u202f' || r == '\u00a0' || r == '\'' {
			return -1
		}
		if r == '−' {
			return '-'
		}
		return r
	}, s)
	bad := func() (int64, error) {
		return 0, Errorf(EINVALID, "err.number.invalid", "“{{.value}}” is not a number", map[string]any{"value": orig})
	}
	if s == "" {
		return 0, Errorf(EINVALID, "err.number.empty", "enter an amount", nil)
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	intPart, frac := s, ""
	commas, dots := strings.Count(s, ","), strings.Count(s, ".")
	dec := byte(0)
	switch {
	case commas > 0 && dots > 0:
		if strings.LastIndexByte(s, ',') > strings.LastIndexByte(s, '.') {
			dec = ','
		} else {
			dec = '.'
		}
	case lang == English && commas > 0:
		dec = 0 // grouping commas
	case commas == 1:
		dec = ','
	case dots == 1:
		dec = '.'
	}
	if dec != 0 {
		i := strings.LastIndexByte(s, dec)
		intPart, frac = s[:i], s[i+1:]
		if strings.IndexByte(intPart, dec) >= 0 {
			return bad() // two decimal marks: "1,2,3"
		}
	}
	if !validGrouping(intPart) {
		return bad() // "12,50" in English, "28.11.2026": not thousands
	}
	intPart = strings.NewReplacer(",", "", ".", "").Replace(intPart)
	if intPart == "" && frac == "" {
		return bad()
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return bad()
		}
	}
	if len(frac) > digits {
		return 0, Errorf(EINVALID, "err.number.decimals", "“{{.value}}” has more than {{.digits}} decimal places", map[string]any{"value": orig, "digits": digits})
	}
	frac += strings.Repeat("0", digits-len(frac))
	var v int64
	for _, r := range intPart + frac {
		d := int64(r - '0')
		if v > (math.MaxInt64-d)/10 {
			return 0, Errorf(EINVALID, "err.number.too_large", "“{{.value}}” is too large", map[string]any{"value": orig})
		}
		v = v*10 + d
	}
	if neg {
		v = -v
	}
	return v, nil
}

// validGrouping accepts digits with optional thousands separators (',' or
// '.'): one to three digits, then groups of exactly three. Anything else is
// more likely a mistyped decimal or a date than a number.
func validGrouping(s string) bool {
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '.' })
	if len(groups) <= 1 {
		return !strings.ContainsAny(s, ",.")
	}
	if strings.HasPrefix(s, ",") || strings.HasPrefix(s, ".") || strings.HasSuffix(s, ",") || strings.HasSuffix(s, ".") || strings.Contains(s, ",,") || strings.Contains(s, "..") {
		return false
	}
	if len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// Format writes m as a person in lang reads it: "1 234,50 Kč" or "CZK 1,234.50".
// Separators are non-breaking spaces so amounts never wrap.
func (m Money) Format(lang Lang) string {
	info, ok := currencies[m.Currency]
	if !ok {
		info = currencyInfo{2, m.Currency, m.Currency + "\u00a0"}
	}
	num := FormatMinor(abs64(m.Amount), info.digits, lang)
	sign := ""
	if m.Amount < 0 {
		sign = "-"
	}
	if lang == Czech {
		return sign + num + "\u00a0" + info.csSymbol
	}
	return sign + info.enPrefix + num
}

// FormatNumber writes m without the currency: "1 234,50".
func (m Money) FormatNumber(lang Lang) string {
	return FormatMinor(m.Amount, MinorDigits(m.Currency), lang)
}

// String is the unambiguous machine form "1234.50 CZK" used in logs and CSV.
func (m Money) String() string {
	return FormatMinor(m.Amount, MinorDigits(m.Currency), "") + " " + m.Currency
}

// FormatMinor writes v/10^digits with lang's separators; lang "" gives plain
// "1234.50" for machines.
func FormatMinor(v int64, digits int, lang Lang) string {
	neg := v < 0
	u := uint64(abs64(v))
	p := uint64(pow10(digits))
	ip, fp := u/p, u%p
	digitsStr := uitoa(ip)
	group, dec := "", "."
	switch lang {
	case Czech:
		group, dec = "\u00a0", ","
	case English:
		group = ","
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range digitsStr {
		if i > 0 && (len(digitsStr)-i)%3 == 0 && group != "" {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if digits > 0 {
		b.WriteString(dec)
		f := uitoa(fp)
		b.WriteString(strings.Repeat("0", digits-len(f)))
		b.WriteString(f)
	}
	return b.String()
}

func uitoa(u uint64) string {
	if u == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	for u > 0 {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	return string(buf[i:])
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
