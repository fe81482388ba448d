package screens

// Dialog helpers the screens tests share (the Sales tests moved to
// screens/sales).

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/screens/kit"
)

// overlayEntry returns the n-th entry of the top dialog.
func overlayEntry(t *testing.T, w fyne.Window, n int) *widget.Entry {
	t.Helper()
	i := 0
	for _, o := range objects(w.Canvas().Overlays().Top()) {
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

// inputAfter finds the first entry (plain or escEntry) after the label with text.
func inputAfter(t *testing.T, root fyne.CanvasObject, label string) *widget.Entry {
	t.Helper()
	seen := false
	for _, o := range objects(root) {
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

// tapDialog taps the button with text in the top dialog.
func tapDialog(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog to tap %q in", text)
	}
	test.Tap(button(t, top, text))
}

// retype replaces an entry's text as a user would.
func retype(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}
