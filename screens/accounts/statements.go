package accounts

import (
	"context"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// statementsPane makes customer statements (výpis z účtu): a customer chosen
// from a search-as-you-type list, a period, a preview, a PDF of one customer,
// and the batch of every customer with a balance or activity.
type statementsPane struct {
	parent *accountsScreen
	root   fyne.CanvasObject

	search  *widget.Entry
	found   []app.Customer
	list    *widget.List
	gen     int
	db      kit.Debouncer
	cust    app.Customer // the chosen customer; zero ID for none
	chosen  *widget.Label
	fields  *kit.FieldSet
	from    *widget.Entry
	to      *widget.Entry
	exportB *widget.Button
	showB   *widget.Button

	st      *app.Statement // the preview, nil before Show
	view    []statementRow // its rows: each section's lines, under a heading when it has several
	summary *widget.Label
	table   *widget.Table
	status  *widget.Label

	mode   *widget.RadioGroup // batch: folder or combined
	batchB *widget.Button
	dlg    *dialog.FileDialog // the last file or folder dialog opened
}

func newStatementsPane(s *accountsScreen) *statementsPane { return &statementsPane{parent: s} }

// statementColumns are the columns of the statement preview.
var statementColumns = []kit.Column{
	{Key: "statements.col.date", Fallback: "Date", Width: 100},
	{Key: "statements.col.document", Fallback: "Document", Width: 165},
	{Key: "statements.col.due", Fallback: "Due", Width: 100},
	{Key: "statements.col.vs", Fallback: "Variable symbol", Width: 140},
	{Key: "statements.col.debit", Fallback: "Debit", Width: 120},
	{Key: "statements.col.credit", Fallback: "Credit", Width: 120},
	{Key: "statements.col.balance", Fallback: "Balance", Width: 120},
}

func (p *statementsPane) buildUI() fyne.CanvasObject {
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(lang.X("customers.search", "Search name, IČO, city, e-mail…"))
	p.search.OnChanged = func(string) { p.db.Do(p.runSearch) }
	p.list = widget.NewList(func() int { return len(p.found) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := p.found[i]
			text := c.Name
			if c.City != "" {
				text += " · " + c.City
			}
			o.(*widget.Label).SetText(text)
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(p.found) {
			p.setCustomer(p.found[i])
		}
	}
	left := container.NewBorder(p.search, nil, nil, nil, p.list)

	today := app.Today(p.parent.clock())
	p.chosen = kit.Heading(lang.X("statements.none", "Choose a customer on the left."))
	p.chosen.Wrapping = fyne.TextWrapWord
	p.fields = kit.NewFieldSet()
	p.from = p.fields.Entry("filter.from", "From", kit.DatePlaceholder())
	p.to = p.fields.Entry("filter.to", "To", kit.DatePlaceholder())
	p.from.SetText(kit.FormatDateInput(today.MonthOf().First()))
	p.to.SetText(kit.FormatDateInput(today))
	p.from.OnChanged = func(string) { p.checkPeriod() }
	p.to.OnChanged = func(string) { p.checkPeriod() }
	p.showB = widget.NewButtonWithIcon(lang.X("statements.show", "Show"), theme.SearchIcon(), p.show)
	p.exportB = widget.NewButtonWithIcon(lang.X("statements.export", "Export PDF…"), theme.DocumentSaveIcon(), p.exportOne)
	p.exportB.Importance = widget.HighImportance
	p.status = widget.NewLabel("")
	p.status.Truncation = fyne.TextTruncateEllipsis
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.table = kit.NewColumnTable(statementColumns, p.rows, p.updateCell, func(c int) bool { return c >= 4 })

	folder, combined := lang.X("statements.batch_folder", "One PDF each into a folder"), lang.X("statements.batch_combined", "One combined PDF")
	p.mode = widget.NewRadioGroup([]string{folder, combined}, nil)
	p.mode.Horizontal = true
	p.mode.Required = true
	p.mode.SetSelected(folder)
	p.batchB = widget.NewButtonWithIcon(lang.X("statements.batch", "Export all…"), theme.DocumentSaveIcon(), p.exportBatch)
	batch := container.NewVBox(widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.X("statements.batch_title", "All customers with a balance or activity in the period"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(p.mode, p.batchB))

	ff, tf := p.fields.ByKey["filter.from"], p.fields.ByKey["filter.to"]
	period := container.NewHBox(ff.Label, kit.Sized(p.from, 140), tf.Label, kit.Sized(p.to, 140), p.showB, p.exportB)
	top := container.NewVBox(p.chosen, container.NewBorder(nil, nil, period, nil, p.status), ff.Msg, tf.Msg, p.summary)
	right := container.NewBorder(top, batch, nil, nil, p.table)
	split := container.NewHSplit(left, right)
	split.Offset = 0.28
	p.root = split
	p.updateButtons()
	p.runSearch()
	return p.root
}

// runSearch lists the customers matching the search text off the UI thread;
// an older search's answer is dropped.
func (p *statementsPane) runSearch() {
	p.gen++
	gen, q := p.gen, p.search.Text
	customers := p.parent.deps.Services.Customers
	kit.Call(p.parent.deps, kit.To{Win: p.parent.win, Stale: func() bool { return gen != p.gen }}, func(ctx context.Context) ([]app.Customer, error) {
		return customers.Customers(ctx, q, 200)
	}, func(cs []app.Customer) {
		p.found = cs
		p.list.UnselectAll()
		p.list.Refresh()
	})
}

// setCustomer makes c the customer of the preview and the single export.
func (p *statementsPane) setCustomer(c app.Customer) {
	p.cust = c
	text := c.Name
	if c.ICO != "" {
		text += " · " + lang.X("statements.ico", "IČO {{.ico}}", map[string]any{"ico": c.ICO})
	}
	p.chosen.SetText(text)
	p.st, p.view = nil, nil
	p.summary.SetText("")
	p.status.SetText("")
	p.table.Refresh()
	p.updateButtons()
}

// updateButtons enables what needs a customer.
func (p *statementsPane) updateButtons() {
	if p.cust.ID == "" {
		p.showB.Disable()
		p.exportB.Disable()
	} else {
		p.showB.Enable()
		p.exportB.Enable()
	}
}

// period reads the period; a wrong date or a reversed period is shown at its
// field and ok is false.
func (p *statementsPane) period() (from, to app.Date, ok bool) {
	p.fields.Clear()
	from, err := app.ParseDate(p.from.Text)
	if err != nil {
		p.fields.Mark(app.WithField(err, "filter.from"))
		return from, to, false
	}
	to, err = app.ParseDate(p.to.Text)
	if err != nil {
		p.fields.Mark(app.WithField(err, "filter.to"))
		return from, to, false
	}
	if err := app.ValidatePeriod(from, to); err != nil {
		p.fields.Mark(err)
		return from, to, false
	}
	return from, to, true
}

// checkPeriod says at once when the period is reversed; half-typed dates
// are left alone until Show or Export reads them.
func (p *statementsPane) checkPeriod() {
	if p.fields == nil || p.to == nil {
		return
	}
	p.fields.Clear()
	from, ferr := app.ParseDate(p.from.Text)
	to, terr := app.ParseDate(p.to.Text)
	if ferr == nil && terr == nil {
		p.fields.Mark(app.ValidatePeriod(from, to))
	}
}

// show builds the chosen customer's statement for the preview.
func (p *statementsPane) show() {
	from, to, ok := p.period()
	if !ok || p.cust.ID == "" {
		return
	}
	cust, d := p.cust, p.parent.deps
	kit.Call(d, kit.To{Win: p.parent.win}, func(ctx context.Context) (app.Statement, error) {
		c, err := d.Services.Company.Company(ctx)
		if err != nil {
			return app.Statement{}, err
		}
		return app.CustomerStatement(ctx, d.Services.Sales, cust, from, to, c.BaseCurrency)
	}, func(st app.Statement) {
		if cust.ID != p.cust.ID {
			return // another customer was chosen meanwhile
		}
		p.st, p.view = &st, statementRows(st)
		p.summary.SetText(statementSummary(st))
		p.table.Refresh()
	})
}

// statementSummary is the text over the preview: balances and turnovers,
// a line per currency, each in its currency.
func statementSummary(st app.Statement) string {
	lines := make([]string, len(st.Sections))
	for i, sec := range st.Sections {
		m := func(v int64) string { return kit.FormatMoney(v, sec.Currency) }
		lines[i] = lang.X("statements.summary", "Opening balance {{.opening}} · debits {{.debits}} · credits {{.credits}} · closing balance {{.closing}}",
			map[string]any{"opening": m(sec.Opening), "debits": m(sec.Debits()), "credits": m(sec.Credits()), "closing": m(sec.Closing)})
	}
	return strings.Join(lines, "\n")
}

// statementRow is a row of the preview: a line of the section in currency,
// or (line nil) the heading of that section.
type statementRow struct {
	currency string
	line     *app.StatementLine
}

// statementRows lays out the preview: each section's lines, under a heading
// naming its currency when the statement has more than one.
func statementRows(st app.Statement) []statementRow {
	var rows []statementRow
	for _, sec := range st.Sections {
		if len(st.Sections) > 1 {
			rows = append(rows, statementRow{currency: sec.Currency})
		}
		for i := range sec.Lines {
			rows = append(rows, statementRow{currency: sec.Currency, line: &sec.Lines[i]})
		}
	}
	return rows
}

func (p *statementsPane) rows() int { return len(p.view) }

func (p *statementsPane) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Alignment = kit.ColumnAlign(id.Col >= 4)
	l.TextStyle = fyne.TextStyle{}
	if id.Row >= len(p.view) {
		l.SetText("")
		return
	}
	row := p.view[id.Row]
	if row.line == nil {
		text := ""
		if id.Col == 1 {
			text = lang.X("statements.section", "Account in {{.currency}}", map[string]any{"currency": row.currency})
		}
		l.TextStyle = fyne.TextStyle{Bold: true}
		l.SetText(text)
		return
	}
	ln, cur := *row.line, row.currency
	text := ""
	switch id.Col {
	case 0:
		text = ln.Date.Format(kit.UILang)
	case 1:
		text = statementKindName(ln.Kind) + " " + ln.Number
		if ln.Corrects != "" {
			text = lang.X("statements.corrects", "{{.document}} to invoice {{.invoice}}", map[string]any{"document": text, "invoice": ln.Corrects})
		}
	case 2:
		if !ln.DueDate.IsZero() {
			text = ln.DueDate.Format(kit.UILang)
		}
	case 3:
		text = ln.VariableSymbol
	case 4:
		text = kit.FormatAmount(ln.Debit, cur)
	case 5:
		text = kit.FormatAmount(ln.Credit, cur)
	case 6:
		text = app.FormatMinor(ln.Balance, app.MinorDigits(cur), kit.UILang)
	}
	l.SetText(text)
}

// statementKindName names a statement line's kind.
func statementKindName(kind string) string {
	switch kind {
	case app.StatementInvoice:
		return kit.DocKindName(app.KindInvoice)
	case app.StatementCreditNote:
		return kit.DocKindName(app.KindCreditNote)
	}
	return lang.X("statements.payment", "Payment of")
}

// exportOne asks where to save the chosen customer's statement, writes it in
// the background and opens it.
func (p *statementsPane) exportOne() {
	from, to, ok := p.period()
	if !ok || p.cust.ID == "" {
		return
	}
	cust := p.cust
	p.dlg = kit.SaveFileAs(p.parent.win, app.StatementFileName(cust.Name, cust.ID, false), ".pdf", func(path string) {
		p.writeOne(cust, from, to, path)
	})
}

// writeOne renders one customer's statement to path off the UI thread.
func (p *statementsPane) writeOne(cust app.Customer, from, to app.Date, path string) {
	d, win := p.parent.deps, p.parent.win
	p.status.SetText(lang.X("statements.writing", "Writing the statement…"))
	kit.Run(d, kit.To{Err: func(err error) {
		p.status.SetText("")
		kit.ShowError(err, win)
	}}, func(ctx context.Context) error {
		c, err := d.Services.Company.Company(ctx)
		if err != nil {
			return err
		}
		st, err := app.CustomerStatement(ctx, d.Services.Sales, cust, from, to, c.BaseCurrency)
		if err != nil {
			return err
		}
		return kit.WriteFileAtomic(path, func(f *os.File) error { return d.Printer.Print(f, st, c) })
	}, func() {
		p.status.SetText(lang.X("statements.saved", "Saved {{.path}}", map[string]any{"path": path}))
		kit.OpenFile(path)
	})
}
