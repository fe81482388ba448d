package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/screens/kit"
)

// subTab selects the sub-tab titled title of the first tab set under root
// that has one.
func subTab(t *testing.T, root fyne.CanvasObject, title string) {
	t.Helper()
	for _, o := range objects(root) {
		if tabs, ok := o.(*container.AppTabs); ok {
			for _, it := range tabs.Items {
				if it.Text == title {
					tabs.Select(it)
					return
				}
			}
		}
	}
	t.Fatalf("no sub-tab %q", title)
}

// wantFileDialog checks that the top overlay of w is a file dialog titled
// title ("Open File", "Save File", "Open Folder") and closes it.
func wantFileDialog(t *testing.T, w fyne.Window, what, title string) {
	t.Helper()
	if got := dialogText(w); !strings.Contains(got, title) {
		t.Errorf("%s: no %q dialog, the top overlay says %q", what, title, got)
	}
	closeDialogs(w)
}

// TestEveryFileDialogOpens drives every file dialog of the app on the real
// store, as the admin (who sees every tab): the bank statement import (it
// killed the app), the customer import, the logo, and every save — invoice
// PDF, sales batch (file and folder), statement, statements batch (file and
// folder), report PDF and CSV, audit CSV and the backup.
func TestEveryFileDialogOpens(t *testing.T) {
	rs := mustOpen(t)
	cust := rs.customer("Dvořák s.r.o.")
	inv := rs.invoice(cust, "Stůl z dubu", 1200000)
	s, w := rs.shell(rs.admin)
	if !s.selectTab("reception") {
		t.Fatal("no Reception tab")
	}
	test.Tap(button(t, w.Content(), "Import customers…"))
	wantFileDialog(t, w, "customer import", "Open File")

	// Sales: one invoice's PDF, then the list's batch in both forms.
	s.selectTab("sales")
	s.Open("sales", kit.ArgDoc(inv.ID))
	test.Tap(button(t, w.Content(), "Export PDF…"))
	wantFileDialog(t, w, "invoice PDF", "Save File")
	salesOf(s).backToLists()
	for _, form := range []struct{ radio, title string }{{"One combined PDF", "Save File"}, {"One file each in a folder", "Open Folder"}} {
		test.Tap(button(t, w.Content(), "Export all listed…"))
		for _, o := range objects(w.Canvas().Overlays().Top()) {
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
	test.Tap(button(t, w.Content(), "Import statement…"))
	wantFileDialog(t, w, "bank statement import", "Open File")

	subTab(t, w.Content(), "Statements")
	p := linksOf(accountsOf(s)).statements
	test.Type(p.search, "dvo")
	p.list.Select(0)
	test.Tap(p.exportB)
	wantFileDialog(t, w, "statement PDF", "Save File")
	for i, title := range []string{"Open Folder", "Save File"} {
		p.mode.SetSelected(p.mode.Options[i])
		test.Tap(p.batchB)
		wantFileDialog(t, w, "statements batch "+title, title)
	}

	subTab(t, w.Content(), "Reports")
	rp := linksOf(accountsOf(s)).reports
	rp.kind.SetSelected("Trial balance")
	test.Tap(rp.showB)
	closeDialogs(w)
	test.Tap(rp.pdfB)
	wantFileDialog(t, w, "report PDF", "Save File")
	test.Tap(rp.csvB)
	wantFileDialog(t, w, "report CSV", "Save File")

	s.selectTab("audit")
	test.Tap(button(t, w.Content(), "Export CSV…"))
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
	test.Tap(button(t, sw.Content(), "Choose a logo…"))
	wantFileDialog(t, sw, "logo", "Open File")
}
