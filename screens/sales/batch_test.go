package sales

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/kittest"
	"kontor/screens/kit"
)

// recordingPrinter is the real printer that also notes the documents each
// PrintAll wrote and may act after each (a Cancel tap).
type recordingPrinter struct {
	app.Printer
	batches [][]string
	onDoc   func(n int)
}

func (p *recordingPrinter) PrintAll(ctx context.Context, w io.Writer, next func() (app.Printable, error), c app.Company, progress func(int)) error {
	var names []string
	p.batches = append(p.batches, nil)
	i := len(p.batches) - 1
	return p.Printer.PrintAll(ctx, w, func() (app.Printable, error) {
		d, err := next()
		if err == nil {
			names = append(names, d.(app.SalesDoc).Number)
			p.batches[i] = names
		}
		return d, err
	}, c, func(n int) {
		if progress != nil {
			progress(n)
		}
		if p.onDoc != nil {
			p.onDoc(n)
		}
	})
}

func TestSalesBatchExportCombinedFolderAndCancel(t *testing.T) {
	v, h, db := salesTest(t)
	s, w := v.s, h.Window()
	r := &recordingPrinter{Printer: s.deps.Printer}
	s.deps.Printer = r
	docs := seedInvoices(t, db, 7)
	l := s.lists[app.KindInvoice]
	l.reload()

	// Check three invoices in the table's check column.
	var want []string
	for _, row := range []int{0, 2, 4} {
		d, _ := l.rows.Row(row)
		want = append(want, d.Number)
		l.table.Select(widget.TableCellID{Row: row, Col: 0})
	}
	sort.Strings(want)
	if len(l.selected) != 3 || !strings.Contains(l.countText.Text, "3 selected") || l.exportSel.Disabled() {
		t.Fatalf("selected %v, %q", l.selected, l.countText.Text)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "faktury.pdf")
	var ids []string
	for id := range l.selected {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var opened []string
	kit.OpenFile = func(p string) { opened = append(opened, p) }
	t.Cleanup(func() { kit.OpenFile = func(string) {} })

	l.runBatch(batchSpec{ids: ids, total: 3}, false, path)
	if len(r.batches) != 1 || len(r.batches[0]) != 3 {
		t.Fatalf("PrintAll calls %v", r.batches)
	}
	got := append([]string(nil), r.batches[0]...)
	sort.Strings(got)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("combined %v", got)
	}
	if got := kittest.DialogText(w); !strings.Contains(got, "Wrote 3 documents to "+path) {
		t.Errorf("summary %q", got)
	}
	if data, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Errorf("combined file: %v", err)
	}
	if len(opened) != 1 || opened[0] != path {
		t.Errorf("opened %v", opened)
	}
	kittest.CloseDialogs(w)

	// Folder mode over the whole filtered list: one file per invoice.
	out := filepath.Join(dir, "each")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	filter := l.filter
	l.runBatch(batchSpec{filter: &filter, total: l.rows.Count}, true, out)
	files, _ := os.ReadDir(out)
	if len(files) != len(docs) || files[0].Name() != "FV2026-0001.pdf" {
		t.Errorf("folder has %d files: %v", len(files), files)
	}
	for _, f := range files {
		if data, err := os.ReadFile(filepath.Join(out, f.Name())); err != nil || !strings.HasPrefix(string(data), "%PDF") {
			t.Errorf("%s is no PDF: %v", f.Name(), err)
		}
	}
	if !strings.Contains(kittest.DialogText(w), "Wrote 7 documents to "+out) {
		t.Errorf("folder summary %q", kittest.DialogText(w))
	}
	kittest.CloseDialogs(w)

	// Cancel in the progress dialog stops the export and leaves no file.
	cancelled := filepath.Join(dir, "zruseno.pdf")
	r.onDoc = func(n int) {
		if n == 2 {
			tapDialog(t, w, "Cancel")
		}
	}
	l.runBatch(batchSpec{filter: &filter, total: l.rows.Count}, false, cancelled)
	// (The real printer draws in chunks, so it may have pulled every
	// document before the first progress call; what counts is the file.)
	if _, err := os.Stat(cancelled); !os.IsNotExist(err) {
		t.Error("a cancelled export left its file")
	}
	if _, err := os.Stat(cancelled + ".part"); !os.IsNotExist(err) {
		t.Error("a cancelled export left its temporary file")
	}
	if !strings.Contains(kittest.DialogText(w), "Cancelled. No file was written.") {
		t.Errorf("cancel says %q", kittest.DialogText(w))
	}
}

func TestBatchSourceHoldsOnePageAndSkipsDrafts(t *testing.T) {
	_, h, db := salesTest(t)
	docs := seedInvoices(t, db, batchPage+5)
	sales := db.Services().Sales
	if _, err := sales.SaveDraft(db.Ctx, app.SalesDoc{Kind: app.KindInvoice, Currency: "CZK"}); err != nil {
		t.Fatal(err)
	}
	src := &batchSource{ctx: db.Ctx, sales: sales, filter: &app.DocFilter{Kind: app.KindInvoice}}
	n := 0
	for {
		doc, err := src.next()
		if err != nil {
			break
		}
		if doc.Status == app.StatusDraft {
			t.Fatal("a draft went to the PDF")
		}
		if len(src.page) >= batchPage {
			t.Fatalf("holding %d documents", len(src.page)+1)
		}
		n++
	}
	if n != len(docs) {
		t.Errorf("exported %d of %d", n, len(docs))
	}
	ctx, cancel := context.WithCancel(db.Ctx)
	cancel()
	if _, err := exportFolder(ctx, h.Deps().Printer, h.Company(), src.next, t.TempDir(), nil); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("a cancelled folder export: %v", err)
	}
}

// A 70-line invoice saves, issues and exports as a PDF from the form.
func TestSalesSeventyLineInvoiceExportsPDF(t *testing.T) {
	v, h, db := salesTest(t)
	w := h.Window()
	cust, err := db.Services().Customers.SaveCustomer(db.Ctx, app.Customer{Name: "Dvořák", Street: "Lidická 1", City: "Brno"})
	if err != nil {
		t.Fatal(err)
	}
	v.Open(kit.ArgNew)
	f := v.s.form
	f.setCustomer(cust)
	for i := 0; i < 70; i++ {
		if i > 0 {
			test.Tap(button(t, w.Content(), "Add line"))
		}
		r := f.lines.rows[i]
		test.Type(r.text, fmt.Sprintf("Položka %d", i+1))
		test.Type(r.price, "100")
	}
	test.Tap(button(t, w.Content(), "Issue…"))
	tapDialog(t, w, "Yes")
	kittest.CloseDialogs(w)
	d, err := db.Services().Sales.DocumentByNumber(db.Ctx, "FV2026-0001")
	if err != nil || len(d.Lines) != 70 || d.Totals.Base != 700000 {
		t.Fatalf("stored %d lines, base %d: %v", len(d.Lines), d.Totals.Base, err)
	}
	path := filepath.Join(t.TempDir(), "FV2026-0001.pdf")
	v.s.writePDF(v.s.form.doc, path)
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasPrefix(string(data), "%PDF") {
		t.Fatalf("PDF: %v", err)
	}
	if !strings.Contains(texts(w.Content()), "Saved "+path) {
		t.Errorf("no saved note:\n%s", texts(w.Content()))
	}
}
