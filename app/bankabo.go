package app

import (
	"strings"
	"time"
	"unicode/utf8"
)

// ABO/GPC is the fixed-width statement format Czech banks have exported
// since the 1990s ("GPC", the statement half of ABO). A file is text in
// Windows-1250 (DecodeText also accepts UTF-8), one record a line, CRLF or
// LF. Positions below are 1-based and inclusive, as the banks' own
// descriptions give them; amounts are digits in haléře (minor units), never
// decimals; dates are DDMMYY, years 2000–2099; "000000" is no date.
//
// Record 074, the statement header, 128 characters:
//
//	  1–3    "074"
//	  4–19   own account: prefix (6) + number (10), zero-padded
//	 20–39   account name, abbreviated
//	 40–45   date of the old (opening) balance, DDMMYY
//	 46–59   old balance (14)          60  its sign, "+" or "-"
//	 61–74   new balance (14)          75  its sign
//	 76–89   debit turnover (14)       90  its sign ("0", "+" or "-")
//	 91–104  credit turnover (14)     105  its sign
//	105–108  statement number (3, at 106–108)
//	109–114  statement date, DDMMYY
//	115–128  filler (spaces; some banks leave them out, so 114 characters
//	         are accepted)
//
// Record 075, one movement, 128 characters:
//
//	  1–3    "075"
//	  4–19   own account (16)
//	 20–35   counter account: prefix (6) + number (10); zeros when none
//	 36–48   document number (13): the bank's id of the movement → BankRef
//	 49–60   amount in haléře (12), unsigned
//	 61      accounting code: 1 debit (−), 2 credit (+), 4 storno of a
//	         debit (+, the money comes back), 5 storno of a credit (−);
//	         banks differ here, so other codes are refused rather than
//	         guessed, and the balance check below catches a wrong sign
//	 62–71   variable symbol (10)
//	 72–81   constant symbol field (10): 2 filler, counter bank code (4,
//	         positions 74–77), constant symbol (4, 78–81)
//	 82–91   specific symbol (10)
//	 92–97   value date DDMMYY → BankLine.Date (the due date below when
//	         this is zero)
//	 98–117  counter-account name or the kind of movement (20)
//	118      change code ("0", "Z", "C", "P")
//	119–122  currency: ISO 4217 numeric code "0203" (CZK), "0978" (EUR)…
//	         at ČSOB and Fio; other banks put a data type ("1101") there,
//	         which reads as the statement's currency (CZK)
//	123–128  due date DDMMYY
//
// Records 078 and 079 (Fio, ČSOB) follow a 075 and carry the message for
// the recipient in 35-character parts (AV1–AV4); their text goes to the
// movement's Message. Record 076 (extended details some banks add) is
// skipped. Any other record type, or a 074/075 of the wrong length, refuses
// the file. Account numbers are read in the standard format; KB's optional
// "internal" (permuted) account format is not recognised.
//
// A file may hold several statements (074 headers) of one account in a row;
// they become one BankStatement when each opens with the balance the one
// before closed with.

// aboRecordLen is the length of the 074 and 075 records.
const aboRecordLen = 128

// aboCurrencies maps ISO 4217 numeric codes to the currencies Kontor knows.
var aboCurrencies = map[string]string{
	"203": "CZK", "978": "EUR", "840": "USD", "826": "GBP",
	"985": "PLN", "348": "HUF", "756": "CHF", "392": "JPY",
}

// ParseABO reads an ABO/GPC statement file (see above). Every amount is
// exact in minor units. The file is refused with EINVALID — "line N: …" for
// a bad record — when it is not text, a record has the wrong length or an
// unknown type, a number, sign, date or accounting code is not one, the
// lines mix currencies, a movement comes before any header, statements of
// different accounts are mixed, or the movements do not add up from the
// opening to the closing balance.
func ParseABO(data []byte) (BankStatement, error) {
	st := BankStatement{Format: BankFormatABO}
	text, _, err := DecodeText(data)
	if err != nil {
		return st, err
	}
	text = strings.TrimRight(text, "\x1a") // DOS end-of-file mark
	var (
		sections     int
		secOpening   int64 // opening balance of the current section
		firstOpening int64
		secClosing   int64
		secLine      int // line of the current header
		secHeader    aboHeader
		secTurn      aboTurnover // what the current section's movements add up to
		currency     string
		lastWasMove  bool
	)
	closeSection := func() error {
		if sections == 0 {
			return nil
		}
		cur := currency
		if cur == "" {
			cur = "CZK"
		}
		sum := secTurn.credit - secTurn.debit // each below 10^18: no overflow
		if secOpening+sum != secClosing {
			return bankLineError(secLine, "err.bank.abo_balance",
				"the movements of this statement do not add up: opening balance {{.opening}} plus movements {{.sum}} is not the closing balance {{.closing}}",
				map[string]any{"opening": M(secOpening, cur), "sum": M(sum, cur), "closing": M(secClosing, cur)})
		}
		return secTurn.check(secHeader, secLine, cur)
	}
	lines := strings.Split(text, "\n")
	for i, raw := range lines {
		n := i + 1
		rec := strings.TrimSuffix(raw, "\r")
		if strings.TrimSpace(rec) == "" {
			continue
		}
		if len(rec) < 3 {
			return st, bankLineError(n, "err.bank.abo_short", "the record is too short to have a type ({{.len}} characters)", map[string]any{"len": utf8.RuneCountInString(rec)})
		}
		switch typ := rec[:3]; typ {
		case "074":
			h, err := parseABOHeader(rec, n)
			if err != nil {
				return st, err
			}
			if err := closeSection(); err != nil {
				return st, err
			}
			if sections == 0 {
				st.Account, st.From = h.account, h.oldDate
				if !h.oldDate.IsZero() {
					st.From, st.PeriodStated = h.oldDate.AddDays(1), true
				}
				secOpening, firstOpening = h.opening, h.opening
			} else {
				if h.account != st.Account {
					return st, bankLineError(n, "err.bank.abo_accounts", "a statement of another account ({{.b}}) follows one of {{.a}}; import each account's file separately", map[string]any{"a": st.Account, "b": h.account})
				}
				if h.opening != secClosing {
					return st, bankLineError(n, "err.bank.abo_gap", "this statement opens with {{.opening}} but the one before closed with {{.closing}}: a statement is missing between them",
						map[string]any{"opening": FormatMinor(h.opening, 2, ""), "closing": FormatMinor(secClosing, 2, "")})
				}
				secOpening = h.opening
			}
			sections++
			secClosing, secLine, secHeader, secTurn = h.closing, n, h, aboTurnover{}
			st.To = h.date
			lastWasMove = false
		case "075":
			if sections == 0 {
				return st, bankLineError(n, "err.bank.abo_no_header", "a movement (075) before any statement header (074)", nil)
			}
			l, cur, storno, err := parseABOMovement(rec, n)
			if err != nil {
				return st, err
			}
			if err := secTurn.add(l, storno); err != nil {
				return st, err
			}
			if cur != "" {
				if currency != "" && cur != currency {
					return st, bankLineError(n, "err.bank.currency_mixed", "the movement is in {{.b}} but the statement's others are in {{.a}}", map[string]any{"a": currency, "b": cur})
				}
				currency = cur
			}
			st.Lines = append(st.Lines, l)
			lastWasMove = true
		case "076":
			// Extended details of some banks; nothing Kontor needs.
		case "078", "079":
			if !lastWasMove {
				return st, bankLineError(n, "err.bank.abo_orphan", "a message record ({{.type}}) that follows no movement (075)", map[string]any{"type": typ})
			}
			if utf8.RuneCountInString(rec) > aboRecordLen {
				return st, bankLineError(n, "err.bank.abo_length", "a {{.type}} record has {{.len}} characters, not at most {{.want}}", map[string]any{"type": typ, "len": utf8.RuneCountInString(rec), "want": aboRecordLen})
			}
			l := &st.Lines[len(st.Lines)-1]
			for _, part := range chunkRunes([]rune(rec[3:]), 35) {
				if p := strings.TrimSpace(part); p != "" {
					if l.Message != "" {
						l.Message += " "
					}
					l.Message += p
				}
			}
		default:
			return st, bankLineError(n, "err.bank.abo_type", "unknown ABO record type “{{.type}}” (expected 074 statement header or 075 movement)", map[string]any{"type": typ})
		}
	}
	if sections == 0 {
		return st, Errorf(EINVALID, "err.bank.abo_empty", "the ABO file has no statement header (074)", nil)
	}
	if err := closeSection(); err != nil {
		return st, err
	}
	if currency == "" {
		currency = "CZK"
	}
	st.Currency = currency
	scale := int64(1)
	if d := MinorDigits(currency); d != 2 {
		// ABO amounts always have two decimals; JPY has none.
		scale = pow10(2 - d)
	}
	// The balances: before the first statement and after the last.
	opening, closing := firstOpening, secClosing
	for i := range st.Lines {
		st.Lines[i].Amount = M(st.Lines[i].Amount.Amount/scale, currency)
	}
	st.Opening, st.Closing = M(opening/scale, currency), M(closing/scale, currency)
	st.BalancesStated, st.BalanceLine = true, secLine
	if st.From.After(st.To) {
		st.From = st.To
	}
	return st, CheckBankStatement(st, Date{})
}

// aboTurnover adds up one statement's movements the two ways banks fill
// the header's turnovers: by direction (every outgoing movement is a
// debit) and by accounting code (a storno lowers the turnover it undoes).
type aboTurnover struct {
	debit, credit       int64 // by direction, both ≥ 0
	debitNet, creditNet int64 // by code: 1 − 4 and 2 − 5
}

// maxABOTurnover keeps the sums of a section far from int64's end: no
// statement of a business comes near a million lines of 10^12.
const maxABOTurnover = 1_000_000_000_000_000_000

func (t *aboTurnover) add(l BankLine, storno bool) error {
	a := l.Amount.Amount
	switch {
	case a < 0:
		t.debit -= a
	default:
		t.credit += a
	}
	switch {
	case storno && a > 0: // 4: a debit undone
		t.debitNet -= a
	case storno: // 5: a credit undone
		t.creditNet += a
	case a < 0:
		t.debitNet -= a
	default:
		t.creditNet += a
	}
	if t.debit > maxABOTurnover || t.credit > maxABOTurnover {
		return bankLineError(l.Line, "err.bank.abo_too_much", "the statement's movements add up to more than any account holds", nil)
	}
	return nil
}

// check refuses a header whose debit and credit turnovers are not what
// the movements below it add up to (read either way; the signs banks give
// the turnovers vary, so they are compared without them).
func (t aboTurnover) check(h aboHeader, line int, cur string) error {
	dt, ct := abs64(h.debitTurn), abs64(h.creditTurn)
	if dt == t.debit && ct == t.credit || dt == t.debitNet && ct == t.creditNet {
		return nil
	}
	return bankLineError(line, "err.bank.abo_turnover",
		"the statement header's turnovers (debits {{.hdebit}}, credits {{.hcredit}}) are not what its movements add up to (debits {{.debit}}, credits {{.credit}}): a movement is missing or the file was altered",
		map[string]any{"hdebit": M(dt, cur), "hcredit": M(ct, cur), "debit": M(t.debit, cur), "credit": M(t.credit, cur)})
}

// aboHeader is what a 074 record says.
type aboHeader struct {
	account               string
	oldDate, date         Date
	opening, closing      int64
	debitTurn, creditTurn int64
}

// parseABOHeader reads a 074 record of line n.
func parseABOHeader(rec string, n int) (aboHeader, error) {
	var h aboHeader
	r := []rune(rec)
	if len(r) < 114 || len(r) > aboRecordLen || (len(r) > 114 && strings.TrimSpace(string(r[114:])) != "") {
		return h, bankLineError(n, "err.bank.abo_length", "a {{.type}} record has {{.len}} characters, not {{.want}}", map[string]any{"type": "074", "len": len(r), "want": aboRecordLen})
	}
	f := aboFields{r: r, line: n}
	h.account = f.account(4, 19)
	h.oldDate = f.date(40, 45, "old balance date")
	h.opening = f.signed(46, 59, 60, "old balance")
	h.closing = f.signed(61, 74, 75, "new balance")
	h.debitTurn = f.signed(76, 89, 90, "debit turnover")
	h.creditTurn = f.signed(91, 104, 105, "credit turnover")
	f.digits(106, 108, "statement number")
	h.date = f.date(109, 114, "statement date")
	if f.err == nil && h.date.IsZero() {
		f.fail(109, "statement date", "000000")
	}
	return h, f.err
}

// parseABOMovement reads a 075 record of line n, the currency it names
// ("" when it names none) and whether it is a storno (codes 4 and 5).
func parseABOMovement(rec string, n int) (BankLine, string, bool, error) {
	l := BankLine{Line: n}
	r := []rune(rec)
	if len(r) != aboRecordLen {
		return l, "", false, bankLineError(n, "err.bank.abo_length", "a {{.type}} record has {{.len}} characters, not {{.want}}", map[string]any{"type": "075", "len": len(r), "want": aboRecordLen})
	}
	f := aboFields{r: r, line: n}
	f.account(4, 19)
	counter := f.account(20, 35)
	l.BankRef = strings.TrimSpace(f.text(36, 48))
	amount := f.number(49, 60, "amount")
	code := f.text(61, 61)
	l.VariableSymbol = trimSymbol(f.symbol(62, 71, "variable symbol"))
	ks := f.symbol(72, 81, "constant symbol")
	l.SpecificSymbol = trimSymbol(f.symbol(82, 91, "specific symbol"))
	l.Date = f.date(92, 97, "value date")
	l.CounterName = strings.TrimSpace(f.text(98, 117))
	curField := strings.TrimSpace(f.text(119, 122))
	due := f.date(123, 128, "due date")
	if f.err != nil {
		return l, "", false, f.err
	}
	if l.Date.IsZero() {
		l.Date = due
	}
	if l.Date.IsZero() {
		return l, "", false, bankLineError(n, "err.bank.abo_no_date", "the movement has neither a value date nor a due date", nil)
	}
	if len(ks) == 10 {
		bank := strings.TrimLeft(ks[2:6], " ")
		l.ConstantSymbol = trimSymbol(ks[6:])
		if counter != "" {
			if strings.Trim(bank, "0") != "" {
				counter += "/" + bank
			}
			l.CounterAccount = counter
		}
	} else {
		l.ConstantSymbol = trimSymbol(ks)
		l.CounterAccount = counter
	}
	switch code {
	case "1", "5": // debit; storno of a credit
		amount = -amount
	case "2", "4": // credit; storno of a debit
	default:
		return l, "", false, bankLineError(n, "err.bank.abo_code", "unknown accounting code “{{.code}}” at position 61 (expected 1 debit, 2 credit, 4 or 5 storno)", map[string]any{"code": code})
	}
	l.Amount = M(amount, "")
	cur := ""
	if c, ok := aboCurrencies[strings.TrimLeft(curField, "0")]; ok && strings.HasPrefix(curField, "0") {
		cur = c
	}
	return l, cur, code == "4" || code == "5", nil
}

// aboFields reads fixed-width fields of one record by 1-based inclusive
// positions, keeping the first error.
type aboFields struct {
	r    []rune
	line int
	err  error
}

func (f *aboFields) text(from, to int) string { return string(f.r[from-1 : to]) }

func (f *aboFields) fail(pos int, what, value string) {
	if f.err == nil {
		f.err = bankLineError(f.line, "err.bank.abo_field", "the {{.what}} at position {{.pos}} is not valid: “{{.value}}”",
			map[string]any{"what": what, "pos": pos, "value": value})
	}
}

// digits checks that the field is all digits and returns it.
func (f *aboFields) digits(from, to int, what string) string {
	s := f.text(from, to)
	if !allDigits(s) {
		f.fail(from, what, s)
	}
	return s
}

// number reads an unsigned amount in minor units.
func (f *aboFields) number(from, to int, what string) int64 {
	s := f.digits(from, to, what)
	var v int64
	for _, c := range s {
		if c >= '0' && c <= '9' {
			v = v*10 + int64(c-'0') // at most 14 digits: never overflows
		}
	}
	return v
}

// signed reads an amount followed by its sign ("+", "-", or "0" meaning +).
func (f *aboFields) signed(from, to, signPos int, what string) int64 {
	v := f.number(from, to, what)
	switch s := f.text(signPos, signPos); s {
	case "+", "0", " ":
	case "-":
		v = -v
	default:
		f.fail(signPos, what+" sign", s)
	}
	return v
}

// symbol reads a payment symbol: digits, or spaces where there is none.
func (f *aboFields) symbol(from, to int, what string) string {
	s := f.text(from, to)
	if t := strings.TrimSpace(s); t != "" && !allDigits(t) {
		f.fail(from, what, s)
	}
	return s
}

// date reads DDMMYY; "000000" (or spaces) is the zero Date.
func (f *aboFields) date(from, to int, what string) Date {
	s := f.text(from, to)
	if strings.Trim(s, "0 ") == "" {
		return Date{}
	}
	if !allDigits(s) {
		f.fail(from, what, s)
		return Date{}
	}
	d, m, y := atoiDigits(s[0:2]), atoiDigits(s[2:4]), atoiDigits(s[4:6])
	dt, err := NewDate(2000+y, time.Month(m), d)
	if err != nil {
		f.fail(from, what, s)
		return Date{}
	}
	return dt
}

// account reads a 16-digit account field, prefix (6) + number (10), as
// "19-2000145399" or "2000145399"; "" when it is all zeros or spaces.
func (f *aboFields) account(from, to int) string {
	s := f.text(from, to)
	if strings.Trim(s, "0 ") == "" {
		return ""
	}
	if !allDigits(s) {
		f.fail(from, "account number", s)
		return ""
	}
	prefix, number := strings.TrimLeft(s[:6], "0"), strings.TrimLeft(s[6:], "0")
	if number == "" {
		number = "0"
	}
	if prefix != "" {
		return prefix + "-" + number
	}
	return number
}

func atoiDigits(s string) int {
	v := 0
	for _, c := range s {
		v = v*10 + int(c-'0')
	}
	return v
}

// chunkRunes splits r into pieces of n runes.
func chunkRunes(r []rune, n int) []string {
	var out []string
	for len(r) > n {
		out = append(out, string(r[:n]))
		r = r[n:]
	}
	return append(out, string(r))
}
