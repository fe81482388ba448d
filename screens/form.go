package screens

import (
	"errors"

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
// validation message appears.
type field struct {
	key   string // the app field key, e.g. "company.ico"
	label *widget.Label
	input fyne.CanvasObject
	msg   *widget.Label
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
// *app.Error can be shown at the widget it is about.
type fieldSet struct {
	fields []*field
	byKey  map[string]*field
}

func newFieldSet() *fieldSet { return &fieldSet{byKey: map[string]*field{}} }

// add appends a field labelled by the translation of "field."+key.
func (fs *fieldSet) add(key, fallback string, input fyne.CanvasObject) *field {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	f := &field{key: key, label: widget.NewLabel(lang.X("field."+key, fallback)), input: input, msg: msg}
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

// object lays the fields out as a two-column form.
func (fs *fieldSet) object() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, f := range fs.fields {
		f.box = container.NewVBox(f.input, f.msg)
		objs = append(objs, f.label, f.box)
	}
	return container.New(layout.NewFormLayout(), objs...)
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

// mark shows err at the field it names and reports whether one was found.
func (fs *fieldSet) mark(err error) bool {
	var e *app.Error
	if !errors.As(err, &e) || e.Field == "" {
		return false
	}
	f, ok := fs.byKey[e.Field]
	if !ok {
		return false
	}
	reason := e
	if reason.Field != "" {
		c := *reason
		c.Field = ""
		reason = &c
	}
	f.msg.SetText(app.ErrorMessage(reason, Translator()))
	f.msg.Show()
	return true
}

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
