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
func checkVAT(tx *bolt.Tx, add addFn) {
	if tx.Bucket(bMeta).Get(kCompany) == nil {
		return
	}
	company, err := readCompany(tx)
	if err != nil {
		return // reported by Check already
	}
	vat := company.Chart.Posting().VAT
	months := map[string][]app.VATPosting{}
	_ = tx.Bucket(bJournal).ForEach(func(_, v []byte) error {
		var e app.Entry
		if decode(v, &e) != nil {
			return nil // reported by checkJournal
		}
		var bad *app.Error
		if err := app.ValidateVATLines(e, vat); errors.As(err, &bad) {
			add("check.vat_line", "entry {{.number}} of {{.date}}: {{.reason}}", map[string]any{"number": e.Number, "date": e.Date.String(),
				"reason": app.Label{Key: bad.Key, Fallback: bad.Msg, Args: bad.Args}})
		}
		m := e.Date.MonthOf().Key()
		months[m] = append(months[m], app.VATPostingsOf(e, vat)...)
		return nil
	})
	seen := map[string]bool{}
	prefix := append([]byte(vat), 0)
	c := tx.Bucket(bBalances).Cursor()
	for k, v := c.Seek(prefix); k != nil && len(k) == len(prefix)+6 && string(k[:len(prefix)]) == string(prefix); k, v = c.Next() {
		m := string(k[len(prefix):])
		seen[m] = true
		sums := app.SumVATPostings(months[m])
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
	for m, ps := range months {
		if sums := app.SumVATPostings(ps); !seen[m] && sums.Movement != 0 {
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
