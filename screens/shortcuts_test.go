package screens

import (
	"strings"
	"testing"

	"kontor/app"
	"kontor/kittest"
	"kontor/screens/kit"
	"kontor/screens/sales"
)

// TestShortcutsFollowTheTabOnShow: Ctrl+N is the tab's own "new" where it
// has one (a customer in Reception, an invoice in Sales); from a tab without
// one (Accounts) it opens a new invoice in Sales, the action marked
// Anywhere. Ctrl+S is Sales' own and does nothing elsewhere.
func TestShortcutsFollowTheTabOnShow(t *testing.T) {
	db := openDB(t)
	s, w := shellFor(t, db, db.Admin)

	if !s.selectTab("accounts") {
		t.Fatal("no Accounts tab")
	}
	s.runShortcut(kit.ShortcutNew.ShortcutName())
	if got := s.currentTabID(); got != "sales" {
		t.Fatalf("Ctrl+N from Accounts shows %q, want sales", got)
	}
	sv, ok := s.views["sales"].(*sales.View)
	if !ok || sv.Doc() == nil || sv.Doc().Kind != app.KindInvoice {
		t.Fatalf("Ctrl+N from Accounts opened no new invoice: %+v", sv)
	}
	sv.Back()
	kittest.CloseDialogs(w)

	if !s.selectTab("reception") {
		t.Fatal("no Reception tab")
	}
	s.runShortcut(kit.ShortcutNew.ShortcutName())
	if got := s.currentTabID(); got != "reception" {
		t.Fatalf("Ctrl+N in Reception moved to %q", got)
	}
	if top := w.Canvas().Overlays().Top(); top == nil || !strings.Contains(kittest.Texts(top), "IČO") {
		t.Fatalf("Ctrl+N in Reception opened no customer form: %q", kittest.DialogText(w))
	}
	kittest.CloseDialogs(w)

	if !s.selectTab("accounts") {
		t.Fatal("no Accounts tab")
	}
	s.runShortcut(kit.ShortcutSave.ShortcutName())
	if got := s.currentTabID(); got != "accounts" {
		t.Errorf("Ctrl+S in Accounts moved to %q", got)
	}
}
