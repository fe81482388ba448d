package app

import "strings"

// AuditArg is one typed argument of an audit summary. It is stored as JSON
// and must read back exactly as it was written (the entry's hash covers it),
// so it is a struct of typed fields, not an `any` that JSON would turn into a
// float or a map.
type AuditArg struct {
	Text  string `json:"s,omitempty"`
	Int   *int64 `json:"n,omitempty"`
	Money *Money `json:"m,omitempty"`
	Date  *Date  `json:"d,omitempty"`
	// Label is a translation key shown translated (a status, a kind); Text
	// is its English fallback.
	Label string `json:"l,omitempty"`
	// List is a list of labels (the roles of a user, the fields changed),
	// shown translated and joined with commas.
	List []AuditArg `json:"ls,omitempty"`
}

// labelList is a list argument: each label translated, joined by commas.
type labelList []Label

// AuditArgs are an audit summary's named arguments.
type AuditArgs map[string]AuditArg

// AText is a plain text argument (a name, a number of a document).
func AText(s string) AuditArg { return AuditArg{Text: s} }

// AInt is a count.
func AInt(n int) AuditArg { v := int64(n); return AuditArg{Int: &v} }

// AMoney is an amount, shown in the reader's locale.
func AMoney(m Money) AuditArg { return AuditArg{Money: &m} }

// ADate is a civil date, shown in the reader's locale.
func ADate(d Date) AuditArg { return AuditArg{Date: &d} }

// ALabel is a value shown through its translation key (fallback: English).
func ALabel(key, fallback string) AuditArg { return AuditArg{Label: key, Text: fallback} }

// ALabels is a list of labels; an empty list reads "nothing".
func ALabels(labels ...Label) AuditArg {
	out := AuditArg{List: make([]AuditArg, len(labels))}
	for i, l := range labels {
		out.List[i] = ALabel(l.Key, l.Fallback)
	}
	if len(labels) == 0 {
		out = ALabel("audit.nothing", "nothing")
	}
	return out
}

// value turns the argument into what localArgs formats.
func (a AuditArg) value() any {
	switch {
	case a.List != nil:
		out := make(labelList, len(a.List))
		for i, x := range a.List {
			out[i] = Label{Key: x.Label, Fallback: x.Text}
		}
		return out
	case a.Money != nil:
		return *a.Money
	case a.Date != nil:
		return *a.Date
	case a.Int != nil:
		return *a.Int
	case a.Label != "":
		return Label{Key: a.Label, Fallback: a.Text}
	}
	return a.Text
}

func (args AuditArgs) values() map[string]any {
	if len(args) == 0 {
		return nil
	}
	out := make(map[string]any, len(args))
	for k, a := range args {
		out[k] = a.value()
	}
	return out
}

// AuditText renders an audit summary's English template with its arguments:
// the text stored beside the key for readers that cannot translate (CSV,
// older Kontor versions).
func AuditText(template string, args AuditArgs) string {
	return renderTemplate(template, localArgs(args.values(), English, nil))
}

// Summary returns the entry's summary in the translator's language: from its
// key and arguments when it has them (money and dates in the reader's
// format), else the English text it was written with.
func (e AuditEntry) Summary(t Translator) string {
	if t == nil || e.Key == "" {
		return e.Text
	}
	// The stored English text is the fallback; it is not a template, so any
	// "{{" a customer's name brings along is escaped where it will be
	// executed (templates are executed only with arguments).
	fallback := e.Text
	if len(e.Args) > 0 {
		fallback = strings.ReplaceAll(fallback, "{{", `{{"{{"}}`)
	}
	return ErrorMessage(&Error{Code: EINVALID, Key: e.Key, Msg: fallback, Args: e.Args.values()}, t)
}
