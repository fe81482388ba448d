package app

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// PaymentQR returns the text of the payment QR code of a document: QR Platba
// (SPAYD 1.0) for CZK, EPC (SEPA credit transfer) for EUR. ok is false when no
// code belongs on it: no IBAN, nothing left to pay, or another currency.
func PaymentQR(d SalesDoc, amount int64) (text string, ok bool) {
	iban := NormalizeIBAN(d.Supplier.IBAN)
	if iban == "" || amount <= 0 || d.PaymentMethod == PayCash {
		return "", false
	}
	switch d.Currency {
	case "CZK":
		return SPAYD(iban, d.Supplier.BIC, M(amount, "CZK"), d.VariableSymbol, d.DueDate, "FAKTURA "+d.Number)
	case "EUR":
		return EPC(d.Supplier.BIC, d.Supplier.Name, iban, M(amount, "EUR"), "Faktura "+d.Number+" VS "+d.VariableSymbol)
	}
	return "", false
}

// SPAYD builds a QR Platba string (Czech Banking Association, SPAYD 1.0):
// SPD*1.0*ACC:…*AM:…*CC:CZK*DT:…*X-VS:…*MSG:…. Values are kept to the QR
// alphanumeric set (upper case, no diacritics, no '*') so the code stays small.
func SPAYD(iban, bic string, amount Money, vs string, due Date, msg string) (string, bool) {
	am := FormatMinor(amount.Amount, MinorDigits(amount.Currency), "")
	if amount.Amount <= 0 || len(am) > 10 || iban == "" {
		return "", false
	}
	acc := iban
	if bic != "" {
		acc += "+" + bic
	}
	parts := []string{"SPD", "1.0", "ACC:" + acc, "AM:" + am, "CC:" + amount.Currency}
	if !due.IsZero() {
		parts = append(parts, "DT:"+due.Key())
	}
	if vs != "" {
		parts = append(parts, "X-VS:"+vs)
	}
	if m := spaydText(msg, 60); m != "" {
		parts = append(parts, "MSG:"+m)
	}
	return strings.Join(parts, "*"), true
}

// spaydText reduces s to the QR alphanumeric set: upper case ASCII letters,
// digits, space and $%+-./: — diacritics dropped, anything else a space.
func spaydText(s string, max int) string {
	s = asciiFold(s)
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune(" $%+-./:", r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	if len(out) > max {
		out = strings.TrimSpace(out[:max])
	}
	return out
}

// asciiFold removes diacritics: "Žluťoučký" → "Zlutoucky".
func asciiFold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// EPC builds an EPC QR (EPC069-12, version 002, UTF-8) for a SEPA credit
// transfer in euros: BCD, 002, 1, SCT, BIC, name, IBAN, EUR amount, purpose,
// reference, text. It is refused past the standard's 331 bytes.
func EPC(bic, name, iban string, amount Money, text string) (string, bool) {
	if amount.Currency != "EUR" || amount.Amount <= 0 || amount.Amount > 99999999999 || iban == "" {
		return "", false
	}
	name = truncateRunes(strings.TrimSpace(name), 70)
	text = truncateRunes(strings.TrimSpace(text), 140)
	lines := []string{"BCD", "002", "1", "SCT", bic, name, iban, "EUR" + FormatMinor(amount.Amount, 2, ""), "", "", text}
	s := strings.Join(lines, "\n")
	if len(s) > 331 {
		return "", false
	}
	return s, true
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// FoldText lowercases s and removes diacritics, for searching as people type:
// "zlutou" finds "Žlutou".
func FoldText(s string) string { return strings.ToLower(asciiFold(s)) }
