package app

// Printable is something Kontor prints: a sales document, a customer
// statement, a report table, a visitor badge. A Printer takes any of them;
// the PDF maker (app/pdf) has one case per kind.
type Printable interface {
	// PrintLang is the language it is printed in.
	PrintLang() Lang
	// PrintName names it for people: in errors ("rendering FV2026-0001")
	// and progress; never a file name (those come from StatementFileName
	// and the screens' own rules).
	PrintName() string
}

// PrintLang is the customer's document language; Czech when it names none.
func (d SalesDoc) PrintLang() Lang { return langOrCzech(d.Lang) }

// PrintName is the document's number, or its kind while a draft has none.
func (d SalesDoc) PrintName() string {
	if d.Number != "" {
		return d.Number
	}
	return string(d.Kind)
}

// PrintLang is the customer's language (Statement.Lang); Czech when it
// names none.
func (s Statement) PrintLang() Lang { return langOrCzech(s.Lang) }

// PrintName is the customer's name.
func (s Statement) PrintName() string { return s.Customer.Name }

// PrintLang is the language the table was built in; English when it names
// none (the table's words are its own, only the page words follow it).
func (t ReportTable) PrintLang() Lang {
	if t.Lang.Valid() {
		return t.Lang
	}
	return English
}

// PrintName is the report's title.
func (t ReportTable) PrintName() string { return t.Title }

// Badge is a visitor's badge: a card of 90 × 55 mm with the visitor's name,
// company, host, time of arrival and badge number.
type Badge struct {
	Visit Visit
	// Lang is the badge's language: Czech (the default) prints "NÁVŠTĚVA"
	// with the English "VISITOR" beside it, for foreign visitors too;
	// English prints English only.
	Lang Lang
}

// PrintLang is the badge's language, Czech unless English is asked for.
func (b Badge) PrintLang() Lang { return langOrCzech(b.Lang) }

// PrintName is the visitor's name.
func (b Badge) PrintName() string { return b.Visit.Visitor }

func langOrCzech(l Lang) Lang {
	if l.Valid() {
		return l
	}
	return Czech
}
