package screens

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

func TestSalesBatchExportCombinedFolderAndCancel(t *testing.T) {
	s, w, d := salesTestScreen(t)
	r := &fakeRenderer{}
	s.deps.PDF = r
	docs := seedInvoices(t, d, 7)
	l := s.lists[app.KindInvoice]
	l.reload()

	// Check three invoices in the table's check column.
	for _, row := range []int{0, 2, 4} {
		l.table.Select(widget.TableCellID{Row: row, Col: 0})
	}
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
	if len(r.batches) != 1 || strings.Join(r.batches[0], ",") != "FV2026-0003,FV2026-0005,FV2026-0007" {
		t.Fatalf("Batch calls %v", r.batches)
	}
	if got := dialogText(w); !strings.Contains(got, "Wrote 3 documents to "+path) {
		t.Errorf("summary %q", got)
	}
	if data, err := os.ReadFile(path); err != nil || strings.Count(string(data), "%PDF-fake") != 3 {
		t.Errorf("combined file %q %v", data, err)
	}
	if len(opened) != 1 || opened[0] != path {
		t.Errorf("opened %v", opened)
	}
	closeDialogs(w)

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
	if !strings.Contains(dialogText(w), "Wrote 7 documents to "+out) {
		t.Errorf("folder summary %q", dialogText(w))
	}
	closeDialogs(w)

	// Cancel in the progress dialog stops the export and leaves no file.
	cancelled := filepath.Join(dir, "zruseno.pdf")
	r.onDoc = func(n int) {
		if n == 2 {
			tapDialog(t, w, "Cancel")
		}
	}
	l.runBatch(batchSpec{filter: &filter, total: l.rows.Count}, false, cancelled)
	if last := r.batches[len(r.batches)-1]; len(last) != 2 {
		t.Errorf("the cancelled batch rendered %v", last)
	}
	if _, err := os.Stat(cancelled); !os.IsNotExist(err) {
		t.Error("a cancelled export left its file")
	}
	if _, err := os.Stat(cancelled + ".part"); !os.IsNotExist(err) {
		t.Error("a cancelled export left its temporary file")
	}
	if !strings.Contains(dialogText(w), "Cancelled. No file was written.") {
		t.Errorf("cancel says %q", dialogText(w))
	}
}

func TestBatchSourceHoldsOnePageAndSkipsDrafts(t *testing.T) {
	test.NewTempApp(t)
	c := testCompany()
	d, _, _ := testDeps(&c)
	docs := seedInvoices(t, d, batchPage+5)
	_, _, sales := salesFakes(d)
	if _, err := sales.SaveDraft(d.Ctx(), app.SalesDoc{Kind: app.KindInvoice}); err != nil {
		t.Fatal(err)
	}
	src := &batchSource{ctx: d.Ctx(), sales: sales, filter: &app.DocFilter{Kind: app.KindInvoice}}
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
	ctx, cancel := context.WithCancel(d.Ctx())
	cancel()
	if _, err := exportFolder(ctx, &fakeRenderer{}, c, src.next, t.TempDir(), nil); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("a cancelled folder export: %v", err)
	}
}
