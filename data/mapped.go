package data

import (
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A bulk write (Options.NoSync: the demo at --scale, a benchmark's store)
// reads its way through a file of gigabytes. bbolt reads through a shared,
// read-only mapping of the file, so every page a transaction has read — and,
// through the kernel's fault-around, up to 15 of its neighbours already in
// the page cache — stays mapped into the process and counts as its memory:
// at --scale 100 the process held 340 MB, 235 MB of it file pages, and a
// single listing of documents added 90 MB. So a bulk store hands those
// pages back every trimEvery (the kernel keeps them in its file cache, the
// next read maps them again), and memory stays flat however large the file
// grows.
const trimEvery = 50 * time.Millisecond

// trimmer runs trimMapped every trimEvery until stop.
type trimmer struct {
	stop  chan struct{}
	done  sync.WaitGroup
	mu    sync.Mutex
	trims int // how many times the pages were handed back
}

// startTrimming starts the trimmer of a bulk store.
func (s *Store) startTrimming() {
	s.trim.stop = make(chan struct{})
	s.trim.done.Add(1)
	go func() {
		defer s.trim.done.Done()
		t := time.NewTicker(trimEvery)
		defer t.Stop()
		for {
			select {
			case <-s.trim.stop:
				return
			case <-t.C:
				s.trimMapped()
			}
		}
	}()
}

// stopTrimming stops the trimmer (before the file is unmapped).
func (s *Store) stopTrimming() {
	if s.trim.stop != nil {
		close(s.trim.stop)
		s.trim.done.Wait()
		s.trim.stop = nil
	}
}

// trimMapped releases the mapping's pages inside a read transaction: bbolt
// remaps the file only once no read transaction is open, so the address
// Info reports is the mapping in place while the pages are released, and
// what other transactions read meanwhile is faulted back in from the cache.
func (s *Store) trimMapped() {
	_ = s.db.View(func(tx *bolt.Tx) error {
		releaseMapped(s.db.Info().Data, tx.Size())
		return nil
	})
	s.trim.mu.Lock()
	s.trim.trims++
	s.trim.mu.Unlock()
}

// trimCount is how many times the pages were handed back.
func (s *Store) trimCount() int {
	s.trim.mu.Lock()
	defer s.trim.mu.Unlock()
	return s.trim.trims
}
