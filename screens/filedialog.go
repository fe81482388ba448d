package screens

import "fyne.io/fyne/v2"

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
