package data

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// CompactFile rewrites the database at path without its free pages and returns
// the sizes before and after. The file must not be open elsewhere.
func CompactFile(path string) (before, after int64, err error) {
	if _, err := os.Stat(path); err != nil {
		return 0, 0, &app.Error{Code: app.ENOTFOUND, Key: "err.db.missing", Msg: "the file {{.path}} does not exist", Args: map[string]any{"path": path}}
	}
	src, err := openChecked(path, time.Second, false)
	if err != nil {
		return 0, 0, err
	}
	if err := verifyKontor(src, path); err != nil {
		src.Close()
		return 0, 0, err
	}
	tmp := path + ".compact-tmp"
	_ = os.Remove(tmp)
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{Timeout: time.Second, FreelistType: bolt.FreelistMapType})
	if err != nil {
		src.Close()
		return 0, 0, app.Internal("creating the compacted file", err)
	}
	cerr := bolt.Compact(dst, src, 64<<20)
	if cerr == nil {
		cerr = dst.Sync()
	}
	dst.Close()
	if cerr == nil {
		// The compacted file replaces the database only once it checks out.
		if verr := verifyCopy(tmp, path); verr != nil {
			src.Close()
			_ = os.Remove(tmp)
			return 0, 0, verr
		}
	}
	if fi, err := os.Stat(path); err == nil {
		before = fi.Size()
	}
	defer os.Remove(tmp)
	if cerr != nil {
		src.Close()
		return 0, 0, app.Internal("compacting", cerr)
	}
	// Keep the lock until the rename so nobody opens the old file in between
	// (on Windows the source must be closed first; the window is tiny).
	if err := replaceFile(src, tmp, path); err != nil {
		return 0, 0, err
	}
	if fi, err := os.Stat(path); err == nil {
		after = fi.Size()
	}
	return before, after, nil
}

// replaceFile renames newFile over path and closes db, the old file. Where
// the OS allows renaming over an open file the lock is held until the new file
// is in place; Windows needs the file closed first. Open re-checks that the
// file it locked is still the one at the path, which covers the gap.
func replaceFile(db *bolt.DB, newFile, path string) error {
	if runtime.GOOS == "windows" {
		_ = db.Close()
		return renameInto(newFile, path)
	}
	err := renameInto(newFile, path)
	_ = db.Close()
	return err
}

// verifyKontor refuses bolt files that are not Kontor databases or are newer.
func verifyKontor(db *bolt.DB, path string) error {
	return wrap("reading the file", db.View(func(tx *bolt.Tx) error {
		v, err := readSchema(tx, path)
		if err != nil {
			return err
		}
		if v == 0 {
			return notKontor(path)
		}
		if v > SchemaVersion() {
			return newerSchema(path, v)
		}
		return nil
	}))
}

// RestoreFile replaces the database at to with the backup from, as user (who
// is named in the audit entry the restore writes into the restored file). It
// refuses a from that is not a Kontor database, is from a newer Kontor or
// fails its check (bbolt's and Kontor's, after bringing the copy to this
// Kontor's schema), and a to that is open elsewhere. It keeps the replaced
// file in the backups folder, as kontor-before-restore-….db, or byte for byte
// as kontor-damaged-….db when it was too damaged to open, and returns that
// copy's path ("" when to did not exist).
func RestoreFile(from, to, user string) (kept string, err error) {
	if sameFile(from, to) {
		return "", app.Invalid("restore.from", "err.restore.same_file", "the backup and the database are the same file", nil)
	}
	if _, err := os.Stat(from); err != nil {
		return "", &app.Error{Code: app.ENOTFOUND, Key: "err.db.missing", Msg: "the file {{.path}} does not exist", Args: map[string]any{"path": from}}
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return "", app.Internal("creating the database folder", err)
	}
	tmp := tempBeside(to, "restore")
	if err := prepareRestore(from, tmp, user); err != nil {
		_ = os.Remove(tmp)
		return "", err
	}
	defer os.Remove(tmp)
	if err := verifyCopy(tmp, from); err != nil {
		return "", err
	}
	if _, statErr := os.Stat(to); statErr != nil {
		return "", renameInto(tmp, to)
	}
	stamp := time.Now().Format("20060102-150405")
	cur, err := openChecked(to, time.Second, false)
	if err != nil {
		if app.ErrorCode(err) == app.EINUSE {
			return "", err
		}
		// The current file is damaged — exactly when a restore is needed. It
		// could not be opened, so no Kontor has it open: keep its raw bytes.
		kept = filepath.Join(BackupDir(to), backupPrefix(to)+"damaged-"+stamp+".db")
		if err := copyRaw(to, kept); err != nil {
			return "", app.Internal("keeping a copy of the damaged database", err)
		}
		return kept, renameInto(tmp, to)
	}
	kept = filepath.Join(BackupDir(to), backupPrefix(to)+"before-restore-"+stamp+".db")
	if err := cur.View(func(tx *bolt.Tx) error { return snapshotTo(tx, kept) }); err != nil {
		cur.Close()
		return "", wrap("keeping a copy of the current database", err)
	}
	return kept, replaceFile(cur, tmp, to)
}

// prepareRestore copies the backup from to tmp, brings the copy to this
// Kontor's schema and records the restore in its audit trail: the restored
// file says that it was restored, from what, by whom.
func prepareRestore(from, tmp, user string) error {
	src, err := openChecked(from, time.Second, true)
	if err != nil {
		return err
	}
	if err := verifyKontor(src, from); err == nil {
		err = wrap("copying the backup", src.View(func(tx *bolt.Tx) error { return snapshotTo(tx, tmp) }))
	}
	src.Close()
	if err != nil {
		return err
	}
	st, err := Open(tmp, Options{NoAutoBackup: true})
	if err != nil {
		return err
	}
	if user == "" {
		user = "kontor"
	}
	err = st.update("recording the restore", func(tx *bolt.Tx) error {
		meta := tx.Bucket(bMeta)
		var info backupInfo
		_ = json.Unmarshal(meta.Get(kBackupOf), &info)
		if err := meta.Delete(kBackupOf); err != nil {
			return err
		}
		now := st.clock.Now().UTC()
		if err := meta.Put(kRestoredAt, []byte(now.Format(time.RFC3339Nano))); err != nil {
			return err
		}
		seq, _ := auditHead(tx)
		made := "?"
		if !info.Made.IsZero() {
			made = info.Made.Local().Format("2006-01-02 15:04")
		}
		a := auditor{tx: tx, clock: st.clock, user: user}
		return a.logKey("restore", "database", "", "audit.restore", "database restored from {{.file}} (backup made {{.made}}, its newest audit entry {{.seq}})",
			app.AuditArgs{"file": app.AText(from), "made": app.AText(made), "seq": app.AInt(int(seq))})
	})
	if cerr := st.Close(); err == nil && cerr != nil {
		err = app.Internal("closing the restored copy", cerr)
	}
	return err
}

// copyRaw copies a file byte for byte and fsyncs the copy.
func copyRaw(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// renameInto moves newFile over path and makes the rename durable.
func renameInto(newFile, path string) error {
	if err := os.Rename(newFile, path); err != nil {
		return app.Internal("replacing the database file", err)
	}
	syncDir(filepath.Dir(path))
	return nil
}
