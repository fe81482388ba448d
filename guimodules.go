//go:build !nogui

package main

import (
	"kontor/screens"
	"kontor/screens/kit"
)

// guiModules are the modules the main window composes, one a line. The
// shell shows each tab, pane and action only to users holding its Perm.
func guiModules() []kit.Module {
	return []kit.Module{
		screens.CoreModule(),
		screens.LegacyReceptionModule(),
		screens.LegacySalesModule(),
		screens.LegacyAccountsModule(),
		screens.PlaceholdersModule(),
	}
}
