package data

import (
	"bytes"
	"encoding/binary"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// The payments of each sales document (schema 17): doc_payments lists a
// document's payments under its ID, and each key's value is what an aging
// as of a past day needs of the payment — its day, its amount in the
// document's currency and its Base in crowns as stored (zero on payments
// recorded before schema 6; app works out what they posted) — so that
// taking the later payments back out (app.RewindSale) decodes no payment.
// payer.store writes the key and value in the transaction that stores the
// payment; the schema-17 migration rebuilds them from the payments and
// check proves them (docPayLists).

// docPayValueLen is the length of a doc_payments value: the day key (8 B),
// the amount and the base (8 B each, big-endian two's complement).
const docPayValueLen = 24

// docPayKV is payment p's entry in doc_payments.
func docPayKV(p app.Payment) indexKV {
	v := make([]byte, 0, docPayValueLen)
	v = append(v, p.Date.Key()...)
	v = binary.BigEndian.AppendUint64(v, uint64(p.Amount.Amount))
	v = binary.BigEndian.AppendUint64(v, uint64(p.Base))
	return indexKV{bDocPays, cat([]byte(p.DocID), sep, []byte(p.ID)), v}
}

// parseDocPay reads a doc_payments value back into the payment's day,
// amount (in no currency: RewindSale needs the number) and base; ok is
// false for a value of another length, such as the empty one an older
// Kontor wrote.
func parseDocPay(v []byte) (day []byte, p app.Payment, ok bool) {
	if len(v) != docPayValueLen {
		return nil, p, false
	}
	day = v[:8]
	p.Date = parseDayKey(day)
	p.Amount.Amount = int64(binary.BigEndian.Uint64(v[8:]))
	p.Base = int64(binary.BigEndian.Uint64(v[16:]))
	return day, p, true
}

// paymentsAfter returns the payments of document docID dated after the day
// whose key is after (app.Date.Key), read from doc_payments' values with
// cursor c (one cursor serves every document of a read): each with its ID,
// document, day, amount and base, all RewindSale reads. A value that cannot
// be read (check reports it) is read from its payment in payments instead.
func paymentsAfter(c *bolt.Cursor, payments *bolt.Bucket, docID, after []byte) ([]app.Payment, error) {
	var out []app.Payment
	prefix := cat(docID, sep)
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		id := k[len(prefix):]
		day, p, ok := parseDocPay(v)
		if !ok {
			if err := decode(payments.Get(id), &p); err != nil {
				return nil, err
			}
			day = []byte(p.Date.Key())
		}
		if bytes.Compare(day, after) > 0 {
			p.ID, p.DocID = string(id), string(docID)
			out = append(out, p)
		}
	}
	return out, nil
}

// docPayLists is doc_payments and the payments it lists.
var docPayLists = indexFamily{
	indexes: [][]byte{bDocPays},
	sources: []indexSource{{bPayments, func(raw []byte) ([]indexKV, error) {
		var p app.Payment
		if err := decode(raw, &p); err != nil {
			return nil, err
		}
		return []indexKV{docPayKV(p)}, nil
	}}},
	msgs: indexMessages{
		unreadable: [2]string{"check.payment_unreadable", "payment {{.id}} cannot be read"},
		missing:    [2]string{"check.doc_payment_index", "payment {{.id}} is missing from {{.index}}"},
		wrong:      [2]string{"check.doc_payment_index_value", "payment {{.id}} is listed wrongly in {{.index}}"},
		extra:      [2]string{"check.doc_payment_index_extra", "{{.index}} lists payments that do not exist or have changed ({{.n}})"},
	},
}

// indexDocPayments (16 → 17): the days and amounts of the payments in
// doc_payments, built afresh from the payments (running it again rebuilds
// them).
func indexDocPayments(tx *bolt.Tx) error { return docPayLists.rebuild(tx) }

// checkDocPayments proves doc_payments holds exactly the keys and values
// the payments give.
func checkDocPayments(tx *bolt.Tx, add addFn) { docPayLists.check(tx, add) }
