package data

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TestBulkWritesHandBackMappedPages writes ~40 MB in many transactions of a
// NoSync store while readers read what was written, so the mapping is
// trimmed (and remapped as the file grows) under them; every value then
// reads back as written.
func TestBulkWritesHandBackMappedPages(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "bulk.db"), Options{NoSync: true, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bucket := []byte("bulk-test")
	value := func(tx, k int) []byte {
		return bytes.Repeat([]byte(fmt.Sprintf("%05d-%02d|", tx, k)), 4096/9)
	}
	const txs, perTx = 400, 24
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for r := 0; r < 2; r++ {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if err := s.view("reading", func(tx *bolt.Tx) error {
					if b := tx.Bucket(bucket); b != nil {
						c := b.Cursor()
						for k, v := c.First(); k != nil; k, v = c.Next() {
							_ = v[len(v)-1]
						}
					}
					return nil
				}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	for i := 0; i < txs; i++ {
		err := s.update("writing", func(tx *bolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists(bucket)
			if err != nil {
				return err
			}
			for k := 0; k < perTx; k++ {
				if err := b.Put([]byte(fmt.Sprintf("%05d-%02d", i, k)), value(i, k)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	readers.Wait()
	if s.trimCount() == 0 {
		t.Fatalf("%d transactions and no trim of the mapping", txs)
	}
	err = s.view("checking", func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		for i := 0; i < txs; i++ {
			for k := 0; k < perTx; k++ {
				if got := b.Get([]byte(fmt.Sprintf("%05d-%02d", i, k))); !bytes.Equal(got, value(i, k)) {
					return fmt.Errorf("value %d-%d reads back wrong (%d bytes)", i, k, len(got))
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSyncedStoreKeepsItsMapping: the desktop's store (synced) never trims,
// and a bulk store's trimmer stops at Close.
func TestSyncedStoreKeepsItsMapping(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "synced.db"), Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	time.Sleep(4 * trimEvery)
	if n := s.trimCount(); n != 0 {
		t.Fatalf("a synced store trimmed its mapping %d times", n)
	}
	bulk, err := Open(filepath.Join(t.TempDir(), "bulk.db"), Options{NoSync: true, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := bulk.Close(); err != nil {
		t.Fatal(err)
	}
	if bulk.trim.stop != nil {
		t.Fatal("the trimmer runs on after Close")
	}
}
