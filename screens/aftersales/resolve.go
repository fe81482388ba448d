package aftersales

import (
	"context"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

var outcomes = []app.Outcome{app.OutcomeRepaired, app.OutcomeReplaced, app.OutcomeRefunded, app.OutcomeDiscount, app.OutcomeRefused, app.OutcomeAnswered}

// resolveForm asks, before a ticket is resolved or closed, for the outcome
// and the resolution text (the reasons, for a refusal).
type resolveForm struct {
	d          *detailView
	to         app.TicketStatus
	fd         *kit.FormDialog
	outcome    *widget.Select
	resolution *widget.Entry
}

func showResolveForm(d *detailView, to app.TicketStatus) *resolveForm {
	f := &resolveForm{d: d, to: to}
	fs := kit.NewFieldSet()
	var opts []string
	for _, o := range outcomes {
		opts = append(opts, label(o.Label()))
	}
	f.outcome = widget.NewSelect(opts, nil)
	f.outcome.PlaceHolder = lang.X("line.pick", "Pick…")
	for i, o := range outcomes {
		if o == d.t.Outcome {
			f.outcome.SetSelectedIndex(i)
		}
	}
	fs.Add("ticket.outcome", "Outcome", f.outcome)
	f.resolution = widget.NewMultiLineEntry()
	f.resolution.Wrapping = fyne.TextWrapWord
	f.resolution.SetMinRowsVisible(4)
	f.resolution.SetPlaceHolder(lang.X("aftersales.resolution_hint", "How the case was resolved; for a refusal, the reasons"))
	f.resolution.SetText(d.t.Resolution)
	fs.Add("ticket.resolution", "Resolution", f.resolution)
	title := lang.X("aftersales.resolve_title", "Resolve {{.number}}", map[string]any{"number": d.t.Number})
	confirm := lang.X("aftersales.resolve", "Resolve")
	if to == app.TicketClosed {
		title = lang.X("aftersales.close_title", "Close {{.number}}", map[string]any{"number": d.t.Number})
		confirm = lang.X("aftersales.close", "Close")
	}
	f.fd = kit.ShowFormDialog(title, confirm, fs, nil, d.v.win, func(*kit.FormDialog) { f.submit() })
	d.v.resolve = f
	return f
}

// submit moves the ticket; a missing outcome or resolution is refused at
// its field by the store.
func (f *resolveForm) submit() {
	var o app.Outcome
	if i := f.outcome.SelectedIndex(); i >= 0 {
		o = outcomes[i]
	}
	if o == "" && f.to == app.TicketResolved {
		f.fd.Fail(app.Invalid("ticket.outcome", "err.ticket.outcome", "choose the outcome before closing the case", nil))
		return
	}
	f.d.doMove(f.to, o, f.resolution.Text, f.fd.To(), f.fd.Close)
}

// pdfName is the file name offered for a ticket's document.
func pdfName(kind, number string) string { return kind + "-" + number + ".pdf" }

// askConfirmation saves the complaint confirmation where the user chooses.
func (v *View) askConfirmation(t app.Ticket) {
	kit.SaveFileAs(v.win, pdfName(lang.X("aftersales.file.confirmation", "complaint-confirmation"), t.Number), ".pdf", func(path string) {
		v.writeDoc(t, false, path, func() { v.savedPDF(path) })
	})
}

// askOutcome saves the outcome document.
func (v *View) askOutcome(t app.Ticket) {
	kit.SaveFileAs(v.win, pdfName(lang.X("aftersales.file.outcome", "complaint-outcome"), t.Number), ".pdf", func(path string) {
		v.writeDoc(t, true, path, func() { v.savedPDF(path) })
	})
}

// writeDoc writes the ticket's confirmation (or outcome) in the customer's
// language to path, then runs done.
func (v *View) writeDoc(t app.Ticket, outcome bool, path string, done func()) {
	svc, printer, c := v.deps.Services, v.deps.Printer, v.h.Company()
	kit.Run(v.deps, kit.To{Win: v.win}, func(ctx context.Context) error {
		l := app.Czech
		if cust, err := svc.Customers.Customer(ctx, t.CustomerID); err == nil && cust.Lang != "" {
			l = cust.Lang
		}
		var doc app.Printable
		var err error
		if outcome {
			doc, err = svc.AfterSales.TicketOutcome(ctx, t.ID, l)
		} else {
			doc, err = svc.AfterSales.TicketConfirmation(ctx, t.ID, l)
		}
		if err != nil {
			return err
		}
		return kit.WriteFileAtomic(path, func(f *os.File) error { return printer.Print(f, doc, c) })
	}, done)
}

// savedPDF says where the PDF went and opens it.
func (v *View) savedPDF(path string) {
	if v.detail != nil {
		v.detail.saved.SetText(lang.X("reports.saved", "Saved {{.path}}", map[string]any{"path": path}))
		v.detail.saved.Show()
	}
	kit.OpenFile(path)
}

// offerConfirmation asks, right after a complaint is filed, to save its
// confirmation (the law wants it handed over at once).
func (v *View) offerConfirmation(t app.Ticket) {
	msg := wrapped(lang.X("aftersales.offer_confirmation", "Complaint {{.number}} is filed. The customer is owed a written confirmation now (§ 19 of the consumer protection act). Save it as a PDF?",
		map[string]any{"number": t.Number}))
	confirmDialog(lang.X("aftersales.confirmation_title", "Complaint confirmation"), lang.X("aftersales.save_pdf", "Save PDF…"),
		lang.X("action.later", "Later"), msg, v.win, func() { v.askConfirmation(t) })
}
