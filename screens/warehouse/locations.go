package warehouse

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// locationsPane lists the warehouses and their bins; a form adds and edits
// them (disabling one keeps its history).
type locationsPane struct {
	v     *View
	rows  []app.Location // each warehouse followed by its bins
	table *widget.Table
	count *widget.Label
}

func newLocationsPane(v *View) *locationsPane { return &locationsPane{v: v} }

var locCols = []kit.Column{
	{Key: "warehouse.col.code", Fallback: "Code", Width: 140},
	{Key: "warehouse.col.name", Fallback: "Name", Width: 340},
	{Key: "warehouse.col.loc_kind", Fallback: "Kind", Width: 130},
	{Key: "warehouse.col.parent", Fallback: "In warehouse", Width: 160},
	{Key: "warehouse.col.branch", Fallback: "Branch", Width: 100},
	{Key: "warehouse.col.state", Fallback: "State", Width: 120},
}

func (p *locationsPane) buildUI() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.X("warehouse.locations.new", "New location…"), theme.ContentAddIcon(), func() {
		p.edit(app.Location{Branch: p.v.h.Company().Branch})
	})
	add.Importance = widget.HighImportance
	p.count = widget.NewLabel("")
	p.table = kit.NewColumnTable(locCols, func() int { return len(p.rows) }, p.updateCell, nil)
	p.table.OnSelected = func(id widget.TableCellID) {
		p.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(p.rows) {
			p.edit(p.rows[id.Row])
		}
	}
	hint := widget.NewLabel(lang.X("warehouse.locations.hint", "A warehouse holds stock; a bin is a place inside one. Click a row to edit it."))
	return container.NewBorder(container.NewBorder(nil, nil, add, p.count, hint), nil, nil, nil, p.table)
}

func (p *locationsPane) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	locs := p.rows
	if id.Row >= len(locs) {
		l.SetText("")
		return
	}
	x := locs[id.Row]
	text := ""
	switch id.Col {
	case 0:
		text = x.Code
		if x.Parent != "" {
			text = "   " + text
		}
	case 1:
		text = x.Name
	case 2:
		text = lang.X("warehouse.loc.warehouse", "Warehouse")
		if x.Parent != "" {
			text = lang.X("warehouse.loc.bin", "Bin")
		}
	case 3:
		if x.Parent != "" {
			text = p.v.cat.locCode(x.Parent)
		}
	case 4:
		text = x.Branch
	case 5:
		if x.Disabled {
			text = lang.X("warehouse.loc.disabled", "not in use")
		} else {
			text = lang.X("warehouse.loc.active", "in use")
		}
	}
	l.SetText(text)
}

func (p *locationsPane) reload() {
	p.rows = orderLocations(p.v.cat.locs)
	p.count.SetText(kit.Plural("warehouse.locations.count", len(p.v.cat.locs), "{{.n}} location", "{{.n}} locations", nil))
	p.table.Refresh()
}

// edit opens the location form.
func (p *locationsPane) edit(l app.Location) {
	fs := kit.NewFieldSet()
	code := fs.EscEntry("location.code", "Code", "HLAVNI")
	name := fs.EscEntry("location.name", "Name", "")
	branch := fs.EscEntry("location.branch", "Branch", "HQ")
	var parents []app.Location
	names := []string{lang.X("warehouse.loc.none", "(none — this is a warehouse)")}
	for _, x := range p.v.cat.locs {
		if x.Parent == "" && x.ID != l.ID {
			parents = append(parents, x)
			names = append(names, locLabel(x))
		}
	}
	parent := newSelect(names, nil)
	fs.Add("location.parent", "Warehouse", parent)
	disabled := widget.NewCheck(lang.X("warehouse.loc.disable_hint", "no new moves; its history stays"), nil)
	fs.Add("location.disabled", "Not in use", disabled)
	code.SetText(l.Code)
	name.SetText(l.Name)
	branch.SetText(l.Branch)
	parent.SetSelectedIndex(0)
	for i, x := range parents {
		if x.ID == l.Parent {
			parent.SetSelectedIndex(i + 1)
		}
	}
	disabled.SetChecked(l.Disabled)
	title := lang.X("warehouse.locations.new_title", "New location")
	if l.ID != "" {
		title = lang.X("warehouse.locations.edit_title", "Location {{.code}}", map[string]any{"code": l.Code})
	}
	kit.ShowFormDialog(title, lang.X("action.save", "Save"), fs, nil, p.v.win, func(fd *kit.FormDialog) {
		out := l
		out.Code, out.Name = strings.TrimSpace(code.Text), strings.TrimSpace(name.Text)
		out.Branch = strings.ToUpper(strings.TrimSpace(branch.Text))
		out.Parent = ""
		if i := parent.SelectedIndex(); i > 0 {
			out.Parent = parents[i-1].ID
		}
		out.Disabled = disabled.Checked
		kit.Call(p.v.deps, fd.To(), func(ctx context.Context) (app.Location, error) {
			return p.v.deps.Services.Warehouse.SaveLocation(ctx, out)
		}, func(app.Location) {
			fd.Close()
			p.v.loadCatalog(p.reload)
		})
	})
}

// orderLocations lists each warehouse (by code) followed by its bins; bins
// whose warehouse is missing come last.
func orderLocations(locs []app.Location) []app.Location {
	var out []app.Location
	placed := map[string]bool{}
	for _, w := range locs {
		if w.Parent != "" {
			continue
		}
		out = append(out, w)
		placed[w.ID] = true
		for _, b := range locs {
			if b.Parent == w.ID {
				out = append(out, b)
				placed[b.ID] = true
			}
		}
	}
	for _, l := range locs {
		if !placed[l.ID] {
			out = append(out, l)
		}
	}
	return out
}
