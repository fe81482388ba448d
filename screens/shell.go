package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// Preference keys of the shell.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
	prefTab    = "shell.tab"
)

// ShowMain opens Kontor's main window: the first-run screen when the database
// has no users yet, the login screen otherwise; once someone signs in, the
// company wizard (an admin of a database without a company) or the shell. It
// shows and returns the window.
//
// mods are the modules whose tabs the shell composes (main's guiModules):
// a signed-in user sees each tab whose permission they hold.
func ShowMain(a fyne.App, d kit.Deps, mods ...kit.Module) fyne.Window {
	return showMain(a, d, mods...).win
}

// showMain is ShowMain returning the gate of the window.
func showMain(a fyne.App, d kit.Deps, mods ...kit.Module) *gate {
	w := a.NewWindow("Kontor")
	w.SetIcon(kit.AppIcon())
	prefs := a.Preferences()
	w.Resize(fyne.NewSize(
		float32(prefs.FloatWithFallback(prefWidth, 1180)),
		float32(prefs.FloatWithFallback(prefHeight, 760))))
	g := newGate(a, w, d)
	g.mods = mods
	w.SetOnClosed(func() {
		size := w.Canvas().Size()
		if size.Width > 200 && size.Height > 200 {
			prefs.SetFloat(prefWidth, float64(size.Width))
			prefs.SetFloat(prefHeight, float64(size.Height))
		}
		g.resetWindow()
	})
	g.start()
	w.Show()
	return g
}

// openShell replaces the gate's window content with the shell of company c.
func openShell(g *gate, c app.Company) *shell {
	s := &shell{app: g.app, win: g.win, deps: g.deps, gate: g, company: c}
	g.shell = s
	g.setContent(s.buildUI())
	g.win.SetMainMenu(s.menu())
	g.win.Canvas().AddShortcut(lockShortcut, func(fyne.Shortcut) { s.lockNow() })
	s.setTitle()
	if f, ok := s.views[s.currentTabID()].(kit.Focuser); ok {
		f.Focus() // e.g. Reception's search field, once the content is on the canvas
		if g.lock != nil {
			g.lock.focusMoved(g.win)
		}
	}
	return s
}

// lockShortcut is Ctrl+L (Cmd+L on macOS): lock the window now.
var lockShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}

// shell is the main window once a company exists: the tab sets, the menu and
// the status bar.
type shell struct {
	app     fyne.App
	win     fyne.Window
	deps    kit.Deps
	gate    *gate
	company app.Company

	groups    *container.AppTabs
	inner     map[kit.Group]*container.AppTabs
	tabIDs    map[*container.TabItem]string
	status    *widget.Label
	userLabel *widget.Label
	// views are the built tabs and panes by ID; tabs the composed tabs the
	// user sees, in display order.
	views       map[string]kit.View
	tabs        []kit.Tab
	panes       []kit.Pane
	settingsWin fyne.Window
}

func (s *shell) buildUI() fyne.CanvasObject {
	s.inner = map[kit.Group]*container.AppTabs{}
	s.tabIDs = map[*container.TabItem]string{}
	s.views = map[string]kit.View{}
	s.groups = container.NewAppTabs()
	s.tabs, s.panes = kit.Visible(s.gate.mods, s.deps.Can)
	for _, g := range []kit.Group{kit.FrontOffice, kit.BackOffice} {
		var inner *container.AppTabs
		for _, t := range s.tabs {
			if t.Group != g {
				continue
			}
			if inner == nil {
				inner = container.NewAppTabs()
			}
			v := t.Build(s)
			s.views[t.ID] = v
			item := container.NewTabItemWithIcon(t.Label(), t.Icon(), v.UI())
			s.tabIDs[item] = t.ID
			inner.Append(item)
		}
		if inner == nil {
			continue
		}
		inner.OnSelected = func(*container.TabItem) { s.tabChanged() }
		s.inner[g] = inner
		group := container.NewTabItem(groupTitle(g), inner)
		s.tabIDs[group] = string(g)
		s.groups.Append(group)
	}
	s.buildPanes()
	s.groups.OnSelected = func(*container.TabItem) { s.tabChanged() }
	s.restoreTab()

	s.status = widget.NewLabel("")
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.userLabel = widget.NewLabel(s.userText())
	right := container.NewHBox(s.userLabel)
	lock := widget.NewButtonWithIcon(lang.X("action.lock", "Lock"), theme.VisibilityOffIcon(), s.lockNow)
	lock.Importance = widget.LowImportance
	right.Add(lock)
	if s.deps.Can(app.PermCompanyWrite) {
		settings := widget.NewButtonWithIcon(lang.X("action.settings", "Settings…"), theme.SettingsIcon(), s.openSettings)
		settings.Importance = widget.LowImportance
		right.Add(settings)
	}
	s.updateStatus()
	bar := container.NewBorder(widget.NewSeparator(), nil, nil, right, s.status)

	var body fyne.CanvasObject = s.groups
	if len(s.groups.Items) == 0 {
		body = container.NewCenter(widget.NewLabel(lang.X("shell.no_tabs", "Your role gives you no tabs. Ask an administrator.")))
	}
	return container.NewBorder(nil, bar, nil, nil, body)
}

// userText names the signed-in user for the status bar.
func (s *shell) userText() string {
	u := s.deps.User()
	name := u.Name
	if u.FullName != "" {
		name = u.FullName
	}
	return lang.X("status.user", "Signed in: {{.name}}", map[string]any{"name": name})
}

// setTitle shows the company name in the window title.
func (s *shell) setTitle() { s.win.SetTitle("Kontor — " + s.company.Name) }

// updateStatus fills the status bar: file, last backup, branch.
func (s *shell) updateStatus() {
	backup := lang.X("status.no_backup", "no backup yet")
	path := ""
	st := s.deps.Services.Store
	path = st.Path()
	if t := st.LastBackup(); !t.IsZero() {
		backup = kit.FormatTime(t)
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
	inner := s.inner[kit.Group(s.tabIDs[g])]
	if inner == nil || inner.Selected() == nil {
		return ""
	}
	return s.tabIDs[inner.Selected()]
}

// tabChanged remembers the tab and tells its view it is shown.
func (s *shell) tabChanged() {
	id := s.currentTabID()
	if id == "" {
		return
	}
	s.app.Preferences().SetString(prefTab, id)
	if v, ok := s.views[id].(kit.Shower); ok {
		v.Shown()
	}
}

// restoreTab selects the tab remembered from the last run.
func (s *shell) restoreTab() { s.selectTab(s.app.Preferences().String(prefTab)) }

// selectTab shows the tab with id and reports whether the user may see it.
func (s *shell) selectTab(id string) bool {
	for _, g := range s.groups.Items {
		inner := s.inner[kit.Group(s.tabIDs[g])]
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

// menu builds the main menu; items the user's roles do not allow are left out.
func (s *shell) menu() *fyne.MainMenu {
	quit := fyne.NewMenuItem(lang.X("action.quit", "Quit"), s.app.Quit)
	quit.IsQuit = true
	var items []*fyne.MenuItem
	if s.deps.Can(app.PermCompanyWrite) {
		items = append(items, fyne.NewMenuItem(lang.X("action.settings", "Settings…"), s.openSettings))
	}
	if s.deps.Can(app.PermStoreAdmin) {
		items = append(items,
			fyne.NewMenuItem(lang.X("action.backup", "Back up now…"), s.backupNow),
			fyne.NewMenuItem(lang.X("action.check", "Check database"), s.checkDatabase))
	}
	if len(items) > 0 {
		items = append(items, fyne.NewMenuItemSeparator())
	}
	lock := fyne.NewMenuItem(lang.X("action.lock_now", "Lock now"), s.lockNow)
	lock.Shortcut = lockShortcut
	items = append(items,
		fyne.NewMenuItem(lang.X("action.change_password", "Change password…"), s.changePassword),
		lock,
		fyne.NewMenuItem(lang.X("action.sign_out", "Sign out"), s.gate.signOut),
		fyne.NewMenuItemSeparator(),
		quit)
	file := fyne.NewMenu(lang.X("menu.file", "File"), items...)
	help := fyne.NewMenu(lang.X("menu.help", "Help"),
		fyne.NewMenuItem(lang.X("action.about", "About Kontor"), s.about),
	)
	menus := append([]*fyne.Menu{file}, s.actionMenus()...)
	return fyne.NewMainMenu(append(menus, help)...)
}

// lockNow locks the window at once (File → Lock now, Ctrl+L).
func (s *shell) lockNow() {
	if s.gate.lock != nil {
		s.gate.lock.lockNow()
	}
}

// openSettings opens the company settings in their own window, or brings the
// open one forward. The idle lock hides it while the main window is locked.
func (s *shell) openSettings() {
	if !s.deps.Can(app.PermCompanyWrite) {
		return
	}
	if s.settingsWin != nil {
		s.settingsWin.RequestFocus()
		return
	}
	w := s.app.NewWindow(lang.X("settings.title", "Settings") + " — " + s.company.Name)
	w.SetIcon(kit.AppIcon())
	st := newSettings(s.deps, w, s.app.Preferences(), s.company, func(c app.Company) {
		// Host.Company answers the saved company from now on.
		s.company = c
		s.setTitle()
		s.updateStatus()
	})
	w.SetContent(s.gate.lock.wrap(w, st.buildUI()))
	w.Canvas().AddShortcut(lockShortcut, func(fyne.Shortcut) { s.lockNow() })
	w.SetOnClosed(func() {
		if s.gate.lock != nil {
			s.gate.lock.forget(w)
		}
		if s.settingsWin == w {
			s.settingsWin = nil
		}
	})
	s.settingsWin = w
	w.Resize(fyne.NewSize(860, 720))
	w.Show()
}

// closeWindows closes the shell's other windows and its shortcut (sign-out).
func (s *shell) closeWindows() {
	s.win.Canvas().RemoveShortcut(lockShortcut)
	for _, v := range s.views {
		if st, ok := v.(kit.Stopper); ok {
			st.Stop()
		}
	}
	if s.settingsWin != nil {
		w := s.settingsWin
		s.settingsWin = nil
		w.Close()
	}
}
