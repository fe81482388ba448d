// Package atomicfile writes a file so that it is either there complete or
// not at all, and cleans up after the runs that could not finish.
//
// Every output (an exported PDF, a report, a customer CSV, a backup) is
// written to a temp file beside it, named ".kontor-tmp-<pid>-<name>-<random>",
// synced and renamed into place; on an error or a cancellation the temp file
// is removed. A process that is killed outright cannot remove it, so the
// first Create in a folder sweeps the temp files there that no running
// process owns (their pid is gone) or that are older than StaleAfter: the
// next run of the same command removes what the killed one left.
//
// The package is shared by app/cli (exports) and data (backups, compaction)
// and imports the standard library only.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Prefix starts the name of every temp file Kontor makes.
const Prefix = ".kontor-tmp-"

// StaleAfter is the age after which a temp file is swept even if a process
// with its pid runs (the pid was reused, or a run hangs for a day).
const StaleAfter = 24 * time.Hour

// ErrExists is returned by Write when dst exists and replace is false.
var ErrExists = errors.New("the file exists")

// ErrEmpty is returned by Write when write wrote nothing: an empty output
// is never renamed into place.
var ErrEmpty = errors.New("nothing was written")

// swept remembers the folders this process has swept.
var swept sync.Map

// Create makes a temp file in dir for an output named name, sweeping the
// folder's stale temp files first (once per folder and process). The
// caller writes it, then Commit or Remove.
func Create(dir, name string) (*os.File, error) {
	if _, done := swept.LoadOrStore(dir, true); !done {
		_, _ = Sweep(dir)
	}
	return os.CreateTemp(dir, fmt.Sprintf("%s%d-%s-*", Prefix, os.Getpid(), safeName(name)))
}

// safeName keeps a temp file's name short and free of path separators.
func safeName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == '*' || r < ' ' {
			return '_'
		}
		return r
	}, filepath.Base(name))
	if r := []rune(name); len(r) > 60 {
		name = string(r[:60])
	}
	return name
}

// Write writes dst through a temp file in its folder: write fills it
// (buffered), then it is flushed, synced to disk when sync is set, closed
// and renamed to dst. Without replace an existing dst is kept and ErrExists
// returned. On any error — write's, the disk's, ErrEmpty — the temp file
// is removed and dst is untouched.
func Write(dst string, replace, sync bool, write func(w io.Writer) error) error {
	return WriteFile(dst, replace, sync, func(f *os.File) error {
		bw := bufio.NewWriterSize(f, 256<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
}

// WriteFile is Write for a writer that needs the file itself (unbuffered).
func WriteFile(dst string, replace, sync bool, write func(f *os.File) error) (err error) {
	dir := filepath.Dir(dst)
	tmp, err := Create(dir, filepath.Base(dst))
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if fi, serr := tmp.Stat(); serr != nil || fi.Size() == 0 {
		return ErrEmpty
	}
	if sync {
		if err = tmp.Sync(); err != nil {
			return err
		}
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if !replace {
		if _, serr := os.Lstat(dst); serr == nil {
			return ErrExists
		}
	}
	if err = os.Rename(tmp.Name(), dst); err != nil {
		return err
	}
	if sync {
		SyncDir(dir)
	}
	return nil
}

// SyncDir makes a rename in dir durable; not every system can sync a
// folder, so it is best effort.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// Sweep removes the temp files in dir that are stale: their process is no
// longer running, or they are older than StaleAfter. Temp files of this
// process and of other running ones are left alone. It returns how many it
// removed; a folder that does not exist has none.
func Sweep(dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	removed := 0
	now := time.Now()
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, Prefix) || e.IsDir() {
			continue
		}
		pid, ok := pidOf(name)
		if ok && pid == os.Getpid() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if ok && alive(pid) && now.Sub(info.ModTime()) < StaleAfter {
			continue
		}
		if os.Remove(filepath.Join(dir, name)) == nil {
			removed++
		}
	}
	return removed, nil
}

// pidOf reads the pid from ".kontor-tmp-<pid>-…".
func pidOf(name string) (int, bool) {
	rest := strings.TrimPrefix(name, Prefix)
	i := strings.IndexByte(rest, '-')
	if i <= 0 {
		return 0, false
	}
	pid, err := strconv.Atoi(rest[:i])
	return pid, err == nil && pid > 0
}
