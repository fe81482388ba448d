//go:build ignore

// fonts_gen cuts the embedded DejaVu fonts to FontCutRanges with the PDF
// library's cutter and writes fonts/*.cut.ttf. Run "go generate ./assets"
// after changing the fonts or the ranges.
package main

import (
	"log"
	"os"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"kontor/assets"
)

func main() {
	var set strings.Builder
	for _, r := range assets.FontCutRanges {
		for c := r[0]; c <= r[1]; c++ {
			set.WriteRune(c)
		}
	}
	for name, font := range map[string][]byte{"fonts/DejaVuSans.cut.ttf": assets.FontRegular, "fonts/DejaVuSans-Bold.cut.ttf": assets.FontBold} {
		cut := fpdf.UTF8CutFont(font, set.String())
		if len(cut) == 0 {
			log.Fatalf("cutting %s failed", name)
		}
		if err := os.WriteFile(name, cut, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
