package screens

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

// showError is the one place the screens report an error: the domain message
// in the user's language, in a dialog over w.
func showError(err error, w fyne.Window) {
	if err == nil || w == nil {
		return
	}
	msg := app.ErrorMessage(err, Translator())
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.X("dialog.error.title", "Something went wrong"), lang.X("action.ok", "OK"), label, w)
	showSized(d, fyne.NewSize(460, 0))
}

// ShowFatal opens a small window showing message in an error dialog; closing
// either quits the application. main uses it when the database cannot be
// opened (for example because another Kontor has it open).
func ShowFatal(a fyne.App, title, message string) {
	w := a.NewWindow(title)
	w.SetIcon(appIcon())
	w.SetContent(widget.NewLabel(title))
	w.Resize(fyne.NewSize(520, 260))
	w.SetOnClosed(a.Quit)
	d := dialog.NewError(errors.New(message), w)
	d.SetOnClosed(func() { w.Close() })
	w.Show()
	d.Show()
}
