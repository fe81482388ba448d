package data

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

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
	// An empty file (what a save dialog leaves) may be replaced.
	empty := filepath.Join(t.TempDir(), "empty.db")
	_ = os.WriteFile(empty, nil, 0o600)
	if err := s.Backup(ctx, empty, app.BackupOptions{}); err != nil {
		t.Fatal(err)
	}
}

// backup --out replaces an earlier Kontor backup, and anything else only
// when forced; a database open in another Kontor never.
func TestBackupReplacesOnlyBackups(t *testing.T) {
	s, _ := MustCompany(t)
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	_ = os.WriteFile(notes, []byte("účetní poznámky"), 0o600)
	err := s.Backup(ctx, notes, app.BackupOptions{})
	wantCode(t, err, app.EINVALID, "backup.out")
	if b, _ := os.ReadFile(notes); string(b) != "účetní poznámky" {
		t.Fatal("refused backup changed the file")
	}
	if err := s.Backup(ctx, notes, app.BackupOptions{Force: true}); err != nil {
		t.Fatalf("forced: %v", err)
	}
	bak := filepath.Join(dir, "copy.db")
	if err := s.Backup(ctx, bak, app.BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, bak, app.BackupOptions{}); err != nil {
		t.Fatalf("over an earlier backup: %v", err)
	}
	info, err := readHeadFile(bak)
	if err != nil || info.Seq == 0 || len(info.Hash) != 64 || info.Source != s.Path() {
		t.Fatalf("head file %+v %v", info, err)
	}
	// Someone opened the backup and worked in it: it is a database now.
	b, err := Open(bak, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Authenticate(ctx, "admin", testPassword); err != nil {
		t.Fatal(err)
	}
	b.Close()
	wantCode(t, s.Backup(ctx, bak, app.BackupOptions{}), app.EINVALID, "backup.out")
	// An open database is never replaced, forced or not.
	other, _ := MustCompany(t)
	wantCode(t, s.Backup(ctx, other.Path(), app.BackupOptions{Force: true}), app.EINUSE, "")
}

// tamperInvoice changes an issued invoice's total behind Kontor's back.
func tamperInvoice(t *testing.T, s *Store, id string) {
	t.Helper()
	if err := s.db.Update(func(tx *bolt.Tx) error {
		return editJSON(tx, bDocs, []byte(id), func(m map[string]any) { m["totals"].(map[string]any)["total"] = json.Number("100") })
	}); err != nil {
		t.Fatal(err)
	}
}

// A copy that fails its check replaces nothing: not the previous backup at
// --out, not an older daily backup (which it would have rotated out), and a
// restore from it leaves the database alone.
func TestBackupsAreCheckedBeforeTheyReplaceAnything(t *testing.T) {
	s, d, _ := provenStore(t)
	path := s.Path()
	bak := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(ctx, bak, app.BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(bak)
	goodHead, _ := os.ReadFile(headFile(bak))
	tamperInvoice(t, s, d.ID)
	err := s.Backup(ctx, bak, app.BackupOptions{})
	wantCode(t, err, app.EDAMAGED, "")
	if !strings.Contains(app.ErrorMessage(err, nil), "document FV2026-0001 was changed") {
		t.Fatalf("message %q", app.ErrorMessage(err, nil))
	}
	if now, _ := os.ReadFile(bak); string(now) != string(good) {
		t.Fatal("a copy that failed its check replaced the good backup")
	}
	if now, _ := os.ReadFile(headFile(bak)); string(now) != string(goodHead) {
		t.Fatal("the good backup's head file was replaced")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(bak), ".*tmp")); len(left) > 0 {
		t.Fatalf("temp files left: %v", left)
	}

	// Restoring a byte copy of the tampered file is refused too.
	s.Close()
	bad := filepath.Join(t.TempDir(), "bad.db")
	if err := copyRaw(path, bad); err != nil {
		t.Fatal(err)
	}
	if err := copyRaw(bak, path); err != nil { // the database is the good copy again
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	_, err = RestoreFile(bad, path, "admin")
	wantCode(t, err, app.EDAMAGED, "")
	if now, _ := os.ReadFile(path); string(now) != string(before) {
		t.Fatal("a refused restore changed the database")
	}
}

// The daily backup of a database that fails its check is not written, and
// the older good ones stay.
func TestDailyBackupIsCheckedBeforeRotating(t *testing.T) {
	s, d, _ := provenStore(t)
	path := s.Path()
	clock := s.clock.(*app.FixedClock)
	s.Close()
	for day := 0; day < 16; day++ { // 14 days kept, plus the first of the month
		clock.Advance(24 * time.Hour)
		st, err := Open(path, Options{Clock: clock, KeepBackups: 14})
		if err != nil {
			t.Fatal(err)
		}
		st.backups.Wait()
		st.Close()
	}
	before := (&Store{path: path}).dailyBackups()
	st, _ := Open(path, Options{Clock: clock, NoAutoBackup: true})
	tamperInvoice(t, st, d.ID)
	st.Close()
	clock.Advance(24 * time.Hour)
	st, err := Open(path, Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	st.backups.Wait()
	last := st.LastBackup()
	st.Close()
	after := (&Store{path: path}).dailyBackups()
	if strings.Join(after, ",") != strings.Join(before, ",") {
		t.Fatalf("daily backups changed after a failed check:\n%v\n%v", before, after)
	}
	if !last.Before(clock.Now().Add(-23 * time.Hour)) {
		t.Fatalf("LastBackup %v claims today's failed backup", last)
	}
}

// A restore is in the restored file's audit trail, and the file is no longer
// marked as a backup.
func TestRestoreWritesAnAuditEntry(t *testing.T) {
	s, _, _ := provenStore(t)
	bak := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(ctx, bak, app.BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	s.Close()
	if _, err := RestoreFile(bak, path, "jana"); err != nil {
		t.Fatal(err)
	}
	r, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	page, _ := r.AuditPage(ctx, app.AuditFilter{}, 0, 1)
	if len(page) != 1 || page[0].Action != "restore" || page[0].User != "jana" || !strings.Contains(page[0].Text, "copy.db") {
		t.Fatalf("newest audit entry %+v", page)
	}
	mustCheckClean(t, r)
	if _, isBackup := readBackupInfo(r.db); isBackup {
		t.Fatal("the restored database is still marked as a backup")
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
