package data

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kontor/app"
)

// bigFile is a closed database of many pages: a year of entries.
func bigFile(t *testing.T) (path string, pageSize, pages int64) {
	t.Helper()
	s, _ := MustCompany(t)
	es := make([]app.Entry, 600)
	for i := range es {
		es[i] = sale(app.D(2026, time.Month(1+i%12), 1+i%28))
	}
	if err := s.PostEntries(ctx, es); err != nil {
		t.Fatal(err)
	}
	path = s.Path()
	s.Close()
	m := readMetas(t, path)
	return path, int64(m.pageSize), int64(m.pgid)
}

// readMetas returns the meta page bbolt would use.
func readMetas(t *testing.T, path string) boltMeta {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m0 := parseMeta(b)
	m1 := parseMeta(b[m0.pageSize:])
	if !m0.valid || !m1.valid {
		t.Fatal("test file has a bad meta page")
	}
	if m1.txid > m0.txid {
		return m1
	}
	return m0
}

// copyFile makes a copy of the test database to damage.
func copyFile(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "kontor.db")
	if err := copyRaw(src, dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

func overwrite(t *testing.T, path string, off int64, b []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

// A truncated or damaged file used to kill every command with SIGBUS/SIGSEGV
// (bbolt maps the file and trusts its meta page). Open must refuse it with
// EDAMAGED, and a restore must replace it, keeping the damaged bytes.
func TestOpenRefusesDamagedFiles(t *testing.T) {
	good, ps, pages := bigFile(t)
	bak := filepath.Join(t.TempDir(), "good.db")
	if err := copyRaw(good, bak); err != nil {
		t.Fatal(err)
	}
	if pages < 8 {
		t.Fatalf("test file has only %d pages", pages)
	}
	m := readMetas(t, good)
	cases := []struct {
		name   string
		damage func(path string)
		want   string
	}{
		{"half of it copied", func(p string) { _ = os.Truncate(p, pages*ps/2) }, "shorter than its contents"},
		{"one page short", func(p string) { _ = os.Truncate(p, (pages-1)*ps) }, "shorter than its contents"},
		{"only the header pages", func(p string) { _ = os.Truncate(p, 2*ps) }, "shorter than its contents"},
		{"a few bytes", func(p string) { _ = os.Truncate(p, 100) }, "shorter than its contents"},
		{"both header pages' checksums", func(p string) {
			overwrite(t, p, boltPageHeader+48, []byte{0xde, 0xad})
			overwrite(t, p, ps+boltPageHeader+48, []byte{0xde, 0xad})
		}, "both of its header pages are damaged"},
		{"root page zeroed", func(p string) { overwrite(t, p, int64(m.root)*ps, make([]byte, ps)) }, "its root page is damaged"},
		{"freelist page zeroed", func(p string) { overwrite(t, p, int64(m.freelist)*ps, make([]byte, ps)) }, "its list of free pages is damaged"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := copyFile(t, good)
			tc.damage(path)
			_, err := Open(path, Options{NoAutoBackup: true})
			wantCode(t, err, app.EDAMAGED, "")
			if msg := app.ErrorMessage(err, nil); !strings.Contains(msg, tc.want) || !strings.Contains(msg, "kontor restore") {
				t.Fatalf("message %q, want %q", msg, tc.want)
			}
			_, _, err = CompactFile(path)
			wantCode(t, err, app.EDAMAGED, "")
			kept, err := RestoreFile(bak, path, "admin")
			if err != nil {
				t.Fatalf("restore over the damaged file: %v", err)
			}
			if !strings.Contains(filepath.Base(kept), "kontor-damaged-") {
				t.Fatalf("damaged file kept as %q", kept)
			}
			r, err := Open(path, Options{NoAutoBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			mustCheckClean(t, r)
		})
	}
	// One damaged header page is what bbolt's two copies are for: the file opens.
	path := copyFile(t, good)
	overwrite(t, path, boltPageHeader+48, []byte{0xde, 0xad})
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatalf("one bad meta page: %v", err)
	}
	s.Close()
	// A file that is no bolt file at all is "not a Kontor database".
	junk := filepath.Join(t.TempDir(), "notes.db")
	_ = os.WriteFile(junk, []byte(strings.Repeat("Dobrý den\n", 2000)), 0o600)
	_, err = Open(junk, Options{NoAutoBackup: true})
	wantCode(t, err, app.EINVALID, "")
}

// A file cut short under a running Kontor (a disk that went away) makes the
// next read fault; the store answers with EDAMAGED instead of dying.
func TestReadPastTheEndIsAnErrorNotACrash(t *testing.T) {
	path, ps, _ := bigFile(t)
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := os.Truncate(path, 4*ps); err != nil {
		t.Fatal(err)
	}
	_, err = s.JournalPage(ctx, app.JournalFilter{}, 0, 1000)
	wantCode(t, err, app.EDAMAGED, "")
	_, err = s.Check(ctx)
	wantCode(t, err, app.EDAMAGED, "")
}

// The meta layout this file decodes is bbolt's: a file bbolt wrote parses,
// and the page size matches the OS's (bbolt's default).
func TestParseMetaReadsBboltsLayout(t *testing.T) {
	path, ps, pages := bigFile(t)
	if ps != int64(os.Getpagesize()) || pages < 2 {
		t.Fatalf("page size %d, pages %d", ps, pages)
	}
	b, _ := os.ReadFile(path)
	m := parseMeta(b)
	if m.magic != boltMagic || binary.NativeEndian.Uint64(b) != 0 {
		t.Fatalf("meta 0: %+v", m)
	}
	if fi, _ := os.Stat(path); fi.Size() < int64(m.pgid)*ps {
		t.Fatalf("healthy file smaller than its high-water mark")
	}
}

// The damaged-file window names the newest backup that is good: a newer one
// that is itself damaged is passed over.
func TestNewestGoodBackupSkipsDamagedOnes(t *testing.T) {
	s, clock := MustCompany(t)
	path := s.Path()
	s.Close()
	for day := 0; day < 3; day++ {
		st, err := Open(path, Options{Clock: clock})
		if err != nil {
			t.Fatal(err)
		}
		st.backups.Wait()
		st.Close()
		clock.Advance(24 * time.Hour)
	}
	files := (&Store{path: path}).dailyBackups()
	if len(files) != 3 {
		t.Fatalf("backups %v", files)
	}
	for i, f := range files { // file times in the order they were made
		mt := time.Now().Add(time.Duration(i-3) * time.Hour)
		_ = os.Chtimes(f, mt, mt)
	}
	fi, _ := os.Stat(files[2])
	_ = os.Truncate(files[2], fi.Size()/2)
	got, _ := NewestGoodBackup(path)
	if got != files[1] {
		t.Fatalf("newest good backup %q, want %q", got, files[1])
	}
	for _, f := range files {
		_ = os.Remove(f)
	}
	if got, _ := NewestGoodBackup(path); got != "" {
		t.Fatalf("without backups: %q", got)
	}
}
