package warehouse

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// levelPoint is the level of an item after the moves of one day.
type levelPoint struct {
	Day app.Date
	Qty app.Qty
}

// levelSeries is the item's level over all its locations at the end of
// each day it moved, from its moves in posting order (QtyAfter is per
// location; the series adds the locations up).
func levelSeries(moves []app.StockMove) []levelPoint {
	at := map[string]app.Qty{}
	var out []levelPoint
	for _, m := range moves {
		at[m.Location] = m.QtyAfter
		var q app.Qty
		for _, x := range at {
			q += x
		}
		if n := len(out); n > 0 && out[n-1].Day == m.Date {
			out[n-1].Qty = q
			continue
		}
		out = append(out, levelPoint{m.Date, q})
	}
	return out
}

// levelChart draws an item's level over time as steps: flat between the
// days it moved, a dashed zero line, the first and last day and the highest
// level written on the axes.
type levelChart struct {
	widget.BaseWidget
	points   []levelPoint
	from, to app.Date
}

func newLevelChart() *levelChart {
	c := &levelChart{}
	c.ExtendBaseWidget(c)
	return c
}

// SetData shows points between from and to.
func (c *levelChart) SetData(points []levelPoint, from, to app.Date) {
	c.points, c.from, c.to = points, from, to
	c.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (c *levelChart) CreateRenderer() fyne.WidgetRenderer {
	r := &levelRenderer{c: c}
	r.rebuild()
	return r
}

type levelRenderer struct {
	c       *levelChart
	bg      *canvas.Rectangle
	zero    *canvas.Line
	lines   []*canvas.Line
	labels  []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *levelRenderer) rebuild() {
	r.bg = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	r.zero = canvas.NewLine(theme.Color(theme.ColorNameDisabled))
	r.zero.StrokeWidth = 1
	r.objects = []fyne.CanvasObject{r.bg, r.zero}
	r.lines = nil
	n := len(r.c.points)
	for i := 0; i < 2*n; i++ {
		l := canvas.NewLine(theme.Color(theme.ColorNamePrimary))
		l.StrokeWidth = 2
		r.lines = append(r.lines, l)
		r.objects = append(r.objects, l)
	}
	r.labels = nil
	for range 4 {
		t := canvas.NewText("", theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		r.labels = append(r.labels, t)
		r.objects = append(r.objects, t)
	}
}

func (r *levelRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	pad := theme.Padding() * 2
	labelH := r.labels[0].MinSize().Height
	top, bottom := pad+labelH, size.Height-pad-labelH
	left, right := pad+60, size.Width-pad
	pts := r.c.points
	from, to := r.c.from, r.c.to
	if len(pts) > 0 && (from.IsZero() || pts[0].Day.Before(from)) {
		from = pts[0].Day
	}
	if to.IsZero() || to.Before(from) {
		to = from
	}
	var hi, lo app.Qty
	for _, p := range pts {
		hi, lo = max(hi, p.Qty), min(lo, p.Qty)
	}
	span := float32(hi - lo)
	if span == 0 {
		span = 1
	}
	days := float32(daysBetween(from, to))
	if days == 0 {
		days = 1
	}
	x := func(d app.Date) float32 { return left + (right-left)*float32(daysBetween(from, d))/days }
	y := func(q app.Qty) float32 { return top + (bottom-top)*float32(hi-q)/span }
	r.zero.Position1, r.zero.Position2 = fyne.NewPos(left, y(0)), fyne.NewPos(right, y(0))
	for i, p := range pts {
		end := to
		if i+1 < len(pts) {
			end = pts[i+1].Day
		}
		flat := r.lines[2*i]
		flat.StrokeColor = theme.Color(theme.ColorNamePrimary)
		if p.Qty < 0 {
			flat.StrokeColor = theme.Color(theme.ColorNameError)
		}
		flat.Position1, flat.Position2 = fyne.NewPos(x(p.Day), y(p.Qty)), fyne.NewPos(x(end), y(p.Qty))
		step := r.lines[2*i+1]
		if i+1 < len(pts) {
			step.Position1, step.Position2 = fyne.NewPos(x(end), y(p.Qty)), fyne.NewPos(x(end), y(pts[i+1].Qty))
		} else {
			step.Position1, step.Position2 = flat.Position2, flat.Position2
		}
	}
	texts := []string{kit.FormatQty(hi), kit.FormatQty(lo), from.Format(kit.UILang), to.Format(kit.UILang)}
	pos := []fyne.Position{fyne.NewPos(pad, top-labelH/2), fyne.NewPos(pad, bottom-labelH/2),
		fyne.NewPos(left, bottom+2), fyne.NewPos(right, bottom+2)}
	for i, t := range r.labels {
		t.Text = texts[i]
		if len(pts) == 0 {
			t.Text = ""
		}
		s := t.MinSize()
		p := pos[i]
		if i == 3 {
			p.X -= s.Width
		}
		t.Move(p)
		t.Resize(s)
	}
}

func (r *levelRenderer) MinSize() fyne.Size { return fyne.NewSize(300, 180) }

func (r *levelRenderer) Refresh() {
	if len(r.lines) != 2*len(r.c.points) {
		r.rebuild()
	}
	r.Layout(r.c.Size())
	for _, o := range r.objects {
		o.Refresh()
	}
}

func (r *levelRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *levelRenderer) Destroy()                     {}

// daysBetween is the number of days from a to b.
func daysBetween(a, b app.Date) int {
	return int(math.Round(b.Time(time.UTC).Sub(a.Time(time.UTC)).Hours() / 24))
}
