package pdf

import (
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"kontor/app"
)

// ReportRenderer prints a financial report table as an
// A4 PDF, landscape when the table has more than six columns: the company's
// name and IČO, the title and period, the table with its column header
// repeated on every page (section headings and totals bold, amounts right
// aligned), the notes, and "page N of M" at the foot of each page. The words
// are the table's own, already in its language; the page words follow
// ReportTable.Lang.
type ReportRenderer struct {
	// Created is the creation date written into the PDF; the zero time
	// means now. Tests fix it for byte-identical output.
	Created time.Time
}

// pageGeom is the page's size and the layout's lines on it, in mm.
type pageGeom struct {
	landscape          bool
	w, contentW, right float64
	bottom, footerY    float64
	orientation        string
	rowFont, headFont  float64
}

var (
	portraitGeom  = pageGeom{false, pageW, contentW, right, bodyBottom, footerY, "P", 8.5, 7.5}
	landscapeGeom = pageGeom{true, 297, 297 - 2*margin, 297 - margin, 187, 193, "L", 8, 7.5}
)

// Report table metrics.
const (
	repLineH = 3.9 // a line of a cell
	repPad   = 0.9 // above and below a row's text
)

type reportPDF struct {
	*renderer
	t    app.ReportTable
	c    app.Company
	g    pageGeom
	cols []column
}

// Report writes t as a PDF to w.
func (rr ReportRenderer) Report(w io.Writer, t app.ReportTable, c app.Company) (err error) {
	defer recoverPanic("rendering the report "+t.Title, &err)
	lang := t.Lang
	if !lang.Valid() {
		lang = app.English
	}
	created := rr.Created
	if created.IsZero() {
		created = time.Now()
	}
	r := newRenderer(Options{Lang: lang, BaseCurrency: c.BaseCurrency, Created: created})
	r.l = labelsFor(lang)
	r.d = app.SalesDoc{Supplier: app.PartyOfCompany(c)}
	p := &reportPDF{renderer: r, t: t, c: c, g: portraitGeom}
	if len(t.Columns) > 6 {
		p.g = landscapeGeom
	}
	setInfo(r.f, t.Title, c.Name, t.Period)
	r.fam = useFamily(r.f, !coveredAll(p.strings()...))
	p.layoutColumns()
	p.draw()
	return r.output(w)
}

// strings are every text of the report, whose characters decide the font.
func (p *reportPDF) strings() []string {
	ss := []string{p.t.Title, p.t.Period, p.c.Name, p.c.ICO}
	ss = append(ss, p.t.Notes...)
	for _, c := range p.t.Columns {
		ss = append(ss, c.Title)
	}
	for _, r := range p.t.Rows {
		ss = append(ss, r.Cells...)
	}
	return ss
}

// minTextW is the narrowest a column of wrapping text is made, in mm, when
// a column of numbers needs its width.
const minTextW = 15.0

// layoutColumns shares the content width by the columns' weights, then
// widens each column whose unbreakable cells (see unbreakable) would not
// fit, taking the width from the others down to what their own cells need
// (minTextW for a column that wraps): an entry number must not be cut in
// two. What still does not fit is set smaller when drawn (fitSize).
func (p *reportPDF) layoutColumns() {
	total := 0.0
	for _, c := range p.t.Columns {
		total += weight(c)
	}
	for _, c := range p.t.Columns {
		align := "L"
		if c.Numeric {
			align = "R"
		}
		p.cols = append(p.cols, column{title: c.Title, w: p.g.contentW * weight(c) / total, align: align})
	}
	n := len(p.cols)
	need := make([]float64, n) // the widest unbreakable cell, gap included
	wraps := make([]bool, n)   // the column has text that may wrap
	p.font("B", p.g.rowFont)   // totals are bold, and bold is the wider
	for _, row := range p.t.Rows {
		if row.Heading {
			continue
		}
		for i, cell := range row.Cells[:min(n, len(row.Cells))] {
			switch {
			case cell == "":
			case unbreakable(cell, p.cols[i]):
				need[i] = max(need[i], textWidth(p.f, cell)+cellGap)
			default:
				wraps[i] = true
			}
		}
	}
	var deficit, slack float64
	floor := make([]float64, n)
	for i, c := range p.cols {
		floor[i] = need[i]
		if wraps[i] {
			floor[i] = max(floor[i], minTextW)
		}
		deficit += max(0, need[i]-c.w)
		slack += max(0, c.w-floor[i])
	}
	if deficit == 0 || slack == 0 {
		return
	}
	take := min(deficit, slack)
	for i := range p.cols {
		c := &p.cols[i]
		if short := need[i] - c.w; short > 0 {
			c.w += short * take / deficit
		} else if spare := c.w - floor[i]; spare > 0 {
			c.w -= spare * take / slack
		}
	}
}

// unbreakable reports whether cell s of column c stays on one line: an
// amount, or a text without a breaking space — entry and document numbers,
// account codes, VAT IDs, dates written with non-breaking spaces.
func unbreakable(s string, c column) bool {
	return c.align == "R" || !strings.ContainsAny(s, " \t\n\r")
}

func weight(c app.ReportColumn) float64 {
	if c.Weight <= 0 {
		return 1
	}
	return c.Weight
}

func (p *reportPDF) addPage() {
	p.f.AddPageFormat(p.g.orientation, fpdf.SizeType{Wd: pageW, Ht: 297})
}

// header draws the first page's heading: the company and its IČO on the
// left, the title and period on the right. It returns the y below.
func (p *reportPDF) header() float64 {
	y := margin
	half := p.g.contentW / 2
	p.font("B", 10)
	p.ink(inkText)
	left := p.para(margin, y, half-4, 5, p.c.Name, "L")
	if p.c.ICO != "" {
		p.font("", 8.5)
		p.ink(inkLabel)
		left = p.para(margin, left, half-4, 4.5, p.l.ico+": "+p.c.ICO, "L")
	}
	p.font("B", 14)
	p.ink(inkText)
	ry := p.para(margin+half, y, half, 6.5, p.t.Title, "R")
	p.font("", 9.5)
	ry = p.para(margin+half, ry+0.5, half, 5, p.t.Period, "R")
	y = max(left, ry) + 2
	p.rule(margin, p.g.right, y, inkRule, 0.3)
	return y + 3
}

// continuation starts a new page with a short heading.
func (p *reportPDF) continuation() float64 {
	p.addPage()
	return p.continuedHeading(p.t.Title+"  ·  "+p.t.Period, p.g.contentW*0.75, p.g.contentW)
}

// cellLines wraps a text cell to its column; amounts and other unbreakable
// cells never wrap.
func (p *reportPDF) cellLines(s string, c column) []string {
	if s == "" {
		return nil
	}
	w := c.w - cellGap
	if unbreakable(s, c) || textWidth(p.f, s) <= w {
		return []string{s}
	}
	return p.split(s, w)
}

// fitSize is the font size, at most size, at which s fits w mm (not below
// 5 pt): the rare unbreakable cell the layout could not make room for is
// set smaller rather than run into its neighbour.
func (p *reportPDF) fitSize(s string, w, size float64) float64 {
	tw := textWidth(p.f, s)
	if tw <= w || tw == 0 {
		return size
	}
	return max(5, size*w/tw)
}

// draw lays out the whole report and the footers.
func (p *reportPDF) draw() {
	p.addPage()
	p.first = p.f.PageCount()
	y := p.header()
	head := func(y float64) float64 {
		p.font("B", p.g.headFont)
		return p.tableHead(y, p.cols)
	}
	y = head(y)
	for _, row := range p.t.Rows {
		style := ""
		if row.Heading || row.Total {
			style = "B"
		}
		size := p.g.rowFont
		if row.Heading {
			size += 0.5
		}
		p.font(style, size)
		var cells [][]string
		lines := 1
		if row.Heading {
			text := ""
			if len(row.Cells) > 0 {
				text = row.Cells[0]
			}
			cells = [][]string{p.split(text, p.g.contentW-cellGap)}
			lines = len(cells[0])
		} else {
			cells = make([][]string, len(p.cols))
			for i, c := range p.cols {
				if i < len(row.Cells) {
					cells[i] = p.cellLines(row.Cells[i], c)
					lines = max(lines, len(cells[i]))
				}
			}
		}
		h := float64(lines)*repLineH + 2*repPad
		if row.Heading {
			h += 1.5
		}
		if y+h > p.g.bottom {
			y = head(p.continuation())
			p.font(style, size)
		}
		if row.Total {
			p.rule(margin, p.g.right, y+0.1, inkRule, 0.3)
		}
		p.ink(inkText)
		ty := y + repPad
		if row.Heading {
			ty += 1.5
			for _, s := range cells[0] {
				p.text(margin+cellGap/2, ty, p.g.contentW-cellGap, repLineH, s, "L")
				ty += repLineH
			}
		} else {
			x := margin
			for i, c := range p.cols {
				ly := ty
				for _, s := range cells[i] {
					if fit := p.fitSize(s, c.w-cellGap, size); fit < size {
						p.font(style, fit)
						p.text(x+cellGap/2, ly, c.w-cellGap, repLineH, s, c.align)
						p.font(style, size)
					} else {
						p.text(x+cellGap/2, ly, c.w-cellGap, repLineH, s, c.align)
					}
					ly += repLineH
				}
				x += c.w
			}
		}
		y += h
		if row.Heading {
			p.rule(margin, p.g.right, y, inkRule, 0.2)
		} else if !row.Total {
			p.rule(margin, p.g.right, y, 225, 0.1)
		}
	}
	p.rule(margin, p.g.right, y, inkRule, 0.3)
	y += 4
	p.font("", 8.5)
	for _, n := range p.t.Notes {
		lines := p.split(n, p.g.contentW)
		if y+float64(len(lines))*4.4 > p.g.bottom {
			y = p.continuation()
			p.font("", 8.5)
		}
		p.ink(inkLabel)
		y = p.para(margin, y, p.g.contentW, 4.4, n, "L")
	}
	p.footers()
}

// footers writes the company and "Strana N z M" on every page (the
// renderer's supplier is the company).
func (p *reportPDF) footers() { p.footersIn(p.g.contentW, p.g.footerY) }
