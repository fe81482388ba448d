package sales

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kontor/app"
	"kontor/screens/kit"
)

// batchPage is how many documents a batch export holds at once.
const batchPage = 50

// batchSource hands out the documents of a batch export one at a time: the
// checked ones by ID, or those matching a filter page by page, so memory
// stays bounded however many there are. Drafts have no PDF and are skipped.
type batchSource struct {
	ctx    context.Context
	sales  app.SalesService
	ids    []string
	filter *app.DocFilter
	page   []app.SalesDoc
	offset int
	last   bool
}

// next returns the next document, io.EOF after the last.
func (b *batchSource) next() (app.SalesDoc, error) {
	if b.filter == nil {
		if len(b.ids) == 0 {
			return app.SalesDoc{}, io.EOF
		}
		id := b.ids[0]
		b.ids = b.ids[1:]
		return b.sales.Document(b.ctx, id)
	}
	for {
		if len(b.page) == 0 {
			if b.last {
				return app.SalesDoc{}, io.EOF
			}
			page, _, err := b.sales.Documents(b.ctx, *b.filter, b.offset, batchPage)
			if err != nil {
				return app.SalesDoc{}, err
			}
			b.offset += len(page)
			b.last = len(page) < batchPage
			b.page = page
			if len(page) == 0 {
				return app.SalesDoc{}, io.EOF
			}
		}
		d := b.page[0]
		b.page = b.page[1:]
		if d.Status != app.StatusDraft {
			return d, nil
		}
	}
}

// exportCombined writes every document of next into one PDF at path; a
// cancelled or failed export leaves no file.
func exportCombined(ctx context.Context, r app.Printer, c app.Company, next func() (app.SalesDoc, error), path string, progress func(int)) (int, error) {
	n := 0
	counted := func() (app.SalesDoc, error) {
		d, err := next()
		if err == nil {
			n++
		}
		return d, err
	}
	err := kit.WriteFileAtomic(path, func(w *os.File) error {
		pnext := func() (app.Printable, error) { return counted() }
		if err := r.PrintAll(ctx, w, pnext, c, progress); err != nil {
			return err
		}
		return ctx.Err()
	})
	if ctx.Err() != nil {
		return n, kit.ErrCancelled()
	}
	return n, err
}

// exportFolder writes each document of next as NUMBER.pdf into dir.
func exportFolder(ctx context.Context, r app.Printer, c app.Company, next func() (app.SalesDoc, error), dir string, progress func(int)) (int, error) {
	n := 0
	for {
		if ctx.Err() != nil {
			return n, kit.ErrCancelled()
		}
		d, err := next()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		if err := kit.WriteFileAtomic(filepath.Join(dir, pdfFileName(d)), func(w *os.File) error { return r.Print(w, d, c) }); err != nil {
			return n, err
		}
		n++
		if progress != nil {
			progress(n)
		}
	}
}

// exportBatch offers the two forms of a batch export of the checked
// documents (selected) or of all the list shows.
func (l *docList) exportBatch(selected bool) {
	var ids []string
	if selected {
		for id := range l.selected {
			ids = append(ids, id)
		}
		sort.Strings(ids)
	}
	filter := l.filter
	combined, folder := lang.X("sales.batch_combined", "One combined PDF"), lang.X("sales.batch_folder", "One file each in a folder")
	mode := widget.NewRadioGroup([]string{combined, folder}, nil)
	mode.Required = true
	mode.SetSelected(combined)
	what := kit.Plural("sales.batch_all", l.rows.Count, "The {{.n}} listed document (drafts are left out).", "All {{.n}} listed documents (drafts are left out).", nil)
	if selected {
		what = kit.Plural("sales.batch_selected", len(ids), "{{.n}} selected document.", "{{.n}} selected documents.", nil)
	}
	body := container.NewVBox(widget.NewLabel(what), mode)
	dialog.ShowCustomConfirm(lang.X("sales.batch_title", "Export PDFs"), lang.X("sales.batch_next", "Continue…"), lang.X("action.cancel", "Cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		spec := batchSpec{ids: ids, total: len(ids)}
		if !selected {
			spec.filter, spec.total = &filter, l.rows.Count
		}
		if mode.Selected == folder {
			kit.OpenFolder(l.s.win, func(path string) { l.runBatch(spec, true, path) })
			return
		}
		name := app.FoldText(listTitle(l.kind)) + "-" + l.s.deps.Clock().Now().Format("2006-01-02") + ".pdf"
		kit.SaveFileAs(l.s.win, name, ".pdf", func(path string) { l.runBatch(spec, false, path) })
	}, l.s.win)
}

// batchSpec says which documents a batch export takes.
type batchSpec struct {
	ids    []string
	filter *app.DocFilter
	total  int
}

// runBatch exports in the background with a progress bar and Cancel, then
// says how many documents went where.
func (l *docList) runBatch(spec batchSpec, folder bool, target string) {
	bar := widget.NewProgressBar()
	count := widget.NewLabel(lang.X("sales.batch_progress", "{{.done}} of {{.total}}", map[string]any{"done": 0, "total": spec.total}))
	wait := dialog.NewCustom(lang.X("sales.batch_running", "Exporting PDFs…"), lang.X("action.cancel", "Cancel"), container.NewVBox(count, bar), l.s.win)
	stop := &kit.Stop{}
	wait.SetOnClosed(stop.Stop) // Cancel was pressed (or the job is over)
	kit.ShowSized(wait, fyne.NewSize(420, 0))
	total := spec.total
	deps, win := l.s.deps, l.s.win
	kit.Job(deps, kit.To{Stop: stop}, func(ctx context.Context, progress func(done, total int)) (int, error) {
		c, err := deps.Services.Company.Company(ctx)
		if err != nil {
			return 0, err
		}
		src := &batchSource{ctx: ctx, sales: deps.Services.Sales, ids: spec.ids, filter: spec.filter}
		step := func(done int) { progress(done, total) }
		if folder {
			return exportFolder(ctx, deps.Printer, c, src.next, target, step)
		}
		return exportCombined(ctx, deps.Printer, c, src.next, target, step)
	}, func(done, total int) {
		count.SetText(lang.X("sales.batch_progress", "{{.done}} of {{.total}}", map[string]any{"done": done, "total": total}))
		if total > 0 {
			bar.SetValue(float64(done) / float64(total))
		}
	}, func(n int, err error) {
		stopped := stop.Stopped()
		wait.Hide()
		title := lang.X("sales.batch_title", "Export PDFs")
		switch {
		case stopped && folder:
			dialog.ShowInformation(title, kit.Plural("sales.batch_cancelled_folder", n, "Cancelled. {{.n}} file was written to {{.path}}.", "Cancelled. {{.n}} files were written to {{.path}}.", map[string]any{"path": target}), win)
		case stopped:
			dialog.ShowInformation(title, lang.X("sales.batch_cancelled", "Cancelled. No file was written."), win)
		case err != nil:
			kit.ShowError(err, win)
		default:
			dialog.ShowInformation(title, kit.Plural("sales.batch_done", n, "Wrote {{.n}} document to {{.path}}.", "Wrote {{.n}} documents to {{.path}}.", map[string]any{"path": target}), win)
			if !folder {
				kit.OpenFile(target)
			}
		}
	})
}
