package data

import (
	"errors"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// checkVAT proves the VAT return can be built from the ledger: every line of
// the VAT account carries a valid VAT tag, and in every month the tagged
// postings reconcile (output − input − settlements = −movement) and move
// 343 exactly as its running balance says.
func checkVAT(tx *bolt.Tx, add addFn, tick func()) {
	if tx.Bucket(bMeta).Get(kCompany) == nil {
		return
	}
	company, err := readCompany(tx)
	if err != nil {
		return // reported by Check already
	}
	vat := company.Chart.Posting().VAT
	months := map[string]*app.VATSums{} // summed as the journal is read: a million lines need no list
	_ = tx.Bucket(bJournal).ForEach(func(_, v []byte) error {
		tick()
		var e app.Entry
		if decode(v, &e) != nil {
			return nil // reported by checkJournal
		}
		var bad *app.Error
		if err := app.ValidateVATLines(e, vat); errors.As(err, &bad) {
			add("check.vat_line", "entry {{.number}} of {{.date}}: {{.reason}}", map[string]any{"number": e.Number, "date": e.Date.String(),
				"reason": app.Label{Key: bad.Key, Fallback: bad.Msg, Args: bad.Args}})
		}
		ps := app.VATPostingsOf(e, vat)
		if len(ps) == 0 {
			return nil
		}
		m := e.Date.MonthOf().Key()
		if months[m] == nil {
			months[m] = &app.VATSums{}
		}
		months[m].Add(app.SumVATPostings(ps))
		return nil
	})
	seen := map[string]bool{}
	prefix := append([]byte(vat), 0)
	c := tx.Bucket(bBalances).Cursor()
	for k, v := c.Seek(prefix); k != nil && len(k) == len(prefix)+6 && string(k[:len(prefix)]) == string(prefix); k, v = c.Next() {
		m := string(k[len(prefix):])
		seen[m] = true
		var sums app.VATSums
		if months[m] != nil {
			sums = *months[m]
		}
		if moved := readI64(v, 0) - readI64(v, 1); sums.Movement != moved {
			add("check.vat_movement", "in {{.month}} account {{.code}} moved by {{.moved}}, its tagged lines by {{.tagged}}",
				map[string]any{"month": monthLabel(m), "code": vat, "moved": app.FormatMinor(moved, 2, ""), "tagged": app.FormatMinor(sums.Movement, 2, "")})
		}
		if !sums.Reconciles() {
			add("check.vat_reconcile", "in {{.month}} output VAT {{.out}} less input VAT {{.in}} less settlements {{.settled}} is not what account {{.code}} moved ({{.moved}})",
				map[string]any{"month": monthLabel(m), "out": app.FormatMinor(sums.Output, 2, ""), "in": app.FormatMinor(sums.Input, 2, ""),
					"settled": app.FormatMinor(sums.Settlement, 2, ""), "code": vat, "moved": app.FormatMinor(sums.Movement, 2, "")})
		}
	}
	for m, sums := range months {
		if !seen[m] && sums.Movement != 0 {
			add("check.vat_movement", "in {{.month}} account {{.code}} moved by {{.moved}}, its tagged lines by {{.tagged}}",
				map[string]any{"month": monthLabel(m), "code": vat, "moved": "0", "tagged": app.FormatMinor(sums.Movement, 2, "")})
		}
	}
}

// monthLabel writes a YYYYMM key as 2026-11.
func monthLabel(k string) string {
	if len(k) != 6 {
		return k
	}
	if _, err := strconv.Atoi(k); err != nil {
		return k
	}
	return k[:4] + "-" + k[4:]
}
