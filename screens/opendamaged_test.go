package screens

import (
	"kontor/kittest"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// The damaged-file window names what is wrong and the newest good backup,
// restores it on request and then hands over to the main window.
func TestShowDamagedRestoresTheNewestBackup(t *testing.T) {
	a := test.NewTempApp(t)
	var restored string
	started := false
	w := ShowDamaged(a, Damaged{
		Path:       "/home/jana/.config/Kontor/kontor.db",
		Message:    "/home/jana/.config/Kontor/kontor.db is damaged: the file is shorter than its contents",
		Backup:     "/home/jana/.config/Kontor/backups/kontor-2026-11-27.db",
		BackupTime: time.Date(2026, 11, 27, 8, 5, 0, 0, time.Local),
		Restore: func(from string) (string, error) {
			restored = from
			return "/home/jana/.config/Kontor/backups/kontor-damaged-20261128-093000.db", nil
		},
		Start: func() error { started = true; return nil },
	})
	got := kittest.Texts(w.Content())
	for _, want := range []string{"shorter than its contents", "kontor-2026-11-27.db", "27 Nov 2026 08:05"} {
		if !strings.Contains(got, want) {
			t.Errorf("window text %q lacks %q", got, want)
		}
	}
	test.Tap(kittest.Button(t, w.Content(), "Restore this backup"))
	if restored != "/home/jana/.config/Kontor/backups/kontor-2026-11-27.db" {
		t.Fatalf("restored from %q", restored)
	}
	if got := kittest.DialogText(w); !strings.Contains(got, "kontor-damaged-20261128-093000.db") {
		t.Fatalf("after the restore: %q", got)
	}
	test.Tap(kittest.Button(t, w.Canvas().Overlays().Top(), "OK"))
	if !started {
		t.Fatal("the main window was not started after the restore")
	}
}

// Without a backup the window says where copies would be and how to
// restore one from elsewhere, and offers no restore button.
func TestShowDamagedWithoutBackup(t *testing.T) {
	a := test.NewTempApp(t)
	w := ShowDamaged(a, Damaged{Path: "/data/firma.db", Message: "/data/firma.db is damaged"})
	if got := kittest.Texts(w.Content()); !strings.Contains(got, "kontor restore --from FILE --db /data/firma.db") {
		t.Fatalf("window text %q", got)
	}
	if strings.Contains(kittest.ButtonsText(w.Content()), "Restore") {
		t.Fatal("a restore button without a backup")
	}
}
