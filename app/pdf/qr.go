package pdf

import (
	"codeberg.org/go-pdf/fpdf"
	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
)

// qrQuietZone is the blank margin around a QR code, in modules, that the
// standard asks for so scanners find the finder patterns.
const qrQuietZone = 4

// qrResult is an encoded QR code or why there is none.
type qrResult struct {
	code barcode.Barcode
	err  error
}

// encodeQR encodes text with error correction M, as QR Platba and EPC
// require for print.
func encodeQR(text string) (barcode.Barcode, error) { return qr.Encode(text, qr.M, qr.Auto) }

// drawQR draws an encoded QR code whose outer size, quiet zone included, is
// size mm, with its top-left corner at x, y. The dark modules are filled vector rectangles,
// merged along each row, so the code is sharp at any zoom and costs a few
// hundred path operations rather than an embedded image.
func drawQR(f *fpdf.Fpdf, code barcode.Barcode, x, y, size float64) {
	n := code.Bounds().Dx()
	m := size / float64(n+2*qrQuietZone)
	ox, oy := x+qrQuietZone*m, y+qrQuietZone*m
	f.SetFillColor(255, 255, 255)
	f.Rect(x, y, size, size, "F")
	f.SetFillColor(0, 0, 0)
	dark := func(cx, cy int) bool {
		r, _, _, _ := code.At(cx, cy).RGBA()
		return r < 0x8000
	}
	for row := 0; row < n; row++ {
		for col := 0; col < n; {
			if !dark(col, row) {
				col++
				continue
			}
			start := col
			for col < n && dark(col, row) {
				col++
			}
			// A hair of overlap closes the seams viewers anti-alias between
			// neighbouring rectangles.
			f.Rect(ox+float64(start)*m, oy+float64(row)*m, float64(col-start)*m+0.01, m+0.01, "F")
		}
	}
}
