package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

// badgeText renders a badge and returns its text as pdftotext reads it
// (non-breaking spaces as spaces) and pdfinfo's page size line.
func badgeText(t *testing.T, v app.Visit, c app.Company, opt Options) (text, size string, pdf []byte) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	var b bytes.Buffer
	if err := RenderBadge(&b, v, c, opt); err != nil {
		t.Fatalf("RenderBadge: %v", err)
	}
	path := filepath.Join(t.TempDir(), "badge.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	info, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	size = regexp.MustCompile(`Page size:\s+(.*)`).FindStringSubmatch(string(info))[1]
	if !strings.Contains(string(info), "Pages:           1") {
		t.Errorf("not one page:\n%s", info)
	}
	return strings.ReplaceAll(string(out), "\u00a0", " "), size, b.Bytes()
}

func badgeLogo(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 120, 40))
	for x := 0; x < 120; x++ {
		for y := 0; y < 40; y++ {
			img.Set(x, y, color.RGBA{uint8(x * 2), 180, uint8(y * 6), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRenderBadge(t *testing.T) {
	company := app.Company{Name: "Kavárna a pražírna Žlutý Čáp s.r.o.", Logo: badgeLogo(t)}
	in := time.Date(2026, time.November, 18, 9, 5, 0, 0, time.Local)
	created := time.Date(2026, time.November, 18, 9, 6, 0, 0, time.UTC)
	cases := []struct {
		name  string
		v     app.Visit
		opt   Options
		wants []string
	}{
		{"Czech", app.Visit{Visitor: "Přemysl Šťastný", Company: "Žluťoučký kůň s.r.o.", Host: "Tomáš Černý", Badge: "V-017", In: in},
			Options{Lang: app.Czech, Created: created},
			[]string{"Kavárna a pražírna Žlutý Čáp s.r.o.", "NÁVŠTĚVA", "VISITOR", "Přemysl Šťastný", "Žluťoučký kůň s.r.o.",
				"Navštěvuje", "Tomáš Černý", "Příchod", "18. 11. 2026 09:05", "Karta č.", "V-017"}},
		{"English, no logo, no badge number", app.Visit{Visitor: "Hannah Müller", Company: "Kaffeehaus Zum Goldenen Löwen GmbH", Host: "prodej", In: in},
			Options{Lang: app.English, Created: created},
			[]string{"VISITOR", "Hannah Müller", "Kaffeehaus Zum Goldenen Löwen GmbH", "Visiting", "prodej", "Checked in", "18 Nov 2026 09:05"}},
		{"a name beyond the cut fonts", app.Visit{Visitor: "Дмитрий Ковалёв", Company: "ООО Ромашка", Host: "admin", Badge: "3", In: in},
			Options{Lang: app.Czech, Created: created},
			[]string{"Дмитрий Ковалёв", "ООО Ромашка", "NÁVŠTĚVA"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := company
			if tc.opt.Lang == app.English {
				c.Logo = nil
			}
			tc.opt.Logo = c.Logo
			text, size, pdf := badgeText(t, tc.v, c, tc.opt)
			flat := strings.Join(strings.Fields(text), " ")
			for _, want := range tc.wants {
				if !strings.Contains(flat, want) {
					t.Errorf("badge lacks %q:\n%s", want, text)
				}
			}
			if tc.opt.Lang == app.English && strings.Contains(flat, "NÁVŠTĚVA") {
				t.Error("an English badge in Czech")
			}
			// 90 × 55 mm, landscape.
			if !strings.HasPrefix(size, "255.1") || !strings.Contains(size, "x 155.9") {
				t.Errorf("page size %s, want 255.12 x 155.91 pts", size)
			}
			if hasLogo := bytes.Contains(pdf, []byte("/Subtype /Image")); hasLogo != (c.Logo != nil) {
				t.Errorf("logo drawn: %v, company has one: %v", hasLogo, c.Logo != nil)
			}
		})
	}
}

func TestRenderBadgeLongNamesAndDeterminism(t *testing.T) {
	v := app.Visit{Visitor: "Marie-Antoinetta Josefína Hochenwartová-Kinská z Bubna a Litic", Company: strings.Repeat("Velmi dlouhý název firmy ", 8),
		Host: "Květoslav Správný", Badge: "1234567890123456789", In: time.Date(2026, 11, 18, 14, 30, 0, 0, time.Local)}
	c := app.Company{Name: "Kavárna a pražírna Žlutý Čáp s.r.o."}
	opt := Options{Lang: app.Czech, Created: time.Date(2026, 11, 18, 0, 0, 0, 0, time.UTC)}
	text, _, first := badgeText(t, v, c, opt)
	flat := strings.Join(strings.Fields(text), " ")
	// The name shrinks or is cut with an ellipsis, never runs off the card.
	if !strings.Contains(flat, "Marie-Antoinetta") || !strings.Contains(flat, "…") {
		t.Errorf("long texts:\n%s", text)
	}
	var again bytes.Buffer
	if err := RenderBadge(&again, v, c, opt); err != nil || !bytes.Equal(first, again.Bytes()) {
		t.Errorf("two renders differ (%v)", err)
	}
	// A broken logo is left out, not a failure.
	opt.Logo = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00")
	if err := RenderBadge(&again, v, c, opt); err != nil {
		t.Errorf("broken logo: %v", err)
	}
}
