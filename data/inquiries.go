package data

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

func readInquiry(tx *bolt.Tx, id string) (app.Inquiry, error) {
	var q app.Inquiry
	raw := tx.Bucket(bInquiries).Get([]byte(id))
	if raw == nil {
		return q, app.Errorf(app.ENOTFOUND, "err.inquiry.not_found", "the inquiry does not exist", nil)
	}
	return q, decode(raw, &q)
}

// SaveInquiry logs a new inquiry or edits one; its status moves only through SetInquiryStatus.
func (s *Store) SaveInquiry(ctx context.Context, q app.Inquiry) (app.Inquiry, error) {
	if err := s.allowed(ctx, app.PermReception); err != nil {
		return app.Inquiry{}, err
	}
	if err := q.Validate(); err != nil {
		return app.Inquiry{}, err
	}
	err := s.updateAs(ctx, app.PermReception, "saving the inquiry", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		if q.Assigned != "" {
			if err := requireStaff(tx, "inquiry.assigned", q.Assigned); err != nil {
				return err
			}
		}
		if q.CustomerID != "" {
			cust, err := readCustomer(tx, q.CustomerID)
			if err != nil {
				return app.WithField(err, "inquiry.contact")
			}
			q.Contact = cust.Name
		}
		now := s.clock.Now().UTC()
		action := "create"
		var oldKeys []indexKV
		if q.ID == "" {
			q.ID, q.Branch, q.Created, q.Status = app.NewID(now), branchOf(tx), now, app.InquiryNew
		} else {
			old, err := readInquiry(tx, q.ID)
			if err != nil {
				return err
			}
			if old.Revision != q.Revision {
				return app.Errorf(app.ECONFLICT, "err.inquiry.stale", "the inquiry was changed meanwhile; open it again", nil)
			}
			q.Branch, q.Created, q.Status, q.QuoteID, q.Revision, action = old.Branch, old.Created, old.Status, old.QuoteID, old.Revision+1, "update"
			oldKeys = inquiryIndexKeys(old)
		}
		q.Updated = now
		if err := putJSON(tx, bInquiries, changeInquiry, q.ID, q); err != nil {
			return err
		}
		if err := reindex(tx, oldKeys, inquiryIndexKeys(q)); err != nil {
			return err
		}
		return a.logKey(action, "inquiry", q.ID, "audit.inquiry", "{{.contact}}: {{.topic}}", app.AuditArgs{"contact": app.AText(q.Contact), "topic": app.AText(q.Topic)})
	})
	return q, err
}

// SetInquiryStatus moves an inquiry forward (new → in progress → quoted → won
// or lost); quoteID links the quote made for it. app.InquiryMove decides:
// "quoted" needs a quote (QuoteInquiry makes one).
func (s *Store) SetInquiryStatus(ctx context.Context, id string, st app.InquiryStatus, quoteID string) (app.Inquiry, error) {
	var q app.Inquiry
	err := s.updateAs(ctx, app.PermReception, "changing the inquiry", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		var err error
		if q, err = readInquiry(tx, id); err != nil {
			return err
		}
		var quote *app.SalesDoc
		if quoteID != "" {
			d, err := readDoc(tx, quoteID)
			if err != nil {
				return app.WithField(err, "inquiry.quote")
			}
			quote = &d
		}
		if err := app.InquiryMove(q, st, quote); err != nil {
			return err
		}
		return s.moveInquiry(tx, a, &q, st, quote)
	})
	return q, err
}

// QuoteInquiry drafts the inquiry's quote and marks the inquiry quoted with
// it in one transaction. An inquiry of a new contact needs its customer
// first (SaveInquiry with CustomerID).
func (s *Store) QuoteInquiry(ctx context.Context, id string) (app.Inquiry, app.SalesDoc, error) {
	var (
		q     app.Inquiry
		quote app.SalesDoc
	)
	err := s.updateAs(ctx, app.PermInquiryQuote, "quoting the inquiry", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		var err error
		if q, err = readInquiry(tx, id); err != nil {
			return err
		}
		if q.CustomerID == "" {
			return app.Invalid("inquiry.contact", "err.inquiry.no_customer", "save the contact as a customer first: a quote is made out to a customer", nil)
		}
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		cust, err := readCustomer(tx, q.CustomerID)
		if err != nil {
			return app.WithField(err, "inquiry.contact")
		}
		quote = app.QuoteForInquiry(q, company, cust, app.Today(s.clock))
		if err := app.InquiryMove(q, app.InquiryQuoted, &quote); err != nil {
			return err
		}
		if err := quote.ValidateDraft(); err != nil {
			return err
		}
		if quote, err = s.saveDraftTx(tx, a, quote); err != nil {
			return err
		}
		return s.moveInquiry(tx, a, &q, app.InquiryQuoted, &quote)
	})
	return q, quote, err
}

// moveInquiry stores q moved to st (linking quote, if any) with its audit entry.
func (s *Store) moveInquiry(tx *bolt.Tx, a *auditor, q *app.Inquiry, st app.InquiryStatus, quote *app.SalesDoc) error {
	if quote != nil {
		q.QuoteID = quote.ID
	}
	old, oldKeys := q.Status, inquiryIndexKeys(*q)
	q.Status, q.Updated, q.Revision = st, s.clock.Now().UTC(), q.Revision+1
	if err := putJSON(tx, bInquiries, changeInquiry, q.ID, *q); err != nil {
		return err
	}
	if err := reindex(tx, oldKeys, inquiryIndexKeys(*q)); err != nil {
		return err
	}
	return a.logKey("status", "inquiry", q.ID, "audit.inquiry_status", "status changed from “{{.from}}” to “{{.to}}”",
		app.AuditArgs{"from": idLabel("inquiry.status.", string(old)), "to": idLabel("inquiry.status.", string(st))})
}

// Inquiries lists inquiries newest first; open only if asked.
func (s *Store) Inquiries(ctx context.Context, openOnly bool) ([]app.Inquiry, error) {
	var out []app.Inquiry
	err := s.viewAs(ctx, app.PermReception, "reading inquiries", func(tx *bolt.Tx, _ app.User) (err error) {
		out, err = inquiriesNewestFirst(tx, openOnly)
		return err
	})
	return out, err
}

// CustomerCard gathers what the desk needs about a customer, each part read
// through the customer's own list: open invoices only for users who may read
// sales; visits (latest first), appointments that were not cancelled (latest
// first) and inquiries (newest first) only for the reception.
func (s *Store) CustomerCard(ctx context.Context, id string) (app.CustomerCard, error) {
	var card app.CustomerCard
	err := s.viewAs(ctx, app.PermCustomersRead, "reading the customer card", func(tx *bolt.Tx, u app.User) error {
		var err error
		if card.Customer, err = readCustomer(tx, id); err != nil {
			return err
		}
		if app.Can(u.Roles, app.PermSalesRead) {
			if card.OpenInvoices, err = customerOpenInvoices(tx, id); err != nil {
				return err
			}
		}
		if !app.Can(u.Roles, app.PermReception) {
			return nil
		}
		if card.Visits, err = customerVisits(tx, id); err != nil {
			return err
		}
		if card.Appointments, err = customerAppointments(tx, id); err != nil {
			return err
		}
		card.Inquiries, err = customerInquiries(tx, id)
		return err
	})
	return card, err
}
