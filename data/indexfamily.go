package data

import (
	"bytes"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// An indexFamily is a set of index buckets built from the records of some
// source buckets: the lists of sales documents, the reception's lists. One
// description serves the migration that builds them (rebuild) and the
// check that proves them (check), so the two cannot drift apart.
type indexFamily struct {
	indexes [][]byte
	sources []indexSource
	msgs    indexMessages
}

// indexMessages are check's findings about a family, each a translation
// key and its English text ({{.id}}, {{.bucket}}, {{.index}}, {{.n}}).
type indexMessages struct {
	unreadable, missing, wrong, extra [2]string
}

// indexSource is a bucket of records and the index entries one record gives.
type indexSource struct {
	bucket []byte
	keys   func(raw []byte) ([]indexKV, error)
}

// rebuild drops the family's indexes and builds them afresh from the
// records, each index's keys put in order (bbolt appends sorted puts
// cheaply and fills its pages). Running it again gives the same indexes.
func (f indexFamily) rebuild(tx *bolt.Tx) error {
	for _, name := range f.indexes {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
	}
	if err := createBuckets(tx, f.indexes...); err != nil {
		return err
	}
	keys := map[string][][2][]byte{}
	for _, src := range f.sources {
		if err := tx.Bucket(src.bucket).ForEach(func(_, raw []byte) error {
			kvs, err := src.keys(raw)
			if err != nil {
				return err
			}
			for _, kv := range kvs {
				keys[string(kv.bucket)] = append(keys[string(kv.bucket)], [2][]byte{kv.key, kv.value})
			}
			return nil
		}); err != nil {
			return err
		}
	}
	for _, name := range f.indexes {
		kvs := keys[string(name)]
		sortKVs(kvs)
		b := tx.Bucket(name)
		for _, kv := range kvs {
			if err := b.Put(kv[0], kv[1]); err != nil {
				return err
			}
		}
	}
	return nil
}

// check proves the family's indexes hold exactly the keys and values their
// records give: a record that cannot be read, an entry missing, one with
// the wrong value and entries no record gives are each reported.
func (f indexFamily) check(tx *bolt.Tx, add addFn) {
	want := map[string]map[string][]byte{}
	for _, name := range f.indexes {
		want[string(name)] = map[string][]byte{}
	}
	for _, src := range f.sources {
		_ = tx.Bucket(src.bucket).ForEach(func(k, raw []byte) error {
			kvs, err := src.keys(raw)
			if err != nil {
				add(f.msgs.unreadable[0], f.msgs.unreadable[1], map[string]any{"id": string(k), "bucket": string(src.bucket)})
				return nil
			}
			for _, kv := range kvs {
				want[string(kv.bucket)][string(kv.key)] = kv.value
			}
			return nil
		})
	}
	for _, name := range f.indexes {
		b, w := tx.Bucket(name), want[string(name)]
		extra := 0
		_ = b.ForEach(func(k, v []byte) error {
			exp, ok := w[string(k)]
			switch {
			case !ok:
				extra++
			case !bytes.Equal(exp, v):
				add(f.msgs.wrong[0], f.msgs.wrong[1], map[string]any{"id": string(lastPart(k)), "index": string(name)})
			}
			delete(w, string(k))
			return nil
		})
		for k := range w {
			add(f.msgs.missing[0], f.msgs.missing[1], map[string]any{"id": string(lastPart([]byte(k))), "index": string(name)})
		}
		if extra > 0 {
			add(f.msgs.extra[0], f.msgs.extra[1], map[string]any{"index": string(name), "n": extra})
		}
	}
}

// sortKVs sorts key/value pairs by key.
func sortKVs(kvs [][2][]byte) {
	slices.SortFunc(kvs, func(a, b [2][]byte) int { return bytes.Compare(a[0], b[0]) })
}
