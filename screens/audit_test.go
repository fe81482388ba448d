package screens

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// seedAudit makes, on the real store, entries over three days by three
// users: jana saves the company, ucetni posts the workshop's rent, petr
// mistypes his password. It returns ucetni and the entries ucetni posted.
func seedAudit(t *testing.T, db *datatest.DB) (app.User, []app.Entry) {
	t.Helper()
	ucetni := db.AddUser(t, "ucetni", "Eva Účetní", "heslo-ucetni", app.RoleAccounts)
	db.AddUser(t, "petr", "Petr Svoboda", "heslo-petra", app.RoleSales)
	var posted []app.Entry
	for day := 0; day < 3; day++ {
		c := storedCompany(t, db)
		c.Phone = "+420 541 000 11" + string(rune('2'+day))
		if _, err := db.UpdateCompany(db.Ctx, c); err != nil {
			t.Fatal(err)
		}
		e, err := db.PostEntry(app.WithUser(context.Background(), ucetni), app.Entry{Date: app.Today(db.Clock), Memo: "Nájem dílny; únor",
			Lines: []app.Line{{Account: "518", Debit: 1500000}, {Account: "221", Credit: 1500000}}})
		if err != nil {
			t.Fatal(err)
		}
		posted = append(posted, e)
		if _, err := db.Authenticate(context.Background(), "petr", "spatne-heslo"); err == nil {
			t.Fatal("a wrong password signed in")
		}
		db.Clock.Advance(24 * time.Hour)
	}
	return ucetni, posted
}

func TestAuditFiltersAndExports(t *testing.T) {
	test.NewTempApp(t)
	db := openDB(t, datatest.Clock(time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)))
	ucetni, posted := seedAudit(t, db)
	all := len(db.AuditTrail(t, db.Ctx, app.AuditFilter{}))
	w := test.NewTempWindow(t, nil)
	v := newAuditView(kittest.Deps(db, ucetni), w)
	w.SetContent(v.buildUI())
	w.Resize(fyne.NewSize(1200, 700))
	// The 9 seeded, and before them the store's own: jana created, the
	// company created, ucetni and petr created.
	if all != 13 || v.rows.Count != all || v.countText.Text != fmt.Sprintf("%d entries", all) {
		t.Fatalf("count %d of %d, %q", v.rows.Count, all, v.countText.Text)
	}
	first, ok := v.rows.Row(0)
	if !ok || first.Seq != uint64(all) {
		t.Errorf("newest first: %+v", first)
	}

	test.Type(v.user, "Ucetni")
	test.Type(v.from, "16. 3. 2026")
	v.from.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if v.rows.Count != 2 {
		t.Fatalf("ucetni from 16 March: %d entries", v.rows.Count)
	}
	v.entity.SetText("company")
	test.Tap(kittest.Button(t, w.Content(), "Apply"))
	if v.rows.Count != 0 {
		t.Errorf("ucetni's company entries: %d", v.rows.Count)
	}
	v.to.SetText("32. 3. 2026")
	test.Tap(kittest.Button(t, w.Content(), "Apply"))
	if !strings.Contains(kittest.DialogText(w), "To:") {
		t.Errorf("a wrong date: %q", kittest.DialogText(w))
	}
	kittest.CloseDialogs(w)
	test.Tap(kittest.Button(t, w.Content(), "Clear"))
	if v.rows.Count != all {
		t.Errorf("after Clear: %d", v.rows.Count)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "audit.csv")
	v.user.SetText("ucetni")
	v.apply()
	v.runExport(v.filter, path)
	if got := kittest.DialogText(w); !strings.Contains(got, "3 entries are saved in "+path) {
		t.Errorf("export dialog %q", got)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	lines := strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n")
	if !strings.HasPrefix(text, "\ufeffNo.,Time,User,Action,Entity,ID,Summary\r\n") || len(lines) != 4 {
		t.Fatalf("CSV:\n%s", text)
	}
	// The store's summary of a posting names its number, date and amount
	// before the memo.
	if !strings.Contains(lines[1], ",ucetni,posted,journal entry,"+posted[2].ID+",\"") || !strings.HasSuffix(lines[1], posted[2].Number+" of 17 Mar 2026, CZK\u00a015,000.00, Nájem dílny; únor\"") {
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
	db := openDB(t)
	path := filepath.Join(t.TempDir(), "a.csv")
	_, err := exportAudit(db.As(t, app.RoleReception), db.Store, app.AuditFilter{}, path, app.English, []string{"x"}, nil)
	if app.ErrorCode(err) != app.EUNAUTHORIZED {
		t.Fatalf("err %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("a refused export wrote a file")
	}
}
