package data

import (
	"encoding/binary"
	"time"

	"kontor/app"
)

// The list row of a document is kept in a small binary form: a list page
// and an aging decode thousands of rows, and JSON with its dates, rates and
// times costs ten times as much. Version byte 1, then the strings (length,
// bytes), the dates (y·10000 + m·100 + d, 0 for none), the amounts
// (varints) and the creation time (time.MarshalBinary, length first).

const docRowVersion = 1

func encodeDocRow(r *app.DocRow) ([]byte, error) {
	created, err := r.Created.MarshalBinary()
	if err != nil {
		return nil, app.Internal("encoding a list row", err)
	}
	b := make([]byte, 0, 160+len(r.Customer)+len(r.Fold))
	b = append(b, docRowVersion)
	for _, s := range []string{r.ID, string(r.Kind), string(r.Status), r.Number, r.CustomerID, r.Customer, r.ICO, r.Currency, r.OriginalID, r.Fold} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, d := range []app.Date{r.IssueDate, r.TaxDate, r.DueDate, r.ValidUntil} {
		b = binary.AppendUvarint(b, uint64(dateNumber(d)))
	}
	for _, v := range []int64{r.Rate.Micro(), r.Base, r.VAT, r.Total, r.TotalBase, r.Paid, r.Credited, r.PaidBase, r.CreditedBase} {
		b = binary.AppendVarint(b, v)
	}
	b = binary.AppendUvarint(b, uint64(len(created)))
	return append(b, created...), nil
}

func dateNumber(d app.Date) int {
	if d.IsZero() {
		return 0
	}
	return d.Year()*10000 + int(d.Month())*100 + d.Day()
}

func dateOfNumber(n uint64) app.Date {
	if n == 0 {
		return app.Date{}
	}
	d, err := app.NewDate(int(n/10000), time.Month(n/100%100), int(n%100))
	if err != nil {
		return app.Date{}
	}
	return d
}

// rowReader reads encodeDocRow's form; ok turns false at the first fault.
type rowReader struct {
	b  []byte
	ok bool
}

func (x *rowReader) uvarint() uint64 {
	v, n := binary.Uvarint(x.b)
	if n <= 0 {
		x.ok = false
		return 0
	}
	x.b = x.b[n:]
	return v
}

func (x *rowReader) varint() int64 {
	v, n := binary.Varint(x.b)
	if n <= 0 {
		x.ok = false
		return 0
	}
	x.b = x.b[n:]
	return v
}

func (x *rowReader) bytes() []byte {
	n := x.uvarint()
	if !x.ok || uint64(len(x.b)) < n {
		x.ok = false
		return nil
	}
	out := x.b[:n]
	x.b = x.b[n:]
	return out
}

func decodeDocRow(b []byte, r *app.DocRow) error {
	if len(b) < 1 || b[0] != docRowVersion {
		return app.Internal("decoding a list row", errRowForm)
	}
	x := &rowReader{b: b[1:], ok: true}
	var s [10]string
	for i := range s {
		s[i] = string(x.bytes())
	}
	var d [4]app.Date
	for i := range d {
		d[i] = dateOfNumber(x.uvarint())
	}
	var v [9]int64
	for i := range v {
		v[i] = x.varint()
	}
	created := x.bytes()
	if !x.ok || len(x.b) != 0 {
		return app.Internal("decoding a list row", errRowForm)
	}
	*r = app.DocRow{ID: s[0], Kind: app.DocKind(s[1]), Status: app.DocStatus(s[2]), Number: s[3], CustomerID: s[4],
		Customer: s[5], ICO: s[6], Currency: s[7], OriginalID: s[8], Fold: s[9],
		IssueDate: d[0], TaxDate: d[1], DueDate: d[2], ValidUntil: d[3],
		Rate: app.RateMicro(v[0]), Base: v[1], VAT: v[2], Total: v[3], TotalBase: v[4], Paid: v[5], Credited: v[6], PaidBase: v[7], CreditedBase: v[8]}
	if err := r.Created.UnmarshalBinary(created); err != nil {
		return app.Internal("decoding a list row", err)
	}
	return nil
}

type rowFormError struct{}

func (rowFormError) Error() string { return "the row is not in the list's form" }

var errRowForm error = rowFormError{}
