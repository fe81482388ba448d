package data

import (
	"bytes"
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// tagDocumentPostings is the migration to schema 10: the journal lines that
// issued invoices, credit notes and received invoices posted before VAT tags
// existed get their tags from their documents (the tags the posting rules
// give them now), and the bank lines posted to the VAT account are settlements.
// What is still untagged on the VAT account then (manual entries, which
// cannot be told apart) is tagged unclassified: the VAT return lists those
// lines as ones it cannot place, and Check, which refuses a line without a
// tag, does not count a file's history against it (its backups go on).
// An entry it tags is proved again (prove): the upgrade's audit entry, which
// prepare logs, covers the new hash, so the trail shows the change as the
// migration's, not as tampering. An entry that no longer matches its proof
// is left alone: tagging it would prove a record changed behind the trail's
// back (the schema set back to re-run this migration must launder nothing).
func tagDocumentPostings(tx *bolt.Tx) error {
	if tx.Bucket(bMeta).Get(kCompany) == nil {
		return nil // a file without a company has no postings
	}
	company, err := readCompany(tx)
	if err != nil {
		return err
	}
	acc := company.Chart.Posting()
	type update struct {
		key []byte
		e   app.Entry
	}
	var updates []update
	err = tx.Bucket(bJournal).ForEach(func(k, v []byte) error {
		if !matchesProof(tx, proofEntry, k, v) {
			return nil // changed since it was proved: Check reports it
		}
		var e app.Entry
		if err := decode(v, &e); err != nil {
			return err
		}
		kind, id, _ := strings.Cut(e.Source, ":")
		n := 0
		switch kind {
		case string(app.KindInvoice), string(app.KindCreditNote):
			if d, err := readDoc(tx, id); err == nil {
				n = app.CopyVATTags(&e, app.SalesPosting(d, acc)) + app.TagSupplyLines(&e, d, acc)
			}
		case "purchase":
			if p, err := readPurchase(tx, id); err == nil {
				p.FillKinds(company)
				n = app.CopyVATTags(&e, app.PurchasePosting(p, company.BaseCurrency, acc))
			}
		}
		n += app.TagLegacyLines(&e, acc)
		if n > 0 {
			updates = append(updates, update{append([]byte(nil), k...), e})
		}
		return nil
	})
	if err != nil {
		return err
	}
	journal := tx.Bucket(bJournal)
	for _, u := range updates {
		raw, err := encode(u.e)
		if err != nil {
			return err
		}
		if err := journal.Put(u.key, raw); err != nil {
			return err
		}
		if err := prove(tx, proofEntry, u.key, raw); err != nil {
			return err
		}
		if err := recordChange(tx, changeEntry, u.key, raw); err != nil {
			return err
		}
	}
	return nil
}

// matchesProof reports whether a record is as its proof says, or has none.
func matchesProof(tx *bolt.Tx, kind byte, key, raw []byte) bool {
	proofs := tx.Bucket(bProofs)
	if proofs == nil {
		return true
	}
	old := proofs.Get(cat([]byte{kind}, key))
	if old == nil {
		return true
	}
	h := recordHash(kind, raw)
	return len(old) == 40 && bytes.Equal(old[8:], h[:])
}
