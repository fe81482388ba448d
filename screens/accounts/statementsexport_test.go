package accounts

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kontor/app"
	"kontor/app/mock"
	"kontor/data/datatest"
	"kontor/kittest"
	"kontor/screens/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// statementPrinter is the real printer that also keeps the statements it
// printed one by one, the customers of each combined PDF, and may act after
// each statement (a Cancel tap).
type statementPrinter struct {
	app.Printer
	single      []app.Statement
	combined    [][]string
	onStatement func(n int)
}

func (p *statementPrinter) Print(w io.Writer, doc app.Printable, c app.Company) error {
	if err := p.Printer.Print(w, doc, c); err != nil {
		return err
	}
	p.single = append(p.single, doc.(app.Statement))
	if p.onStatement != nil {
		p.onStatement(len(p.single))
	}
	return nil
}

func (p *statementPrinter) PrintAll(ctx context.Context, w io.Writer, next func() (app.Printable, error), c app.Company, progress func(int)) error {
	p.combined = append(p.combined, nil)
	i := len(p.combined) - 1
	return p.Printer.PrintAll(ctx, w, func() (app.Printable, error) {
		d, err := next()
		if err == nil {
			p.combined[i] = append(p.combined[i], d.(app.Statement).Customer.Name)
		}
		return d, err
	}, c, func(n int) {
		progress(n)
		if p.onStatement != nil {
			p.onStatement(n)
		}
	})
}

// openStatements is the Statements pane of an accountant over the aging
// invoices, printing through a statementPrinter.
func openStatements(t *testing.T) (*statementsPane, fyne.Window, *statementPrinter, agingCustomers, *datatest.DB) {
	t.Helper()
	db := openDB(t)
	custs := seedAging(t, db)
	s, h := openAccounts(t, db, db.User(t, app.RoleAccounts), nil)
	r := &statementPrinter{Printer: s.deps.Printer}
	s.deps.Printer = r
	selectPane(t, s, "Statements")
	return linksOf(s).statements, h.Window(), r, custs, db
}

func TestStatementExportOneCustomer(t *testing.T) {
	p, w, r, custs, db := openStatements(t)
	files := opened(t)

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

	// The preview: the October invoice opens, the March one moves; the
	// closing balance is what Dvořák's invoices leave open in the store.
	test.Tap(p.showB)
	open := openInvoices(t, db)[custs["Dvořák s.r.o."].ID]
	if p.st == nil || len(p.st.Sections) != 1 || p.st.Sections[0].Opening != 605000 || len(p.st.Sections[0].Lines) != 1 || p.st.Sections[0].Closing != open || open != 1089000 {
		t.Fatalf("statement %+v, open in the store %d", p.st, open)
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

	// Export PDF…: the save dialog, a name without .pdf, the file opened.
	dir := t.TempDir()
	test.Tap(p.exportB)
	chooseIn(t, w, p.dlg, dir, "vypis-dvorak", "Save")
	path := filepath.Join(dir, "vypis-dvorak.pdf")
	if data := readFile(t, dir, "vypis-dvorak.pdf"); !strings.HasPrefix(data, "%PDF") {
		t.Fatalf("the file is no PDF: %.20q", data)
	}
	if _, err := os.Stat(filepath.Join(dir, "vypis-dvorak")); !os.IsNotExist(err) {
		t.Error("the bare name the dialog made was left behind")
	}
	if len(r.single) != 1 || r.single[0].From != app.D(2026, 3, 1) || r.single[0].Customer.Name != "Dvořák s.r.o." || r.single[0].ClosingBase() != open {
		t.Errorf("printed %+v", r.single)
	}
	if len(*files) != 1 || (*files)[0] != path || !strings.Contains(p.status.Text, path) {
		t.Errorf("opened %v, status %q", *files, p.status.Text)
	}

	// A printer that fails (the real one cannot be made to) is reported and
	// leaves no file.
	failure := app.Internal("printing the statement", errors.New("the font is missing"))
	p.parent.deps.Printer = &mock.Printer{PrintFn: func(w io.Writer, doc app.Printable, c app.Company) error {
		_, _ = w.Write([]byte("%PDF-1.3 half"))
		return failure
	}}
	test.Tap(p.exportB)
	chooseIn(t, w, p.dlg, dir, "vadny", "Save")
	if got := kittest.DialogText(w); !strings.Contains(got, app.ErrorMessage(failure, kit.Translator())) {
		t.Errorf("a failed print says %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "vadny.pdf")); !os.IsNotExist(err) {
		t.Error("a failed print left its file")
	}
	if p.status.Text != "" || len(*files) != 1 {
		t.Errorf("after a failure: status %q, opened %v", p.status.Text, *files)
	}
}

func TestStatementBatchFolderCombinedAndCancel(t *testing.T) {
	p, w, r, custs, _ := openStatements(t)

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
		if data := readFile(t, out, f.Name()); !strings.HasPrefix(data, "%PDF") {
			t.Errorf("%s is no PDF", f.Name())
		}
	}
	dv, nv := custs["Dvořák s.r.o."], custs["Novák a syn"]
	want := app.StatementFileName(dv.Name, dv.ID, false) + "," + app.StatementFileName(nv.Name, nv.ID, false)
	if strings.Join(names, ",") != want || !strings.HasPrefix(want, "Dvořák-s-r-o_") {
		t.Errorf("folder holds %v, want %s", names, want)
	}
	if got := kittest.DialogText(w); !strings.Contains(got, "Wrote 2 statements to "+out+". Customers without a balance or activity in the period, skipped: 1.") {
		t.Errorf("summary %q", got)
	}
	kittest.CloseDialogs(w)

	// One combined PDF, opened when done.
	shown := opened(t)
	p.mode.SetSelected("One combined PDF")
	test.Tap(p.batchB)
	chooseIn(t, w, p.dlg, out, "vsechny", "Save")
	all := filepath.Join(out, "vsechny.pdf")
	if data := readFile(t, out, "vsechny.pdf"); !strings.HasPrefix(data, "%PDF") {
		t.Fatal("the combined file is no PDF")
	}
	if len(r.combined) != 1 || strings.Join(r.combined[0], ",") != "Dvořák s.r.o.,Novák a syn" {
		t.Errorf("combined %v", r.combined)
	}
	if len(*shown) != 1 || (*shown)[0] != all || !strings.Contains(kittest.DialogText(w), "Wrote 2 statements to "+all) {
		t.Errorf("opened %v, summary %q", *shown, kittest.DialogText(w))
	}
	kittest.CloseDialogs(w)

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
	if !strings.Contains(kittest.DialogText(w), "Cancelled. No file was written.") {
		t.Errorf("cancel says %q", kittest.DialogText(w))
	}
	kittest.CloseDialogs(w)

	// …and a folder keeps what was written before Cancel.
	r.single = nil
	each := t.TempDir()
	p.runBatch(from, to, true, each)
	files, _ = os.ReadDir(each)
	if len(files) != 1 || !strings.Contains(kittest.DialogText(w), "Cancelled. 1 statement was written to "+each) {
		t.Errorf("cancelled folder: %v, %q", files, kittest.DialogText(w))
	}
	kittest.CloseDialogs(w)
	r.onStatement = nil

	// A period in which nobody has anything writes nothing.
	retype(p.from, dateText(2020, 1, 1))
	retype(p.to, dateText(2020, 1, 31))
	empty := t.TempDir()
	p.mode.SetSelected("One combined PDF")
	from, to, _ = p.period()
	p.runBatch(from, to, false, filepath.Join(empty, "nic.pdf"))
	if files, _ := os.ReadDir(empty); len(files) != 0 || !strings.Contains(kittest.DialogText(w), "no file was written") {
		t.Errorf("empty period: %v, %q", files, kittest.DialogText(w))
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
