package accounts

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// barSeries is one series of a bar chart: its name in the legend, its colour
// and one value per group (minor units or any other integer).
type barSeries struct {
	name   string
	color  color.Color
	values []int64
}

// barChart is a small grouped bar chart drawn with canvas rectangles and
// texts: one group of bars per label (a month, an aging bucket), one bar per
// series, a legend when there is more than one series, each bar's value above
// it when it fits. Negative values hang below the zero line. The receivables
// aging and the revenue vs. expenses chart of the Accounts tab use it.
type barChart struct {
	widget.BaseWidget

	title  string
	labels []string
	series []barSeries
	// format writes a value above its bar and at the top of the scale.
	format func(int64) string
}

// newBarChart returns an empty chart whose values are written by format.
func newBarChart(title string, format func(int64) string) *barChart {
	c := &barChart{title: title, format: format}
	c.ExtendBaseWidget(c)
	return c
}

// SetData replaces the groups and series and redraws the chart.
func (c *barChart) SetData(labels []string, series []barSeries) {
	c.labels, c.series = labels, series
	c.Refresh()
}

// chartMinSize keeps a chart readable inside a border or split.
var chartMinSize = fyne.NewSize(320, 130)

// CreateRenderer implements fyne.Widget.
func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barChartRenderer{chart: c}
	r.rebuild()
	return r
}

// barChartRenderer holds the canvas objects of the chart; rebuild makes them
// from the data, Layout places them in whatever size the container gives.
type barChartRenderer struct {
	chart   *barChart
	title   *canvas.Text
	scale   *canvas.Text
	axis    *canvas.Line
	bars    [][]*canvas.Rectangle // [group][series]
	values  [][]*canvas.Text
	labels  []*canvas.Text
	legend  []fyne.CanvasObject // swatch, name, swatch, name…
	objects []fyne.CanvasObject
}

func (r *barChartRenderer) rebuild() {
	c := r.chart
	fg := theme.Color(theme.ColorNameForeground)
	small := theme.CaptionTextSize()
	r.title = canvas.NewText(c.title, fg)
	r.title.TextStyle.Bold = true
	r.scale = canvas.NewText("", theme.Color(theme.ColorNamePlaceHolder))
	r.scale.TextSize = small
	r.axis = canvas.NewLine(theme.Color(theme.ColorNameDisabled))
	r.axis.StrokeWidth = 1
	r.objects = []fyne.CanvasObject{r.title, r.scale, r.axis}
	r.bars, r.values, r.labels, r.legend = nil, nil, nil, nil
	var top int64
	for _, s := range c.series {
		for _, v := range s.values {
			top = max(top, absMinor(v))
		}
	}
	if top > 0 && c.format != nil {
		r.scale.Text = c.format(top)
	}
	for g, label := range c.labels {
		var bars []*canvas.Rectangle
		var vals []*canvas.Text
		for _, s := range c.series {
			v := valueAt(s.values, g)
			b := canvas.NewRectangle(s.color)
			t := canvas.NewText("", fg)
			t.TextSize = small
			t.Alignment = fyne.TextAlignCenter
			if v != 0 && c.format != nil {
				t.Text = c.format(v)
			}
			bars, vals = append(bars, b), append(vals, t)
			r.objects = append(r.objects, b, t)
		}
		l := canvas.NewText(label, fg)
		l.TextSize = small
		l.Alignment = fyne.TextAlignCenter
		r.bars, r.values, r.labels = append(r.bars, bars), append(r.values, vals), append(r.labels, l)
		r.objects = append(r.objects, l)
	}
	if len(c.series) > 1 {
		for _, s := range c.series {
			sw := canvas.NewRectangle(s.color)
			t := canvas.NewText(s.name, fg)
			t.TextSize = small
			r.legend = append(r.legend, sw, t)
			r.objects = append(r.objects, sw, t)
		}
	}
}

// Layout places the title and legend on top, the group labels at the
// bottom and the bars in between, scaled to the largest value.
func (r *barChartRenderer) Layout(size fyne.Size) {
	c := r.chart
	pad := theme.Padding()
	titleH := r.title.MinSize().Height
	r.title.Move(fyne.NewPos(pad, 0))
	r.title.Resize(r.title.MinSize())
	top := titleH + pad
	// The legend runs along the top right.
	x := size.Width - pad
	for i := len(r.legend) - 2; i >= 0; i -= 2 {
		sw, name := r.legend[i], r.legend[i+1]
		ns := name.MinSize()
		x -= ns.Width
		name.Move(fyne.NewPos(x, (titleH-ns.Height)/2))
		name.Resize(ns)
		x -= ns.Height + pad/2
		sw.Move(fyne.NewPos(x, (titleH-ns.Height)/2+ns.Height/4))
		sw.Resize(fyne.NewSize(ns.Height/2, ns.Height/2))
		x -= 2 * pad
	}
	r.scale.Move(fyne.NewPos(pad, top))
	r.scale.Resize(r.scale.MinSize())
	valueH := r.scale.MinSize().Height
	labelH := valueH
	if len(r.labels) > 0 {
		labelH = r.labels[0].MinSize().Height
	}
	plotTop := top + valueH + pad
	plotBottom := size.Height - labelH - pad
	plotH := plotBottom - plotTop
	if plotH < 1 || len(r.labels) == 0 {
		r.axis.Position1, r.axis.Position2 = fyne.NewPos(pad, plotBottom), fyne.NewPos(size.Width-pad, plotBottom)
		return
	}
	var hi, lo int64
	for _, s := range c.series {
		for _, v := range s.values {
			hi, lo = max(hi, v), min(lo, v)
		}
	}
	span := float32(hi - lo)
	if span == 0 {
		span = 1
	}
	zeroY := plotTop + plotH*float32(hi)/span
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(pad, zeroY), fyne.NewPos(size.Width-pad, zeroY)

	groupW := (size.Width - 2*pad) / float32(len(r.labels))
	nSeries := float32(len(c.series))
	barW := groupW * 0.7 / max(nSeries, 1)
	for g, l := range r.labels {
		gx := pad + float32(g)*groupW
		l.Move(fyne.NewPos(gx, plotBottom+pad/2))
		l.Resize(fyne.NewSize(groupW, labelH))
		left := gx + (groupW-barW*nSeries)/2
		for si, b := range r.bars[g] {
			v := valueAt(c.series[si].values, g)
			h := plotH * float32(absMinor(v)) / span
			y := zeroY - h
			if v < 0 {
				y = zeroY
			}
			bx := left + float32(si)*barW
			b.Move(fyne.NewPos(bx+1, y))
			b.Resize(fyne.NewSize(max(barW-2, 1), h))
			t := r.values[g][si]
			ts := t.MinSize()
			// A value is written only where it fits over its bar.
			if t.Text == "" || ts.Width > barW+pad {
				t.Hide()
				continue
			}
			t.Show()
			ty := y - ts.Height
			if v < 0 {
				ty = y + h
			}
			t.Move(fyne.NewPos(bx+(barW-ts.Width)/2, ty))
			t.Resize(ts)
		}
	}
}

// MinSize implements fyne.WidgetRenderer.
func (r *barChartRenderer) MinSize() fyne.Size { return chartMinSize }

// Refresh rebuilds the objects from the chart's data.
func (r *barChartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.chart.Size())
	canvas.Refresh(r.chart)
}

// Objects implements fyne.WidgetRenderer.
func (r *barChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy implements fyne.WidgetRenderer.
func (r *barChartRenderer) Destroy() {}

// chartColors are the series colours: primary, then warning-like contrasts.
func chartColors() []color.Color {
	return []color.Color{
		theme.Color(theme.ColorNamePrimary),
		theme.Color(theme.ColorNameWarning),
		theme.Color(theme.ColorNameSuccess),
		theme.Color(theme.ColorNameError),
	}
}

// valueAt is vs[i], zero past the end.
func valueAt(vs []int64, i int) int64 {
	if i < len(vs) {
		return vs[i]
	}
	return 0
}

// absMinor is |v|.
func absMinor(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
