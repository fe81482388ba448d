package data

import (
	"bytes"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// checkPayables proves the received invoices agree with what hangs on them:
// each has its posting, its Paid is the sum of its payments, its Credited the
// sum of its credit notes, and the list and
// duplicate indexes hold exactly one key per invoice.
func checkPayables(tx *bolt.Tx, add addFn) {
	entryIDs, dups, rows := tx.Bucket(bEntryIDs), tx.Bucket(bPurchDup), tx.Bucket(bPurchDates)
	n := 0
	credited := map[string]int64{} // invoice ID → Σ its credit notes (positive)
	recorded := map[string]app.PurchaseInvoice{}
	_ = tx.Bucket(bPurchases).ForEach(func(k, v []byte) error {
		n++
		var p app.PurchaseInvoice
		if err := decode(v, &p); err != nil {
			add("check.purchase_unreadable", "received invoice {{.id}} cannot be read", map[string]any{"id": string(k)})
			return nil
		}
		args := map[string]any{"number": p.Number}
		recorded[p.ID] = p
		if p.CreditNote {
			credited[p.OriginalID] += -p.Total
		}
		if p.EntryID == "" || entryIDs.Get([]byte(p.EntryID)) == nil {
			add("check.purchase_entry", "received invoice {{.number}} has no posting in the journal", args)
		}
		pays, err := paymentsOf(tx, bPurchPays, bSupPays, p.ID)
		if err != nil {
			add("check.purchase_payment", "received invoice {{.number}} lists a payment that does not exist or cannot be read", args)
			return nil
		}
		var sum int64
		for _, pay := range pays {
			sum += pay.Amount.Amount
		}
		if sum != p.Paid {
			add("check.purchase_paid", "received invoice {{.number}} says {{.paid}} is paid, its payments add up to {{.sum}}",
				map[string]any{"number": p.Number, "paid": app.M(p.Paid, p.Currency), "sum": app.M(sum, p.Currency)})
		}
		if id := dups.Get(supplierNumberKey(p.SupplierID, p.SupplierNumber)); string(id) != p.ID {
			add("check.purchase_dup_index", "received invoice {{.number}} is missing from the index of suppliers' numbers", args)
		}
		if row := rows.Get(purchaseDateKey(p)); !bytes.Equal(row, purchaseRowOf(p)) {
			add("check.purchase_list_index", "received invoice {{.number}} is missing from the list index, or listed with stale data", args)
		}
		return nil
	})
	for id, p := range recorded {
		if c := credited[id]; c != p.Credited {
			add("check.purchase_credited", "received invoice {{.number}} says {{.credited}} is credited, its credit notes add up to {{.sum}}",
				map[string]any{"number": p.Number, "credited": app.M(p.Credited, p.Currency), "sum": app.M(c, p.Currency)})
		}
	}
	if d, r := dups.Stats().KeyN, rows.Stats().KeyN; d != n || r != n {
		add("check.purchase_index_count", "there are {{.n}} received invoices, but {{.dups}} keys in the index of suppliers' numbers and {{.rows}} in the list index",
			map[string]any{"n": n, "dups": d, "rows": r})
	}
}

// checkPayments proves every payment has its posting and that payments and
// posted bank lines point at each other.
func checkPayments(tx *bolt.Tx, add addFn) {
	entryIDs, bank := tx.Bucket(bEntryIDs), tx.Bucket(bBank)
	for _, records := range [][]byte{bPayments, bSupPays} {
		_ = tx.Bucket(records).ForEach(func(k, v []byte) error {
			var p app.Payment
			if err := decode(v, &p); err != nil {
				add("check.payment_unreadable", "payment {{.id}} cannot be read", map[string]any{"id": string(k)})
				return nil
			}
			if p.EntryID == "" || entryIDs.Get([]byte(p.EntryID)) == nil {
				add("check.payment_entry", "the payment of {{.amount}} of {{.date}} has no posting in the journal", map[string]any{"amount": p.Amount, "date": p.Date})
			}
			if p.BankEntry == "" {
				return nil
			}
			var e app.BankEntry
			if raw := bank.Get([]byte(p.BankEntry)); raw == nil || decode(raw, &e) != nil || e.PaymentID != p.ID {
				add("check.payment_bank", "the payment of {{.amount}} of {{.date}} came from a bank line that does not record it", map[string]any{"amount": p.Amount, "date": p.Date})
			}
			return nil
		})
	}
	keys := tx.Bucket(bBankKeys)
	n := 0
	_ = bank.ForEach(func(k, v []byte) error {
		n++
		var e app.BankEntry
		if err := decode(v, &e); err != nil {
			add("check.bank_unreadable", "bank line {{.id}} cannot be read", map[string]any{"id": string(k)})
			return nil
		}
		args := map[string]any{"date": e.Line.Date, "amount": e.Line.Amount}
		if string(keys.Get([]byte(e.Key))) != e.ID {
			add("check.bank_key", "the bank line of {{.date}} ({{.amount}}) is missing from the index that keeps a statement from being imported twice", args)
		}
		if e.State != app.MatchPosted {
			return nil
		}
		if e.Kind == app.PayKindAccount {
			if je, err := readEntry(tx, e.EntryID); err != nil || je.Source != "bank:"+e.ID {
				add("check.bank_entry", "the bank line of {{.date}} ({{.amount}}) is marked posted to an account, but its journal entry does not exist", args)
			}
			return nil
		}
		records := bPayments
		if e.Kind == app.PayKindPurchase {
			records = bSupPays
		}
		var p app.Payment
		if raw := tx.Bucket(records).Get([]byte(e.PaymentID)); raw == nil || decode(raw, &p) != nil || p.BankEntry != e.ID {
			add("check.bank_payment", "the bank line of {{.date}} ({{.amount}}) is marked posted, but its payment does not exist", args)
		}
		return nil
	})
	if k := keys.Stats().KeyN; k != n {
		add("check.bank_key_count", "there are {{.n}} bank lines but {{.keys}} keys in their import index", map[string]any{"n": n, "keys": k})
	}
}

// checkDocCustomers proves the customer index lists every sales document
// under its customer, and nothing else.
func checkDocCustomers(tx *bolt.Tx, add addFn) {
	idx := tx.Bucket(bDocCust)
	n := 0
	_ = tx.Bucket(bDocs).ForEach(func(k, v []byte) error {
		n++
		var d struct {
			Number     string `json:"number"`
			CustomerID string `json:"customer_id"`
		}
		if decode(v, &d) == nil && idx.Get(docCustomerKey(d.CustomerID, string(k))) == nil {
			add("check.doc_customer_index", "document {{.number}} is missing from its customer's list of documents", map[string]any{"number": d.Number})
		}
		return nil
	})
	if k := idx.Stats().KeyN; k != n {
		add("check.doc_customer_count", "there are {{.n}} sales documents but {{.keys}} keys in the customers' lists of documents", map[string]any{"n": n, "keys": k})
	}
}

// checkYearClosings proves each closed year's closing entry exists and is
// that year's.
func checkYearClosings(tx *bolt.Tx, add addFn) {
	_ = tx.Bucket(bYearClose).ForEach(func(k, id []byte) error {
		e, err := readEntry(tx, string(id))
		if y, _ := strconv.Atoi(string(k)); err != nil || e.Source != app.YearCloseSource(y) {
			add("check.year_closing", "{{.year}} is marked closed, but its closing entry is missing", map[string]any{"year": string(k)})
		}
		return nil
	})
}
