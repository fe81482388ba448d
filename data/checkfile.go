package data

import (
	"encoding/binary"
	"hash/fnv"
	"log"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// The layout of bbolt's (v1.5) meta page, which it keeps in internal
// packages: a 16-byte page header (id, flags, count, overflow), then magic,
// version, page size, flags, the root bucket (page, sequence), the freelist
// page, the high-water mark (pages in use), the transaction ID and an FNV-64a
// checksum of everything before it, in the machine's byte order.
const (
	boltMagic        = 0xED0CDAED
	boltVersion      = 2
	boltPageHeader   = 16
	boltMetaSize     = 64
	boltNoFreelist   = ^uint64(0)
	boltBranchPage   = 0x01
	boltLeafPage     = 0x02
	boltFreelistPage = 0x10
)

// boltMeta is one decoded meta page.
type boltMeta struct {
	magic, version, pageSize uint32
	root, freelist, pgid     uint64
	txid                     uint64
	valid                    bool // magic, version and checksum agree
}

func parseMeta(page []byte) boltMeta {
	if len(page) < boltPageHeader+boltMetaSize {
		return boltMeta{}
	}
	b := page[boltPageHeader : boltPageHeader+boltMetaSize]
	ne := binary.NativeEndian
	m := boltMeta{
		magic: ne.Uint32(b[0:]), version: ne.Uint32(b[4:]), pageSize: ne.Uint32(b[8:]),
		root: ne.Uint64(b[16:]), freelist: ne.Uint64(b[32:]), pgid: ne.Uint64(b[40:]), txid: ne.Uint64(b[48:]),
	}
	h := fnv.New64a()
	_, _ = h.Write(b[:56])
	m.valid = m.magic == boltMagic && m.version == boltVersion && h.Sum64() == ne.Uint64(b[56:]) &&
		m.pageSize >= 512 && m.pageSize&(m.pageSize-1) == 0
	return m
}

// checkFile looks at a database file before bbolt maps it. bbolt validates
// its meta pages only after mapping the file, and trusts them: a file shorter
// than its meta page says (a partial copy, a disk that filled up) then makes
// the first read past its end kill the process. So the meta pages are read
// here with plain file reads, and the file's size, its root and freelist
// pages are compared with what the newest valid meta page says. A missing or
// empty file passes (Open creates it); a file that is no bolt file at all is
// "not a Kontor database"; anything else wrong is EDAMAGED.
func checkFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // bolt.Open reports it in its own words
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 || fi.IsDir() {
		return nil
	}
	size := fi.Size()
	read := func(off int64, n int) []byte {
		buf := make([]byte, n)
		k, _ := f.ReadAt(buf, off)
		return buf[:k]
	}
	m0 := parseMeta(read(0, boltPageHeader+boltMetaSize))
	var m1 boltMeta
	if m0.valid {
		m1 = parseMeta(read(int64(m0.pageSize), boltPageHeader+boltMetaSize))
	} else {
		// Page 0 is unreadable: find page 1 as bbolt does, by trying each page size.
		for ps := int64(1024); ps <= 1<<24 && ps < size; ps <<= 1 {
			if m1 = parseMeta(read(ps, boltPageHeader+boltMetaSize)); m1.valid && int64(m1.pageSize) == ps {
				break
			}
			m1 = boltMeta{}
		}
	}
	if !m0.valid && !m1.valid {
		if m0.magic != boltMagic && m1.magic != boltMagic {
			return notKontor(path)
		}
		return damaged(path, "err.db.damaged.meta", "both of its header pages are damaged", nil)
	}
	m := m0
	if !m0.valid || m1.valid && m1.txid > m0.txid {
		m = m1
	}
	ps := int64(m.pageSize)
	if need := int64(m.pgid) * ps; m.pgid < 2 || need/ps != int64(m.pgid) || size < need {
		return damaged(path, "err.db.damaged.short", "the file is shorter than its contents: {{.want}} bytes expected, {{.size}} found (a partial copy, or the disk was full)",
			map[string]any{"want": int64(m.pgid) * ps, "size": size})
	}
	pageIs := func(id uint64, flags ...uint16) bool {
		h := read(int64(id)*ps, boltPageHeader)
		if len(h) < boltPageHeader || binary.NativeEndian.Uint64(h) != id {
			return false
		}
		got := binary.NativeEndian.Uint16(h[8:])
		for _, f := range flags {
			if got == f {
				return true
			}
		}
		return false
	}
	if m.root < 2 || m.root >= m.pgid || !pageIs(m.root, boltBranchPage, boltLeafPage) {
		return damaged(path, "err.db.damaged.root", "its root page is damaged", nil)
	}
	if m.freelist != boltNoFreelist && (m.freelist < 2 || m.freelist >= m.pgid || !pageIs(m.freelist, boltFreelistPage)) {
		return damaged(path, "err.db.damaged.freelist", "its list of free pages is damaged", nil)
	}
	return nil
}

// damaged is the error of a file Kontor must not work on; the reason is one
// of the err.db.damaged.* labels.
func damaged(path, key, reason string, args map[string]any) *app.Error {
	return &app.Error{Code: app.EDAMAGED, Key: "err.db.damaged", Msg: "{{.path}} is damaged: {{.reason}}. Restore it from a backup (kontor restore --from FILE).",
		Args: map[string]any{"path": path, "reason": app.Label{Key: key, Fallback: reason, Args: args}}}
}

// faultGuard turns a read of a damaged page into an EDAMAGED error instead of
// a crash. bbolt panics on pages that make no sense, and a read past the end
// of a mapped file faults; with SetPanicOnFault the fault becomes a panic too
// (it is set per goroutine, for the duration of one transaction). Panics of
// Kontor's own code are not the file's fault and go on panicking. Deferred
// as `defer faultGuard(path, &err)()`.
func faultGuard(path string, err *error) func() {
	old := debug.SetPanicOnFault(true)
	return func() {
		debug.SetPanicOnFault(old)
		r := recover()
		if r == nil {
			return
		}
		if _, fault := r.(interface{ Addr() uintptr }); !fault && !panickedInBolt() {
			panic(r)
		}
		log.Printf("kontor: reading %s: %v\n%s", path, r, debug.Stack())
		*err = damaged(path, "err.db.damaged.page", "a page of it cannot be read ({{.err}})", map[string]any{"err": panicText(r)})
	}
}

// panickedInBolt reports whether the panic being recovered started in bbolt:
// the first frame below the runtime's panic machinery is bbolt's.
func panickedInBolt() bool {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(3, pcs) // from the recovering closure's caller: the runtime
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !strings.HasPrefix(f.Function, "runtime.") {
			return strings.HasPrefix(f.Function, "go.etcd.io/bbolt")
		}
		if !more {
			return false
		}
	}
}

func panicText(r any) string {
	if e, ok := r.(error); ok {
		return e.Error()
	}
	if s, ok := r.(string); ok {
		return s
	}
	return "unknown"
}

// verifyPages runs bbolt's own consistency check (every page reachable once,
// keys in order) in a read transaction of db.
func verifyPages(db *bolt.DB, path string) (err error) {
	defer faultGuard(path, &err)()
	return db.View(func(tx *bolt.Tx) error {
		var first error
		for cerr := range tx.Check() { // drained to the end: the checker is a goroutine
			if first == nil {
				first = damaged(path, "err.db.damaged.pages", "{{.err}}", map[string]any{"err": cerr.Error()})
			}
		}
		return first
	})
}

// openChecked is openBolt after checkFile: the one way a file is opened.
func openChecked(path string, timeout time.Duration, readOnly bool) (db *bolt.DB, err error) {
	if err := checkFile(path); err != nil {
		return nil, err
	}
	// Opening a write handle reads the freelist; a bad page there must not
	// crash either.
	defer faultGuard(path, &err)()
	return openBolt(path, timeout, readOnly)
}
