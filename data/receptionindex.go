package data

import (
	"bytes"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// The reception's lists (schema 12): each customer's visits, appointments
// and inquiries; appointments by start; inquiries by date with their open
// flag. Each record has a fixed set of keys (indexKeys); a write replaces
// the old version's keys by the new one's (reindex), in its transaction.

// indexKV is one key of a record in one list.
type indexKV struct {
	bucket, key, value []byte
}

// customerTimeKey is customer ID 0 time 0 record ID.
func customerTimeKey(customerID string, t time.Time, id string) []byte {
	return cat([]byte(customerID), sep, timeKey(t), sep, []byte(id))
}

func visitIndexKeys(v app.Visit) []indexKV {
	if v.CustomerID == "" {
		return nil
	}
	return []indexKV{{bVisitCust, customerTimeKey(v.CustomerID, v.In, v.ID), nil}}
}

func apptIndexKeys(a app.Appointment) []indexKV {
	out := []indexKV{{bApptDays, cat(timeKey(a.Start), sep, []byte(a.ID)), nil}}
	if a.CustomerID != "" {
		out = append(out, indexKV{bApptCust, customerTimeKey(a.CustomerID, a.Start, a.ID), nil})
	}
	return out
}

func inquiryIndexKeys(q app.Inquiry) []indexKV {
	open := []byte{0}
	if q.Status.Open() {
		open[0] = 1
	}
	out := []indexKV{{bInqDates, cat(timeKey(q.Created), sep, []byte(q.ID)), open}}
	if q.CustomerID != "" {
		out = append(out, indexKV{bInqCust, customerTimeKey(q.CustomerID, q.Created, q.ID), nil})
	}
	return out
}

// reindex replaces a record's old keys (none for a new record) by its new ones.
func reindex(tx *bolt.Tx, old, new []indexKV) error {
	for _, kv := range old {
		if err := tx.Bucket(kv.bucket).Delete(kv.key); err != nil {
			return err
		}
	}
	for _, kv := range new {
		if err := tx.Bucket(kv.bucket).Put(kv.key, kv.value); err != nil {
			return err
		}
	}
	return nil
}

// lastPart is what follows the last 0 of an index key: the record's ID.
func lastPart(k []byte) []byte { return k[bytes.LastIndexByte(k, 0)+1:] }

// customerIDs returns the IDs a customer's list holds, newest first.
func customerIDs(tx *bolt.Tx, bucket []byte, customerID string) [][]byte {
	var ids [][]byte
	prefix := cat([]byte(customerID), sep)
	c := tx.Bucket(bucket).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		ids = append(ids, lastPart(k))
	}
	for i, j := 0, len(ids)-1; i < j; i, j = i+1, j-1 {
		ids[i], ids[j] = ids[j], ids[i]
	}
	return ids
}

// customerVisits are the customer's visits, the latest first.
func customerVisits(tx *bolt.Tx, customerID string) ([]app.Visit, error) {
	var out []app.Visit
	for _, id := range customerIDs(tx, bVisitCust, customerID) {
		v, err := readVisit(tx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	// The key holds the second; the record, the exact time.
	sort.SliceStable(out, func(i, j int) bool { return out[i].In.After(out[j].In) })
	return out, nil
}

// customerAppointments are the customer's appointments that were not
// cancelled, the latest start first.
func customerAppointments(tx *bolt.Tx, customerID string) ([]app.Appointment, error) {
	var out []app.Appointment
	for _, id := range customerIDs(tx, bApptCust, customerID) {
		a, err := readAppt(tx, id)
		if err != nil {
			return nil, err
		}
		if !a.Cancelled {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.After(out[j].Start) })
	return out, nil
}

// customerInquiries are the customer's inquiries, the newest first.
func customerInquiries(tx *bolt.Tx, customerID string) ([]app.Inquiry, error) {
	var out []app.Inquiry
	for _, id := range customerIDs(tx, bInqCust, customerID) {
		q, err := readInquiry(tx, string(id))
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Created.After(out[j].Created) })
	return out, nil
}

// customerOpenInvoices are the customer's issued invoices with something
// left to pay, read through the customer's list of documents: only the open
// ones (the list of open documents) are read.
func customerOpenInvoices(tx *bolt.Tx, customerID string) ([]app.SalesDoc, error) {
	var out []app.SalesDoc
	prefix := cat([]byte(customerID), sep)
	rows, open := tx.Bucket(bDocRowIdx), tx.Bucket(bDocOpen)
	c := tx.Bucket(bDocCust).Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if dk, _, ok := splitRowValue(rows.Get(k[len(prefix):])); !ok || open.Get(dk) == nil {
			continue
		}
		d, err := readDoc(tx, string(k[len(prefix):]))
		if err != nil {
			return nil, err
		}
		if d.Kind == app.KindInvoice && d.Status == app.StatusIssued && d.Remaining() > 0 {
			out = append(out, d)
		}
	}
	return out, nil
}

// appointmentsBetween are the appointments that were not cancelled and start
// in [from, to), by start, read through the list by start.
func appointmentsBetween(tx *bolt.Tx, from, to time.Time) ([]app.Appointment, error) {
	var out []app.Appointment
	last := timeKey(to) // keys hold the second: read that second too, keep by the exact time
	c := tx.Bucket(bApptDays).Cursor()
	for k, _ := c.Seek(timeKey(from)); k != nil && bytes.Compare(k[:min(len(k), len(last))], last) <= 0; k, _ = c.Next() {
		a, err := readAppt(tx, lastPart(k))
		if err != nil {
			return nil, err
		}
		if !a.Cancelled && !a.Start.Before(from) && a.Start.Before(to) {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out, nil
}

// inquiriesNewestFirst lists inquiries by date, the newest first; open only if
// asked, skipping the closed ones by the list's flag without reading them.
func inquiriesNewestFirst(tx *bolt.Tx, openOnly bool) ([]app.Inquiry, error) {
	var out []app.Inquiry
	c := tx.Bucket(bInqDates).Cursor()
	for k, v := c.Last(); k != nil; k, v = c.Prev() {
		if openOnly && (len(v) != 1 || v[0] != 1) {
			continue
		}
		q, err := readInquiry(tx, string(lastPart(k)))
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Created.After(out[j].Created) })
	return out, nil
}

// receptionIndexes are the reception's lists.
var receptionIndexes = [][]byte{bVisitCust, bApptCust, bInqCust, bApptDays, bInqDates}

// receptionLists are the reception's lists and the records they list.
var receptionLists = indexFamily{
	indexes: receptionIndexes,
	sources: []indexSource{
		{bVisits, func(raw []byte) ([]indexKV, error) {
			var v app.Visit
			err := decode(raw, &v)
			return visitIndexKeys(v), err
		}},
		{bAppts, func(raw []byte) ([]indexKV, error) {
			var a app.Appointment
			err := decode(raw, &a)
			return apptIndexKeys(a), err
		}},
		{bInquiries, func(raw []byte) ([]indexKV, error) {
			var q app.Inquiry
			err := decode(raw, &q)
			return inquiryIndexKeys(q), err
		}},
	},
	msgs: indexMessages{
		unreadable: [2]string{"check.reception_unreadable", "record {{.id}} of {{.bucket}} cannot be read"},
		missing:    [2]string{"check.reception_index", "record {{.id}} is missing from {{.index}}"},
		wrong:      [2]string{"check.reception_index_value", "record {{.id}} is listed wrongly in {{.index}}"},
		extra:      [2]string{"check.reception_index_extra", "{{.index}} lists records that do not exist or have changed ({{.n}})"},
	},
}

// checkReception proves the reception's lists hold exactly the keys their
// records give.
func checkReception(tx *bolt.Tx, add addFn) { receptionLists.check(tx, add) }
