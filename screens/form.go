package screens

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/assets"
)

// field is one labelled input of a form with the line under it where a
// validation message appears, and under that a warning about characters
// the PDFs cannot print.
type field struct {
	key   string // the app field key, e.g. "company.ico"
	label *widget.Label
	input fyne.CanvasObject
	msg   *widget.Label
	warn  *widget.Label
	box   *fyne.Container // input and message, once laid out
}

// setVisible shows or hides the whole row of a laid-out field.
func (f *field) setVisible(on bool) {
	objs := []fyne.CanvasObject{f.label}
	if f.box != nil {
		objs = append(objs, f.box)
	}
	for _, o := range objs {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

// fieldSet is a form: fields in order, found by their app field key, so an
// *app.Error (or every one of app.Errors) can be shown at the widget it is
// about. A shown message goes as soon as its field is corrected: with a
// check function (live) the form is checked again on each change of a
// marked field; without, the change itself clears it.
type fieldSet struct {
	fields []*field
	byKey  map[string]*field
	check  func() error
}

func newFieldSet() *fieldSet { return &fieldSet{byKey: map[string]*field{}} }

// add appends a field labelled by the translation of "field."+key.
func (fs *fieldSet) add(key, fallback string, input fyne.CanvasObject) *field {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	warn := widget.NewLabel("")
	warn.Importance = widget.WarningImportance
	warn.Wrapping = fyne.TextWrapWord
	warn.Hide()
	f := &field{key: key, label: widget.NewLabel(lang.X("field."+key, fallback)), input: input, msg: msg, warn: warn}
	fs.fields = append(fs.fields, f)
	fs.byKey[key] = f
	return f
}

// entry adds a single-line text entry.
func (fs *fieldSet) entry(key, fallback, placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	fs.add(key, fallback, e)
	return e
}

// escEntry adds a single-line entry that a dialog closes on Esc.
func (fs *fieldSet) escEntry(key, fallback, placeholder string) *escEntry {
	e := newEscEntry()
	e.SetPlaceHolder(placeholder)
	fs.add(key, fallback, e)
	return e
}

// object lays the fields out as a two-column form and starts watching the
// inputs: a marked field's message goes when it is corrected, and text the
// PDF fonts cannot print is pointed out as it is typed.
func (fs *fieldSet) object() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, f := range fs.fields {
		f.box = container.NewVBox(f.input, f.msg, f.warn)
		objs = append(objs, f.label, f.box)
		fs.watch(f)
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// live makes check (the whole form read and validated, as Save does) the
// judge of a marked field when it changes: its message goes once check no
// longer names the field, or says what is still wrong.
func (fs *fieldSet) live(check func() error) { fs.check = check }

// watch calls changed after every change of f's input (chaining what the
// form itself does on a change).
func (fs *fieldSet) watch(f *field) {
	switch in := f.input.(type) {
	case *widget.Select:
		prev := in.OnChanged
		in.OnChanged = func(v string) {
			if prev != nil {
				prev(v)
			}
			fs.changed(f)
		}
	case *widget.Check:
		prev := in.OnChanged
		in.OnChanged = func(v bool) {
			if prev != nil {
				prev(v)
			}
			fs.changed(f)
		}
	default:
		e := entryOf(f.input)
		if e == nil {
			return
		}
		prev := e.OnChanged
		e.OnChanged = func(v string) {
			if prev != nil {
				prev(v)
			}
			fs.changed(f)
		}
		fs.warnUnprintable(f)
	}
}

// changed re-judges a marked field and re-checks what it will print.
func (fs *fieldSet) changed(f *field) {
	fs.warnUnprintable(f)
	if !f.msg.Visible() {
		return
	}
	msg := ""
	if fs.check != nil {
		msg = messageFor(fs.check(), f.key)
	}
	if msg == "" {
		f.msg.SetText("")
		f.msg.Hide()
		if e := entryOf(f.input); e != nil {
			e.SetValidationError(nil)
		}
		return
	}
	f.msg.SetText(msg)
}

// warnUnprintable warns under a text field whose text has characters the
// PDF fonts lack (an emoji): a warning, not a refusal — the documents print
// "□" in their place. Password entries never reach a PDF.
func (fs *fieldSet) warnUnprintable(f *field) {
	e := entryOf(f.input)
	if e == nil || e.Password {
		return
	}
	bad := assets.Unprintable(e.Text)
	if len(bad) == 0 {
		if f.warn.Visible() {
			f.warn.SetText("")
			f.warn.Hide()
		}
		return
	}
	chars := make([]string, len(bad))
	for i, r := range bad {
		chars[i] = string(r)
	}
	// "," between them: a space right after a glyph from Fyne's fallback
	// fonts would draw as "�" (see auditSummary).
	f.warn.SetText(lang.X("form.unprintable", "The PDF fonts lack {{.chars}}; documents will show “□” in their place.",
		map[string]any{"chars": strings.Join(chars, ",")}))
	f.warn.Show()
}

// clear hides every field message.
func (fs *fieldSet) clear() {
	for _, f := range fs.fields {
		f.msg.SetText("")
		f.msg.Hide()
		if e := entryOf(f.input); e != nil {
			e.SetValidationError(nil)
		}
	}
}

// fieldErrors lists the field errors in err: each of app.Errors, or the
// one *app.Error.
func fieldErrors(err error) []*app.Error {
	var many app.Errors
	if errors.As(err, &many) {
		return many
	}
	var e *app.Error
	if errors.As(err, &e) {
		return []*app.Error{e}
	}
	return nil
}

// messageFor is the message err has for the field key, "" if none.
func messageFor(err error, key string) string {
	for _, e := range fieldErrors(err) {
		if e.Field == key {
			c := *e
			c.Field = ""
			return app.ErrorMessage(&c, Translator())
		}
	}
	return ""
}

// markAll shows each field error of err at its field, every one at once,
// and returns what it could not show there (nil when everything found its
// field) for the error dialog.
func (fs *fieldSet) markAll(err error) error {
	es := fieldErrors(err)
	if es == nil {
		return err
	}
	var rest app.Errors
	for _, e := range es {
		f, ok := fs.byKey[e.Field]
		if e.Field == "" || !ok {
			rest = append(rest, e)
			continue
		}
		c := *e
		c.Field = ""
		f.msg.SetText(app.ErrorMessage(&c, Translator()))
		f.msg.Show()
	}
	return rest.Err()
}

// mark shows err's field errors at their fields and reports whether every
// one found its field.
func (fs *fieldSet) mark(err error) bool { return fs.markAll(err) == nil }

// message returns the validation text shown at the field with key ("" if none).
func (fs *fieldSet) message(key string) string {
	if f, ok := fs.byKey[key]; ok && f.msg.Visible() {
		return f.msg.Text
	}
	return ""
}

// appIcon is the application icon as a Fyne resource.
func appIcon() fyne.Resource { return fyne.NewStaticResource("kontor.png", assets.Icon) }

// heading is a bold, larger label.
func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.SizeName = theme.SizeNameHeadingText
	return l
}
