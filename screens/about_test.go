package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"kontor/app"
)

// TestAboutText: the About dialog says what "kontor version" says (the
// version, the commit, the build date, the database schema) in the UI's
// language, and "unknown" where the build did not record it.
func TestAboutText(t *testing.T) {
	m := fyne.AppMetadata{Version: "1.4.2", Custom: map[string]string{
		MetaCommit: "0123456789ab", MetaBuilt: "2026-12-05 11:57 UTC", MetaSchema: "14",
	}}
	got := aboutText(m, "/home/eva/Kontor/kontor.db")
	for _, want := range []string{"Kontor 1.4.2\n", "Database: /home/eva/Kontor/kontor.db\n", "Commit: 0123456789ab\n", "Built: 2026-12-05 11:57 UTC\n", "Database schema: 14"} {
		if !strings.Contains(got, want) {
			t.Errorf("About says:\n%s\nwant %q", got, want)
		}
	}
	if got := aboutText(fyne.AppMetadata{}, "x.db"); !strings.Contains(got, "Kontor dev\n") || strings.Count(got, "unknown") != 3 {
		t.Errorf("without build information:\n%s", got)
	}

	inLanguage(t, app.Czech)
	got = aboutText(m, "C:\\Users\\Eva\\AppData\\Roaming\\Kontor\\kontor.db")
	for _, want := range []string{"Kontor 1.4.2\n", "Sestaveno: 2026-12-05 11:57 UTC\n", "Schéma databáze: 14"} {
		if !strings.Contains(got, want) {
			t.Errorf("in Czech, About says:\n%s\nwant %q", got, want)
		}
	}
	if got := aboutText(fyne.AppMetadata{}, "x.db"); strings.Count(got, "neznámé") != 3 {
		t.Errorf("in Czech without build information:\n%s", got)
	}
}
