package data

import (
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
	src, err := openBolt(path, time.Second, false)
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

// RestoreFile replaces the database at to with the backup from. It refuses a
// from that is not a Kontor database (or is from a newer Kontor) and a to that
// is open elsewhere, and keeps a copy of the replaced file in the backups
// folder, whose path it returns ("" when to did not exist).
func RestoreFile(from, to string) (kept string, err error) {
	if sameFile(from, to) {
		return "", app.Invalid("restore.from", "err.restore.same_file", "the backup and the database are the same file", nil)
	}
	src, err := openBolt(from, time.Second, true)
	if err != nil {
		return "", err
	}
	defer src.Close()
	if err := verifyKontor(src, from); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		return "", app.Internal("creating the database folder", err)
	}
	tmp := to + ".restore-tmp"
	if err := src.View(func(tx *bolt.Tx) error { return copyTx(tx, tmp) }); err != nil {
		return "", wrap("copying the backup", err)
	}
	defer os.Remove(tmp)
	if _, statErr := os.Stat(to); statErr != nil {
		return "", renameInto(tmp, to)
	}
	stamp := time.Now().Format("20060102-150405")
	cur, err := openBolt(to, time.Second, false)
	if err != nil {
		if app.ErrorCode(err) == app.EINUSE {
			return "", err
		}
		// The current file is damaged — exactly when a restore is needed. bbolt
		// could not open it, so no Kontor has it open: keep its raw bytes.
		kept = filepath.Join(BackupDir(to), backupPrefix(to)+"damaged-"+stamp+".db")
		if err := copyRaw(to, kept); err != nil {
			return "", app.Internal("keeping a copy of the damaged database", err)
		}
		return kept, renameInto(tmp, to)
	}
	kept = filepath.Join(BackupDir(to), backupPrefix(to)+"before-restore-"+stamp+".db")
	if err := cur.View(func(tx *bolt.Tx) error { return copyTx(tx, kept) }); err != nil {
		cur.Close()
		return "", wrap("keeping a copy of the current database", err)
	}
	return kept, replaceFile(cur, tmp, to)
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
