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

// dailyBackups lists this database's daily backups, oldest first.
func (s *Store) dailyBackups() []string {
	matches, _ := filepath.Glob(filepath.Join(BackupDir(s.path), backupPrefix(s.path)+"????-??-??.db"))
	sort.Strings(matches)
	return matches
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
	files := s.dailyBackups()
	for len(files) > s.opts.KeepBackups {
		_ = os.Remove(files[0])
		files = files[1:]
	}
	return nil
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}
