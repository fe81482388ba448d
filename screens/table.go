package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// column is one column of a list table: its header's translation key and
// English text, and its width.
type column struct {
	key, fallback string
	width         float32
}

// newColumnTable builds the virtualised list table the screens share: a bold,
// translated header row, no header column, label cells filled by update, fixed
// widths. right, if set, says which columns hold amounts and align right.
func newColumnTable(cols []column, rows func() int, update func(widget.TableCellID, fyne.CanvasObject), right func(col int) bool) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows(), len(cols) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		update)
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col < 0 {
			return
		}
		l := o.(*widget.Label)
		l.SetText(lang.X(cols[id.Col].key, cols[id.Col].fallback))
		if right != nil {
			l.Alignment = columnAlign(right(id.Col))
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	return t
}
