package data

import (
	"sync"

	bolt "go.etcd.io/bbolt"
)

// A bulk write (Options.NoSync: the demo at --scale, a benchmark's store)
// reads its way through a file of gigabytes. bbolt reads through a shared,
// read-only mapping of the file, so every page a transaction has read stays
// mapped into the process and counts as its memory — at --scale 200 the
// process held 1.35 GB, nearly all of it file pages, though the Go heap
// stayed near 30 MB. Every trimEvery bytes of growth or trimTxs
// transactions, trimMapped hands those pages back (the kernel keeps them
// in its file cache, and the next read maps them again), so memory stays
// flat however large the file grows.
const (
	trimEvery = 64 << 20
	trimTxs   = 4
)

// mappedTrim counts the transactions and the file's growth since the last
// trim.
type mappedTrim struct {
	mu    sync.Mutex
	size  int64
	txs   int
	trims int // how many times the pages were handed back
}

// trimming wraps a transaction's function so that, in bulk mode, it first
// trims the mapping now and then; otherwise it returns fn as it is.
func (s *Store) trimming(fn func(tx *bolt.Tx) error) func(tx *bolt.Tx) error {
	if !s.opts.NoSync {
		return fn
	}
	return func(tx *bolt.Tx) error {
		s.trimMapped(tx)
		return fn(tx)
	}
}

// trimMapped runs at the start of a transaction, where the mapping cannot
// move: bbolt remaps the file only in a write transaction's own commit, and
// only once no read transaction is open. So the address Info reports is the
// mapping in place while the pages are released.
func (s *Store) trimMapped(tx *bolt.Tx) {
	t := &s.trim
	size := tx.Size()
	t.mu.Lock()
	defer t.mu.Unlock()
	t.txs++
	if size-t.size < trimEvery && t.txs < trimTxs {
		return
	}
	t.size, t.txs = size, 0
	t.trims++
	releaseMapped(s.db.Info().Data, size)
}
