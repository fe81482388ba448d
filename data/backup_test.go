package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

func TestAutoBackupOncePerDayKeeps14(t *testing.T) {
	s, clock := MustCompany(t)
	path := s.Path()
	s.Close()
	for day := 0; day < 20; day++ {
		for i := 0; i < 2; i++ { // a second start on the same day makes no second copy
			st, err := Open(path, Options{Clock: clock})
			if err != nil {
				t.Fatal(err)
			}
			if day == 0 && i == 0 && st.LastBackup().IsZero() {
				t.Error("LastBackup is zero after the daily backup")
			}
			st.Close()
		}
		clock.Advance(24 * time.Hour)
	}
	files, _ := filepath.Glob(filepath.Join(BackupDir(path), "kontor-*.db"))
	if len(files) != 14 {
		t.Fatalf("%d daily backups, want 14: %v", len(files), files)
	}
	// The newest backup is a healthy Kontor database with the company in it.
	b, err := Open(files[len(files)-1], Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if c, err := b.Company(ctx); err != nil || c.ICO != "27082440" {
		t.Fatalf("backup company: %+v %v", c, err)
	}
}

func TestBackupRestoreCompact(t *testing.T) {
	s, _ := MustCompany(t)
	for i := 0; i < 50; i++ {
		if _, err := s.PostEntry(ctx, sale(app.D(2026, 3, 1+i%28))); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	bak := filepath.Join(dir, "copy.db")
	if err := s.Backup(ctx, bak); err != nil {
		t.Fatal(err)
	}
	if s.LastBackup().IsZero() {
		t.Fatal("LastBackup not updated")
	}
	wantCode(t, s.Backup(ctx, s.Path()), app.EINVALID, "backup.out")
	// Restore refuses a target that is open.
	_, err := RestoreFile(bak, s.Path())
	wantCode(t, err, app.EINUSE, "")
	// A file that is not a Kontor database is refused and changes nothing.
	junk := filepath.Join(dir, "invoice.pdf")
	_ = os.WriteFile(junk, []byte("%PDF-1.4 "+strings.Repeat("x", 5000)), 0o600)
	_, err = RestoreFile(junk, s.Path())
	wantCode(t, err, app.EINVALID, "")

	_, _ = s.PostEntry(ctx, sale(app.D(2026, 4, 1))) // after the backup
	path := s.Path()
	s.Close()
	kept, err := RestoreFile(bak, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kept); err != nil {
		t.Fatalf("replaced file not kept: %v", err)
	}
	r, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := r.JournalCount(ctx, app.JournalFilter{}); n != 150 {
		t.Fatalf("restored journal has %d lines, want 150", n)
	}
	mustCheckClean(t, r)
	r.Close()

	before, after, err := CompactFile(path)
	if err != nil || before == 0 || after == 0 {
		t.Fatalf("compact: %d → %d, %v", before, after, err)
	}
	r, err = Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if n, _ := r.JournalCount(ctx, app.JournalFilter{}); n != 150 {
		t.Fatalf("compacted journal has %d lines", n)
	}
	mustCheckClean(t, r)
	_, _, err = CompactFile(path)
	wantCode(t, err, app.EINUSE, "")
}
