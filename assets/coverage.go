package assets

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"
)

// Substitute is the character the PDFs print in place of one their fonts
// cannot draw (see Printable): a visible white square, so a reader sees that
// something was there rather than nothing.
const Substitute = '□'

// coverage is the set of runes both PDF faces draw, one bit per rune of the
// Basic Multilingual Plane.
type coverage [0x10000 / 64]uint64

var (
	coverOnce sync.Once
	cover     *coverage
)

// fontCoverage reads the cmap of the regular and the bold face and keeps the
// runes that both map to a glyph: a text may be set in either.
func fontCoverage() *coverage {
	coverOnce.Do(func() {
		c := new(coverage)
		var faces []*sfnt.Font
		for _, b := range [][]byte{FontRegular, FontBold} {
			f, err := sfnt.Parse(b)
			if err != nil {
				// The fonts are embedded and tested: this cannot happen in a
				// built binary. Covering nothing makes every character a
				// substitute instead of a crash.
				cover = c
				return
			}
			faces = append(faces, f)
		}
		var buf sfnt.Buffer
		for r := rune(0); r < 0x10000; r++ {
			if unicode.IsControl(r) || (r >= 0xD800 && r <= 0xDFFF) {
				continue
			}
			all := true
			for _, f := range faces {
				if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
					all = false
					break
				}
			}
			if all {
				c[r/64] |= 1 << (r % 64)
			}
		}
		cover = c
	})
	return cover
}

// Printable reports whether the PDF fonts (FontRegular and FontBold) draw r:
// both faces map it to a glyph in their cmap. Control characters, surrogates
// and everything outside the Basic Multilingual Plane (emoji such as 😀) are
// never printable — the PDF library cannot set them at all. The layout
// characters '\n', '\r' and '\t' count as printable: the PDFs break lines
// at '\n' and print '\t' and '\r' as spaces.
func Printable(r rune) bool {
	switch {
	case r == '\n' || r == '\r' || r == '\t':
		return true
	case r >= 0x20 && r < 0x7F:
		return true
	case r < 0 || r >= 0x10000:
		return false
	}
	return fontCoverage()[r/64]&(1<<(r%64)) != 0
}

// Unprintable returns the distinct characters of s the PDF fonts cannot draw
// (see Printable), in the order they first appear; nil when there are none.
// Bytes that are not UTF-8 are returned as utf8.RuneError. Forms use it to
// warn at the field; the PDFs print each of them as Substitute.
func Unprintable(s string) []rune {
	var out []rune
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if (r == utf8.RuneError && size == 1) || !Printable(r) {
			seen := false
			for _, o := range out {
				if o == r {
					seen = true
					break
				}
			}
			if !seen {
				out = append(out, r)
			}
		}
	}
	return out
}
