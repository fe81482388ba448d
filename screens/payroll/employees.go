package payroll

import (
	"context"
	"slices"
	"strconv"
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

// employeesPane is the list of employees with a search and the form.
type employeesPane struct {
	v      *View
	search *widget.Entry
	table  *widget.Table
	rows   []app.Employee
	sel    int
	deb    kit.Debouncer
	form   *employeeForm // the form last opened, for tests
}

func newEmployeesPane(v *View) *employeesPane { return &employeesPane{v: v, sel: -1} }

var employeeCols = []kit.Column{
	{Key: "payroll.col.name", Fallback: "Name", Width: 260},
	{Key: "payroll.col.contract", Fallback: "Contract", Width: 150},
	{Key: "payroll.col.pay", Fallback: "Salary / rate", Width: 190},
	{Key: "payroll.col.hours_week", Fallback: "Hours a week", Width: 110},
	{Key: "payroll.col.start", Fallback: "Start", Width: 120},
	{Key: "payroll.col.end", Fallback: "End", Width: 120},
}

func (p *employeesPane) buildUI() fyne.CanvasObject {
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(lang.X("payroll.search", "Search by name or birth date…"))
	p.search.OnChanged = func(string) { p.deb.Do(p.reload) }
	p.table = kit.NewColumnTable(employeeCols, func() int { return len(p.rows) }, p.cell, func(c int) bool { return c == 2 || c == 3 })
	p.table.OnSelected = func(id widget.TableCellID) {
		p.sel = id.Row
		if id.Row >= 0 && id.Row < len(p.rows) {
			p.open(p.rows[id.Row])
		}
		p.table.UnselectAll()
	}
	add := widget.NewButtonWithIcon(lang.X("payroll.new_employee", "New employee…"), theme.ContentAddIcon(), func() { p.open(app.Employee{}) })
	add.Importance = widget.HighImportance
	top := container.NewBorder(nil, nil, nil, add, p.search)
	return container.NewBorder(top, nil, nil, nil, p.table)
}

func (p *employeesPane) cell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Alignment = kit.ColumnAlign(id.Col == 2 || id.Col == 3)
	if id.Row >= len(p.rows) {
		l.SetText("")
		return
	}
	e := p.rows[id.Row]
	t := latestTerms(e)
	var s string
	switch id.Col {
	case 0:
		s = e.Name
	case 1:
		s = contractName(t.Contract)
	case 2:
		s = payText(t)
	case 3:
		s = t.HoursPerWeek.String()
	case 4:
		s = dateText(e.Start)
	case 5:
		s = dateText(e.End)
	}
	l.SetText(s)
}

// latestTerms are the employee's last terms (zero without any).
func latestTerms(e app.Employee) app.EmployeeTerms {
	if len(e.History) == 0 {
		return app.EmployeeTerms{}
	}
	return e.History[len(e.History)-1]
}

// payText is "45 000,00 Kč / month" or "180,00 Kč / h".
func payText(t app.EmployeeTerms) string {
	if t.HourlyRate > 0 {
		return lang.X("payroll.pay.hourly", "{{.amount}} Kč / h", map[string]any{"amount": money(t.HourlyRate)})
	}
	if t.MonthlySalary > 0 {
		return lang.X("payroll.pay.monthly", "{{.amount}} Kč / month", map[string]any{"amount": money(t.MonthlySalary)})
	}
	return ""
}

// reload lists the employees matching the search.
func (p *employeesPane) reload() {
	f := app.EmployeeFilter{Search: strings.TrimSpace(p.search.Text)}
	svc := p.v.deps.Services.Payroll
	kit.Call(p.v.deps, kit.To{Win: p.v.win}, func(ctx context.Context) ([]app.Employee, error) {
		return svc.Employees(ctx, f)
	}, func(es []app.Employee) {
		p.rows = es
		p.table.Refresh()
	})
}

// open shows the form of e (a new employee when e.ID is empty).
func (p *employeesPane) open(e app.Employee) {
	if e.ID == "" {
		p.form = newEmployeeForm(p, e)
		return
	}
	svc := p.v.deps.Services.Payroll
	kit.Call(p.v.deps, kit.To{Win: p.v.win}, func(ctx context.Context) (app.Employee, error) {
		return svc.Employee(ctx, e.ID)
	}, func(full app.Employee) { p.form = newEmployeeForm(p, full) })
}

// employeeForm edits one employee: the personal data and, as new terms
// from a date, the contract and pay.
type employeeForm struct {
	p    *employeesPane
	orig app.Employee
	fs   *kit.FieldSet // every field by key; left and right lay them out
	fd   *kit.FormDialog

	left, right *kit.FieldSet

	name, birth, street, city, postcode, bank *widget.Entry
	insurer, langSel                          *widget.Select
	start, end, decl                          *widget.Entry
	contract, payKind, disability             *widget.Select
	pay, hours                                *widget.Entry
	ztpp, stateIns                            *widget.Check
	kids                                      *childrenEditor
	// asked is the day new terms start from once the clerk has said it.
	asked app.Date
}

var contracts = []app.ContractType{app.ContractHPP, app.ContractDPP, app.ContractDPC}

func newEmployeeForm(p *employeesPane, e app.Employee) *employeeForm {
	f := &employeeForm{p: p, orig: e, fs: kit.NewFieldSet()}
	fs := f.fs
	f.name = fs.Entry("employee.name", "Name", "")
	f.birth = fs.Entry("employee.birth_number", "Birth number", "736028/5163")
	f.street = fs.Entry("employee.street", "Street", "")
	f.city = fs.Entry("employee.city", "City", "")
	f.postcode = fs.Entry("employee.postcode", "Postcode", "")
	insurers := app.HealthInsurerCodes()
	f.insurer = widget.NewSelect(kit.Names(insurers, insurerName), nil)
	f.insurer.PlaceHolder = lang.X("line.pick", "Pick…")
	fs.Add("employee.health_insurer", "Health insurer", f.insurer)
	f.bank = fs.Entry("employee.bank_account", "Bank account", "19-2000145399/0800")
	langs := []app.Lang{app.Czech, app.English}
	f.langSel = widget.NewSelect(kit.Names(langs, kit.LangName), nil)
	fs.Add("employee.lang", "Payslip language", f.langSel)
	f.start = fs.Entry("employee.start", "Employed from", kit.DatePlaceholder())
	f.end = fs.Entry("employee.end", "Employed until", lang.X("payroll.end_open", "open-ended"))
	f.decl = fs.Entry("employee.declarations", "Tax declaration signed for", "2025, 2026")

	f.contract = widget.NewSelect(kit.Names(contracts, contractName), nil)
	fs.Add("terms.contract", "Contract", f.contract)
	kinds := []string{lang.X("payroll.pay_kind.monthly", "Monthly salary"), lang.X("payroll.pay_kind.hourly", "Hourly rate")}
	f.payKind = widget.NewSelect(kinds, nil)
	f.pay = widget.NewEntry()
	f.pay.SetPlaceHolder("45 000")
	fs.Add("terms.pay", "Pay (Kč)", container.NewBorder(nil, nil, kit.Sized(f.payKind, 170), nil, f.pay))
	f.hours = fs.Entry("terms.hours_per_week", "Hours a week", "40")
	f.disability = widget.NewSelect([]string{
		lang.X("payroll.disability.0", "None"), lang.X("payroll.disability.1", "1st degree"),
		lang.X("payroll.disability.2", "2nd degree"), lang.X("payroll.disability.3", "3rd degree")}, nil)
	fs.Add("terms.disability", "Disability", f.disability)
	f.ztpp = widget.NewCheck(lang.X("payroll.ztpp_holder", "holds a ZTP/P card"), nil)
	fs.Add("terms.ztpp", "ZTP/P", f.ztpp)
	f.stateIns = widget.NewCheck(lang.X("payroll.state_insured_text", "the state also pays their health insurance"), nil)
	fs.Add("terms.state_insured", "State-insured", f.stateIns)
	f.kids = newChildrenEditor()
	fs.Add("terms.children", "Children (tax credit)", f.kids.box)

	f.fill(e)
	title := lang.X("payroll.new_employee_title", "New employee")
	if e.ID != "" {
		title = e.Name
	}
	// Two columns, the person and the terms, so the form fits a 1366×850
	// screen: fs keeps every field by key (errors find them), the columns
	// lay them out.
	const personal = 11
	f.left, f.right = kit.NewFieldSet(), kit.NewFieldSet()
	f.left.Fields, f.right.Fields = fs.Fields[:personal], fs.Fields[personal:]
	fs.Fields = nil
	extra := container.NewVBox(container.NewGridWithColumns(2, f.left.Object(), container.NewVBox(f.right.Object())))
	if e.ID != "" {
		extra.Add(f.historyBox(e))
	}
	for _, col := range []*kit.FieldSet{f.left, f.right} {
		for _, fl := range col.Fields {
			if en := kit.EntryOf(fl.Input); en != nil {
				en.OnSubmitted = func(string) { f.fd.Run() }
			}
		}
	}
	f.fd = kit.ShowFormDialog(title, lang.X("action.save", "Save"), fs, extra, p.v.win, func(*kit.FormDialog) { f.save() })
	f.fd.Widen(1200)
	p.v.win.Canvas().Focus(f.name)
	return f
}

// insurerName is "111 — Všeobecná zdravotní pojišťovna ČR".
func insurerName(code string) string { return code + " — " + app.HealthInsurers[code] }

// fill puts e and its last terms into the form.
func (f *employeeForm) fill(e app.Employee) {
	f.name.SetText(e.Name)
	f.birth.SetText(e.BirthNumber)
	f.street.SetText(e.Street)
	f.city.SetText(e.City)
	f.postcode.SetText(e.Postcode)
	if e.HealthInsurer != "" {
		kit.SelectValue(f.insurer, app.HealthInsurerCodes(), e.HealthInsurer)
	}
	f.bank.SetText(e.BankAccount)
	if e.Lang == app.English {
		f.langSel.SetSelectedIndex(1)
	} else {
		f.langSel.SetSelectedIndex(0)
	}
	if !e.Start.IsZero() {
		f.start.SetText(kit.FormatDateInput(e.Start))
	}
	if !e.End.IsZero() {
		f.end.SetText(kit.FormatDateInput(e.End))
	}
	var ys []string
	for _, y := range e.Declarations {
		ys = append(ys, strconv.Itoa(y))
	}
	f.decl.SetText(strings.Join(ys, ", "))
	t := latestTerms(e)
	if t.Contract == "" {
		t.Contract = app.ContractHPP
		t.HoursPerWeek = app.HoursOf(40)
	}
	kit.SelectValue(f.contract, contracts, t.Contract)
	if t.HourlyRate > 0 {
		f.payKind.SetSelectedIndex(1)
		f.pay.SetText(moneyInput(t.HourlyRate))
	} else {
		f.payKind.SetSelectedIndex(0)
		f.pay.SetText(moneyInput(t.MonthlySalary))
	}
	f.hours.SetText(hoursInput(t.HoursPerWeek))
	f.disability.SetSelectedIndex(t.Disability)
	f.ztpp.SetChecked(t.ZTPP)
	f.stateIns.SetChecked(t.StateInsured)
	f.kids.set(t.Children)
}

// read builds the employee and the terms the form shows; the terms' From
// is left zero.
func (f *employeeForm) read() (app.Employee, app.EmployeeTerms, error) {
	var es app.Errors
	e := f.orig
	e.Name, e.BirthNumber, e.Street, e.City, e.Postcode = f.name.Text, f.birth.Text, f.street.Text, f.city.Text, f.postcode.Text
	e.BankAccount = f.bank.Text
	e.HealthInsurer = ""
	if i := f.insurer.SelectedIndex(); i >= 0 {
		e.HealthInsurer = app.HealthInsurerCodes()[i]
	}
	e.Lang = app.Czech
	if f.langSel.SelectedIndex() == 1 {
		e.Lang = app.English
	}
	var err error
	if strings.TrimSpace(f.start.Text) == "" {
		e.Start = app.Date{}
	} else if e.Start, err = kit.ParseOptionalDate(f.start.Text, "employee.start"); err != nil {
		es.Add(err)
	}
	if e.End, err = kit.ParseOptionalDate(f.end.Text, "employee.end"); err != nil {
		es.Add(err)
	}
	e.Declarations = nil
	for _, w := range strings.FieldsFunc(f.decl.Text, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		y, err := strconv.Atoi(w)
		if err != nil {
			es.Add(app.Invalid("employee.declarations", "err.employee.declaration_year", "{{.year}} is not a tax year", map[string]any{"year": w}))
			continue
		}
		if !slices.Contains(e.Declarations, y) {
			e.Declarations = append(e.Declarations, y)
		}
	}
	slices.Sort(e.Declarations)
	var t app.EmployeeTerms
	if i := f.contract.SelectedIndex(); i >= 0 {
		t.Contract = contracts[i]
	}
	amount, err := parseMoney(strings.TrimSpace(f.pay.Text), "terms.pay")
	if err != nil {
		es.Add(err)
	}
	if f.payKind.SelectedIndex() == 1 {
		t.HourlyRate = amount
	} else {
		t.MonthlySalary = amount
	}
	if t.HoursPerWeek, err = parseHours(strings.TrimSpace(f.hours.Text), "terms.hours_per_week"); err != nil {
		es.Add(err)
	}
	t.Disability = max(f.disability.SelectedIndex(), 0)
	t.ZTPP = f.ztpp.Checked
	t.StateInsured = f.stateIns.Checked
	kids, err := f.kids.read()
	if err != nil {
		es.Add(err)
	}
	t.Children = kids
	return e, t, es.Err()
}

// sameTerms reports terms equal but for From.
func sameTerms(a, b app.EmployeeTerms) bool {
	a.From, b.From = app.Date{}, app.Date{}
	return a.Contract == b.Contract && a.MonthlySalary == b.MonthlySalary && a.HourlyRate == b.HourlyRate &&
		a.HoursPerWeek == b.HoursPerWeek && a.Disability == b.Disability && a.ZTPP == b.ZTPP &&
		a.StateInsured == b.StateInsured && slices.Equal(a.Children, b.Children)
}

// build is the employee to save: a new one's terms from its start; an
// existing one's changed terms as new terms from the day asked (ok false
// while that day is not known yet).
func (f *employeeForm) build() (app.Employee, bool, error) {
	e, t, err := f.read()
	if f.orig.ID == "" || len(f.orig.History) == 0 {
		t.From = e.Start
		e.History = []app.EmployeeTerms{t}
		return e, true, err
	}
	if sameTerms(t, latestTerms(f.orig)) {
		return e, true, err
	}
	if f.asked.IsZero() {
		if err == nil {
			// The rest of the form first: the date is asked last.
			probe := e.WithTerms(withFrom(t, f.orig))
			probe.Normalize()
			err = probe.Validate()
		}
		return e, false, err
	}
	t.From = f.asked
	return e.WithTerms(t), true, err
}

// withFrom is t from the day after the last terms, to validate before the
// real day is asked.
func withFrom(t app.EmployeeTerms, e app.Employee) app.EmployeeTerms {
	t.From = latestTerms(e).From.AddDays(1)
	return t
}

// save checks the form, asks from which day changed terms apply, and
// saves; a wrong field is marked and nothing is written.
func (f *employeeForm) save() {
	f.left.Clear()
	f.right.Clear()
	e, ok, err := f.build()
	if ok {
		e.Normalize()
		err = merge(err, e.Validate())
	}
	if err != nil {
		f.fd.Fail(err)
		return
	}
	if !ok {
		f.askFrom()
		return
	}
	svc := f.p.v.deps.Services.Payroll
	to := f.fd.To()
	to.Err = func(err error) {
		f.asked = app.Date{} // a refused day is asked again on the next Save
		f.fd.Fail(err)
	}
	kit.Call(f.p.v.deps, to, func(ctx context.Context) (app.Employee, error) {
		return svc.SaveEmployee(ctx, e)
	}, func(saved app.Employee) {
		f.orig = saved
		f.asked = app.Date{}
		f.fd.Close()
		f.p.reload()
	})
}

// merge joins the form's own errors with the validation's, one per field
// (the form's first: "not a date" before "is required").
func merge(own, valid error) error {
	var out app.Errors
	seen := map[string]bool{}
	for _, e := range append(fieldErrors(own), fieldErrors(valid)...) {
		if e.Field != "" && seen[e.Field] {
			continue
		}
		seen[e.Field] = true
		out = append(out, e)
	}
	if len(out) == 0 {
		if own != nil {
			return own
		}
		return valid
	}
	return out.Err()
}

// askFrom asks from which day the changed terms apply (the first of next
// month by default), then saves.
func (f *employeeForm) askFrom() {
	fs := kit.NewFieldSet()
	day := fs.Entry("terms.from", "In force from", kit.DatePlaceholder())
	day.SetText(kit.FormatDateInput(app.Today(f.p.v.deps.Clock()).MonthOf().Next().First()))
	note := noteLabel(lang.X("payroll.terms_from_note", "The contract or pay changed: the new terms apply from this day; the earlier terms stay in the history."))
	kit.ShowFormDialog(lang.X("payroll.terms_from_title", "From which date?"), lang.X("action.save", "Save"), fs, noteBox(note), f.p.v.win, func(fd *kit.FormDialog) {
		d, err := app.ParseDate(day.Text)
		if err != nil {
			showNote(note, err)
			return
		}
		f.asked = d
		fd.Close()
		f.save()
	})
}

// historyBox lists the employee's terms, newest first.
func (f *employeeForm) historyBox(e app.Employee) fyne.CanvasObject {
	box := container.NewVBox(bold(lang.X("payroll.history", "History of terms")))
	for i := len(e.History) - 1; i >= 0; i-- {
		t := e.History[i]
		line := lang.X("payroll.history_line", "from {{.from}}: {{.contract}}, {{.pay}}, {{.hours}} h a week, children {{.kids}}",
			map[string]any{"from": dateText(t.From), "contract": contractName(t.Contract), "pay": payText(t), "hours": t.HoursPerWeek.String(), "kids": len(t.Children)})
		box.Add(widget.NewLabel(line))
	}
	annual := widget.NewButtonWithIcon(lang.X("payroll.annual_account", "Annual account…"), theme.DocumentPrintIcon(), func() {
		f.p.v.askAnnualAccount(e)
	})
	reconcile := widget.NewButtonWithIcon(lang.X("payroll.reconcile", "Tax reconciliation…"), theme.DocumentIcon(), func() {
		f.p.v.askReconcile(e)
	})
	del := widget.NewButtonWithIcon(lang.X("payroll.delete_employee", "Delete…"), theme.DeleteIcon(), func() { f.askDelete(e) })
	box.Add(container.NewHBox(annual, reconcile, del))
	return box
}

// askDelete deletes an employee no pay run names, after a confirmation;
// the store refuses one a run names (end the employment instead).
func (f *employeeForm) askDelete(e app.Employee) {
	confirm(lang.X("payroll.delete_employee_title", "Delete the employee?"),
		lang.X("payroll.delete_employee_text", "{{.name}} is deleted. An employee named in a pay run cannot be: end the employment instead.", map[string]any{"name": e.Name}),
		f.p.v.win, func() {
			svc := f.p.v.deps.Services.Payroll
			kit.Run(f.p.v.deps, kit.To{Win: f.p.v.win}, func(ctx context.Context) error {
				return svc.DeleteEmployee(ctx, e.ID)
			}, func() {
				f.fd.Close()
				f.p.reload()
			})
		})
}

// childrenEditor is the list of children claimed for the tax credit: a
// row each with the name, the order and ZTP/P.
type childrenEditor struct {
	box  *fyne.Container
	list *fyne.Container
	rows []*childRow
}

type childRow struct {
	name  *widget.Entry
	order *widget.Select
	ztpp  *widget.Check
	obj   fyne.CanvasObject
}

var childOrders = []string{"1", "2", "3+"}

func newChildrenEditor() *childrenEditor {
	c := &childrenEditor{list: container.NewVBox()}
	add := widget.NewButtonWithIcon(lang.X("payroll.add_child", "Add child"), theme.ContentAddIcon(), func() { c.add(app.Child{Order: len(c.rows) + 1}) })
	c.box = container.NewVBox(c.list, container.NewHBox(add))
	return c
}

func (c *childrenEditor) set(kids []app.Child) {
	c.rows = nil
	c.list.RemoveAll()
	for _, k := range kids {
		c.add(k)
	}
}

func (c *childrenEditor) add(k app.Child) {
	r := &childRow{name: widget.NewEntry(), order: widget.NewSelect(childOrders, nil), ztpp: widget.NewCheck("ZTP/P", nil)}
	r.name.SetPlaceHolder(lang.X("payroll.child_name", "Child's name"))
	r.name.SetText(k.Name)
	r.order.SetSelectedIndex(min(max(k.Order, 1), 3) - 1)
	r.ztpp.SetChecked(k.ZTPP)
	var remove *widget.Button
	remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		i := slices.Index(c.rows, r)
		if i >= 0 {
			c.rows = slices.Delete(c.rows, i, i+1)
			c.list.Remove(r.obj)
		}
	})
	r.obj = container.NewBorder(nil, nil, nil, container.NewHBox(kit.Sized(r.order, 80), r.ztpp, remove), r.name)
	c.rows = append(c.rows, r)
	c.list.Add(r.obj)
}

func (c *childrenEditor) read() ([]app.Child, error) {
	var out []app.Child
	for _, r := range c.rows {
		name := strings.TrimSpace(r.name.Text)
		if name == "" {
			return nil, app.Invalid("terms.children", "err.payroll.child_name", "enter each child's name (or remove the row)", nil)
		}
		out = append(out, app.Child{Name: name, Order: r.order.SelectedIndex() + 1, ZTPP: r.ztpp.Checked})
	}
	return out, nil
}

// confirm asks a yes/no question.
func confirm(title, text string, w fyne.Window, yes func()) {
	d := dialog.NewConfirm(title, text, func(ok bool) {
		if ok {
			yes()
		}
	}, w)
	d.Show()
}
