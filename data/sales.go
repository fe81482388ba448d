package data

import (
	"context"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

func readDoc(tx *bolt.Tx, id string) (app.SalesDoc, error) {
	var d app.SalesDoc
	raw := tx.Bucket(bDocs).Get([]byte(id))
	if raw == nil {
		return d, app.Errorf(app.ENOTFOUND, "err.doc.not_found", "the document does not exist", nil)
	}
	return d, decode(raw, &d)
}

func putDoc(tx *bolt.Tx, d app.SalesDoc) error {
	raw, err := encode(d)
	if err != nil {
		return err
	}
	docs := tx.Bucket(bDocs)
	if d.Status == app.StatusDraft { // only a draft can change its customer
		if old := docs.Get([]byte(d.ID)); old != nil {
			var o struct {
				CustomerID string `json:"customer_id"`
			}
			if err := decode(old, &o); err == nil && o.CustomerID != d.CustomerID {
				if err := tx.Bucket(bDocCust).Delete(docCustomerKey(o.CustomerID, d.ID)); err != nil {
					return err
				}
			}
		}
	}
	if err := docs.Put([]byte(d.ID), raw); err != nil {
		return err
	}
	if err := recordChange(tx, changeDoc, []byte(d.ID), raw); err != nil {
		return err
	}
	if d.Number != "" { // numbered: a record the audit trail proves
		if err := prove(tx, proofDoc, []byte(d.ID), raw); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bDocCust).Put(docCustomerKey(d.CustomerID, d.ID), nil); err != nil {
		return err
	}
	return indexDoc(tx, d)
}

// docCustomerKey is a document's key in the customer index: customer ID, 0,
// document ID (time-ordered, so a customer's documents come in date order).
func docCustomerKey(customerID, docID string) []byte {
	return cat([]byte(customerID), sep, []byte(docID))
}

// SaveDraft creates or replaces a draft. Issued documents never change here.
func (s *Store) SaveDraft(ctx context.Context, d app.SalesDoc) (app.SalesDoc, error) {
	if err := s.allowed(ctx, app.PermSalesWrite); err != nil {
		return app.SalesDoc{}, err
	}
	if err := d.ValidateDraft(); err != nil {
		return app.SalesDoc{}, err
	}
	err := s.updateAs(ctx, app.PermSalesWrite, "saving the draft", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		var err error
		d, err = s.saveDraftTx(tx, a, d)
		return err
	})
	return d, err
}

// saveDraftTx stores a draft in tx (new, or replacing a draft of the same
// kind and revision: app.PrepareDraft) with its audit entry; d must be
// valid (ValidateDraft).
func (s *Store) saveDraftTx(tx *bolt.Tx, a *auditor, d app.SalesDoc) (app.SalesDoc, error) {
	company, err := readCompany(tx)
	if err != nil {
		return d, err
	}
	var old *app.SalesDoc
	if d.ID != "" {
		o, err := readDoc(tx, d.ID)
		if err != nil {
			return d, err
		}
		old = &o
	}
	var cust *app.Customer
	if d.CustomerID != "" {
		c, err := readCustomer(tx, d.CustomerID)
		if err != nil {
			return d, app.WithField(err, "doc.customer")
		}
		cust = &c
	}
	now := s.clock.Now().UTC()
	d, action, err := app.PrepareDraft(d, old, company, cust, app.NewID(now), now)
	if err != nil {
		return d, err
	}
	if inv, prior := creditOriginal(tx, d); inv != nil {
		d.Totals = app.CreditDraftTotals(d, inv, prior, company)
	}
	if err := putDoc(tx, d); err != nil {
		return d, err
	}
	return d, a.logKey(action, string(d.Kind), d.ID, "audit.draft_saved", "draft for {{.customer}}, {{.n}} lines", app.AuditArgs{"customer": app.AText(d.Customer.Name), "n": app.AInt(len(d.Lines))})
}

// DeleteDraft removes a draft (it has no number, so no gap is left).
func (s *Store) DeleteDraft(ctx context.Context, id string) error {
	return s.updateAs(ctx, app.PermSalesWrite, "deleting the draft", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		d, err := readDoc(tx, id)
		if err != nil {
			return err
		}
		if err := app.CanDeleteDraft(d); err != nil {
			return err
		}
		if err := tx.Bucket(bDocs).Delete([]byte(id)); err != nil {
			return err
		}
		if err := recordDelete(tx, changeDoc, []byte(id)); err != nil {
			return err
		}
		if err := tx.Bucket(bDocCust).Delete(docCustomerKey(d.CustomerID, id)); err != nil {
			return err
		}
		if err := unindexDoc(tx, id); err != nil {
			return err
		}
		return a.logKey("delete", string(d.Kind), id, "audit.draft_deleted", "draft for {{.customer}}", app.AuditArgs{"customer": app.AText(d.Customer.Name)})
	})
}

// Document returns one document.
func (s *Store) Document(ctx context.Context, id string) (app.SalesDoc, error) {
	var d app.SalesDoc
	err := s.viewAs(ctx, app.PermSalesRead, "reading the document", func(tx *bolt.Tx, _ app.User) (err error) {
		d, err = readDoc(tx, id)
		return err
	})
	return d, err
}

// DocumentByNumber returns the issued document with the number.
func (s *Store) DocumentByNumber(ctx context.Context, number string) (app.SalesDoc, error) {
	var d app.SalesDoc
	err := s.viewAs(ctx, app.PermSalesRead, "reading the document", func(tx *bolt.Tx, _ app.User) (err error) {
		id := tx.Bucket(bDocNums).Get([]byte(strings.ToUpper(strings.TrimSpace(number))))
		if id == nil {
			return app.Errorf(app.ENOTFOUND, "err.doc.number_not_found", "there is no document {{.number}}", map[string]any{"number": number})
		}
		d, err = readDoc(tx, string(id))
		return err
	})
	return d, err
}

// Documents lists matching documents newest first (by the day the list
// files them under, then by number: app.DocRow.Day) and counts all
// matches. It filters on the lists of documents and reads only the page.
func (s *Store) Documents(ctx context.Context, f app.DocFilter, offset, limit int) ([]app.SalesDoc, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	var out []app.SalesDoc
	n := 0
	err := s.viewAs(ctx, app.PermSalesRead, "listing documents", func(tx *bolt.Tx, _ app.User) error {
		var page [][]byte
		page, n = listDocs(tx, f, app.Today(s.clock), offset, limit)
		for _, dk := range page {
			d, err := readDoc(tx, string(lastPart(dk)))
			if err != nil {
				return err
			}
			out = append(out, d)
		}
		return nil
	})
	return out, n, err
}

// DocRows is Documents as list rows, read from the lists without decoding
// a single document.
func (s *Store) DocRows(ctx context.Context, f app.DocFilter, offset, limit int) ([]app.DocRow, int, error) {
	if err := f.Validate(); err != nil {
		return nil, 0, err
	}
	var out []app.DocRow
	n := 0
	err := s.viewAs(ctx, app.PermSalesRead, "listing documents", func(tx *bolt.Tx, _ app.User) error {
		var page [][]byte
		page, n = listDocs(tx, f, app.Today(s.clock), offset, limit)
		out = make([]app.DocRow, 0, len(page))
		for _, dk := range page {
			r, err := docRow(tx, lastPart(dk))
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return out, n, err
}
