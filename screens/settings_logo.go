package screens

import (
	"net/http"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// logoEditor picks, previews and removes the company logo (PNG or JPEG).
type logoEditor struct {
	win     fyne.Window
	data    []byte
	preview *canvas.Image
	none    *widget.Label
	remove  *widget.Button
}

func newLogoEditor(w fyne.Window, data []byte) *logoEditor {
	return &logoEditor{win: w, data: data}
}

func (l *logoEditor) object() fyne.CanvasObject {
	l.preview = canvas.NewImageFromResource(nil)
	l.preview.FillMode = canvas.ImageFillContain
	l.preview.SetMinSize(fyne.NewSize(200, 80))
	l.none = widget.NewLabel(lang.X("logo.none", "No logo"))
	l.none.Importance = widget.LowImportance
	choose := widget.NewButtonWithIcon(lang.X("logo.choose", "Choose a logo…"), theme.FolderOpenIcon(), l.choose)
	l.remove = widget.NewButtonWithIcon(lang.X("logo.remove", "Remove"), theme.DeleteIcon(), func() { l.set(nil) })
	l.set(l.data)
	hint := widget.NewLabel(lang.X("logo.hint", "PNG or JPEG, at most 512 KB."))
	hint.Importance = widget.LowImportance
	return container.NewVBox(container.NewStack(l.none, l.preview), container.NewHBox(choose, l.remove), hint)
}

// set shows data as the logo, or the empty state for nil.
func (l *logoEditor) set(data []byte) {
	l.data = data
	if len(data) == 0 {
		l.preview.Resource = nil
		l.preview.Hide()
		l.none.Show()
		l.remove.Disable()
	} else {
		l.preview.Resource = fyne.NewStaticResource("logo", data)
		l.preview.Show()
		l.none.Hide()
		l.remove.Enable()
	}
	l.preview.Refresh()
}

// choose opens a file dialog for a PNG or JPEG and reads it off the UI thread.
func (l *logoEditor) choose() {
	kit.OpenFileOf(l.win, []string{".png", ".jpg", ".jpeg", ".PNG", ".JPG", ".JPEG"}, app.MaxLogoBytes+1, func(_ string, data []byte) {
		if len(data) > app.MaxLogoBytes {
			kit.ShowError(app.Invalid("company.logo", "err.logo.too_large", "the logo is larger than 512 KB", nil), l.win)
			return
		}
		if t := http.DetectContentType(data); t != "image/png" && t != "image/jpeg" {
			kit.ShowError(app.Invalid("company.logo", "err.logo.format", "the logo must be a PNG or JPEG picture", nil), l.win)
			return
		}
		l.set(data)
	})
}
