package app

import (
	"encoding/json"
	"strings"
)

// rateScale is the fixed precision of a Rate: six decimal places cover VAT
// percentages, ČNB exchange rates (three places) and payroll percentages.
const rateScale = 1_000_000

// Rate is an exact decimal number such as a VAT percentage (21) or an exchange
// rate (24.325). It is stored in millionths, never as a float.
type Rate struct{ micro int64 }

// RatePercent returns a whole-number percentage rate (21 → 21 %).
func RatePercent(p int64) Rate { return Rate{p * rateScale} }

// RateMicro returns a rate from millionths (24_325_000 → 24.325).
func RateMicro(m int64) Rate { return Rate{m} }

// Micro returns the rate in millionths.
func (r Rate) Micro() int64 { return r.micro }

// IsForeign reports whether r is the exchange rate of a foreign-currency
// document, one whose amounts are converted: set (above zero) and not 1 (the
// rate the sales and purchase rules give a base-currency document).
func (r Rate) IsForeign() bool { return r.micro > 0 && r.micro != rateScale }

// toBase converts an amount of currency to the base currency at rate,
// half-up. An amount at no rate or at rate 1 (a base-currency document), or
// with no currency, is taken as it is.
func toBase(amount int64, currency string, rate Rate, base string) int64 {
	if currency == "" || !rate.IsForeign() {
		return amount
	}
	return M(amount, currency).Convert(base, rate, HalfUp).Amount
}

// ParseRate reads "21", "12,5", "24.325" (either decimal mark).
func ParseRate(s string, lang Lang) (Rate, error) {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if strings.Count(t, ",")+strings.Count(t, ".") > 1 {
		return Rate{}, Errorf(EINVALID, "err.number.invalid", "“{{.value}}” is not a number", map[string]any{"value": s})
	}
	t = strings.ReplaceAll(t, ",", ".")
	v, err := parseDecimal(t, 6, Czech, "")
	if err != nil {
		if e, ok := err.(*Error); ok && e.Args != nil {
			e.Args["value"] = s
		}
		return Rate{}, err
	}
	return Rate{v}, nil
}

// String writes the rate with no trailing zeros and a dot: "24.325".
func (r Rate) String() string { return r.Format("") }

// Format writes the rate in lang's decimal mark with no trailing zeros.
func (r Rate) Format(lang Lang) string {
	s := FormatMinor(r.micro, 6, "")
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if lang == Czech {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// Cmp compares two rates.
func (r Rate) Cmp(o Rate) int {
	switch {
	case r.micro < o.micro:
		return -1
	case r.micro > o.micro:
		return 1
	}
	return 0
}

// MarshalJSON stores the rate as a decimal string so files stay readable.
func (r Rate) MarshalJSON() ([]byte, error) { return json.Marshal(r.String()) }

// UnmarshalJSON reads the decimal string form.
func (r *Rate) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseRate(s, English)
	if err != nil {
		return err
	}
	*r = v
	return nil
}
