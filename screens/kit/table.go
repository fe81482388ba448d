package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Column is one column of a list table: its header's translation key and
// English text, and its width.
type Column struct {
	Key, Fallback string
	Width         float32
}

// NewColumnTable builds the virtualised list table the screens share: a bold,
// translated header row, no header column, label cells filled by update, fixed
// SeriesWidths. right, if set, says which columns hold amounts and align right.
func NewColumnTable(cols []Column, rows func() int, update func(widget.TableCellID, fyne.CanvasObject), right func(col int) bool) *widget.Table {
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
		l.SetText(lang.X(cols[id.Col].Key, cols[id.Col].Fallback))
		if right != nil {
			l.Alignment = ColumnAlign(right(id.Col))
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.Width)
	}
	return t
}

// ColumnAlign right-aligns amounts.
func ColumnAlign(amount bool) fyne.TextAlign {
	if amount {
		return fyne.TextAlignTrailing
	}
	return fyne.TextAlignLeading
}

// Sized gives an input a fixed width in an HBox.
func Sized(o fyne.CanvasObject, width float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
}
