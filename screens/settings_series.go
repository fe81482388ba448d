package screens

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// seriesName returns the translated name of what a number series numbers.
func seriesName(code string) string {
	switch code {
	case app.SeriesInvoice:
		return lang.X("series.invoice", "Invoices")
	case app.SeriesCreditNote:
		return lang.X("series.credit_note", "Credit notes")
	case app.SeriesQuote:
		return lang.X("series.quote", "Quotes")
	case app.SeriesOrder:
		return lang.X("series.order", "Orders")
	case app.SeriesReceived:
		return lang.X("series.received_invoice", "Received invoices")
	case app.SeriesJournal:
		return lang.X("series.journal", "Journal entries")
	}
	return code
}

// seriesEditor edits the document number series: prefix and counter width,
// with a live example of the first number of this year.
type seriesEditor struct {
	year int
	rows []*seriesRow
}

// seriesRow is one series being edited.
type seriesRow struct {
	code    string
	prefix  *widget.Entry
	width   *widget.Select
	example *widget.Label
}

func newSeriesEditor(series []app.Series, year int) *seriesEditor {
	e := &seriesEditor{year: year}
	for _, s := range series {
		row := &seriesRow{code: s.Code, prefix: widget.NewEntry(), width: widget.NewSelect(kit.SeriesWidths, nil), example: widget.NewLabel("")}
		row.prefix.SetText(s.Prefix)
		row.width.SetSelected(strconv.Itoa(s.Width))
		row.prefix.OnChanged = func(string) { e.updateExample(row) }
		row.width.OnChanged = func(string) { e.updateExample(row) }
		e.updateExample(row)
		e.rows = append(e.rows, row)
	}
	return e
}

// object lays the series out as a table of rows.
func (e *seriesEditor) object() fyne.CanvasObject {
	bold := fyne.TextStyle{Bold: true}
	objs := []fyne.CanvasObject{
		widget.NewLabelWithStyle(lang.X("series.col.documents", "Documents"), fyne.TextAlignLeading, bold),
		widget.NewLabelWithStyle(lang.X("series.col.prefix", "Prefix"), fyne.TextAlignLeading, bold),
		widget.NewLabelWithStyle(lang.X("series.col.width", "Digits"), fyne.TextAlignLeading, bold),
		widget.NewLabelWithStyle(lang.X("series.col.example", "First number"), fyne.TextAlignLeading, bold),
	}
	for _, r := range e.rows {
		objs = append(objs, widget.NewLabel(seriesName(r.code)), r.prefix, r.width, r.example)
	}
	return container.New(layout.NewGridLayout(4), objs...)
}

// series reads the rows.
func (e *seriesEditor) series() []app.Series {
	out := make([]app.Series, len(e.rows))
	for i, r := range e.rows {
		out[i] = r.value()
	}
	return out
}

func (r *seriesRow) value() app.Series {
	w, _ := strconv.Atoi(r.width.Selected)
	return app.Series{Code: r.code, Prefix: strings.ToUpper(strings.TrimSpace(r.prefix.Text)), Width: w}
}

// updateExample shows the number the series would give first this year.
func (e *seriesEditor) updateExample(r *seriesRow) {
	if r.example == nil || r.width == nil {
		return
	}
	r.example.SetText(r.value().Number(e.year, 1))
}
