package screens

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/screens/kit"
)

// seedAudit writes entries over three days by three users.
func seedAudit(d kit.Deps) *fakeAudit {
	_, audit := fakesOf(d)
	clock := d.Services.Clock.(*app.FixedClock)
	for day := 0; day < 3; day++ {
		audit.log("jana", "update", "company", "C1", "Company settings saved")
		audit.log("ucetni", "post", "entry", "E"+string(rune('1'+day)), "Nájem dílny; únor")
		audit.log("petr", "login.failed", "user", "", "wrong password")
		clock.Advance(24 * time.Hour)
	}
	return audit
}

func TestAuditFiltersAndExports(t *testing.T) {
	test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	users, _ := fakesOf(d)
	d.Sess.User = users.mustAdd(app.NewUser{Name: "ucetni", Roles: []app.Role{app.RoleAccounts}, Password: "kontor-demo"})
	seedAudit(d)
	w := test.NewTempWindow(t, nil)
	v := newAuditView(d, w)
	w.SetContent(v.buildUI())
	w.Resize(fyne.NewSize(1200, 700))
	if v.rows.Count != 11 || v.countText.Text != "11 entries" { // 9 + creating jana and ucetni
		t.Fatalf("count %d, %q", v.rows.Count, v.countText.Text)
	}
	first, ok := v.rows.Row(0)
	if !ok || first.Seq != 11 {
		t.Errorf("newest first: %+v", first)
	}

	test.Type(v.user, "Ucetni")
	test.Type(v.from, "16. 3. 2026")
	v.from.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if v.rows.Count != 2 {
		t.Fatalf("ucetni from 16 March: %d entries", v.rows.Count)
	}
	v.entity.SetText("company")
	test.Tap(button(t, w.Content(), "Apply"))
	if v.rows.Count != 0 {
		t.Errorf("ucetni's company entries: %d", v.rows.Count)
	}
	v.to.SetText("32. 3. 2026")
	test.Tap(button(t, w.Content(), "Apply"))
	if !strings.Contains(dialogText(w), "To:") {
		t.Errorf("a wrong date: %q", dialogText(w))
	}
	closeDialogs(w)
	test.Tap(button(t, w.Content(), "Clear"))
	if v.rows.Count != 11 {
		t.Errorf("after Clear: %d", v.rows.Count)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "audit.csv")
	v.user.SetText("ucetni")
	v.apply()
	v.runExport(v.filter, path)
	if got := dialogText(w); !strings.Contains(got, "4 entries are saved in "+path) {
		t.Errorf("export dialog %q", got)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	lines := strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n")
	if !strings.HasPrefix(text, "\ufeffNo.,Time,User,Action,Entity,ID,Summary\r\n") || len(lines) != 5 {
		t.Fatalf("CSV:\n%s", text)
	}
	if !strings.HasSuffix(lines[1], `,ucetni,posted,journal entry,E3,Nájem dílny; únor`) {
		t.Errorf("newest row %q", lines[1])
	}
	if strings.Contains(text, "abab") {
		t.Error("the export contains hashes")
	}
	if _, err := os.Stat(path + ".part"); !os.IsNotExist(err) {
		t.Error("the temporary file is left behind")
	}
}

func TestAuditCSVFormat(t *testing.T) {
	at := time.Date(2026, 3, 15, 9, 30, 5, 0, time.Local)
	entries := []app.AuditEntry{
		{Seq: 7, Time: at, User: "jana", Action: "update", Entity: "company", EntityID: "C1", Text: "=HYPERLINK(\"http://x\")", Hash: "ff"},
		{Seq: 6, Time: at, User: "jana", Action: "create", Entity: "company", EntityID: "C1", Text: "Truhlářství Novák; s.r.o."},
	}
	header := []string{"Č.", "Čas", "Uživatel", "Akce", "Objekt", "ID", "Shrnutí"}
	var buf bytes.Buffer
	out, err := newAuditCSV(&buf, app.Czech, header)
	if err != nil {
		t.Fatal(err)
	}
	if err := out.write(entries); err != nil {
		t.Fatal(err)
	}
	if err := out.flush(); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffČ.;Čas;Uživatel;Akce;Objekt;ID;Shrnutí\r\n" +
		"7;2026-03-15 09:30:05;jana;changed;company;C1;\"'=HYPERLINK(\"\"http://x\"\")\"\r\n" +
		"6;2026-03-15 09:30:05;jana;created;company;C1;\"Truhlářství Novák; s.r.o.\"\r\n"
	if buf.String() != want {
		t.Errorf("Czech CSV:\n%q\nwant\n%q", buf.String(), want)
	}

	buf.Reset()
	out, _ = newAuditCSV(&buf, app.English, []string{"No.", "Summary"})
	_ = out.write(entries[1:])
	_ = out.flush()
	if !strings.HasPrefix(buf.String(), "\ufeffNo.,Summary\r\n6,2026-03-15 09:30:05,jana,") {
		t.Errorf("English CSV %q", buf.String())
	}
}

func TestAuditExportRefusedWithoutRole(t *testing.T) {
	c := testCompany()
	d, _, _ := testDeps(&c)
	users, audit := fakesOf(d)
	u := users.mustAdd(app.NewUser{Name: "recepce", Roles: []app.Role{app.RoleReception}, Password: "kontor-demo"})
	path := filepath.Join(t.TempDir(), "a.csv")
	_, err := exportAudit(app.WithUser(context.Background(), u), audit, app.AuditFilter{}, path, app.English, []string{"x"}, nil)
	if app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Fatalf("err %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("a refused export wrote a file")
	}
}
