package app

import "time"

// Stock documents made from the documents that move goods: the issue an
// invoice ships with, the receipt of a received invoice.

// IssueFromInvoice is the draft issue (výdejka) of sales document inv's
// stock lines — lines whose item has a stock card in items — out of
// location, dated the invoice's DUZP, the customer its partner, linked to
// the invoice; false when no line is a stock item. A tracked item's line
// takes its lot or serial numbers from the invoice line's Trace (checked by
// CheckInvoiceTrace; ValidateStockDoc says when they are missing).
// The store posts it in the transaction that issues the invoice, so an
// invoice never ships more than is on hand unless negative stock is allowed.
func IssueFromInvoice(inv SalesDoc, items map[string]StockItem, location, id, user string, now time.Time) (StockDoc, bool) {
	d := StockDoc{ID: id, Branch: inv.Branch, Kind: StockIssue, Status: StockDraft, Date: inv.TaxDate, Location: location,
		PartnerID: inv.CustomerID, Partner: inv.Customer, SourceKind: string(inv.Kind), SourceID: inv.ID, SourceNo: inv.Number,
		Counter: CounterExpense, Responsible: user, Created: now}
	if d.Date.IsZero() {
		d.Date = inv.IssueDate
	}
	for _, l := range inv.Lines {
		if _, ok := items[l.ItemID]; !ok || l.ItemID == "" || l.Quantity <= 0 {
			continue
		}
		sl := StockLine{ItemID: l.ItemID, Code: l.Code, Name: l.Text, Unit: l.Unit, Qty: l.Quantity}
		switch items[l.ItemID].Tracking {
		case TrackLot:
			if len(l.Trace) > 0 {
				sl.Lot = l.Trace[0]
			}
		case TrackSerial:
			sl.Serials = append([]string(nil), l.Trace...)
		}
		d.Lines = append(d.Lines, sl)
	}
	return d, len(d.Lines) > 0
}

// CheckInvoiceTrace refuses an invoice line whose lot or serial numbers do
// not fit its item: numbers on an item tracked by neither, or more than one
// lot on a line (a line ships from one lot; split it). The counts of serial
// numbers are the issue's to check (ValidateStockDoc).
func CheckInvoiceTrace(inv SalesDoc, items map[string]StockItem) error {
	for i, l := range inv.Lines {
		if len(l.Trace) == 0 {
			continue
		}
		it, ok := items[l.ItemID]
		args := map[string]any{"n": i + 1, "item": l.Text}
		switch {
		case !ok || it.Tracking != TrackLot && it.Tracking != TrackSerial:
			return Invalid("doc.lines", "err.line.trace_untracked", "line {{.n}} ({{.item}}): the item is tracked by neither lot nor serial number; leave its lot or serial numbers empty", args)
		case it.Tracking == TrackLot && len(l.Trace) > 1:
			return Invalid("doc.lines", "err.line.trace_lots", "line {{.n}} ({{.item}}): a line ships from one lot; put each lot on its own line", args)
		}
	}
	return nil
}

// SourcePurchase is the SourceKind of a receipt made from a received
// invoice: its values are the invoice's base, spread by the store.
const SourcePurchase = "purchase"

// FromPurchase reports whether d is the receipt of a received invoice.
func (d StockDoc) FromPurchase() bool {
	return d.Kind == StockReceipt && d.SourceKind == SourcePurchase
}

// ReceiptFromPurchase is the draft receipt (příjemka) of received invoice
// pi into location, dated its DUZP, the supplier its partner, linked to it,
// without lines (the invoice has none; a person adds them, or scans them),
// clearing the acquisition account the invoice was posted to (131, 111).
// It refuses an invoice posted elsewhere: a receipt against 321 would owe
// the supplier twice, and one of an invoice already on 132 or an expense
// would count the goods twice.
func ReceiptFromPurchase(pi PurchaseInvoice, c Chart, location, id, user string, now time.Time) (StockDoc, error) {
	acc := StockAccountsOf(c)
	if pi.CreditNote || pi.Account != acc.GoodsAcquisition && pi.Account != acc.MaterialAcquisition {
		return StockDoc{}, Invalid("stock.source", "err.stock.purchase_account", "received invoice {{.number}} is posted to {{.account}}; a receipt is made from an invoice posted to {{.goods}} or {{.material}}",
			map[string]any{"number": pi.Number, "account": pi.Account, "goods": acc.GoodsAcquisition, "material": acc.MaterialAcquisition})
	}
	return StockDoc{ID: id, Branch: pi.Branch, Kind: StockReceipt, Status: StockDraft, Date: pi.TaxDate, Location: location,
		PartnerID: pi.SupplierID, Partner: pi.Supplier, SourceKind: SourcePurchase, SourceID: pi.ID, SourceNo: pi.Number,
		Counter: CounterAcquisition, Responsible: user, Created: now}, nil
}
