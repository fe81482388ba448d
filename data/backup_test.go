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
			st.backups.Wait()
			if day == 0 && i == 0 && st.LastBackup().IsZero() {
				t.Error("LastBackup is zero after the daily backup")
			}
			st.Close()
		}
		clock.Advance(24 * time.Hour)
	}
	files, _ := filepath.Glob(filepath.Join(BackupDir(path), "kontor-*.db"))
	// The last 14 days, plus the first backup of each older month (28 Nov, 1 Dec).
	if len(files) != 16 || !strings.HasSuffix(files[0], "kontor-2026-11-28.db") || !strings.HasSuffix(files[1], "kontor-2026-12-01.db") || !strings.HasSuffix(files[2], "kontor-2026-12-04.db") {
		t.Fatalf("%d daily backups, want the last 14 and 2 monthly: %v", len(files), files)
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

func TestPruneKeepsMonthlyGenerations(t *testing.T) {
	var files []string
	d := app.D(2025, 1, 1)
	for i := 0; i < 500; i++ {
		files = append(files, "/b/kontor-"+d.AddDays(i).String()+".db")
	}
	remove := pruneBackups(files, 14)
	kept := map[string]bool{}
	for _, f := range files {
		kept[f] = true
	}
	for _, f := range remove {
		delete(kept, f)
	}
	if len(kept) != 26 {
		t.Fatalf("kept %d files, want 14 daily + 12 monthly", len(kept))
	}
	if !kept["/b/kontor-2026-05-01.db"] || kept["/b/kontor-2025-01-01.db"] || !kept[files[len(files)-1]] {
		t.Fatal("wrong generations kept")
	}
}

func TestBackupRefusesToReplaceDatabases(t *testing.T) {
	s, _ := MustCompany(t)
	other, _ := MustCompany(t) // open in "another process" (another lock holder)
	err := s.Backup(ctx, other.Path(), app.BackupOptions{})
	wantCode(t, err, app.EINUSE, "")
	otherPath := other.Path()
	other.Close()
	err = s.Backup(ctx, otherPath, app.BackupOptions{})
	wantCode(t, err, app.EINVALID, "backup.out")
	// An empty file (what a save dialog leaves) or an unrelated file may be replaced.
	empty := filepath.Join(t.TempDir(), "empty.db")
	_ = os.WriteFile(empty, nil, 0o600)
	if err := s.Backup(ctx, empty, app.BackupOptions{}); err != nil {
		t.Fatal(err)
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
	if err := s.Backup(ctx, bak, app.BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	if s.LastBackup().IsZero() {
		t.Fatal("LastBackup not updated")
	}
	wantCode(t, s.Backup(ctx, s.Path(), app.BackupOptions{}), app.EINVALID, "backup.out")
	// Restore refuses a target that is open.
	_, err := RestoreFile(bak, s.Path(), "admin")
	wantCode(t, err, app.EINUSE, "")
	// A file that is not a Kontor database is refused and changes nothing.
	junk := filepath.Join(dir, "invoice.pdf")
	_ = os.WriteFile(junk, []byte("%PDF-1.4 "+strings.Repeat("x", 5000)), 0o600)
	_, err = RestoreFile(junk, s.Path(), "admin")
	wantCode(t, err, app.EINVALID, "")

	_, _ = s.PostEntry(ctx, sale(app.D(2026, 4, 1))) // after the backup
	path := s.Path()
	s.Close()
	kept, err := RestoreFile(bak, path, "admin")
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

func TestRestoreReplacesADamagedDatabase(t *testing.T) {
	s, _ := MustCompany(t)
	bak := filepath.Join(t.TempDir(), "good.db")
	if err := s.Backup(ctx, bak, app.BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	_, err := RestoreFile(path, path, "admin")
	wantCode(t, err, app.EINVALID, "restore.from")
	// Damage the file: garbage over both meta pages.
	f, _ := os.OpenFile(path, os.O_WRONLY, 0)
	_, _ = f.WriteAt([]byte(strings.Repeat("\xff", 8192)), 0)
	f.Close()
	if _, err := Open(path, Options{NoAutoBackup: true}); err == nil {
		t.Fatal("damaged file opened")
	}
	kept, err := RestoreFile(bak, path, "admin")
	if err != nil {
		t.Fatalf("restore over a damaged file: %v", err)
	}
	if !strings.Contains(kept, "damaged-") {
		t.Fatalf("kept %q", kept)
	}
	r, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if c, err := r.Company(ctx); err != nil || c.ICO != "27082440" {
		t.Fatalf("restored company %+v %v", c, err)
	}
	_, _, err = CompactFile(filepath.Join(t.TempDir(), "typo.db"))
	wantCode(t, err, app.ENOTFOUND, "")
}
