package screens

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/app/mock"
	"kontor/data"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"
	"kontor/screens/sales"
)

func TestModulesHideTabsByPermission(t *testing.T) {
	ids := func(g kit.Group, roles ...app.Role) string {
		tabs, _ := kit.Visible(testModules(), func(p app.Permission) bool { return app.Can(roles, p) })
		var s []string
		for _, t := range tabs {
			if t.Group == g {
				s = append(s, t.ID)
			}
		}
		return strings.Join(s, ",")
	}
	if got := ids(kit.BackOffice, app.RoleSales, app.RolePayroll); got != "payroll" {
		t.Errorf("sales+payroll see back office %q", got)
	}
	if got := ids(kit.BackOffice, app.RoleAdmin); got != "accounts,payroll,warehouse,audit,users" {
		t.Errorf("admin sees %q", got)
	}
	if got := ids(kit.FrontOffice, app.RoleAdmin); got != "reception,sales,aftersales" {
		t.Errorf("admin sees front office %q", got)
	}
	if got := ids(kit.BackOffice, app.RoleAccounts); got != "accounts,audit" {
		t.Errorf("accounts sees %q", got)
	}
	if got := ids(kit.BackOffice); got != "" {
		t.Errorf("a user without roles sees %q", got)
	}

	db := openDB(t)
	s, _ := shellFor(t, db, db.User(t, app.RoleReception))
	if got := tabTitles(s.groups); len(got) != 1 || got[0] != "Front office" {
		t.Fatalf("groups %v", got)
	}
	if got := tabTitles(s.inner[kit.FrontOffice]); strings.Join(got, ",") != "Reception" {
		t.Errorf("reception sees %v", got)
	}
	if s.selectTab("accounts") || s.views["accounts"] != nil {
		t.Error("a receptionist reached the Accounts tab")
	}
}

func TestShellTabsPlaceholdersAndStatus(t *testing.T) {
	a := test.NewTempApp(t)
	db := openDB(t, datatest.Clock(time.Date(2026, 3, 14, 17, 30, 0, 0, time.Local)))
	if err := db.Backup(db.Ctx, filepath.Join(t.TempDir(), "kontor-2026-03-14.db"), app.BackupOptions{}); err != nil {
		t.Fatal(err)
	}
	d, c := kittest.Deps(db), storedCompany(t, db)
	w := signIn(t, a, d, testAdmin, testAdminPassword)
	w.Resize(fyne.NewSize(1200, 800))
	if w.Title() != "Kontor — Truhlářství Novák s.r.o." {
		t.Errorf("title %q", w.Title())
	}
	shown := kittest.Texts(w.Content())
	for _, want := range []string{db.Path, "14 Mar 2026 17:30", "Branch: HQ"} {
		if !strings.Contains(shown, want) {
			t.Errorf("status bar lacks %q:\n%s", want, shown)
		}
	}
	found := false
	for _, o := range kittest.Objects(w.Content()) {
		if tabs, ok := o.(*container.AppTabs); ok && strings.Join(tabTitles(tabs), ",") == "Front office,Back office" {
			found = true
		}
	}
	if !found {
		t.Fatal("no Front office / Back office tabs")
	}
	sh := openTestShell(a, w, d, c)
	if got := strings.Join(tabTitles(sh.inner[kit.FrontOffice]), ","); got != "Reception,Sales,After-sales" {
		t.Errorf("front office %s", got)
	}
	if got := strings.Join(tabTitles(sh.inner[kit.BackOffice]), ","); got != "Accounts,Payroll,Warehouse,Audit,Users" {
		t.Errorf("back office %s", got)
	}
	for id, want := range map[string]string{
		"aftersales": "due this week", "payroll": "Salary / rate", "warehouse": "Warehouse settings",
	} {
		if !sh.selectTab(id) {
			t.Fatalf("no tab %s", id)
		}
		later := "ticket"      // the list's count
		if id == "warehouse" { // the settings form that switches the warehouse on
			later = "The company keeps no stock yet"
		}
		if id == "payroll" { // the employees' list
			later = "Hours a week"
		}
		if got := kittest.Texts(w.Content()); !strings.Contains(got, want) || !strings.Contains(got, later) {
			t.Errorf("tab %s shows:\n%s", id, got)
		}
	}
	if !sh.selectTab("reception") || !strings.Contains(kittest.Texts(w.Content()), "In the building (0)") {
		t.Errorf("the Reception tab shows:\n%s", kittest.Texts(w.Content()))
	}
	if !sh.selectTab("sales") || !strings.Contains(kittest.ButtonsText(w.Content()), "New invoice") {
		t.Errorf("the Sales tab shows:\n%s", kittest.ButtonsText(w.Content()))
	}
	w.Close()
}

func TestShellRemembersTabAndSize(t *testing.T) {
	a := test.NewTempApp(t)
	db := openDB(t)
	d, c := kittest.Deps(db), storedCompany(t, db)
	w := signIn(t, a, d, testAdmin, testAdminPassword)
	w.Resize(fyne.NewSize(1000, 640))
	sh := openTestShell(a, w, d, c)
	sh.selectTab("payroll")
	w.Close()
	if got := a.Preferences().String(prefTab); got != "payroll" {
		t.Fatalf("remembered tab %q", got)
	}
	if got := a.Preferences().Float(prefWidth); got != 1000 {
		t.Errorf("remembered width %v", got)
	}
	w2 := test.NewTempWindow(t, nil)
	sh2 := openTestShell(a, w2, d, c)
	if got := sh2.currentTabID(); got != "payroll" {
		t.Errorf("restored tab %q", got)
	}
}

func TestSetupLanguageOverride(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	defer func() {
		prefs.SetString(kit.PrefLanguage, "en")
		kit.SetupLanguage(prefs)
	}()
	prefs.SetString(kit.PrefLanguage, "cs")
	if got := kit.SetupLanguage(prefs); got != app.Czech {
		t.Fatalf("lang %q", got)
	}
	if got := sales.Module().Tabs[0].Label(); got != "Prodej" {
		t.Errorf("Sales in Czech = %q", got)
	}
	err := app.Invalid("company.ico", "err.ico.format", "must have 8 digits", nil)
	if got := app.ErrorMessage(err, kit.Translator()); got != "IČO: musí mít 8 číslic" {
		t.Errorf("Czech error = %q", got)
	}
	if got := kit.FormatMoney(123450, "CZK"); got != "1\u00a0234,50\u00a0Kč" {
		t.Errorf("money = %q", got)
	}
}

// TestCheckDatabaseReportsProblems: a gap in a numbering series is what the
// real store's check finds in a file damaged from outside; a mock.Store
// answers it (the real store cannot be made to have one), with the real
// store for everything else.
func TestCheckDatabaseReportsProblems(t *testing.T) {
	a := test.NewTempApp(t)
	db := openDB(t)
	d := kittest.Deps(db)
	d.Services.Store = &mock.Store{
		PathFn: db.Store.Path, LastBackupFn: db.LastBackup,
		CheckFn: func(context.Context) ([]app.Problem, error) {
			return []app.Problem{{Key: "check.number_gap", Msg: "series {{.series}} {{.year}} has a gap: number {{.missing}} is missing", Args: map[string]any{"series": "FV", "year": 2026, "missing": 7}}}, nil
		},
	}
	w := test.NewTempWindow(t, nil)
	sh := openTestShell(a, w, d, storedCompany(t, db))
	sh.checkDatabase()
	if got := kittest.DialogText(w); !strings.Contains(got, "series FV 2026 has a gap: number 7 is missing") {
		t.Errorf("check dialog = %q", got)
	}
}

// TestBackupNowWritesAndUpdatesStatus: the real store writes the backup
// (a store that opens) and the status bar shows its time.
func TestBackupNowWritesAndUpdatesStatus(t *testing.T) {
	a := test.NewTempApp(t)
	db := openDB(t, datatest.Clock(time.Date(2026, 11, 28, 10, 15, 0, 0, time.Local)))
	w := test.NewTempWindow(t, nil)
	sh := openTestShell(a, w, kittest.Deps(db), storedCompany(t, db))
	if strings.Contains(sh.status.Text, "10:15") {
		t.Fatalf("a backup before any: %q", sh.status.Text)
	}
	dst := filepath.Join(t.TempDir(), "kontor-2026-11-28.db")
	sh.runBackup(dst)
	back, err := data.Open(dst, data.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatalf("the backup written does not open: %v", err)
	}
	if got, err := back.Company(db.Ctx); err != nil || got.Name != storedCompany(t, db).Name {
		t.Errorf("the backup's company %q (%v)", got.Name, err)
	}
	back.Close()
	if got := kittest.DialogText(w); !strings.Contains(got, dst) {
		t.Errorf("backup dialog = %q", got)
	}
	if !strings.Contains(sh.status.Text, "10:15") {
		t.Errorf("status bar not updated: %q", sh.status.Text)
	}
}

func TestShowFatal(t *testing.T) {
	a := test.NewTempApp(t)
	kit.ShowFatal(a, "Kontor", "the database /tmp/k.db is already open in another Kontor window")
	wins := a.Driver().AllWindows()
	w := wins[len(wins)-1]
	if w.Title() != "Kontor" || !strings.Contains(kittest.DialogText(w), "already open") {
		t.Fatalf("window %q, dialog %q", w.Title(), kittest.DialogText(w))
	}
}
