package payables

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// purchasePageSize is how many received invoices one fetch brings.
const purchasePageSize = 100

// payablesView is the Payables pane of Accounts: the received invoices,
// searched as you type and filtered by issue dates and "open only"; a tapped
// invoice opens its detail with the payments, and "New received invoice…"
// opens the form in place of the list.
type payablesView struct {
	deps    kit.Deps
	win     fyne.Window
	company app.Company

	root     *fyne.Container // the list, the form or a detail
	list     fyne.CanvasObject
	filter   app.PurchaseFilter
	rows     *kit.PagedRows[app.PurchaseInvoice]
	debounce kit.Debouncer

	search, from, to *widget.Entry
	openOnly         *widget.Check
	filterMsg        *widget.Label
	countText        *widget.Label
	table            *widget.Table
	form             *purchaseForm // the open form, nil otherwise
}

func newPayablesView(d kit.Deps, w fyne.Window, c app.Company) *payablesView {
	return &payablesView{deps: d, win: w, company: c, rows: kit.NewPagedRows[app.PurchaseInvoice](purchasePageSize, d, w)}
}

// purchaseColumns are the columns of the received invoices list.
var purchaseColumns = []kit.Column{
	{Key: "payables.col.number", Fallback: "Number", Width: 130},
	{Key: "payables.col.supplier_number", Fallback: "Supplier's number", Width: 210},
	{Key: "payables.col.supplier", Fallback: "Supplier", Width: 220},
	{Key: "payables.col.issue", Fallback: "Issued", Width: 110},
	{Key: "payables.col.due", Fallback: "Due", Width: 110},
	{Key: "payables.col.total", Fallback: "Total", Width: 140},
	{Key: "payables.col.remaining", Fallback: "Remaining", Width: 140},
	{Key: "payables.col.status", Fallback: "Status", Width: 130},
}

func (v *payablesView) buildUI() fyne.CanvasObject {
	v.search = widget.NewEntry()
	v.search.SetPlaceHolder(lang.X("payables.search", "Search number, supplier's number or supplier…"))
	v.from, v.to = widget.NewEntry(), widget.NewEntry()
	v.from.SetPlaceHolder(kit.DatePlaceholder())
	v.to.SetPlaceHolder(kit.DatePlaceholder())
	for _, e := range []*widget.Entry{v.search, v.from, v.to} {
		e.OnChanged = func(string) { v.debounce.Do(v.apply) }
		e.OnSubmitted = func(string) { v.apply() }
	}
	v.openOnly = widget.NewCheck(lang.X("payables.open_only", "Open only"), func(bool) { v.apply() })
	v.filterMsg = widget.NewLabel("")
	v.filterMsg.Importance = widget.DangerImportance
	v.filterMsg.Truncation = fyne.TextTruncateEllipsis
	v.filterMsg.Hide()
	v.countText = widget.NewLabel("")

	add := widget.NewButtonWithIcon(lang.X("payables.new", "New received invoice…"), theme.ContentAddIcon(), v.newPurchase)
	add.Importance = widget.HighImportance
	refresh := widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), v.reload)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(add, refresh), v.search)
	filters := container.NewHBox(
		widget.NewLabel(lang.X("journal.from", "From")), kit.Sized(v.from, 120),
		widget.NewLabel(lang.X("journal.to", "To")), kit.Sized(v.to, 120), v.openOnly)
	bar := container.NewVBox(top, container.NewBorder(nil, nil, filters, nil, v.filterMsg))

	v.table = kit.NewColumnTable(purchaseColumns, func() int { return v.rows.Count }, v.updateCell, func(c int) bool { return c == 5 || c == 6 })
	v.rows.Table = v.table
	v.rows.OnPage = func() {
		v.countText.SetText(kit.Plural("payables.count", v.rows.Count, "{{.n}} received invoice", "{{.n}} received invoices", nil))
	}
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		if p, ok := v.rows.Row(id.Row); ok {
			v.openPurchase(p.ID)
		}
	}
	v.list = container.NewBorder(bar, v.countText, nil, nil, v.table)
	v.root = container.NewStack(v.list)
	v.reload()
	return v.root
}

// show replaces what the pane shows with o.
func (v *payablesView) show(o fyne.CanvasObject) {
	v.root.Objects = []fyne.CanvasObject{o}
	v.root.Refresh()
}

// backToList closes a form or detail and shows the list, reloaded.
func (v *payablesView) backToList() {
	v.form = nil
	v.show(v.list)
	v.reload()
}

// readFilter reads the filter bar; a wrong date names its field.
func (v *payablesView) readFilter() (app.PurchaseFilter, error) {
	f := app.PurchaseFilter{Search: strings.TrimSpace(v.search.Text), OpenOnly: v.openOnly.Checked}
	var err error
	if f.From, err = kit.ParseOptionalDate(v.from.Text, "filter.from"); err != nil {
		return f, err
	}
	if f.To, err = kit.ParseOptionalDate(v.to.Text, "filter.to"); err != nil {
		return f, err
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, app.Invalid("filter.to", "err.period.reversed", "the end of the period is before its start", nil)
	}
	return f, nil
}

// apply reads the filter bar and reloads; a half-typed date is reported
// under the bar and the list stays as it was.
func (v *payablesView) apply() {
	f, err := v.readFilter()
	if err != nil {
		v.filterMsg.SetText(app.ErrorMessage(err, kit.Translator()))
		v.filterMsg.Show()
		return
	}
	v.filterMsg.Hide()
	v.filter = f
	v.reload()
}

// reload drops the cached pages and fetches the first with the count.
func (v *payablesView) reload() {
	if v.table == nil {
		return
	}
	f, svc := v.filter, v.deps.Services.Payables
	v.rows.Reset(func(ctx context.Context, offset, limit int) ([]app.PurchaseInvoice, int, error) {
		return svc.Purchases(ctx, f, offset, limit)
	})
	v.rows.Fetch(0)
}

func (v *payablesView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	v.rows.Updating = true
	defer func() { v.rows.Updating = false }()
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Alignment = kit.ColumnAlign(id.Col == 5 || id.Col == 6)
	l.Importance = widget.MediumImportance
	p, ok := v.rows.Row(id.Row)
	if !ok {
		l.SetText("…")
		return
	}
	text := ""
	switch id.Col {
	case 0:
		text = p.Number
	case 1:
		text = p.SupplierNumber
		if p.CreditNote { // an arrow is missing from the UI font: say it in words
			text = lang.X("payables.credit_of", "{{.number}} to {{.original}}", map[string]any{"number": p.SupplierNumber, "original": p.OriginalNo})
		}
	case 2:
		text = p.Supplier.Name
	case 3:
		text = p.IssueDate.Format(kit.UILang)
	case 4:
		if !p.CreditNote { // nothing falls due on a credit note
			text = p.DueDate.Format(kit.UILang)
		}
	case 5:
		text = app.M(p.Total, p.Currency).Format(kit.UILang)
	case 6:
		if !p.CreditNote { // a credit note is settled against its invoice
			text = app.M(p.Remaining(), p.Currency).Format(kit.UILang)
		}
	case 7:
		text, l.Importance = purchaseStatus(p, app.Today(v.deps.Clock()))
	}
	l.SetText(text)
}

// purchaseStatus is what a received invoice's status says on a day, with
// its colour: a credit note says so, an invoice the supplier has to pay
// money back on (a credit note after payment) says "refund due", the rest
// their document status.
func purchaseStatus(p app.PurchaseInvoice, today app.Date) (string, widget.Importance) {
	switch {
	case p.CreditNote:
		return lang.X("payables.status.credit_note", "credit note"), widget.MediumImportance
	case p.Remaining() < 0:
		return lang.X("payables.status.refund_due", "refund due"), widget.WarningImportance
	}
	st := p.StatusOn(today)
	return kit.DocStatusName(st), kit.StatusImportance(st)
}

// newPurchase opens an empty received invoice form with the company's
// current settings (its VAT rates and currency).
func (v *payablesView) newPurchase() { v.openForm(nil) }

// newCreditNote opens the form for the supplier's credit note to orig.
func (v *payablesView) newCreditNote(orig app.PurchaseInvoice) { v.openForm(&orig) }

// openForm opens the received invoice form, for a credit note to orig when
// it is not nil.
func (v *payablesView) openForm(orig *app.PurchaseInvoice) {
	type loaded struct {
		c     app.Company
		accts []app.Account
	}
	kit.Call(v.deps, kit.To{Win: v.win}, func(ctx context.Context) (loaded, error) {
		c, err := v.deps.Services.Company.Company(ctx)
		if err != nil {
			return loaded{}, err
		}
		accts, err := v.deps.Services.Ledger.Accounts(ctx)
		return loaded{c, accts}, err
	}, func(l loaded) {
		v.company = l.c
		v.form = newPurchaseForm(v, l.accts, orig)
		v.show(v.form.buildUI())
		v.form.focus()
	})
}

// openPurchase loads a received invoice with its payments and the credit
// notes recorded against it, and shows it.
func (v *payablesView) openPurchase(id string) {
	type loaded struct {
		p       app.PurchaseInvoice
		account string
		pays    []app.Payment
		credits []app.PurchaseInvoice
	}
	kit.Call(v.deps, kit.To{Win: v.win}, func(ctx context.Context) (loaded, error) {
		p, err := v.deps.Services.Payables.Purchase(ctx, id)
		var pays []app.Payment
		if err == nil {
			pays, err = v.deps.Services.Payables.SupplierPayments(ctx, id)
		}
		var credits []app.PurchaseInvoice
		if err == nil && p.Credited != 0 {
			var all []app.PurchaseInvoice
			all, _, err = v.deps.Services.Payables.Purchases(ctx, app.PurchaseFilter{SupplierID: p.SupplierID}, 0, 0)
			for _, c := range all {
				if c.CreditNote && c.OriginalID == p.ID {
					credits = append(credits, c)
				}
			}
		}
		account := p.Account
		if accts, aerr := v.deps.Services.Ledger.Accounts(ctx); aerr == nil {
			for _, a := range accts {
				if a.Code == p.Account {
					account += " " + a.Name
				}
			}
		}
		return loaded{p, account, pays, credits}, err
	}, func(l loaded) { v.show(v.detail(l.p, l.account, l.pays, l.credits)) })
}
