package data

import (
	"bytes"
	"context"
	"strings"
	"unicode"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

func readPurchase(tx *bolt.Tx, id string) (app.PurchaseInvoice, error) {
	var p app.PurchaseInvoice
	raw := tx.Bucket(bPurchases).Get([]byte(id))
	if raw == nil {
		return p, app.Errorf(app.ENOTFOUND, "err.purchase.not_found", "the received invoice does not exist", nil)
	}
	return p, decode(raw, &p)
}

// putPurchase stores p and its list row. The issue date, and so the row's
// key, never changes once recorded; the row's open flag follows Paid.
func putPurchase(tx *bolt.Tx, p app.PurchaseInvoice) error {
	raw, err := encode(p)
	if err != nil {
		return err
	}
	if err := tx.Bucket(bPurchases).Put([]byte(p.ID), raw); err != nil {
		return err
	}
	if err := recordChange(tx, changePurchase, []byte(p.ID), raw); err != nil {
		return err
	}
	return tx.Bucket(bPurchDates).Put(purchaseDateKey(p), purchaseRowOf(p))
}

func purchaseDateKey(p app.PurchaseInvoice) []byte {
	return cat([]byte(p.IssueDate.Key()), []byte(p.ID))
}

// purchaseRowOf is what the list index keeps of a purchase, so a list filters
// and counts without decoding invoices: DUZP key (8 B), open flag (1 B), the
// supplier's ID, 0, and the folded text a search looks in.
func purchaseRowOf(p app.PurchaseInvoice) []byte {
	open := byte('0')
	if p.Remaining() != 0 { // to pay, or a refund due after a credit note
		open = '1'
	}
	text := app.FoldText(p.Number + " " + p.SupplierNumber + " " + p.VariableSymbol + " " + p.Supplier.Name + " " + p.Supplier.ICO)
	return cat([]byte(p.TaxDate.Key()), []byte{open}, []byte(p.SupplierID), sep, []byte(text))
}

// purchaseRow is a decoded list row (slices valid during the transaction).
type purchaseRow struct {
	taxDate  []byte
	open     bool
	supplier []byte
	text     []byte
}

func parsePurchaseRow(v []byte) (purchaseRow, bool) {
	if len(v) < 9 {
		return purchaseRow{}, false
	}
	rest := v[9:]
	i := bytes.IndexByte(rest, 0)
	if i < 0 {
		return purchaseRow{}, false
	}
	return purchaseRow{taxDate: v[:8], open: v[8] == '1', supplier: rest[:i], text: rest[i+1:]}, true
}

// supplierNumberKey is the duplicate index key: the supplier and their
// number with case, accents and spaces ignored ("fv 2026/12" = "FV2026/12").
func supplierNumberKey(supplierID, number string) []byte {
	folded := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, app.FoldText(number))
	return cat([]byte(supplierID), sep, []byte(folded))
}

// Suppliers lists customers marked as suppliers whose words start with the
// words of search, by name; limit 0 lists all.
func (s *Store) Suppliers(ctx context.Context, search string, limit int) ([]app.Customer, error) {
	var out []app.Customer
	err := s.viewAs(ctx, app.PermPayables, "searching suppliers", func(tx *bolt.Tx, _ app.User) error {
		all, err := searchCustomers(tx, search, 0)
		if err != nil {
			return err
		}
		for _, c := range all {
			if c.Supplier && (limit <= 0 || len(out) < limit) {
				out = append(out, c)
			}
		}
		return nil
	})
	return out, err
}

// RecordPurchase validates, numbers (series FP) and posts a received invoice
// in one transaction: the bases to its account, the input VAT to 343, the
// total to payables (321). The supplier is marked as one if it was not yet.
// What the invoice becomes is app.PreparePurchase's to decide; this reads
// what it needs, numbers, posts and stores.
func (s *Store) RecordPurchase(ctx context.Context, p app.PurchaseInvoice) (app.PurchaseInvoice, error) {
	if err := s.allowed(ctx, app.PermPayables); err != nil {
		return app.PurchaseInvoice{}, err
	}
	err := s.updateAs(ctx, app.PermPayables, "recording the received invoice", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		company, err := readCompany(tx)
		if err != nil {
			return err
		}
		acc := company.Chart.Posting()
		sup, err := readCustomer(tx, p.SupplierID)
		if err != nil && app.ErrorCode(err) != app.ENOTFOUND {
			return err
		}
		var orig *app.PurchaseInvoice
		if p.CreditNote && p.OriginalID != "" {
			o, err := readPurchase(tx, p.OriginalID)
			if err != nil && app.ErrorCode(err) != app.ENOTFOUND {
				return err
			}
			if err == nil {
				orig = &o
			}
		}
		now := s.clock.Now().UTC()
		if p, err = app.PreparePurchase(p, company, sup, orig, app.NewID(now), now); err != nil {
			return err
		}
		if err := purchaseAccount(tx, p.Account); err != nil {
			return err
		}
		dupKey := supplierNumberKey(p.SupplierID, p.SupplierNumber)
		if err := notRecorded(tx, dupKey); err != nil {
			return err
		}
		series, err := seriesFor(company, app.SeriesReceived)
		if err != nil {
			return err
		}
		if p.Number, err = assignNumber(tx, series, p.IssueDate.Year(), p.ID); err != nil {
			return err
		}
		e, err := app.PurchaseEntry(p, company)
		if err != nil {
			return err
		}
		poster, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		if e, err = poster.post(e); err != nil {
			return app.WithField(err, "purchase.tax_date")
		}
		p.Booked(e, acc)
		if p.CreditNote {
			credited, rounding := app.ApplyPurchaseCredit(*orig, p, acc)
			if rounding != nil {
				if _, err := poster.post(*rounding); err != nil {
					return err
				}
			}
			if err := putPurchase(tx, credited); err != nil {
				return err
			}
		}
		if !sup.Supplier {
			prev := sup
			sup.Supplier, sup.Updated = true, now
			sup.Revision++
			if err := putCustomer(tx, &prev, &sup); err != nil {
				return err
			}
			if err := a.logKey("update", "customer", sup.ID, "audit.marked_supplier", "{{.name}}: marked as a supplier", app.AuditArgs{"name": app.AText(sup.Name)}); err != nil {
				return err
			}
		}
		if err := putPurchase(tx, p); err != nil {
			return err
		}
		if err := tx.Bucket(bPurchDup).Put(dupKey, []byte(p.ID)); err != nil {
			return err
		}
		return a.logKey("record", "purchase", p.ID, "audit.purchase_recorded", "{{.number}} ({{.supplier_number}}) from {{.supplier}}, {{.total}}",
			app.AuditArgs{"number": app.AText(p.Number), "supplier_number": app.AText(p.SupplierNumber), "supplier": app.AText(p.Supplier.Name), "total": app.AMoney(app.M(p.Total, p.Currency))})
	})
	if err != nil {
		return app.PurchaseInvoice{}, err
	}
	return p, nil
}

// notRecorded refuses a supplier's invoice number recorded before (dupKey:
// its supplierNumberKey), naming the invoice that has it.
func notRecorded(tx *bolt.Tx, dupKey []byte) error {
	id := tx.Bucket(bPurchDup).Get(dupKey)
	if id == nil {
		return nil
	}
	first, err := readPurchase(tx, string(id))
	if err != nil {
		return err
	}
	return &app.Error{Code: app.ECONFLICT, Field: "purchase.supplier_number", Key: "err.purchase.duplicate",
		Msg:  "invoice {{.supplier_number}} of {{.supplier}} is already recorded as {{.number}}",
		Args: map[string]any{"supplier_number": first.SupplierNumber, "supplier": first.Supplier.Name, "number": first.Number, "id": first.ID}}
}

// purchaseAccount reads the account a received invoice's bases go to and
// lets app.CheckPurchaseAccount judge it.
func purchaseAccount(tx *bolt.Tx, code string) error {
	var acct app.Account
	raw := tx.Bucket(bAccounts).Get([]byte(code))
	if raw != nil {
		if err := decode(raw, &acct); err != nil {
			return err
		}
	}
	return app.CheckPurchaseAccount(code, acct, raw != nil)
}

// Purchase returns one received invoice.
func (s *Store) Purchase(ctx context.Context, id string) (app.PurchaseInvoice, error) {
	var p app.PurchaseInvoice
	err := s.viewAs(ctx, app.PermPayables, "reading the received invoice", func(tx *bolt.Tx, _ app.User) (err error) {
		p, err = readPurchase(tx, id)
		return err
	})
	return p, err
}

// Purchases lists received invoices, newest issue date first, and counts all
// matches. It filters on the list index and decodes only the page it returns.
func (s *Store) Purchases(ctx context.Context, f app.PurchaseFilter, offset, limit int) ([]app.PurchaseInvoice, int, error) {
	if err := app.ValidatePeriod(f.From, f.To); err != nil {
		return nil, 0, err
	}
	var out []app.PurchaseInvoice
	n := 0
	err := s.viewAs(ctx, app.PermPayables, "listing received invoices", func(tx *bolt.Tx, _ app.User) (err error) {
		out, n, err = purchasesTx(tx, f, offset, limit)
		return err
	})
	return out, n, err
}

// purchasesTx is Purchases in tx (limit 0: all).
func purchasesTx(tx *bolt.Tx, f app.PurchaseFilter, offset, limit int) ([]app.PurchaseInvoice, int, error) {
	words := make([][]byte, 0, 4)
	for _, w := range strings.Fields(app.FoldText(f.Search)) {
		words = append(words, []byte(w))
	}
	var fromKey, toKey []byte
	if !f.From.IsZero() {
		fromKey = []byte(f.From.Key())
	}
	if !f.To.IsZero() {
		toKey = []byte(f.To.Key())
	}
	inRange := func(day []byte) bool {
		return (fromKey == nil || bytes.Compare(day, fromKey) >= 0) && (toKey == nil || bytes.Compare(day, toKey) <= 0)
	}
	var out []app.PurchaseInvoice
	n := 0
	c := tx.Bucket(bPurchDates).Cursor()
	k, v := c.Last()
	if !f.ByTaxDate && toKey != nil {
		// Start at the last key of the To day: the day key followed by any ID.
		if k, v = c.Seek(cat(toKey, []byte{0xff})); k == nil {
			k, v = c.Last()
		} else {
			k, v = c.Prev()
		}
	}
	for ; k != nil; k, v = c.Prev() {
		issue := k[:8]
		if !f.ByTaxDate && fromKey != nil && bytes.Compare(issue, fromKey) < 0 {
			break
		}
		row, ok := parsePurchaseRow(v)
		if !ok {
			continue
		}
		day := issue
		if f.ByTaxDate {
			day = row.taxDate
		}
		if !inRange(day) || f.SupplierID != "" && string(row.supplier) != f.SupplierID || f.OpenOnly && !row.open {
			continue
		}
		found := true
		for _, w := range words {
			if !bytes.Contains(row.text, w) {
				found = false
				break
			}
		}
		if !found {
			continue
		}
		if n >= offset && (limit <= 0 || len(out) < limit) {
			p, err := readPurchase(tx, string(k[8:]))
			if err != nil {
				return nil, 0, err
			}
			out = append(out, p)
		}
		n++
	}
	return out, n, nil
}

// PaySupplier records a payment of a received invoice and posts Dr payables,
// Cr bank or cash, in one transaction; a foreign-currency payment is posted at
// the invoice's rate.
func (s *Store) PaySupplier(ctx context.Context, p app.Payment) (app.Payment, error) {
	if err := s.allowed(ctx, app.PermPayables); err != nil {
		return app.Payment{}, err
	}
	if err := checkPayment(&p); err != nil {
		return app.Payment{}, err
	}
	err := s.updateAs(ctx, app.PermPayables, "paying the supplier", func(tx *bolt.Tx, _ app.User, a *auditor) error {
		y, err := newPayer(tx, s.clock, a)
		if err != nil {
			return err
		}
		p, _, err = y.payPurchase(p)
		return err
	})
	if err != nil {
		return app.Payment{}, err
	}
	return p, nil
}

// SupplierPayments lists the payments of a received invoice, oldest first.
func (s *Store) SupplierPayments(ctx context.Context, purchaseID string) ([]app.Payment, error) {
	var out []app.Payment
	err := s.viewAs(ctx, app.PermPayables, "reading supplier payments", func(tx *bolt.Tx, _ app.User) (err error) {
		out, err = paymentsOf(tx, bPurchPays, bSupPays, purchaseID)
		return err
	})
	return out, err
}
