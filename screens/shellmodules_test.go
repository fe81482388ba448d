package screens

import "kontor/screens/kit"

// testModules are the modules main composes (guimodules.go), for the
// shell's tests.
func testModules() []kit.Module {
	return []kit.Module{CoreModule(), LegacyReceptionModule(), LegacySalesModule(), LegacyAccountsModule(), PlaceholdersModule()}
}

// The old screens behind the shell's tabs, nil when the user does not see
// the tab.

func salesOf(s *shell) *salesScreen {
	if v, ok := s.views["sales"].(*legacySales); ok {
		return v.s
	}
	return nil
}

func receptionOf(s *shell) *receptionScreen {
	if v, ok := s.views["reception"].(*legacyReception); ok {
		return v.r
	}
	return nil
}

func accountsOf(s *shell) *accountsScreen {
	if v, ok := s.views["accounts"].(*legacyAccounts); ok {
		return v.a
	}
	return nil
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
