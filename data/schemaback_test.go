package data

import bolt "go.etcd.io/bbolt"

// setSchema makes the file look as schema v wrote it, as far as the steps
// after v only add buckets: it drops the change log (schema 11), the
// reception's lists (schema 12) and the lists of sales documents (schema
// 13) when v is older, empties the values of doc_payments (schema 17) and
// sets the schema. Tests write records "as an older Kontor did" before
// calling it.
func setSchema(tx *bolt.Tx, v int) error {
	var drop [][]byte
	if v < 11 {
		drop = append(drop, bChanges, bChangeHeads, bChangePending)
	}
	if v < 12 {
		drop = append(drop, receptionIndexes...)
	}
	if v < 13 {
		drop = append(drop, docIndexes...)
	}
	if v < 15 {
		drop = append(drop, payrollBuckets...)
	}
	if v < 16 {
		drop = append(drop, aftersalesBuckets...)
	}
	if v < 17 {
		if err := emptyValues(tx, bDocPays); err != nil {
			return err
		}
	}
	for _, b := range drop {
		if tx.Bucket(b) != nil {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
	}
	return tx.Bucket(bMeta).Put(kSchema, u64(uint64(v)))
}

// emptyValues sets every value of bucket name to the empty one.
func emptyValues(tx *bolt.Tx, name []byte) error {
	b := tx.Bucket(name)
	if b == nil {
		return nil
	}
	var keys [][]byte
	_ = b.ForEach(func(k, _ []byte) error { keys = append(keys, append([]byte(nil), k...)); return nil })
	for _, k := range keys {
		if err := b.Put(k, nil); err != nil {
			return err
		}
	}
	return nil
}
