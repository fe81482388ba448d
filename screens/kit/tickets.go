package kit

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

// ticketBoxRows bounds the tickets AfterSalesBox lists; the rest are counted.
const ticketBoxRows = 30

// AfterSalesBox is the short list of the after-sales tickets matching f —
// a customer's (Reception's customer card) or an invoice's (the Sales
// invoice view, with the returns against it) — read through the service's
// filter, never a scan; open shows one ticket. Nil for a user without
// PermAftersales.
func AfterSalesBox(d Deps, w fyne.Window, f app.TicketFilter, open func(ticketID string)) fyne.CanvasObject {
	if !d.Can(app.PermAftersales) {
		return nil
	}
	box := container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.X("aftersales.box.tickets", "After-sales tickets"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	rows := container.NewVBox()
	box.Add(rows)
	type loaded struct {
		tickets []app.Ticket
		n       int
		returns []app.ReturnDoc
	}
	svc := d.Services.AfterSales
	today := app.Today(d.Clock())
	Call(d, To{Win: w}, func(ctx context.Context) (loaded, error) {
		ts, n, err := svc.Tickets(ctx, f, 0, ticketBoxRows)
		if err != nil || f.InvoiceID == "" {
			return loaded{ts, n, nil}, err
		}
		rs, err := svc.Returns(ctx, "", f.InvoiceID)
		return loaded{ts, n, rs}, err
	}, func(l loaded) {
		if len(l.tickets) == 0 {
			none := widget.NewLabel(lang.X("reception.card.none", "None."))
			none.Importance = widget.LowImportance
			rows.Add(none)
		}
		for _, t := range l.tickets {
			rows.Add(ticketRow(t, today, open))
		}
		if l.n > len(l.tickets) {
			rows.Add(widget.NewLabel(Plural("reception.card.more", l.n-len(l.tickets), "and {{.n}} more", "and {{.n}} more", nil)))
		}
		if f.InvoiceID != "" {
			rows.Add(widget.NewLabelWithStyle(lang.X("aftersales.returns", "Returns (RMA)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
			if len(l.returns) == 0 {
				none := widget.NewLabel(lang.X("reception.card.none", "None."))
				none.Importance = widget.LowImportance
				rows.Add(none)
			}
			for _, r := range l.returns {
				rows.Add(widget.NewLabel(returnLine(r)))
			}
		}
		rows.Refresh()
	})
	return box
}

// ticketRow is "RK2026-0001 · subject · status" (it opens the ticket) and
// its deadline, red when overdue.
func ticketRow(t app.Ticket, today app.Date, open func(string)) fyne.CanvasObject {
	st := t.Status.Label()
	b := widget.NewButton(t.Number+" · "+t.Subject+" · "+lang.X(st.Key, st.Fallback), func() {
		if open != nil {
			open(t.ID)
		}
	})
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	dl := widget.NewLabel("")
	if n, ok := t.DaysLeft(today); ok {
		dl.SetText(lang.X("aftersales.deadline", "Deadline {{.text}}", map[string]any{"text": t.Deadline.Format(UILang)}))
		if n < 0 {
			dl.Importance = widget.DangerImportance
			dl.SetText(dl.Text + " · " + Plural("aftersales.days_over", -n, "{{.n}} day overdue", "{{.n}} days overdue", nil))
		}
	}
	return container.NewBorder(nil, nil, nil, dl, b)
}

// returnLine is "RMA2026-0001 · Credited · 2 ks Káva · credit note DB2026-0003".
func returnLine(r app.ReturnDoc) string {
	st := r.Status.Label()
	parts := []string{r.Number, lang.X(st.Key, st.Fallback)}
	for _, l := range r.Lines {
		parts = append(parts, FormatQty(l.Qty)+" "+l.Unit+" "+l.Text)
	}
	if r.CreditNoteNo != "" {
		parts = append(parts, lang.X("field.return.credit_note", "Credit note")+" "+r.CreditNoteNo)
	}
	return strings.Join(parts, " · ")
}
