package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"kontor/app"
	"kontor/kittest"
	"kontor/screens/customers"
	"kontor/screens/kit"
)

// TestErrorDialogClosesWithEnterAndEsc: the error dialog's OK has the focus,
// so Esc and Enter close it, and the focus goes back to the field.
func TestErrorDialogClosesWithEnterAndEsc(t *testing.T) {
	db := openDB(t)
	_, w := shellFor(t, db, db.Admin)
	fd := customers.ShowForm(kittest.Deps(db), w, app.Customer{}, "CZK", nil)
	name := fd.Form.ByKey["customer.name"].Input.(fyne.Focusable)
	w.Canvas().Focus(name)
	for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter} {
		kit.ShowError(app.Errorf(app.ECONFLICT, "err.doc.stale", "the draft was changed meanwhile in another window; open it again", nil), w)
		if !strings.Contains(kittest.DialogText(w), "changed meanwhile") {
			t.Fatalf("no error dialog: %q", kittest.DialogText(w))
		}
		focused, ok := w.Canvas().Focused().(*kit.KeyButton)
		if !ok {
			t.Fatalf("the focus is on %T, not the dialog's OK", w.Canvas().Focused())
		}
		focused.TypedKey(&fyne.KeyEvent{Name: key})
		if strings.Contains(kittest.DialogText(w), "changed meanwhile") {
			t.Errorf("%s did not close the error dialog", key)
		}
		if w.Canvas().Focused() != name {
			t.Errorf("after %s the focus is on %T, not back on the name", key, w.Canvas().Focused())
		}
	}
}
