package app

import "strings"

// Qty is a decimal quantity in thousandths: 1,5 h is Qty(1500). Three places
// cover grams, minutes as hours and metres.
type Qty int64

// QtyScale is the number of Qty units in one.
const QtyScale = 1000

// Q returns a whole quantity.
func Q(n int64) Qty { return Qty(n * QtyScale) }

// ParseQty reads "1,5", "2", "0.25" (either decimal mark, at most 3 places).
func ParseQty(s string, lang Lang) (Qty, error) {
	t := strings.TrimSpace(s)
	if strings.Count(t, ",")+strings.Count(t, ".") == 1 {
		t = strings.Replace(t, ",", ".", 1)
	}
	v, err := parseDecimal(t, 3, English, "")
	if err != nil {
		if e, ok := err.(*Error); ok && e.Args != nil {
			e.Args["value"] = s
		}
		return 0, err
	}
	return Qty(v), nil
}

// Format writes the quantity with no trailing zeros: "1,5".
func (q Qty) Format(lang Lang) string {
	s := FormatMinor(int64(q), 3, lang)
	if strings.ContainsAny(s, ".,") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".,")
	}
	return s
}
