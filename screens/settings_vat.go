package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// vatEditor edits the list of VAT rates: kind, rate %, valid from, valid to.
type vatEditor struct {
	rows []*vatRow
	box  *fyne.Container
}

// vatRow is one rate being edited.
type vatRow struct {
	kind           *widget.Select
	rate, from, to *widget.Entry
	obj            fyne.CanvasObject
}

func newVATEditor(rates []app.VATRate) *vatEditor {
	v := &vatEditor{box: container.NewVBox()}
	for _, r := range rates {
		v.addRow(r)
	}
	return v
}

// object is the editor: a header, the rows and an Add button.
func (v *vatEditor) object() fyne.CanvasObject {
	head := container.New(layout.NewGridLayout(5),
		widget.NewLabelWithStyle(lang.X("vat.col.kind", "Kind"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.X("vat.col.rate", "Rate %"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.X("vat.col.from", "Valid from"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.X("vat.col.to", "Valid to"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(""))
	add := widget.NewButtonWithIcon(lang.X("vat.add", "Add a rate"), theme.ContentAddIcon(), func() {
		v.addRow(app.VATRate{Kind: app.VATStandard})
	})
	hint := widget.NewLabel(lang.X("vat.hint", "Leave “valid to” empty while the rate is in force. Dates like {{.example}}.", map[string]any{"example": kit.DatePlaceholder()}))
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	return container.NewVBox(head, v.box, container.NewHBox(add), hint)
}

// addRow appends a row filled with r.
func (v *vatEditor) addRow(r app.VATRate) *vatRow {
	names := make([]string, len(kit.VATKinds))
	for i, k := range kit.VATKinds {
		names[i] = kit.VATKindName(k)
	}
	row := &vatRow{kind: widget.NewSelect(names, nil), rate: widget.NewEntry(), from: widget.NewEntry(), to: widget.NewEntry()}
	for i, k := range kit.VATKinds {
		if k == r.Kind {
			row.kind.SetSelectedIndex(i)
		}
	}
	if r.Kind != "" && !r.From.IsZero() {
		row.rate.SetText(r.Rate.Format(kit.UILang))
	}
	row.from.SetText(kit.FormatDateInput(r.From))
	row.to.SetText(kit.FormatDateInput(r.To))
	row.from.SetPlaceHolder(kit.DatePlaceholder())
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.removeRow(row) })
	row.obj = container.New(layout.NewGridLayout(5), row.kind, row.rate, row.from, row.to, container.NewHBox(remove))
	v.rows = append(v.rows, row)
	v.box.Add(row.obj)
	return row
}

// removeRow drops a row.
func (v *vatEditor) removeRow(row *vatRow) {
	for i, r := range v.rows {
		if r == row {
			v.rows = append(v.rows[:i], v.rows[i+1:]...)
			break
		}
	}
	v.box.Remove(row.obj)
}

// rates reads the rows; a value that does not parse is an error about the
// VAT rates field.
func (v *vatEditor) rates() ([]app.VATRate, error) {
	out := make([]app.VATRate, 0, len(v.rows))
	for _, row := range v.rows {
		kind := ""
		if i := row.kind.SelectedIndex(); i >= 0 {
			kind = kit.VATKinds[i]
		}
		rate, err := app.ParseRate(row.rate.Text, kit.UILang)
		if err != nil {
			return nil, app.WithField(err, "company.vat_rates")
		}
		from, err := app.ParseDate(row.from.Text)
		if err != nil {
			return nil, app.WithField(err, "company.vat_rates")
		}
		var to app.Date
		if row.to.Text != "" {
			if to, err = app.ParseDate(row.to.Text); err != nil {
				return nil, app.WithField(err, "company.vat_rates")
			}
		}
		out = append(out, app.VATRate{Kind: kind, Rate: rate, From: from, To: to})
	}
	return out, nil
}
