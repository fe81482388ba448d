package data

import (
	"context"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// ReverseEntry posts the reversal of a manual entry — the same lines with the
// sides swapped, numbered like any entry — on date (zero: the entry's date).
// The original stays in the journal; an entry is reversed at most once, a
// reversal is not reversed again, and entries posted by documents are
// corrected through the documents (a credit note), never here.
func (s *Store) ReverseEntry(ctx context.Context, id string, date app.Date) (app.Entry, error) {
	if err := s.allowed(ctx, app.PermLedgerPost); err != nil {
		return app.Entry{}, err
	}
	var out app.Entry
	err := s.updateAs(ctx, app.PermLedgerPost, "reversing the entry", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		orig, err := readEntry(tx, id)
		if err != nil {
			return err
		}
		if by := tx.Bucket(bReversals).Get([]byte(id)); by != nil {
			return app.Errorf(app.ECONFLICT, "err.entry.reversed", "entry {{.number}} is reversed already", map[string]any{"number": orig.Number})
		}
		switch {
		case strings.HasPrefix(orig.Source, "reversal:"):
			return app.Errorf(app.ECONFLICT, "err.entry.reversal_of_reversal", "entry {{.number}} is itself a reversal; post a new entry instead", map[string]any{"number": orig.Number})
		case strings.Contains(orig.Source, ":"): // "invoice:…", "payment:…"
			return app.Errorf(app.ECONFLICT, "err.entry.from_document", "entry {{.number}} was posted by a document; correct the document (e.g. with a credit note)", map[string]any{"number": orig.Number})
		}
		if date.IsZero() {
			date = orig.Date
		}
		rev := app.Entry{Date: date, Memo: "Storno " + orig.Number + " – " + orig.Memo, Source: "reversal:" + orig.ID}
		for _, l := range orig.Lines {
			rev.Lines = append(rev.Lines, app.Line{Account: l.Account, Debit: l.Credit, Credit: l.Debit, Memo: l.Memo, VAT: l.VAT.Reversed()})
		}
		if err := maxMemo(&rev); err != nil {
			return err
		}
		p, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		if out, err = p.post(rev); err != nil {
			return err
		}
		if err := tx.Bucket(bReversals).Put([]byte(orig.ID), []byte(out.ID)); err != nil {
			return err
		}
		if err := recordChange(tx, changeReversal, []byte(orig.ID), []byte(out.ID)); err != nil {
			return err
		}
		return a.logKey("reverse", "entry", orig.ID, "audit.reversed", "{{.number}} reversed by {{.by}}", app.AuditArgs{"number": app.AText(orig.Number), "by": app.AText(out.Number)})
	})
	return out, err
}

// maxMemo keeps the reversal's memo within the entry limit.
func maxMemo(e *app.Entry) error {
	e.Memo = truncRunes(e.Memo, 200)
	return e.Validate()
}
