package app

import (
	"net/mail"
	"strings"
)

// The one set of address rules a customer passes, whether typed in the form
// or read from a CSV file (Customer.Normalize and Validate call these, and
// both front ends call those).

// countryNames are the countries a Czech office's customers come from most,
// by the names people type instead of the ISO code (folded: no diacritics,
// lower case).
var countryNames = map[string]string{
	"cesko": "CZ", "ceska republika": "CZ", "cr": "CZ", "czech republic": "CZ", "czechia": "CZ",
	"slovensko": "SK", "slovenska republika": "SK", "sr": "SK", "slovakia": "SK",
	"nemecko": "DE", "germany": "DE", "deutschland": "DE", "rakousko": "AT", "austria": "AT", "osterreich": "AT",
	"polsko": "PL", "poland": "PL", "polska": "PL", "madarsko": "HU", "hungary": "HU",
}

// isoCountries are the ISO 3166-1 alpha-2 codes in use.
const isoCountries = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
	"CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
	"GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
	"KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
	"MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
	"SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
	"UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"

// NormalizeCountry reads a country as people write it — "cz", "Česko",
// "Slovakia" — as its ISO code ("CZ", "SK"); what it does not know it
// returns upper-cased for ValidateCountry to judge.
func NormalizeCountry(v string) string {
	v = strings.TrimSpace(v)
	if code, ok := countryNames[foldWord(v)]; ok {
		return code
	}
	return strings.ToUpper(v)
}

// ValidateCountry accepts an ISO 3166-1 alpha-2 code in use.
func ValidateCountry(field, code string) error {
	if len(code) != 2 || !isUpperAlpha(code) || !strings.Contains(isoCountries, code) {
		return Invalid(field, "err.country.format", "write the two-letter country code, e.g. CZ", nil)
	}
	return nil
}

// NormalizePostcode writes a Czech or Slovak postcode the way the post
// office prints it ("60200", "602 00" → "602 00"); others are trimmed.
func NormalizePostcode(country, v string) string {
	v = strings.TrimSpace(v)
	if country == "CZ" || country == "SK" {
		digits := strings.Join(strings.Fields(v), "")
		if len(digits) == 5 && allDigits(digits) {
			return digits[:3] + " " + digits[3:]
		}
	}
	return v
}

// ValidatePostcode accepts an empty postcode (not every party has one on
// file), a Czech or Slovak one of five digits, and elsewhere up to ten
// letters, digits, spaces and dashes ("SW1A 1AA", "1010", "00-950").
func ValidatePostcode(field, country, v string) error {
	if v == "" {
		return nil
	}
	if country == "CZ" || country == "SK" {
		if d := strings.ReplaceAll(v, " ", ""); len(d) != 5 || !allDigits(d) {
			return Invalid(field, "err.postcode.cz", "a Czech or Slovak postcode has five digits, e.g. 602 00", nil)
		}
		return nil
	}
	ok := len(v) <= 10
	for _, r := range v {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == ' ' || r == '-') {
			ok = false
		}
	}
	if !ok {
		return Invalid(field, "err.postcode.format", "a postcode has up to 10 letters, digits, spaces and dashes", nil)
	}
	return nil
}

// ValidateEmail accepts one plain address with a dot in its domain
// ("info@kun.cz"), not a display name or a list.
func ValidateEmail(field, v string) error {
	if v == "" {
		return nil
	}
	a, err := mail.ParseAddress(v)
	if at := strings.IndexByte(v, '@'); err != nil || a.Address != v || at < 0 || !strings.Contains(v[at:], ".") {
		return Invalid(field, "err.email.invalid", "“{{.value}}” is not an e-mail address", map[string]any{"value": v})
	}
	return nil
}
