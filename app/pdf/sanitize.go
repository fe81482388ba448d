package pdf

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"kontor/app"
	"kontor/assets"
)

// Every text fpdf draws, measures, wraps or writes into the PDF's metadata
// goes through this file, and through clean: fpdf panics on a character
// outside the Basic Multilingual Plane (an emoji in a customer's name killed
// whole statement batches), reads past the end of a string that is not
// UTF-8, and prints nothing for a character its font lacks. clean replaces
// each character the embedded fonts cannot draw (assets.Printable) by
// assets.Substitute, so the reader sees that something was there. A test
// (TestOneDoorToFpdf) fails when another file calls fpdf's text functions.

// substitute is assets.Substitute as a string.
const substitute = string(assets.Substitute)

// clean returns s as the fonts can draw it: characters they lack and bytes
// that are not UTF-8 become the substitute, a tab becomes a space, and "\r\n"
// or a lone "\r" a line break ("\n", which the wrapping functions honour).
func clean(s string) string {
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7F {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n':
			b.WriteByte('\n')
		case (r == utf8.RuneError && size == 1) || !assets.Printable(r):
			b.WriteString(substitute)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine is clean for a text that must stay on one line: line breaks
// become spaces.
func oneLine(s string) string {
	s = clean(s)
	if strings.IndexByte(s, '\n') >= 0 {
		s = strings.ReplaceAll(s, "\n", " ")
	}
	return s
}

// drawCell writes s on one line in a cell of w × h mm at the current
// position, aligned "L", "C" or "R".
func drawCell(f *fpdf.Fpdf, w, h float64, s, align string) {
	f.CellFormat(w, h, oneLine(s), "", 0, align, false, 0, "")
}

// drawText writes s on one line with its baseline starting at x, y.
func drawText(f *fpdf.Fpdf, x, y float64, s string) {
	f.Text(x, y, oneLine(s))
}

// textWidth is the width of s on one line in the current font, in mm.
func textWidth(f *fpdf.Fpdf, s string) float64 {
	return f.GetStringWidth(oneLine(s))
}

// splitLines wraps s to width w in the current font, keeping the person's
// own line breaks; a blank s, or a blank line of it, is one empty line.
func splitLines(f *fpdf.Fpdf, s string, w float64) []string {
	var out []string
	for _, part := range strings.Split(clean(s), "\n") {
		if strings.TrimSpace(part) == "" {
			out = append(out, "")
			continue
		}
		out = append(out, f.SplitText(part, w)...)
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// setInfo writes the PDF's title and, when not empty, its author and subject.
func setInfo(f *fpdf.Fpdf, title, author, subject string) {
	f.SetTitle(oneLine(title), true)
	if author != "" {
		f.SetAuthor(oneLine(author), true)
	}
	if subject != "" {
		f.SetSubject(oneLine(subject), true)
	}
}

// recoverPanic, deferred by every render function, turns a panic of the PDF
// library into an error naming what was being drawn: clean keeps out every
// character known to crash it, and should another input ever find a way in,
// the export fails with a message (and removes its file) instead of taking
// the whole application down with it.
func recoverPanic(what string, err *error) {
	if p := recover(); p != nil {
		*err = app.Internal(what, fmt.Errorf("the PDF library failed: %v", p))
	}
}
