package reception

import (
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/customers"
	"kontor/screens/kit"
)

// overviewEvery is how often the Reception overview refreshes by itself;
// tests set 0 and refresh by hand.
var overviewEvery = time.Minute

// receptionScreen is the Reception tab: the overview of the day at the top
// and, under it, the customer directory, the visitor log, appointments and
// inquiries.
type receptionScreen struct {
	host    kit.Host
	deps    kit.Deps
	win     fyne.Window
	company app.Company

	staff     []app.Staff
	tabs      *container.AppTabs
	overview  *receptionOverview
	dir       *directoryView
	visitors  *visitorsView
	appts     *appointmentsView
	inquiries *inquiriesView

	ui       fyne.CanvasObject
	stopOnce sync.Once
	quit     chan struct{}
}

// Module is the Reception tab: the customer directory, visitors,
// appointments and inquiries; Ctrl+N there is a new customer.
func Module() kit.Module {
	return kit.Module{ID: "reception", Tabs: []kit.Tab{{
		ID: "reception", TitleKey: "tab.reception", Title: "Reception", Icon: theme.AccountIcon,
		Group: kit.FrontOffice, Perm: app.PermReception, Order: 0,
		Build: func(h kit.Host) kit.View {
			r := newReceptionScreen(h)
			r.ui = r.buildUI()
			return r
		},
		Actions: []kit.Action{{TitleKey: "customers.add", Title: "New customer…", Perm: app.PermCustomersWrite,
			Arg: kit.ArgNew, Shortcut: kit.ShortcutNew}},
	}}}
}

func newReceptionScreen(h kit.Host) *receptionScreen {
	return &receptionScreen{host: h, deps: h.Deps(), win: h.Window(), company: h.Company(), quit: make(chan struct{})}
}

// UI is the built tab.
func (r *receptionScreen) UI() fyne.CanvasObject { return r.ui }

// Shown reloads the overview and the shown list.
func (r *receptionScreen) Shown() { r.shown() }

// Focus puts the cursor on the directory's search field.
func (r *receptionScreen) Focus() { r.focus() }

// Stop ends the overview's periodic refresh.
func (r *receptionScreen) Stop() { r.stop() }

// Open handles kit.ArgNew: a new customer.
func (r *receptionScreen) Open(arg string) {
	if arg == kit.ArgNew {
		r.newCustomer()
	}
}

// openQuote shows a sales document in the Sales tab.
func (r *receptionScreen) openQuote(docID string) { r.host.Open("sales", kit.ArgDoc(docID)) }

func (r *receptionScreen) buildUI() fyne.CanvasObject {
	r.overview = newReceptionOverview(r)
	r.dir = newDirectoryView(r)
	r.visitors = newVisitorsView(r)
	r.appts = newAppointmentsView(r)
	r.inquiries = newInquiriesView(r)
	r.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.X("reception.tab.customers", "Customers"), theme.AccountIcon(), r.dir.buildUI()),
		container.NewTabItemWithIcon(lang.X("reception.tab.visitors", "Visitors"), theme.LoginIcon(), r.visitors.buildUI()),
		container.NewTabItemWithIcon(lang.X("reception.tab.appointments", "Appointments"), theme.CalendarIcon(), r.appts.buildUI()),
		container.NewTabItemWithIcon(lang.X("reception.tab.inquiries", "Inquiries"), theme.MailComposeIcon(), r.inquiries.buildUI()),
	)
	r.tabs.OnSelected = func(*container.TabItem) { r.focus() }
	top := container.NewVBox(r.overview.buildUI(), widget.NewSeparator())
	r.loadStaff()
	r.overview.refresh()
	r.startTicker()
	return container.NewBorder(top, nil, nil, nil, r.tabs)
}

// startTicker refreshes the overview every overviewEvery until stop.
func (r *receptionScreen) startTicker() {
	kit.Every(overviewEvery, r.quit, r.overview.refresh)
}

// stop ends the periodic refresh (the shell closes at sign-out).
func (r *receptionScreen) stop() { r.stopOnce.Do(func() { close(r.quit) }) }

// focus puts the cursor where the shown part of the tab starts: the search
// field of the directory.
func (r *receptionScreen) focus() {
	if r.tabs == nil {
		return
	}
	switch r.tabs.SelectedIndex() {
	case 0:
		r.dir.focus()
	case 1:
		r.visitors.reload()
	case 2:
		r.appts.reload()
	case 3:
		r.inquiries.reload()
	}
}

// shown refreshes what the tab shows when it comes into view.
func (r *receptionScreen) shown() {
	r.overview.refresh()
	r.focus()
}

// changed refreshes everything a desk action may have changed.
func (r *receptionScreen) changed() {
	r.overview.refresh()
	r.visitors.reload()
	r.appts.reload()
	r.inquiries.reload()
	r.dir.reloadCard()
}

// loadStaff fetches the people visitors see and appointments are for.
func (r *receptionScreen) loadStaff() {
	kit.Call(r.deps, kit.To{Err: r.overview.setProblem}, r.deps.Services.Reception.Staff, func(st []app.Staff) {
		r.staff = st
		r.appts.staffLoaded()
	})
}

// staffName is how a staff member is shown: their full name if known.
func (r *receptionScreen) staffName(name string) string { return app.StaffName(r.staff, name) }

// staffSelect is a select of the staff; the chosen user name is read with
// staffOf. With selected empty, self preselects the signed-in user.
func (r *receptionScreen) staffSelect(selected string, self bool) *widget.Select {
	opts := make([]string, len(r.staff))
	for i, s := range r.staff {
		opts[i] = r.staffName(s.Name)
	}
	sel := widget.NewSelect(opts, nil)
	sel.PlaceHolder = lang.X("reception.pick_staff", "Choose a person…")
	if selected == "" && self {
		selected = r.deps.User().Name
	}
	for i, s := range r.staff {
		if s.Name == selected {
			sel.SetSelectedIndex(i)
		}
	}
	return sel
}

// staffOf returns the user name chosen in a staffSelect ("" if none).
func (r *receptionScreen) staffOf(sel *widget.Select) string {
	i := sel.SelectedIndex()
	if i < 0 || i >= len(r.staff) {
		return ""
	}
	return r.staff[i].Name
}

// newCustomer opens the customer form (Ctrl+N in the tab).
func (r *receptionScreen) newCustomer() {
	if !r.deps.Can(app.PermCustomersWrite) {
		return
	}
	r.tabs.SelectIndex(0)
	customers.ShowForm(r.deps, r.win, app.Customer{}, r.company.BaseCurrency, func(c app.Customer) {
		r.dir.list.Reload()
		r.dir.openCard(c.ID)
	})
}

// clockText writes the local time of an instant as HH:MM.
func clockText(t time.Time) string { return t.Local().Format("15:04") }

// dayStart is local midnight at the start of day.
func dayStart(d app.Date) time.Time { return d.Time(time.Local) }

// weekdayName is the translated name of a weekday.
func weekdayName(d time.Weekday) string {
	keys := []struct{ key, en string }{
		{"weekday.sunday", "Sunday"}, {"weekday.monday", "Monday"}, {"weekday.tuesday", "Tuesday"},
		{"weekday.wednesday", "Wednesday"}, {"weekday.thursday", "Thursday"}, {"weekday.friday", "Friday"},
		{"weekday.saturday", "Saturday"},
	}
	k := keys[d]
	return lang.X(k.key, k.en)
}

// dayTitle is "Monday 16. 3. 2026" (Czech weekdays are lower case; a
// heading starts with a capital).
func dayTitle(d app.Date) string {
	name := []rune(weekdayName(d.Time(time.UTC).Weekday()))
	return strings.ToUpper(string(name[:1])) + string(name[1:]) + " " + d.Format(kit.UILang)
}
