package kit

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"kontor/app"
	"kontor/app/atomicfile"
)

// This file is the only place the screens make file dialogs and size
// dialogs (TestDialogsSizedOnlyAfterShow enforces it): Fyne's FileDialog
// builds its window in Show, and Resize before that dereferences a nil
// window and kills the app. Every dialog is therefore shown first and sized
// after, through showSized.

// fileDialogSize is where a path is readable and a folder's files fit.
var fileDialogSize = fyne.NewSize(900, 600)

// ShowSized shows d, then gives it size (a zero height keeps the height the
// content needs). Sizing after Show is safe for every kind of dialog.
func ShowSized(d interface {
	Show()
	Resize(fyne.Size)
}, size fyne.Size) {
	d.Show()
	d.Resize(size)
}

// SaveFileAs asks where to save a file of type ext (".pdf", ".csv", ".db"),
// suggesting name, and calls chosen with the path — ext added when the name
// lacks it (the empty file the dialog made under the bare name is removed).
// Errors of the dialog go to showError. The dialog is returned for tests.
func SaveFileAs(win fyne.Window, name, ext string, chosen func(path string)) *dialog.FileDialog {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			ShowError(err, win)
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
	ShowSized(d, fileDialogSize)
	return d
}

// OpenFileOf asks for a file (of one of exts, any file when exts is empty)
// and reads at most limit bytes of it off the UI thread (limit ≤ 0: all of
// it); chosen then gets its name and bytes on the UI thread. A caller that
// refuses big files passes its maximum + 1 and checks the length. Errors of
// the dialog and of reading go to showError. The dialog is returned for tests.
func OpenFileOf(win fyne.Window, exts []string, limit int64, chosen func(name string, data []byte)) *dialog.FileDialog {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			ShowError(err, win)
			return
		}
		if r == nil {
			return // cancelled
		}
		name := r.URI().Name()
		Call(Deps{}, To{Win: win}, func(context.Context) ([]byte, error) {
			var src io.Reader = r
			if limit > 0 {
				src = io.LimitReader(r, limit)
			}
			data, err := io.ReadAll(src)
			_ = r.Close()
			if err != nil {
				return nil, app.Errorf(app.EINVALID, "err.file.read", "cannot read {{.name}}: {{.err}}", map[string]any{"name": name, "err": err.Error()})
			}
			return data, nil
		}, func(data []byte) { chosen(name, data) })
	}, win)
	if len(exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	ShowSized(d, fileDialogSize)
	return d
}

// OpenFolder asks for a folder and calls chosen with its path. The dialog is
// returned for tests.
func OpenFolder(win fyne.Window, chosen func(path string)) *dialog.FileDialog {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			ShowError(err, win)
			return
		}
		if u != nil {
			chosen(u.Path())
		}
	}, win)
	ShowSized(d, fileDialogSize)
	return d
}

// Widen makes a shown form dialog width wide (wider forms: the CSV mapping).
func (fd *FormDialog) Widen(width float32) { fd.Dialog.Resize(fyne.NewSize(width, 0)) }

// WriteFileAtomic writes path through a temp file beside it
// (atomicfile.WriteFile: synced, renamed on success, removed on failure; a
// killed run's temp file is swept by the next save into the folder).
func WriteFileAtomic(path string, write func(*os.File) error) error {
	err := atomicfile.WriteFile(path, true, true, write)
	var ae *app.Error
	if err == nil || errors.As(err, &ae) || errors.Is(err, context.Canceled) {
		return err
	}
	return app.Internal("writing "+path, err)
}
