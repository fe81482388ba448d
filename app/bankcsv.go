package app

import (
	"encoding/csv"
	"io"
	"strings"
	"time"
)

// CSVMapping tells ParseBankCSV where a bank's CSV export keeps what: a
// column index (0-based) for each value, -1 when the file has none.
// GuessCSVMapping finds one from the header; the front end lets the user
// correct it and remembers it per bank account.
type CSVMapping struct {
	Date, Amount, Currency, VS, KS, SS, CounterAccount, CounterBank, CounterName, Message, BankRef int
	// DateFormat is a Go layout: BankDateDMY ("28.11.2026", also
	// "1.11.2026"), BankDateISO ("2026-11-28") or BankDateDMYShort
	// ("28.11.26"); "" tries each of them on every value.
	DateFormat string
	HasHeader  bool // the first record after Skip names the columns
	Comma      rune // the field separator: ';', ',' or '\t'; 0 detects it
	// Skip is how many records come before the header (or the first
	// movement): the account and period lines Fio and others put on top.
	Skip int
}

// Date layouts of CSVMapping.DateFormat.
const (
	BankDateDMY      = "2.1.2006"
	BankDateISO      = "2006-01-02"
	BankDateDMYShort = "2.1.06"
)

var bankDateLayouts = []string{BankDateDMY, BankDateISO, BankDateDMYShort}

// bankCSVColumns lists, for each mapped value, the header names Czech banks'
// exports use (Fio, ČSOB, KB, Česká spořitelna, Raiffeisenbank, Air Bank,
// mBank), folded by headerKey, best first: when two columns match, the one
// whose name comes earlier in the list wins ("Zpráva pro příjemce" over
// "Poznámka", "Datum zaúčtování" over "Datum splatnosti").
var bankCSVColumns = []struct {
	field string
	col   func(*CSVMapping) *int
	names []string
}{
	{"date", func(m *CSVMapping) *int { return &m.Date }, []string{"datumzauctovani", "datum", "datumpohybu", "datumprovedeni", "datumtransakce", "zauctovano", "date", "bookingdate", "postingdate", "transactiondate", "datumvaluty", "valuedate", "datumsplatnosti"}},
	{"amount", func(m *CSVMapping) *int { return &m.Amount }, []string{"castka", "objem", "castkatransakce", "zauctovanacastka", "castkavmeneuctu", "amount", "transactionamount", "volume"}},
	{"currency", func(m *CSVMapping) *int { return &m.Currency }, []string{"mena", "menauctu", "currency", "menatransakce"}},
	{"vs", func(m *CSVMapping) *int { return &m.VS }, []string{"vs", "variabilnisymbol", "variablesymbol", "vsymbol"}},
	{"ks", func(m *CSVMapping) *int { return &m.KS }, []string{"ks", "konstantnisymbol", "constantsymbol", "ksymbol"}},
	{"ss", func(m *CSVMapping) *int { return &m.SS }, []string{"ss", "specifickysymbol", "specificsymbol", "ssymbol"}},
	{"counter_account", func(m *CSVMapping) *int { return &m.CounterAccount }, []string{"protiucet", "cisloprotiuctu", "cislouctuprotistrany", "ucetprotistrany", "protiucetakodbanky", "counteraccount", "counterpartyaccount", "protistrana"}},
	{"counter_bank", func(m *CSVMapping) *int { return &m.CounterBank }, []string{"kodbanky", "kodbankyprotiuctu", "kodbankyprotistrany", "bankcode"}},
	{"counter_name", func(m *CSVMapping) *int { return &m.CounterName }, []string{"nazevprotiuctu", "nazevprotistrany", "nazevuctuprotistrany", "jmenoprotistrany", "protistrana", "counterpartyname", "countername"}},
	{"message", func(m *CSVMapping) *int { return &m.Message }, []string{"zpravaproprijemce", "zprava", "poznamka", "popis", "popistransakce", "informaceprijemci", "message", "note", "description"}},
	{"bank_ref", func(m *CSVMapping) *int { return &m.BankRef }, []string{"idpohybu", "idtransakce", "identifikacetransakce", "cislotransakce", "referencebanky", "transactionid", "id"}},
}

// noBankCSVMapping is a mapping with every column absent.
func noBankCSVMapping() CSVMapping {
	var m CSVMapping
	for _, c := range bankCSVColumns {
		*c.col(&m) = -1
	}
	return m
}

// bankCSVHeaderLookahead is how many records GuessCSVMapping looks through
// for the header, past a bank's preamble.
const bankCSVHeaderLookahead = 30

// GuessCSVMapping finds the columns of a bank's CSV export by their Czech
// or English names, in any case, with or without diacritics (Datum /
// Datum zaúčtování, Částka / Objem, Měna, VS / Variabilní symbol, KS, SS,
// Protiúčet / Číslo účtu protistrany, Kód banky, Název protiúčtu /
// Protistrana, Zpráva pro příjemce / Poznámka, ID pohybu / ID transakce).
// The header is the first of the first 30 records naming both a date and an
// amount column; the records above it (a preamble with the account and
// period) are skipped. The date format is the one that reads every date of
// the file. The file is refused with EINVALID when it is not text or in an
// unknown encoding, when no header has a date column and an amount column
// (the message says which is missing), or when its dates are in no known
// format.
func GuessCSVMapping(data []byte) (CSVMapping, error) {
	text, _, err := DecodeText(data)
	if err != nil {
		return CSVMapping{}, err
	}
	if strings.TrimSpace(text) == "" {
		return CSVMapping{}, Errorf(EINVALID, "err.csv.empty", "the file is empty", nil)
	}
	seps := []rune{detectSeparator(text), ';', '\t', ','}
	sawDate, sawAmount := false, false
	for _, sep := range seps {
		recs := readBankRecords(text, sep, bankCSVHeaderLookahead+20)
		for i, rec := range recs {
			if i >= bankCSVHeaderLookahead {
				break
			}
			m := mapBankHeader(rec)
			sawDate = sawDate || m.Date >= 0
			sawAmount = sawAmount || m.Amount >= 0
			if m.Date < 0 || m.Amount < 0 {
				continue
			}
			m.Comma, m.HasHeader, m.Skip = sep, true, i
			m.DateFormat = guessBankDateFormat(recs[i+1:], m.Date)
			if m.DateFormat == "" {
				return m, Errorf(EINVALID, "err.bank.csv_date_format", "the dates in the column “{{.column}}” are in no format Kontor reads (28.11.2026, 2026-11-28 or 28.11.26)",
					map[string]any{"column": strings.TrimSpace(rec[m.Date])})
			}
			return m, nil
		}
	}
	switch {
	case sawDate && !sawAmount:
		return CSVMapping{}, Errorf(EINVALID, "err.bank.csv_no_amount", "the bank statement has no amount column (Částka, Objem or Amount)", nil)
	case sawAmount && !sawDate:
		return CSVMapping{}, Errorf(EINVALID, "err.bank.csv_no_date", "the bank statement has no date column (Datum, Datum zaúčtování or Date)", nil)
	}
	return CSVMapping{}, Errorf(EINVALID, "err.bank.csv_no_header", "no line of the file names a date column and an amount column (Datum, Částka/Objem): this is not a bank statement export Kontor knows", nil)
}

// readBankRecords reads at most max records with sep for guessing; it stops
// quietly at broken quoting (ParseBankCSV reports that).
func readBankRecords(text string, sep rune, max int) [][]string {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.FieldsPerRecord = sep, -1
	var out [][]string
	for len(out) < max {
		rec, err := r.Read()
		if err != nil {
			break
		}
		out = append(out, rec)
	}
	return out
}

// mapBankHeader maps a header record's columns to values.
func mapBankHeader(rec []string) CSVMapping {
	m := noBankCSVMapping()
	for _, c := range bankCSVColumns {
		best := len(c.names)
		for i, h := range rec {
			k := headerKey(h)
			for rank, name := range c.names {
				if k == name && rank < best {
					best, *c.col(&m) = rank, i
				}
			}
		}
	}
	// "Protistrana" is the counter account at KB, which names the party in
	// "Název protistrany", and the party's name where it stands alone.
	if m.CounterAccount >= 0 && m.CounterAccount == m.CounterName {
		m.CounterAccount = -1
	}
	return m
}

// guessBankDateFormat returns the layout that reads the most non-empty
// values of column col in recs (a single bad date is then reported on its
// line by ParseBankCSV), "" when none reads any.
func guessBankDateFormat(recs [][]string, col int) string {
	best, bestN, seen := "", 0, 0
	for _, layout := range bankDateLayouts {
		n := 0
		seen = 0
		for _, rec := range recs {
			if col >= len(rec) || strings.TrimSpace(rec[col]) == "" {
				continue
			}
			seen++
			if _, err := parseBankDate(rec[col], layout); err == nil {
				n++
			}
		}
		if n > bestN {
			best, bestN = layout, n
		}
	}
	if seen == 0 {
		return BankDateDMY // a header alone: any format reads no dates
	}
	return best
}

// parseBankDate reads a date in layout ("" tries each layout), ignoring
// spaces ("28. 11. 2026") and a time after the date ("28.11.2026 14:05",
// "2026-11-28T14:05:00").
func parseBankDate(s, layout string) (Date, error) {
	v := strings.TrimSpace(s)
	if i := strings.IndexByte(v, 'T'); i == 10 {
		v = v[:i]
	}
	if f := strings.Fields(v); len(f) > 1 && strings.Contains(f[len(f)-1], ":") {
		v = strings.Join(f[:len(f)-1], "")
	}
	v = strings.ReplaceAll(v, " ", "")
	layouts := bankDateLayouts
	if layout != "" {
		layouts = []string{layout}
	}
	for _, l := range layouts {
		t, err := time.Parse(l, v)
		if err == nil && (l != BankDateDMYShort || len(v) <= 8) {
			if l == BankDateDMY && t.Year() < 1900 {
				continue
			}
			return DateOf(t), nil
		}
	}
	if strings.TrimSpace(s) == "" {
		return Date{}, Errorf(EINVALID, "err.date.empty", "enter a date", nil)
	}
	return Date{}, Errorf(EINVALID, "err.bank.csv_date", "“{{.value}}” is not a date", map[string]any{"value": s})
}

// ParseBankCSV reads a bank's CSV export with the mapping m (see
// GuessCSVMapping): the encoding found by DecodeText, m.Skip records of
// preamble, the header when m.HasHeader, then one movement a record. Blank
// records are skipped. Amounts are signed (+ incoming, - outgoing) with a
// decimal comma or dot and optional thousands spaces ("1 234,50",
// "-1234.50"); the currency is the currency column's or CZK, and must be
// one for the whole file. The counter account is the account column plus
// "/" and the bank code column when the account has no code of its own.
// Any bad record refuses the whole file with EINVALID "line N: …"; so does
// a mapping without a date or an amount column.
func ParseBankCSV(data []byte, m CSVMapping) (BankStatement, error) {
	st := BankStatement{Format: BankFormatCSV}
	if m.Date < 0 {
		return st, Errorf(EINVALID, "err.bank.csv_no_date", "the bank statement has no date column (Datum, Datum zaúčtování or Date)", nil)
	}
	if m.Amount < 0 {
		return st, Errorf(EINVALID, "err.bank.csv_no_amount", "the bank statement has no amount column (Částka, Objem or Amount)", nil)
	}
	text, _, err := DecodeText(data)
	if err != nil {
		return st, err
	}
	if m.Comma == 0 {
		m.Comma = detectSeparator(text)
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.FieldsPerRecord = m.Comma, -1
	skip := m.Skip
	if m.HasHeader {
		skip++
	}
	currency := ""
	var pre bankPreamble
	for rec := 0; ; rec++ {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return st, csvError(err)
		}
		if rec < skip && len(row) >= 2 && st.Account == "" && isAccountLabel(row[0]) {
			st.Account = strings.TrimSpace(row[1]) // the preamble's "Číslo účtu;2801234578/2010"
		}
		if rec < skip {
			line, _ := r.FieldPos(0)
			pre.read(row, line)
			continue
		}
		if blankRecord(row) {
			continue
		}
		line, _ := r.FieldPos(0)
		l, cur, err := bankCSVLine(row, m, line)
		if err != nil {
			return st, err
		}
		if currency != "" && cur != currency {
			return st, bankLineError(line, "err.bank.currency_mixed", "the movement is in {{.b}} but the statement's others are in {{.a}}", map[string]any{"a": currency, "b": cur})
		}
		currency = cur
		if st.From.IsZero() || l.Date.Before(st.From) {
			st.From = l.Date
		}
		if l.Date.After(st.To) {
			st.To = l.Date
		}
		st.Lines = append(st.Lines, l)
	}
	if currency == "" {
		currency = "CZK"
	}
	st.Currency = currency
	st.Opening, st.Closing = M(0, currency), M(0, currency)
	pre.apply(&st)
	return st, CheckBankStatement(st, Date{})
}

// bankCSVLine reads one movement of a CSV export.
func bankCSVLine(row []string, m CSVMapping, line int) (BankLine, string, error) {
	get := func(i int) string {
		if i >= 0 && i < len(row) {
			return cellText(row[i])
		}
		return ""
	}
	l := BankLine{Line: line}
	cur := "CZK"
	if v := get(m.Currency); v != "" {
		cur = currencyCode(v)
		if !ValidCurrency(cur) {
			return l, "", bankLineError(line, "err.bank.csv_currency", "unknown currency “{{.value}}”", map[string]any{"value": v})
		}
	}
	d, err := parseBankDate(get(m.Date), m.DateFormat)
	if err != nil {
		return l, "", bankLineWrap(line, err)
	}
	l.Date = d
	amount := get(m.Amount)
	if amount == "" {
		return l, "", bankLineError(line, "err.bank.csv_no_amount_value", "the amount is empty", nil)
	}
	minor, err := parseDecimal(amount, MinorDigits(cur), Czech, cur)
	if err != nil {
		return l, "", bankLineWrap(line, err)
	}
	l.Amount = M(minor, cur)
	l.VariableSymbol, l.ConstantSymbol, l.SpecificSymbol = trimSymbol(get(m.VS)), trimSymbol(get(m.KS)), trimSymbol(get(m.SS))
	for _, s := range []struct{ v, what string }{{l.VariableSymbol, "variable symbol"}, {l.ConstantSymbol, "constant symbol"}, {l.SpecificSymbol, "specific symbol"}} {
		if s.v != "" && (len(s.v) > 10 || !allDigits(s.v)) {
			return l, "", bankLineError(line, "err.bank.csv_symbol", "the {{.what}} “{{.value}}” is not up to 10 digits", map[string]any{"what": s.what, "value": s.v})
		}
	}
	acc, bank := get(m.CounterAccount), strings.TrimPrefix(get(m.CounterBank), "/")
	if acc != "" && bank != "" && !strings.Contains(acc, "/") {
		acc += "/" + bank
	}
	l.CounterAccount = acc
	l.CounterName, l.Message, l.BankRef = get(m.CounterName), get(m.Message), get(m.BankRef)
	return l, cur, nil
}

// isAccountLabel reports whether a preamble cell names the statement's own
// account ("Číslo účtu", "Účet", "Account number", "IBAN").
func isAccountLabel(cell string) bool {
	switch strings.TrimRight(FoldText(strings.TrimSpace(cell)), ":") {
	case "cislo uctu", "ucet", "account", "account number", "account no.", "iban":
		return true
	}
	return false
}
