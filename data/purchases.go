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
		p.Normalize(company.BaseCurrency, acc)
		if err := p.Validate(); err != nil {
			return err
		}
		sup, err := readCustomer(tx, p.SupplierID)
		if err != nil {
			return app.WithField(err, "purchase.supplier")
		}
		if err := app.ValidatePurchaseRegime(&p, company, sup); err != nil {
			return err
		}
		p.FillKinds(company)
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
		var orig app.PurchaseInvoice
		if p.CreditNote {
			if orig, err = creditedPurchase(tx, p); err != nil {
				return err
			}
			p.OriginalNo = orig.Number
			p.NoDeduction = orig.NoDeduction // the credit note corrects the VAT as its invoice booked it
			if orig.Regime.Of() != p.Regime.Of() {
				return app.Invalid("purchase.regime", "err.purchase.credit_regime", "a credit note has the VAT regime of its invoice {{.number}}", map[string]any{"number": orig.Number})
			}
		} else {
			p.OriginalID, p.OriginalNo = "", ""
		}
		now := s.clock.Now().UTC()
		p.ID, p.Branch, p.Created, p.Paid, p.PaidBase, p.EntryID = app.NewID(now), company.Branch, now, 0, 0, ""
		p.Credited, p.CreditedBase = 0, 0
		p.Supplier = app.PartyOfCustomer(sup)
		if p.Number, err = assignNumber(tx, series, p.IssueDate.Year(), p.ID); err != nil {
			return err
		}
		if !company.VATPayer {
			p.NoDeduction = true // a non-payer cannot claim input VAT: it is part of the cost
		}
		e := app.Entry{Date: p.TaxDate, Memo: "Přijatá faktura " + p.Number + " (" + p.SupplierNumber + ") – " + p.Supplier.Name,
			Source: "purchase:" + p.ID, Lines: app.PurchasePosting(p, company.BaseCurrency, acc)}
		e.CutMemos()
		if err := e.Validate(); err != nil {
			return app.Internal("building the posting of "+p.Number, err)
		}
		poster, err := newPoster(tx, s.clock)
		if err != nil {
			return err
		}
		if e, err = poster.post(e); err != nil {
			return app.WithField(err, "purchase.tax_date")
		}
		p.EntryID = e.ID
		p.Posted = 0 // what the payables line carries: on the debit side for a credit note
		for _, l := range e.Lines {
			if l.Account == acc.Payables {
				p.Posted += l.Credit - l.Debit
			}
		}
		if p.CreditNote {
			if err := recordCredit(tx, poster, acc, p, orig); err != nil {
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

// creditedPurchase reads and checks the received invoice a credit note
// corrects: the same supplier and currency, an invoice (not a credit note),
// and no more credited than it was for.
func creditedPurchase(tx *bolt.Tx, p app.PurchaseInvoice) (app.PurchaseInvoice, error) {
	orig, err := readPurchase(tx, p.OriginalID)
	if err != nil {
		return orig, app.WithField(err, "purchase.original")
	}
	if orig.CreditNote {
		return orig, app.Invalid("purchase.original", "err.purchase.credit_of_credit", "{{.number}} is itself a credit note; choose the invoice it corrects", map[string]any{"number": orig.Number})
	}
	if orig.SupplierID != p.SupplierID || orig.Currency != p.Currency {
		return orig, app.Invalid("purchase.original", "err.purchase.credit_mismatch", "a credit note has the supplier and currency of its invoice {{.number}}", map[string]any{"number": orig.Number})
	}
	if left := orig.Total - orig.Credited; -p.Total > left {
		return orig, app.Invalid("purchase.vat", "err.purchase.credit_too_large", "the credit note ({{.credit}}) is larger than what remains of invoice {{.number}} ({{.left}})",
			map[string]any{"credit": app.M(-p.Total, p.Currency), "number": orig.Number, "left": app.M(left, orig.Currency)})
	}
	return orig, nil
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

// recordCredit records posted credit note p on its invoice orig and stores
// it. Closed by the credit note, orig's haléř of conversion rounding that
// 321 may still carry is cleared, as closeCreditedInvoice does for 311.
func recordCredit(tx *bolt.Tx, poster *poster, acc app.PostingAccounts, p, orig app.PurchaseInvoice) error {
	orig.Credited += -p.Total
	orig.CreditedBase += -p.Posted
	if r := creditResidue(orig.ExchangeRate, orig.Remaining(), orig.BaseRemaining()); r != 0 {
		if err := postRounding(poster, acc, acc.Payables, -r, p.TaxDate, "Zaokrouhlení kurzu "+orig.Number, "rounding:"+p.ID); err != nil {
			return err
		}
		orig.CreditedBase += r
	}
	return putPurchase(tx, orig)
}

// purchaseAccount refuses an account the chart lacks, and one that is neither
// an expense nor an asset (stock, material, a fixed asset).
func purchaseAccount(tx *bolt.Tx, code string) error {
	raw := tx.Bucket(bAccounts).Get([]byte(code))
	if raw == nil {
		return app.Invalid("purchase.account", "err.purchase.account_unknown", "account {{.code}} is not in the chart of accounts", map[string]any{"code": code})
	}
	var acct app.Account
	if err := decode(raw, &acct); err != nil {
		return err
	}
	if acct.Type != app.Expense && acct.Type != app.Asset {
		return app.Invalid("purchase.account", "err.purchase.account_type", "a received invoice is posted to an expense or asset account; {{.code}} {{.name}} is neither", map[string]any{"code": code, "name": acct.Name})
	}
	return nil
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
	err := s.viewAs(ctx, app.PermPayables, "listing received invoices", func(tx *bolt.Tx, _ app.User) error {
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
					return err
				}
				out = append(out, p)
			}
			n++
		}
		return nil
	})
	return out, n, err
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
