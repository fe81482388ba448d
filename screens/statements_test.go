package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"kontor/app"
	"kontor/screens/kit"
)

// chooseIn answers the pane's open file or folder dialog: the folder dir,
// the file name (if any), then the confirm button.
func chooseIn(t *testing.T, w fyne.Window, d *dialog.FileDialog, dir, name, confirm string) {
	t.Helper()
	if d == nil || w.Canvas().Overlays().Top() == nil {
		t.Fatal("no file dialog opened")
	}
	loc, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		t.Fatal(err)
	}
	d.SetLocation(loc)
	if name != "" {
		d.SetFileName(name)
	}
	tapDialog(t, w, confirm)
}

func TestStatementExportOneCustomer(t *testing.T) {
	s, w, d, custs := accountsPanesTest(t)
	selectPane(t, w, "Statements")
	p := linksOf(s).statements
	r := d.Statements.(*fakeStatements)
	var opened []string
	kit.OpenFile = func(path string) { opened = append(opened, path) }
	t.Cleanup(func() { kit.OpenFile = func(string) {} })

	if len(p.found) != 3 || !p.exportB.Disabled() {
		t.Fatalf("before a search: %d customers, export enabled %v", len(p.found), !p.exportB.Disabled())
	}
	// Search as you type, then pick the one match.
	test.Type(p.search, "dvo")
	if len(p.found) != 1 || p.found[0].Name != "Dvořák s.r.o." {
		t.Fatalf("search found %+v", p.found)
	}
	p.list.Select(0)
	if p.cust.ID != custs["Dvořák s.r.o."].ID || p.exportB.Disabled() || !strings.Contains(p.chosen.Text, "Dvořák s.r.o.") {
		t.Fatalf("picked %+v", p.cust)
	}
	// The default period is this month up to today.
	if p.from.Text != dateText(2026, 3, 1) || p.to.Text != dateText(2026, 3, 15) {
		t.Errorf("default period %q – %q", p.from.Text, p.to.Text)
	}

	// A reversed period is refused at its field, and nothing is exported.
	retype(p.to, dateText(2026, 2, 28))
	if msg := p.fields.Message("filter.to"); !strings.Contains(msg, "before its start") {
		t.Errorf("a reversed period says %q", msg)
	}
	test.Tap(p.exportB)
	if w.Canvas().Overlays().Top() != nil || len(r.single) != 0 {
		t.Fatal("a reversed period went on to export")
	}
	retype(p.to, dateText(2026, 3, 15))
	if msg := p.fields.Message("filter.to"); msg != "" {
		t.Errorf("a fixed period still says %q", msg)
	}

	// The preview: the October invoice opens, the March one moves.
	test.Tap(p.showB)
	if p.st == nil || len(p.st.Sections) != 1 || p.st.Sections[0].Opening != 605000 || len(p.st.Sections[0].Lines) != 1 || p.st.Sections[0].Closing != 1089000 {
		t.Fatalf("statement %+v", p.st)
	}
	shown := texts(p.table)
	for _, want := range []string{app.D(2026, 3, 10).Format(kit.UILang), "Invoice FV2026-", app.D(2026, 3, 24).Format(kit.UILang), "4,840.00", "10,890.00"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the preview lacks %q:\n%s", want, shown)
		}
	}
	if !strings.Contains(p.summary.Text, "Opening balance CZK\u00a06,050.00") {
		t.Errorf("summary %q", p.summary.Text)
	}
	snapshotPNG(t, w, "statements")

	// Export PDF…: the save dialog, a name without .pdf, the file opened.
	dir := t.TempDir()
	test.Tap(p.exportB)
	chooseIn(t, w, p.dlg, dir, "vypis-dvorak", "Save")
	path := filepath.Join(dir, "vypis-dvorak.pdf")
	data, err := os.ReadFile(path)
	if err != nil || string(data) != "%PDF-fake statement Dvořák s.r.o. closing 1089000\n" {
		t.Fatalf("the file: %q %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "vypis-dvorak")); !os.IsNotExist(err) {
		t.Error("the bare name the dialog made was left behind")
	}
	if len(r.single) != 1 || r.single[0].From != app.D(2026, 3, 1) || r.single[0].Customer.Name != "Dvořák s.r.o." {
		t.Errorf("rendered %+v", r.single)
	}
	if len(opened) != 1 || opened[0] != path || !strings.Contains(p.status.Text, path) {
		t.Errorf("opened %v, status %q", opened, p.status.Text)
	}

	// Without a renderer the button says so.
	p.parent.deps.Statements = nil
	test.Tap(p.exportB)
	if !strings.Contains(dialogText(w), "PDF export is not available") {
		t.Errorf("no renderer says %q", dialogText(w))
	}
}

func TestStatementBatchFolderCombinedAndCancel(t *testing.T) {
	s, w, d, custs := accountsPanesTest(t)
	selectPane(t, w, "Statements")
	p := linksOf(s).statements
	r := d.Statements.(*fakeStatements)

	// One PDF each into a folder: Žlutý kůň paid everything in February and
	// has nothing in March, so is skipped.
	out := t.TempDir()
	p.mode.SetSelected("One PDF each into a folder")
	test.Tap(p.batchB)
	chooseIn(t, w, p.dlg, out, "", "Open")
	files, _ := os.ReadDir(out)
	var names []string
	for _, f := range files {
		names = append(names, f.Name())
	}
	want := "Dvořák-s-r-o_" + custs["Dvořák s.r.o."].ID + ".pdf,Novák-a-syn_" + custs["Novák a syn"].ID + ".pdf"
	if strings.Join(names, ",") != want {
		t.Errorf("folder holds %v, want %s", names, want)
	}
	if got := dialogText(w); !strings.Contains(got, "Wrote 2 statements to "+out+". Customers without a balance or activity in the period, skipped: 1.") {
		t.Errorf("summary %q", got)
	}
	closeDialogs(w)

	// One combined PDF, opened when done.
	var opened []string
	kit.OpenFile = func(path string) { opened = append(opened, path) }
	t.Cleanup(func() { kit.OpenFile = func(string) {} })
	p.mode.SetSelected("One combined PDF")
	test.Tap(p.batchB)
	chooseIn(t, w, p.dlg, out, "vsechny", "Save")
	all := filepath.Join(out, "vsechny.pdf")
	data, err := os.ReadFile(all)
	if err != nil || strings.Count(string(data), "%PDF-fake statement") != 2 {
		t.Fatalf("combined %q %v", data, err)
	}
	if len(r.combined) != 1 || strings.Join(r.combined[0], ",") != "Dvořák s.r.o.,Novák a syn" {
		t.Errorf("combined %v", r.combined)
	}
	if len(opened) != 1 || opened[0] != all || !strings.Contains(dialogText(w), "Wrote 2 statements to "+all) {
		t.Errorf("opened %v, summary %q", opened, dialogText(w))
	}
	closeDialogs(w)

	// Cancel in the progress dialog: a combined PDF leaves no file…
	r.onStatement = func(n int) {
		if n == 1 {
			tapDialog(t, w, "Cancel")
		}
	}
	from, to, _ := p.period()
	cancelled := filepath.Join(out, "zruseno.pdf")
	p.runBatch(from, to, false, cancelled)
	if _, err := os.Stat(cancelled); !os.IsNotExist(err) {
		t.Error("a cancelled combined export left its file")
	}
	if _, err := os.Stat(cancelled + ".part"); !os.IsNotExist(err) {
		t.Error("a cancelled export left its temporary file")
	}
	if !strings.Contains(dialogText(w), "Cancelled. No file was written.") {
		t.Errorf("cancel says %q", dialogText(w))
	}
	closeDialogs(w)

	// …and a folder keeps what was written before Cancel.
	r.single = nil
	each := t.TempDir()
	p.runBatch(from, to, true, each)
	files, _ = os.ReadDir(each)
	if len(files) != 1 || !strings.Contains(dialogText(w), "Cancelled. 1 statement was written to "+each) {
		t.Errorf("cancelled folder: %v, %q", files, dialogText(w))
	}
	closeDialogs(w)
	r.onStatement = nil

	// A period in which nobody has anything writes nothing.
	retype(p.from, dateText(2020, 1, 1))
	retype(p.to, dateText(2020, 1, 31))
	empty := t.TempDir()
	p.mode.SetSelected("One combined PDF")
	from, to, _ = p.period()
	p.runBatch(from, to, false, filepath.Join(empty, "nic.pdf"))
	if files, _ := os.ReadDir(empty); len(files) != 0 || !strings.Contains(dialogText(w), "no file was written") {
		t.Errorf("empty period: %v, %q", files, dialogText(w))
	}
}

func TestStatementFileNames(t *testing.T) {
	got := app.StatementFileNames([]app.Customer{
		{ID: "0190aaaa-bbbb-7ccc-8ddd-000000000001", Name: "Novák & syn, s.r.o."},
		{ID: "0190aaaa-bbbb-7ccc-8ddd-100000000001", Name: "Novák & syn, s.r.o."},
		{ID: "x/y", Name: "  ...  "},
	})
	want := []string{"Novák-syn-s-r-o_00000001.pdf", "Novák-syn-s-r-o_0190aaaa-bbbb-7ccc-8ddd-100000000001.pdf", "customer_x_y.pdf"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("names %v", got)
	}
}
