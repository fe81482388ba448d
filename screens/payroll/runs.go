package payroll

import (
	"context"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// runsPane is the list of a year's pay runs and, once one is open, the
// run: its inputs, its payslips and its actions.
type runsPane struct {
	v     *View
	root  *fyne.Container
	list  fyne.CanvasObject
	year  *widget.Select
	table *widget.Table
	rows  []app.PayRun
	run   *runView // the run open, for tests
	// askNote is the note of the last New pay run dialog, for tests.
	askNote *widget.Label
}

func newRunsPane(v *View) *runsPane { return &runsPane{v: v} }

var runCols = []kit.Column{
	{Key: "payroll.col.number", Fallback: "Number", Width: 150},
	{Key: "payroll.col.month", Fallback: "Month", Width: 100},
	{Key: "payroll.col.status", Fallback: "Status", Width: 180},
	{Key: "payroll.col.employees", Fallback: "Employees", Width: 110},
	{Key: "payroll.col.approved", Fallback: "Approved", Width: 150},
	{Key: "payroll.col.corrects", Fallback: "Corrects", Width: 150},
}

func (p *runsPane) buildUI() fyne.CanvasObject {
	this := app.Today(p.v.deps.Clock()).Year()
	var years []string
	for y := this + 1; y >= this-3; y-- {
		years = append(years, strconv.Itoa(y))
	}
	p.year = widget.NewSelect(years, nil)
	p.year.SetSelected(strconv.Itoa(this))
	p.year.OnChanged = func(string) { p.reload() }
	p.table = kit.NewColumnTable(runCols, func() int { return len(p.rows) }, p.cell, func(c int) bool { return c == 3 })
	p.table.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(p.rows) {
			p.openRun(p.rows[id.Row].ID)
		}
		p.table.UnselectAll()
	}
	add := widget.NewButtonWithIcon(lang.X("payroll.new_run", "New pay run…"), theme.ContentAddIcon(), p.askNew)
	add.Importance = widget.HighImportance
	top := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.X("payroll.year", "Year")), p.year), add)
	p.list = container.NewBorder(top, nil, nil, nil, p.table)
	p.root = container.NewStack(p.list)
	return p.root
}

func (p *runsPane) cell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Alignment = kit.ColumnAlign(id.Col == 3)
	if id.Row >= len(p.rows) {
		l.SetText("")
		return
	}
	r := p.rows[id.Row]
	s := ""
	switch id.Col {
	case 0:
		s = r.Number
	case 1:
		s = r.Month.Format()
	case 2:
		s = statusName(r.Status)
	case 3:
		s = strconv.Itoa(len(r.Inputs))
	case 4:
		s = dateText(r.Approved)
	case 5:
		for _, o := range p.rows {
			if o.ID == r.Corrects {
				s = o.Number
			}
		}
	}
	l.SetText(s)
}

// reload lists the runs of the chosen year (the open run stays open).
func (p *runsPane) reload() {
	if p.run != nil {
		return
	}
	y, _ := strconv.Atoi(p.year.Selected)
	svc := p.v.deps.Services.Payroll
	kit.Call(p.v.deps, kit.To{Win: p.v.win}, func(ctx context.Context) ([]app.PayRun, error) {
		return svc.PayRuns(ctx, y)
	}, func(rs []app.PayRun) {
		p.rows = rs
		p.table.Refresh()
	})
}

// showList goes back from a run to the list.
func (p *runsPane) showList() {
	p.run = nil
	p.root.Objects = []fyne.CanvasObject{p.list}
	p.root.Refresh()
	p.reload()
}

// askNew asks for the month of a new run (the last month by default).
// The store's refusal shows in the note under the field, which keeps the
// small dialog's height.
func (p *runsPane) askNew() {
	fs := kit.NewFieldSet()
	month := fs.Entry("payrun.month", "Month", "2026-11")
	prev := app.Today(p.v.deps.Clock()).MonthOf().First().AddDays(-1).MonthOf()
	month.SetText(prev.Format())
	note := noteLabel(lang.X("payroll.new_run_note", "Every employee employed in the month gets a line; enter their hours, then Compute."))
	kit.ShowFormDialog(lang.X("payroll.new_run_title", "New pay run"), lang.X("payroll.create", "Create"), fs, noteBox(note), p.v.win, func(fd *kit.FormDialog) {
		m, err := app.ParseMonth(month.Text)
		if err != nil {
			showNote(note, err)
			return
		}
		p.newRun(m, fd, note)
	})
	p.askNote = note
}

// noteLabel is a wrapped note under a small form.
func noteLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// noteBox holds a note with room for three lines: a small form's dialog
// keeps the height it opened with, and a refusal shown in the note must
// fit in it.
func noteBox(note *widget.Label) fyne.CanvasObject {
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 3*theme.TextSize()*1.5+2*theme.Padding()))
	return container.NewStack(room, note)
}

// showNote puts err in note, in red.
func showNote(note *widget.Label, err error) {
	var msgs []string
	for _, e := range fieldErrors(err) {
		c := *e
		c.Field = ""
		msgs = append(msgs, app.ErrorMessage(&c, kit.Translator()))
	}
	if len(msgs) == 0 {
		msgs = []string{app.ErrorMessage(err, kit.Translator())}
	}
	note.Importance = widget.DangerImportance
	note.SetText(strings.Join(msgs, "; "))
}

// newRun starts a draft of month m with every employee employed in it.
func (p *runsPane) newRun(m app.Month, fd *kit.FormDialog, note *widget.Label) {
	svc := p.v.deps.Services.Payroll
	to := fd.To()
	to.Err = func(err error) { showNote(note, err) }
	kit.Call(p.v.deps, to, func(ctx context.Context) (app.PayRun, error) {
		es, err := svc.Employees(ctx, app.EmployeeFilter{})
		if err != nil {
			return app.PayRun{}, err
		}
		r := app.PayRun{Month: m}
		for _, e := range es {
			if !e.Start.After(m.Last()) && (e.End.IsZero() || !e.End.Before(m.First())) {
				r.Inputs = append(r.Inputs, app.PayInput{EmployeeID: e.ID, Input: app.MonthInput{Month: m}})
			}
		}
		if len(r.Inputs) == 0 {
			return r, app.Invalid("payrun.month", "err.payrun.nobody", "nobody is employed in {{.month}}", map[string]any{"month": m.Format()})
		}
		return svc.SavePayRunDraft(ctx, r)
	}, func(r app.PayRun) {
		fd.Close()
		p.openRun(r.ID)
	})
}

// openRun reads run id with the employees it names and shows it.
func (p *runsPane) openRun(id string) {
	svc := p.v.deps.Services.Payroll
	type loaded struct {
		r    app.PayRun
		emps map[string]app.Employee
	}
	kit.Call(p.v.deps, kit.To{Win: p.v.win}, func(ctx context.Context) (loaded, error) {
		r, err := svc.PayRun(ctx, id)
		if err != nil {
			return loaded{}, err
		}
		es, err := svc.Employees(ctx, app.EmployeeFilter{})
		if err != nil {
			return loaded{}, err
		}
		m := map[string]app.Employee{}
		for _, e := range es {
			m[e.ID] = e
		}
		return loaded{r, m}, nil
	}, func(l loaded) {
		p.run = newRunView(p, l.r, l.emps)
		p.root.Objects = []fyne.CanvasObject{p.run.ui}
		p.root.Refresh()
	})
}

// runView is one pay run: the inputs grid while it is not approved, the
// payslips once computed, and the actions its status allows.
type runView struct {
	p    *runsPane
	r    app.PayRun
	emps map[string]app.Employee
	ui   fyne.CanvasObject
	head *widget.Label
	rows []*inputRow
	grid *fyne.Container

	review     *widget.Table
	reviewBox  *fyne.Container
	save, comp *widget.Button
	approve    *widget.Button
	correct    *widget.Button
	del        *widget.Button
	print      *fyne.Container
	status     *widget.Label // where the last file was saved
}

// inputRow is one employee's inputs.
type inputRow struct {
	emp     app.Employee
	entries map[string]*widget.Entry // by field key, "payslip.worked_hours"
	msg     *widget.Label
}

// inputCols are the columns of the inputs grid: field key, header, width.
var inputCols = []struct {
	key, hdrKey, hdr string
	width            float32
}{
	{"payslip.worked_hours", "payroll.in.worked", "Hours", 70},
	{"payslip.overtime_hours", "payroll.in.overtime", "Overtime", 80},
	{"payslip.night_hours", "payroll.in.night", "Night", 65},
	{"payslip.weekend_hours", "payroll.in.weekend", "Weekend", 75},
	{"payslip.holiday_hours", "payroll.in.holiday", "Holiday", 70},
	{"payslip.vacation_hours", "payroll.in.vacation", "Vacation h", 95},
	{"payslip.average_hourly", "payroll.in.average", "Avg. Kč/h", 105},
	{"payslip.sick_from", "payroll.in.sick_from", "Sick from", 105},
	{"payslip.sick_to", "payroll.in.sick_to", "Sick to", 105},
	{"payslip.bonuses", "payroll.in.bonuses", "Bonuses", 95},
	{"payslip.deductions", "payroll.in.deductions", "Deductions", 95},
}

const nameWidth = 180

func newRunView(p *runsPane, r app.PayRun, emps map[string]app.Employee) *runView {
	rv := &runView{p: p, r: r, emps: emps}
	rv.head = kit.Heading("")
	back := widget.NewButtonWithIcon(lang.X("payroll.back", "Back to pay runs"), theme.NavigateBackIcon(), p.showList)
	rv.save = widget.NewButtonWithIcon(lang.X("payroll.save_inputs", "Save inputs"), theme.DocumentSaveIcon(), func() { rv.saveInputs(nil) })
	rv.comp = widget.NewButtonWithIcon(lang.X("payroll.compute", "Compute"), theme.MediaPlayIcon(), rv.compute)
	rv.comp.Importance = widget.HighImportance
	rv.approve = widget.NewButtonWithIcon(lang.X("payroll.approve", "Approve and post…"), theme.ConfirmIcon(), rv.askApprove)
	rv.approve.Importance = widget.SuccessImportance
	rv.correct = widget.NewButtonWithIcon(lang.X("payroll.correcting_run", "Correcting run…"), theme.ContentUndoIcon(), rv.askCorrect)
	rv.del = widget.NewButtonWithIcon(lang.X("payroll.delete_draft", "Delete draft…"), theme.DeleteIcon(), rv.askDelete)
	printButtons := container.NewHBox(
		widget.NewButtonWithIcon(lang.X("payroll.print_payslips", "Payslips PDF…"), theme.DocumentPrintIcon(), rv.askPayslips),
		widget.NewButtonWithIcon(lang.X("payroll.register_pdf", "Register PDF…"), theme.DocumentPrintIcon(), func() { rv.askRegister(false) }),
		widget.NewButtonWithIcon(lang.X("payroll.register_csv", "Register CSV…"), theme.DocumentSaveIcon(), func() { rv.askRegister(true) }),
		widget.NewButtonWithIcon(lang.X("payroll.payment_order", "Payment order…"), theme.UploadIcon(), rv.askPaymentOrder),
		widget.NewButtonWithIcon(lang.X("payroll.health_overview", "Health insurers…"), theme.DocumentPrintIcon(), func() {
			rv.askTable(lang.X("payroll.file.health", "health-insurers"), ".pdf", rv.healthTable)
		}),
		widget.NewButtonWithIcon(lang.X("payroll.jmhz", "JMHZ CSV…"), theme.DocumentSaveIcon(), func() { rv.askTable("jmhz", ".csv", rv.jmhzTable) }),
	)
	rv.status = widget.NewLabel("")
	rv.status.Truncation = fyne.TextTruncateEllipsis
	rv.print = container.NewBorder(nil, nil, printButtons, nil, rv.status)
	actions := container.NewHBox(back, rv.save, rv.comp, rv.approve, rv.correct, rv.del)
	rv.grid = container.NewVBox()
	rv.review = kit.NewColumnTable(reviewCols, func() int { return len(rv.r.Payslips) + 1 }, rv.reviewCell, func(c int) bool { return c > 0 })
	rv.reviewBox = container.NewStack(rv.review)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, nil, rv.head), actions, rv.print)
	body := container.NewVSplit(container.NewVScroll(container.NewHScroll(rv.grid)), rv.reviewBox)
	body.Offset = 0.5
	rv.ui = container.NewBorder(top, nil, nil, nil, body)
	rv.show()
	return rv
}

// show lays out the run as it is now.
func (rv *runView) show() {
	rv.showState()
	rv.buildGrid(rv.r.Status == app.PayRunApproved)
}

// showState shows the run's status, the actions it allows and its
// payslips, leaving the inputs grid as typed.
func (rv *runView) showState() {
	r := rv.r
	text := r.Number + " · " + r.Month.Format() + " · " + statusName(r.Status)
	if r.Corrects != "" {
		text += " · " + lang.X("payroll.is_correction", "correcting run")
	}
	rv.head.SetText(text)
	locked := r.Status == app.PayRunApproved
	computed := r.Status != app.PayRunDraft && len(r.Payslips) > 0
	for _, b := range []*widget.Button{rv.save, rv.comp, rv.del} {
		b.Hidden = locked
		b.Refresh()
	}
	rv.approve.Hidden = r.Status != app.PayRunComputed
	rv.approve.Refresh()
	rv.correct.Hidden = !locked
	rv.correct.Refresh()
	if computed {
		rv.print.Show()
		rv.reviewBox.Show()
	} else {
		rv.print.Hide()
		rv.reviewBox.Hide()
	}
	rv.review.Refresh()
}

// buildGrid makes the inputs grid, a row per employee of the run.
func (rv *runView) buildGrid(locked bool) {
	rv.grid.RemoveAll()
	hdr := container.NewHBox(kit.Sized(bold(lang.X("payroll.col.name", "Name")), nameWidth))
	for _, c := range inputCols {
		l := bold(lang.X(c.hdrKey, c.hdr))
		l.Truncation = fyne.TextTruncateEllipsis
		hdr.Add(kit.Sized(l, c.width))
	}
	rv.grid.Add(hdr)
	rv.rows = nil
	for _, in := range rv.r.Inputs {
		e, ok := rv.emps[in.EmployeeID]
		if !ok {
			e = app.Employee{ID: in.EmployeeID, Name: in.EmployeeID}
		}
		row := &inputRow{emp: e, entries: map[string]*widget.Entry{}, msg: widget.NewLabel("")}
		row.msg.Importance = widget.DangerImportance
		row.msg.Wrapping = fyne.TextWrapWord
		row.msg.Hide()
		name := widget.NewLabel(e.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		line := container.NewHBox(kit.Sized(name, nameWidth))
		x := in.Input
		var sickFrom, sickTo app.Date
		if len(x.Sick) > 0 {
			sickFrom, sickTo = x.Sick[0].From, x.Sick[0].To
		}
		values := map[string]string{
			"payslip.worked_hours": hoursInput(x.WorkedHours), "payslip.overtime_hours": hoursInput(x.OvertimeHours),
			"payslip.night_hours": hoursInput(x.NightHours), "payslip.weekend_hours": hoursInput(x.WeekendHours),
			"payslip.holiday_hours": hoursInput(x.HolidayHours), "payslip.vacation_hours": hoursInput(x.VacationHours),
			"payslip.average_hourly": moneyInput(x.AverageHourly), "payslip.bonuses": moneyInput(x.Bonuses),
			"payslip.deductions": moneyInput(x.Deductions),
		}
		if !sickFrom.IsZero() {
			values["payslip.sick_from"] = kit.FormatDateInput(sickFrom)
			values["payslip.sick_to"] = kit.FormatDateInput(sickTo)
		}
		for _, c := range inputCols {
			en := widget.NewEntry()
			en.SetText(values[c.key])
			if locked {
				en.Disable()
			}
			row.entries[c.key] = en
			line.Add(kit.Sized(en, c.width))
		}
		rv.rows = append(rv.rows, row)
		rv.grid.Add(line)
		rv.grid.Add(row.msg)
	}
}

// readInputs reads the grid into the run's inputs; a wrong entry is
// marked at its row.
func (rv *runView) readInputs() ([]app.PayInput, bool) {
	ok := true
	out := make([]app.PayInput, 0, len(rv.rows))
	for _, row := range rv.rows {
		var es app.Errors
		in := app.MonthInput{Month: rv.r.Month}
		hours := func(key string, dst *app.Hours) {
			h, err := parseHours(strings.TrimSpace(row.entries[key].Text), key)
			es.Add(err)
			*dst = h
		}
		amount := func(key string, dst *int64) {
			v, err := parseMoney(strings.TrimSpace(row.entries[key].Text), key)
			es.Add(err)
			*dst = v
		}
		hours("payslip.worked_hours", &in.WorkedHours)
		hours("payslip.overtime_hours", &in.OvertimeHours)
		hours("payslip.night_hours", &in.NightHours)
		hours("payslip.weekend_hours", &in.WeekendHours)
		hours("payslip.holiday_hours", &in.HolidayHours)
		hours("payslip.vacation_hours", &in.VacationHours)
		amount("payslip.average_hourly", &in.AverageHourly)
		amount("payslip.bonuses", &in.Bonuses)
		amount("payslip.deductions", &in.Deductions)
		from, err1 := kit.ParseOptionalDate(row.entries["payslip.sick_from"].Text, "payslip.sick_from")
		to, err2 := kit.ParseOptionalDate(row.entries["payslip.sick_to"].Text, "payslip.sick_to")
		es.Add(err1)
		es.Add(err2)
		if !from.IsZero() || !to.IsZero() {
			in.Sick = []app.SickSpell{{From: from, To: to}}
		}
		// Keep what the grid does not show (a second illness, the
		// employer's health top-up).
		for _, old := range rv.r.Inputs {
			if old.EmployeeID == row.emp.ID {
				in.UnpaidHours = old.Input.UnpaidHours
				in.HealthTopUpByEmployer = old.Input.HealthTopUpByEmployer
				if len(old.Input.Sick) > 1 && len(in.Sick) == 1 {
					in.Sick = append(in.Sick, old.Input.Sick[1:]...)
				}
			}
		}
		if err := es.Err(); err != nil {
			rv.markRow(row, err)
			ok = false
		}
		out = append(out, app.PayInput{EmployeeID: row.emp.ID, Input: in})
	}
	return out, ok
}

// clearMarks hides every row's message.
func (rv *runView) clearMarks() {
	for _, row := range rv.rows {
		row.msg.SetText("")
		row.msg.Hide()
		for _, en := range row.entries {
			en.SetValidationError(nil)
		}
	}
}

// markRow shows err under row and marks the entries it names.
func (rv *runView) markRow(row *inputRow, err error) {
	var msgs []string
	for _, e := range fieldErrors(err) {
		msgs = append(msgs, app.ErrorMessage(e, kit.Translator())) // "Overtime hours: must be…"
		key := e.Field
		if key == "payslip.sick" {
			key = "payslip.sick_from"
		}
		if en, ok := row.entries[key]; ok {
			en.SetValidationError(e)
		}
	}
	row.msg.SetText(row.emp.Name + ": " + strings.Join(msgs, "; "))
	row.msg.Show()
}

// fail shows the service's errors at the rows they name (by the
// employee's name); the rest in a dialog.
func (rv *runView) fail(err error) {
	var rest app.Errors
	byRow := map[*inputRow]app.Errors{}
	for _, e := range fieldErrors(err) {
		name, _ := e.Args["name"].(string)
		var hit *inputRow
		for _, row := range rv.rows {
			if name != "" && row.emp.Name == name && strings.HasPrefix(e.Field, "payslip.") || strings.HasPrefix(e.Field, "terms.") && row.emp.Name == name {
				hit = row
			}
		}
		if hit == nil {
			rest = append(rest, e)
			continue
		}
		c := *e
		if r, ok := e.Args["reason"].(app.Label); ok {
			c.Key, c.Msg, c.Args = r.Key, r.Fallback, r.Args
		}
		byRow[hit] = append(byRow[hit], &c)
	}
	for row, es := range byRow {
		rv.markRow(row, es)
	}
	if len(fieldErrors(err)) == 0 {
		kit.ShowError(err, rv.p.v.win)
	} else if len(rest) > 0 {
		kit.ShowError(rest.Err(), rv.p.v.win)
	}
}

// to routes a call's errors to the rows.
func (rv *runView) to() kit.To {
	return kit.To{Win: rv.p.v.win, Err: rv.fail, Busy: kit.ButtonsBusy(rv.save, rv.comp, rv.approve)}
}

// saveInputs stores the grid (the run goes back to draft), then runs next.
func (rv *runView) saveInputs(next func()) {
	rv.clearMarks()
	inputs, ok := rv.readInputs()
	if !ok {
		return
	}
	r := rv.r
	r.Inputs = inputs
	svc := rv.p.v.deps.Services.Payroll
	kit.Call(rv.p.v.deps, rv.to(), func(ctx context.Context) (app.PayRun, error) {
		return svc.SavePayRunDraft(ctx, r)
	}, func(saved app.PayRun) {
		rv.r = saved // a draft again: no payslips, no Approve
		rv.showState()
		if next != nil {
			next()
		}
	})
}

// compute saves the inputs and computes the payslips.
func (rv *runView) compute() {
	rv.saveInputs(func() {
		svc := rv.p.v.deps.Services.Payroll
		id := rv.r.ID
		kit.Call(rv.p.v.deps, rv.to(), func(ctx context.Context) (app.PayRun, error) {
			return svc.ComputePayRun(ctx, id)
		}, func(r app.PayRun) {
			rv.r = r
			rv.show()
		})
	})
}

// askApprove confirms, then posts the run and locks it.
func (rv *runView) askApprove() {
	var net int64
	for _, s := range rv.r.Payslips {
		net += s.Net
	}
	confirm(lang.X("payroll.approve_title", "Approve the pay run?"),
		lang.X("payroll.approve_text", "{{.number}} posts to the ledger (net pay {{.net}} Kč) and is locked: later changes need a correcting run.",
			map[string]any{"number": rv.r.Number, "net": money(net)}), rv.p.v.win, rv.doApprove)
}

func (rv *runView) doApprove() {
	svc := rv.p.v.deps.Services.Payroll
	id := rv.r.ID
	kit.Call(rv.p.v.deps, rv.to(), func(ctx context.Context) (app.PayRun, error) {
		return svc.ApprovePayRun(ctx, id)
	}, func(r app.PayRun) {
		rv.r = r
		rv.show()
	})
}

// askCorrect starts a correcting run of the approved run.
func (rv *runView) askCorrect() {
	confirm(lang.X("payroll.correct_title", "Correct the pay run?"),
		lang.X("payroll.correct_text", "A correcting run of {{.number}} starts with its inputs; it posts only the difference. The approved run stays as it is.",
			map[string]any{"number": rv.r.Number}), rv.p.v.win, func() {
			svc := rv.p.v.deps.Services.Payroll
			id := rv.r.ID
			kit.Call(rv.p.v.deps, rv.to(), func(ctx context.Context) (app.PayRun, error) {
				return svc.CorrectingPayRun(ctx, id)
			}, func(r app.PayRun) { rv.p.openRun(r.ID) })
		})
}

// askDelete deletes the draft after a confirmation.
func (rv *runView) askDelete() {
	confirm(lang.X("payroll.delete_title", "Delete the draft?"),
		lang.X("payroll.delete_text", "{{.number}} and its inputs are deleted.", map[string]any{"number": rv.r.Number}), rv.p.v.win, func() {
			svc := rv.p.v.deps.Services.Payroll
			id := rv.r.ID
			kit.Run(rv.p.v.deps, rv.to(), func(ctx context.Context) error {
				return svc.DeletePayRunDraft(ctx, id)
			}, rv.p.showList)
		})
}

var reviewCols = []kit.Column{
	{Key: "payroll.col.name", Fallback: "Name", Width: 200},
	{Key: "payroll.col.gross", Fallback: "Gross", Width: 120},
	{Key: "payroll.col.insurance", Fallback: "Insurance", Width: 120},
	{Key: "payroll.col.advance", Fallback: "Tax advance", Width: 120},
	{Key: "payroll.col.credits", Fallback: "Credits", Width: 110},
	{Key: "payroll.col.bonus", Fallback: "Child bonus", Width: 110},
	{Key: "payroll.col.deductions", Fallback: "Deductions", Width: 110},
	{Key: "payroll.col.net", Fallback: "Net", Width: 140},
	{Key: "payroll.col.employer", Fallback: "Employer's insurance", Width: 220},
}

// reviewCell writes the payslips, a row each, and their total.
func (rv *runView) reviewCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Alignment = kit.ColumnAlign(id.Col > 0)
	l.TextStyle = fyne.TextStyle{}
	var s app.Payslip
	if id.Row < len(rv.r.Payslips) {
		s = rv.r.Payslips[id.Row]
	} else {
		l.TextStyle = fyne.TextStyle{Bold: true}
		for _, x := range rv.r.Payslips {
			s.Gross += x.Gross
			s.SocialEmployee += x.SocialEmployee
			s.HealthEmployee += x.HealthEmployee
			s.TaxAdvance += x.TaxAdvance
			s.Withholding += x.Withholding
			s.TaxpayerCredit += x.Credits()
			s.ChildBonus += x.ChildBonus
			s.Deductions += x.Deductions
			s.Net += x.Net
			s.SocialEmployer += x.SocialEmployer
			s.HealthEmployer += x.HealthEmployer
		}
		s.Name = lang.X("payroll.total", "Total")
	}
	credits := s.Credits()
	if id.Row >= len(rv.r.Payslips) {
		credits = s.TaxpayerCredit
	}
	text := ""
	switch id.Col {
	case 0:
		text = s.Name
	case 1:
		text = money(s.Gross)
	case 2:
		text = money(s.SocialEmployee + s.HealthEmployee)
	case 3:
		text = money(s.TaxAdvance + s.Withholding)
	case 4:
		text = money(credits)
	case 5:
		text = money(s.ChildBonus)
	case 6:
		text = money(s.Deductions)
	case 7:
		text = money(s.Net)
	case 8:
		text = money(s.SocialEmployer + s.HealthEmployer)
	}
	l.SetText(text)
}
