package demo

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"kontor/app"
)

// Writing bank statement files, for the demo: the Czech ABO/GPC format the
// banks export (app.ParseABO reads it; see app/bankabo.go for the layout)
// and a CSV export in the style of Fio's.

// bankFileLine is one movement of a statement file to write.
type bankFileLine struct {
	date           app.Date
	amount         int64 // haléře; + incoming, - outgoing
	vs, ks, ss     string
	counterAccount string // "prefix-number/bank" or "number/bank", "" none
	counterName    string
	message        string
	ref            string // the bank's movement ID, digits
}

// bankFile is a statement of one account over a period.
type bankFile struct {
	account         string // own account "number/bank" or "prefix-number/bank"
	name            string // the account's name
	number          int    // the statement's number
	from, to        app.Date
	opening         int64
	lines           []bankFileLine
	currency        string // CZK
	currencyNumeric string // "0203"
}

func (f bankFile) closing() (closing, debit, credit int64) {
	closing = f.opening
	for _, l := range f.lines {
		closing += l.amount
		if l.amount < 0 {
			debit -= l.amount
		} else {
			credit += l.amount
		}
	}
	return closing, debit, credit
}

// aboAccount writes "prefix-number/bank" as 16 digits (prefix 6, number
// 10) and returns the bank code apart.
func aboAccount(s string) (digits, bank string) {
	num := s
	if i := strings.IndexByte(num, '/'); i >= 0 {
		num, bank = num[:i], num[i+1:]
	}
	prefix := "0"
	if i := strings.IndexByte(num, '-'); i >= 0 {
		prefix, num = num[:i], num[i+1:]
	}
	return fmt.Sprintf("%06s%010s", prefix, num), bank
}

func aboDate(d app.Date) string {
	return fmt.Sprintf("%02d%02d%02d", d.Day(), int(d.Month()), d.Year()%100)
}

func aboSign(v int64) (int64, string) {
	if v < 0 {
		return -v, "-"
	}
	return v, "+"
}

// aboText cuts or pads s to n characters, without diacritics the bank's
// code page lacks replaced.
func aboText(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r) + strings.Repeat(" ", n-len(r))
}

func aboSymbol(s string, n int) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return strings.Repeat("0", n)
	}
	return fmt.Sprintf("%0*s", n, s)
}

// ABO writes the statement in the ABO/GPC format, in Windows-1250 with CRLF
// line ends, as Czech banks do.
func (f bankFile) ABO() ([]byte, error) {
	var b strings.Builder
	own, _ := aboAccount(f.account)
	closing, debit, credit := f.closing()
	op, opSign := aboSign(f.opening)
	cl, clSign := aboSign(closing)
	b.WriteString("074" + own + aboText(f.name, 20) + aboDate(f.from.AddDays(-1)) +
		fmt.Sprintf("%014d%s%014d%s%014d%s%014d%s%03d", op, opSign, cl, clSign, debit, "0", credit, "0", f.number%1000) +
		aboDate(f.to) + strings.Repeat(" ", 14) + "\r\n")
	for _, l := range f.lines {
		counter, bank := strings.Repeat("0", 16), "0000"
		if l.counterAccount != "" {
			counter, bank = aboAccount(l.counterAccount)
		}
		amount, code := l.amount, "2"
		if amount < 0 {
			amount, code = -amount, "1"
		}
		rec := "075" + own + counter + fmt.Sprintf("%013s", l.ref) + fmt.Sprintf("%012d", amount) + code +
			aboSymbol(l.vs, 10) + "00" + fmt.Sprintf("%04s", bank) + aboSymbol(l.ks, 4) + aboSymbol(l.ss, 10) +
			aboDate(l.date) + aboText(l.counterName, 20) + "0" + f.currencyNumeric + aboDate(l.date)
		if n := utf8.RuneCountInString(rec); n != 128 {
			return nil, app.Internal("writing the ABO file", fmt.Errorf("a 075 record of %d characters", n))
		}
		b.WriteString(rec + "\r\n")
		if l.message != "" {
			b.WriteString("078" + aboText(l.message, 35) + "\r\n")
		}
	}
	out, err := charmap.Windows1250.NewEncoder().String(b.String())
	if err != nil {
		return nil, app.Internal("writing the ABO file", err)
	}
	return []byte(out), nil
}

// CSV writes the statement as a bank's CSV export: UTF-8 with a byte-order
// mark, separated by semicolons, Czech dates and amounts, a preamble with
// the account and period, then one movement a row.
func (f bankFile) CSV() []byte {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Comma = ';'
	closing, _, _ := f.closing()
	amount := func(v int64) string { return app.FormatMinor(v, 2, app.Czech) }
	date := func(d app.Date) string { return fmt.Sprintf("%02d.%02d.%04d", d.Day(), int(d.Month()), d.Year()) }
	_ = w.Write([]string{"Číslo účtu", f.account})
	_ = w.Write([]string{"Období", date(f.from) + " - " + date(f.to)})
	_ = w.Write([]string{"Počáteční stav", amount(f.opening)})
	_ = w.Write([]string{"Konečný stav", amount(closing)})
	_ = w.Write([]string{"ID pohybu", "Datum", "Objem", "Měna", "Protiúčet", "Kód banky", "Název protiúčtu", "VS", "KS", "SS", "Zpráva pro příjemce"})
	for _, l := range f.lines {
		acct, bank := l.counterAccount, ""
		if i := strings.IndexByte(acct, '/'); i >= 0 {
			acct, bank = acct[:i], acct[i+1:]
		}
		_ = w.Write([]string{l.ref, date(l.date), amount(l.amount), f.currency, acct, bank, l.counterName, l.vs, l.ks, l.ss, l.message})
	}
	w.Flush()
	return buf.Bytes()
}
