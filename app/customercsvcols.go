package app

import (
	"strings"
	"sync"
)

// customerColumn is a customer field a CSV column can fill.
type customerColumn int

const (
	colName customerColumn = iota
	colICO
	colDIC
	colStreet
	colCity
	colPostcode
	colCountry
	colEmail
	colPhone
	colDays
	colCurrency
	colLang
	colNote
	numCustomerColumns
)

// CSVColumn is a column of a customer CSV: the field it fills, the header
// WriteCustomersCSV writes, and every header ReadCustomersCSV accepts for
// it, compared without case, diacritics, spaces or punctuation.
type CSVColumn struct {
	Field    string   // the field's key, "customer.name"
	Header   string   // as exported: "Název"
	Accepted []string // as people write them: "Název", "Firma", "Company"…
	Required bool
}

var customerColumns = [numCustomerColumns]struct {
	field, header string
	accepted      []string
}{
	colName:     {"customer.name", "Název", []string{"Název", "Firma", "Jméno", "Odběratel", "Zákazník", "Obchodní název", "Název firmy", "Name", "Company", "Company name", "Customer"}},
	colICO:      {"customer.ico", "IČO", []string{"IČO", "IČ", "Company ID", "Reg. no.", "Registration number", "ICO"}},
	colDIC:      {"customer.dic", "DIČ", []string{"DIČ", "VAT ID", "VAT", "VAT number", "Tax ID", "DIC"}},
	colStreet:   {"customer.street", "Ulice", []string{"Ulice", "Adresa", "Ulice a číslo", "Street", "Address"}},
	colCity:     {"customer.city", "Obec", []string{"Obec", "Město", "Sídlo", "City", "Town"}},
	colPostcode: {"customer.postcode", "PSČ", []string{"PSČ", "Postcode", "Post code", "Postal code", "ZIP", "ZIP code"}},
	colCountry:  {"customer.country", "Stát", []string{"Stát", "Země", "Country", "Country code"}},
	colEmail:    {"customer.email", "E-mail", []string{"E-mail", "Mail", "Email"}},
	colPhone:    {"customer.phone", "Telefon", []string{"Telefon", "Tel.", "Mobil", "Phone", "Telephone", "Mobile"}},
	colDays:     {"customer.payment_days", "Splatnost (dny)", []string{"Splatnost", "Splatnost (dny)", "Splatnost dní", "Payment days", "Payment terms", "Due days"}},
	colCurrency: {"customer.currency", "Měna", []string{"Měna", "Currency"}},
	colLang:     {"customer.lang", "Jazyk", []string{"Jazyk", "Jazyk dokladů", "Language", "Lang"}},
	colNote:     {"customer.note", "Poznámka", []string{"Poznámka", "Poznámky", "Komentář", "Note", "Notes", "Comment"}},
}

// headerIndex maps a folded header to its column. It is made on first use:
// folding some 80 headers takes more than half a megabyte of allocations,
// which every start of the command line would otherwise pay.
var headerIndex = sync.OnceValue(func() map[string]customerColumn {
	m := map[string]customerColumn{}
	for k, c := range customerColumns {
		for _, a := range c.accepted {
			m[headerKey(a)] = customerColumn(k)
		}
	}
	return m
})

// CustomerCSVColumns lists the columns a customer CSV may have, in the
// order WriteCustomersCSV writes them.
func CustomerCSVColumns() []CSVColumn {
	out := make([]CSVColumn, numCustomerColumns)
	for k, c := range customerColumns {
		out[k] = CSVColumn{Field: c.field, Header: c.header, Accepted: append([]string(nil), c.accepted...), Required: k == int(colName)}
	}
	return out
}

// headerKey folds a header for comparison: "Splatnost (dny)" → "splatnostdny".
func headerKey(h string) string {
	var b strings.Builder
	for _, r := range FoldText(strings.TrimSpace(h)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mapHeader finds each field's column in f.Header and notes the columns it
// does not know. It refuses a header that names no known column (not a
// customer CSV), one without the name, and two columns for one field.
func mapHeader(f *CustomerCSV) ([numCustomerColumns]int, error) {
	var cols [numCustomerColumns]int
	for k := range cols {
		cols[k] = -1
	}
	known := 0
	for i, h := range f.Header {
		k, ok := headerIndex()[headerKey(h)]
		if !ok {
			if strings.TrimSpace(h) != "" {
				f.Ignored = append(f.Ignored, strings.TrimSpace(h))
			}
			continue
		}
		if j := cols[k]; j >= 0 {
			return cols, Errorf(EINVALID, "err.csv.column_twice", "the columns “{{.a}}” and “{{.b}}” both hold the {{.field}}; rename or delete one of them",
				map[string]any{"a": strings.TrimSpace(f.Header[j]), "b": strings.TrimSpace(h), "field": Label{Key: "field." + customerColumns[k].field, Fallback: strings.ToLower(fieldFallback(customerColumns[k].field))}})
		}
		cols[k] = i
		known++
	}
	switch {
	case known == 0 && len(f.Header) == 1:
		return cols, Errorf(EINVALID, "err.csv.not_csv", "this is not a CSV file: its first line has no separator (; , or tab) and no column names Kontor knows, such as Název;IČO;Obec", nil)
	case known == 0:
		return cols, Errorf(EINVALID, "err.csv.no_columns", "this is not a customer CSV: its first line names none of the columns Kontor reads (Název, IČO, DIČ, Ulice, Obec, PSČ, E-mail, Telefon…)", nil)
	case cols[colName] < 0:
		return cols, Errorf(EINVALID, "err.csv.no_name", "the column “Název” (the customer's name, also “Firma” or “Name”) is missing; it is required", nil)
	}
	return cols, nil
}
