package data

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// BackupDir is the folder beside the database where daily backups go.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// backupPrefix is the file-name prefix of dbPath's daily backups.
func backupPrefix(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath)) + "-"
}

// Backup writes a consistent copy of the open database to dst: a hot copy in a
// read transaction into a temp file beside dst, fsync, then rename, so dst is
// either the old file or a complete new one.
func (s *Store) Backup(ctx context.Context, dst string) error {
	if err := s.allowed(ctx, app.PermStoreAdmin); err != nil {
		return err
	}
	if sameFile(dst, s.path) {
		return app.Invalid("backup.out", "err.backup.onto_self", "the backup cannot replace the database it copies; choose another file", nil)
	}
	if err := safeToReplace(dst); err != nil {
		return err
	}
	if err := s.viewAs(ctx, app.PermStoreAdmin, "backing up", func(tx *bolt.Tx, _ app.User) error { return copyTx(tx, dst) }); err != nil {
		return err
	}
	now := s.clock.Now().UTC()
	s.mu.Lock()
	s.lastBackup = now
	s.mu.Unlock()
	return s.updateAs(ctx, app.PermStoreAdmin, "recording the backup", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		if err := tx.Bucket(bMeta).Put(kLastBackup, []byte(now.Format(time.RFC3339))); err != nil {
			return err
		}
		return a.log("backup", "database", "", "backup written to "+dst)
	})
}

// copyTx writes the transaction's snapshot to dst atomically.
func copyTx(tx *bolt.Tx, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return app.Internal("creating the backup folder", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".kontor-backup-*")
	if err != nil {
		return app.Internal("creating the backup file", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tx.WriteTo(tmp); err != nil {
		tmp.Close()
		return app.Internal("writing the backup", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return app.Internal("flushing the backup to disk", err)
	}
	if err := tmp.Close(); err != nil {
		return app.Internal("closing the backup", err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return app.Internal("renaming the backup into place", err)
	}
	syncDir(filepath.Dir(dst))
	return nil
}

// syncDir makes a rename durable; not every OS can fsync a folder, so it is best effort.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// LastBackup returns the time of the newest backup (zero when there is none).
func (s *Store) LastBackup() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lastBackup
}

// readLastBackup takes the later of the recorded manual backup and the newest daily file.
func (s *Store) readLastBackup() time.Time {
	var last time.Time
	_ = s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bMeta); b != nil {
			last, _ = time.Parse(time.RFC3339, string(b.Get(kLastBackup)))
		}
		return nil
	})
	files := s.dailyBackups()
	if len(files) > 0 {
		if fi, err := os.Stat(files[len(files)-1]); err == nil && fi.ModTime().After(last) {
			last = fi.ModTime()
		}
	}
	return last
}

// dailyBackups lists this database's daily backups, oldest first. Names are
// matched by hand, not by Glob, so a database called "firma [2].db" works.
func (s *Store) dailyBackups() []string {
	dir := BackupDir(s.path)
	entries, _ := os.ReadDir(dir)
	prefix := backupPrefix(s.path)
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() && strings.HasPrefix(name, prefix) && strings.HasSuffix(name, ".db") {
			if _, err := time.Parse("2006-01-02", strings.TrimSuffix(name[len(prefix):], ".db")); err == nil {
				out = append(out, filepath.Join(dir, name))
			}
		}
	}
	sort.Strings(out)
	return out
}

// pruneBackups keeps the newest keep daily backups and, beyond them, the first
// backup of each of the last 12 months: a file damaged unnoticed for two weeks
// still has an older good copy.
func pruneBackups(files []string, keep int) (remove []string) {
	if len(files) <= keep {
		return nil
	}
	old := files[:len(files)-keep]
	seenMonth := map[string]bool{}
	var monthly []string
	for _, f := range old { // oldest first: the first of each month wins
		base := filepath.Base(f)
		month := base[len(base)-len("2006-01-02.db") : len(base)-len("-02.db")]
		if !seenMonth[month] {
			seenMonth[month] = true
			monthly = append(monthly, f)
			continue
		}
		remove = append(remove, f)
	}
	if len(monthly) > 12 {
		remove = append(remove, monthly[:len(monthly)-12]...)
	}
	return remove
}

// autoBackup makes today's backup if there is none yet and the database holds a
// company, then keeps only the newest KeepBackups files. Opening stays cheap on
// every later start of the day: one stat.
func (s *Store) autoBackup() error {
	today := s.clock.Now().Local().Format("2006-01-02")
	dst := filepath.Join(BackupDir(s.path), backupPrefix(s.path)+today+".db")
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	hasCompany := false
	_ = s.db.View(func(tx *bolt.Tx) error { hasCompany = tx.Bucket(bMeta).Get(kCompany) != nil; return nil })
	if !hasCompany {
		return nil
	}
	if err := s.view("making the daily backup", func(tx *bolt.Tx) error { return copyTx(tx, dst) }); err != nil {
		return err
	}
	s.mu.Lock()
	s.lastBackup = s.clock.Now().UTC()
	s.mu.Unlock()
	for _, f := range pruneBackups(s.dailyBackups(), s.opts.KeepBackups) {
		_ = os.Remove(f)
	}
	return nil
}

// safeToReplace refuses a backup target that is another Kontor database: one
// that is open (renaming over it would orphan that Kontor's work) or one that
// holds data (a backup never silently destroys a database). Other files — an
// empty file a save dialog just created, an old export — may be replaced.
func safeToReplace(dst string) error {
	fi, err := os.Stat(dst)
	if err != nil || fi.Size() == 0 {
		return nil
	}
	if fi.IsDir() {
		return app.Invalid("backup.out", "err.backup.is_dir", "{{.path}} is a folder; name a file", map[string]any{"path": dst})
	}
	db, err := openBolt(dst, 100*time.Millisecond, true)
	if err != nil {
		if app.ErrorCode(err) == app.EINUSE {
			return err
		}
		return nil // not a bolt file
	}
	defer db.Close()
	if verifyKontor(db, dst) == nil {
		return app.Invalid("backup.out", "err.backup.onto_database", "{{.path}} is a Kontor database; choose a new file name or delete it first", map[string]any{"path": dst})
	}
	return nil
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}
