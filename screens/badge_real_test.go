package screens

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/screens/kit"
)

// TestPrintBadgeOpensPDFNamingTheHost: "Print badge" writes the badge PDF
// and opens it in the system viewer at once (no save dialog to get past),
// and the badge names the host by their full name, not their login — on
// the real store with the real badge renderer.
func TestPrintBadgeOpensPDFNamingTheHost(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	rs := mustOpen(t)
	recepce := rs.user("recepce", "Jana Růžičková", app.RoleReception)
	rs.user("prodej", "Tomáš Černý", app.RoleSales)
	if _, err := rs.store.CheckIn(app.WithUser(context.Background(), recepce), app.Visit{Visitor: "Pavel Kůň", Company: "Kavárna U Lípy", Host: "prodej", Purpose: "Stoly", Badge: "7"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	badgeDir = func() string { return dir }
	var opened []string
	kit.OpenFile = func(path string) { opened = append(opened, path) }
	t.Cleanup(func() {
		kit.OpenFile = func(string) {}
		badgeDir = func() string { return filepath.Join(os.TempDir(), "kontor-badges") }
	})

	s, w := rs.shell(recepce)
	s.selectTab("reception")
	receptionOf(s).tabs.SelectIndex(1)
	test.Tap(button(t, w.Content(), "Print badge"))
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog came up instead of the badge: %q", dialogText(w))
	}
	if len(opened) != 1 || filepath.Dir(opened[0]) != dir || !strings.HasSuffix(opened[0], ".pdf") {
		t.Fatalf("opened in the viewer: %v", opened)
	}
	out, err := exec.Command("pdftotext", opened[0], "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	if !strings.Contains(text, "Tomáš Černý") || strings.Contains(text, "prodej") || !strings.Contains(text, "Pavel Kůň") {
		t.Errorf("the badge reads:\n%s", text)
	}
	if _, err := os.Stat(opened[0] + ".part"); !os.IsNotExist(err) {
		t.Error("a temporary file is left beside the badge")
	}
}
