package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"kontor/app"
	"kontor/screens/kit"
)

// The shell composes the modules main hands to ShowMain: it shows each tab
// and pane whose permission the signed-in user holds, and is their kit.Host.

// buildPanes builds each pane into its parent tab's view (a PaneHolder).
func (s *shell) buildPanes() {
	for _, p := range s.panes {
		if v := kit.BuildPane(s, s.views[p.Parent], p); v != nil {
			s.views[p.ID] = v
		}
	}
}

// tabAction is an action of a tab the user sees.
type tabAction struct {
	tab string
	kit.Action
}

// actions lists the actions of the user's tabs that the user may do.
func (s *shell) actions() []tabAction {
	var out []tabAction
	for _, t := range s.tabs {
		for _, a := range t.Actions {
			if a.Perm == "" || s.deps.Can(a.Perm) {
				out = append(out, tabAction{t.ID, a})
			}
		}
	}
	return out
}

// actionMenus is a menu per tab with actions. Each shortcut is given to the
// first item that has it, and runs the action runShortcut picks.
func (s *shell) actionMenus() []*fyne.Menu {
	var menus []*fyne.Menu
	taken := map[string]bool{}
	acts := s.actions()
	for _, t := range s.tabs {
		var items []*fyne.MenuItem
		for _, a := range acts {
			if a.tab != t.ID {
				continue
			}
			item := fyne.NewMenuItem(a.Label(), func() { s.Open(a.tab, a.Arg) })
			if a.Shortcut != nil {
				name := a.Shortcut.ShortcutName()
				if !taken[name] {
					taken[name] = true
					item.Shortcut = a.Shortcut
					item.Action = func() { s.runShortcut(name) }
				}
			}
			items = append(items, item)
		}
		if len(items) > 0 {
			menus = append(menus, fyne.NewMenu(t.Label(), items...))
		}
	}
	return menus
}

// runShortcut runs the action with the shortcut: the one of the tab on show;
// from another tab the one marked Anywhere, else the first not marked Here.
func (s *shell) runShortcut(name string) {
	var here, anywhere, first *tabAction
	cur := s.currentTabID()
	for _, a := range s.actions() {
		if a.Shortcut == nil || a.Shortcut.ShortcutName() != name {
			continue
		}
		switch {
		case a.tab == cur && here == nil:
			here = &a
		case a.Anywhere && anywhere == nil:
			anywhere = &a
		case !a.Here && first == nil:
			first = &a
		}
	}
	for _, a := range []*tabAction{here, anywhere, first} {
		if a != nil {
			s.Open(a.tab, a.Arg)
			return
		}
	}
}

// Deps implements kit.Host.
func (s *shell) Deps() kit.Deps { return s.deps }

// Window implements kit.Host.
func (s *shell) Window() fyne.Window { return s.win }

// Company implements kit.Host: the company as Settings last saved it.
func (s *shell) Company() app.Company { return s.company }

// View implements kit.Host.
func (s *shell) View(id string) kit.View { return s.views[id] }

// Open implements kit.Host: it selects the tab (which tells its view it is
// shown) and hands arg to the view when it is an Opener.
func (s *shell) Open(tabID, arg string) bool {
	if s.currentTabID() != tabID && !s.selectTab(tabID) {
		return false
	}
	if s.currentTabID() != tabID {
		return false
	}
	if o, ok := s.views[tabID].(kit.Opener); ok && arg != "" {
		o.Open(arg)
	}
	return true
}

// groupTitle returns the translated name of a top-level tab.
func groupTitle(g kit.Group) string {
	if g == kit.FrontOffice {
		return lang.X("group.front", "Front office")
	}
	return lang.X("group.back", "Back office")
}
