package data

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// backupInfo is what a backup says of itself: inside the copy (meta
// backup_of) and in the side file NAME.db.head beside it. Seq and Hash are the
// audit trail's head when the copy was made: the live file's trail must still
// hold that entry, unchanged, for as long as it lives (CheckAgainst).
type backupInfo struct {
	Kontor int       `json:"kontor_backup"`
	Made   time.Time `json:"made"`
	Source string    `json:"source"`
	Seq    uint64    `json:"audit_seq"`
	Hash   string    `json:"audit_hash"`
}

// headFile is the side file of the backup at path.
func headFile(path string) string { return path + ".head" }

// auditHead returns the newest audit entry's sequence and hash.
func auditHead(tx *bolt.Tx) (uint64, string) {
	head := tx.Bucket(bMeta).Get(kAuditHead)
	if len(head) <= 8 {
		return 0, ""
	}
	return binary.BigEndian.Uint64(head[:8]), string(head[8:])
}

// markBackup writes info into the copy at path.
func markBackup(path string, info backupInfo) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return app.Internal("marking the backup", err)
	}
	raw, _ := json.Marshal(info)
	err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(kBackupOf, raw) })
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return app.Internal("marking the backup", err)
	}
	return nil
}

// readBackupInfo returns what a backup says of itself; ok is false for a
// file that is not a Kontor backup, or one that was worked on after it was
// made (its trail grew past the head it recorded).
func readBackupInfo(db *bolt.DB) (info backupInfo, ok bool) {
	_ = db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bMeta)
		if meta == nil || json.Unmarshal(meta.Get(kBackupOf), &info) != nil || info.Kontor != 1 {
			return nil
		}
		seq, hash := auditHead(tx)
		ok = seq == info.Seq && hash == info.Hash
		return nil
	})
	return info, ok
}

// writeHeadFile writes the side file of the backup at path (temp file, rename).
func writeHeadFile(path string, info backupInfo) error {
	raw, _ := json.MarshalIndent(info, "", "  ")
	tmp := tempBeside(headFile(path), "head")
	if err := os.WriteFile(tmp, append(raw, '\n'), 0o600); err != nil {
		return app.Internal("writing the backup's head file", err)
	}
	if err := os.Rename(tmp, headFile(path)); err != nil {
		_ = os.Remove(tmp)
		return app.Internal("writing the backup's head file", err)
	}
	return nil
}

func readHeadFile(path string) (backupInfo, error) {
	var info backupInfo
	raw, err := os.ReadFile(headFile(path))
	if err != nil {
		return info, err
	}
	if err := json.Unmarshal(raw, &info); err != nil || info.Kontor != 1 {
		return info, app.Errorf(app.EINVALID, "err.backup.head_unreadable", "{{.path}} cannot be read", map[string]any{"path": headFile(path)})
	}
	return info, nil
}

// compareHead reports, as a problem, a trail that does not extend the one a
// backup recorded: its entry at the backup's head is gone or different.
func compareHead(tx *bolt.Tx, name string, info backupInfo) *app.Problem {
	if info.Seq == 0 {
		return nil
	}
	args := map[string]any{"file": name, "made": info.Made.Local().Format("2006-01-02 15:04"), "seq": info.Seq}
	raw := tx.Bucket(bAudit).Get(u64(info.Seq))
	if raw == nil {
		return &app.Problem{Key: "check.head_missing", Msg: "the backup {{.file}} of {{.made}} ends with audit entry {{.seq}}, which is no longer in the audit trail: entries were removed since", Args: args}
	}
	var e app.AuditEntry
	if decode(raw, &e) != nil || e.Hash != info.Hash {
		return &app.Problem{Key: "check.head_differs", Msg: "audit entry {{.seq}} is not the one the backup {{.file}} of {{.made}} ends with: the audit trail was rewritten since", Args: args}
	}
	return nil
}

// checkBackupHeads compares the trail with the head file of every daily
// backup beside the database made since its last restore (older ones are of
// the trail the restore replaced).
func checkBackupHeads(tx *bolt.Tx, dbPath string) []app.Problem {
	var since time.Time
	if raw := tx.Bucket(bMeta).Get(kRestoredAt); raw != nil {
		since, _ = time.Parse(time.RFC3339Nano, string(raw))
	}
	var out []app.Problem
	for _, f := range (&Store{path: dbPath}).dailyBackups() {
		info, err := readHeadFile(f)
		if err != nil || info.Made.Before(since) {
			continue
		}
		if p := compareHead(tx, filepath.Base(f), info); p != nil {
			out = append(out, *p)
		}
	}
	return out
}

// CheckAgainst runs Check and also proves that the audit trail only grew
// since the backup at path was made: the backup's newest audit entry (from its
// head file, else from the backup itself) is still in the trail, unchanged.
// As the chain links each entry to the one before, that proves every earlier
// entry unchanged too.
func (s *Store) CheckAgainst(ctx context.Context, path string) ([]app.Problem, error) {
	probs, err := s.Check(ctx)
	if err != nil {
		return nil, err
	}
	infos, err := backupHeads(path)
	if err != nil {
		return nil, err
	}
	err = s.view("comparing with the backup", func(tx *bolt.Tx) error {
		for i, info := range infos {
			if i > 0 && info.Seq == infos[0].Seq && info.Hash == infos[0].Hash {
				continue
			}
			if p := compareHead(tx, filepath.Base(path), info); p != nil {
				probs = append(probs, *p)
			}
		}
		return nil
	})
	return probs, err
}

// backupHeads reads the heads a backup records: its head file's, and its own
// (a backup made by an older Kontor, or copied without its head file, has
// only its own). A head file that disagrees with the backup is a finding too,
// so both are compared.
func backupHeads(path string) ([]backupInfo, error) {
	var out []backupInfo
	if info, err := readHeadFile(path); err == nil {
		out = append(out, info)
	} else if !os.IsNotExist(err) {
		return nil, err
	}
	db, err := openChecked(path, time.Second, true)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if err := verifyKontor(db, path); err != nil {
		return nil, err
	}
	_ = db.View(func(tx *bolt.Tx) error {
		info := backupInfo{Kontor: 1}
		info.Seq, info.Hash = auditHead(tx)
		if fi, err := os.Stat(path); err == nil {
			info.Made = fi.ModTime()
		}
		out = append(out, info)
		return nil
	})
	return out, nil
}

// NewestGoodBackup names the newest file in the database's backups folder
// that opens as a Kontor database and passes bbolt's page check (the one to
// restore when the database is damaged; the restore checks it fully), with
// its time; "" when there is none.
func NewestGoodBackup(dbPath string) (string, time.Time) {
	dir := BackupDir(dbPath)
	entries, _ := os.ReadDir(dir)
	prefix := backupPrefix(dbPath)
	type cand struct {
		path string
		mod  time.Time
	}
	var cands []cand
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") || strings.HasPrefix(name[len(prefix):], "damaged-") {
			continue
		}
		if fi, err := e.Info(); err == nil {
			cands = append(cands, cand{filepath.Join(dir, name), fi.ModTime()})
		}
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].mod.After(cands[j].mod) })
	for _, c := range cands {
		db, err := openChecked(c.path, 100*time.Millisecond, true)
		if err != nil {
			continue
		}
		ok := verifyKontor(db, c.path) == nil && verifyPages(db, c.path) == nil
		db.Close()
		if ok {
			return c.path, c.mod
		}
	}
	return "", time.Time{}
}
