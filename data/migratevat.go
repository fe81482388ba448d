package data

import (
	"strings"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// tagDocumentPostings is the migration to schema 9: the journal lines that
// issued invoices, credit notes and received invoices posted before VAT tags
// existed get their tags from their documents (the tags the posting rules
// give them now), and the bank lines posted to the VAT account are settlements.
// Manual entries cannot be told apart and stay untagged: Check reports them.
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
		var e app.Entry
		if err := decode(v, &e); err != nil {
			return err
		}
		kind, id, _ := strings.Cut(e.Source, ":")
		n := 0
		switch kind {
		case string(app.KindInvoice), string(app.KindCreditNote):
			d, err := readDoc(tx, id)
			if err != nil {
				return nil // a posting whose document is gone: Check reports its lines
			}
			n = app.CopyVATTags(&e, app.SalesPosting(d, acc)) + app.TagSupplyLines(&e, d, acc)
		case "purchase":
			p, err := readPurchase(tx, id)
			if err != nil {
				return nil
			}
			p.FillKinds(company)
			n = app.CopyVATTags(&e, app.PurchasePosting(p, company.BaseCurrency, acc))
		case "bank":
			for i, l := range e.Lines {
				if l.Account == acc.VAT && l.VAT == nil {
					e.Lines[i].VAT = app.SettlementTag()
					n++
				}
			}
		}
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
	}
	return nil
}
