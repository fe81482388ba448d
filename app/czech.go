package app

import (
	"fmt"
	"math/big"
	"strings"
)

// NormalizeICO strips spaces and pads a short IČO with leading zeros.
func NormalizeICO(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s != "" && len(s) < 8 && allDigits(s) {
		s = strings.Repeat("0", 8-len(s)) + s
	}
	return s
}

// ValidateICO checks a Czech company ID: 8 digits whose last is the mod-11 check
// digit of the first seven (weights 8…2).
func ValidateICO(ico string) error {
	if len(ico) != 8 || !allDigits(ico) {
		return Invalid("ico", "err.ico.format", "must have 8 digits", nil)
	}
	s := 0
	for i := 0; i < 7; i++ {
		s += int(ico[i]-'0') * (8 - i)
	}
	if c := (11 - s%11) % 10; int(ico[7]-'0') != c {
		return Invalid("ico", "err.ico.checksum", "{{.value}} is not a valid IČO (the check digit does not match)", map[string]any{"value": ico})
	}
	return nil
}

// NormalizeDIC uppercases a VAT ID and removes spaces.
func NormalizeDIC(s string) string {
	return strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
}

// ValidateDIC checks a VAT ID. A Czech one is CZ + an IČO (8 digits, checked) or
// a birth number (9–10 digits, the 10-digit form divisible by 11); other EU
// prefixes get a shape check only.
func ValidateDIC(dic string) error {
	bad := Invalid("dic", "err.dic.format", "{{.value}} is not a valid DIČ (write CZ and 8 to 10 digits)", map[string]any{"value": dic})
	if len(dic) < 4 {
		return bad
	}
	cc, num := dic[:2], dic[2:]
	if cc != "CZ" {
		if !isUpperAlpha(cc) || len(num) < 2 || len(num) > 12 || !isAlnum(num) {
			return bad
		}
		return nil
	}
	if !allDigits(num) || len(num) < 8 || len(num) > 10 {
		return bad
	}
	switch len(num) {
	case 8:
		if ValidateICO(num) != nil {
			return Invalid("dic", "err.dic.checksum", "{{.value}} is not a valid DIČ (the IČO part fails its check digit)", map[string]any{"value": dic})
		}
	case 10:
		n, _ := new(big.Int).SetString(num, 10)
		first9, _ := new(big.Int).SetString(num[:9], 10)
		okNew := new(big.Int).Mod(n, big.NewInt(11)).Sign() == 0
		okOld := new(big.Int).Mod(first9, big.NewInt(11)).Int64() == 10 && num[9] == '0'
		if !okNew && !okOld {
			return Invalid("dic", "err.dic.checksum", "{{.value}} is not a valid DIČ (the birth number fails its check)", map[string]any{"value": dic})
		}
	}
	return nil
}

// BankAccount is a Czech domestic account number: prefix-number/bank code.
type BankAccount struct {
	Prefix, Number, Bank string
}

// ParseBankAccount reads "19-2000145399/0800" or "2000145399/0800" and checks
// the mod-11 digits of prefix and number.
func ParseBankAccount(s string) (BankAccount, error) {
	orig := s
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	bad := Invalid("bank_account", "err.bank_account.format", "“{{.value}}” is not a Czech account number (write 19-2000145399/0800)", map[string]any{"value": orig})
	slash := strings.IndexByte(s, '/')
	if slash < 0 {
		return BankAccount{}, bad
	}
	var a BankAccount
	a.Bank = s[slash+1:]
	num := s[:slash]
	if dash := strings.IndexByte(num, '-'); dash >= 0 {
		a.Prefix, num = num[:dash], num[dash+1:]
		if a.Prefix == "" || len(a.Prefix) > 6 || !allDigits(a.Prefix) {
			return BankAccount{}, bad
		}
	}
	a.Number = num
	if len(a.Number) < 2 || len(a.Number) > 10 || !allDigits(a.Number) || len(a.Bank) != 4 || !allDigits(a.Bank) {
		return BankAccount{}, bad
	}
	if strings.Trim(a.Number, "0") == "" {
		return BankAccount{}, bad
	}
	if !mod11(a.Prefix, []int{10, 5, 8, 4, 2, 1}) || !mod11(a.Number, []int{6, 3, 7, 9, 10, 5, 8, 4, 2, 1}) {
		return BankAccount{}, Invalid("bank_account", "err.bank_account.checksum", "{{.value}} is not a valid account number (its check digits do not match)", map[string]any{"value": orig})
	}
	return a, nil
}

func mod11(digits string, weights []int) bool {
	if digits == "" {
		return true
	}
	padded := strings.Repeat("0", len(weights)-len(digits)) + digits
	s := 0
	for i := range padded {
		s += int(padded[i]-'0') * weights[i]
	}
	return s%11 == 0
}

// String writes the account in its usual form, without a zero prefix.
func (a BankAccount) String() string {
	if strings.Trim(a.Prefix, "0") != "" {
		return strings.TrimLeft(a.Prefix, "0") + "-" + strings.TrimLeft(a.Number, "0") + "/" + a.Bank
	}
	return strings.TrimLeft(a.Number, "0") + "/" + a.Bank
}

// IBAN returns the CZ IBAN of the account.
func (a BankAccount) IBAN() string {
	pad := func(s string, n int) string { return strings.Repeat("0", n-len(s)) + s }
	bban := a.Bank + pad(a.Prefix, 6) + pad(a.Number, 10)
	return "CZ" + ibanCheck("CZ", bban) + bban
}

var ibanLengths = map[string]int{"CZ": 24, "SK": 24, "DE": 22, "AT": 20, "PL": 28, "HU": 28, "GB": 22, "FR": 27, "IT": 27, "ES": 24, "NL": 18, "BE": 16, "CH": 21, "SI": 19, "IE": 22, "LU": 20}

// NormalizeIBAN removes spaces and uppercases.
func NormalizeIBAN(s string) string {
	return strings.ToUpper(strings.Join(strings.Fields(s), ""))
}

// ValidateIBAN checks length for the country and the ISO 13616 mod-97 digits.
func ValidateIBAN(iban string) error {
	bad := Invalid("iban", "err.iban.format", "“{{.value}}” is not an IBAN", map[string]any{"value": iban})
	if len(iban) < 15 || len(iban) > 34 || !isUpperAlpha(iban[:2]) || !allDigits(iban[2:4]) || !isAlnum(iban[4:]) {
		return bad
	}
	if n, ok := ibanLengths[iban[:2]]; ok && len(iban) != n {
		return Invalid("iban", "err.iban.length", "an IBAN from {{.country}} has {{.n}} characters, this one has {{.got}}", map[string]any{"country": iban[:2], "n": n, "got": len(iban)})
	}
	if ibanMod97(iban[4:]+iban[:4]) != 1 {
		return Invalid("iban", "err.iban.checksum", "{{.value}} is not a valid IBAN (its check digits do not match)", map[string]any{"value": FormatIBAN(iban)})
	}
	return nil
}

func ibanCheck(country, bban string) string {
	return fmt.Sprintf("%02d", 98-ibanMod97(bban+country+"00"))
}

func ibanMod97(s string) int {
	r := 0
	for _, c := range s {
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
			r = (r*10 + v) % 97
			continue
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		}
		r = (r*100 + v) % 97
	}
	return r
}

// FormatIBAN groups an IBAN by four for print: "CZ65 0800 0000 1920 0014 5399".
func FormatIBAN(iban string) string {
	var b strings.Builder
	for i, c := range iban {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// ValidateBIC checks a SWIFT code's shape: 8 or 11 characters.
func ValidateBIC(bic string) error {
	if (len(bic) != 8 && len(bic) != 11) || !isUpperAlpha(bic[:6]) || !isAlnum(bic[6:]) {
		return Invalid("bic", "err.bic.format", "“{{.value}}” is not a BIC (8 or 11 characters, e.g. GIBACZPX)", map[string]any{"value": bic})
	}
	return nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isUpperAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if !(s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
			return false
		}
	}
	return s != ""
}
