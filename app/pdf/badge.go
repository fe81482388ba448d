package pdf

import (
	"bytes"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"kontor/app"
)

// Badge geometry in millimetres: a landscape card of 90 × 55 mm, the size
// of a business card, which standard clip-on badge holders take.
const (
	badgeW      = 90.0
	badgeH      = 55.0
	badgeMargin = 5.0
	badgeInner  = badgeW - 2*badgeMargin
)

// badgeLabels are the words on a badge in one language.
type badgeLabels struct {
	title, second, host, in, badge string
}

var (
	badgeCzech   = badgeLabels{"NÁVŠTĚVA", "VISITOR", "Navštěvuje", "Příchod", "Karta č."}
	badgeEnglish = badgeLabels{"VISITOR", "", "Visiting", "Checked in", "Badge no."}
)

// RenderBadge writes a visitor badge for v as a one-page PDF of 90 × 55 mm:
// the company's name (and logo, if it has one fpdf reads), a dark band
// saying "NÁVŠTĚVA · VISITOR" (Czech, for the foreign visitors too) or
// "VISITOR", the visitor's name as large as it fits, their company, whom
// they visit, when they came in (local time) and the badge number. The
// host is printed as given: a front end that knows the staff member's full
// name may put it in v.Host. opt.Lang picks the language; opt.Created fixes
// the PDF's dates for tests; BaseCurrency is not used.
func RenderBadge(w io.Writer, v app.Visit, c app.Company, opt Options) (err error) {
	defer recoverPanic("rendering the badge of "+v.Visitor, &err)
	l := badgeEnglish
	if opt.Lang == app.Czech {
		l = badgeCzech
	}
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "L", UnitStr: "mm", Size: fpdf.SizeType{Wd: badgeH, Ht: badgeW}})
	f.SetCatalogSort(true)
	if !opt.Created.IsZero() {
		f.SetCreationDate(opt.Created)
		f.SetModificationDate(opt.Created)
	}
	f.SetCreator("Kontor", true)
	f.SetProducer("Kontor", true)
	setInfo(f, l.title+" – "+v.Visitor, c.Name, "")
	f.SetMargins(badgeMargin, badgeMargin, badgeMargin)
	f.SetAutoPageBreak(false, 0)
	f.SetCellMargin(0)
	in := ""
	if !v.In.IsZero() {
		local := v.In.Local()
		in = app.DateOf(local).Format(opt.Lang) + "  " + local.Format("15:04")
	}
	fam := useFamily(f, !coveredAll(c.Name, v.Visitor, v.Company, v.Host, v.Badge, l.title, l.second, l.host, l.in, l.badge))
	f.AddPage()
	b := badge{f: f, fam: fam}

	// The company, with its logo at the right.
	textW := badgeInner
	if lw := b.logo(opt.Logo, badgeW-badgeMargin, badgeMargin-1, 26, 8); lw > 0 {
		textW -= lw + 3
	}
	b.text(badgeMargin, badgeMargin+3, textW, "B", 9, 6.5, inkText, c.Name)

	// The band.
	f.SetFillColor(40, 40, 40)
	f.Rect(0, 13, badgeW, 8.5, "F")
	f.SetTextColor(255, 255, 255)
	f.SetFont(fam, "B", 12)
	title := l.title
	if l.second != "" {
		title += "  ·  " + l.second
	}
	f.SetXY(badgeMargin, 13)
	drawCell(f, badgeInner, 8.5, title, "C")

	// The visitor, as large as fits, and their company.
	b.text(badgeMargin, 30.5, badgeInner, "B", 20, 11, inkText, v.Visitor)
	b.text(badgeMargin, 36.5, badgeInner, "", 10, 7, inkText, v.Company)

	// Whom they visit and since when; the badge number large at the right.
	f.SetDrawColor(inkRule, inkRule, inkRule)
	f.SetLineWidth(0.2)
	f.Line(badgeMargin, 40.5, badgeW-badgeMargin, 40.5)
	numW := 0.0
	if v.Badge != "" {
		f.SetFont(fam, "", 6.5)
		numW = max(textWidth(f, l.badge), 14.0)
		f.SetFont(fam, "B", 16)
		numW = min(max(numW, textWidth(f, v.Badge)), 30)
		b.text(badgeW-badgeMargin-numW, 44.5, numW, "", 6.5, 6.5, inkLabel, l.badge)
		b.text(badgeW-badgeMargin-numW, 51, numW, "B", 16, 9, inkText, v.Badge)
	}
	colW := (badgeInner - numW - 3) / 2
	b.text(badgeMargin, 44.5, colW, "", 6.5, 6.5, inkLabel, l.host)
	b.text(badgeMargin, 49, colW, "B", 9, 6.5, inkText, v.Host)
	b.text(badgeMargin+colW+1.5, 44.5, colW, "", 6.5, 6.5, inkLabel, l.in)
	b.text(badgeMargin+colW+1.5, 49, colW, "B", 9, 6.5, inkText, in)

	if err := f.Error(); err != nil {
		return app.Internal("rendering the badge", err)
	}
	if err := f.Output(w); err != nil {
		return app.Internal("writing the badge", err)
	}
	return nil
}

// badge draws on one card.
type badge struct {
	f   *fpdf.Fpdf
	fam string
}

// text writes s with its baseline at y, from x, in at most width mm: the
// font shrinks from size down to minSize, and what still does not fit is cut
// with an ellipsis.
func (b badge) text(x, y, width float64, style string, size, minSize float64, ink int, s string) {
	s = strings.Join(strings.Fields(oneLine(s)), " ")
	if s == "" {
		return
	}
	f := b.f
	f.SetTextColor(ink, ink, ink)
	f.SetFont(b.fam, style, size)
	for size > minSize && textWidth(f, s) > width {
		size -= 0.5
		f.SetFont(b.fam, style, size)
	}
	if textWidth(f, s) > width {
		r := []rune(s)
		for len(r) > 1 && textWidth(f, string(r)+"…") > width {
			r = r[:len(r)-1]
		}
		s = strings.TrimSpace(string(r)) + "…"
	}
	drawText(f, x, y, s)
}

// logo draws the logo with its top right corner at (right, top), fitted
// into maxW × maxH, and returns its width; 0 when there is no logo fpdf
// reads (see logoType and logoOK).
func (b badge) logo(img []byte, right, top, maxW, maxH float64) float64 {
	typ := logoType(img)
	if typ == "" || !logoOK(img) {
		return 0
	}
	var info *fpdf.ImageInfoType
	func() {
		// fpdf's PNG parser panics on some files the standard library reads.
		defer func() {
			if recover() != nil {
				info = nil
			}
		}()
		info = b.f.RegisterImageOptionsReader("logo", fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(img))
	}()
	if info == nil || b.f.Error() != nil {
		b.f.ClearError()
		return 0
	}
	w, h := info.Width(), info.Height()
	if w <= 0 || h <= 0 {
		return 0
	}
	s := min(maxW/w, maxH/h)
	w, h = w*s, h*s
	b.f.ImageOptions("logo", right-w, top, w, h, false, fpdf.ImageOptions{ImageType: typ}, 0, "")
	return w
}
