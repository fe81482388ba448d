package reception

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/customers"
	"kontor/screens/kit"
)

// visitorsView is the visitor log: who is in the building now (check out,
// print a badge), check-in, and the visits of any day.
type visitorsView struct {
	r       *receptionScreen
	inside  []app.Visit
	history []app.Visit
	day     app.Date
	gen     int

	insideList *widget.List
	insideHead *widget.Label
	dayEntry   *widget.Entry
	dayMsg     *widget.Label
	table      *widget.Table
}

func newVisitorsView(r *receptionScreen) *visitorsView { return &visitorsView{r: r} }

var visitColumns = []kit.Column{
	{Key: "reception.col.in", Fallback: "In", Width: 70},
	{Key: "reception.col.out", Fallback: "Out", Width: 70},
	{Key: "reception.col.visitor", Fallback: "Visitor", Width: 200},
	{Key: "reception.col.company", Fallback: "Company", Width: 220},
	{Key: "reception.col.host", Fallback: "Visiting", Width: 180},
	{Key: "reception.col.purpose", Fallback: "Purpose", Width: 220},
	{Key: "reception.col.badge", Fallback: "Badge", Width: 80},
}

func (v *visitorsView) buildUI() fyne.CanvasObject {
	v.day = app.Today(v.r.deps.Clock())
	checkIn := widget.NewButtonWithIcon(lang.X("reception.check_in", "Check in visitor…"), theme.LoginIcon(), func() { v.checkIn(nil) })
	checkIn.Importance = widget.HighImportance
	v.insideHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.insideList = widget.NewList(func() int { return len(v.inside) }, func() fyne.CanvasObject {
		text := widget.NewLabel("")
		text.Truncation = fyne.TextTruncateEllipsis
		badge := widget.NewButtonWithIcon(lang.X("reception.print_badge", "Print badge"), theme.DocumentPrintIcon(), nil)
		out := widget.NewButtonWithIcon(lang.X("reception.check_out", "Check out"), theme.LogoutIcon(), nil)
		return container.NewBorder(nil, nil, nil, container.NewHBox(badge, out), text)
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		if i >= len(v.inside) {
			return
		}
		vis := v.inside[i]
		row := o.(*fyne.Container)
		row.Objects[0].(*widget.Label).SetText(v.insideText(vis))
		btns := row.Objects[1].(*fyne.Container).Objects
		btns[0].(*widget.Button).OnTapped = func() { v.printBadge(vis) }
		btns[1].(*widget.Button).OnTapped = func() { v.checkOut(vis) }
	})
	top := container.NewBorder(container.NewBorder(nil, nil, nil, checkIn, v.insideHead), nil, nil, nil, v.insideList)

	v.dayEntry = widget.NewEntry()
	v.dayEntry.SetPlaceHolder(kit.DatePlaceholder())
	v.dayEntry.SetText(kit.FormatDateInput(v.day))
	v.dayEntry.OnSubmitted = func(string) { v.readDay() }
	v.dayEntry.OnChanged = func(string) {
		if _, err := app.ParseDate(v.dayEntry.Text); err == nil {
			v.readDay()
		}
	}
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { v.setDay(v.day.AddDays(-1)) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { v.setDay(v.day.AddDays(1)) })
	today := widget.NewButton(lang.X("reception.today", "Today"), func() { v.setDay(app.Today(v.r.deps.Clock())) })
	v.dayMsg = widget.NewLabel("")
	v.dayMsg.Importance = widget.DangerImportance
	v.dayMsg.Hide()
	histBar := container.NewHBox(widget.NewLabelWithStyle(lang.X("reception.history", "Visits on"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		prev, kit.Sized(v.dayEntry, 130), next, today, v.dayMsg, layout.NewSpacer())
	v.table = kit.NewColumnTable(visitColumns, func() int { return len(v.history) }, v.updateCell, nil)
	v.table.OnSelected = func(id widget.TableCellID) {
		v.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(v.history) && v.history[id.Row].CustomerID != "" {
			v.r.tabs.SelectIndex(0)
			v.r.dir.openCard(v.history[id.Row].CustomerID)
		}
	}
	bottom := container.NewBorder(histBar, nil, nil, nil, v.table)
	split := container.NewVSplit(top, bottom)
	split.Offset = 0.4
	v.reload()
	return split
}

func (v *visitorsView) insideText(vis app.Visit) string {
	text := vis.Visitor
	if vis.Company != "" {
		text += " (" + vis.Company + ")"
	}
	text += " · " + v.r.staffName(vis.Host) + " · " + lang.X("reception.since", "since {{.time}}", map[string]any{"time": clockText(vis.In)})
	if vis.Badge != "" {
		text += " · " + lang.X("reception.badge_no", "badge {{.badge}}", map[string]any{"badge": vis.Badge})
	}
	return text
}

func (v *visitorsView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	if id.Row >= len(v.history) {
		l.SetText("")
		return
	}
	vis := v.history[id.Row]
	out := ""
	if !vis.Inside() {
		out = clockText(vis.Out)
	}
	l.SetText([]string{clockText(vis.In), out, vis.Visitor, vis.Company, v.r.staffName(vis.Host), vis.Purpose, vis.Badge}[id.Col])
}

// readDay takes the typed date; a wrong one says so beside it.
func (v *visitorsView) readDay() {
	d, err := app.ParseDate(v.dayEntry.Text)
	if err != nil {
		v.dayMsg.SetText(app.ErrorMessage(err, kit.Translator()))
		v.dayMsg.Show()
		return
	}
	v.dayMsg.Hide()
	if d != v.day {
		v.day = d
		v.reload()
	}
}

// setDay shows the visits of d.
func (v *visitorsView) setDay(d app.Date) {
	v.day = d
	v.dayEntry.SetText(kit.FormatDateInput(d))
	v.dayMsg.Hide()
	v.reload()
}

// reload fetches who is inside and the day's visits in the background.
func (v *visitorsView) reload() {
	svc := v.r.deps.Services.Reception
	if svc == nil || v.table == nil {
		return
	}
	v.gen++
	gen, day := v.gen, v.day
	type visits struct{ inside, hist []app.Visit }
	kit.Call(v.r.deps, kit.To{Win: v.r.win, Stale: func() bool { return gen != v.gen }}, func(ctx context.Context) (visits, error) {
		inside, err := svc.InBuilding(ctx)
		if err != nil {
			return visits{}, err
		}
		hist, err := svc.Visits(ctx, day)
		return visits{inside, hist}, err
	}, func(r visits) {
		v.inside, v.history = r.inside, r.hist
		v.insideHead.SetText(lang.X("reception.in_building", "In the building ({{.n}})", map[string]any{"n": len(r.inside)}))
		v.insideList.Refresh()
		v.table.Refresh()
	})
}

// checkIn asks for the visitor; cust (if any) fills the company.
func (v *visitorsView) checkIn(cust *app.Customer) {
	r := v.r
	fs := kit.NewFieldSet()
	visitor := fs.EscEntry("visit.visitor", "Visitor", lang.X("reception.visitor_hint", "Name of the person"))
	company := kit.NewEscEntry()
	customerID := ""
	if cust != nil {
		company.SetText(cust.Name)
		customerID = cust.ID
	}
	company.OnChanged = func(s string) {
		if cust != nil && s != cust.Name {
			customerID = "" // typed over: no longer that customer
		}
	}
	pick := widget.NewButtonWithIcon(lang.X("sales.pick_customer", "Choose…"), theme.SearchIcon(), func() {
		customers.Pick(r.deps, r.win, r.company.BaseCurrency, func(c app.Customer) {
			cust = &c
			company.SetText(c.Name)
			customerID = c.ID
		})
	})
	fs.Add("visit.company", "Company", container.NewBorder(nil, nil, nil, pick, company))
	host := r.staffSelect("", false) // the desk never guesses whom a visitor comes to
	fs.Add("visit.host", "Visiting", host)
	purpose := fs.EscEntry("visit.purpose", "Purpose", lang.X("reception.purpose_hint", "Meeting, delivery, interview…"))
	badge := fs.EscEntry("visit.badge", "Badge number", "")
	fd := kit.ShowFormDialog(lang.X("reception.check_in_title", "Check in a visitor"), lang.X("reception.check_in_submit", "Check in"), fs, nil, r.win, func(fd *kit.FormDialog) {
		vis := app.Visit{Visitor: strings.TrimSpace(visitor.Text), Company: strings.TrimSpace(company.Text), CustomerID: customerID,
			Host: r.staffOf(host), Purpose: strings.TrimSpace(purpose.Text), Badge: strings.TrimSpace(badge.Text)}
		if err := vis.Validate(); err != nil {
			fd.Fail(err)
			return
		}
		kit.Run(r.deps, fd.To(), func(ctx context.Context) error {
			_, err := r.deps.Services.Reception.CheckIn(ctx, vis)
			return err
		}, func() {
			fd.Close()
			r.changed()
		})
	})
	company.OnSubmitted = func(string) { fd.Run() }
	company.OnEsc = fd.Dialog.Hide
}

// checkOut records that the visitor left.
func (v *visitorsView) checkOut(vis app.Visit) {
	kit.Run(v.r.deps, kit.To{Err: func(err error) {
		kit.ShowError(err, v.r.win)
		v.r.changed()
	}}, func(ctx context.Context) error {
		_, err := v.r.deps.Services.Reception.CheckOut(ctx, vis.ID)
		return err
	}, v.r.changed)
}

// printBadge writes the visitor's badge as a PDF in the badge folder and
// opens it in the system viewer, where it prints; the badge names the host
// by their full name. No file dialog: a badge is printed, not filed.
func (v *visitorsView) printBadge(vis app.Visit) {
	r := v.r
	vis.Host = r.staffName(vis.Host)
	path := filepath.Join(badgeDir(), badgeFileName(vis))
	kit.Run(r.deps, kit.To{Win: r.win}, func(ctx context.Context) error {
		c, err := r.deps.Services.Company.Company(ctx)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return app.Internal("creating the badge folder", err)
		}
		return kit.WriteFileAtomic(path, func(w *os.File) error { return r.deps.Printer.Print(w, app.Badge{Visit: vis}, c) })
	}, func() { kit.OpenFile(path) })
}

// badgeDir is the folder of printed badges (a temporary one: the PDF is for
// the printer); tests replace it.
var badgeDir = func() string { return filepath.Join(os.TempDir(), "kontor-badges") }

// badgeFileName is "badge-Jan-Dvorak.pdf".
func badgeFileName(vis app.Visit) string {
	name := strings.Join(strings.Fields(app.FoldText(vis.Visitor)), "-")
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '-'
		}
		return r
	}, name)
	return lang.X("reception.badge_file", "badge") + "-" + name + ".pdf"
}
