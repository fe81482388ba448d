package data

import (
	"bytes"
	"context"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// journalScan reads journal lines in date order through one of the two indexes:
// jidx_date (one key per entry, value = its line count) when no account is
// chosen, jidx_acct (one key per line) when one is. Whole months are skipped
// and counted from the running totals, so paging deep into a million lines
// reads only the month it lands in.
type journalScan struct {
	tx       *bolt.Tx
	f        app.JournalFilter
	fromKey  []byte // inclusive date key, "" for open
	toKey    []byte // inclusive date key, "99999999" for open
	prefix   []byte // index key prefix: "" or code 0
	idx      *bolt.Bucket
	lastSeq  []byte
	lastEnty app.Entry
}

func newJournalScan(tx *bolt.Tx, f app.JournalFilter) *journalScan {
	j := &journalScan{tx: tx, f: f, fromKey: []byte{}, toKey: []byte("99999999")}
	if !f.From.IsZero() {
		j.fromKey = []byte(f.From.Key())
	}
	if !f.To.IsZero() {
		j.toKey = []byte(f.To.Key())
	}
	j.idx = tx.Bucket(bJDate)
	if f.Account != "" {
		j.idx = tx.Bucket(bJAcct)
		j.prefix = cat([]byte(f.Account), sep)
	}
	return j
}

// monthRows is the number of rows of one month within the filter.
type monthRows struct {
	month app.Month
	rows  int64
}

// months lists the months that have lines, with their row counts: from the
// totals for months wholly inside the filter, by scanning for the edge months.
func (j *journalScan) months() []monthRows {
	var out []monthRows
	add := func(mk []byte, total int64) {
		m, err := app.ParseMonth(string(mk[:4]) + "-" + string(mk[4:6]))
		if err != nil {
			return
		}
		first, last := []byte(m.First().Key()), []byte(m.Last().Key())
		if bytes.Compare(last, j.fromKey) < 0 || bytes.Compare(first, j.toKey) > 0 {
			return
		}
		if bytes.Compare(first, j.fromKey) < 0 || bytes.Compare(last, j.toKey) > 0 {
			total = 0
			lo, hi := maxKey(first, j.fromKey), minKey(last, j.toKey)
			j.scan(lo, hi, func(_, v []byte) bool { total += j.rowsOf(v); return true })
		}
		if total > 0 {
			out = append(out, monthRows{m, total})
		}
	}
	if j.f.Account != "" {
		c := j.tx.Bucket(bBalances).Cursor()
		for k, v := c.Seek(j.prefix); k != nil && bytes.HasPrefix(k, j.prefix); k, v = c.Next() {
			add(k[len(j.prefix):], readI64(v, 2))
		}
	} else {
		_ = j.tx.Bucket(bMonthStat).ForEach(func(k, v []byte) error { add(k, readI64(v, 0)); return nil })
	}
	return out
}

// rowsOf is how many journal lines one index key stands for.
func (j *journalScan) rowsOf(v []byte) int64 {
	if j.f.Account != "" {
		return 1
	}
	return int64(binary.BigEndian.Uint16(v))
}

// scan calls fn for index keys whose date lies in [lo, hi] until fn returns false.
func (j *journalScan) scan(lo, hi []byte, fn func(k, v []byte) bool) {
	c := j.idx.Cursor()
	for k, v := c.Seek(cat(j.prefix, lo)); k != nil && bytes.HasPrefix(k, j.prefix); k, v = c.Next() {
		if bytes.Compare(k[len(j.prefix):len(j.prefix)+8], hi) > 0 || !fn(k, v) {
			return
		}
	}
}

// entry decodes the entry with seq, remembering the last one (an account's
// lines of one entry come in a row).
func (j *journalScan) entry(seq []byte) (app.Entry, error) {
	if bytes.Equal(seq, j.lastSeq) {
		return j.lastEnty, nil
	}
	var e app.Entry
	if err := decode(j.tx.Bucket(bJournal).Get(seq), &e); err != nil {
		return e, err
	}
	j.lastSeq, j.lastEnty = append([]byte(nil), seq...), e
	return e, nil
}

func maxKey(a, b []byte) []byte {
	if bytes.Compare(a, b) > 0 {
		return a
	}
	return b
}

func minKey(a, b []byte) []byte {
	if bytes.Compare(a, b) < 0 {
		return a
	}
	return b
}

// JournalCount returns how many lines match the filter.
func (s *Store) JournalCount(ctx context.Context, f app.JournalFilter) (int, error) {
	if err := f.Validate(); err != nil {
		return 0, err
	}
	var n int64
	err := s.viewAs(ctx, app.PermLedgerRead, "counting journal lines", func(tx *bolt.Tx, _ app.User) error {
		for _, m := range newJournalScan(tx, f).months() {
			n += m.rows
		}
		return nil
	})
	return int(n), err
}

// JournalPage returns up to limit lines matching the filter, starting at offset,
// in date and posting order.
func (s *Store) JournalPage(ctx context.Context, f app.JournalFilter, offset, limit int) ([]app.JournalLine, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if offset < 0 || limit <= 0 {
		return nil, nil
	}
	var out []app.JournalLine
	err := s.viewAs(ctx, app.PermLedgerRead, "reading the journal", func(tx *bolt.Tx, _ app.User) error {
		j := newJournalScan(tx, f)
		skip := int64(offset)
		start := []byte(nil)
		for _, m := range j.months() {
			if skip >= m.rows {
				skip -= m.rows
				continue
			}
			start = maxKey([]byte(m.month.First().Key()), j.fromKey)
			break
		}
		if start == nil {
			return nil
		}
		var ferr error
		j.scan(start, j.toKey, func(k, v []byte) bool {
			rows := j.rowsOf(v)
			if skip >= rows {
				skip -= rows
				return true
			}
			p := len(j.prefix)
			e, err := j.entry(k[p+8 : p+16])
			if err != nil {
				ferr = err
				return false
			}
			first, last := int(skip), len(e.Lines)-1
			if f.Account != "" {
				first = int(binary.BigEndian.Uint16(k[p+16:]))
				last = first
			}
			skip = 0
			for i := first; i <= last && i < len(e.Lines) && len(out) < limit; i++ {
				out = append(out, app.JournalLine{EntryID: e.ID, Number: e.Number, Date: e.Date, Memo: e.Memo, Line: e.Lines[i]})
			}
			return len(out) < limit
		})
		return ferr
	})
	return out, err
}
