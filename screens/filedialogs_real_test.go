package screens

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/kittest"
	"kontor/screens/kit"
)

// pane selects the sub-tab titled title under root and returns its content.
func pane(t *testing.T, root fyne.CanvasObject, title string) fyne.CanvasObject {
	t.Helper()
	for _, o := range kittest.Objects(root) {
		if tabs, ok := o.(*container.AppTabs); ok {
			for _, it := range tabs.Items {
				if it.Text == title {
					tabs.Select(it)
					return it.Content
				}
			}
		}
	}
	t.Fatalf("no sub-tab %q", title)
	return nil
}

// first is the first object of type T under root; the test fails without one.
func first[T fyne.CanvasObject](t *testing.T, root fyne.CanvasObject, ok func(T) bool) T {
	t.Helper()
	for _, o := range kittest.Objects(root) {
		if v, is := o.(T); is && (ok == nil || ok(v)) {
			return v
		}
	}
	var zero T
	t.Fatalf("no %T under the pane", zero)
	return zero
}

// wantFileDialog checks that the top overlay of w is a file dialog titled
// title ("Open File", "Save File", "Open Folder") and closes it.
func wantFileDialog(t *testing.T, w fyne.Window, what, title string) {
	t.Helper()
	if got := kittest.DialogText(w); !strings.Contains(got, title) {
		t.Errorf("%s: no %q dialog, the top overlay says %q", what, title, got)
	}
	kittest.CloseDialogs(w)
}

// TestEveryFileDialogOpens drives every file dialog of the app on the real
// store, as the admin (who sees every tab): the bank statement import (it
// killed the app), the customer import, the logo, and every save — invoice
// PDF, sales batch (file and folder), statement, statements batch (file and
// folder), report PDF and CSV, audit CSV and the backup.
func TestEveryFileDialogOpens(t *testing.T) {
	db := openDB(t)
	cust := customer(t, db, "Dvořák s.r.o.")
	inv := invoice(t, db, cust, "Stůl z dubu", 1200000)
	s, w := shellFor(t, db, db.Admin)
	if !s.selectTab("reception") {
		t.Fatal("no Reception tab")
	}
	test.Tap(kittest.Button(t, w.Content(), "Import customers…"))
	wantFileDialog(t, w, "customer import", "Open File")

	// Sales: one invoice's PDF, then the list's batch in both forms.
	s.selectTab("sales")
	s.Open("sales", kit.ArgDoc(inv.ID))
	test.Tap(kittest.Button(t, w.Content(), "Export PDF…"))
	wantFileDialog(t, w, "invoice PDF", "Save File")
	salesOf(s).Back()
	for _, form := range []struct{ radio, title string }{{"One combined PDF", "Save File"}, {"One file each in a folder", "Open Folder"}} {
		test.Tap(kittest.Button(t, w.Content(), "Export all listed…"))
		for _, o := range kittest.Objects(w.Canvas().Overlays().Top()) {
			if r, ok := o.(*widget.RadioGroup); ok {
				r.SetSelected(form.radio)
			}
		}
		tapDialog(t, w, "Continue…")
		wantFileDialog(t, w, "sales batch: "+form.radio, form.title)
	}

	// Accounts: the bank import, a statement, the statements batch, a report.
	s.selectTab("accounts")
	subTab(t, w.Content(), "Bank")
	test.Tap(kittest.Button(t, w.Content(), "Import statement…"))
	wantFileDialog(t, w, "bank statement import", "Open File")

	st := pane(t, w.Content(), "Statements")
	test.Type(first(t, st, func(e *widget.Entry) bool { return strings.HasPrefix(e.PlaceHolder, "Search name") }), "dvo")
	first[*widget.List](t, st, nil).Select(0)
	test.Tap(kittest.Button(t, st, "Export PDF…"))
	wantFileDialog(t, w, "statement PDF", "Save File")
	mode := first[*widget.RadioGroup](t, st, nil)
	for i, title := range []string{"Open Folder", "Save File"} {
		mode.SetSelected(mode.Options[i])
		test.Tap(kittest.Button(t, st, "Export all…"))
		wantFileDialog(t, w, "statements batch "+title, title)
	}

	rp := pane(t, w.Content(), "Reports")
	first(t, rp, func(k *widget.Select) bool { return slices.Contains(k.Options, "Trial balance") }).SetSelected("Trial balance")
	test.Tap(kittest.Button(t, rp, "Show"))
	kittest.CloseDialogs(w)
	test.Tap(kittest.Button(t, rp, "Export PDF…"))
	wantFileDialog(t, w, "report PDF", "Save File")
	test.Tap(kittest.Button(t, rp, "Export CSV…"))
	wantFileDialog(t, w, "report CSV", "Save File")

	s.selectTab("audit")
	test.Tap(kittest.Button(t, w.Content(), "Export CSV…"))
	wantFileDialog(t, w, "audit CSV", "Save File")

	s.backupNow()
	wantFileDialog(t, w, "backup", "Save File")

	// Settings open in their own window; the logo is with the documents.
	s.openSettings()
	sw := s.settingsWin
	if sw == nil {
		t.Fatal("no settings window")
	}
	subTab(t, sw.Content(), "Documents and language")
	test.Tap(kittest.Button(t, sw.Content(), "Choose a logo…"))
	wantFileDialog(t, sw, "logo", "Open File")
}
