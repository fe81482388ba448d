package data

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"kontor/app"
)

// The receipt (příjemka) of a received invoice: the invoice put the goods'
// base on 131 (111); its receipts move that to 132 (112), together never
// more than the invoice put there.

// ReceivePurchase saves the draft receipt of posted received invoice
// purchaseID into location on date (see app.WarehouseService).
func (s *Store) ReceivePurchase(ctx context.Context, purchaseID, location string, date app.Date, lines []app.StockLine, costs []app.AcquisitionCost) (app.StockDoc, error) {
	var out app.StockDoc
	err := s.updateAs(ctx, app.PermWarehouse, "receiving the invoice's goods", func(tx *bolt.Tx, u app.User, a *auditor) error {
		now := s.clock.Now().UTC()
		src, err := loadPurchaseSource(tx, purchaseID)
		if err != nil {
			return err
		}
		d, err := app.ReceiptFromPurchase(src.asAcquired(), src.c.Chart, location, app.NewID(now), u.Name, now)
		if err != nil {
			return err
		}
		if !date.IsZero() {
			d.Date = date
		}
		d.Lines = append([]app.StockLine(nil), lines...)
		d.Costs = append([]app.AcquisitionCost(nil), costs...)
		if d, err = spreadReceipt(tx, d, src, ""); err != nil {
			return err
		}
		if err := putLogged(tx, bStockDocs, changeStockDoc, []byte(d.ID), d); err != nil {
			return err
		}
		out = d
		return a.logKey("save", "stock_doc", d.ID, "audit.stock_from_purchase", "draft receipt of {{.number}}", app.AuditArgs{"number": app.AText(src.pi.Number)})
	})
	return out, err
}

// purchaseSource is what a receipt of a received invoice is made from:
// the warehouse settings, the invoice and the company.
type purchaseSource struct {
	set app.WarehouseSettings
	pi  app.PurchaseInvoice
	c   app.Company
}

// loadPurchaseSource reads the source of a receipt of received invoice
// purchaseID, refusing a company that keeps no stock and an unknown
// invoice (at stock.source).
func loadPurchaseSource(tx *bolt.Tx, purchaseID string) (purchaseSource, error) {
	var src purchaseSource
	var ok bool
	var err error
	if src.set, ok, err = readSettings(tx); err != nil || !ok {
		if err == nil {
			err = app.Invalid("warehouse.method", "err.warehouse.off", "the company does not keep stock; set the warehouse up first", nil)
		}
		return src, err
	}
	if src.pi, err = readPurchase(tx, purchaseID); err != nil {
		return src, app.WithField(err, "stock.source")
	}
	src.c, err = readCompany(tx)
	return src, err
}

// asAcquired is the invoice as app.ReceiptFromPurchase takes it: method B
// expensed the goods and the receipt only counts them in (it posts
// nothing), so the invoice stands for one on 131.
func (src purchaseSource) asAcquired() app.PurchaseInvoice {
	pi := src.pi
	if periodicPurchase(src.set, pi, src.c.Chart) {
		pi.Account = app.StockAccountsOf(src.c.Chart).GoodsAcquisition
	}
	return pi
}

// respreadPurchaseDraft readies draft d of a received invoice saved again
// (SaveStockDraft): the invoice must still be one a receipt is made from,
// and what it leaves to receive, besides its other receipts, is spread
// again over the lines with neither a value nor a unit cost.
func respreadPurchaseDraft(tx *bolt.Tx, d app.StockDoc) (app.StockDoc, error) {
	src, err := loadPurchaseSource(tx, d.SourceID)
	if err != nil {
		return d, err
	}
	if _, err := app.ReceiptFromPurchase(src.asAcquired(), src.c.Chart, d.Location, d.ID, d.Responsible, d.Created); err != nil {
		return d, err
	}
	pi := src.pi
	d.SourceNo, d.PartnerID, d.Partner, d.Counter = pi.Number, pi.SupplierID, pi.Supplier, app.CounterAcquisition
	return spreadReceipt(tx, d, src, d.ID)
}

// spreadReceipt readies draft receipt d of received invoice src.pi: the lines'
// codes, names and units from the price list, the document validated, the
// invoice's base left to receive (its receipts but except, drafts
// included) spread over the lines with neither a value nor a unit cost,
// and a receipt worth more than is left refused.
func spreadReceipt(tx *bolt.Tx, d app.StockDoc, src purchaseSource, except string) (app.StockDoc, error) {
	pi, c, set := src.pi, src.c, src.set
	d.Normalize()
	locs, err := readLocations(tx)
	if err != nil {
		return d, err
	}
	items := map[string]app.StockItem{}
	for i, l := range d.Lines {
		var si app.StockItem
		if ok, err := getJSON(tx, bStockItems, []byte(l.ItemID), &si); err != nil {
			return d, err
		} else if ok {
			items[l.ItemID] = si
		}
		if l.Code == "" || l.Name == "" || l.Unit == "" {
			var it app.Item
			if _, err := getJSON(tx, bItems, []byte(l.ItemID), &it); err != nil {
				return d, err
			}
			d.Lines[i].Code, d.Lines[i].Name, d.Lines[i].Unit = orText(l.Code, it.Code), orText(l.Name, it.Name), orText(l.Unit, it.Unit)
		}
	}
	if err := app.ValidateStockDoc(d, items, locs); err != nil {
		return d, err
	}
	invoiced, err := purchaseInvoiced(tx, pi, c.Chart, set)
	if err != nil {
		return d, err
	}
	taken, err := purchaseReceived(tx, pi, except, true)
	if err != nil {
		return d, err
	}
	if d, err = spreadPurchase(d, items, invoiced-taken); err != nil {
		return d, err
	}
	return d, overReceipt(pi, d, invoiced, taken, c.BaseCurrency)
}

func orText(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// PurchaseReceipt is what received invoice purchaseID put on the
// acquisition account and what its posted receipts took off it.
func (s *Store) PurchaseReceipt(ctx context.Context, purchaseID string) (invoiced, received int64, err error) {
	err = s.viewAs(ctx, app.PermWarehouse, "reading the invoice's receipts", func(tx *bolt.Tx, _ app.User) error {
		pi, err := readPurchase(tx, purchaseID)
		if err != nil {
			return err
		}
		c, err := readCompany(tx)
		if err != nil {
			return err
		}
		set, _, err := readSettings(tx)
		if err != nil {
			return err
		}
		if invoiced, err = purchaseInvoiced(tx, pi, c.Chart, set); err != nil {
			return err
		}
		received, err = purchaseReceived(tx, pi, "", false)
		return err
	})
	return invoiced, received, err
}

// periodicPurchase reports whether pi is a method-B company's purchase of
// stock: posted to 504 or 501.
func periodicPurchase(set app.WarehouseSettings, pi app.PurchaseInvoice, chart app.Chart) bool {
	acc := app.StockAccountsOf(chart)
	return set.Method == app.StockPeriodic && !pi.CreditNote && (pi.Account == acc.GoodsSold || pi.Account == acc.MaterialUsed)
}

// purchaseInvoiced is what received invoice pi debited to the acquisition
// account it was posted to (131, 111; under method B 504, 501), in the base
// currency: its posting says, whatever its currency or VAT deduction.
func purchaseInvoiced(tx *bolt.Tx, pi app.PurchaseInvoice, chart app.Chart, set app.WarehouseSettings) (int64, error) {
	acc := app.StockAccountsOf(chart)
	onAcq := pi.Account == acc.GoodsAcquisition || pi.Account == acc.MaterialAcquisition
	if pi.CreditNote || !onAcq && !periodicPurchase(set, pi, chart) || pi.EntryID == "" {
		return 0, nil
	}
	e, err := readEntry(tx, pi.EntryID)
	if err != nil {
		return 0, err
	}
	var sum int64
	for _, l := range e.Lines {
		if l.Account == pi.Account {
			sum += l.Debit - l.Credit
		}
	}
	return sum, nil
}

// receiptClears is what receipt d credits to the acquisition account: its
// lines' values (Qty × UnitCost where not given) when its counter is the
// acquisition account, and its costs against that account.
func receiptClears(d app.StockDoc) (int64, error) {
	d, _, err := app.ReceiptValues(d)
	if err != nil {
		return 0, err
	}
	var sum int64
	if d.Counter == app.CounterAcquisition || d.Counter == "" {
		for _, l := range d.Lines {
			sum += l.Value
		}
	}
	for _, c := range d.Costs {
		if c.Counter == app.CounterAcquisition || c.Counter == "" {
			sum += c.Amount
		}
	}
	return sum, nil
}

// purchaseReceived sums what the receipts of received invoice pi clear
// from the acquisition account: the posted ones less their stornos, and
// with drafts the drafts too; except (an ID) is left out. A receipt is made
// after its invoice, so only the stock documents written since the
// invoice's entry was posted are read (stockDocsSince); each one's JSON is
// matched for the invoice's ID before it is decoded.
func purchaseReceived(tx *bolt.Tx, pi app.PurchaseInvoice, except string, drafts bool) (int64, error) {
	needle := []byte(`"source_id":"` + pi.ID + `"`)
	var sum int64
	add := func(k, v []byte) error {
		if v == nil || !bytes.Contains(v, needle) || string(k) == except {
			return nil
		}
		var d app.StockDoc
		if err := decode(v, &d); err != nil {
			return err
		}
		if !d.FromPurchase() || d.SourceID != pi.ID || d.Status == app.StockDraft && !drafts {
			return nil
		}
		v2, err := receiptClears(d)
		if err != nil {
			return err
		}
		if d.Storno {
			v2 = -v2
		}
		sum += v2
		return nil
	}
	docs := tx.Bucket(bStockDocs)
	ids, ok, err := stockDocsSince(tx, pi.EntryID)
	if err != nil {
		return 0, err
	}
	if !ok {
		return sum, docs.ForEach(add)
	}
	for _, id := range ids {
		if err := add(id, docs.Get(id)); err != nil {
			return 0, err
		}
	}
	return sum, nil
}

// stockDocsSince lists the stock documents written since journal entry
// entryID was posted, each once: the change log's sequence orders every
// write whatever the clock says, and the entry's own change is where to
// start; the transaction's own writes are still pending. False when the
// log cannot say (no log, an entry it does not know): read them all.
func stockDocsSince(tx *bolt.Tx, entryID string) ([][]byte, bool, error) {
	heads, changes, pending := tx.Bucket(bChangeHeads), tx.Bucket(bChanges), tx.Bucket(bChangePending)
	if heads == nil || changes == nil || pending == nil || entryID == "" {
		return nil, false, nil
	}
	seq := tx.Bucket(bEntryIDs).Get([]byte(entryID))
	if seq == nil {
		return nil, false, nil
	}
	head := heads.Get(cat([]byte{changeEntry}, seq))
	if len(head) < 8 {
		return nil, false, nil
	}
	seen := map[string]bool{}
	var out [][]byte
	note := func(id string) {
		if !seen[id] {
			seen[id] = true
			out = append(out, []byte(id))
		}
	}
	kind := []byte(`"kind":"` + string(changeStockDoc) + `"`)
	c := changes.Cursor()
	for k, v := c.Seek(u64(binary.BigEndian.Uint64(head[:8]) + 1)); k != nil; k, v = c.Next() {
		if !bytes.Contains(v, kind) {
			continue
		}
		var ch change
		if err := json.Unmarshal(v, &ch); err != nil {
			return nil, false, app.Internal("reading the change log", err)
		}
		if ch.Kind == string(changeStockDoc) {
			note(ch.ID)
		}
	}
	pc := pending.Cursor()
	for k, _ := pc.Seek([]byte{changeStockDoc}); len(k) > 0 && k[0] == changeStockDoc; k, _ = pc.Next() {
		note(string(k[1:]))
	}
	return out, true, nil
}

// spreadPurchase gives the lines without a value their part of left (what
// the invoice leaves to receive) less the values given and the costs
// against the acquisition account, in proportion to quantity × the card's
// purchase price (by quantity when no card has a price). Lines with a
// value or a unit cost keep it.
func spreadPurchase(d app.StockDoc, items map[string]app.StockItem, left int64) (app.StockDoc, error) {
	var blank []int
	var weights []int64
	priced := false
	for i, l := range d.Lines {
		if l.Value != 0 || l.UnitCost != 0 {
			continue
		}
		blank = append(blank, i)
		w := int64(0)
		if p := items[l.ItemID].PurchasePrice.Amount; p > 0 {
			w = int64(l.Qty) * p / app.QtyScale
			priced = true
		}
		weights = append(weights, w)
	}
	if len(blank) == 0 {
		return d, nil
	}
	if !priced {
		for j, i := range blank {
			weights[j] = int64(d.Lines[i].Qty)
		}
	}
	given, err := receiptClears(app.StockDoc{Kind: d.Kind, Counter: d.Counter, Lines: withoutBlank(d.Lines, blank), Costs: d.Costs})
	if err != nil {
		return d, err
	}
	rest := left - given
	if rest <= 0 {
		return d, nil // overReceipt says what is wrong
	}
	for j, v := range app.Allocate(rest, weights) {
		d.Lines[blank[j]].Value = v
	}
	return d, nil
}

func withoutBlank(lines []app.StockLine, blank []int) []app.StockLine {
	skip := map[int]bool{}
	for _, i := range blank {
		skip[i] = true
	}
	var out []app.StockLine
	for i, l := range lines {
		if !skip[i] {
			out = append(out, l)
		}
	}
	return out
}

// overReceipt refuses receipt d of invoice pi when it would take more off
// the acquisition account than the invoice put there (invoiced) less what
// its other receipts take (taken), or when a line has no value left.
func overReceipt(pi app.PurchaseInvoice, d app.StockDoc, invoiced, taken int64, currency string) error {
	clears, err := receiptClears(d)
	if err != nil {
		return err
	}
	for i, l := range d.Lines {
		if l.Value == 0 && l.UnitCost == 0 {
			return app.Invalid("stock.lines", "err.stock.purchase_nothing_left", "line {{.n}} ({{.item}}): nothing of received invoice {{.number}} is left to receive",
				map[string]any{"n": i + 1, "item": l.Name, "number": pi.Number})
		}
	}
	if taken+clears <= invoiced {
		return nil
	}
	money := func(v int64) string { return app.M(v, currency).Format(app.English) }
	return app.WithField(app.Errorf(app.ECONFLICT, "err.stock.purchase_over", "received invoice {{.number}} put {{.invoiced}} on {{.account}}, {{.taken}} of it is received already; this receipt of {{.amount}} is more than is left",
		map[string]any{"number": pi.Number, "invoiced": money(invoiced), "account": pi.Account, "taken": money(taken), "amount": money(clears)}), "stock.source")
}

// checkPurchaseReceipt refuses to post receipt d of a received invoice
// that, with the invoice's receipts posted before it, takes more off the
// acquisition account than the invoice put there; postStockTx calls it.
func checkPurchaseReceipt(tx *bolt.Tx, d app.StockDoc, c app.Company) error {
	if !d.FromPurchase() || d.Storno || d.SourceID == "" {
		return nil
	}
	pi, err := readPurchase(tx, d.SourceID)
	if err != nil {
		return app.WithField(err, "stock.source")
	}
	set, _, err := readSettings(tx)
	if err != nil {
		return err
	}
	invoiced, err := purchaseInvoiced(tx, pi, c.Chart, set)
	if err != nil {
		return err
	}
	taken, err := purchaseReceived(tx, pi, d.ID, false)
	if err != nil {
		return err
	}
	return overReceipt(pi, d, invoiced, taken, c.BaseCurrency)
}
