package warehouse

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// pickPurchase lists the received invoices of goods still to be received
// and opens the receipt of the one chosen.
func (p *docsPane) pickPurchase() {
	kit.Call(p.v.deps, kit.To{Win: p.v.win}, func(ctx context.Context) ([]app.PurchaseToReceive, error) {
		return p.v.deps.Services.Warehouse.PurchasesToReceive(ctx, 200)
	}, p.showPurchases)
}

// purchaseLabel is one invoice of the picker: number, supplier, DUZP and
// what is left to receive.
func purchaseLabel(pr app.PurchaseToReceive) string {
	pi := pr.Purchase
	return lang.X("warehouse.purchase.row", "{{.number}} · {{.supplier}} · {{.date}} · left {{.left}}", map[string]any{
		"number": pi.Number, "supplier": pi.Supplier.Name, "date": kit.FormatDateInput(pi.TaxDate), "left": money(pr.Invoiced - pr.Received)})
}

func (p *docsPane) showPurchases(prs []app.PurchaseToReceive) {
	title := lang.X("warehouse.purchase.title", "Receive a supplier's invoice")
	if len(prs) == 0 {
		dialog.ShowInformation(title, lang.X("warehouse.purchase.none",
			"No received invoice of goods is waiting: the accountant records the supplier's invoice of goods on account 131 (or 111) in Accounts › Payables first."), p.v.win)
		return
	}
	chosen := -1
	var dlg dialog.Dialog
	list := widget.NewList(func() int { return len(prs) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(purchaseLabel(prs[i])) })
	list.OnSelected = func(i widget.ListItemID) { chosen = i }
	hint := widget.NewLabel(lang.X("warehouse.purchase.hint", "Pick the invoice whose goods arrived; then scan what was delivered. The invoice's amount is spread over the lines by the items' purchase prices."))
	hint.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(hint, nil, nil, nil, list)
	dlg = dialog.NewCustomConfirm(title, lang.X("warehouse.purchase.open", "Receive"), lang.X("action.cancel", "Cancel"), body, func(ok bool) {
		if ok && chosen >= 0 {
			p.newPurchaseReceipt(prs[chosen])
		}
	}, p.v.win)
	kit.ShowSized(dlg, fyne.NewSize(760, 460))
}

// newPurchaseReceipt opens a new draft receipt of received invoice pr into
// the default location, dated the invoice's DUZP.
func (p *docsPane) newPurchaseReceipt(pr app.PurchaseToReceive) {
	pi := pr.Purchase
	d := app.StockDoc{Kind: app.StockReceipt, Status: app.StockDraft, Date: pi.TaxDate, SourceKind: app.SourcePurchase, SourceID: pi.ID, SourceNo: pi.Number,
		PartnerID: pi.SupplierID, Partner: pi.Supplier, Counter: app.CounterAcquisition}
	if locs := p.v.cat.activeLocs(); len(locs) > 0 {
		d.Location = locs[0].ID
	}
	p.show(d)
	if p.form != nil {
		p.form.left = pr.Invoiced - pr.Received
		p.form.refresh()
	}
}
