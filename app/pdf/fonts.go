package pdf

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"

	"kontor/assets"
)

// fpdf parses a TrueType font afresh for every document it is added to, and
// the cost grows with the number of glyphs: the whole DejaVu Sans (6,000
// glyphs) takes about 8 ms to add and as much again to subset at output. So
// the documents are set in fonts cut to the scripts business documents use
// (Latin with its European extensions, punctuation, currency signs;
// assets.FontCutRanges), which roughly halves the time of a document. The
// cut is made at build time (go generate in assets), not on the first PDF
// of every process. A document with a character outside those ranges falls
// back to the full font, so nothing is ever printed as a missing glyph just
// to be fast.

// Font families as registered with fpdf.
const (
	famCut  = "dejavu"     // the cut fonts, used when they cover the document
	famFull = "dejavufull" // the whole fonts, the fallback
)

// cutRanges are the Unicode ranges the cut fonts keep.
var cutRanges = assets.FontCutRanges

// covered reports whether the cut fonts have r (or r is a character the
// layout handles itself, or one clean replaces by the substitute, which the
// cut has).
func covered(r rune) bool {
	if r == '\n' || r == '\t' || r == '\r' || !assets.Printable(r) {
		return true
	}
	for _, cr := range cutRanges {
		if r >= cr[0] && r <= cr[1] {
			return true
		}
	}
	return false
}

// coveredAll reports whether every rune of every string is covered.
func coveredAll(ss ...string) bool {
	for _, s := range ss {
		for _, r := range s {
			if r >= 0x20 && r < 0x7F {
				continue
			}
			if !covered(r) {
				return false
			}
		}
	}
	return true
}

// cutSet is every rune of cutRanges.
func cutSet() string {
	var b strings.Builder
	for _, cr := range cutRanges {
		for r := cr[0]; r <= cr[1]; r++ {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cutFonts returns the cut regular and bold fonts.
func cutFonts() (regular, bold []byte) { return assets.FontRegularCut, assets.FontBoldCut }

var (
	sharedOnce  sync.Once
	sharedPDF   *srcPDF
	sharedNames map[string]int
	sharedErr   error
)

// sharedFonts returns a PDF, made once per process, whose only use is its
// fonts: the cut regular and bold with every glyph of the cut, and the
// object number of each font by its BaseFont. fpdf embeds in each PDF only
// the glyphs that PDF uses, so the parts of a merged batch each carry
// different copies of the same font; the merger replaces them all by these.
// That is sound because fpdf writes text as Unicode code points (Identity-H
// with a CIDToGIDMap), so a superset of the glyphs, with the same widths,
// draws every part's text exactly as its own subset did.
func sharedFonts() (*srcPDF, map[string]int, error) {
	sharedOnce.Do(func() {
		f := fpdf.New("P", "mm", "A4", "")
		f.SetCatalogSort(true)
		fam := useFamily(f, false)
		f.AddPage()
		all := cutSet()
		for _, style := range []string{"", "B"} {
			f.SetFont(fam, style, 10)
			drawText(f, 10, 10, all)
		}
		var b bytes.Buffer
		if sharedErr = f.Output(&b); sharedErr != nil {
			return
		}
		if sharedPDF, sharedErr = parsePDF(b.Bytes()); sharedErr != nil {
			return
		}
		sharedNames = map[string]int{}
		for n := 1; n < len(sharedPDF.offsets); n++ {
			o, err := sharedPDF.object(n)
			if err != nil {
				sharedErr = err
				return
			}
			if isType0Font(o.val) {
				name, _ := dictGet(o.val, "BaseFont").(pdfName)
				sharedNames[string(name)] = n
			}
		}
		if len(sharedNames) != 2 {
			sharedErr = fmt.Errorf("pdf: the shared fonts' PDF has %d fonts, want 2", len(sharedNames))
		}
	})
	return sharedPDF, sharedNames, sharedErr
}

// useFamily makes sure the family is registered with f and returns its name:
// the cut fonts when full is false, the whole fonts otherwise.
func useFamily(f *fpdf.Fpdf, full bool) string {
	fam := famCut
	reg, bold := cutFonts()
	if full {
		fam, reg, bold = famFull, assets.FontRegular, assets.FontBold
	}
	// AddUTF8FontFromBytes is a no-op for a family and style already added.
	f.AddUTF8FontFromBytes(fam, "", reg)
	f.AddUTF8FontFromBytes(fam, "B", bold)
	return fam
}
