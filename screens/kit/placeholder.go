package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Placeholder is the honest empty state of a tab whose screen comes in a later
// issue: its icon, its name and a sentence saying what will be there.
func Placeholder(icon fyne.Resource, title, what string) fyne.CanvasObject {
	img := canvas.NewImageFromResource(icon)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(72, 72))

	name := Heading(title)
	name.Alignment = fyne.TextAlignCenter

	body := widget.NewLabel(what)
	body.Alignment = fyne.TextAlignCenter
	body.Wrapping = fyne.TextWrapWord

	note := widget.NewLabel(lang.X("placeholder.later", "This part of Kontor is not built yet."))
	note.Alignment = fyne.TextAlignCenter
	note.Importance = widget.LowImportance

	box := container.NewVBox(img, name, body, note)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(540, 300), box))
}
