package app

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CustomerCSV is a customer file as ReadCustomersCSV understood it: how it
// was written, which columns it used, and its rows.
type CustomerCSV struct {
	Encoding  string   // EncodingUTF8, EncodingUTF16 or EncodingWindows1250
	Separator rune     // ';', ',' or '\t'
	Header    []string // the first line, as written
	// Ignored are the header's columns Kontor has no field for; their values
	// are left out (a front end shows them so a misspelt header is noticed).
	Ignored  []string
	Rows     []ImportRow // rows that make valid customers, in file order
	Rejected []RowError  // rows that do not, with the reason
	names    columnNames
}

// Reason words err about a row of this file the way Rejected does: the
// field named by its column's header in the file ("IČ: …"), so reasons the
// store gives for the same rows read alike.
func (f CustomerCSV) Reason(err error) string { return ErrorMessage(err, f.names) }

// ParseCustomersCSV reads a customer list saved by a spreadsheet (see
// ReadCustomersCSV) into the rows to import and the rows refused, each
// with its line in the file (the header is line 1). err refuses the whole
// file (EINVALID): not text, an unknown encoding, not a CSV, no name column,
// broken quoting. Customers are normalised and validated with CZK as the
// currency of those without one, but such rows come back with Currency ""
// so that the store's Normalize fills in the company's base currency.
func ParseCustomersCSV(data []byte) (rows []ImportRow, rejected []RowError, err error) {
	f, err := ReadCustomersCSV(data)
	return f.Rows, f.Rejected, err
}

// ReadCustomersCSV reads a customer CSV: the encoding found by DecodeText,
// the separator (';', ',' or tab) found on the header line, the columns
// found by their Czech or English names in any case, with or without
// diacritics (see CustomerCSVColumns; only the name is required), then
// every row. Blank rows are skipped; an empty payment term means
// DefaultPaymentDays. A value starting with an apostrophe before = + - or @
// loses the apostrophe, which WriteCustomersCSV adds so spreadsheets do not
// run it as a formula.
func ReadCustomersCSV(data []byte) (CustomerCSV, error) {
	var f CustomerCSV
	r, header, err := openCSV(data, &f.Encoding, &f.Separator)
	if err != nil {
		return f, err
	}
	f.Header = header
	cols, err := mapHeader(&f)
	if err != nil {
		return f, err
	}
	f.names = columnNames{header: f.Header, cols: cols}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return f, nil
		}
		if err != nil {
			f.Rows, f.Rejected = nil, nil
			return f, csvError(err)
		}
		line, _ := r.FieldPos(0)
		if blankRecord(rec) {
			continue
		}
		c, err := customerFromRecord(rec, cols)
		noCurrency := c.Currency == ""
		if err == nil {
			c.Normalize("CZK")
			err = c.Validate()
		}
		if err != nil {
			f.Rejected = append(f.Rejected, RowError{Line: line, Reason: f.Reason(err), Err: err})
			continue
		}
		if noCurrency {
			// Checked with CZK, but left for the store to fill with the
			// company's base currency, which may be another.
			c.Currency = ""
		}
		f.Rows = append(f.Rows, ImportRow{Line: line, Customer: c})
	}
}

// columnNames is the Translator of a rejected row's reason: it names the
// field by its column's header in the file ("IČ: …", "Splatnost: …"), the
// word the person who wrote the file knows, and keeps the English text.
type columnNames struct {
	header []string
	cols   [numCustomerColumns]int
}

// Translate implements Translator.
func (n columnNames) Translate(key, fallback string, args map[string]any) string {
	for k, c := range customerColumns {
		if key == "field."+c.field && n.header != nil && n.cols[k] >= 0 {
			return strings.TrimSpace(n.header[n.cols[k]])
		}
	}
	return renderTemplate(fallback, args)
}

// detectSeparator picks the most frequent of ';', tab and ',' outside quotes
// on the first line; ties go in that order (Czech spreadsheets write ';'
// and decimal commas). A line with none of them is one column: ','.
func detectSeparator(text string) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range text {
		if c == '"' {
			quoted = !quoted
		} else if !quoted && (c == '\n' || c == '\r') {
			break
		} else if !quoted {
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t', ','} {
		if counts[c] > counts[best] || (counts[c] == counts[best] && counts[c] > 0 && best == ',') {
			best = c
		}
	}
	return best
}

// csvError turns a quoting error into "line N: …", refusing the file.
func csvError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return Internal("reading the CSV", err)
	}
	args := map[string]any{"line": pe.Line}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return Errorf(EINVALID, "err.csv.bare_quote", `line {{.line}}: a quote (") inside a field without quotes; put the whole field in quotes and double the quote ("")`, args)
	case errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine != pe.Line:
		// An unclosed quote swallows the lines after it: name where it began.
		args["line"], args["end"] = pe.StartLine, pe.Line
		return Errorf(EINVALID, "err.csv.quote_open", `line {{.line}}: a quoted field is not closed (the quote runs on to line {{.end}}), or text follows its closing quote`, args)
	case errors.Is(pe.Err, csv.ErrQuote):
		return Errorf(EINVALID, "err.csv.quote", `line {{.line}}: a quoted field is not closed, or text follows its closing quote; put the whole field in quotes and double the quotes inside ("")`, args)
	}
	args["err"] = pe.Err.Error()
	return Errorf(EINVALID, "err.csv.broken", "line {{.line}}: {{.err}}", args)
}

func blankRecord(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// unformula drops the apostrophe WriteCustomersCSV puts before a value a
// spreadsheet would run as a formula.
func unformula(v string) string {
	if len(v) > 1 && v[0] == '\'' && strings.IndexByte("=+-@", v[1]) >= 0 {
		return v[1:]
	}
	return v
}

// cellText is a cell's value: without surrounding spaces, then without the
// apostrophe WriteCustomersCSV adds (" '=A1" reads as "=A1", so what Kontor
// writes of it, "'=A1", reads back the same), with every line break a "\n"
// (a lone "\r" is one on old Macs; CSV writers drop it).
func cellText(v string) string {
	if strings.IndexByte(v, '\r') >= 0 {
		v = strings.ReplaceAll(strings.ReplaceAll(v, "\r\n", "\n"), "\r", "\n")
	}
	return unformula(strings.TrimSpace(v))
}

// oneLine joins the lines of a multi-line cell with spaces: a name or an
// address written over two lines of a spreadsheet cell is one line on an
// invoice. Only the note keeps its line breaks.
func oneLine(v string) string {
	if strings.IndexByte(v, '\n') < 0 {
		return v
	}
	return strings.Join(strings.Fields(v), " ")
}

// customerFromRecord fills a customer from one row; cols gives the column
// of each field (-1: absent).
func customerFromRecord(rec []string, cols [numCustomerColumns]int) (Customer, error) {
	get := func(k customerColumn) string {
		if i := cols[k]; i >= 0 && i < len(rec) {
			if k == colNote {
				return cellText(rec[i])
			}
			return oneLine(cellText(rec[i]))
		}
		return ""
	}
	c := Customer{Name: get(colName), ICO: get(colICO), DIC: get(colDIC), Street: get(colStreet), City: get(colCity),
		Postcode: get(colPostcode), Country: get(colCountry), Email: get(colEmail), Phone: get(colPhone),
		Currency: currencyCode(get(colCurrency)), Lang: langOf(get(colLang)), Note: get(colNote), PaymentDays: DefaultPaymentDays}
	if v := get(colDays); v != "" {
		n, err := paymentDays(v)
		if err != nil {
			return c, err
		}
		c.PaymentDays = n
	}
	return c, nil
}

// paymentDays reads "14", "14 dní" or "30 days".
func paymentDays(v string) (int, error) {
	digits := strings.TrimRightFunc(v, func(r rune) bool { return r < '0' || r > '9' })
	unit := strings.TrimSpace(foldWord(v[len(digits):]))
	n, err := strconv.Atoi(strings.TrimSpace(digits))
	switch unit {
	case "", "d", "dni", "dnu", "den", "dny", "day", "days":
	default:
		err = errors.New("unit")
	}
	if err != nil {
		return 0, Invalid("customer.payment_days", "err.csv.days", "“{{.value}}” is not a number of days", map[string]any{"value": v})
	}
	return n, nil
}

// currencyCode reads a currency as people write it: "CZK", "Kč", "€".
func currencyCode(v string) string {
	switch f := foldWord(v); f {
	case "kc", "kc.", ",-":
		return "CZK"
	case "€", "eur", "euro":
		return "EUR"
	}
	return strings.ToUpper(v)
}

// langOf reads a document language: "cs", "čeština", "English"…
func langOf(v string) Lang {
	switch f := foldWord(v); f {
	case "":
		return ""
	case "cs", "cz", "cestina", "cesky", "czech", "cze", "ces":
		return Czech
	case "en", "anglictina", "anglicky", "english", "eng":
		return English
	default:
		return Lang(f)
	}
}

// foldWord is FoldText without its cost for the empty and ASCII values
// most cells hold: an import folds several cells of each of 100,000 rows.
func foldWord(v string) string {
	for i := 0; i < len(v); i++ {
		if v[i] >= utf8.RuneSelf {
			return FoldText(v)
		}
	}
	return strings.ToLower(v)
}

// WriteCustomersCSV writes customers as Czech Excel opens them with a
// double click: UTF-8 with a byte-order mark, ';' between fields, CRLF line
// ends, Czech headers ReadCustomersCSV reads back. A value a spreadsheet
// would run as a formula (=, @, or + and - before anything but a number)
// gets a leading apostrophe.
func WriteCustomersCSV(w io.Writer, cs []Customer) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	head := make([]string, numCustomerColumns)
	for k := range head {
		head[k] = customerColumns[k].header
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	rec := make([]string, numCustomerColumns)
	for _, c := range cs {
		rec[colName], rec[colICO], rec[colDIC], rec[colStreet], rec[colCity] = c.Name, c.ICO, c.DIC, c.Street, c.City
		rec[colPostcode], rec[colCountry], rec[colEmail], rec[colPhone] = c.Postcode, c.Country, c.Email, c.Phone
		rec[colDays], rec[colCurrency], rec[colLang], rec[colNote] = strconv.Itoa(c.PaymentDays), c.Currency, string(c.Lang), c.Note
		for i, v := range rec {
			rec[i] = defuse(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuse puts an apostrophe before a value a spreadsheet would evaluate.
// A phone number ("+420 602 318 447") or a negative number stays as it is:
// without letters or references a formula can do nothing.
func defuse(v string) string {
	if v == "" {
		return v
	}
	switch v[0] {
	case '=', '@':
		return "'" + v
	case '+', '-':
		if strings.Trim(v, "0123456789 +-()/.,") != "" {
			return "'" + v
		}
	}
	return v
}
