package app

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Error codes: what kind of failure an *Error is. Front ends map them to exit
// codes and dialogs; only EINTERNAL hides its text from the user.
const (
	EINVALID      = "invalid"      // bad input; Field names what is wrong
	ENOTFOUND     = "not_found"    // a referenced record does not exist
	ECONFLICT     = "conflict"     // the request clashes with stored state
	EUNAUTHORIZED = "unauthorized" // the user lacks the role
	EINUSE        = "in_use"       // the database file is open in another process
	EDAMAGED      = "damaged"      // the database file is damaged or was changed outside Kontor
	EINTERNAL     = "internal"     // a bug or an I/O failure
)

// Error is Kontor's one error type. Key is a translation key for the reason and
// Msg its English text (a text/template over Args, as the translations are);
// Field is the translation key of the field the error is about, if any.
type Error struct {
	Code  string
	Field string
	Key   string
	Msg   string
	Args  map[string]any
	Err   error // wrapped cause, never shown to users
}

// Error returns the English message, prefixed with the field key.
func (e *Error) Error() string {
	msg := renderTemplate(e.Msg, localArgs(e.Args, English, nil))
	if e.Field != "" {
		msg = e.Field + ": " + msg
	}
	if e.Err != nil && e.Code == EINTERNAL {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Invalid builds an EINVALID error about field with a translation key and English text.
func Invalid(field, key, msg string, args map[string]any) *Error {
	return &Error{Code: EINVALID, Field: field, Key: key, Msg: msg, Args: args}
}

// Errorf builds an error with a code, a translation key and an English message.
func Errorf(code, key, msg string, args map[string]any) *Error {
	return &Error{Code: code, Key: key, Msg: msg, Args: args}
}

// Internal wraps an unexpected failure.
func Internal(what string, err error) *Error {
	return &Error{Code: EINTERNAL, Key: "err.internal", Msg: "internal error while {{.what}}", Args: map[string]any{"what": what}, Err: err}
}

// Errors are every wrong field of a form at once, in the order of the form,
// so a person fixes them in one go instead of one per Save.
type Errors []*Error

// Error is the English messages, one per line.
func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap gives errors.As and errors.Is each field's error (the first
// decides ErrorCode).
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Add collects err (nil is skipped; an *Error or Errors is added as its
// field errors; anything else becomes an internal error).
func (es *Errors) Add(err error) {
	var many Errors
	var one *Error
	switch {
	case err == nil:
	case errors.As(err, &many):
		*es = append(*es, many...)
	case errors.As(err, &one):
		*es = append(*es, one)
	default:
		*es = append(*es, Internal("validating", err))
	}
}

// Err is nil when nothing was collected, the one error when one was, and
// the list otherwise.
func (es Errors) Err() error {
	switch len(es) {
	case 0:
		return nil
	case 1:
		return es[0]
	}
	return es
}

// ErrorCode returns the code of err, EINTERNAL for foreign errors and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// Translator turns a translation key into text in the user's language; fallback
// is the English template, args its data. A nil Translator means English.
type Translator interface {
	Translate(key, fallback string, args map[string]any) string
}

// ErrorMessage is the one place that turns any error into the sentence a user
// reads: "Field: reason" in the user's language; internal errors keep their
// detail for the log and show a generic sentence plus the cause.
func ErrorMessage(err error, t Translator) string {
	if err == nil {
		return ""
	}
	lang := translatorLang(t)
	var tr func(key, fallback string, args map[string]any) string
	tr = func(key, fallback string, args map[string]any) string {
		args = localArgs(args, lang, tr)
		if t == nil || key == "" {
			return renderTemplate(fallback, args)
		}
		return t.Translate(key, fallback, args)
	}
	var many Errors
	if errors.As(err, &many) {
		msgs := make([]string, len(many))
		for i, e := range many {
			msgs[i] = ErrorMessage(e, t)
		}
		return strings.Join(msgs, "\n")
	}
	var e *Error
	if !errors.As(err, &e) {
		return tr("err.unexpected", "Unexpected error: {{.err}}", map[string]any{"err": err.Error()})
	}
	msg := tr(e.Key, e.Msg, e.Args)
	if e.Code == EINTERNAL && e.Err != nil {
		msg += " (" + e.Err.Error() + ")"
	}
	if e.Field != "" {
		label := tr("field."+e.Field, fieldFallback(e.Field), nil)
		msg = label + ": " + msg
	}
	return msg
}

// Label is a message argument that is itself translated: a VAT rate kind, the
// reason inside "entry 3: …".
type Label struct {
	Key, Fallback string
	Args          map[string]any
}

// localArgs formats typed arguments for lang: dates, instants, rates and
// money as its readers write them, labels translated. Plain values pass through.
func localArgs(args map[string]any, lang Lang, tr func(key, fallback string, args map[string]any) string) map[string]any {
	if len(args) == 0 {
		return args
	}
	out := make(map[string]any, len(args))
	for k, v := range args {
		switch v := v.(type) {
		case Date:
			out[k] = v.Format(lang)
		case Rate:
			out[k] = v.Format(lang)
		case Money:
			out[k] = v.Format(lang)
		case time.Time: // an instant: local date and time, "15. 3. 2026 14:00"
			local := v.Local()
			out[k] = DateOf(local).Format(lang) + " " + local.Format("15:04")
		case Label:
			out[k] = v.local(lang, tr)
		case labelList:
			parts := make([]string, len(v))
			for i, l := range v {
				parts[i] = l.local(lang, tr)
			}
			out[k] = strings.Join(parts, ", ")
		default:
			out[k] = v
		}
	}
	return out
}

// local is the label in lang, translated by tr when there is one.
func (l Label) local(lang Lang, tr func(key, fallback string, args map[string]any) string) string {
	if tr == nil {
		return renderTemplate(l.Fallback, localArgs(l.Args, lang, nil))
	}
	return tr(l.Key, l.Fallback, l.Args)
}

// VATKindLabel is the translatable name of a VAT rate kind.
func VATKindLabel(kind string) Label {
	return Label{Key: "vat.kind." + kind, Fallback: kind}
}

// fieldFallback makes "company.vat_rates" readable when there is no translation.
func fieldFallback(field string) string {
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		field = field[i+1:]
	}
	field = strings.ReplaceAll(field, "_", " ")
	if field == "" {
		return field
	}
	return strings.ToUpper(field[:1]) + field[1:]
}

// WithField returns a copy of err (if it is an *Error) about another field.
func WithField(err error, field string) error {
	var e *Error
	if errors.As(err, &e) {
		c := *e
		c.Field = field
		return &c
	}
	return err
}

// Must panics on err; for tests and preset data only.
func Must[T any](v T, err error) T {
	if err != nil {
		panic(fmt.Sprintf("app.Must: %v", err))
	}
	return v
}
