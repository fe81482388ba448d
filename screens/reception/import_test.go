package reception

import (
	"strings"
	"testing"

	"kontor/app"
	"kontor/data/datatest"
	"kontor/kittest"
)

// TestReceptionImportCSV: a customer CSV with bad rows is previewed by a
// dry run that writes nothing: the summary counts what can be imported and
// what is refused, and each refused row is named by its line with the
// field that is wrong (a missing name, a bad e-mail, an IČO twice in the
// file, an IČO on file naming its customer). Import writes the good rows
// only, Czech letters intact — on the real store.
func TestReceptionImportCSV(t *testing.T) {
	d := openDesk(t, func(db *datatest.DB) {
		saveCustomer(t, db, app.Customer{Name: "Truhlářství Dub s.r.o.", ICO: "25596641"})
	})
	r, w, db := d.r, d.w, d.db
	if !strings.Contains(kittest.ButtonsText(w.Content()), "Import customers…") {
		t.Fatal("no Import button")
	}
	csv := "Název;IČO;Město;E-mail\n" +
		"Žluťoučký kůň s.r.o.;27082440;Praha;info@kun.cz\n" +
		";;Brno;\n" +
		"Bílý kůň;;Plzeň;spatny-email\n" +
		"Kůň dvojník;27082440;Ostrava;\n" +
		"Dub podruhé;25596641;Jihlava;\n" +
		"Novák;;Brno;novak@example.cz\n"
	r.previewImport("zakaznici.csv", []byte(csv))
	got := kittest.DialogText(w)
	if !strings.Contains(got, "zakaznici.csv: 2 customers can be imported, 4 rows are refused") {
		t.Fatalf("preview:\n%s", got)
	}
	for _, want := range []string{"line 3\nName: is required", "line 4\nE-mail: “spatny-email” is not an e-mail address",
		"line 5\nIČO: IČO 27082440 is already on line 2 of the file", "line 6\nIČO: IČO 25596641 belongs to Truhlářství Dub s.r.o., already on file"} {
		if !strings.Contains(got, want) {
			t.Errorf("the preview lacks %q:\n%s", want, got)
		}
	}
	if n := len(allCustomers(t, db)); n != 1 {
		t.Fatalf("the dry run wrote customers: %d", n)
	}
	tapDialog(t, w, "Import 2 customers")
	if got := kittest.DialogText(w); !strings.Contains(got, "Imported 2 customers") {
		t.Fatalf("import says:\n%s", got)
	}
	names := map[string]bool{}
	for _, c := range allCustomers(t, db) {
		names[c.Name] = true
	}
	if len(names) != 3 || !names["Žluťoučký kůň s.r.o."] || !names["Novák"] || !names["Truhlářství Dub s.r.o."] {
		t.Errorf("stored %v", names)
	}
	kittest.CloseDialogs(w)
	if l := r.dir.list.List(); len(l) != 3 {
		t.Errorf("the directory shows %d after the import", len(l))
	}
}

// TestReceptionImportRefusesBadFiles: a file that is not CSV, one without a
// name column and one whose every row is wrong write nothing; the first two
// say why in a dialog, the last offers no Import.
func TestReceptionImportRefusesBadFiles(t *testing.T) {
	d := openDesk(t, nil)
	r, w, db := d.r, d.w, d.db

	r.previewImport("logo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	if got := kittest.DialogText(w); !strings.Contains(got, "this is not a text file") || !strings.Contains(got, "save it from the spreadsheet as CSV") {
		t.Errorf("a binary file says %q", got)
	}
	kittest.CloseDialogs(w)
	r.previewImport("bez-nazvu.csv", []byte("IČO;Město\n27082440;Praha\n"))
	if got := kittest.DialogText(w); !strings.Contains(got, "the column “Název”") || !strings.Contains(got, "is missing") {
		t.Errorf("a file without a name column says %q", got)
	}
	kittest.CloseDialogs(w)
	r.previewImport("spatne.csv", []byte("Název;E-mail\n;x@y.cz\nKůň;kun@\n"))
	got := kittest.DialogText(w)
	if !strings.Contains(got, "0 customers can be imported, 2 rows are refused") || !strings.Contains(got, "line 2\nName: is required") ||
		!strings.Contains(got, "line 3\nE-mail:") {
		t.Errorf("all rows wrong:\n%s", got)
	}
	if b := kittest.Button(t, w.Canvas().Overlays().Top(), "Import 0 customers"); !b.Disabled() {
		t.Error("Import is offered with nothing to import")
	}
	kittest.CloseDialogs(w)
	if n := len(allCustomers(t, db)); n != 0 {
		t.Errorf("bad files wrote %d customers", n)
	}
}
