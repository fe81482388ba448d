package kit

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

// ShowError is the one place the screens report an error: the domain message
// in the user's language, in a dialog over w. Its OK button has the focus,
// so Enter and Esc close it too; the focus then goes back where it was (the
// Field of a form being corrected).
func ShowError(err error, w fyne.Window) {
	if err == nil || w == nil {
		return
	}
	msg := app.ErrorMessage(err, Translator())
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	prev := w.Canvas().Focused()
	var d *dialog.CustomDialog
	ok := newKeyButton(lang.X("action.ok", "OK"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.X("dialog.error.title", "Something went wrong"), label, w)
	d.SetButtons([]fyne.CanvasObject{ok})
	d.SetOnClosed(func() {
		if prev != nil {
			w.Canvas().Focus(prev)
		}
	})
	ShowSized(d, fyne.NewSize(460, 0))
	w.Canvas().Focus(ok)
}

// KeyButton is a dialog's only button, pressed by Enter, Return and Esc as
// well as by a click once it has the focus.
type KeyButton struct {
	widget.Button
}

func newKeyButton(text string, tapped func()) *KeyButton {
	b := &KeyButton{}
	b.Text, b.OnTapped, b.Importance = text, tapped, widget.HighImportance
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button for Enter, Return and Esc.
func (b *KeyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		if b.OnTapped != nil && !b.Disabled() {
			b.OnTapped()
		}
		return
	}
	b.Button.TypedKey(ev)
}

// ShowFatal opens a small window showing message in an error dialog; closing
// either quits the application. main uses it when the database cannot be
// opened (for example because another Kontor has it open).
func ShowFatal(a fyne.App, title, message string) {
	w := a.NewWindow(title)
	w.SetIcon(AppIcon())
	w.SetContent(widget.NewLabel(title))
	w.Resize(fyne.NewSize(520, 260))
	w.SetOnClosed(a.Quit)
	d := dialog.NewError(errors.New(message), w)
	d.SetOnClosed(func() { w.Close() })
	w.Show()
	d.Show()
}

// ErrCancelled is what a cancelled export returns.
func ErrCancelled() error { return app.Errorf(app.EINVALID, "err.cancelled", "cancelled", nil) }
