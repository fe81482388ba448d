package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
)

// Preference keys of the shell.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
	prefTab    = "shell.tab"
)

// ShowMain opens Kontor's main window: the first-run wizard when the database
// has no company yet, the shell otherwise. It shows and returns the window.
func ShowMain(a fyne.App, d Deps) fyne.Window {
	w := a.NewWindow("Kontor")
	w.SetIcon(appIcon())
	prefs := a.Preferences()
	w.Resize(fyne.NewSize(
		float32(prefs.FloatWithFallback(prefWidth, 1180)),
		float32(prefs.FloatWithFallback(prefHeight, 760))))
	w.SetOnClosed(func() {
		size := w.Canvas().Size()
		if size.Width > 200 && size.Height > 200 {
			prefs.SetFloat(prefWidth, float64(size.Width))
			prefs.SetFloat(prefHeight, float64(size.Height))
		}
	})

	c, err := d.Services.Company.Company(bg())
	switch {
	case err == nil:
		openShell(a, w, d, c)
	case app.ErrorCode(err) == app.ENOTFOUND:
		wz := newWizard(a, w, d, func(c app.Company) { openShell(a, w, d, c) })
		w.SetContent(wz.buildUI())
	default:
		w.SetContent(widget.NewLabel(app.ErrorMessage(err, Translator())))
		showError(err, w)
	}
	w.Show()
	return w
}

// openShell replaces the window's content with the shell of company c.
func openShell(a fyne.App, w fyne.Window, d Deps, c app.Company) *shell {
	s := &shell{app: a, win: w, deps: d, company: c}
	w.SetContent(s.buildUI())
	w.SetMainMenu(s.menu())
	s.setTitle()
	return s
}

// shell is the main window once a company exists: the tab sets, the menu and
// the status bar.
type shell struct {
	app     fyne.App
	win     fyne.Window
	deps    Deps
	company app.Company

	groups   *container.AppTabs
	inner    map[tabGroup]*container.AppTabs
	tabIDs   map[*container.TabItem]string
	status   *widget.Label
	accounts *accountsScreen
}

func (s *shell) buildUI() fyne.CanvasObject {
	s.inner = map[tabGroup]*container.AppTabs{}
	s.tabIDs = map[*container.TabItem]string{}
	s.groups = container.NewAppTabs()
	for _, g := range []tabGroup{frontOffice, backOffice} {
		specs := visibleTabs(g, s.deps.Roles)
		if len(specs) == 0 {
			continue
		}
		inner := container.NewAppTabs()
		for _, t := range specs {
			item := container.NewTabItemWithIcon(t.title(), t.Icon(), t.Build(s))
			s.tabIDs[item] = t.ID
			inner.Append(item)
		}
		inner.OnSelected = func(*container.TabItem) { s.tabChanged() }
		s.inner[g] = inner
		group := container.NewTabItem(groupTitle(g), inner)
		s.tabIDs[group] = string(g)
		s.groups.Append(group)
	}
	s.groups.OnSelected = func(*container.TabItem) { s.tabChanged() }
	s.restoreTab()

	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	settings := widget.NewButtonWithIcon(lang.X("action.settings", "Settings…"), theme.SettingsIcon(), s.openSettings)
	settings.Importance = widget.LowImportance
	s.updateStatus()
	bar := container.NewBorder(widget.NewSeparator(), nil, nil, settings, s.status)

	var body fyne.CanvasObject = s.groups
	if len(s.groups.Items) == 0 {
		body = container.NewCenter(widget.NewLabel(lang.X("shell.no_tabs", "Your role gives you no tabs. Ask an administrator.")))
	}
	return container.NewBorder(nil, bar, nil, nil, body)
}

// setTitle shows the company name in the window title.
func (s *shell) setTitle() { s.win.SetTitle("Kontor — " + s.company.Name) }

// updateStatus fills the status bar: file, last backup, branch.
func (s *shell) updateStatus() {
	backup := lang.X("status.no_backup", "no backup yet")
	path := ""
	if st := s.deps.Services.Store; st != nil {
		path = st.Path()
		if t := st.LastBackup(); !t.IsZero() {
			backup = formatTime(t)
		}
	}
	s.status.SetText(lang.X("status.line", "Database: {{.path}} · Last backup: {{.backup}} · Branch: {{.branch}}",
		map[string]any{"path": path, "backup": backup, "branch": s.company.Branch}))
}

// currentTabID returns the ID of the inner tab on show.
func (s *shell) currentTabID() string {
	g := s.groups.Selected()
	if g == nil {
		return ""
	}
	inner := s.inner[tabGroup(s.tabIDs[g])]
	if inner == nil || inner.Selected() == nil {
		return ""
	}
	return s.tabIDs[inner.Selected()]
}

// tabChanged remembers the tab and refreshes the Accounts tab when it shows.
func (s *shell) tabChanged() {
	id := s.currentTabID()
	if id == "" {
		return
	}
	s.app.Preferences().SetString(prefTab, id)
	if id == "accounts" && s.accounts != nil {
		s.accounts.refresh()
	}
}

// restoreTab selects the tab remembered from the last run.
func (s *shell) restoreTab() { s.selectTab(s.app.Preferences().String(prefTab)) }

// selectTab shows the tab with id and reports whether the user may see it.
func (s *shell) selectTab(id string) bool {
	for _, g := range s.groups.Items {
		inner := s.inner[tabGroup(s.tabIDs[g])]
		for _, item := range inner.Items {
			if s.tabIDs[item] == id {
				s.groups.Select(g)
				inner.Select(item)
				return true
			}
		}
	}
	return false
}

// menu builds the main menu.
func (s *shell) menu() *fyne.MainMenu {
	quit := fyne.NewMenuItem(lang.X("action.quit", "Quit"), s.app.Quit)
	quit.IsQuit = true
	file := fyne.NewMenu(lang.X("menu.file", "File"),
		fyne.NewMenuItem(lang.X("action.settings", "Settings…"), s.openSettings),
		fyne.NewMenuItem(lang.X("action.backup", "Back up now…"), s.backupNow),
		fyne.NewMenuItem(lang.X("action.check", "Check database"), s.checkDatabase),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	help := fyne.NewMenu(lang.X("menu.help", "Help"),
		fyne.NewMenuItem(lang.X("action.about", "About Kontor"), s.about),
	)
	return fyne.NewMainMenu(file, help)
}

// openSettings opens the company settings in their own window.
func (s *shell) openSettings() {
	w := s.app.NewWindow(lang.X("settings.title", "Settings") + " — " + s.company.Name)
	w.SetIcon(appIcon())
	st := newSettings(s.deps, w, s.app.Preferences(), s.company, func(c app.Company) {
		s.company = c
		s.setTitle()
		s.updateStatus()
	})
	w.SetContent(st.buildUI())
	w.Resize(fyne.NewSize(860, 720))
	w.Show()
}
