package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FormDialog is a small form in a dialog that stays open until its submit
// succeeds: a wrong field is marked where it is, not lost with the dialog.
type FormDialog struct {
	Dialog *dialog.CustomDialog
	Form   *FieldSet
	OK     *widget.Button
	Win    fyne.Window
	submit func(*FormDialog)
}

// ShowFormDialog shows fs (and extra under it, if any) with Cancel and a
// confirm button; submit runs on confirm and on Enter in any entry and ends
// with fd.close or fd.fail.
func ShowFormDialog(title, confirm string, fs *FieldSet, extra fyne.CanvasObject, w fyne.Window, submit func(fd *FormDialog)) *FormDialog {
	fd := &FormDialog{Form: fs, Win: w, submit: submit}
	fd.OK = widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), fd.Run)
	fd.OK.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.X("action.cancel", "Cancel"), theme.CancelIcon(), func() { fd.Dialog.Hide() })
	for _, f := range fs.Fields {
		if e := EntryOf(f.Input); e != nil && !e.MultiLine {
			e.OnSubmitted = func(string) { fd.Run() }
		}
		if e, ok := f.Input.(*EscEntry); ok {
			e.OnEsc = func() { fd.Dialog.Hide() }
		}
	}
	body := container.NewVBox(fs.Object())
	if extra != nil {
		body.Add(extra)
	}
	// The messages of a Save that marks every wrong field make the form
	// taller: it scrolls inside a dialog that stays within the window.
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(0, formHeight(body.MinSize().Height, w)))
	fd.Dialog = dialog.NewCustomWithoutButtons(title, scroll, w)
	fd.Dialog.SetButtons([]fyne.CanvasObject{cancel, fd.OK})
	ShowSized(fd.Dialog, fyne.NewSize(520, 0))
	if len(fs.Fields) > 0 {
		if e, ok := fs.Fields[0].Input.(fyne.Focusable); ok {
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

func (fd *FormDialog) Run() {
	if fd.OK.Disabled() {
		return
	}
	fd.Form.Clear()
	fd.submit(fd)
}

// Busy disables the confirm button while the store works.
func (fd *FormDialog) Busy() { fd.OK.Disable() }

// Fail re-enables the form and shows err at its field, or in the error
// dialog when it is about nothing on the form (a refusal of the store).
func (fd *FormDialog) Fail(err error) {
	fd.OK.Enable()
	if rest := fd.Form.MarkAll(err); rest != nil {
		ShowError(rest, fd.Win)
	}
}

// Close hides the dialog after a success.
func (fd *FormDialog) Close() { fd.Dialog.Hide() }

// PasswordField adds a password entry labelled by "field."+key.
func PasswordField(fs *FieldSet, key, fallback string) *widget.Entry {
	e := widget.NewPasswordEntry()
	fs.Add(key, fallback, e)
	return e
}

// SetBusy disables the confirm button while a call runs (Busy).
func (fd *FormDialog) SetBusy(on bool) {
	if on {
		fd.OK.Disable()
	} else {
		fd.OK.Enable()
	}
}

// To sends a call's outcome to the dialog: the confirm button is disabled
// while it runs, an error is marked at its field or shown over the window.
func (fd *FormDialog) To() To { return To{Win: fd.Win, Fields: fd.Form, Busy: fd} }
