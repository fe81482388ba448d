package kit

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

// Field is one labelled input of a form with the line under it where a
// validation message appears, and under that a warning about characters
// the PDFs cannot print.
type Field struct {
	key   string // the app field key, e.g. "company.ico"
	Label *widget.Label
	Input fyne.CanvasObject
	Msg   *widget.Label
	Warn  *widget.Label
	Box   *fyne.Container // input and message, once laid out
}

// SetVisible shows or hides the whole row of a laid-out field.
func (f *Field) SetVisible(on bool) {
	objs := []fyne.CanvasObject{f.Label}
	if f.Box != nil {
		objs = append(objs, f.Box)
	}
	for _, o := range objs {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

// FieldSet is a form: fields in order, found by their app field key, so an
// *app.Error (or every one of app.Errors) can be shown at the widget it is
// about. A shown message goes as soon as its field is corrected: with a
// check function (live) the form is checked again on each change of a
// marked field; without, the change itself clears it.
type FieldSet struct {
	Fields []*Field
	ByKey  map[string]*Field
	check  func() error
}

func NewFieldSet() *FieldSet { return &FieldSet{ByKey: map[string]*Field{}} }

// Add appends a field labelled by the translation of "field."+key.
func (fs *FieldSet) Add(key, fallback string, input fyne.CanvasObject) *Field {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	warn := widget.NewLabel("")
	warn.Importance = widget.WarningImportance
	warn.Wrapping = fyne.TextWrapWord
	warn.Hide()
	f := &Field{key: key, Label: widget.NewLabel(lang.X("field."+key, fallback)), Input: input, Msg: msg, Warn: warn}
	fs.Fields = append(fs.Fields, f)
	fs.ByKey[key] = f
	return f
}

// Entry adds a single-line text entry.
func (fs *FieldSet) Entry(key, fallback, placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	fs.Add(key, fallback, e)
	return e
}

// EscEntry adds a single-line entry that a dialog closes on Esc.
func (fs *FieldSet) EscEntry(key, fallback, placeholder string) *EscEntry {
	e := NewEscEntry()
	e.SetPlaceHolder(placeholder)
	fs.Add(key, fallback, e)
	return e
}

// Object lays the fields out as a two-column form and starts watching the
// inputs: a marked field's message goes when it is corrected, and text the
// PDF fonts cannot print is pointed out as it is typed.
func (fs *FieldSet) Object() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, f := range fs.Fields {
		f.Box = container.NewVBox(f.Input, f.Msg, f.Warn)
		objs = append(objs, f.Label, f.Box)
		fs.watch(f)
	}
	return container.New(layout.NewFormLayout(), objs...)
}

// Live makes check (the whole form read and validated, as Save does) the
// judge of a marked field when it changes: its message goes once check no
// longer names the field, or says what is still wrong.
func (fs *FieldSet) Live(check func() error) { fs.check = check }

// watch calls changed after every change of f's input (chaining what the
// form itself does on a change).
func (fs *FieldSet) watch(f *Field) {
	switch in := f.Input.(type) {
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
		e := EntryOf(f.Input)
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
func (fs *FieldSet) changed(f *Field) {
	fs.warnUnprintable(f)
	if !f.Msg.Visible() {
		return
	}
	msg := ""
	if fs.check != nil {
		msg = messageFor(fs.check(), f.key)
	}
	if msg == "" {
		f.Msg.SetText("")
		f.Msg.Hide()
		if e := EntryOf(f.Input); e != nil {
			e.SetValidationError(nil)
		}
		return
	}
	f.Msg.SetText(msg)
}

// warnUnprintable warns under a text field whose text has characters the
// PDF fonts lack (an emoji): a warning, not a refusal — the documents print
// "□" in their place. Password entries never reach a PDF.
func (fs *FieldSet) warnUnprintable(f *Field) {
	e := EntryOf(f.Input)
	if e == nil || e.Password {
		return
	}
	bad := assets.Unprintable(e.Text)
	if len(bad) == 0 {
		if f.Warn.Visible() {
			f.Warn.SetText("")
			f.Warn.Hide()
		}
		return
	}
	chars := make([]string, len(bad))
	for i, r := range bad {
		chars[i] = string(r)
	}
	// "," between them: a space right after a glyph from Fyne's fallback
	// fonts would draw as "�" (see auditSummary).
	f.Warn.SetText(lang.X("form.unprintable", "The PDF fonts lack {{.chars}}; documents will show “□” in their place.",
		map[string]any{"chars": strings.Join(chars, ",")}))
	f.Warn.Show()
}

// Clear hides every field message.
func (fs *FieldSet) Clear() {
	for _, f := range fs.Fields {
		f.Msg.SetText("")
		f.Msg.Hide()
		if e := EntryOf(f.Input); e != nil {
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

// MarkAll shows each field error of err at its field, every one at once,
// and returns what it could not show there (nil when everything found its
// Field) for the error dialog.
func (fs *FieldSet) MarkAll(err error) error {
	es := fieldErrors(err)
	if es == nil {
		return err
	}
	var rest app.Errors
	for _, e := range es {
		f, ok := fs.ByKey[e.Field]
		if e.Field == "" || !ok {
			rest = append(rest, e)
			continue
		}
		c := *e
		c.Field = ""
		f.Msg.SetText(app.ErrorMessage(&c, Translator()))
		f.Msg.Show()
	}
	return rest.Err()
}

// Mark shows err's field errors at their fields and reports whether every
// one found its field.
func (fs *FieldSet) Mark(err error) bool { return fs.MarkAll(err) == nil }

// Message returns the validation text shown at the field with key ("" if none).
func (fs *FieldSet) Message(key string) string {
	if f, ok := fs.ByKey[key]; ok && f.Msg.Visible() {
		return f.Msg.Text
	}
	return ""
}

// AppIcon is the application icon as a Fyne resource.
func AppIcon() fyne.Resource { return fyne.NewStaticResource("kontor.png", assets.Icon) }

// Heading is a bold, larger label.
func Heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.SizeName = theme.SizeNameHeadingText
	return l
}

// NavEntry is a search field that also reports Up and Down (to move through
// the results) and Esc.
type NavEntry struct {
	EscEntry
	OnMove func(delta int)
}

func NewNavEntry() *NavEntry {
	e := &NavEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey moves the highlight on Up, Down, Page Up and Page Down.
func (e *NavEntry) TypedKey(k *fyne.KeyEvent) {
	if e.OnMove != nil {
		switch k.Name {
		case fyne.KeyDown:
			e.OnMove(1)
			return
		case fyne.KeyUp:
			e.OnMove(-1)
			return
		case fyne.KeyPageDown:
			e.OnMove(10)
			return
		case fyne.KeyPageUp:
			e.OnMove(-10)
			return
		}
	}
	e.EscEntry.TypedKey(k)
}
