//go:build !nogui

package main

import (
	"kontor/screens"
	"kontor/screens/accounts"
	"kontor/screens/aftersales"
	"kontor/screens/kit"
	"kontor/screens/payables"
	"kontor/screens/payroll"
	"kontor/screens/reception"
	"kontor/screens/sales"
	"kontor/screens/warehouse"
)

// guiModules are the modules the main window composes, one a line. The
// shell shows each tab, pane and action only to users holding its Perm.
func guiModules() []kit.Module {
	return []kit.Module{
		screens.CoreModule(),
		reception.Module(),
		sales.Module(),
		aftersales.Module(),
		accounts.Module(),
		payables.Module(),
		warehouse.Module(),
		payroll.Module(),
	}
}
