package payables

import (
	"context"
	"slices"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// openItems lists the documents a bank line may pay, matching search:
// for incoming money the issued sales invoices with something left and the
// received invoices a supplier owes a refund on (Remaining negative, after a
// credit note); for outgoing money the received invoices left to pay.
func openItems(ctx context.Context, d kit.Deps, incoming bool, search string) ([]app.OpenItem, error) {
	var out []app.OpenItem
	if incoming {
		docs, _, err := d.Services.Sales.Documents(ctx, app.DocFilter{Kind: app.KindInvoice, Search: search}, 0, 500)
		if err != nil {
			return nil, err
		}
		for _, doc := range docs {
			if doc.Status == app.StatusIssued && doc.Remaining() > 0 {
				out = append(out, app.OpenItem{Kind: app.PayKindSale, DocID: doc.ID, Number: doc.Number, VS: trimZeros(doc.VariableSymbol),
					Party: doc.Customer.Name, Remaining: app.M(doc.Remaining(), doc.Currency)})
			}
		}
	}
	// OpenOnly lists both what is left to pay and the refunds due.
	ps, _, err := d.Services.Payables.Purchases(ctx, app.PurchaseFilter{Search: search, OpenOnly: true}, 0, 500)
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if left := p.Remaining(); !p.CreditNote && (incoming && left < 0 || !incoming && left > 0) {
			out = append(out, app.OpenItem{Kind: app.PayKindPurchase, DocID: p.ID, Number: p.Number, VS: trimZeros(p.VariableSymbol),
				Party: p.Supplier.Name, Remaining: app.M(left, p.Currency)})
		}
	}
	return out, nil
}

// isRefund tells an offered supplier's refund (money in for a received
// invoice) from a document the line pays.
func isRefund(it app.OpenItem) bool { return it.Kind == app.PayKindPurchase && it.Remaining.Amount < 0 }

// openItemText is how the pairing list shows a document.
func openItemText(it app.OpenItem) string {
	amount := it.Remaining.Format(kit.UILang)
	if isRefund(it) {
		amount = lang.X("bank.refund_due", "refund due {{.amount}}", map[string]any{"amount": it.Remaining.Neg().Format(kit.UILang)})
	}
	text := it.Number + " · " + it.Party + " · " + amount
	if it.VS != "" {
		text += " · " + lang.X("bank.vs", "VS {{.vs}}", map[string]any{"vs": it.VS})
	}
	return text
}

// trimZeros drops the leading zeros of a symbol, as bank lines carry them.
func trimZeros(s string) string {
	for len(s) > 0 && s[0] == '0' {
		s = s[1:]
	}
	return s
}

// pairRank orders the documents offered for a line: the matcher's
// candidates, then those with its variable symbol or amount, then the rest.
func pairRank(e app.BankEntry, it app.OpenItem) int {
	amount := e.Line.Amount.Amount
	if amount < 0 {
		amount = -amount
	}
	r := 0
	if slices.Contains(e.Candidates, it.Number) {
		r -= 4
	}
	if e.Line.VariableSymbol != "" && it.VS == e.Line.VariableSymbol {
		r -= 2
	}
	if abs(it.Remaining.Amount) == amount && it.Remaining.Currency == e.Line.Amount.Currency {
		r--
	}
	return r
}

// pair offers the open documents a line may pay, searchable, and posts the
// line as the payment of the one chosen after asking. Money in may also be
// a supplier's refund of an overpaid received invoice.
func (v *bankView) pair(e app.BankEntry) {
	incoming := e.Line.Amount.Amount > 0
	var found []app.OpenItem
	var gen int
	var db kit.Debouncer
	search := kit.NewEscEntry()
	search.SetPlaceHolder(lang.X("bank.pair_search", "Search number or party…"))
	list := widget.NewList(func() int { return len(found) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(openItemText(found[i]))
			l.Truncation = fyne.TextTruncateEllipsis
		})
	var dlg *dialog.CustomDialog
	list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(found) {
			dlg.Hide()
			v.confirmPair(e, found[i])
		}
	}
	run := func() {
		gen++
		g, q := gen, search.Text
		kit.Call(v.deps, kit.To{Win: v.win, Stale: func() bool { return g != gen }}, func(ctx context.Context) ([]app.OpenItem, error) {
			return openItems(ctx, v.deps, incoming, q)
		}, func(items []app.OpenItem) {
			sort.SliceStable(items, func(i, j int) bool { return pairRank(e, items[i]) < pairRank(e, items[j]) })
			found = items
			list.UnselectAll()
			list.Refresh()
		})
	}
	search.OnChanged = func(string) { db.Do(run) }
	line := widget.NewLabel(e.Line.Date.Format(kit.UILang) + " · " + e.Line.Amount.Format(kit.UILang) + " · " + bankLineCell(e, 4) + " · " + e.Line.Message)
	line.Wrapping = fyne.TextWrapWord
	title := lang.X("bank.pair_in_title", "Pair the incoming payment with an invoice")
	if incoming {
		title = lang.X("bank.pair_in_refund_title", "Pair the incoming payment with an invoice or a supplier's refund")
	}
	if !incoming {
		title = lang.X("bank.pair_out_title", "Pair the outgoing payment with a received invoice")
	}
	cancel := widget.NewButtonWithIcon(lang.X("action.cancel", "Cancel"), theme.CancelIcon(), func() { dlg.Hide() })
	body := container.NewBorder(container.NewVBox(line, search), nil, nil, nil, container.NewGridWrap(fyne.NewSize(620, 300), list))
	dlg = dialog.NewCustomWithoutButtons(title, body, v.win)
	dlg.SetButtons([]fyne.CanvasObject{cancel})
	search.OnEsc = dlg.Hide
	dlg.Show()
	v.win.Canvas().Focus(search)
	run()
}

// confirmPair asks before posting the line as a payment of it.
func (v *bankView) confirmPair(e app.BankEntry, it app.OpenItem) {
	args := map[string]any{"amount": e.Line.Amount.Format(kit.UILang), "date": e.Line.Date.Format(kit.UILang), "number": it.Number, "party": it.Party, "left": it.Remaining.Format(kit.UILang)}
	msg := lang.X("bank.pair_confirm", "Post the payment of {{.amount}} of {{.date}} to {{.number}} ({{.party}}, {{.left}} left to pay)?", args)
	if isRefund(it) {
		args["left"] = it.Remaining.Neg().Format(kit.UILang)
		msg = lang.X("bank.refund_confirm", "Post {{.amount}} of {{.date}} as the refund of {{.party}} on {{.number}} ({{.left}} refund due)?", args)
	}
	dialog.ShowConfirm(lang.X("bank.pair_title", "Pair the payment"), msg, func(ok bool) {
		if ok {
			v.post([]app.BankPairing{{EntryID: e.ID, Kind: it.Kind, DocID: it.DocID}})
		}
	}, v.win)
}
