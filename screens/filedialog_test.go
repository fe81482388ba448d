package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
)

func TestShowFileDialogSizesAfterShow(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("dialogs")
	w.Resize(fyne.NewSize(1000, 700))
	for _, d := range []interface {
		Show()
		Resize(fyne.Size)
		Hide()
	}{
		dialog.NewFileSave(func(fyne.URIWriteCloser, error) {}, w),
		dialog.NewFileOpen(func(fyne.URIReadCloser, error) {}, w),
		dialog.NewFolderOpen(func(fyne.ListableURI, error) {}, w),
	} {
		showFileDialog(d) // Resize before Show panicked in the sales batch, badge and import dialogs
		d.Hide()
	}
}
