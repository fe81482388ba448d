package assets

import (
	"slices"
	"testing"
	"time"
)

func TestPrintable(t *testing.T) {
	for _, r := range []rune("AZaz09 čřžýáíéůúťďňĚŠČŘŽÝÁÍÉŮÚŤĎŇäöüßłőű€–—„“‘’…•№™\u00a0\u2009\u202f□☕\u2212אבג") {
		if !Printable(r) {
			t.Errorf("%U %q: not printable, want printable", r, r)
		}
	}
	for _, r := range []rune{0, 1, 0x1b, 0x7f, 0x85, 0x9f, 0xD800, 0x1F600, 0x1F4A9, 0x10FFFF, 0x4E2D, 0xE000, -1} {
		if Printable(r) {
			t.Errorf("%U: printable, want not", r)
		}
	}
	for _, r := range "\n\r\t" {
		if !Printable(r) {
			t.Errorf("%q: layout characters count as printable", r)
		}
	}
	if !Printable(Substitute) {
		t.Fatal("the substitute itself must be printable")
	}
}

func TestUnprintable(t *testing.T) {
	cases := []struct {
		in   string
		want []rune
	}{
		{"Žluťoučký kůň s.r.o.", nil},
		{"", nil},
		{"Café ☕ 😀 a 😀 again", []rune{0x1F600}},
		{"ctrl\x01\x7f\x01", []rune{1, 0x7f}},
		{"中文 name", []rune{'中', '文'}},
		{"bad \xff byte", []rune{0xFFFD}},
		{"line\nbreak\ttab", nil},
	}
	for _, c := range cases {
		if got := Unprintable(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Unprintable(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCoverageIsTheFontsCmap guards against a hand-made range list: the set
// must be what the fonts map, so it is larger than Latin and smaller than
// the BMP, and building it is quick.
func TestCoverageIsTheFontsCmap(t *testing.T) {
	start := time.Now()
	n := 0
	for r := rune(0); r < 0x10000; r++ {
		if Printable(r) {
			n++
		}
	}
	if n < 3000 || n > 6500 {
		t.Fatalf("%d printable runes; DejaVu Sans (regular ∩ bold) covers about 3,000–6,000", n)
	}
	t.Logf("%d printable runes, %v", n, time.Since(start))
}
