package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// formDialog is a small form in a dialog that stays open until its submit
// succeeds: a wrong field is marked where it is, not lost with the dialog.
type formDialog struct {
	d      *dialog.CustomDialog
	fs     *fieldSet
	ok     *widget.Button
	win    fyne.Window
	submit func(*formDialog)
}

// showFormDialog shows fs (and extra under it, if any) with Cancel and a
// confirm button; submit runs on confirm and on Enter in any entry and ends
// with fd.close or fd.fail.
func showFormDialog(title, confirm string, fs *fieldSet, extra fyne.CanvasObject, w fyne.Window, submit func(fd *formDialog)) *formDialog {
	fd := &formDialog{fs: fs, win: w, submit: submit}
	fd.ok = widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), fd.run)
	fd.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.X("action.cancel", "Cancel"), theme.CancelIcon(), func() { fd.d.Hide() })
	for _, f := range fs.fields {
		if e := entryOf(f.input); e != nil && !e.MultiLine {
			e.OnSubmitted = func(string) { fd.run() }
		}
		if e, ok := f.input.(*escEntry); ok {
			e.onEsc = func() { fd.d.Hide() }
		}
	}
	body := container.NewVBox(fs.object())
	if extra != nil {
		body.Add(extra)
	}
	// The messages of a Save that marks every wrong field make the form
	// taller: it scrolls inside a dialog that stays within the window.
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(0, formHeight(body.MinSize().Height, w)))
	fd.d = dialog.NewCustomWithoutButtons(title, scroll, w)
	fd.d.SetButtons([]fyne.CanvasObject{cancel, fd.ok})
	showSized(fd.d, fyne.NewSize(520, 0))
	if len(fs.fields) > 0 {
		if e, ok := fs.fields[0].input.(fyne.Focusable); ok {
			w.Canvas().Focus(e)
		}
	}
	return fd
}

// formHeight is the height a form's dialog gives it: all it needs, but no
// more than leaves the dialog's title and buttons inside the window.
func formHeight(need float32, w fyne.Window) float32 {
	room := w.Canvas().Size().Height - 160
	if room < 200 {
		room = 200
	}
	return min(need, room)
}

func (fd *formDialog) run() {
	if fd.ok.Disabled() {
		return
	}
	fd.fs.clear()
	fd.submit(fd)
}

// busy disables the confirm button while the store works.
func (fd *formDialog) busy() { fd.ok.Disable() }

// fail re-enables the form and shows err at its field, or in the error
// dialog when it is about nothing on the form (a refusal of the store).
func (fd *formDialog) fail(err error) {
	fd.ok.Enable()
	if rest := fd.fs.markAll(err); rest != nil {
		showError(rest, fd.win)
	}
}

// close hides the dialog after a success.
func (fd *formDialog) close() { fd.d.Hide() }

// passwordField adds a password entry labelled by "field."+key.
func passwordField(fs *fieldSet, key, fallback string) *widget.Entry {
	e := widget.NewPasswordEntry()
	fs.add(key, fallback, e)
	return e
}
