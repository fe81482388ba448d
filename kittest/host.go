package kittest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"kontor/app"
	"kontor/screens/kit"
)

// Host is a kit.Host for a module's tests: it builds the tabs and panes of
// the given modules that its user may see (by each Tab's and Pane's Perm,
// as the shell does) into one window, without the shell's gate, menu and
// lock. A test opens a tab with Show and reads or drives its view.
//
//	h := kittest.NewHost(t, d, company, sales.Module())
//	v := h.Show("sales").(*sales.View)
type Host struct {
	t       testing.TB
	deps    kit.Deps
	win     fyne.Window
	company app.Company
	tabs    *container.AppTabs
	items   map[string]*container.TabItem
	views   map[string]kit.View
	opened  []string
}

// NewHost builds mods for the user of d in a new test window (kittest.Window)
// showing company c: the tabs and panes kit.Visible gives, panes built into
// their parents with kit.BuildPane, as the shell does.
func NewHost(t testing.TB, d kit.Deps, c app.Company, mods ...kit.Module) *Host {
	t.Helper()
	h := &Host{t: t, deps: d, win: Window(t), company: c,
		tabs: container.NewAppTabs(), items: map[string]*container.TabItem{}, views: map[string]kit.View{}}
	tabs, panes := kit.Visible(mods, d.Can)
	for _, tab := range tabs {
		v := tab.Build(h)
		h.views[tab.ID] = v
		item := container.NewTabItem(tab.Label(), v.UI())
		h.items[tab.ID] = item
		h.tabs.Append(item)
	}
	for _, p := range panes {
		if v := kit.BuildPane(h, h.views[p.Parent], p); v != nil {
			h.views[p.ID] = v
		}
	}
	h.win.SetContent(h.tabs)
	t.Cleanup(func() {
		for _, v := range h.views {
			if s, ok := v.(kit.Stopper); ok {
				s.Stop()
			}
		}
	})
	return h
}

// Deps implements kit.Host.
func (h *Host) Deps() kit.Deps { return h.deps }

// Window implements kit.Host: the test window.
func (h *Host) Window() fyne.Window { return h.win }

// Company implements kit.Host.
func (h *Host) Company() app.Company { return h.company }

// SetCompany changes what Company returns (as Settings would).
func (h *Host) SetCompany(c app.Company) { h.company = c }

// View implements kit.Host: the built view of a tab or pane, nil when the
// user does not see it.
func (h *Host) View(id string) kit.View { return h.views[id] }

// Open implements kit.Host: it selects the tab, tells a Shower it is shown
// and hands arg to an Opener. Opened records every call.
func (h *Host) Open(tabID, arg string) bool {
	h.opened = append(h.opened, tabID+" "+arg)
	item, ok := h.items[tabID]
	if !ok {
		return false
	}
	h.tabs.Select(item)
	v := h.views[tabID]
	if s, ok := v.(kit.Shower); ok {
		s.Shown()
	}
	if o, ok := v.(kit.Opener); ok && arg != "" {
		o.Open(arg)
	}
	return true
}

// Opened lists the Open calls made so far, each as "tabID arg".
func (h *Host) Opened() []string { return h.opened }

// Show selects tab id (failing the test when the user does not see it),
// tells its view it is shown and returns the view.
func (h *Host) Show(id string) kit.View {
	h.t.Helper()
	if !h.Open(id, "") {
		h.t.Fatalf("kittest.Host: tab %q is not shown to %s", id, h.deps.User().Name)
	}
	return h.views[id]
}
