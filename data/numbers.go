package data

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// seriesFor returns the company's series with the code, or refuses a
// company that lacks it.
func seriesFor(c app.Company, code string) (app.Series, error) {
	series, ok := c.SeriesFor(code)
	if !ok {
		return series, app.Invalid("company.series", "err.series.missing", "series “{{.code}}” is missing", map[string]any{"code": code})
	}
	return series, nil
}

// assignNumber takes the next number of the series for year and records which
// document holds it. It runs in the caller's write transaction, so a rolled-back
// document leaves no gap: the counter rolls back with it.
func assignNumber(tx *bolt.Tx, s app.Series, year int, docID string) (string, error) {
	ck := cat([]byte(s.Code), sep, []byte(itoa(year)))
	counters := tx.Bucket(bCounters)
	var n uint64
	if v := counters.Get(ck); len(v) == 8 {
		n = binary.BigEndian.Uint64(v)
	}
	n++
	if err := counters.Put(ck, u64(n)); err != nil {
		return "", err
	}
	if err := tx.Bucket(bNumbers).Put(cat(ck, u64(n)), []byte(docID)); err != nil {
		return "", err
	}
	return s.Number(year, int(n)), nil
}
