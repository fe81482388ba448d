package reception

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
)

func TestMain(m *testing.M) {
	kittest.Setup()
	os.Exit(datatest.Main(m))
}

// TestModuleTab: the Reception tab shows to a reception user, holds its
// four lists, and Ctrl+N's argument opens the new-customer form.
func TestModuleTab(t *testing.T) {
	db := datatest.MustOpen(t)
	u := db.User(t, app.RoleReception)
	h := kittest.NewHost(t, kittest.Deps(db, u), datatest.TestCompany(), Module())
	v, ok := h.Show("reception").(*receptionScreen)
	if !ok {
		t.Fatal("the Reception tab is not shown")
	}
	var titles []string
	for _, it := range v.tabs.Items {
		titles = append(titles, it.Text)
	}
	if got := strings.Join(titles, ","); got != "Customers,Visitors,Appointments,Inquiries" {
		t.Errorf("the tab's lists: %s", got)
	}
	v.Open(kit.ArgNew)
	if h.Window().Canvas().Overlays().Top() == nil {
		t.Error("Ctrl+N opened no customer form")
	}
	v.Stop()
}

// TestPrintBadgeOpensPDFNamingTheHost: "Print badge" writes the badge PDF
// through Deps.Printer and opens it at once; the badge names the host by
// their full name, not their login — on the real store.
func TestPrintBadgeOpensPDFNamingTheHost(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	db := datatest.MustOpen(t)
	recepce := db.User(t, app.RoleReception)
	prodej, err := db.CreateUser(db.Ctx, app.NewUser{Name: "prodej", FullName: "Tomáš Černý", Roles: []app.Role{app.RoleSales}, Password: datatest.UserPassword})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CheckIn(app.WithUser(db.Ctx, recepce), app.Visit{Visitor: "Pavel Kůň", Company: "Kavárna U Lípy", Host: prodej.Name, Purpose: "Stoly", Badge: "7"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	badgeDir = func() string { return dir }
	var opened []string
	kit.OpenFile = func(path string) { opened = append(opened, path) }
	t.Cleanup(func() {
		kit.OpenFile = func(string) {}
		badgeDir = func() string { return filepath.Join(os.TempDir(), "kontor-badges") }
	})
	h := kittest.NewHost(t, kittest.Deps(db, recepce), datatest.TestCompany(), Module())
	v := h.Show("reception").(*receptionScreen)
	v.tabs.SelectIndex(1)
	w := h.Window()
	test.Tap(kittest.Button(t, w.Content(), "Print badge"))
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog came up instead of the badge: %q", kittest.DialogText(w))
	}
	if len(opened) != 1 || filepath.Dir(opened[0]) != dir || !strings.HasSuffix(opened[0], ".pdf") {
		t.Fatalf("opened in the viewer: %v", opened)
	}
	out, err := exec.Command("pdftotext", opened[0], "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	if !strings.Contains(text, "Tomáš Černý") || strings.Contains(text, "prodej") || !strings.Contains(text, "Pavel Kůň") {
		t.Errorf("the badge reads:\n%s", text)
	}
	if _, err := os.Stat(opened[0] + ".part"); !os.IsNotExist(err) {
		t.Error("a temporary file is left beside the badge")
	}
}
