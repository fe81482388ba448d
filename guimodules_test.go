//go:build !nogui

package main

import (
	"testing"

	"kontor/app"
)

// TestEveryPermissionRegistered: every tab, pane and action of the GUI's
// modules needs a known permission, tab IDs are unique, and the modules
// not built yet (After-sales, Payroll) and the Warehouse have a tab.
func TestEveryPermissionRegistered(t *testing.T) {
	ids := map[string]bool{}
	tabOf := map[app.Permission]bool{}
	for _, m := range guiModules() {
		for _, tab := range m.Tabs {
			if ids[tab.ID] {
				t.Errorf("module %s: tab ID %q used twice", m.ID, tab.ID)
			}
			ids[tab.ID] = true
			tabOf[tab.Perm] = true
			if !app.Known(tab.Perm) {
				t.Errorf("tab %s: unknown permission %q", tab.ID, tab.Perm)
			}
			for _, a := range tab.Actions {
				if !app.Known(a.Perm) {
					t.Errorf("tab %s, action %s: unknown permission %q", tab.ID, a.Title, a.Perm)
				}
			}
		}
		for _, p := range m.Panes {
			if !app.Known(p.Perm) {
				t.Errorf("pane %s: unknown permission %q", p.Title, p.Perm)
			}
		}
	}
	for _, m := range guiModules() {
		for _, p := range m.Panes {
			if !ids[p.Parent] {
				t.Errorf("pane %s: parent tab %q is not composed", p.Title, p.Parent)
			}
		}
	}
	for _, p := range []app.Permission{app.PermAftersales, app.PermPayroll, app.PermWarehouse} {
		if !tabOf[p] {
			t.Errorf("no tab needs %q", p)
		}
	}
}
