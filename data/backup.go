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

// Backup writes a consistent copy of the open database to dst: a hot copy in
// a read transaction into a temp file beside dst, checked (bbolt's page check
// and Kontor's Check) before it is renamed into place, so dst is either the
// old file or a complete, verified new one. Beside it goes dst.head, the
// audit trail's head at the time of the copy (see CheckAgainst). dst may
// replace an earlier Kontor backup; any other file only with opts.Force.
func (s *Store) Backup(ctx context.Context, dst string, opts app.BackupOptions) error {
	if err := s.allowed(ctx, app.PermStoreAdmin); err != nil {
		return err
	}
	if sameFile(dst, s.path) {
		return app.Invalid("backup.out", "err.backup.onto_self", "the backup cannot replace the database it copies; choose another file", nil)
	}
	if err := safeToReplace(dst, opts.Force); err != nil {
		return err
	}
	now := s.clock.Now().UTC()
	if err := s.viewAs(ctx, app.PermStoreAdmin, "backing up", func(tx *bolt.Tx, _ app.User) error { return writeBackup(tx, dst, s.path, now) }); err != nil {
		return err
	}
	s.mu.Lock()
	s.lastBackup = now
	s.mu.Unlock()
	return s.updateAs(ctx, app.PermStoreAdmin, "recording the backup", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		if err := tx.Bucket(bMeta).Put(kLastBackup, []byte(now.Format(time.RFC3339))); err != nil {
			return err
		}
		return a.logKey("backup", "database", "", "audit.backup", "backup written to {{.file}}", app.AuditArgs{"file": app.AText(dst)})
	})
}

// tempBeside is the temp file a command writes before renaming it to dst:
// one fixed name per target, so the next run of the same command removes
// what a killed one left.
func tempBeside(dst, what string) string {
	return filepath.Join(filepath.Dir(dst), "."+filepath.Base(dst)+"."+what+"-tmp")
}

// writeBackup writes the transaction's snapshot to dst atomically: a temp
// file marked as a backup and checked, then renamed, then its head file.
func writeBackup(tx *bolt.Tx, dst, source string, made time.Time) error {
	info := backupInfo{Kontor: 1, Made: made.UTC(), Source: source}
	info.Seq, info.Hash = auditHead(tx)
	tmp := tempBeside(dst, "backup")
	if err := snapshotTo(tx, tmp); err != nil {
		return err
	}
	defer os.Remove(tmp) // no-op after the rename
	if err := markBackup(tmp, info); err != nil {
		return err
	}
	if err := verifyCopy(tmp, dst); err != nil {
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		return app.Internal("renaming the backup into place", err)
	}
	if err := writeHeadFile(dst, info); err != nil {
		return err
	}
	syncDir(filepath.Dir(dst))
	return nil
}

// snapshotTo writes the transaction's snapshot to path and fsyncs it.
func snapshotTo(tx *bolt.Tx, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return app.Internal("creating the backup folder", err)
	}
	_ = os.Remove(path)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return app.Internal("creating the backup file", err)
	}
	if _, err := tx.WriteTo(f); err != nil {
		f.Close()
		return app.Internal("writing the backup", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return app.Internal("flushing the backup to disk", err)
	}
	if err := f.Close(); err != nil {
		return app.Internal("closing the backup", err)
	}
	return nil
}

// verifyCopy checks a copy before it replaces anything: bbolt's page check
// and Kontor's Check must find nothing. name is what the message calls it.
func verifyCopy(path, name string) (err error) {
	db, err := openChecked(path, time.Second, true)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := verifyKontor(db, path); err != nil {
		return err
	}
	defer faultGuard(path, &err)()
	var probs []app.Problem
	if err := db.View(func(tx *bolt.Tx) (err error) {
		probs, err = checkTx(tx, path, func(int64, int64) {})
		return err
	}); err != nil {
		return wrap("checking the copy", err)
	}
	if len(probs) > 0 {
		p := probs[0]
		return &app.Error{Code: app.EDAMAGED, Key: "err.backup.check_failed",
			Msg:  "the copy for {{.path}} failed its check, so nothing was replaced ({{.n}} problem(s), the first: {{.first}}); run “kontor check” on the database",
			Args: map[string]any{"path": name, "n": len(probs), "first": app.Label{Key: p.Key, Fallback: p.Msg, Args: p.Args}}}
	}
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
	_ = s.view("reading the last backup", func(tx *bolt.Tx) error {
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
func (s *Store) autoBackup() (err error) {
	defer faultGuard(s.path, &err)()
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
	// A copy that fails its check is not renamed into place, and only a good
	// new copy rotates older ones out.
	now := s.clock.Now().UTC()
	if err := s.view("making the daily backup", func(tx *bolt.Tx) error { return writeBackup(tx, dst, s.path, now) }); err != nil {
		return err
	}
	s.mu.Lock()
	s.lastBackup = now
	s.mu.Unlock()
	for _, f := range pruneBackups(s.dailyBackups(), s.opts.KeepBackups) {
		_ = os.Remove(f)
		_ = os.Remove(headFile(f))
	}
	return nil
}

// safeToReplace lets a backup replace only an earlier Kontor backup (one
// nobody has worked on since it was made) or an empty file (what a save
// dialog leaves). Anything else — a database, a document, a backup someone
// opened and changed — needs force, and a file open in another Kontor is
// never replaced (renaming over it would orphan that Kontor's work).
func safeToReplace(dst string, force bool) error {
	fi, err := os.Stat(dst)
	if err != nil || fi.Size() == 0 {
		return nil
	}
	if fi.IsDir() {
		return app.Invalid("backup.out", "err.backup.is_dir", "{{.path}} is a folder; name a file", map[string]any{"path": dst})
	}
	isBackup := false
	db, err := openChecked(dst, 100*time.Millisecond, true)
	switch {
	case app.ErrorCode(err) == app.EINUSE:
		return err
	case err == nil:
		_, isBackup = readBackupInfo(db)
		db.Close()
	}
	if isBackup || force {
		return nil
	}
	return app.Invalid("backup.out", "err.backup.not_a_backup", "{{.path}} exists and is not a Kontor backup; choose a new file name (or replace it on purpose with --force)", map[string]any{"path": dst})
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}
