package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/screens/customers"
	"kontor/screens/kit"
)

// TestCustomerFormMarksEveryFieldAndClearsOnCorrection: Save marks every
// wrong field at once; each message goes as soon as its field is right (and
// not before); country names and postcodes are read as the CSV import reads
// them; an emoji is pointed out at its field but saved — on the real store.
func TestCustomerFormMarksEveryFieldAndClearsOnCorrection(t *testing.T) {
	rs := mustOpen(t)
	_, w := rs.shell(rs.admin)
	d := rs.deps(rs.admin)
	var saved app.Customer
	fd := customers.ShowForm(d, w, app.Customer{}, "CZK", func(c app.Customer) { saved = c })
	field := func(key string) *fyneEntry { return &fyneEntry{t, fd.Form, key} }

	field("customer.country").set("XX")
	field("customer.postcode").set("6020")
	field("customer.email").set("kun@")
	test.Tap(fd.OK)
	for _, key := range []string{"customer.name", "customer.country", "customer.email"} {
		if fd.Form.Message(key) == "" {
			t.Errorf("Save did not mark %s", key)
		}
	}
	if w.Canvas().Overlays().Top() == nil || saved.ID != "" {
		t.Fatal("the form closed or saved with wrong fields")
	}

	// Typing a name clears the name's message at once; the others stay.
	field("customer.name").set("Kavárna U Lípy 😀")
	if fd.Form.Message("customer.name") != "" || fd.Form.Message("customer.email") == "" {
		t.Errorf("after the name: name %q, e-mail %q", fd.Form.Message("customer.name"), fd.Form.Message("customer.email"))
	}
	if warn := fd.Form.ByKey["customer.name"].Warn; !warn.Visible() || !strings.Contains(warn.Text, "😀") {
		t.Errorf("no warning about the emoji: %q", warn.Text)
	}
	// A country written out is the form's CZ, as in the CSV import; then the
	// postcode is judged as Czech: still wrong until it has five digits.
	field("customer.country").set("Česko")
	if fd.Form.Message("customer.country") != "" {
		t.Errorf("Česko is refused: %q", fd.Form.Message("customer.country"))
	}
	test.Tap(fd.OK)
	if msg := fd.Form.Message("customer.postcode"); !strings.Contains(msg, "five digits") {
		t.Errorf("postcode 6020 says %q", msg)
	}
	field("customer.postcode").set("60200")
	field("customer.email").set("kavarna@lipa.cz")
	if fd.Form.Message("customer.postcode") != "" || fd.Form.Message("customer.email") != "" {
		t.Errorf("corrected fields still marked: %q, %q", fd.Form.Message("customer.postcode"), fd.Form.Message("customer.email"))
	}
	test.Tap(fd.OK)
	if saved.ID == "" || saved.Country != "CZ" || saved.Postcode != "602 00" || saved.Name != "Kavárna U Lípy 😀" {
		t.Fatalf("saved %+v\n%s", saved, dialogText(w))
	}
}

// fyneEntry types into a form field as a person would.
type fyneEntry struct {
	t   *testing.T
	fs  *kit.FieldSet
	key string
}

func (f *fyneEntry) set(text string) {
	f.t.Helper()
	fl, ok := f.fs.ByKey[f.key]
	if !ok {
		f.t.Fatalf("no field %s", f.key)
	}
	e := kit.EntryOf(fl.Input)
	e.SetText("")
	test.Type(e, text)
}

// TestErrorDialogClosesWithEnterAndEsc: the error dialog's OK has the focus,
// so Esc and Enter close it, and the focus goes back to the field.
func TestErrorDialogClosesWithEnterAndEsc(t *testing.T) {
	rs := mustOpen(t)
	_, w := rs.shell(rs.admin)
	fd := customers.ShowForm(rs.deps(rs.admin), w, app.Customer{}, "CZK", nil)
	name := fd.Form.ByKey["customer.name"].Input.(fyne.Focusable)
	w.Canvas().Focus(name)
	for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn, fyne.KeyEnter} {
		kit.ShowError(app.Errorf(app.ECONFLICT, "err.doc.stale", "the draft was changed meanwhile in another window; open it again", nil), w)
		if !strings.Contains(dialogText(w), "changed meanwhile") {
			t.Fatalf("no error dialog: %q", dialogText(w))
		}
		focused, ok := w.Canvas().Focused().(*kit.KeyButton)
		if !ok {
			t.Fatalf("the focus is on %T, not the dialog's OK", w.Canvas().Focused())
		}
		focused.TypedKey(&fyne.KeyEvent{Name: key})
		if strings.Contains(dialogText(w), "changed meanwhile") {
			t.Errorf("%s did not close the error dialog", key)
		}
		if w.Canvas().Focused() != name {
			t.Errorf("after %s the focus is on %T, not back on the name", key, w.Canvas().Focused())
		}
	}
}

// TestInquiryFormMarksEveryField: the inquiry form marks the missing contact
// and topic at once, and each goes when typed — on the real store.
func TestInquiryFormMarksEveryField(t *testing.T) {
	rs := mustOpen(t)
	s, w := rs.shell(rs.admin)
	v := showInquiry(t, s, "")
	v.logInquiry(nil)
	form := w.Canvas().Overlays().Top()
	tapDialog(t, w, "Save")
	if got := texts(form); strings.Count(got, "is required") != 2 {
		t.Fatalf("Save marked:\n%s", got)
	}
	contact := fieldAfter(t, form, "New contact")
	test.Type(contact, "Pavel Kůň")
	if got := texts(form); strings.Count(got, "is required") != 1 {
		t.Errorf("after the contact:\n%s", got)
	}
	test.Type(fieldAfter(t, form, "Topic"), "Stoly")
	if got := texts(form); strings.Contains(got, "is required") {
		t.Errorf("after the topic:\n%s", got)
	}
	tapDialog(t, w, "Save")
	if all, err := rs.store.Inquiries(rs.ctx(), true); err != nil || len(all) != 1 || all[0].Topic != "Stoly" {
		t.Fatalf("stored %+v %v", all, err)
	}
}
