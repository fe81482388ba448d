package sales

import (
	"context"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// buildView lays out an issued document (or a draft the user may only read):
// the header, the lines in a virtualised table, the totals and payments.
func (f *docForm) buildView() fyne.CanvasObject {
	d := f.doc
	grid := container.New(layout.NewFormLayout())
	row := func(key, fallback, value string) {
		if strings.TrimSpace(value) == "" {
			return
		}
		l := widget.NewLabelWithStyle(lang.X("field."+key, fallback), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		v := widget.NewLabel(value)
		v.Wrapping = fyne.TextWrapWord
		grid.Add(l)
		grid.Add(v)
	}
	p := d.Customer
	cust := p.Name
	if addr := strings.Trim(strings.Join([]string{p.Street, strings.TrimSpace(p.Postcode + " " + p.City)}, ", "), ", "); addr != "" {
		cust += "\n" + addr
	}
	for _, id := range [][2]string{{lang.X("field.customer.ico", "IČO"), p.ICO}, {lang.X("field.customer.dic", "DIČ"), p.DIC}} {
		if id[1] != "" {
			cust += "\n" + id[0] + " " + id[1]
		}
	}
	row("doc.customer", "Customer", cust)
	row("doc.issue_date", "Issue date", d.IssueDate.Format(kit.UILang))
	if d.Kind == app.KindInvoice || d.Kind == app.KindCreditNote {
		row("doc.tax_date", "DUZP", d.TaxDate.Format(kit.UILang))
		row("doc.due_date", "Due date", d.DueDate.Format(kit.UILang))
		row("doc.variable_symbol", "Variable symbol", d.VariableSymbol)
	}
	row("doc.valid_until", "Valid until", d.ValidUntil.Format(kit.UILang))
	row("doc.payment_method", "Payment method", kit.MethodName(d.PaymentMethod))
	row("doc.original", "Original invoice", d.OriginalNo)
	row("doc.reason", "Reason", d.Reason)
	row("doc.note", "Note", d.Note)
	if d.Kind == app.KindInvoice && d.Status != app.StatusDraft {
		row("doc.paid", "Paid", app.M(d.Paid, d.Currency).Format(kit.UILang))
		if d.Credited != 0 {
			row("doc.credited", "Credited", app.M(d.Credited, d.Currency).Format(kit.UILang))
		}
		row("doc.remaining", "Remaining", app.M(d.Remaining(), d.Currency).Format(kit.UILang))
	}

	totals := d.Totals
	if d.Status == app.StatusDraft {
		totals = liveTotals(d, f.s.company)
		d.Supplier.VATPayer = f.s.company.VATPayer
	}
	f.totals.set(d, totals, f.s.company.BaseCurrency)

	body := container.NewVBox(grid, widget.NewSeparator(), f.linesTable(d, totals),
		container.NewBorder(nil, nil, nil, f.totals.object()))
	if d.Kind == app.KindInvoice && d.Status != app.StatusDraft {
		f.payments = container.NewVBox()
		body.Add(widget.NewLabelWithStyle(lang.X("sales.payments", "Payments"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		body.Add(f.payments)
		f.loadPayments()
		if box := kit.AfterSalesBox(f.s.deps, f.s.win, app.TicketFilter{InvoiceID: d.ID}, f.s.openTicket); box != nil {
			body.Add(box)
		}
	}
	return body
}

// linesTable is the read-only table of the lines.
func (f *docForm) linesTable(d app.SalesDoc, t app.DocTotals) fyne.CanvasObject {
	names := lineColumnNames()
	cols := []int{1, 2, 3, 4, 5, 6, 7} // text … amount
	widths := []float32{380, 90, 60, 130, 80, 80, 140}
	table := widget.NewTableWithHeaders(
		func() (int, int) { return len(d.Lines), len(cols) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			l.Alignment = kit.ColumnAlign(id.Col != 0 && id.Col != 2)
			ln := d.Lines[id.Row]
			text := ""
			switch id.Col {
			case 0:
				text = ln.Text
				if len(ln.Trace) > 0 {
					text += " · " + lang.X("line.trace", "Lot / serial no.") + " " + strings.Join(ln.Trace, ", ")
				}
			case 1:
				text = ln.Quantity.Format(kit.UILang)
			case 2:
				text = ln.Unit
			case 3:
				text = app.FormatMinor(ln.UnitPrice, app.MinorDigits(d.Currency), kit.UILang)
			case 4:
				if ln.Discount.Micro() != 0 {
					text = ln.Discount.Format(kit.UILang) + "\u00a0%"
				}
			case 5:
				text = kit.VATLabel(f.s.company, ln.VATKind, f.vatDay(d))
				if ln.VATRate.Micro() != 0 || d.Status != app.StatusDraft {
					text = ln.VATRate.Format(kit.UILang) + "\u00a0%"
				}
			case 6:
				if id.Row < len(t.Lines) {
					text = app.FormatMinor(t.Lines[id.Row], app.MinorDigits(d.Currency), kit.UILang)
				}
			}
			l.SetText(text)
		})
	table.ShowHeaderColumn = false
	table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(names[cols[id.Col]])
			o.(*widget.Label).Alignment = kit.ColumnAlign(id.Col != 0 && id.Col != 2)
		}
	}
	for i, w := range widths {
		table.SetColumnWidth(i, w)
	}
	rows := min(max(len(d.Lines), 1), 12)
	space := canvas.NewRectangle(nil)
	space.SetMinSize(fyne.NewSize(0, float32(rows+1)*40))
	return container.NewStack(space, table)
}

// vatDay is the day the rates of d apply.
func (f *docForm) vatDay(d app.SalesDoc) app.Date {
	if !d.TaxDate.IsZero() {
		return d.TaxDate
	}
	return d.IssueDate
}

// loadPayments lists the payments of the invoice.
func (f *docForm) loadPayments() {
	id, cur := f.doc.ID, f.doc.Currency
	kit.Call(f.s.deps, kit.To{Win: f.s.win}, func(ctx context.Context) ([]app.Payment, error) {
		return f.s.deps.Services.Sales.Payments(ctx, id)
	}, func(ps []app.Payment) {
		f.payments.RemoveAll()
		if len(ps) == 0 {
			f.payments.Add(widget.NewLabel(lang.X("sales.no_payments", "No payments yet.")))
		}
		for _, p := range ps {
			f.payments.Add(widget.NewLabel(p.Date.Format(kit.UILang) + " · " + kit.MethodName(p.Method) + " · " + app.M(p.Amount.Amount, cur).Format(kit.UILang)))
		}
	})
}

// pdfFileName is the suggested file name of a document: its number.
func pdfFileName(d app.SalesDoc) string {
	name := d.Number
	if name == "" {
		name = string(d.Kind) + "-" + d.ID
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, name) + ".pdf"
}

// exportPDF asks where to save the document's PDF, writes it in the
// background and opens it in the system viewer.
func (f *docForm) exportPDF() {
	doc := f.doc
	kit.SaveFileAs(f.s.win, pdfFileName(doc), ".pdf", func(path string) { f.s.writePDF(doc, path) })
}

// writePDF renders d to path off the UI thread and opens it.
func (s *salesScreen) writePDF(d app.SalesDoc, path string) {
	kit.Run(s.deps, kit.To{Win: s.win}, func(ctx context.Context) error {
		return writeDocPDF(ctx, s.deps, d, path)
	}, func() {
		if s.form != nil && s.form.doc.ID == d.ID {
			s.form.state.SetText(lang.X("sales.pdf_saved", "Saved {{.path}}", map[string]any{"path": path}))
		}
		kit.OpenFile(path)
	})
}

// writeDocPDF writes one document to path through a temporary file, so a
// failure leaves nothing half-written.
func writeDocPDF(ctx context.Context, d kit.Deps, doc app.SalesDoc, path string) error {
	c, err := d.Services.Company.Company(ctx)
	if err != nil {
		return err
	}
	return kit.WriteFileAtomic(path, func(w *os.File) error { return d.Printer.Print(w, doc, c) })
}
