// Package data is Kontor's store: one bbolt file per company. It is the only
// package that imports bbolt. One Store implements every app service
// (Services). A write runs in one transaction (updateAs) that authorizes its
// user by the roles stored now, reads what it needs, stores the records with
// their indexes, appends its audit entry and logs each record it wrote in
// the change log: all of it commits or none. Most writes first refuse a user
// who lacks the permission in a short read transaction, before any
// validation or slow work; reads are one read transaction each. The buckets
// and their migrations are in schema_<module>.go, ordered by migrations.go;
// Check's steps are listed in check.go.
package data

import (
	"errors"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// Options tune Open. The zero value is what the desktop app uses.
type Options struct {
	Clock app.Clock
	// LockTimeout bounds the wait for another process's lock (default 1 s, so a
	// second Kontor fails fast instead of hanging).
	LockTimeout time.Duration
	// NoAutoBackup skips the daily backup at open (tests, CLI maintenance).
	NoAutoBackup bool
	// NoSync skips fsync on commit: only for generating throwaway demo data.
	NoSync bool
	// KeepBackups is how many daily backups to keep (default 14).
	KeepBackups int
}

// Store is an open Kontor database. It is safe for concurrent use.
type Store struct {
	db    *bolt.DB
	path  string
	clock app.Clock
	opts  Options

	branch branchCache // the company's branch, for the change log
	trim   trimmer     // a bulk store (NoSync) hands back the file pages it read

	mu         sync.Mutex
	lastBackup time.Time
	backups    sync.WaitGroup // the daily backup started by Open
}

// Open opens or creates the database at path, creating its buckets and
// migrating an older schema forward in one transaction. A file that another
// process holds open fails within LockTimeout with an EINUSE error; a file of a
// newer Kontor or one that is not a Kontor database is refused; a damaged file
// (shorter than its contents, broken header pages) fails with EDAMAGED before
// bbolt maps it.
func Open(path string, opts Options) (*Store, error) {
	if opts.Clock == nil {
		opts.Clock = app.SystemClock{}
	}
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = time.Second
	}
	if opts.KeepBackups <= 0 {
		opts.KeepBackups = 14
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, app.Internal("creating the database folder", err)
	}
	db, err := openLocked(path, opts.LockTimeout)
	if err != nil {
		return nil, err
	}
	db.NoSync = opts.NoSync
	s := &Store{db: db, path: path, clock: opts.Clock, opts: opts}
	if err := s.prepare(); err != nil {
		_ = db.Close()
		return nil, err
	}
	s.lastBackup = s.readLastBackup()
	if opts.NoSync {
		s.startTrimming()
	}
	if !opts.NoAutoBackup {
		// The daily copy runs beside the office's work (bbolt readers never block
		// writers), so a large file on a slow disk does not delay the window. A
		// full disk must not keep the office from working either: the status bar
		// shows the date of the last good backup.
		s.backups.Add(1)
		go func() {
			defer s.backups.Done()
			if err := s.autoBackup(); err != nil {
				log.Printf("kontor: daily backup failed: %v", err)
			}
		}()
	}
	return s, nil
}

// openLocked opens path and makes sure the file it locked is still the one at
// path: a restore or compact in another process renames a new file into place,
// and a Kontor that waited for the lock must not go on with the old one.
func openLocked(path string, timeout time.Duration) (*bolt.DB, error) {
	for attempt := 0; ; attempt++ {
		before, statErr := os.Stat(path)
		db, err := openChecked(path, timeout, false)
		if err != nil {
			return nil, err
		}
		after, err := os.Stat(path)
		if statErr != nil || err == nil && os.SameFile(before, after) || attempt == 2 {
			return db, nil
		}
		_ = db.Close()
	}
}

// openBolt opens the bolt file and turns its failures into app errors.
func openBolt(path string, timeout time.Duration, readOnly bool) (*bolt.DB, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: readOnly, FreelistType: bolt.FreelistMapType})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, bolt.ErrTimeout):
		return nil, &app.Error{Code: app.EINUSE, Key: "err.db.in_use", Msg: "the database {{.path}} is already open in another Kontor window or process; close it there first", Args: map[string]any{"path": path}}
	case errors.Is(err, bolt.ErrInvalid), errors.Is(err, bolt.ErrVersionMismatch), errors.Is(err, bolt.ErrChecksum):
		return nil, notKontor(path)
	case errors.Is(err, os.ErrNotExist):
		return nil, &app.Error{Code: app.ENOTFOUND, Key: "err.db.missing", Msg: "the file {{.path}} does not exist", Args: map[string]any{"path": path}}
	case errors.Is(err, fs.ErrPermission):
		return nil, &app.Error{Code: app.EINVALID, Key: "err.db.no_access", Msg: "{{.path}} cannot be opened for writing (it is read-only, or you have no permission)", Args: map[string]any{"path": path}, Err: err}
	case strings.Contains(err.Error(), "file size too small"), strings.Contains(err.Error(), "invalid"):
		return nil, notKontor(path)
	}
	return nil, app.Internal("opening the database", err)
}

func notKontor(path string) error {
	return &app.Error{Code: app.EINVALID, Key: "err.db.not_kontor", Msg: "{{.path}} is not a Kontor database", Args: map[string]any{"path": path}}
}

// Close waits for a running daily backup and closes the file.
func (s *Store) Close() error {
	s.backups.Wait()
	s.stopTrimming()
	return s.db.Close()
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Services returns the store as the service set the front ends use: every
// field is the store itself (or its clock), never nil — the assignments are
// the compile-time proof that Store implements each interface, and
// TestServicesComplete that no field is left out.
func (s *Store) Services() app.Services {
	return app.Services{Company: s, Ledger: s, Reverser: s, Store: s, Users: s, Audit: s,
		Customers: s, Importer: s, PriceList: s, Sales: s, Reception: s,
		Payables: s, Bank: s, Reports: s, VAT: s, Closer: s, Warehouse: s, Payroll: s, AfterSales: s, Clock: s.clock}
}

// view and update run fn in a transaction and wrap foreign errors as
// internal; a damaged page met on the way is an EDAMAGED error, not a crash.
func (s *Store) view(what string, fn func(tx *bolt.Tx) error) (err error) {
	defer faultGuard(s.path, &err)()
	return wrap(what, s.db.View(fn))
}

func (s *Store) update(what string, fn func(tx *bolt.Tx) error) (err error) {
	defer faultGuard(s.path, &err)()
	return wrap(what, s.db.Update(fn))
}

func wrap(what string, err error) error {
	if err == nil {
		return nil
	}
	var e *app.Error
	if errors.As(err, &e) {
		return err
	}
	return app.Internal(what, err)
}
