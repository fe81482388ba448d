package screens

import (
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// showFileDialog shows a file or folder dialog at a size where a path is
// readable. The size must be set after Show: Fyne's FileDialog builds its
// window in Show, and Resize before that dereferences nothing and panics.
func showFileDialog(d interface {
	Show()
	Resize(fyne.Size)
}) {
	d.Show()
	d.Resize(fyne.NewSize(900, 600))
}

// saveFileAs asks where to save a file of type ext (".pdf", ".csv"),
// suggesting name, and calls chosen with the path — ext added when the name
// lacks it (the empty file the dialog made under the bare name is removed).
// Errors of the dialog go to showError. The dialog is returned for tests.
func saveFileAs(win fyne.Window, name, ext string, chosen func(path string)) *dialog.FileDialog {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(err, win)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		if !strings.HasSuffix(strings.ToLower(path), ext) {
			_ = os.Remove(path)
			path += ext
		}
		chosen(path)
	}, win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	showFileDialog(d)
	return d
}
