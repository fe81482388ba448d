package pdf

import (
	"io"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"kontor/assets"
)

func cutset(ranges ...[2]rune) string {
	var b strings.Builder
	for _, r := range ranges {
		for c := r[0]; c <= r[1]; c++ {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func benchFonts(b *testing.B, reg, bold []byte) {
	for i := 0; i < b.N; i++ {
		f := fpdf.New("P", "mm", "A4", "")
		f.AliasNbPages("")
		t0 := time.Now()
		f.AddUTF8FontFromBytes("dv", "", reg)
		f.AddUTF8FontFromBytes("dv", "B", bold)
		t1 := time.Now()
		f.AddPage()
		f.SetFont("dv", "", 10)
		f.Cell(100, 10, "Žluťoučký kůň úpěl ďábelské ódy 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ €")
		f.SetFont("dv", "B", 10)
		f.Cell(100, 10, "Žluťoučký kůň úpěl ďábelské ódy 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ")
		t2 := time.Now()
		if err := f.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
		t3 := time.Now()
		if i == 0 {
			b.Logf("fonts %v page %v output %v", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2))
		}
	}
}

func BenchmarkScratchFull(b *testing.B) { benchFonts(b, assets.FontRegular, assets.FontBold) }
func BenchmarkScratchLatin(b *testing.B) {
	cs := cutset([2]rune{0x20, 0x24f}, [2]rune{0x2000, 0x206f}, [2]rune{0x20a0, 0x20bf})
	r, bo := fpdf.UTF8CutFont(assets.FontRegular, cs), fpdf.UTF8CutFont(assets.FontBold, cs)
	b.Logf("sizes %d %d", len(r), len(bo))
	benchFonts(b, r, bo)
}
func BenchmarkScratchWide(b *testing.B) {
	cs := cutset([2]rune{0x20, 0x24f}, [2]rune{0x370, 0x3ff}, [2]rune{0x400, 0x4ff}, [2]rune{0x1e00, 0x1eff}, [2]rune{0x2000, 0x206f}, [2]rune{0x20a0, 0x20bf}, [2]rune{0x2100, 0x215f}, [2]rune{0x2190, 0x21ff}, [2]rune{0x2200, 0x22ff})
	r, bo := fpdf.UTF8CutFont(assets.FontRegular, cs), fpdf.UTF8CutFont(assets.FontBold, cs)
	b.Logf("sizes %d %d", len(r), len(bo))
	benchFonts(b, r, bo)
}
