package kittest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/screens/kit"
)

// Objects lists every object drawn under o, depth first.
func Objects(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, Objects(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			out = append(out, Objects(c)...)
		}
	}
	return out
}

// Button finds the button under root whose text is text; the test fails
// without one.
func Button(t testing.TB, root fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, o := range Objects(root) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// ButtonsText lists the text of every visible button under root, a line
// each.
func ButtonsText(root fyne.CanvasObject) string {
	var b strings.Builder
	for _, o := range Objects(root) {
		if btn, ok := o.(*widget.Button); ok && btn.Visible() {
			b.WriteString(btn.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// EntryAfter finds the first plain entry that follows the label with text;
// the test fails without one.
func EntryAfter(t testing.TB, root fyne.CanvasObject, label string) *widget.Entry {
	t.Helper()
	seen := false
	for _, o := range Objects(root) {
		if l, ok := o.(*widget.Label); ok && l.Text == label {
			seen = true
		}
		if e, ok := o.(*widget.Entry); ok && seen {
			return e
		}
	}
	t.Fatalf("no entry after label %q", label)
	return nil
}

// FieldAfter finds the first text field (a plain entry or one kit wraps,
// kit.EntryOf) that follows the label with text; the test fails without one.
func FieldAfter(t testing.TB, root fyne.CanvasObject, label string) *widget.Entry {
	t.Helper()
	seen := false
	for _, o := range Objects(root) {
		if l, ok := o.(*widget.Label); ok && l.Text == label {
			seen = true
		}
		if e := kit.EntryOf(o); e != nil && seen {
			return e
		}
	}
	t.Fatalf("no entry after label %q", label)
	return nil
}

// Texts returns the text of every visible label under o, a line each.
func Texts(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range Objects(o) {
		if l, ok := x.(*widget.Label); ok && l.Visible() {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// DialogText returns the labels of w's top overlay (a dialog), "" if none.
func DialogText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return Texts(top)
}

// CloseDialogs removes every overlay of w.
func CloseDialogs(w fyne.Window) {
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
}

// Window is a test window of 1366×850 (the smallest screen Kontor is laid
// out for), closed when the test ends.
func Window(t testing.TB) fyne.Window {
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1366, 850))
	return w
}

// TapDialog taps the button with text in w's top dialog.
func TapDialog(t testing.TB, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	test.Tap(Button(t, top, text))
}

// Retype replaces an entry's text as a user would: clear it, then type.
func Retype(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// OverlayEntry returns the n-th entry (from 0) of w's top dialog; the test
// fails without one.
func OverlayEntry(t testing.TB, w fyne.Window, n int) *widget.Entry {
	t.Helper()
	i := 0
	for _, o := range Objects(w.Canvas().Overlays().Top()) {
		if e := kit.EntryOf(o); e != nil {
			if i == n {
				return e
			}
			i++
		}
	}
	t.Fatalf("no entry %d in the dialog", n)
	return nil
}
