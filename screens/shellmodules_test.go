package screens

import (
	"kontor/screens/accounts"
	"kontor/screens/aftersales"
	"kontor/screens/kit"
	"kontor/screens/payables"
	"kontor/screens/payroll"
	"kontor/screens/reception"
	"kontor/screens/sales"
	"kontor/screens/warehouse"
)

// testModules are the modules main composes (guimodules.go), for the
// shell's tests.
func testModules() []kit.Module {
	return []kit.Module{CoreModule(), reception.Module(), sales.Module(), aftersales.Module(), accounts.Module(), payables.Module(), warehouse.Module(), payroll.Module()}
}

// The views behind the shell's tabs, nil when the user does not see the
// tab.

func salesOf(s *shell) *sales.View {
	v, _ := s.views["sales"].(*sales.View)
	return v
}

func auditOf(s *shell) *auditView {
	if v, ok := s.views["audit"].(*reloadView); ok {
		a, _ := v.inner.(*auditView)
		return a
	}
	return nil
}

func usersOf(s *shell) *usersView {
	if v, ok := s.views["users"].(*reloadView); ok {
		u, _ := v.inner.(*usersView)
		return u
	}
	return nil
}
