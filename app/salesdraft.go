package app

import "time"

// PrepareDraft is draft d (valid: ValidateDraft) as the store saves it at
// now, with the action the audit trail records ("create" or "update"). A new
// draft (no ID) gets ID id, c's branch and its creation time; an existing one
// replaces old, the stored draft of the same ID, and keeps old's branch,
// creation, source and original invoice, its revision moved on. The customer
// and supplier blocks are copied from cust (the customer d names, nil when it
// names none) and c; the totals are computed with the VAT rates valid on its
// DUZP (a credit note's against its invoice: see CreditDraftTotals). It
// refuses replacing a document that is issued, a draft changed meanwhile
// (another revision) and a change of kind.
func PrepareDraft(d SalesDoc, old *SalesDoc, c Company, cust *Customer, id string, now time.Time) (SalesDoc, string, error) {
	action := "create"
	if d.ID == "" {
		d.ID, d.Branch, d.Created, d.Status = id, c.Branch, now, StatusDraft
	} else {
		if old == nil {
			return d, "", Errorf(ENOTFOUND, "err.doc.not_found", "the document does not exist", nil)
		}
		if old.Status != StatusDraft {
			return d, "", Errorf(ECONFLICT, "err.doc.issued", "document {{.number}} is already issued and cannot change", map[string]any{"number": old.Number})
		}
		if old.Revision != d.Revision {
			return d, "", Errorf(ECONFLICT, "err.doc.stale", "the draft was changed meanwhile in another window; open it again", nil)
		}
		if old.Kind != d.Kind {
			return d, "", Invalid("doc.kind", "err.doc.kind_fixed", "a draft keeps its kind", nil)
		}
		d.Branch, d.Created, d.Status, action = old.Branch, old.Created, StatusDraft, "update"
		d.SourceID, d.OriginalID, d.OriginalNo = old.SourceID, old.OriginalID, old.OriginalNo
		d.Revision = old.Revision + 1
	}
	d.Number, d.Paid, d.Credited, d.EntryID = "", 0, 0, ""
	if d.Currency == "" {
		d.Currency = c.BaseCurrency
	}
	if cust != nil {
		d.Customer = PartyOfCustomer(*cust)
		d.Lang = cust.Lang
	}
	d.Supplier = PartyOfCompany(c)
	d.Totals = ComputeTotals(WithRates(d, c), c.BaseCurrency)
	d.Updated = now
	return d, action, nil
}

// CanDeleteDraft refuses deleting a document that is no longer a draft: an
// issued one has a number, and deleting it would leave a gap.
func CanDeleteDraft(d SalesDoc) error {
	if d.Status != StatusDraft {
		return Errorf(ECONFLICT, "err.doc.issued", "document {{.number}} is already issued and cannot change", map[string]any{"number": d.Number})
	}
	return nil
}
