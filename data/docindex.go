package data

import (
	"bytes"
	"encoding/binary"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// The lists of sales documents (schema 13): by day, newest first (the day
// the list files a document under, app.DocRow.Day, then its number), by
// stored status, the open ones (app.DocRow.Open), and each document's list
// row (app.DocRow), so a list page filters on small keys and values and
// decodes only the rows it shows, never a whole document. putDoc keeps them
// (reindex), in the transaction that stores the document.

// docDateKey is a document's key in the list by day: day key (YYYYMMDD),
// number, 0, ID. Read backwards it gives the newest day first and, within
// a day, the highest number first; drafts (no number) come after a day's
// numbered documents.
func docDateKey(r *app.DocRow) []byte {
	return cat([]byte(r.Day().Key()), []byte(r.Number), sep, []byte(r.ID))
}

// docHead is what the list by day keeps of a document, so a list filters
// and counts without reading its row: paid, credited and total (3×8 B), the
// due date's key (8 B), then the kind, the stored status and the customer
// ID (each a length byte and the bytes), then the folded search text
// (app.DocRow.Fold) to the end.
func docHead(r *app.DocRow) []byte {
	fold := r.Fold
	if fold == "" {
		fold = app.DocSearchText(r.Number, r.Customer, r.ICO)
	}
	b := make([]byte, 0, 32+3+len(r.Kind)+len(r.Status)+len(r.CustomerID)+len(fold))
	b = binary.BigEndian.AppendUint64(b, uint64(r.Total))
	b = binary.BigEndian.AppendUint64(b, uint64(r.Credited))
	b = binary.BigEndian.AppendUint64(b, uint64(r.Paid))
	b = append(b, r.DueDate.Key()...)
	for _, s := range []string{string(r.Kind), string(r.Status), r.CustomerID} {
		b = append(b, byte(min(len(s), 255)))
		b = append(b, s[:min(len(s), 255)]...)
	}
	return append(b, fold...)
}

// head is a parsed docHead (slices valid during the transaction).
type head struct {
	total, credited, paid int64
	due                   []byte
	kind, status, cust    []byte
	fold                  []byte
}

func parseHead(v []byte) (head, bool) {
	if len(v) < 32 {
		return head{}, false
	}
	h := head{total: int64(binary.BigEndian.Uint64(v)), credited: int64(binary.BigEndian.Uint64(v[8:])),
		paid: int64(binary.BigEndian.Uint64(v[16:])), due: v[24:32]}
	rest := v[32:]
	for _, p := range []*[]byte{&h.kind, &h.status, &h.cust} {
		if len(rest) < 1 || len(rest) < 1+int(rest[0]) {
			return head{}, false
		}
		*p, rest = rest[1:1+int(rest[0])], rest[1+int(rest[0]):]
	}
	h.fold = rest
	return h, true
}

// docRowValue is a document's value in the rows bucket: the length of its
// key in the list by day (2 B), that key, then the row (encodeDocRow).
func docRowValue(dateKey []byte, r *app.DocRow) ([]byte, error) {
	raw, err := encodeDocRow(r)
	if err != nil {
		return nil, err
	}
	return cat(u16(len(dateKey)), dateKey, raw), nil
}

// splitRowValue returns a rows-bucket value's date key and encoded row.
func splitRowValue(v []byte) (dateKey, raw []byte, ok bool) {
	if len(v) < 2 {
		return nil, nil, false
	}
	n := int(binary.BigEndian.Uint16(v))
	if len(v) < 2+n {
		return nil, nil, false
	}
	return v[2 : 2+n], v[2+n:], true
}

// docIndexKeys are the keys of a document in the lists.
func docIndexKeys(d app.SalesDoc) ([]indexKV, error) {
	r := app.RowOf(d)
	dk := docDateKey(&r)
	rv, err := docRowValue(dk, &r)
	if err != nil {
		return nil, err
	}
	h := docHead(&r)
	out := []indexKV{
		{bDocDates, dk, h},
		{bDocRowIdx, []byte(r.ID), rv},
		{bDocStatus, cat([]byte(r.Status), sep, dk), h},
	}
	if r.Open() {
		out = append(out, indexKV{bDocOpen, dk, h})
	}
	return out, nil
}

// oldDocKeys are the keys the lists hold for the stored document id (none
// for a new one), found from its row's date key without decoding anything.
func oldDocKeys(tx *bolt.Tx, id string) []indexKV {
	dk, _, ok := splitRowValue(tx.Bucket(bDocRowIdx).Get([]byte(id)))
	if !ok {
		return nil
	}
	dk = bytes.Clone(dk)
	out := []indexKV{{bDocDates, dk, nil}, {bDocRowIdx, []byte(id), nil}, {bDocOpen, dk, nil}}
	if h, ok := parseHead(tx.Bucket(bDocDates).Get(dk)); ok {
		out = append(out, indexKV{bDocStatus, cat(h.status, sep, dk), nil})
	}
	return out
}

// indexDoc replaces document d's keys in the lists by its new ones.
func indexDoc(tx *bolt.Tx, d app.SalesDoc) error {
	kvs, err := docIndexKeys(d)
	if err != nil {
		return err
	}
	return reindex(tx, oldDocKeys(tx, d.ID), kvs)
}

// unindexDoc removes document id from the lists.
func unindexDoc(tx *bolt.Tx, id string) error { return reindex(tx, oldDocKeys(tx, id), nil) }

// docRow reads a document's list row.
func docRow(tx *bolt.Tx, id []byte) (app.DocRow, error) {
	var r app.DocRow
	_, raw, ok := splitRowValue(tx.Bucket(bDocRowIdx).Get(id))
	if !ok {
		return r, app.Errorf(app.ENOTFOUND, "err.doc.not_found", "the document does not exist", nil)
	}
	return r, decodeDocRow(raw, &r)
}

// docMatcher tests list-by-day entries against a filter without decoding:
// the period on the key's day, the search on the head's folded text, and
// the kind, customer and status through app's rule (DocFilter.RowMatcher)
// on a row made of the head (kinds, statuses and customers interned, so a
// scan of thousands of entries allocates next to nothing).
type docMatcher struct {
	from, to []byte
	words    [][]byte
	rest     func(*app.DocRow) bool // nil: nothing more to test
	status   bool                   // rest needs the figures and due date
	row      app.DocRow
	kinds    map[string]app.DocKind
	statuses map[string]app.DocStatus
	custs    map[string]string
}

func newDocMatcher(f app.DocFilter, today app.Date) *docMatcher {
	m := &docMatcher{kinds: map[string]app.DocKind{}, statuses: map[string]app.DocStatus{}, custs: map[string]string{}}
	if !f.From.IsZero() {
		m.from = []byte(f.From.Key())
	}
	if !f.To.IsZero() {
		m.to = []byte(f.To.Key())
	}
	for _, w := range f.Words() {
		m.words = append(m.words, []byte(w))
	}
	if f.Kind != "" || f.Customer != "" || f.Status != "" {
		rest := f
		rest.Search, rest.From, rest.To = "", app.Date{}, app.Date{}
		m.rest = rest.RowMatcher(today)
		m.status = f.Status != ""
	}
	return m
}

func (m *docMatcher) match(dateKey, v []byte) bool {
	if len(dateKey) < 8 {
		return false
	}
	day := dateKey[:8]
	if m.from != nil && bytes.Compare(day, m.from) < 0 || m.to != nil && bytes.Compare(day, m.to) > 0 {
		return false
	}
	h, ok := parseHead(v)
	if !ok {
		return false
	}
	for _, w := range m.words {
		if !bytes.Contains(h.fold, w) {
			return false
		}
	}
	if m.rest == nil {
		return true
	}
	r := &m.row
	r.Kind = intern(m.kinds, h.kind, func(s string) app.DocKind { return app.DocKind(s) })
	r.Status = intern(m.statuses, h.status, func(s string) app.DocStatus { return app.DocStatus(s) })
	r.CustomerID = intern(m.custs, h.cust, func(s string) string { return s })
	if m.status {
		r.Total, r.Credited, r.Paid, r.DueDate = h.total, h.credited, h.paid, parseDayKey(h.due)
	}
	return m.rest(r)
}

func intern[T ~string](m map[string]T, b []byte, of func(string) T) T {
	if v, ok := m[string(b)]; ok {
		return v
	}
	v := of(string(b))
	m[string(v)] = v
	return v
}

// parseDayKey is the date of a Date.Key ("00000000": the zero date).
func parseDayKey(k []byte) app.Date {
	if len(k) != 8 {
		return app.Date{}
	}
	n := func(b []byte) int {
		v := 0
		for _, c := range b {
			v = v*10 + int(c-'0')
		}
		return v
	}
	d, err := app.NewDate(n(k[:4]), time.Month(n(k[4:6])), n(k[6:]))
	if err != nil {
		return app.Date{}
	}
	return d
}

// derivedStatuses are the statuses an issued invoice shows (app.DocRow.
// StatusOn); any other status is the stored one.
var derivedStatuses = map[app.DocStatus]bool{app.StatusIssued: true, app.StatusPaid: true, app.StatusCredited: true,
	app.StatusOverdue: true, app.StatusPartlyPaid: true}

// listDocs finds the documents f matches on day today, newest first: it
// returns the date keys of those in [offset, offset+limit) (limit 0: all)
// and counts every match. It reads the narrowest list the filter allows:
// the customer's documents, the open ones (overdue, partly paid), those of
// a stored status, else the list by day from the filter's last day back to
// its first.
func listDocs(tx *bolt.Tx, f app.DocFilter, today app.Date, offset, limit int) ([][]byte, int) {
	m := newDocMatcher(f, today)
	dates := tx.Bucket(bDocDates)
	var page [][]byte
	n := 0
	visit := func(dk, v []byte) {
		if !m.match(dk, v) {
			return
		}
		if n >= offset && (limit <= 0 || len(page) < limit) {
			page = append(page, dk)
		}
		n++
	}
	switch {
	case f.Customer != "":
		var dks [][]byte
		prefix := cat([]byte(f.Customer), sep)
		rows := tx.Bucket(bDocRowIdx)
		c := tx.Bucket(bDocCust).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			if dk, _, ok := splitRowValue(rows.Get(k[len(prefix):])); ok {
				dks = append(dks, dk)
			}
		}
		slices.SortFunc(dks, func(a, b []byte) int { return bytes.Compare(b, a) })
		for _, dk := range dks {
			visit(dk, dates.Get(dk))
		}
	case f.Status == app.StatusOverdue || f.Status == app.StatusPartlyPaid:
		c := tx.Bucket(bDocOpen).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			visit(k, v)
		}
	case f.Status != "" && !derivedStatuses[f.Status]:
		prefix := cat([]byte(f.Status), sep)
		c := tx.Bucket(bDocStatus).Cursor()
		k, v := c.Seek(cat(prefix, []byte{0xff}))
		if k == nil {
			k, v = c.Last()
		} else {
			k, v = c.Prev()
		}
		for ; k != nil && bytes.HasPrefix(k, prefix); k, v = c.Prev() {
			visit(k[len(prefix):], v)
		}
	default:
		c := dates.Cursor()
		var k, v []byte
		if m.to != nil {
			// Start after the last key of the To day.
			if k, v = c.Seek(cat(m.to, []byte{0xff})); k == nil {
				k, v = c.Last()
			} else {
				k, v = c.Prev()
			}
		} else {
			k, v = c.Last()
		}
		for ; k != nil; k, v = c.Prev() {
			if m.from != nil && len(k) >= 8 && bytes.Compare(k[:8], m.from) < 0 {
				break
			}
			visit(k, v)
		}
	}
	return page, n
}

// docIndexes are the lists of sales documents.
var docIndexes = [][]byte{bDocDates, bDocRowIdx, bDocStatus, bDocOpen}

// docLists are the lists of sales documents and the documents they list.
var docLists = indexFamily{
	indexes: docIndexes,
	sources: []indexSource{{bDocs, func(raw []byte) ([]indexKV, error) {
		var d app.SalesDoc
		if err := decode(raw, &d); err != nil {
			return nil, err
		}
		return docIndexKeys(d)
	}}},
	msgs: indexMessages{
		unreadable: [2]string{"check.doc_unreadable", "sales document {{.id}} cannot be read"},
		missing:    [2]string{"check.doc_index", "sales document {{.id}} is missing from {{.index}}"},
		wrong:      [2]string{"check.doc_index_value", "sales document {{.id}} is listed wrongly in {{.index}}"},
		extra:      [2]string{"check.doc_index_extra", "{{.index}} lists sales documents that do not exist or have changed ({{.n}})"},
	},
}

// indexDocs (12 → 13): the lists of sales documents, built afresh from the
// documents (running it again rebuilds them), keys put in order.
func indexDocs(tx *bolt.Tx) error { return docLists.rebuild(tx) }

// checkDocIndexes proves the lists of sales documents hold exactly the keys
// and values their documents give.
func checkDocIndexes(tx *bolt.Tx, add addFn) { docLists.check(tx, add) }
